package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/tresp/tresp/pipeline/outdir"
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
	// Issue 10: a misspelled outcome header, every row quarantined, a
	// wrong delimiter: exit 1 with one message, never a run of 0 %.
	outcom := filepath.Join(dir, "outcom.csv")
	os.WriteFile(outcom, []byte("Study,Pt,Drug,Outcom\nS,1,diltiazem,improved\n"), 0o644)
	semi := filepath.Join(dir, "semi.csv")
	os.WriteFile(semi, []byte("Study;Pt;Drug;Outcome\nS;1;diltiazem;improved\nS;2;diltiazem;no change\n"), 0o644)
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
		{[]string{"validate", bad}, exitData, "all 1 rows were quarantined"},
		{[]string{"validate", warn}, exitOK, ""},
		{[]string{"validate", "--strict", warn}, exitData, "warnings"},
		{[]string{"validate", empty}, exitData, "empty.csv: file is empty"},
		{[]string{"validate", filepath.Join(dir, "missing.csv")}, exitData, "missing.csv"},
		{[]string{"run", "--out", filepath.Join(dir, "o"), "--decimal-comma", "maybe", good}, exitUsage, "decimal_comma"},
		{[]string{"run", "-q", "--out", filepath.Join(dir, "o"), good}, exitOK, ""},
		{[]string{"run", "--out", filepath.Join(dir, "o2"), empty}, exitData, "file is empty"},
		{[]string{"run", "-q", "--strict", "--out", filepath.Join(dir, "o2"), warn}, exitData, "strict: 1 warnings"},
		{[]string{"run", "-q", "--out", filepath.Join(dir, "o2"), outcom}, exitData, `did you mean "Outcom" → outcome?`},
		{[]string{"run", "-q", "--out", filepath.Join(dir, "o2"), bad}, exitData, "all 1 rows were quarantined"},
		{[]string{"run", "-q", "--delimiter", ",", "--out", filepath.Join(dir, "o2"), semi}, exitData, "seems to use semicolon (;)"},
		{[]string{"run", "--disease-level", "subtype", good}, exitUsage, "not one of disease, group"},
		{[]string{"run", "--cache-max-mb", "0", good}, exitUsage, "at least 1 MB"},
		{[]string{"run", "--cache-max-mb", "99999999999999", good}, exitUsage, "at most 8796093022207 MB"},
		{[]string{"run", "--memory-limit-mb", "-1", good}, exitUsage, "give a size in MiB"},
		{[]string{"normalise", "--memory-limit-mb", "-1", "--out", "x.parquet", good}, exitUsage, "give a size in MiB"},
		{[]string{"normalise", "--memory-limit-mb", "99999999999999", "--out", "x.parquet", good}, exitUsage, "at most 8796093022207 MiB"},
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

// TestOutputAndInputPathExitCodes: mistakes in paths are the user's (exit
// 1 for an input, 2 for --out), never an internal error (3).
func TestOutputAndInputPathExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("Study,Pt,Drug,Outcome\nS,1,diltiazem,improved\n"), 0o644)
	file := filepath.Join(dir, "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	foreign := filepath.Join(dir, "foreign")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "summary.json"), []byte("{}"), 0o644)
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, good); code != 0 {
		t.Fatalf("first run: %d %s", code, stderr)
	}
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"out is a file", []string{"run", "--out", file, good}, exitUsage, "not a directory"},
		{"foreign out", []string{"run", "--out", foreign, good}, exitUsage, "tresp did not write"},
		{"out is /", []string{"run", "--out", "/", good}, exitUsage, "file system root"},
		{"out is .", []string{"run", "--out", ".", good}, exitUsage, "current directory"},
		{"input == output", []string{"run", "--out", good, good}, exitUsage, "is the input"},
		{"out holds the input", []string{"run", "--out", dir, good}, exitUsage, "holds the input"},
		{"user file in out", []string{"run", "--out", out, good}, exitUsage, "notes.txt"},
		{"user file in out, --force", []string{"run", "--force", "--out", out, good}, exitUsage, "--clean"},
		{"out under a file", []string{"run", "--out", filepath.Join(file, "sub"), good}, exitUsage, "not a directory"},
		{"/dev/zero", []string{"validate", "/dev/zero"}, exitData, "is a device"},
		{"fifo", []string{"validate", fifo}, exitData, "named pipe"},
		{"fifo in run", []string{"run", "--out", filepath.Join(dir, "o3"), fifo}, exitData, "named pipe"},
	}
	for _, tt := range tests {
		code, _, stderr := tresp(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%s: tresp %v: code %d, stderr %q; want %d and %q", tt.name, tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(out, "notes.txt")); string(b) != "mine" {
		t.Error("the user's notes.txt was lost")
	}
	code, stdout, stderr := tresp(t, "run", "-q", "--clean", "--out", out, good)
	if code != 0 || !strings.Contains(stdout, "moved 1 entries") {
		t.Errorf("--clean: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestReadOnlyParentExitCode: an output directory that cannot be written
// is an output-path error (2), not an internal one.
func TestReadOnlyParentExitCode(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions do not apply to root")
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	code, _, stderr := tresp(t, "run", "--out", filepath.Join(ro, "out"))
	if code != exitUsage || !strings.Contains(stderr, "permission denied") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
}

// TestEnvironmentErrorsExitCode: failures of the file system map to exit
// 2 with advice; cancellation to 130; anything else is a bug (3).
func TestEnvironmentErrorsExitCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		code int
	}{
		{&outdir.OutputError{Dir: "out", Msg: "write x: no space left on the device", Err: syscall.ENOSPC}, exitUsage},
		{fmt.Errorf("stage: %w", &outdir.OutputError{Dir: "out", Msg: "read-only", Err: syscall.EROFS}), exitUsage},
		{&outdir.LockedError{Dir: "out", Holder: "process 1"}, exitUsage},
		{fmt.Errorf("interrupted during render: %w", context.Canceled), exitInterrupted},
		{errors.New("something unexpected"), exitInternal},
	} {
		if got := exitCode(tt.err); got != tt.code {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.code)
		}
	}
}

// TestInterruptedExitCode: a run whose context is cancelled (as by
// SIGINT or SIGTERM) exits 130 and leaves no output.
func TestInterruptedExitCode(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(t.TempDir(), "out")
	var o, e bytes.Buffer
	if code := run(ctx, []string{"run", "-q", "--out", out}, &o, &e); code != exitInterrupted {
		t.Errorf("code %d, stderr %q; want %d", code, e.String(), exitInterrupted)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an interrupted run left an output directory")
	}
}

// TestDocumentedExitCodes: the exit-code tables of README.md and
// docs/ci.md list exactly the codes run returns.
func TestDocumentedExitCodes(t *testing.T) {
	want := map[int]bool{exitOK: true, exitData: true, exitUsage: true, exitInternal: true, exitInterrupted: true}
	row := regexp.MustCompile(`(?m)^\| *([0-9]+) *\|`)
	for _, doc := range []string{"../../README.md", "../../docs/ci.md"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		i := strings.Index(text, "## Exit codes")
		if i < 0 {
			t.Fatalf("%s has no \"## Exit codes\" section", doc)
		}
		sec := text[i+len("## Exit codes"):]
		if j := strings.Index(sec, "\n## "); j >= 0 {
			sec = sec[:j]
		}
		got := map[int]bool{}
		for _, m := range row.FindAllStringSubmatch(sec, -1) {
			n, _ := strconv.Atoi(m[1])
			got[n] = true
			if !want[n] {
				t.Errorf("%s documents exit code %d, which tresp never returns", doc, n)
			}
		}
		for n := range want {
			if !got[n] {
				t.Errorf("%s does not document exit code %d", doc, n)
			}
		}
	}
}
