package pipeline

import (
	"strings"
	"testing"

	"github.com/tresp/tresp/data/vocab"
)

// A table whose outcome column is a question ("Response (Y/N)", "Response to treatment")
// answers it with "Yes" / "N": each cell is read under its header, and a cell that says
// more is read alone. A misspelt outcome word is read, and warned about as a fuzzy match.
func TestOutcomeColumnHeaderAsQuestion(t *testing.T) {
	for _, tc := range []struct {
		header string
		cells  map[string]vocab.Category // case id → cell is in the csv below
	}{
		{"Response (Y/N)", map[string]vocab.Category{"1": vocab.Partial, "2": vocab.None, "3": vocab.Partial, "4": vocab.None, "5": vocab.Complete, "6": vocab.Partial}},
		{"Response to treatment", map[string]vocab.Category{"1": vocab.Partial, "2": vocab.None, "3": vocab.Partial, "4": vocab.None, "5": vocab.Complete, "6": vocab.Partial}},
		// a header that asks nothing leaves a bare answer unclassified
		{"Outcome", map[string]vocab.Category{"1": vocab.Unclassified, "2": vocab.Unclassified, "3": vocab.Unclassified, "4": vocab.Unclassified, "5": vocab.Complete, "6": vocab.Partial}},
	} {
		by, probs := reviewerCourses(t, "Study,Pt,Disease,Treatment,"+tc.header+`
S,1,AML,DLI,Yes
S,2,AML,DLI,No
S,3,AML,DLI,Y
S,4,AML,DLI,n
S,5,AML,DLI,complete remision
S,6,AML,DLI,improved
`)
		for id, want := range tc.cells {
			if len(by[id]) != 1 {
				t.Fatalf("%s: case %s has %d courses", tc.header, id, len(by[id]))
			}
			if got := by[id][0].Outcome.Category; got != want {
				t.Errorf("%s: case %s read %v (%q), want %v", tc.header, id, got, by[id][0].Outcome.Evidence.Rule, want)
			}
		}
		fuzzy := 0
		for _, p := range probs {
			if p.Code == "fuzzy-match" && p.Value == "complete remision" {
				fuzzy++
			}
		}
		if fuzzy != 1 {
			t.Errorf("%s: %d fuzzy-match warnings for the misspelt outcome, want 1", tc.header, fuzzy)
		}
	}
}

// A table's own codes ("MCR", "R/D") are unclassified, and the warning says how to give
// the legend.
func TestSheetCodesHint(t *testing.T) {
	_, probs := reviewerCourses(t, `Study,Pt,Disease,Treatment,Outcome
S,1,AML,DLI,MCR
S,2,AML,DLI,R/D
S,3,AML,DLI,odd words here
`)
	hints := map[string]string{}
	for _, p := range probs {
		if p.Code == "unclassified-outcome" {
			hints[p.Value] = p.Hint
		}
	}
	for value, legend := range map[string]bool{"MCR": true, "R/D": true, "odd words here": false} {
		h, ok := hints[value]
		if !ok {
			t.Errorf("%q: no unclassified-outcome warning", value)
			continue
		}
		if strings.Contains(h, "legend") != legend {
			t.Errorf("%q: hint %q; want a legend hint: %v", value, h, legend)
		}
	}
}
