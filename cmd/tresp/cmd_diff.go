package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/pflag"

	"github.com/tresp/tresp/pipeline"
)

// diffFormat is --format of tresp diff: md or json.
type diffFormat string

var diffFormats = []string{"md", "json"}

func (f *diffFormat) String() string { return string(*f) }
func (f *diffFormat) Type() string   { return "md|json" }
func (f *diffFormat) Set(s string) error {
	for _, l := range diffFormats {
		if s == l {
			*f = diffFormat(s)
			return nil
		}
	}
	return fmt.Errorf("%q is not one of %s", s, strings.Join(diffFormats, ", "))
}

type diffOptions struct {
	format    diffFormat
	threshold float64
}

func (o *diffOptions) AddFlags(fs *pflag.FlagSet) {
	o.format = "md"
	fs.Var(&o.format, "format", "report `FORMAT`: md (a pull-request comment) or json")
	fs.Float64Var(&o.threshold, "threshold", 0.10, "exit 1 when a response rate moves by more than `P` (a proportion: 0.10 is 10 percentage points; 0 turns the check off)")
}

func (o *diffOptions) Validate() error {
	if math.IsNaN(o.threshold) || o.threshold < 0 || o.threshold > 1 {
		return usagef("--threshold %v: write a proportion between 0 and 1, e.g. 0.10 for 10 percentage points (0 turns the check off)", o.threshold)
	}
	return nil
}

func diffCommand() *command {
	o := &diffOptions{}
	return &command{
		name:    "diff",
		summary: "compare two output directories: rates, groups, warnings, quarantine, inputs",
		usage:   "tresp diff [--format md|json] [--threshold P] OLD NEW",
		example: `  tresp diff previous/ out/                  # Markdown report; exit 1 if a rate moved > 10 points
  tresp diff --threshold 0.05 previous/ out/  # stricter gate: 5 percentage points
  tresp diff --threshold 0 old/ new/ > diff.md  # report only, never exit 1 for rate moves
  tresp diff --format json old/summary.json new/summary.json
`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return o.Validate },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) != 2 {
				return usagef("diff takes two output directories, OLD and NEW (got %d arguments): run 'tresp help diff'", len(args))
			}
			d, err := pipeline.Diff(args[0], args[1])
			var ne *pipeline.NotOutputError
			if errors.As(err, &ne) {
				return usagef("diff: %v", err)
			}
			if err != nil {
				return fmt.Errorf("diff: %w", err)
			}
			if o.format == "json" {
				err = d.JSON(stdout, o.threshold)
			} else {
				err = d.Markdown(stdout, o.threshold)
			}
			if err != nil {
				return fmt.Errorf("diff: cannot write the report: %w", err)
			}
			if d.Exceeds(o.threshold) {
				r, _ := d.LargestRateChange()
				return fmt.Errorf("diff: the response rate of %s moved by %.1f percentage points, more than --threshold %g: %w",
					groupName(r), 100*math.Abs(r.Delta), o.threshold, pipeline.ErrData)
			}
			return nil
		},
	}
}

// groupName names a response-rate group: "diltiazem, all diseases, itt".
func groupName(r pipeline.RateChange) string {
	drug, disease := r.Drug, r.Disease
	if drug == "" {
		drug = "all drugs"
	}
	if disease == "" {
		disease = "all diseases"
	}
	return drug + ", " + disease + ", " + r.Population
}
