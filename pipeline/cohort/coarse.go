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

// coarseKey is one coarse aggregate: drug (or group; none for patient
// units), class (none for patient units), disease and disease group (none
// for class units), as ids of the fold's names. Keys and tallies hold no
// pointer, so the garbage collector does not scan the maps, which are
// most of a large table's fold.
type coarseKey struct{ drug, class, disease, group nameID }

// countKey is one row of Analysis.Counts: a study × drug ("all" for
// patient units) × disease (as the unit has it).
type countKey struct{ study, drug, disease nameID }

// pairKey is a study × drug (group).
type pairKey struct{ study, drug nameID }

// coarseFold is the coarse part of unitFold.
type coarseFold struct {
	on bool // the study-level rows are known: fold coarsely where they allow
	// fineDrugs and fineStudies are the study × drugs (exposure
	// attribution only) and the studies ("all" rows) with study-level rows:
	// their patients are folded finely.
	fineDrugs   map[sd]bool
	fineStudies map[string]bool
	drugs       map[coarseKey]tally
	patients    map[coarseKey]tally
	classes     map[coarseKey]tally
	pairs       map[pairKey]pairTotals // drug units per study × drug (group), for studyCounts
	counts      map[countKey]tally     // nil unless counts are wanted
	names       *names                 // unitFold's
}

func newCoarseFold(n *names) coarseFold {
	return coarseFold{names: n, fineDrugs: map[sd]bool{}, fineStudies: map[string]bool{}, drugs: map[coarseKey]tally{},
		patients: map[coarseKey]tally{}, classes: map[coarseKey]tally{}, pairs: map[pairKey]pairTotals{}}
}

// nameID is the id of a name (study, drug, class, disease or group) in a
// names table; 0 is the empty name.
type nameID uint32

// names gives each distinct string an id, and back.
type names struct {
	ids  map[string]nameID
	list []string
}

func newNames() *names { return &names{ids: map[string]nameID{"": 0}, list: []string{""}} }

// id returns the id of s, giving it one (and keeping a copy of s: a cut of
// an input line would keep the line alive) when it is new.
func (n *names) id(s string) nameID {
	if id, ok := n.ids[s]; ok {
		return id
	}
	s = strings.Clone(s)
	id := nameID(len(n.list))
	n.list = append(n.list, s)
	n.ids[s] = id
	return id
}

// in returns the one copy of s that the table keeps: keys that share it
// share one string.
func (n *names) in(s string) string { return n.list[n.id(s)] }

// name returns the string of id.
func (n *names) name(id nameID) string { return n.list[id] }

// addTally adds c to the aggregate k of m, a map of tallies by value.
func addTally[K comparable](m map[K]tally, k K, c Counts) {
	t := m[k]
	t.add(c)
	m[k] = t
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

// drug reports whether the drug unit of group g in study is folded
// coarsely, and if so folds v.
func (c *coarseFold) drug(study, g string, v *uval) bool {
	if !c.on || c.fineDrugs[sd{study, g}] {
		return false
	}
	n := c.names
	gid, did := n.id(g), n.id(v.disease)
	addTally(c.drugs, coarseKey{gid, n.id(v.class), did, n.id(v.group)}, v.counts)
	k := pairKey{n.id(study), gid}
	t := c.pairs[k]
	t.add(v.counts)
	c.pairs[k] = t
	if c.counts != nil {
		addTally(c.counts, countKey{k.study, gid, did}, v.counts)
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
	n := c.names
	d := n.id(disease)
	addTally(c.patients, coarseKey{disease: d, group: n.id(DiseaseGroupLabel(first))}, k)
	if c.counts != nil {
		addTally(c.counts, countKey{n.id(study), n.id("all"), d}, k)
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
		addTally(c.classes, coarseKey{class: c.names.id(v.class), disease: c.names.id(v.disease)}, v.counts)
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
// fixed order; their tallies are copied into one slab.
func coarseUnits(m map[coarseKey]tally, n *names) []*unit {
	keys := make([]coarseKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		x, y := keys[i], keys[j]
		for _, c := range [...][2]nameID{{x.drug, y.drug}, {x.class, y.class}, {x.disease, y.disease}, {x.group, y.group}} {
			if c[0] != c[1] {
				return n.name(c[0]) < n.name(c[1])
			}
		}
		return false
	})
	units := make([]unit, len(keys))
	tallies := make([]tally, len(keys))
	out := make([]*unit, len(keys))
	for i, k := range keys {
		tallies[i] = m[k]
		units[i] = unit{drug: n.name(k.drug), class: n.name(k.class), disease: n.name(k.disease), group: n.name(k.group),
			t: &tallies[i], source: "patients", coarse: true}
		out[i] = &units[i]
	}
	return out
}
