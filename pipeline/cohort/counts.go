package cohort

import (
	"sort"
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// SourceResidue is the SourceRow.Source of a study × drug counted from
// its individually reported patients plus the residue of its study-level
// row.
const SourceResidue = "patients + residue"

// Counts are the outcome counts of one group.
type Counts struct {
	Treated      int                    // every treated patient (itt) whose outcome is classified
	Responders   int                    // at the responder threshold
	NotEvaluable int                    // lost to follow-up, no outcome, …
	ByCategory   map[vocab.Category]int // may be partial for study-level rows
	// Unclassified counts patients whose outcome text could not be
	// classified and is undecided: they are in no numerator and no
	// denominator (not in Treated).
	Unclassified int
}

func (c *Counts) add(o Counts) {
	c.Treated += o.Treated
	c.Responders += o.Responders
	c.NotEvaluable += o.NotEvaluable
	c.Unclassified += o.Unclassified
	for k, v := range o.ByCategory {
		if c.ByCategory == nil {
			c.ByCategory = map[vocab.Category]int{}
		}
		c.ByCategory[k] += v
	}
}

// addTotals adds o's totals, not its categories (for sums that read none:
// a map per rate row would cost more than the rest of it).
func (c *Counts) addTotals(o Counts) {
	c.Treated += o.Treated
	c.Responders += o.Responders
	c.NotEvaluable += o.NotEvaluable
	c.Unclassified += o.Unclassified
}

// N returns the denominator of a population.
func (c Counts) N(pop string) int {
	if pop == PopEvaluable {
		return c.Treated - c.NotEvaluable
	}
	return c.Treated
}

// unit is one counted contribution: the patients of a study, drug group,
// class, disease and disease group (summed by the fold), or a study-level
// row.
type unit struct {
	study   string
	drug    string // drug, regimen or "" for patient-level "all drugs" units
	class   string
	disease string
	group   string // disease group
	counts  Counts // of a study-level row (t is nil)
	t       *tally // of patients, the fold's aggregate (counts is empty)
	source  string // "patients" or "study-level"
	// coarse: the patients of every study without a study-level row for
	// the drug (or, for patient units, an "all" row); study is empty and
	// the study counts and Analysis.Counts take them from the coarse
	// fold's tallies instead.
	coarse bool
}

// totals returns the counts of u; their ByCategory is nil for patients
// (see category), u's own for a study-level row: read only.
func (u *unit) totals() Counts {
	if u.t == nil {
		return u.counts
	}
	return u.t.totals()
}

// categories calls fn with each category of u and its count (those
// counted, for patients).
func (u *unit) categories(fn func(vocab.Category, int)) {
	if u.t == nil {
		for cat, v := range u.counts.ByCategory {
			fn(cat, v)
		}
		return
	}
	for k, v := range u.t.cat {
		if v != 0 {
			fn(vocab.Category(k), int(v))
		}
	}
}

// category returns the count of category cat in u.
func (u *unit) category(cat vocab.Category) int {
	if u.t == nil {
		return u.counts.ByCategory[cat]
	}
	if cat < 0 || int(cat) >= len(u.t.cat) {
		return 0
	}
	return int(u.t.cat[cat])
}

// oneCourse[cat] is the ByCategory of one course of category cat, shared
// by the Counts of every such course so that a million courses do not make
// a million maps. It is read only: Counts.add reads its argument's map and
// writes only into the receiver's own.
var oneCourse = func() [vocab.Complete + 1]map[vocab.Category]int {
	var m [vocab.Complete + 1]map[vocab.Category]int
	for cat := range m {
		m[cat] = map[vocab.Category]int{vocab.Category(cat): 1}
	}
	return m
}()

// byCategoryOfOne returns the ByCategory of one course of category cat.
func byCategoryOfOne(cat vocab.Category) map[vocab.Category]int {
	if cat < 0 || int(cat) >= len(oneCourse) {
		return map[vocab.Category]int{cat: 1}
	}
	return oneCourse[cat]
}

// courseCounts are the counts of one patient course. Their ByCategory is
// shared (byCategoryOfOne): never write into it.
func (a *analyser) courseCounts(c *Course) Counts {
	if c.Unclassified() {
		return Counts{Unclassified: 1, ByCategory: byCategoryOfOne(vocab.Unclassified)}
	}
	cat := c.Category()
	if c.Outcome.NotAttributable && !c.OutcomeAdjudicated { // no study-level counts
		cat = vocab.NotEvaluable
	}
	k := Counts{Treated: 1, ByCategory: byCategoryOfOne(cat)}
	if cat == vocab.NotEvaluable {
		k.NotEvaluable = 1
	}
	if cat.AtLeast(a.threshold) {
		k.Responders = 1
	}
	return k
}

// studyCounts of a study-level row at the configured threshold.
func (a *analyser) studyLevelCounts(s *StudyCount) Counts {
	k := Counts{Treated: s.Treated, NotEvaluable: s.NotEvaluable, Responders: s.Responders, Unclassified: s.Unclassified}
	if s.ByCategory != nil {
		k.ByCategory = map[vocab.Category]int{}
		k.Responders = 0
		for cat, v := range s.ByCategory {
			k.ByCategory[cat] = v
			if cat.AtLeast(a.threshold) {
				k.Responders += v
			}
		}
		if s.NotEvaluable > 0 {
			k.ByCategory[vocab.NotEvaluable] = s.NotEvaluable
		}
		if k.Responders != s.Responders {
			a.warnf("%s, %s: the outcome categories give %d responders at the %q threshold, the authors report %d: the categories are used",
				s.Study, s.DrugRaw, k.Responders, a.threshold, s.Responders)
		}
	} else if s.NotEvaluable > 0 {
		k.ByCategory = map[vocab.Category]int{vocab.NotEvaluable: s.NotEvaluable}
	}
	if s.ByCategory == nil && a.threshold != vocab.DefaultResponderThreshold {
		a.warnf("%s, %s: the study-level row gives no outcome categories, so its responders keep the authors' definition, not the threshold %q",
			s.Study, s.DrugRaw, a.threshold)
	}
	return k
}

func (a *analyser) groupOf(c *Course) (string, bool) {
	switch a.cfg.Attribution {
	case "regimen":
		return strings.Join(c.Regimen, " + "), true
	case "monotherapy":
		return c.DrugName(), len(c.Regimen) == 1
	}
	return c.DrugName(), true
}

// CountRow is one row of counts/counts.csv (tresp run --emit-counts): the outcome
// counts of one study × drug × disease, in the columns of a study-level table, so that
// tresp run reads the file back as input. Drug "all" rows count every patient of the
// study and disease once, whatever their drugs (the by-disease and overall rates).
// Counts of different partitions of the same study add up, which makes them the
// mergeable intermediate of the distributed path (docs/scale.md).
type CountRow struct {
	Study, Drug, Disease                                string
	Treated, Responders, NotEvaluable                   int
	Complete, Partial, Minimal, NoResponse, Progression int
	Unclassified                                        int
}

// countRows sums the analysis units by study × drug × disease; patient units give the
// drug "all" rows. The coarse units are left out: coarse holds their tallies by study ×
// drug × disease.
func countRows(drugUnits, patientUnits []*unit, coarse map[countKey]tally, n *names) []CountRow {
	type key struct{ study, drug, disease string }
	// an index into out rather than a pointer per row: a fine fold of a
	// million rows has hundreds of thousands of rows
	at := map[key]int32{}
	out := []CountRow{}
	add := func(k key, u *unit) {
		i, ok := at[k]
		if !ok {
			i = int32(len(out))
			at[k] = i
			out = append(out, CountRow{Study: k.study, Drug: k.drug, Disease: k.disease})
		}
		r := &out[i]
		c := u.totals()
		r.Treated += c.Treated
		r.Responders += c.Responders
		r.NotEvaluable += c.NotEvaluable
		r.Unclassified += c.Unclassified
		r.Complete += u.category(vocab.Complete)
		r.Partial += u.category(vocab.Partial)
		r.Minimal += u.category(vocab.Minimal)
		r.NoResponse += u.category(vocab.None)
		r.Progression += u.category(vocab.Progression)
	}
	disease := func(u *unit) string {
		if u.disease == Unspecified {
			return "" // a study-level row that names no disease stays one
		}
		return u.disease // NotReported is written as such, and read back as such
	}
	for _, u := range drugUnits {
		if !u.coarse {
			add(key{u.study, u.drug, disease(u)}, u)
		}
	}
	for _, u := range patientUnits {
		if !u.coarse {
			add(key{u.study, "all", disease(u)}, u)
		}
	}
	for k, t := range coarse {
		u := &unit{disease: n.name(k.disease), t: &t}
		add(key{n.name(k.study), n.name(k.drug), disease(u)}, u)
	}
	at = nil
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		if a.Drug != b.Drug {
			return a.Drug < b.Drug
		}
		return a.Disease < b.Disease
	})
	return out
}
