package normalise

import (
	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/ingest"
)

// ScanStats counts what Scan saw.
type ScanStats struct {
	Account  ingest.FileAccount
	Courses  int
	Problems int
}

// Scan streams one input through ingest and, when normalise is set,
// normalisation, keeping nothing but counts: memory stays bounded by the
// record batch and the parse caches whatever the file size. `make bench`
// measures ingest and normalisation throughput with it.
func Scan(in ingest.Input, opt ingest.ReadOptions, normalise bool) (ScanStats, error) {
	var st ScanStats
	var n *normaliser
	if normalise {
		n = newNormaliser(vocab.Default(), map[string]*data.Mapping{}, nil)
		n.streaming = true // only counts leave a record
	}
	acct, probs, err := ingest.ReadInput(in, opt, func(m *data.Mapping, rec *data.Record, cells []string, p []data.Problem) error {
		st.Problems += len(p)
		if n == nil || ingest.HasError(p) || m.Kind != data.CaseTable {
			return nil
		}
		n.maps[m.File] = m
		st.Courses += len(n.cases(rec, nil))
		st.Problems += n.probs.Total()
		n.probs.Reset()
		if len(n.vocab) > 10000 {
			n.vocab = map[[2]string]*VocabEntry{}
		}
		return nil
	})
	st.Account = acct
	st.Problems += len(probs)
	return st, err
}

// FileInput returns the ingest.Input for a file on disk.
func FileInput(path string) ingest.Input { return ingest.Input{Name: path, Path: path} }
