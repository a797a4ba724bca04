package vocab

// Deaths and adverse effects: rule 4 of docs/outcomes.md.

import "strings"

// causeLink reports whether the text between a death and a worsening names the worsening
// as the cause in the way of a table cell: a parenthesis right after the death ("Died (disease
// progression)") or after a time ("died 4 mo (PD)"). In a sentence, "died from progressive multifocal leukoencephalopathy" may
// name a complication of the treatment, so there the death stays a low-confidence proposal.
func causeLink(between string) bool {
	w := strings.Fields(strings.ToLower(strings.NewReplacer("(", " ( ").Replace(between)))
	if len(w) == 0 || w[len(w)-1] != "(" || len(w) > 5 {
		return false
	}
	for _, x := range w[:len(w)-1] {
		// a time between: "died 4 mo (PD)", "died at 6 months (progression)"
		if x = strings.TrimRight(x, ","); !cellTimeWords[x] && !isNumber(x) {
			return false
		}
	}
	return true
}

// readDeath reads a death that decided the reading as not evaluable (rule 4) and returns the
// reason for low confidence, low if none is new.
func (c *compiled) readDeath(text string, toks []token, cues []cueHit, live []target, decisive int, low string, res *OutcomeMatch) string {
	cause := causeOf(text, toks, cues, live[decisive])
	if l := deathReading(text, toks, cause == causeOther, live, decisive, res); l != "" {
		low = l
	}
	if res.Category == NotEvaluable {
		c.outcomeBeforeDeath(text, toks, live, res)
	}
	if res.Category == NotEvaluable && cause == causeOther {
		if w := weakResponseBeside(live); w != nil {
			// "Died (sepsis), tumour responding": rule 4 keeps the response stated, here in
			// words too weak to count without a person
			res.Category, res.Code = w.category, w.category.Code()
			return "a response in weak words beside a death of another cause"
		}
	}
	if res.Category == NotEvaluable && low == "" {
		low = unplacedDeath(cause, res)
	}
	return low
}

// weakResponseBeside returns the first response stated in weak words among the statements
// (not denied), or nil.
func weakResponseBeside(live []target) *target {
	for k, t := range live {
		if t.entry.weak() && !t.negated && !t.quantity && t.category.AtLeast(Partial) {
			return &live[k]
		}
	}
	return nil
}

// deathReading reads a death (the decisive statement live[decisive], not evaluable so far) by
// rule 4: the whole outcome cell, a death despite the course or one with the worsening stated
// as its cause is progression; a death beside a stated worsening is proposed as progression
// with the reason for low confidence returned. A death of another cause (an other-death cue
// of cues.tsv beside it) is no death despite the course, and a worsening stated beside it is
// the reading (progression, high confidence). Any other death stays not evaluable (see
// unplacedDeath).
//
// other says whether the death's cause is stated as other than the disease (causeOf).
func deathReading(text string, toks []token, other bool, live []target, decisive int, res *OutcomeMatch) (low string) {
	if res.Category == NotEvaluable && len(live) == 1 &&
		wholeCell(toks, live[decisive]) {
		// "Dead", "Died 16 months later" as the whole outcome cell of a case-summary table: no
		// other cause is given, so the death is the disease's (docs/outcomes.md rule 4)
		res.Category, res.Code = Progression, Progression.Code()
		res.Evidence.Rule += " (a death as the whole outcome cell: from the disease, rule 4)"
	}
	if res.Category == NotEvaluable && live[decisive].despite && !other {
		// "despite aggressive treatment, the patient died": a death the course did not prevent
		// is the disease's (rule 4)
		res.Category, res.Code = Progression, Progression.Code()
		res.Evidence.Rule += " (a death despite the course: from the disease, rule 4)"
	}
	if res.Category == NotEvaluable && !other && nonResponseBefore(toks, live, live[decisive]) {
		// "poor effect; died", "fever and nodes persisted …; died 4 mo later": the course
		// failed, in words too weak to decide alone, and the patient died of no other cause
		// stated: the disease's death (rule 4)
		res.Category, res.Code = Progression, Progression.Code()
		res.Evidence.Rule += " (a death after a stated non-response: from the disease, rule 4)"
		return ""
	}
	if res.Category == NotEvaluable {
		for _, t := range live {
			if t.category == Progression && !t.negated && !t.hedged {
				res.Category, res.Code = Progression, Progression.Code()
				if other {
					// "progressive lesions …; he died of sepsis": the death is not the
					// disease's, so the worsening stated stands (rule 4)
					res.Evidence.Rule += " (a worsening stated beside a death of another cause: the worsening stands, rule 4)"
					break
				}
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

// nonResponseBefore reports whether a statement of no response, weak or not, neither hedged
// nor about an earlier treatment nor an organ's failure, stands before the death d among the
// statements.
func nonResponseBefore(toks []token, live []target, d target) bool {
	for _, t := range live {
		if t.i < d.i && (t.category == None || t.category == Minimal) && !t.hedged && !t.history && !t.entry.marker &&
			!organFailure(toks, t) {
			return true
		}
	}
	return false
}

// organFailure reports whether the statement t is the word "failure" of an organ or a
// function ("multiple-organ failure", "renal failure"): an event, not the course's failure.
func organFailure(toks []token, t target) bool {
	return t.j-t.i == 1 && toks[t.i].norm == "failure" && t.i > 0 && !toks[t.i].brk && !treatmentObjects[toks[t.i-1].norm]
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

// deathAfterResponse reports whether a death stated outright, whose cause is not stated as
// other than the disease, follows a response among the statements.
func (c *compiled) deathAfterResponse(text string, toks []token, cues []cueHit, live []target) bool {
	firstResponse := -1
	for _, t := range live {
		if t.category.AtLeast(Partial) && !t.negated && !t.hedged && (firstResponse < 0 || t.i < firstResponse) {
			firstResponse = t.i
		}
	}
	for _, t := range live {
		if t.entry.role == roleDeath && !t.negated && !t.hedged && firstResponse >= 0 && t.i > firstResponse &&
			causeOf(text, toks, cues, t) != causeOther {
			return true
		}
	}
	return false
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

// deathCause is what the words beside a death say of its cause (rule 4).
type deathCause int

const (
	causeUnstated deathCause = iota // "the patient died", "he expired 15 hours later"
	causeNamed                      // "died from liver failure": a cause the reader cannot place
	causeOther                      // "died of sepsis", "died before response assessment" (cues.tsv, other death)
)

// causeReach is how many words beside a death its cause may be named in.
const causeReach = 8

// causeLinks are the words right after a death (or after one word more) that introduce its
// cause: "died of", "died from liver failure", "death due to", "died suddenly of". "with" and
// "to" are not among them ("died at home with her family", "after transfer to hospice"), but
// for "succumbed to".
var causeLinks = map[string]bool{"of": true, "from": true, "due": true, "because": true, "caused": true,
	"secondary": true, "owing": true, "resulting": true}

// causeOf reads the cause of the death d from the words beside it in its clause: an
// other-death cue (a cause that is not the disease, or a death before assessment) within
// causeReach words before or after it; else a cause link right after it (or one word later),
// or a parenthesis right after it ("Died (colon cancer)"), names a cause the reader cannot
// place; else no cause is stated. The reader does not know the row's disease: a cue that is
// the treated disease itself ("died of pulmonary embolism" in a pulmonary embolism row) is
// still read as another cause.
func causeOf(text string, toks []token, cues []cueHit, d target) deathCause {
	from, to := d.i, d.j
	for from > 0 && d.i-from < causeReach && !toks[from].brk {
		from--
	}
	for to < len(toks) && to-d.j < causeReach && !toks[to].brk {
		to++
	}
	for _, cu := range cues {
		if cu.e.role == cueOtherDeath && cu.i >= from && cu.i < to {
			if fromLesions(toks, cu.j, to) || cu.i > 0 && lesionOrWound(toks[cu.i-1].norm) {
				return causeNamed // "sepsis from calciphylaxis ulcers", "wound sepsis"
			}
			return causeOther
		}
	}
	if d.j < len(toks) && !toks[d.j].brk && strings.Contains(text[d.end:toks[d.j].start], "(") {
		return causeNamed
	}
	for k := d.j; k < to && k <= d.j+1; k++ {
		if causeLinks[toks[k].norm] || k == d.j && toks[k].norm == "to" && toks[d.i].norm == "succumbed" {
			return causeNamed
		}
	}
	return causeUnstated
}

// fromLesions reports whether a cause link right after an other-death cue ending at j leads,
// within three words and before to, to the lesions of a disease: "died of sepsis from
// calciphylaxis ulcers", "sepsis secondary to infected wounds". The other cause then came of
// the disease's lesions, which the reader cannot place (the disease's or another).
func fromLesions(toks []token, j, to int) bool {
	if j >= to || !causeLinks[toks[j].norm] && toks[j].norm != "related" {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+4 && !toks[k].brk; k++ { // past the cue's reach: the cause's own words
		if lesionOrWound(toks[k].norm) {
			return true
		}
	}
	return false
}

// lesionOrWound reports whether w names a disease's lesions or wounds, whose infection is a
// cause of death the reader cannot place: "sepsis from calciphylaxis ulcers", "wound sepsis".
func lesionOrWound(w string) bool { return lesionNoun(w) || w == "wound" || w == "wounds" }

// deathOtherCause is the note a death of another cause adds to the evidence's rule.
const deathOtherCause = " (a death from another cause, or before assessment: rule 4)"

// unplacedDeath gives the reason for low confidence in a death read as not evaluable inside
// a sentence whose cause is not stated as other than the disease: rule 4 makes a death
// from the disease progression and one from another cause not evaluable, and the text does
// not say which. A named cause is proposed as the disease's (progression); none stays not
// evaluable. cause is the death's cause as causeOf reads it.
func unplacedDeath(cause deathCause, res *OutcomeMatch) (low string) {
	switch cause {
	case causeOther:
		res.Evidence.Rule += deathOtherCause
		return ""
	case causeNamed:
		res.Category, res.Code = Progression, Progression.Code()
		return "a death from a cause not known to be other than the disease: from the disease (progression) or not (not evaluable)"
	}
	return "a death without a stated cause: from the disease (progression) or not (not evaluable)"
}

// antiInfectiveDrug reports whether a drug is an anti-infective for systemic use
// (antibacterials J01, antimycotics J02, antimycobacterials J04, antivirals J05) or an
// antiparasitic (P01, P02) by any of its codes, those of its generic rows and its other_atc
// ones ("ivermectin" is D11AX22 with P02CF01 in other_atc; "clindamycin" G01AA10 with
// J01FF01). Antimalarials (P01B: hydroxychloroquine), antileprosy drugs (J04B: dapsone),
// tetracyclines (J01A: doxycycline) and macrolides (J01FA: azithromycin) are left out: in case
// tables they are given at least as often for an immune or inflammatory disease.
func antiInfectiveDrug(g *drugGeneric) bool {
	atcs := append([]string(nil), g.otherATC...)
	for _, c := range g.codes {
		atcs = append(atcs, c.atc)
	}
	for _, a := range atcs {
		for _, p := range []string{"P01B", "J04B", "J01A", "J01FA"} {
			if strings.HasPrefix(a, p) {
				return false
			}
		}
	}
	for _, a := range atcs {
		for _, p := range []string{"J01", "J02", "J04", "J05", "P01", "P02"} {
			if strings.HasPrefix(a, p) {
				return true
			}
		}
	}
	return false
}

// infectionStems are the stems of a cause of death that is an infection ("sepsis", "septic
// shock", "fungal infection").
var infectionStems = []string{"seps", "septic", "infect", "bacter"}

// lowInfectionDeath is the reason given by deathOfTreatedInfection.
const lowInfectionDeath = "a death from an infection on an anti-infective course: from the infection treated (progression) or another (not evaluable)"

// deathOfTreatedInfection reads a death that an other-death cue of infection made not
// evaluable ("the patient died within seven days of septic shock") when the course is an
// anti-infective (k.antiInfective): the infection may be the one the course treated, whose
// death is progression (rule 4), or another; the text does not say, so progression is
// proposed with low confidence. res is returned unchanged otherwise.
func deathOfTreatedInfection(toks []token, cues []cueHit, k *course, res OutcomeMatch) OutcomeMatch {
	if k == nil || !k.antiInfective || res.Category != NotEvaluable || res.Confidence != ConfidenceHigh ||
		!strings.Contains(res.Evidence.Rule, deathOtherCause) {
		return res
	}
	for _, cu := range cues {
		if cu.e.role != cueOtherDeath {
			continue
		}
		for x := cu.i; x < cu.j; x++ {
			if infectionWord(toks[x].norm) {
				res.Category, res.Code, res.Proposed, res.Confidence = Unclassified, "", Progression, ConfidenceLow
				res.Evidence.Rule += "; low confidence: " + lowInfectionDeath
				return res
			}
		}
	}
	return res
}

// infectionWord reports whether a word names an infection (infectionStems).
func infectionWord(w string) bool {
	for _, st := range infectionStems {
		if strings.Contains(w, st) {
			return true
		}
	}
	return false
}

// antiInfectiveWords name a course of anti-infectives by its kind ("anti-tuberculosis" is
// read as two words).
var antiInfectiveWords = map[string]bool{"antibiotic": true, "antibiotics": true, "antimicrobial": true,
	"antimicrobials": true, "antifungal": true, "antifungals": true, "antiviral": true, "antivirals": true,
	"antiparasitic": true, "antituberculous": true, "antitubercular": true, "antituberculosis": true,
	"antibacterial": true, "antiretroviral": true, "antiretrovirals": true}

// harmResolved reports whether the response word of target t has an adverse effect of the
// course as its subject: "the side effects disappeared", "hepatotoxicity resolved after dose
// reduction". What went away is the harm, not the disease: rule 4 reads the adverse effect,
// and no response is stated.
func (c *compiled) harmResolved(toks []token, targets []target, t target) bool {
	if t.negated || t.entry.marker || t.entry.role == roleAdverse || !t.category.AtLeast(Minimal) {
		return false
	}
	for _, a := range targets {
		if a.entry.role != roleAdverse || a.negated || a.j > t.i || t.i-a.j > 3 || c.namedToxicity(toks, a) {
			continue
		}
		between := toks[a.j:t.i]
		ok := true
		for k, tk := range between {
			if toks[a.j+k].brk || !(passiveVerbs[tk.norm] || auxiliaries[tk.norm] || strings.HasSuffix(tk.norm, "ly") || tk.norm == "all") {
				ok = false
				break
			}
		}
		if ok && (t.i >= len(toks) || !toks[t.i].brk) {
			return true
		}
	}
	return false
}

// namedToxicity reports whether a drug's name stands in the two words before the adverse
// phrase a ("lithium toxicity", "signs of digoxin toxicity"): a poisoning, which may be the
// condition the course treats (withdrawal of lithium, digoxin Fab), not a harm of it.
func (c *compiled) namedToxicity(toks []token, a target) bool {
	for x := max(0, a.i-2); x < a.i; x++ {
		if n, _ := c.drugTrie.longest(toks, x, nil); n > 0 {
			return true
		}
	}
	return false
}

// dropHarmResolved drops the response words whose subject is an adverse effect (harmResolved).
func (c *compiled) dropHarmResolved(toks []token, targets []target) []target {
	keep := targets[:0]
	for _, t := range targets {
		if !c.harmResolved(toks, targets, t) {
			keep = append(keep, t)
		}
	}
	return keep
}
