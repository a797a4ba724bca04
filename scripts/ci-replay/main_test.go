package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline"
)

const workflowPath = "../../.github/workflows/tresp.yml"

// TestCIReplay replays the shipped workflow through the scripted history
// (issue 15): a clean change passes, a row made invalid fails, a renamed
// outcome header fails, a one-patient stratum edit passes, a broad change
// of outcomes fails, a vocabulary edit reruns, a failed push to main does
// not become the baseline.
func TestCIReplay(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	bin := filepath.Join(t.TempDir(), "tresp")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/tresp")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building tresp: %v\n%s", err, out)
	}
	var out bytes.Buffer
	sums := t.TempDir()
	err := run([]string{"-tresp", bin, "-workflow", workflowPath, "-summaries", sums}, &out)
	t.Log("\n" + out.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"ok       pull_request clean change: two patients added         pass",
		"ok       pull_request a row made invalid                       fail failed at step \"Validate\"",
		"ok       pull_request renamed outcome header                   fail failed at step \"Validate\"",
		"ok       pull_request one-patient stratum edit                 pass",
		"ok       pull_request broad change of outcomes                 fail failed at step \"Gate\"",
		"ok       pull_request vocabulary edit                          pass",
		"ok       pull_request README edit                              skip not triggered",
		"ok       push         main: outcome header renamed             fail failed at step \"Validate\"",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("replay output lacks %q", want)
		}
	}
	// docs/ci.md shows the job summaries of a passing and a failing pull
	// request as the replay writes them.
	doc, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"05-one-patient-stratum-edit.md", "06-broad-change-of-outcomes.md"} {
		b, err := os.ReadFile(filepath.Join(sums, f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), "````markdown\n"+string(b)+"````\n") {
			t.Errorf("docs/ci.md does not show the job summary %s as ci-replay writes it now (paste it again from go run ./scripts/ci-replay -summaries DIR):\n%s", f, b)
		}
	}
}

// TestWorkflowDeclares: the workflow pins tresp to the release this tree
// becomes (never latest), is triggered by data/ and vocab/, validates
// strictly, passes vocab/ files as vocabularies and gates pull requests
// with tresp diff.
func TestWorkflowDeclares(t *testing.T) {
	text, err := os.ReadFile(workflowPath)
	if err != nil {
		t.Fatal(err)
	}
	wf, err := readWorkflow(string(text))
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	for _, kv := range wf.env {
		env[kv[0]] = kv[1]
	}
	if want := "v" + strings.TrimSuffix(pipeline.Version, "-dev"); env["TRESP_VERSION"] != want {
		t.Errorf("TRESP_VERSION = %q, want %q (the release of pipeline.Version %s)", env["TRESP_VERSION"], want, pipeline.Version)
	}
	if env["DATA_DIR"] != "data" || env["VOCAB_DIR"] != "vocab" {
		t.Errorf("DATA_DIR, VOCAB_DIR = %q, %q", env["DATA_DIR"], env["VOCAB_DIR"])
	}
	for name, paths := range map[string][]string{"push": wf.pushPaths, "pull_request": wf.prPaths} {
		for _, f := range []string{"data/cases.csv", "vocab/drugs-local.tsv", "tresp.toml"} {
			if !matchPaths(paths, []string{f}) {
				t.Errorf("%s: a change of %s does not trigger the workflow", name, f)
			}
		}
	}
	runs := ""
	for _, s := range wf.steps {
		runs += s.run
	}
	for _, want := range []string{"tresp validate --strict", `--vocab $(printf '%q' "$f")`, "tresp diff --format md", `"$DATA_DIR/"`} {
		if !strings.Contains(runs, want) {
			t.Errorf("no step runs %q", want)
		}
	}
}

// TestExpressions checks the evaluator on the forms the workflow uses.
func TestExpressions(t *testing.T) {
	c := &context{values: map[string]string{"github.event_name": "pull_request", "steps.diff.outputs.code": "1",
		"github.base_ref": "", "github.ref_name": "main", "github.repository": "a/b",
		"github.event.pull_request.head.repo.full_name": "a/b"}}
	for _, tt := range []struct {
		expr string
		want string
	}{
		{"github.event_name == 'pull_request'", "true"},
		{"steps.diff.outputs.code == '1' && github.event_name == 'push'", "false"},
		{"github.base_ref || github.ref_name", "main"},
		{"!(steps.baseline.outputs.found == 'true')", "true"},
		{"github.event.pull_request.head.repo.full_name == github.repository", "true"},
	} {
		if got, err := c.eval(tt.expr); err != nil || got != tt.want {
			t.Errorf("eval(%q) = %q, %v; want %q", tt.expr, got, err, tt.want)
		}
	}
	if _, err := c.eval("nosuch.thing"); err == nil {
		t.Error("an unknown context evaluates without error")
	}
	c.failed = true
	if ok, _ := c.cond("github.event_name == 'pull_request'"); ok {
		t.Error("a condition without a status function ran after a failure")
	}
	if ok, _ := c.cond("always()"); !ok {
		t.Error("always() did not run after a failure")
	}
}
