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

// views computes the Views of the cohort n. Disease levels of Table 1 are
// disease groups when cfg.DiseaseLevel is group.
func views(n *Cohort, cfg config.AnalysisConfig) Views {
	v := Views{}
	studies := map[string]bool{}
	patients := map[PatientKey]bool{}
	var first []*Course // the first course of each patient, in course order
	for _, c := range n.Courses {
		studies[c.Study] = true
		if k := c.Patient(); !patients[k] {
			patients[k] = true
			first = append(first, c)
		}
		if c.OutcomeAdjudicated {
			v.AdjudicatedOutcomes++
		}
	}
	for _, s := range n.Studies {
		studies[s.Study] = true
	}
	v.Patients, v.Studies = len(patients), len(studies)
	short := newShortStudies()
	v.Table1 = table1(n.Courses, first, cfg.DiseaseLevel == config.DiseaseLevelGroup, short)
	v.PatientTable = patientTable(n.Courses, short)
	v.Swimmer = swimmerLanes(n.Courses, short)
	v.Dose = doseView(n.Courses)
	return v
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
