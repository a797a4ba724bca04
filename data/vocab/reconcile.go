package vocab

import (
	"regexp"
	"strings"
)

// Cells of a sheet from dual extraction carry the extractors' readings beside the authors'
// words, and often the reading they agreed on: "E1 PR, E2 minimal, agreed minimal",
// "corrected from PR to none after re-reading Fig 3", "R1: PR; R2: NE; final: NE". The agreed
// reading is the cell's outcome; what stands before it is the way to it.

// finalReadingRE matches the marker of an agreed or corrected reading: "consensus", "agreed"
// (not "agreed to" or "agreed with"), "adjudicated (as)", "resolved as", "corrected (from X)
// to", "third reviewer", and "final" before a colon, an equals sign, a dash or an arrow, or
// before "reading", "code", "category" or "decision" (not "final follow-up").
var finalReadingRE = regexp.MustCompile(`(?i)\b(?:consensus|agreed(?:\s+on)?\b(?:\s+(?:to|with|that)\b)?|adjudicated(?:\s+as)?|resolved\s+as|(?:third|3rd)\s+reviewer|corrected\s+(?:from\s+[^;,.]{1,30}?\s+)?to|final(?:\s+(?:reading|code|category|decision|answer))?\s*[:=\-–>→])\s*[:=\-–>→]?`)

// agreedReading returns text with everything before its last agreed or corrected reading
// blanked out (the bytes kept, so that spans stay those of the text), and after it too when
// the reading opens with a grade (gradeFirstRE), and whether it found one. An "agreed to",
// "agreed with" or "agreed that" is no reading.
func agreedReading(text string) (string, bool) {
	if !containsFoldASCII(text, "agree") && !containsFoldASCII(text, "consensus") && !containsFoldASCII(text, "final") &&
		!containsFoldASCII(text, "correct") && !containsFoldASCII(text, "adjudicat") && !containsFoldASCII(text, "resolved") &&
		!containsFoldASCII(text, "reviewer") {
		return text, false
	}
	ms := finalReadingRE.FindAllStringIndex(text, -1)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		low := strings.ToLower(text[m[0]:m[1]])
		if strings.HasPrefix(low, "agreed") && (strings.Contains(low, " to") || strings.Contains(low, " with") || strings.Contains(low, " that")) {
			continue
		}
		if strings.TrimSpace(text[m[1]:]) == "" {
			continue // a marker with nothing after it
		}
		rest := text[m[1]:]
		if g := gradeFirstRE.FindStringIndex(rest); g != nil {
			// "corrected from PR to none after re-reading Fig 3": the grade is the reading,
			// what follows it the reason
			rest = rest[:g[1]] + strings.Repeat(" ", len(rest)-g[1])
		}
		return strings.Repeat(" ", m[1]) + rest, true
	}
	return text, false
}

// gradeFirstRE matches a grade of the six categories, or its abbreviation, opening an agreed
// reading.
var gradeFirstRE = regexp.MustCompile(`^(?i)(?:not evaluable|no response|none|nil|minimal|partial|complete|progression|CR|PR|SD|PD|MR|NE)\b`)

// extractorsRE matches an extractor's or reviewer's label: "R1", "E2:", "reviewer 1",
// "extractor 2".
var extractorsRE = regexp.MustCompile(`(?i)\b(?:[RE][12]\b|reviewer\s*[12]\b|extractor\s*[12]\b)`)

// extractorsOnly reports whether text gives two extractors' readings ("R1: PR; R2: CR") and no
// agreed one: the outcome is not settled.
func extractorsOnly(text string) bool {
	if !strings.ContainsAny(text, "12") || !containsFoldASCII(text, "r1") && !containsFoldASCII(text, "e1") &&
		!containsFoldASCII(text, "reviewer") && !containsFoldASCII(text, "extractor") {
		return false
	}
	ms := extractorsRE.FindAllString(text, -1)
	if len(ms) < 2 {
		return false
	}
	return !strings.EqualFold(ms[0][len(ms[0])-1:], ms[len(ms)-1][len(ms[len(ms)-1])-1:])
}

// otherPatientRE matches a note that the outcome in the cell is another patient's: "refers
// to pt 3", "belongs to patient 2", "not this pt".
var otherPatientRE = regexp.MustCompile(`(?i)\b(?:(?:refers?|belongs?|applies)\s+to\s+(?:pt|patient|case)\s*#?\d+|not\s+(?:this|our|the\s+index)\s+(?:pt|patient|case)\b)`)

// readReconciled reads text as outcomeOf does, and as a cell of a sheet from dual extraction:
// another patient's outcome is left to a person, the agreed reading decides (agreedReading),
// and two extractors' readings without one are low confidence (extractorsOnly).
func (v *Vocabulary) readReconciled(text string, treatments []string, finite bool, res OutcomeMatch) OutcomeMatch {
	if mayNameOtherPatient(text) && otherPatientRE.MatchString(text) {
		// "extractor note: response refers to pt 3, not this pt": the outcome in the cell is
		// another patient's; a person decides what this one's was
		res.Category, res.Confidence, res.Proposed = Unclassified, ConfidenceLow, NotEvaluable
		res.Evidence = Evidence{Rule: "low confidence: the outcome in the cell is another patient's"}
		return res
	}
	read, agreed := agreedReading(text)
	res = v.outcomeOf(read, tokenize(read), treatments, finite, res)
	switch {
	case agreed && res.Evidence.Rule != "":
		res.Evidence.Rule += " (the agreed reading)"
	case !agreed && res.Confidence == ConfidenceHigh && extractorsOnly(text):
		res.Proposed, res.Category, res.Code, res.Confidence = res.Category, Unclassified, "", ConfidenceLow
		res.Evidence.Rule += "; low confidence: two extractors' readings and no agreed one"
	}
	return res
}

// mayNameOtherPatient reports whether text may hold a note otherPatientRE matches: a cheap
// test before the expression, which every distinct outcome text would otherwise run.
func mayNameOtherPatient(text string) bool {
	return containsFoldASCII(text, " to pt") || containsFoldASCII(text, " to patient") || containsFoldASCII(text, " to case") ||
		containsFoldASCII(text, "not this") || containsFoldASCII(text, "not our") || containsFoldASCII(text, "not the index")
}
