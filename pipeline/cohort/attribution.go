package cohort

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// drugUnits returns one unit per patient course or study-level row, with
// the source of every study × drug. Where a study's patient rows for a drug
// are not attributable and a study-level row gives that drug's counts, the
// study-level counts replace the patient rows, never both.
func (a *analyser) drugUnits(n *Cohort) ([]*unit, []SourceRow) {
	type sd struct{ study, drug string }
	studyRow := map[sd]*StudyCount{}
	nRows := map[sd]int{} // study-level rows per study × drug (several when split by disease)
	for _, s := range n.Studies {
		if !s.All {
			studyRow[sd{s.Study, s.DrugName()}] = s
			nRows[sd{s.Study, s.DrugName()}]++
		}
	}
	unattributable := map[sd]bool{}
	hasPatients := map[sd]bool{}
	for _, c := range n.Courses {
		k := sd{c.Study, c.DrugName()}
		hasPatients[k] = true
		if c.Outcome.NotAttributable {
			unattributable[k] = true
		}
	}
	useStudy := map[sd]bool{}
	residue := map[sd]*Counts{}
	var sources []SourceRow
	keys := make([]sd, 0, len(hasPatients))
	for k := range hasPatients {
		keys = append(keys, k)
	}
	// a fixed order, so that warnings come out the same in every run
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].study != keys[j].study {
			return keys[i].study < keys[j].study
		}
		return keys[i].drug < keys[j].drug
	})
	for _, k := range keys {
		src := SourceRow{Study: k.study, Drug: k.drug, Source: "patients", Reason: "every patient's outcome is attributable"}
		switch {
		case unattributable[k] && studyRow[k] != nil && a.cfg.Attribution == "exposure":
			if res, ok := a.reconcileOne(nRows[k], studyRow[k], k.study, k.drug, attributed(n.Courses, k.study, func(c *Course) bool { return c.DrugName() == k.drug })); ok {
				residue[k] = res
				src.Source, src.Reason = SourceResidue, "the patients reported individually, and the residue of the study-level counts (treated, responders and categories minus theirs) as one unattributed block"
			} else {
				useStudy[k] = true
				src.Source, src.Reason = "study-level", "the individual rows do not reconcile with the study-level counts, which replace the patient rows"
			}
		case unattributable[k]:
			src.Reason = "some patient outcomes are not attributable and no study-level counts apply: those patients count as not evaluable"
			a.warnf("%s, %s: outcomes not attributable to patients and no study-level counts for %s attribution: counted as not evaluable", k.study, k.drug, a.cfg.Attribution)
		case studyRow[k] != nil:
			src.Reason = "patient rows are complete; the study-level row is not used"
		}
		sources = append(sources, src)
	}
	var units []*unit
	// One unit per patient and group: a regimen is shared by every course
	// of the patient, and a duplicated row is one patient, not two.
	type patientGroup struct {
		PatientKey
		group string
	}
	counted := map[patientGroup]bool{}
	excluded := 0
	for _, c := range n.Courses {
		k := sd{c.Study, c.DrugName()}
		if useStudy[k] || residue[k] != nil && c.Outcome.NotAttributable && !c.OutcomeAdjudicated {
			continue
		}
		g, ok := a.groupOf(c)
		if !ok {
			excluded++
			continue
		}
		pk := patientGroup{c.Patient(), g}
		if counted[pk] {
			continue
		}
		counted[pk] = true
		units = append(units, &unit{study: c.Study, drug: g, class: c.Drug.Class, disease: DiseaseLabel(c), group: DiseaseGroupLabel(c),
			counts: a.courseCounts(c), source: "patients", course: c})
	}
	if excluded > 0 {
		a.warnf("monotherapy attribution: %d courses of combination regimens left out", excluded)
	}
	if a.cfg.Attribution != "exposure" {
		a.warnStudyRowsDropped(n.Studies)
	} else {
		for _, s := range n.Studies {
			k := sd{s.Study, s.DrugName()}
			if s.All || (hasPatients[k] && !useStudy[k] && residue[k] == nil) {
				continue
			}
			if !hasPatients[k] {
				sources = append(sources, SourceRow{Study: k.study, Drug: k.drug, Source: "study-level", Reason: "the study reports only aggregate counts"})
			}
			dis, grp := studyDisease(s)
			counts := a.studyLevelCounts(s)
			if r := residue[k]; r != nil {
				if r.Treated == 0 {
					continue
				}
				counts = *r
			}
			units = append(units, &unit{study: s.Study, drug: s.DrugName(), class: s.Drug.Class, disease: dis, group: grp,
				counts: counts, source: "study-level"})
		}
	}
	sort.Slice(sources, func(i, j int) bool {
		if sources[i].Study != sources[j].Study {
			return sources[i].Study < sources[j].Study
		}
		return sources[i].Drug < sources[j].Drug
	})
	return units, sources
}

// attributed returns the courses of study whose outcome is attributable
// (or adjudicated) and that keep says to count.
func attributed(courses []*Course, study string, keep func(*Course) bool) []*Course {
	var out []*Course
	for _, c := range courses {
		if c.Study == study && (!c.Outcome.NotAttributable || c.OutcomeAdjudicated) && keep(c) {
			out = append(out, c)
		}
	}
	return out
}

// reconcile returns the residue of a study-level row once the patients it
// also reports individually are taken out: treated, responders, not
// evaluable and each outcome category minus the patients'. Where a
// category goes negative (a case sentence read as partial that the
// series counts as complete), the difference is taken from the other
// categories on the same side of the responder threshold, best first,
// with a warning. ok is false, with a warning, when the totals cannot
// reconcile (more patients, responders or not-evaluable patients
// individually than in the aggregate); the caller then uses the
// study-level row alone. Unclassified patients are not in the residue
// (they are counted as unclassified).
func (a *analyser) reconcile(s *StudyCount, study, what string, pts []*Course) (*Counts, bool) {
	agg := a.studyLevelCounts(s)
	var sum Counts
	for _, c := range pts {
		sum.add(a.courseCounts(c))
	}
	r := &Counts{Treated: agg.Treated - sum.Treated, Responders: agg.Responders - sum.Responders, NotEvaluable: agg.NotEvaluable - sum.NotEvaluable}
	if r.Treated < 0 || r.Responders < 0 || r.NotEvaluable < 0 || r.Responders+r.NotEvaluable > r.Treated {
		a.warnf("%s, %s: the %d patients reported individually (%d responders, %d not evaluable) do not fit in the study-level counts (%d treated, %d responders, %d not evaluable): the study-level counts are used alone",
			study, what, sum.Treated, sum.Responders, sum.NotEvaluable, agg.Treated, agg.Responders, agg.NotEvaluable)
		return nil, false
	}
	if agg.ByCategory == nil {
		if r.NotEvaluable > 0 {
			r.ByCategory = map[vocab.Category]int{vocab.NotEvaluable: r.NotEvaluable}
		}
		return r, true
	}
	r.ByCategory = map[vocab.Category]int{}
	for cat := vocab.NotEvaluable; cat <= vocab.Complete; cat++ {
		if v := agg.ByCategory[cat] - sum.ByCategory[cat]; v != 0 {
			r.ByCategory[cat] = v
		}
	}
	r.ByCategory[vocab.NotEvaluable] = r.NotEvaluable
	var moved []string
	for _, resp := range []bool{true, false} {
		deficit := 0
		var side []vocab.Category // best first
		for cat := vocab.Complete; cat > vocab.NotEvaluable; cat-- {
			if cat.AtLeast(a.threshold) != resp {
				continue
			}
			side = append(side, cat)
			if v := r.ByCategory[cat]; v < 0 {
				deficit -= v
				moved = append(moved, fmt.Sprintf("%d more %s", -v, cat))
				r.ByCategory[cat] = 0
			}
		}
		for _, cat := range side {
			take := min(deficit, r.ByCategory[cat])
			r.ByCategory[cat] -= take
			deficit -= take
		}
	}
	for cat, v := range r.ByCategory {
		if v == 0 {
			delete(r.ByCategory, cat)
		}
	}
	if len(moved) > 0 {
		a.warnf("%s, %s: the patients reported individually have %s than the study-level categories allow; their own rows are used and the residue takes the difference from the other categories on the same side of the responder threshold",
			study, what, strings.Join(moved, " and "))
	}
	return r, true
}

// reconcileOne is reconcile when the study has one study-level row for
// the drug; with several (counts split by disease) the rows are used alone.
func (a *analyser) reconcileOne(rows int, s *StudyCount, study, what string, pts []*Course) (*Counts, bool) {
	if rows != 1 {
		return nil, false
	}
	return a.reconcile(s, study, what, pts)
}

// patientUnits returns one unit per patient (all drugs together), for the
// by-disease and overall rates. A study whose patient outcomes are not
// attributable contributes its study-level "all" row instead, when it has
// one.
func (a *analyser) patientUnits(n *Cohort) []*unit {
	all := map[string][]*StudyCount{} // a study's "all" rows, one per disease when counts are split by disease
	for _, s := range n.Studies {
		if s.All {
			all[s.Study] = append(all[s.Study], s)
		}
	}
	unattributable := map[string]bool{}
	hasPatients := map[string]bool{}
	for _, c := range n.Courses {
		hasPatients[c.Study] = true
		if c.Outcome.NotAttributable {
			unattributable[c.Study] = true
		}
	}
	// The residue needs one aggregate row to subtract from; a study whose
	// counts are split by disease keeps its study-level rows alone.
	residue := map[string]*Counts{}
	studies := make([]string, 0, len(unattributable))
	for study := range unattributable {
		studies = append(studies, study)
	}
	sort.Strings(studies)
	for _, study := range studies {
		if len(all[study]) != 1 {
			continue
		}
		seenPt := map[string]bool{}
		pts := attributed(n.Courses, study, func(c *Course) bool {
			_, ok := a.groupOf(c)
			if !ok || seenPt[c.CaseID] {
				return false
			}
			seenPt[c.CaseID] = true
			return true
		})
		if r, ok := a.reconcile(all[study][0], study, "all drugs", pts); ok {
			residue[study] = r
		}
	}
	seen := map[PatientKey]bool{}
	var units []*unit
	for _, c := range n.Courses {
		if unattributable[c.Study] && len(all[c.Study]) > 0 && (residue[c.Study] == nil || c.Outcome.NotAttributable && !c.OutcomeAdjudicated) {
			continue
		}
		if _, ok := a.groupOf(c); !ok {
			continue
		}
		k := c.Patient()
		if seen[k] {
			continue
		}
		seen[k] = true
		units = append(units, &unit{study: c.Study, disease: DiseaseLabel(c), group: DiseaseGroupLabel(c), counts: a.courseCounts(c), source: "patients", course: c})
	}
	allStudies := make([]string, 0, len(all))
	for study := range all {
		allStudies = append(allStudies, study)
	}
	sort.Strings(allStudies) // studyLevelCounts may warn: a fixed order
	for _, study := range allStudies {
		ss := all[study]
		if hasPatients[study] && !unattributable[study] {
			continue
		}
		for _, s := range ss {
			dis, grp := studyDisease(s)
			counts := a.studyLevelCounts(s)
			if r := residue[study]; r != nil { // the study's one "all" row, less its individual patients
				if r.Treated == 0 {
					continue
				}
				counts = *r
			}
			units = append(units, &unit{study: study, disease: dis, group: grp, counts: counts, source: "study-level"})
		}
	}
	sort.SliceStable(units, func(i, j int) bool {
		if units[i].study != units[j].study {
			return units[i].study < units[j].study
		}
		return units[i].disease < units[j].disease
	})
	return units
}

// studyDisease is the disease of a study-level row for the by-disease
// rates (Unspecified when the row names none, NotReported when it says
// "not reported", as --emit-counts writes for patients without a disease)
// and its disease group.
func studyDisease(s *StudyCount) (disease, group string) {
	if strings.EqualFold(strings.TrimSpace(s.Disease.Term), NotReported) {
		return NotReported, NotReported
	}
	disease = s.Disease.Canonical
	if disease == "" {
		disease = strings.TrimSpace(s.Disease.Term)
	}
	if disease == "" {
		disease = Unspecified
	}
	group = s.Disease.Class
	if group == "" {
		group = disease
	}
	return disease, group
}

// warnStudyRowsDropped warns that regimen and monotherapy attribution
// leave the study-level rows out.
func (a *analyser) warnStudyRowsDropped(studies []*StudyCount) {
	dropped := 0
	for _, s := range studies {
		if !s.All {
			dropped++
		}
	}
	if dropped > 0 {
		a.warnf("%s attribution: %d study-level rows left out (aggregate counts cannot be split by regimen)", a.cfg.Attribution, dropped)
	}
}
