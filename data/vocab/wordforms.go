package vocab

import "strings"

// Word forms the phrase list alone misreads (docs/outcomes.md, twenty-sixth session): the
// terse "stop" of a note used as a verb ("advised to stop"), a lesion and its vague change
// beside the number that states it ("Lesion smaller (~30%)"), and the object of a denied
// change ("no reduction in flares").

// stopAsVerb reports whether t is the terse "stop" of outcomes.tsv used as a verb in its
// infinitive or after a modal or a negation: "advised to stop the OIT", "had to stop",
// "could not stop"; or a noun after a word of time: "better before stop". Such a "stop" is
// advice, a need, an attempt or a time, not the stop of the course that a note records
// ("conjunctivitis, stop after 2 injection").
func stopAsVerb(toks []token, t target) bool {
	if t.j-t.i != 1 || toks[t.i].norm != "stop" || t.i == 0 || toks[t.i].brk {
		return false
	}
	return verbBeforeStop[toks[t.i-1].norm]
}

// verbBeforeStop are the words that make a "stop" after them a verb that records no stop.
var verbBeforeStop = map[string]bool{"to": true, "not": true, "did": true, "didnt": true, "could": true,
	"would": true, "will": true, "can": true, "cannot": true, "must": true, "should": true, "may": true,
	"might": true, "shall": true, "dont": true, "doesnt": true, "never": true, "before": true, "after": true,
	"until": true, "since": true}

// lesionChange reports whether phrase is a lesion noun and a vague change word ("lesion
// smaller", "ulcer smaller"): a number beside it states the change more precisely, as beside
// the change word alone ("Lesion smaller (~30%)").
func lesionChange(phrase string) bool {
	w := words(phrase)
	return len(w) == 2 && lesionNouns[w[0]] && vagueChange[w[1]]
}

// dropDeniedChangeObject drops a negated target that is the object of a negated change word
// right before it ("no reduction in flares", "no decrease in the number of attacks"): the
// negation denies the change, not the flares, so "flares" is no pseudo-negation ("no flares"
// would be complete); the denied change decides.
func dropDeniedChangeObject(toks []token, targets []target) []target {
	keep := targets[:0]
	for k, t := range targets {
		if k > 0 && t.negated && !t.quantity {
			u := targets[k-1]
			if u.negated && u.j <= t.i && t.i-u.j <= 4 && (fallWords[toks[u.j-1].norm] || riseWords[toks[u.j-1].norm]) &&
				onlyObjectWords(toks, u.j, t.i) {
				continue
			}
		}
		keep = append(keep, t)
	}
	return keep
}

// onlyObjectWords reports whether the tokens in [a, b) join a change word to its object and
// nothing else: "in", "of", "the", "number", "frequency", "size", "severity" ("no reduction in
// the number of flares"), the first of them "in" or "of", with no break.
func onlyObjectWords(toks []token, a, b int) bool {
	if a >= b || toks[a].norm != "in" && toks[a].norm != "of" {
		return false
	}
	for x := a; x < b; x++ {
		if toks[x].brk || !objectWords[toks[x].norm] {
			return false
		}
	}
	return !toks[b].brk
}

// objectWords join a change word to what changed.
var objectWords = map[string]bool{"in": true, "of": true, "the": true, "number": true, "frequency": true,
	"size": true, "severity": true, "her": true, "his": true}

// notThisWordForm reports whether the phrase ts (tokens of toks) is a word form the phrase
// list would misread: "barely visible" said of a change or an effect, or "change"/"changed"
// said of a switch, of the course's dose ("the treatment was changed to nivolumab", "no need
// to change the treatment", "no dose change") or of a finding of pathology ("no inflammatory
// change"), not of the disease.
func notThisWordForm(toks []token, ts []token) bool {
	if ts[0].norm == "barely" {
		// "change barely visible", "effect barely visible": a small change, not lesions almost gone
		w := strings.TrimSuffix(wordBefore(toks, ts[0]), "s")
		return effectNouns[w] || w == "difference" || w == "regrowth" || w == "result"
	}
	if len(ts) != 1 || ts[0].norm != "change" && ts[0].norm != "changed" && ts[0].norm != "changes" {
		return false
	}
	before, after := wordBefore(toks, ts[0]), wordAfter(toks, ts[0])
	return after == "to" || after == "from" || after == "the" || courseNouns[after] || courseNouns[before] ||
		before == "to" || before == "need" || before == "needed" || pathologyAdjective(before)
}

// pathologyAdjective reports whether w, right before "change", names a finding of imaging or
// histology ("no inflammatory change", "no dysplastic change", "no residual cytopathic
// change"): its absence is the finding gone, not a course that changed nothing.
func pathologyAdjective(w string) bool {
	return w == "residual" || w == "skin" || strings.HasSuffix(w, "ic") || strings.HasSuffix(w, "ous") ||
		strings.HasSuffix(w, "atory") || strings.HasSuffix(w, "ive") || strings.HasSuffix(w, "otic")
}

// wordAfter returns the word after tk (a token of toks, by its start), "" when a break or the
// end of the text comes first.
func wordAfter(toks []token, tk token) string {
	k := tokenAtByte(toks, tk.start) + 1
	if k >= len(toks) || toks[k].brk {
		return ""
	}
	return toks[k].norm
}

// wordBefore returns the word before tk (a token of toks, by its start), "" when a break or
// the start of the text comes first.
func wordBefore(toks []token, tk token) string {
	k := tokenAtByte(toks, tk.start)
	if k <= 0 || toks[k].brk {
		return ""
	}
	return toks[k-1].norm
}

// treatmentKept reports whether the phrase toks[i:i+n] is a word of no change said of the
// treatment or its dose right before it (courseNouns: "pred dose unchanged at 40 mg", "dosage
// stable", "therapy unchanged"): the treatment went on as it was, which says nothing of the
// outcome.
func treatmentKept(toks []token, i, n int) bool {
	if n != 1 || !unchangedWords[toks[i].norm] {
		return false
	}
	k := i - 1
	if k >= 0 && !toks[i].brk && (toks[k].norm == "was" || toks[k].norm == "remained" || toks[k].norm == "is") {
		k--
	}
	return k >= 0 && !toks[k+1].brk && courseNouns[toks[k].norm]
}

// unchangedWords say that something did not change.
var unchangedWords = map[string]bool{"unchanged": true, "stable": true, "constant": true, "unaltered": true}
