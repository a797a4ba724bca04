package vocab

import "testing"

// TestDualExtractionCells holds the reader to cells of a sheet from dual extraction: the
// agreed or corrected reading decides, two extractors' readings without one are low
// confidence, and an outcome the cell says is another patient's is left to a person. Each
// form has a near miss in prose.
func TestDualExtractionCells(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"agreed after two readings", "CDASI-A 28 -> 20; E1 PR, E2 minimal, agreed minimal (29% fall)", "", Minimal, ConfidenceHigh},
		{"consensus after two readings", "E1: flare of face on drug = progression; E2: body EASI 90 = PR. Consensus: PR (rule 8)", "", Partial, ConfidenceHigh},
		{"a final reading", "R1: PR; R2: NE (lost after mo 3); final: NE (no assessment at the protocol time point)", "", NotEvaluable, ConfidenceHigh},
		{"a correction with its reason", "corrected from PR to none after re-reading Fig 3 (radiographs identical at 12 mo)", "", None, ConfidenceHigh},
		{"a consensus in words", "consensus: lesions improved markedly", "", Partial, ConfidenceHigh},
		{"two readings, no agreed one", "R1: PR / R2: CR", "", Complete, ConfidenceLow},
		{"another patient's outcome", "extractor note: response in text refers to pt 3, not this pt", "", NotEvaluable, ConfidenceLow},
		// near misses in prose
		{"agreed to", "The patient agreed to continue; lesions cleared", "", Complete, ConfidenceHigh},
		{"final follow-up", "at final follow-up the lesions had cleared", "", Complete, ConfidenceHigh},
		{"one reviewer's note", "R1: PR", "", Partial, ConfidenceHigh},
	})
}

// TestAgreedReadingKeepsSpans checks that the agreed reading keeps the bytes of the text, so
// that evidence spans stay those of the cell.
func TestAgreedReadingKeepsSpans(t *testing.T) {
	for _, text := range []string{"E1 PR, E2 minimal, agreed minimal (29% fall)", "corrected from PR to none after re-reading"} {
		read, ok := agreedReading(text)
		if !ok || len(read) != len(text) {
			t.Errorf("agreedReading(%q) = %q, %v; want a reading of %d bytes", text, read, ok, len(text))
		}
	}
}
