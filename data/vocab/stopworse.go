package vocab

// A worsening given as the reason the course was stopped ("discontinued due to worsening
// renal function", "worsening hypokalemia, so insulin was suspended") may be a harm of the
// course (not evaluable, rule 4) or the disease's own progression. Without knowing what the
// disease is, the reader cannot tell which, unless the words name the disease itself
// ("discontinued owing to disease progression").

// unspecificWorse are the words of a worsening that do not say what worsened.
var unspecificWorse = map[string]bool{"worsening": true, "worsened": true, "worse": true, "deteriorated": true,
	"deterioration": true, "deteriorating": true, "aggravated": true, "aggravation": true, "increased": true,
	"increase": true, "increasing": true, "elevated": true, "rising": true, "rose": true}

// diseaseWords after a worsening say that it is the disease's ("worsening of the disease").
var diseaseWords = map[string]bool{"disease": true, "tumor": true, "tumour": true, "tumors": true, "tumours": true,
	"cancer": true, "lymphoma": true, "leukemia": true, "leukaemia": true, "metastases": true, "metastasis": true,
	"lesion": true, "lesions": true, "symptoms": true}

// coursePauses are the words of a course paused or cut, beside the stops of courseStopWords;
// "reduced", "lowered" and "switched" count only after "was", "were" or "been" (stopAt).
var coursePauses = map[string]bool{"suspended": true, "interrupted": true, "held": true, "halted": true,
	"interruption": true, "switched": true, "reduced": true, "lowered": true}

// measureNouns, right before a worsening, name what worsened ("renal function worsened").
var measureNouns = map[string]bool{"function": true, "level": true, "levels": true, "count": true, "counts": true,
	"tests": true, "test": true, "enzymes": true, "values": true}

// stopReasons, between a stop and the worsening after it, make the worsening the stop's
// reason ("stopped due to", "discontinued because of concern for").
var stopReasons = map[string]bool{"due": true, "because": true, "owing": true, "for": true, "given": true}

// stopConsequences, between a worsening and the stop after it, make the stop its consequence
// ("worsening hypokalemia so insulin was suspended").
var stopConsequences = map[string]bool{"so": true, "therefore": true, "thus": true, "hence": true, "and": true,
	"prompting": true, "requiring": true, "necessitating": true, "leading": true}

// lowStopForWorsening is the reason for low confidence of such a reading.
const lowStopForWorsening = "a worsening given as the reason the course was stopped: a harm of the course (not evaluable) or the disease's progression"

// stopForWorsening reports whether the decisive worsening t is an unspecific one of
// something it names (not the disease, by its words: "worsening renal function", "renal
// function worsened") given as the reason a treatment was stopped, switched or reduced, in
// the same sentence: a stop word at most ten words before it with a word of reason between,
// one at most twelve words after it with a word of consequence between, or one at most
// fifteen words after it when a word of reason stands right before the worsening.
func stopForWorsening(toks []token, ends []bool, t target) bool {
	if t.category != Progression || t.negated || t.hedged || t.entry.role == roleRelapse || t.entry.role == roleDeath ||
		!unspecificWorse[toks[t.i].norm] || wordIn(toks, t.i, t.j+3, diseaseWords) {
		return false
	}
	named := t.j < len(toks) && !toks[t.j].brk && !stopConsequences[toks[t.j].norm] && !stopAt(toks, t.j)
	if !named && !(t.i > 0 && !toks[t.i].brk && measureNouns[toks[t.i-1].norm]) {
		// "Worsening, so rituximab was stopped": a worsening without an object, or a subject
		// that is a measure ("renal function worsened"), is the disease's, as a whole outcome
		// cell says it
		return false
	}
	for x := t.i - 1; x >= 0 && x >= t.i-10; x-- {
		if ends[x+1] {
			break
		}
		if stopAt(toks, x) && wordIn(toks, x+1, t.i, stopReasons) {
			return true
		}
	}
	// the reason first: "Because of deteriorating renal function, lithium was stopped"
	reasonFirst := wordIn(toks, max(0, t.i-3), t.i, stopReasons) && !endBetween(ends, max(0, t.i-3), t.i)
	for y := t.j; y < len(toks) && y <= t.j+15; y++ {
		if ends[y] {
			break
		}
		if stopAt(toks, y) && (reasonFirst || y <= t.j+12 && wordIn(toks, t.j, y, stopConsequences)) {
			return true
		}
	}
	return false
}

// stopAt reports whether a stop word stands at x: "reduced", "lowered" and "switched" only
// after "was", "were" or "been" ("the dose was reduced", not "reduced exercise capacity").
func stopAt(toks []token, x int) bool {
	switch w := toks[x].norm; {
	case !courseStopWords[w] && !coursePauses[w]:
		return false
	case w == "reduced" || w == "lowered" || w == "switched":
		return x > 0 && (toks[x-1].norm == "was" || toks[x-1].norm == "were" || toks[x-1].norm == "been")
	}
	return true
}
