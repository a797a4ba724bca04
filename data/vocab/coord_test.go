package vocab

import "testing"

// TestComparativeAfterSubject checks a cell grade "better" as the predicate of a short
// subject ("pain much better"), and TestTransientCoordinated a transient word joined to
// the response by "but" ("temporary but dramatic improvement" = minimal).
func TestComparativeAfterSubject(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"", "pain much better", Partial, ConfidenceHigh},
		{"", "ACT/SNOT better", Partial, ConfidenceHigh},
		{"", "pain slightly better", Minimal, ConfidenceHigh},
		{"", "pain not better", None, ConfidenceHigh},
		// a response beside a site unchanged: a person decides (as "improved" beside it)
		{"", "symptoms better, FEV1 unchanged", Unclassified, ConfidenceLow},
		// a comparative that does not end its clause, or a long subject, is not a grade
		{"", "pain better than expected", Unclassified, ConfidenceNone},
		{"", "the pain in both of her knees better", Unclassified, ConfidenceNone},
	})
}

func TestTransientCoordinated(t *testing.T) {
	v := Default()
	tests := []struct {
		text string
		want Category
	}{
		{"temporary but dramatic improvement in orthostatic hypotension", Minimal},
		{"transient yet marked response", Minimal},
		{"dramatic but temporary improvement", Minimal},
		{"dramatic improvement", Partial},
		{"temporary relief; but dramatic improvement after the second course", Partial},
	}
	for _, tt := range tests {
		if got := v.OutcomeFor(tt.text, nil); got.Category != tt.want {
			t.Errorf("%q: %v (%s), want %v", tt.text, got.Category, got.Evidence.Rule, tt.want)
		}
	}
}

// TestGoneAfterSubject checks "gone" as the predicate of a short subject ("chorea gone
// within days" = complete) and nowhere else.
func TestGoneAfterSubject(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"", "chorea gone within days", Complete, ConfidenceHigh},
		{"", "pain gone after 2 doses", Complete, ConfidenceHigh},
		{"", "the rash was gone", Complete, ConfidenceHigh},
		{"", "lesions completely gone at 3 mo", Complete, ConfidenceHigh},
		{"", "the rash was not gone", None, ConfidenceHigh},
		{"", "pain gone, swelling persists", Partial, ConfidenceHigh},
		// a degree short of all is partial ("almost gone", as "almost resolved"); the patient
		// as subject, or "gone" alone: no grade
		{"", "pain almost gone", Partial, ConfidenceHigh},
		{"", "ulcer practically gone", Partial, ConfidenceHigh},
		// "basically" and "essentially" grade as "completely" does, also after a listed subject
		{"", "swelling and pain basically gone", Complete, ConfidenceHigh},
		{"", "distension and pain basically gone, flow easier; post-void dribbling remains", Partial, ConfidenceHigh},
		{"", "he had basically gone home", Unclassified, ConfidenceNone},
		{"", "the swelling of both hands basically gone", Unclassified, ConfidenceNone}, // a subject of more than three words
		{"", "he had gone home", Unclassified, ConfidenceNone},
		{"", "gone", Unclassified, ConfidenceNone},
		{"", "had gone to another hospital", Unclassified, ConfidenceNone},
	})
}
