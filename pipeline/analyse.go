package pipeline

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/stats"
	"github.com/tresp/tresp/stats/meta"
	"github.com/tresp/tresp/stats/surv"
	"gonum.org/v1/gonum/stat/distuv"
)

// Population names.
const (
	PopITT       = "itt"
	PopEvaluable = "evaluable"
)

// notReported labels patients whose disease cell is empty, so that they
// form their own by-disease group instead of merging into the totals.
const notReported = "not reported"

func diseaseLabel(c *Course) string {
	if d := c.DiseaseName(); d != "" {
		return d
	}
	return notReported
}

// diseaseGroupLabel is the disease group of a course for the by-group
// rates: the vocabulary's group of the disease; a known disease without a
// group, or an unknown term, is its own group; an empty cell is "not
// reported".
func diseaseGroupLabel(c *Course) string {
	if g := c.Disease.Class; g != "" {
		return g
	}
	return diseaseLabel(c)
}

// unspecified labels counts whose disease is not known per patient (a
// study-level row without a disease).
const unspecified = "unspecified (study-level counts)"

// sourceResidue is the SourceRow.Source of a study × drug counted from
// its individually reported patients plus the residue of its study-level
// row.
const sourceResidue = "patients + residue"

// Counts are the outcome counts of one group.
type Counts struct {
	Treated      int                    // every treated patient (itt) whose outcome is classified
	Responders   int                    // at the responder threshold
	NotEvaluable int                    // lost to follow-up, no outcome, …
	ByCategory   map[vocab.Category]int // may be partial for study-level rows
	// Unclassified counts patients whose outcome text could not be
	// classified and is undecided: they are in no numerator and no
	// denominator (not in Treated).
	Unclassified int
}

func (c *Counts) add(o Counts) {
	c.Treated += o.Treated
	c.Responders += o.Responders
	c.NotEvaluable += o.NotEvaluable
	c.Unclassified += o.Unclassified
	for k, v := range o.ByCategory {
		if c.ByCategory == nil {
			c.ByCategory = map[vocab.Category]int{}
		}
		c.ByCategory[k] += v
	}
}

// N returns the denominator of a population.
func (c Counts) N(pop string) int {
	if pop == PopEvaluable {
		return c.Treated - c.NotEvaluable
	}
	return c.Treated
}

// unit is one counted contribution: a patient (n = 1) or a study-level row,
// belonging to a study, a drug group and a disease.
type unit struct {
	study   string
	drug    string // drug, regimen or "" for patient-level "all drugs" units
	class   string
	disease string
	group   string // disease group
	counts  Counts
	source  string // "patients" or "study-level"
	course  *Course
}

// RateRow is one line of response_rates.csv.
type RateRow struct {
	Drug       string  `json:"drug"`
	Disease    string  `json:"disease"`
	Population string  `json:"population"`
	N          int     `json:"n"`
	Responders int     `json:"responders"`
	Rate       float64 `json:"rate"`
	Low        float64 `json:"ci_low"`
	High       float64 `json:"ci_high"`
	Method     string  `json:"ci_method"`
	Small      bool    `json:"small_group"`
	// Unclassified counts the patients left out of N and Responders
	// because their outcome could not be classified (see review.csv).
	Unclassified int      `json:"unclassified"`
	Warnings     []string `json:"warnings,omitempty"`
}

// StudyRow is one line of study_counts.csv.
type StudyRow struct {
	Study  string `json:"study"`
	Drug   string `json:"drug"`
	Events int    `json:"events"`
	N      int    `json:"n"`
}

// SourceRow says where the counts of one study × drug came from.
type SourceRow struct {
	Study  string `json:"study"`
	Drug   string `json:"drug"`
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// PooledRow is one line of pooled_rates.csv or pooled_sensitivity.csv.
type PooledRow struct {
	Drug      string  `json:"drug"`
	K         int     `json:"k"`
	Events    int     `json:"events"`
	N         int     `json:"n"`
	Estimate  float64 `json:"estimate"`
	Low       float64 `json:"ci_low"`
	High      float64 `json:"ci_high"`
	Tau2      float64 `json:"tau2"`
	I2        float64 `json:"i2"`
	Q         float64 `json:"q"`
	QP        float64 `json:"q_p"`
	Transform string  `json:"transform"`
	Method    string  `json:"method"`
	// PredLow and PredHigh are the 95 % prediction interval of a new
	// study's rate, expit(μ̂ ± z·√(τ² + se²)) on the logit scale (metafor's
	// predict()); NaN for other scales and for pooled Clopper–Pearson.
	PredLow  float64  `json:"pi_low"`
	PredHigh float64  `json:"pi_high"`
	Warnings []string `json:"warnings,omitempty"`
}

// predInterval is expit(est ± z·√(τ² + se²)), NaN when any input is.
func predInterval(est, se, tau2, level float64) (lo, hi float64) {
	if math.IsNaN(est) || math.IsNaN(se) || math.IsNaN(tau2) || math.IsInf(se, 0) {
		return math.NaN(), math.NaN()
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	h := z * math.Sqrt(tau2+se*se)
	return 1 / (1 + math.Exp(-(est - h))), 1 / (1 + math.Exp(-(est + h)))
}

// Comparison is one line of comparisons.csv.
type Comparison struct {
	By          string  `json:"by"`
	GroupA      string  `json:"group_a"`
	GroupB      string  `json:"group_b"`
	RespondersA int     `json:"responders_a"`
	NA          int     `json:"n_a"`
	RespondersB int     `json:"responders_b"`
	NB          int     `json:"n_b"`
	OddsRatio   float64 `json:"odds_ratio"`
	ORLow       float64 `json:"or_ci_low"`
	ORHigh      float64 `json:"or_ci_high"`
	P           float64 `json:"p_value"`
	PAdjusted   float64 `json:"p_adjusted"`
	// Note says why P or OddsRatio is missing (NaN): a group smaller
	// than analysis.min_compare_n, or an odds ratio that cannot be
	// estimated; "" when both are there.
	Note     string   `json:"note,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// TimeInput is one course in the time-to-response analysis.
type TimeInput struct {
	Drug   string  `json:"drug"`
	Study  string  `json:"study"`
	CaseID string  `json:"case_id"`
	Days   float64 `json:"time_days"`
	Event  bool    `json:"event"` // first response at Days
	// Death marks a course that ended by death without response: a
	// competing event at Days for the Aalen–Johansen estimate.
	Death bool `json:"death,omitempty"`
}

// TimeCurve is the cumulative response of one drug.
type TimeCurve struct {
	Drug string `json:"drug"`
	// Estimator is aalen-johansen or kaplan-meier.
	Estimator string `json:"estimator"`
	// Responders counts the drug's responders and TimesKnown those whose
	// time to response is given.
	Responders int `json:"responders"`
	TimesKnown int `json:"times_known"`
	// Omitted says why the drug has no curve (too few known times); Points
	// is then empty.
	Omitted  string          `json:"omitted,omitempty"`
	Points   []surv.CumPoint `json:"points"`
	Warnings []string        `json:"warnings,omitempty"`
}

// Analysis is the result of the analyse stage.
type Analysis struct {
	Responder   string  `json:"responder_threshold"`
	Attribution string  `json:"attribution"`
	CIMethod    string  `json:"ci_method"`
	Level       float64 `json:"level"`
	// PoolPopulation is the denominator of StudyCounts, Pooled and
	// Sensitivity: evaluable or itt (deaths and losses count as failures).
	PoolPopulation string    `json:"pool_population"`
	Rates          []RateRow `json:"response_rates"`
	ClassRates     []RateRow `json:"response_rates_by_class"`
	// GroupRates are the rates of Rates with the disease group in the
	// Disease field (response_rates_by_disease_group.csv).
	GroupRates  []RateRow    `json:"response_rates_by_disease_group"`
	StudyCounts []StudyRow   `json:"study_counts"`
	Sources     []SourceRow  `json:"sources"`
	Pooled      []PooledRow  `json:"pooled_rates"`
	Sensitivity []PooledRow  `json:"pooled_sensitivity"`
	Comparisons []Comparison `json:"comparisons"`
	// ComparisonsOmitted counts the groups past
	// analysis.max_compare_groups, per dimension, that were not compared.
	ComparisonsOmitted []CompareOmitted `json:"comparisons_omitted,omitempty"`
	TimeInputs         []TimeInput      `json:"time_to_response_input"`
	TimeCurves         []TimeCurve      `json:"time_to_response"`
	Warnings           []string         `json:"warnings"`
	// Outcomes counts the patient-level outcome categories per drug and per
	// disease, for the outcome-bar figure.
	OutcomesByDrug    map[string]map[string]int `json:"outcomes_by_drug"`
	OutcomesByDisease map[string]map[string]int `json:"outcomes_by_disease"`
	// OutcomesByDiseaseGroup counts them per disease group.
	OutcomesByDiseaseGroup map[string]map[string]int `json:"outcomes_by_disease_group"`
	// Counts are the mergeable counts per study × drug × disease written by
	// --emit-counts (counts/counts.csv); not in summary.json.
	Counts []CountRow `json:"-"`
}

// analyser carries settings through the analysis.
type analyser struct {
	threshold vocab.Category
	method    stats.CIMethod
	level     float64
	cfg       AnalysisConfig
	warn      []string
}

func (a *analyser) warnf(format string, args ...any) {
	a.warn = append(a.warn, fmt.Sprintf(format, args...))
}

// Analyse computes every table of the analyse stage.
func Analyse(n *Normalised, cfg AnalysisConfig) (*Analysis, error) {
	return analyse(context.Background(), n, cfg)
}

// analyse is Analyse stopping between its steps with an error wrapping
// ctx.Err() once ctx is done.
func analyse(ctx context.Context, n *Normalised, cfg AnalysisConfig) (*Analysis, error) {
	stop := func(step string) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted during analyse (%s): %w", step, err)
		}
		return nil
	}
	threshold, err := vocab.ParseCategory(cfg.Responder)
	if err != nil || !threshold.Ordered() {
		return nil, &ConfigError{Key: "analysis.responder", Msg: fmt.Sprintf("%q is not an outcome category (complete, partial or minimal)", cfg.Responder)}
	}
	method, err := stats.ParseCIMethod(cfg.CIMethod)
	if err != nil {
		return nil, &ConfigError{Key: "analysis.ci_method", Msg: err.Error()}
	}
	a := &analyser{threshold: threshold, method: method, level: cfg.Level, cfg: cfg}
	res := &Analysis{Responder: threshold.String(), Attribution: cfg.Attribution, CIMethod: method.String(), Level: cfg.Level}

	drugUnits, sources := a.drugUnits(n)
	patientUnits := a.patientUnits(n)
	res.Sources = sources
	res.Counts = countRows(drugUnits, patientUnits)

	if err := stop("rates"); err != nil {
		return nil, err
	}
	byDrug := func(u *unit) string { return u.drug }
	byClass := func(u *unit) string { return u.class }
	byDisease := func(u *unit) string { return u.disease }
	byGroup := func(u *unit) string { return u.group }
	res.Rates = a.rates(drugUnits, patientUnits, byDrug, byDisease)
	res.ClassRates = a.rates(classUnits(drugUnits), nil, byClass, byDisease)
	res.GroupRates = a.rates(drugUnits, patientUnits, byDrug, byGroup)
	res.PoolPopulation = a.cfg.PoolPopulation
	if res.PoolPopulation == "" {
		res.PoolPopulation = PopEvaluable
	}
	res.StudyCounts = studyCounts(drugUnits, res.PoolPopulation)
	if err := stop("pooling"); err != nil {
		return nil, err
	}
	res.Pooled, res.Sensitivity = a.pool(res.StudyCounts)
	if err := stop("comparisons"); err != nil {
		return nil, err
	}
	res.Comparisons, res.ComparisonsOmitted = a.compare(drugUnits)
	if err := stop("time to response"); err != nil {
		return nil, err
	}
	res.TimeInputs, res.TimeCurves = a.timeToResponse(n)
	res.OutcomesByDrug, res.OutcomesByDisease = outcomeTallies(drugUnits, patientUnits)
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

// oneCourse[cat] is the ByCategory of one course of category cat, shared
// by the Counts of every such course so that a million courses do not make
// a million maps. It is read only: Counts.add reads its argument's map and
// writes only into the receiver's own.
var oneCourse = func() [vocab.Complete + 1]map[vocab.Category]int {
	var m [vocab.Complete + 1]map[vocab.Category]int
	for cat := range m {
		m[cat] = map[vocab.Category]int{vocab.Category(cat): 1}
	}
	return m
}()

// byCategoryOfOne returns the ByCategory of one course of category cat.
func byCategoryOfOne(cat vocab.Category) map[vocab.Category]int {
	if cat < 0 || int(cat) >= len(oneCourse) {
		return map[vocab.Category]int{cat: 1}
	}
	return oneCourse[cat]
}

// courseCounts are the counts of one patient course. Their ByCategory is
// shared (byCategoryOfOne): never write into it.
func (a *analyser) courseCounts(c *Course) Counts {
	if c.Unclassified() {
		return Counts{Unclassified: 1, ByCategory: byCategoryOfOne(vocab.Unclassified)}
	}
	cat := c.Category()
	if c.Outcome.NotAttributable && !c.OutcomeAdjudicated { // no study-level counts
		cat = vocab.NotEvaluable
	}
	k := Counts{Treated: 1, ByCategory: byCategoryOfOne(cat)}
	if cat == vocab.NotEvaluable {
		k.NotEvaluable = 1
	}
	if cat.AtLeast(a.threshold) {
		k.Responders = 1
	}
	return k
}

// studyCounts of a study-level row at the configured threshold.
func (a *analyser) studyLevelCounts(s *StudyCount) Counts {
	k := Counts{Treated: s.Treated, NotEvaluable: s.NotEvaluable, Responders: s.Responders}
	if s.ByCategory != nil {
		k.ByCategory = map[vocab.Category]int{}
		k.Responders = 0
		for cat, v := range s.ByCategory {
			k.ByCategory[cat] = v
			if cat.AtLeast(a.threshold) {
				k.Responders += v
			}
		}
		if s.NotEvaluable > 0 {
			k.ByCategory[vocab.NotEvaluable] = s.NotEvaluable
		}
		if k.Responders != s.Responders {
			a.warnf("%s, %s: the outcome categories give %d responders at the %q threshold, the authors report %d: the categories are used",
				s.Study, s.DrugRaw, k.Responders, a.threshold, s.Responders)
		}
	} else if s.NotEvaluable > 0 {
		k.ByCategory = map[vocab.Category]int{vocab.NotEvaluable: s.NotEvaluable}
	}
	if s.ByCategory == nil && a.threshold != vocab.DefaultResponderThreshold {
		a.warnf("%s, %s: the study-level row gives no outcome categories, so its responders keep the authors' definition, not the threshold %q",
			s.Study, s.DrugRaw, a.threshold)
	}
	return k
}

func (a *analyser) groupOf(c *Course) (string, bool) {
	switch a.cfg.Attribution {
	case "regimen":
		return strings.Join(c.Regimen, " + "), true
	case "monotherapy":
		return c.DrugName(), len(c.Regimen) == 1
	}
	return c.DrugName(), true
}

// drugUnits returns one unit per patient course or study-level row, with
// the source of every study × drug. Where a study's patient rows for a drug
// are not attributable and a study-level row gives that drug's counts, the
// study-level counts replace the patient rows, never both.
func (a *analyser) drugUnits(n *Normalised) ([]*unit, []SourceRow) {
	type sd struct{ study, drug string }
	studyRow := map[sd]*StudyCount{}
	nRows := map[sd]int{} // study-level rows per study × drug (several when split by disease)
	for _, s := range n.Studies {
		if !s.All {
			studyRow[sd{s.Study, s.DrugName()}] = s
			nRows[sd{s.Study, s.DrugName()}]++
		}
	}
	unattributable := map[sd]bool{}
	hasPatients := map[sd]bool{}
	for _, c := range n.Courses {
		k := sd{c.Study, c.DrugName()}
		hasPatients[k] = true
		if c.Outcome.NotAttributable {
			unattributable[k] = true
		}
	}
	useStudy := map[sd]bool{}
	residue := map[sd]*Counts{}
	var sources []SourceRow
	keys := make([]sd, 0, len(hasPatients))
	for k := range hasPatients {
		keys = append(keys, k)
	}
	// a fixed order, so that warnings come out the same in every run
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].study != keys[j].study {
			return keys[i].study < keys[j].study
		}
		return keys[i].drug < keys[j].drug
	})
	for _, k := range keys {
		src := SourceRow{Study: k.study, Drug: k.drug, Source: "patients", Reason: "every patient's outcome is attributable"}
		switch {
		case unattributable[k] && studyRow[k] != nil && a.cfg.Attribution == "exposure":
			if res, ok := a.reconcileOne(nRows[k], studyRow[k], k.study, k.drug, attributed(n.Courses, k.study, func(c *Course) bool { return c.DrugName() == k.drug })); ok {
				residue[k] = res
				src.Source, src.Reason = sourceResidue, "the patients reported individually, and the residue of the study-level counts (treated, responders and categories minus theirs) as one unattributed block"
			} else {
				useStudy[k] = true
				src.Source, src.Reason = "study-level", "the individual rows do not reconcile with the study-level counts, which replace the patient rows"
			}
		case unattributable[k]:
			src.Reason = "some patient outcomes are not attributable and no study-level counts apply: those patients count as not evaluable"
			a.warnf("%s, %s: outcomes not attributable to patients and no study-level counts for %s attribution: counted as not evaluable", k.study, k.drug, a.cfg.Attribution)
		case studyRow[k] != nil:
			src.Reason = "patient rows are complete; the study-level row is not used"
		}
		sources = append(sources, src)
	}
	var units []*unit
	// One unit per patient and group: a regimen is shared by every course
	// of the patient, and a duplicated row is one patient, not two.
	counted := map[[3]string]bool{}
	excluded := 0
	for _, c := range n.Courses {
		k := sd{c.Study, c.DrugName()}
		if useStudy[k] || residue[k] != nil && c.Outcome.NotAttributable && !c.OutcomeAdjudicated {
			continue
		}
		g, ok := a.groupOf(c)
		if !ok {
			excluded++
			continue
		}
		pk := [3]string{c.Study, c.CaseID, g}
		if counted[pk] {
			continue
		}
		counted[pk] = true
		units = append(units, &unit{study: c.Study, drug: g, class: c.Drug.Class, disease: diseaseLabel(c), group: diseaseGroupLabel(c),
			counts: a.courseCounts(c), source: "patients", course: c})
	}
	if excluded > 0 {
		a.warnf("monotherapy attribution: %d courses of combination regimens left out", excluded)
	}
	if a.cfg.Attribution != "exposure" {
		dropped := 0
		for _, s := range n.Studies {
			if !s.All {
				dropped++
			}
		}
		if dropped > 0 {
			a.warnf("%s attribution: %d study-level rows left out (aggregate counts cannot be split by regimen)", a.cfg.Attribution, dropped)
		}
	}
	if a.cfg.Attribution == "exposure" {
		for _, s := range n.Studies {
			k := sd{s.Study, s.DrugName()}
			if s.All || (hasPatients[k] && !useStudy[k] && residue[k] == nil) {
				continue
			}
			if !hasPatients[k] {
				sources = append(sources, SourceRow{Study: k.study, Drug: k.drug, Source: "study-level", Reason: "the study reports only aggregate counts"})
			}
			dis := s.Disease.Canonical
			if dis == "" {
				dis = strings.TrimSpace(s.Disease.Term)
			}
			if dis == "" {
				dis = unspecified
			}
			grp := s.Disease.Class
			if grp == "" {
				grp = dis
			}
			counts := a.studyLevelCounts(s)
			if r := residue[k]; r != nil {
				if r.Treated == 0 {
					continue
				}
				counts = *r
			}
			units = append(units, &unit{study: s.Study, drug: s.DrugName(), class: s.Drug.Class, disease: dis, group: grp,
				counts: counts, source: "study-level"})
		}
	}
	sort.Slice(sources, func(i, j int) bool {
		if sources[i].Study != sources[j].Study {
			return sources[i].Study < sources[j].Study
		}
		return sources[i].Drug < sources[j].Drug
	})
	return units, sources
}

// attributed returns the courses of study whose outcome is attributable
// (or adjudicated) and that keep says to count.
func attributed(courses []*Course, study string, keep func(*Course) bool) []*Course {
	var out []*Course
	for _, c := range courses {
		if c.Study == study && (!c.Outcome.NotAttributable || c.OutcomeAdjudicated) && keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// reconcile returns the residue of a study-level row once the patients it
// also reports individually are taken out: treated, responders, not
// evaluable and each outcome category minus the patients'. Where a
// category goes negative (a case sentence read as partial that the
// series counts as complete), the difference is taken from the other
// categories on the same side of the responder threshold, best first,
// with a warning. ok is false, with a warning, when the totals cannot
// reconcile (more patients, responders or not-evaluable patients
// individually than in the aggregate); the caller then uses the
// study-level row alone. Unclassified patients are not in the residue
// (they are counted as unclassified).
func (a *analyser) reconcile(s *StudyCount, study, what string, pts []*Course) (*Counts, bool) {
	agg := a.studyLevelCounts(s)
	var sum Counts
	for _, c := range pts {
		sum.add(a.courseCounts(c))
	}
	r := &Counts{Treated: agg.Treated - sum.Treated, Responders: agg.Responders - sum.Responders, NotEvaluable: agg.NotEvaluable - sum.NotEvaluable}
	if r.Treated < 0 || r.Responders < 0 || r.NotEvaluable < 0 || r.Responders+r.NotEvaluable > r.Treated {
		a.warnf("%s, %s: the %d patients reported individually (%d responders, %d not evaluable) do not fit in the study-level counts (%d treated, %d responders, %d not evaluable): the study-level counts are used alone",
			study, what, sum.Treated, sum.Responders, sum.NotEvaluable, agg.Treated, agg.Responders, agg.NotEvaluable)
		return nil, false
	}
	if agg.ByCategory == nil {
		if r.NotEvaluable > 0 {
			r.ByCategory = map[vocab.Category]int{vocab.NotEvaluable: r.NotEvaluable}
		}
		return r, true
	}
	r.ByCategory = map[vocab.Category]int{}
	for cat := vocab.NotEvaluable; cat <= vocab.Complete; cat++ {
		if v := agg.ByCategory[cat] - sum.ByCategory[cat]; v != 0 {
			r.ByCategory[cat] = v
		}
	}
	r.ByCategory[vocab.NotEvaluable] = r.NotEvaluable
	var moved []string
	for _, resp := range []bool{true, false} {
		deficit := 0
		var side []vocab.Category // best first
		for cat := vocab.Complete; cat > vocab.NotEvaluable; cat-- {
			if cat.AtLeast(a.threshold) != resp {
				continue
			}
			side = append(side, cat)
			if v := r.ByCategory[cat]; v < 0 {
				deficit -= v
				moved = append(moved, fmt.Sprintf("%d more %s", -v, cat))
				r.ByCategory[cat] = 0
			}
		}
		for _, cat := range side {
			take := min(deficit, r.ByCategory[cat])
			r.ByCategory[cat] -= take
			deficit -= take
		}
	}
	for cat, v := range r.ByCategory {
		if v == 0 {
			delete(r.ByCategory, cat)
		}
	}
	if len(moved) > 0 {
		a.warnf("%s, %s: the patients reported individually have %s than the study-level categories allow; their own rows are used and the residue takes the difference from the other categories on the same side of the responder threshold",
			study, what, strings.Join(moved, " and "))
	}
	return r, true
}

// reconcileOne is reconcile when the study has one study-level row for
// the drug; with several (counts split by disease) the rows are used alone.
func (a *analyser) reconcileOne(rows int, s *StudyCount, study, what string, pts []*Course) (*Counts, bool) {
	if rows != 1 {
		return nil, false
	}
	return a.reconcile(s, study, what, pts)
}

// patientUnits returns one unit per patient (all drugs together), for the
// by-disease and overall rates. A study whose patient outcomes are not
// attributable contributes its study-level "all" row instead, when it has
// one.
func (a *analyser) patientUnits(n *Normalised) []*unit {
	all := map[string][]*StudyCount{} // a study's "all" rows, one per disease when counts are split by disease
	for _, s := range n.Studies {
		if s.All {
			all[s.Study] = append(all[s.Study], s)
		}
	}
	unattributable := map[string]bool{}
	hasPatients := map[string]bool{}
	for _, c := range n.Courses {
		hasPatients[c.Study] = true
		if c.Outcome.NotAttributable {
			unattributable[c.Study] = true
		}
	}
	// The residue needs one aggregate row to subtract from; a study whose
	// counts are split by disease keeps its study-level rows alone.
	residue := map[string]*Counts{}
	studies := make([]string, 0, len(unattributable))
	for study := range unattributable {
		studies = append(studies, study)
	}
	sort.Strings(studies)
	for _, study := range studies {
		if len(all[study]) != 1 {
			continue
		}
		seenPt := map[string]bool{}
		pts := attributed(n.Courses, study, func(c *Course) bool {
			_, ok := a.groupOf(c)
			if !ok || seenPt[c.CaseID] {
				return false
			}
			seenPt[c.CaseID] = true
			return true
		})
		if r, ok := a.reconcile(all[study][0], study, "all drugs", pts); ok {
			residue[study] = r
		}
	}
	seen := map[[2]string]bool{}
	var units []*unit
	for _, c := range n.Courses {
		if unattributable[c.Study] && len(all[c.Study]) > 0 && (residue[c.Study] == nil || c.Outcome.NotAttributable && !c.OutcomeAdjudicated) {
			continue
		}
		if _, ok := a.groupOf(c); !ok {
			continue
		}
		k := [2]string{c.Study, c.CaseID}
		if seen[k] {
			continue
		}
		seen[k] = true
		units = append(units, &unit{study: c.Study, disease: diseaseLabel(c), group: diseaseGroupLabel(c), counts: a.courseCounts(c), source: "patients", course: c})
	}
	allStudies := make([]string, 0, len(all))
	for study := range all {
		allStudies = append(allStudies, study)
	}
	sort.Strings(allStudies) // studyLevelCounts may warn: a fixed order
	for _, study := range allStudies {
		ss := all[study]
		if hasPatients[study] && !unattributable[study] {
			continue
		}
		for _, s := range ss {
			dis := s.Disease.Canonical
			if dis == "" {
				dis = strings.TrimSpace(s.Disease.Term)
			}
			if dis == "" {
				dis = unspecified
			}
			grp := s.Disease.Class
			if grp == "" {
				grp = dis
			}
			counts := a.studyLevelCounts(s)
			if r := residue[study]; r != nil { // the study's one "all" row, less its individual patients
				if r.Treated == 0 {
					continue
				}
				counts = *r
			}
			units = append(units, &unit{study: study, disease: dis, group: grp, counts: counts, source: "study-level"})
		}
	}
	sort.SliceStable(units, func(i, j int) bool {
		if units[i].study != units[j].study {
			return units[i].study < units[j].study
		}
		return units[i].disease < units[j].disease
	})
	return units
}

// rates computes rates by group (drug or class), by disease, by group ×
// disease and overall. Patient units (nil for the class table) give the
// by-disease and overall rows.
func (a *analyser) rates(drugUnits, patientUnits []*unit, group, disease func(*unit) string) []RateRow {
	type key struct{ g, d string }
	acc := map[key]*Counts{}
	add := func(k key, c Counts) {
		if acc[k] == nil {
			acc[k] = &Counts{}
		}
		acc[k].add(c)
	}
	for _, u := range drugUnits {
		g := group(u)
		if g == "" {
			g = "(unclassified)"
		}
		add(key{g, ""}, u.counts)
		add(key{g, disease(u)}, u.counts)
	}
	for _, u := range patientUnits {
		add(key{"", disease(u)}, u.counts)
		add(key{"", ""}, u.counts)
	}
	keys := make([]key, 0, len(acc))
	for k := range acc {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].g != keys[j].g {
			return keys[i].g < keys[j].g
		}
		return keys[i].d < keys[j].d
	})
	var rows []RateRow
	for _, k := range keys {
		c := acc[k]
		for _, pop := range []string{PopITT, PopEvaluable} {
			n := c.N(pop)
			iv := stats.BinomialCI(c.Responders, n, a.level, a.method)
			rows = append(rows, RateRow{Drug: k.g, Disease: k.d, Population: pop, N: n, Responders: c.Responders,
				Rate: iv.Estimate, Low: iv.Low, High: iv.High, Method: a.method.String(),
				Small: n < a.cfg.SmallGroup, Unclassified: c.Unclassified, Warnings: iv.Warnings})
		}
	}
	return rows
}

// classUnits keeps one patient unit per drug class: a patient given two
// calcium channel blockers counts once for the class.
func classUnits(units []*unit) []*unit {
	seen := map[[3]string]bool{}
	var out []*unit
	for _, u := range units {
		if u.course != nil {
			k := [3]string{u.study, u.course.CaseID, u.class}
			if seen[k] {
				continue
			}
			seen[k] = true
		}
		out = append(out, u)
	}
	return out
}

// studyCounts returns the evaluable events and n per study × drug.
func studyCounts(units []*unit, pop string) []StudyRow {
	type sd struct{ study, drug string }
	acc := map[sd]*Counts{}
	for _, u := range units {
		k := sd{u.study, u.drug}
		if acc[k] == nil {
			acc[k] = &Counts{}
		}
		acc[k].add(u.counts)
	}
	rows := make([]StudyRow, 0, len(acc))
	for k, c := range acc {
		rows = append(rows, StudyRow{Study: k.study, Drug: k.drug, Events: c.Responders, N: c.N(pop)})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Drug != rows[j].Drug {
			return rows[i].Drug < rows[j].Drug
		}
		return rows[i].Study < rows[j].Study
	})
	return rows
}

// pool pools each drug with at least two studies.
func (a *analyser) pool(rows []StudyRow) (pooled, sens []PooledRow) {
	byDrug := map[string][]StudyRow{}
	var drugs []string
	for _, r := range rows {
		if r.N == 0 {
			continue
		}
		if byDrug[r.Drug] == nil {
			drugs = append(drugs, r.Drug)
		}
		byDrug[r.Drug] = append(byDrug[r.Drug], r)
	}
	sort.Strings(drugs)
	for _, d := range drugs {
		rs := byDrug[d]
		if len(rs) < 2 {
			a.warnf("%s: one study only (k = 1): no pooling", d)
			continue
		}
		studies := make([]meta.Study, len(rs))
		small := 0
		for i, r := range rs {
			studies[i] = meta.Study{Events: r.Events, N: r.N}
			if r.N <= 2 {
				small++
			}
		}
		glmm := glmmRow(d, studies, a.cfg.Nodes, a.level)
		lr := ivRow(d, studies, meta.Logit, meta.REML, a.level)
		pr := ivRow(d, studies, meta.FreemanTukey, meta.REML, a.level)
		cp := cpRow(d, studies, a.level)
		switch a.cfg.Pooling {
		case "glmm":
			pooled = append(pooled, glmm)
		default:
			t := meta.Logit
			if a.cfg.Transform == "pft" {
				t = meta.FreemanTukey
			}
			e := meta.REML
			if a.cfg.Pooling == "dl" {
				e = meta.DL
			}
			pooled = append(pooled, ivRow(d, studies, t, e, a.level))
		}
		sens = append(sens, glmm, lr, pr, cp)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range []PooledRow{glmm, lr, pr, cp} {
			if !math.IsNaN(r.Estimate) {
				lo, hi = math.Min(lo, r.Estimate), math.Max(hi, r.Estimate)
			}
		}
		if hi-lo > 0.10 {
			a.warnf("%s: pooled estimates disagree by %.1f percentage points across GLMM, logit-REML, PFT-REML and pooled Clopper–Pearson: read the sensitivity table", d, 100*(hi-lo))
		}
		if 2*small > len(rs) {
			advice := "prefer the GLMM"
			if math.IsNaN(glmm.Estimate) {
				advice = "and the GLMM has no estimate here: report the pooled Clopper–Pearson rate"
			}
			a.warnf("%s: %d of %d studies have n ≤ 2: inverse-variance pooling depends mostly on the transformation; %s", d, small, len(rs), advice)
		}
		for _, r := range []PooledRow{glmm, lr, pr} {
			for _, w := range r.Warnings {
				if strings.Contains(w, "n <= 2") {
					continue // said once above, for all three methods
				}
				a.warnf("%s, %s %s pooling: %s", d, r.Method, r.Transform, w)
			}
		}
	}
	return pooled, sens
}

func glmmRow(d string, s []meta.Study, nodes int, level float64) PooledRow {
	r := meta.GLMM(s, nodes, level)
	row := PooledRow{Drug: d, K: r.K, Events: r.Events, N: r.N, Estimate: r.Estimate, Low: r.CILow, High: r.CIHigh,
		Tau2: r.Tau2, I2: math.NaN(), Q: math.NaN(), QP: math.NaN(), Transform: "logit", Method: "GLMM", Warnings: r.Warnings}
	row.PredLow, row.PredHigh = predInterval(r.EstRaw, r.SERaw, r.Tau2, level)
	return row
}

func ivRow(d string, s []meta.Study, t meta.Transform, e meta.Estimator, level float64) PooledRow {
	r := meta.InverseVariance(s, t, e, level)
	row := PooledRow{Drug: d, K: r.K, Events: r.Events, N: r.N, Estimate: r.Estimate, Low: r.CILow, High: r.CIHigh,
		Tau2: r.Tau2, I2: r.I2, Q: r.Q, QP: r.QP, Transform: t.String(), Method: e.String(), Warnings: r.Warnings,
		PredLow: math.NaN(), PredHigh: math.NaN()}
	if t == meta.Logit {
		row.PredLow, row.PredHigh = predInterval(r.EstRaw, r.SERaw, r.Tau2, level)
	}
	return row
}

func cpRow(d string, s []meta.Study, level float64) PooledRow {
	x, n := 0, 0
	for _, st := range s {
		x += st.Events
		n += st.N
	}
	iv := stats.BinomialCI(x, n, level, stats.ClopperPearson)
	return PooledRow{Drug: d, K: len(s), Events: x, N: n, Estimate: iv.Estimate, Low: iv.Low, High: iv.High,
		Tau2: math.NaN(), I2: math.NaN(), Q: math.NaN(), QP: math.NaN(), Transform: "none", Method: "pooled Clopper-Pearson", Warnings: iv.Warnings,
		PredLow: math.NaN(), PredHigh: math.NaN()}
}

// CompareOmitted counts the groups of one comparison dimension that were
// not compared because more than analysis.max_compare_groups groups have
// evaluable patients.
type CompareOmitted struct {
	// By is "drug" or "disease within DRUG", as Comparison.By.
	By string `json:"by"`
	// Groups and Patients count the groups left out and their evaluable
	// patients; Largest is the evaluable n of the largest of them.
	Groups   int `json:"groups"`
	Patients int `json:"patients"`
	Largest  int `json:"largest_n"`
}

// compare runs Fisher's exact test between pairs of drugs and between the
// diseases of each compared drug given in two or more diseases (evaluable
// population), with Benjamini–Hochberg adjustment across the tested pairs.
//
// The pairs are bounded so that a table of many distinct names stays
// cheap: of each dimension only the analysis.max_compare_groups groups
// with the most evaluable patients (ties by name) are compared with each
// other, and diseases only within those drugs; the rest are counted in
// the second result. Pairs with a group below analysis.min_compare_n are
// listed untested.
func (a *analyser) compare(units []*unit) ([]Comparison, []CompareOmitted) {
	byDrug := map[string]*Counts{}
	for _, u := range units {
		if byDrug[u.drug] == nil {
			byDrug[u.drug] = &Counts{}
		}
		byDrug[u.drug].add(u.counts)
	}
	var out []Comparison
	var omitted []CompareOmitted
	maxGroups := a.cfg.MaxCompareGroups
	if maxGroups < 2 {
		maxGroups = 30
	}
	// top returns the names of groups to compare, sorted by name: the
	// maxGroups groups with the most evaluable patients.
	top := func(by string, groups map[string]*Counts) []string {
		names := make([]string, 0, len(groups))
		for g, c := range groups {
			if g == unspecified || g == notReported {
				continue // not a disease: no comparison against a mixture
			}
			if c.N(PopEvaluable) > 0 {
				names = append(names, g)
			}
		}
		if len(names) > maxGroups {
			sort.Slice(names, func(i, j int) bool {
				ni, nj := groups[names[i]].N(PopEvaluable), groups[names[j]].N(PopEvaluable)
				if ni != nj {
					return ni > nj
				}
				return names[i] < names[j]
			})
			om := CompareOmitted{By: by, Groups: len(names) - maxGroups}
			for _, g := range names[maxGroups:] {
				n := groups[g].N(PopEvaluable)
				om.Patients += n
				om.Largest = max(om.Largest, n)
			}
			omitted = append(omitted, om)
			names = names[:maxGroups]
		}
		sort.Strings(names)
		return names
	}
	// pairs adds the comparisons of one dimension and returns the groups
	// compared.
	pairs := func(by string, groups map[string]*Counts) []string {
		names := top(by, groups)
		for i := 0; i < len(names); i++ {
			for j := i + 1; j < len(names); j++ {
				ca, cb := groups[names[i]], groups[names[j]]
				na, nb := ca.N(PopEvaluable), cb.N(PopEvaluable)
				c := Comparison{By: by, GroupA: names[i], GroupB: names[j],
					RespondersA: ca.Responders, NA: na, RespondersB: cb.Responders, NB: nb,
					OddsRatio: math.NaN(), ORLow: math.NaN(), ORHigh: math.NaN(), P: math.NaN(), PAdjusted: math.NaN()}
				if min := a.cfg.MinCompareN; na < min || nb < min {
					c.Note = fmt.Sprintf("not tested: a group has fewer than %d evaluable patients", min)
					out = append(out, c)
					continue
				}
				f := stats.FisherExact(ca.Responders, na-ca.Responders, cb.Responders, nb-cb.Responders, a.level)
				c.P, c.Warnings = f.PValue, f.Warnings
				if f.OddsRatio > 0 && !math.IsInf(f.OddsRatio, 0) && !math.IsNaN(f.OddsRatio) {
					c.OddsRatio, c.ORLow, c.ORHigh = f.OddsRatio, f.ORLow, f.ORHigh
				} else {
					c.Note = "odds ratio not estimable (a zero cell: every or no patient responded in a group); the p-value stands"
				}
				out = append(out, c)
			}
		}
		return names
	}
	drugs := pairs("drug", byDrug)
	drugComparisons := len(out)
	compared := map[string]map[string]*Counts{}
	for _, d := range drugs {
		compared[d] = map[string]*Counts{}
	}
	for _, u := range units {
		if m := compared[u.drug]; m != nil {
			if m[u.disease] == nil {
				m[u.disease] = &Counts{}
			}
			m[u.disease].add(u.counts)
		}
	}
	for _, d := range drugs {
		if len(compared[d]) >= 2 {
			pairs("disease within "+d, compared[d])
		}
	}
	if drugComparisons > 0 && a.cfg.Attribution == "exposure" {
		a.warnf("drug comparisons under exposure attribution compare groups that share patients (combination regimens): Fisher's test assumes independent groups, read the p-values as descriptive")
	}
	var p []float64
	var tested []int
	for i := range out {
		if !math.IsNaN(out[i].P) {
			p, tested = append(p, out[i].P), append(tested, i)
		}
	}
	if len(p) > 0 {
		adj := stats.AdjustBH(p)
		for k, i := range tested {
			out[i].PAdjusted = adj[k]
		}
	}
	for _, om := range omitted {
		a.warnf("comparisons by %s: %d groups (%d evaluable patients, the largest %d) not compared: only the %d groups with the most evaluable patients are (analysis.max_compare_groups)",
			om.By, om.Groups, om.Patients, om.Largest, maxGroups)
	}
	return out, omitted
}

// Reasons a course is not evaluable, read from the outcome phrases.
const (
	reasonDeath   = "death"
	reasonAdverse = "adverse effects"
	reasonLost    = "lost to follow-up"
)

var reasonCues = []struct{ reason, cue string }{
	{reasonDeath, "died"}, {reasonDeath, "death"}, {reasonDeath, "deceased"}, {reasonDeath, "fatal"},
	{reasonAdverse, "side effect"}, {reasonAdverse, "adverse"}, {reasonAdverse, "toxicit"}, {reasonAdverse, "tolera"},
	{reasonAdverse, "hypersensitivity"}, {reasonAdverse, "allergic"},
	{reasonLost, "lost to follow"}, {reasonLost, "lost to followup"}, {reasonLost, "loss to follow"}, {reasonLost, "lost of follow"},
}

// endReason returns why a course ended without an assessable response —
// death, adverse effects or lost to follow-up — from the outcome phrases
// the reader found (the first cue in reasonCues order wins, so a death
// after a toxicity is a death), or "" when none says so.
func endReason(c *Course) string {
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

// ongoing reports whether the treatment-duration cell says the treatment
// continued at the last follow-up.
func ongoing(c *Course) bool {
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
func (a *analyser) timeToResponse(n *Normalised) ([]TimeInput, []TimeCurve) {
	var inputs []TimeInput
	excluded, unclassified := 0, 0
	type tally struct{ responders, known int }
	tallies := map[string]*tally{}
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
			tl = &tally{}
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
			died := endReason(c) == reasonDeath
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
		tc := TimeCurve{Drug: drug, Estimator: estimator, Responders: tl.responders, TimesKnown: tl.known}
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
	for _, g := range sortedKeys(tallies) {
		if tl := tallies[g]; tl.responders > 0 && tl.known == 0 && !hasCurve[g] {
			curves = append(curves, TimeCurve{Drug: g, Estimator: estimator, Responders: tl.responders,
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

// outcomeTallies counts outcome categories per drug and per disease.
// A disease key other than the disease (the group) may be given.
func outcomeTallies(drugUnits, patientUnits []*unit, diseaseKey ...func(*unit) string) (byDrug, byDisease map[string]map[string]int) {
	tally := func(units []*unit, key func(*unit) string) map[string]map[string]int {
		m := map[string]map[string]int{}
		for _, u := range units {
			k := key(u)
			if m[k] == nil {
				m[k] = map[string]int{}
			}
			known := 0
			for cat, v := range u.counts.ByCategory {
				m[k][cat.String()] += v
				known += v
			}
			if rest := u.counts.Treated - known; rest > 0 {
				m[k]["unknown"] += rest
			}
		}
		return m
	}
	dk := func(u *unit) string { return u.disease }
	if len(diseaseKey) > 0 {
		dk = diseaseKey[0]
	}
	return tally(drugUnits, func(u *unit) string { return u.drug }), tally(patientUnits, dk)
}
