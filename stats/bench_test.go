package stats

import (
	"math/rand/v2"
	"testing"
)

// benchGroups is the number of groups (or tables) each benchmark iteration
// processes: one op is a whole analysis of 10,000 groups. The ns/group
// metric is the cost of one call.
const benchGroups = 10000

// BenchmarkBinomialCI computes the 95% interval of each method for 10,000
// groups with n uniform on 1..200 and x uniform on 0..n.
func BenchmarkBinomialCI(b *testing.B) {
	rng := rand.New(rand.NewPCG(20240607, 1))
	xs, ns := make([]int, benchGroups), make([]int, benchGroups)
	for i := range xs {
		ns[i] = 1 + rng.IntN(200)
		xs[i] = rng.IntN(ns[i] + 1)
	}
	for _, m := range []CIMethod{ClopperPearson, Wilson, Jeffreys} {
		b.Run(m.String(), func(b *testing.B) {
			var sink float64
			for b.Loop() {
				for i := range xs {
					sink += BinomialCI(xs[i], ns[i], 0.95, m).High
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchGroups), "ns/group")
			_ = sink
		})
	}
}

// BenchmarkFisherExact runs FisherExact (p-value, conditional MLE and 95%
// CI) on 10,000 random two-arm tables: "case-report" arms of 1..60
// patients, and "trial" arms of 100..1000.
func BenchmarkFisherExact(b *testing.B) {
	for _, size := range []struct {
		name   string
		lo, hi int
	}{{"arms1-60", 1, 60}, {"arms100-1000", 100, 1000}} {
		rng := rand.New(rand.NewPCG(20240607, 2))
		tabs := make([][4]int, benchGroups)
		for i := range tabs {
			na := size.lo + rng.IntN(size.hi-size.lo+1)
			nb := size.lo + rng.IntN(size.hi-size.lo+1)
			a, c := rng.IntN(na+1), rng.IntN(nb+1)
			tabs[i] = [4]int{a, na - a, c, nb - c}
		}
		b.Run(size.name, func(b *testing.B) {
			var sink float64
			for b.Loop() {
				for _, t := range tabs {
					sink += FisherExact(t[0], t[1], t[2], t[3], 0.95).PValue
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchGroups), "ns/group")
			_ = sink
		})
	}
}
