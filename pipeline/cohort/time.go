package cohort

import (
	"cmp"
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
	var lower []string // each phrase's matched and written forms, lower-cased once
	for _, p := range c.Outcome.Phrases {
		if !p.Negated && !p.Marker {
			lower = append(lower, strings.ToLower(p.Matched), strings.ToLower(p.Phrase))
		}
	}
	for _, rc := range reasonCues {
		for _, l := range lower {
			if strings.Contains(l, rc.cue) {
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

// MaxLateNamed is the most courses the warning about a time to response
// after the last follow-up names; it counts them all.
const MaxLateNamed = 5

// timeKey is one distinct (time, status) of a drug's time-to-response
// input.
type timeKey struct {
	days   float64
	status surv.Status
}

// timeTally counts a drug's responders and those whose time to response
// is known.
type timeTally struct{ responders, known int }

// timeFold folds courses into the time-to-response input: per drug, the
// histogram of (time, status) and the tallies; the input rows themselves up
// to max (0: all), the rest counted.
type timeFold struct {
	a       *analyser
	max     int
	inputs  []TimeInput
	dropped int
	hist    map[string]map[timeKey]int
	tallies map[string]*timeTally
	// excluded and unclassified count the courses left out; late those
	// whose time to response is after the last follow-up, and lateNamed
	// the first MaxLateNamed of them.
	excluded, unclassified, late int
	lateNamed                    []string
}

func newTimeFold(a *analyser, max int) *timeFold {
	return &timeFold{a: a, max: max, hist: map[string]map[timeKey]int{}, tallies: map[string]*timeTally{}}
}

// add folds one course: a response at its time, death (before any
// response) as a competing event at the last follow-up, everyone else
// censored at the last follow-up.
func (f *timeFold) add(c *Course) {
	g, ok := f.a.groupOf(c)
	if !ok || c.Outcome.NotAttributable {
		return
	}
	if c.Unclassified() {
		f.unclassified++
		return
	}
	tl := f.tallies[g]
	if tl == nil {
		tl = &timeTally{}
		f.tallies[strings.Clone(g)] = tl // a key cut from its input line would keep the line
	}
	resp := c.Category().AtLeast(f.a.threshold)
	if resp {
		tl.responders++
	}
	in := TimeInput{Drug: g, Study: c.Study, CaseID: c.CaseID}
	switch {
	case resp && !math.IsNaN(c.TimeToRsp.Days):
		tl.known++
		if !math.IsNaN(c.FollowUp.Days) && c.TimeToRsp.Days > c.FollowUp.Days {
			if f.late++; f.late <= MaxLateNamed {
				f.lateNamed = append(f.lateNamed, fmt.Sprintf("%s, case %s: %g > %g days", c.Study, c.CaseID, c.TimeToRsp.Days, c.FollowUp.Days))
			}
		}
		in.Days, in.Event = c.TimeToRsp.Days, true
	case !resp && !math.IsNaN(c.FollowUp.Days):
		in.Days, in.Death = c.FollowUp.Days, EndReason(c) == ReasonDeath
	default:
		f.excluded++
		return
	}
	h := f.hist[g]
	if h == nil {
		h = map[timeKey]int{}
		f.hist[strings.Clone(g)] = h
	}
	st := surv.Censored
	switch {
	case in.Event:
		st = surv.Event
	case in.Death:
		st = surv.Competing
	}
	h[timeKey{in.Days, st}]++
	if f.max > 0 && len(f.inputs) >= f.max {
		f.dropped++
		return
	}
	in.Drug, in.Study, in.CaseID = strings.Clone(in.Drug), strings.Clone(in.Study), strings.Clone(in.CaseID)
	f.inputs = append(f.inputs, in)
}

// timeToResponse estimates each drug's cumulative response from the
// histograms of f with the configured estimator (Aalen–Johansen by
// default; 1 − Kaplan–Meier censors deaths), and returns the input rows
// kept, sorted by drug, study and case. A drug whose responders have a
// known time less often than cfg.MinTimeKnown gets no estimate: dropping
// the responders without a time while keeping every non-responder would
// bias the curve towards 0, so its TimeCurve has no points and says why.
func (a *analyser) timeToResponse(f *timeFold) ([]TimeInput, []TimeCurve) {
	inputs := f.sortedInputs()
	estimator := a.cfg.TimeEstimator
	if estimator == "" {
		estimator = EstimatorAJ
	}
	var curves []TimeCurve
	for _, drug := range slices.Sorted(maps.Keys(f.hist)) {
		tc := a.timeCurve(drug, f.hist[drug], f.tallies[drug], string(estimator))
		curves = append(curves, tc)
	}
	// Drugs whose responders all lack a time and whose other courses lack a
	// follow-up have no input at all; they are named too.
	for _, g := range slices.Sorted(maps.Keys(f.tallies)) {
		if tl := f.tallies[g]; tl.responders > 0 && tl.known == 0 && f.hist[g] == nil {
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

// timeCurve estimates the cumulative response of one drug from the
// histogram of its input.
func (a *analyser) timeCurve(drug string, h map[timeKey]int, tl *timeTally, estimator string) TimeCurve {
	keys := slices.SortedFunc(maps.Keys(h), func(x, y timeKey) int {
		if x.days != y.days {
			return cmp.Compare(x.days, y.days)
		}
		return cmp.Compare(x.status, y.status)
	})
	tc := TimeCurve{Drug: drug, Estimator: estimator, Responders: tl.responders, TimesKnown: tl.known}
	t, st, ev, w := make([]float64, len(keys)), make([]surv.Status, len(keys)), make([]bool, len(keys)), make([]int, len(keys))
	for i, k := range keys {
		t[i], st[i], ev[i], w[i] = k.days, k.status, k.status == surv.Event, h[k]
		tc.Inputs += w[i]
		if n := len(tc.Times); n == 0 || tc.Times[n-1].Days != k.days {
			tc.Times = append(tc.Times, TimeCount{Days: k.days})
		}
		tcnt := &tc.Times[len(tc.Times)-1]
		switch k.status {
		case surv.Event:
			tcnt.Events += w[i]
		case surv.Competing:
			tcnt.Deaths += w[i]
		default:
			tcnt.Censored += w[i]
		}
	}
	switch {
	case tl.responders > 0 && float64(tl.known) < a.cfg.MinTimeKnown*float64(tl.responders):
		tc.Omitted = fmt.Sprintf("time to response known for %d of %d responders, %.0f%%, below analysis.min_time_known = %.0f%%",
			tl.known, tl.responders, 100*float64(tl.known)/float64(tl.responders), 100*a.cfg.MinTimeKnown)
	case estimator == EstimatorKM:
		km := surv.KaplanMeierWeighted(t, ev, w, a.level)
		tc.Points, tc.Warnings = km.Cumulative(), km.Warnings
	default:
		aj := surv.AalenJohansenWeighted(t, st, w, a.level)
		tc.Points, tc.Warnings = aj.Cumulative(), aj.Warnings
	}
	if tc.Omitted == "" && tl.known < tl.responders {
		tc.Warnings = append(tc.Warnings, fmt.Sprintf("%d of %d responders without a time to response are left out of the curve",
			tl.responders-tl.known, tl.responders))
	}
	return tc
}

// warnings adds the warnings of the fold, in the order of the courses'
// checks: late times, courses without times, unclassified outcomes, input
// rows past the cap.
func (f *timeFold) warnings(a *analyser) {
	if f.late > 0 {
		more := ""
		if f.late > len(f.lateNamed) {
			more = fmt.Sprintf("; and %d more", f.late-len(f.lateNamed))
		}
		a.warnf("time to response: %d courses have a time to response after the last follow-up: check the rows (%s%s)",
			f.late, strings.Join(f.lateNamed, "; "), more)
	}
	if f.excluded > 0 {
		a.warnf("time to response: %d courses left out (time of response or of last follow-up not given)", f.excluded)
	}
	if f.unclassified > 0 {
		a.warnf("time to response: %d courses whose outcome was not read with confidence left out until decided in review.csv", f.unclassified)
	}
	if f.dropped > 0 {
		a.warnf("time to response: tables/time_to_response_input.csv lists the first %d input rows of %d (the streaming run keeps at most %d); the curves use every row",
			len(f.inputs), len(f.inputs)+f.dropped, f.max)
	}
}

// sortedInputs returns the input rows kept, sorted by drug, study and case
// (a copy: the fold keeps them in course order).
func (f *timeFold) sortedInputs() []TimeInput {
	inputs := slices.Clone(f.inputs)
	sort.SliceStable(inputs, func(i, j int) bool { // a patient's courses keep their order
		x, y := inputs[i], inputs[j]
		if x.Drug != y.Drug {
			return x.Drug < y.Drug
		}
		if x.Study != y.Study {
			return x.Study < y.Study
		}
		return x.CaseID < y.CaseID
	})
	return inputs
}
