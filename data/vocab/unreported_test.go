package vocab

import "testing"

// TestUnreportedOutcome checks the unreported construction: a report noun with a negated
// not-stated word, "no" before it or an unstated word after it is not evaluable; a stated
// response beside it in another clause keeps the response; the words alone, a copula after
// "no", an adverse effect or an attribute are not the construction.
func TestUnreportedOutcome(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"", "outcome not given in abstract", NotEvaluable, ConfidenceHigh},
		{"", "tubal stump removed; no post-op outcome stated", NotEvaluable, ConfidenceHigh},
		{"", "switched to AZA as outpatient; no FU reported", NotEvaluable, ConfidenceHigh},
		{"", "treated with CDT and stent; result not stated", NotEvaluable, ConfidenceHigh},
		{"", "details of outcome were not provided", NotEvaluable, ConfidenceHigh},
		{"", "outcome of pregnancy unknown", NotEvaluable, ConfidenceHigh},
		{"", "response assessment pending", NotEvaluable, ConfidenceHigh},
		{"", "follow-up data not yet available", NotEvaluable, ConfidenceHigh},
		{"", "awaiting response", NotEvaluable, ConfidenceHigh},
		{"", "improved, awaiting restaging", Partial, ConfidenceHigh},
		{"", "outcome of this pregnancy was not described", NotEvaluable, ConfidenceHigh},
		// a response word after "no" may be a non-response reported: a proposal, even alone
		{"", "switched for drug shortage; no clinical response reported", Unclassified, ConfidenceLow},
		{"", "no objective response documented", Unclassified, ConfidenceLow},
		{"", "no response to the course stated", Unclassified, ConfidenceLow},
		// a follow-up noun's construction leaves a response beside it standing
		{"", "complete remission with no further follow-up reported", Complete, ConfidenceHigh},
		{"", "healed at 4 weeks with follow-up data unavailable", Complete, ConfidenceHigh},
		// an outcome word after "no" is what is denied; an off-topic report is no outcome's
		{"", "no relapse during follow-up reported", Complete, ConfidenceHigh},
		{"", "no safety data reported", Unclassified, ConfidenceNone},
		{"", "no information given on adverse events", Unclassified, ConfidenceNone},
		// a response in another clause is the course's
		{"", "complete remission; follow-up not available", Complete, ConfidenceHigh},
		{"", "improved; no further follow-up data available", Partial, ConfidenceHigh},
		// not the construction
		{"", "no response was reported", None, ConfidenceHigh},
		{"", "no side effects reported", Unclassified, ConfidenceNone},
		{"", "data not shown", Unclassified, ConfidenceNone},
		{"", "outcome", Unclassified, ConfidenceNone},
	})
}
