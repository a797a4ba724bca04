package stats

import (
	"math"
	"strings"
	"testing"
)

// TestBinomialCIReference checks every row of testdata/binom_ci.csv.
// R 4.2.2: binom.test(x, n, conf.level)$conf.int (clopper-pearson),
// prop.test(x, n, conf.level, correct=FALSE)$conf.int (wilson) and
// qbeta(α/2 | 1-α/2, x+½, n-x+½) with boundary convention (jeffreys);
// x = 0..n for n = 1..30 plus n = 100, 1000, 12345; levels 0.90, 0.95, 0.99.
// tol 1e-9 absolute (bounds lie in [0, 1]).
func TestBinomialCIReference(t *testing.T) {
	const tol = 1e-9
	hdr, rows := readCSV(t, "binom_ci.csv")
	if len(hdr) != 6 || len(rows) != 4878 {
		t.Fatalf("binom_ci.csv: got %d columns, %d rows; want 6, 4878", len(hdr), len(rows))
	}
	worst := map[CIMethod]float64{}
	for i, r := range rows {
		x, n := atoi(t, r[0]), atoi(t, r[1])
		level := parseR(t, r[2])
		m, err := ParseCIMethod(r[3])
		if err != nil {
			t.Fatalf("row %d: %v", i+2, err)
		}
		lo, hi := parseR(t, r[4]), parseR(t, r[5])
		got := BinomialCI(x, n, level, m)
		dl, dh := math.Abs(got.Low-lo), math.Abs(got.High-hi)
		worst[m] = math.Max(worst[m], math.Max(dl, dh))
		if !(dl <= tol && dh <= tol) {
			t.Errorf("binom_ci.csv:%d: BinomialCI(%d, %d, %v, %v) = [%.15g, %.15g], want [%.15g, %.15g]",
				i+2, x, n, level, m, got.Low, got.High, lo, hi)
		}
		if want := float64(x) / float64(n); got.Estimate != want {
			t.Errorf("binom_ci.csv:%d: estimate %v, want %v", i+2, got.Estimate, want)
		}
		if len(got.Warnings) != 0 {
			t.Errorf("binom_ci.csv:%d: unexpected warnings %q", i+2, got.Warnings)
		}
	}
	for _, m := range []CIMethod{ClopperPearson, Wilson, Jeffreys} {
		t.Logf("%v: max |Δ| = %.3g", m, worst[m])
	}
}

// TestBinomialCIEdges checks boundary cases against closed forms.
// Clopper–Pearson at x = 0 is [0, 1 − (α/2)^(1/n)] and at x = n is
// [(α/2)^(1/n), 1] (Clopper & Pearson 1934), tol 1e-12.
func TestBinomialCIEdges(t *testing.T) {
	methods := []CIMethod{ClopperPearson, Wilson, Jeffreys}
	t.Run("n=0", func(t *testing.T) {
		for _, m := range methods {
			iv := BinomialCI(0, 0, 0.95, m)
			if !math.IsNaN(iv.Estimate) || !math.IsNaN(iv.Low) || !math.IsNaN(iv.High) {
				t.Errorf("%v: BinomialCI(0, 0) = %+v, want NaNs", m, iv)
			}
			if len(iv.Warnings) != 1 || !strings.Contains(iv.Warnings[0], "no confidence interval") {
				t.Errorf("%v: warnings %q, want one saying there is no interval", m, iv.Warnings)
			}
		}
	})
	for _, n := range []int{1, 2, 7, 50, 12345} {
		for _, level := range []float64{0.5, 0.9, 0.95, 0.999} {
			a2 := (1 - level) / 2
			edge := math.Pow(a2, 1/float64(n))
			lo := BinomialCI(0, n, level, ClopperPearson)
			hi := BinomialCI(n, n, level, ClopperPearson)
			if lo.Low != 0 || math.Abs(lo.High-(1-edge)) > 1e-12 {
				t.Errorf("CP(0, %d, %v) = [%v, %v], want [0, %v]", n, level, lo.Low, lo.High, 1-edge)
			}
			if hi.High != 1 || math.Abs(hi.Low-edge) > 1e-12 {
				t.Errorf("CP(%d, %d, %v) = [%v, %v], want [%v, 1]", n, n, level, hi.Low, hi.High, edge)
			}
			// Jeffreys: boundary convention gives exact 0 and 1.
			if j := BinomialCI(0, n, level, Jeffreys); j.Low != 0 || !(j.High > 0 && j.High < 1) {
				t.Errorf("Jeffreys(0, %d, %v) = [%v, %v], want [0, (0,1)]", n, level, j.Low, j.High)
			}
			if j := BinomialCI(n, n, level, Jeffreys); j.High != 1 || !(j.Low > 0 && j.Low < 1) {
				t.Errorf("Jeffreys(%d, %d, %v) = [%v, %v], want [(0,1), 1]", n, n, level, j.Low, j.High)
			}
			for _, m := range methods {
				for _, x := range []int{0, n / 3, n} {
					iv := BinomialCI(x, n, level, m)
					if !(0 <= iv.Low && iv.Low <= iv.Estimate && iv.Estimate <= iv.High && iv.High <= 1) {
						t.Errorf("%v(%d, %d, %v) = %+v: not 0 ≤ low ≤ estimate ≤ high ≤ 1", m, x, n, level, iv)
					}
				}
			}
		}
	}
}

// TestBinomialCINested checks that a higher level gives a wider interval.
func TestBinomialCINested(t *testing.T) {
	for _, m := range []CIMethod{ClopperPearson, Wilson, Jeffreys} {
		for n := 1; n <= 40; n++ {
			for x := 0; x <= n; x++ {
				a, b := BinomialCI(x, n, 0.9, m), BinomialCI(x, n, 0.99, m)
				if b.Low > a.Low || b.High < a.High {
					t.Errorf("%v(%d, %d): 99%% [%v, %v] does not contain 90%% [%v, %v]", m, x, n, b.Low, b.High, a.Low, a.High)
				}
			}
		}
	}
}

func TestBinomialCIPanics(t *testing.T) {
	tests := []struct {
		x, n  int
		level float64
		m     CIMethod
	}{
		{-1, 5, 0.95, Wilson}, {6, 5, 0.95, Wilson}, {1, 0, 0.95, Wilson},
		{1, 5, 0, Wilson}, {1, 5, 1, Wilson}, {1, 5, math.NaN(), Wilson}, {1, 5, 95, Wilson},
		{1, 5, 0.95, CIMethod(3)}, {1, 5, 0.95, CIMethod(-1)},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "stats: BinomialCI: ") {
					t.Errorf("BinomialCI(%d, %d, %v, %d): recovered %v, want a stats: panic", tt.x, tt.n, tt.level, tt.m, r)
				}
			}()
			BinomialCI(tt.x, tt.n, tt.level, tt.m)
		}()
	}
}

func TestParseCIMethod(t *testing.T) {
	for _, m := range []CIMethod{ClopperPearson, Wilson, Jeffreys} {
		got, err := ParseCIMethod(" " + strings.ToUpper(m.String()) + " ")
		if err != nil || got != m {
			t.Errorf("ParseCIMethod(%q) = %v, %v; want %v", m.String(), got, err, m)
		}
	}
	_, err := ParseCIMethod("wald")
	if err == nil || !strings.Contains(err.Error(), "clopper-pearson, wilson, jeffreys") {
		t.Errorf("ParseCIMethod(\"wald\") error %v, want one listing the legal names", err)
	}
	if s := CIMethod(9).String(); s != "CIMethod(9)" {
		t.Errorf("CIMethod(9).String() = %q", s)
	}
	if got := CIMethodNames(); strings.Join(got, ",") != "clopper-pearson,wilson,jeffreys" {
		t.Errorf("CIMethodNames() = %q", got)
	}
}
