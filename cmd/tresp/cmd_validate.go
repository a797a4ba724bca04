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
	strict strictOptions
	limit  int
}

func (o *validateOptions) AddFlags(fs *pflag.FlagSet) {
	o.read.AddFlags(fs)
	o.strict.AddFlags(fs, "exit 1 on warnings too (unknown columns, assumed values, duplicates) unless allowed, and while outcomes await a decision in review.csv")
	fs.IntVar(&o.limit, "max-lines", 50, "print at most `N` problems")
}

func validateCommand() *command {
	o := &validateOptions{}
	return &command{
		name:    "validate",
		summary: "check case tables without writing outputs (the gate a CI job runs)",
		usage:   "tresp validate [--config FILE] [--strict] [--allow CODE[:COLUMN]] [--fail-on CODE] [flags] [INPUT...]",
		example: `  tresp validate cases.csv            # exit 1 if any row would be quarantined
  tresp validate --strict sheets/     # exit 1 on warnings too
  tresp validate --strict --allow fuzzy-match:Drug --allow approximate sheets/
  tresp validate --strict --fail-on approximate sheets/  # an info code fails too
  tresp validate --config proj/tresp.toml   # [strict] in the file: enabled, allow, fail_on
  tresp validate --strict --decisions out/review.csv sheets/  # decided outcomes pass
`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return nil },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			cfg, err := o.read.config(args)
			if err != nil {
				return err
			}
			if err := o.strict.apply(&cfg); err != nil {
				return err
			}
			// validate lists every problem and fails on the strict ones itself.
			strict := cfg.Strict.Enabled
			cfg.Strict.Enabled = false
			s, err := pipeline.Validate(ctx, cfg, nil)
			if err != nil {
				return err
			}
			failing, nFailing, allowed := pipeline.JudgeSummary(&cfg.Strict, s)
			printGroups(stdout, s.Grouped, o.limit)
			for _, a := range s.Inputs {
				fmt.Fprintf(stdout, "%s: %s, %d rows read = %d accepted + %d quarantined\n",
					a.File, a.Kind, a.RowsRead, a.RowsAccepted, a.RowsQuarantined)
			}
			nAllowed := 0
			for _, a := range allowed {
				nAllowed += a.Count
				reason := a.Reason
				if reason == "" {
					reason = "no reason given"
				}
				fmt.Fprintf(stdout, "allowed: %s: %d problems: %s\n", a.Allowance(), a.Count, reason)
			}
			fmt.Fprintf(stdout, "%d errors, %d warnings", s.Problems.Errors, s.Problems.Warnings)
			if len(allowed) > 0 {
				fmt.Fprintf(stdout, " (%d allowed by the strict policy)", nAllowed)
			}
			fmt.Fprintln(stdout)
			if s.Problems.Errors > 0 {
				return fmt.Errorf("validate: %d rows cannot be used (%d errors): %w", s.Totals.RowsQuarantined, s.Problems.Errors, pipeline.ErrData)
			}
			if strict {
				if err := pipeline.UndecidedError(s, cfg.Out); err != nil {
					return err
				}
				if err := pipeline.StrictError(failing, nFailing); err != nil {
					return fmt.Errorf("validate --%w", err)
				}
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
