package cohort

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/stats"
)

// analyser carries settings through the analysis.
type analyser struct {
	threshold vocab.Category
	method    stats.CIMethod
	level     float64
	cfg       config.AnalysisConfig
	warn      []string
	// intervals are the rate rows' intervals by responders and n: hundreds of thousands
	// of drug × disease rows share a few thousand pairs, and each interval inverts the
	// incomplete beta function
	intervals map[[2]int]stats.Interval
}

// rateInterval is stats.BinomialCI(x, n) at the analysis' level and method, computed once
// per pair; its warnings are the row's own copy.
func (a *analyser) rateInterval(x, n int) stats.Interval {
	k := [2]int{x, n}
	iv, ok := a.intervals[k]
	if !ok {
		iv = stats.BinomialCI(x, n, a.level, a.method)
		if a.intervals == nil {
			a.intervals = map[[2]int]stats.Interval{}
		}
		a.intervals[k] = iv
	}
	iv.Warnings = slices.Clone(iv.Warnings)
	return iv
}

func (a *analyser) warnf(format string, args ...any) {
	a.warn = append(a.warn, fmt.Sprintf(format, args...))
}

// Accumulator folds a cohort patient by patient into state bounded by the
// number of groups (studies, drugs or regimens, classes, diseases, disease
// groups, distinct ages and times) and by the stated caps of the views, not
// by the number of courses, so that a streaming run can analyse a table
// it never holds. It is the one implementation of the analysis: Analyse
// feeds it the courses of a Cohort.
//
// What the attribution decides only at the end (does a study × drug with
// outcomes not attributable to patients have a study-level row, and does
// the row reconcile with the patients?) is folded under every choice the
// end may make, and Analyse picks one per study × drug and per study.
type Accumulator struct {
	// MaxTimeInputs caps Analysis.TimeInputs (the rows of
	// tables/time_to_response_input.csv, one per course): the first
	// MaxTimeInputs rows in course order are kept and the rest counted in a
	// warning; 0 keeps every row. The curves always use every row.
	MaxTimeInputs int
	// StudiesFirst says that the caller adds every study-level row
	// (AddStudy) before the first patient: the fold then adds the patients
	// of a study × drug without a study-level row (and, for the rates of
	// all drugs, of a study without an "all" row) to aggregates without the
	// study, whose number does not grow with the number of studies. A
	// study-level row added after a patient then makes Analyse fail.
	// Unset, every aggregate keeps its study (exact in any order). Set
	// before the first AddPatient.
	StudiesFirst bool
	// SkipCounts leaves Analysis.Counts (the rows of --emit-counts) empty;
	// with StudiesFirst the fold then keeps no tally per study × drug ×
	// disease, the aggregates that grow with the number of rows. Set
	// before the first AddPatient.
	SkipCounts bool
	// Table1Groups are the column groups of Table 1 the run shows
	// (tables.table1_by): with "none" the fold keeps no per-drug or
	// per-study Table 1 values (a large table has a group per treatment),
	// with "drug" or "study" only those; empty keeps both. Set before the
	// first AddPatient.
	Table1Groups config.Table1By

	a       *analyser // settings; its warnings are Analyse's own
	started bool      // a patient was added
	late    error     // a study-level row added after a patient under StudiesFirst
	// analysed: Analyse ran and released the fold's aggregates
	analysed bool
	units    *unitFold
	time     *timeFold
	views    *viewFold
	studies  []*StudyCount
}

// NewAccumulator returns an empty Accumulator for the settings cfg
// (validated).
func NewAccumulator(cfg config.AnalysisConfig) *Accumulator {
	threshold, err := vocab.ParseCategory(string(cfg.Responder))
	if err != nil || !threshold.Ordered() {
		// config.Responder's Names are ordered categories; Validate checked it.
		panic(fmt.Sprintf("pipeline: analysis.responder %q is not an ordered outcome category", cfg.Responder))
	}
	a := &analyser{threshold: threshold, method: cfg.CIMethod, level: cfg.Level, cfg: cfg}
	return &Accumulator{a: a, units: newUnitFold(a), time: newTimeFold(a, 0), views: newViewFold(cfg)}
}

// AddPatient adds the courses of one patient (all with the same Study and
// CaseID), in normalise's order (drug name, then source position). Each
// patient is added once, and patients in normalise's order (study, case)
// give the views their ties as Analyse of the whole cohort does. It keeps
// neither the slice nor the *Course values nor pointers into them: a
// streaming caller may reuse them after the call.
func (acc *Accumulator) AddPatient(courses []*Course) {
	if len(courses) == 0 {
		return
	}
	acc.time.max = acc.MaxTimeInputs
	if !acc.started {
		acc.started = true
		acc.units.coarse.on = acc.StudiesFirst
		acc.views.table1.keepGroups(acc.Table1Groups)
		if acc.StudiesFirst && !acc.SkipCounts {
			acc.units.coarse.counts = map[countKey]tally{}
		}
	}
	acc.units.addPatient(courses)
	for _, c := range courses {
		acc.time.add(c)
	}
	acc.views.addPatient(courses)
}

// AddStudy adds a study-level row; the Accumulator keeps s (study-level
// rows are few). Under StudiesFirst every AddStudy comes before the first
// AddPatient.
func (acc *Accumulator) AddStudy(s *StudyCount) {
	if acc.started && acc.StudiesFirst && acc.late == nil {
		acc.late = fmt.Errorf("analyse: the study-level row of %s, %s came after patients although the fold was told the study-level rows come first (Accumulator.StudiesFirst): add every study-level row before the patients, or leave StudiesFirst unset",
			s.Study, s.DrugRaw)
	}
	acc.units.coarse.addStudyRow(s, acc.a.cfg.Attribution == "exposure")
	acc.studies = append(acc.studies, s)
	acc.views.addStudy(s)
}

// Analyse computes every result of the analyse stage from what was added.
// It stops between its steps with an error wrapping ctx.Err() once ctx is
// done. It consumes the Accumulator: the fold's aggregates are released as
// soon as the results that need them are made (at ten million rows they are
// most of the memory), so a second call is an error.
func (acc *Accumulator) Analyse(ctx context.Context) (*Analysis, error) {
	stop := func(step string) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted during analyse (%s): %w", step, err)
		}
		return nil
	}
	if acc.late != nil {
		return nil, acc.late
	}
	if acc.analysed {
		return nil, errors.New("analyse: Accumulator.Analyse called twice: it consumes the fold; make a new Accumulator")
	}
	acc.analysed = true
	f := acc.units
	cfg := acc.a.cfg
	a := &analyser{threshold: acc.a.threshold, method: acc.a.method, level: acc.a.level, cfg: cfg}
	res := &Analysis{Responder: a.threshold.String(), Attribution: string(cfg.Attribution), CIMethod: cfg.CIMethod, Level: cfg.Level}

	drugUnits, sources, modes, unlisted := a.drugUnits(f, acc.studies)
	patientUnits := a.patientUnits(f, acc.studies)
	f.drugs, f.patients, f.keys, f.infos, f.coarse.drugs, f.coarse.patients = nil, nil, nil, nil, nil, nil
	res.Sources, res.SourcesUnlisted = sources, unlisted
	if !acc.SkipCounts {
		res.Counts = countRows(drugUnits, patientUnits, f.coarse.counts, f.names)
	}
	f.coarse.counts = nil

	if err := stop("rates"); err != nil {
		return nil, err
	}
	byDrug := func(u *unit) string { return u.drug }
	byClass := func(u *unit) string { return u.class }
	byDisease := func(u *unit) string { return u.disease }
	byGroup := func(u *unit) string { return u.group }
	res.Rates = a.rates(drugUnits, patientUnits, byDrug, byDisease)
	res.ClassRates = a.rates(classUnits(f, drugUnits, modes), nil, byClass, byDisease)
	f.classes, f.coarse.classes = nil, nil
	res.GroupRates = a.rates(drugUnits, patientUnits, byDrug, byGroup)
	res.PoolPopulation = string(a.cfg.PoolPopulation)
	if res.PoolPopulation == "" {
		res.PoolPopulation = PopEvaluable
	}
	res.StudyCounts = studyCounts(drugUnits, f.coarse.pairs, f.names, res.PoolPopulation)
	f.coarse.pairs = nil
	for i := range res.StudyCounts {
		s := &res.StudyCounts[i]
		s.Interval = a.rateInterval(s.Events, s.N)
	}
	if err := stop("pooling"); err != nil {
		return nil, err
	}
	res.Pooled, res.Sensitivity = a.pool(res.StudyCounts)
	for _, rows := range [][]PooledRow{res.Pooled, res.Sensitivity} {
		for i := range rows {
			rows[i].Count = stats.BinomialCI(rows[i].Events, rows[i].N, a.level, stats.ClopperPearson)
		}
	}
	if err := stop("comparisons"); err != nil {
		return nil, err
	}
	res.Comparisons, res.ComparisonsOmitted = a.compare(drugUnits)
	if err := stop("time to response"); err != nil {
		return nil, err
	}
	acc.time.warnings(a)
	res.TimeInputs, res.TimeCurves = a.timeToResponse(acc.time)
	res.OutcomesByDrug, res.OutcomesByDisease = outcomeTallies(drugUnits, patientUnits)
	if err := stop("per-patient views"); err != nil {
		return nil, err
	}
	res.Views = acc.views.views()
	_, res.OutcomesByDiseaseGroup = outcomeTallies(nil, patientUnits, byGroup)
	for _, r := range res.Rates {
		if r.Population != PopITT || r.Unclassified == 0 || (r.Drug == "") == (r.Disease == "") {
			continue
		}
		group := r.Drug
		if group == "" {
			group = r.Disease
		}
		a.warnf("%s: %d unclassified outcomes left out of numerator and denominator until decided in review.csv",
			group, r.Unclassified)
	}
	res.Warnings = a.warn
	if res.Warnings == nil {
		res.Warnings = []string{}
	}
	return res, nil
}

// Analyse computes every result of the analyse stage from the cohort n
// with the settings cfg (validated): AnalyseFold with a new Accumulator,
// Analysis.Counts included.
func Analyse(ctx context.Context, n *Cohort, cfg config.AnalysisConfig) (*Analysis, error) {
	return AnalyseFold(ctx, n, NewAccumulator(cfg))
}

// AnalyseFold computes every result of the analyse stage from the cohort
// n with acc, new (its options set, MaxTimeInputs aside: every
// time-to-response input row is kept): it feeds acc each study-level row,
// then each run of consecutive courses of the same patient (normalise
// keeps a patient's courses together), folding coarsely (StudiesFirst).
// It stops between its steps with an error wrapping ctx.Err() once ctx is
// done.
func AnalyseFold(ctx context.Context, n *Cohort, acc *Accumulator) (*Analysis, error) {
	acc.StudiesFirst, acc.MaxTimeInputs = true, 0
	for _, s := range n.Studies {
		acc.AddStudy(s)
	}
	eachPatient(n.Courses, acc.AddPatient)
	return acc.Analyse(ctx)
}
