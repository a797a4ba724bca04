package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// readmeCommands returns the command lines of the fenced shell blocks
// (```sh, ```bash, ```shell) of a Markdown text, without blank lines.
func readmeCommands(md string) []string {
	var cmds []string
	in := false
	sc := bufio.NewScanner(strings.NewReader(md))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && (trimmed == "```sh" || trimmed == "```bash" || trimmed == "```shell"):
			in = true
		case in && trimmed == "```":
			in = false
		case in && trimmed != "" && !strings.HasPrefix(trimmed, "#"):
			cmds = append(cmds, trimmed)
		}
	}
	return cmds
}

// readmeMake says what a make target of the README runs here: its tresp
// command, or "" for a target the test does not run (make build: the test
// builds the binary; make test: the test suite itself).
var readmeMake = map[string]string{
	"make run":   "bin/tresp run --out out",
	"make build": "",
	"make test":  "",
}

// readmeCases is the case table the README's examples name: headers that
// need no --map, and that --map 'Pt no=case_id' --map 'Rx=treatment' map
// to the same fields.
const readmeCases = `Study,Pt no,Age/Sex,Disease,Rx,Dose,Outcome
Rao 2019,1,45/F,dermatomyositis,diltiazem,60 mg thrice daily,marked improvement
Rao 2019,2,52/M,systemic sclerosis,diltiazem,90 mg twice daily,no change
Rao 2019,3,38/F,dermatomyositis,sodium thiosulfate,12.5 g IV thrice weekly,complete resolution
`

// TestReadmeCommands runs every command of README.md's shell blocks with
// the built binary in a temporary directory that holds the files they
// name, and fails on any exit code but 0. A command the README adds with a
// file this test does not make fails here until the test makes it.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("runs the commands with sh")
	}
	md, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(string(md))
	if len(cmds) < 5 {
		t.Fatalf("found %d commands in README.md's shell blocks; the parser or the README is broken", len(cmds))
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin", "tresp")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sh := func(line string) (string, error) {
		c := exec.Command("sh", "-c", line)
		c.Dir = dir
		c.Env = append(os.Environ(), "HOME="+dir, "XDG_CACHE_HOME="+filepath.Join(dir, ".cache"))
		out, err := c.CombinedOutput()
		return string(out), err
	}
	// the files the examples name
	write(t, filepath.Join(dir, "my_cases.csv"), readmeCases)
	if err := os.MkdirAll(filepath.Join(dir, "sheets"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "sheets", "rao.csv"), readmeCases)
	for _, setup := range []string{
		"bin/tresp run -q --out old_out my_cases.csv",
		"bin/tresp run -q --out new_out my_cases.csv",
		"bin/tresp run -q --out reviewed my_cases.csv && cp reviewed/review.csv decided.csv",
	} {
		if out, err := sh(setup); err != nil {
			t.Fatalf("setup %q: %v\n%s", setup, err, out)
		}
	}
	ran := 0
	for _, line := range cmds {
		for target, replacement := range readmeMake {
			if strings.HasPrefix(line, target+" ") || line == target {
				line = replacement
			}
		}
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "make ") {
			t.Errorf("README.md runs %q: say in readmeMake which tresp command it is", line)
			continue
		}
		if !strings.HasPrefix(line, "bin/tresp ") {
			t.Errorf("README.md runs %q, which is not bin/tresp: teach this test to run it", line)
			continue
		}
		out, err := sh(line)
		if err != nil {
			t.Errorf("README.md: %q: %v\n%s", line, err, out)
		}
		ran++
	}
	if ran < 5 {
		t.Errorf("ran %d README commands, want every one of them", ran)
	}
}

// TestReadmeCommandsParser: the parser takes the lines of shell blocks
// only, and not their comments or blank lines.
func TestReadmeCommandsParser(t *testing.T) {
	md := "text\n```sh\nmake run  # x\n\n# comment\nbin/tresp help\n```\n```go\nfmt.Println()\n```\n```bash\nbin/tresp version\n```\n"
	got := readmeCommands(md)
	want := []string{"make run  # x", "bin/tresp help", "bin/tresp version"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("readmeCommands = %q, want %q", got, want)
	}
}
