package cohort

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/stats"
)

// foldConfigs are the settings the fold tests run under: every
// attribution, and Kaplan–Meier with disease groups and a stricter
// responder.
func foldConfigs() []struct {
	name string
	cfg  config.AnalysisConfig
} {
	base := config.Default().Analysis
	regimen, mono, km := base, base, base
	regimen.Attribution = "regimen"
	mono.Attribution = "monotherapy"
	km.TimeEstimator, km.DiseaseLevel, km.Responder, km.MinTimeKnown = EstimatorKM, config.DiseaseLevelGroup, "complete", 0.2
	return []struct {
		name string
		cfg  config.AnalysisConfig
	}{{"exposure", base}, {"regimen", regimen}, {"monotherapy", mono}, {"km", km}}
}

// show prints an Analysis for comparison (fmt sorts map keys; NaN prints
// as NaN).
func show(a *Analysis) string { return fmt.Sprintf("%+v", *a) }

// TestAccumulatorDirect: a fold fed directly — the study rows first, then
// each patient — gives the Analysis of the wrapper Analyse on the same
// cohort.
func TestAccumulatorDirect(t *testing.T) {
	for _, fc := range foldConfigs() {
		for seed := uint64(1); seed <= 8; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", fc.name, seed), func(t *testing.T) {
				want, err := Analyse(context.Background(), genCohort(seed, 40+20*int(seed)), fc.cfg)
				if err != nil {
					t.Fatal(err)
				}
				n := genCohort(seed, 40+20*int(seed))
				acc := NewAccumulator(fc.cfg)
				for _, s := range n.Studies {
					acc.AddStudy(s)
				}
				for i := 0; i < len(n.Courses); {
					j := i + 1
					for j < len(n.Courses) && n.Courses[j].Patient() == n.Courses[i].Patient() {
						j++
					}
					acc.AddPatient(n.Courses[i:j])
					i = j
				}
				got, err := acc.Analyse(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if show(got) != show(want) {
					t.Errorf("direct fold differs from Analyse:\n%s\nwant\n%s", show(got), show(want))
				}
			})
		}
	}
}

// scratch is a course whose readings it owns, so that overwriting them
// changes what any pointer into it sees.
func newScratch() *Course {
	return &Course{Drug: &vocab.Match{}, Disease: &vocab.Match{}, Dose: &units.Dose{}, Age: &units.Age{}, Size: &units.Size{},
		DiseaseDu: &units.Duration{}, CondDu: &units.Duration{}, TreatDu: &units.Duration{}, TimeToRsp: &units.Duration{},
		FollowUp: &units.Duration{}, Outcome: &vocab.OutcomeMatch{}}
}

// copyInto copies src into dst, readings and slices into dst's own.
func copyInto(dst, src *Course) {
	own := *dst
	*dst = *src
	dst.Drug, dst.Disease, dst.Dose, dst.Age, dst.Size = own.Drug, own.Disease, own.Dose, own.Age, own.Size
	dst.DiseaseDu, dst.CondDu, dst.TreatDu, dst.TimeToRsp, dst.FollowUp, dst.Outcome = own.DiseaseDu, own.CondDu, own.TreatDu, own.TimeToRsp, own.FollowUp, own.Outcome
	*dst.Drug, *dst.Disease, *dst.Dose, *dst.Age, *dst.Size = *src.Drug, *src.Disease, *src.Dose, *src.Age, *src.Size
	*dst.DiseaseDu, *dst.CondDu, *dst.TreatDu, *dst.TimeToRsp, *dst.FollowUp = *src.DiseaseDu, *src.CondDu, *src.TreatDu, *src.TimeToRsp, *src.FollowUp
	*dst.Outcome = *src.Outcome
	dst.Outcome.Phrases = append(own.Outcome.Phrases[:0], src.Outcome.Phrases...)
	dst.Regimen = append(own.Regimen[:0], src.Regimen...)
	dst.Subtypes = append(own.Subtypes[:0], src.Subtypes...)
}

// poison overwrites every value of c, its readings and slices included.
func poison(c *Course) {
	src := course("Poisoned study. 1999", "Case 0", "poison", 1e6, vocab.Complete)
	src.Regimen = []string{"poison"}
	src.Age.Years, src.TreatDu.Days, src.FollowUp.Days, src.TimeToRsp.Days = 1, 9999, 9999, 1
	src.Outcome.Phrases = []vocab.PhraseMatch{{Phrase: "poison"}}
	src.Subtypes = []vocab.Match{{Canonical: "poison", Class: "type"}}
	copyInto(c, src)
	for i := range c.Regimen[:cap(c.Regimen)] {
		c.Regimen[:cap(c.Regimen)][i] = "poison"
	}
	for i := range c.Outcome.Phrases[:cap(c.Outcome.Phrases)] {
		c.Outcome.Phrases[:cap(c.Outcome.Phrases)][i] = vocab.PhraseMatch{Phrase: "poison"}
	}
	for i := range c.Subtypes[:cap(c.Subtypes)] {
		c.Subtypes[:cap(c.Subtypes)][i] = vocab.Match{Canonical: "poison", Class: "type"}
	}
}

// TestAccumulatorKeepsNoCourse: patients fed from one reused scratch
// slice, whose courses (readings and slices included) are overwritten
// after each AddPatient, give the Analysis of fresh courses: the fold
// keeps no *Course, slice or pointer into them.
func TestAccumulatorKeepsNoCourse(t *testing.T) {
	for _, fc := range foldConfigs() {
		for seed := uint64(1); seed <= 4; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", fc.name, seed), func(t *testing.T) {
				n := genCohort(seed, 150)
				want, err := Analyse(context.Background(), n, fc.cfg)
				if err != nil {
					t.Fatal(err)
				}
				acc := NewAccumulator(fc.cfg)
				var scratch []*Course
				eachPatient(n.Courses, func(cs []*Course) {
					for len(scratch) < len(cs) {
						scratch = append(scratch, newScratch())
					}
					for i, c := range cs {
						copyInto(scratch[i], c)
					}
					acc.AddPatient(scratch[:len(cs)])
					for _, c := range scratch {
						poison(c)
					}
				})
				for _, s := range n.Studies {
					acc.AddStudy(s)
				}
				got, err := acc.Analyse(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if show(got) != show(want) {
					t.Errorf("scratch fold differs from fresh courses:\n%s\nwant\n%s", show(got), show(want))
				}
			})
		}
	}
}

// TestMaxTimeInputs: past the cap the input rows are counted, not kept,
// a warning says so, and the curves are those of every row.
func TestMaxTimeInputs(t *testing.T) {
	for _, max := range []int{0, 1, 7, 1 << 20} {
		t.Run(fmt.Sprint(max), func(t *testing.T) {
			n := genCohort(3, 200)
			cfg := config.Default().Analysis
			all, err := Analyse(context.Background(), n, cfg)
			if err != nil {
				t.Fatal(err)
			}
			acc := NewAccumulator(cfg)
			acc.MaxTimeInputs = max
			eachPatient(n.Courses, acc.AddPatient)
			for _, s := range n.Studies {
				acc.AddStudy(s)
			}
			got, err := acc.Analyse(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			capped := max > 0 && max < len(all.TimeInputs)
			wantN := len(all.TimeInputs)
			if capped {
				wantN = max
			}
			if len(got.TimeInputs) != wantN {
				t.Errorf("%d input rows, want %d", len(got.TimeInputs), wantN)
			}
			if fmt.Sprint(got.TimeCurves) != fmt.Sprint(all.TimeCurves) {
				t.Error("the curves depend on the cap")
			}
			warned := strings.Contains(strings.Join(got.Warnings, "\n"), fmt.Sprintf("lists the first %d input rows of %d", max, len(all.TimeInputs)))
			if warned != capped {
				t.Errorf("cap warning %v, want %v: %q", warned, capped, got.Warnings)
			}
		})
	}
}

// TestQuantileCounts: the type-7 quantile of a histogram is exactly
// stats.Quantile of its values repeated.
func TestQuantileCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	tests := []struct {
		name           string
		distinct, maxN int
		scale          float64
	}{
		{"one value", 1, 5, 1},
		{"one value once", 1, 1, 1},
		{"few ages", 8, 20, 80},
		{"many singletons", 300, 1, 1000},
		{"fractional durations", 40, 9, 1.7},
		{"negative and positive", 25, 4, -50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for rep := 0; rep < 50; rep++ {
				h := histogram{}
				var x []float64
				for len(h) < tt.distinct {
					v := math.Round(r.Float64()*tt.scale*100) / 100
					if _, ok := h[v]; ok {
						continue
					}
					k := 1 + r.IntN(tt.maxN)
					h[v] = k
					for range k {
						x = append(x, v)
					}
				}
				sort.Float64s(x)
				vals := slices.Sorted(func(yield func(float64) bool) {
					for v := range h {
						if !yield(v) {
							return
						}
					}
				})
				counts := make([]int, len(vals))
				for i, v := range vals {
					counts[i] = h[v]
				}
				for _, p := range []float64{0, .1, .25, .5, .75, .9, 1, r.Float64()} {
					if got, want := quantileCounts(p, vals, counts), stats.Quantile(p, x); got != want {
						t.Fatalf("p %v of %v × %v: %v, want %v", p, vals, counts, got, want)
					}
				}
				q := h.quartiles()
				if q.Known != len(x) || q.Median != stats.Quantile(.5, x) || q.Q1 != stats.Quantile(.25, x) || q.Q3 != stats.Quantile(.75, x) {
					t.Fatalf("quartiles %+v of %v", q, x)
				}
			}
		})
	}
	if q := (histogram{}).quartiles(); q.Known != 0 || !math.IsNaN(q.Median) || !math.IsNaN(q.Q1) || !math.IsNaN(q.Q3) {
		t.Errorf("empty: %+v", q)
	}
}

// BenchmarkAccumulator folds generated patients (about 1.2 courses each)
// two ways: "stream" generates each patient's courses, adds them and drops
// them, as a streaming run does (MaxTimeInputs 10,000); "cohort" holds the
// whole cohort and feeds it as Analyse does. Each reports the heap in use after a
// collection once everything is added (retained-MB: the fold alone for
// stream; the courses and the fold for cohort) and the time per patient.
func BenchmarkAccumulator(b *testing.B) {
	cfg := config.Default().Analysis
	heap := func() float64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	for _, patients := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("stream/%d", patients), func(b *testing.B) {
			for range b.N {
				base := heap()
				acc := NewAccumulator(cfg)
				acc.MaxTimeInputs = 10_000
				studies := genPatients(1, patients, acc.AddPatient)
				for _, s := range genStudyRows(rand.New(rand.NewPCG(1, 99)), studies) {
					acc.AddStudy(s)
				}
				b.ReportMetric(heap()-base, "retained-MB")
				if _, err := acc.Analyse(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*patients), "ns/patient")
		})
		b.Run(fmt.Sprintf("cohort/%d", patients), func(b *testing.B) {
			for range b.N {
				base := heap()
				n := genCohort(1, patients)
				acc := NewAccumulator(cfg)
				eachPatient(n.Courses, acc.AddPatient)
				for _, s := range n.Studies {
					acc.AddStudy(s)
				}
				b.ReportMetric(heap()-base, "retained-MB")
				if _, err := acc.Analyse(context.Background()); err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*patients), "ns/patient")
		})
	}
}
