package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInitConfigRoundTrip runs tresp init, then prints the effective
// configuration of the starter file and loads that output back.
func TestInitConfigRoundTrip(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := tresp(t, "init", "proj")
	if code != 0 || !strings.Contains(stdout, "tresp run --config proj/tresp.toml") {
		t.Fatalf("init: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	want := config.Default()
	want.Inputs = []string{"proj/cases.csv"}
	want.Out = "proj/out"
	got, err := config.Load("proj/tresp.toml")
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("starter loads to %+v, %v; want %+v", got, err, want)
	}

	code, stdout, stderr = tresp(t, "config", "--config", "proj/tresp.toml")
	if code != 0 {
		t.Fatalf("config: code %d, stderr %q", code, stderr)
	}
	writeFile(t, "effective.toml", stdout)
	got, err = config.Load("effective.toml")
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("config output loads to %+v, %v; want %+v\n%s", got, err, want, stdout)
	}
	_, again, _ := tresp(t, "config", "--config", "proj/tresp.toml")
	if again != stdout {
		t.Error("tresp config is not deterministic")
	}

	// The template case table passes validation without a warning.
	code, stdout, stderr = tresp(t, "validate", "--config", "proj/tresp.toml")
	if code != 0 || !strings.Contains(stdout, "2 rows read = 2 accepted") || !strings.Contains(stdout, "0 errors, 0 warnings") {
		t.Errorf("validate the template: code %d\n%s%s", code, stdout, stderr)
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "cases.csv"), "mine\n")
	code, _, stderr := tresp(t, "init", dir)
	if code != exitUsage || !strings.Contains(stderr, "cases.csv already exists; pass --force") {
		t.Errorf("init over an existing file: code %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "tresp.toml")); err == nil {
		t.Error("a refused init wrote tresp.toml")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "cases.csv")); string(b) != "mine\n" {
		t.Error("a refused init changed cases.csv")
	}
	if code, _, stderr := tresp(t, "init", "--force", dir); code != 0 {
		t.Fatalf("init --force: code %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "cases.csv")); string(b) != string(config.CaseTemplate()) {
		t.Error("init --force did not write the template")
	}
	if code, _, stderr := tresp(t, "init", "a", "b"); code != exitUsage || !strings.Contains(stderr, "one directory") {
		t.Errorf("init a b: code %d, %q", code, stderr)
	}
}

func TestFlagsOverrideConfigFile(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "p/tresp.toml", `inputs = ["a.csv"]
out = "fileout"
strict = true
vocabulary = ["drugs-mine.tsv"]

[read]
study_from_filename = true
delimiter = ";"
decimal_comma = "off"

[read.columns]
"A" = "extra"
"C" = "notes"
`)
	tests := []struct {
		args []string
		want []string // lines of the output
	}{
		{nil, []string{`inputs = ["p/a.csv"]`, `out = "p/fileout"`, `enabled = true`, `vocabulary = ["p/drugs-mine.tsv"]`,
			`study_from_filename = true`, `delimiter = ";"`, `decimal_comma = "off"`, `"A" = "extra"`, `"C" = "notes"`}},
		// Flags at their default values do not override the file when not given.
		{[]string{"--map", "B=notes"}, []string{`decimal_comma = "off"`, `delimiter = ";"`, `enabled = true`, `out = "p/fileout"`,
			`"A" = "extra"`, `"B" = "notes"`, `"C" = "notes"`}},
		{[]string{"--out", "x", "--decimal-comma", "auto", "--delimiter", "tab", "--study-from-filename=false", "--strict=false",
			"--map", "A=case_id", "--vocab", "extra/drugs-2.tsv", "b.csv", "c.csv"},
			[]string{`inputs = ["b.csv", "c.csv"]`, `out = "x"`, `enabled = false`, `vocabulary = ["p/drugs-mine.tsv", "extra/drugs-2.tsv"]`,
				`study_from_filename = false`, `delimiter = "tab"`, `decimal_comma = "auto"`, `"A" = "case_id"`, `"C" = "notes"`}},
		// Paths on the command line may be anywhere.
		{[]string{"--out", "/elsewhere/out", "../up.csv"}, []string{`inputs = ["../up.csv"]`, `out = "/elsewhere/out"`}},
	}
	for _, tt := range tests {
		args := append([]string{"config", "--config", "p/tresp.toml"}, tt.args...)
		code, stdout, stderr := tresp(t, args...)
		if code != 0 {
			t.Errorf("%v: code %d, %s", args, code, stderr)
			continue
		}
		lines := strings.Split(stdout, "\n")
		for _, w := range tt.want {
			found := false
			for _, l := range lines {
				found = found || l == w
			}
			if !found {
				t.Errorf("%v: no line %s in\n%s", args, w, stdout)
			}
		}
	}
}

func TestConfigFileWithRunAndValidate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.csv"), "Study,Pt,Drug,Outcome\nS,1,diltiazem,improved\n")
	writeFile(t, filepath.Join(dir, "warn.csv"), "Study,Pt,Drug,Outcome,Colour\nS,1,diltiazem,improved,red\n")
	writeFile(t, filepath.Join(dir, "run.toml"), "inputs = [\"good.csv\"]\nout = \"res\"\n[figures]\nformats = [\"svg\"]\n")
	writeFile(t, filepath.Join(dir, "strict.toml"), "inputs = [\"warn.csv\"]\nstrict = true\n")
	writeFile(t, filepath.Join(dir, "typo.toml"), "[analysis]\nci = \"wilson\"\n")
	writeFile(t, filepath.Join(dir, "escape.toml"), "out = \"../../somewhere\"\n")
	writeFile(t, filepath.Join(dir, "abs.toml"), "inputs = [\""+filepath.Join(dir, "good.csv")+"\"]\n")
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"run", "-q", "--config", filepath.Join(dir, "run.toml")}, exitOK, ""},
		{[]string{"run", "-q", "--config", filepath.Join(dir, "run.toml"), "--out", filepath.Join(dir, "cli")}, exitOK, ""},
		{[]string{"validate", "--config", filepath.Join(dir, "strict.toml")}, exitData, "validate --strict: 1 warnings"},
		{[]string{"validate", "--config", filepath.Join(dir, "strict.toml"), "--strict=false"}, exitOK, ""},
		{[]string{"validate", "--config", filepath.Join(dir, "typo.toml"), filepath.Join(dir, "good.csv")}, exitUsage, "typo.toml: config: line 2: analysis.ci: unknown key"},
		{[]string{"run", "--config", filepath.Join(dir, "escape.toml")}, exitUsage, "pass this one on the command line instead (--out DIR)"},
		{[]string{"validate", "--config", filepath.Join(dir, "abs.toml")}, exitUsage, "is absolute"},
		// The same path is fine on the command line.
		{[]string{"validate", filepath.Join(dir, "good.csv")}, exitOK, ""},
		{[]string{"config", "--config", filepath.Join(dir, "missing.toml")}, exitUsage, "missing.toml"},
		{[]string{"config", "--decimal-comma", "maybe"}, exitUsage, "read.decimal_comma"},
	}
	for _, tt := range tests {
		code, _, stderr := tresp(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("tresp %v: code %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
		if code != 0 && strings.Count("\n"+stderr, "\ntresp: ") != 1 {
			t.Errorf("tresp %v: not one error line: %q", tt.args, stderr)
		}
	}
	// Both runs take figures.formats = ["svg"] from the file; --out only
	// moves the second.
	for _, d := range []string{"res", "cli"} {
		svg, _ := filepath.Glob(filepath.Join(dir, d, "figures", "*.svg"))
		pdf, _ := filepath.Glob(filepath.Join(dir, d, "figures", "*.pdf"))
		if len(svg) == 0 || len(pdf) > 0 {
			t.Errorf("%s/figures: %d svg and %d pdf files, want svg only", d, len(svg), len(pdf))
		}
	}
}

// TestNoImplicitConfigFile checks that a tresp.toml in the current
// directory is read only when given with --config.
func TestNoImplicitConfigFile(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "tresp.toml", "out = \"fromfile\"\n[analysis]\nci_method = \"wilson\"\n")
	code, stdout, stderr := tresp(t, "config")
	if code != 0 || !strings.Contains(stdout, "\nout = \"out\"\n") || !strings.Contains(stdout, "ci_method = \"clopper-pearson\"") {
		t.Errorf("config without --config: code %d, stderr %q\n%s", code, stderr, stdout)
	}
	code, stdout, _ = tresp(t, "config", "--config", "tresp.toml")
	if code != 0 || !strings.Contains(stdout, "\nout = \"fromfile\"\n") || !strings.Contains(stdout, "ci_method = \"wilson\"") {
		t.Errorf("config --config tresp.toml: code %d\n%s", code, stdout)
	}
}
