package present

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/figure"
)

// TestAxisCeil: the time axis ends at its last tick, near the data.
func TestAxisCeil(t *testing.T) {
	for x, want := range map[float64]float64{58: 60, 41: 50, 13: 15, 101: 125, 0: 0, 6: 6} {
		if got := axisCeil(x); got != want {
			t.Errorf("axisCeil(%v) = %v, want %v", x, got, want)
		}
	}
}

// TestWideDoses: doses over two decades or more go on a log axis.
func TestWideDoses(t *testing.T) {
	ps := func(ds ...float64) []figure.DosePoint {
		var out []figure.DosePoint
		for _, d := range ds {
			out = append(out, figure.DosePoint{Dose: d})
		}
		return out
	}
	if !wideDoses(ps(0.5, 10, 1e6)) {
		t.Error("0.5 to 1e6: want a log axis")
	}
	if wideDoses(ps(180, 270)) || wideDoses(ps(0, 1000)) {
		t.Error("a narrow range, or a zero dose, went on a log axis")
	}
}

// TestDoseCaptionSample: a figure of sampled drugs says so in its caption
// with each drug's number of courses, counts the implausible doses left
// out, and draws one panel per drug beyond MaxDoseMarkers points.
func TestDoseCaptionSample(t *testing.T) {
	du := cohort.DoseUnit{Unit: "mg/day", Courses: 5400, Drugs: 4}
	for d, n := range map[string]int{"a": 5000, "b": 400} {
		du.Shown = append(du.Shown, cohort.DoseDrug{Drug: d, Courses: n, Drawn: min(n, cohort.DoseSample)})
	}
	slices.SortFunc(du.Shown, func(x, y cohort.DoseDrug) int { return strings.Compare(x.Drug, y.Drug) })
	for i := 0; i < 2*cohort.DoseSample; i++ {
		du.Points = append(du.Points, cohort.DosePoint{Study: "S", CaseID: fmt.Sprint(i), Drug: []string{"a", "b"}[i%2], Dose: float64(1 + i), Outcome: vocab.Partial})
	}
	for _, tc := range []struct {
		extra  int
		panels bool
	}{{0, false}, {MaxDoseMarkers, true}} {
		du := du
		for i := 0; i < tc.extra; i++ {
			du.Points = append(du.Points, cohort.DosePoint{Study: "T", CaseID: fmt.Sprint(i), Drug: "b", Dose: 5, Outcome: vocab.None})
		}
		a := &cohort.Analysis{Views: cohort.Views{Studies: 2, Dose: cohort.DoseView{Units: []cohort.DoseUnit{du}, Implausible: 7}}}
		figs := newPresenter(&Input{Analysis: a}).doseResponse(2)
		if len(figs) != 1 {
			t.Fatalf("%d figures, want 1", len(figs))
		}
		dr := figs[0].Fig.(figure.DoseResponse)
		c := dr.Caption()
		for _, want := range []string{
			fmt.Sprintf("a deterministic sample of %d of N courses per drug", cohort.DoseSample),
			"a (N = 5,000), b (N = 400)",
			"7 courses whose daily dose is above the plausible maximum",
			"(the 2 drugs with the most patients of 4)",
		} {
			if !strings.Contains(c, want) {
				t.Errorf("caption lacks %q:\n%s", want, c)
			}
		}
		if dr.Panels != tc.panels {
			t.Errorf("%d points: Panels = %v, want %v", len(dr.Points), dr.Panels, tc.panels)
		}
	}
}
