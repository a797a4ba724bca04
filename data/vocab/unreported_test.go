package vocab

import "testing"

// TestUnreportedOutcome checks the unreported construction: a report noun with a negated
// not-stated word, "no" before it or an unstated word after it is not evaluable; a stated
// response beside it in another clause keeps the response; the words alone, a copula after
// "no", an adverse effect or an attribute are not the construction.
func TestUnreportedOutcome(t *testing.T) {
	v := Default()
	tests := []struct {
		text string
		want Category
		conf Confidence
	}{
		{"outcome not given in abstract", NotEvaluable, ConfidenceHigh},
		{"tubal stump removed; no post-op outcome stated", NotEvaluable, ConfidenceHigh},
		{"switched to AZA as outpatient; no FU reported", NotEvaluable, ConfidenceHigh},
		{"treated with CDT and stent; result not stated", NotEvaluable, ConfidenceHigh},
		{"details of outcome were not provided", NotEvaluable, ConfidenceHigh},
		{"outcome of pregnancy unknown", NotEvaluable, ConfidenceHigh},
		{"response assessment pending", NotEvaluable, ConfidenceHigh},
		{"follow-up data not yet available", NotEvaluable, ConfidenceHigh},
		// a response word after "no" may be a non-response reported: a proposal
		{"switched for drug shortage; no clinical response reported", Unclassified, ConfidenceLow},
		// a response in another clause is the course's
		{"complete remission; follow-up not available", Complete, ConfidenceHigh},
		{"improved; no further follow-up data available", Partial, ConfidenceHigh},
		// not the construction
		{"no response was reported", None, ConfidenceHigh},
		{"no side effects reported", Unclassified, ConfidenceNone},
		{"data not shown", Unclassified, ConfidenceNone},
		{"outcome", Unclassified, ConfidenceNone},
	}
	for _, tt := range tests {
		got := v.OutcomeFor(tt.text, nil)
		if got.Category != tt.want || got.Confidence != tt.conf {
			t.Errorf("%q: %v/%v (%s), want %v/%v", tt.text, got.Category, got.Confidence, got.Evidence.Rule, tt.want, tt.conf)
		}
	}
}
