package pipeline

import (
	"bufio"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/tresp/tresp/pipeline/normalise"

	"github.com/tresp/tresp/internal/jsonout"
	"github.com/tresp/tresp/pipeline/config"
)

// The files of an output directory that the run writes besides the
// tables, figures and report.
const (
	summaryFile  = "summary.json"
	manifestFile = outdir.ManifestName
)

// Manifest is manifest.json: what a run read, with which settings and
// which tresp, and every file it wrote with its SHA-256. It holds no
// timestamps, so two runs over the same inputs with the same settings
// write byte-identical manifests.
type Manifest struct {
	Tool    string          `json:"tool"`
	Version string          `json:"version"`
	Inputs  []ManifestInput `json:"inputs"`
	// normalise.Decisions is the decisions file applied, nil when none was given.
	Decisions *normalise.DecisionsFile `json:"decisions,omitempty"`
	Config    config.Config            `json:"config"`
	Outputs   []outdir.File            `json:"outputs"`
}

// ManifestInput is one input table: its name as messages give it, the
// SHA-256 of its bytes and the number of data rows read from it.
type ManifestInput struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

// writeManifest hashes every regular file under o.Tmp except the manifest
// itself and the marker, whichever writer produced it, and writes manifest.json. It must
// be the last write of a run.
func writeManifest(o *outdir.Dir, s *Summary) error {
	m := Manifest{Tool: "tresp", Version: Version, Config: s.Config,
		Inputs: []ManifestInput{}, Outputs: []outdir.File{}}
	if s.Version != "" {
		m.Version = s.Version
	}
	m.Decisions = s.Review.Decisions
	for _, a := range s.Inputs {
		m.Inputs = append(m.Inputs, ManifestInput{Path: a.File, Kind: a.Kind, SHA256: a.SHA256, Rows: a.RowsRead})
	}
	sort.SliceStable(m.Inputs, func(i, j int) bool { return m.Inputs[i].Path < m.Inputs[j].Path })
	err := filepath.WalkDir(o.Tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(o.Tmp, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == manifestFile || rel == outdir.MarkerFile {
			return nil // the marker names the manifest's hash, so it is not listed
		}
		sum, n, err := outdir.HashFile(p)
		if err != nil {
			return err
		}
		m.Outputs = append(m.Outputs, outdir.File{Path: rel, SHA256: sum, Bytes: n})
		return nil
	})
	if err != nil {
		return fmt.Errorf("write %s: cannot hash the outputs: %w", manifestFile, err)
	}
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
	return o.Write(manifestFile, func(w *bufio.Writer) error { return jsonout.Write(w, jsonout.Safe(m)) })
}

// manifest is the run's last stage: manifest.json over everything written.
func (st *state) manifest() error { return writeManifest(st.out, st.summary) }
