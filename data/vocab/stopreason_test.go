package vocab

import "testing"

// TestStopsAndUnassessed: a stop for a harm of cues.tsv, and a finding said not to have been
// looked at again, make the course not evaluable with high confidence (rule 4); their near
// misses do not.
func TestStopsAndUnassessed(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a harm after for", "stopped wk 3 for nausea", "", NotEvaluable, ConfidenceHigh},
		{"a harm after due to", "stopped wk 3 due to nausea", "", NotEvaluable, ConfidenceHigh},
		{"a pause, no reason", "stopped for 2 weeks", "", NotEvaluable, ConfidenceLow}, // a pause, no reason
		{"a stop alone", "stopped wk 3", "", NotEvaluable, ConfidenceLow},              // why is not said
		{"not reviewed", "burnt after session 5, stopped, skin not reviewed", "", NotEvaluable, ConfidenceHigh},
		{"not rechecked", "low mood at wk 3, stopped; PASI not rechecked", "", NotEvaluable, ConfidenceHigh},
		{"no skin assessment", "stopped wk 3 for nausea, no skin assessment", "", NotEvaluable, ConfidenceHigh},
		{"no review", "could not attend further infusions; 1 dose only, no review", "", NotEvaluable, ConfidenceHigh},
		{"a response beside it", "cleared at wk 8; not reviewed since", "", Complete, ConfidenceHigh}, // the response stands beside it
	})
}
