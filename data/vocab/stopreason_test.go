package vocab

import "testing"

// TestStopsAndUnassessed: a stop for a harm of cues.tsv, and a finding said not to have been
// looked at again, make the course not evaluable with high confidence (rule 4); their near
// misses do not.
func TestStopsAndUnassessed(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		text string
		want Category
		conf Confidence
	}{
		{"stopped wk 3 for nausea", NotEvaluable, ConfidenceHigh},
		{"stopped wk 3 due to nausea", NotEvaluable, ConfidenceHigh},
		{"stopped for 2 weeks", Unclassified, ConfidenceLow}, // a pause, no reason
		{"stopped wk 3", Unclassified, ConfidenceLow},        // why is not said
		{"burnt after session 5, stopped, skin not reviewed", NotEvaluable, ConfidenceHigh},
		{"low mood at wk 3, stopped; PASI not rechecked", NotEvaluable, ConfidenceHigh},
		{"stopped wk 3 for nausea, no skin assessment", NotEvaluable, ConfidenceHigh},
		{"could not attend further infusions; 1 dose only, no review", NotEvaluable, ConfidenceHigh},
		{"cleared at wk 8; not reviewed since", Complete, ConfidenceHigh}, // the response stands beside it
	} {
		m := v.OutcomeFor(tc.text, nil)
		if m.Category != tc.want || m.Confidence != tc.conf {
			t.Errorf("OutcomeFor(%q) = %v (%v, %q); want %v (%v)", tc.text, m.Category, m.Confidence, m.Evidence.Rule, tc.want, tc.conf)
		}
	}
}
