package vocab

import "testing"

// TestMoreSheetForms holds the reader to the forms that the rules of the eighteenth session
// of 2026-12-07 read: a response that lasted ("no recurrence") as the only statement of the
// outcome. Most rows have a near miss beside them, which must keep its old reading.
func TestMoreSheetForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a response that lasted: alone it decides, beside a graded response the grade does
		{"no recurrence alone", "No recurrence was observed during a 49-month follow-up.", "", Complete, ConfidenceHigh},
		{"no recurrence of the lesion", "no recurrence of the nodules at 1 yr", "", Complete, ConfidenceHigh},
		{"no recurrence beside a graded response", "dramatic improvement, no recurrence at 1 yr", "", Partial, ConfidenceHigh},
		{"no recurrence hedged", "possibly no recurrence", "", Complete, ConfidenceLow},
		{"no recurrence not reported in detail", "no recurrence of symptoms was reported, but details of outcome were not provided", "", NotEvaluable, ConfidenceHigh},
	})
}
