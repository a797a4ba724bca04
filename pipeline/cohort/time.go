package cohort

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/stats/surv"
)

// Reasons a course is not evaluable, read from the outcome phrases.
const (
	ReasonDeath   = "death"
	ReasonAdverse = "adverse effects"
	ReasonLost    = "lost to follow-up"
)

var reasonCues = []struct{ reason, cue string }{
	{ReasonDeath, "died"}, {ReasonDeath, "death"}, {ReasonDeath, "deceased"}, {ReasonDeath, "fatal"},
	{ReasonAdverse, "side effect"}, {ReasonAdverse, "adverse"}, {ReasonAdverse, "toxicit"}, {ReasonAdverse, "tolera"},
	{ReasonAdverse, "hypersensitivity"}, {ReasonAdverse, "allergic"},
	{ReasonLost, "lost to follow"}, {ReasonLost, "lost to followup"}, {ReasonLost, "loss to follow"}, {ReasonLost, "lost of follow"},
}

// EndReason returns why a course ended without an assessable response —
// death, adverse effects or lost to follow-up — from the outcome phrases
// the reader found (the first cue in reasonCues order wins, so a death
// after a toxicity is a death), or "" when none says so.
func EndReason(c *Course) string {
	for _, rc := range reasonCues {
		for _, p := range c.Outcome.Phrases {
			if p.Negated || p.Marker {
				continue
			}
			if strings.Contains(strings.ToLower(p.Matched), rc.cue) || strings.Contains(strings.ToLower(p.Phrase), rc.cue) {
				return rc.reason
			}
		}
	}
	return ""
}

// ongoingCues say a treatment continued at the last follow-up, in the
// treatment-duration cell ("6 months, ongoing", "continuing", "to date").
var ongoingCues = []string{"ongoing", "continuing", "continues", "to date", "still on", "till date", "until now"}

// Ongoing reports whether the treatment-duration cell says the treatment
// continued at the last follow-up.
func Ongoing(c *Course) bool {
	t := strings.ToLower(c.TreatDu.Text)
	for _, cue := range ongoingCues {
		if strings.Contains(t, cue) {
			return true
		}
	}
	return false
}

// Time-to-response estimators.
const (
	EstimatorAJ = "aalen-johansen"
	EstimatorKM = "kaplan-meier"
)

// timeToResponse builds the time-to-first-response input per drug —
// response at its time, death (before any response) as a competing event
// at the last follow-up, everyone else censored at the last follow-up —
// and estimates each drug's cumulative response with the configured
// estimator (Aalen–Johansen by default; 1 − Kaplan–Meier censors deaths).
// A drug whose responders have a known time less often than
// cfg.MinTimeKnown gets no estimate: dropping the responders without a time
// while keeping every non-responder would bias the curve towards 0, so its
// TimeCurve has no points and says why.
func (a *analyser) timeToResponse(n *Cohort) ([]TimeInput, []TimeCurve) {
	inputs, tallies := a.timeInputs(n)
	estimator := a.cfg.TimeEstimator
	if estimator == "" {
		estimator = EstimatorAJ
	}
	var curves []TimeCurve
	for i := 0; i < len(inputs); {
		j := i
		var t []float64
		var ev []bool
		var st []surv.Status
		for ; j < len(inputs) && inputs[j].Drug == inputs[i].Drug; j++ {
			in := inputs[j]
			t = append(t, in.Days)
			ev = append(ev, in.Event)
			switch {
			case in.Event:
				st = append(st, surv.Event)
			case in.Death:
				st = append(st, surv.Competing)
			default:
				st = append(st, surv.Censored)
			}
		}
		drug := inputs[i].Drug
		tl := tallies[drug]
		tc := TimeCurve{Drug: drug, Estimator: string(estimator), Responders: tl.responders, TimesKnown: tl.known}
		switch {
		case tl.responders > 0 && float64(tl.known) < a.cfg.MinTimeKnown*float64(tl.responders):
			tc.Omitted = fmt.Sprintf("time to response known for %d of %d responders, %.0f%%, below analysis.min_time_known = %.0f%%",
				tl.known, tl.responders, 100*float64(tl.known)/float64(tl.responders), 100*a.cfg.MinTimeKnown)
		case estimator == EstimatorKM:
			km := surv.KaplanMeier(t, ev, a.level)
			tc.Points, tc.Warnings = km.Cumulative(), km.Warnings
		default:
			aj := surv.AalenJohansen(t, st, a.level)
			tc.Points, tc.Warnings = aj.Cumulative(), aj.Warnings
		}
		if tc.Omitted == "" && tl.known < tl.responders {
			tc.Warnings = append(tc.Warnings, fmt.Sprintf("%d of %d responders without a time to response are left out of the curve",
				tl.responders-tl.known, tl.responders))
		}
		curves = append(curves, tc)
		i = j
	}
	// Drugs whose responders all lack a time and whose other courses lack a
	// follow-up have no input at all; they are named too.
	hasCurve := make(map[string]bool, len(curves))
	for _, c := range curves {
		hasCurve[c.Drug] = true
	}
	for _, g := range slices.Sorted(maps.Keys(tallies)) {
		if tl := tallies[g]; tl.responders > 0 && tl.known == 0 && !hasCurve[g] {
			curves = append(curves, TimeCurve{Drug: g, Estimator: string(estimator), Responders: tl.responders,
				Omitted: fmt.Sprintf("time to response known for 0 of %d responders", tl.responders)})
		}
	}
	sort.SliceStable(curves, func(i, j int) bool { return curves[i].Drug < curves[j].Drug })
	var omitted []string
	for _, c := range curves {
		if c.Omitted != "" {
			omitted = append(omitted, c.Drug)
		}
	}
	if len(omitted) > 0 {
		names := omitted
		if len(names) > 10 {
			names = append(names[:10:10], fmt.Sprintf("and %d more", len(omitted)-10))
		}
		a.warnf("time to response: no cumulative response for %d drugs whose time to response is known for fewer than %.0f%% of responders (analysis.min_time_known): %s",
			len(omitted), 100*a.cfg.MinTimeKnown, strings.Join(names, ", "))
	}
	return inputs, curves
}

// timeTally counts a drug's responders and those whose time to response
// is known.
type timeTally struct{ responders, known int }

// timeInputs returns the time-to-response input of every course, sorted by
// drug, study and case, and the tallies of each drug's responders.
func (a *analyser) timeInputs(n *Cohort) ([]TimeInput, map[string]*timeTally) {
	var inputs []TimeInput
	excluded, unclassified := 0, 0
	tallies := map[string]*timeTally{}
	for _, c := range n.Courses {
		g, ok := a.groupOf(c)
		if !ok || c.Outcome.NotAttributable {
			continue
		}
		if c.Unclassified() {
			unclassified++
			continue
		}
		tl := tallies[g]
		if tl == nil {
			tl = &timeTally{}
			tallies[g] = tl
		}
		cat := c.Category()
		resp := cat.AtLeast(a.threshold)
		if resp {
			tl.responders++
		}
		switch {
		case resp && !math.IsNaN(c.TimeToRsp.Days):
			tl.known++
			if !math.IsNaN(c.FollowUp.Days) && c.TimeToRsp.Days > c.FollowUp.Days {
				a.warnf("%s, case %s: time to response (%g days) is after the last follow-up (%g days): check the row", c.Study, c.CaseID, c.TimeToRsp.Days, c.FollowUp.Days)
			}
			inputs = append(inputs, TimeInput{Drug: g, Study: c.Study, CaseID: c.CaseID, Days: c.TimeToRsp.Days, Event: true})
		case !resp && !math.IsNaN(c.FollowUp.Days):
			died := EndReason(c) == ReasonDeath
			inputs = append(inputs, TimeInput{Drug: g, Study: c.Study, CaseID: c.CaseID, Days: c.FollowUp.Days, Death: died})
		default:
			excluded++
		}
	}
	if excluded > 0 {
		a.warnf("time to response: %d courses left out (time of response or of last follow-up not given)", excluded)
	}
	if unclassified > 0 {
		a.warnf("time to response: %d courses whose outcome was not read with confidence left out until decided in review.csv", unclassified)
	}
	sort.Slice(inputs, func(i, j int) bool {
		x, y := inputs[i], inputs[j]
		if x.Drug != y.Drug {
			return x.Drug < y.Drug
		}
		if x.Study != y.Study {
			return x.Study < y.Study
		}
		return x.CaseID < y.CaseID
	})
	return inputs, tallies
}
