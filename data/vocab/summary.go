package vocab

import "strings"

// The authors' overall grade beside a finding gone (docs/outcomes.md, rules 8 and 9).

// gradedSummaryBesideComplete reads res, whose decisive statement live[decisive] is a
// finding gone (complete, confident: low is ""), by an overall grade short of complete that
// the text gives beside it, with no time or sequence between the two: "partial response; the
// lesions on the arms cleared" is partial (rule 8: one finding gone, the whole improved), and
// "mild improvement; itch resolved" is the authors' minimal grade (rule 9), proposed with low
// confidence, as a clinician may read the finding gone as the better part of a partial
// response. It returns the reason for low confidence, or "".
//
// The overall grade is a word of response (response, improvement, remission, benefit)
// called partial or incomplete, or graded minimal ("slight improvement", "scarce response");
// not a grade that praises ("good response; lesions cleared" stays complete), nor one whose
// clause, or the finding's, gives a time ("partial response at 3 mo; cleared by wk 12": best
// response, rule 3).
func gradedSummaryBesideComplete(toks []token, live []target, decisive int, low string, res *OutcomeMatch) string {
	if low != "" || decisive < 0 || res.Category != Complete || live[decisive].category != Complete || live[decisive].quantity {
		return ""
	}
	d := live[decisive]
	for k, t := range live {
		if k == decisive || !overallGradeShort(toks, t) || clauseTimed(toks, t) || clauseTimed(toks, d) ||
			laterBetween(toks, min(t.j, d.j), max(t.i, d.i)) {
			continue
		}
		res.Category, res.Code = t.category, t.category.Code()
		res.Evidence.Rule += " (the authors' overall grade beside it: " + t.entry.phrase + ")"
		if t.category == Minimal {
			return "the authors' overall grade is minimal, and a finding is gone"
		}
		return ""
	}
	return ""
}

// overallGradeShort reports whether t grades the whole response short of complete: a word
// of response called partial or incomplete, or graded minimal, by the word right before it
// ("slight improvement"; not "mild motor improvement", which grades one function).
func overallGradeShort(toks []token, t target) bool {
	if t.negated || t.hedged || t.history || t.transient || t.quantity || t.entry.weak() || t.entry.secondary ||
		t.category != Partial && t.category != Minimal || !overallWords[toks[t.j-1].norm] {
		return false
	}
	before := t.j - 2 // the word right before the word of response: its degree
	if t.j-t.i == 1 {
		before = t.i - 1
	}
	if before < 0 || toks[before+1].brk {
		return false
	}
	if t.category == Minimal && t.j < len(toks) && !toks[t.j].brk && (toks[t.j].norm == "of" || toks[t.j].norm == "in") {
		return false // "slight improvement of nail psoriasis": one finding's grade (rule 8 then reads the rest)
	}
	w := toks[before].norm
	return shortOfWhole[w] || t.category == Minimal && smallDegrees[w]
}

// overallWords name the response as a whole; shortOfWhole call it short of complete.
var (
	overallWords = map[string]bool{"response": true, "responded": true, "improvement": true, "improved": true,
		"remission": true, "benefit": true}
	shortOfWhole = map[string]bool{"partial": true, "partially": true, "incomplete": true, "incompletely": true}
	smallDegrees = map[string]bool{"mild": true, "mildly": true, "slight": true, "slightly": true, "modest": true,
		"minimal": true, "minimally": true, "minor": true, "discrete": true, "light": true, "scarce": true,
		"subtle": true, "limited": true, "marginal": true, "some": true, "little": true}
)

// clauseTimed reports whether the clause of t gives a time or a step: a number ("2 wk",
// "wk 12", "on 20 mg", "in cycle 2"), a unit of time joined to one ("wk12", "d5"), or a word
// of sequence ("after the third dose", "on later MRI", "initially").
func clauseTimed(toks []token, t target) bool {
	lo, hi := clauseAround(toks, t.i)
	for x := lo; x < hi; x++ {
		w := toks[x].norm
		if sequenceWords[w] || timePlacing[w] || isNumber(w) {
			return true
		}
		if u := strings.TrimRight(w, "0123456789"); u != w && u != "" && labelUnits[u] {
			return true
		}
	}
	return false
}

// timePlacing place a statement in a sequence of time (clauseTimed), with sequenceWords.
var timePlacing = map[string]bool{"after": true, "eventually": true, "finally": true, "initially": true, "first": true,
	"further": true, "following": true, "until": true, "by": true, "ultimately": true, "since": true}
