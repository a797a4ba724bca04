package cohort

import (
	"fmt"
	"testing"
)

// TestShortStudy checks the "First author et al. year" labels.
func TestShortStudy(t *testing.T) {
	for in, want := range map[string]string{
		"Rao A, Smith B, Lee C, Kim D, Park E, Cho F. Diltiazem for calcinosis. J Rheum. 2024": "Rao et al. 2024",
		"Thakur et al.":                  "Thakur et al.",
		"Rao A. Calcinosis. Lancet 2019": "Rao 2019",
		"Rao 2019":                       "Rao 2019",
		"van der Berg J, Li X (2021)":    "van der Berg et al. 2021",
		"Smith and Jones, 2020":          "Smith et al. 2020",
		"Müller-Lüdenscheidt K 2018":     "Müller-Lüdenscheidt 2018",
		// a name that is no citation is kept whole: "Study 5" and "Study 9"
		// were both drawn as "Study" in the forest and swimmer plots.
		"Study 5":  "Study 5",
		"Cohort B": "Cohort B",
	} {
		if got := ShortStudy(in); got != want {
			t.Errorf("ShortStudy(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNaturalLess: case labels with numbers order by value.
func TestNaturalLess(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Case 2", "Case 10", true},
		{"Case 10", "Case 2", false},
		{"2", "10", true},
		{"b", "a", false},
		{"Case 3", "Case 3", false},
		{"Patient A", "Patient B", true},
	} {
		if got := naturalLess(c.a, c.b); got != c.want {
			t.Errorf("naturalLess(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestStudyLess: numbered study labels order by number, author-year labels by name.
func TestStudyLess(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Study 2", "Study 10", true},
		{"Study 10", "Study 2", false},
		{"Adams 2021", "Zhang 2001", true},
		{"Zhang 2001", "Adams 2021", false},
		{"Smith 2019a", "Smith 2019b", true},
		{"S1", "S12", true},
		{"Study 3", "Study 3", false},
	} {
		if got := studyLess(c.a, c.b); got != c.want {
			t.Errorf("studyLess(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestPlainNumberAgreesWithSscan checks newCaseOrder's fast path against fmt.Sscan on the
// labels it must read alike, and that it leaves fmt the ones fmt reads its own way.
func TestPlainNumberAgreesWithSscan(t *testing.T) {
	for _, n := range []string{"1", "12", "12a", "12-3", "7 (left)", "999999999999999999", "3.5", "10_000", "010", "0x1F", "-5", "+5", "", "a"} {
		var want int
		_, err := fmt.Sscan(n, &want)
		got, ok := plainNumber(n)
		if ok && (err != nil || got != want) {
			t.Errorf("plainNumber(%q) = %d; fmt.Sscan reads %d (error %v)", n, got, want, err)
		}
		o := newCaseOrder("Case " + n)
		if o.hasNum != (err == nil) || o.hasNum && o.num != want {
			t.Errorf("newCaseOrder(%q) = %d/%v, want %d/%v", "Case "+n, o.num, o.hasNum, want, err == nil)
		}
	}
}
