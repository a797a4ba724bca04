package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/example"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/diff"
)

// writeExampleWithPatient copies the embedded example into dir and adds a
// new study's diltiazem patient with complete resolution.
func writeExampleWithPatient(t *testing.T, dir string) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	for _, f := range example.Files {
		b, err := example.FS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if f == "cases.csv" {
			var buf bytes.Buffer
			cw := csv.NewWriter(&buf)
			cw.Write([]string{"New study 2025", "1", "50 years/M", "dermatomyositis", "", "dystrophic", "", "", "", "diltiazem",
				"240 mg daily", "oral", "", "", "complete resolution", "", "", "", "", "", "", "", "", ""})
			cw.Flush()
			b = append(b, buf.Bytes()...)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDiffCommand(t *testing.T) {
	dir := t.TempDir()
	old, same, changed := filepath.Join(dir, "old"), filepath.Join(dir, "same"), filepath.Join(dir, "new")
	in := filepath.Join(dir, "in")
	writeExampleWithPatient(t, in)
	for _, args := range [][]string{{"run", "-q", "--out", old}, {"run", "-q", "--out", same}, {"run", "-q", "--out", changed, in}} {
		if code, _, stderr := tresp(t, args...); code != exitOK {
			t.Fatalf("tresp %v: %d %s", args, code, stderr)
		}
	}
	cfgFile := filepath.Join(dir, "tresp.toml")
	os.WriteFile(cfgFile, []byte("[diff]\nmax_drop = 0.5\n"), 0o644)
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("x"), 0o644)

	// diltiazem ITT goes from 4/6 to 5/7: a move of 4.8 percentage points.
	tests := []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"diff", old, same}, exitOK, "no changes", ""},
		{[]string{"diff", old, filepath.Join(same, "summary.json")}, exitOK, "no changes", ""},
		{[]string{"diff", old, changed}, exitOK, "| diltiazem | all diseases | itt | 6 → 7 | 4 → 5 | 0 | 66.7% → 71.4% |", ""},
		{[]string{"diff", "--threshold", "0.10", old, changed}, exitOK, "### ✅ Gate passed", ""},
		{[]string{"diff", "--threshold", "0.04", old, changed}, exitData, "### ❌ Gate failed: 1 of 4 checks",
			"the gate failed: no stratum of ≥ 5 patients moves by more than 4.0 pp: 2 strata beyond the threshold; largest move +4.8 pp (diltiazem, all diseases, itt"},
		// The strata that moved have 6 and 7 patients: below --min-n 8 they are not judged.
		{[]string{"diff", "--threshold", "0.04", "--min-n", "8", old, changed}, exitOK, "2 strata of fewer than 8 patients moved further, not judged", ""},
		{[]string{"diff", "--threshold", "0", old, changed}, exitOK, "check off: threshold 0", ""},
		// Reversed, the total evaluable n falls from 6 to 5 (−16.7 %).
		{[]string{"diff", changed, old}, exitData, "| ❌ | total evaluable n falls by at most 10 % | evaluable n 6 → 5 (−16.7 %) |", "the gate failed"},
		{[]string{"diff", "--max-drop", "0.2", changed, old}, exitOK, "✅ Gate passed", ""},
		{[]string{"diff", "--config", cfgFile, changed, old}, exitOK, "total evaluable n falls by at most 50 %", ""},
		{[]string{"diff", "--config", cfgFile, "--max-drop", "0.1", changed, old}, exitData, "", "the gate failed"},
		{[]string{"diff", "--min-n", "-1", old, same}, exitUsage, "", "--min-n -1"},
		{[]string{"diff", "--max-drop", "2", old, same}, exitUsage, "", "--max-drop 2"},
		{[]string{"diff", "--format", "json", old, changed}, exitOK, `"rate_changes"`, ""},
		{[]string{"diff", "--format", "json", "--threshold", "0.01", old, changed}, exitData, `"gate_failed": true`, "the gate failed"},
		{[]string{"diff", old}, exitUsage, "", "two output directories"},
		{[]string{"diff", old, changed, same}, exitUsage, "", "two output directories"},
		{[]string{"diff", old, in}, exitUsage, "", "is not a tresp output directory"},
		{[]string{"diff", notes, old}, exitUsage, "", "is a file"},
		{[]string{"diff", old, filepath.Join(dir, "missing")}, exitUsage, "", "does not exist"},
		{[]string{"diff", "--format", "html", old, same}, exitUsage, "", "not one of md, json"},
		{[]string{"diff", "--threshold", "10", old, same}, exitUsage, "", "0.10 for 10 percentage points"},
		{[]string{"diff", "--threshold", "-0.1", old, same}, exitUsage, "", "between 0 and 1"},
	}
	for _, tt := range tests {
		code, stdout, stderr := tresp(t, tt.args...)
		if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("tresp %v: code %d\nstdout:\n%s\nstderr: %q\nwant %d, stdout with %q, stderr with %q",
				tt.args[1:], code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
		}
		if code != exitOK && strings.Count("\n"+stderr, "\ntresp: ") != 1 {
			t.Errorf("tresp %v: want one error line, got %q", tt.args, stderr)
		}
	}

	// The command prints exactly what the pipeline renders.
	d, err := diff.Diff(old, changed)
	if err != nil {
		t.Fatal(err)
	}
	var md, js bytes.Buffer
	d.Markdown(&md, diff.Gate(config.Default().Diff))
	d.JSON(&js, diff.Gate(config.Default().Diff))
	if _, out, _ := tresp(t, "diff", old, changed); out != md.String() {
		t.Errorf("tresp diff stdout differs from diff.Result.Markdown:\n%s\n---\n%s", out, md.String())
	}
	_, out, _ := tresp(t, "diff", "--format", "json", old, changed)
	if out != js.String() {
		t.Error("tresp diff --format json differs from diff.Result.JSON")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("--format json output is not JSON: %v", err)
	}
}
