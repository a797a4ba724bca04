package surv

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// Status is the state a subject is observed to enter at its time in a
// competing-risks analysis.
type Status int8

const (
	// Censored: followed until the time without either event.
	Censored Status = iota
	// Event is the event of interest (for tresp, the first response).
	Event
	// Competing is an event that precludes the event of interest (for
	// tresp, death before any response).
	Competing
)

func (s Status) String() string {
	switch s {
	case Censored:
		return "censored"
	case Event:
		return "event"
	case Competing:
		return "competing"
	}
	return fmt.Sprintf("Status(%d)", int8(s))
}

// CIFPoint is the Aalen–Johansen estimate at one distinct time: the
// subjects at risk just before it, the events of each kind and the
// censorings at it, and the state probabilities just after it with their
// standard errors and confidence bounds.
type CIFPoint struct {
	Time       float64
	NRisk      int
	NEvent     int // events of interest at Time
	NCompeting int // competing events at Time
	NCensor    int
	// EventFree is the probability of having had neither event,
	// Π (1 − (dᵢ + cᵢ)/nᵢ): the Kaplan–Meier estimate of the time to the
	// first event of either kind.
	EventFree float64
	// Cum is the cumulative incidence of the event of interest,
	// F(t) = Σ_{tᵢ ≤ t} S(tᵢ₋) dᵢ/nᵢ.
	Cum float64
	// StdErr is the infinitesimal-jackknife standard error of Cum.
	StdErr float64
	// Lower and Upper are Cum·exp(∓z·StdErr/Cum), Upper capped at 1; both
	// are NaN while Cum = 0.
	Lower, Upper float64
	// CumCompeting, StdErrCompeting, LowerCompeting and UpperCompeting are
	// the same for the competing event.
	CumCompeting                   float64
	StdErrCompeting                float64
	LowerCompeting, UpperCompeting float64
}

// CIF is an Aalen–Johansen cumulative incidence: one CIFPoint per distinct
// time in increasing order, the confidence level of its bounds, and
// Warnings.
type CIF struct {
	Level    float64
	Points   []CIFPoint
	Warnings []string
}

// AalenJohansen returns the Aalen–Johansen estimate of the cumulative
// incidence of an event in the presence of a competing event, from the
// follow-up times and the status at each time, with pointwise confidence
// bounds at the given level (R's default is DefaultLevel). At each distinct
// time tᵢ with nᵢ subjects at risk, dᵢ events of interest and cᵢ competing
// events:
//
//	S(tᵢ) = S(tᵢ₋₁)·(1 − (dᵢ + cᵢ)/nᵢ)          (event-free, S(0) = 1)
//	F(tᵢ) = F(tᵢ₋₁) + S(tᵢ₋₁)·dᵢ/nᵢ               (cumulative incidence)
//	G(tᵢ) = G(tᵢ₋₁) + S(tᵢ₋₁)·cᵢ/nᵢ               (competing incidence)
//
// The standard error is the infinitesimal jackknife, √Σⱼ Uⱼ(t)², where Uⱼ
// is the derivative of the estimate with respect to subject j's case
// weight; the interval is survfit's "log" interval F·exp(±z·se/F), the upper
// bound capped at 1, undefined (NaN) while F = 0. This reproduces R's
// survival::survfit(Surv(time, state) ~ 1) for a factor state whose first
// level is censoring (survival 3.5-3). Without competing events F = 1 − KM
// (the bounds differ from KaplanMeier's, which uses Greenwood's variance).
// Subjects censored at an event time count as at risk at that time. The
// variance is accumulated in O(n log n), not by keeping one influence
// vector per subject.
//
// AalenJohansen panics if the slices differ in length, a time is negative,
// NaN or infinite, a status is not one of the three constants, or level is
// not in (0, 1).
func AalenJohansen(time []float64, status []Status, level float64) CIF {
	return aalenJohansen("AalenJohansen", time, status, nil, level)
}

// AalenJohansenWeighted is AalenJohansen with frequency weights: w[i]
// subjects share time[i] and status[i]. It gives exactly the estimate of
// AalenJohansen on the rows repeated w[i] times (a row of weight 0 is left
// out), without expanding them. It panics as AalenJohansen does, and if w
// is not as long as time or a weight is negative.
func AalenJohansenWeighted(time []float64, status []Status, w []int, level float64) CIF {
	if len(w) != len(time) {
		panic(fmt.Sprintf("surv: AalenJohansenWeighted: %d times but %d weights", len(time), len(w)))
	}
	return aalenJohansen("AalenJohansenWeighted", time, status, w, level)
}

// aalenJohansen is AalenJohansen and AalenJohansenWeighted (w nil: every
// weight 1).
func aalenJohansen(fn string, time []float64, status []Status, w []int, level float64) CIF {
	if len(time) != len(status) {
		panic(fmt.Sprintf("surv: %s: %d times but %d statuses", fn, len(time), len(status)))
	}
	if !(level > 0 && level < 1) {
		panic(fmt.Sprintf("surv: %s: confidence level %v outside (0, 1)", fn, level))
	}
	atRisk := 0
	for i, t := range time {
		if !(t >= 0) || math.IsInf(t, 1) {
			panic(fmt.Sprintf("surv: %s: time[%d] = %v: times must be finite and non-negative", fn, i, t))
		}
		if s := status[i]; s < Censored || s > Competing {
			panic(fmt.Sprintf("surv: %s: status[%d] = %d: want Censored, Event or Competing", fn, i, s))
		}
		atRisk += weight(fn, w, i)
	}
	c := CIF{Level: level}
	if atRisk == 0 {
		c.Warnings = append(c.Warnings, "no subjects: the cumulative incidence is empty")
		return c
	}
	idx := make([]int, len(time))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return time[idx[i]] < time[idx[j]] })
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)

	// Every subject still at risk has the same influence (a0, a1, a2) on
	// (S, F, G). A subject that left at time s with influence (u0, u1, u2)
	// has, at later t, u0·S(t)/S(s) on S and u1 + u0·(F(t) − F(s))/S(s) on
	// F: with α = u0/S(s) and β = u1 − α·F(s) its influence on F is β + α·F(t).
	// The sums of α², αβ and β² over the leavers give Σ U² at any t.
	var (
		s, f, g          = 1.0, 0.0, 0.0
		a0, a1, a2       float64
		sAA, sAB1, sB1B1 float64
		sAB2, sB2B2      float64
	)
	for start := 0; start < len(idx); {
		t := time[idx[start]]
		end := start
		d1, d2, all := 0, 0, 0
		for end < len(idx) && time[idx[end]] == t {
			k := weight(fn, w, idx[end])
			switch status[idx[end]] {
			case Event:
				d1 += k
			case Competing:
				d2 += k
			}
			all += k
			end++
		}
		if all == 0 {
			start = end
			continue
		}
		cens := all - d1 - d2
		n := float64(atRisk)
		h1, h2 := float64(d1)/n, float64(d2)/n
		h := h1 + h2
		sPrev := s
		s = sPrev * (1 - h)
		if d1+d2 == atRisk {
			s = 0
		}
		f += sPrev * h1
		g += sPrev * h2
		// Influence of each kind of subject in the risk set at t:
		// dh_k/dw = (dN_k − h_k)/n.
		inf := func(dn1, dn2 float64) (u0, u1, u2 float64) {
			u0 = a0*(1-h) - sPrev*(dn1+dn2-h)/n
			u1 = a1 + a0*h1 + sPrev*(dn1-h1)/n
			u2 = a2 + a0*h2 + sPrev*(dn2-h2)/n
			return
		}
		e0, e1, e2 := inf(1, 0) // events of interest
		c0, c1, c2 := inf(0, 1) // competing events
		r0, r1, r2 := inf(0, 0) // censored at t and still at risk
		v1 := sB1B1 + 2*f*sAB1 + f*f*sAA
		v2 := sB2B2 + 2*g*sAB2 + g*g*sAA
		fd1, fd2, stay := float64(d1), float64(d2), float64(atRisk-d1-d2)
		v1 += fd1*e1*e1 + fd2*c1*c1 + stay*r1*r1
		v2 += fd1*e2*e2 + fd2*c2*c2 + stay*r2*r2
		p := CIFPoint{Time: t, NRisk: atRisk, NEvent: d1, NCompeting: d2, NCensor: cens,
			EventFree: s, Cum: f, StdErr: math.Sqrt(math.Max(v1, 0)),
			CumCompeting: g, StdErrCompeting: math.Sqrt(math.Max(v2, 0))}
		p.Lower, p.Upper = logBounds(f, p.StdErr, z)
		p.LowerCompeting, p.UpperCompeting = logBounds(g, p.StdErrCompeting, z)
		c.Points = append(c.Points, p)
		if s > 0 {
			leave := func(k float64, u0, u1, u2 float64) {
				if k == 0 {
					return
				}
				al := u0 / s
				b1, b2 := u1-al*f, u2-al*g
				sAA += k * al * al
				sAB1 += k * al * b1
				sB1B1 += k * b1 * b1
				sAB2 += k * al * b2
				sB2B2 += k * b2 * b2
			}
			leave(fd1, e0, e1, e2)
			leave(fd2, c0, c1, c2)
			leave(float64(cens), r0, r1, r2)
		}
		a0, a1, a2 = r0, r1, r2
		atRisk -= all
		start = end
	}
	return c
}

// logBounds is survfit's "log" interval for a probability p with standard
// error se: p·exp(∓z·se/p), the upper bound capped at 1; NaN for p = 0.
func logBounds(p, se, z float64) (lo, hi float64) {
	if !(p > 0) {
		return math.NaN(), math.NaN()
	}
	return math.Exp(math.Log(p) - z*se/p), math.Min(1, math.Exp(math.Log(p)+z*se/p))
}

// Cumulative returns the cumulative incidence of the event of interest as
// the points tresp reports: cum = F with its own bounds (no flipping, unlike
// Curve.Cumulative).
func (c CIF) Cumulative() []CumPoint {
	out := make([]CumPoint, len(c.Points))
	for i, p := range c.Points {
		out[i] = CumPoint{Time: p.Time, NRisk: p.NRisk, NEvent: p.NEvent, NCensor: p.NCensor, NCompeting: p.NCompeting,
			Cum: p.Cum, Low: p.Lower, High: p.Upper}
	}
	return out
}
