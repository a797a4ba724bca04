package cohort

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// rates computes rates by group (drug or class), by disease, by group ×
// disease and overall. Patient units (nil for the class table) give the
// by-disease and overall rows.
func (a *analyser) rates(drugUnits, patientUnits []*unit, group, disease func(*unit) string) []RateRow {
	// a group's totals sit in a slice, found by an index per key: at millions of rows the
	// groups are millions, and a map of pointers to Counts cost more than the rows made
	type key struct{ g, d string }
	type keyAt struct {
		key
		at int32
	}
	index := map[key]int32{}
	var totals []Counts
	add := func(k key, u *unit) {
		at, ok := index[k]
		if !ok {
			at = int32(len(totals))
			index[k] = at
			totals = append(totals, Counts{})
		}
		totals[at].addTotals(u.totals()) // the rates read no category
	}
	for _, u := range drugUnits {
		g := group(u)
		if g == "" {
			g = "(unclassified)"
		}
		add(key{g, ""}, u)
		add(key{g, disease(u)}, u)
	}
	for _, u := range patientUnits {
		add(key{"", disease(u)}, u)
		add(key{"", ""}, u)
	}
	keys := make([]keyAt, 0, len(index))
	for k, at := range index {
		keys = append(keys, keyAt{k, at})
	}
	index = nil
	slices.SortFunc(keys, func(a, b keyAt) int { return cmp.Or(strings.Compare(a.g, b.g), strings.Compare(a.d, b.d)) })
	rows := make([]RateRow, 0, 2*len(keys))
	method := a.method.String()
	for _, k := range keys {
		c := totals[k.at]
		for _, pop := range []string{PopITT, PopEvaluable} {
			n := c.N(pop)
			iv := a.rateInterval(c.Responders, n)
			rows = append(rows, RateRow{Drug: k.g, Disease: k.d, Population: pop, N: n, Responders: c.Responders,
				Rate: iv.Estimate, Low: iv.Low, High: iv.High, Method: method,
				Small: n < a.cfg.SmallGroup, Unclassified: c.Unclassified, Warnings: iv.Warnings})
		}
	}
	return rows
}

// studyCounts returns the evaluable events and n per study × drug: of the
// units, but the coarse ones, and of the coarse fold's tallies per study ×
// drug (pairs).
func studyCounts(units []*unit, pairs map[pairKey]pairTotals, n *names, pop string) []StudyRow {
	acc := map[sd]*Counts{}
	for _, u := range units {
		if u.coarse {
			continue
		}
		k := sd{u.study, u.drug}
		if acc[k] == nil {
			acc[k] = &Counts{}
		}
		acc[k].addTotals(u.totals()) // events and n only
	}
	// the coarse pairs are most rows of a large table: each becomes its row
	// directly, and only one that a fine unit shares goes through acc
	rows := make([]StudyRow, 0, len(acc)+len(pairs))
	for p, t := range pairs {
		k := sd{n.name(p.study), n.name(p.drug)}
		if c := acc[k]; c != nil {
			c.addTotals(t.totals())
			continue
		}
		c := t.totals()
		rows = append(rows, StudyRow{Study: k.study, Drug: k.drug, Events: c.Responders, N: c.N(pop)})
	}
	for k, c := range acc {
		rows = append(rows, StudyRow{Study: k.study, Drug: k.drug, Events: c.Responders, N: c.N(pop)})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Drug != rows[j].Drug {
			return rows[i].Drug < rows[j].Drug
		}
		return studyLess(rows[i].Study, rows[j].Study) // "Study 2" before "Study 10"
	})
	return rows
}

// outcomeTallies counts outcome categories per drug and per disease.
// A disease key other than the disease (the group) may be given.
func outcomeTallies(drugUnits, patientUnits []*unit, diseaseKey ...func(*unit) string) (byDrug, byDisease map[string]map[string]int) {
	tally := func(units []*unit, key func(*unit) string) map[string]map[string]int {
		m := map[string]map[string]int{}
		for _, u := range units {
			k := key(u)
			if m[k] == nil {
				m[k] = map[string]int{}
			}
			known := 0
			u.categories(func(cat vocab.Category, v int) {
				m[k][cat.String()] += v
				known += v
			})
			if rest := u.totals().Treated - known; rest > 0 {
				m[k]["unknown"] += rest
			}
		}
		return m
	}
	dk := func(u *unit) string { return u.disease }
	if len(diseaseKey) > 0 {
		dk = diseaseKey[0]
	}
	return tally(drugUnits, func(u *unit) string { return u.drug }), tally(patientUnits, dk)
}
