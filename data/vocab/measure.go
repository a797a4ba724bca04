package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// wordFall and wordRise are the change words that beneficialChange reads by the
// direction of benefit of the measure beside them.
var (
	wordFall = map[string]bool{"decreased": true, "decrease": true, "decline": true, "declined": true, "reduced": true,
		"reduction": true, "lowered": true, "lowering": true, "fell": true, "dropped": true, "diminished": true, "fewer": true, "less": true,
		"plummeted": true, "plunged": true, "down": true, "fall": true}
	wordRise = map[string]bool{"increased": true, "increase": true, "rose": true, "rise": true, "rising": true, "raised": true, "climbed": true, "climbing": true, "raise": true, "surged": true,
		"soared": true, "gain": true, "gained": true, "spiked": true, "skyrocketed": true}
	// phrasalBefore are the words that make "down" part of a phrasal verb or noun.
	phrasalBefore = map[string]bool{"taper": true, "tapered": true, "titrated": true, "wean": true, "weaned": true,
		"slow": true, "slowed": true, "calm": true, "calmed": true, "settle": true, "settled": true, "break": true,
		"broke": true, "shut": true, "turn": true, "turned": true, "step": true, "stepped": true, "scale": true,
		"scaled": true, "cut": true, "put": true, "lie": true, "lay": true, "sit": true, "sat": true, "back": true}
	// treatmentWords near a change word make it a change of the treatment, not of the disease
	treatmentWords = map[string]bool{"mg": true, "dose": true, "doses": true, "dosage": true, "dosing": true, "taper": true,
		"tapered": true, "tapering": true, "steroid": true, "steroids": true, "gc": true, "gcs": true, "prednisone": true,
		"prednisolone": true, "glucocorticoid": true, "glucocorticoids": true, "corticosteroid": true, "corticosteroids": true,
		"requirement": true, "requirements": true, "need": true, "insulin": true}
)

// timeOfTreatment are the words that make a treatment named after a change word the time of
// the change, not its subject: "platelets fell again on taper", "rose during tapering".
var timeOfTreatment = map[string]bool{"on": true, "during": true, "when": true, "whenever": true, "while": true, "upon": true}

// measureChange reads a weak change word ("decreased", "rose") by a measure of scores.tsv
// within five words before or four after it, with no word of dose or treatment there ("the
// prednisolone dose was reduced"): 1 when the change goes the measure's better direction
// ("the platelet count rose", "decrease of inflammatory markers"), -1 when it goes the
// other way, 0 when there is no such measure. A change in the adverse direction stays weak
// (it may be an adverse effect rather than the disease).
func (c *compiled) measureChange(text string, toks []token, t target) int {
	if !t.entry.weak() || t.j-t.i != 1 {
		return 0
	}
	w := toks[t.i].norm
	if w == "down" && !downIsFall(text, toks, t) {
		return 0
	}
	var want string
	switch {
	case wordFall[w]:
		want = "lower"
	case wordRise[w]:
		want = "higher"
	default:
		return 0
	}
	if percentsAfterBy(text, toks, t.j) {
		return 0 // "FEV1 increased by 15 %", "reduced by 43 and 35 %": the percentages state the change (rule 5)
	}
	if w == "less" && t.j+1 < len(toks) && toks[t.j].norm == "than" && !toks[t.j].brk && isNumber(toks[t.j+1].norm) {
		return 0 // "less than 50 % reduction in cough": a bound, not a fall ("less than before" is one)
	}
	// the measure before the change word stands in its clause ("VA better, SRF reduced": what
	// fell is SRF), or right before it past a label's colon ("Hb: increased"), or before a
	// relative clause ("the tumour, which shrank")
	lo, hi := reachBack(toks, t.i, 5), min(len(toks), t.j+4)
	for k := lo; k < hi; k++ {
		if treatmentWords[toks[k].norm] && !(k >= t.j && wordIn(toks, t.j, k, timeOfTreatment)) {
			return 0
		}
	}
	// the measure may stand a little further after the change word: "decrease in the number
	// of lesions"
	hi = min(len(toks), t.j+6)
	for k := lo; k < hi; k++ {
		if k >= t.i && k < t.j {
			continue
		}
		if k > t.j && (toks[k].brk || wordFall[toks[k-1].norm] || wordRise[toks[k-1].norm]) {
			break // "reduced exercise tolerance, increased dyspnoea": what follows is another's
		}
		for n := 3; n >= 1; n-- {
			if k+n > hi || (k < t.i && k+n > t.i) {
				continue
			}
			if better, ok := c.measureOf(toks[k : k+n]); ok {
				if k < t.i && takenBefore(toks, k, k+n, t.i) {
					break // the measure is another word's: "increased dyspnoea, reduced exercise tolerance"
				}
				if better == betterByInterval {
					return 0 // which way is better depends on the value (a reference interval)
				}
				if better != want {
					return -1
				}
				return 1
			}
		}
	}
	return 0
}

// takenBefore reports whether a measure at toks[k:e], before a change word at i, belongs to
// a word before it rather than to the change word: a change word stands right before it
// ("increased dyspnoea, reduced exercise tolerance"), or "and" stands between it and the
// change word with a word of its own before it ("worsening dyspnoea and reduced exercise
// capacity"), so the change word begins another item of a list.
func takenBefore(toks []token, k, e, i int) bool {
	if k == 0 || toks[k].brk {
		return false
	}
	if b := toks[k-1].norm; wordFall[b] || wordRise[b] {
		return true
	}
	before := toks[k-1].norm
	return wordIn(toks, e, i, andWord) && len(before) > 3 && !determiners[before] && !objectArticles[before]
}

// doseChanges returns the token positions of the dose-change cues, in text order.
func doseChanges(cues []cueHit) []int {
	var at []int
	for _, cu := range cues {
		if cu.e.role == cueDoseChange {
			at = append(at, cu.i)
		}
	}
	return at
}

// measureAdjacent reports whether a measure's name stands right beside the change word of t:
// before it with only words of a verb phrase between ("proteinuria did not decrease",
// "the platelet count has not risen") or after it with only an article or possessive
// between ("did not raise the platelet counts"), in its clause.
func (c *compiled) measureAdjacent(toks []token, t target) bool {
	k := t.i // the token after a measure before the change word
	for k > 0 && k > t.i-4 && verbFillers[toks[k-1].norm] && !toks[k].brk {
		k--
	}
	if (k == t.i || !toks[k].brk) && c.measureRightBefore(toks, k) {
		return true
	}
	j := t.j // the first word of a measure after it
	for j < len(toks) && j <= t.j+1 && (determiners[toks[j].norm] || objectArticles[toks[j].norm]) && !toks[j].brk {
		j++
	}
	if j >= len(toks) || toks[j].brk {
		return false
	}
	if _, ok := c.measureOf(toks[j : j+1]); ok {
		return true
	}
	return c.measureAt(toks, j) > 0
}

// verbFillers may stand between a measure and its change word: auxiliaries and negation.
var verbFillers = map[string]bool{"did": true, "does": true, "do": true, "not": true, "has": true, "have": true, "had": true,
	"was": true, "were": true, "is": true, "are": true, "been": true, "never": true, "no": true, "further": true, "significantly": true}

// objectArticles may stand, beside the determiners, between a change word and the measure it
// takes as object ("did not raise any platelet count").
var objectArticles = map[string]bool{"its": true, "a": true, "any": true}

// scoreCriteria are a score's own response criteria, for scores whose response is not a
// relative fall (rule 5): a disease activity score does not fall to zero, and a fall by a
// number of points defines its response ("DAS28 5.8 → 3.1" is a EULAR response, a fall
// of 47 %). Each is optional.
type scoreCriteria struct {
	fall    float64  // a fall of more than this many points (0: none) …
	fallCat Category // … gives at least this category
	belows  []scoreEntry
}

// add sets the criterion of a scores.tsv row of kind fall or below.
func (cr *scoreCriteria) add(e scoreEntry) {
	if e.kind == "fall" {
		cr.fall, cr.fallCat = e.value, e.category
	} else {
		cr.belows = append(cr.belows, e)
	}
}

// apply raises cat, the category of a fall from a to b by rule 5, to what the criteria
// give: a fall of more than the fall row's points; a fall from at or above a below row's
// cut-off to under it, by more than its min_fall ("DAS28 2.62 → 2.58" reaches no
// remission). A measure written in two units has a below row for each (calcium 2.6 mmol/L
// and 10.5 mg/dL): a value in one unit never crosses the other's cut-off.
func (cr scoreCriteria) apply(cat Category, a, b float64) Category {
	if cr.fall > 0 && a-b > cr.fall+1e-9 && cr.fallCat > cat {
		cat = cr.fallCat
	}
	for _, e := range cr.belows {
		if a >= e.value && b < e.value && a-b > e.minFall+1e-9 && e.category > cat {
			cat = e.category
		}
	}
	return cat
}

// literalFall reports whether the first word of change near the percentage at token k
// (percentDirection's window) says the value went down ("decreased", "fell"), not that it
// got better ("improved").
func literalFall(toks []token, k int) bool {
	return wordFall[changeWordNear(toks, k, func(w string) bool {
		// "clearance" names a measure here ("creatinine clearance decreased by 50 %")
		return (wordFall[w] || riseWords[w] || fallWords[w]) && w != "clearance"
	})]
}

// clauseAround returns the bounds [lo, hi) of the clause holding token k: from the last
// token at or before k that clause punctuation precedes to the next one after k.
func clauseAround(toks []token, k int) (lo, hi int) {
	lo = min(k, len(toks)-1)
	for lo > 0 && !clauseBreak(toks, lo) {
		lo--
	}
	hi = k + 1
	for hi < len(toks) && !clauseBreak(toks, hi) {
		hi++
	}
	return lo, hi
}

// clauseBreak reports whether clause punctuation stands before token x, not the decimal
// point or comma inside a number ("40.7 %", "3,5").
func clauseBreak(toks []token, x int) bool {
	return toks[x].brk && !(x > 0 && isNumber(toks[x-1].norm) && isNumber(toks[x].norm) && toks[x].start == toks[x-1].end+1)
}

// higherInClause reports whether the measure of scores.tsv named nearest before token k, in
// toks[lo:k] (k's clause), is one whose higher values are better ("LVEF decreased by 20
// %"); "LVEF 60 %, LVOT gradient decreased by 70 %" names LVEF in another clause.
func (c *compiled) higherInClause(toks []token, lo, k int) bool {
	_, better, named := c.measureBefore(toks[lo:], k-lo)
	return named && better == "higher"
}

// transientWords say a change did not last: before it ("transient increase"), as its
// predicate ("the increase was temporary") or, as adverbs, after it ("increased transiently").
var (
	transientWords = map[string]bool{"temporary": true, "transient": true, "transitory": true, "brief": true}
	// effectNouns, after "but the" or "; the", refer back to the change ("proteinuria
	// decreased, but the effect was transient")
	effectNouns = map[string]bool{"effect": true, "response": true, "improvement": true, "benefit": true,
		"increase": true, "decrease": true, "rise": true, "fall": true, "change": true, "reduction": true,
		"decline": true, "drop": true}
)

// transientAt reports whether a transient word stands at toks[x] ("short-lived" is two).
func transientAt(toks []token, x int) bool {
	if x < 0 || x >= len(toks) {
		return false
	}
	return transientWords[toks[x].norm] || toks[x].norm == "lived" && x > 0 && toks[x-1].norm == "short"
}

// transientCoordinated reports whether a transient word is joined to the response's own
// first word by "but", "yet" or "though" ("temporary but dramatic improvement",
// "transient yet marked response"): the authors say both that it was large and that it did
// not last, as in "dramatic but temporary improvement".
func transientCoordinated(toks []token, t target) bool {
	if t.i < 2 || toks[t.i].brk || toks[t.i-1].brk {
		return false
	}
	switch toks[t.i-1].norm {
	case "but", "yet", "though":
		return transientAt(toks, t.i-2)
	}
	return false
}

// saidNotToLast reports whether the words after the response t say it did not last: a
// transient adverb or adjective right after it ("increased, but only transiently", "good
// response, but transient") or a transient predicate of its clause or of one referring back
// to it ("the increase … was temporary", "the improvement was brief").
func saidNotToLast(toks []token, ends []bool, t target) bool {
	for x := t.j; x < len(toks) && x < t.j+4 && !ends[x]; x++ {
		if transientAfter[toks[x].norm] || x > t.j && transientAt(toks, x) { // "good response, but transient"
			return true
		}
		if w := toks[x].norm; w != "but" && w != "only" && w != "very" {
			break
		}
	}
	isBe := func(y int) bool { return y < len(toks) && (toks[y].norm == "was" || toks[y].norm == "were") }
	for x, steps := t.j, 0; x < len(toks) && steps < 12; x, steps = x+1, steps+1 {
		if w := toks[x].norm; ends[x] || w == "and" || w == "but" || w == "which" {
			// a new clause or sentence: only one that refers back to the change says it did
			// not last ("which was", "and was", "this was", "the effect was", "this response was")
			y := x + 1
			if ends[x] {
				y = x
			}
			switch {
			case isBe(y) && !ends[x]:
				x = y
			case y+1 < len(toks) && (toks[y].norm == "this" || toks[y].norm == "that") && isBe(y+1):
				x = y + 1
			case y+2 < len(toks) && (toks[y].norm == "the" || toks[y].norm == "this") && effectNouns[toks[y+1].norm] && isBe(y+2):
				x = y + 2
			default:
				return false
			}
		}
		if !isBe(x) {
			continue
		}
		y := x + 1
		for y < len(toks) && !toks[y].brk && (toks[y].norm == "only" || toks[y].norm == "very") {
			y++
		}
		return transientAt(toks, y) || y+1 < len(toks) && toks[y].norm == "short" && transientAt(toks, y+1)
	}
	return false
}

// lesionGrew reports whether t, a rise, is said of a lesion's size: the first word that is
// not a filler before it or after it, in its clause, is a word of lesionSize ("the area of
// the ulcer had increased", "metastasis dramatically increased", "an increase in the size of
// the thrombus"; not "increased radiopacity of the lesion", "… ulcer and an increase of
// visual acuity").
func lesionGrew(toks []token, t target) bool {
	if !wordRise[toks[t.i].norm] {
		return false
	}
	lo, hi := clauseAround(toks, t.i)
	for k := t.i - 1; k >= max(lo, t.i-4); k-- {
		if w := toks[k].norm; !growthFiller[w] && !strings.HasSuffix(w, "ly") {
			if lesionSize[w] {
				return true
			}
			break
		}
	}
	for k := t.j; k < min(hi, t.j+4); k++ {
		if w := toks[k].norm; !growthFiller[w] {
			return lesionSize[w]
		}
	}
	return false
}

// growthFiller are the words that may stand between a rise and the lesion that grew.
var growthFiller = map[string]bool{"in": true, "of": true, "the": true, "a": true, "an": true, "its": true,
	"his": true, "her": true, "their": true, "both": true, "had": true, "has": true, "have": true, "was": true,
	"were": true, "been": true, "further": true}

// lesionSize are words of a lesion and its size.
var lesionSize = map[string]bool{"size": true, "area": true, "diameter": true, "volume": true, "tumor": true,
	"tumour": true, "lesion": true, "lesions": true, "mass": true, "nodule": true, "nodules": true, "ulcer": true,
	"ulcers": true, "metastases": true, "metastasis": true}

// diseaseMeasures are words of what a disease makes larger or more frequent, so that its fall
// is a response: the size of a lesion, symptoms, attacks, a loss of protein.
var diseaseMeasures = map[string]bool{"size": true, "volume": true, "diameter": true, "area": true, "tumor": true,
	"tumour": true, "tumors": true, "tumours": true, "lesion": true, "lesions": true, "mass": true, "masses": true,
	"nodule": true, "nodules": true, "metastases": true, "metastasis": true, "burden": true, "pain": true,
	"symptoms": true, "symptom": true, "sx": true, "frequency": true, "episodes": true, "attacks": true, "seizures": true,
	"relapses": true, "proteinuria": true, "albuminuria": true, "edema": true, "oedema": true, "swelling": true,
	"spleen": true, "splenomegaly": true, "thickness": true, "disease": true, "activity": true, "severity": true,
	"load": true, "titer": true, "titre": true, "requirement": true, "requirements": true, "need": true,
	"dose": true, "dosage": true, "consumption": true, "use": true, "number": true, "antibody": true,
	"antibodies": true, "autoantibody": true, "autoantibodies": true, "relief": true, "gradient": true,
	"obstruction": true, "stenosis": true, "inflammation": true, "infiltrate": true, "infiltrates": true,
	// manifestations of the skin and mucosa: their fall is the disease's ("rash decreased about 60 %")
	"rash": true, "erythema": true, "erosion": true, "erosions": true, "blister": true, "blisters": true,
	"plaques": true, "papules": true, "pustules": true, "ulcer": true, "ulcers": true, "wheals": true, "hives": true,
	"itch": true, "itching": true, "pruritus": true, "redness": true, "scaling": true, "induration": true}

// andWord joins two items of a list.
var andWord = map[string]bool{"and": true}

// percentFiller are the words a percentage's clause may hold besides its measure and change
// word ("decreased by 70 %", "a reduction of 60 %", "there was an 80 % reduction").
var percentFiller = map[string]bool{"by": true, "of": true, "the": true, "a": true, "an": true, "was": true,
	"were": true, "is": true, "there": true, "had": true, "has": true, "with": true, "in": true, "and": true,
	"approximately": true, "about": true, "nearly": true, "almost": true, "over": true, "more": true, "than": true,
	"significantly": true, "markedly": true, "further": true, "total": true, "overall": true, "mean": true,
	"her": true, "his": true, "their": true, "its": true, "patient": true, "patients": true, "after": true,
	"at": true, "to": true, "from": true, "within": true, "months": true, "weeks": true, "days": true,
	"month": true, "week": true, "day": true, "years": true, "year": true, "treatment": true, "therapy": true,
	"did": true, "does": true, "not": true, "no": true, "less": true, "least": true, "baseline": true,
	"initial": true, "original": true, "value": true, "values": true, "level": true, "levels": true,
	"only": true, "still": true, "up": true, "down": true, "around": true, "roughly": true, "under": true,
	"below": true, "above": true, "compared": true, "previous": true, "prior": true, "before": true,
	"since": true, "following": true, "then": true, "which": true, "that": true, "this": true,
	"showed": true, "demonstrated": true, "revealed": true, "noted": true, "observed": true,
	"achieved": true, "reached": true, "resulted": true, "resulting": true, "led": true, "leading": true,
	"experienced": true, "for": true, "reaching": true, "maximal": true, "maximum": true, "average": true}

// unknownMeasure reports whether the clause of the percentage at token k names something
// changing whose direction of benefit the reader does not know ("walking distance increased by
// 80 %", "grip strength decreased by 50 %"): no measure of scores.tsv before it, no word of
// what a disease makes larger (diseaseMeasures) in it, and some word in it that is neither
// one of those, a change word, a number nor a filler. A clause with only the change ("reduced by 70
// %", an outcome cell) or a disease word ("tumour size decreased by 60 %") is known.
func (c *compiled) unknownMeasure(toks []token, k int) bool {
	lo, hi := clauseAround(toks, k)
	if _, better, named := c.measureBefore(toks[lo:], k-lo); named {
		return better == betterByInterval // "fT4 decreased by 48 %": better or worse by where it started
	}
	unknown := false
	for x := lo; x < hi; x++ {
		w := toks[x].norm
		switch {
		case diseaseMeasures[w], benefitChange[w], shareWords[w] && (w != "regrowth" || x > lo && toks[x-1].norm == "hair"),
			c.measures[w] == "lower": // "30 % reduction in papules": a lower-is-better measure of scores.tsv
			// "hair regrowth 30 %": the share of the response the word names ("regrowth" alone
			// may be a tumour's)
			return false
		case isNumber(w), fallWords[w], riseWords[w], percentFiller[w], wordFall[w], wordRise[w], reliefWords[w], len(w) < 3,
			strings.HasSuffix(w, "ly"),            // "radiologically 30 % smaller": an adverb names no measure
			cellTimeWords[w], courseCountNouns[w]: // "30 % improvement after 3 sessions": the time, no measure
		default:
			unknown = true
		}
	}
	return unknown
}

// courseCountNouns count the course's administrations in a time ("after 3 injections").
var courseCountNouns = map[string]bool{"injection": true, "injections": true, "application": true, "applications": true,
	"treatment": true, "treatments": true, "administration": true, "administrations": true}

// benefitChange are change words that say by themselves that the change is a benefit and
// that its percentage is the share cleared or gained, whatever changed ("pigment 70 % cleared",
// "nail dystrophy ameliorated by 30 %", "40 % lighter").
var benefitChange = map[string]bool{"cleared": true, "clearance": true, "ameliorated": true, "amelioration": true,
	"lighter": true, "lightened": true, "lightening": true, "softening": true, "softened": true,
	"flatter": true, "flattened": true} // "about 50 % flatter": the share of the plaque's height gone

// untilAfter reports whether "until" follows token j, right away or after a passive
// negation of a finding ("was not observed", "was not seen until …").
func untilAfter(toks []token, j int) bool {
	for x := j; x < len(toks) && x < j+4 && !(x > j && toks[x].brk); x++ {
		switch toks[x].norm {
		case "until", "till":
			return true
		case "was", "were", "not", "observed", "seen", "noted", "achieved", "apparent", "evident":
		default:
			return false
		}
	}
	return false
}

// logFallRE reads the size of a fall in log10 right after a change word ("↓ 0.5 log", "↓ <1
// log").
var logFallRE = regexp.MustCompile(`^\s*(?:by\s+)?(<|less than\s+)?\s*(\d+(?:\.\d+)?)\s*-?\s*log`)

// logFallUnderOne reports whether the text right after a change word gives a fall of less
// than one log10 ("HBV DNA ↓ 0.5 log", "decreased by <1 log"): minimal by rule 5.
func logFallUnderOne(after string) bool {
	m := logFallRE.FindStringSubmatch(strings.ToLower(after))
	if m == nil {
		return false
	}
	v, err := strconv.ParseFloat(m[2], 64)
	return err == nil && (v < 1 || m[1] != "" && v <= 1)
}

// relativeOpeners open a relative clause, which speaks of the noun before its comma.
var relativeOpeners = map[string]bool{"which": true, "that": true, "who": true, "whose": true}

// reachBack returns the first token of the words before token k, at most reach of them,
// where the name of what a word at k is said of may stand: back to the start of k's clause,
// past the punctuation right before k ("Hb: increased") and into the clause a relative
// clause goes on from ("the tumour, which shrank").
func reachBack(toks []token, k, reach int) int {
	lo := max(0, k-1)
	for lo > max(0, k-reach) && !(clauseBreak(toks, lo) && !relativeOpeners[toks[lo].norm]) {
		lo--
	}
	return lo
}

func joinNorms(ts []token) string {
	if len(ts) == 1 {
		return ts[0].norm
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// strongDegreeWords call a change large.
var strongDegreeWords = map[string]bool{"dramatically": true, "markedly": true, "significantly": true,
	"substantially": true, "considerably": true, "remarkably": true, "greatly": true, "sharply": true,
	"dramatic": true, "marked": true, "significant": true, "substantial": true, "considerable": true,
	"remarkable": true, "sharp": true}

// strongDegreeBefore reports whether a word calling the change large stands within six words
// before token k, in its clause.
func strongDegreeBefore(toks []token, k int) bool { return degreeBefore(toks, k, strongDegreeWords) }

// degreeBefore reports whether a word of words stands in the six words before token k, in its
// clause.
func degreeBefore(toks []token, k int, words map[string]bool) bool {
	for x := k - 1; x >= 0 && x >= k-6; x-- {
		if words[toks[x].norm] {
			return true
		}
		if toks[x].brk {
			return false
		}
	}
	return false
}

// smallDegreeWords call a change small.
var smallDegreeWords = map[string]bool{"slightly": true, "slight": true, "mildly": true, "mild": true,
	"modestly": true, "modest": true, "marginally": true, "minimally": true, "somewhat": true}

// downIsFall reports whether "down" at t may be a measure's fall: not part of a phrasal verb
// ("tapered down", "calmed down") and not followed by an amount, which has no baseline
// ("EDSS down 0.5"; "QMGS down 59%" is a share and stays).
func downIsFall(text string, toks []token, t target) bool {
	if t.i > 0 && !toks[t.i].brk && phrasalBefore[toks[t.i-1].norm] {
		return false
	}
	return t.j >= len(toks) || !isNumber(toks[t.j].norm) || strings.HasPrefix(strings.TrimLeft(text[toks[t.j].end:], " "), "%")
}
