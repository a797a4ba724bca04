package vocab

// Deaths and adverse effects: rule 4 of docs/outcomes.md.

import "strings"

// causeLink reports whether the text between a death and a worsening names the worsening
// as the cause in the way of a table cell: a parenthesis right after the death ("Died (disease
// progression)"). In a sentence, "died from progressive multifocal leukoencephalopathy" may
// name a complication of the treatment, so there the death stays a low-confidence proposal.
func causeLink(between string) bool {
	w := strings.Fields(strings.ToLower(strings.NewReplacer("(", " ( ").Replace(between)))
	return len(w) == 1 && w[0] == "("
}

// deathReading reads a death (the decisive statement live[decisive], not evaluable so far) by
// rule 4: the whole outcome cell, a death despite the course or one with the worsening stated
// as its cause is progression; a death beside a stated worsening is proposed as progression
// with the reason for low confidence returned; any other death stays not evaluable.
func deathReading(text string, toks []token, live []target, decisive int, res *OutcomeMatch) (low string) {
	if res.Category == NotEvaluable && len(live) == 1 &&
		wholeCell(toks, live[decisive]) {
		// "Dead", "Died 16 months later" as the whole outcome cell of a case-summary table: no
		// other cause is given, so the death is the disease's (docs/outcomes.md rule 4)
		res.Category, res.Code = Progression, Progression.Code()
		res.Evidence.Rule += " (a death as the whole outcome cell: from the disease, rule 4)"
	}
	if res.Category == NotEvaluable && live[decisive].despite {
		// "despite aggressive treatment, the patient died": a death the course did not prevent
		// is the disease's (rule 4)
		res.Category, res.Code = Progression, Progression.Code()
		res.Evidence.Rule += " (a death despite the course: from the disease, rule 4)"
	}
	if res.Category == NotEvaluable {
		for _, t := range live {
			if t.category == Progression && !t.negated && !t.hedged {
				res.Category, res.Code = Progression, Progression.Code()
				if d := live[decisive]; t.i >= d.j && causeLink(text[d.end:t.start]) {
					// "Died (disease progression)", "died of progressive respiratory failure":
					// the worsening is the stated cause of the death
					res.Evidence.Rule += " (a death from the worsening stated as its cause, rule 4)"
					break
				}
				// "progressive interstitial lesions … he passed away": perhaps died of the
				// disease (progression), perhaps of something else (not evaluable)
				return "a death after a stated worsening: from the disease (progression) or not (not evaluable)"
			}
		}
	}
	return ""
}

// outcomeBeforeDeath reads a death that is not the disease's (res not evaluable so far)
// beside a weak word that reads strongly in context ("status epilepticus persisted and the
// patient died of sepsis"): rule 4 makes such a death not evaluable only when no response
// or non-response is stated, so the stated outcome decides. The weak statements must agree.
func (c *compiled) outcomeBeforeDeath(text string, toks []token, live []target, res *OutcomeMatch) {
	var found *target
	for k, t := range live {
		if !t.entry.weak() || t.negated || t.hedged || t.quantity || !t.category.Ordered() ||
			!c.strongInContext(text, toks, t) {
			continue
		}
		if found != nil && found.category != t.category {
			return
		}
		found = &live[k]
	}
	if found != nil {
		res.Category, res.Code = found.category, found.category.Code()
		res.Phrase = text[found.start:found.end]
		res.Evidence.Phrase, res.Evidence.Start, res.Evidence.End = res.Phrase, found.start, found.end
		res.Evidence.Rule += " (an outcome stated beside a death not from the disease: the outcome stands, rule 4)"
	}
}

// adverseStated reports whether an adverse effect neither hedged nor called mild is among
// the statements.
func adverseStated(live []target) bool {
	for _, t := range live {
		if t.entry.role == roleAdverse && !t.hedged && !t.mild {
			return true
		}
	}
	return false
}
