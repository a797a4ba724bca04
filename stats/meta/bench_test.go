package meta

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// benchGroups returns count deterministic groups of k studies each, shaped like
// case-report data: sizes 1–40 (a third single-patient reports), group response
// rates spread on the logit scale with between-study SD 0.7.
func benchGroups(count, k int) [][]Study {
	rng := rand.New(rand.NewPCG(2024, 6))
	groups := make([][]Study, count)
	for g := range groups {
		mu := rng.NormFloat64()
		studies := make([]Study, k)
		for i := range studies {
			n := 1
			if rng.IntN(3) > 0 {
				n = 1 + rng.IntN(40)
			}
			p := expit(mu + 0.7*rng.NormFloat64())
			x := 0
			for j := 0; j < n; j++ {
				if rng.Float64() < p {
					x++
				}
			}
			studies[i] = Study{Events: x, N: n}
		}
		groups[g] = studies
	}
	return groups
}

// 10,000 groups (e.g. drugs) of k = 5 studies: one op pools one group; the
// time for all 10,000 is 10,000 × ns/op (or run with -benchtime=10000x).
var groups10k = benchGroups(10000, 5)

func BenchmarkInverseVarianceREML(b *testing.B) {
	for _, tr := range []Transform{Logit, FreemanTukey} {
		b.Run(tr.String(), func(b *testing.B) {
			var sink float64
			for i := 0; b.Loop(); i++ {
				sink += InverseVariance(groups10k[i%len(groups10k)], tr, REML, 0.95).Tau2
			}
			if math.IsNaN(sink) {
				b.Fatal("NaN tau2")
			}
		})
	}
}

func BenchmarkGLMM(b *testing.B) {
	for _, nodes := range []int{1, 7, DefaultNodes} {
		b.Run(fmt.Sprintf("nodes=%d", nodes), func(b *testing.B) {
			undefined := 0
			for i := 0; b.Loop(); i++ {
				if r := GLMM(groups10k[i%len(groups10k)], nodes, 0.95); math.IsNaN(r.EstRaw) {
					undefined++
				}
			}
			b.ReportMetric(float64(undefined)/float64(b.N), "undefined/op")
		})
	}
}
