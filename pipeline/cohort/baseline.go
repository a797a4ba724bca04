package cohort

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/pipeline/config"
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

// baselineValues are the values of a set of patients before summary:
// counts per value (bounded by the distinct values, not the patients). A
// group keeps its first patients' values as they are (few) and counts them
// only from the fewValues+1-th patient on, or when it is summarised: most
// treatment groups of a large table have a patient or two, and six maps
// each cost more than all the rest of Table 1's fold.
type baselineValues struct {
	patients      int
	few           []patientValues // nil once counted
	ages, dd      histogram       // nil until counted
	sex, dis, sub map[string]int
	studies       map[string]bool
}

// patientValues are the values of one patient (NaN or "" where unknown).
type patientValues struct {
	age, dd              float64
	sex, dis, sub, study string
}

// fewValues is how many patients a group keeps as values before counting them.
const fewValues = 8

func newBaselineValues() *baselineValues { return &baselineValues{} }

// add adds the patient whose course c gives the characteristics; strs
// holds the one copy of each study and disease name that every group's
// keys share (a key cut from its input line would keep the line, and a
// copy per group cost more than the counts at ten million rows).
func (b *baselineValues) add(c *Course, diseaseGroups bool, strs *names) {
	v := patientValues{age: c.Age.Years, dd: c.DiseaseDu.Days, sex: string(c.Sex), study: strs.in(c.Study)}
	if d := c.DiseaseName(); d != "" {
		if diseaseGroups {
			d = DiseaseGroupLabel(c)
		}
		v.dis = strs.in(d)
	}
	for _, m := range c.Subtypes {
		if m.Class == "type" && m.Canonical != "" {
			v.sub = m.Canonical
			break
		}
	}
	b.patients++
	if b.ages == nil && len(b.few) < fewValues {
		b.few = append(b.few, v)
		return
	}
	b.count()
	b.countOne(v)
}

// count moves the kept values into the counts (once).
func (b *baselineValues) count() {
	if b.ages != nil {
		return
	}
	b.ages, b.dd, b.sex, b.dis, b.sub, b.studies = histogram{}, histogram{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]bool{}
	for _, v := range b.few {
		b.countOne(v)
	}
	b.few = nil
}

func (b *baselineValues) countOne(v patientValues) {
	b.studies[v.study] = true
	if !math.IsNaN(v.age) {
		b.ages[v.age]++
	}
	if !math.IsNaN(v.dd) {
		b.dd[v.dd]++
	}
	if v.sex != "" {
		b.sex[v.sex]++
	}
	if v.dis != "" {
		b.dis[v.dis]++
	}
	if v.sub != "" {
		b.sub[v.sub]++
	}
}

// histogram counts the patients per value of a continuous characteristic.
type histogram map[float64]int

// quartiles summarises the values of h: the quartiles of the values
// repeated as often as counted (stats.Quantile, type 7), without repeating
// them.
func (h histogram) quartiles() Quartiles {
	vals := slices.Sorted(maps.Keys(h))
	counts := make([]int, len(vals))
	n := 0
	for i, v := range vals {
		counts[i] = h[v]
		n += counts[i]
	}
	q := Quartiles{Known: n, Median: math.NaN(), Q1: math.NaN(), Q3: math.NaN()}
	if n > 0 {
		q.Median, q.Q1, q.Q3 = quantileCounts(.5, vals, counts), quantileCounts(.25, vals, counts), quantileCounts(.75, vals, counts)
	}
	return q
}

// quantileCounts is stats.Quantile(p, x) (R's type 7) of the sorted x that
// repeats vals[i] counts[i] times, for increasing vals and counts > 0,
// without building x: x[i] + (h − ⌊h⌋)·(x[i+1] − x[i]) with h = (n − 1)·p
// and i = ⌊h⌋, the same operations on the same values. NaN when n = 0.
func quantileCounts(p float64, vals []float64, counts []int) float64 {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("cohort: quantileCounts: p = %v outside [0, 1]", p))
	}
	n := 0
	for _, c := range counts {
		n += c
	}
	if n == 0 {
		return math.NaN()
	}
	// at returns x[i]
	at := func(i int) float64 {
		for k, c := range counts {
			if i < c {
				return vals[k]
			}
			i -= c
		}
		panic("cohort: quantileCounts: index past the values")
	}
	h := float64(n-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= n {
		return vals[len(vals)-1]
	}
	xi, xj := at(i), at(i+1)
	return xi + (h-lo)*(xj-xi)
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
func (b *baselineValues) summarise(label string, all *baselineValues, keep [3]map[string]bool) Baseline {
	b.count()
	all.count()
	out := Baseline{Label: label, Patients: b.patients, Studies: len(b.studies),
		Age: b.ages.quartiles(), DiseaseDuration: b.dd.quartiles(),
		Sex: levels(b.sex, all.sex, keep[0]), Disease: levels(b.dis, all.dis, keep[1]), Subtype: levels(b.sub, all.sub, keep[2])}
	return out
}

// table1Fold folds patients into Table 1: the values of every patient (of
// its first course), and of each drug group (the patient's first course of
// the drug) and study group (its short label).
type table1Fold struct {
	diseaseGroups   bool
	short           shortStudies
	all             *baselineValues
	byDrug, byStudy map[string]*baselineValues
	drugs           []string // scratch: one patient's drugs
	strs            *names   // the study and disease names of every group's keys
}

func newTable1Fold(diseaseGroups bool, short shortStudies) *table1Fold {
	return &table1Fold{diseaseGroups: diseaseGroups, short: short, all: newBaselineValues(),
		byDrug: map[string]*baselineValues{}, byStudy: map[string]*baselineValues{}, strs: newNames()}
}

// keepGroups drops the column groups that Table 1 will not show (by: see
// Accumulator.Table1Groups); their Table1Groups come out empty.
func (f *table1Fold) keepGroups(by config.Table1By) {
	if by == config.Table1ByNone || by == config.Table1ByStudy {
		f.byDrug = nil
	}
	if by == config.Table1ByNone || by == config.Table1ByDrug {
		f.byStudy = nil
	}
}

func (f *table1Fold) addPatient(courses []*Course) {
	f.all.add(courses[0], f.diseaseGroups, f.strs)
	addTo := func(m map[string]*baselineValues, g string, c *Course) {
		b := m[g]
		if b == nil {
			b = newBaselineValues()
			m[strings.Clone(g)] = b
		}
		b.add(c, f.diseaseGroups, f.strs)
	}
	if f.byDrug != nil {
		f.drugs = f.drugs[:0]
		for _, c := range courses {
			if g := c.DrugName(); g != "" && !contains(f.drugs, g) {
				f.drugs = append(f.drugs, g)
				addTo(f.byDrug, g, c)
			}
		}
	}
	if g := f.short.of(courses[0].Study); g != "" && f.byStudy != nil {
		addTo(f.byStudy, g, courses[0])
	}
}

// table1 computes Table 1.
func (f *table1Fold) table1() Table1 {
	all := f.all
	all.count()
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
	group := func(groups map[string]*baselineValues) Table1Groups {
		names := slices.Sorted(maps.Keys(groups))
		if len(names) > Table1MaxGroups {
			sort.SliceStable(names, func(i, j int) bool { return groups[names[i]].patients > groups[names[j]].patients })
			names = names[:Table1MaxGroups]
			sort.Strings(names)
		}
		out := Table1Groups{Total: len(groups)}
		for _, g := range names {
			out.Groups = append(out.Groups, groups[g].summarise(g, all, keep))
		}
		return out
	}
	t.ByDrug, t.ByStudy = group(f.byDrug), group(f.byStudy)
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
