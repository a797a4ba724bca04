package cohort

import (
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/tresp/tresp/stats"
)

// Table1MaxLevels is the most levels of a categorical characteristic
// Table 1 lists: those with the most patients overall (ties by name); the
// patients of the others are one count per column (Levels.Other).
const Table1MaxLevels = 100

// Table1MaxGroups is the most by-drug or by-study columns of Table 1:
// the groups with the most patients (ties by name), in name order.
const Table1MaxGroups = 8

// Table1 is what Table 1 shows: the baseline of every patient with
// individual data, and of the largest groups by drug and by study (the
// table shows one grouping or none, tables.table1_by).
type Table1 struct {
	Overall Baseline
	ByDrug  Table1Groups
	ByStudy Table1Groups
}

// Table1Groups are the column groups of Table 1 by drug or by study: at
// most Table1MaxGroups baselines in name order (Baseline.Label), of Total
// groups with patients.
type Table1Groups struct {
	Groups []Baseline
	Total  int
}

// Baseline summarises the Table 1 characteristics of a set of patients.
type Baseline struct {
	// Label names the group: a drug or a study's short label; "" overall.
	Label    string
	Patients int
	Studies  int
	// Age in years and DiseaseDuration in days.
	Age, DiseaseDuration Quartiles
	// Sex ("F", "M", …), Disease (or disease group) and Subtype (the
	// first condition subtype of class "type") per patient.
	Sex, Disease, Subtype Levels
}

// Quartiles are the median and quartiles of the Known values of a
// continuous characteristic (stats.Quantile, R's type 7); NaN when no
// value is known.
type Quartiles struct {
	Known          int
	Median, Q1, Q3 float64
}

// Levels counts the patients per level of a categorical characteristic.
type Levels struct {
	// Known counts the patients with the characteristic reported.
	Known int
	// Counts holds the listed levels: every level of the overall column,
	// or its Table1MaxLevels largest when it has more. A group column has
	// the same keys (a level without patients there counts 0).
	Counts map[string]int
	// Other counts the patients of levels not listed, and Unlisted (in
	// the overall column) how many levels those are.
	Other, Unlisted int
}

// baselineValues are the values of a set of patients before summary.
type baselineValues struct {
	patients      int
	ages, dd      []float64
	sex, dis, sub map[string]int
	studies       map[string]bool
}

func collectBaseline(pts []*Course, diseaseGroups bool) baselineValues {
	b := baselineValues{patients: len(pts), sex: map[string]int{}, dis: map[string]int{}, sub: map[string]int{}, studies: map[string]bool{}}
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
			if diseaseGroups {
				d = DiseaseGroupLabel(c)
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
	return b
}

// quartiles summarises x (reordered in place).
func quartiles(x []float64) Quartiles {
	q := Quartiles{Known: len(x), Median: math.NaN(), Q1: math.NaN(), Q3: math.NaN()}
	if len(x) > 0 {
		sort.Float64s(x)
		q.Median, q.Q1, q.Q3 = stats.Quantile(.5, x), stats.Quantile(.25, x), stats.Quantile(.75, x)
	}
	return q
}

// listed returns the levels of m that Table 1 lists: all, or nil for all
// when there are at most Table1MaxLevels; else the Table1MaxLevels with the
// most patients (ties by name).
func listed(m map[string]int) map[string]bool {
	return TopByCount(m, Table1MaxLevels)
}

// levels summarises m over the listed levels keep (nil: every level of
// all, the overall counts).
func levels(m, all map[string]int, keep map[string]bool) Levels {
	l := Levels{Counts: map[string]int{}}
	for k, v := range m {
		l.Known += v
		if keep != nil && !keep[k] {
			l.Other += v
		}
	}
	for k := range all {
		if keep == nil || keep[k] {
			l.Counts[k] = m[k]
		}
	}
	return l
}

// summarise turns values into a Baseline with the listed levels of the
// overall values all and their keep sets.
func (b baselineValues) summarise(label string, all baselineValues, keep [3]map[string]bool) Baseline {
	out := Baseline{Label: label, Patients: b.patients, Studies: len(b.studies),
		Age: quartiles(b.ages), DiseaseDuration: quartiles(b.dd),
		Sex: levels(b.sex, all.sex, keep[0]), Disease: levels(b.dis, all.dis, keep[1]), Subtype: levels(b.sub, all.sub, keep[2])}
	return out
}

// table1 computes Table 1 from the first course of each patient (first)
// and, for the groups, from every course.
func table1(courses, first []*Course, diseaseGroups bool, short shortStudies) Table1 {
	all := collectBaseline(first, diseaseGroups)
	keep := [3]map[string]bool{listed(all.sex), listed(all.dis), listed(all.sub)}
	t := Table1{Overall: all.summarise("", all, keep)}
	for lv, m := range []map[string]int{all.sex, all.dis, all.sub} {
		if keep[lv] != nil {
			n := len(m) - len(keep[lv])
			switch lv {
			case 0:
				t.Overall.Sex.Unlisted = n
			case 1:
				t.Overall.Disease.Unlisted = n
			case 2:
				t.Overall.Subtype.Unlisted = n
			}
		}
	}
	group := func(byDrug bool) Table1Groups {
		name := func(c *Course) string {
			if byDrug {
				return c.DrugName()
			}
			return short.of(c.Study)
		}
		// the patients of each group: one course per study × case × group
		seen := map[[3]string]bool{}
		size := map[string]int{}
		for _, c := range courses {
			g := name(c)
			k := [3]string{c.Study, c.CaseID, g}
			if g == "" || seen[k] {
				continue
			}
			seen[k] = true
			size[g]++
		}
		names := slices.Sorted(maps.Keys(size))
		if len(names) > Table1MaxGroups {
			sort.SliceStable(names, func(i, j int) bool { return size[names[i]] > size[names[j]] })
			names = names[:Table1MaxGroups]
			sort.Strings(names)
		}
		pts := map[string][]*Course{}
		for _, g := range names {
			pts[g] = nil
		}
		clear(seen)
		for _, c := range courses {
			g := name(c)
			k := [3]string{c.Study, c.CaseID, g}
			if _, ok := pts[g]; !ok || seen[k] {
				continue
			}
			seen[k] = true
			pts[g] = append(pts[g], c)
		}
		out := Table1Groups{Total: len(size)}
		for _, g := range names {
			out.Groups = append(out.Groups, collectBaseline(pts[g], diseaseGroups).summarise(g, all, keep))
		}
		return out
	}
	t.ByDrug, t.ByStudy = group(true), group(false)
	return t
}

// TopByCount returns the max keys of n with the largest counts (ties by
// name) as a set, or nil when n has no more than max keys.
func TopByCount(n map[string]int, max int) map[string]bool {
	if len(n) <= max {
		return nil
	}
	keys := slices.Sorted(maps.Keys(n))
	sort.SliceStable(keys, func(i, j int) bool { return n[keys[i]] > n[keys[j]] })
	keep := make(map[string]bool, max)
	for _, k := range keys[:max] {
		keep[k] = true
	}
	return keep
}
