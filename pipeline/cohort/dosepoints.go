package cohort

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/internal/stablehash"

	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
)

// DoseMaxDrugs is the most drugs of a dose–response figure: those with
// the most courses (ties by name).
const DoseMaxDrugs = 12

// DoseSample is the most points per drug of a dose–response figure. A
// drug with more courses shows a deterministic sample of DoseSample of
// them: those whose hash of study, case and drug (DoseSampleKey) is
// smallest, so that the same courses give the same points whatever the
// order of the rows.
const DoseSample = 300

// DoseUnits are the dose units that have a dose–response figure, in
// figure order: the daily dose, and the daily dose per kg of a patient
// whose body weight is not given.
var DoseUnits = []string{"mg/day", "mg/kg/day"}

// DoseView is what the dose–response figures show: per unit of
// DoseUnits, the points drawn; the courses with a dose in another unit,
// and those whose dose is implausible, counted.
type DoseView struct {
	// Units has one entry per unit of DoseUnits with at least one course.
	Units []DoseUnit
	// Other counts the courses with a dose in any other unit, per unit.
	Other map[string]int
	// Implausible counts the courses left out because their daily dose is
	// above the plausible maximum of the drug (units.CheckDrugDose, the
	// dose-implausible warning).
	Implausible int
}

// DoseUnit is the dose–response figure of one unit.
type DoseUnit struct {
	Unit string
	// Courses counts the courses with a dose in Unit and an outcome a
	// figure shows, and Drugs their distinct drugs.
	Courses, Drugs int
	// Shown are the drugs drawn, in name order: all, or the DoseMaxDrugs
	// with the most courses.
	Shown []DoseDrug
	// Points are the points drawn, in course order: every course of a
	// drug shown, or DoseSample of them (DoseDrug.Sampled).
	Points []DosePoint
}

// DoseDrug is a drug of a dose–response figure: its courses, and the
// number drawn.
type DoseDrug struct {
	Drug           string
	Courses, Drawn int
}

// Sampled reports whether the drug shows a sample of its courses.
func (d DoseDrug) Sampled() bool { return d.Drawn < d.Courses }

// DosePoint is one course of a dose–response figure.
type DosePoint struct {
	Study, CaseID, Drug string
	// Dose is the highest daily dose in the unit of the figure.
	Dose    float64
	Outcome vocab.Category
}

// DoseSampleKey is the hash that orders a drug's courses for the sample:
// FNV-1a 64 of study, case and drug (separated by NUL), mixed by the
// SplitMix64 finaliser so that similar names spread over the range.
func DoseSampleKey(study, caseID, drug string) uint64 { return stablehash.Of(study, caseID, drug) }

// sampled is a course of a drug's sample: its position in the courses
// and its sample key.
type sampled struct {
	seq int
	key uint64
	p   DosePoint
}

// before orders a drug's courses for the sample: by key, then by content,
// so that courses that tie are interchangeable.
func (s sampled) before(o sampled) bool {
	switch {
	case s.key != o.key:
		return s.key < o.key
	case s.p.Study != o.p.Study:
		return s.p.Study < o.p.Study
	case s.p.CaseID != o.p.CaseID:
		return s.p.CaseID < o.p.CaseID
	case s.p.Dose != o.p.Dose:
		return s.p.Dose < o.p.Dose
	}
	return s.p.Outcome < o.p.Outcome
}

// drugSample is the bottom-DoseSample sample of one drug's courses,
// kept sorted by before, and the number of courses seen.
type drugSample struct {
	n    int
	kept []sampled
}

func (d *drugSample) add(s sampled) {
	d.n++
	if i, ok := boundedSlot(d.kept, &s, DoseSample, func(a, b *sampled) bool { return a.before(*b) }); ok {
		// the sample outlives the course: copies, so that a kept point does not keep the
		// whole input line its study and case were cut from
		s.p.Study, s.p.CaseID, s.p.Drug = strings.Clone(s.p.Study), strings.Clone(s.p.CaseID), strings.Clone(s.p.Drug)
		d.kept = insertBounded(d.kept, i, s, DoseSample)
	}
}

// doseFold folds courses into the dose–response views: each course with a
// highest daily dose and an attributable outcome a figure shows is a point
// of its unit's figure, unless its dose is implausible. It keeps the
// bounded sample of each drug (values, not courses).
type doseFold struct {
	seq         int // courses read
	perUnit     map[string]map[string]*drugSample
	other       map[string]int
	implausible int
}

func newDoseFold() *doseFold {
	f := &doseFold{perUnit: map[string]map[string]*drugSample{}, other: map[string]int{}}
	for _, u := range DoseUnits {
		f.perUnit[u] = map[string]*drugSample{}
	}
	return f
}

// add folds one course.
func (f *doseFold) add(c *Course) {
	i := f.seq
	f.seq++
	if math.IsNaN(c.Dose.Max) || c.Outcome.NotAttributable {
		return
	}
	cat := c.Category()
	if cat == vocab.CategoryUnknown {
		return // unclassified: no figure outcome until decided
	}
	drugs, ok := f.perUnit[c.Dose.Unit]
	if !ok {
		f.other[c.Dose.Unit]++
		return
	}
	if _, bad := units.CheckDrugDose(c.Drug.Canonical, c.Drug.Code, c.Route, *c.Dose); bad {
		f.implausible++
		return
	}
	drug := c.DrugName()
	s := drugs[drug]
	if s == nil {
		s = &drugSample{}
		drugs[strings.Clone(drug)] = s
	}
	s.add(sampled{seq: i, key: DoseSampleKey(c.Study, c.CaseID, drug),
		p: DosePoint{Study: c.Study, CaseID: c.CaseID, Drug: drug, Dose: c.Dose.Max, Outcome: cat}})
}

// view returns the dose–response views.
func (f *doseFold) view() DoseView {
	v := DoseView{Other: maps.Clone(f.other), Implausible: f.implausible}
	for _, u := range DoseUnits {
		drugs := f.perUnit[u]
		if len(drugs) == 0 {
			continue
		}
		du := DoseUnit{Unit: u, Drugs: len(drugs)}
		n := map[string]int{}
		for d, s := range drugs {
			n[d] = s.n
			du.Courses += s.n
		}
		keep := TopByCount(n, DoseMaxDrugs)
		var pts []sampled
		for _, d := range slices.Sorted(maps.Keys(drugs)) {
			if keep != nil && !keep[d] {
				continue
			}
			s := drugs[d]
			du.Shown = append(du.Shown, DoseDrug{Drug: d, Courses: s.n, Drawn: len(s.kept)})
			pts = append(pts, s.kept...)
		}
		// by patient, then in course order: the order of the courses sorted by study
		// and case, whatever order the patients came in (a streaming run's)
		sort.Slice(pts, func(i, j int) bool {
			a, b := pts[i], pts[j]
			if a.p.Study != b.p.Study {
				return a.p.Study < b.p.Study
			}
			if a.p.CaseID != b.p.CaseID {
				return a.p.CaseID < b.p.CaseID
			}
			return a.seq < b.seq
		})
		for _, s := range pts {
			du.Points = append(du.Points, s.p)
		}
		v.Units = append(v.Units, du)
	}
	return v
}

// doseView computes the dose–response views of courses by the fold.
func doseView(courses []*Course) DoseView {
	f := newDoseFold()
	for _, c := range courses {
		f.add(c)
	}
	return f.view()
}
