package meta

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Result is an inverse-variance random-effects pooled proportion.
//
// The Raw fields are on the transform's scale (logit or double arcsine); the
// others are back-transformed to a proportion. Undefined values are NaN and
// Warnings says why.
type Result struct {
	Transform Transform // scale of the Raw fields
	Estimator Estimator // tau² estimator
	Level     float64   // confidence level of the intervals, e.g. 0.95

	K      int // number of studies
	Events int // total events
	N      int // total patients

	Estimate float64 // pooled proportion (back-transformed EstRaw)
	CILow    float64 // lower confidence bound of the proportion
	CIHigh   float64 // upper confidence bound of the proportion

	EstRaw    float64 // pooled estimate Σwᵢyᵢ/Σwᵢ, wᵢ = 1/(vᵢ+tau²)
	SERaw     float64 // its standard error 1/√Σwᵢ
	CILowRaw  float64 // EstRaw − z·SERaw, z the normal quantile for Level
	CIHighRaw float64 // EstRaw + z·SERaw

	Tau2 float64 // between-study variance on the raw scale (>= 0)
	I2   float64 // percent of total variance due to heterogeneity: 100·tau²/(tau²+s²)
	H2   float64 // (tau²+s²)/s², s² the typical within-study variance
	Q    float64 // Cochran's Q on the fixed-effect weights 1/vᵢ
	QP   float64 // upper-tail χ²(K−1) p-value of Q

	Warnings []string // conditions that qualify the result
}

// EffectSize returns a study's effect size yi and its sampling variance vi on
// the scale of t, exactly as metafor's escalc:
//
//	Logit:        yi = log(x/(n−x)),  vi = 1/x + 1/(n−x), with x+½ and n+1
//	              in place of x and n when x = 0 or x = n;
//	FreemanTukey: yi = ½(asin√(x/(n+1)) + asin√((x+1)/(n+1))),  vi = 1/(4n+2).
//
// It panics if the study is invalid (see ValidateStudies) or t is unknown.
func EffectSize(s Study, t Transform) (yi, vi float64) {
	if err := ValidateStudies([]Study{s}); err != nil {
		panic("meta: EffectSize: " + err.Error()[len("meta: "):])
	}
	x, n := float64(s.Events), float64(s.N)
	switch t {
	case Logit:
		if s.Events == 0 || s.Events == s.N {
			x += 0.5
			n++
		}
		return math.Log(x / (n - x)), 1/x + 1/(n-x)
	case FreemanTukey:
		return 0.5 * (math.Asin(math.Sqrt(x/(n+1))) + math.Asin(math.Sqrt((x+1)/(n+1)))), 1 / (4*n + 2)
	}
	panic("meta: EffectSize: unknown transform " + t.String())
}

// InverseVariance pools the proportions of studies by the inverse-variance
// random-effects model on the scale of t, with the between-study variance
// tau² estimated by e, and returns a Wald z interval at the given level.
//
// The pooled estimate is Σwᵢyᵢ/Σwᵢ with wᵢ = 1/(vᵢ+tau²) and standard error
// 1/√Σwᵢ. DL is max(0, (Q−(k−1))/(Σw−Σw²/Σw)) with fixed-effect weights
// w = 1/vᵢ. REML is the root of the restricted-likelihood score
// Σwᵢ²(yᵢ−μ̂)² = Σwᵢ − Σwᵢ²/Σwᵢ, solved to machine precision; it is 0 when
// the score is not positive at 0, otherwise the first root above 0. I² and
// H² follow metafor: s² = (k−1)Σw/((Σw)²−Σw²) with w = 1/vᵢ, I² = 100·tau²/(tau²+s²).
// Logit results are back-transformed by the inverse logit; FreemanTukey
// results by metafor's transf.ipft.hm, the inverse double arcsine at the
// harmonic mean of the sizes, clamped to 0 or 1 beyond the transform of 0 or 1.
//
// With one study nothing is pooled: every estimate is NaN and Warnings says
// so. InverseVariance panics (caller bug) if studies is empty or invalid
// (see ValidateStudies), if level is outside (0, 1), or t or e is unknown.
func InverseVariance(studies []Study, t Transform, e Estimator, level float64) Result {
	mustValidate("InverseVariance", studies, level)
	if t != Logit && t != FreemanTukey {
		panic("meta: InverseVariance: unknown transform " + t.String())
	}
	if e != REML && e != DL {
		panic("meta: InverseVariance: unknown estimator " + e.String())
	}
	k := len(studies)
	r := Result{Transform: t, Estimator: e, Level: level, K: k}
	r.Events, r.N = totals(studies)
	if w := sparseWarning(studies); w != "" {
		r.Warnings = append(r.Warnings, w)
	}
	if k == 1 {
		nan := math.NaN()
		r.Estimate, r.CILow, r.CIHigh = nan, nan, nan
		r.EstRaw, r.SERaw, r.CILowRaw, r.CIHighRaw = nan, nan, nan, nan
		r.Tau2, r.I2, r.H2, r.Q, r.QP = nan, nan, nan, nan, nan
		r.Warnings = append(r.Warnings, "k = 1: no pooling (a single study; report its own proportion and binomial interval)")
		return r
	}

	y := make([]float64, k)
	v := make([]float64, k)
	for i, s := range studies {
		y[i], v[i] = EffectSize(s, t)
	}

	// Fixed-effect quantities: Cochran's Q and the typical within-study variance.
	var sw, sw2, swy float64
	for i := range y {
		w := 1 / v[i]
		sw += w
		sw2 += w * w
		swy += w * y[i]
	}
	muFE := swy / sw
	var q float64
	for i := range y {
		d := y[i] - muFE
		q += d * d / v[i]
	}
	df := float64(k - 1)
	r.Q = q
	r.QP = distuv.ChiSquared{K: df}.Survival(q)
	s2 := df * sw / (sw*sw - sw2)

	switch e {
	case DL:
		r.Tau2 = math.Max(0, (q-df)/(sw-sw2/sw))
	case REML:
		r.Tau2 = remlTau2(y, v)
	}

	var swr, swry float64
	for i := range y {
		w := 1 / (v[i] + r.Tau2)
		swr += w
		swry += w * y[i]
	}
	r.EstRaw = swry / swr
	r.SERaw = 1 / math.Sqrt(swr)
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	r.CILowRaw = r.EstRaw - z*r.SERaw
	r.CIHighRaw = r.EstRaw + z*r.SERaw
	r.I2 = 100 * r.Tau2 / (r.Tau2 + s2)
	r.H2 = (r.Tau2 + s2) / s2

	switch t {
	case Logit:
		r.Estimate, r.CILow, r.CIHigh = expit(r.EstRaw), expit(r.CILowRaw), expit(r.CIHighRaw)
	case FreemanTukey:
		var sinv float64
		for _, s := range studies {
			sinv += 1 / float64(s.N)
		}
		nhm := float64(k) / sinv
		r.Estimate, r.CILow, r.CIHigh = ipft(r.EstRaw, nhm), ipft(r.CILowRaw, nhm), ipft(r.CIHighRaw, nhm)
	}
	return r
}

// remlScore returns the derivative of the REML log-likelihood in tau²
// (times 2): Σwᵢ²(yᵢ−μ̂)² − (Σwᵢ − Σwᵢ²/Σwᵢ), with wᵢ = 1/(vᵢ+tau²).
func remlScore(y, v []float64, tau2 float64) float64 {
	var sw, sw2, swy float64
	for i := range y {
		w := 1 / (v[i] + tau2)
		sw += w
		sw2 += w * w
		swy += w * y[i]
	}
	mu := swy / sw
	var ss float64
	for i := range y {
		w := 1 / (v[i] + tau2)
		d := y[i] - mu
		ss += w * w * d * d
	}
	return ss - (sw - sw2/sw)
}

// remlTau2 maximises the REML likelihood over tau² >= 0: 0 when the score
// at 0 is not positive, otherwise the first sign change of the score above
// 0, bracketed by doubling and then solved by Brent's method to machine
// precision.
func remlTau2(y, v []float64) float64 {
	f := func(t float64) float64 { return remlScore(y, v, t) }
	f0 := f(0)
	if !(f0 > 0) {
		return 0
	}
	// Bracket: start from the variance of y (an upper scale for tau²).
	var m, ss float64
	for _, yi := range y {
		m += yi
	}
	m /= float64(len(y))
	var vmax float64
	for i, yi := range y {
		ss += (yi - m) * (yi - m)
		vmax = math.Max(vmax, v[i])
	}
	lo, flo := 0.0, f0
	hi := math.Max(ss/float64(len(y)), 1e-8*math.Max(vmax, 1e-300))
	fhi := f(hi)
	for i := 0; fhi > 0 && i < 2000; i++ {
		lo, flo = hi, fhi
		hi *= 2
		fhi = f(hi)
	}
	if fhi > 0 {
		return math.NaN() // unreachable for k >= 2: the score is negative for large tau²
	}
	return brentRoot(f, lo, hi, flo, fhi)
}

// brentRoot finds a root of f in [a, b] with f(a)·f(b) <= 0 by Brent's
// method (zeroin), to a relative tolerance of a few ulps.
func brentRoot(f func(float64) float64, a, b, fa, fb float64) float64 {
	if fa == 0 {
		return a
	}
	if fb == 0 {
		return b
	}
	c, fc := a, fa
	d := b - a
	e := d
	for iter := 0; iter < 500; iter++ {
		if (fb > 0) == (fc > 0) {
			c, fc = a, fa
			d = b - a
			e = d
		}
		if math.Abs(fc) < math.Abs(fb) {
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tol := 2*eps*math.Abs(b) + 1e-300
		m := 0.5 * (c - b)
		if math.Abs(m) <= tol || fb == 0 {
			return b
		}
		if math.Abs(e) >= tol && math.Abs(fa) > math.Abs(fb) {
			var p, q float64
			s := fb / fa
			if a == c {
				p = 2 * m * s
				q = 1 - s
			} else {
				qq := fa / fc
				r := fb / fc
				p = s * (2*m*qq*(qq-r) - (b-a)*(r-1))
				q = (qq - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if 2*p < math.Min(3*m*q-math.Abs(tol*q), math.Abs(e*q)) {
				e = d
				d = p / q
			} else {
				d = m
				e = m
			}
		} else {
			d = m
			e = m
		}
		a, fa = b, fb
		if math.Abs(d) > tol {
			b += d
		} else if m > 0 {
			b += tol
		} else {
			b -= tol
		}
		fb = f(b)
	}
	return b
}

const eps = 0x1p-52

// expit is the inverse logit 1/(1+e^−x).
func expit(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	ex := math.Exp(x)
	return ex / (1 + ex)
}

// pft is the Freeman–Tukey double arcsine of proportion p at size n
// (metafor's transf.pft).
func pft(p, n float64) float64 {
	x := p * n
	return 0.5 * (math.Asin(math.Sqrt(x/(n+1))) + math.Asin(math.Sqrt((x+1)/(n+1))))
}

// ipft inverts the double arcsine at size n (metafor's transf.ipft): 0 below
// pft(0, n), 1 above pft(1, n), NaN where the formula has no value.
func ipft(y, n float64) float64 {
	if math.IsNaN(y) {
		return math.NaN()
	}
	if y > pft(1, n) {
		return 1
	}
	if y < pft(0, n) {
		return 0
	}
	s := math.Sin(2 * y)
	c := math.Cos(2 * y)
	sg := 0.0
	switch {
	case c > 0:
		sg = 1
	case c < 0:
		sg = -1
	}
	a := s + (s-1/s)/n
	return 0.5 * (1 - sg*math.Sqrt(1-a*a))
}
