package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// outDir writes a run's outputs into a temporary directory beside the
// final one and swaps it into place on Commit.
type outDir struct {
	final string
	tmp   string
	files []string // relative paths written, in order
}

// markerFile identifies a directory as a tresp output directory.
const markerFile = "summary.json"

func newOutDir(final string) (*outDir, error) {
	final = filepath.Clean(final)
	if st, err := os.Stat(final); err == nil {
		if !st.IsDir() {
			return nil, fmt.Errorf("output %s exists and is not a directory: choose another --out", final)
		}
		ents, _ := os.ReadDir(final)
		if len(ents) > 0 {
			if _, err := os.Stat(filepath.Join(final, markerFile)); err != nil {
				return nil, fmt.Errorf("output %s is a non-empty directory that tresp did not write (no %s): choose another --out or empty it", final, markerFile)
			}
		}
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary output directory in %s: %w", parent, err)
	}
	return &outDir{final: final, tmp: tmp}, nil
}

// create opens rel for writing inside the temporary directory.
func (o *outDir) create(rel string) (*os.File, error) {
	p := filepath.Join(o.tmp, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	o.files = append(o.files, rel)
	return f, nil
}

// write creates rel and lets fill write it through a buffer.
func (o *outDir) write(rel string, fill func(w *bufio.Writer) error) error {
	f, err := o.create(rel)
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = fill(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// commit replaces the final directory with the temporary one. The old
// directory is moved aside first and removed only after the swap.
func (o *outDir) commit() error {
	old := ""
	if _, err := os.Stat(o.final); err == nil {
		old = o.final + ".old-" + strconv.Itoa(os.Getpid())
		os.RemoveAll(old)
		if err := os.Rename(o.final, old); err != nil {
			return fmt.Errorf("cannot move the previous %s aside: %w", o.final, err)
		}
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		if old != "" {
			os.Rename(old, o.final)
		}
		return fmt.Errorf("cannot move the new output into %s: %w", o.final, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// abort removes the temporary directory.
func (o *outDir) abort() { os.RemoveAll(o.tmp) }
