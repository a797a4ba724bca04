package pipeline

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
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"
)

const (
	// summaryFile is the run summary inside an output directory.
	summaryFile = "summary.json"
	// markerFile marks a directory as written by tresp; see finalMarker
	// and tempMarker for its two forms.
	markerFile = ".tresp-output"

	finalMarkerHead = "tresp output directory: tresp replaces it only while every file in it is listed in manifest.json\n"
	tempMarkerHead  = "tresp temporary output directory\n"
)

// finalMarker is the marker of a complete output directory: it names the
// SHA-256 of the manifest.json beside it.
func finalMarker(manifestSum string) string {
	return finalMarkerHead + "manifest-sha256 " + manifestSum + "\n"
}

// tempMarker is the marker of a temporary directory being written by the
// run id.
func tempMarker(id string) string { return tempMarkerHead + "run " + id + "\n" }

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

// outDir writes a run's outputs into a temporary directory beside the
// final one and swaps it into place on commit.
type outDir struct {
	final string
	tmp   string
	id    string
	names outNames
	files []string // relative paths written, in order
	// ctx, when set, stops write before each file once it is done.
	ctx context.Context
	// leftover is the backup directory an old output's foreign remains
	// were renamed to by commit, if any.
	leftover string
}

// testHookCommit, when set, is called at each step of the commit; a
// non-nil error makes commit return at once, as if the process had been
// killed there.
var testHookCommit func(step string) error

func commitStep(step string) error {
	if testHookCommit != nil {
		return testHookCommit(step)
	}
	return nil
}

// newOutDir creates the temporary directory .BASE.tmp-ID beside final,
// with its marker.
func newOutDir(final string) (*outDir, error) {
	n := namesOf(final)
	if err := os.MkdirAll(n.parent, 0o755); err != nil {
		return nil, outputFailure(final, "cannot create "+n.parent, err)
	}
	id := newRunID()
	tmp := n.temp(id)
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return nil, outputFailure(final, "cannot create a temporary output directory in "+n.parent, err)
	}
	if err := os.WriteFile(filepath.Join(tmp, markerFile), []byte(tempMarker(id)), 0o644); err != nil {
		os.RemoveAll(tmp) // created just now, by this run
		return nil, outputFailure(final, "cannot write in "+tmp, err)
	}
	return &outDir{final: n.final(), tmp: tmp, id: id, names: n}, nil
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
	if o.ctx != nil && o.ctx.Err() != nil {
		return fmt.Errorf("interrupted before writing %s: %w", rel, o.ctx.Err())
	}
	f, err := o.create(rel)
	if err != nil {
		return outputFailure(o.final, "write "+rel, err)
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
		return outputFailure(o.final, "write "+rel, err)
	}
	return nil
}

// seal replaces the temporary marker with the final one, naming the
// SHA-256 of the manifest already written. It must follow writeManifest.
func (o *outDir) seal() error {
	b, err := os.ReadFile(filepath.Join(o.tmp, manifestFile))
	if err != nil {
		return outputFailure(o.final, "read back "+manifestFile, err)
	}
	sum := sha256.Sum256(b)
	next := filepath.Join(o.tmp, markerFile+".new")
	if err := os.WriteFile(next, []byte(finalMarker(hex.EncodeToString(sum[:]))), 0o644); err != nil {
		return outputFailure(o.final, "write "+markerFile, err)
	}
	if err := os.Rename(next, filepath.Join(o.tmp, markerFile)); err != nil {
		return outputFailure(o.final, "write "+markerFile, err)
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
// any step is undone or finished by recoverOutput.
func (o *outDir) commit() error {
	n := o.names
	old := n.old(o.id)
	j := journal{Tool: "tresp", Run: o.id, Final: n.base, Temp: filepath.Base(o.tmp), Old: filepath.Base(old)}
	if err := writeJournal(n.journal(), j); err != nil {
		os.Remove(n.journal())
		return outputFailure(o.final, "cannot write the commit journal "+n.journal(), err)
	}
	if err := commitStep("journal"); err != nil {
		return err
	}
	moved := false
	if _, err := os.Lstat(o.final); err == nil {
		if err := os.Rename(o.final, old); err != nil {
			os.Remove(n.journal())
			return outputFailure(o.final, "cannot move the previous output aside", err)
		}
		moved = true
	}
	if err := commitStep("aside"); err != nil {
		return err
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		if moved {
			if rerr := os.Rename(old, o.final); rerr != nil {
				// Keep the journal: the next run restores old.
				return outputFailure(o.final, "cannot move the new output into place (the previous output is kept in "+old+" and restored by the next run)", err)
			}
		}
		os.Remove(n.journal())
		return outputFailure(o.final, "cannot move the new output into place", err)
	}
	if err := commitStep("swapped"); err != nil {
		return err
	}
	if moved {
		o.leftover = removeOwned(old, n)
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
func (o *outDir) abort() {
	if o != nil && o.tmp != "" {
		os.RemoveAll(o.tmp)
	}
}

// exists reports whether p exists, without following a final symlink.
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// recoverOutput finishes or undoes a commit that was killed, from the
// journal beside final. It must be called with the output lock held. It
// returns a line for the log when it changed something.
func recoverOutput(final string) (string, error) {
	n := namesOf(final)
	b, err := os.ReadFile(n.journal())
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", outputFailure(final, "cannot read the commit journal "+n.journal(), err)
	}
	var j journal
	if json.Unmarshal(b, &j) != nil || j.Tool != "tresp" {
		// The journal is synced before the first rename, so a torn one
		// means the commit never started.
		if err := os.Remove(n.journal()); err != nil {
			return "", outputFailure(final, "cannot remove the unfinished journal "+n.journal(), err)
		}
		return "", nil
	}
	if j.Final != n.base || j.Temp != filepath.Base(n.temp(j.Run)) || j.Old != filepath.Base(n.old(j.Run)) || !runIDPattern.MatchString(j.Run) {
		return "", &OutputError{Dir: final, Msg: fmt.Sprintf("the commit journal %s does not belong to this directory: check what it names, then remove it", n.journal())}
	}
	tmp, old := n.temp(j.Run), n.old(j.Run)
	var msg []string
	switch {
	case !exists(final) && exists(old):
		if err := os.Rename(old, final); err != nil {
			return "", outputFailure(final, "cannot restore the previous output from "+old, err)
		}
		msg = append(msg, "restored the previous output after a run killed while replacing it")
	case !exists(final) && exists(tmp) && ownedOutput(tmp):
		if err := os.Rename(tmp, final); err != nil {
			return "", outputFailure(final, "cannot install the complete output from "+tmp, err)
		}
		msg = append(msg, "installed the complete output of a run killed while committing it")
	}
	if exists(final) && exists(old) {
		if left := removeOwned(old, n); left != "" {
			msg = append(msg, "kept files tresp did not write in "+left)
		}
	}
	if exists(tmp) {
		removeTemp(tmp, j.Run, n)
	}
	if err := os.Remove(n.journal()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", outputFailure(final, "cannot remove the commit journal "+n.journal(), err)
	}
	return strings.Join(msg, "; "), nil
}

// readOwned reads dir's marker and manifest. It returns the files the
// manifest lists, keyed by slash path, or a reason why dir is not a
// complete tresp output directory. markerOK reports whether the marker
// alone is tresp's final marker.
func readOwned(dir string) (listed map[string]ManifestFile, markerOK bool, reason string) {
	mp := filepath.Join(dir, markerFile)
	st, err := os.Lstat(mp)
	if err != nil {
		return nil, false, "no " + markerFile + " marker"
	}
	if !st.Mode().IsRegular() || st.Size() > 4096 {
		return nil, false, markerFile + " is not tresp's marker"
	}
	mb, err := os.ReadFile(mp)
	if err != nil {
		return nil, false, "cannot read " + markerFile + ": " + err.Error()
	}
	rest, ok := strings.CutPrefix(string(mb), finalMarkerHead+"manifest-sha256 ")
	sum, ok2 := strings.CutSuffix(rest, "\n")
	if !ok || !ok2 || len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" {
		return nil, false, markerFile + " is not tresp's marker of a complete output"
	}
	fp := filepath.Join(dir, manifestFile)
	if st, err := os.Lstat(fp); err != nil || !st.Mode().IsRegular() {
		return nil, true, "no " + manifestFile
	}
	b, err := os.ReadFile(fp)
	if err != nil {
		return nil, true, "cannot read " + manifestFile + ": " + err.Error()
	}
	got := sha256.Sum256(b)
	if hex.EncodeToString(got[:]) != sum {
		return nil, true, manifestFile + " is not the one " + markerFile + " names"
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil || m.Tool != "tresp" {
		return nil, true, manifestFile + " is not tresp's"
	}
	listed = map[string]ManifestFile{}
	for _, f := range m.Outputs {
		p := f.Path
		if p == "" || strings.HasPrefix(p, "/") || path2Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") ||
			p == markerFile || p == manifestFile {
			return nil, true, fmt.Sprintf("%s lists %q, which is not a path inside the directory", manifestFile, p)
		}
		listed[p] = f
	}
	return listed, true, ""
}

// path2Clean cleans a slash-separated path.
func path2Clean(p string) string { return filepath.ToSlash(filepath.Clean(filepath.FromSlash(p))) }

// ownedOutput reports whether dir is a complete tresp output directory.
func ownedOutput(dir string) bool {
	_, _, reason := readOwned(dir)
	return reason == ""
}

// sameFile reports whether the regular file at p still has the size and
// SHA-256 the manifest records.
func sameFile(p string, f ManifestFile) bool {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() != f.Bytes {
		return false
	}
	sum, _, err := hashFile(p)
	return err == nil && sum == f.SHA256
}

// foreignEntry is an entry of an output directory that tresp did not
// write, or changed since it did.
type foreignEntry struct {
	rel string // slash path; a directory ends in "/"
	why string // "" or a note such as "changed since tresp wrote it"
}

func (f foreignEntry) String() string {
	if f.why == "" {
		return f.rel
	}
	return f.rel + " (" + f.why + ")"
}

// foreignEntries lists what in dir is neither the marker, the manifest,
// a file the manifest lists with unchanged contents, nor a directory
// holding one of those.
func foreignEntries(dir string, listed map[string]ManifestFile) ([]foreignEntry, error) {
	parents := map[string]bool{}
	for p := range listed {
		for d := pathDir(p); d != "."; d = pathDir(d) {
			parents[d] = true
		}
	}
	var out []foreignEntry
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		r, _ := filepath.Rel(dir, p)
		rel := filepath.ToSlash(r)
		switch {
		case d.IsDir():
			if !parents[rel] {
				out = append(out, foreignEntry{rel: rel + "/"})
				return filepath.SkipDir
			}
		case rel == markerFile || rel == manifestFile:
		case !d.Type().IsRegular():
			out = append(out, foreignEntry{rel: rel, why: "not a regular file"})
		default:
			f, ok := listed[rel]
			switch {
			case !ok:
				out = append(out, foreignEntry{rel: rel})
			case !sameFile(p, f):
				out = append(out, foreignEntry{rel: rel, why: "changed since tresp wrote it"})
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out, err
}

func pathDir(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "."
	}
	return p[:i]
}

// listEntries writes at most ten entries, then a count of the rest.
func listEntries(fe []foreignEntry) string {
	var b strings.Builder
	for i, f := range fe {
		if i == 10 {
			fmt.Fprintf(&b, " and %d more", len(fe)-10)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}

// prepareOutput checks that final may be replaced: it does not exist, is
// empty, or is a tresp output directory with nothing foreign in it. With
// clean, foreign entries are first moved into a new backup directory
// beside final, whose path is returned. Called with the lock held.
func prepareOutput(final string, clean bool) (backup string, moved []string, err error) {
	st, err := os.Lstat(final)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, nil
	}
	if err != nil {
		return "", nil, outputFailure(final, "cannot inspect the output directory", err)
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return "", nil, &OutputError{Dir: final, Msg: "is a symbolic link: give the directory it points to, or another --out"}
	}
	if !st.IsDir() {
		return "", nil, &OutputError{Dir: final, Msg: "exists and is not a directory: choose another --out"}
	}
	ents, err := os.ReadDir(final)
	if err != nil {
		return "", nil, outputFailure(final, "cannot list the output directory", err)
	}
	if len(ents) == 0 {
		return "", nil, nil
	}
	listed, _, reason := readOwned(final)
	if reason != "" {
		return "", nil, &OutputError{Dir: final, Msg: fmt.Sprintf("is a non-empty directory that tresp did not write (%s); tresp replaces only its own output directories: choose another --out, or empty this one yourself", reason)}
	}
	foreign, err := foreignEntries(final, listed)
	if err != nil {
		return "", nil, outputFailure(final, "cannot inspect the output directory", err)
	}
	if len(foreign) == 0 {
		return "", nil, nil
	}
	files := make([]string, len(foreign))
	for i, f := range foreign {
		files[i] = f.rel
	}
	if !clean {
		return "", nil, &OutputError{Dir: final, Files: files, Msg: fmt.Sprintf(
			"holds %s that tresp did not write or that changed since it wrote them: %s; move them out of the directory, or rerun with --clean to move them into a backup directory beside it (--force does not override this)",
			plural(len(foreign), "entry", "entries"), listEntries(foreign))}
	}
	backup, err = newBackupDir(namesOf(final))
	if err != nil {
		return "", nil, outputFailure(final, "cannot create a backup directory for --clean", err)
	}
	for _, f := range foreign {
		rel := strings.TrimSuffix(f.rel, "/")
		dst := filepath.Join(backup, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return backup, moved, outputFailure(final, "cannot move "+rel+" into "+backup, err)
		}
		if err := os.Rename(filepath.Join(final, filepath.FromSlash(rel)), dst); err != nil {
			return backup, moved, outputFailure(final, "cannot move "+rel+" into "+backup, err)
		}
		moved = append(moved, f.rel)
	}
	return backup, moved, nil
}

// newBackupDir creates BASE.tresp-backup-YYYYMMDD-HHMMSS (with -2, -3, …
// when taken) beside --out.
func newBackupDir(n outNames) (string, error) {
	stem := filepath.Join(n.parent, n.base+".tresp-backup-"+time.Now().Format("20060102-150405"))
	p := stem
	for i := 2; ; i++ {
		err := os.Mkdir(p, 0o755)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrExist) || i > 1000 {
			return "", err
		}
		p = fmt.Sprintf("%s-%d", stem, i)
	}
}

// removeOwned deletes from dir, a former output directory, the files its
// manifest lists with unchanged contents, then the manifest, the marker
// and the directories left empty. Anything else stays: the directory is
// then renamed to a backup directory beside --out, whose path is
// returned ("" when dir is gone).
func removeOwned(dir string, n outNames) string {
	listed, markerOK, reason := readOwned(dir)
	if reason == "" {
		for rel, f := range listed {
			if p := filepath.Join(dir, filepath.FromSlash(rel)); sameFile(p, f) {
				os.Remove(p)
			}
		}
		os.Remove(filepath.Join(dir, manifestFile))
	}
	if markerOK {
		// A marker without its manifest is left by a removal killed
		// after the manifest went; the marker itself is still tresp's.
		os.Remove(filepath.Join(dir, markerFile))
	}
	removeEmptyDirs(dir)
	if !exists(dir) {
		return ""
	}
	b, err := newBackupDir(n)
	if err != nil {
		return dir
	}
	os.Remove(b)
	if os.Rename(dir, b) != nil {
		return dir
	}
	return b
}

// removeEmptyDirs removes dir and the directories under it that hold
// nothing, deepest first.
func removeEmptyDirs(dir string) {
	var dirs []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			dirs = append(dirs, p)
		}
		return nil
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		os.Remove(dirs[i]) // fails, harmlessly, on a directory that is not empty
	}
}

// removeTemp removes tmp, a temporary directory named for run id, if its
// marker says this run of tresp wrote it: the temporary marker naming id,
// or, once sealed, the final marker (then only the listed files go).
func removeTemp(tmp, id string, n outNames) {
	if st, err := os.Lstat(tmp); err != nil || !st.IsDir() {
		return
	}
	mb, err := os.ReadFile(filepath.Join(tmp, markerFile))
	if err != nil {
		return
	}
	switch {
	case bytes.Equal(mb, []byte(tempMarker(id))):
		os.RemoveAll(tmp)
	case ownedOutput(tmp):
		removeOwned(tmp, n)
	}
}

// removeStaleTemps removes the temporary directories of killed runs beside
// final: only entries named exactly .BASE.tmp-ID or .BASE.old-ID whose
// marker shows tresp wrote them. Called with the lock held, so no live run
// owns them. It returns log lines for what it kept.
func removeStaleTemps(final string) []string {
	n := namesOf(final)
	ents, err := os.ReadDir(n.parent)
	if err != nil {
		return nil
	}
	var notes []string
	for _, e := range ents {
		kind, id, ok := n.match(e.Name())
		if !ok || !e.IsDir() {
			continue
		}
		p := filepath.Join(n.parent, e.Name())
		switch kind {
		case "tmp":
			removeTemp(p, id, n)
		case "old":
			if ownedOutput(p) {
				if left := removeOwned(p, n); left != "" {
					notes = append(notes, "kept files tresp did not write in "+left)
				}
			}
		}
	}
	return notes
}

// checkOutPath refuses, before anything is touched, an --out that holds
// more than an output: the file system root, the current directory or a
// parent of it, the home directory or a parent of it, an input, or a
// directory holding an input (others lists more files read, such as
// vocabularies). It also refuses an existing --out that is not a
// directory.
func checkOutPath(out string, inputs []Input, others []string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return &OutputError{Dir: out, Msg: "cannot make the path absolute: " + err.Error(), Err: err}
	}
	forms := pathForms(abs)
	refuse := func(msg string) error { return &OutputError{Dir: out, Msg: msg} }
	cwd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	var ins []string
	for _, in := range inputs {
		if in.Path != "" {
			ins = append(ins, in.Path)
		}
	}
	ins = append(ins, others...)
	for _, f := range forms {
		if filepath.Dir(f) == f {
			return refuse("is the file system root: give a directory of its own, e.g. --out results")
		}
		if cwd != "" && anyWithin(f, pathForms(cwd)) {
			return refuse("is the current directory or one of its parents: give a directory of its own, e.g. --out results")
		}
		if home != "" && anyWithin(f, pathForms(home)) {
			return refuse("is your home directory or one of its parents: give a directory of its own, e.g. --out results")
		}
		for _, in := range ins {
			ia, err := filepath.Abs(in)
			if err != nil {
				continue
			}
			for _, g := range pathForms(ia) {
				if g == f {
					return refuse(fmt.Sprintf("is the input %s itself: choose another --out", in))
				}
				if within(f, g) {
					return refuse(fmt.Sprintf("holds the input %s: choose a directory that holds no input, e.g. a new one beside it", in))
				}
			}
		}
	}
	if st, err := os.Lstat(abs); err == nil {
		if st.Mode()&fs.ModeSymlink != 0 {
			return refuse("is a symbolic link: give the directory it points to, or another --out")
		}
		if !st.IsDir() {
			return refuse("exists and is not a directory: choose another --out")
		}
	}
	return nil
}

// pathForms returns abs and, when it differs, abs with the symbolic links
// of its longest existing prefix resolved.
func pathForms(abs string) []string {
	forms := []string{abs}
	rest := ""
	for p := abs; ; p = filepath.Dir(p) {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			if real := filepath.Join(r, rest); real != abs {
				forms = append(forms, real)
			}
			break
		}
		if filepath.Dir(p) == p {
			break
		}
		rest = filepath.Join(filepath.Base(p), rest)
	}
	return forms
}

// within reports whether p is dir or inside it.
func within(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

func anyWithin(dir string, ps []string) bool {
	for _, p := range ps {
		if within(dir, p) {
			return true
		}
	}
	return false
}
