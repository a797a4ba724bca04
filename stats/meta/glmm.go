package meta

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// DefaultNodes is the production number of adaptive Gauss–Hermite nodes per
// study for GLMM. Over the reference datasets the optimum moves by at most
// 2e-9 between 30 and 50 nodes (1.2e-3 at 7, lme4's and metafor's default).
const DefaultNodes = 30

// GLMMResult is a binomial–normal random-intercept (GLMM) pooled proportion.
//
// The Raw fields are on the logit scale; the others are back-transformed by
// the inverse logit. Undefined values are NaN and Warnings says why.
type GLMMResult struct {
	Nodes int     // Gauss–Hermite nodes per study (1 = Laplace)
	Level float64 // confidence level of the intervals, e.g. 0.95

	K      int // number of studies
	Events int // total events
	N      int // total patients

	Estimate float64 // pooled proportion expit(μ̂): the median, not the mean, of the study proportions
	CILow    float64 // expit(CILowRaw)
	CIHigh   float64 // expit(CIHighRaw)

	EstRaw    float64 // μ̂, the ML intercept on the logit scale
	SERaw     float64 // √[(−H)⁻¹]μμ, H the Hessian of LogLik in (μ, τ)
	CILowRaw  float64 // EstRaw − z·SERaw, z the normal quantile for Level
	CIHighRaw float64 // EstRaw + z·SERaw

	Tau2   float64 // τ̂², between-study variance of the logits (0 on the boundary)
	LogLik float64 // marginal log-likelihood at the estimate, binomial coefficients included

	Converged  bool // Newton reached a stationary point (or the boundary) within its iteration limit
	Singular   bool // τ̂ is on the boundary 0 (the fit reduces to a pooled binomial)
	Iterations int  // Newton iterations used

	Warnings []string // conditions that qualify the result
}

// GLMM fits the binomial–normal random-intercept logistic model
//
//	xᵢ ~ Binomial(nᵢ, expit(μ + τ·zᵢ)),  zᵢ ~ N(0, 1),
//
// by maximum likelihood, the random effect integrated out study by study with
// adaptive Gauss–Hermite quadrature of the given number of nodes (1 =
// Laplace, at most 100): each study's rule is centred at the mode ẑ of
// log Binomial(xᵢ; nᵢ, expit(μ+τz)) + log φ(z) and scaled by
// (1 + τ²nᵢp(1−p))^(−½) at the mode, which is the approximation lme4's glmer
// (and metafor's rma.glmm) computes with nAGQ = nodes. The likelihood is
// maximised by damped Newton in (μ, τ). With nodes >= 20 the gradient and
// Hessian are the quadratures of the derivative integrands; below that they
// are Richardson-extrapolated central differences of the K-point likelihood.
// SERaw comes from the inverse of that Hessian and the interval is Wald z.
//
// Studies with identical counts are merged into one weighted term (the fit is
// unchanged; its cost falls with the number of distinct counts), and when the
// overdispersion score ½ Σ [(xᵢ − nᵢp̂)² − nᵢp̂(1−p̂)] at τ² = 0 is <= 0 the
// boundary fit is returned without iterating (τ = 0 is then a maximum along τ;
// TestGLMMBoundaryScoreShortcut checks it against the full fit).
//
// When the optimum is τ < 1e-6 (Singular), τ is set to 0 and the closed forms
// hold for every rule: μ̂ = logit(Σx/Σn), SERaw = 1/√(Σnᵢp(1−p)).
//
// Undefined fits return NaN with a warning: k = 1 (nothing to pool), no events
// at all or only events (no finite MLE), and a likelihood that keeps rising
// with τ. When every study has n = 1, τ is not identified and the boundary
// answer is returned with a warning.
//
// GLMM panics (caller bug) if studies is empty or invalid (see
// ValidateStudies), level is outside (0, 1), or nodes is outside 1..100.
func GLMM(studies []Study, nodes int, level float64) GLMMResult {
	mustValidate("GLMM", studies, level)
	if nodes < 1 || nodes > maxNodes {
		panic(fmt.Sprintf("meta: GLMM: nodes = %d, need 1..%d (use DefaultNodes)", nodes, maxNodes))
	}
	r := GLMMResult{Nodes: nodes, Level: level, K: len(studies)}
	r.Events, r.N = totals(studies)
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	nan := math.NaN()
	undefined := func(msg string) GLMMResult {
		r.Estimate, r.CILow, r.CIHigh = nan, nan, nan
		r.EstRaw, r.SERaw, r.CILowRaw, r.CIHighRaw = nan, nan, nan, nan
		r.Tau2, r.LogLik = nan, nan
		r.Warnings = append(r.Warnings, msg)
		return r
	}
	switch {
	case r.K == 1:
		return undefined("k = 1: no pooling (a single study; report its own proportion and binomial interval)")
	case r.Events == 0:
		return undefined("no events in any study: the GLMM has no finite MLE (μ → −∞); report the pooled count 0/N with an exact interval")
	case r.Events == r.N:
		return undefined("every patient had the event: the GLMM has no finite MLE (μ → +∞); report the pooled count N/N with an exact interval")
	}

	m := newModel(studies, hermiteRule(nodes))
	finish := func(mu, se, tau float64) GLMMResult {
		r.EstRaw, r.SERaw, r.Tau2 = mu, se, tau*tau
		r.CILowRaw, r.CIHighRaw = mu-z*se, mu+z*se
		r.Estimate, r.CILow, r.CIHigh = expit(mu), expit(r.CILowRaw), expit(r.CIHighRaw)
		return r
	}
	boundary := func() GLMMResult {
		p := float64(r.Events) / float64(r.N)
		r.Singular = true
		r.LogLik = m.boundaryLogLik(p)
		return finish(math.Log(p/(1-p)), 1/math.Sqrt(float64(r.N)*p*(1-p)), 0)
	}

	allOne, allExtreme := true, true
	for _, s := range studies {
		allOne = allOne && s.N == 1
		allExtreme = allExtreme && (s.Events == 0 || s.Events == s.N)
	}
	if allExtreme && !allOne {
		// With q = E expit(μ+τz): E pⁿ <= q and E (1−p)ⁿ <= 1−q, strictly for
		// n >= 2, and the bound Π q^a (1−q)^b is reached only as τ → ∞.
		return undefined("every study has 0 or all events: the GLMM likelihood rises toward τ → ∞ and has no finite MLE; pool the counts or report the studies separately")
	}
	if allOne {
		r.Converged = true
		r.Warnings = append(r.Warnings, "every study has n = 1: τ is not identified (the likelihood depends only on the mean proportion); τ² set to 0")
		return boundary()
	}

	p0 := float64(r.Events) / float64(r.N)
	if m.boundaryScore(p0) <= 0 {
		r.Converged = true
		return boundary()
	}
	maxIter := 200
	if m.analytic() {
		maxIter = 30
	}
	mu, tau, it, ok := m.newton(math.Log(p0/(1-p0)), 0.5, maxIter)
	r.Iterations = it
	if !ok && m.analytic() && !math.IsNaN(mu+tau) && math.Abs(tau) <= maxTau {
		// Far in the tails (τ of several logits with large n) even 20+ nodes
		// can be inexact, and the integrand derivatives then disagree with the
		// K-point likelihood the line search climbs: finish on differences of it.
		m.fd = true
		var it2 int
		mu, tau, it2, ok = m.newton(mu, tau, 200)
		r.Iterations += it2
	}
	if math.IsNaN(mu) || math.IsNaN(tau) || math.Abs(tau) > maxTau {
		return undefined(fmt.Sprintf("τ grows without bound (τ > %g after %d Newton steps): the GLMM has no finite MLE; check for studies with only 0 or all events", float64(maxTau), it))
	}
	tau = math.Abs(tau)
	if tau < 1e-6 || m.logLik(mu, tau) < m.boundaryLogLik(p0) {
		r.Converged = ok
		if !ok {
			r.Warnings = append(r.Warnings, fmt.Sprintf("Newton did not converge in %d iterations; the boundary answer τ² = 0 is reported", r.Iterations))
		}
		return boundary()
	}
	ll, g, h := m.derivs(mu, tau)
	r.LogLik = ll
	r.Converged = ok && math.Max(math.Abs(g[0]), math.Abs(g[1])) < 1e-6
	if !r.Converged {
		r.Warnings = append(r.Warnings, fmt.Sprintf("Newton did not converge in %d iterations (gradient %.3g, %.3g): estimates are approximate", r.Iterations, g[0], g[1]))
	}
	det := h[0][0]*h[1][1] - h[0][1]*h[1][0]
	se := math.Sqrt(-h[1][1] / det)
	if !(h[0][0] < 0 && det > 0) {
		se = nan
		r.Warnings = append(r.Warnings, "the Hessian of the log-likelihood is not negative definite at the estimate: no standard error")
	}
	return finish(mu, se, tau)
}

// maxTau is the τ beyond which GLMM declares the likelihood unbounded
// (τ = 20 is a between-study SD of 20 on the logit scale).
const maxTau = 20

// glmmStudy holds one study's counts and log binomial coefficient.
type glmmStudy struct {
	x, n, logC float64
	w          float64 // how many studies have these counts
}

// model is the binomial–normal likelihood of a set of studies under one rule.
type model struct {
	st   []glmmStudy
	rule *ghRule
	fd   bool // force finite-difference derivatives
}

// newModel merges studies with identical counts into one weighted term: the
// likelihood is a sum over studies, so k studies of x/n contribute k times the
// same term, and the fit is unchanged while its cost falls with the number of
// distinct counts (registries have many identical small studies).
func newModel(studies []Study, rule *ghRule) *model {
	m := &model{rule: rule}
	at := map[[2]int]int{}
	for _, s := range studies {
		key := [2]int{s.Events, s.N}
		if i, ok := at[key]; ok {
			m.st[i].w++
			continue
		}
		at[key] = len(m.st)
		x, n := float64(s.Events), float64(s.N)
		a, _ := math.Lgamma(n + 1)
		b, _ := math.Lgamma(x + 1)
		c, _ := math.Lgamma(n - x + 1)
		m.st = append(m.st, glmmStudy{x: x, n: n, logC: a - b - c, w: 1})
	}
	return m
}

// boundaryScore is the score for τ² at τ² = 0 and expit(μ) = p, the
// overdispersion score ½ Σ [(xᵢ − nᵢp)² − nᵢp(1−p)]. The likelihood is even in
// τ with ∂²ℓ/∂τ² = 2·score at τ = 0, so a score <= 0 makes τ = 0 a maximum
// along τ: the boundary fit is reported without iterating.
func (m *model) boundaryScore(p float64) float64 {
	var u float64
	for _, s := range m.st {
		r := s.x - s.n*p
		u += s.w * (r*r - s.n*p*(1-p))
	}
	return u / 2
}

// logBinom returns log C(n,x) + x·log p + (n−x)·log(1−p) for p = expit(eta).
func (s glmmStudy) logBinom(eta float64) float64 {
	// log expit(η) = η − softplus(η), log(1−expit(η)) = −softplus(η)
	return s.logC + s.x*eta - s.n*softplus(eta)
}

// softplus is log(1+eᵃ) without overflow.
func softplus(a float64) float64 {
	if a > 0 {
		return a + math.Log1p(math.Exp(-a))
	}
	return math.Log1p(math.Exp(a))
}

// mode returns the mode ẑ of log Binomial(x; n, expit(μ+τz)) + log φ(z) and
// the AGHQ scale s = (1 + τ²np(1−p))^(−½) there. The objective is strictly
// concave and its root lies between τ(x−n) and τx, so Newton is safeguarded
// by bisection on that bracket.
func (s glmmStudy) mode(mu, tau float64) (zh, sc float64) {
	if tau == 0 {
		return 0, 1
	}
	lo, hi := tau*(s.x-s.n), tau*s.x
	if lo > hi {
		lo, hi = hi, lo
	}
	z := 0.0
	for it := 0; it < 200; it++ {
		p := expit(mu + tau*z)
		g := tau*(s.x-s.n*p) - z // derivative, decreasing in z
		if g > 0 {
			lo = z
		} else {
			hi = z
		}
		step := g / (tau*tau*s.n*p*(1-p) + 1)
		zn := z + step
		if !(zn > lo && zn < hi) {
			zn = 0.5 * (lo + hi)
		}
		done := math.Abs(zn-z) < 1e-14*math.Max(1, math.Abs(z))
		z = zn
		if done || hi-lo <= 4*eps*math.Max(1, math.Abs(z)) {
			break
		}
	}
	p := expit(mu + tau*z)
	return z, 1 / math.Sqrt(tau*tau*s.n*p*(1-p)+1)
}

// studyLogLik is the K-point AGHQ approximation of one study's marginal
// log-likelihood. If post is non-nil it receives the normalised node
// weights, and nodes the node positions z.
func (m *model) studyLogLik(s glmmStudy, mu, tau float64, post, nodes []float64) float64 {
	zh, sc := s.mode(mu, tau)
	r := m.rule
	lsc := math.Log(sc)
	mx := math.Inf(-1)
	lw := post
	if lw == nil {
		lw = make([]float64, len(r.z))
	}
	for j, g := range r.z {
		zj := zh + sc*g
		lw[j] = r.logw[j] + lsc + s.logBinom(mu+tau*zj) + r.half[j] - zj*zj/2
		if nodes != nil {
			nodes[j] = zj
		}
		mx = math.Max(mx, lw[j])
	}
	var sum float64
	for j := range lw {
		lw[j] = math.Exp(lw[j] - mx)
		sum += lw[j]
	}
	for j := range post {
		post[j] /= sum
	}
	return mx + math.Log(sum)
}

// logLik is the K-point AGHQ marginal log-likelihood at (μ, τ).
func (m *model) logLik(mu, tau float64) float64 {
	var ll float64
	for _, s := range m.st {
		ll += s.w * m.studyLogLik(s, mu, tau, nil, nil)
	}
	return ll
}

// boundaryLogLik is the exact log-likelihood at τ = 0 and expit(μ) = p.
func (m *model) boundaryLogLik(p float64) float64 {
	eta := math.Log(p / (1 - p))
	var ll float64
	for _, s := range m.st {
		ll += s.w * s.logBinom(eta)
	}
	return ll
}

// analytic reports whether derivs uses the quadrature of the derivative
// integrands (accurate once the rule is; see GLMM) rather than differences.
func (m *model) analytic() bool { return !m.fd && len(m.rule.z) >= 20 }

// derivs returns the log-likelihood, its gradient and Hessian in (μ, τ).
func (m *model) derivs(mu, tau float64) (ll float64, g [2]float64, h [2][2]float64) {
	if !m.analytic() {
		return m.fdDerivs(mu, tau)
	}
	k := len(m.rule.z)
	post := make([]float64, k)
	nodes := make([]float64, k)
	for _, s := range m.st {
		ll += s.w * m.studyLogLik(s, mu, tau, post, nodes)
		// d/dμ log f = r, d/dτ log f = z·r with r = x − np; the second
		// derivatives of f/f are a, z·a, z²·a with a = r² − np(1−p).
		var gm, gt, am, at, att float64
		for j, w := range post {
			zj := nodes[j]
			p := expit(mu + tau*zj)
			rj := s.x - s.n*p
			a := rj*rj - s.n*p*(1-p)
			gm += w * rj
			gt += w * zj * rj
			am += w * a
			at += w * zj * a
			att += w * zj * zj * a
		}
		g[0] += s.w * gm
		g[1] += s.w * gt
		h[0][0] += s.w * (am - gm*gm)
		h[0][1] += s.w * (at - gm*gt)
		h[1][1] += s.w * (att - gt*gt)
	}
	h[1][0] = h[0][1]
	return ll, g, h
}

// fdDerivs returns Richardson-extrapolated central differences (steps
// 1e-3 and 5e-4) of logLik: error O(h⁴) plus rounding ~1e-12.
func (m *model) fdDerivs(mu, tau float64) (ll float64, g [2]float64, h [2][2]float64) {
	f := func(a, b float64) float64 { return m.logLik(a, b) }
	ll = f(mu, tau)
	d := func(h float64) (g [2]float64, H [2][2]float64) {
		fpm, fmm := f(mu+h, tau), f(mu-h, tau)
		fpt, fmt := f(mu, tau+h), f(mu, tau-h)
		g[0] = (fpm - fmm) / (2 * h)
		g[1] = (fpt - fmt) / (2 * h)
		H[0][0] = (fpm - 2*ll + fmm) / (h * h)
		H[1][1] = (fpt - 2*ll + fmt) / (h * h)
		H[0][1] = (f(mu+h, tau+h) - f(mu+h, tau-h) - f(mu-h, tau+h) + f(mu-h, tau-h)) / (4 * h * h)
		H[1][0] = H[0][1]
		return g, H
	}
	g1, h1 := d(1e-3)
	g2, h2 := d(5e-4)
	for i := 0; i < 2; i++ {
		g[i] = (4*g2[i] - g1[i]) / 3
		for j := 0; j < 2; j++ {
			h[i][j] = (4*h2[i][j] - h1[i][j]) / 3
		}
	}
	return ll, g, h
}

// newton maximises logLik by damped Newton from (mu, tau): a Newton step
// where the Hessian is negative definite, otherwise a Levenberg–Marquardt
// step of length at most 1, halved until the log-likelihood does not drop; τ is
// projected onto τ >= 0, and a saddle at τ = 0 is left along τ. It stops when a Newton
// step moves both parameters by less than 1e-11 or gains less than 1e-16,
// and reports whether it did within maxIter iterations.
func (m *model) newton(mu, tau float64, maxIter int) (float64, float64, int, bool) {
	ll := m.logLik(mu, tau)
	for it := 1; it <= maxIter; it++ {
		_, g, h := m.derivs(mu, tau)
		det := h[0][0]*h[1][1] - h[0][1]*h[1][0]
		nd := h[0][0] < 0 && det > 0
		var s0, s1 float64
		if nd {
			s0 = -(h[1][1]*g[0] - h[0][1]*g[1]) / det
			s1 = -(h[0][0]*g[1] - h[1][0]*g[0]) / det
		} else {
			// Levenberg–Marquardt: shift the Hessian until it is negative
			// definite, solve, and cap the step length at 1.
			a, b, d := h[0][0], h[0][1], h[1][1]
			lmax := (a+d)/2 + math.Hypot((a-d)/2, b)
			c := lmax + math.Max(1e-8, 1e-3*(math.Abs(a)+math.Abs(d)))
			a, d = a-c, d-c
			dt := a*d - b*b
			s0 = -(d*g[0] - b*g[1]) / dt
			s1 = -(a*g[1] - b*g[0]) / dt
			if nrm := math.Hypot(s0, s1); nrm > 1 || math.IsNaN(nrm) {
				if math.IsNaN(nrm) || math.IsInf(nrm, 0) {
					s0, s1, nrm = g[0], g[1], math.Hypot(g[0], g[1])
				}
				s0, s1 = s0/nrm, s1/nrm
			}
		}
		if tau == 0 && s1 == 0 && h[1][1] > 0 {
			s1 = 0.5 // τ = 0 is a saddle (overdispersion): leave it
		}
		t := 1.0
		var nmu, ntau, nll float64
		for {
			// Project onto τ >= 0. (Reflecting to |τ| instead, as the
			// likelihood is even in τ, can map a step of −2τ back onto τ.)
			nmu, ntau = mu+t*s0, math.Max(0, tau+t*s1)
			nll = m.logLik(nmu, ntau)
			if nll >= ll-1e-12 {
				break
			}
			if t < 1e-8 {
				return mu, tau, it, false // no ascent direction left
			}
			t /= 2
		}
		// Converged when a Newton step moves the parameters by < 1e-11 or is
		// expected to gain < 1e-16 in log-likelihood (the Newton decrement
		// ½gᵀ(−H)⁻¹g; on a flat ridge the parameters move more than 1e-11 at
		// rounding-level gains). The step is taken in either case.
		done := nd && (math.Max(math.Abs(nmu-mu), math.Abs(ntau-tau)) < 1e-11 || (g[0]*s0+g[1]*s1)/2 < 1e-16)
		mu, tau, ll = nmu, ntau, nll
		if done {
			return mu, tau, it, true
		}
		if tau > maxTau || math.IsNaN(mu) || math.IsInf(mu, 0) {
			return mu, tau, it, false
		}
	}
	return mu, tau, maxIter, false
}
