package cohort

import "strings"

import "sort"

// The coarse fold. A study × drug (drug units) or a study (patient units)
// counts its patients under modePatients unless it has a study-level row
// (an "all" row for a study): the attribution modes cannot differ
// otherwise. When the study-level rows are known before the patients
// (Accumulator.StudiesFirst), the fold adds the patients of the other
// study × drugs and studies to aggregates without the study — drug (or
// none), class, disease and disease group — whose number does not grow
// with the number of studies, plus a tally per study × drug for the
// study counts (pooling) and, when counts are wanted, one per study ×
// drug × disease for Analysis.Counts. The study × drugs and studies with
// study-level rows keep the fine aggregates of unitKey and classKey.

// coarseKey is one coarse aggregate: drug (or group; empty for patient
// units), class (empty for patient units), disease and disease group
// (empty for class units).
type coarseKey struct{ drug, class, disease, group string }

// countKey is one row of Analysis.Counts: a study × drug ("all" for
// patient units) × disease (as the unit has it).
type countKey struct{ study, drug, disease string }

// coarseFold is the coarse part of unitFold.
type coarseFold struct {
	on bool // the study-level rows are known: fold coarsely where they allow
	// fineDrugs and fineStudies are the study × drugs (exposure
	// attribution only) and the studies ("all" rows) with study-level rows:
	// their patients are folded finely.
	fineDrugs   map[sd]bool
	fineStudies map[string]bool
	drugs       map[coarseKey]*tally
	patients    map[coarseKey]*tally
	classes     map[coarseKey]*tally
	pairs       map[sd]pairTotals   // drug units per study × drug (group), for studyCounts
	counts      map[countKey]*tally // nil unless counts are wanted
	strs        interner            // unitFold's
}

func (c *coarseFold) internC(k *coarseKey) {
	k.drug, k.class, k.disease, k.group = c.strs.in(k.drug), c.strs.in(k.class), c.strs.in(k.disease), c.strs.in(k.group)
}

func (c *coarseFold) internS(k *sd) { k.study, k.drug = c.strs.in(k.study), c.strs.in(k.drug) }

func (c *coarseFold) internN(k *countKey) {
	k.study, k.drug, k.disease = c.strs.in(k.study), c.strs.in(k.drug), c.strs.in(k.disease)
}

func newCoarseFold(strs interner) coarseFold {
	return coarseFold{strs: strs, fineDrugs: map[sd]bool{}, fineStudies: map[string]bool{}, drugs: map[coarseKey]*tally{},
		patients: map[coarseKey]*tally{}, classes: map[coarseKey]*tally{}, pairs: map[sd]pairTotals{}}
}

// addStudyRow notes the study-level row s (before any patient).
func (c *coarseFold) addStudyRow(s *StudyCount, exposure bool) {
	switch {
	case s.All:
		c.fineStudies[strings.Clone(s.Study)] = true
	case exposure:
		c.fineDrugs[sd{strings.Clone(s.Study), strings.Clone(s.DrugName())}] = true
	}
}

// addTo adds c to the aggregate k of m; intern interns the strings of a
// new key.
func addTo[K comparable](m map[K]*tally, k K, c Counts, intern func(*K)) {
	t := m[k]
	if t == nil {
		t = &tally{}
		intern(&k)
		m[k] = t
	}
	t.add(c)
}

// drug reports whether the drug unit of group g in study is folded
// coarsely, and if so folds v.
func (c *coarseFold) drug(study, g string, v *uval) bool {
	if !c.on || c.fineDrugs[sd{study, g}] {
		return false
	}
	addTo(c.drugs, coarseKey{g, v.class, v.disease, v.group}, v.counts, c.internC)
	k := sd{study, g}
	c.internS(&k) // a map assignment stores its key again: the interned one, not a cut of the input line
	t := c.pairs[k]
	t.add(v.counts)
	c.pairs[k] = t
	if c.counts != nil {
		addTo(c.counts, countKey{study, g, v.disease}, v.counts, c.internN)
	}
	return true
}

// patient reports whether the patient unit of study is folded coarsely,
// and if so folds the unit of course first.
func (c *coarseFold) patient(a *analyser, study string, first *Course) bool {
	if !c.on || c.fineStudies[study] {
		return false
	}
	k := a.courseCounts(first)
	disease := DiseaseLabel(first)
	addTo(c.patients, coarseKey{disease: disease, group: DiseaseGroupLabel(first)}, k, c.internC)
	if c.counts != nil {
		addTo(c.counts, countKey{study, "all", disease}, k, c.internN)
	}
	return true
}

// addClasses folds a patient's class units when every drug unit of the
// patient was folded coarsely (each counts under modePatients): per
// class, the first drug unit of the class.
func (c *coarseFold) addClasses(entries []entry) {
	var seen []string
	for i := range entries {
		v := &entries[i].first
		if contains(seen, v.class) {
			continue
		}
		seen = append(seen, v.class)
		addTo(c.classes, coarseKey{class: v.class, disease: v.disease}, v.counts, c.internC)
	}
}

// pairTotals are the totals of a study × drug's coarse drug units, all that
// the study counts read: stored in the map, there is one per study × drug.
type pairTotals struct{ treated, responders, notEvaluable, unclassified int32 }

func (t *pairTotals) add(c Counts) {
	t.treated += int32(c.Treated)
	t.responders += int32(c.Responders)
	t.notEvaluable += int32(c.NotEvaluable)
	t.unclassified += int32(c.Unclassified)
}

func (t pairTotals) totals() Counts {
	return Counts{Treated: int(t.treated), Responders: int(t.responders), NotEvaluable: int(t.notEvaluable), Unclassified: int(t.unclassified)}
}

// coarseUnits returns a unit per aggregate of m (coarse: no study), in a
// fixed order.
func coarseUnits(m map[coarseKey]*tally) []*unit {
	keys := make([]coarseKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortCoarse(keys)
	units := make([]*unit, len(keys))
	for i, k := range keys {
		units[i] = &unit{drug: k.drug, class: k.class, disease: k.disease, group: k.group, t: m[k], source: "patients", coarse: true}
	}
	return units
}

func sortCoarse(keys []coarseKey) {
	sort.Slice(keys, func(i, j int) bool {
		x, y := keys[i], keys[j]
		for _, c := range [...][2]string{{x.drug, y.drug}, {x.class, y.class}, {x.disease, y.disease}, {x.group, y.group}} {
			if c[0] != c[1] {
				return c[0] < c[1]
			}
		}
		return false
	})
}
