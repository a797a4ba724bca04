package present

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/table"
	"github.com/tresp/tresp/stats"
)

// Table1MaxGroups caps the by-drug or by-study columns of Table 1; beyond
// it the groups with the most patients are shown and a footnote says so.
const Table1MaxGroups = 8

// baseline holds the Table 1 variables of a set of patients.
type baseline struct {
	n             int
	ages, dd      []float64
	sex, dis, sub map[string]int
	studies       map[string]bool
}

func (pr *presenter) baselineOf(pts []*cohort.Course) baseline {
	b := baseline{n: len(pts), sex: map[string]int{}, dis: map[string]int{}, sub: map[string]int{}, studies: map[string]bool{}}
	for _, c := range pts {
		b.studies[c.Study] = true
		if !math.IsNaN(c.Age.Years) {
			b.ages = append(b.ages, c.Age.Years)
		}
		if !math.IsNaN(c.DiseaseDu.Days) {
			b.dd = append(b.dd, c.DiseaseDu.Days)
		}
		if s := string(c.Sex); s != "" {
			b.sex[s]++
		}
		if d := c.DiseaseName(); d != "" {
			if pr.opt.DiseaseGroups {
				d = cohort.DiseaseGroupLabel(c)
			}
			b.dis[d]++
		}
		for _, m := range c.Subtypes {
			if m.Class == "type" && m.Canonical != "" {
				b.sub[m.Canonical]++
				break
			}
		}
	}
	sort.Float64s(b.ages)
	sort.Float64s(b.dd)
	return b
}

// t1Row is one line of Table 1: its label, indent and the cell of a
// column's patients.
type t1Row struct {
	label  string
	indent int
	cell   func(b baseline) string
}

// table1 is Table 1 in the layout of gtsummary's tbl_summary: one line per
// continuous variable (median (Q1, Q3)), a label line and one line per
// level for categorical ones (n (%), percentages of those with the
// variable reported), "Unknown" only when some are, and a variable nobody
// reports left out; with tables.table1_by, a column per drug or study
// after the overall column.
func (pr *presenter) table1(pts []*cohort.Course) table.Table {
	all := pr.baselineOf(pts)
	var rows []t1Row
	continuous := func(label string, get func(baseline) []float64, scale float64, format string) {
		if len(get(all)) == 0 {
			return
		}
		f := func(v float64) string { return fmt.Sprintf(format, v/scale) }
		rows = append(rows, t1Row{label: label, cell: func(b baseline) string {
			x := get(b)
			if len(x) == 0 {
				return "–"
			}
			return fmt.Sprintf("%s (%s, %s)", f(stats.Quantile(.5, x)), f(stats.Quantile(.25, x)), f(stats.Quantile(.75, x)))
		}})
		if all.n-len(get(all)) > 0 {
			rows = append(rows, t1Row{label: "Unknown", indent: 1, cell: func(b baseline) string { return itoa(b.n - len(get(b))) }})
		}
	}
	known := func(m map[string]int) int {
		k := 0
		for _, v := range m {
			k += v
		}
		return k
	}
	capped := false // a categorical variable lists only its MaxPubRows largest levels
	categorical := func(label string, get func(baseline) map[string]int, name func(string) string) {
		if known(get(all)) == 0 {
			return
		}
		rows = append(rows, t1Row{label: label, cell: func(baseline) string { return "" }})
		// At most MaxPubRows levels, those with the most patients overall;
		// the others are one "Other" line.
		keep := topByCount(get(all), MaxPubRows)
		others := 0
		for _, k := range sortedKeys(get(all)) {
			if keep != nil && !keep[k] {
				others++
				continue
			}
			rows = append(rows, t1Row{label: name(k), indent: 1, cell: func(b baseline) string {
				if known(get(b)) == 0 {
					return "–"
				}
				return pct(get(b)[k], known(get(b)))
			}})
		}
		if others > 0 {
			capped = true
			rows = append(rows, t1Row{label: fmt.Sprintf("Other (%d more)", others), indent: 1, cell: func(b baseline) string {
				if known(get(b)) == 0 {
					return "–"
				}
				n := 0
				for k, v := range get(b) {
					if !keep[k] {
						n += v
					}
				}
				return pct(n, known(get(b)))
			}})
		}
		if all.n-known(get(all)) > 0 {
			rows = append(rows, t1Row{label: "Unknown", indent: 1, cell: func(b baseline) string { return itoa(b.n - known(get(b))) }})
		}
	}
	same := func(s string) string { return s }
	continuous("Age, years", func(b baseline) []float64 { return b.ages }, 1, "%.0f")
	categorical("Sex", func(b baseline) map[string]int { return b.sex }, func(k string) string {
		if l := map[string]string{"F": "Female", "M": "Male"}[k]; l != "" {
			return l
		}
		return k
	})
	disLabel := "Underlying disease"
	if pr.opt.DiseaseGroups {
		disLabel = "Underlying disease group"
	}
	categorical(disLabel, func(b baseline) map[string]int { return b.dis }, same)
	categorical("Condition subtype", func(b baseline) map[string]int { return b.sub }, same)
	continuous("Duration of underlying disease, years", func(b baseline) []float64 { return b.dd }, 365.25, "%.1f")

	t1 := table.Table{Title: "Baseline characteristics", Label: "tab:table1-baseline",
		Caption: fmt.Sprintf("Patients with individual data from %d studies.", len(all.studies)),
		Columns: []table.Column{{Key: "characteristic", Header: "Characteristic"}, {Key: "value", Header: fmt.Sprintf("N = %d", all.n), Numeric: true}}}
	cols := []baseline{all}
	var notes []string
	if by := pr.opt.Table1By; by == Table1ByDrug || by == Table1ByStudy {
		names, groups, gnotes := pr.table1Groups(by)
		notes = append(notes, gnotes...)
		t1.Columns[1].Header = "Overall, " + t1.Columns[1].Header
		for i, g := range names {
			b := pr.baselineOf(groups[g])
			cols = append(cols, b)
			t1.Columns = append(t1.Columns, table.Column{Key: fmt.Sprintf("g%d", i), Header: fmt.Sprintf("%s, N = %d", g, b.n), Numeric: true, Group: "By " + string(by)})
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
	if all.n == 0 {
		t1.Rows = append(t1.Rows, table.Row{Cells: append([]string{"No patients with individual data"}, make([]string, len(cols))...)})
	}
	return t1
}

// table1Groups returns the column groups of Table 1 by drug or by study:
// at most Table1MaxGroups names (those with the most patients, in name
// order), the patients of each, and a note when some are left out.
func (pr *presenter) table1Groups(by string) ([]string, map[string][]*cohort.Course, []string) {
	var notes []string
	groups := map[string][]*cohort.Course{}
	seen := map[[3]string]bool{}
	for _, c := range pr.courses {
		g := shortStudy(c.Study)
		if by == Table1ByDrug {
			g = c.DrugName()
		}
		k := [3]string{c.Study, c.CaseID, g}
		if g == "" || seen[k] {
			continue
		}
		seen[k] = true
		groups[g] = append(groups[g], c)
	}
	names := sortedKeys(groups)
	if len(names) > Table1MaxGroups {
		bySize := append([]string(nil), names...)
		sort.SliceStable(bySize, func(i, j int) bool { return len(groups[bySize[i]]) > len(groups[bySize[j]]) })
		names = bySize[:Table1MaxGroups]
		sort.Strings(names)
		notes = append(notes, fmt.Sprintf("Columns: the %d %ss with the most patients of %d (tables.table1_by = %q).", Table1MaxGroups, by, len(groups), by))
	}
	return names, groups, notes
}

// PatientTableMax caps the per-patient table: beyond it the first
// patients by study and case are listed and a footnote points to
// normalised/cases.csv.
const PatientTableMax = 200

// patientTable is the per-patient characteristics table of a review of
// case reports: study, case, age/sex, disease, treatment and dose,
// duration and outcome, one row per patient.
func (pr *presenter) patientTable() table.Table {
	t := table.Table{Title: "Characteristics of the individual patients", Label: "tab:patients",
		Columns: []table.Column{{Key: "study", Header: "Study"}, {Key: "case", Header: "Case"}, {Key: "age_sex", Header: "Age/sex"},
			{Key: "disease", Header: "Disease"}, {Key: "treatment", Header: "Treatment (dose)"}, {Key: "duration", Header: "Duration"},
			{Key: "outcome", Header: "Outcome"}}}
	type patient struct {
		study, cas string
		courses    []*cohort.Course
	}
	idx := map[[2]string]*patient{}
	var list []*patient
	for _, c := range pr.courses {
		k := [2]string{c.Study, c.CaseID}
		p := idx[k]
		if p == nil {
			p = &patient{study: c.Study, cas: c.CaseID}
			idx[k] = p
			list = append(list, p)
		}
		p.courses = append(p.courses, c)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if a, b := shortStudy(list[i].study), shortStudy(list[j].study); a != b {
			return a < b
		}
		return naturalLess(list[i].cas, list[j].cas)
	})
	total := len(list)
	if total > PatientTableMax {
		list = list[:PatientTableMax]
	}
	dash := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "–"
		}
		return s
	}
	for _, p := range list {
		c := p.courses[0]
		age := ""
		if !math.IsNaN(c.Age.Years) {
			age = fmt.Sprintf("%.0f", c.Age.Years)
		}
		as := strings.Trim(age+"/"+string(c.Sex), "/")
		var treat, dur []string
		for _, k := range p.courses {
			d := k.DrugName()
			if !math.IsNaN(k.Dose.Max) && k.Dose.Unit != "" {
				if !math.IsNaN(k.Dose.Start) && k.Dose.Start != k.Dose.Max {
					d += fmt.Sprintf(" (%s–%s %s)", fmtNum(k.Dose.Start), fmtNum(k.Dose.Max), k.Dose.Unit)
				} else {
					d += fmt.Sprintf(" (%s %s)", fmtNum(k.Dose.Max), k.Dose.Unit)
				}
			}
			treat = append(treat, d)
			if !math.IsNaN(k.TreatDu.Days) && len(dur) == 0 {
				dur = append(dur, humanDays(k.TreatDu.Days))
			}
		}
		out := "not attributable (series counts)"
		if !c.Outcome.NotAttributable || c.OutcomeAdjudicated {
			out = c.Category().String()
			if c.Unclassified() {
				out = "unclassified (review.csv)"
			}
			if !math.IsNaN(c.TimeToRsp.Days) {
				out += ", first response at " + humanDays(c.TimeToRsp.Days)
			}
		}
		dis := c.DiseaseName()
		t.Rows = append(t.Rows, table.Row{Cells: []string{shortStudy(p.study), dash(p.cas), dash(as), dash(dis), strings.Join(treat, "; "), dash(strings.Join(dur, "")), out}})
	}
	t.Footnotes = []string{"Doses are per day as normalised from the dose cell (first–largest step); durations in days, weeks, months or years as closest; outcome is the best response read from the outcome cell.",
		"Age/sex as reported; – : not reported."}
	if total > PatientTableMax {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("The first %d of %d patients by study and case are listed; every patient is in normalised/cases.csv.", PatientTableMax, total))
	}
	if total == 0 {
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

// naturalLess orders case labels with numbers by value ("Case 2" before
// "Case 10").
func naturalLess(a, b string) bool {
	na, nb := strings.TrimLeft(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ #"), strings.TrimLeft(b, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ #")
	var x, y int
	if _, err := fmt.Sscan(na, &x); err == nil {
		if _, err := fmt.Sscan(nb, &y); err == nil && x != y {
			return x < y
		}
	}
	return a < b
}
