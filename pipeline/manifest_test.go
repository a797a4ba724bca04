package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
)

func readManifest(t *testing.T, out string) (Manifest, []byte) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, manifestFile))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("manifest.json is not valid JSON: %v", err)
	}
	return m, b
}

// TestManifestListsEveryOutput hashes the committed directory
// independently of writeManifest and compares.
func TestManifestListsEveryOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	res, err := runTo(t, out)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := readManifest(t, out)

	want := map[string]string{}
	sizes := map[string]int64{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == manifestFile || rel == outdir.MarkerFile {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(b)
		want[rel] = hex.EncodeToString(h[:])
		sizes[rel] = int64(len(b))
		return nil
	})
	if len(want) < 10 {
		t.Fatalf("only %d files in the output directory: %v", len(want), want)
	}
	if len(m.Outputs) != len(want) {
		t.Errorf("manifest lists %d outputs, directory holds %d", len(m.Outputs), len(want))
	}
	if !sort.SliceIsSorted(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path }) {
		t.Error("manifest outputs are not sorted by path")
	}
	seen := map[string]bool{}
	for _, f := range m.Outputs {
		if seen[f.Path] {
			t.Errorf("%s listed twice", f.Path)
		}
		seen[f.Path] = true
		if w, ok := want[f.Path]; !ok {
			t.Errorf("manifest lists %s, which is not in the directory", f.Path)
		} else if f.SHA256 != w || f.Bytes != sizes[f.Path] {
			t.Errorf("%s: manifest sha256 %s (%d bytes), file %s (%d bytes)", f.Path, f.SHA256, f.Bytes, w, sizes[f.Path])
		}
	}
	for _, must := range []string{"summary.json", "quarantine.csv", "tables/response_rates.csv", "normalised/cases.parquet"} {
		if !seen[must] {
			t.Errorf("manifest misses %s", must)
		}
	}
	if seen[manifestFile] {
		t.Error("manifest lists itself")
	}

	s := res.Summary
	if len(m.Inputs) != len(s.Inputs) {
		t.Fatalf("manifest has %d inputs, summary %d", len(m.Inputs), len(s.Inputs))
	}
	for i, in := range m.Inputs {
		a := s.Inputs[i] // the example's names are already in path order
		if in.Path != a.File || in.SHA256 != a.SHA256 || in.Rows != a.RowsRead || len(in.SHA256) != 64 {
			t.Errorf("input %d: manifest %+v, summary %s %s %d rows", i, in, a.File, a.SHA256, a.RowsRead)
		}
	}
	if m.Version != Version || m.Tool != "tresp" {
		t.Errorf("version %q tool %q", m.Version, m.Tool)
	}
	// The config is the summary's, field for field.
	var sum struct {
		Config json.RawMessage `json:"config"`
	}
	sb, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(sb, &sum); err != nil {
		t.Fatal(err)
	}
	var mc struct {
		Config json.RawMessage `json:"config"`
	}
	mb, _ := os.ReadFile(filepath.Join(out, manifestFile))
	json.Unmarshal(mb, &mc)
	if !bytes.Equal(sum.Config, mc.Config) {
		t.Errorf("manifest config differs from summary config:\n%s\n%s", mc.Config, sum.Config)
	}
}

func TestManifestDeterministic(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := runTo(t, out); err != nil {
		t.Fatal(err)
	}
	_, first := readManifest(t, out)
	if _, err := runTo(t, out); err != nil {
		t.Fatal(err)
	}
	_, second := readManifest(t, out)
	if !bytes.Equal(first, second) {
		t.Errorf("manifest.json differs between two runs over the same inputs:\n%s\n---\n%s", first, second)
	}
}

// TestManifestHashesFilesOfAnyWriter: a file written straight into the
// temporary directory, not through outdir.Dir.write, is listed too.
func TestManifestHashesFilesOfAnyWriter(t *testing.T) {
	o, err := outdir.New(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer o.Abort()
	os.MkdirAll(filepath.Join(o.Tmp, "figures"), 0o755)
	os.WriteFile(filepath.Join(o.Tmp, "figures", "x.svg"), []byte("abc"), 0o644)
	os.WriteFile(filepath.Join(o.Tmp, "a.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(o.Tmp, manifestFile), []byte("stale"), 0o644)
	s := &Summary{Version: Version, Config: config.Default(),
		Inputs: []ingest.FileAccount{{File: "z.csv", SHA256: "1", RowsRead: 2}, {File: "b.csv", SHA256: "3", RowsRead: 4}}}
	if err := writeManifest(o, s); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(o.Tmp, manifestFile))
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	// sha256("abc") and sha256("") are the FIPS 180-2 test vectors.
	want := []outdir.File{
		{Path: "a.txt", SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Bytes: 0},
		{Path: "figures/x.svg", SHA256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Bytes: 3},
	}
	if len(m.Outputs) != len(want) {
		t.Fatalf("outputs = %+v, want %+v", m.Outputs, want)
	}
	for i := range want {
		if m.Outputs[i] != want[i] {
			t.Errorf("output %d = %+v, want %+v", i, m.Outputs[i], want[i])
		}
	}
	if len(m.Inputs) != 2 || m.Inputs[0].Path != "b.csv" || m.Inputs[1].Rows != 2 {
		t.Errorf("inputs not sorted by path: %+v", m.Inputs)
	}
}
