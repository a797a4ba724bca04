package outdir

// The output directory contract (stated for users in docs/ci.md, "The
// output directory"):
//
//   - tresp replaces a directory only if it holds tresp's marker file
//     (.tresp-output) whose manifest-sha256 line matches manifest.json, and
//     every other entry in it is a file manifest.json lists with the same
//     SHA-256. Anything else is a foreign file: the run stops with an
//     *OutputError (exit 2) naming them, unless --clean asked to move them
//     into a backup directory beside --out first. --force never overrides.
//   - Temporaries live beside --out under exact names, .OUT.tmp-ID and
//     .OUT.old-ID with ID 16 lowercase hex digits; one is removed only when
//     its marker says tresp wrote it (a temporary's marker names its ID).
//     Nothing is ever found by a prefix glob.
//   - Paths that hold more than an output (/, the current directory or a
//     parent of it, the home directory or a parent of it, an input or a
//     directory holding one) are refused before anything is touched.
//   - The commit writes a journal (.OUT.tresp-journal) before its first
//     rename and removes it after its last step, so the next run can finish
//     or undo a commit killed at any instant: it restores the previous
//     output, or installs the new complete one, and never deletes both.
//   - Removing an old output deletes only the files its manifest lists
//     with unchanged contents; whatever is left is renamed to a backup
//     directory, never deleted.

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
)

const (
	// ManifestName is the manifest inside an output directory: every
	// file with its SHA-256 and size.
	ManifestName = "manifest.json"
	// MarkerFile marks a directory as written by tresp; see finalMarker
	// and TempMarker for its two forms.
	MarkerFile = ".tresp-output"

	finalMarkerHead = "tresp output directory: tresp replaces it only while every file in it is listed in manifest.json\n"
	tempMarkerHead  = "tresp temporary output directory\n"
)

// finalMarker is the marker of a complete output directory: it names the
// SHA-256 of the manifest.json beside it.
func finalMarker(manifestSum string) string {
	return finalMarkerHead + "manifest-sha256 " + manifestSum + "\n"
}

// TempMarker is the marker of a temporary directory being written by the
// run id.
func TempMarker(id string) string { return tempMarkerHead + "run " + id + "\n" }

// OutputError is a problem with --out that the user can fix: a path that
// must not be replaced, a directory tresp did not write, foreign files in
// an output directory, or the file system refusing a write (permissions,
// a read-only or full disk). It maps to exit code 2.
type OutputError struct {
	// Dir is --out as given.
	Dir string
	// Msg says what is wrong and what to do.
	Msg string
	// Files are the foreign entries, relative to Dir, when that is the
	// problem.
	Files []string
	// Err is the underlying error, if any.
	Err error
}

// Error returns "--out DIR: MSG".
func (e *OutputError) Error() string { return "--out " + e.Dir + ": " + e.Msg }

// Unwrap returns the underlying error.
func (e *OutputError) Unwrap() error { return e.Err }

// envErrno returns the errno of err when it is a failure of the
// environment (permissions, read-only or full file system) rather than of
// tresp, with advice on what to do.
func envErrno(err error) (string, bool) {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return "", false
	}
	switch errno {
	case syscall.EACCES, syscall.EPERM:
		return "permission denied: choose a directory you can write, or change its permissions", true
	case syscall.EROFS:
		return "the file system is read-only: choose another --out", true
	case syscall.ENOSPC, syscall.EDQUOT:
		return "no space left on the device: free some space or choose another --out", true
	case syscall.EFBIG:
		return "a file is too large for the file system: choose another --out", true
	case syscall.ENOTDIR:
		return "a parent of the path is not a directory: choose another --out", true
	case syscall.EIO:
		return "input/output error from the device: check the disk, or choose another --out", true
	}
	return "", false
}

// outputFailure wraps err as an *OutputError when the environment caused
// it; otherwise it returns err with what annotated.
func outputFailure(dir, what string, err error) error {
	if advice, ok := envErrno(err); ok {
		return &OutputError{Dir: dir, Msg: what + ": " + advice, Err: err}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Failure is err, from writing what into the output directory, as Write reports
// it: an *OutputError when the environment caused it (a full or read-only disk,
// permissions), else err annotated with what.
func (o *Dir) Failure(what string, err error) error { return outputFailure(o.Final, what, err) }

// outNames derives every name beside --out that tresp uses.
type outNames struct{ parent, base string }

func namesOf(final string) outNames {
	final = filepath.Clean(final)
	return outNames{parent: filepath.Dir(final), base: filepath.Base(final)}
}

func (n outNames) final() string { return filepath.Join(n.parent, n.base) }
func (n outNames) temp(id string) string {
	return filepath.Join(n.parent, "."+n.base+".tmp-"+id)
}
func (n outNames) old(id string) string {
	return filepath.Join(n.parent, "."+n.base+".old-"+id)
}
func (n outNames) journal() string { return filepath.Join(n.parent, "."+n.base+".tresp-journal") }
func (n outNames) lock() string    { return filepath.Join(n.parent, "."+n.base+".tresp-lock") }

var runIDPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)

// match reports whether name is exactly one of n's temporary names,
// returning "tmp" or "old" and the run id.
func (n outNames) match(name string) (kind, id string, ok bool) {
	for _, k := range []string{"tmp", "old"} {
		prefix := "." + n.base + "." + k + "-"
		if rest, found := strings.CutPrefix(name, prefix); found && runIDPattern.MatchString(rest) {
			return k, rest, true
		}
	}
	return "", "", false
}

// newRunID returns 16 random lowercase hex digits.
func newRunID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("pipeline: no randomness for a run id: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}

// Dir writes a run's outputs into a temporary directory beside the
// final one and swaps it into place on commit.
type Dir struct {
	// Final is the output directory, Tmp the temporary directory beside
	// it that the run writes into.
	Final, Tmp string
	id         string
	names      outNames
	// Files are the relative paths written, in order (see SortFiles). Create adds to it
	// under mu, so that two stages may write at once.
	Files []string
	mu    sync.Mutex
	// Ctx, when set, stops Write before each file once it is done.
	Ctx context.Context
	// Leftover is the backup directory an old output's foreign remains
	// were renamed to by Commit, if any.
	Leftover string
}

// TestHookCommit, when set, is called at each step of the commit; a
// non-nil error makes commit return at once, as if the process had been
// killed there.
var TestHookCommit func(step string) error

func commitStep(step string) error {
	if TestHookCommit != nil {
		return TestHookCommit(step)
	}
	return nil
}

// New creates the temporary directory .BASE.tmp-ID beside final,
// with its marker.
func New(final string) (*Dir, error) {
	n := namesOf(final)
	if err := os.MkdirAll(n.parent, 0o755); err != nil {
		return nil, outputFailure(final, "cannot create "+n.parent, err)
	}
	id := newRunID()
	tmp := n.temp(id)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, outputFailure(final, "cannot create a temporary output directory in "+n.parent, err)
	}
	if err := os.WriteFile(filepath.Join(tmp, MarkerFile), []byte(TempMarker(id)), 0o644); err != nil {
		os.RemoveAll(tmp) // created just now, by this run
		return nil, outputFailure(final, "cannot write in "+tmp, err)
	}
	return &Dir{Final: n.final(), Tmp: tmp, id: id, names: n}, nil
}

// create opens rel for writing inside the temporary directory.
func (o *Dir) Create(rel string) (*os.File, error) {
	p := filepath.Join(o.Tmp, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	o.mu.Lock()
	o.Files = append(o.Files, rel)
	o.mu.Unlock()
	return f, nil
}

// SortFiles puts Files in name order: after stages that wrote at once, their order is
// the scheduler's.
func (o *Dir) SortFiles() {
	o.mu.Lock()
	slices.Sort(o.Files)
	o.mu.Unlock()
}

// write creates rel and lets fill write it through a buffer.
func (o *Dir) Write(rel string, fill func(w *bufio.Writer) error) error {
	if o.Ctx != nil && o.Ctx.Err() != nil {
		return fmt.Errorf("interrupted before writing %s: %w", rel, o.Ctx.Err())
	}
	f, err := o.Create(rel)
	if err != nil {
		return outputFailure(o.Final, "write "+rel, err)
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
		return outputFailure(o.Final, "write "+rel, err)
	}
	return nil
}

// seal replaces the temporary marker with the final one, naming the
// SHA-256 of the manifest already written. It must follow writeManifest.
func (o *Dir) Seal() error {
	b, err := os.ReadFile(filepath.Join(o.Tmp, ManifestName))
	if err != nil {
		return outputFailure(o.Final, "read back "+ManifestName, err)
	}
	sum := sha256.Sum256(b)
	next := filepath.Join(o.Tmp, MarkerFile+".new")
	if err := os.WriteFile(next, []byte(finalMarker(hex.EncodeToString(sum[:]))), 0o644); err != nil {
		return outputFailure(o.Final, "write "+MarkerFile, err)
	}
	if err := os.Rename(next, filepath.Join(o.Tmp, MarkerFile)); err != nil {
		return outputFailure(o.Final, "write "+MarkerFile, err)
	}
	return nil
}

// journal records a commit in progress, beside --out.
type journal struct {
	Tool  string `json:"tool"`
	Run   string `json:"run"`
	Final string `json:"final"`
	Temp  string `json:"temp"`
	Old   string `json:"old"`
}

// commit replaces the final directory with the sealed temporary one:
// journal, move the previous output aside, move the new one in, remove
// what the previous output's manifest lists, drop the journal. A kill at
// any step is undone or finished by Recover.
func (o *Dir) Commit() error {
	n := o.names
	old := n.old(o.id)
	j := journal{Tool: "tresp", Run: o.id, Final: n.base, Temp: filepath.Base(o.Tmp), Old: filepath.Base(old)}
	if err := writeJournal(n.journal(), j); err != nil {
		os.Remove(n.journal())
		return outputFailure(o.Final, "cannot write the commit journal "+n.journal(), err)
	}
	if err := commitStep("journal"); err != nil {
		return err
	}
	moved := false
	if _, err := os.Lstat(o.Final); err == nil {
		if err := os.Rename(o.Final, old); err != nil {
			os.Remove(n.journal())
			return outputFailure(o.Final, "cannot move the previous output aside", err)
		}
		moved = true
	}
	if err := commitStep("aside"); err != nil {
		return err
	}
	if err := os.Rename(o.Tmp, o.Final); err != nil {
		if moved {
			if rerr := os.Rename(old, o.Final); rerr != nil {
				// Keep the journal: the next run restores old.
				return outputFailure(o.Final, "cannot move the new output into place (the previous output is kept in "+old+" and restored by the next run)", err)
			}
		}
		os.Remove(n.journal())
		return outputFailure(o.Final, "cannot move the new output into place", err)
	}
	if err := commitStep("swapped"); err != nil {
		return err
	}
	if moved {
		o.Leftover = removeOwned(old, n)
	}
	if err := commitStep("cleaned"); err != nil {
		return err
	}
	os.Remove(n.journal())
	return nil
}

// writeJournal writes j to path and syncs it, so that a journal that can
// be read was complete before the first rename.
func writeJournal(path string, j journal) error {
	b, _ := json.Marshal(j)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// abort removes the temporary directory, which this run created.
func (o *Dir) Abort() {
	if o != nil && o.Tmp != "" {
		os.RemoveAll(o.Tmp)
	}
}
