package vocab

import "testing"

// TestMoreSheetForms holds the reader to the forms that the rules of the eighteenth session
// of 2026-12-07 read: a response that lasted ("no recurrence") as the only statement of the
// outcome; " / " between a cell's statements; "Resp" as a label, and "N" or a "[Y/N]" in a
// label and its answer. Most rows have a near miss beside them, which must keep its old reading.
func TestMoreSheetForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a response that lasted: alone it decides, beside a graded response the grade does
		{"no recurrence alone", "No recurrence was observed during a 49-month follow-up.", "", Complete, ConfidenceHigh},
		{"no recurrence of the lesion", "no recurrence of the nodules at 1 yr", "", Complete, ConfidenceHigh},
		{"no recurrence beside a graded response", "dramatic improvement, no recurrence at 1 yr", "", Partial, ConfidenceHigh},
		{"no recurrence hedged", "possibly no recurrence", "", Complete, ConfidenceLow},
		{"no recurrence not reported in detail", "no recurrence of symptoms was reported, but details of outcome were not provided", "", NotEvaluable, ConfidenceHigh},
		// " / " parts a cell's statements as " - " does: no phrase across it
		{"a label answered, then another label", "Efficacy: no / Recurrence: n/a / ulcers static", "", None, ConfidenceHigh},
		{"a slash inside a phrase", "no recurrence/relapse at 1 yr", "", Complete, ConfidenceHigh},
		// "Resp" as a label a yes or a no answers; "N" answering a label; a "[Y/N]" in it
		{"Resp answered no", "Resp: N -- rituximab added mo 6", "", None, ConfidenceHigh},
		{"Resp answered none", "Resp: none ; insomnia", "", None, ConfidenceHigh},
		{"Resp answered yes", "Resp: Y", "", Partial, ConfidenceHigh},
		{"a Y/N in the label", "Response [Y/N]: N after 3 monthly doses", "", None, ConfidenceHigh},
		{"N after an equals sign", "Response = N", "", None, ConfidenceHigh},
		{"recurrence answered N", "Recurrence: N ; f/u 24 mo", "", Complete, ConfidenceHigh},
		{"resp is no word in prose", "resp failure on day 3", "", None, ConfidenceLow},
		{"resp before a number is no label", "Resp: 20/min", "", Unclassified, ConfidenceNone},
		{"a count n is no answer", "Response: n = 5", "", Unclassified, ConfidenceNone},
	})
}
