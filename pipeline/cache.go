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
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// stageCache keeps each stage's result under a key derived from everything
// the stage depends on: its inputs' content, its settings and tresp's
// version. A run loads the deepest stage whose key is cached and reruns
// only the stages after it. Entries are written to a temporary name and
// renamed, so a killed run never leaves a half-written entry.
type stageCache struct {
	dir string
}

// snapshot is the state after a stage, as cached.
type snapshot struct {
	Ingested *Ingested
	Norm     *Normalised
	Analysis *Analysis
	Summary  *Summary
}

func (c *stageCache) path(stage, key string) string {
	return filepath.Join(c.dir, stage+"-"+key[:32])
}

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
	var s snapshot
	if err := gob.NewDecoder(bufio.NewReaderSize(f, 64<<10)).Decode(&s); err != nil {
		return nil, false
	}
	return &s, true
}

// store writes the snapshot of stage under key, encoding into the file
// through a buffered writer. (gob still builds each top-level value's
// message in memory before writing it, so a snapshot of a large table
// costs its encoded size once; it no longer costs it twice.) Failing to
// cache is not an error of the run: the next run recomputes.
func (c *stageCache) store(stage, key string, s *snapshot) {
	if c == nil {
		return
	}
	c.writeAtomic(c.path(stage, key)+".gob", func(w io.Writer) error { return gob.NewEncoder(w).Encode(s) })
}

func (c *stageCache) writeAtomic(path string, write func(io.Writer) error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-")
	if err != nil {
		return
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
	}
}

// loadFiles copies the cached output files of the render stage into dir.
func (c *stageCache) loadFiles(key, dir string) ([]string, bool) {
	if c == nil {
		return nil, false
	}
	src := c.path("render", key)
	if _, err := os.Stat(src); err != nil {
		return nil, false
	}
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := copyFile(p, dst); err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	return files, err == nil
}

// storeFiles keeps a copy of the files written into dir under key.
func (c *stageCache) storeFiles(key, dir string, files []string) {
	if c == nil {
		return
	}
	dst := c.path("render", key)
	tmp, err := os.MkdirTemp(c.dir, ".tmp-render-")
	if err != nil {
		return
	}
	for _, rel := range files {
		p := filepath.Join(tmp, filepath.FromSlash(rel))
		if os.MkdirAll(filepath.Dir(p), 0o755) != nil || copyFile(filepath.Join(dir, filepath.FromSlash(rel)), p) != nil {
			os.RemoveAll(tmp)
			return
		}
	}
	os.RemoveAll(dst)
	if os.Rename(tmp, dst) != nil {
		os.RemoveAll(tmp)
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// stageKeys derives the cache key of every stage: each key hashes the key
// of the stage before it plus what the stage itself reads. It records each
// input's content hash in inputs, for ingest to reuse.
func stageKeys(ctx context.Context, cfg *Config, inputs []Input) (map[string]string, error) {
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
	for i, in := range inputs {
		s, err := hashInput(ctx, in)
		if err != nil {
			return nil, err
		}
		inputs[i].sha256 = s
		hashes = append(hashes, in.Name, s)
	}
	var vocab []string
	for _, v := range cfg.Vocabulary {
		s, err := hashInput(ctx, Input{Name: v, Path: v})
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		if err != nil {
			return nil, &ConfigError{Key: "vocabulary", Msg: err.Error()}
		}
		vocab = append(vocab, v, s)
	}
	var decisions []string
	if cfg.Decisions != "" {
		s, err := hashInput(ctx, Input{Name: cfg.Decisions, Path: cfg.Decisions})
		if err != nil {
			return nil, &ConfigError{Key: "decisions", Msg: err.Error()}
		}
		decisions = append(decisions, cfg.Decisions, s)
	}
	k := map[string]string{}
	k["ingest"] = h("ingest", Version, buildID(), hashes, cfg.Read)
	k["normalise"] = h(k["ingest"], "normalise", vocab, decisions, cfg.Strict)
	k["analyse"] = h(k["normalise"], "analyse", cfg.Analysis)
	k["render"] = h(k["analyse"], "render", jsonSafe(cfg))
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
