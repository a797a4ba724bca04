package stats

import (
	"fmt"
	"math"
	"sort"
)

// AdjustBH returns the Benjamini–Hochberg (1995) adjusted p-values of p, in
// the order of p, as R's p.adjust(p, method = "BH"):
//
//	p̃₍ᵢ₎ = min(1, min_{j ≥ i} m·p₍ⱼ₎ / j)
//
// where p₍₁₎ ≤ … ≤ p₍ₘ₎ are the sorted p-values. Tied p-values get the same
// adjusted value. NaN inputs stay NaN in the output and are not counted in
// m, as R does for NA. The input is not modified.
//
// AdjustBH panics if a p-value is outside [0, 1] (a caller bug).
func AdjustBH(p []float64) []float64 {
	out := make([]float64, len(p))
	idx := make([]int, 0, len(p))
	for i, v := range p {
		switch {
		case math.IsNaN(v):
			out[i] = math.NaN()
		case v < 0 || v > 1:
			panic(fmt.Sprintf("stats: AdjustBH: p[%d] = %v outside [0, 1]", i, v))
		default:
			idx = append(idx, i)
		}
	}
	// Decreasing order of p, stable for ties (R: order(p, decreasing = TRUE)).
	sort.SliceStable(idx, func(i, j int) bool { return p[idx[i]] > p[idx[j]] })
	m := float64(len(idx))
	cum := math.Inf(1)
	for r, i := range idx {
		rank := float64(len(idx) - r) // rank in increasing order, 1-based
		cum = math.Min(cum, m/rank*p[i])
		out[i] = math.Min(1, cum)
	}
	return out
}
