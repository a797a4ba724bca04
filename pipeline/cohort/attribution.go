package cohort

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// drugUnits returns the drug units — the patient aggregates of f under the
// mode chosen for each study × drug, and one unit per study-level row —
// with the source of every study × drug and the modes chosen (only those
// other than modePatients). Where a study's patient rows for a drug are not
// attributable and a study-level row gives that drug's counts, the
// study-level counts replace the patient rows, never both.
//
// The sources list every study × drug but those counted from their patients
// with every outcome attributable (the usual case) past the first
// MaxListedSources of them; unlisted counts those left out.
func (a *analyser) drugUnits(f *unitFold, studies []*StudyCount) (units []*unit, sources []SourceRow, modes map[sd]mode, unlisted int) {
	studyRow := map[sd]*StudyCount{}
	nRows := map[sd]int{} // study-level rows per study × drug (several when split by disease)
	for _, s := range studies {
		if !s.All {
			studyRow[sd{s.Study, s.DrugName()}] = s
			nRows[sd{s.Study, s.DrugName()}]++
		}
	}
	modes = map[sd]mode{}
	residue := map[sd]*Counts{}
	plain := 0 // study × drugs listed with the usual source
	// a fixed order, so that warnings come out the same in every run
	for _, p := range f.sortedPairs() {
		k := sd{f.names.name(p.study), f.names.name(p.drug)}
		src := SourceRow{Study: k.study, Drug: k.drug, Source: "patients", Reason: "every patient's outcome is attributable"}
		info := f.info(f.keys[p])
		switch {
		case info.unattributable && studyRow[k] != nil && a.cfg.Attribution == "exposure":
			if res, ok := a.reconcileOne(nRows[k], studyRow[k], k.study, k.drug, info.attr.counts()); ok {
				residue[k], modes[k] = res, modeResidue
				src.Source, src.Reason = SourceResidue, "the patients reported individually, and the residue of the study-level counts (treated, responders and categories minus theirs) as one unattributed block"
			} else {
				modes[k] = modeStudy
				src.Source, src.Reason = "study-level", "the individual rows do not reconcile with the study-level counts, which replace the patient rows"
			}
		case info.unattributable:
			src.Reason = "some patient outcomes are not attributable and no study-level counts apply: those patients count as not evaluable"
			a.warnf("%s, %s: outcomes not attributable to patients and no study-level counts for %s attribution: counted as not evaluable", k.study, k.drug, a.cfg.Attribution)
		case studyRow[k] != nil:
			src.Reason = "patient rows are complete; the study-level row is not used"
		default:
			if plain >= MaxListedSources {
				unlisted++
				continue
			}
			plain++
		}
		sources = append(sources, src)
	}
	units = foldedUnits(f.drugs, func(k unitKey) mode { return modeOf(modes, sd{k.study, k.drug}) })
	units = append(units, coarseUnits(f.coarse.drugs, f.names)...)
	if f.excluded > 0 {
		a.warnf("monotherapy attribution: %d courses of combination regimens left out", f.excluded)
	}
	if a.cfg.Attribution != "exposure" {
		a.warnStudyRowsDropped(studies)
	} else {
		for _, s := range studies {
			k := sd{s.Study, s.DrugName()}
			hasPatients := f.hasPatients(k)
			if s.All || (hasPatients && modes[k] == 0) {
				continue
			}
			if !hasPatients {
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
	return units, sources, modes, unlisted
}

// MaxListedSources is how many study × drugs counted from their patients,
// every outcome attributable, Analysis.Sources lists (the first by study,
// then drug); the others are counted in Analysis.SourcesUnlisted. Every
// study × drug with another source is listed.
const MaxListedSources = 10000

// sortedPairs returns the study × drugs of f.keys by study, then drug.
func (f *unitFold) sortedPairs() []pairKey {
	n := f.names
	keys := make([]pairKey, 0, len(f.keys))
	for k := range f.keys {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pairKey) int {
		return cmp.Or(strings.Compare(n.name(a.study), n.name(b.study)), strings.Compare(n.name(a.drug), n.name(b.drug)))
	})
	return keys
}

// foldedUnits returns a unit per aggregate of m that counts under the mode
// modeOf chooses for it, in a fixed order (by study, drug, class, disease,
// group and mask: the sums do not depend on it).
func foldedUnits(m map[unitKey]*tally, modeOf func(unitKey) mode) []*unit {
	keys := make([]unitKey, 0, len(m))
	for k := range m {
		if modeOf(k)&k.when != 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		x, y := keys[i], keys[j]
		for _, c := range [...][2]string{{x.study, y.study}, {x.drug, y.drug}, {x.class, y.class}, {x.disease, y.disease}, {x.group, y.group}} {
			if c[0] != c[1] {
				return c[0] < c[1]
			}
		}
		return x.when < y.when
	})
	units := make([]*unit, len(keys))
	for i, k := range keys {
		units[i] = &unit{study: k.study, drug: k.drug, class: k.class, disease: k.disease, group: k.group, t: m[k], source: "patients"}
	}
	return units
}

// classUnits returns the class units: per patient and class, the first
// drug unit of the class under the modes chosen (modes, from drugUnits),
// and the study-level drug units. A patient given two calcium channel
// blockers counts once for the class.
func classUnits(f *unitFold, drugUnits []*unit, modes map[sd]mode) []*unit {
	var out []*unit
	for k, c := range f.classes {
		if modeOf(modes, sd{k.study, k.drug})&k.when != 0 && condsHold(k.study, k.before, modes) {
			out = append(out, &unit{study: k.study, class: k.class, disease: k.disease, t: c, source: "patients"})
		}
	}
	for _, u := range drugUnits {
		if u.source == "study-level" {
			out = append(out, u)
		}
	}
	return append(out, coarseUnits(f.coarse.classes, f.names)...)
}

// reconcile returns the residue of a study-level row once the patients it
// also reports individually (whose counts sum to sum) are taken out: treated, responders, not
// evaluable and each outcome category minus the patients'. Where a
// category goes negative (a case sentence read as partial that the
// series counts as complete), the difference is taken from the other
// categories on the same side of the responder threshold, best first,
// with a warning. ok is false, with a warning, when the totals cannot
// reconcile (more patients, responders or not-evaluable patients
// individually than in the aggregate); the caller then uses the
// study-level row alone. Unclassified patients are not in the residue
// (they are counted as unclassified).
func (a *analyser) reconcile(s *StudyCount, study, what string, sum Counts) (*Counts, bool) {
	agg := a.studyLevelCounts(s)
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
func (a *analyser) reconcileOne(rows int, s *StudyCount, study, what string, sum Counts) (*Counts, bool) {
	if rows != 1 {
		return nil, false
	}
	return a.reconcile(s, study, what, sum)
}

// patientUnits returns the patient units (all drugs together), for the
// by-disease and overall rates: the patient aggregates of f under the mode
// chosen for each study. A study whose patient outcomes are not
// attributable contributes its study-level "all" row instead, when it has
// one, or its attributable patients and the residue of the row.
func (a *analyser) patientUnits(f *unitFold, studies []*StudyCount) []*unit {
	all := map[string][]*StudyCount{} // a study's "all" rows, one per disease when counts are split by disease
	for _, s := range studies {
		if s.All {
			all[s.Study] = append(all[s.Study], s)
		}
	}
	// The residue needs one aggregate row to subtract from; a study whose
	// counts are split by disease keeps its study-level rows alone.
	residue := map[string]*Counts{}
	names := make([]string, 0, len(f.studies))
	for study, si := range f.studies {
		if si.unattributable {
			names = append(names, study)
		}
	}
	sort.Strings(names)
	for _, study := range names {
		if len(all[study]) != 1 {
			continue
		}
		if r, ok := a.reconcile(all[study][0], study, "all drugs", f.studies[study].attrFirst); ok {
			residue[study] = r
		}
	}
	units := foldedUnits(f.patients, func(k unitKey) mode {
		switch {
		case !f.studies[k.study].unattributable || len(all[k.study]) == 0:
			return modePatients
		case residue[k.study] != nil:
			return modeResidue
		}
		return modeStudy
	})
	units = append(units, coarseUnits(f.coarse.patients, f.names)...)
	allStudies := make([]string, 0, len(all))
	for study := range all {
		allStudies = append(allStudies, study)
	}
	sort.Strings(allStudies) // studyLevelCounts may warn: a fixed order
	for _, study := range allStudies {
		ss := all[study]
		if si := f.studies[study]; si != nil && !si.unattributable {
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
