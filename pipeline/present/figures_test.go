package present

import (
	"testing"

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
