package surv

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// DefaultLevel is the confidence level survfit uses unless told otherwise.
const DefaultLevel = 0.95

// Point is the Kaplan–Meier curve at one distinct time: the subjects at
// risk just before it, the events and censorings at it, the survival
// estimate just after it, the standard error of −log S, and the confidence
// bounds for S.
type Point struct {
	Time    float64
	NRisk   int
	NEvent  int
	NCensor int
	Surv    float64
	// StdErr is the Greenwood standard error of −log S, √Σ d/(n(n−d));
	// it is +Inf once S = 0.
	StdErr float64
	// Lower and Upper are S·exp(∓z·StdErr), Upper capped at 1; both are
	// NaN once S = 0.
	Lower float64
	Upper float64
}

// Curve is a Kaplan–Meier curve: one Point per distinct time in increasing
// order, the confidence level of its bounds, and Warnings about undefined
// parts.
type Curve struct {
	Level    float64
	Points   []Point
	Warnings []string
}

// KaplanMeier returns the product-limit estimate of the survival function
// from the follow-up times and event indicators (true = event, false =
// censored), with pointwise confidence bounds at the given level (R's
// default is DefaultLevel):
//
//	S(t)  = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
//	se(t) = √Σ_{tᵢ ≤ t} dᵢ / (nᵢ(nᵢ − dᵢ))        (Greenwood, of −log S)
//	lower = S·exp(−z·se), upper = min(1, S·exp(z·se)), z = Φ⁻¹(1 − (1−level)/2)
//
// where nᵢ counts the subjects with time ≥ tᵢ. This is survfit's default
// "log" interval. Empty input gives a curve without points and a warning.
//
// KaplanMeier panics if the slices differ in length, a time is negative,
// NaN or infinite, or level is not in (0, 1).
func KaplanMeier(time []float64, event []bool, level float64) Curve {
	return kaplanMeier("KaplanMeier", time, event, nil, level)
}

// KaplanMeierWeighted is KaplanMeier with frequency weights: w[i] subjects
// share time[i] and event[i]. It gives exactly the curve of KaplanMeier on
// the rows repeated w[i] times (a row of weight 0 is left out), without
// expanding them, so that a histogram of (time, event) counts is enough.
// It panics as KaplanMeier does, and if w is not as long as time or a
// weight is negative.
func KaplanMeierWeighted(time []float64, event []bool, w []int, level float64) Curve {
	if len(w) != len(time) {
		panic(fmt.Sprintf("surv: KaplanMeierWeighted: %d times but %d weights", len(time), len(w)))
	}
	return kaplanMeier("KaplanMeierWeighted", time, event, w, level)
}

// weight returns w[i], 1 when w is nil; it panics on a negative weight.
func weight(fn string, w []int, i int) int {
	if w == nil {
		return 1
	}
	if w[i] < 0 {
		panic(fmt.Sprintf("surv: %s: w[%d] = %d: weights must be counts ≥ 0", fn, i, w[i]))
	}
	return w[i]
}

// kaplanMeier is KaplanMeier and KaplanMeierWeighted (w nil: every weight 1).
func kaplanMeier(fn string, time []float64, event []bool, w []int, level float64) Curve {
	if len(time) != len(event) {
		panic(fmt.Sprintf("surv: %s: %d times but %d event indicators", fn, len(time), len(event)))
	}
	if !(level > 0 && level < 1) {
		panic(fmt.Sprintf("surv: %s: confidence level %v outside (0, 1)", fn, level))
	}
	atRisk := 0
	for i, t := range time {
		if !(t >= 0) || math.IsInf(t, 1) {
			panic(fmt.Sprintf("surv: %s: time[%d] = %v: times must be finite and non-negative", fn, i, t))
		}
		atRisk += weight(fn, w, i)
	}
	c := Curve{Level: level}
	if atRisk == 0 {
		c.Warnings = append(c.Warnings, "no subjects: the Kaplan–Meier curve is empty")
		return c
	}
	idx := make([]int, len(time))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return time[idx[i]] < time[idx[j]] })

	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	surv, varSum := 1.0, 0.0
	for start := 0; start < len(idx); {
		t := time[idx[start]]
		end := start
		d, all := 0, 0
		for end < len(idx) && time[idx[end]] == t {
			k := weight(fn, w, idx[end])
			if event[idx[end]] {
				d += k
			}
			all += k
			end++
		}
		if all == 0 {
			start = end
			continue
		}
		p := Point{Time: t, NRisk: atRisk, NEvent: d, NCensor: all - d}
		if d > 0 {
			n, fd := float64(atRisk), float64(d)
			surv *= 1 - fd/n
			if d == atRisk {
				surv = 0
				varSum = math.Inf(1)
			} else {
				varSum += fd / (n * (n - fd))
			}
		}
		p.Surv = surv
		p.StdErr = math.Sqrt(varSum)
		if surv > 0 {
			p.Lower = math.Exp(math.Log(surv) - z*p.StdErr)
			p.Upper = math.Min(1, math.Exp(math.Log(surv)+z*p.StdErr))
		} else {
			p.Lower, p.Upper = math.NaN(), math.NaN()
		}
		c.Points = append(c.Points, p)
		atRisk -= all
		start = end
	}
	if last := c.Points[len(c.Points)-1]; last.Surv == 0 {
		c.Warnings = append(c.Warnings, fmt.Sprintf(
			"survival reaches 0 at time %v (every subject still at risk had the event): "+
				"the standard error is Inf and the confidence bounds are undefined (NaN) there", last.Time))
	}
	return c
}

// CumPoint is the cumulative incidence 1 − S at one time of a Curve, with
// the flipped confidence bounds.
type CumPoint struct {
	Time    float64
	NRisk   int
	NEvent  int
	NCensor int
	// NCompeting counts competing events (always 0 from a Kaplan–Meier
	// Curve).
	NCompeting int
	// Cum is 1 − Surv, Low is 1 − Upper and High is 1 − Lower (NaN where
	// S = 0).
	Cum  float64
	Low  float64
	High float64
}

// Cumulative returns the curve as cumulative incidence, as tresp reports
// time to response: cum = 1 − S, low = 1 − upper, high = 1 − lower.
func (c Curve) Cumulative() []CumPoint {
	out := make([]CumPoint, len(c.Points))
	for i, p := range c.Points {
		out[i] = CumPoint{
			Time: p.Time, NRisk: p.NRisk, NEvent: p.NEvent, NCensor: p.NCensor,
			Cum: 1 - p.Surv, Low: 1 - p.Upper, High: 1 - p.Lower,
		}
	}
	return out
}
