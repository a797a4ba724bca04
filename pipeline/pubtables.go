package pipeline

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tresp/tresp/reports/table"
)

// pubTable is a publication table with its output base name.
type pubTable struct {
	name string
	table.Table
}

// quantile7 is R's default quantile (type 7) of sorted x.
func quantile7(x []float64, p float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	h := float64(len(x)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[i] + (h-lo)*(x[i+1]-x[i])
}

func pct(n, d int) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%d (%.0f%%)", n, 100*float64(n)/float64(d))
}

func medianIQR(x []float64, scale float64, unit string) (string, string) {
	if len(x) == 0 {
		return "–", "–"
	}
	sort.Float64s(x)
	f := func(v float64) string { return fmt.Sprintf("%.1f", v/scale) }
	return fmt.Sprintf("%s [%s–%s] %s", f(quantile7(x, .5)), f(quantile7(x, .25)), f(quantile7(x, .75)), unit),
		fmt.Sprintf("%s–%s %s", f(x[0]), f(x[len(x)-1]), unit)
}

func rateCell(r RateRow) string {
	if r.N == 0 {
		return "no patients"
	}
	return fmt.Sprintf("%.0f%% (%.0f–%.0f)", 100*r.Rate, 100*r.Low, 100*r.High)
}

// publicationTables builds Table 1 and the response and pooling tables.
func (st *state) publicationTables() []pubTable {
	a := st.analysis
	level := fmt.Sprintf("%g%% CI", 100*a.Level)
	var out []pubTable

	// Table 1: one entry per patient.
	seen := map[[2]string]bool{}
	var pts []*Course
	for _, c := range st.norm.Courses {
		k := [2]string{c.Study, c.CaseID}
		if !seen[k] {
			seen[k] = true
			pts = append(pts, c)
		}
	}
	n := len(pts)
	var ages, dd []float64
	sex := map[string]int{}
	dis := map[string]int{}
	sub := map[string]int{}
	studies := map[string]bool{}
	for _, c := range pts {
		studies[c.Study] = true
		if !math.IsNaN(c.Age.Years) {
			ages = append(ages, c.Age.Years)
		}
		if !math.IsNaN(c.DiseaseDu.Days) {
			dd = append(dd, c.DiseaseDu.Days)
		}
		s := string(c.Sex)
		if s == "" {
			s = "not reported"
		}
		sex[s]++
		d := c.DiseaseName()
		if d == "" {
			d = "not reported"
		}
		dis[d]++
		subtype := "not reported"
		for _, m := range c.Subtypes {
			if m.Class == "type" && m.Canonical != "" {
				subtype = m.Canonical
			}
		}
		sub[subtype]++
	}
	t1 := table.Table{Title: "Baseline characteristics", Caption: fmt.Sprintf("Patients with individual data: %d, from %d studies.", n, len(studies)),
		Columns: []table.Column{{Key: "characteristic", Header: "Characteristic"}, {Key: "value", Header: fmt.Sprintf("Patients (n = %d)", n)}}}
	row := func(label, value string, indent int) {
		t1.Rows = append(t1.Rows, table.Row{Cells: []string{label, value}, Indent: indent})
	}
	group := func(label string) { t1.Rows = append(t1.Rows, table.Row{Cells: []string{label}, Group: true}) }
	med, rng := medianIQR(ages, 1, "years")
	group("Age")
	row("Median [IQR]", med, 1)
	row("Range", rng, 1)
	row("Not reported", itoa(n-len(ages)), 1)
	group("Sex")
	for _, k := range sortedKeys(sex) {
		label := map[string]string{"F": "Female", "M": "Male"}[k]
		if label == "" {
			label = k
		}
		row(label, pct(sex[k], n), 1)
	}
	group("Underlying disease")
	for _, k := range sortedKeys(dis) {
		row(k, pct(dis[k], n), 1)
	}
	group("Condition subtype")
	for _, k := range sortedKeys(sub) {
		row(k, pct(sub[k], n), 1)
	}
	med, rng = medianIQR(dd, 365.25, "years")
	group("Duration of underlying disease")
	row("Median [IQR]", med, 1)
	row("Range", rng, 1)
	row("Not reported", itoa(n-len(dd)), 1)
	t1.Footnotes = []string{"IQR, interquartile range (R quantile type 7). Durations converted at 365.25 days per year.",
		"Patients whose outcomes the source reports only in aggregate are included here; their counts enter the response tables from the study-level table."}
	out = append(out, pubTable{"table1_baseline", t1})

	// Response tables.
	adjudicatedOutcomes := 0
	for _, c := range st.norm.Courses {
		if c.OutcomeAdjudicated {
			adjudicatedOutcomes++
		}
	}
	respTable := func(name, title, key string, pick func(RateRow) (string, bool)) {
		t := table.Table{Title: title, Columns: []table.Column{{Key: key, Header: strings.ToUpper(key[:1]) + key[1:]},
			{Key: "itt_n", Header: "n (ITT)", Numeric: true}, {Key: "itt_r", Header: "Responders", Numeric: true}, {Key: "itt_rate", Header: "Rate (" + level + ")", Numeric: true},
			{Key: "ev_n", Header: "n (evaluable)", Numeric: true}, {Key: "ev_r", Header: "Responders", Numeric: true}, {Key: "ev_rate", Header: "Rate (" + level + ")", Numeric: true}}}
		rows := map[string][2]RateRow{}
		var order []string
		for _, r := range a.Rates {
			label, ok := pick(r)
			if !ok {
				continue
			}
			p := rows[label]
			if _, seen := rows[label]; !seen {
				order = append(order, label)
			}
			if r.Population == PopITT {
				p[0] = r
			} else {
				p[1] = r
			}
			rows[label] = p
		}
		small, anyUnclassified := false, false
		for _, label := range order {
			anyUnclassified = anyUnclassified || rows[label][0].Unclassified > 0
		}
		if anyUnclassified {
			t.Columns = append(t.Columns, table.Column{Key: "unclassified", Header: "Unclassified", Numeric: true})
		}
		for _, label := range order {
			p := rows[label]
			cells := []string{label, itoa(p[0].N), itoa(p[0].Responders), rateCell(p[0]), itoa(p[1].N), itoa(p[1].Responders), rateCell(p[1])}
			if anyUnclassified {
				cells = append(cells, itoa(p[0].Unclassified))
			}
			if p[0].Small {
				cells[0] += " *"
				small = true
			}
			r := table.Row{Cells: cells}
			if label == "All" {
				r.Bold = true
			}
			t.Rows = append(t.Rows, r)
		}
		t.Footnotes = []string{fmt.Sprintf("Responder: %s response or better. ITT counts not-evaluable patients as non-responders; the evaluable population excludes them. Intervals: %s.",
			a.Responder, ciMethodLabel(a.CIMethod))}
		if small {
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("* fewer than %d patients.", st.cfg.Analysis.SmallGroup))
		}
		if anyUnclassified {
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("%d courses whose outcome could not be classified are left out of numerator and denominator until decided in %s.",
				st.summary.Review.UnclassifiedCourses, ReviewFile))
		}
		if n := adjudicatedOutcomes; n > 0 {
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("%d courses count with an outcome decided by a reviewer (adjudicated, from %s).",
				n, filepath.Base(st.cfg.Decisions)))
		}
		out = append(out, pubTable{name, t})
	}
	respTable("table2_response_by_drug", "Response by drug", "drug", func(r RateRow) (string, bool) {
		if r.Disease != "" {
			return "", false
		}
		if r.Drug == "" {
			return "All", true
		}
		return r.Drug, true
	})
	respTable("table3_response_by_disease", "Response by underlying disease", "disease", func(r RateRow) (string, bool) {
		if r.Drug != "" {
			return "", false
		}
		if r.Disease == "" {
			return "All", true
		}
		return r.Disease, true
	})

	// Pooled estimates with the sensitivity analyses.
	t4 := table.Table{Title: "Pooled response rates across studies", Columns: []table.Column{{Key: "drug", Header: "Drug"}, {Key: "method", Header: "Method"},
		{Key: "k", Header: "Studies", Numeric: true}, {Key: "events", Header: "Responders/n", Numeric: true}, {Key: "est", Header: "Estimate (" + level + ")", Numeric: true},
		{Key: "tau2", Header: "τ²", Numeric: true}, {Key: "i2", Header: "I² (%)", Numeric: true}}}
	for _, p := range a.Sensitivity {
		method := p.Method
		if p.Transform != "none" && p.Method != "GLMM" {
			method = p.Method + ", " + p.Transform
		}
		f := func(v float64, format string) string {
			if math.IsNaN(v) {
				return "–"
			}
			return fmt.Sprintf(format, v)
		}
		t4.Rows = append(t4.Rows, table.Row{Cells: []string{p.Drug, method, itoa(p.K), fmt.Sprintf("%d/%d", p.Events, p.N),
			fmt.Sprintf("%.0f%% (%.0f–%.0f)", 100*p.Estimate, 100*p.Low, 100*p.High), f(p.Tau2, "%.3f"), f(p.I2, "%.0f")}})
	}
	t4.Footnotes = []string{"Evaluable population. GLMM: binomial–normal random-intercept model, maximum likelihood; REML rows: inverse-variance random effects on the logit or Freeman–Tukey (pft) scale; pooled Clopper–Pearson ignores between-study variation.",
		"Drugs reported by one study only are not pooled."}
	if len(t4.Rows) == 0 {
		t4.Rows = append(t4.Rows, table.Row{Cells: []string{"no drug reported by two or more studies"}})
	}
	out = append(out, pubTable{"table4_pooled", t4})
	out = append(out, pubTable{"table5_comparisons", st.comparisonTable(level)})
	return out
}

// comparisonTable is Table 5: Fisher's exact test between drugs and between
// the diseases of a drug, with Benjamini–Hochberg adjusted p-values; pairs
// with a group below analysis.min_compare_n are listed untested, odds
// ratios that cannot be estimated are flagged.
func (st *state) comparisonTable(level string) table.Table {
	a := st.analysis
	t := table.Table{Title: "Comparisons of response between groups", Columns: []table.Column{{Key: "by", Header: "Comparison"},
		{Key: "a", Header: "Group A"}, {Key: "ra", Header: "Responders/n", Numeric: true}, {Key: "b", Header: "Group B"},
		{Key: "rb", Header: "Responders/n", Numeric: true}, {Key: "or", Header: "Odds ratio (" + level + ")", Numeric: true},
		{Key: "p", Header: "p", Numeric: true}, {Key: "padj", Header: "Adjusted p", Numeric: true}}}
	small := map[string]int{}
	notEstimable := false
	fp := func(p float64) string {
		switch {
		case math.IsNaN(p):
			return "–"
		case p < 0.001:
			return "< 0.001"
		}
		return fmt.Sprintf("%.3f", p)
	}
	for _, c := range a.Comparisons {
		or := "–"
		switch {
		case math.IsNaN(c.P):
			or = "not tested †"
			if c.NA < st.cfg.Analysis.MinCompareN {
				small[c.GroupA] = c.NA
			}
			if c.NB < st.cfg.Analysis.MinCompareN {
				small[c.GroupB] = c.NB
			}
		case math.IsNaN(c.OddsRatio):
			or = "not estimable ‡"
			notEstimable = true
		default:
			or = fmt.Sprintf("%.2f (%.2f–%.2f)", c.OddsRatio, c.ORLow, c.ORHigh)
		}
		t.Rows = append(t.Rows, table.Row{Cells: []string{c.By, c.GroupA, fmt.Sprintf("%d/%d", c.RespondersA, c.NA), c.GroupB,
			fmt.Sprintf("%d/%d", c.RespondersB, c.NB), or, fp(c.P), fp(c.PAdjusted)}})
	}
	if len(t.Rows) == 0 {
		t.Rows = append(t.Rows, table.Row{Cells: []string{"no two groups with evaluable patients"}})
	}
	t.Footnotes = []string{"Evaluable population. Fisher's exact test (two-sided); odds ratio: conditional maximum-likelihood estimate with its exact interval. Adjusted p: Benjamini–Hochberg across the tested comparisons of this table."}
	t.Footnotes = append(t.Footnotes, fmt.Sprintf("† No test between groups of fewer than %d evaluable patients (analysis.min_compare_n).", st.cfg.Analysis.MinCompareN))
	if len(small) > 0 {
		var names []string
		for _, g := range sortedKeys(small) {
			names = append(names, fmt.Sprintf("%s (n = %d)", g, small[g]))
		}
		t.Footnotes[len(t.Footnotes)-1] += " Not tested: " + strings.Join(names, ", ") + "."
	}
	if notEstimable {
		t.Footnotes = append(t.Footnotes, "‡ The odds ratio cannot be estimated when every or no patient of a group responded (a zero cell); the p-value stands.")
	}
	if a.Attribution == "exposure" && len(a.Comparisons) > 0 {
		t.Footnotes = append(t.Footnotes, "Under exposure attribution drug groups share patients given several drugs; Fisher's test assumes independent groups, so read the p-values as descriptive.")
	}
	return t
}
