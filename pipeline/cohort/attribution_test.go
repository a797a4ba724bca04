package cohort

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/config"
)

// TestAttributionAlternatives: the choices the fold defers to the end.
// Study S reports drug a both per patient (one outcome not attributable)
// and in a study-level row that reconciles: the attributable patients plus
// the residue count. Study T does the same with a row that does not
// reconcile: the row alone counts. Both also have an "all" row, which
// reconciles for S and not for T. Patient S/2's first class-X unit is b
// (its a is not attributable), whatever the order the patients come in.
// The expected values are those of the analysis before the fold (main at
// f19b823, which read the courses several times), and by hand.
func TestAttributionAlternatives(t *testing.T) {
	mk := func(study, cas, drug string, cat vocab.Category, notAttr bool) *Course {
		c := course(study, cas, drug, math.NaN(), cat)
		c.Drug.Class = "X"
		if notAttr {
			c.Outcome = &vocab.OutcomeMatch{NotAttributable: true}
			c.OutcomeText = "3 of 5 patients improved"
		}
		return c
	}
	row := func(study, drug string, all bool, treated, resp, ne int) *StudyCount {
		return &StudyCount{Study: study, Drug: vocab.Match{Canonical: drug, Class: "X"}, DrugRaw: drug, All: all,
			Treated: treated, Responders: resp, NotEvaluable: ne}
	}
	n := &Cohort{Courses: []*Course{
		mk("S", "1", "a", vocab.Complete, false), mk("S", "1", "b", vocab.None, false),
		mk("S", "2", "a", vocab.Unclassified, true), mk("S", "2", "b", vocab.Partial, false),
		mk("S", "3", "a", vocab.None, false),
		mk("T", "1", "a", vocab.Unclassified, true), mk("T", "2", "a", vocab.Complete, false), mk("T", "3", "a", vocab.Complete, false),
	}, Studies: []*StudyCount{row("S", "", true, 10, 6, 1), row("S", "a", false, 10, 5, 1), row("T", "", true, 1, 1, 0), row("T", "a", false, 1, 1, 0)}}
	a, err := Analyse(context.Background(), n, config.Default().Analysis)
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, s := range a.Sources {
		sources = append(sources, s.Study+"/"+s.Drug+": "+s.Source)
	}
	var studies []string
	for _, s := range a.StudyCounts {
		studies = append(studies, fmt.Sprintf("%s/%s %d/%d", s.Study, s.Drug, s.Events, s.N))
	}
	rates := map[string]string{}
	for _, rs := range [][]RateRow{a.Rates, a.ClassRates} {
		for _, r := range rs {
			if r.Population == PopITT {
				rates[r.Drug+"|"+r.Disease] = fmt.Sprintf("%d/%d", r.Responders, r.N)
			}
		}
	}
	var counts []string
	for _, c := range a.Counts {
		counts = append(counts, fmt.Sprintf("%s/%s/%s %d %d %d", c.Study, c.Drug, c.Disease, c.Treated, c.Responders, c.NotEvaluable))
	}
	tests := []struct{ what, got, want string }{
		{"sources", strings.Join(sources, "; "), "S/a: patients + residue; S/b: patients; T/a: study-level"},
		{"study counts", strings.Join(studies, "; "), "S/a 5/9; T/a 1/1; S/b 1/2"},
		// a: S's 2 attributable patients + residue 8 (4 responders) + T's row 1/1
		{"rate a", rates["a|"], "6/11"},
		// all drugs: S's 3 patients (first attributable course) + residue 7 (4) + T's "all" row 1/1
		{"rate all", rates["|"], "7/11"},
		// class X: S/1 a, S/2 b, S/3 a, the residue of S/a (8, 4) and T's row (1, 1)
		{"class X", rates["X|"], "7/12"},
		{"class X, patients", rates["X|"+NotReported], "2/3"},
		{"counts", strings.Join(counts, "; "), "S/a/ 8 4 1; S/a/not reported 2 1 0; S/all/ 7 4 1; S/all/not reported 3 2 0; S/b/not reported 2 1 0; T/a/ 1 1 0; T/all/ 1 1 0"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %s, want %s", tt.what, tt.got, tt.want)
		}
	}
	w := strings.Join(a.Warnings, "\n")
	for _, want := range []string{
		"T, a: the 2 patients reported individually (2 responders, 0 not evaluable) do not fit in the study-level counts (1 treated, 1 responders, 0 not evaluable)",
		"T, all drugs: the 2 patients reported individually",
		"S, all drugs: the patients reported individually have 1 more complete and 1 more partial and 1 more none",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
}

// TestSourcesListed: past MaxListedSources study × drugs with the usual
// source (their patients, every outcome attributable) the sources count the
// rest instead of listing them; one with another source is listed wherever
// it sorts.
func TestSourcesListed(t *testing.T) {
	extra := 5
	var cs []*Course
	for i := 0; i < MaxListedSources+extra; i++ {
		cs = append(cs, course("S", fmt.Sprintf("%05d", i), fmt.Sprintf("drug%05d", i), math.NaN(), vocab.Partial))
	}
	last := cs[len(cs)-1]
	last.Outcome.NotAttributable = true // sorts last, and is not the usual source
	a, err := AnalyseFold(context.Background(), &Cohort{Courses: cs}, NewAccumulator(config.Default().Analysis))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(a.Sources), MaxListedSources+1; got != want {
		t.Fatalf("%d sources listed, want %d", got, want)
	}
	if a.SourcesUnlisted != extra-1 {
		t.Errorf("SourcesUnlisted = %d, want %d", a.SourcesUnlisted, extra-1)
	}
	if s := a.Sources[len(a.Sources)-1]; s.Drug != "drug10004" || !strings.Contains(s.Reason, "not attributable") {
		t.Errorf("last source %+v, want drug10004 with outcomes not attributable", s)
	}
	if s := a.Sources[MaxListedSources-1]; s.Drug != fmt.Sprintf("drug%05d", MaxListedSources-1) {
		t.Errorf("the listed usual sources end at %s, want the first %d by drug", s.Drug, MaxListedSources)
	}
}
