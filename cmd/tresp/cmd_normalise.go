package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/tresp/tresp/pipeline/normalise"
	"github.com/tresp/tresp/pipeline/outdir"
)

type normaliseOptions struct {
	out      string
	vocab    []string
	memoryMB int64
}

func (o *normaliseOptions) AddFlags(fs *pflag.FlagSet) {
	fs.StringVarP(&o.out, "out", "o", "", "write the normalised courses to `FILE` (Parquet; never replaced)")
	fs.StringArrayVar(&o.vocab, "vocab", nil, "extend the vocabulary with `FILE` (repeatable; as in tresp run)")
	fs.Int64Var(&o.memoryMB, "memory-limit-mb", 0, fmt.Sprintf("soft memory limit of the Go runtime in `MiB` (0: %d, as a streaming run; GOMEMLIMIT, when set, wins)", streamMemoryLimitMB))
}

func (o *normaliseOptions) Validate() error {
	if o.out == "" {
		return usagef("--out FILE is required: where to write the normalised Parquet file")
	}
	if err := checkMemoryLimit(o.memoryMB); err != nil {
		return err
	}
	return nil
}

func normaliseCommand() *command {
	o := &normaliseOptions{}
	return &command{
		name:    "normalise",
		summary: "map step for distributed runs: one input in, its normalised courses out (Parquet)",
		usage:   "tresp normalise --out FILE [--vocab FILE]... INPUT",
		example: `  tresp normalise --out part-0.norm.parquet part-0.parquet
  for p in parts/*.parquet; do tresp normalise --out norm/$(basename $p) $p; done   # then GROUP BY (docs/scale.md)`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return o.Validate },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) != 1 {
				return usagef("normalise reads exactly one INPUT (a partition); got %d", len(args))
			}
			defer setMemoryLimit(o.memoryMB, true)() // one partition streamed: as tresp run --stream
			f, err := outdir.CreateNew(o.out, "tresp normalise")
			if err != nil {
				return err
			}
			st, err := normalise.Partition(ctx, normalise.FileInput(args[0]), o.vocab, f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(o.out) // our own partial file
				return err
			}
			fmt.Fprintf(stdout, "wrote %s: %d courses from %d rows (%d accepted, %d quarantined)\n", o.out, st.Courses,
				st.Account.RowsRead, st.Account.RowsAccepted, st.Account.RowsQuarantined)
			return nil
		},
	}
}
