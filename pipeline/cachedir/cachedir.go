// Package cachedir owns the files of the stage cache: entries written through a temporary
// name and a rename, the cached render files copied in and out, and a size bound kept by
// removing the oldest entries of earlier runs — only ever names tresp writes there. What
// an entry holds (the gob snapshot of a stage) is the pipeline's business.
package cachedir

import (
	"bufio"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// staleTemp matches the temporaries WriteAtomic and StoreFiles create (os.CreateTemp
// and os.MkdirTemp append digits); one older than staleAfter was left by a killed run.
var staleTemp = regexp.MustCompile(`^\.tmp-(render-)?[0-9]+$`)

const staleAfter = time.Hour

// DefaultMaxBytes is the size bound of a cache whose MaxBytes is 0: 2 GiB.
const DefaultMaxBytes = 2 << 30

// Dir is one cache directory. A nil *Dir caches nothing.
type Dir struct {
	Path     string
	MaxBytes int64 // 0: DefaultMaxBytes

	mu      sync.Mutex
	written map[string]bool // entry names this run stored: never pruned by it
}

// Entry returns the path of the entry of stage under key (a .gob file for a stage
// snapshot, a directory for "render").
func (d *Dir) Entry(stage, key string) string {
	return filepath.Join(d.Path, stage+"-"+key[:32])
}

// WriteAtomic writes a file of the cache through a temporary name and a rename, so that a
// killed run never leaves a half-written entry. Failing to cache is not an error of the
// run: the next run recomputes.
func (d *Dir) WriteAtomic(path string, write func(io.Writer) error) {
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

// LoadFiles copies the cached output files of the render stage under key into dir and
// returns their paths relative to dir; false when there is no such entry or a copy fails.
func (d *Dir) LoadFiles(key, dir string) ([]string, bool) {
	if d == nil {
		return nil, false
	}
	src := d.Entry("render", key)
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

// StoreFiles keeps a copy of the files written into dir (relative paths) under key.
func (d *Dir) StoreFiles(key, dir string, files []string) {
	if d == nil {
		return
	}
	dst := d.Entry("render", key)
	tmp, err := os.MkdirTemp(d.Path, ".tmp-render-")
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
	d.Prune(filepath.Base(dst))
}

// cacheEntry matches the names of the entries tresp writes into a cache
// directory (stage-key.gob files and render-key directories): pruning
// touches nothing else there, and only an entry of the right type
// (isCacheEntry).
var cacheEntry = regexp.MustCompile(`^((ingest|normalise|analyse)-[0-9a-f]{32}\.gob|render-[0-9a-f]{32})$`)

// isCacheEntry reports whether info is an entry tresp writes: a regular
// stage-key.gob file or a render-key directory, never a symbolic link.
func isCacheEntry(info fs.FileInfo) bool {
	if !cacheEntry.MatchString(info.Name()) {
		return false
	}
	if strings.HasSuffix(info.Name(), ".gob") {
		return info.Mode().IsRegular()
	}
	return info.IsDir()
}

// Prune removes the oldest cache entries (by modification time, then name)
// until the cache holds at most MaxBytes, never an entry this run stored
// (just, the one it has just written, and those before it) and never a file
// whose name is not one of tresp's entries. Failing to prune is not an error
// of the run.
func (d *Dir) Prune(just string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.written == nil {
		d.written = map[string]bool{}
	}
	d.written[just] = true
	limit := d.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	des, err := os.ReadDir(d.Path)
	if err != nil {
		return
	}
	type entry struct {
		name string
		size int64
		mod  int64
	}
	var es []entry
	var total int64
	for _, de := range des {
		if staleTemp.MatchString(de.Name()) {
			// a temporary a killed run left behind (WriteAtomic, StoreFiles)
			if info, err := os.Lstat(filepath.Join(d.Path, de.Name())); err == nil && info.Mode()&fs.ModeSymlink == 0 &&
				time.Since(info.ModTime()) > staleAfter {
				os.RemoveAll(filepath.Join(d.Path, de.Name()))
			}
			continue
		}
		if !cacheEntry.MatchString(de.Name()) {
			continue
		}
		p := filepath.Join(d.Path, de.Name())
		info, err := os.Lstat(p)
		if err != nil || !isCacheEntry(info) {
			continue
		}
		size := info.Size()
		if info.IsDir() {
			size = dirSize(p)
		}
		es = append(es, entry{de.Name(), size, info.ModTime().UnixNano()})
		total += size
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].mod != es[j].mod {
			return es[i].mod < es[j].mod
		}
		return es[i].name < es[j].name
	})
	for _, e := range es {
		if total <= limit {
			break
		}
		if d.written[e.name] {
			continue
		}
		if os.RemoveAll(filepath.Join(d.Path, e.name)) == nil {
			total -= e.size
		}
	}
}

// dirSize is the total size of the regular files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
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
