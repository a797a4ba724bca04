package present

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/figure"
)

var figureOutcome = map[string]figure.Outcome{
	"complete": figure.Complete, "partial": figure.Partial, "minimal": figure.Minimal,
	"none": figure.NoResponse, "progression": figure.Progression, "not evaluable": figure.NotEvaluable,
	// "unclassified" is left out: an unclassified outcome is not shown as
	// not evaluable, nor as anything else, until decided in review.csv.
}

func categoryOutcome(c vocab.Category) (figure.Outcome, bool) {
	o, ok := figureOutcome[c.String()]
	return o, ok && c != vocab.CategoryUnknown
}

// figures builds every figure of the run from the analysis: the forest
// plot, the outcome bars, the swimmer plot, the cumulative response and
// the dose–response plots, each left out when it would be empty.
func (pr *presenter) figures() []Figure {
	a := pr.a
	nStudies, nPatients := pr.v.Studies, pr.v.Patients
	var figs []Figure
	// Forest: per drug in the pooling population, metafor-style: a drug
	// that is pooled gets a heading, its study rows with weights, the
	// pooled diamond with its prediction interval and a heterogeneity line;
	// a drug from one study is one row.
	forest, fnotes := forestFigure(a, pr.opt)
	forest.Studies = nStudies
	forest.Notes = fnotes
	if len(forest.Rows) > 0 {
		figs = append(figs, Figure{"forest_by_drug", forest.Title, forest})
	}
	figs = append(figs, pr.outcomeBars("Outcome by drug", "drug", a.OutcomesByDrug, nPatients, nStudies)...)
	if pr.opt.DiseaseGroups {
		figs = append(figs, pr.outcomeBars("Outcome by disease group", "disease", a.OutcomesByDiseaseGroup, nPatients, nStudies)...)
	} else {
		figs = append(figs, pr.outcomeBars("Outcome by disease", "disease", a.OutcomesByDisease, nPatients, nStudies)...)
	}
	figs = append(figs, pr.swimmer(nStudies)...)
	figs = append(figs, pr.cumulativeResponse(nStudies)...)
	return append(figs, pr.doseResponse(nStudies)...)
}

// daysPerMonth turns days into the months of the time axes.
const daysPerMonth = cohort.DaysPerMonth

// outcomeBars is the outcome-bar chart of tallies (per drug or per
// disease), when some group has a classified outcome.
func (pr *presenter) outcomeBars(title, by string, tallies map[string]map[string]int, nPatients, nStudies int) []Figure {
	a := pr.a
	var figs []Figure
	keys := make([]string, 0, len(tallies))
	for k := range tallies {
		keys = append(keys, k)
	}
	// name order as a reader expects it: "alopecia" before "BK virus"
	byName := func(ks []string) {
		sort.Slice(ks, func(i, j int) bool {
			a, b := strings.ToLower(ks[i]), strings.ToLower(ks[j])
			if a != b {
				return a < b
			}
			return ks[i] < ks[j]
		})
	}
	byName(keys)
	if len(keys) > MaxBarGroups {
		// the MaxBarGroups groups with the most patients, in name order
		n := func(k string) int {
			s := 0
			for _, c := range tallies[k] {
				s += c
			}
			return s
		}
		byN := slices.Clone(keys)
		sort.SliceStable(byN, func(i, j int) bool { return n(byN[i]) > n(byN[j]) })
		title += fmt.Sprintf(" (the %d %ss with the most patients of %s; all are in tables/response_rates.csv)", MaxBarGroups, by, numtext.Count(len(keys)))
		keys = byN[:MaxBarGroups]
		byName(keys)
	}
	ob := figure.OutcomeBars{Title: title, GroupBy: by, Patients: nPatients, Studies: nStudies,
		OutcomeDef: "responder = " + a.Responder + " response or better"}
	for _, k := range keys {
		g := figure.OutcomeGroup{Label: k}
		for cat, n := range tallies[k] {
			if o, ok := figureOutcome[cat]; ok {
				g.Counts[o] += n
			}
		}
		ob.Groups = append(ob.Groups, g)
	}
	drawn := false
	for _, g := range ob.Groups {
		for _, c := range g.Counts {
			drawn = drawn || c > 0
		}
	}
	if drawn { // a group without a classified outcome is named in the caption, not drawn
		figs = append(figs, Figure{"outcomes_by_" + by, title, ob})
	}
	return figs
}

// swimmer is the swimmer plot: one lane per patient with a known time on
// treatment or follow-up, the cohort.SwimmerMaxLanes longest
// (cohort.SwimmerLanes); the title says of how many when there are more.
func (pr *presenter) swimmer(nStudies int) []Figure {
	var figs []Figure
	// A bar for the time on treatment, a thin line to the last follow-up,
	// the first response at its time, the best response, a relapse, death
	// or stop for adverse effects at the lane end, and a cross for loss to
	// follow-up (Lane.EndReason says why a course ended).
	sl := pr.v.Swimmer
	sw := figure.Swimmer{Title: "Time on treatment, follow-up and response per patient", Unit: "months", SortByDuration: true,
		MaxLanes: cohort.SwimmerMaxLanes, Studies: nStudies}
	if sl.Total > len(sl.Lanes) {
		sw.Title += fmt.Sprintf(" (the %d patients with the longest lanes of %s)", len(sl.Lanes), numtext.Count(sl.Total))
		sw.Patients, sw.Total = sl.Total, sl.Total
	}
	for _, c := range sl.Lanes {
		dur, fu := c.Duration, c.FollowUp
		lane := figure.Lane{Study: c.Study, Case: c.CaseID, Regimen: c.Regimen,
			Duration: dur / daysPerMonth, FollowUp: fu / daysPerMonth, Ongoing: c.Ongoing}
		if math.IsNaN(fu) {
			lane.FollowUp = 0
		}
		end := lane.Duration
		if math.IsNaN(end) || lane.FollowUp > end {
			end = lane.FollowUp
		}
		cat := c.Category
		if !math.IsNaN(c.TimeToResponse) && cat.AtLeast(vocab.Minimal) {
			lane.Events = append(lane.Events, figure.LaneEvent{Time: c.TimeToResponse / daysPerMonth, Kind: figure.EventResponse})
		}
		switch cat {
		case vocab.Complete:
			lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventComplete})
		case vocab.Partial:
			lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventPartial})
		case vocab.Progression:
			lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventProgression})
		case vocab.NotEvaluable:
			switch c.EndReason {
			case cohort.ReasonDeath:
				lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventDeath})
			case cohort.ReasonAdverse:
				t := end
				if !math.IsNaN(lane.Duration) {
					t = lane.Duration
				}
				lane.Events = append(lane.Events, figure.LaneEvent{Time: t, Kind: figure.EventAdverse})
			default:
				lane.LostToFollowUp = true
			}
		}
		sw.Lanes = append(sw.Lanes, lane)
	}
	if len(sw.Lanes) > 0 {
		figs = append(figs, Figure{"swimmer", sw.Title, sw})
	}
	return figs
}

// cumulativeResponse is the cumulative-response plot, when some curve
// leaves zero.
func (pr *presenter) cumulativeResponse(nStudies int) []Figure {
	a := pr.a
	var figs []Figure
	// Cumulative response.
	cr := figure.CumResponse{Title: "Cumulative response", Unit: "months", Level: a.Level, Studies: nStudies}
	if pr.opt.TimeEstimator == cohort.EstimatorKM {
		cr.Estimator = figure.KaplanMeier
		cr.Method = "log transformation, Greenwood variance: the survival::survfit default"
	} else {
		cr.Estimator = figure.AalenJohansen
		cr.Method = "log transformation, infinitesimal-jackknife standard errors: the survival::survfit multi-state default"
	}
	last := 0.0
	drawn := map[string]int{} // drugs with a curve, and their patients
	omitted := 0
	for _, c := range a.TimeCurves {
		if c.Omitted == "" && len(c.Points) > 0 {
			drawn[c.Drug] = c.Inputs
		}
	}
	keep := topByCount(drawn, MaxCurves)
	if keep != nil {
		cr.Title += fmt.Sprintf(" (the %d drugs with the most patients of %s; all are in tables/time_to_response.csv)", MaxCurves, numtext.Count(len(drawn)))
	}
	for _, c := range a.TimeCurves {
		if c.Omitted != "" || len(c.Points) == 0 {
			if c.Omitted != "" {
				if omitted++; omitted <= MaxOmittedNames {
					cr.Omitted = append(cr.Omitted, figure.CumOmitted{Label: c.Drug, Reason: c.Omitted})
				}
			}
			continue
		}
		if keep != nil && !keep[c.Drug] {
			continue
		}
		cc := figure.CumCurve{Label: c.Drug}
		for _, p := range c.Points {
			cc.Steps = append(cc.Steps, figure.CumStep{Time: p.Time / daysPerMonth, Est: p.Cum, Low: p.Low, High: p.High})
		}
		for _, t := range c.Times {
			m := t.Days / daysPerMonth
			for range t.Events + t.Deaths + t.Censored {
				cc.FollowUp = append(cc.FollowUp, m)
			}
			last = math.Max(last, m)
			for range t.Censored {
				cc.Censored = append(cc.Censored, m)
			}
		}
		cr.Curves = append(cr.Curves, cc)
	}
	if omitted > MaxOmittedNames {
		cr.Omitted = append(cr.Omitted, figure.CumOmitted{Label: fmt.Sprintf("and %d more drugs", omitted-MaxOmittedNames),
			Reason: "tables/time_to_response.csv lists them"})
	}
	// A figure whose every curve stays at zero (the drugs drawn had no
	// response, and those with responses lack their times) is an empty
	// panel that reads as "nobody responds": it is not drawn.
	if anyRise(cr.Curves) {
		cr.MaxTime = axisCeil(last)
		figs = append(figs, Figure{"cumulative_response", cr.Title, cr})
	}
	return figs
}

// doseResponse is the dose–response plots: mg/day and mg/kg/day, from
// cohort.DoseView (at most cohort.DoseMaxDrugs drugs per figure and
// cohort.DoseSample points per drug, implausible doses left out).
func (pr *presenter) doseResponse(nStudies int) []Figure {
	var figs []Figure
	// Dose–response: courses in mg/day on one figure, weight-based courses (no body
	// weight given) on a figure of their own with a mg/kg axis; courses in other units
	// and implausible doses are named in the captions as left out, never dropped silently.
	dv := pr.v.Dose
	courses := map[string]int{}
	for _, du := range dv.Units {
		courses[du.Unit] = du.Courses
	}
	var others []string
	for u, n := range dv.Other {
		others = append(others, fmt.Sprintf("%s dosed in %s", plural(n, "course", "courses"), u))
	}
	sort.Strings(others)
	if dv.Implausible > 0 {
		others = append(others, fmt.Sprintf("%s whose daily dose is above the plausible maximum of the drug (dose-implausible warnings)",
			plural(dv.Implausible, "course", "courses")))
	}
	leftOut := func(du cohort.DoseUnit) string {
		drawnElsewhere := "mg/day"
		if du.Unit == "mg/day" {
			drawnElsewhere = "mg/kg/day"
		}
		l := others
		if n := courses[drawnElsewhere]; n > 0 {
			where := "the mg/kg figure"
			if drawnElsewhere == "mg/day" {
				where = "the mg/day figure"
			}
			l = append([]string{fmt.Sprintf("%s dosed in %s (in %s)", plural(n, "course", "courses"), drawnElsewhere, where)}, l...)
		}
		var sampled []string
		for _, d := range du.Shown {
			if d.Sampled() {
				sampled = append(sampled, fmt.Sprintf("%s (N = %s)", d.Drug, numtext.Count(d.Courses)))
			}
		}
		if len(sampled) > 0 {
			l = append(slices.Clone(l), fmt.Sprintf("the courses outside a deterministic sample of %d of N courses per drug (chosen by a hash of study, case and drug, whatever the row order) for %s",
				cohort.DoseSample, strings.Join(sampled, ", ")))
		}
		return strings.Join(l, "; ")
	}
	var doses []Figure
	for _, du := range dv.Units {
		dr := figure.DoseResponse{Title: "Maximum daily dose and outcome", DoseLabel: "Maximum daily dose (mg/day)", Studies: nStudies, LeftOut: leftOut(du)}
		name := "dose_response"
		if du.Unit == "mg/kg/day" {
			dr.Title, dr.DoseLabel, name = "Maximum daily dose per kg and outcome", "Maximum daily dose (mg/kg/day)", "dose_response_per_kg"
		}
		if len(du.Shown) < du.Drugs {
			dr.Title += fmt.Sprintf(" (the %d drugs with the most patients of %s)", len(du.Shown), numtext.Count(du.Drugs))
		}
		for _, p := range du.Points {
			o, _ := categoryOutcome(p.Outcome)
			dr.Points = append(dr.Points, figure.DosePoint{ID: p.Study + "/" + p.CaseID + "/" + p.Drug, Drug: p.Drug, Dose: p.Dose, Outcome: o})
		}
		// One panel per drug when one panel would hold more markers than
		// a reader can tell apart.
		dr.Panels = len(dr.Points) > MaxDoseMarkers
		doses = append(doses, Figure{name, dr.Title, dr})
	}
	// One drug, one colour and marker in both dose figures: styles by the
	// sorted names of the drugs drawn in either. Doses spanning two decades
	// or more go on a log axis.
	var order []string
	for _, du := range dv.Units {
		for _, d := range du.Shown {
			order = append(order, d.Drug)
		}
	}
	slices.Sort(order)
	order = slices.Compact(order)
	for _, nf := range doses {
		dr := nf.Fig.(figure.DoseResponse)
		dr.StyleOrder = order
		dr.LogDose = wideDoses(dr.Points)
		nf.Fig = dr
		figs = append(figs, nf)
	}
	return figs
}

// niceCeil rounds x up to 1, 2, 2.5 or 5 times a power of ten.
// wideDoses reports whether doses span two decades or more (all > 0): on a
// linear axis most points would then crowd at zero.
func wideDoses(ps []figure.DosePoint) bool {
	lo, hi := math.Inf(1), 0.0
	for _, p := range ps {
		if !(p.Dose > 0) {
			return false
		}
		lo, hi = math.Min(lo, p.Dose), math.Max(hi, p.Dose)
	}
	return hi >= 100*lo
}

// anyRise reports whether some curve leaves zero.
func anyRise(cs []figure.CumCurve) bool {
	for _, c := range cs {
		for _, st := range c.Steps {
			if st.Est > 0 {
				return true
			}
		}
	}
	return false
}

// axisCeil is the end of a time axis from 0 holding x: the first multiple
// of a 1-2-2.5-5 tick step (about five ticks) at or above x, so that the
// axis ends at its last tick with little empty room (58 → 60, not 100).
func axisCeil(x float64) float64 {
	step := niceCeil(x / 5)
	if step == 0 {
		return 0
	}
	return step * math.Ceil(x/step-1e-9)
}

func niceCeil(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}
