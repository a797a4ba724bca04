package normalise

import (
	"reflect"
	"testing"

	"github.com/tresp/tresp/data/vocab"
)

// TestOutcomeShared checks that the courses of one outcome text share its
// reading when their treatments do not change it, get their own when they
// do, and that the shared reading is the one the reader makes.
func TestOutcomeShared(t *testing.T) {
	c := &vocabCache{voc: vocab.Default()}
	tests := []struct {
		text             string
		a, b             []string
		finiteA, finiteB bool
		wantShared       bool
	}{
		{"complete response", []string{"prednisolone"}, []string{"rituximab"}, false, false, true},
		{"complete response", []string{"prednisolone"}, []string{"prednisolone", "rituximab"}, false, false, true},
		{"no response to rituximab, complete response after prednisolone", []string{"prednisolone"}, []string{"rituximab"}, false, false, false},
		// a finite course keeps the response a later worsening of unstated time ended (rule 3)
		{"initial improvement, then deteriorated", []string{"IVIG"}, []string{"IVIG"}, false, true, false},
	}
	for _, tt := range tests {
		a, b := c.OutcomeFor(tt.text, tt.a, tt.finiteA), c.OutcomeFor(tt.text, tt.b, tt.finiteB)
		if (a == b) != tt.wantShared {
			t.Errorf("%q read for %v and %v: shared %v, want %v (categories %v, %v)", tt.text, tt.a, tt.b, a == b, tt.wantShared, a.Category, b.Category)
		}
		if want := c.voc.OutcomeForCourse(tt.text, tt.b, tt.finiteB); want.Category != b.Category || want.Evidence != b.Evidence {
			t.Errorf("%q for %v: shared reading %v %+v, the reader's %v %+v", tt.text, tt.b, b.Category, b.Evidence, want.Category, want.Evidence)
		}
	}
}

// TestDrugCacheHintFree checks the drug caches against the vocabulary: a drug whose code
// does not depend on the indication is cached once for every disease, one whose code does
// (methotrexate: L04AX03 for rheumatic diseases, L01BA01 otherwise) is read per disease, and
// every cached reading equals the uncached one, whatever the order of the calls.
func TestDrugCacheHintFree(t *testing.T) {
	voc := vocab.Default()
	c := &vocabCache{voc: voc}
	terms := []string{"methotrexate", "diltiazem", "MTX weekly", "oral prednisolone", "unknownumab"}
	diseases := []string{"rheumatoid arthritis", "acute lymphoblastic leukaemia", "", "dermatomyositis", "rheumatoid arthritis"}
	for round := 0; round < 2; round++ {
		for _, term := range terms {
			for _, d := range diseases {
				if got, want := *c.Drug(term, "", d), voc.Drug(term, "", d); !reflect.DeepEqual(got, want) {
					t.Errorf("Drug(%q, %q) = %+v, want %+v", term, d, got, want)
				}
				if got, want := c.ScanDrugs(term, d), voc.ScanDrugs(term, d); !reflect.DeepEqual(got, want) {
					t.Errorf("ScanDrugs(%q, %q) = %+v, want %+v", term, d, got, want)
				}
			}
		}
	}
	if a, b := c.Drug("methotrexate", "", "rheumatoid arthritis").Code, c.Drug("methotrexate", "", "acute lymphoblastic leukaemia").Code; a == b {
		t.Errorf("methotrexate has code %s for both indications", a)
	}
	if _, ok := c.drugFree.lookup("diltiazem\x00"); !ok {
		t.Errorf("diltiazem is not cached under its term alone")
	}
}
