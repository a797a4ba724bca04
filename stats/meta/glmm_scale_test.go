package meta

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGLMMMergedStudiesSameLikelihood checks that merging studies with identical
// counts leaves the likelihood and its derivatives unchanged: the merged model
// is compared with one built term by term (weights 1).
func TestGLMMMergedStudiesSameLikelihood(t *testing.T) {
	studies := []Study{{3, 10}, {3, 10}, {0, 4}, {7, 12}, {3, 10}, {0, 4}, {12, 30}}
	rule := hermiteRule(DefaultNodes)
	merged := newModel(studies, rule)
	if len(merged.st) != 4 {
		t.Fatalf("merged model has %d terms, want 4", len(merged.st))
	}
	single := &model{rule: rule}
	for _, s := range studies {
		single.st = append(single.st, newModel([]Study{s}, rule).st[0])
	}
	for _, at := range [][2]float64{{-1, 0.3}, {0.2, 1.5}, {-2, 0}} {
		l1, g1, h1 := merged.derivs(at[0], at[1])
		l2, g2, h2 := single.derivs(at[0], at[1])
		if math.Abs(l1-l2) > 1e-10 || math.Abs(g1[0]-g2[0]) > 1e-10 || math.Abs(g1[1]-g2[1]) > 1e-10 ||
			math.Abs(h1[0][0]-h2[0][0]) > 1e-9 || math.Abs(h1[1][1]-h2[1][1]) > 1e-9 || math.Abs(h1[0][1]-h2[0][1]) > 1e-9 {
			t.Errorf("at %v: merged (%v %v %v) != term by term (%v %v %v)", at, l1, g1, h1, l2, g2, h2)
		}
	}
}

// TestGLMMBoundaryScoreShortcut checks, on random study sets, that whenever the
// τ² score at the boundary is <= 0 the full Newton fit also ends at τ = 0 with
// the same μ, so the shortcut changes no answer.
func TestGLMMBoundaryScoreShortcut(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	shortcuts := 0
	for trial := 0; trial < 300; trial++ {
		k := 2 + rng.IntN(8)
		studies := make([]Study, k)
		p := 0.1 + 0.8*rng.Float64()
		events, total := 0, 0
		for i := range studies {
			n := 1 + rng.IntN(40)
			x := 0
			for j := 0; j < n; j++ {
				if rng.Float64() < p {
					x++
				}
			}
			studies[i] = Study{x, n}
			events, total = events+x, total+n
		}
		if events == 0 || events == total {
			continue
		}
		m := newModel(studies, hermiteRule(DefaultNodes))
		p0 := float64(events) / float64(total)
		if m.boundaryScore(p0) > 0 {
			continue
		}
		shortcuts++
		mu, tau, _, _ := m.newton(math.Log(p0/(1-p0)), 0.5, 200)
		if tau := math.Abs(tau); tau > 1e-4 && m.logLik(mu, tau) > m.boundaryLogLik(p0)+1e-9 {
			t.Errorf("%v: score <= 0 but Newton finds τ = %g with a higher likelihood", studies, tau)
		}
		r := GLMM(studies, DefaultNodes, 0.95)
		if r.Tau2 != 0 || !r.Converged || math.Abs(r.EstRaw-math.Log(p0/(1-p0))) > 1e-12 {
			t.Errorf("%v: GLMM = τ² %g, μ %g, converged %v; want the boundary fit", studies, r.Tau2, r.EstRaw, r.Converged)
		}
	}
	if shortcuts < 50 {
		t.Fatalf("only %d of 300 random sets took the shortcut: the test checks too little", shortcuts)
	}
}

// BenchmarkGLMMRegistry pools 2,000 small studies (a registry), many with
// identical counts.
func BenchmarkGLMMRegistry(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	studies := make([]Study, 2000)
	for i := range studies {
		n := 1 + rng.IntN(12)
		studies[i] = Study{rng.IntN(n + 1), n}
	}
	for b.Loop() {
		GLMM(studies, DefaultNodes, 0.95)
	}
}
