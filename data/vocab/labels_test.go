package vocab

import "testing"

func TestLabelAnswers(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		text string
		want Category // read with high confidence
	}{
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
		{"Marked improvement of the ulcer: no", Partial}, // the answer must follow the phrase
		{"Response: lost to follow-up", NotEvaluable},
		{"Nil improvement", None}, // "nil" is a negation cue
	} {
		m := v.OutcomeFor(tc.text, nil)
		if m.Category != tc.want {
			t.Errorf("OutcomeFor(%q) = %v (%s, %q); want %v", tc.text, m.Category, m.Confidence, m.Evidence.Rule, tc.want)
		}
	}
}

func TestArrowOrdersStates(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		text string
		want Category
	}{
		{"PR→PD", Progression},    // a response lost on the course
		{"PR -> PD", Progression}, // ASCII arrow
		{"Improved => worsened", Progression},
		{"PR → CR", Complete},        // the best response
		{"SD → PD", None},            // no response was lost: the best response stays
		{"PR > PD", CategoryUnknown}, // ">" alone is no arrow: the two disagree
	} {
		m := v.OutcomeFor(tc.text, nil)
		if m.Category != tc.want {
			t.Errorf("OutcomeFor(%q) = %v (%s, %q); want %v", tc.text, m.Category, m.Confidence, m.Evidence.Rule, tc.want)
		}
	}
}
