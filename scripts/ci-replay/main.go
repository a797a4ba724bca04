// Command ci-replay replays the steps of .github/workflows/tresp.yml on a
// throwaway git repository through a scripted history, and checks that each
// event passes or fails as it should:
//
//	go run ./scripts/ci-replay [-tresp BIN] [-summaries DIR] [-keep] [-v]
//
// The history: main gets case tables, a vocabulary and tresp.toml (a push:
// the baseline); then pull requests against main, each a branch with one
// commit: a clean change (passes), a row made invalid (fails), a renamed
// outcome header (fails), a one-patient stratum edit (passes), a broad
// change of outcomes (fails), a vocabulary edit (triggers the workflow and
// passes), a README edit (does not trigger it); then pushes to main: the
// clean change (passes, the new baseline), a renamed header (fails, so the
// baseline stays), and a pull request compared with the baseline that
// survived.
//
// The workflow is read from the file, its paths filters decide whether an
// event runs it, its if: conditions and ${{ }} expressions are evaluated,
// and its run: scripts run with bash as on a runner. What GitHub provides
// is simulated: actions/checkout checks out the commit, actions/setup-go
// does nothing, actions/upload-artifact copies files into a local artifact
// store, and `gh` and `go` are small scripts on PATH: gh lists and
// downloads runs from that store (the last successful run of a branch,
// which is what the workflow's --jq expression selects), go install
// accepts only a pinned version and finds tresp already on PATH (the
// binary given by -tresp, built from this tree when not given).
//
// It prints one line per event and exits 1 when an event ends otherwise
// than the script says. -summaries DIR writes each run's job summary to
// DIR/NN-name.md (docs/ci.md quotes two of them).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ci-replay:", err)
		os.Exit(1)
	}
}

type options struct {
	tresp     string
	workflow  string
	summaries string
	keep      bool
	verbose   bool
}

func run(args []string, stdout io.Writer) error {
	var o options
	fs := flag.NewFlagSet("ci-replay", flag.ContinueOnError)
	fs.StringVar(&o.tresp, "tresp", "", "tresp binary to put on PATH (default: build ./cmd/tresp)")
	fs.StringVar(&o.workflow, "workflow", ".github/workflows/tresp.yml", "the workflow to replay")
	fs.StringVar(&o.summaries, "summaries", "", "write each run's job summary into `DIR`")
	fs.BoolVar(&o.keep, "keep", false, "keep the throwaway repository and print where it is")
	fs.BoolVar(&o.verbose, "v", false, "print every step's output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	text, err := os.ReadFile(o.workflow)
	if err != nil {
		return err
	}
	wf, err := readWorkflow(string(text))
	if err != nil {
		return fmt.Errorf("%s: %w", o.workflow, err)
	}
	root, err := os.MkdirTemp("", "ci-replay-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(stdout, "throwaway repository in", root)
	} else {
		defer os.RemoveAll(root)
	}
	r := &replay{opt: o, wf: wf, root: root, repo: filepath.Join(root, "repo"), store: filepath.Join(root, "store"),
		bin: filepath.Join(root, "bin"), out: stdout, workflowText: text}
	if err := r.setup(); err != nil {
		return err
	}
	return r.history()
}

type replay struct {
	opt                     options
	wf                      *workflow
	root, repo, store, bin  string
	out                     io.Writer
	workflowText            []byte
	runs                    int
	events                  int
	mismatches              []string
	lastFailedStep, summary string
}

func (r *replay) setup() error {
	for _, d := range []string{r.repo, r.store, r.bin, filepath.Join(r.store, "artifacts")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(r.store, "runs.tsv"), nil, 0o644); err != nil {
		return err
	}
	tresp := r.opt.tresp
	if tresp == "" {
		tresp = filepath.Join(r.root, "tresp-build")
		cmd := exec.Command("go", "build", "-o", tresp, "./cmd/tresp")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building tresp: %w", err)
		}
	}
	abs, err := filepath.Abs(tresp)
	if err != nil {
		return err
	}
	if err := os.Symlink(abs, filepath.Join(r.bin, "tresp")); err != nil {
		return err
	}
	for name, script := range map[string]string{"gh": fakeGH, "go": fakeGo} {
		if err := os.WriteFile(filepath.Join(r.bin, name), []byte(script), 0o755); err != nil {
			return err
		}
	}
	if _, err := r.git("init", "-q", "-b", "main"); err != nil {
		return err
	}
	for _, kv := range [][2]string{{"user.name", "ci-replay"}, {"user.email", "ci-replay@example.org"}, {"commit.gpgsign", "false"}} {
		if _, err := r.git("config", kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// fakeGH answers the gh commands the workflow uses from the local store:
// runs.tsv (id, branch, event, conclusion per line, oldest first) and
// artifacts/ID/NAME/.
const fakeGH = `#!/bin/sh
# gh as ci-replay simulates it (see scripts/ci-replay/main.go).
set -e
store=$CI_REPLAY_STORE
sub="$1 $2"; shift 2
case "$sub" in
"run list")
  branch=""
  while [ $# -gt 0 ]; do case "$1" in --branch) branch=$2; shift;; esac; shift; done
  # The last successful run of the branch other than this one: what
  # --json databaseId --jq '[.[] | select(.databaseId != RUN)][0].databaseId' selects.
  awk -F'\t' -v b="$branch" -v me="$GITHUB_RUN_ID" '$2==b && $4=="success" && $1!=me {id=$1} END {if (id!="") print id}' "$store/runs.tsv"
  ;;
"run download")
  id=$1; shift; name=""; dir=.
  while [ $# -gt 0 ]; do case "$1" in --name) name=$2; shift;; --dir) dir=$2; shift;; esac; shift; done
  if [ ! -d "$store/artifacts/$id/$name" ]; then echo "no artifact $name in run $id" >&2; exit 1; fi
  mkdir -p "$dir"; cp -R "$store/artifacts/$id/$name/." "$dir/"
  ;;
"pr comment")
  body=""
  while [ $# -gt 0 ]; do case "$1" in --body-file) body=$2; shift;; esac; shift; done
  mkdir -p "$store/comments"; cp "$body" "$store/comments/$GITHUB_RUN_ID.md"
  ;;
*) echo "fake gh: $sub is not simulated" >&2; exit 1 ;;
esac
`

// fakeGo accepts go install of a pinned tresp (the binary is already on
// PATH) and refuses anything else.
const fakeGo = `#!/bin/sh
# go as ci-replay simulates it (see scripts/ci-replay/main.go).
case "$1 $2" in
"install github.com/tresp/tresp/cmd/tresp@"*)
  v=${2#*@}
  case "$v" in ""|latest|main|master) echo "fake go: tresp is not pinned ($v)" >&2; exit 1;; esac
  exit 0 ;;
esac
echo "fake go: $* is not simulated" >&2; exit 1
`

func (r *replay) git(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.repo
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, errb.String())
	}
	return strings.TrimSpace(out.String()), nil
}

// commit applies edit to the work tree of branch and commits it; it returns
// the files changed.
func (r *replay) commit(branch, msg string, edit func(dir string) error) ([]string, error) {
	if _, err := r.git("rev-parse", "--verify", "-q", "HEAD"); err == nil { // not before the first commit
		if _, err := r.git("checkout", "-q", branch); err != nil {
			return nil, err
		}
	}
	if err := edit(r.repo); err != nil {
		return nil, err
	}
	if _, err := r.git("add", "-A"); err != nil {
		return nil, err
	}
	if _, err := r.git("commit", "-q", "-m", msg); err != nil {
		return nil, err
	}
	files, err := r.git("diff", "--name-only", "HEAD~1", "HEAD")
	if err != nil {
		files, err = r.git("ls-tree", "-r", "--name-only", "HEAD") // the first commit
	}
	return strings.Fields(files), err
}

// event is one push or pull request of the script and what must happen.
type event struct {
	name   string
	kind   string // "push" or "pull_request"
	branch string // the pushed branch, or the pull request's head branch
	edit   func(dir string) error
	want   string // "pass", "fail" or "skip" (not triggered)
	// failStep is the step that must fail when want is "fail".
	failStep string
}

func (r *replay) do(e event) error {
	r.events++
	if e.kind == "pull_request" {
		if _, err := r.git("checkout", "-q", "-B", e.branch, "main"); err != nil {
			return err
		}
	}
	files, err := r.commit(e.branch, e.name, e.edit)
	if err != nil {
		return err
	}
	if e.kind == "pull_request" {
		if base, err := r.git("diff", "--name-only", "main", e.branch); err == nil {
			files = strings.Fields(base)
		}
	}
	filter, branches := r.wf.prPaths, []string(nil)
	if e.kind == "push" {
		filter, branches = r.wf.pushPaths, r.wf.pushBranches
	}
	triggered := matchPaths(filter, files)
	if branches != nil && !contains(branches, e.branch) {
		triggered = false
	}
	got, detail := "skip", "not triggered ("+strings.Join(files, ", ")+")"
	if triggered {
		ok, err := r.runWorkflow(e)
		if err != nil {
			return err
		}
		got, detail = "pass", ""
		if !ok {
			got, detail = "fail", "failed at step "+strconv.Quote(r.lastFailedStep)
		}
		if r.opt.summaries != "" {
			name := fmt.Sprintf("%02d-%s.md", r.events, slug(e.name))
			if err := os.MkdirAll(r.opt.summaries, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(r.opt.summaries, name), []byte(r.summary), 0o644); err != nil {
				return err
			}
		}
	}
	verdict := "ok"
	if got != e.want || got == "fail" && e.failStep != "" && r.lastFailedStep != e.failStep {
		verdict = "MISMATCH"
		want := e.want
		if e.failStep != "" {
			want += " at " + strconv.Quote(e.failStep)
		}
		r.mismatches = append(r.mismatches, fmt.Sprintf("%s: %s %s, want %s", e.name, got, detail, want))
	}
	fmt.Fprintf(r.out, "%-8s %-12s %-40s %-4s %s\n", verdict, e.kind, e.name, got, detail)
	if verdict != "ok" && !r.opt.verbose {
		fmt.Fprint(r.out, indent(r.summary))
	}
	return nil
}

// runWorkflow replays the job for e at the head of e.branch and reports
// whether it succeeded.
func (r *replay) runWorkflow(e event) (bool, error) {
	r.runs++
	id := strconv.Itoa(1000 + r.runs)
	sha, err := r.git("rev-parse", "HEAD")
	if err != nil {
		return false, err
	}
	ws := filepath.Join(r.root, "work", id)
	if err := os.MkdirAll(filepath.Dir(ws), 0o755); err != nil {
		return false, err
	}
	summaryFile := filepath.Join(r.root, "summary-"+id+".md")
	os.WriteFile(summaryFile, nil, 0o644)
	c := &context{values: map[string]string{
		"github.event_name": e.kind, "github.repository": "review/calcinosis", "github.token": "fake-token",
		"github.run_id": id, "github.sha": sha, "github.ref_name": e.branch, "github.ref": "refs/heads/" + e.branch,
	}}
	if e.kind == "pull_request" {
		c.values["github.base_ref"] = "main"
		c.values["github.head_ref"] = e.branch
		c.values["github.ref_name"] = strconv.Itoa(r.runs) + "/merge"
		c.values["github.event.pull_request.number"] = strconv.Itoa(r.runs)
		c.values["github.event.pull_request.head.repo.full_name"] = "review/calcinosis"
	}
	baseEnv := append(os.Environ(),
		"PATH="+r.bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"CI_REPLAY_STORE="+r.store, "GITHUB_ACTIONS=true", "GITHUB_RUN_ID="+id, "GITHUB_EVENT_NAME="+e.kind,
		"GITHUB_REPOSITORY=review/calcinosis", "GITHUB_SHA="+sha, "GITHUB_STEP_SUMMARY="+summaryFile, "GITHUB_WORKSPACE="+ws)
	for _, kv := range r.wf.env {
		v, err := c.expand(kv[1])
		if err != nil {
			return false, err
		}
		c.values["env."+kv[0]] = v
		baseEnv = append(baseEnv, kv[0]+"="+v)
	}
	r.lastFailedStep = ""
	for i, s := range r.wf.steps {
		ok, err := c.cond(s.cond)
		if err != nil {
			return false, fmt.Errorf("step %q: if: %w", s.label(), err)
		}
		if !ok {
			continue
		}
		env := append([]string{}, baseEnv...)
		for _, kv := range s.env {
			v, err := c.expand(kv[1])
			if err != nil {
				return false, fmt.Errorf("step %q: %w", s.label(), err)
			}
			env = append(env, kv[0]+"="+v)
		}
		var log bytes.Buffer
		var stepErr error
		switch {
		case strings.HasPrefix(s.uses, "actions/checkout@"):
			stepErr = r.checkout(sha, ws)
		case strings.HasPrefix(s.uses, "actions/setup-go@"):
		case strings.HasPrefix(s.uses, "actions/upload-artifact@"):
			stepErr = r.upload(c, s, ws, id)
		case s.uses != "":
			return false, fmt.Errorf("step %q: %s is not simulated", s.label(), s.uses)
		default:
			outFile := filepath.Join(r.root, fmt.Sprintf("output-%s-%d", id, i))
			os.WriteFile(outFile, nil, 0o644)
			script, err := c.expand(s.run)
			if err != nil {
				return false, fmt.Errorf("step %q: %w", s.label(), err)
			}
			cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
			cmd.Dir = ws
			cmd.Env = append(env, "GITHUB_OUTPUT="+outFile)
			cmd.Stdout, cmd.Stderr = &log, &log
			stepErr = cmd.Run()
			if s.id != "" {
				b, _ := os.ReadFile(outFile)
				for _, l := range strings.Split(string(b), "\n") {
					if k, v, ok := strings.Cut(l, "="); ok {
						c.values["steps."+s.id+".outputs."+k] = v
					}
				}
			}
		}
		if r.opt.verbose {
			fmt.Fprintf(r.out, "  [run %s] %s\n%s", id, s.label(), indent(log.String()))
		}
		if stepErr != nil {
			var ee *exec.ExitError
			if !errors.As(stepErr, &ee) && s.run != "" {
				return false, stepErr
			}
			c.failed = true
			if r.lastFailedStep == "" {
				r.lastFailedStep = s.label()
				if !r.opt.verbose {
					fmt.Fprintf(r.out, "  [run %s] step %q failed: %v\n%s", id, s.label(), stepErr, indent(lastLines(log.String(), 6)))
				}
			}
		}
	}
	b, _ := os.ReadFile(summaryFile)
	r.summary = string(b)
	conclusion := "success"
	if c.failed {
		conclusion = "failure"
	}
	f, err := os.OpenFile(filepath.Join(r.store, "runs.tsv"), os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return false, err
	}
	fmt.Fprintf(f, "%s\t%s\t%s\t%s\n", id, e.branch, e.kind, conclusion)
	return !c.failed, f.Close()
}

func (r *replay) checkout(sha, ws string) error {
	cmd := exec.Command("git", "clone", "-q", r.repo, ws)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("checkout: %v: %s", err, out)
	}
	cmd = exec.Command("git", "-c", "advice.detachedHead=false", "checkout", "-q", sha)
	cmd.Dir = ws
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("checkout: %v: %s", err, out)
	}
	return nil
}

// upload copies the paths of with.path into the store as artifact
// with.name of run id; a single directory becomes the artifact's root.
func (r *replay) upload(c *context, s step, ws, id string) error {
	name, err := c.expand(s.with["name"])
	if err != nil {
		return err
	}
	dst := filepath.Join(r.store, "artifacts", id, name)
	paths := strings.Fields(s.with["path"])
	n := 0
	for _, p := range paths {
		src := filepath.Join(ws, p)
		st, err := os.Stat(src)
		if err != nil {
			continue
		}
		n++
		if st.IsDir() && len(paths) == 1 {
			err = copyTree(src, dst)
		} else if st.IsDir() {
			err = copyTree(src, filepath.Join(dst, filepath.Base(src)))
		} else {
			err = copyFile(src, filepath.Join(dst, filepath.Base(src)))
		}
		if err != nil {
			return err
		}
	}
	if n == 0 && s.with["if-no-files-found"] == "error" {
		return &exec.ExitError{} // the action fails
	}
	return nil
}

func copyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func slug(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return '-'
	}, s)
}

func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}
