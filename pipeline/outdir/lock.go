package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Lock is an exclusive lock on an output directory, held for a whole
// run, so two runs never interleave their writes to one directory.
type Lock struct{ f *os.File }

// AcquireLock takes the lock file beside dir (".DIR.tresp-lock", a name of
// tresp's own, so no user file is opened). It does not wait: a second run
// is refused with the holder's process id.
func AcquireLock(dir string) (*Lock, error) {
	dir = filepath.Clean(dir)
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, outputFailure(dir, "cannot create "+filepath.Dir(dir), err)
	}
	path := namesOf(dir).lock()
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, outputFailure(dir, "cannot create the lock "+path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		b := make([]byte, 32)
		n, _ := f.ReadAt(b, 0)
		f.Close()
		holder := strings.TrimSpace(string(b[:n]))
		if holder == "" {
			holder = "another process"
		} else {
			holder = "process " + holder
		}
		return nil, &LockedError{Dir: dir, Holder: holder}
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return &Lock{f: f}, nil
}

// LockedError says another run holds the output directory.
type LockedError struct{ Dir, Holder string }

// Error says who holds the lock and what to do.
func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is being written by %s: wait for it to finish, or choose another --out", e.Dir, e.Holder)
}

func (l *Lock) Release() {
	if l != nil && l.f != nil {
		syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
		l.f.Close()
	}
}
