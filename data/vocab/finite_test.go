package vocab

import "testing"

// TestFiniteCourse checks which treatment, dose and schedule texts say a course ended
// soon after it began.
func TestFiniteCourse(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"rituximab 375 mg/m2 weekly x4", true},
		{"IV methylprednisolone 1 g/day ×3", true},
		{"IVIG 2 g/kg (2nd course)", true},
		{"IVIG, first course", true},
		{"ketamine 0.5 mg/kg, single infusion", true},
		{"botulinum toxin once", true},
		{"three pulses of methylprednisolone", true},
		{"plasma exchange, 5 sessions", true},
		{"neoadjuvant gemcitabine and docetaxel", true},
		{"prednisolone 25 mg/d", false},
		{"IV methylprednisolone 500 mg weekly", false},
		{"metformin 500 mg once daily", false},
		{"IV methylprednisolone 1 g x3 then prednisone taper", false},
		{"ganciclovir x14 days", false},
		{"CHOP, 6 cycles", false},       // chemotherapy is often given until progression
		{"20% lipid infusion", false},   // a strength, not a count
		{"1 x 10^6 DC per dose", false}, // a product
		{"octreotide LAR", false},
	}
	for _, tt := range tests {
		if got := FiniteCourse(tt.text); got != tt.want {
			t.Errorf("FiniteCourse(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestFiniteCourseKeepsBestResponse checks rule 3 on a course given once: a relapse, or a
// worsening after a transient response, at a time the text does not give, came after the
// course, and the best response stands; on a course that goes on, or when the text puts
// the loss on the course, it is progression. The course is finite by the caller's flag
// (other cells) or by its own treatment text; an operation is given once too.
func TestFiniteCourseKeepsBestResponse(t *testing.T) {
	v := Default()
	tests := []struct {
		treatment, text string
		finite          bool
		want            Category
		conf            Confidence
	}{
		{"IVIG", "initial clinical improvement, deteriorated 2 wk later", true, Partial, ConfidenceHigh},
		{"IVIG", "initial clinical improvement, deteriorated 2 wk later", false, Progression, ConfidenceHigh},
		{"IVIG x4", "initial improvement, then worsened", false, Partial, ConfidenceHigh},
		{"surgical excision", "initial improvement, then worsened", false, Partial, ConfidenceHigh},
		{"rituximab 1000 mg x2 then maintenance", "initial improvement, then worsened", false, Progression, ConfidenceHigh},
		{"IVIG", "initially responded, then worsened while on treatment", true, Progression, ConfidenceHigh},
		{"IVIG", "initial improvement, then deteriorated despite treatment", true, Progression, ConfidenceHigh},
		// a relapse without a time: after a finite course the response stands; else a person decides
		{"IVIG x4", "complete remission, then relapsed", false, Complete, ConfidenceHigh},
		{"IVIG", "complete remission, then relapsed", false, Unclassified, ConfidenceLow},
	}
	for _, tt := range tests {
		got := v.OutcomeForCourse(tt.text, []string{tt.treatment}, tt.finite)
		if got.Category != tt.want || got.Confidence != tt.conf {
			t.Errorf("%q for %q (finite %v): %v/%v (%s), want %v/%v", tt.text, tt.treatment, tt.finite, got.Category, got.Confidence, got.Rule, tt.want, tt.conf)
		}
	}
}
