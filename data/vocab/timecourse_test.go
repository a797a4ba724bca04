package vocab

import "testing"

// TestTimeCourseForms holds the reader to the forms that the rules of the nineteenth session of
// 2026-12-07 read, most of them in cells that summarise a long follow-up: a measure's values
// over time, each after its time ("mRSS 31 → 24 mo 6 → 17 mo 12", "EASI 24→15; wk 32 EASI
// 11"), read from the first value to the last. Most rows have a near miss beside them, which
// must keep its old reading.
func TestTimeCourseForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a series of values: the first against the last
		{"a series with times after the values", "mRSS 31 → 24 mo 6 → 17 mo 12 → 12 mo 24; FVC stable", "", Partial, ConfidenceHigh},
		{"a series after a time each", "mo 6 mRSS 35→20; mo 12 10; mo 24 6; mo 36 4", "", Partial, ConfidenceHigh},
		{"a series down to zero", "wk 4 papules 20→12; wk 12 3; wk 16 0", "", Complete, ConfidenceHigh},
		{"a series with the measure repeated", "mo 1 EASI 40→18; mo 3 EASI 9", "", Partial, ConfidenceHigh},
		{"a series of decimals", "wk 12 F-VASI 1.8→1.5; wk 24 1.0; wk 52 0.4", "", Partial, ConfidenceHigh},
		{"no series: a count of something else after the time", "PASI 20→10; wk 12 3 new plaques", "", Partial, ConfidenceLow},
		{"no series: another measure after the time", "EASI 24→15; wk 32 DLQI 2", "", Minimal, ConfidenceHigh},
		{"one pair", "mRSS 31 → 24 at 6 mo", "", Minimal, ConfidenceHigh},
	})
}
