package pipeline

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tresp/tresp/reports/table"
	"github.com/tresp/tresp/stats"
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

// notEstimable marks a rate cell whose population has no patient; the
// table's footnote notEstimableNote explains it.
const notEstimable = "– ‡"

// notEstimableNote is the footnote of a table with a notEstimable cell.
const notEstimableNote = "‡ Not estimable: no patient in this population (the treated patients were all not evaluable, or their outcomes are not yet classified: see n and Unclassified)."

// rateCell formats a rate with its interval, or notEstimable when the
// population is empty: never NaN, Inf, "no patients" or empty parentheses.
func rateCell(r RateRow) string {
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

// residueNote explains, for the studies that report outcomes in aggregate
// and some patients individually, that the individual rows count with
// their diseases and only the residue of the aggregate as an unattributed
// block; "" when no study does.
func residueNote(sources []SourceRow) string {
	var studies []string
	seen := map[string]bool{}
	for _, s := range sources {
		if s.Source == sourceResidue && !seen[s.Study] {
			seen[s.Study] = true
			studies = append(studies, shortStudy(s.Study))
		}
	}
	if len(studies) == 0 {
		return ""
	}
	return strings.Join(studies, "; ") + " reports outcomes in aggregate and some patients individually: those patients count from their own rows, with their diseases, and only the residue of the aggregate (treated, responders and each outcome category minus theirs) counts, as \"" + unspecified + "\" — never both, never neither."
}

// attributionNote says how patients given several drugs are counted.
func attributionNote(attribution string) string {
	switch attribution {
	case "regimen":
		return "Each combination of drugs given together is its own row (attribution: regimen); a patient counts once."
	case "monotherapy":
		return "Only patients given a single drug are counted (attribution: monotherapy); combination courses are left out."
	}
	return "Patients given a combination count under each drug they received (attribution: exposure), so the drug rows add up to more than All."
}

// popNote names the pooling population for table footnotes and captions.
func popNote(pop string) string {
	if pop == PopITT {
		return "Population: intention to treat (analysis.pool_population = \"itt\"): deaths, stops for adverse effects and losses to follow-up count as non-responders."
	}
	return "Population: evaluable patients (analysis.pool_population = \"evaluable\"): deaths, stops for adverse effects and losses to follow-up leave the denominator."
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
	t1 := st.table1(pts)
	out = append(out, pubTable{"table1_baseline", t1})
	out = append(out, pubTable{"table1b_patients", st.patientTable()})

	// Response tables.
	adjudicatedOutcomes := 0
	for _, c := range st.norm.Courses {
		if c.OutcomeAdjudicated {
			adjudicatedOutcomes++
		}
	}
	respTable := func(name, title, key string, source []RateRow, pick func(RateRow) (string, bool)) {
		t := table.Table{Title: title, Label: "tab:" + strings.ReplaceAll(name, "_", "-"), Columns: []table.Column{{Key: key, Header: strings.ToUpper(key[:1]) + strings.ReplaceAll(key[1:], "_", " ")},
			{Key: "itt_n", Header: "n", Numeric: true, Group: "ITT"}, {Key: "itt_r", Header: "Responders", Numeric: true, Group: "ITT"},
			{Key: "itt_rate", Header: "Rate (" + level + ")", Numeric: true, Group: "ITT"},
			{Key: "ev_n", Header: "n", Numeric: true, Group: "Evaluable"}, {Key: "ev_r", Header: "Responders", Numeric: true, Group: "Evaluable"},
			{Key: "ev_rate", Header: "Rate (" + level + ")", Numeric: true, Group: "Evaluable"}}}
		rows := map[string][2]RateRow{}
		var order []string
		for _, r := range source {
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
		// At most maxPubRows groups besides "All": those with the most
		// patients (ITT), in their order; the CSV tables keep them all.
		shown := len(order)
		if n := map[string]int{}; len(order) > maxPubRows+1 {
			for _, label := range order {
				if label != "All" {
					n[label] = rows[label][0].N
				}
			}
			keep := topByCount(n, maxPubRows)
			order = slices.DeleteFunc(order, func(l string) bool { return l != "All" && !keep[l] })
		}
		small, anyUnclassified, anyEmpty := false, false, false
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
			anyEmpty = anyEmpty || cells[3] == notEstimable || cells[6] == notEstimable
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
		t.Footnotes = []string{fmt.Sprintf("Responder: %s response or better. ITT (intention to treat) counts not-evaluable patients (death, stop for adverse effects, lost to follow-up) as non-responders; the evaluable population leaves them out. Intervals: %s.",
			a.Responder, ciMethodLabel(a.CIMethod)), attributionNote(a.Attribution)}
		if small {
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("* fewer than %d patients.", st.cfg.Analysis.SmallGroup))
		}
		if len(order) < shown {
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("Shown are the %d groups with the most patients of %d; every group is in tables/response_rates.csv.", maxPubRows, shown-1))
		}
		if anyEmpty {
			t.Footnotes = append(t.Footnotes, notEstimableNote)
		}
		if note := residueNote(a.Sources); note != "" {
			t.Footnotes = append(t.Footnotes, note)
		}
		if anyUnclassified {
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("%d courses whose outcome was not read with confidence (unclassified, or a low-confidence reading proposed for review) are left out of numerator and denominator until decided in %s.",
				st.summary.Review.UnclassifiedCourses, ReviewFile))
		}
		if n := adjudicatedOutcomes; n > 0 {
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("%d courses count with an outcome decided by a reviewer (adjudicated, from %s).",
				n, filepath.Base(st.cfg.Decisions)))
		}
		out = append(out, pubTable{name, t})
	}
	// Table 2 by drug or by drug class (analysis.drug_level); the class
	// rates have no overall row, which comes from the drug rates.
	drugTitle, drugKey, drugRates := "Response by drug", "drug", a.Rates
	if st.cfg.Analysis.DrugLevel == DrugLevelClass {
		drugTitle, drugKey = "Response by drug class", "drug_class"
		drugRates = nil
		for _, r := range a.ClassRates {
			if r.Drug != "" {
				drugRates = append(drugRates, r)
			}
		}
		for _, r := range a.Rates {
			if r.Drug == "" && r.Disease == "" {
				drugRates = append(drugRates, r)
			}
		}
	}
	respTable("table2_response_by_drug", drugTitle, drugKey, drugRates, func(r RateRow) (string, bool) {
		if r.Disease != "" {
			return "", false
		}
		if r.Drug == "" {
			return "All", true
		}
		return r.Drug, true
	})
	// Table 3 by disease or by disease group (analysis.disease_level).
	disTitle, disKey, disRates := "Response by underlying disease", "disease", a.Rates
	if st.cfg.Analysis.DiseaseLevel == DiseaseLevelGroup {
		disTitle, disKey, disRates = "Response by disease group", "disease_group", a.GroupRates
	}
	respTable("table3_response_by_disease", disTitle, disKey, disRates, func(r RateRow) (string, bool) {
		if r.Drug != "" {
			return "", false
		}
		if r.Disease == "" {
			return "All", true
		}
		return r.Disease, true
	})

	// Pooled estimates with the sensitivity analyses.
	t4 := table.Table{Title: "Pooled response rates across studies", Label: "tab:table4-pooled", Columns: []table.Column{{Key: "drug", Header: "Drug"}, {Key: "method", Header: "Method"},
		{Key: "k", Header: "Studies", Numeric: true}, {Key: "events", Header: "Responders/n", Numeric: true}, {Key: "est", Header: "Estimate (" + level + ")", Numeric: true},
		{Key: "tau2", Header: "τ²", Numeric: true}, {Key: "i2", Header: "I² (%)", Numeric: true}}}
	var inestimable []string
	for _, p := range a.Sensitivity {
		method := p.Method
		if p.Transform != "none" && p.Method != "GLMM" {
			method = p.Method + ", " + p.Transform
		}
		f := func(v float64, format string) string {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return "–"
			}
			return fmt.Sprintf(format, v)
		}
		est := pooledCell(p.Estimate, p.Low, p.High)
		if est == "" {
			// No pooled estimate: the pooled count with its exact interval,
			// marked, and the reason in a footnote.
			iv := stats.BinomialCI(p.Events, p.N, a.Level, stats.ClopperPearson)
			est = pooledCell(iv.Estimate, iv.Low, iv.High) + " †"
			why := "the fit did not converge"
			if len(p.Warnings) > 0 {
				why = strings.TrimSuffix(p.Warnings[0], ".")
			}
			inestimable = append(inestimable, fmt.Sprintf("%s, %s: %s", p.Drug, method, why))
		}
		t4.Rows = append(t4.Rows, table.Row{Cells: []string{p.Drug, method, itoa(p.K), fmt.Sprintf("%d/%d", p.Events, p.N),
			est, f(p.Tau2, "%.3f"), f(p.I2, "%.0f")}})
	}
	t4.Footnotes = []string{popNote(a.PoolPopulation),
		"GLMM: binomial–normal random-intercept model, maximum likelihood; REML rows: inverse-variance random effects on the logit or Freeman–Tukey (pft) scale; pooled Clopper–Pearson ignores between-study variation. – : not defined for the method.",
		"Drugs reported by one study only are not pooled."}
	if len(inestimable) > 0 {
		t4.Footnotes = append(t4.Footnotes, "† No pooled estimate exists for the method, so the pooled count is shown with its exact (Clopper–Pearson) interval: "+strings.Join(inestimable, "; ")+".")
	}
	if len(t4.Rows) == 0 {
		t4.Rows = append(t4.Rows, table.Row{Cells: []string{"no drug reported by two or more studies"}})
	}
	out = append(out, pubTable{"table4_pooled", t4})
	out = append(out, pubTable{"table5_comparisons", st.comparisonTable(level)})
	return out
}

// maxFootnoteNames is the most names a footnote lists before "and N more".
const maxFootnoteNames = 20

// maxPubRows is the most groups (drugs, diseases; levels of a Table 1
// characteristic) a publication table lists: those with the most patients,
// said in a footnote. The machine-readable CSV tables list them all.
const maxPubRows = 100

// comparisonTable is Table 5: Fisher's exact test between drugs and between
// the diseases of a drug, with Benjamini–Hochberg adjusted p-values; pairs
// with a group below analysis.min_compare_n are listed untested, odds
// ratios that cannot be estimated are flagged.
func (st *state) comparisonTable(level string) table.Table {
	a := st.analysis
	t := table.Table{Title: "Comparisons of response between groups", Label: "tab:table5-comparisons", Columns: []table.Column{{Key: "by", Header: "Comparison"},
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
		keys := sortedKeys(small)
		for _, g := range keys[:min(len(keys), maxFootnoteNames)] {
			names = append(names, fmt.Sprintf("%s (n = %d)", g, small[g]))
		}
		if len(keys) > maxFootnoteNames {
			names = append(names, fmt.Sprintf("and %d more (comparisons.csv lists them)", len(keys)-maxFootnoteNames))
		}
		t.Footnotes[len(t.Footnotes)-1] += " Not tested: " + strings.Join(names, ", ") + "."
	}
	if len(a.ComparisonsOmitted) > 0 {
		var parts []string
		for _, om := range a.ComparisonsOmitted {
			parts = append(parts, fmt.Sprintf("%s: %d groups, %d patients, the largest n = %d", om.By, om.Groups, om.Patients, om.Largest))
		}
		if len(parts) > maxFootnoteNames {
			parts = append(parts[:maxFootnoteNames], fmt.Sprintf("and %d more dimensions (summary.json, comparisons_omitted)", len(parts)-maxFootnoteNames))
		}
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("Only the %d groups with the most evaluable patients (ties by name) are compared with each other, and diseases only within those drugs (analysis.max_compare_groups); not compared: %s.",
			st.cfg.Analysis.MaxCompareGroups, strings.Join(parts, "; ")))
	}
	if notEstimable {
		t.Footnotes = append(t.Footnotes, "‡ The odds ratio cannot be estimated when every or no patient of a group responded (a zero cell); the p-value stands.")
	}
	if a.Attribution == "exposure" && len(a.Comparisons) > 0 {
		t.Footnotes = append(t.Footnotes, "Under exposure attribution drug groups share patients given several drugs; Fisher's test assumes independent groups, so read the p-values as descriptive.")
	}
	return t
}
