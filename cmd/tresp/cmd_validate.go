package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/tresp/tresp/pipeline"
)

type validateOptions struct {
	read   readOptions
	strict bool
	limit  int
}

func (o *validateOptions) AddFlags(fs *pflag.FlagSet) {
	o.read.AddFlags(fs)
	fs.BoolVar(&o.strict, "strict", false, "exit 1 on warnings too (unknown columns, assumed values, duplicates) and while outcomes await a decision in review.csv")
	fs.IntVar(&o.limit, "max-lines", 50, "print at most `N` problems")
}

func validateCommand() *command {
	o := &validateOptions{}
	return &command{
		name:    "validate",
		summary: "check case tables without writing outputs (the gate a CI job runs)",
		usage:   "tresp validate [--config FILE] [--strict] [flags] [INPUT...]",
		example: `  tresp validate cases.csv            # exit 1 if any row would be quarantined
  tresp validate --strict sheets/     # exit 1 on warnings too
  tresp validate --config proj/tresp.toml
  tresp validate --strict --decisions out/review.csv sheets/  # decided outcomes pass
`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return nil },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			cfg, err := o.read.config(args)
			if err != nil {
				return err
			}
			if o.read.changed("strict") {
				cfg.Strict = o.strict
			}
			// validate lists warnings as warnings and fails on them itself.
			strict := cfg.Strict
			cfg.Strict = false
			s, err := pipeline.Validate(ctx, cfg, nil)
			if err != nil {
				return err
			}
			printGroups(stdout, s.Grouped, o.limit)
			for _, a := range s.Inputs {
				fmt.Fprintf(stdout, "%s: %s, %d rows read = %d accepted + %d quarantined\n",
					a.File, a.Kind, a.RowsRead, a.RowsAccepted, a.RowsQuarantined)
			}
			fmt.Fprintf(stdout, "%d errors, %d warnings\n", s.Problems.Errors, s.Problems.Warnings)
			if s.Problems.Errors > 0 {
				return fmt.Errorf("validate: %d rows cannot be used (%d errors): %w", s.Totals.RowsQuarantined, s.Problems.Errors, pipeline.ErrData)
			}
			if strict {
				if err := pipeline.UndecidedError(s, cfg.Out); err != nil {
					return err
				}
			}
			if strict && s.Problems.Warnings > 0 {
				return fmt.Errorf("validate --strict: %d warnings: %w", s.Problems.Warnings, pipeline.ErrData)
			}
			return nil
		},
	}
}

func versionCommand() *command {
	return &command{
		name:    "version",
		summary: "print tresp's version",
		usage:   "tresp version",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) > 0 {
				return usagef("version takes no arguments")
			}
			fmt.Fprintf(stdout, "tresp %s\n", pipeline.Version)
			return nil
		},
	}
}
