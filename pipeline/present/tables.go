package present

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"math"
	"slices"
	"strings"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/table"
)

// residueNote explains, for the studies that report outcomes in aggregate
// and some patients individually, that the individual rows count with
// their diseases and only the residue of the aggregate as an unattributed
// block; "" when no study does.
func residueNote(sources []cohort.SourceRow) string {
	var studies []string
	seen := map[string]bool{}
	for _, s := range sources {
		if s.Source == cohort.SourceResidue && !seen[s.Study] {
			seen[s.Study] = true
			studies = append(studies, cohort.ShortStudy(s.Study))
		}
	}
	if len(studies) == 0 {
		return ""
	}
	return strings.Join(studies, "; ") + " reports outcomes in aggregate and some patients individually: those patients count from their own rows, with their diseases, and only the residue of the aggregate (treated, responders and each outcome category minus theirs) counts, as \"" + cohort.Unspecified + "\" — never both, never neither."
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
	if pop == cohort.PopITT {
		return "Population: intention to treat (analysis.pool_population = \"itt\"): deaths, stops for adverse effects and losses to follow-up count as non-responders."
	}
	return "Population: evaluable patients (analysis.pool_population = \"evaluable\"): deaths, stops for adverse effects and losses to follow-up leave the denominator."
}

// publicationTables builds Table 1 and the response and pooling tables.
func (pr *presenter) publicationTables() []Table {
	a := pr.a
	level := fmt.Sprintf("%g%% CI", 100*a.Level)
	var out []Table

	// Table 1 and the per-patient table, from the analysis' views.
	out = append(out, Table{"table1_baseline", pr.table1()})
	out = append(out, Table{"table1b_patients", pr.patientTable()})
	adjudicatedOutcomes := pr.v.AdjudicatedOutcomes
	// Table 2 by drug or by drug class (analysis.drug_level); the class
	// rates have no overall row, which comes from the drug rates.
	drugTitle, drugKey, drugRates := "Response by drug", "drug", a.Rates
	if pr.opt.DrugClasses {
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
	out = append(out, pr.responseTable("table2_response_by_drug", drugTitle, drugKey, level, drugRates, adjudicatedOutcomes, func(r cohort.RateRow) (string, bool) {
		if r.Disease != "" {
			return "", false
		}
		if r.Drug == "" {
			return "All", true
		}
		return r.Drug, true
	}))
	// Table 3 by disease or by disease group (analysis.disease_level).
	disTitle, disKey, disRates := "Response by underlying disease", "disease", a.Rates
	if pr.opt.DiseaseGroups {
		disTitle, disKey, disRates = "Response by disease group", "disease_group", a.GroupRates
	}
	out = append(out, pr.responseTable("table3_response_by_disease", disTitle, disKey, level, disRates, adjudicatedOutcomes, func(r cohort.RateRow) (string, bool) {
		if r.Drug != "" {
			return "", false
		}
		if r.Disease == "" {
			return "All", true
		}
		return r.Disease, true
	}))

	out = append(out, Table{"table4_pooled", pr.pooledTable(level)})
	out = append(out, Table{"table5_comparisons", pr.comparisonTable(level)})
	return out
}

// responseTable is Table 2 or 3: the ITT and evaluable rates of the rows of
// source that pick labels, "All" first and in bold, at most MaxPubRows
// groups, with the footnotes that explain its marks.
func (pr *presenter) responseTable(name, title, key, level string, source []cohort.RateRow, adjudicatedOutcomes int, pick func(cohort.RateRow) (string, bool)) Table {
	a := pr.a
	t := table.Table{Title: title, Label: "tab:" + strings.ReplaceAll(name, "_", "-"), Columns: []table.Column{{Key: key, Header: strings.ToUpper(key[:1]) + strings.ReplaceAll(key[1:], "_", " ")},
		{Key: "itt_n", Header: "n", Numeric: true, Group: "ITT"}, {Key: "itt_r", Header: "Responders", Numeric: true, Group: "ITT"},
		{Key: "itt_rate", Header: "Rate (" + level + ")", Numeric: true, Group: "ITT"},
		{Key: "ev_n", Header: "n", Numeric: true, Group: "Evaluable"}, {Key: "ev_r", Header: "Responders", Numeric: true, Group: "Evaluable"},
		{Key: "ev_rate", Header: "Rate (" + level + ")", Numeric: true, Group: "Evaluable"}}}
	rows := map[string][2]cohort.RateRow{}
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
		if r.Population == cohort.PopITT {
			p[0] = r
		} else {
			p[1] = r
		}
		rows[label] = p
	}
	// At most MaxPubRows groups besides "All": those with the most
	// patients (ITT), in their order; the CSV tables keep them all.
	shown := len(order)
	if n := map[string]int{}; len(order) > MaxPubRows+1 {
		for _, label := range order {
			if label != "All" {
				n[label] = rows[label][0].N
			}
		}
		keep := topByCount(n, MaxPubRows)
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
		cells := []string{label, numtext.Count(p[0].N), numtext.Count(p[0].Responders), rateCell(p[0]), numtext.Count(p[1].N), numtext.Count(p[1].Responders), rateCell(p[1])}
		if anyUnclassified {
			cells = append(cells, numtext.Count(p[0].Unclassified))
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
		a.Responder, a.CIMethod.Label()), attributionNote(a.Attribution)}
	if small {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("* fewer than %d patients.", pr.opt.SmallGroup))
	}
	if len(order) < shown {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("Shown are the %d groups with the most patients of %s; every group is in tables/response_rates.csv.", MaxPubRows, numtext.Count(shown-1)))
	}
	if anyEmpty {
		t.Footnotes = append(t.Footnotes, notEstimableNote)
	}
	if note := residueNote(a.Sources); note != "" {
		t.Footnotes = append(t.Footnotes, note)
	}
	if anyUnclassified {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("%s courses whose outcome was not read with confidence (unclassified, or a low-confidence reading proposed for review) are left out of numerator and denominator until decided in %s.",
			numtext.Count(pr.opt.UnclassifiedCourses), pr.opt.ReviewFile))
	}
	if n := adjudicatedOutcomes; n > 0 {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("%s courses count with an outcome decided by a reviewer (adjudicated, from %s).",
			numtext.Count(n), pr.opt.Decisions))
	}
	return Table{name, t}
}

// pooledTable is Table 4: the pooled estimates with the sensitivity
// analyses.
func (pr *presenter) pooledTable(level string) table.Table {
	a := pr.a
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
			iv := p.Count
			est = pooledCell(iv.Estimate, iv.Low, iv.High) + " †"
			why := "the fit did not converge"
			if len(p.Warnings) > 0 {
				why = strings.TrimSuffix(p.Warnings[0], ".")
			}
			inestimable = append(inestimable, fmt.Sprintf("%s, %s: %s", p.Drug, method, why))
		}
		t4.Rows = append(t4.Rows, table.Row{Cells: []string{p.Drug, method, numtext.Count(p.K), fmt.Sprintf("%d/%d", p.Events, p.N),
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
	return t4
}

// MaxFootnoteNames is the most names a footnote lists before "and N more".
const MaxFootnoteNames = 20

// MaxPubRows is the most groups (drugs, diseases; levels of a Table 1
// characteristic) a publication table lists: those with the most patients,
// said in a footnote. The machine-readable CSV tables list them all.
const MaxPubRows = 100

// comparisonTable is Table 5: Fisher's exact test between drugs and between
// the diseases of a drug, with Benjamini–Hochberg adjusted p-values; pairs
// with a group below analysis.min_compare_n are listed untested, odds
// ratios that cannot be estimated are flagged.
func (pr *presenter) comparisonTable(level string) table.Table {
	a := pr.a
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
			if c.NA < pr.opt.MinCompareN {
				small[c.GroupA] = c.NA
			}
			if c.NB < pr.opt.MinCompareN {
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
	t.Footnotes = append(t.Footnotes, fmt.Sprintf("† No test between groups of fewer than %d evaluable patients (analysis.min_compare_n).", pr.opt.MinCompareN))
	if len(small) > 0 {
		var names []string
		keys := sortedKeys(small)
		for _, g := range keys[:min(len(keys), MaxFootnoteNames)] {
			names = append(names, fmt.Sprintf("%s (n = %d)", g, small[g]))
		}
		if len(keys) > MaxFootnoteNames {
			names = append(names, fmt.Sprintf("and %d more (comparisons.csv lists them)", len(keys)-MaxFootnoteNames))
		}
		t.Footnotes[len(t.Footnotes)-1] += " Not tested: " + strings.Join(names, ", ") + "."
	}
	if len(a.ComparisonsOmitted) > 0 {
		var parts []string
		for _, om := range a.ComparisonsOmitted {
			parts = append(parts, fmt.Sprintf("%s: %d groups, %d patients, the largest n = %d", om.By, om.Groups, om.Patients, om.Largest))
		}
		if len(parts) > MaxFootnoteNames {
			parts = append(parts[:MaxFootnoteNames], fmt.Sprintf("and %d more dimensions (summary.json, comparisons_omitted)", len(parts)-MaxFootnoteNames))
		}
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("Only the %d groups with the most evaluable patients (ties by name) are compared with each other, and diseases only within those drugs (analysis.max_compare_groups); not compared: %s.",
			pr.opt.MaxCompareGroups, strings.Join(parts, "; ")))
	}
	if notEstimable {
		t.Footnotes = append(t.Footnotes, "‡ The odds ratio cannot be estimated when every or no patient of a group responded (a zero cell); the p-value stands.")
	}
	if a.Attribution == "exposure" && len(a.Comparisons) > 0 {
		t.Footnotes = append(t.Footnotes, "Under exposure attribution drug groups share patients given several drugs; Fisher's test assumes independent groups, so read the p-values as descriptive.")
	}
	return t
}
