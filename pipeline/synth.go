package pipeline

import (
	"bufio"
	"fmt"
	"os"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/pipeline/config"
)

// Synth writes a generated case table (package synth) to path, or to stdout when path
// is "-". It never replaces an existing file: an existing path is an *outdir.OutputError.
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
	out, err := outdir.CreateNew(path, "tresp synth")
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
		return &outdir.OutputError{Dir: path, Msg: "cannot write the generated table: " + err.Error(), Err: err}
	}
	return nil
}
