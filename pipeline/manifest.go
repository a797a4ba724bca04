package pipeline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/tresp/tresp/pipeline/normalise"

	"github.com/tresp/tresp/internal/jsonout"
	"github.com/tresp/tresp/pipeline/config"
)

// manifestFile is the name of the manifest inside an output directory.
const manifestFile = "manifest.json"

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
	Outputs   []ManifestFile           `json:"outputs"`
}

// ManifestInput is one input table: its name as messages give it, the
// SHA-256 of its bytes and the number of data rows read from it.
type ManifestInput struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	SHA256 string `json:"sha256"`
	Rows   int    `json:"rows"`
}

// ManifestFile is one output file: its slash-separated path relative to
// the output directory, the SHA-256 of its bytes and its size.
type ManifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// writeManifest hashes every regular file under o.tmp except the manifest
// itself and the marker, whichever writer produced it, and writes manifest.json. It must
// be the last write of a run.
func writeManifest(o *outDir, s *Summary) error {
	m := Manifest{Tool: "tresp", Version: Version, Config: s.Config,
		Inputs: []ManifestInput{}, Outputs: []ManifestFile{}}
	if s.Version != "" {
		m.Version = s.Version
	}
	m.Decisions = s.Review.Decisions
	for _, a := range s.Inputs {
		m.Inputs = append(m.Inputs, ManifestInput{Path: a.File, Kind: a.Kind, SHA256: a.SHA256, Rows: a.RowsRead})
	}
	sort.SliceStable(m.Inputs, func(i, j int) bool { return m.Inputs[i].Path < m.Inputs[j].Path })
	err := filepath.WalkDir(o.tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(o.tmp, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == manifestFile || rel == markerFile {
			return nil // the marker names the manifest's hash, so it is not listed
		}
		sum, n, err := hashFile(p)
		if err != nil {
			return err
		}
		m.Outputs = append(m.Outputs, ManifestFile{Path: rel, SHA256: sum, Bytes: n})
		return nil
	})
	if err != nil {
		return fmt.Errorf("write %s: cannot hash the outputs: %w", manifestFile, err)
	}
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
	return o.write(manifestFile, func(w *bufio.Writer) error { return jsonout.Write(w, jsonout.Safe(m)) })
}

// hashFile returns the hex SHA-256 and the size of the file at p.
func hashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// manifest is the run's last stage: manifest.json over everything written.
func (st *state) manifest() error { return writeManifest(st.out, st.summary) }
