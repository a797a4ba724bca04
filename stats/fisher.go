package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// FisherResult is the result of FisherExact: the two-sided exact p-value,
// the conditional maximum-likelihood odds ratio and its exact conditional
// confidence interval [ORLow, ORHigh]. Warnings explain degenerate tables.
type FisherResult struct {
	PValue    float64  // two-sided exact p-value
	OddsRatio float64  // conditional MLE of the odds ratio; 0 or +Inf at the edges
	ORLow     float64  // lower bound of the exact conditional interval
	ORHigh    float64  // upper bound; +Inf when unbounded
	Warnings  []string // degenerate or boundary table; nil otherwise
}

// FisherExact returns Fisher's exact test for the 2×2 table
//
//	| a b |   rows: group A, group B
//	| c d |   columns: responders, non-responders
//
// as R's fisher.test(matrix(c(a, b, c, d), 2, byrow = TRUE)) defines it,
// with the confidence interval at the given level (for example 0.95).
//
// Conditioning on all margins, a follows the noncentral hypergeometric
// distribution P(a = k; ψ) ∝ C(a+c, k)·C(b+d, a+b−k)·ψᵏ on
// k = max(0, a+b−(b+d)) … min(a+b, a+c). Then
//
//   - PValue sums the central (ψ = 1) probabilities of the tables whose
//     probability is at most (1 + 1e-7) times that of the observed table
//     (like R, it underflows to 0 when it is below about 1e-308 relative
//     to the most likely table);
//   - OddsRatio is the conditional MLE of ψ, which solves E[a; ψ] = a
//     (it is not the sample odds ratio ad/bc);
//   - ORLow solves P(a' ≥ a; ψ) = α/2 and ORHigh solves P(a' ≤ a; ψ) = α/2,
//     α = 1 − level.
//
// The three roots are found in log ψ by a bracketed Newton iteration to
// full double precision; R's uniroot stops at about 1e-4 (see the package
// documentation). When a is the smallest value of the support the odds ratio
// is 0 and ORLow is 0; when it is the largest, the odds ratio and ORHigh are
// +Inf. A table with a zero margin has a one-point support and gives, as in R,
// PValue 1, OddsRatio 0 and the interval [0, +Inf], with a warning.
//
// FisherExact panics if a count is negative or level is not in (0, 1).
func FisherExact(a, b, c, d int, level float64) FisherResult {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		panic(fmt.Sprintf("stats: FisherExact: negative count in table (%d, %d, %d, %d)", a, b, c, d))
	}
	checkLevel("FisherExact", level)
	h := newHyper(a, b, c, d)
	res := FisherResult{PValue: h.pValue()}
	alpha := (1 - level) / 2

	switch {
	case h.lo == h.hi:
		res.OddsRatio, res.ORLow, res.ORHigh = 0, 0, math.Inf(1)
		res.Warnings = append(res.Warnings, fmt.Sprintf(
			"table (%d, %d, %d, %d) has a zero row or column total, so the odds ratio is not estimable; "+
				"reported as 0 with interval [0, Inf] and p = 1 as R's fisher.test does", a, b, c, d))
		return res
	case h.x == h.lo:
		res.OddsRatio, res.ORLow = 0, 0
		res.ORHigh = math.Exp(solve(h.upperTail(alpha), h.startTheta()))
		res.Warnings = append(res.Warnings, fmt.Sprintf(
			"table (%d, %d, %d, %d): the observed count is the smallest possible given the margins, "+
				"so the conditional odds ratio estimate is 0 and only the upper bound is informative", a, b, c, d))
	case h.x == h.hi:
		res.OddsRatio, res.ORHigh = math.Inf(1), math.Inf(1)
		res.ORLow = math.Exp(solve(h.lowerTail(alpha), h.startTheta()))
		res.Warnings = append(res.Warnings, fmt.Sprintf(
			"table (%d, %d, %d, %d): the observed count is the largest possible given the margins, "+
				"so the conditional odds ratio estimate is Inf and only the lower bound is informative", a, b, c, d))
	default:
		theta := solve(h.meanEq(), h.startTheta())
		res.OddsRatio = math.Exp(theta)
		// Start the bounds at the Wald limits θ̂ ± z/√I, where the
		// conditional information I is Var[a; ψ̂].
		z := -distuv.UnitNormal.Quantile(alpha)
		se := 1 / math.Sqrt(h.eval(theta).variance)
		res.ORLow = math.Exp(solve(h.lowerTail(alpha), theta-z*se))
		res.ORHigh = math.Exp(solve(h.upperTail(alpha), theta+z*se))
	}
	return res
}

// hyper is the conditional distribution of the top-left cell of a 2×2
// table given its margins.
type hyper struct {
	lo, hi, x int
	m, n, k   int // column totals a+c, b+d and first row total a+b
	// logw[i] is log C(m, lo+i) + log C(n, k−lo−i) up to a constant, where
	// m = a+c, n = b+d, k = a+b.
	logw []float64
}

func newHyper(a, b, c, d int) *hyper {
	m, n, k := a+c, b+d, a+b
	lo, hi := max(0, k-n), min(k, m)
	h := &hyper{lo: lo, hi: hi, x: a, m: m, n: n, k: k, logw: make([]float64, hi-lo+1)}
	// The ratio of consecutive terms is
	// w(j+1)/w(j) = (m−j)(k−j) / ((j+1)(n−k+j+1)).
	// Accumulate its logarithm outward from the mode so that the terms
	// that carry the probability are the most accurate ones.
	mode := int(float64(k+1) * float64(m+1) / float64(m+n+2))
	mode = min(max(mode, lo), hi)
	ratio := func(j int) float64 {
		return math.Log(float64(m-j)*float64(k-j)) - math.Log(float64(j+1)*float64(n-k+j+1))
	}
	for j := mode; j < hi; j++ {
		h.logw[j+1-lo] = h.logw[j-lo] + ratio(j)
	}
	for j := mode - 1; j >= lo; j-- {
		h.logw[j-lo] = h.logw[j+1-lo] - ratio(j)
	}
	return h
}

// pValue returns R's two-sided p-value: the sum of the central
// probabilities not larger than the observed one times (1 + 1e-7).
func (h *hyper) pValue() float64 {
	mx := math.Inf(-1)
	for _, v := range h.logw {
		mx = math.Max(mx, v)
	}
	cut := math.Exp(h.logw[h.x-h.lo]-mx) * (1 + 1e-7)
	var sum, tail float64
	for _, v := range h.logw {
		w := math.Exp(v - mx)
		sum += w
		if w <= cut {
			tail += w
		}
	}
	return math.Max(0, math.Min(1, tail/sum))
}

// negligible is the log of the relative size below which a term is left out
// of a sum: e^-50 ≈ 2e-22, so even 10⁴ dropped terms change a sum by less
// than 1e-17 relative.
const negligible = -50

// piece accumulates Σw, Σw·j and Σw·j² for part of the support, with
// w = exp(u − max) scaled by the part's own maximum u.
type piece struct {
	max, s, s1, s2 float64
}

// add adds the term with log weight u at offset j = k − x.
func (p *piece) add(u, j float64) {
	d := u - p.max
	if d < negligible {
		return
	}
	w := math.Exp(d)
	p.s += w
	p.s1 += w * j
	p.s2 += w * j * j
}

// moments holds, at one θ = log ψ, the logarithm of the total mass
// Σ exp(logwᵢ + kᵢθ) and of the tail masses left (k ≤ x) and right (k ≥ x),
// and the moments of k − x: mean and var over the whole support, and the
// conditional means leftMean = E[k−x | k ≤ x] and rightMean = E[k−x | k ≥ x].
type moments struct {
	logS, logL, logR    float64
	mean, variance      float64
	leftMean, rightMean float64
}

// eval computes the moments at θ. The support is split into k < x, k = x
// and k > x, each summed relative to its own largest term, so that a tail
// far below the mode neither underflows nor costs an exp per term.
func (h *hyper) eval(theta float64) moments {
	ix := h.x - h.lo
	left, right := piece{max: math.Inf(-1)}, piece{max: math.Inf(-1)}
	for i, v := range h.logw {
		u := v + float64(h.lo+i)*theta
		switch {
		case i < ix:
			left.max = math.Max(left.max, u)
		case i > ix:
			right.max = math.Max(right.max, u)
		}
	}
	ux := h.logw[ix] + float64(h.x)*theta
	for i, v := range h.logw[:ix] {
		left.add(v+float64(h.lo+i)*theta, float64(i-ix))
	}
	for i := ix + 1; i < len(h.logw); i++ {
		right.add(h.logw[i]+float64(h.lo+i)*theta, float64(i-ix))
	}
	// Combine the pieces relative to m, the largest of the three maxima
	// (the centre term has mass 1 relative to ux and zero offset).
	m := math.Max(ux, math.Max(left.max, right.max))
	cl, cx, cr := 0.0, math.Exp(ux-m), 0.0
	if left.s > 0 {
		cl = math.Exp(left.max - m)
	}
	if right.s > 0 {
		cr = math.Exp(right.max - m)
	}
	s := cl*left.s + cx + cr*right.s
	s1 := cl*left.s1 + cr*right.s1
	s2 := cl*left.s2 + cr*right.s2
	var mo moments
	mo.logS = m + math.Log(s)
	mo.mean = s1 / s
	mo.variance = s2/s - mo.mean*mo.mean
	// Tails: relative to their own maximum, max(ux, piece max).
	tail := func(p piece) (logT, mean float64) {
		mt := ux
		if p.s > 0 {
			mt = math.Max(ux, p.max)
		}
		cp, cxx := 0.0, math.Exp(ux-mt)
		if p.s > 0 {
			cp = math.Exp(p.max - mt)
		}
		t := cp*p.s + cxx
		return mt + math.Log(t), cp * p.s1 / t
	}
	mo.logL, mo.leftMean = tail(left)
	mo.logR, mo.rightMean = tail(right)
	return mo
}

// eqn is an increasing function of θ and its derivative.
type eqn func(theta float64) (f, df float64)

// meanEq is E[a; ψ] − x, increasing in θ with derivative Var[a; ψ].
func (h *hyper) meanEq() eqn {
	return func(theta float64) (float64, float64) {
		mo := h.eval(theta)
		return mo.mean, mo.variance
	}
}

// lowerTail is log P(a' ≥ x; ψ) − log α, increasing in θ with derivative
// E[a' | a' ≥ x] − E[a'].
func (h *hyper) lowerTail(alpha float64) eqn {
	la := math.Log(alpha)
	return func(theta float64) (float64, float64) {
		mo := h.eval(theta)
		return mo.logR - mo.logS - la, mo.rightMean - mo.mean
	}
}

// upperTail is log α − log P(a' ≤ x; ψ), increasing in θ with derivative
// E[a'] − E[a' | a' ≤ x].
func (h *hyper) upperTail(alpha float64) eqn {
	la := math.Log(alpha)
	return func(theta float64) (float64, float64) {
		mo := h.eval(theta)
		return la - (mo.logL - mo.logS), mo.mean - mo.leftMean
	}
}

// startTheta is a starting point for the root searches: the log of the
// sample odds ratio with ½ added to each cell.
func (h *hyper) startTheta() float64 {
	a, b, c, d := float64(h.x), float64(h.k-h.x), float64(h.m-h.x), float64(h.n-h.k+h.x)
	return math.Log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5)))
}

// solve returns the root of the increasing function f to full double
// precision, starting at theta. It takes Newton steps, keeps the bracket
// [lo, hi] of every point evaluated, bisects when a Newton step leaves a
// finite bracket, and limits steps towards an open side to a length that
// doubles each time it is hit.
func solve(f eqn, theta float64) float64 {
	lo, hi := math.Inf(-1), math.Inf(1)
	reach := 2.0
	for range 500 {
		fv, dv := f(theta)
		switch {
		case fv == 0:
			return theta
		case fv < 0:
			lo = theta
		case fv > 0:
			hi = theta
		default: // NaN: cannot happen for θ finite; give up rather than loop
			return theta
		}
		step := -fv / dv
		newton := dv > 0 && !math.IsInf(step, 0)
		next := theta + step
		switch {
		case newton && next > lo && next < hi && (math.Abs(step) <= reach ||
			step > 0 && !math.IsInf(hi, 1) || step < 0 && !math.IsInf(lo, -1)):
			// A Newton step inside the bracket. Convergence is quadratic,
			// so once a step is below 1e-10 the new point is exact to
			// rounding.
			if math.Abs(step) <= 1e-10*math.Max(1, math.Abs(theta)) {
				return next
			}
		case math.IsInf(hi, 1):
			next = theta + reach
			reach *= 2
		case math.IsInf(lo, -1):
			next = theta - reach
			reach *= 2
		default:
			next = lo + (hi-lo)/2
			if hi-lo <= 4e-16*math.Max(1, math.Abs(next)) {
				return next
			}
		}
		theta = next
	}
	return theta
}
