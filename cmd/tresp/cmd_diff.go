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
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/diff"
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
	format     diffFormat
	configFile string
	threshold  float64
	minN       int
	maxDrop    float64
	fs         *pflag.FlagSet
}

func (o *diffOptions) AddFlags(fs *pflag.FlagSet) {
	o.fs = fs
	o.format = "md"
	def := config.Default().Diff
	fs.Var(&o.format, "format", "report `FORMAT`: md (a pull-request comment or job summary) or json")
	fs.StringVar(&o.configFile, "config", "", "read the [diff] settings from the TOML `FILE`; flags override it")
	fs.Float64Var(&o.threshold, "threshold", def.Threshold, "exit 1 when the response rate of a stratum of at least --min-n patients moves by more than `P` (a proportion: 0.10 is 10 percentage points; 0 turns the check off)")
	fs.IntVar(&o.minN, "min-n", def.MinN, "strata with fewer than `N` patients in both runs do not count against --threshold")
	fs.Float64Var(&o.maxDrop, "max-drop", def.MaxDrop, "exit 1 when the total evaluable n falls by more than `P` of the old total (0.10 is 10 %; 1 turns the check off)")
}

func (o *diffOptions) Validate() error {
	if math.IsNaN(o.threshold) || o.threshold < 0 || o.threshold > 1 {
		return usagef("--threshold %v: write a proportion between 0 and 1, e.g. 0.10 for 10 percentage points (0 turns the check off)", o.threshold)
	}
	if o.minN < 0 {
		return usagef("--min-n %d: write a whole number, 0 or more", o.minN)
	}
	if math.IsNaN(o.maxDrop) || o.maxDrop < 0 || o.maxDrop > 1 {
		return usagef("--max-drop %v: write a proportion between 0 and 1, e.g. 0.10 for 10 %% (1 turns the check off)", o.maxDrop)
	}
	return nil
}

// gate returns the [diff] settings: defaults < --config file < flags.
func (o *diffOptions) gate() (diff.Gate, error) {
	g := diff.Gate(config.Default().Diff)
	if o.configFile != "" {
		cfg, err := config.Load(o.configFile)
		if err != nil {
			return g, err
		}
		g = diff.Gate(cfg.Diff)
	}
	if o.fs.Changed("threshold") {
		g.Threshold = o.threshold
	}
	if o.fs.Changed("min-n") {
		g.MinN = o.minN
	}
	if o.fs.Changed("max-drop") {
		g.MaxDrop = o.maxDrop
	}
	return g, nil
}

func diffCommand() *command {
	o := &diffOptions{}
	return &command{
		name:    "diff",
		summary: "compare two output directories: rates, groups, warnings, quarantine, inputs; gate a change",
		usage:   "tresp diff [--format md|json] [--config FILE] [--threshold P] [--min-n N] [--max-drop P] OLD NEW",
		example: `  tresp diff previous/ out/                  # Markdown report; exit 1 when the gate fails
  tresp diff --threshold 0.05 previous/ out/  # stricter: 5 percentage points
  tresp diff --min-n 10 previous/ out/        # judge only strata of 10 patients or more
  tresp diff --config tresp.toml previous/ out/  # [diff] threshold, min_n, max_drop from the file
  tresp diff --threshold 0 --max-drop 1 old/ new/ > diff.md  # rates and n report only
  tresp diff --format json old/summary.json new/summary.json
`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return o.Validate },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			if len(args) != 2 {
				return usagef("diff takes two output directories, OLD and NEW (got %d arguments): run 'tresp help diff'", len(args))
			}
			g, err := o.gate()
			if err != nil {
				return err
			}
			d, err := diff.Diff(args[0], args[1])
			var ne *diff.NotOutputError
			if errors.As(err, &ne) {
				return usagef("diff: %v", err)
			}
			if err != nil {
				return fmt.Errorf("diff: %w", err)
			}
			if o.format == "json" {
				err = d.JSON(stdout, g)
			} else {
				err = d.Markdown(stdout, g)
			}
			if err != nil {
				return fmt.Errorf("diff: cannot write the report: %w", err)
			}
			if failed := d.Failures(g); len(failed) > 0 {
				msgs := make([]string, len(failed))
				for i, c := range failed {
					msgs[i] = c.Check + ": " + c.Result
				}
				return fmt.Errorf("diff: the gate failed: %s: %w", strings.Join(msgs, "; "), pipeline.ErrData)
			}
			return nil
		},
	}
}
