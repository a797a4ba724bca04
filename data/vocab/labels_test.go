package vocab

import (
	"strings"
	"testing"
)

// reading is a text and the category the reader must give it (with high confidence, unless
// the category is Unclassified), read without a course.
type reading struct {
	text string
	want Category
}

// sureReading is a text, the category the reader must give it and with what confidence.
type sureReading struct {
	text string
	want Category
	conf Confidence
}

// checkSureReadings reads each text without a course and reports every category or
// confidence other than the one wanted.
func checkSureReadings(t *testing.T, cases []sureReading) {
	t.Helper()
	withCourse := make([]courseReading, len(cases))
	for i, tc := range cases {
		withCourse[i] = courseReading{text: tc.text, want: tc.want, conf: tc.conf}
	}
	checkCourseReadings(t, withCourse)
}

// checkReadings reads each text and reports every category other than the one wanted.
func checkReadings(t *testing.T, cases []reading) {
	t.Helper()
	v := Default()
	for _, tc := range cases {
		if m := v.OutcomeFor(tc.text, nil); m.Category != tc.want {
			t.Errorf("OutcomeFor(%q) = %v (%s, %q); want %v", tc.text, m.Category, m.Confidence, m.Evidence.Rule, tc.want)
		}
	}
}

func TestLabelAnswers(t *testing.T) {
	checkReadings(t, []reading{
		{"Response: no", None},
		{"Response - no", None},
		{"Healed: no", None},
		{"Improved? No", None},
		{"Clinical response: no; stopped after 3 months", None},
		{"Improvement – nil", None},
		{"Remission: no", None},
		{"Healed: yes", Complete},
		{"Response: yes", Partial},
		{"Response: complete", Complete},
		{"Response: partial", Partial},
		{"Response: NA", NotEvaluable},
		{"Response: not assessed", NotEvaluable},
		{"Healed: no recurrence at 1 year", Complete},
		{"Response no", Partial},               // no separator: not a label
		{"Improved; no side effects", Partial}, // a clause of its own, not an answer
		{"Marked improvement: no", None},
		{"Marked improvement of the ulcer: no", None}, // a label of five words
		{"Response: none documented", None},
		{"Response: nil at 6 months", None},
		{"Response: poor at 3 months", None},
		{"Response: none (PD)", Progression}, // the parenthesis names progressive disease
		{"Response: no (PD)", None},
		{"Remission: not achieved", None},
		{"Response to IVIG: no", None},
		{"Response: complete at 3 months", Complete},
		{"PCR: negative", Complete}, // a good result, not a denial
		{"Evolution: favourable at 6 months", Partial},
		{"Response: lost to follow-up", NotEvaluable},
		{"Nil improvement", None}, // "nil" is a negation cue
	})
}

func TestArrowOrdersStates(t *testing.T) {
	checkReadings(t, []reading{
		{"PR→PD", Progression},    // a response lost on the course
		{"PR -> PD", Progression}, // ASCII arrow
		{"Improved => worsened", Progression},
		{"PR → CR", Complete},        // the best response
		{"SD → PD", None},            // no response was lost: the best response stays
		{"PR > PD", CategoryUnknown}, // ">" alone is no arrow: the two disagree
		{"Skin lesions improved (PASI 20 → 5), arthritis worsened", CategoryUnknown}, // a value's arrow orders nothing
		{"PR → PD → PR after dose escalation", CategoryUnknown},                      // the response came back
	})
}

func TestOutcomeUnderHeader(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		header, cell string
		want         Category
		conf         Confidence
	}{
		{"Response", "Yes", Partial, ConfidenceHigh},
		{"Response", "No", None, ConfidenceHigh},
		{"Remission after DLI", "Y", Complete, ConfidenceHigh},
		{"Remission after DLI", "N", Unclassified, ConfidenceLow}, // not in remission: perhaps a partial one
		{"Improved (Y/N)", "n", None, ConfidenceHigh},
		{"Healed", "yes", Complete, ConfidenceHigh},
		{"Efficacy (Y/N)", "Y", Partial, ConfidenceHigh}, // "effective", as a whole cell
		{"Outcome", "Yes", Unclassified, ConfidenceNone}, // the header asks nothing
		{"Comments", "No", Unclassified, ConfidenceNone},
		{"Response", "Partial", Partial, ConfidenceHigh}, // not a bare answer: read alone
		{"Response", "none", None, ConfidenceHigh},
		{"Complete remission", "No", Unclassified, ConfidenceLow}, // may be a partial response
		{"CR", "no", Unclassified, ConfidenceLow},
		{"Refractory", "No", Unclassified, ConfidenceNone}, // a denied non-response says nothing
		{"Relapse", "None", Unclassified, ConfidenceNone},
		{"Side effects", "No", Unclassified, ConfidenceNone},
		{"Healed", "no", Unclassified, ConfidenceLow}, // not healed: perhaps improved
	} {
		m := v.OutcomeUnder(tc.header, tc.cell, nil)
		if m.Category != tc.want || m.Confidence != tc.conf {
			t.Errorf("OutcomeUnder(%q, %q) = %v/%s (%q); want %v/%s", tc.header, tc.cell, m.Category, m.Confidence, m.Evidence.Rule, tc.want, tc.conf)
		}
		if m.Evidence.Phrase != "" && (m.Evidence.Start != 0 || m.Evidence.End > len(tc.cell)) {
			t.Errorf("OutcomeUnder(%q, %q): evidence span %d–%d is not within the cell", tc.header, tc.cell, m.Evidence.Start, m.Evidence.End)
		}
	}
}

func TestQualifierAfterResponseWord(t *testing.T) {
	checkReadings(t, []reading{
		{"Response complete", Complete},
		{"remission incomplete", Partial},
		{"Improvement minimal", Minimal},
		{"Resolution incomplete", Partial},
		{"Response complete at 3 months", Complete},
		{"the lesion resolved almost completely", Partial},
		{"Response, complete in 2 of 3 sites", Partial},                       // a comma: not a grade of the word before
		{"Response complete remission", Complete},                             // a phrase of its own
		{"Remission incomplete at 6 months, complete at 12 months", Complete}, // the best grade
		{"Improvement mild at 2 weeks, marked at 6 weeks", Partial},
	})
}

func TestTimeLabelsOrderStates(t *testing.T) {
	checkReadings(t, []reading{
		{"3 mo: PR; 6 mo: CR; 12 mo: PD", Progression},
		{"Week 4: partial response; week 12: progression", Progression},
		{"Day 7: improved; day 30: worse", Progression},
		{"3 mo: SD; 6 mo: PD", None},          // no response was lost
		{"12 mo: PD; 3 mo: PR", Unclassified}, // out of order: the two disagree
	})
}

// TestBareAnswerShortcut checks BareAnswer's cheap test against normalising every cell:
// the answers as written in sheets (case, punctuation, diacritics) and every text of both
// corpora give the same verdict both ways.
func TestBareAnswerShortcut(t *testing.T) {
	cells := []string{"Yes", "N", "none.", "NOT ACHIEVED", "Not  achieved!", "nö", "- - yes - -", "(absent)", "n/a", "No response"}
	for a := range bareAnswers {
		cells = append(cells, a, strings.ToUpper(a)+".", " "+a+" ")
	}
	for _, file := range []string{"testdata/outcome_corpus.tsv", "testdata/outcome_cells.tsv"} {
		for _, r := range readCorpus(t, file) {
			cells = append(cells, r.text)
		}
	}
	for _, c := range cells {
		_, want := bareAnswers[normalize(c)]
		if got := BareAnswer(c); got != want {
			t.Errorf("BareAnswer(%q) = %v, normalising the whole cell gives %v", c, got, want)
		}
	}
}
