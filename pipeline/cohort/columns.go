package cohort

import (
	"iter"
	"math"
	"strconv"

	"github.com/tresp/tresp/stats/surv"
)

// Column is one column of a result table: its name, which is the CSV
// header of tables/*.csv and (for rows in summary.json) the JSON key, and
// its value in a row: an int, a float64, a bool or a string.
type Column[R any] struct {
	Name  string
	Value func(*R) any
}

// Columns is the column table of one result row type. The CSV writer,
// the publication tables and the tests read a row type's columns from it,
// so that a column is named and read in one place.
type Columns[R any] []Column[R]

// Header returns the column names.
func (cs Columns[R]) Header() []string {
	h := make([]string, len(cs))
	for i, c := range cs {
		h[i] = c.Name
	}
	return h
}

// Cells returns the CSV cells of r: ints in decimal, floats as FormatNum
// writes them, bools as 0 and 1, strings as they are.
func (cs Columns[R]) Cells(r *R) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		switch v := c.Value(r).(type) {
		case int:
			out[i] = strconv.Itoa(v)
		case float64:
			out[i] = FormatNum(v)
		case bool:
			out[i] = "0"
			if v {
				out[i] = "1"
			}
		case string:
			out[i] = v
		}
	}
	return out
}

// Rows returns the cells of every row, each row formatted when the
// iterator reaches it.
func (cs Columns[R]) Rows(rs []R) iter.Seq[[]string] {
	return cs.RowsWhere(rs, nil)
}

// RowsWhere is Rows over the rows keep accepts (all when keep is nil).
func (cs Columns[R]) RowsWhere(rs []R, keep func(*R) bool) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		for i := range rs {
			if keep != nil && !keep(&rs[i]) {
				continue
			}
			if !yield(cs.Cells(&rs[i])) {
				return
			}
		}
	}
}

// Renamed returns the columns with the column old named new (the disease
// column of the by-group rates is "disease_group").
func (cs Columns[R]) Renamed(old, new string) Columns[R] {
	out := make(Columns[R], len(cs))
	copy(out, cs)
	for i := range out {
		if out[i].Name == old {
			out[i].Name = new
		}
	}
	return out
}

// Get returns the column named name; it panics for an unknown name, a
// programming error.
func (cs Columns[R]) Get(name string) Column[R] {
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	panic("cohort: no column " + name)
}

// FormatNum formats a statistic for the tables/*.csv files: the shortest
// decimal that reads back to the same float64 (so R agreement is limited
// only by the computation), "Inf" and "-Inf" as R writes them, and an
// empty cell for NaN (not applicable or undefined).
func FormatNum(v float64) string {
	switch {
	case math.IsNaN(v):
		return ""
	case math.IsInf(v, 1):
		return "Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// RateColumns are the columns of response_rates.csv (and of the rows of
// analysis.response_rates in summary.json).
var RateColumns = Columns[RateRow]{
	{"drug", func(r *RateRow) any { return r.Drug }},
	{"disease", func(r *RateRow) any { return r.Disease }},
	{"population", func(r *RateRow) any { return r.Population }},
	{"n", func(r *RateRow) any { return r.N }},
	{"responders", func(r *RateRow) any { return r.Responders }},
	{"unclassified", func(r *RateRow) any { return r.Unclassified }},
	{"rate", func(r *RateRow) any { return r.Rate }},
	{"ci_low", func(r *RateRow) any { return r.Low }},
	{"ci_high", func(r *RateRow) any { return r.High }},
	{"ci_method", func(r *RateRow) any { return r.Method }},
}

// StudyColumns are the columns of study_counts.csv.
var StudyColumns = Columns[StudyRow]{
	{"study", func(r *StudyRow) any { return r.Study }},
	{"drug", func(r *StudyRow) any { return r.Drug }},
	{"events", func(r *StudyRow) any { return r.Events }},
	{"n", func(r *StudyRow) any { return r.N }},
}

// PooledColumns are the columns of pooled_rates.csv and
// pooled_sensitivity.csv.
var PooledColumns = Columns[PooledRow]{
	{"drug", func(r *PooledRow) any { return r.Drug }},
	{"k", func(r *PooledRow) any { return r.K }},
	{"events", func(r *PooledRow) any { return r.Events }},
	{"n", func(r *PooledRow) any { return r.N }},
	{"estimate", func(r *PooledRow) any { return r.Estimate }},
	{"ci_low", func(r *PooledRow) any { return r.Low }},
	{"ci_high", func(r *PooledRow) any { return r.High }},
	{"tau2", func(r *PooledRow) any { return r.Tau2 }},
	{"i2", func(r *PooledRow) any { return r.I2 }},
	{"q", func(r *PooledRow) any { return r.Q }},
	{"q_p", func(r *PooledRow) any { return r.QP }},
	{"transform", func(r *PooledRow) any { return r.Transform }},
	{"method", func(r *PooledRow) any { return r.Method }},
}

// ComparisonColumns are the columns of comparisons.csv.
var ComparisonColumns = Columns[Comparison]{
	{"by", func(r *Comparison) any { return r.By }},
	{"group_a", func(r *Comparison) any { return r.GroupA }},
	{"group_b", func(r *Comparison) any { return r.GroupB }},
	{"responders_a", func(r *Comparison) any { return r.RespondersA }},
	{"n_a", func(r *Comparison) any { return r.NA }},
	{"responders_b", func(r *Comparison) any { return r.RespondersB }},
	{"n_b", func(r *Comparison) any { return r.NB }},
	{"odds_ratio", func(r *Comparison) any { return r.OddsRatio }},
	{"or_ci_low", func(r *Comparison) any { return r.ORLow }},
	{"or_ci_high", func(r *Comparison) any { return r.ORHigh }},
	{"p_value", func(r *Comparison) any { return r.P }},
	{"p_adjusted", func(r *Comparison) any { return r.PAdjusted }},
	{"note", func(r *Comparison) any { return r.Note }},
}

// TimeInputColumns are the columns of time_to_response_input.csv; event
// is 1 for a response, 2 for a death before any response (a competing
// event) and 0 for censoring.
var TimeInputColumns = Columns[TimeInput]{
	{"drug", func(r *TimeInput) any { return r.Drug }},
	{"study", func(r *TimeInput) any { return r.Study }},
	{"case_id", func(r *TimeInput) any { return r.CaseID }},
	{"time_days", func(r *TimeInput) any { return r.Days }},
	{"event", func(r *TimeInput) any {
		switch {
		case r.Event:
			return 1
		case r.Death:
			return 2
		}
		return 0
	}},
}

// TimePoint is one step of a drug's cumulative response: a row of
// time_to_response.csv.
type TimePoint struct {
	Drug, Estimator string
	surv.CumPoint
}

// Points returns the steps of every curve, in order.
func Points(curves []TimeCurve) []TimePoint {
	var out []TimePoint
	for _, c := range curves {
		for _, p := range c.Points {
			out = append(out, TimePoint{c.Drug, c.Estimator, p})
		}
	}
	return out
}

// TimePointColumns are the columns of time_to_response.csv.
var TimePointColumns = Columns[TimePoint]{
	{"drug", func(r *TimePoint) any { return r.Drug }},
	{"estimator", func(r *TimePoint) any { return r.Estimator }},
	{"time_days", func(r *TimePoint) any { return r.Time }},
	{"n_risk", func(r *TimePoint) any { return r.NRisk }},
	{"n_event", func(r *TimePoint) any { return r.NEvent }},
	{"n_death", func(r *TimePoint) any { return r.NCompeting }},
	{"n_censor", func(r *TimePoint) any { return r.NCensor }},
	{"cum_response", func(r *TimePoint) any { return r.Cum }},
	{"ci_low", func(r *TimePoint) any { return r.Low }},
	{"ci_high", func(r *TimePoint) any { return r.High }},
}

// CountColumns are the columns of counts/counts.csv: study-level field
// names (docs/schema.md) and, last, the unclassified patients, which no
// count of a rate includes.
var CountColumns = Columns[CountRow]{
	{"study", func(r *CountRow) any { return r.Study }},
	{"drug", func(r *CountRow) any { return r.Drug }},
	{"disease", func(r *CountRow) any { return r.Disease }},
	{"treated", func(r *CountRow) any { return r.Treated }},
	{"responders", func(r *CountRow) any { return r.Responders }},
	{"not_evaluable", func(r *CountRow) any { return r.NotEvaluable }},
	{"complete", func(r *CountRow) any { return r.Complete }},
	{"partial", func(r *CountRow) any { return r.Partial }},
	{"minimal", func(r *CountRow) any { return r.Minimal }},
	{"no_response", func(r *CountRow) any { return r.NoResponse }},
	{"progression", func(r *CountRow) any { return r.Progression }},
	{"unclassified", func(r *CountRow) any { return r.Unclassified }},
}

// CSVTable is one file of tables/*.csv: its path in the output directory,
// its header and its rows, formatted one at a time as they are read (a
// table of a million groups is never held as strings).
type CSVTable struct {
	Path   string
	Header []string
	Rows   iter.Seq[[]string]
}

// The tables of the rate lists and of the study counts, by their paths in
// the output directory.
const (
	RatesFile       = "tables/response_rates.csv"
	ClassRatesFile  = "tables/response_rates_by_class.csv"
	GroupRatesFile  = "tables/response_rates_by_disease_group.csv"
	StudyCountsFile = "tables/study_counts.csv"
)

// classRateWritten reports whether a row of Analysis.ClassRates is a row of
// response_rates_by_class.csv: not an overall row, whose drug class is empty.
func classRateWritten(r *RateRow) bool { return r.Drug != "" }

// CSVTables returns the tables/*.csv files of an analysis, each from the
// column table of its row type. The class rates leave out the overall
// row, whose drug class is empty.
func CSVTables(a *Analysis) []CSVTable {
	rc := RateColumns
	return []CSVTable{
		{RatesFile, rc.Header(), rc.Rows(a.Rates)},
		{GroupRatesFile, rc.Renamed("disease", "disease_group").Header(), rc.Rows(a.GroupRates)},
		{ClassRatesFile, rc.Renamed("drug", "drug_class").Header(), rc.RowsWhere(a.ClassRates, classRateWritten)},
		{StudyCountsFile, StudyColumns.Header(), StudyColumns.Rows(a.StudyCounts)},
		{"tables/pooled_rates.csv", PooledColumns.Header(), PooledColumns.Rows(a.Pooled)},
		{"tables/pooled_sensitivity.csv", PooledColumns.Header(), PooledColumns.Rows(a.Sensitivity)},
		{"tables/comparisons.csv", ComparisonColumns.Header(), ComparisonColumns.Rows(a.Comparisons)},
		{"tables/time_to_response_input.csv", TimeInputColumns.Header(), TimeInputColumns.Rows(a.TimeInputs)},
		{"tables/time_to_response.csv", TimePointColumns.Header(), TimePointColumns.Rows(Points(a.TimeCurves))},
	}
}
