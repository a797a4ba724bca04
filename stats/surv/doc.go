// Package surv owns tresp's time-to-event estimates: the Kaplan–Meier curve
// and the Aalen–Johansen cumulative incidence of time to response, with
// pointwise confidence intervals.
//
// AalenJohansen is tresp's default for time to first response: death
// before response is a competing event, not a censoring, because a patient
// who died can no longer respond; 1 − Kaplan–Meier would treat them as
// still able to respond and overstate the cumulative response. It
// reproduces survival::survfit(Surv(time, state) ~ 1) for a factor state
// (multi-state fit, survival 3.5-3): infinitesimal-jackknife standard
// errors and the "log" interval F·exp(±z·se/F), upper bound capped at 1.
//
// KaplanMeier reproduces R's survival::survfit(Surv(time, status) ~ 1) with
// its defaults (survival 3.5-3): the product-limit estimate, the Greenwood
// variance of −log S, and the "log" interval S·exp(±z·se) with the upper
// bound capped at 1. The curve has one point per distinct time, censor-only
// times included, and subjects censored at an event time count as at risk
// at that time (censoring is taken to happen just after the events), as
// survfit does. Where S reaches 0 the standard error is +Inf and the bounds
// are NaN (survfit's NA). tresp reports time to response as a cumulative
// response 1 − S; Curve.Cumulative gives it with the interval flipped
// (low = 1 − upper, high = 1 − lower), which keeps the log-interval's
// coverage instead of building a new interval on the 1 − S scale.
//
// Times must be finite and non-negative and the two slices equally long:
// anything else is a caller bug and panics with a "surv:" prefix.
package surv
