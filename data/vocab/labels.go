package vocab

import "strings"

// A sheet often writes an outcome as a label and an answer: "Response: no", "Healed? No",
// "Improvement – nil", "Remission: not assessed", "Response: partial". The label is the
// start of a clause, at most maxLabelWords words, that holds one outcome phrase and ends
// with ":", "=", "?" or a dash; the answer is the rest of the clause. The answer decides what
// the label means:
//
//   - an outcome phrase that opens it stands as a statement of its own ("Healed: no
//     recurrence"), and after ":" or "=" a phrase of a missing outcome ("Response: not
//     assessed", "Response: lost to follow-up") replaces the label, as does one of the other
//     responder class after ":", "=" or "?", or after a dash when the label is a word that
//     sums a course up ("Response: no improvement", "Improvement - no change": the label is
//     the question, the answer the outcome; "CR-PD" is two statements);
//   - otherwise a word of denial opening it ("no", "none", "nil", "absent", "not") negates
//     the label, as "no response" would be read ("Response: no", "Response: none
//     documented", "Remission: not achieved"); not "no" before a word after a dash ("pCR -
//     no tumour cells in the specimen", "Response - no fever"), which denies what it opens;
//   - a missing value as the whole answer ("NA", "N/A", "unknown", "not known", "pending",
//     "not done", "ND", "NK") makes it not evaluable (the outcome is not reported);
//   - a qualifier of degree opening it grades it, as "partial response" would be read
//     ("Response: complete at 3 months", "Response: poor");
//   - anything else ("yes", "after 3 weeks") leaves the label as it is.
//
// "negative" is no denial: "PCR: negative" is a good result.
const maxLabelWords = 5

var (
	answerDenial  = map[string]bool{"no": true, "none": true, "nil": true, "absent": true, "not": true}
	answerMissing = map[string]bool{"na": true, "n a": true, "unknown": true, "not known": true, "pending": true, "not done": true, "nd": true, "nk": true, "unk": true, "not available": true, "not reported": true}
	// gradeWords grade a response word as qualifier cues do, though they are no cue of their
	// own (they stand in phrases: "marked improvement", "poor response"): as a label's answer
	// ("Response: poor") and as a later grade (gradedAgain)
	gradeWords = map[string]Category{"poor": None, "good": Partial, "excellent": Partial, "marked": Partial,
		"significant": Partial, "substantial": Partial, "considerable": Partial, "dramatic": Partial,
		"moderate": Partial, "remarkable": Partial}
)

// labelAnswers applies the label-and-answer rule above to the targets and returns them.
func labelAnswers(text string, toks []token, targets []target, cues []cueHit) []target {
	drop := optionsLabel(text, toks, targets)
	for k := range targets {
		if drop[k] {
			continue
		}
		t := &targets[k]
		if t.entry.marker || t.negated || t.quantity {
			drop[k] = drop[k] || t.entry.role == roleLabel
			continue
		}
		sep := labelEnd(text, toks, targets, k)
		if t.entry.role == roleLabel {
			if sep < 0 || !answerWord(toks, targets, k, sep) {
				drop[k] = true // "resp failure", "Resp: 20/min": no label a yes or no answers
				continue
			}
			t.entry.role = rolePrimary
		}
		if sep < 0 {
			continue
		}
		e := sep + 1
		for e < len(toks) && !toks[e].brk {
			e++
		}
		colon := strings.ContainsAny(text[toks[sep-1].end:toks[sep].start], ":=")
		if u := phraseAt(targets, k, sep); u >= 0 {
			if colon && targets[u].category == NotEvaluable && targets[u].j <= e {
				drop[k] = true // "Response: not assessed": the answer states the outcome itself
			} else if a := targets[u]; a.category.Ordered() && a.category.AtLeast(Partial) != t.category.AtLeast(Partial) && !a.hedged &&
				(colon || strings.Contains(text[toks[sep-1].end:toks[sep].start], "?") || summaryResponse[t.entry.normPhrase()]) {
				// "Response: no improvement", "Improvement - no change": the label asks, the
				// answer says; after a dash only a label that names no grade of its own ("CR-PD",
				// "no response - PR after the second course" are two statements in time)
				drop[k] = true
			}
			continue
		}
		switch first := toks[sep].norm; {
		case first == "no" && e-sep >= 2 && !colon && strings.ContainsAny(text[toks[sep-1].end:toks[sep].start], "-–—"):
			// "pCR - no tumour cells in the specimen", "Response - no fever": after a dash, "no"
			// before a noun denies what follows it (a finding absent), not the label; "CR - no"
			// and "Remission: no" stay answers
		case answerDenial[first] || first == "n" && singleLetter(text, toks[sep]):
			t.negated, t.negCue = true, text[toks[sep].start:toks[sep].end]
		case bareAnswers[first] && e-sep <= 2 && t.entry.weak() && t.entry.role != roleMeasured:
			// "Clearance: yes", "Effective: Y": the label is the authors' grade, affirmed
			t.entry.role = rolePrimary
		case answerMissing[joinNorms(toks[sep:e])]:
			t.category, t.rule, t.entry.role, t.entry.secondary = NotEvaluable, "label: answer (a missing value)", rolePrimary, false
		default:
			grade := gradeWords[first]
			for _, cu := range cues {
				if cu.i == sep && (cu.e.role == cueQualifier || cu.e.role == cueQualifierAfter) {
					grade = cu.e.category
				}
			}
			if grade != CategoryUnknown && qualifies(grade, t.entry) {
				t.category, t.rule, t.graded = grade, "qualifier", true
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

// optionsLabel returns the targets that are the choices of a label ("CR/PR/SD/PD: PD",
// "CR/PR/SD/PD = PD after C3"): three or more one-word phrases joined by slashes alone,
// right before a label separator. The answer after it is the outcome; the choices state
// nothing.
func optionsLabel(text string, toks []token, targets []target) map[int]bool {
	drop := map[int]bool{}
	for k := 0; k < len(targets); {
		run := k
		for run+1 < len(targets) && targets[run].j-targets[run].i == 1 && targets[run+1].i == targets[run].j &&
			text[toks[targets[run].i].end:toks[targets[run+1].i].start] == "/" {
			run++
		}
		if run-k >= 2 && targets[run].j-targets[run].i == 1 && targets[run].j < len(toks) &&
			labelSeparator(text[toks[targets[run].j-1].end:toks[targets[run].j].start]) {
			for x := k; x <= run; x++ {
				drop[x] = true
			}
		}
		k = run + 1
	}
	return drop
}

// answerWord reports whether the answer at token sep to the label targets[k] opens with a
// word that answers a question (yes, no, Y, N, none, a grade, a missing value) or with an
// outcome phrase: what a label of role label needs to be one.
func answerWord(toks []token, targets []target, k, sep int) bool {
	first := toks[sep].norm
	_, bare := bareAnswers[first]
	return bare || answerDenial[first] || answerMissing[first] || gradeWords[first] != CategoryUnknown || phraseAt(targets, k, sep) >= 0
}

// singleLetter reports whether tok is one letter standing alone: "N" in "Response: N", not
// the "n" of "n = 5" read as a word of its own by accident of punctuation.
func singleLetter(text string, tok token) bool {
	rest := strings.TrimLeft(text[tok.end:], " ")
	return tok.end-tok.start == 1 && (rest == "" || !strings.ContainsRune("=/", rune(rest[0])))
}

// labelEnd returns the index of the first token of the answer when targets[k] stands in a
// label (see above), or -1.
func labelEnd(text string, toks []token, targets []target, k int) int {
	t := targets[k]
	s := t.i
	for s > 0 && !toks[s].brk {
		s--
	}
	for q := t.j; q < len(toks) && q-s <= maxLabelWords; q++ {
		if labelSeparator(text[toks[q-1].end:toks[q].start]) {
			return q
		}
		if toks[q].brk || q > t.j && phraseAt(targets, k, q) >= 0 {
			return -1 // other punctuation, or another phrase, before any separator
		}
	}
	return -1
}

// phraseAt returns the index of a target other than targets[k] that starts at token i, or -1.
func phraseAt(targets []target, k, i int) int {
	for u := range targets {
		if u != k && targets[u].i == i {
			return u
		}
	}
	return -1
}

// labelSeparator reports whether the text between a label and its answer is a colon, an
// equals sign, a question mark or a dash.
func labelSeparator(between string) bool {
	switch strings.TrimLeft(strings.TrimSpace(between), ")]") {
	case ":", "=", "?", "-", "–", "—", "?:", ":-":
		return true
	}
	return false
}

// A table's outcome column may be a question its header asks: "Response", "Remission
// after DLI", "Improved (Y/N)", with cells "Yes", "N", "no". Such a cell is a bare answer,
// which says nothing alone; OutcomeUnder reads it under its header. bareAnswers holds the
// answers, true for a yes.
var bareAnswers = map[string]bool{
	"yes": true, "y": true, "present": true, "achieved": true,
	"no": false, "n": false, "none": false, "nil": false, "absent": false, "not achieved": false,
}

// BareAnswer reports whether an outcome cell is only a yes or a no ("Yes", "N", "none"),
// which says something only as the answer to its column's header.
func BareAnswer(cell string) bool {
	if !mayBeBareAnswer(cell) {
		return false
	}
	_, ok := bareAnswers[normalize(cell)]
	return ok
}

// mayBeBareAnswer is a cheap test before normalising a whole cell: the longest answer,
// "not achieved", has 11 letters, and a letter takes at most two bytes even with a
// diacritic, so a cell with more than 24 bytes of letters or digits is none.
func mayBeBareAnswer(cell string) bool {
	n := 0
	for i := 0; i < len(cell); i++ {
		if c := cell[i]; c >= 0x80 || 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
			if n++; n > 24 {
				return false
			}
		}
	}
	return true
}

// OutcomeUnder reads a bare answer (BareAnswer) as the answer to its column's header: a yes
// reads the header as the outcome ("Yes" under "Remission after DLI" is complete), a no
// reads it denied when the header names a response and its denial reads as a non-response
// ("No" under "Clinical response (Y/N)" is read as "not clinical response", none); else
// the denial is proposed with low confidence ("Complete response": no may be a partial
// one), and under a header that names no response ("Refractory", "Relapse", "Side
// effects") a no is unclassified. Parentheses are left out of the header ("(Y/N)",
// "(yes/no)"). A header that holds no outcome phrase
// ("Outcome", "Comments") leaves the cell as it reads alone. The evidence's phrase and span
// are the cell's; its rule names the header.
func (v *Vocabulary) OutcomeUnder(header, cell string, treatments []string) OutcomeMatch {
	yesAnswer, ok := bareAnswers[normalize(cell)]
	label := strings.TrimSpace(noParens(header))
	if !ok || label == "" || strings.ContainsAny(label, ":=?") {
		return v.OutcomeFor(cell, treatments)
	}
	yes := v.OutcomeFor(label, treatments)
	if yes.Evidence.Rule == "" || yes.Phrase == "" && yes.Evidence.Phrase == "" {
		return v.OutcomeFor(cell, treatments) // the header asks nothing ("Outcome", "Comments")
	}
	m := yes
	if !yesAnswer {
		// a denial of a response the header names ("not improved", "not in remission after
		// DLI") counts when it reads as a non-response; a denied complete response may be a
		// partial one, and a denied non-response, relapse, death or adverse effect
		// ("Refractory", "Relapse", "Side effects": no) says nothing of the response
		m = v.OutcomeFor("not "+label, treatments)
		switch {
		case !yes.Category.Ordered() || !yes.Category.AtLeast(Minimal):
			m = OutcomeMatch{Evidence: Evidence{Rule: "a no under a header that names no response"}}
		case yes.Category == Complete || m.Confidence != ConfidenceHigh || m.Category != None:
			// "Complete response: no" may be a partial response
			if m.Confidence == ConfidenceHigh {
				m.Proposed = m.Category
			}
			m.Category, m.Confidence = Unclassified, ConfidenceLow
			m.Evidence.Rule += "; low confidence: the denied header does not read as a non-response"
		}
	}
	m.Evidence = Evidence{Rule: "column header as the question (" + label + "): " + m.Evidence.Rule, Cue: m.Evidence.Cue,
		Phrase: cell, Start: 0, End: len(cell)}
	m.Phrase, m.Phrases, m.Sites, m.Status = cell, nil, nil, StatusContained
	return m
}
