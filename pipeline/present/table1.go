package present

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"math"
	"strings"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/table"
)

// Table1MaxGroups caps the by-drug or by-study columns of Table 1; beyond
// it the groups with the most patients are shown and a footnote says so.
const Table1MaxGroups = cohort.Table1MaxGroups

// t1Row is one line of Table 1: its label, indent and the cell of a
// column's patients.
type t1Row struct {
	label  string
	indent int
	cell   func(b *cohort.Baseline) string
}

// table1 is Table 1 in the layout of gtsummary's tbl_summary: one line per
// continuous variable (median (Q1, Q3)), a label line and one line per
// level for categorical ones (n (%), percentages of those with the
// variable reported), "Unknown" only when some are, and a variable nobody
// reports left out; with tables.table1_by, a column per drug or study
// after the overall column.
func (pr *presenter) table1() table.Table {
	t := &pr.v.Table1
	all := &t.Overall
	var rows []t1Row
	continuous := func(label string, get func(*cohort.Baseline) cohort.Quartiles, scale float64, format string) {
		if get(all).Known == 0 {
			return
		}
		f := func(v float64) string { return fmt.Sprintf(format, v/scale) }
		rows = append(rows, t1Row{label: label, cell: func(b *cohort.Baseline) string {
			q := get(b)
			if q.Known == 0 {
				return "–"
			}
			return fmt.Sprintf("%s (%s, %s)", f(q.Median), f(q.Q1), f(q.Q3))
		}})
		if all.Patients-get(all).Known > 0 {
			rows = append(rows, t1Row{label: "Unknown", indent: 1, cell: func(b *cohort.Baseline) string { return numtext.Count(b.Patients - get(b).Known) }})
		}
	}
	capped := false // a categorical variable lists only its MaxPubRows largest levels
	categorical := func(label string, get func(*cohort.Baseline) *cohort.Levels, name func(string) string) {
		if get(all).Known == 0 {
			return
		}
		rows = append(rows, t1Row{label: label, cell: func(*cohort.Baseline) string { return "" }})
		// At most MaxPubRows levels, those with the most patients overall
		// (cohort.Table1MaxLevels); the others are one "Other" line.
		for _, k := range sortedKeys(get(all).Counts) {
			rows = append(rows, t1Row{label: name(k), indent: 1, cell: func(b *cohort.Baseline) string {
				if get(b).Known == 0 {
					return "–"
				}
				return pct(get(b).Counts[k], get(b).Known)
			}})
		}
		if others := get(all).Unlisted; others > 0 {
			capped = true
			rows = append(rows, t1Row{label: fmt.Sprintf("Other (%d more)", others), indent: 1, cell: func(b *cohort.Baseline) string {
				if get(b).Known == 0 {
					return "–"
				}
				return pct(get(b).Other, get(b).Known)
			}})
		}
		if all.Patients-get(all).Known > 0 {
			rows = append(rows, t1Row{label: "Unknown", indent: 1, cell: func(b *cohort.Baseline) string { return numtext.Count(b.Patients - get(b).Known) }})
		}
	}
	same := func(s string) string { return s }
	continuous("Age, years", func(b *cohort.Baseline) cohort.Quartiles { return b.Age }, 1, "%.0f")
	categorical("Sex", func(b *cohort.Baseline) *cohort.Levels { return &b.Sex }, func(k string) string {
		if l := map[string]string{"F": "Female", "M": "Male"}[k]; l != "" {
			return l
		}
		return k
	})
	disLabel := "Underlying disease"
	if pr.opt.DiseaseGroups {
		disLabel = "Underlying disease group"
	}
	categorical(disLabel, func(b *cohort.Baseline) *cohort.Levels { return &b.Disease }, same)
	categorical("Condition subtype", func(b *cohort.Baseline) *cohort.Levels { return &b.Subtype }, same)
	continuous("Duration of underlying disease, years", func(b *cohort.Baseline) cohort.Quartiles { return b.DiseaseDuration }, 365.25, "%.1f")

	t1 := table.Table{Title: "Baseline characteristics", Label: "tab:table1-baseline",
		Caption: fmt.Sprintf("Patients with individual data from %s studies.", numtext.Count(all.Studies)),
		Columns: []table.Column{{Key: "characteristic", Header: "Characteristic"}, {Key: "value", Header: "N = " + numtext.Count(all.Patients), Numeric: true}}}
	cols := []*cohort.Baseline{all}
	var notes []string
	if by := pr.opt.Table1By; by == Table1ByDrug || by == Table1ByStudy {
		g := &t.ByDrug
		if by == Table1ByStudy {
			g = &t.ByStudy
		}
		if g.Total > len(g.Groups) {
			notes = append(notes, fmt.Sprintf("Columns: the %d %ss with the most patients of %s (tables.table1_by = %q).", len(g.Groups), by, numtext.Count(g.Total), by))
		}
		t1.Columns[1].Header = "Overall, " + t1.Columns[1].Header
		for i := range g.Groups {
			b := &g.Groups[i]
			cols = append(cols, b)
			t1.Columns = append(t1.Columns, table.Column{Key: fmt.Sprintf("g%d", i), Header: fmt.Sprintf("%s, N = %s", b.Label, numtext.Count(b.Patients)), Numeric: true, Group: "By " + string(by)})
		}
		if by == Table1ByDrug {
			notes = append(notes, "A patient given several drugs is in each drug's column.")
		}
	}
	for _, r := range rows {
		cells := []string{r.label}
		for _, b := range cols {
			cells = append(cells, r.cell(b))
		}
		t1.Rows = append(t1.Rows, table.Row{Cells: cells, Indent: r.indent})
	}
	t1.Footnotes = append([]string{"Median (Q1, Q3); n (%). Percentages are of the patients for whom the characteristic is reported; Q1 and Q3 are R's quantile type 7; durations at 365.25 days per year; – : not reported for any patient of the column.",
		"Patients whose outcomes the source reports only in aggregate are included here; their counts enter the response tables as the residue of the study-level table."}, notes...)
	if capped {
		t1.Footnotes = append(t1.Footnotes, fmt.Sprintf("A characteristic of more than %d levels lists the %d with the most patients; the others are one line (Other).", MaxPubRows, MaxPubRows))
	}
	if all.Patients == 0 {
		t1.Rows = append(t1.Rows, table.Row{Cells: append([]string{"No patients with individual data"}, make([]string, len(cols))...)})
	}
	return t1
}

// PatientTableMax caps the per-patient table: beyond it the first
// patients by study and case are listed and a footnote points to
// normalised/cases.csv.
const PatientTableMax = cohort.PatientTableMax

// patientTable is the per-patient characteristics table of a review of
// case reports: study, case, age/sex, disease, treatment and dose,
// duration and outcome, one row per patient (cohort.PatientTable).
func (pr *presenter) patientTable() table.Table {
	t := table.Table{Title: "Characteristics of the individual patients", Label: "tab:patients",
		Columns: []table.Column{{Key: "study", Header: "Study"}, {Key: "case", Header: "Case"}, {Key: "age_sex", Header: "Age/sex"},
			{Key: "disease", Header: "Disease"}, {Key: "treatment", Header: "Treatment (dose)"}, {Key: "duration", Header: "Duration"},
			{Key: "outcome", Header: "Outcome"}}}
	pt := pr.v.PatientTable
	dash := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "–"
		}
		return s
	}
	for _, p := range pt.Rows {
		age := ""
		if !math.IsNaN(p.Age) {
			age = fmt.Sprintf("%.0f", p.Age)
		}
		as := strings.Trim(age+"/"+p.Sex, "/")
		var treat []string
		for _, k := range p.Treatments {
			d := k.Drug
			if !math.IsNaN(k.DoseMax) && k.DoseUnit != "" {
				if !math.IsNaN(k.DoseStart) && k.DoseStart != k.DoseMax {
					d += fmt.Sprintf(" (%s–%s %s)", fmtNum(k.DoseStart), fmtNum(k.DoseMax), k.DoseUnit)
				} else {
					d += fmt.Sprintf(" (%s %s)", fmtNum(k.DoseMax), k.DoseUnit)
				}
			}
			treat = append(treat, d)
		}
		dur := ""
		if !math.IsNaN(p.Duration) {
			dur = humanDays(p.Duration)
		}
		out := "not attributable (series counts)"
		if !p.NotAttributable {
			out = p.Category.String()
			if p.Unclassified {
				out = "unclassified (review.csv)"
			}
			if !math.IsNaN(p.TimeToResponse) {
				out += ", first response at " + humanDays(p.TimeToResponse)
			}
		}
		t.Rows = append(t.Rows, table.Row{Cells: []string{p.Study, dash(p.CaseID), dash(as), dash(p.Disease), strings.Join(treat, "; "), dash(dur), out}})
	}
	t.Footnotes = []string{"Doses are per day as normalised from the dose cell (first–largest step); durations in days, weeks, months or years as closest; outcome is the best response read from the outcome cell.",
		"Age/sex as reported; – : not reported."}
	if pt.Total > len(pt.Rows) {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("The first %d of %s patients by study and case are listed; every patient is in normalised/cases.csv.", len(pt.Rows), numtext.Count(pt.Total)))
	}
	if pt.Total == 0 {
		t.Rows = append(t.Rows, table.Row{Cells: []string{"No patients with individual data", "", "", "", "", "", ""}})
	}
	return t
}

// fmtNum formats a dose without trailing zeros.
func fmtNum(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// humanDays writes a duration in the largest unit that keeps it readable.
func humanDays(d float64) string {
	switch {
	case d >= 730:
		return fmtNum(math.Round(d/365.25*10)/10) + " years"
	case d >= 60:
		return fmtNum(math.Round(d/30.4375*10)/10) + " months"
	case d >= 14:
		return fmtNum(math.Round(d/7*10)/10) + " weeks"
	case d == 1:
		return "1 day"
	}
	return fmtNum(d) + " days"
}
