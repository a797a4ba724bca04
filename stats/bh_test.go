package stats

import (
	"math"
	"testing"
)

// TestAdjustBHReference checks testdata/bh.csv: R 4.2.2
// p.adjust(p, method = "BH") for a set with ties, 50 mixed values (seed 7)
// and a set of edge values (0, 1e-12, repeated 0.05, 1). tol 1e-12 relative.
func TestAdjustBHReference(t *testing.T) {
	const tol = 1e-12
	_, rows := readCSV(t, "bh.csv")
	sets := map[int][][2]float64{}
	var order []int
	for _, r := range rows {
		s := atoi(t, r[0])
		if _, ok := sets[s]; !ok {
			order = append(order, s)
		}
		if atoi(t, r[1]) != len(sets[s])+1 {
			t.Fatalf("bh.csv: set %d rows out of order", s)
		}
		sets[s] = append(sets[s], [2]float64{parseR(t, r[2]), parseR(t, r[3])})
	}
	if len(order) != 3 {
		t.Fatalf("bh.csv: %d sets, want 3", len(order))
	}
	for _, s := range order {
		var p, want []float64
		for _, pr := range sets[s] {
			p = append(p, pr[0])
			want = append(want, pr[1])
		}
		got := AdjustBH(p)
		for i := range want {
			if e := relErr(got[i], want[i]); !(e <= tol) && !(got[i] == 0 && want[i] == 0) {
				t.Errorf("set %d, i %d: AdjustBH = %.15g, want %.15g", s, i+1, got[i], want[i])
			}
		}
	}
}

// TestAdjustBHEdges checks small cases whose answers follow directly from
// the formula (exact up to one rounding, tol 1e-15 relative).
func TestAdjustBHEdges(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		p    []float64
		want []float64
	}{
		{"empty", []float64{}, []float64{}},
		{"single", []float64{0.3}, []float64{0.3}},
		// Hand-computed with p.adjust's definition (NA dropped, m = 3): 0.03 NA 0.04 0.04.
		{"NaN excluded from m", []float64{0.01, nan, 0.04, 0.03}, []float64{0.03, nan, 0.04, 0.04}},
		{"all NaN", []float64{nan, nan}, []float64{nan, nan}},
		// Hand-computed: every tie takes m·p/m = p.
		{"all tied", []float64{0.02, 0.02, 0.02}, []float64{0.02, 0.02, 0.02}},
		// Hand-computed: min(2·0.6/1, 0.9) = 0.9; min(1.2, 1) = 1.
		{"monotone", []float64{0.6, 0.9}, []float64{0.9, 0.9}},
		{"capped", []float64{0.6, 1}, []float64{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]float64(nil), tt.p...)
			got := AdjustBH(tt.p)
			if len(got) != len(tt.want) {
				t.Fatalf("len %d, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if relErr(got[i], tt.want[i]) > 1e-15 {
					t.Errorf("AdjustBH(%v)[%d] = %v, want %v", tt.p, i, got[i], tt.want[i])
				}
				if !(in[i] == tt.p[i] || math.IsNaN(in[i]) && math.IsNaN(tt.p[i])) {
					t.Errorf("input modified at %d", i)
				}
			}
		})
	}
}

// TestAdjustBHPanics checks that out-of-range p-values are caller bugs.
func TestAdjustBHPanics(t *testing.T) {
	for _, p := range [][]float64{{0.1, -0.01}, {1.5}, {math.Inf(1)}} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || len(s) < 7 || s[:7] != "stats: " {
					t.Errorf("AdjustBH(%v): recovered %v, want a stats: panic", p, r)
				}
			}()
			AdjustBH(p)
		}()
	}
}
