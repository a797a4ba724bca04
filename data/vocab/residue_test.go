package vocab

import "testing"

// TestResidueBesideComplete checks rule 8's residue: a complete response followed in its
// sentence by what it left is partial; a residue denied, the object of the response, a
// condition after "except", or a residue in a later sentence leaves it complete.
func TestResidueBesideComplete(t *testing.T) {
	v := Default()
	tests := []struct {
		text string
		want Category
	}{
		{"recovered with deficits", Partial},
		{"resolved with residual diplopia", Partial},
		{"full recovery except mild dysarthria", Partial},
		{"recovered, residual foot drop", Partial},
		{"symptoms resolved, with the exception of ongoing memory concerns", Partial},
		{"seizures resolved with mild cognitive deficits", Partial},
		// denied, or part of a statement the reader matched
		{"recovered without sequelae", Complete},
		{"full recovery, no residual deficit", Complete},
		{"seizure free and without motor deficits", Complete},
		{"complete remission, MRD negative", Complete},
		// the residue is what resolved
		{"spontaneous resolution of residual mass within 5 months", Complete},
		{"complete disappearance of the residual lesions", Complete},
		// a condition, not a residue
		{"symptom-free except when the dose was missed", Complete},
		// a later sentence is not the same statement
		{"Complete remission. Residual fibrosis on CT at 1 year was followed.", Complete},
	}
	for _, tt := range tests {
		got := v.OutcomeFor(tt.text, nil)
		if got.Category != tt.want || got.Confidence != ConfidenceHigh {
			t.Errorf("%q: %v/%v (%s), want %v/high", tt.text, got.Category, got.Confidence, got.Evidence.Rule, tt.want)
		}
	}
}
