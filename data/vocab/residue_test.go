package vocab

import "testing"

// TestResidueBesideComplete checks rule 8's residue: a complete response followed in its
// sentence by what it left is partial; a residue denied, the object of the response, a
// condition after "except", or a residue in a later sentence leaves it complete.
func TestResidueBesideComplete(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"", "recovered with deficits", Partial, ConfidenceHigh},
		{"", "resolved with residual diplopia", Partial, ConfidenceHigh},
		{"", "full recovery except mild dysarthria", Partial, ConfidenceHigh},
		{"", "recovered, residual foot drop", Partial, ConfidenceHigh},
		{"", "symptoms resolved, with the exception of ongoing memory concerns", Partial, ConfidenceHigh},
		{"", "seizures resolved with mild cognitive deficits", Partial, ConfidenceHigh},
		// denied, or part of a statement the reader matched
		{"", "recovered without sequelae", Complete, ConfidenceHigh},
		{"", "full recovery, no residual deficit", Complete, ConfidenceHigh},
		{"", "seizure free and without motor deficits", Complete, ConfidenceHigh},
		{"", "complete remission, MRD negative", Complete, ConfidenceHigh},
		// the residue is what resolved
		{"", "spontaneous resolution of residual mass within 5 months", Complete, ConfidenceHigh},
		{"", "complete disappearance of the residual lesions", Complete, ConfidenceHigh},
		// a condition, not a residue
		{"", "symptom-free except when the dose was missed", Complete, ConfidenceHigh},
		// a later sentence is not the same statement
		{"", "Complete remission. Residual fibrosis on CT at 1 year was followed.", Complete, ConfidenceHigh},
	})
}
