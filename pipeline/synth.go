package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/tresp/tresp/data/synth"
)

// Synth writes a generated case table (package synth) to path, or to stdout when path
// is "-". It never replaces an existing file: an existing path is an *OutputError.
func Synth(path string, f synth.Format, o synth.Options, stdout *os.File) error {
	if o.Rows < 0 {
		return &ConfigError{Key: "rows", Msg: fmt.Sprintf("%d rows: write a count of zero or more", o.Rows)}
	}
	if path == "-" {
		bw := bufio.NewWriterSize(stdout, 1<<20)
		if err := synth.Write(bw, f, o); err != nil {
			return err
		}
		return bw.Flush()
	}
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return &OutputError{Dir: path, Msg: fmt.Sprintf("%s exists: tresp synth never replaces a file (choose another path or remove it)", path)}
	}
	if err != nil {
		return &OutputError{Dir: path, Msg: "cannot write the generated table: " + err.Error(), Err: err}
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
