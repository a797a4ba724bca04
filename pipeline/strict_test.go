package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/pipeline/config"
)

// TestProblemSeveritiesFollowCodes: every problem a validation reports has
// the default severity data.Codes documents for its code.
func TestProblemSeveritiesFollowCodes(t *testing.T) {
	dir := t.TempDir()
	cases := filepath.Join(dir, "cases.csv")
	os.WriteFile(cases, []byte("Study,Pt,Drug,Dose,Outcome,Colour,Lesion size,Lesion duration\n"+
		"S,1,diltiazem,60 mg,improved,red,2 cm,about 3 years\n"+
		",2,diltiazem,weekly,improved,red,variable,6 months\n"+
		"S,3,risodronate,5 mg/kg daily,,blue,1x2 cm,8 months; 6 years\n"+
		"S,3,risodronate,5 mg/kg daily,,blue,1x2 cm,8 months; 6 years\n"), 0o644)
	for _, inputs := range [][]string{nil, {cases}} {
		cfg := config.Default()
		cfg.Inputs = inputs
		s, err := Validate(context.Background(), cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Details) < 5 {
			t.Fatalf("%v: only %d problems", inputs, len(s.Details))
		}
		for _, p := range s.Details {
			if want := data.DefaultSeverity(p.Code); p.Severity != want {
				t.Errorf("%s: severity %s, data.Codes says %s", p.Error(), p.Severity, want)
			}
		}
	}
}

// TestJudge: allowances accept their code (in their column only, when
// given, ignoring case), fail_on makes an info code fail, errors are never
// accepted, and the first covering allowance counts the problem.
func TestJudge(t *testing.T) {
	probs := []data.Problem{
		{Severity: data.Warning, Code: "unparsed", Column: "Dose"},
		{Severity: data.Warning, Code: "unparsed", Column: "Lesion size"},
		{Severity: data.Info, Code: "approximate", Column: "Lesion duration"},
		{Severity: data.Info, Code: "area-unknown", Column: "Lesion size"},
		{Severity: data.Error, Code: "missing-study", Column: "Study"},
	}
	pol := config.StrictConfig{Allow: []config.Allowance{{Code: "unparsed", Column: "lesion SIZE", Reason: "r"}, {Code: "unparsed"}, {Code: "missing-study"}},
		FailOn: []string{"approximate"}}
	failing, allowed := pol.Judge(probs)
	var codes []string
	for _, p := range failing {
		codes = append(codes, p.Code+"/"+p.Column)
	}
	if want := []string{"approximate/Lesion duration", "missing-study/Study"}; !equalStrings(codes, want) {
		t.Errorf("failing = %v, want %v", codes, want)
	}
	if allowed[0].Count != 1 || allowed[1].Count != 1 || allowed[2].Count != 0 || allowed[0].Reason != "r" {
		t.Errorf("allowed = %+v", allowed)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestExampleConfig: the example's embedded settings load and allow only
// warning codes, each with a reason.
func TestExampleConfig(t *testing.T) {
	cfg := config.Example()
	if len(cfg.Strict.Allow) == 0 {
		t.Fatal("the example's tresp.toml allows nothing")
	}
	for _, a := range cfg.Strict.Allow {
		if a.Reason == "" || a.Column == "" {
			t.Errorf("allowance %s: every allowance of the example names its column and reason", a)
		}
	}
}

// TestVocabularyNeverReadAsData: a vocabulary file in the data directory
// is read as vocabulary only when given as one, and stops the run when it
// is not (issue 15: it was read as a case table, its rows quarantined).
func TestVocabularyNeverReadAsData(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "cases.csv"), []byte("Study,Pt,Drug,Outcome\nS,1,DTZ-X,improved\n"), 0o644)
	voc := filepath.Join(dir, "drugs-local.tsv")
	os.WriteFile(voc, []byte("term\tgeneric\tkind\nDTZ-X\tdiltiazem\tsynonym\n"), 0o644)
	cfg := config.Default()
	cfg.Inputs = []string{dir}
	_, err := Validate(context.Background(), cfg, nil)
	var ie *data.InputError
	if !errors.As(err, &ie) || ie.Code != "vocabulary-in-data" {
		t.Fatalf("vocabulary file among the case tables, not given: %v", err)
	}
	cfg.Vocabulary = []string{voc}
	s, err := Validate(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Inputs) != 1 || s.Totals.RowsQuarantined != 0 || s.Problems.Warnings != 0 {
		t.Errorf("inputs %+v, totals %+v, problems %+v", s.Inputs, s.Totals, s.Problems)
	}
}
