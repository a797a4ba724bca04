package pipeline

import (
	"bytes"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
	"github.com/tresp/tresp/stats"
)

// stageLog records the progress lines of a run.
type stageLog struct{ lines []string }

func (l *stageLog) Stage(name, msg string) { l.lines = append(l.lines, name+": "+msg) }

func (l *stageLog) upToDate() []string {
	var s []string
	for _, x := range l.lines {
		if strings.HasSuffix(x, ": up to date") {
			s = append(s, strings.TrimSuffix(x, ": up to date"))
		}
	}
	return s
}

func TestStageCache(t *testing.T) {
	dir := t.TempDir()
	inputs := copyExample(t, dir, 0)
	cfg := config.Default()
	cfg.Inputs = inputs
	cfg.Out = filepath.Join(dir, "out")
	cfg.CacheDir = filepath.Join(dir, "cache")
	run := func(mut func(*config.Config)) ([]string, map[string]string) {
		t.Helper()
		c := cfg
		if mut != nil {
			mut(&c)
		}
		log := &stageLog{}
		if _, err := Run(context.Background(), c, log); err != nil {
			t.Fatal(err)
		}
		return log.upToDate(), outputsOf(t, c.Out, nil)
	}
	hits, first := run(nil)
	if len(hits) != 0 {
		t.Errorf("first run: %v up to date, want none", hits)
	}
	hits, second := run(nil)
	if strings.Join(hits, ",") != "ingest,normalise,analyse,render" {
		t.Errorf("second run: up to date %v, want every stage", hits)
	}
	sameOutputs(t, first, second)
	single := func(c *config.Config) { c.Figures.Size = "nature-single" }
	hits, restored := run(single)
	if strings.Join(hits, ",") != "ingest,normalise,analyse" {
		t.Errorf("figure size changed: up to date %v, want all but render", hits)
	}
	// What render writes from the restored snapshot (normalised/cases.*
	// from its courses and their records) equals a run that computed it.
	_, fresh := run(func(c *config.Config) { single(c); c.Force = true })
	sameOutputs(t, restored, fresh)
	hits, _ = run(func(c *config.Config) { c.Analysis.CIMethod = stats.Wilson })
	if strings.Join(hits, ",") != "ingest,normalise" {
		t.Errorf("CI method changed: up to date %v, want ingest, normalise", hits)
	}
	hits, _ = run(func(c *config.Config) { c.Force = true })
	if len(hits) != 0 {
		t.Errorf("--force: %v up to date, want none", hits)
	}
	// Changing an input invalidates everything.
	b, _ := os.ReadFile(inputs[0])
	os.WriteFile(inputs[0], append(b, []byte("New study,1,50/F,SSc,,,,,,diltiazem,60 mg tid,,,,complete resolution,,,,,,,,,\n")...), 0o644)
	hits, changed := run(nil)
	if len(hits) != 0 {
		t.Errorf("input changed: %v up to date, want none", hits)
	}
	if changed["tables/response_rates.csv"] == first["tables/response_rates.csv"] {
		t.Error("response rates unchanged after adding a patient")
	}
}

func TestLockRefusesSecondRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	l, err := outdir.AcquireLock(out)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Out = out
	_, err = Run(context.Background(), cfg, nil)
	if _, ok := err.(*outdir.LockedError); !ok || !strings.Contains(err.Error(), "being written by process") {
		t.Fatalf("err = %v, want a outdir.LockedError naming the holder", err)
	}
	l.Release()
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

// TestInterruptedRunKeepsOldOutput: a run cancelled mid-way (as by SIGINT)
// or killed (leaving its temporary directory) never touches the previous
// output, and the next run cleans up.
func TestInterruptedRunKeepsOldOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	cfg := config.Default()
	cfg.Out = out
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	before := outputsOf(t, out, nil)
	// A killed run leaves a temporary directory behind, with its marker.
	stale := filepath.Join(dir, ".out.tmp-0123456789abcdef")
	os.MkdirAll(filepath.Join(stale, "figures"), 0o755)
	os.WriteFile(filepath.Join(stale, outdir.MarkerFile), []byte(outdir.TempMarker("0123456789abcdef")), 0o644)
	os.WriteFile(filepath.Join(stale, "figures", "half.pdf"), []byte("%PDF-1."), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	log := &cancelAt{stage: "analyse", cancel: cancel}
	cfg.Analysis.CIMethod = stats.Wilson
	if _, err := Run(ctx, cfg, log); err == nil {
		t.Fatal("cancelled run succeeded")
	}
	sameOutputs(t, before, outputsOf(t, out, nil))
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale temporary directory not removed")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

// cancelAt cancels the run when a stage reports progress.
type cancelAt struct {
	stage  string
	cancel func()
}

func (c *cancelAt) Stage(name, msg string) {
	if name == c.stage {
		c.cancel()
	}
}

// TestCachedRunWithoutLogger: a fully cached run reports "up to date"
// through the default logger when the caller passes none.
func TestCachedRunWithoutLogger(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Out = filepath.Join(dir, "out")
	cfg.CacheDir = filepath.Join(dir, "cache")
	for i := 0; i < 2; i++ {
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSnapshotRoundTrip: the chunked encoding of a snapshot gives back
// every record and course, and a course's record is again the ingested
// record (shared, not a copy).
func TestSnapshotRoundTrip(t *testing.T) {
	inputs, err := ingest.ResolveInputs(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	ing, err := ingest.Ingest(inputs, readOptions(cfg.Read))
	if err != nil {
		t.Fatal(err)
	}
	voc, err := normalise.LoadVocabulary(nil)
	if err != nil {
		t.Fatal(err)
	}
	norm, _, err := normalise.Run(context.Background(), ing, voc, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := encodeSnapshot(gob.NewEncoder(&buf), &snapshot{Ingested: ing, Norm: norm, Summary: &Summary{}}); err != nil {
		t.Fatal(err)
	}
	got, err := decodeSnapshot(gob.NewDecoder(&buf))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Ingested.Cases) != len(ing.Cases) || len(got.Norm.Courses) != len(norm.Courses) {
		t.Fatalf("%d records, %d courses; want %d, %d", len(got.Ingested.Cases), len(got.Norm.Courses), len(ing.Cases), len(norm.Courses))
	}
	for i := range ing.Cases {
		if !reflect.DeepEqual(got.Ingested.Cases[i], ing.Cases[i]) {
			t.Fatalf("record %d: %+v, want %+v", i, got.Ingested.Cases[i], ing.Cases[i])
		}
	}
	first := &got.Ingested.Cases[0]
	last := &got.Ingested.Cases[len(got.Ingested.Cases)-1]
	for i, c := range got.Norm.Courses {
		want := norm.Courses[i]
		if c.Rec == nil || !reflect.DeepEqual(*c.Rec, *want.Rec) {
			t.Fatalf("course %d: record %v, want %v", i, c.Rec, want.Rec)
		}
		if uintptr(unsafe.Pointer(c.Rec)) < uintptr(unsafe.Pointer(first)) || uintptr(unsafe.Pointer(c.Rec)) > uintptr(unsafe.Pointer(last)) {
			t.Fatalf("course %d: record is a copy, not one of the ingested records", i)
		}
		if c.Study != want.Study || c.DrugName() != want.DrugName() || c.Outcome.Category != want.Outcome.Category {
			t.Fatalf("course %d differs", i)
		}
	}
}

// TestForceReadsNoCachedFiles: --force reruns render without copying the
// cached render entry into the output directory. A file of that entry that
// render does not write (a stale or planted one) ended up in the committed
// output, unlisted in the manifest, and the next run stopped on it as a
// file tresp did not write.
func TestForceReadsNoCachedFiles(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Inputs = copyExample(t, dir, 0)
	cfg.Out = filepath.Join(dir, "out")
	cfg.CacheDir = filepath.Join(dir, "cache")
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	renders, _ := filepath.Glob(filepath.Join(cfg.CacheDir, "render-*"))
	if len(renders) != 1 {
		t.Fatalf("render entries %v, want one", renders)
	}
	if err := os.WriteFile(filepath.Join(renders[0], "stale.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg.Force = true
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(cfg.Out, "stale.txt")); err == nil {
		t.Error("--force copied a file of the cached render entry into the output directory")
	}
	cfg.Force = false
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Errorf("the run after --force: %v", err)
	}
}
