package cohort

import (
	"fmt"
	"math"
	"sort"

	"github.com/tresp/tresp/stats"
)

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
		byDrug[u.drug].addTotals(u.totals()) // responders and n only
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
			if g == Unspecified || g == NotReported {
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
			m[u.disease].addTotals(u.totals())
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
