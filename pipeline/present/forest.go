package present

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"math"
	"sort"
	"strings"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/figure"
)

// forestFigure builds the forest plot of response by drug in the pooling
// population, with the notes for its caption: drugs beyond maxDrugs (the
// largest by n are kept), studies with no patients in the population
// (0/0, left out), and the study rows of a very large drug beyond
// ForestMaxStudies (the largest kept).
func forestFigure(a *cohort.Analysis, opt Options) (figure.Forest, []string) {
	maxDrugs := opt.ForestMaxDrugs
	pop := a.PoolPopulation
	if pop == "" {
		pop = cohort.PopEvaluable
	}
	popName := map[string]string{cohort.PopEvaluable: "evaluable patients", cohort.PopITT: "intention to treat"}[pop]
	forest := figure.Forest{Title: "Response rate by drug (" + popName + ")", Sort: figure.SortName,
		Method: a.CIMethod.Label(), Level: a.Level, Pooling: poolingLabel(opt),
		Population: popNote(pop), Weights: "inverse-variance weights of the random-effects model on the logit scale, with escalc's variances"}
	pooled := map[string]cohort.PooledRow{}
	for _, p := range a.Pooled {
		pooled[p.Drug] = p
	}
	hetero := map[string]cohort.PooledRow{} // the logit REML fit carries Q and I²
	for _, p := range a.Sensitivity {
		if p.Method == "REML" && p.Transform == "logit" {
			hetero[p.Drug] = p
		}
	}
	byDrugStudies := map[string][]cohort.StudyRow{}
	for _, s := range a.StudyCounts {
		byDrugStudies[s.Drug] = append(byDrugStudies[s.Drug], s)
	}
	var rates []cohort.RateRow
	for _, r := range a.Rates {
		if r.Drug == "" && r.Disease == "" && r.Population == cohort.PopITT {
			forest.Patients = r.N + r.Unclassified
		}
		if r.Drug != "" && r.Disease == "" && r.Population == pop {
			rates = append(rates, r)
		}
	}
	var notes []string
	if len(rates) > maxDrugs {
		sort.SliceStable(rates, func(i, j int) bool { return rates[i].N > rates[j].N })
		notes = append(notes, fmt.Sprintf("Shown are the %d drugs with the most patients of %s (figures.forest_max_drugs); every drug is in table 2.", maxDrugs, numtext.Count(len(rates))))
		rates = rates[:maxDrugs]
	}
	// Study rows per pooled drug: at most ForestMaxStudies, fewer when many
	// drugs are pooled, so that the plot stays under figure.MaxHeightMM.
	nPooled := 0
	for _, r := range rates {
		if _, ok := pooled[r.Drug]; ok {
			nPooled++
		}
	}
	maxStudies := ForestMaxStudies
	if nPooled > 0 {
		maxStudies = max(2, min(ForestMaxStudies, (ForestMaxRows-3*len(rates))/nPooled))
	}
	zero := 0
	var zeroDrugs, noEst []string
	noEstMethod := ""
	for _, r := range rates {
		p, ok := pooled[r.Drug]
		if !ok {
			if r.N == 0 {
				zero++
				zeroDrugs = append(zeroDrugs, r.Drug)
				continue
			}
			forest.Rows = append(forest.Rows, figure.ForestRow{Label: r.Drug, Events: r.Responders, N: r.N, Estimate: r.Rate, Low: r.Low, High: r.High})
			continue
		}
		var ss []cohort.StudyRow
		for _, s := range byDrugStudies[r.Drug] {
			if s.N == 0 {
				zero++
				continue
			}
			ss = append(ss, s)
		}
		if math.IsNaN(p.Estimate) && p.N > 0 {
			noEst = append(noEst, r.Drug)
			noEstMethod = p.Method
		}
		h, hasH := hetero[r.Drug]
		forest.Rows = append(forest.Rows, pooledDrugRows(a, r.Drug, p, h, hasH, ss, maxStudies)...)
	}
	if zero > 0 {
		what := numtext.Count(zero) + " drugs or studies"
		if zero == len(zeroDrugs) && zero <= 10 {
			what = strings.Join(zeroDrugs, ", ")
		}
		notes = append(notes, fmt.Sprintf("Left out as 0/0 (no patient in the population): %s.", what))
	}
	if len(noEst) > 0 {
		notes = append(notes, fmt.Sprintf("No pooled estimate (%s) for %s: the model has no finite estimate when every study has 0 or all responders; table 4 gives the pooled count with its exact interval.",
			noEstMethod, strings.Join(noEst, ", ")))
	}
	return forest, notes
}

// pooledDrugRows are the forest rows of a pooled drug: its heading, at
// most maxStudies study rows (the largest) with their interval and
// weight, the pooled diamond with its prediction interval, and a note of
// the studies not shown and the heterogeneity (h, the logit REML fit,
// when hasH).
func pooledDrugRows(a *cohort.Analysis, drug string, p, h cohort.PooledRow, hasH bool, ss []cohort.StudyRow, maxStudies int) []figure.ForestRow {
	rows := []figure.ForestRow{{Label: drug, Heading: true}}
	w := cohort.ForestWeights(ss, p.Tau2)
	idx := make([]int, len(ss))
	for i := range idx {
		idx[i] = i
	}
	if len(ss) > maxStudies {
		sort.SliceStable(idx, func(i, j int) bool { return ss[idx[i]].N > ss[idx[j]].N })
		idx = idx[:maxStudies]
		sort.Ints(idx)
	}
	for _, i := range idx {
		s := ss[i]
		iv := s.Interval
		rows = append(rows, figure.ForestRow{Label: cohort.ShortStudy(s.Study), Events: s.Events, N: s.N,
			Estimate: iv.Estimate, Low: iv.Low, High: iv.High, Study: true, Weight: w[i]})
	}
	moreNote := ""
	if more := len(ss) - len(idx); more > 0 {
		n, x := 0, 0
		for _, i := range idx {
			n += ss[i].N
			x += ss[i].Events
		}
		moreNote = fmt.Sprintf("%s not shown (%d/%d responded). ", plural(more, "smaller study", "smaller studies"), p.Events-x, p.N-n)
	}
	rows = append(rows, figure.ForestRow{Label: "Pooled (" + p.Method + ")", Events: p.Events, N: p.N,
		Estimate: p.Estimate, Low: p.Low, High: p.High, Pooled: true, Study: true, PredLow: p.PredLow, PredHigh: p.PredHigh})
	if hasH && !math.IsNaN(h.Q) {
		t2 := p.Tau2
		if math.IsNaN(t2) {
			t2 = h.Tau2
		}
		rows = append(rows, figure.ForestRow{Label: moreNote + fmt.Sprintf("τ² = %.2f; I² = %.0f%%; Q = %.2f, df = %d, p = %s",
			t2, h.I2, h.Q, h.K-1, pValue(h.QP)), Study: true, Note: true})
	} else if moreNote != "" {
		rows = append(rows, figure.ForestRow{Label: strings.TrimSpace(moreNote), Study: true, Note: true})
	}
	return rows
}

// ForestMaxStudies caps the study rows of one drug in the forest plot, and
// ForestMaxRows the rows the study caps aim at in all.
const (
	ForestMaxStudies = 25
	ForestMaxRows    = 150
)

// pValue formats a p-value as in metafor: "< 0.001" below it, else 3
// decimals (2 above 0.1).
func pValue(p float64) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.001:
		return "< 0.001"
	case p < 0.1:
		return fmt.Sprintf("%.3f", p)
	}
	return fmt.Sprintf("%.2f", p)
}

// poolingLabel describes the pooling model for the forest plot's caption.
func poolingLabel(opt Options) string {
	switch opt.Pooling {
	case "glmm":
		return fmt.Sprintf("binomial–normal random-intercept GLMM, maximum likelihood, %d-node adaptive Gauss–Hermite quadrature, logit scale", opt.Nodes)
	case "reml":
		return "inverse-variance random effects, REML, " + opt.Transform + " scale"
	}
	return "inverse-variance random effects, DerSimonian–Laird, " + opt.Transform + " scale"
}
