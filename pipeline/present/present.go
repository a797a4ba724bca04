package present

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/figure"
	"github.com/tresp/tresp/reports/table"
)

// Options are the settings the presentation reads, as plain values: the
// caller (pipeline) takes them from the validated configuration.
type Options struct {
	// Pooling (glmm, reml or dl), Transform (logit or pft) and Nodes
	// describe the pooling model in the forest plot's caption.
	Pooling, Transform string
	Nodes              int
	// TimeEstimator is aalen-johansen or kaplan-meier.
	TimeEstimator string
	// DiseaseGroups shows disease groups instead of diseases in Table 1,
	// Table 3 and the outcome-by-disease figure; DrugClasses shows drug
	// classes instead of drugs in Table 2.
	DiseaseGroups, DrugClasses bool
	// SmallGroup marks groups with fewer patients; MinCompareN and
	// MaxCompareGroups are the comparison limits the footnotes name.
	SmallGroup, MinCompareN, MaxCompareGroups int
	// ForestMaxDrugs caps the drugs of the forest plot.
	ForestMaxDrugs int
	// Table1By is none, drug or study (Table1ByDrug, Table1ByStudy).
	Table1By string
	// UnclassifiedCourses counts the courses left out until decided in
	// ReviewFile; Decisions is the base name of the decisions file
	// applied, "" for none.
	UnclassifiedCourses int
	Decisions           string
	// ReviewFile is the name of the review file the notes point to.
	ReviewFile string
}

// Table 1 column groupings (Options.Table1By).
const (
	Table1ByDrug  = "drug"
	Table1ByStudy = "study"
)

// Input is what the presentation reads: the analysis, with its
// per-patient views (cohort.Views), and plain Options.
type Input struct {
	Analysis *cohort.Analysis
	Options  Options
}

// presenter carries an Input through the builders.
type presenter struct {
	a   *cohort.Analysis
	v   *cohort.Views
	opt Options
}

func newPresenter(in *Input) *presenter {
	return &presenter{a: in.Analysis, v: &in.Analysis.Views, opt: in.Options}
}

// Figures returns every figure of the run, in output order.
func Figures(in *Input) []Figure { return newPresenter(in).figures() }

// Tables returns every publication table of the run, in output order.
func Tables(in *Input) []Table { return newPresenter(in).publicationTables() }

// Figure is a figure with its output base name and title.
type Figure struct {
	Name  string
	Title string
	Fig   figure.Figure
}

// Table is a publication table with its output base name.
type Table struct {
	Name string
	table.Table
}

// CaptionBody drops the bold title that starts a draft caption
// ("**Title.** text"), for pages that print the title already.
func CaptionBody(c string) string {
	if strings.HasPrefix(c, "**") {
		if i := strings.Index(c[2:], "**"); i >= 0 {
			return strings.TrimSpace(c[i+4:])
		}
	}
	return c
}

// MaxForestRows and MaxBarGroups bound the rows of the forest plot and
// the bars of an outcome chart: a page holds no more legibly. With more
// drugs or diseases the ones with the most patients are drawn, the title
// says how many of how many, and the tables keep them all.
//
// MaxCurves and MaxDoseDrugs bound the curves of the cumulative-response
// plot and the drugs of the dose–response plot the same way (the drugs
// with the most patients; ties by name), and MaxOmittedNames the drugs a
// caption names as not drawn.
const (
	MaxForestRows   = 60
	MaxBarGroups    = 40
	MaxCurves       = 12
	MaxDoseDrugs    = cohort.DoseMaxDrugs
	MaxOmittedNames = 20
)

// MaxDoseMarkers is the most points a one-panel dose–response figure
// holds: with more, each drug gets a panel of its own (at most
// cohort.DoseSample points each), so that markers stay apart.
const MaxDoseMarkers = 1000

// topByCount returns the max keys of n with the largest counts (ties by
// name) as a set, or nil when n has no more than max keys.
func topByCount(n map[string]int, max int) map[string]bool { return cohort.TopByCount(n, max) }

func pct(n, d int) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%s (%.0f%%)", numtext.Count(n), 100*float64(n)/float64(d))
}

// notEstimable marks a rate cell whose population has no patient; the
// table's footnote notEstimableNote explains it.
const notEstimable = "– ‡"

// notEstimableNote is the footnote of a table with a notEstimable cell.
const notEstimableNote = "‡ Not estimable: no patient in this population (the treated patients were all not evaluable, or their outcomes are not yet classified: see n and Unclassified)."

// rateCell formats a rate with its interval, or notEstimable when the
// population is empty: never NaN, Inf, "no patients" or empty parentheses.
func rateCell(r cohort.RateRow) string {
	if r.N == 0 {
		return notEstimable
	}
	if c := pooledCell(r.Rate, r.Low, r.High); c != "" {
		return c
	}
	return notEstimable
}

// pooledCell formats an estimate with its interval as "P% (L–H)", the
// estimate alone when the interval is not finite, and "" when the estimate
// is not: never NaN, Inf or empty parentheses.
func pooledCell(est, lo, hi float64) string {
	fin := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch {
	case !fin(est):
		return ""
	case !fin(lo) || !fin(hi):
		return fmt.Sprintf("%.0f%%", 100*est)
	}
	return fmt.Sprintf("%.0f%% (%.0f–%.0f)", 100*est, 100*lo, 100*hi)
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// plural writes a count with the singular or plural noun: "1 row", "2 rows".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return numtext.Count(n) + " " + many
}
