package outdir

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// exists reports whether p exists, without following a final symlink.
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// Recover finishes or undoes a commit that was killed, from the
// journal beside final. It must be called with the output lock held. It
// returns a line for the log when it changed something.
func Recover(final string) (string, error) {
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
	case !exists(final) && exists(tmp) && Owned(tmp):
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
func readOwned(dir string) (listed map[string]File, markerOK bool, reason string) {
	mp := filepath.Join(dir, MarkerFile)
	st, err := os.Lstat(mp)
	if err != nil {
		return nil, false, "no " + MarkerFile + " marker"
	}
	if !st.Mode().IsRegular() || st.Size() > 4096 {
		return nil, false, MarkerFile + " is not tresp's marker"
	}
	mb, err := os.ReadFile(mp)
	if err != nil {
		return nil, false, "cannot read " + MarkerFile + ": " + err.Error()
	}
	rest, ok := strings.CutPrefix(string(mb), finalMarkerHead+"manifest-sha256 ")
	sum, ok2 := strings.CutSuffix(rest, "\n")
	if !ok || !ok2 || len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" {
		return nil, false, MarkerFile + " is not tresp's marker of a complete output"
	}
	fp := filepath.Join(dir, ManifestName)
	if st, err := os.Lstat(fp); err != nil || !st.Mode().IsRegular() {
		return nil, true, "no " + ManifestName
	}
	b, err := os.ReadFile(fp)
	if err != nil {
		return nil, true, "cannot read " + ManifestName + ": " + err.Error()
	}
	got := sha256.Sum256(b)
	if hex.EncodeToString(got[:]) != sum {
		return nil, true, ManifestName + " is not the one " + MarkerFile + " names"
	}
	var m struct {
		Tool    string `json:"tool"`
		Outputs []File `json:"outputs"`
	}
	if err := json.Unmarshal(b, &m); err != nil || m.Tool != "tresp" {
		return nil, true, ManifestName + " is not tresp's"
	}
	listed = map[string]File{}
	for _, f := range m.Outputs {
		p := f.Path
		if p == "" || strings.HasPrefix(p, "/") || path2Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") ||
			p == MarkerFile || p == ManifestName {
			return nil, true, fmt.Sprintf("%s lists %q, which is not a path inside the directory", ManifestName, p)
		}
		listed[p] = f
	}
	return listed, true, ""
}

// path2Clean cleans a slash-separated path.
func path2Clean(p string) string { return filepath.ToSlash(filepath.Clean(filepath.FromSlash(p))) }

// Owned reports whether dir is a complete tresp output directory.
func Owned(dir string) bool {
	_, _, reason := readOwned(dir)
	return reason == ""
}

// sameFile reports whether the regular file at p still has the size and
// SHA-256 the manifest records.
func sameFile(p string, f File) bool {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() != f.Bytes {
		return false
	}
	sum, _, err := HashFile(p)
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
func foreignEntries(dir string, listed map[string]File) ([]foreignEntry, error) {
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
		case rel == MarkerFile || rel == ManifestName:
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

// Prepare checks that final may be replaced: it does not exist, is
// empty, or is a tresp output directory with nothing foreign in it. With
// clean, foreign entries are first moved into a new backup directory
// beside final, whose path is returned. Called with the lock held.
func Prepare(final string, clean bool) (backup string, moved []string, err error) {
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
		os.Remove(filepath.Join(dir, ManifestName))
	}
	if markerOK {
		// A marker without its manifest is left by a removal killed
		// after the manifest went; the marker itself is still tresp's.
		os.Remove(filepath.Join(dir, MarkerFile))
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
	mb, err := os.ReadFile(filepath.Join(tmp, MarkerFile))
	if err != nil {
		return
	}
	switch {
	case bytes.Equal(mb, []byte(TempMarker(id))):
		os.RemoveAll(tmp)
	case Owned(tmp):
		removeOwned(tmp, n)
	}
}

// RemoveStaleTemps removes the temporary directories of killed runs beside
// final: only entries named exactly .BASE.tmp-ID or .BASE.old-ID whose
// marker shows tresp wrote them. Called with the lock held, so no live run
// owns them. It returns log lines for what it kept.
func RemoveStaleTemps(final string) []string {
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
			if Owned(p) {
				if left := removeOwned(p, n); left != "" {
					notes = append(notes, "kept files tresp did not write in "+left)
				}
			}
		}
	}
	return notes
}

// plural writes a count with the singular or plural noun: "1 row", "2 rows".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
