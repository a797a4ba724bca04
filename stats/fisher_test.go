package stats

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFisherExactReference checks every row of testdata/fisher.csv:
// R 4.2.2: fisher.test(matrix(c(a, b, c, d), 2, byrow = TRUE)), 46 hand-picked
// and 16 random tables (seed 20240607). p_value is exact in R: tol 1e-9
// relative. The odds ratio and CI bounds are compared with the *_tight
// columns (the same algorithm with uniroot(tol = 1e-15)): tol 1e-9 relative
// (the README of the reference set expects ~1e-9 from a converged solver);
// the plain columns (uniroot's default tol ≈ 1.2e-4) only to 1e-2 relative.
func TestFisherExactReference(t *testing.T) {
	hdr, rows := readCSV(t, "fisher.csv")
	if len(hdr) != 11 || len(rows) != 62 {
		t.Fatalf("fisher.csv: got %d columns, %d rows; want 11, 62", len(hdr), len(rows))
	}
	var worstP, worstTight, worstPlain float64
	for i, r := range rows {
		a, b, c, d := atoi(t, r[0]), atoi(t, r[1]), atoi(t, r[2]), atoi(t, r[3])
		got := FisherExact(a, b, c, d, 0.95)
		line := i + 2
		if e := relErr(got.PValue, parseR(t, r[4])); !(e <= 1e-9) {
			t.Errorf("fisher.csv:%d: (%d,%d,%d,%d) p = %.15g, want %s", line, a, b, c, d, got.PValue, r[4])
		} else {
			worstP = math.Max(worstP, e)
		}
		gotv := []float64{got.OddsRatio, got.ORLow, got.ORHigh}
		names := []string{"odds ratio", "CI low", "CI high"}
		for j := range 3 {
			tight, plain := parseR(t, r[8+j]), parseR(t, r[5+j])
			if e := relErr(gotv[j], tight); !(e <= 1e-9) && !(tight == 0 && gotv[j] == 0) {
				t.Errorf("fisher.csv:%d: (%d,%d,%d,%d) %s = %.15g, want %.15g (tight)", line, a, b, c, d, names[j], gotv[j], tight)
			} else if tight != 0 {
				worstTight = math.Max(worstTight, e)
			}
			if e := relErr(gotv[j], plain); !(e <= 1e-2) && !(plain == 0 && gotv[j] == 0) {
				t.Errorf("fisher.csv:%d: (%d,%d,%d,%d) %s = %.15g, want %.15g (fisher.test)", line, a, b, c, d, names[j], gotv[j], plain)
			} else if plain != 0 {
				worstPlain = math.Max(worstPlain, e)
			}
		}
	}
	t.Logf("max relative error: p %.3g, OR/CI vs tight %.3g, vs fisher.test %.3g", worstP, worstTight, worstPlain)
}

// TestFisherExactEdges checks degenerate and boundary tables against
// closed forms. For (0,1,1,0) the support is {0, 1} with
// P(a=1; ψ) = ψ/(1+ψ), so the 95% upper bound solves 1/(1+ψ) = 0.025:
// ψ = 39 exactly; for (1,0,0,1) the lower bound is 1/39. For (1,1,1,1)
// the support is {0,1,2} with weights 1, 4ψ, ψ², and the upper bound is the
// root of 0.025ψ² − 3.9ψ − 0.975 = 0 (README of the reference set); the
// lower bound is its reciprocal by symmetry. tol 1e-12 relative.
func TestFisherExactEdges(t *testing.T) {
	inf := math.Inf(1)
	u := (3.9 + math.Sqrt(3.9*3.9+4*0.025*0.975)) / (2 * 0.025)
	tests := []struct {
		name       string
		a, b, c, d int
		p          float64
		or, lo, hi float64
		warn       string // substring of the only warning, "" for none
	}{
		{"all zero", 0, 0, 0, 0, 1, 0, 0, inf, "zero row or column total"},
		{"zero row", 0, 0, 3, 5, 1, 0, 0, inf, "zero row or column total"},
		{"zero column", 0, 5, 0, 5, 1, 0, 0, inf, "zero row or column total"},
		{"a zero (OR 0)", 0, 1, 1, 0, 1, 0, 0, 39, "estimate is 0"},
		{"d zero (OR Inf)", 1, 0, 0, 1, 1, inf, 1.0 / 39, inf, "estimate is Inf"},
		{"1,1,1,1", 1, 1, 1, 1, 1, 1, 1 / u, u, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FisherExact(tt.a, tt.b, tt.c, tt.d, 0.95)
			want := []float64{tt.p, tt.or, tt.lo, tt.hi}
			have := []float64{got.PValue, got.OddsRatio, got.ORLow, got.ORHigh}
			for i := range want {
				if relErr(have[i], want[i]) > 1e-12 && !(have[i] == 0 && want[i] == 0) {
					t.Errorf("FisherExact(%d,%d,%d,%d) = %+v, want p %v OR %v [%v, %v]",
						tt.a, tt.b, tt.c, tt.d, got, tt.p, tt.or, tt.lo, tt.hi)
					break
				}
			}
			switch {
			case tt.warn == "" && len(got.Warnings) != 0:
				t.Errorf("unexpected warnings %q", got.Warnings)
			case tt.warn != "" && (len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], tt.warn)):
				t.Errorf("warnings %q, want one containing %q", got.Warnings, tt.warn)
			}
		})
	}
}

// TestFisherExactSymmetry checks that swapping the columns inverts the odds
// ratio and its interval and keeps the p-value (an identity of the
// conditional distribution), over many tables of case-report size and a few
// large ones. tol 1e-10 relative.
func TestFisherExactSymmetry(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		na, nb := 1+rng.IntN(60), 1+rng.IntN(60)
		if rng.IntN(20) == 0 {
			na, nb = 1+rng.IntN(5000), 1+rng.IntN(5000)
		}
		a, c := rng.IntN(na+1), rng.IntN(nb+1)
		for _, level := range []float64{0.8, 0.95, 0.999} {
			x := FisherExact(a, na-a, c, nb-c, level)
			y := FisherExact(na-a, a, nb-c, c, level)
			if x.OddsRatio == 0 && x.ORHigh == inf() { // degenerate: R's convention is not symmetric
				continue
			}
			checks := [][2]float64{{x.PValue, y.PValue}, {x.OddsRatio, 1 / y.OddsRatio},
				{x.ORLow, 1 / y.ORHigh}, {x.ORHigh, 1 / y.ORLow}}
			for _, ch := range checks {
				if relErr(ch[0], ch[1]) > 1e-10 && !(ch[0] == 0 && ch[1] == 0) {
					t.Fatalf("(%d,%d,%d,%d) level %v: %+v vs swapped %+v", a, na-a, c, nb-c, level, x, y)
				}
			}
			// p can underflow to 0 for extreme large tables, as in R.
			if !(x.ORLow <= x.OddsRatio && x.OddsRatio <= x.ORHigh) || !(x.PValue >= 0 && x.PValue <= 1) {
				t.Fatalf("(%d,%d,%d,%d) level %v: %+v not ordered", a, na-a, c, nb-c, level, x)
			}
		}
	}
}

func inf() float64 { return math.Inf(1) }

func TestFisherExactPanics(t *testing.T) {
	tests := []struct {
		a, b, c, d int
		level      float64
	}{{-1, 1, 1, 1, 0.95}, {1, 1, 1, -2, 0.95}, {1, 1, 1, 1, 0}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, math.NaN()}}
	for _, tt := range tests {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "stats: FisherExact: ") {
					t.Errorf("FisherExact(%+v): recovered %v, want a stats: panic", tt, r)
				}
			}()
			FisherExact(tt.a, tt.b, tt.c, tt.d, tt.level)
		}()
	}
}
