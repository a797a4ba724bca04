package pipeline

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/reports/figure"
	"github.com/tresp/tresp/reports/html"
	"github.com/tresp/tresp/reports/table"
	"github.com/tresp/tresp/stats"
	"github.com/tresp/tresp/stats/meta"
)

// testHookFigureWritten, when set by a test, runs after each figure file
// is written: the kill test uses it to end the process mid-render.
var testHookFigureWritten func()

// namedFigure is a figure with its output base name.
type namedFigure struct {
	name  string
	title string
	fig   figure.Figure
}

var (
	yearRE    = regexp.MustCompile(`\b(19|20)\d{2}\b`)
	etAlRE    = regexp.MustCompile(`(?i)\bet\s+al\b`)
	surnameRE = regexp.MustCompile(`^[\p{L}][\p{L}'’\-]*(\s+(van|von|de|der|den|da|del|di|le|la|du)\s+[\p{L}][\p{L}'’\-]*)?`)
)

// shortStudy turns a citation into the "First author et al. year" label of
// a forest plot: the first author's surname, "et al." when the citation
// names more than one author (a comma or "and" before the title, or "et
// al." written out), and the last four-digit year; parts it cannot find
// are left out, never invented. A short name that is no citation (no year,
// one author, no comma or full stop: "Study 5", "Cohort B") is kept whole,
// so that such studies stay apart in the figures.
func shortStudy(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 30 && !yearRE.MatchString(s) && !etAlRE.MatchString(s) &&
		!strings.ContainsAny(s, ",;.&") && !strings.Contains(" "+s+" ", " and ") {
		return s
	}
	name := surnameRE.FindString(s)
	if name == "" {
		if i := strings.IndexAny(s, " ,;."); i > 0 {
			name = s[:i]
		} else {
			name = s
		}
	}
	rest := strings.TrimSpace(s[len(name):])
	authors := rest
	if i := strings.Index(authors, ". "); i >= 0 {
		authors = authors[:i] // the author list ends at the first ". "
	}
	many := etAlRE.MatchString(s)
	if !many {
		// "Rao A, Smith B" or "Rao and Smith": another author before the title.
		a := strings.TrimLeft(authors, " ")
		if i := strings.IndexAny(a, ",;&"); i >= 0 && i < len(a)-1 {
			next := strings.TrimSpace(a[i+1:])
			many = next != "" && !yearRE.MatchString(next[:min(len(next), 4)])
		}
		many = many || strings.Contains(" "+a+" ", " and ")
	}
	out := name
	if many {
		out += " et al."
	}
	if ys := yearRE.FindAllString(s, -1); len(ys) > 0 {
		out += " " + ys[len(ys)-1]
	}
	return out
}

// forestFigure builds the forest plot of response by drug in the pooling
// population, with the notes for its caption: drugs beyond maxDrugs (the
// largest by n are kept), studies with no patients in the population
// (0/0, left out), and the study rows of a very large drug beyond
// forestMaxStudies (the largest kept).
func forestFigure(a *Analysis, cfg AnalysisConfig, maxDrugs int) (figure.Forest, []string) {
	pop := a.PoolPopulation
	if pop == "" {
		pop = PopEvaluable
	}
	popName := map[string]string{PopEvaluable: "evaluable patients", PopITT: "intention to treat"}[pop]
	forest := figure.Forest{Title: "Response rate by drug (" + popName + ")", Sort: figure.SortName,
		Method: ciMethodLabel(a.CIMethod), Level: a.Level, Pooling: poolingLabel(cfg),
		Population: popNote(pop), Weights: "inverse-variance weights of the random-effects model on the logit scale, with escalc's variances"}
	pooled := map[string]PooledRow{}
	for _, p := range a.Pooled {
		pooled[p.Drug] = p
	}
	hetero := map[string]PooledRow{} // the logit REML fit carries Q and I²
	for _, p := range a.Sensitivity {
		if p.Method == "REML" && p.Transform == "logit" {
			hetero[p.Drug] = p
		}
	}
	byDrugStudies := map[string][]StudyRow{}
	for _, s := range a.StudyCounts {
		byDrugStudies[s.Drug] = append(byDrugStudies[s.Drug], s)
	}
	var rates []RateRow
	for _, r := range a.Rates {
		if r.Drug == "" && r.Disease == "" && r.Population == PopITT {
			forest.Patients = r.N + r.Unclassified
		}
		if r.Drug != "" && r.Disease == "" && r.Population == pop {
			rates = append(rates, r)
		}
	}
	var notes []string
	if len(rates) > maxDrugs {
		sort.SliceStable(rates, func(i, j int) bool { return rates[i].N > rates[j].N })
		notes = append(notes, fmt.Sprintf("Shown are the %d drugs with the most patients of %d (figures.forest_max_drugs); every drug is in table 2.", maxDrugs, len(rates)))
		rates = rates[:maxDrugs]
	}
	// Study rows per pooled drug: at most forestMaxStudies, fewer when many
	// drugs are pooled, so that the plot stays under figure.MaxHeightMM.
	nPooled := 0
	for _, r := range rates {
		if _, ok := pooled[r.Drug]; ok {
			nPooled++
		}
	}
	maxStudies := forestMaxStudies
	if nPooled > 0 {
		maxStudies = max(2, min(forestMaxStudies, (forestMaxRows-3*len(rates))/nPooled))
	}
	zero := 0
	var zeroDrugs, noEst []string
	noEstMethod := ""
	for _, r := range rates {
		p, ok := pooled[r.Drug]
		if !ok {
			if r.N == 0 {
				zero++
				zeroDrugs = append(zeroDrugs, r.Drug)
				continue
			}
			forest.Rows = append(forest.Rows, figure.ForestRow{Label: r.Drug, Events: r.Responders, N: r.N, Estimate: r.Rate, Low: r.Low, High: r.High})
			continue
		}
		forest.Rows = append(forest.Rows, figure.ForestRow{Label: r.Drug, Heading: true})
		var ss []StudyRow
		for _, s := range byDrugStudies[r.Drug] {
			if s.N == 0 {
				zero++
				continue
			}
			ss = append(ss, s)
		}
		// Weights 1/(vᵢ + τ²) on the logit scale, in percent.
		w := make([]float64, len(ss))
		sum := 0.0
		tau2 := p.Tau2
		if math.IsNaN(tau2) {
			tau2 = 0
		}
		for i, s := range ss {
			_, v := meta.EffectSize(meta.Study{Events: s.Events, N: s.N}, meta.Logit)
			w[i] = 1 / (v + tau2)
			sum += w[i]
		}
		idx := make([]int, len(ss))
		for i := range idx {
			idx[i] = i
		}
		if len(ss) > maxStudies {
			sort.SliceStable(idx, func(i, j int) bool { return ss[idx[i]].N > ss[idx[j]].N })
			idx = idx[:maxStudies]
			sort.Ints(idx)
		}
		for _, i := range idx {
			s := ss[i]
			iv := stats.BinomialCI(s.Events, s.N, a.Level, mustCIMethod(a.CIMethod))
			forest.Rows = append(forest.Rows, figure.ForestRow{Label: shortStudy(s.Study), Events: s.Events, N: s.N,
				Estimate: iv.Estimate, Low: iv.Low, High: iv.High, Study: true, Weight: 100 * w[i] / sum})
		}
		moreNote := ""
		if more := len(ss) - len(idx); more > 0 {
			n, x := 0, 0
			for _, i := range idx {
				n += ss[i].N
				x += ss[i].Events
			}
			moreNote = fmt.Sprintf("%s not shown (%d/%d responded). ", plural(more, "smaller study", "smaller studies"), p.Events-x, p.N-n)
		}
		if math.IsNaN(p.Estimate) && p.N > 0 {
			noEst = append(noEst, r.Drug)
			noEstMethod = p.Method
		}
		forest.Rows = append(forest.Rows, figure.ForestRow{Label: "Pooled (" + p.Method + ")", Events: p.Events, N: p.N,
			Estimate: p.Estimate, Low: p.Low, High: p.High, Pooled: true, Study: true, PredLow: p.PredLow, PredHigh: p.PredHigh})
		if h, ok := hetero[r.Drug]; ok && !math.IsNaN(h.Q) {
			t2 := p.Tau2
			if math.IsNaN(t2) {
				t2 = h.Tau2
			}
			forest.Rows = append(forest.Rows, figure.ForestRow{Label: moreNote + fmt.Sprintf("τ² = %.2f; I² = %.0f%%; Q = %.2f, df = %d, p = %s",
				t2, h.I2, h.Q, h.K-1, pValue(h.QP)), Study: true, Note: true})
		} else if moreNote != "" {
			forest.Rows = append(forest.Rows, figure.ForestRow{Label: strings.TrimSpace(moreNote), Study: true, Note: true})
		}
	}
	if zero > 0 {
		what := fmt.Sprintf("%d drugs or studies", zero)
		if zero == len(zeroDrugs) && zero <= 10 {
			what = strings.Join(zeroDrugs, ", ")
		}
		notes = append(notes, fmt.Sprintf("Left out as 0/0 (no patient in the population): %s.", what))
	}
	if len(noEst) > 0 {
		notes = append(notes, fmt.Sprintf("No pooled estimate (%s) for %s: the model has no finite estimate when every study has 0 or all responders; table 4 gives the pooled count with its exact interval.",
			noEstMethod, strings.Join(noEst, ", ")))
	}
	return forest, notes
}

// forestMaxStudies caps the study rows of one drug in the forest plot, and
// forestMaxRows the rows the study caps aim at in all.
const (
	forestMaxStudies = 25
	forestMaxRows    = 150
)

// pValue formats a p-value as in metafor: "< 0.001" below it, else 3
// decimals (2 above 0.1).
func pValue(p float64) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.001:
		return "< 0.001"
	case p < 0.1:
		return fmt.Sprintf("%.3f", p)
	}
	return fmt.Sprintf("%.2f", p)
}

func ciMethodLabel(m string) string {
	switch m {
	case "clopper-pearson":
		return "Clopper–Pearson exact"
	case "wilson":
		return "Wilson score"
	case "jeffreys":
		return "Jeffreys"
	}
	return m
}

func poolingLabel(cfg AnalysisConfig) string {
	switch cfg.Pooling {
	case "glmm":
		return fmt.Sprintf("binomial–normal random-intercept GLMM, maximum likelihood, %d-node adaptive Gauss–Hermite quadrature, logit scale", cfg.Nodes)
	case "reml":
		return "inverse-variance random effects, REML, " + cfg.Transform + " scale"
	}
	return "inverse-variance random effects, DerSimonian–Laird, " + cfg.Transform + " scale"
}

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

// figures builds every figure of the run from the analysis.
func (st *state) figures() []namedFigure {
	a, cfg := st.analysis, st.cfg.Analysis
	studies := map[string]bool{}
	patients := map[[2]string]bool{}
	for _, c := range st.norm.Courses {
		studies[c.Study] = true
		patients[[2]string{c.Study, c.CaseID}] = true
	}
	for _, s := range st.norm.Studies {
		studies[s.Study] = true
	}
	nStudies := len(studies)
	var figs []namedFigure

	// Forest: per drug in the pooling population, metafor-style: a drug
	// that is pooled gets a heading, its study rows with weights, the
	// pooled diamond with its prediction interval and a heterogeneity line;
	// a drug from one study is one row.
	forest, fnotes := forestFigure(a, cfg, st.cfg.Figures.ForestMaxDrugs)
	forest.Studies = nStudies
	forest.Notes = fnotes
	if len(forest.Rows) > 0 {
		figs = append(figs, namedFigure{"forest_by_drug", forest.Title, forest})
	}

	// Outcome bars by drug and by disease.
	bars := func(title, by string, tallies map[string]map[string]int) {
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
		if len(keys) > maxBarGroups {
			// the maxBarGroups groups with the most patients, in name order
			n := func(k string) int {
				s := 0
				for _, c := range tallies[k] {
					s += c
				}
				return s
			}
			byN := slices.Clone(keys)
			sort.SliceStable(byN, func(i, j int) bool { return n(byN[i]) > n(byN[j]) })
			title += fmt.Sprintf(" (the %d %ss with the most patients of %d; all are in tables/response_rates.csv)", maxBarGroups, by, len(keys))
			keys = byN[:maxBarGroups]
			byName(keys)
		}
		ob := figure.OutcomeBars{Title: title, GroupBy: by, Patients: len(patients), Studies: nStudies,
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
			figs = append(figs, namedFigure{"outcomes_by_" + by, title, ob})
		}
	}
	bars("Outcome by drug", "drug", a.OutcomesByDrug)
	if cfg.DiseaseLevel == DiseaseLevelGroup {
		bars("Outcome by disease group", "disease", a.OutcomesByDiseaseGroup)
	} else {
		bars("Outcome by disease", "disease", a.OutcomesByDisease)
	}

	// Swimmer: one lane per patient course with a known time on treatment or
	// follow-up: a bar for the time on treatment, a thin line to the last
	// follow-up, the first response at its time, the best response, a
	// relapse, death or stop for adverse effects at the lane end, and a
	// cross for loss to follow-up (endReason reads why a course ended).
	sw := figure.Swimmer{Title: "Time on treatment, follow-up and response per patient", Unit: "months", SortByDuration: true, Studies: nStudies}
	const daysPerMonth = 30.4375
	seen := map[[2]string]bool{}
	for _, c := range st.norm.Courses {
		k := [2]string{c.Study, c.CaseID}
		dur, fu := c.TreatDu.Days, c.FollowUp.Days
		if seen[k] || math.IsNaN(dur) && math.IsNaN(fu) {
			continue
		}
		seen[k] = true
		lane := figure.Lane{Study: shortStudy(c.Study), Case: c.CaseID, Regimen: strings.Join(c.Regimen, " + "),
			Duration: dur / daysPerMonth, FollowUp: fu / daysPerMonth, Ongoing: ongoing(c)}
		if math.IsNaN(fu) {
			lane.FollowUp = 0
		}
		end := lane.Duration
		if math.IsNaN(end) || lane.FollowUp > end {
			end = lane.FollowUp
		}
		cat := c.Category()
		if c.Outcome.NotAttributable && !c.OutcomeAdjudicated {
			cat = vocab.Unclassified // not this patient's outcome: no marker
		}
		if !math.IsNaN(c.TimeToRsp.Days) && cat.AtLeast(vocab.Minimal) {
			lane.Events = append(lane.Events, figure.LaneEvent{Time: c.TimeToRsp.Days / daysPerMonth, Kind: figure.EventResponse})
		}
		switch cat {
		case vocab.Complete:
			lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventComplete})
		case vocab.Partial:
			lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventPartial})
		case vocab.Progression:
			lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventProgression})
		case vocab.NotEvaluable:
			switch endReason(c) {
			case reasonDeath:
				lane.Events = append(lane.Events, figure.LaneEvent{Time: end, Kind: figure.EventDeath})
			case reasonAdverse:
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
		figs = append(figs, namedFigure{"swimmer", sw.Title, sw})
	}

	// Cumulative response.
	cr := figure.CumResponse{Title: "Cumulative response", Unit: "months", Level: a.Level, Studies: nStudies}
	if cfg.TimeEstimator == EstimatorKM {
		cr.Estimator = figure.KaplanMeier
		cr.Method = "log transformation, Greenwood variance: the survival::survfit default"
	} else {
		cr.Estimator = figure.AalenJohansen
		cr.Method = "log transformation, infinitesimal-jackknife standard errors: the survival::survfit multi-state default"
	}
	inputs := map[string][]TimeInput{}
	for _, t := range a.TimeInputs {
		inputs[t.Drug] = append(inputs[t.Drug], t)
	}
	last := 0.0
	drawn := map[string]int{} // drugs with a curve, and their patients
	omitted := 0
	for _, c := range a.TimeCurves {
		if c.Omitted == "" && len(c.Points) > 0 {
			drawn[c.Drug] = len(inputs[c.Drug])
		}
	}
	keep := topByCount(drawn, maxCurves)
	if keep != nil {
		cr.Title += fmt.Sprintf(" (the %d drugs with the most patients of %d; all are in tables/time_to_response.csv)", maxCurves, len(drawn))
	}
	for _, c := range a.TimeCurves {
		if c.Omitted != "" || len(c.Points) == 0 {
			if c.Omitted != "" {
				if omitted++; omitted <= maxOmittedNames {
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
		for _, t := range inputs[c.Drug] {
			cc.FollowUp = append(cc.FollowUp, t.Days/daysPerMonth)
			last = math.Max(last, t.Days/daysPerMonth)
			if !t.Event && !t.Death {
				cc.Censored = append(cc.Censored, t.Days/daysPerMonth)
			}
		}
		cr.Curves = append(cr.Curves, cc)
	}
	if omitted > maxOmittedNames {
		cr.Omitted = append(cr.Omitted, figure.CumOmitted{Label: fmt.Sprintf("and %d more drugs", omitted-maxOmittedNames),
			Reason: "tables/time_to_response.csv lists them"})
	}
	// A figure whose every curve stays at zero (the drugs drawn had no
	// response, and those with responses lack their times) is an empty
	// panel that reads as "nobody responds": it is not drawn.
	if anyRise(cr.Curves) {
		cr.MaxTime = axisCeil(last)
		figs = append(figs, namedFigure{"cumulative_response", cr.Title, cr})
	}

	// Dose–response: courses in mg/day on one figure, weight-based courses (no body
	// weight given) on a figure of their own with a mg/kg axis; courses in other units
	// are named in the captions as left out, never dropped silently.
	perUnit := map[string][]figure.DosePoint{}
	for _, c := range st.norm.Courses {
		if math.IsNaN(c.Dose.Max) || c.Outcome.NotAttributable {
			continue
		}
		o, ok := categoryOutcome(c.Category())
		if !ok {
			continue
		}
		perUnit[c.Dose.Unit] = append(perUnit[c.Dose.Unit], figure.DosePoint{ID: c.Study + "/" + c.CaseID + "/" + c.DrugName(), Drug: c.DrugName(), Dose: c.Dose.Max, Outcome: o})
	}
	var others []string
	for u, ps := range perUnit {
		if u != "mg/day" && u != "mg/kg/day" {
			others = append(others, fmt.Sprintf("%s dosed in %s", plural(len(ps), "course", "courses"), u))
		}
	}
	sort.Strings(others)
	leftOut := func(drawnElsewhere string) string {
		l := others
		if n := len(perUnit[drawnElsewhere]); n > 0 {
			where := "the mg/kg figure"
			if drawnElsewhere == "mg/day" {
				where = "the mg/day figure"
			}
			l = append([]string{fmt.Sprintf("%s dosed in %s (in %s)", plural(n, "course", "courses"), drawnElsewhere, where)}, l...)
		}
		return strings.Join(l, "; ")
	}
	// at most maxDoseDrugs drugs per figure: those with the most patients
	capDrugs := func(dr *figure.DoseResponse) {
		perDrug := map[string]int{}
		for _, p := range dr.Points {
			perDrug[p.Drug]++
		}
		if keep := topByCount(perDrug, maxDoseDrugs); keep != nil {
			dr.Title += fmt.Sprintf(" (the %d drugs with the most patients of %d)", maxDoseDrugs, len(perDrug))
			dr.Points = slices.DeleteFunc(slices.Clone(dr.Points), func(p figure.DosePoint) bool { return !keep[p.Drug] })
		}
	}
	var doses []namedFigure
	if ps := perUnit["mg/day"]; len(ps) > 0 {
		dr := figure.DoseResponse{Title: "Maximum daily dose and outcome", DoseLabel: "Maximum daily dose (mg/day)", Studies: nStudies, Points: ps, LeftOut: leftOut("mg/kg/day")}
		capDrugs(&dr)
		doses = append(doses, namedFigure{"dose_response", dr.Title, dr})
	}
	if ps := perUnit["mg/kg/day"]; len(ps) > 0 {
		dr := figure.DoseResponse{Title: "Maximum daily dose per kg and outcome", DoseLabel: "Maximum daily dose (mg/kg/day)", Studies: nStudies, Points: ps, LeftOut: leftOut("mg/day")}
		capDrugs(&dr)
		doses = append(doses, namedFigure{"dose_response_per_kg", dr.Title, dr})
	}
	// One drug, one colour and marker in both dose figures: styles by the
	// sorted names of the drugs drawn in either. Doses spanning two decades
	// or more go on a log axis.
	var order []string
	for _, nf := range doses {
		for _, p := range nf.fig.(figure.DoseResponse).Points {
			order = append(order, p.Drug)
		}
	}
	slices.Sort(order)
	order = slices.Compact(order)
	for _, nf := range doses {
		dr := nf.fig.(figure.DoseResponse)
		dr.StyleOrder = order
		dr.LogDose = wideDoses(dr.Points)
		nf.fig = dr
		figs = append(figs, nf)
	}
	return figs
}

// captionBody drops the bold title that starts a draft caption
// ("**Title.** text"), for pages that print the title already.
func captionBody(c string) string {
	if strings.HasPrefix(c, "**") {
		if i := strings.Index(c[2:], "**"); i >= 0 {
			return strings.TrimSpace(c[i+4:])
		}
	}
	return c
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

func mustCIMethod(s string) stats.CIMethod {
	m, err := stats.ParseCIMethod(s)
	if err != nil {
		panic("pipeline: " + err.Error())
	}
	return m
}

// render writes figures, publication tables and report.html.
func (st *state) render() error {
	size, err := figure.ParsePreset(st.cfg.Figures.Size)
	if err != nil {
		return &ConfigError{Key: "figures.size", Msg: err.Error()}
	}
	var formats []figure.Format
	for _, f := range st.cfg.Figures.Formats {
		ff, err := figure.ParseFormat(f)
		if err != nil {
			return &ConfigError{Key: "figures.formats", Msg: err.Error()}
		}
		formats = append(formats, ff)
	}
	var report html.Report
	report.Title = "Treatment response: " + st.dataSetName()
	report.ToolVersion = Version
	figs := st.figures()
	// A figure taller than a page of the size is split into pages: one
	// PDF holds them all, PNG and SVG get a file per page (figureFile).
	pages := make([][]figure.Figure, len(figs))
	for i, nf := range figs {
		ps, err := figure.Paginate(nf.fig, size)
		if err != nil {
			return fmt.Errorf("render %s: %w", nf.name, err)
		}
		pages[i] = ps
	}
	// Render every figure in every format concurrently into memory (each
	// render is independent, so bytes do not depend on scheduling), then
	// write them in a fixed order.
	type job struct {
		fig    int
		page   int // -1: every page in one file
		format figure.Format
		buf    bytes.Buffer
		err    error
	}
	var jobs []*job
	for i := range figs {
		seenSVG := false
		for _, f := range formats {
			if f == figure.PDF {
				jobs = append(jobs, &job{fig: i, page: -1, format: f})
				continue
			}
			for k := range pages[i] {
				jobs = append(jobs, &job{fig: i, page: k, format: f})
			}
			seenSVG = seenSVG || f == figure.SVG
		}
		if !seenSVG {
			for k := range pages[i] {
				jobs = append(jobs, &job{fig: i, page: k, format: figure.SVG}) // for report.html only
			}
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func(j *job) {
			defer func() { <-sem; wg.Done() }()
			if err := st.ctx.Err(); err != nil {
				j.err = fmt.Errorf("interrupted: %w", err)
				return
			}
			if j.page < 0 {
				j.err = figure.RenderPages(&j.buf, pages[j.fig], size, j.format)
			} else {
				j.err = figure.Render(&j.buf, pages[j.fig][j.page], size, j.format)
			}
		}(j)
	}
	wg.Wait()
	for _, j := range jobs {
		nf := figs[j.fig]
		if j.err != nil {
			return fmt.Errorf("render %s: %w", nf.name, j.err)
		}
		if j.format == figure.SVG && j.page > 0 {
			last := &report.Figures[len(report.Figures)-1]
			last.Pages = append(last.Pages, j.buf.Bytes())
		} else if j.format == figure.SVG {
			caption := pages[j.fig][0].Caption()
			report.Figures = append(report.Figures, html.Figure{Title: nf.title, Caption: captionBody(caption), SVG: j.buf.Bytes()})
			if err := st.out.write("figures/"+nf.name+".caption.md", func(w *bufio.Writer) error {
				_, err := w.WriteString(caption + "\n")
				return err
			}); err != nil {
				return err
			}
		}
		if slices.Contains(formats, j.format) {
			if err := st.out.write("figures/"+figureFile(nf.name, j.page, len(pages[j.fig]), j.format), func(w *bufio.Writer) error {
				_, err := w.Write(j.buf.Bytes())
				return err
			}); err != nil {
				return err
			}
			if testHookFigureWritten != nil {
				testHookFigureWritten()
			}
		}
	}
	tables := st.publicationTables()
	for _, t := range tables {
		for _, f := range st.cfg.Tables.Formats {
			tf, err := table.ParseFormat(f)
			if err != nil {
				return &ConfigError{Key: "tables.formats", Msg: err.Error()}
			}
			rel := "tables/" + t.name + tf.Ext()
			if err := st.out.write(rel, func(w *bufio.Writer) error { return table.Write(w, t.Table, tf) }); err != nil {
				return err
			}
		}
		report.Tables = append(report.Tables, t.Table)
	}
	report.Summary = st.reportSummary()
	report.Warnings = append(report.Warnings, st.analysis.Warnings...)
	for _, p := range st.summary.Details {
		if p.Severity >= data.Warning {
			report.Warnings = append(report.Warnings, p.Severity.String()+": "+p.Error())
		}
	}
	report.Quarantined = quarantineTable(st.ingested.Quarantine)
	report.Accepted = acceptedTable(st.summary.Strict.Allowed)
	for _, a := range st.summary.Inputs {
		report.Inputs = append(report.Inputs, html.Input{Path: a.File, SHA256: a.SHA256,
			Note: fmt.Sprintf("%s, %d rows read = %d accepted + %d quarantined", a.Kind, a.RowsRead, a.RowsAccepted, a.RowsQuarantined)})
	}
	var cfgText bytes.Buffer
	writeJSON(&cfgText, jsonSafe(st.cfg))
	report.Config = cfgText.String()
	if err := st.out.write("report.html", func(w *bufio.Writer) error { return html.Write(w, report) }); err != nil {
		return err
	}
	st.log.Stage("render", fmt.Sprintf("%d figures × %d formats, %d tables × %d formats, report.html",
		len(figs), len(formats), len(tables), len(st.cfg.Tables.Formats)))
	return nil
}

// figureFile is the file name of a figure, or of page k (0-based) of a
// figure of n pages in PNG or SVG: NAME_p1.png … NAME_pN.png. A PDF holds
// every page (k < 0), and a figure of one page keeps its plain name.
func figureFile(name string, k, n int, f figure.Format) string {
	if k < 0 || n <= 1 {
		return name + f.Ext()
	}
	return fmt.Sprintf("%s_p%d%s", name, k+1, f.Ext())
}

// dataSetName names the data set for the report title: the embedded
// example, or the input file names (the first three and a count).
func (st *state) dataSetName() string {
	var names []string
	for _, in := range st.summary.Inputs {
		if strings.HasPrefix(in.File, ExampleName) {
			return "the example data set (calcinosis cutis case reports, embedded)"
		}
		names = append(names, filepath.Base(in.File))
	}
	switch {
	case len(names) == 0:
		return "no input"
	case len(names) > 3:
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more files", len(names)-3)
	}
	return strings.Join(names, ", ")
}

func (st *state) reportSummary() []string {
	t := st.summary.Totals
	s := []string{
		fmt.Sprintf("Data set: %s. tresp %s.", st.dataSetName(), Version),
		fmt.Sprintf("%d rows read from %d inputs: %d accepted, %d quarantined.", t.RowsRead, len(st.summary.Inputs), t.RowsAccepted, t.RowsQuarantined),
		fmt.Sprintf("%d patient × drug courses and %d study-level rows after normalisation.", len(st.norm.Courses), len(st.norm.Studies)),
		fmt.Sprintf("Responder: %s response or better. Attribution: %s. Intervals: %s, %g%%.", st.analysis.Responder,
			st.analysis.Attribution, ciMethodLabel(st.analysis.CIMethod), 100*st.analysis.Level),
	}
	rv := st.summary.Review
	if rv.UnclassifiedCourses > 0 {
		s = append(s, fmt.Sprintf("%d courses whose outcome was not read with confidence (unclassified, or a low-confidence reading proposed for review) are left out of numerator and denominator until decided in %s.",
			rv.UnclassifiedCourses, ReviewFile))
	}
	if rv.Undecided > 0 {
		s = append(s, fmt.Sprintf("%s lists %d values to check (%d unclassified outcomes, %d outcomes read with low confidence, %d drug or disease terms): fill its decision column and rerun with --decisions.",
			ReviewFile, rv.Undecided, rv.UnclassifiedOutcomes, rv.LowConfidenceOutcomes, rv.Terms))
	}
	if rv.Omitted > 0 {
		s = append(s, fmt.Sprintf("%s lists the first %d of them; %d further rows needing review are counted but not listed (the list is capped so that memory stays bounded): extend the vocabulary for the most frequent terms and rerun.",
			ReviewFile, rv.Items, rv.Omitted))
	}
	if d := rv.Decisions; d != nil {
		s = append(s, fmt.Sprintf("Adjudicated: %d decisions from %s (sha256 %s) applied to %d courses; %d not applied (see the warnings).",
			rv.Adjudicated, d.Path, d.SHA256[:12], rv.AdjudicatedCourses, rv.NotApplied))
	}
	itt := map[string]RateRow{}
	for _, r := range st.analysis.Rates {
		if r.Disease == "" && r.Population == PopITT {
			itt[r.Drug] = r
		}
	}
	for _, r := range st.analysis.Rates {
		if r.Drug != "" && r.Disease == "" {
			s = append(s, headline(r, itt[r.Drug]))
		}
	}
	return s
}

// headline is the report's sentence on one drug's rate in one population:
// "x/n responded, p% [l%, h%]", or why there is no rate when the
// population is empty — never NaN.
func headline(r, itt RateRow) string {
	head := fmt.Sprintf("%s (%s): ", r.Drug, r.Population)
	if r.N == 0 {
		var why []string
		if ne := itt.N - r.N; r.Population == PopEvaluable && ne > 0 {
			why = append(why, fmt.Sprintf("%s treated, none evaluable", plural(itt.N, "patient", "patients")))
		}
		if r.Unclassified > 0 {
			why = append(why, fmt.Sprintf("%s whose outcome is not yet classified (%s)", plural(r.Unclassified, "patient", "patients"), ReviewFile))
		}
		if len(why) == 0 {
			why = append(why, "no patients")
		}
		return head + "no rate: " + strings.Join(why, "; ") + "."
	}
	s := head + fmt.Sprintf("%d/%d responded", r.Responders, r.N)
	if c := pooledCell(r.Rate, r.Low, r.High); c != "" {
		s += ", " + c
	}
	return s + "."
}

func quarantineTable(q []Quarantined) table.Table {
	t := table.Table{Title: "Quarantined rows", Columns: []table.Column{{Key: "file", Header: "File"}, {Key: "line", Header: "Line", Numeric: true}, {Key: "reasons", Header: "Reasons"}}}
	for _, r := range q {
		var reasons []string
		for _, p := range r.Reasons {
			reasons = append(reasons, p.Reason)
		}
		t.Rows = append(t.Rows, table.Row{Cells: []string{r.File, itoa(r.Line), strings.Join(reasons, "; ")}})
	}
	return t
}

// acceptedTable lists the strict policy's allowances with the problems
// each accepted and its reason, for report.html.
func acceptedTable(allowed []AllowedSummary) table.Table {
	t := table.Table{Title: "Problems a strict run accepts", Columns: []table.Column{{Key: "code", Header: "Code"}, {Key: "column", Header: "Column"},
		{Key: "n", Header: "Problems", Numeric: true}, {Key: "reason", Header: "Reason"}}}
	for _, a := range allowed {
		col, reason := a.Column, a.Reason
		if col == "" {
			col = "any"
		}
		if reason == "" {
			reason = "no reason given"
		}
		t.Rows = append(t.Rows, table.Row{Cells: []string{a.Code, col, itoa(a.Count), reason}})
	}
	return t
}

// maxForestRows and maxBarGroups bound the rows of the forest plot and
// the bars of an outcome chart: a page holds no more legibly. With more
// drugs or diseases the ones with the most patients are drawn, the title
// says how many of how many, and the tables keep them all.
//
// maxCurves and maxDoseDrugs bound the curves of the cumulative-response
// plot and the drugs of the dose–response plot the same way (the drugs
// with the most patients; ties by name), and maxOmittedNames the drugs a
// caption names as not drawn.
const (
	maxForestRows   = 60
	maxBarGroups    = 40
	maxCurves       = 12
	maxDoseDrugs    = 12
	maxOmittedNames = 20
)

// topByCount returns the max keys of n with the largest counts (ties by
// name) as a set, or nil when n has no more than max keys.
func topByCount(n map[string]int, max int) map[string]bool {
	if len(n) <= max {
		return nil
	}
	keys := sortedKeys(n)
	sort.SliceStable(keys, func(i, j int) bool { return n[keys[i]] > n[keys[j]] })
	keep := make(map[string]bool, max)
	for _, k := range keys[:max] {
		keep[k] = true
	}
	return keep
}
