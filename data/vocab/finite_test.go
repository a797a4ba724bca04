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

// TestFiniteCourseKeepsBestResponse checks rule 3 on a finite course: a worsening after a
// transient response, at a time the text does not give, came after the course, and the
// best response stands; on a course that goes on, or when the text puts the loss on the
// course, it is progression.
func TestFiniteCourseKeepsBestResponse(t *testing.T) {
	v := Default()
	tests := []struct {
		text   string
		finite bool
		want   Category
	}{
		{"initial clinical improvement, deteriorated 2 wk later", true, Partial},
		{"initial clinical improvement, deteriorated 2 wk later", false, Progression},
		{"initial improvement, then worsened", true, Partial},
		{"initially responded, then worsened while on treatment", true, Progression},
		{"initial improvement, then deteriorated despite treatment", true, Progression},
	}
	for _, tt := range tests {
		if got := v.OutcomeForCourse(tt.text, []string{"IVIG"}, tt.finite); got.Category != tt.want {
			t.Errorf("%q (finite %v): %v (%s), want %v", tt.text, tt.finite, got.Category, got.Rule, tt.want)
		}
	}
}
