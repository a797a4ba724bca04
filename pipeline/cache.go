package pipeline

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/tresp/tresp/pipeline/cachedir"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/internal/jsonout"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// stageCache keeps each stage's result under a key derived from everything
// the stage depends on: its inputs' content, its settings and tresp's
// version. A run loads the deepest stage whose key is cached and reruns
// only the stages after it. Entries are written to a temporary name and
// renamed, so a killed run never leaves a half-written entry.
type stageCache struct {
	*cachedir.Dir
}

// snapshot is the state after a stage, as cached.
type snapshot struct {
	Ingested *ingest.Ingested
	Norm     *normalise.Normalised
	Analysis *cohort.Analysis
	Summary  *Summary
}

func (c *stageCache) path(stage, key string) string { return c.Entry(stage, key) }

// load decodes the snapshot of stage under key; false on a miss or an
// unreadable entry (which is then ignored, never an error).
func (c *stageCache) load(stage, key string) (*snapshot, bool) {
	if c == nil {
		return nil, false
	}
	f, err := os.Open(c.path(stage, key) + ".gob")
	if err != nil {
		return nil, false
	}
	defer f.Close()
	s, err := decodeSnapshot(gob.NewDecoder(bufio.NewReaderSize(f, 64<<10)))
	if err != nil {
		return nil, false
	}
	return s, true
}

// store writes the snapshot of stage under key, encoding into the file
// through a buffered writer (encodeSnapshot). Failing to cache is not an
// error of the run: the next run recomputes.
func (c *stageCache) store(stage, key string, s *snapshot) {
	if c == nil {
		return
	}
	p := c.path(stage, key) + ".gob"
	c.WriteAtomic(p, func(w io.Writer) error { return encodeSnapshot(gob.NewEncoder(w), s) })
	c.Prune(filepath.Base(p))
}

// snapshotChunk is the number of case records or courses per gob message.
const snapshotChunk = 4096

// courseChunk is a run of courses as cached: each course's record as an
// index into the snapshot's ingest.Ingested.Cases (Rec[i]; -1 when the course's
// record is not one of them, and Courses[i].Rec is then encoded as is).
type courseChunk struct {
	Courses []cohort.Course
	Rec     []int
}

// encodeSnapshot writes s as a stream of gob messages: the snapshot
// without its case records and courses, then those in chunks of
// snapshotChunk. gob builds each message in memory before writing it, so
// one message of the whole snapshot cost its encoded size (gigabytes at a
// million rows); chunks cost a chunk. A course refers to its record by
// index, so that the record is written once and shared again when loaded.
func encodeSnapshot(enc *gob.Encoder, s *snapshot) error {
	head := *s
	var cases []data.Record
	var courses []*cohort.Course
	if s.Ingested != nil {
		ing := *s.Ingested
		cases, ing.Cases = ing.Cases, nil
		head.Ingested = &ing
	}
	if s.Norm != nil {
		norm := *s.Norm
		courses, norm.Courses = norm.Courses, nil
		head.Norm = &norm
	}
	if err := enc.Encode(&head); err != nil {
		return err
	}
	if err := enc.Encode([2]int{len(cases), len(courses)}); err != nil {
		return err
	}
	for i := 0; i < len(cases); i += snapshotChunk {
		if err := enc.Encode(cases[i:min(i+snapshotChunk, len(cases))]); err != nil {
			return err
		}
	}
	index := map[*data.Record]int{}
	for i := range cases {
		index[&cases[i]] = i
	}
	var chunk courseChunk
	for i := 0; i < len(courses); i += snapshotChunk {
		part := courses[i:min(i+snapshotChunk, len(courses))]
		chunk.Courses, chunk.Rec = chunk.Courses[:0], chunk.Rec[:0]
		for _, c := range part {
			cc, at := *c, -1
			if j, ok := index[c.Rec]; ok {
				cc.Rec, at = nil, j
			}
			chunk.Courses = append(chunk.Courses, cc)
			chunk.Rec = append(chunk.Rec, at)
		}
		if err := enc.Encode(&chunk); err != nil {
			return err
		}
	}
	return nil
}

// decodeSnapshot reads what encodeSnapshot wrote.
func decodeSnapshot(dec *gob.Decoder) (*snapshot, error) {
	var s snapshot
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	var n [2]int
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	if n[0] > 0 && s.Ingested == nil || n[1] > 0 && s.Norm == nil {
		return nil, errors.New("cache: records or courses without their stage")
	}
	var cases []data.Record
	if n[0] > 0 {
		cases = make([]data.Record, 0, n[0])
	}
	for len(cases) < n[0] {
		var part []data.Record
		if err := dec.Decode(&part); err != nil {
			return nil, err
		}
		if len(part) == 0 || len(cases)+len(part) > n[0] {
			return nil, errors.New("cache: bad record chunk")
		}
		cases = append(cases, part...)
	}
	if s.Ingested != nil {
		s.Ingested.Cases = cases
	}
	var courses []*cohort.Course
	if n[1] > 0 {
		courses = make([]*cohort.Course, 0, n[1])
	}
	for len(courses) < n[1] {
		var chunk courseChunk
		if err := dec.Decode(&chunk); err != nil {
			return nil, err
		}
		if len(chunk.Courses) == 0 || len(chunk.Rec) != len(chunk.Courses) || len(courses)+len(chunk.Courses) > n[1] {
			return nil, errors.New("cache: bad course chunk")
		}
		for i := range chunk.Courses {
			c := &chunk.Courses[i]
			if !c.Complete() {
				return nil, errors.New("cache: course without its readings")
			}
			if j := chunk.Rec[i]; j >= 0 {
				if j >= len(cases) {
					return nil, errors.New("cache: course record out of range")
				}
				c.Rec = &cases[j]
			}
			courses = append(courses, c)
		}
	}
	if s.Norm != nil {
		s.Norm.Courses = courses
	}
	return &s, nil
}

// stageKeys derives the cache key of every stage: each key hashes the key
// of the stage before it plus what the stage itself reads. It records each
// input's content hash in inputs, for ingest to reuse.
func stageKeys(ctx context.Context, cfg *config.Config, inputs []ingest.Input) (map[string]string, error) {
	h := func(parts ...any) string {
		d := sha256.New()
		for _, p := range parts {
			b, _ := json.Marshal(p)
			d.Write(b)
			d.Write([]byte{0})
		}
		return hex.EncodeToString(d.Sum(nil))
	}
	var hashes []string
	for i := range inputs {
		s, err := inputs[i].Hash(ctx)
		if err != nil {
			return nil, err
		}
		hashes = append(hashes, inputs[i].Name, s)
	}
	var vocab []string
	for _, v := range cfg.Vocabulary {
		s, err := (&ingest.Input{Name: v, Path: v}).Hash(ctx)
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		if err != nil {
			return nil, &config.Error{Key: "vocabulary", Msg: err.Error()}
		}
		vocab = append(vocab, v, s)
	}
	var decisions []string
	if cfg.Decisions != "" {
		s, err := (&ingest.Input{Name: cfg.Decisions, Path: cfg.Decisions}).Hash(ctx)
		if err != nil {
			return nil, &config.Error{Key: "decisions", Msg: err.Error()}
		}
		decisions = append(decisions, cfg.Decisions, s)
	}
	k := map[string]string{}
	k["ingest"] = h("ingest", Version, buildID(), hashes, cfg.Read)
	k["normalise"] = h(k["ingest"], "normalise", vocab, decisions, cfg.Strict)
	k["analyse"] = h(k["normalise"], "analyse", cfg.Analysis)
	k["render"] = h(k["analyse"], "render", jsonout.Safe(cfg))
	return k, nil
}

var (
	buildIDOnce sync.Once
	buildIDHash string
)

// buildID identifies the running binary by its path, size and
// modification time, so that a rebuilt tresp never reuses results cached
// by another build of the same version (cheaper than hashing the binary).
func buildID() string {
	buildIDOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			return
		}
		st, err := os.Stat(exe)
		if err != nil {
			return
		}
		buildIDHash = fmt.Sprintf("%s %d %d", exe, st.Size(), st.ModTime().UnixNano())
	})
	return buildIDHash
}

// loadFiles copies the cached render files under key into dir (nil cache: none).
func (c *stageCache) loadFiles(key, dir string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	return c.LoadFiles(key, dir)
}

// storeFiles caches the render files written into dir under key (nil cache: nothing).
func (c *stageCache) storeFiles(key, dir string, files []string) {
	if c == nil {
		return
	}
	c.StoreFiles(key, dir, files)
}
