package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExampleValidateStrict: tresp's own example passes `validate --strict`
// (issue 15: it failed with 11 warnings that could not be fixed in the
// data), the allowances of its embedded settings are printed with their
// reasons, and without them the same warnings fail.
func TestExampleValidateStrict(t *testing.T) {
	code, stdout, stderr := tresp(t, "validate", "--strict")
	if code != exitOK {
		t.Fatalf("validate --strict on the example: code %d\n%s%s", code, stdout, stderr)
	}
	for _, w := range []string{"allowed: fuzzy-match:Drug: 1 problems: Thakur case 4: 'risodronate' is the paper's spelling",
		"allowed: unparsed:Lesion size: 3 problems", "allowed: unit-implausible:lab_value: 2 problems", "(6 allowed by the strict policy)"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("validate --strict output lacks %q:\n%s", w, stdout)
		}
	}
	// With an explicit config that allows nothing, the same warnings fail.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "tresp.toml"), "strict = true\n")
	code, _, stderr = tresp(t, "validate", "--config", filepath.Join(dir, "tresp.toml"))
	if code != exitData || !strings.Contains(stderr, "strict: 6 warnings no allowance covers") {
		t.Errorf("example without its allowances: code %d, %s", code, stderr)
	}
	// run --strict writes the output, with the reasons in summary.json and report.html.
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--strict", "--no-cache", "--out", out); code != exitOK {
		t.Fatalf("run --strict on the example: code %d, %s", code, stderr)
	}
	s := summaryOf(t, out)
	st := s["strict"].(map[string]any)
	if st["enabled"] != true || st["failing"] != 0.0 || len(st["allowed"].([]any)) != 3 {
		t.Errorf("summary.json strict = %v", st)
	}
	first := st["allowed"].([]any)[0].(map[string]any)
	if first["code"] != "unparsed" || first["column"] != "Lesion size" || first["count"] != 3.0 || !strings.Contains(first["reason"].(string), "variable sizes") {
		t.Errorf("summary.json strict.allowed[0] = %v", first)
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "Accepted by the strict policy") || !strings.Contains(string(html), "kept to show the fuzzy match") {
		t.Error("report.html does not show the allowances with their reasons")
	}
}

// TestStrictPolicyFlags: --allow accepts a class of warning (all columns or
// one), --fail-on makes an info code fail, [strict] in tresp.toml does the
// same, and bad codes are usage or configuration errors.
func TestStrictPolicyFlags(t *testing.T) {
	dir := t.TempDir()
	cases := filepath.Join(dir, "cases.csv")
	writeFile(t, cases, "Study,Pt,Drug,Outcome,Colour,Lesion duration\nS,1,diltiazem,improved,red,about 3 years\n")
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"--strict"}, exitData, `--allow 'unknown-column:Colour'`},
		{[]string{"--strict", "--allow", "unknown-column"}, exitOK, ""},
		{[]string{"--strict", "--allow", "unknown-column:colour"}, exitOK, ""},
		{[]string{"--strict", "--allow", "unknown-column:Notes"}, exitData, "1 warnings"},
		{[]string{"--strict", "--allow", "unknown-column", "--fail-on", "approximate"}, exitData, `"about 3 years": marked approximate`},
		{[]string{"--allow", "unknown-column", "--fail-on", "approximate"}, exitOK, ""}, // not strict
		{[]string{"--strict", "--allow", "no-such-code"}, exitUsage, `unknown problem code "no-such-code"`},
		{[]string{"--strict", "--allow", "missing-study"}, exitUsage, "cannot be allowed"},
		{[]string{"--strict", "--fail-on", "nope"}, exitUsage, "unknown problem code"},
	}
	for _, tt := range tests {
		args := append(append([]string{"validate"}, tt.args...), cases)
		code, stdout, stderr := tresp(t, args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("tresp %v: code %d, stderr %q; want %d and %q\n%s", args, code, stderr, tt.code, tt.stderr, stdout)
		}
	}
	toml := filepath.Join(dir, "tresp.toml")
	writeFile(t, toml, `inputs = ["cases.csv"]
[strict]
enabled = true
allow = [{code = "unknown-column", column = "Colour", reason = "a colour column from the extraction sheet"}]
`)
	if code, stdout, stderr := tresp(t, "validate", "--config", toml); code != exitOK || !strings.Contains(stdout, "allowed: unknown-column:Colour: 1 problems: a colour column from the extraction sheet") {
		t.Errorf("[strict] allow: code %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := tresp(t, "validate", "--config", toml, "--fail-on", "approximate"); code != exitData {
		t.Errorf("[strict] allow + --fail-on approximate: code %d, %s", code, stderr)
	}
	writeFile(t, toml, "[strict]\nallow = [{code = \"missing-study\"}]\n")
	if code, _, stderr := tresp(t, "validate", "--config", toml); code != exitUsage || !strings.Contains(stderr, "line 2: strict.allow: element 1") {
		t.Errorf("allowing an error in tresp.toml: code %d, %s", code, stderr)
	}
}
