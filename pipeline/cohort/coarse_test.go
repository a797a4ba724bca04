package cohort

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
)

// mixedCohort is genCohort's cohort (study-level rows by drug that
// reconcile and that do not, "all" rows) with many patients of other
// studies that have no study-level row.
func mixedCohort(seed uint64) *Cohort {
	n := genCohort(seed, 120)
	genPatients(seed+1000, 600, func(cs []*Course) {
		for _, c := range cs {
			c.Study = "Other " + c.Study
		}
		n.Courses = append(n.Courses, cs...)
	})
	return n
}

// foldMixed folds n: the study-level rows first and StudiesFirst (coarse),
// or after the patients (fine); skip sets SkipCounts; shuffle adds the
// patients in a random order.
func foldMixed(t *testing.T, n *Cohort, cfg config.AnalysisConfig, studiesFirst, skip bool, shuffle uint64) (*Analysis, *Accumulator) {
	t.Helper()
	acc := NewAccumulator(cfg)
	acc.StudiesFirst, acc.SkipCounts = studiesFirst, skip
	if studiesFirst {
		for _, s := range n.Studies {
			acc.AddStudy(s)
		}
	}
	var patients [][]*Course
	eachPatient(n.Courses, func(cs []*Course) { patients = append(patients, cs) })
	if shuffle != 0 {
		r := rand.New(rand.NewPCG(shuffle, 3))
		r.Shuffle(len(patients), func(i, j int) { patients[i], patients[j] = patients[j], patients[i] })
	}
	for _, cs := range patients {
		acc.AddPatient(cs)
	}
	if !studiesFirst {
		for _, s := range n.Studies {
			acc.AddStudy(s)
		}
	}
	before := *acc.units // the fold's aggregates, which Analyse releases
	a, err := acc.Analyse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acc.Analyse(context.Background()); err == nil || !strings.Contains(err.Error(), "called twice") {
		t.Fatalf("a second Analyse of the same fold: %v, want an error", err)
	}
	acc.units = &before
	return a, acc
}

// TestCoarseFold: study-level rows that reconcile and that do not, beside
// many patients of studies without study-level rows, folded coarsely
// (StudiesFirst, in normalise's order and shuffled) and finely give the
// same Analysis; the coarse fold keeps fine aggregates only for the study
// × drugs and studies with study-level rows. SkipCounts changes only
// Analysis.Counts.
func TestCoarseFold(t *testing.T) {
	for _, fc := range foldConfigs() {
		for seed := uint64(1); seed <= 6; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", fc.name, seed), func(t *testing.T) {
				n := mixedCohort(seed)
				fine, _ := foldMixed(t, n, fc.cfg, false, false, 0)
				if fc.name == "exposure" {
					var srcs []string
					for _, s := range fine.Sources {
						srcs = append(srcs, s.Source)
					}
					all := strings.Join(srcs, ",")
					if seed == 1 && (!strings.Contains(all, SourceResidue) || !strings.Contains(all, "study-level")) {
						t.Fatalf("the cohort lacks a reconciled or an unreconciled study × drug: %s", all)
					}
				}
				for _, shuffle := range []uint64{0, seed} {
					// the views and the time inputs keep the patients' order:
					// the fine fold of the same order
					want, _ := foldMixed(t, n, fc.cfg, false, false, shuffle)
					coarse, acc := foldMixed(t, n, fc.cfg, true, false, shuffle)
					if show(coarse) != show(want) {
						t.Fatalf("coarse fold (shuffle %d) differs from the fine fold:\n%s\nwant\n%s", shuffle, show(coarse), show(want))
					}
					f := &acc.units.coarse
					if len(f.drugs) == 0 || len(f.patients) == 0 || len(f.classes) == 0 || len(f.counts) == 0 {
						t.Fatalf("nothing folded coarsely: %d drug, %d patient, %d class aggregates, %d counts",
							len(f.drugs), len(f.patients), len(f.classes), len(f.counts))
					}
					for k := range acc.units.drugs {
						if strings.HasPrefix(k.study, "Other ") {
							t.Fatalf("study × drug %s × %s without study-level rows folded finely", k.study, k.drug)
						}
					}
					for k := range acc.units.patients {
						if !f.fineStudies[k.study] {
							t.Fatalf("study %s without an \"all\" row folded finely", k.study)
						}
					}
				}
				skipped, acc := foldMixed(t, n, fc.cfg, true, true, 0)
				if len(skipped.Counts) != 0 || acc.units.coarse.counts != nil {
					t.Errorf("SkipCounts: %d count rows, counts tallies %v", len(skipped.Counts), acc.units.coarse.counts != nil)
				}
				skipped.Counts = fine.Counts
				if show(skipped) != show(fine) {
					t.Errorf("SkipCounts changes more than Counts:\n%s\nwant\n%s", show(skipped), show(fine))
				}
			})
		}
	}
}

// TestStudiesFirstLate: under StudiesFirst a study-level row added after
// a patient makes Analyse fail, saying what to do.
func TestStudiesFirstLate(t *testing.T) {
	n := genCohort(1, 20)
	acc := NewAccumulator(foldConfigs()[0].cfg)
	acc.StudiesFirst = true
	eachPatient(n.Courses, acc.AddPatient)
	acc.AddStudy(n.Studies[0])
	_, err := acc.Analyse(context.Background())
	if err == nil || !strings.Contains(err.Error(), "before the patients") {
		t.Fatalf("Analyse after a late study-level row: %v, want an error", err)
	}
}
