package vocab

import "strings"

// A sheet often writes an outcome as a label and an answer: "Response: no", "Healed? No",
// "Improvement – nil", "Remission: not assessed", "Response: partial". The label is an
// outcome phrase that opens its clause (at most maxLabelWords words from the clause's start
// to the phrase's end), followed by ":", "=", "?" or a dash; the answer is the rest of the
// clause. The answer decides what the label means:
//
//   - a word of denial alone ("no", "none", "nil", "absent", "negative", "not") negates the
//     label, as "no response" would be read;
//   - a word of a missing value alone ("NA", "N/A", "unknown", "not known", "pending", "not
//     done", "ND", "NK") makes it not evaluable (the outcome is not reported);
//   - a qualifier of degree alone ("complete", "partial", "minimal", "slight") grades it, as
//     "partial response" would be read;
//   - after ":" or "=", a phrase saying the outcome is not known ("Response: not assessed",
//     "Improvement: lost to follow-up") is the reading, and the label is dropped (any other
//     phrase of the answer is read beside the label, as two statements are);
//   - anything else ("yes", "after 3 weeks") leaves the label as it is.
const maxLabelWords = 4

var (
	answerDenial  = map[string]bool{"no": true, "none": true, "nil": true, "absent": true, "negative": true, "not": true, "neg": true}
	answerMissing = map[string]bool{"na": true, "n a": true, "unknown": true, "not known": true, "pending": true, "not done": true, "nd": true, "nk": true, "unk": true, "not available": true, "not reported": true}
)

// labelAnswers applies the label-and-answer rule above to the targets and returns them.
func labelAnswers(text string, toks []token, targets []target, cues []cueHit) []target {
	drop := map[int]bool{}
	for k := range targets {
		t := &targets[k]
		if t.entry.marker || t.negated || t.quantity || t.j >= len(toks) || !labelSeparator(text[toks[t.j-1].end:toks[t.j].start]) {
			continue
		}
		s := t.i
		for s > 0 && !toks[s].brk {
			s--
		}
		if t.j-s > maxLabelWords {
			continue
		}
		e := t.j + 1
		for e < len(toks) && !toks[e].brk {
			e++
		}
		answer := joinNorms(toks[t.j:e])
		switch {
		case answerDenial[answer]:
			t.negated, t.negCue = true, text[toks[t.j].start:toks[e-1].end]
		case answerMissing[answer]:
			t.category, t.rule, t.entry.role, t.entry.secondary = NotEvaluable, "label: answer (a missing value)", rolePrimary, false
		case strings.ContainsAny(text[toks[t.j-1].end:toks[t.j].start], ":=") && answerHolds(targets, k, t.j, e):
			drop[k] = true // the answer states the outcome itself
		default:
			for _, cu := range cues {
				if cu.i == t.j && cu.j == e && (cu.e.role == cueQualifier || cu.e.role == cueQualifierAfter) && qualifies(cu.e.category, t.entry) {
					t.category, t.rule, t.graded = cu.e.category, "qualifier", true
				}
			}
		}
	}
	if len(drop) == 0 {
		return targets
	}
	out := targets[:0]
	for k, t := range targets {
		if !drop[k] {
			out = append(out, t)
		}
	}
	return out
}

// labelSeparator reports whether the text between a label and its answer is a colon, an
// equals sign, a question mark or a dash.
func labelSeparator(between string) bool {
	switch strings.TrimSpace(between) {
	case ":", "=", "?", "-", "–", "—", "?:", ":-":
		return true
	}
	return false
}

// answerHolds reports whether a not-evaluable phrase other than targets[k] lies within the
// answer toks[i:e].
func answerHolds(targets []target, k, i, e int) bool {
	for u := range targets {
		if u != k && targets[u].i >= i && targets[u].j <= e && targets[u].category == NotEvaluable {
			return true
		}
	}
	return false
}
