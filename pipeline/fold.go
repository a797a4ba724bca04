package pipeline

import (
	"context"
	"sort"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
)

// patientFold is what a streaming run folds its patients into.
type patientFold interface {
	AddPatient(courses []*cohort.Course)
	AddStudy(s *cohort.StudyCount)
	Analyse(ctx context.Context) (*cohort.Analysis, error)
}

// newPatientFold returns the fold of a streaming run.
// TODO(issue 12): cohort.NewAccumulator, bounded by groups; this copy holds every course.
func newPatientFold(cfg config.AnalysisConfig) patientFold { return &heldFold{cfg: cfg} }

// heldFold copies every course and analyses them at the end.
type heldFold struct {
	cfg config.AnalysisConfig
	n   cohort.Cohort
}

func (f *heldFold) AddPatient(cs []*cohort.Course) {
	for _, c := range cs {
		cp, rec := *c, *c.Rec
		cp.Rec = &rec
		f.n.Courses = append(f.n.Courses, &cp)
	}
}

func (f *heldFold) AddStudy(s *cohort.StudyCount) { f.n.Studies = append(f.n.Studies, s) }

func (f *heldFold) Analyse(ctx context.Context) (*cohort.Analysis, error) {
	cs := f.n.Courses
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		return a.CaseID < b.CaseID // within a patient: the streamer's order
	})
	return cohort.Analyse(ctx, &f.n, f.cfg)
}
