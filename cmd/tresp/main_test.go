package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tresp(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

func TestHelpOfEveryCommand(t *testing.T) {
	for _, c := range commands() {
		for _, args := range [][]string{{"help", c.name}, {c.name, "--help"}} {
			code, out, _ := tresp(t, args...)
			if code != 0 || !strings.Contains(out, "Usage:") || !strings.Contains(out, "tresp "+c.name) {
				t.Errorf("%v: code %d, output:\n%s", args, code, out)
			}
			if c.name != "version" && !strings.Contains(out, "Examples:") {
				t.Errorf("%v: no examples", args)
			}
		}
	}
	code, out, _ := tresp(t, "help")
	if code != 0 || !strings.Contains(out, "Exit codes") {
		t.Errorf("help: %d %s", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("Study,Pt,Drug,Outcome\nS,1,diltiazem,improved\n"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Study,Pt,Drug,Outcome\nS,,diltiazem,improved\n"), 0o644)
	warn := filepath.Join(dir, "warn.csv")
	os.WriteFile(warn, []byte("Study,Pt,Drug,Outcome,Colour\nS,1,diltiazem,improved,red\n"), 0o644)
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{}, exitUsage, "no command"},
		{[]string{"frobnicate"}, exitUsage, "unknown command"},
		{[]string{"run", "--no-such-flag"}, exitUsage, "unknown flag"},
		{[]string{"run", "--map", "nonsense"}, exitUsage, "HEADER=FIELD"},
		{[]string{"version"}, exitOK, ""},
		{[]string{"version", "extra"}, exitUsage, "no arguments"},
		{[]string{"validate", good}, exitOK, ""},
		{[]string{"validate", bad}, exitData, "cannot be used"},
		{[]string{"validate", warn}, exitOK, ""},
		{[]string{"validate", "--strict", warn}, exitData, "warnings"},
		{[]string{"validate", empty}, exitData, "empty.csv: file is empty"},
		{[]string{"validate", filepath.Join(dir, "missing.csv")}, exitData, "missing.csv"},
		{[]string{"run", "--out", filepath.Join(dir, "o"), "--decimal-comma", "maybe", good}, exitUsage, "decimal_comma"},
		{[]string{"run", "-q", "--out", filepath.Join(dir, "o"), good}, exitOK, ""},
		{[]string{"run", "--out", filepath.Join(dir, "o2"), empty}, exitData, "file is empty"},
		{[]string{"run", "-q", "--strict", "--out", filepath.Join(dir, "o2"), warn}, exitData, "strict: 1 warnings"},
	}
	for _, tt := range tests {
		code, _, stderr := tresp(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("tresp %v: code %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
		if code != 0 && strings.Count("\n"+stderr, "\ntresp: ") != 1 {
			t.Errorf("tresp %v: more than one error line: %q", tt.args, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "o2")); err == nil {
		t.Error("failed run left an output directory")
	}
}

func TestRunExample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := tresp(t, "run", "--out", out)
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "16 rows read, 16 accepted, 0 quarantined") {
		t.Errorf("stdout = %q", stdout)
	}
}

func TestLogFormatJSON(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := tresp(t, "run", "--no-cache", "--log-format", "json", "--out", out)
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d progress lines, want 4 (one per stage):\n%s", len(lines), stderr)
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil || v["stage"] == nil {
			t.Errorf("not a JSON progress line: %q", l)
		}
	}
	code, _, stderr = tresp(t, "run", "-q", "--out", out)
	if code != 0 || stderr != "" {
		t.Errorf("--quiet printed %q (code %d)", stderr, code)
	}
}
