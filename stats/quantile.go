package stats

import (
	"fmt"
	"math"
)

// Quantile returns the p quantile of the sorted sample x by R's default
// definition (quantile(x, p, type = 7)), linear interpolation between
// order statistics:
//
//	h = (n − 1)·p,  Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])
//
// with 0-based x. For an empty sample it returns NaN. Quantile panics if p
// is outside [0, 1] or x is not sorted: these are caller bugs.
func Quantile(p float64, x []float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("stats: Quantile: p = %v outside [0, 1]", p))
	}
	for i := 1; i < len(x); i++ {
		if x[i] < x[i-1] {
			panic("stats: Quantile: x is not sorted")
		}
	}
	if len(x) == 0 {
		return math.NaN()
	}
	h := float64(len(x)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[i] + (h-lo)*(x[i+1]-x[i])
}
