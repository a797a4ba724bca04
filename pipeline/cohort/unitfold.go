package cohort

import (
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// mode is how the end of the analysis counts the patients of a study ×
// drug (drug units) or of a study (patient units), which it knows only
// once every patient is in: from every patient (modePatients), from the
// patients whose outcome is attributable plus the residue of the
// study-level row (modeResidue), or from the study-level rows alone
// (modeStudy). A set of modes is a bit mask: an aggregate counts when the
// mode chosen for its study × drug or study is in its mask.
type mode uint8

const (
	modePatients mode = 1 << iota
	modeResidue
	modeStudy
	modeAny = modePatients | modeResidue | modeStudy
)

// sd is a study × drug.
type sd struct{ study, drug string }

// unitKey is one aggregate of patient units: those of a study, drug group
// (empty for the "all drugs" patient units), class, disease and disease
// group that count when the mode of their study × drug (drug units) or
// study (patient units) is in when.
type unitKey struct {
	when                               mode
	study, drug, class, disease, group string
}

// classKey is one aggregate of class units (one per patient and class):
// the unit of drug, counted when the mode of study × drug is in when and
// every condition of before holds (before encodes the drugs of the same
// class that the patient took earlier and that count for the class only
// under other modes; see encodeConds).
type classKey struct {
	study, class, disease string
	drug                  string
	when                  mode
	before                string
}

// cond says that the mode of the study × drug is in when.
type cond struct {
	drug string
	when mode
}

// encodeConds encodes conditions as a map key: drug, NUL, mask, per
// condition.
func encodeConds(cs []cond) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.drug)
		b.WriteByte(0)
		b.WriteByte(byte(c.when))
	}
	return b.String()
}

// condsHold reports whether the encoded conditions hold for the modes of
// the study's drugs (modePatients when not in modes).
func condsHold(study, enc string, modes map[sd]mode) bool {
	for enc != "" {
		i := strings.IndexByte(enc, 0)
		drug, when := enc[:i], mode(enc[i+1])
		enc = enc[i+2:]
		if modeOf(modes, sd{study, drug})&when == 0 {
			return false
		}
	}
	return true
}

// modeOf returns the mode chosen for k; modePatients when none was.
func modeOf(modes map[sd]mode, k sd) mode {
	if m, ok := modes[k]; ok {
		return m
	}
	return modePatients
}

// drugInfo is what the end needs of a study × drug with patient rows:
// whether some outcome is not attributable, and the counts of its
// attributable courses (what reconcile takes from the study-level row).
type drugInfo struct {
	unattributable bool
	attr           tally // compact: there is one per study × drug
}

// sharedAll and sharedSome stand, in unitFold.keys, for the drugInfo shared
// by the study × drugs whose attributable counts nothing reads (no
// study-level row can reconcile them): every outcome attributable, or some
// not.
const (
	sharedAll  int32 = -1
	sharedSome int32 = -2
)

// info returns the drugInfo of a value of unitFold.keys.
func (f *unitFold) info(i int32) drugInfo {
	switch i {
	case sharedAll:
		return drugInfo{}
	case sharedSome:
		return drugInfo{unattributable: true}
	}
	return f.infos[i]
}

// hasPatients reports whether study × drug k has patient rows (a name the
// fold never met has none).
func (f *unitFold) hasPatients(k sd) bool {
	s, ok1 := f.names.ids[k.study]
	d, ok2 := f.names.ids[k.drug]
	_, ok := f.keys[pairKey{s, d}]
	return ok1 && ok2 && ok
}

// studyInfo is the same for a study: its first attributable course per
// patient (of a group the attribution counts) for the "all" row.
type studyInfo struct {
	unattributable bool
	attrFirst      Counts
}

// unitFold folds patients into the aggregates of the attribution: drug,
// patient and class units under each mode the end may choose, and the
// sums that reconcile needs. It keeps no course.
type unitFold struct {
	a        *analyser
	drugs    map[unitKey]*tally
	patients map[unitKey]*tally
	classes  map[classKey]*tally
	// keys indexes the drugInfo of each study × drug (by the ids of the
	// coarse fold's names) in infos, or holds sharedAll or sharedSome: no
	// pointer, so the garbage collector does not scan the map
	keys    map[pairKey]int32
	infos   []drugInfo
	studies map[string]*studyInfo
	// excluded counts the courses that monotherapy attribution leaves out.
	excluded int
	entries  []entry // scratch, one patient's
	coarse   coarseFold
	names    *names // every key's strings, shared with coarse
}

func newUnitFold(a *analyser) *unitFold {
	n := newNames()
	return &unitFold{a: a, drugs: map[unitKey]*tally{}, patients: map[unitKey]*tally{},
		classes: map[classKey]*tally{}, keys: map[pairKey]int32{}, studies: map[string]*studyInfo{}, coarse: newCoarseFold(n), names: n}
}

// uval is the unit one course would make.
type uval struct {
	class, disease, group string
	counts                Counts
}

func (a *analyser) uvalOf(c *Course) uval {
	return uval{class: c.Drug.Class, disease: DiseaseLabel(c), group: DiseaseGroupLabel(c), counts: a.courseCounts(c)}
}

// entry is one drug unit of a patient: its group, the unit of its first
// course (modePatients) and of its first attributable course (modeResidue;
// none when hasAttr is false, the same when attrIsFirst).
type entry struct {
	group                string
	first, attr          uval
	hasAttr, attrIsFirst bool
}

// variant returns the unit of e under mode m, nil when e counts for
// nothing then. Under regimen and monotherapy attribution every mode
// counts the first course (the end chooses modePatients for every drug).
func (e *entry) variant(m mode, exposure bool) *uval {
	switch {
	case !exposure || m == modePatients || m == modeResidue && e.attrIsFirst:
		return &e.first
	case m == modeResidue && e.hasAttr:
		return &e.attr
	}
	return nil
}

// attributable reports whether the course's outcome is the patient's own
// (not reported for several patients, or decided by a reviewer).
func attributable(c *Course) bool { return !c.Outcome.NotAttributable || c.OutcomeAdjudicated }

// add adds c to the aggregate k of m, whose strings are interned when k
// is new (a key would otherwise keep alive the row its strings were cut
// from).
func (f *unitFold) add(m map[unitKey]*tally, k unitKey, c Counts) {
	t := m[k]
	if t == nil {
		t = &tally{}
		in := f.names.in
		k.study, k.drug, k.class, k.disease, k.group = in(k.study), in(k.drug), in(k.class), in(k.disease), in(k.group)
		m[k] = t
	}
	t.add(c)
}

// tally is the Counts of one aggregate of patient courses, with the
// categories in an array instead of a map and 32-bit counts (a fold of a
// million rows has hundreds of thousands of aggregates: a map each cost
// more than the rest of the fold).
type tally struct {
	treated, responders, notEvaluable, unclassified int32
	cat                                             [vocab.Complete + 1]int32
}

// add adds the counts of patient courses (their categories are within the array).
func (t *tally) add(c Counts) {
	t.treated += int32(c.Treated)
	t.responders += int32(c.Responders)
	t.notEvaluable += int32(c.NotEvaluable)
	t.unclassified += int32(c.Unclassified)
	for k, v := range c.ByCategory {
		t.cat[k] += int32(v)
	}
}

// counts returns t as Counts, with ByCategory (its non-zero categories).
func (t *tally) counts() Counts {
	c := t.totals()
	for k, v := range t.cat {
		if v != 0 {
			if c.ByCategory == nil {
				c.ByCategory = map[vocab.Category]int{}
			}
			c.ByCategory[vocab.Category(k)] = int(v)
		}
	}
	return c
}

// totals returns t as Counts without ByCategory.
func (t *tally) totals() Counts {
	return Counts{Treated: int(t.treated), Responders: int(t.responders), NotEvaluable: int(t.notEvaluable), Unclassified: int(t.unclassified)}
}

// addPatient folds the courses of one patient.
func (f *unitFold) addPatient(courses []*Course) {
	a := f.a
	study := courses[0].Study
	si := f.studies[study]
	if si == nil {
		si = &studyInfo{}
		f.studies[f.names.in(study)] = si // interned: a key cut from its input line would keep the line
	}
	f.entries = f.entries[:0]
	exposure := a.cfg.Attribution == "exposure"
	var pFirst, pAttr *Course // the patient unit under modePatients and modeResidue
	for _, c := range courses {
		k := sd{study, c.DrugName()}
		// a study × drug that no study-level row can reconcile (known, as they come first)
		// shares one of two drugInfo: only whether an outcome is unattributable is read
		shared := f.coarse.on && !(exposure && f.coarse.fineDrugs[k])
		pk := pairKey{f.names.id(k.study), f.names.id(k.drug)}
		ki, ok := f.keys[pk]
		if !ok {
			ki = sharedAll
			if !shared {
				ki = int32(len(f.infos))
				f.infos = append(f.infos, drugInfo{})
			}
			f.keys[pk] = ki
		}
		if c.Outcome.NotAttributable {
			si.unattributable = true
			if !shared {
				f.infos[ki].unattributable = true
			} else if ki != sharedSome {
				f.keys[pk] = sharedSome
			}
		}
		attr := attributable(c)
		if attr && !shared {
			f.infos[ki].attr.add(a.courseCounts(c))
		}
		g, ok := a.groupOf(c)
		if !ok {
			f.excluded++
			continue
		}
		if pFirst == nil {
			pFirst = c
		}
		if attr && pAttr == nil {
			pAttr = c
		}
		f.addEntry(c, g, attr)
	}
	if pAttr != nil {
		si.attrFirst.add(a.courseCounts(pAttr))
	}
	if pFirst != nil && !f.coarse.patient(a, study, pFirst) {
		f.addPatientUnit(study, pFirst, pAttr)
	}
	allCoarse := true
	for i := range f.entries {
		e := &f.entries[i]
		if f.coarse.drug(study, e.group, &e.first) {
			continue
		}
		allCoarse = false
		k := unitKey{study: study, drug: e.group, class: e.first.class, disease: e.first.disease, group: e.first.group}
		switch {
		case !exposure:
			k.when = modeAny
		case e.attrIsFirst:
			k.when = modePatients | modeResidue
		default:
			k.when = modePatients
			if e.hasAttr {
				f.add(f.drugs, unitKey{modeResidue, study, e.group, e.attr.class, e.attr.disease, e.attr.group}, e.attr.counts)
			}
		}
		f.add(f.drugs, k, e.first.counts)
	}
	if allCoarse && f.coarse.on {
		f.coarse.addClasses(f.entries)
	} else {
		f.addClasses(study, exposure)
	}
}

// addEntry adds course c of group g to the patient's drug units: the
// first course of each group, and its first attributable one.
func (f *unitFold) addEntry(c *Course, g string, attr bool) {
	for i := range f.entries {
		if e := &f.entries[i]; e.group == g {
			if attr && !e.hasAttr {
				e.attr, e.hasAttr = f.a.uvalOf(c), true
			}
			return
		}
	}
	e := entry{group: g, first: f.a.uvalOf(c)}
	if attr {
		e.attr, e.hasAttr, e.attrIsFirst = e.first, true, true
	}
	f.entries = append(f.entries, e)
}

// addPatientUnit adds the patient unit of the first course (modePatients)
// and of the first attributable course (modeResidue), once when they are
// the same course.
func (f *unitFold) addPatientUnit(study string, first, attr *Course) {
	a := f.a
	k := unitKey{when: modePatients, study: study, disease: DiseaseLabel(first), group: DiseaseGroupLabel(first)}
	if attr == first {
		k.when |= modeResidue
	} else if attr != nil {
		f.add(f.patients, unitKey{when: modeResidue, study: study, disease: DiseaseLabel(attr), group: DiseaseGroupLabel(attr)}, a.courseCounts(attr))
	}
	f.add(f.patients, k, a.courseCounts(first))
}

// addClasses adds the patient's class units: per class, the first drug
// unit of that class — which one depends on the modes of the patient's
// drugs, so each is added under the conditions that make it the first.
func (f *unitFold) addClasses(study string, exposure bool) {
	modes := [3]mode{modePatients, modeResidue, modeStudy}
	var classes []string
	for i := range f.entries {
		for _, m := range modes {
			if v := f.entries[i].variant(m, exposure); v != nil && !contains(classes, v.class) {
				classes = append(classes, v.class)
			}
		}
	}
	var before []cond
	for _, class := range classes {
		before = before[:0]
		for i := range f.entries {
			e := &f.entries[i]
			// the units of class under each mode of e's study × drug, and
			// the modes under which e is not of class (skipped)
			var skip mode
			var leaves [3]struct {
				v    *uval
				when mode
			}
			nl := 0
			for _, m := range modes {
				v := e.variant(m, exposure)
				if v == nil || v.class != class {
					skip |= m
					continue
				}
				j := 0
				for j < nl && leaves[j].v != v {
					j++
				}
				if j == nl {
					leaves[j].v = v
					nl++
				}
				leaves[j].when |= m
			}
			if skip == modeAny {
				continue // no condition: e never counts for class
			}
			enc := ""
			if len(before) > 0 {
				enc = encodeConds(before)
			}
			for _, l := range leaves[:nl] {
				k := classKey{study: study, class: class, disease: l.v.disease, drug: e.group, when: l.when, before: enc}
				t := f.classes[k]
				if t == nil {
					t = &tally{}
					in := f.names.in
					k.study, k.class, k.disease, k.drug, k.before = in(k.study), in(k.class), in(k.disease), in(k.drug), in(k.before)
					f.classes[k] = t
				}
				t.add(l.v.counts)
			}
			if skip == 0 {
				break
			}
			before = append(before, cond{e.group, skip})
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
