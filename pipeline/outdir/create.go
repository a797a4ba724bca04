package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// CreateNew creates path for a command that writes one file (tresp synth, tresp
// normalise). It never replaces a file: an existing path, like any failure to create
// it, is an *OutputError (exit 2) that names the command.
func CreateNew(path, command string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, &OutputError{Dir: path, Msg: fmt.Sprintf("%s exists: %s never replaces a file (choose another path or remove it)", path, command)}
	}
	if err != nil {
		return nil, &OutputError{Dir: path, Msg: "cannot create " + path + ": " + err.Error(), Err: err}
	}
	return f, nil
}
