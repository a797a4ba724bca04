package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestFisherExactRoots checks convergence where no reference exists: for
// random tables up to 5000 per row, extreme tables and levels from 0.01 to
// 0.999999, the returned estimate and bounds must solve their defining
// equations, E[a; ψ̂] = a to 1e-9 absolute and log P(tail; ψ) = log(α/2)
// to 1e-9, with low ≤ OR ≤ high.
func TestFisherExactRoots(t *testing.T) {
	type table [4]int
	tabs := []table{
		{1, 4999, 4999, 1}, {4999, 1, 1, 4999}, {2500, 2500, 2500, 2500}, {1, 0, 4999, 5000},
		{0, 5000, 5000, 0}, {5000, 0, 1, 4999}, {1, 1, 0, 5000}, {2, 0, 4998, 5000},
		{3, 1, 1, 3}, {0, 1, 0, 5000}, {1, 5000, 0, 1},
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		na, nb := 1+rng.IntN(5000), 1+rng.IntN(5000)
		if rng.IntN(2) == 0 {
			na, nb = 1+rng.IntN(30), 1+rng.IntN(30)
		}
		a, c := rng.IntN(na+1), rng.IntN(nb+1)
		tabs = append(tabs, table{a, na - a, c, nb - c})
	}
	for _, tb := range tabs {
		for _, level := range []float64{0.01, 0.5, 0.95, 0.999999} {
			r := FisherExact(tb[0], tb[1], tb[2], tb[3], level)
			if !(r.ORLow <= r.OddsRatio && r.OddsRatio <= r.ORHigh) || r.ORLow < 0 || math.IsNaN(r.PValue) {
				t.Errorf("%v level %v: %+v not ordered", tb, level, r)
				continue
			}
			h := newHyper(tb[0], tb[1], tb[2], tb[3])
			if h.lo == h.hi {
				continue
			}
			la := math.Log((1 - level) / 2)
			if or := r.OddsRatio; or > 0 && !math.IsInf(or, 1) {
				if m := h.eval(math.Log(or)).mean; math.Abs(m) > 1e-9 {
					t.Errorf("%v: E[a; %v] − a = %v", tb, or, m)
				}
			}
			if lo := r.ORLow; lo > 0 {
				mo := h.eval(math.Log(lo))
				if e := mo.logR - mo.logS - la; math.Abs(e) > 1e-9 {
					t.Errorf("%v level %v: lower %v: log P(≥a) − log(α/2) = %v", tb, level, lo, e)
				}
			}
			if hi := r.ORHigh; !math.IsInf(hi, 1) {
				mo := h.eval(math.Log(hi))
				if e := mo.logL - mo.logS - la; math.Abs(e) > 1e-9 {
					t.Errorf("%v level %v: upper %v: log P(≤a) − log(α/2) = %v", tb, level, hi, e)
				}
			}
		}
	}
}
