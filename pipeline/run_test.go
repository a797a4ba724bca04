package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/data"
)

func runTo(t *testing.T, out string, inputs ...string) (*Result, error) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Out = out
	cfg.Inputs = inputs
	return Run(context.Background(), cfg, nil)
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunExample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	res, err := runTo(t, out)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	if s.Totals.RowsRead != s.Totals.RowsAccepted+s.Totals.RowsQuarantined {
		t.Errorf("row accounting broken: %+v", s.Totals)
	}
	if s.Totals.CaseRows != 13 || s.Totals.StudyRows != 3 || s.Totals.RowsQuarantined != 0 {
		t.Errorf("totals = %+v", s.Totals)
	}
	for _, f := range []string{"summary.json", "quarantine.csv", "normalised/cases.csv", "normalised/cases.parquet"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing output %s", f)
		}
	}
}

func TestRowAccounting(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "cases.csv", "Study,Pt,Drug,Outcome,Colour\n"+
		"S,1,diltiazem,improved,red\n"+
		",2,diltiazem,improved,\n"+ // no study: quarantined
		"S,3,,improved,\n"+ // no drug: quarantined
		"S,1,diltiazem,improved,\n"+ // duplicate: warning
		"S,4,diltiazem,,\n") // no outcome: warning
	out := filepath.Join(dir, "out")
	res, err := runTo(t, out, in)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Summary.Inputs[0]
	if a.RowsRead != 5 || a.RowsAccepted != 3 || a.RowsQuarantined != 2 {
		t.Errorf("account = %+v", a)
	}
	codes := res.Summary.Problems.ByCode
	for code, n := range map[string]int{"missing-study": 1, "missing-treatment": 1, "duplicate-row": 1, "missing-outcome": 1, "unknown-column": 1} {
		if codes[code] != n {
			t.Errorf("problem %s counted %d, want %d (%v)", code, codes[code], n, codes)
		}
	}
	q, _ := os.ReadFile(filepath.Join(out, "quarantine.csv"))
	if got := strings.Count(string(q), "\n"); got != 3 {
		t.Errorf("quarantine.csv has %d lines, want header + 2:\n%s", got, q)
	}
	if !strings.Contains(string(q), "cases.csv:3:") || !strings.Contains(string(q), `""Colour"":""""`) {
		t.Errorf("quarantine.csv lacks position or original cells:\n%s", q)
	}
	c, _ := os.ReadFile(filepath.Join(out, "normalised/cases.csv"))
	if !strings.Contains(string(c), `{""Colour"":""red""}`) {
		t.Errorf("extra column not carried through:\n%s", c)
	}
}

// TestBadInputsLeaveNoOutput checks that each malformed input fails with a
// data error and leaves the previous output untouched.
func TestBadInputsLeaveNoOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	big := "Study,Pt,Drug,Outcome\nS,1,d,\"" + strings.Repeat("x", 10<<20) + "\"\n"
	tests := map[string]string{
		"empty.csv":         "",
		"header-only.csv":   "Study,Pt,Drug,Outcome\n",
		"garbage.csv":       "\x89PNG\r\n\x1a\n\x00\x00\x00",
		"big-cell.csv":      big,
		"bad.parquet":       "PAR1 not really PAR1",
		"unclosed.csv":      "Study,Pt\n\"S,1\n",
		"no-such-dir/x.csv": "",
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if !strings.Contains(name, "/") {
				writeFile(t, dir, name, content)
			}
			_, err := runTo(t, out, p)
			var ie *data.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v (%T), want *data.InputError", err, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			after, _ := os.ReadFile(filepath.Join(out, "summary.json"))
			if string(after) != string(before) {
				t.Error("previous output changed")
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasPrefix(e.Name(), ".out.tmp") || strings.HasPrefix(e.Name(), "out.old") {
					t.Errorf("left behind %s", e.Name())
				}
			}
		})
	}
}

func TestRefusesForeignDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "thesis.tex", "precious")
	_, err := runTo(t, dir)
	if err == nil || !strings.Contains(err.Error(), "did not write") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "thesis.tex")); string(b) != "precious" {
		t.Error("foreign directory touched")
	}
}

func TestDirectoryInputAndStudyFromFileName(t *testing.T) {
	dir := t.TempDir()
	sheets := filepath.Join(dir, "sheets")
	os.Mkdir(sheets, 0o755)
	writeFile(t, sheets, "smith2020.csv", "Pt;Drug;Outcome;Age\n1;diltiazem;improved;8,5\n")
	writeFile(t, sheets, "jones2021.tsv", "Pt\tDrug\tOutcome\n1\tdiltiazem\tno change\n")
	writeFile(t, sheets, "readme.md", "not a table")
	cfg := DefaultConfig()
	cfg.Out = filepath.Join(dir, "out")
	cfg.Inputs = []string{sheets}
	cfg.Read.StudyFromFileName = true
	res, err := Run(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Summary.Inputs) != 2 || res.Summary.Inputs[0].File != filepath.ToSlash(filepath.Join(sheets, "jones2021.tsv")) {
		t.Fatalf("inputs = %+v", res.Summary.Inputs)
	}
	if res.Summary.Inputs[0].Format != "tsv" || res.Summary.Inputs[1].Format != "csv;" {
		t.Errorf("formats = %s %s", res.Summary.Inputs[0].Format, res.Summary.Inputs[1].Format)
	}
	c, _ := os.ReadFile(filepath.Join(cfg.Out, "normalised/cases.csv"))
	if !strings.Contains(string(c), "smith2020") || !strings.Contains(string(c), ",8.5,") {
		t.Errorf("study from file name or decimal comma missing:\n%s", c)
	}
}

func TestSummaryIsValidJSON(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := runTo(t, out); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		mut  func(*Config)
		want string
	}{
		{func(c *Config) { c.Analysis.Level = 95 }, "analysis.level"},
		{func(c *Config) { c.Analysis.CIMethod = "wald" }, "clopper-pearson, wilson, jeffreys"},
		{func(c *Config) { c.Figures.Formats = []string{"gif"} }, "figures.formats"},
		{func(c *Config) { c.Out = "" }, "out"},
	}
	for _, tt := range tests {
		c := DefaultConfig()
		tt.mut(&c)
		err := c.Validate()
		var ce *ConfigError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Validate() = %v, want a ConfigError mentioning %q", err, tt.want)
		}
	}
}
