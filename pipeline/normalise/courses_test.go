package normalise

import (
	"testing"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
)

// TestGroupUnknownDiseases checks that spellings of one unknown disease that differ only in
// case, accents, punctuation or spacing are shown as the most frequent spelling.
func TestGroupUnknownDiseases(t *testing.T) {
	mk := func(term string) *cohort.Course { return &cohort.Course{Disease: vocab.Match{Term: term}} }
	cs := []*cohort.Course{mk("Zorb-Hallé disease"), mk("zorb halle disease"), mk("Zorb-Hallé disease"), mk("ZORB HALLE  DISEASE"), mk("Other thing")}
	groupUnknownDiseases(cs)
	want := []string{"Zorb-Hallé disease", "Zorb-Hallé disease", "Zorb-Hallé disease", "Zorb-Hallé disease", "Other thing"}
	for i, c := range cs {
		if c.DiseaseName() != want[i] {
			t.Errorf("course %d: disease %q, want %q", i, c.DiseaseName(), want[i])
		}
	}
}
