package cachedir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCachePruned: over its size bound, the cache loses the oldest entries of earlier runs
// first, never an entry just written and never a file that is not one of its entries.
func TestCachePruned(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int, age time.Duration) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	key := func(c byte) string { return strings.Repeat(string(c), 32) }
	write("ingest-"+key('a')+".gob", 400, 3*time.Hour)  // oldest: pruned
	write("analyse-"+key('b')+".gob", 400, 2*time.Hour) // pruned
	write("normalise-"+key('c')+".gob", 400, time.Hour) // kept: the cache fits after the two
	write("notes.txt", 5000, 4*time.Hour)               // not an entry: never touched
	write("ingest-"+key('d')+".gob", 400, 5*time.Hour)  // the oldest, but written by this run
	// names of tresp's entries on entries of the wrong type: a directory
	// named like a .gob file, a .gob render or a stage entry without .gob
	// are not tresp's, however old
	for _, d := range []string{"analyse-" + key('e') + ".gob", "ingest-" + key('f')} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
		write(filepath.Join(d, "mine.txt"), 400, 6*time.Hour)
	}
	write("render-"+key('9')+".gob", 400, 6*time.Hour)
	c := &Dir{Path: dir, MaxBytes: 1000}
	c.Prune("ingest-" + key('d') + ".gob")
	for name, want := range map[string]bool{
		"ingest-" + key('a') + ".gob": false, "analyse-" + key('b') + ".gob": false,
		"normalise-" + key('c') + ".gob": true, "notes.txt": true, "ingest-" + key('d') + ".gob": true,
		"analyse-" + key('e') + ".gob/mine.txt": true, "ingest-" + key('f') + "/mine.txt": true,
		"render-" + key('9') + ".gob": true,
	} {
		_, err := os.Stat(filepath.Join(dir, name))
		if got := err == nil; got != want {
			t.Errorf("%s: present %v, want %v", name, got, want)
		}
	}
}

// TestStaleTempsPruned: a temporary a killed run left in the cache is removed once it is
// an hour old; a fresh one (a run writing now) and other names are kept.
func TestStaleTempsPruned(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, age time.Duration) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		at := time.Now().Add(-age)
		os.Chtimes(p, at, at)
	}
	mk(".tmp-123456", 2*time.Hour)
	mk(".tmp-654321", time.Minute)
	mk(".tmp-mine", 2*time.Hour)
	(&Dir{Path: dir}).Prune("x")
	for name, want := range map[string]bool{".tmp-123456": false, ".tmp-654321": true, ".tmp-mine": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != want {
			t.Errorf("%s: present %v, want %v", name, err == nil, want)
		}
	}
}
