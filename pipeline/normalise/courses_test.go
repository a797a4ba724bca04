package normalise

import (
	"testing"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
)

// TestGroupUnknownDiseases checks that spellings of one unknown disease that differ only in
// case, accents, punctuation or spacing are shown as the most frequent spelling, and that
// the readings the courses share (one per term, as normalise memoises them) are not
// modified: a course shown otherwise points at a copy.
func TestGroupUnknownDiseases(t *testing.T) {
	readings := map[string]*vocab.Match{}
	mk := func(term string) *cohort.Course {
		if readings[term] == nil {
			readings[term] = &vocab.Match{Term: term}
		}
		return &cohort.Course{Disease: readings[term]}
	}
	cs := []*cohort.Course{mk("Zorb-Hallé disease"), mk("zorb halle disease"), mk("Zorb-Hallé disease"),
		mk("ZORB HALLE  DISEASE"), mk("Other thing"), mk("zorb halle disease")}
	groupUnknownDiseases(cs)
	want := []string{"Zorb-Hallé disease", "Zorb-Hallé disease", "Zorb-Hallé disease", "Zorb-Hallé disease", "Other thing", "Zorb-Hallé disease"}
	for i, c := range cs {
		if c.DiseaseName() != want[i] {
			t.Errorf("course %d: disease %q, want %q", i, c.DiseaseName(), want[i])
		}
	}
	for term, m := range readings {
		if m.Term != term {
			t.Errorf("the shared reading of %q was modified: term %q", term, m.Term)
		}
	}
	if cs[1].Disease != cs[5].Disease {
		t.Errorf("two courses of one reading were given two copies of its display form")
	}
}
