package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/normalise"
)

// runBoth runs the inputs held (as by default) and streamed (--stream) and returns the
// two output directories.
func runBoth(t *testing.T, dir string, inputs []string, tweak func(*config.Config)) (held, streamed string) {
	t.Helper()
	for _, stream := range []bool{false, true} {
		cfg := config.Default()
		cfg.Inputs, cfg.Stream = inputs, stream
		cfg.Out = filepath.Join(dir, "held")
		if stream {
			cfg.Out = filepath.Join(dir, "streamed")
		}
		if tweak != nil {
			tweak(&cfg)
		}
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			t.Fatalf("stream=%v: %v", stream, err)
		}
	}
	return filepath.Join(dir, "held"), filepath.Join(dir, "streamed")
}

// sameStreamedOutputs compares every file of two output directories: byte for byte, except
// normalised/cases.csv (the same rows, in input order when streamed) and the files
// that name the run's settings and output directory.
func sameStreamedOutputs(t *testing.T, a, b string) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		switch rel {
		case "summary.json", "report.html", "manifest.json", ".tresp-output", "normalised/cases.parquet":
			return nil // name the output directory and the stream setting; cases.parquet: see cases.csv
		}
		x, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s: missing from the streamed run: %v", rel, err)
			return nil
		}
		files++
		if rel == "normalised/cases.csv" {
			xs, ys := strings.Split(string(x), "\n"), strings.Split(string(y), "\n")
			slices.Sort(xs)
			slices.Sort(ys)
			x, y = []byte(strings.Join(xs, "\n")), []byte(strings.Join(ys, "\n"))
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between the held and the streamed run", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("compared only %d files", files)
	}
	sa, _ := os.ReadFile(filepath.Join(a, "summary.json"))
	sb, _ := os.ReadFile(filepath.Join(b, "summary.json"))
	norm := func(s []byte, dir string) string {
		var keep []string
		for _, l := range strings.Split(strings.ReplaceAll(string(s), dir, "OUT"), "\n") {
			if !strings.Contains(l, `"stream": true`) && !strings.Contains(l, `"parse_cache_`) {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	if norm(sa, a) != norm(sb, b) {
		t.Errorf("summary.json differs beyond the output directory and the stream setting")
	}
}

// TestStreamEqualsHeld checks that a streaming run gives every output of a run that
// holds the rows: the generated table (with duplicate rows, combinations, missing and
// malformed cells) and the embedded example (patient and study-level tables).
func TestStreamEqualsHeld(t *testing.T) {
	dir := t.TempDir()
	table := synthTable(t, dir, synth.Options{Rows: 3000, Seed: 11, Studies: 12})
	held, streamed := runBoth(t, filepath.Join(dir, "synth"), []string{table}, nil)
	sameStreamedOutputs(t, held, streamed)

	// the example's study-level table comes after its case table in the inputs: a
	// streaming run reads it first; --emit-counts writes the counts of both runs
	held, streamed = runBoth(t, filepath.Join(dir, "example"), nil, func(c *config.Config) { c.EmitCounts = true })
	sameStreamedOutputs(t, held, streamed)
	if _, err := os.Stat(filepath.Join(streamed, "counts", "counts.csv")); err != nil {
		t.Error(err)
	}
}

// TestStreamWorkersSameOutputs checks that the number of workers changes no output:
// the workers' logs are replayed in reading order.
func TestStreamWorkersSameOutputs(t *testing.T) {
	dir := t.TempDir()
	table := synthTable(t, dir, synth.Options{Rows: 12000, Seed: 7, Studies: 30})
	var outs []string
	for _, w := range []int{1, 3} {
		cfg := config.Default()
		cfg.Inputs, cfg.Stream, cfg.StreamWorkers = []string{table}, true, w
		cfg.Out = filepath.Join(dir, "w"+strconv.Itoa(w))
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, cfg.Out)
	}
	n := 0
	err := filepath.WalkDir(outs[0], func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(outs[0], p)
		if rel == "manifest.json" || rel == ".tresp-output" {
			return nil
		}
		x, _ := os.ReadFile(p)
		y, _ := os.ReadFile(filepath.Join(outs[1], rel))
		if rel == "summary.json" || rel == "report.html" {
			x = bytes.ReplaceAll(x, []byte(outs[0]), []byte("OUT"))
			y = bytes.ReplaceAll(y, []byte(outs[1]), []byte("OUT"))
		}
		n++
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between 1 and 3 workers", rel)
		}
		return nil
	})
	if err != nil || n < 20 {
		t.Fatalf("compared %d files: %v", n, err)
	}
}

// TestStreamSkipsNormalised checks --write-normalised=false in both modes.
func TestStreamSkipsNormalised(t *testing.T) {
	dir := t.TempDir()
	held, streamed := runBoth(t, dir, nil, func(c *config.Config) { c.SkipNormalised = true })
	for _, out := range []string{held, streamed} {
		if _, err := os.Stat(filepath.Join(out, "normalised")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: normalised/ written with --write-normalised=false (%v)", out, err)
		}
	}
}

// TestStreamSplitPatients checks that a streaming run stops with one clear error when
// a patient's rows are not consecutive, instead of counting the patient twice.
func TestStreamSplitPatients(t *testing.T) {
	dir := t.TempDir()
	var gen bytes.Buffer
	if err := synth.Write(&gen, synth.CSV, synth.Options{Rows: 400, Seed: 3, Studies: 4, Malformed: -1}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&gen).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// move the first row to the end: its patient's rows are now apart (the
	// generator gives most patients more than one row; find one that has)
	i := 1
	for ; i+1 < len(recs) && (recs[i][0] != recs[i+1][0] || recs[i][1] != recs[i+1][1]); i++ {
	}
	if i+1 == len(recs) {
		t.Fatal("the generated table has no patient with two rows")
	}
	moved := append(append(append([][]string{}, recs[:i]...), recs[i+1:]...), recs[i])
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(moved)
	table := writeFile(t, dir, "cases.csv", b.String())
	cfg := config.Default()
	cfg.Inputs, cfg.Stream, cfg.Out = []string{table}, true, filepath.Join(dir, "out")
	_, err = Run(context.Background(), cfg, nil)
	var split *normalise.SplitPatientsError
	if !errors.As(err, &split) || split.Patients != 1 {
		t.Fatalf("err = %v, want a SplitPatientsError for 1 patient", err)
	}
	if _, err := os.Stat(cfg.Out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed streaming run left %s behind", cfg.Out)
	}
}

// synthTable writes a generated case table (tresp synth) as dir/cases.csv and returns its path.
func synthTable(t *testing.T, dir string, opt synth.Options) string {
	t.Helper()
	var gen bytes.Buffer
	if err := synth.Write(&gen, synth.CSV, opt); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, "cases.csv", gen.String())
}
