package outdir

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CheckPath refuses, before anything is touched, an --out that holds
// more than an output: the file system root, the current directory or a
// parent of it, the home directory or a parent of it, an input, or a
// directory holding an input (others lists more files read, such as
// vocabularies). It also refuses an existing --out that is not a
// directory.
func CheckPath(out string, inputs []string, others []string) error {
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
		if in != "" {
			ins = append(ins, in)
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
