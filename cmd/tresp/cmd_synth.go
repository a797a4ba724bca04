package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/pipeline"
)

// synthFormat is --format of tresp synth.
type synthFormat synth.Format

func (f *synthFormat) String() string { return string(*f) }
func (f *synthFormat) Type() string   { return "csv|parquet" }
func (f *synthFormat) Set(s string) error {
	switch synth.Format(s) {
	case synth.CSV, synth.Parquet:
		*f = synthFormat(s)
		return nil
	}
	return fmt.Errorf("%q is not one of csv, parquet", s)
}

type synthOptions struct {
	format  synthFormat
	rows    int
	seed    uint64
	studies int
	out     string
}

func (o *synthOptions) AddFlags(fs *pflag.FlagSet) {
	o.format = synthFormat(synth.CSV)
	fs.IntVar(&o.rows, "rows", 10000, "generate `N` data rows (treatment courses)")
	fs.Var(&o.format, "format", "file `FORMAT`: csv or parquet")
	fs.Uint64Var(&o.seed, "seed", 1, "random `SEED`: the same seed gives the same bytes")
	fs.IntVar(&o.studies, "studies", 0, "number of studies (`K`; 0: rows/5000 within 10..2000)")
	fs.StringVarP(&o.out, "out", "o", "-", "write to `FILE` (never replaced; - for standard output)")
}

func (o *synthOptions) Validate() error {
	if o.rows < 0 {
		return usagef("--rows %d: write a count of zero or more", o.rows)
	}
	if o.studies < 0 {
		return usagef("--studies %d: write a count of zero or more", o.studies)
	}
	return nil
}

func synthCommand() *command {
	o := &synthOptions{}
	return &command{
		name:    "synth",
		summary: "generate a realistic case table for benchmarks and scale tests",
		usage:   "tresp synth [--rows N] [--format csv|parquet] [--seed S] [--out FILE]",
		example: `  tresp synth --rows 1000000 --format parquet --out cases.parquet
  tresp synth --rows 200 --seed 7 > small.csv`,
		flags: func(fs *pflag.FlagSet) func() error {
			o.AddFlags(fs)
			return o.Validate
		},
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 0 {
				return usagef("synth takes no arguments (got %q): use --out FILE", args[0])
			}
			opts := synth.Options{Rows: o.rows, Seed: o.seed, Studies: o.studies}
			if o.out == "-" {
				if f, ok := stdout.(*os.File); ok {
					return pipeline.Synth("-", synth.Format(o.format), opts, f)
				}
				return synth.Write(stdout, synth.Format(o.format), opts)
			}
			return pipeline.Synth(o.out, synth.Format(o.format), opts, nil)
		},
	}
}
