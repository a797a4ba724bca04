package main

// Issue 13 at the command line: each case of the issue's "Why" run
// through tresp as a user runs it, asserting what the user sees (exit
// code, message, the value in normalised/cases.csv, a warning in
// summary.json, files left alone). docs/limits.md maps every case to its
// test.

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tresp/tresp/data/parquetio"
)

// childEnv names the environment variable that makes the test binary act
// as tresp itself (see TestMain): its value is the arguments, separated
// by the unit separator U+001F.
const childEnv = "TRESP_TEST_CHILD_ARGS"

// TestMain lets a test start the test binary as a real tresp process
// (main with its signal handling), optionally after mounting a tmpfs
// (TRESP_TEST_CHILD_TMPFS="DIR OPTIONS", in a mount namespace of its own)
// or changing its root (TRESP_TEST_CHILD_CHROOT=DIR).
func TestMain(m *testing.M) {
	args, ok := os.LookupEnv(childEnv)
	if !ok {
		os.Exit(m.Run())
	}
	if spec := os.Getenv("TRESP_TEST_CHILD_TMPFS"); spec != "" {
		dir, opts, _ := strings.Cut(spec, " ")
		var flags uintptr
		if strings.HasPrefix(opts, "ro") {
			flags = syscall.MS_RDONLY
		}
		if err := syscall.Mount("tmpfs", dir, "tmpfs", flags, opts); err != nil {
			fmt.Fprintln(os.Stderr, "child: mount:", err)
			os.Exit(97)
		}
	}
	if root := os.Getenv("TRESP_TEST_CHILD_CHROOT"); root != "" {
		if err := syscall.Chroot(root); err != nil || os.Chdir("/") != nil {
			fmt.Fprintln(os.Stderr, "child: chroot:", err)
			os.Exit(97)
		}
	}
	os.Args = append([]string{"tresp"}, strings.Split(args, "\x1f")...)
	main()
}

// child returns a command that runs tresp with args in a new process.
func child(t *testing.T, env []string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(append(os.Environ(), childEnv+"="+strings.Join(args, "\x1f")), env...)
	return cmd
}

// exitOf returns the exit code of a finished child (-1 if a signal ended it).
func exitOf(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	t.Fatalf("child: %v", err)
	return 0
}

// needRoot skips a test that mounts, changes root or changes user.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (mount namespaces, chroot, another user)")
	}
}

// put writes content to dir/name and returns the path.
func put(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// files returns every regular file under dir with its contents.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			got[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return got
}

// sameFiles fails unless got holds exactly the files of want.
func sameFiles(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	for k, v := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s: %s was deleted", what, k)
		} else if g != v {
			t.Errorf("%s: %s was changed", what, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: %s appeared", what, k)
		}
	}
}

// problem is one entry of summary.json "details".
type problem struct {
	File, Column, Code, Value, Reason string
	Line                              int
}

// problemsOf reads the problems and the per-file accounting of a run.
func problemsOf(t *testing.T, out string) (details []problem, inputs []map[string]any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Details []problem
		Inputs  []map[string]any
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s.Details, s.Inputs
}

// TestMisreadNumbers: each odd number of the issue, one per row, through
// tresp run. A number is read whole or not read with a warning naming the
// cell; never read without its sign or in part. On the old code every
// refused cell below had a value (age "-5" → 5, "1e400" → age 1 or 400
// mg/day, "0x10" → 10, "1.000,5" → 1, "1_000" → 0, "4٥" → 4), and
// "999999999 g daily" had no warning.
func TestMisreadNumbers(t *testing.T) {
	type want struct {
		column, value string // the normalised column and its value ("" = not read)
		code, text    string // a warning of this code on the row's cell, naming text ("" = none)
	}
	cases := []struct {
		id, age, dose, duration string
		want                    want
	}{
		{"age -5", "-5", "60 mg daily", "6 months", want{"age_years", "", "negative-value", `"-5"`}},
		{"duration -3 months", "45", "60 mg daily", "-3 months", want{"treatment_duration_days", "", "negative-value", `"-3"`}},
		{"dose -50 mg", "45", "-50 mg", "6 months", want{"dose_max_per_day", "", "negative-value", `"-50"`}},
		{"dose 1e400", "45", "1e400 mg", "6 months", want{"dose_max_per_day", "", "number-unreadable", `"1e400"`}},
		{"age 1e400", "1e400", "60 mg daily", "6 months", want{"age_years", "", "number-unreadable", `"1e400"`}},
		{"age 0x10", "0x10", "60 mg daily", "6 months", want{"age_years", "", "number-unreadable", "hexadecimal"}},
		{"dose 0x10", "45", "0x10 mg", "6 months", want{"dose_max_per_day", "", "number-unreadable", "hexadecimal"}},
		{"dose 1.000,5", "45", "1.000,5 mg", "6 months", want{"dose_max_per_day", "", "number-unreadable", `"1.000,5"`}},
		{"age 1.000,5", "1.000,5", "60 mg daily", "6 months", want{"age_years", "", "number-unreadable", `"1.000,5"`}},
		{"duration 1_000", "45", "60 mg daily", "1_000 days", want{"treatment_duration_days", "", "number-unreadable", `"1_000"`}},
		{"dose 1_000", "45", "1_000 mg", "6 months", want{"dose_max_per_day", "", "number-unreadable", `"1_000"`}},
		{"age 4٥ (mixed digits)", "4٥", "60 mg daily", "6 months", want{"age_years", "", "number-unreadable", "mixed scripts"}},
		{"dose ٥0 (mixed digits)", "45", "٥0 mg daily", "6 months", want{"dose_max_per_day", "", "number-unreadable", "mixed scripts"}},
		{"age ٤٥ (Arabic-Indic)", "٤٥", "60 mg daily", "6 months", want{"age_years", "45", "", ""}},
		{"duration ٣ months (Arabic-Indic)", "45", "60 mg daily", "٣ months", want{"treatment_duration_days", "91.3125", "", ""}},
		{"dose 999999999 g daily", "45", "999999999 g daily", "6 months", want{"dose_max_per_day", "9.99999999e+11", "value-implausible", "0–100000 mg/day"}},
	}
	// another warning required on the cell: the substance's plausible range
	also := map[string]string{"dose 999999999 g daily": "dose-implausible"}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"Study", "Pt", "Age", "Drug", "Dose", "Treatment duration", "Outcome"})
	for _, c := range cases {
		w.Write([]string{"S", c.id, c.age, "diltiazem", c.dose, c.duration, "complete resolution"})
	}
	w.Flush()
	dir := t.TempDir()
	in := put(t, dir, "cases.csv", b.String())
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, in); code != exitOK {
		t.Fatalf("code %d: %s", code, stderr)
	}
	rows := map[string]map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "normalised", "cases.csv")) {
		rows[r["case_id"]] = r
	}
	details, _ := problemsOf(t, out)
	column := map[string]string{"age_years": "Age", "dose_max_per_day": "Dose", "treatment_duration_days": "Treatment duration"}
	for i, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			r, ok := rows[c.id]
			if !ok {
				t.Fatalf("no row for case %q", c.id)
			}
			if got := r[c.want.column]; got != c.want.value {
				t.Errorf("%s = %q, want %q", c.want.column, got, c.want.value)
			}
			if c.want.code == "" {
				return
			}
			found, extra := false, also[c.id] == ""
			for _, p := range details {
				if p.Line != i+2 || p.Column != column[c.want.column] {
					continue
				}
				found = found || p.Code == c.want.code && strings.Contains(p.Reason, c.want.text)
				extra = extra || p.Code == also[c.id]
			}
			if !found {
				t.Errorf("no %s warning on line %d, column %s, naming %s", c.want.code, i+2, column[c.want.column], c.want.text)
			}
			if !extra {
				t.Errorf("no %s warning on line %d, column %s", also[c.id], i+2, column[c.want.column])
			}
		})
	}
}

// TestLineEndingsCounted: CR-only and mixed line endings are read row for
// row: validate reports rows read = the file's data rows (on the old code
// CR-only was "header only" and a mix of five rows read as three).
func TestLineEndingsCounted(t *testing.T) {
	rows := []string{"Study,Pt,Drug,Outcome", "S,1,diltiazem,improved", "S,2,diltiazem,no change",
		"S,3,diltiazem,improved", "S,4,diltiazem,no change", "S,5,diltiazem,complete resolution"}
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		ends []string // line endings, used in turn
	}{
		{"CR only", []string{"\r"}},
		{"LF CR CRLF", []string{"\n", "\r", "\r\n"}},
		{"CR CRLF", []string{"\r", "\r\n"}},
		{"CRLF LF", []string{"\r\n", "\n"}}, // a control: read right before too
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for i, r := range rows {
				b.WriteString(r)
				b.WriteString(tt.ends[i%len(tt.ends)])
			}
			in := put(t, dir, strings.ReplaceAll(tt.name, " ", "_")+".csv", b.String())
			code, stdout, stderr := tresp(t, "validate", in)
			if code != exitOK || !strings.Contains(stdout, "5 rows read = 5 accepted + 0 quarantined") {
				t.Errorf("code %d, stdout %q, stderr %q; want 5 rows read and accepted", code, stdout, stderr)
			}
		})
	}
}

// TestBadBytesRefused: a NUL byte or invalid UTF-8 past the first 64 KiB
// of a CSV file, or inside a Parquet string, stops the run (exit 1) with
// the file, the row and the byte; no output is written (on the old code
// they were copied into the CSV outputs).
func TestBadBytesRefused(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Study,Pt,Drug,Outcome\n")
	n := 0
	for b.Len() < 80<<10 {
		n++
		fmt.Fprintf(&b, "S,%d,diltiazem,improved\n", n)
	}
	line := n + 2
	parquet := func(name, drug string) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		w, err := parquetio.NewWriter(f, []parquetio.Column{{Name: "Study", Type: parquetio.String}, {Name: "Pt", Type: parquetio.String},
			{Name: "Drug", Type: parquetio.String}, {Name: "Outcome", Type: parquetio.String}})
		if err != nil {
			t.Fatal(err)
		}
		for i, d := range []string{"diltiazem", "diltiazem", drug} {
			if err := w.Write(parquetio.Row{Strings: []string{"S", fmt.Sprint(i + 1), d, "improved"}}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		name, in, want string
	}{
		{"CSV NUL after 64 KiB", put(t, dir, "nul.csv", b.String()+"S,x,dilti\x00azem,improved\n"), fmt.Sprintf("nul.csv:%d", line)},
		{"CSV invalid UTF-8 after 64 KiB", put(t, dir, "bad.csv", b.String()+"S,x,dilti\xffazem,improved\n"), fmt.Sprintf("bad.csv:%d", line)},
		{"Parquet NUL", parquet("nul.parquet", "dilti\x00azem"), `nul.parquet:4: column "Drug": NUL byte at byte 5`},
		{"Parquet invalid UTF-8", parquet("bad.parquet", "dilti\xffazem"), `bad.parquet:4: column "Drug": the string is not UTF-8 text: invalid byte 0xff at byte 5`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "out")
			code, _, stderr := tresp(t, "run", "-q", "--out", out, tt.in)
			if code != exitData || !strings.Contains(stderr, tt.want) {
				t.Errorf("code %d, stderr %q; want %d and %q", code, stderr, exitData, tt.want)
			}
			if strings.Contains(tt.name, "CSV") && !strings.Contains(stderr, "offset") {
				t.Errorf("stderr %q does not give the byte offset", stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the refused run wrote an output directory")
				os.RemoveAll(out)
			}
		})
	}
}

// TestEveryNamedCSVNeutralised: the six machine-readable CSVs the issue
// names carry the hostile cells with a quote in front, and no cell of any
// CSV tresp writes starts a spreadsheet formula (on the old code only the
// publication tables were neutralised).
func TestEveryNamedCSVNeutralised(t *testing.T) {
	dir := t.TempDir()
	in := put(t, dir, "cases.csv", "Study,Pt,Drug,Disease,Outcome\n"+
		"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",1,\"+cmd|' /C calc'!A0\",\"=HYPERLINK(\"\"http://x\"\")\",\"+cmd|' /C calc'!A0\"\n"+
		"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",2,\"+cmd|' /C calc'!A0\",\"=HYPERLINK(\"\"http://x\"\")\",complete resolution\n"+
		"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",3,diltiazem,\"@SUM(1+1)\",\"-2+3 improved\"\n"+
		"\"+cmd|' /C calc'!A0\",4,\"=HYPERLINK(\"\"http://x\"\")\",dermatomyositis,no change\n"+
		"\"+cmd|' /C calc'!A0\",5,diltiazem,dermatomyositis,complete resolution\n")
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, in); code != exitOK {
		t.Fatalf("code %d: %s", code, stderr)
	}
	named := map[string]bool{"normalised/cases.csv": false, "tables/response_rates.csv": false, "tables/comparisons.csv": false,
		"tables/study_counts.csv": false, "vocabulary_report.csv": false, "tables/response_rates_by_class.csv": false}
	for rel, content := range files(t, out) {
		if !strings.HasSuffix(rel, ".csv") {
			continue
		}
		cr := csv.NewReader(strings.NewReader(content))
		cr.FieldsPerRecord = -1
		recs, err := cr.ReadAll()
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		for i, r := range recs {
			for _, c := range r {
				if c != "" && strings.ContainsRune("=+@", rune(c[0])) {
					t.Errorf("%s:%d: cell %q starts a formula", rel, i+1, c)
				}
				lc := strings.ToLower(c)
				if strings.HasPrefix(lc, "'=hyperlink(") || strings.HasPrefix(lc, "'+cmd|") {
					if _, ok := named[rel]; ok {
						named[rel] = true
					}
				}
			}
		}
	}
	for rel, seen := range named {
		if !seen {
			t.Errorf("%s has no hostile cell written with a quote in front", rel)
		}
	}
}

// TestHugeStudyCounts: study-level counts near 2^63 are a bad-count
// problem on their row and the run goes on (on the old code they
// overflowed into a recovered panic: exit 3).
func TestHugeStudyCounts(t *testing.T) {
	dir := t.TempDir()
	in := put(t, dir, "series.csv", "Study,Drug,Treated,Responders\n"+
		"T,diltiazem,9223372036854775807,9223372036854775806\n"+
		"V,diltiazem,10,4\n")
	out := filepath.Join(dir, "out")
	code, _, stderr := tresp(t, "run", "-q", "--out", out, in)
	if code != exitOK {
		t.Fatalf("code %d, stderr %q; want 0 with the row quarantined", code, stderr)
	}
	details, inputs := problemsOf(t, out)
	found := false
	for _, p := range details {
		found = found || p.Line == 2 && p.Code == "bad-count" && strings.Contains(p.Reason, "out of range")
	}
	if !found || inputs[0]["rows_quarantined"] != 1.0 || inputs[0]["rows_accepted"] != 1.0 {
		t.Errorf("want a bad-count problem on line 2 and 1 row quarantined, 1 accepted: %+v %v", inputs, details)
	}
}

// stopBound is how long after a signal or cancel a test lets a run take to stop: 1 s
// idle, with slack for a loaded CI machine.
const stopBound = 3 * time.Second

// TestSignalStopsRun: SIGTERM or SIGINT sent to a running tresp stops it
// within a second with exit 130, and the previous output is left whole
// (on the old code SIGTERM took up to 25 s and exited 3).
func TestSignalStopsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("large table")
	}
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Study,Pt,Disease,Drug,Dose,Outcome\n")
	for i := 0; i < 300000; i++ {
		fmt.Fprintf(&b, "S%d,%d,SSc,diltiazem,%d mg daily,improved\n", i%50, i, 60+i%120)
	}
	big := put(t, dir, "big.csv", b.String())
	small := put(t, dir, "small.csv", "Study,Pt,Drug,Outcome\nS,1,diltiazem,improved\n")
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, small); code != exitOK {
		t.Fatalf("first run: %d %s", code, stderr)
	}
	before := files(t, out)
	for _, tt := range []struct {
		sig   syscall.Signal
		after time.Duration
	}{{syscall.SIGTERM, 300 * time.Millisecond}, {syscall.SIGTERM, 2 * time.Second}, {syscall.SIGINT, time.Second}} {
		t.Run(fmt.Sprintf("%v after %v", tt.sig, tt.after), func(t *testing.T) {
			cmd := child(t, nil, "run", "-q", "--no-cache", "--out", out, big)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			time.Sleep(tt.after)
			sent := time.Now()
			cmd.Process.Signal(tt.sig)
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running 10 s after %v", tt.sig)
			}
			took := time.Since(sent)
			code := exitOf(t, err)
			if code == exitOK {
				t.Skipf("the run finished before the signal (%v)", tt.after)
			}
			// tresp stops within 1 s; a CI runner sharing 2 cores with other test
			// packages can add scheduling delay, so the bound that fails is 3 s (the
			// old code took up to 25 s)
			if code != exitInterrupted || took > stopBound {
				t.Errorf("exit %d %v after %v, stderr %q; want %d within %v", code, took.Round(time.Millisecond), tt.sig, stderr.String(), exitInterrupted, stopBound)
			} else if took > time.Second {
				t.Logf("stopped %v after %v (over 1 s: a loaded machine?)", took.Round(time.Millisecond), tt.sig)
			}
			sameFiles(t, "previous output", before, files(t, out))
		})
	}
}

// TestEnvironmentFailures: an --out whose parent cannot be written (as
// another user than its owner), on a read-only file system, or on a full
// disk is exit 2 with advice, never exit 3 ("internal error, please
// report"), as on the old code. Real file systems: a tmpfs mounted in the
// child's own mount namespace.
func TestEnvironmentFailures(t *testing.T) {
	needRoot(t)
	dir, err := os.MkdirTemp("", "tresp-env-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// readable by the other user: the directory, the input, the binary
	os.Chmod(dir, 0o755)
	in := put(t, dir, "good.csv", "Study,Pt,Drug,Outcome\nS,1,diltiazem,improved\nS,2,diltiazem,no change\n")
	bin := filepath.Join(dir, "tresp.test")
	exe, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	os.Chmod(ro, 0o555)
	// a table whose normalised rows alone fill the small file system: a streaming run
	// fails while it writes them during its pass
	var big strings.Builder
	big.WriteString("Study,Pt,Drug,Outcome\n")
	for i := range 3000 {
		fmt.Fprintf(&big, "S,%d,diltiazem,improved\n", i)
	}
	bigIn := put(t, dir, "big.csv", big.String())
	for _, sub := range []string{"full", "fullpass", "rofs"} {
		os.Mkdir(filepath.Join(dir, sub), 0o755)
	}
	for _, tt := range []struct {
		name, out, tmpfs string
		nobody           bool
		want             string
		input            string
	}{
		{"unwritable parent", filepath.Join(ro, "out"), "", true, "permission denied", in},
		{"read-only file system", filepath.Join(dir, "rofs", "out"), "ro,size=1m", false, "read-only", in},
		{"full disk", filepath.Join(dir, "full", "out"), "size=64k", false, "no space left", in},
		{"full disk while the rows are written", filepath.Join(dir, "fullpass", "out"), "size=64k", false, "no space left", bigIn},
	} {
		for _, mode := range []string{"", "--stream"} {
			t.Run(tt.name+mode, func(t *testing.T) {
				args := []string{"run", "-q", "--no-cache", "--out", tt.out, tt.input}
				if mode != "" {
					args = append(args, mode)
				}
				cmd := child(t, nil, args...)
				cmd.Path = bin
				cmd.SysProcAttr = &syscall.SysProcAttr{}
				if tt.nobody {
					cmd.SysProcAttr.Credential = &syscall.Credential{Uid: 65534, Gid: 65534}
				}
				if tt.tmpfs != "" {
					cmd.SysProcAttr.Unshareflags = syscall.CLONE_NEWNS
					cmd.Env = append(cmd.Env, "TRESP_TEST_CHILD_TMPFS="+filepath.Dir(tt.out)+" "+tt.tmpfs)
				}
				var stderr strings.Builder
				cmd.Stderr = &stderr
				code := exitOf(t, cmd.Run())
				if code == 97 {
					t.Skipf("cannot set up the file system: %s", stderr.String())
				}
				if code != exitUsage || !strings.Contains(stderr.String(), tt.want) || !strings.Contains(stderr.String(), "--out") {
					t.Errorf("code %d, stderr %q; want %d and %q", code, stderr.String(), exitUsage, tt.want)
				}
			})
		}
	}
}

// TestRootOutTouchesNothing: --out / is refused before anything is
// touched; the old clean-up deleted /.old-keep and /.tmp-keep first. The
// child runs with a temporary directory as its root.
func TestRootOutTouchesNothing(t *testing.T) {
	needRoot(t)
	root := t.TempDir()
	put(t, root, "data/cases.csv", "Study,Pt,Drug,Outcome\nS,1,diltiazem,improved\n")
	put(t, root, ".old-keep/keep.txt", "mine")
	put(t, root, ".tmp-keep/keep.txt", "mine")
	put(t, root, "notes.txt", "mine")
	before := files(t, root)
	cmd := child(t, []string{"TRESP_TEST_CHILD_CHROOT=" + root, "HOME=/home/nobody"}, "run", "-q", "--out", "/", "/data/cases.csv")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	code := exitOf(t, cmd.Run())
	if code == 97 {
		t.Skipf("cannot change root: %s", stderr.String())
	}
	if code != exitUsage || !strings.Contains(stderr.String(), "file system root") {
		t.Errorf("code %d, stderr %q; want %d, refused as the file system root", code, stderr.String(), exitUsage)
	}
	sameFiles(t, "the root", before, files(t, root))
}

// TestMillionEmptyHeaderColumns: a header of a million empty columns after
// the named ones is read cheaply: the empty columns are dropped with one
// note, not a warning per column (1,000,002 warnings and 800 MB on the old
// code), and the rows are accepted.
func TestMillionEmptyHeaderColumns(t *testing.T) {
	dir := t.TempDir()
	in := put(t, dir, "wide.csv", "Study,Pt,Drug,Outcome"+strings.Repeat(",", 1000000)+"\nS,1,diltiazem,improved\nS,2,diltiazem,no change\n")
	code, stdout, stderr := tresp(t, "validate", "--strict", in)
	if code != exitOK || !strings.Contains(stdout, "2 rows read = 2 accepted + 0 quarantined") || !strings.Contains(stdout, "0 errors, 0 warnings") {
		t.Errorf("code %d, stdout %q, stderr %.300q; want 2 rows accepted and no warnings", code, stdout, stderr)
	}
}

// TestDocIssue13Cases: every test docs/hostile.md names exists in the file
// it names (a test moved or renamed must take the table with it).
func TestDocIssue13Cases(t *testing.T) {
	b, err := os.ReadFile("../../docs/hostile.md")
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile("`((?:Test|Fuzz)[A-Za-z0-9_]+)(?:/[^`]*)?`")
	path := regexp.MustCompile("`([a-z][a-z0-9_/.-]*_test\\.go)`")
	rows := 0
	for i, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| ") || len(cells) != 5 || cells[2] == "test" {
			continue
		}
		rows++
		names, files := name.FindAllStringSubmatch(cells[2], -1), path.FindAllStringSubmatch(cells[3], -1)
		if len(names) == 0 || len(names) != len(files) {
			t.Errorf("docs/hostile.md:%d: %d tests and %d files; want one file per test", i+1, len(names), len(files))
			continue
		}
		for j, n := range names {
			src, err := os.ReadFile("../../" + files[j][1])
			if err != nil {
				t.Errorf("docs/hostile.md:%d: %v", i+1, err)
			} else if !regexp.MustCompile(`(?m)^func ` + n[1] + `\(`).Match(src) {
				t.Errorf("docs/hostile.md:%d: %s has no func %s (moved or renamed? update the table)", i+1, files[j][1], n[1])
			}
		}
	}
	if rows < 40 {
		t.Errorf("docs/hostile.md: %d table rows read, want every case of issue 13 (at least 40)", rows)
	}
}
