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

// A table's outcome column may be a question its header asks: "Response", "Remission
// after DLI", "Improved (Y/N)", with cells "Yes", "N", "no". Such a cell is a bare answer,
// which says nothing alone; read under its header, it is the label-and-answer form above.
var bareAnswers = map[string]string{
	"yes": "yes", "y": "yes", "no": "no", "n": "no", "none": "no", "nil": "no",
	"absent": "no", "present": "yes", "achieved": "yes", "not achieved": "no",
}

// BareAnswer reports whether an outcome cell is only a yes or a no ("Yes", "N", "none"),
// which says something only as the answer to its column's header.
func BareAnswer(cell string) bool {
	_, ok := bareAnswers[normalize(cell)]
	return ok
}

// OutcomeUnder reads a bare answer (BareAnswer) as the answer to its column's header: a yes
// reads the header as the outcome ("Yes" under "Remission after DLI" is complete), a no
// reads it denied ("No" under "Clinical response (Y/N)" is read as "not clinical response",
// none). Parentheses are left out of the header ("(Y/N)", "(yes/no)"). A header that holds
// no outcome phrase ("Outcome", "Comments") leaves the cell as it reads alone
// (unclassified). The evidence's phrase and span are the cell's; its rule names the header.
func (v *Vocabulary) OutcomeUnder(header, cell string, treatments []string) OutcomeMatch {
	answer, ok := bareAnswers[normalize(cell)]
	label := strings.TrimSpace(withoutParens(header))
	if !ok || label == "" || strings.ContainsAny(label, ":=?") {
		return v.OutcomeFor(cell, treatments)
	}
	text := label // "yes": what the header asks holds
	if answer == "no" {
		text = "not " + label // a denial, as "not improved", "not in remission after DLI" are read
	}
	m := v.OutcomeFor(text, treatments)
	if m.Evidence.Rule == "" || m.Phrase == "" {
		return v.OutcomeFor(cell, treatments)
	}
	m.Evidence = Evidence{Rule: "column header as the question (" + label + "): " + m.Evidence.Rule, Cue: m.Evidence.Cue,
		Phrase: cell, Start: 0, End: len(cell)}
	m.Phrase, m.Phrases, m.Sites, m.Status = cell, nil, nil, StatusContained
	return m
}

// withoutParens returns s without its parenthesised and bracketed parts.
func withoutParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
