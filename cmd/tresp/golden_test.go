package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the CLI golden files in testdata/golden")

// goldenCases are the main commands whose stdout, stderr and exit code are
// kept in testdata/golden/NAME.txt. "$TMP" in an argument is the test's
// temporary directory; setup runs before the command.
var goldenCases = []struct {
	name  string
	args  []string
	setup func(t *testing.T, dir string)
}{
	{name: "run_example", args: []string{"run", "--no-cache", "--out", "$TMP/out"}},
	{name: "run_quiet", args: []string{"run", "-q", "--no-cache", "--out", "$TMP/out"}},
	{name: "run_usage_error", args: []string{"run", "--no-such-flag"}},
	{name: "run_help", args: []string{"run", "--help"}},
	{name: "validate_example", args: []string{"validate"}},
	{name: "validate_quarantined", args: []string{"validate", "$TMP/bad.csv"}, setup: func(t *testing.T, dir string) {
		write(t, filepath.Join(dir, "bad.csv"), "Study,Pt,Drug,Outcome\nS,1,diltiazem,improved\nS,,diltiazem,improved\n")
	}},
	{name: "config_default", args: []string{"config"}},
	{name: "config_flags", args: []string{"config", "--disease-level", "group", "--drug-level", "class"}},
	{name: "init", args: []string{"init", "$TMP/proj"}},
	{name: "init_exists", args: []string{"init", "$TMP/proj"}, setup: func(t *testing.T, dir string) {
		if code, _, stderr := tresp(t, "init", filepath.Join(dir, "proj")); code != 0 {
			t.Fatalf("init: %d %s", code, stderr)
		}
	}},
	{name: "diff_same", args: []string{"diff", "$TMP/a", "$TMP/b"}, setup: func(t *testing.T, dir string) {
		runInto(t, filepath.Join(dir, "a"))
		runInto(t, filepath.Join(dir, "b"))
	}},
	{name: "diff_changed", args: []string{"diff", "$TMP/a", "$TMP/b"}, setup: func(t *testing.T, dir string) {
		runInto(t, filepath.Join(dir, "a"))
		cfg := filepath.Join(dir, "minimal.toml")
		write(t, cfg, "[analysis]\nresponder = \"minimal\"\nci_method = \"wilson\"\n")
		runInto(t, filepath.Join(dir, "b"), "--config", cfg)
	}},
	{name: "synth_help", args: []string{"synth", "--help"}},
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runInto runs the embedded example into out with extra flags.
func runInto(t *testing.T, out string, extra ...string) {
	t.Helper()
	args := append([]string{"run", "-q", "--no-cache", "--out", out}, extra...)
	if code, _, stderr := tresp(t, args...); code != 0 {
		t.Fatalf("tresp %v: %d %s", args, code, stderr)
	}
}

// TestCLIGolden compares each command's exit code, stdout and stderr with
// its golden file, temporary paths written as $TMP; go test -run
// TestCLIGolden -update rewrites them.
func TestCLIGolden(t *testing.T) {
	for _, gc := range goldenCases {
		t.Run(gc.name, func(t *testing.T) {
			dir := t.TempDir()
			if gc.setup != nil {
				gc.setup(t, dir)
			}
			var args []string
			for _, a := range gc.args {
				args = append(args, strings.ReplaceAll(a, "$TMP", dir))
			}
			code, stdout, stderr := tresp(t, args...)
			got := fmt.Sprintf("$ tresp %s\nexit %d\n-- stdout --\n%s-- stderr --\n%s", strings.Join(gc.args, " "), code,
				normaliseOutput(stdout, dir), normaliseOutput(stderr, dir))
			path := filepath.Join("testdata", "golden", gc.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				write(t, path, got)
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestCLIGolden -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("tresp %s differs from %s (go test -run TestCLIGolden -update rewrites it):\n--- got ---\n%s\n--- want ---\n%s",
					strings.Join(gc.args, " "), path, got, want)
			}
		})
	}
}

// normaliseOutput writes the temporary directory as $TMP (also where a
// path was resolved through a symbolic link) so that goldens do not depend
// on where the test ran.
func normaliseOutput(s, dir string) string {
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		s = strings.ReplaceAll(s, real, "$TMP")
	}
	return strings.ReplaceAll(s, dir, "$TMP")
}
