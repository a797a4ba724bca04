package cohort

import (
	"github.com/tresp/tresp/pipeline/config"
)

// Views are the per-patient summaries that the publication tables and
// figures show: Table 1, the per-patient table, the swimmer lanes and the
// dose–response points. They are computed once from the courses, and each
// is bounded by a stated rule (the number of groups, levels, lanes or
// points), not by the number of rows, so that presentation never reads
// the courses.
type Views struct {
	// Patients counts the patients with individual data (distinct study ×
	// case), and Studies the studies with individual data or study-level
	// counts.
	Patients, Studies int
	// AdjudicatedOutcomes counts the courses whose outcome a reviewer
	// decided.
	AdjudicatedOutcomes int
	Table1              Table1
	PatientTable        PatientTable
	Swimmer             SwimmerLanes
	Dose                DoseView
}

// viewFold folds patients into the Views: counts, a set of study names,
// and the bounded folds of each view.
type viewFold struct {
	studies         map[string]bool
	patients, adjud int
	short           shortStudies
	table1          *table1Fold
	table           patientBuffer
	lanes           laneBuffer
	dose            *doseFold
}

func newViewFold(cfg config.AnalysisConfig) *viewFold {
	short := newShortStudies()
	return &viewFold{studies: map[string]bool{}, short: short,
		table1: newTable1Fold(cfg.DiseaseLevel == config.DiseaseLevelGroup, short), dose: newDoseFold()}
}

// addPatient folds the courses of one patient, in course order.
func (f *viewFold) addPatient(courses []*Course) {
	f.patients++
	f.studies[courses[0].Study] = true
	for _, c := range courses {
		if c.OutcomeAdjudicated {
			f.adjud++
		}
		f.dose.add(c)
	}
	f.table1.addPatient(courses)
	f.table.addPatient(courses, f.short)
	f.lanes.addPatient(courses, f.short)
}

// addStudy adds the study of a study-level row.
func (f *viewFold) addStudy(s *StudyCount) { f.studies[s.Study] = true }

// views returns the Views.
func (f *viewFold) views() Views {
	return Views{Patients: f.patients, Studies: len(f.studies), AdjudicatedOutcomes: f.adjud,
		Table1: f.table1.table1(), PatientTable: f.table.table(), Swimmer: f.lanes.lanes(), Dose: f.dose.view()}
}

// views computes the Views of the cohort n (courses in normalise's order:
// each patient's courses together) by the fold. Disease levels of Table 1
// are disease groups when cfg.DiseaseLevel is group.
func views(n *Cohort, cfg config.AnalysisConfig) Views {
	f := newViewFold(cfg)
	eachPatient(n.Courses, f.addPatient)
	for _, s := range n.Studies {
		f.addStudy(s)
	}
	return f.views()
}

// eachPatient calls fn with each run of consecutive courses of the same
// patient (PatientKey).
func eachPatient(courses []*Course, fn func([]*Course)) {
	for i := 0; i < len(courses); {
		j := i + 1
		for j < len(courses) && courses[j].Study == courses[i].Study && courses[j].CaseID == courses[i].CaseID {
			j++
		}
		fn(courses[i:j])
		i = j
	}
}

// shortStudies memoises ShortStudy per study (a regular expression per
// course would cost more than the rest of a view).
type shortStudies map[string]string

func newShortStudies() shortStudies { return shortStudies{} }

func (s shortStudies) of(study string) string {
	if v, ok := s[study]; ok {
		return v
	}
	v := ShortStudy(study)
	s[study] = v
	return v
}
