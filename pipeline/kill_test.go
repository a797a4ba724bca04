package pipeline

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/stats"
)

// TestKilledMidRender runs tresp in a child process that is killed with
// SIGKILL after writing its first figure, and checks that the previous
// output is whole and that the next run succeeds and cleans up.
func TestKilledMidRender(t *testing.T) {
	if out := os.Getenv("TRESP_KILL_CHILD_OUT"); out != "" {
		testHookFigureWritten = func() { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
		cfg := config.Default()
		cfg.Out = out
		cfg.Analysis.CIMethod = stats.Wilson // different tables from the parent's run
		Run(context.Background(), cfg, nil)
		t.Fatal("child was not killed")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	cfg := config.Default()
	cfg.Out = out
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	before := outputsOf(t, out, nil)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledMidRender$")
	cmd.Env = append(os.Environ(), "TRESP_KILL_CHILD_OUT="+out)
	err := cmd.Run()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, want killed by SIGKILL", err)
	}
	sameOutputs(t, before, outputsOf(t, out, nil))
	stale, _ := filepath.Glob(filepath.Join(dir, ".out.tmp-*"))
	if len(stale) != 1 {
		t.Fatalf("the killed run should have left its temporary directory, found %v", stale)
	}
	if _, err := os.Stat(filepath.Join(stale[0], "figures")); err != nil {
		t.Fatalf("the child was not killed mid-render: %v", err)
	}

	cfg.Analysis.CIMethod = stats.Wilson
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatalf("run after the killed one: %v", err)
	}
	after := outputsOf(t, out, nil)
	if after["tables/response_rates.csv"] == before["tables/response_rates.csv"] || !strings.Contains(after["tables/response_rates.csv"], "wilson") {
		t.Error("the next run did not replace the output")
	}
	if stale, _ := filepath.Glob(filepath.Join(dir, ".out.tmp-*")); len(stale) != 0 {
		t.Errorf("stale temporary directories left: %v", stale)
	}
}
