package vocab

import (
	"slices"
	"strings"
)

// decide turns the targets of a text into one reading: history and relapse rules,
// sites, best overall response, confidence and evidence.
//
// cues are the context cues found in the text; of them, the dose-change cues matter here:
// a non-response followed by a dose change and then a response is the course's best
// response, not a disagreement ("poor response to 60 mg; after increase to 90 mg responded
// well"), and the other-death cues name a death's cause (rule 4).
func (c *compiled) decide(text string, toks []token, ends []bool, targets []target, clause []int, cues []cueHit, once bool, res OutcomeMatch) OutcomeMatch {
	doseChange := doseChanges(cues)
	live := make([]target, 0, len(targets))
	historyOnly := false
	for _, t := range targets {
		if t.history {
			historyOnly = true
			continue
		}
		live = append(live, t)
	}
	if res.NotAttributable, live = severalPatients(toks, ends, targets, live); res.NotAttributable {
		for _, t := range live {
			res.Phrases = append(res.Phrases, t.phraseMatch(text, clause))
		}
		res.Status, res.Rule = StatusContained, "not attributable"
		res.Evidence = Evidence{Rule: "other patients: the text reports several patients"}
		return res
	}
	if len(live) == 0 {
		if historyOnly {
			res.Evidence = Evidence{Rule: "history only: every outcome statement is about an earlier treatment"}
		}
		return res
	}

	live = dropSuperseded(live, clause)
	live = dropObjects(toks, live, clause)
	live = dropHedged(live)
	low := ""
	patient := live // every statement, also those a course's own statements set aside: a death is the patient's
	if kept, own := preferCourseClauses(live); own != nil {
		if classesDiffer(kept, live) || classesDiffer(own, kept) && statesClass(own) {
			// a statement set aside, or a later one naming no treatment, says another class
			// than the course's own statements ("responded to steroids; later, recurrent
			// symptoms"), when the course's own say a class at all: a person decides
			low = lowSetAsideDisagree
		}
		live = kept
	}

	// relapse, flare and recurrence depend on time
	keep, onCourseRelapse, relapseLow := relapseRules(toks, live, doseChange, once)
	if relapseLow != "" {
		low = relapseLow
	}
	live = keep
	for _, t := range live {
		res.Phrases = append(res.Phrases, t.phraseMatch(text, clause))
	}
	c.promoteStrongWeak(text, toks, live, res.Phrases)

	decisive := c.categorise(text, toks, clause, onCourseRelapse, &res)
	if decisive >= 0 {
		res.Phrase = res.Phrases[decisive].Phrase
	}
	res.Code = res.Category.Code()

	// evidence and confidence
	res.Confidence = ConfidenceHigh
	if decisive >= 0 {
		if l := c.decisiveEvidence(text, toks, live[decisive], &res); l != "" {
			low = l
		}
		if low == lowWeakOnly {
			low = c.weakInContext(text, toks, live, decisive, &res)
		}
	} else {
		res.Evidence = Evidence{Rule: "site roll-up"}
	}
	if decisive >= 0 && low == "" {
		if cat := notEvaluableBesideWeak(live, decisive); cat != CategoryUnknown {
			res.Category, res.Code, low = cat, cat.Code(), lowNotEvaluableBeside
		}
	}
	if decisive >= 0 && res.Category == NotEvaluable && live[decisive].entry.role == roleDeath {
		low = c.readDeath(text, toks, cues, live, decisive, low, &res)
	}
	if l := gradedSummaryBesideComplete(toks, live, decisive, low, &res); l != "" {
		low = l
	}
	rolledUp := c.rollUpBeside(text, toks, ends, live, decisive, low, c.persistedIn(text, toks), &res)
	if l := disagreement(toks, live, decisive, rolledUp, doseChange, &res); l != "" {
		low = l
	} else if low == "" && res.Category.AtLeast(Partial) && c.deathAfterResponse(text, toks, cues, patient) {
		// "creatine kinase decreased, but he died because of acute pump failure": the
		// response may not have lasted, and the death may be the disease's (rule 4)
		low = "a death after a stated response: from the disease or not"
	}
	if low == "" && decisive >= 0 {
		low = c.lowFromContext(toks, ends, targets, live[decisive], res.Category)
	}
	if low != "" {
		res.Confidence = ConfidenceLow
		if res.Evidence.Rule != "" {
			res.Evidence.Rule += "; low confidence: " + low
		} else {
			res.Evidence.Rule = "low confidence: " + low
		}
	}
	if res.Category == Unclassified {
		res.Confidence = ConfidenceNone
	} else if res.Confidence == ConfidenceLow {
		// a reading the reader is not sure of is a proposal, not a count (docs/outcomes.md)
		res.Proposed, res.Category, res.Code = res.Category, Unclassified, ""
	}
	return res
}

// categorise sets the category of res from its phrases: progression for a
// relapse on the course, the roll-up of two or more sites (when any site is evaluable), or
// the best overall response. It returns the index of the decisive phrase, or -1 for
// a site roll-up.
func (c *compiled) categorise(text string, toks []token, clause []int, onCourseRelapse int, res *OutcomeMatch) (decisive int) {
	res.Status = StatusContained
	if onCourseRelapse >= 0 {
		decisive = onCourseRelapse
		res.Category, res.Rule = Progression, "best overall response"
	} else {
		findings := c.sitesOf(text, toks, clause, res)
		if cat := rollUp(res.Sites, findings); len(res.Sites) >= 2 && cat != NotEvaluable {
			res.Category, res.Rule = cat, "site roll-up"
			for _, s := range res.Sites[1:] {
				if s.Category != res.Sites[0].Category {
					res.Mixed = true
				}
			}
			decisive = -1
		} else {
			all := make([]int, len(res.Phrases))
			for k := range all {
				all[k] = k
			}
			cat, k := bestOverall(res.Phrases, all)
			res.Category, res.Rule, decisive = cat, "best overall response", k
			if k >= 0 && len(all) == 1 {
				res.Rule = "phrase"
				if res.Phrases[k].Start == toks[0].start && res.Phrases[k].End == toks[len(toks)-1].end {
					res.Status = StatusExact
				}
			}
			for _, p := range res.Phrases {
				if !p.Secondary && p.Category.Ordered() && p.Category != cat && cat.Ordered() {
					res.Mixed = true
				}
			}
		}
	}
	return decisive
}

// decisiveEvidence sets the evidence of res from its decisive statement t:
// rule, phrase, span and cue, and whether a weak word reads strongly. low is
// the last reason for low confidence found, or "".
func (c *compiled) decisiveEvidence(text string, toks []token, t target, res *OutcomeMatch) (low string) {
	res.Evidence = Evidence{Rule: t.rule, Phrase: res.Phrase, Start: t.start, End: t.end}
	switch {
	case t.negated:
		res.Evidence.Cue = t.negCue
	case t.histCue != "":
		res.Evidence.Cue = t.histCue
	}
	if t.hedged {
		res.Evidence.Cue, low = t.hedgeCue, "hedged statement"
	}
	if !t.quantity && !t.negated && t.category.AtLeast(Minimal) && t.category < Complete && sizeChange[lastWord(t.entry.phrase)] && amountAfter(text, toks, t.j) {
		// "the tumor shrunk 13 mm", "decreased in size (17 cm)": a change by an amount whose
		// baseline the text does not give; rule 5 cannot grade it
		low = "a change by an amount without its baseline"
	}
	if (t.entry.weak() || t.entry.secondary) && !t.quantity && !t.entry.partOnly && wholeCellGrade(toks, t) {
		res.Evidence.Rule += " (the whole cell: the authors' own grade)"
	} else if t.entry.weak() && !t.quantity && !t.entry.partOnly && lesionSubjectGrade(toks, t) {
		res.Evidence.Rule += " (the whole cell but for the lesion it is said of: the authors' own grade)"
	} else if t.entry.weak() && !t.quantity && c.strongInContext(text, toks, t) {
		res.Evidence.Rule += " (weak word, read strongly in context)"
	} else if (t.entry.weak() || t.entry.secondary) && !t.quantity && t.category == Progression && t.on && !t.negated && !t.hedged && t.entry.role != roleRelapse &&
		!changeOfMeasure(t.entry.normPhrase()) {
		// "lesions spreading despite treatment", "new lesions while on treatment": a
		// worsening the text places on the course is progression (rule 3); a word of change
		// ("liver enzymes increased despite dose reduction") may be a harm, and stays weak
		res.Evidence.Rule += " (a worsening on the course: rule 3)"
	} else if t.entry.weak() && !t.quantity && t.graded {
		// "complete relief", "only minimal relief", "temporarily effective": the authors
		// graded the benefit, which a weak word alone does not
		res.Evidence.Rule += " (weak word, graded by a qualifier)"
	} else if t.entry.secondary && !t.negated && t.category == Complete && procedureBefore(toks, t.i) {
		// "Excised; no recurrence at 2 years": after an operation, no recurrence is the
		// manifestation gone (rule 7)
		res.Evidence.Rule += " (no recurrence after an operation: rule 7)"
	} else if t.entry.role == roleLasting && !t.negated && !t.hedged {
		// "No recurrence of the lesions was observed during 14 months of follow-up": a
		// response that lasted, the only statement of the outcome (beside a graded response
		// it is secondary, and the grade decides)
		res.Evidence.Rule += " (a response that lasted)"
	} else if t.timePoint && !t.negated && !t.hedged {
		// "mo 3 same; mo 6 same; stopped": each time point graded alone, and nothing else
		// stated of the outcome
		res.Evidence.Rule += " (a time point's own grade)"
	} else if t.entry.secondary && !t.quantity && newFindingAtSite(toks, t) {
		res.Evidence.Rule += " (the whole cell but for where the new finding is: the authors' own grade)"
	} else if t.entry.weak() || t.entry.secondary && !t.negated {
		low = lowWeakOnly
	} else if t.negated && t.entry.category == Progression && t.category == None && t.negStates == CategoryUnknown && !t.benefitDenied {
		// "no new lesions", "no signs of deterioration" alone: stable or responding, the
		// text does not say which (rule 2 counts them as no worsening, not as no response)
		low = "only the absence of worsening is stated"
	}
	if t.entry.role == roleAdverse {
		if t.mild {
			low = "an adverse effect called mild: the response is not stated"
		} else if !t.hedged {
			res.Evidence.Rule += " (an adverse effect, and no response stated: rule 4)"
		}
	}
	switch {
	case t.quantity && t.entry.weak() && t.rule == ruleSeriesWaned:
		low = "a later value of the series is worse than its best: the best response, or one that waned"
	case t.quantity && t.entry.weak():
		low = "a change in a measure whose direction of benefit is not known"
	}
	return low
}

func (t target) phraseMatch(text string, clause []int) PhraseMatch {
	return PhraseMatch{Phrase: text[t.start:t.end], Matched: t.entry.phrase, Category: t.category, Negated: t.negated,
		Secondary: t.entry.secondary || t.entry.weak() && !(t.graded && t.category == Minimal), Marker: t.entry.marker, Start: t.start, End: t.end, seg: clause[t.i]}
}

// vagueChange are single words of change that a number in the same clause states more
// precisely ("proteinuria reduced by 30 %" is read from the 30 %, rule 5). "Response" is
// not among them: when the authors call a change a response, rule 5 keeps their word.
var vagueChange = map[string]bool{"reduced": true, "decreased": true, "reduction": true, "decrease": true, "declined": true,
	"decline": true, "fell": true, "dropped": true, "lowered": true, "lowering": true, "improved": true, "improvement": true,
	"diminished": true, "regression": true, "shrinkage": true, "shrank": true, "shrunk": true, "smaller": true,
	"fall": true, "drop": true, "halved": true, "better": true, "cleared": true, "clearance": true, "down": true,
	"ameliorated": true, "amelioration": true, "lighter": true, "lightened": true, "lightening": true, "softening": true, "softened": true,
	// a response whose share a percentage states ("repigmentation <25 %", "60 % hair regrowth")
	"regrowth": true, "hair regrowth": true, "repigmentation": true, "repigmented": true, "repig": true, "healing": true, "healed": true,
	"closure": true, "wound closure": true, "closed": true,
	// the same said of a size, which numbers after them state precisely ("decreased in size
	// from 4.2 cm to 3.6 cm" is a 14 % fall)
	"decreased in size": true, "reduced in size": true, "decrease in size": true, "reduction in size": true,
	"shrank in size": true, "diminished in size": true, "regressed in size": true,
	// a rise, which numbers after it state as precisely ("albumin rose from 2.1 to 2.6")
	"rose": true, "increased": true, "rise": true, "increase": true, "improved to": true}

// dropSuperseded removes targets that a more precise statement of the same clause
// replaces: a vague change word beside a number read by rule 5, and any response word
// before a "not assessed" phrase ("response could not be assessed").
func dropSuperseded(live []target, clause []int) []target {
	quantity := map[int]bool{}
	for _, t := range live {
		if t.quantity && !t.entry.weak() && !(t.inParens && t.entry.secondary) {
			quantity[clause[t.i]] = true // a number in parentheses that only details supersedes nothing
		}
	}
	return keepTargets(live, func(k int) bool {
		t := &live[k]
		cl := clause[t.i]
		if !t.quantity && quantity[cl] && (vagueChange[t.entry.normPhrase()] || fewerPhrase(t.entry.normPhrase()) || lesionChange(t.entry.normPhrase())) {
			return false
		}
		for m := k + 1; m < len(live); m++ {
			if u := &live[m]; u.entry.role == roleUnassess && clause[u.i] == cl && t.entry.role != roleUnassess {
				return false
			}
		}
		if k > 0 && t.entry.role != roleUnassess {
			// "too early to evaluate response": the response word right after is what was
			// not assessed
			u := &live[k-1]
			return !(u.entry.role == roleUnassess && clause[u.i] == cl && t.i-u.j <= 1)
		}
		return true
	})
}

// fewerPhrase reports whether phrase is "fewer" or "less" and the thing there is less of
// ("fewer seizures", "less pain"): a percentage in its clause says how much less.
func fewerPhrase(phrase string) bool {
	if phrase == "fewer" || phrase == "less" {
		return true // "30 % fewer papules": the word alone, read beside a measure
	}
	first, rest, ok := strings.Cut(phrase, " ")
	return ok && (first == "fewer" || first == "less") && !strings.Contains(rest, " ")
}

// keepTargets returns the statements of live that keep accepts (keep gets an index
// into live), in order. When it accepts them all, the common case, it returns live
// itself and allocates nothing, so callers give it a slice they no longer use.
func keepTargets(live []target, keep func(k int) bool) []target {
	for k := range live {
		if keep(k) {
			continue
		}
		out := make([]target, k, len(live)-1)
		copy(out, live[:k])
		for m := k + 1; m < len(live); m++ {
			if keep(m) {
				out = append(out, live[m])
			}
		}
		return out
	}
	return live
}

func dropObjects(toks []token, live []target, clause []int) []target {
	objectOf := func(t, u *target) bool {
		if u.j >= t.i || t.i-u.j > 3 || clause[u.i] != clause[t.i] || !changeNouns[toks[u.j-1].norm] || u.negated {
			return false
		}
		if n := toks[u.j].norm; n != "in" && n != "of" {
			return false
		}
		return !slices.ContainsFunc(toks[u.j:t.i+1], func(tk token) bool { return tk.brk })
	}
	return keepTargets(live, func(x int) bool {
		// the statements are in text order and an object's change noun ends at most three
		// words before it: only the few statements before it can be that noun
		for m := max(0, x-4); m < x; m++ {
			if objectOf(&live[x], &live[m]) {
				return false
			}
		}
		return true
	})
}

// changeNouns are the nouns of a change whose object "in" or "of" names (dropObjects).
var changeNouns = map[string]bool{"improvement": true, "improvements": true, "response": true, "responses": true,
	"reduction": true, "decrease": true, "resolution": true, "regression": true, "amelioration": true,
	"normalisation": true, "normalization": true, "remission": true}

// dropHedged removes hedged statements when the text also asserts something: a
// possibility or an intention ("given to achieve remission") is no observation.
func dropHedged(live []target) []target {
	asserted := false
	for _, t := range live {
		// "possible mild improvement, difficult to assess": a difficulty of assessing is no
		// assertion that outweighs the hedged response; both stand, and the doubt shows
		if !t.hedged && t.entry.role != roleUnassess {
			asserted = true
		}
	}
	if !asserted {
		return live
	}
	return keepTargets(live, func(k int) bool { return !live[k].hedged })
}

// preferCourseClauses keeps, when some statements other than harms sit in a clause that
// names the course's own treatment, only those and the statements that follow them naming no
// treatment: "did not respond to lorazepam and ECT but resolved after memantine" is a
// non-response of a lorazepam course, whatever resolved it later.
//
// own is the course clauses' statements alone, nil when no clause names the course.
func preferCourseClauses(live []target) (kept, own []target) {
	any := false
	for _, t := range live {
		if t.courseClause && !t.entry.secondary && !t.entry.weak() && t.entry.role != roleAdverse {
			any = true // a harm of the course ("steroid side effects") says nothing of its effect
		}
	}
	if !any {
		return live, nil
	}
	for _, t := range live {
		if t.courseClause {
			own = append(own, t)
		}
		if t.courseClause || t.followsCourse {
			kept = append(kept, t)
		}
	}
	return kept, own
}

// statesClass reports whether any of ts states a responder class (classesDiffer counts).
func statesClass(ts []target) bool { return classesDiffer(nil, ts) }

// classesDiffer reports whether the responder classes stated by all differ from those of
// kept (a statement set aside said something else).
func classesDiffer(kept, all []target) bool {
	class := func(ts []target) map[bool]bool {
		m := map[bool]bool{}
		for _, t := range ts {
			if t.entry.role == roleRelapse && (t.after || t.afterOnce) {
				continue // a relapse after the course keeps the best response (rule 3)
			}
			if t.category.Ordered() && !t.entry.secondary && !t.entry.weak() {
				m[t.category.Responder()] = true
			}
		}
		return m
	}
	a, b := class(kept), class(all)
	return len(a) != len(b)
}

// lowWeakOnly is the reason for low confidence of a reading decided by a weak word alone.
const lowWeakOnly = "only weak evidence"

// gradedResponse reports whether a weak word of response that a qualifier graded as at
// least partial ("partial efficacy", "complete relief") stands among the statements, not
// hedged or negated.
func gradedResponse(live []target) bool {
	for _, t := range live {
		if t.graded && t.entry.weak() && !t.hedged && !t.negated && t.category.AtLeast(Partial) {
			return true
		}
	}
	return false
}

// The reasons for low confidence when a response and a non-response are both stated.
const (
	lowDisagree         = "statements disagree: a response and a non-response are both reported"
	lowSetAsideDisagree = "statements not naming the course, which disagree, were set aside"
)

// lowFor reports whether the low-confidence reading res was made low for one of reasons.
func lowFor(res OutcomeMatch, reasons ...string) bool {
	for _, r := range reasons {
		if strings.HasSuffix(res.Evidence.Rule, "low confidence: "+r) {
			return true
		}
	}
	return false
}

// procedureBefore reports whether a word of an operation stands before token i: a word
// surgical reads ("excision", "resection", "-ectomy") or a participle of one ("excised",
// "resected", "removed", "operated").
func procedureBefore(toks []token, i int) bool {
	for _, tk := range toks[:i] {
		switch tk.norm {
		case "excised", "resected", "removed", "operated", "curetted", "enucleated", "amputated":
			return true
		}
		if surgical(tk.norm) {
			return true
		}
	}
	return false
}

// amountAfter reports whether a length follows the change word that ends before token j,
// as the amount of the change ("shrunk 13 mm", "reduced by 2 cm", "decreased in size
// (17cm)"), not as the value it reached ("shrunk to 30 mm").
func amountAfter(text string, toks []token, j int) bool {
	for k := j; k < j+5 && k < len(toks); k++ {
		if k > 0 && strings.Trim(text[toks[k-1].end:toks[k].start], " (") != "" {
			return false // a clause of its own: "decreased; 3 cm residual mass"
		}
		w := toks[k].norm
		switch {
		case amountFillers[w]:
			continue
		case isNumber(w):
			return k+1 < len(toks) && lengthUnits[toks[k+1].norm]
		case len(w) > 2 && isNumber(strings.TrimRight(w, "cm")) && lengthUnits[strings.TrimLeft(w, "0123456789.,")]:
			return true // "17cm"
		}
		return false
	}
	return false
}

// lastWord returns the last word of a phrase, normalised.
func lastWord(phrase string) string {
	w := words(phrase)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// sizeChange are the last words of the change phrases a length may measure: words of
// shrinking or decrease, not of improvement or regression in general (vagueChange holds
// those too: "Marked regression (about 4 cm)" keeps its grade).
var sizeChange = map[string]bool{"shrunk": true, "shrank": true, "shrink": true, "shrinkage": true,
	"decreased": true, "reduced": true, "reduction": true, "decrease": true, "size": true,
	"smaller": true, "regressed": true, "diminished": true, "fell": true}

// amountFillers may stand between a change word and its amount.
var amountFillers = map[string]bool{"in": true, "size": true, "diameter": true, "length": true, "by": true,
	"its": true, "maximum": true, "approximately": true, "about": true}

// lengthUnits are the units of an amount of change in size.
var lengthUnits = map[string]bool{"mm": true, "cm": true}

// unreadPart reports whether a terse text (a cell of ten words or fewer) has a part, between
// clause punctuation, with a word of three letters or more other than a time or "despite
// treatment", and no outcome statement the reader found ("Na corrected" in "Na corrected;
// confusion persisted").
func (c *compiled) unreadPart(toks []token, targets []target) bool {
	if len(toks) > 10 {
		return false // a sentence says much besides its outcome; a terse cell does not
	}
	return c.unreadPartIn(toks, targets)
}

// unreadPartIn is unreadPart for a text of any length.
func (c *compiled) unreadPartIn(toks []token, targets []target) bool {
	covered := coveredBy(targets, len(toks))
	words, all, hit, lead := 0, 0, false, false
	for x := 0; x <= len(toks); x++ {
		if x == len(toks) || x > 0 && toks[x].brk {
			if words > 0 && all >= 2 && !hit && !lead {
				return true // two words at least: "Na corrected", not a lone "residual," of a list
			}
			words, all, hit = 0, 0, false
			if x == len(toks) {
				break
			}
		}
		if x == 0 || toks[x].brk {
			// "After plasmapheresis, …", "Despite this, …", "Case 3: …": a part that leads
			// into the statement, not one of its own
			lead = partLeads[toks[x].norm]
		}
		if !isNumber(toks[x].norm) {
			all++
		}
		if n, _ := c.drugTrie.longest(toks, x, nil); n > 0 {
			lead = true // "so lamotrigine was added": a part about another treatment
		}
		if covered[x] {
			hit = true
		} else if contentWord(toks[x].norm) && toks[x].norm != "despite" && toks[x].norm != "treatment" && toks[x].norm != "therapy" {
			words++
		}
	}
	return false
}

// coveredBy marks the tokens, of n, that a statement of targets covers.
func coveredBy(targets []target, n int) []bool {
	covered := make([]bool, n)
	for _, t := range targets {
		for x := t.i; x < t.j && x < n; x++ {
			covered[x] = true
		}
	}
	return covered
}

// contentWord reports whether w may carry a statement of its own: three letters or more,
// not a number, a time word or a time unit.
func contentWord(w string) bool {
	return len(w) >= 3 && !isNumber(w) && !cellTimeWords[w] && !timeUnits[w]
}

// partLeads open a part of a text that leads into the statement after it.
var partLeads = map[string]bool{"after": true, "despite": true, "however": true, "case": true, "patient": true,
	"following": true, "with": true, "on": true, "in": true, "during": true, "this": true, "but": true,
	"although": true, "then": true, "at": true, "since": true, "before": true, "the": true, "subsequently": true,
	"thereafter": true, "later": true, "unfortunately": true, "nevertheless": true, "still": true}

// changeOfMeasure reports whether phrase is a word of a measure's change ("increased",
// "fell", "rose"), not of the disease's worsening.
func changeOfMeasure(phrase string) bool {
	return vagueChange[phrase] || wordRise[phrase] || wordFall[phrase] || riseWords[phrase] || fallWords[phrase]
}
