package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/pipeline/config"
)

// Synth writes a generated case table (package synth) to path, or to stdout when path
// is "-". It never replaces an existing file: an existing path is an *OutputError.
func Synth(path string, f synth.Format, o synth.Options, stdout *os.File) error {
	if o.Rows < 0 {
		return &config.Error{Key: "rows", Msg: fmt.Sprintf("%d rows: write a count of zero or more", o.Rows)}
	}
	if path == "-" {
		bw := bufio.NewWriterSize(stdout, 1<<20)
		if err := synth.Write(bw, f, o); err != nil {
			return err
		}
		return bw.Flush()
	}
	out, err := CreateNew(path, "tresp synth")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	err = synth.Write(bw, f, o)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path) // our own partial file
		return &OutputError{Dir: path, Msg: "cannot write the generated table: " + err.Error(), Err: err}
	}
	return nil
}

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
