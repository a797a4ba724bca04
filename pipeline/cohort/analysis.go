package cohort

import (
	"github.com/tresp/tresp/stats"
	"github.com/tresp/tresp/stats/surv"
)

// Population names.
const (
	PopITT       = "itt"
	PopEvaluable = "evaluable"
)

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
	// Interval is Events/N with its interval at the analysis' level and
	// method, as the forest plot draws it.
	Interval stats.Interval `json:"-"`
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
	// Count is the pooled count Events/N with its Clopper–Pearson interval:
	// what a table shows when the model has no estimate.
	Count stats.Interval `json:"-"`
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
	// Inputs counts the drug's rows of the time-to-response input (one per
	// course: what the figure counts as its patients), and Times are their
	// distinct times in increasing order with the rows at each, whatever
	// the estimator (the figure's numbers at risk and censoring ticks). Not
	// in summary.json.
	Inputs int         `json:"-"`
	Times  []TimeCount `json:"-"`
}

// TimeCount is one distinct time of a drug's time-to-response input: the
// responses, the deaths before any response and the other courses
// (censored) at Days.
type TimeCount struct {
	Days                     float64
	Events, Deaths, Censored int
}

// Analysis is the result of the analyse stage.
type Analysis struct {
	Responder   string         `json:"responder_threshold"`
	Attribution string         `json:"attribution"`
	CIMethod    stats.CIMethod `json:"ci_method"`
	Level       float64        `json:"level"`
	// PoolPopulation is the denominator of StudyCounts, Pooled and
	// Sensitivity: evaluable or itt (deaths and losses count as failures).
	PoolPopulation string `json:"pool_population"`
	// Rates are the rows of tables/response_rates.csv and ClassRates those
	// of response_rates_by_class.csv. summary.json lists a rate list of at
	// most MaxListedRates rows; see ForSummary.
	Rates      []RateRow `json:"response_rates,omitzero"`
	ClassRates []RateRow `json:"response_rates_by_class,omitzero"`
	// GroupRates are the rates of Rates with the disease group in the
	// Disease field (response_rates_by_disease_group.csv).
	GroupRates []RateRow `json:"response_rates_by_disease_group,omitzero"`
	// RatesUnlisted, ClassRatesUnlisted and GroupRatesUnlisted are set
	// only in what ForSummary returns, for a rate list summary.json does
	// not list: they name the table that holds its rows and count them.
	RatesUnlisted      *UnlistedRows `json:"response_rates_unlisted,omitempty"`
	ClassRatesUnlisted *UnlistedRows `json:"response_rates_by_class_unlisted,omitempty"`
	GroupRatesUnlisted *UnlistedRows `json:"response_rates_by_disease_group_unlisted,omitempty"`
	// StudyCounts are the rows of tables/study_counts.csv, one per study ×
	// drug; summary.json lists them when there are at most MaxListedRates,
	// as a rate list (see ForSummary).
	StudyCounts []StudyRow `json:"study_counts,omitzero"`
	// StudyCountsUnlisted is set only in what ForSummary returns, when
	// summary.json does not list StudyCounts: it names tables/study_counts.csv
	// and counts its rows.
	StudyCountsUnlisted *UnlistedRows `json:"study_counts_unlisted,omitempty"`
	Sources             []SourceRow   `json:"sources"`
	// SourcesUnlisted counts the study × drugs counted from their patients,
	// every outcome attributable, that Sources leaves out past
	// MaxListedSources of them (a large table has millions).
	SourcesUnlisted int          `json:"sources_unlisted,omitempty"`
	Pooled          []PooledRow  `json:"pooled_rates"`
	Sensitivity     []PooledRow  `json:"pooled_sensitivity"`
	Comparisons     []Comparison `json:"comparisons"`
	// ComparisonsOmitted counts the groups past
	// analysis.max_compare_groups, per dimension, that were not compared.
	ComparisonsOmitted []CompareOmitted `json:"comparisons_omitted,omitempty"`
	// TimeInputs are the rows of tables/time_to_response_input.csv (one per
	// course; not in summary.json): every row, or the first
	// Accumulator.MaxTimeInputs of a streaming run (a warning says so).
	TimeInputs []TimeInput `json:"-"`
	TimeCurves []TimeCurve `json:"time_to_response"`
	Warnings   []string    `json:"warnings"`
	// Outcomes counts the patient-level outcome categories per drug and per
	// disease, for the outcome-bar figure.
	OutcomesByDrug    map[string]map[string]int `json:"outcomes_by_drug"`
	OutcomesByDisease map[string]map[string]int `json:"outcomes_by_disease"`
	// OutcomesByDiseaseGroup counts them per disease group.
	OutcomesByDiseaseGroup map[string]map[string]int `json:"outcomes_by_disease_group"`
	// Counts are the mergeable counts per study × drug × disease written by
	// --emit-counts (counts/counts.csv); not in summary.json.
	Counts []CountRow `json:"-"`
	// Views are the bounded per-patient summaries of the publication
	// tables and figures (Table 1, the patient table, the swimmer and
	// dose–response plots); not in summary.json.
	Views Views `json:"-"`
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

// UnlistedRows names the table that holds the rows of a list summary.json
// does not list (a rate list or the study counts), and counts them.
type UnlistedRows struct {
	// File is the table's path in the output directory
	// ("tables/response_rates.csv").
	File string `json:"file"`
	// Rows counts its rows, the header not included.
	Rows int `json:"rows"`
}

// MaxListedRates is how many rows of a rate list (Analysis.Rates,
// ClassRates, GroupRates) or of the study counts (Analysis.StudyCounts)
// summary.json lists, each list judged alone. A longer list, as on a large
// table with hundreds of thousands of drug × disease groups or study ×
// drugs, is left out of summary.json whole, which names the table under
// tables/ that holds its rows instead, so that these lists do not grow
// summary.json with the number of groups. Nothing is lost: the table's rows
// are the list's (a rate row's small_group is n < analysis.small_group, and
// its only warning is that of n = 0, an empty rate; study_counts.csv has
// every field summary.json lists of a study × drug).
const MaxListedRates = 10000

// ForSummary returns what summary.json writes of a, with at most limit rows
// per rate list and of the study counts: a shallow copy in which a longer
// list is nil, so left out, and its RatesUnlisted, ClassRatesUnlisted,
// GroupRatesUnlisted or StudyCountsUnlisted names its table and counts the
// table's rows. The lists it keeps are never nil, so that an empty one is
// written [] as before. a itself is not changed.
func (a *Analysis) ForSummary(limit int) *Analysis {
	s := *a
	s.Rates, s.RatesUnlisted = listedRows(a.Rates, limit, RatesFile, nil)
	s.ClassRates, s.ClassRatesUnlisted = listedRows(a.ClassRates, limit, ClassRatesFile, classRateWritten)
	s.GroupRates, s.GroupRatesUnlisted = listedRows(a.GroupRates, limit, GroupRatesFile, nil)
	s.StudyCounts, s.StudyCountsUnlisted = listedRows(a.StudyCounts, limit, StudyCountsFile, nil)
	return &s
}

// listedRows returns rows, never nil, when there are at most limit of them;
// otherwise nil and the table file with the number of rows it has (those
// keep accepts, all when keep is nil).
func listedRows[Row any](rows []Row, limit int, file string, keep func(*Row) bool) ([]Row, *UnlistedRows) {
	if len(rows) <= limit {
		if rows == nil {
			rows = []Row{}
		}
		return rows, nil
	}
	n := 0
	for i := range rows {
		if keep == nil || keep(&rows[i]) {
			n++
		}
	}
	return nil, &UnlistedRows{File: file, Rows: n}
}
