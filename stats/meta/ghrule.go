package meta

import (
	"math"
	"sync"
)

// ghRule is a K-point Gauss–Hermite rule for the standard normal weight
// φ(z): Σ w[j]·f(z[j]) ≈ ∫ f(z) φ(z) dz, exact for polynomials of degree
// < 2K. It is the rule of lme4::GHrule(K).
type ghRule struct {
	z, w []float64
	logw []float64 // log w, precomputed
	half []float64 // z²/2, precomputed (log φ(0) − log φ(z))
}

const maxNodes = 100 // lme4 accepts at most 100 nodes

var (
	ghMu    sync.Mutex
	ghCache = map[int]*ghRule{}
)

// hermiteRule returns the cached K-point rule, computing it on first use.
func hermiteRule(k int) *ghRule {
	ghMu.Lock()
	defer ghMu.Unlock()
	if r, ok := ghCache[k]; ok {
		return r
	}
	r := newHermiteRule(k)
	ghCache[k] = r
	return r
}

// newHermiteRule computes the nodes of the physicists' Hermite polynomial
// H_K (weight e^{−x²}) by Newton's method on the orthonormal three-term
// recurrence (Numerical Recipes' gauher), then rescales to the weight φ(z):
// z = √2·x, w = w_x/√π.
func newHermiteRule(n int) *ghRule {
	x := make([]float64, n)
	w := make([]float64, n)
	const pim4 = 0.7511255444649425 // π^(−1/4)
	// orth evaluates the orthonormal H_n at z and returns it with its derivative.
	orth := func(z float64) (p1, pp float64) {
		p1, p2 := pim4, 0.0
		for j := 1; j <= n; j++ {
			p3 := p2
			p2 = p1
			p1 = z*math.Sqrt(2/float64(j))*p2 - math.Sqrt(float64(j-1)/float64(j))*p3
		}
		return p1, math.Sqrt(2*float64(n)) * p2
	}
	m := (n + 1) / 2
	var z float64
	for i := 0; i < m; i++ {
		switch i {
		case 0:
			z = math.Sqrt(float64(2*n+1)) - 1.85575*math.Pow(float64(2*n+1), -0.16667)
		case 1:
			z -= 1.14 * math.Pow(float64(n), 0.426) / z
		case 2:
			z = 1.86*z - 0.86*x[0]
		case 3:
			z = 1.91*z - 0.91*x[1]
		default:
			z = 2*z - x[i-2]
		}
		var pp float64
		for it := 0; it < 100; it++ {
			var p1 float64
			p1, pp = orth(z)
			z1 := z
			z = z1 - p1/pp
			if math.Abs(z-z1) <= 1e-15*math.Max(1, math.Abs(z)) {
				break
			}
		}
		if n%2 == 1 && i == m-1 {
			z = 0 // the middle node of an odd rule is exactly 0
			_, pp = orth(z)
		}
		x[i], x[n-1-i] = z, -z
		w[i] = 2 / (pp * pp)
		w[n-1-i] = w[i]
	}
	r := &ghRule{z: make([]float64, n), w: make([]float64, n), logw: make([]float64, n), half: make([]float64, n)}
	for i := range x {
		r.z[i] = math.Sqrt2 * x[i]
		r.w[i] = w[i] / math.SqrtPi
		r.logw[i] = math.Log(r.w[i])
		r.half[i] = r.z[i] * r.z[i] / 2
	}
	return r
}
