package normalise

import (
	"testing"

	"github.com/tresp/tresp/data/vocab"
)

// TestOutcomeShared checks that the courses of one outcome text share its
// reading when their treatments do not change it, get their own when they
// do, and that the shared reading is the one the reader makes.
func TestOutcomeShared(t *testing.T) {
	c := &vocabCache{voc: vocab.Default()}
	tests := []struct {
		text       string
		a, b       []string
		wantShared bool
	}{
		{"complete response", []string{"prednisolone"}, []string{"rituximab"}, true},
		{"complete response", []string{"prednisolone"}, []string{"prednisolone", "rituximab"}, true},
		{"no response to rituximab, complete response after prednisolone", []string{"prednisolone"}, []string{"rituximab"}, false},
	}
	for _, tt := range tests {
		a, b := c.OutcomeFor(tt.text, tt.a), c.OutcomeFor(tt.text, tt.b)
		if (a == b) != tt.wantShared {
			t.Errorf("%q read for %v and %v: shared %v, want %v (categories %v, %v)", tt.text, tt.a, tt.b, a == b, tt.wantShared, a.Category, b.Category)
		}
		if want := c.voc.OutcomeFor(tt.text, tt.b); want.Category != b.Category || want.Evidence != b.Evidence {
			t.Errorf("%q for %v: shared reading %v %+v, the reader's %v %+v", tt.text, tt.b, b.Category, b.Evidence, want.Category, want.Evidence)
		}
	}
}
