package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/spf13/pflag"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/pipeline"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// command is one tresp subcommand.
type command struct {
	name    string
	summary string
	usage   string
	example string
	flags   func(fs *pflag.FlagSet) func() error // registers flags, returns Validate
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

func exitCode(err error) int {
	var ue *usageError
	var ce *config.Error
	var ie *data.InputError
	var le *outdir.LockedError
	var de *normalise.DecisionsError
	var oe *outdir.OutputError
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return exitInterrupted
	case errors.As(err, &ue), errors.As(err, &ce), errors.As(err, &le), errors.As(err, &de), errors.As(err, &oe):
		return exitUsage
	case errors.As(err, &ie), errors.Is(err, pipeline.ErrData):
		return exitData
	}
	return exitInternal
}

func commands() []*command {
	return []*command{runCommand(), validateCommand(), configCommand(), initCommand(), diffCommand(), normaliseCommand(), synthCommand(), versionCommand()}
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

const topUsage = `tresp turns case tables from published case reports into response rates,
pooled estimates, figures and tables.

Usage:
  tresp <command> [flags] [INPUT...]

Commands:
%s
Run 'tresp help <command>' for a command's flags and examples.
Exit codes: 0 ok, 1 data errors, 2 usage, configuration or output-directory errors,
130 interrupted (SIGINT, SIGTERM), 3 internal error (a bug).
`

func topHelp(w io.Writer) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(&b, "  %-9s %s\n", "help", "show help for a command")
	fmt.Fprintf(w, topUsage, b.String())
}

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		topHelp(stderr)
		return usagef("no command given")
	}
	switch args[0] {
	case "help", "-h", "--help":
		if len(args) < 2 || args[0] != "help" {
			topHelp(stdout)
			return nil
		}
		c := findCommand(args[1])
		if c == nil {
			return usagef("unknown command %q: run 'tresp help'", args[1])
		}
		commandHelp(stdout, c)
		return nil
	}
	c := findCommand(args[0])
	if c == nil {
		return usagef("unknown command %q: run 'tresp help' for the list", args[0])
	}
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	validate := func() error { return nil }
	if c.flags != nil {
		if v := c.flags(fs); v != nil {
			validate = v
		}
	}
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args[1:]); err != nil {
		return usagef("%s: %v (run 'tresp help %s')", c.name, err, c.name)
	}
	if *help {
		commandHelp(stdout, c)
		return nil
	}
	if err := validate(); err != nil {
		return err
	}
	return c.run(ctx, fs.Args(), stdout, stderr)
}

func commandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "%s\n\nUsage:\n  %s\n", c.summary, c.usage)
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SortFlags = false
	if c.flags != nil {
		c.flags(fs)
	}
	fs.BoolP("help", "h", false, "show this help")
	fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	if c.example != "" {
		fmt.Fprintf(w, "\nExamples:\n%s", c.example)
	}
}

// readOptions are the flags every command that reads inputs shares.
type readOptions struct {
	configFile        string
	maps              []string
	studyFromFileName bool
	delimiter         string
	decimalComma      string
	vocab             []string
	decisions         string
	sheet             string
	diseaseLevel      config.DiseaseLevel
	drugLevel         config.DrugLevel
	fs                *pflag.FlagSet // tells flags given from defaults
}

func (o *readOptions) AddFlags(fs *pflag.FlagSet) {
	o.fs = fs
	fs.StringVar(&o.configFile, "config", "", "read settings from the TOML `FILE` (see docs/config.md); flags override it")
	fs.StringArrayVar(&o.maps, "map", nil, "map a header to a field: `HEADER=FIELD` (FIELD may be lab:ANALYTE or extra); repeatable")
	fs.BoolVar(&o.studyFromFileName, "study-from-filename", false, "take the study from the file name when the table has no study column")
	fs.StringVar(&o.delimiter, "delimiter", "", "CSV delimiter: `, ; or tab` (default: detected)")
	fs.StringVar(&o.decimalComma, "decimal-comma", "auto", "read 8,5 as 8.5: `"+config.DecimalComma("").Type()+"` (auto: in semicolon-separated files)")
	fs.StringArrayVar(&o.vocab, "vocab", nil, "vocabulary `FILE` extending the built-in terms; repeatable")
	fs.StringVar(&o.decisions, "decisions", "", "apply a reviewer's decisions: a review.csv `FILE` whose decision column is filled")
	fs.StringVar(&o.sheet, "sheet", "", "read only the sheet `NAME` of every .xlsx workbook (default: every sheet with a recognisable header)")
	o.diseaseLevel, o.drugLevel = config.DiseaseLevelDisease, config.DrugLevelDrug
	fs.Var(&o.diseaseLevel, "disease-level", "publication tables and figures by `"+o.diseaseLevel.Type()+"` (group: the disease group, e.g. connective tissue disease)")
	fs.Var(&o.drugLevel, "drug-level", "publication tables by `"+o.drugLevel.Type()+"`")
}

// changed reports whether the flag was given on the command line.
func (o *readOptions) changed(name string) bool { return o.fs != nil && o.fs.Changed(name) }

// config returns the defaults (the embedded example's settings when there
// is neither a --config file nor an INPUT), overlaid with the --config file
// if given, the INPUT arguments if any, and the read flags given explicitly.
func (o *readOptions) config(args []string) (config.Config, error) {
	cfg := config.Default()
	if o.configFile == "" && len(args) == 0 {
		cfg = config.Example() // the embedded example, with its own settings
	}
	if o.configFile != "" {
		var err error
		if cfg, err = config.Load(o.configFile); err != nil {
			return cfg, err
		}
	}
	if len(args) > 0 {
		cfg.Inputs = args
	}
	return cfg, o.apply(&cfg)
}

// apply overlays the read flags given on the command line: --map adds to
// (and per header replaces) the configured columns, --vocab adds files.
func (o *readOptions) apply(cfg *config.Config) error {
	if len(o.maps) > 0 && cfg.Read.Columns == nil {
		cfg.Read.Columns = map[string]string{}
	}
	for _, m := range o.maps {
		h, f, ok := strings.Cut(m, "=")
		if !ok || strings.TrimSpace(h) == "" || strings.TrimSpace(f) == "" {
			return usagef("--map %q: write HEADER=FIELD, e.g. --map 'Pt no=case_id'", m)
		}
		cfg.Read.Columns[strings.TrimSpace(h)] = strings.TrimSpace(f)
	}
	if o.changed("study-from-filename") {
		cfg.Read.StudyFromFileName = o.studyFromFileName
	}
	if o.changed("delimiter") {
		cfg.Read.Delimiter = config.Delimiter(o.delimiter)
	}
	if o.changed("decimal-comma") {
		cfg.Read.DecimalComma = config.DecimalComma(o.decimalComma)
	}
	cfg.Vocabulary = append(cfg.Vocabulary, o.vocab...)
	if o.changed("decisions") {
		cfg.Decisions = o.decisions
	}
	if o.changed("sheet") {
		cfg.Read.Sheet = o.sheet
	}
	if o.changed("disease-level") {
		cfg.Analysis.DiseaseLevel = o.diseaseLevel
	}
	if o.changed("drug-level") {
		cfg.Analysis.DrugLevel = o.drugLevel
	}
	return nil
}

// printGroups writes problem groups, one line each (one per code, column
// and value, with its row count and first rows), at most limit lines
// followed by a count of the rest.
func printGroups(w io.Writer, groups []ingest.ProblemGroup, limit int) {
	for i, g := range groups {
		if i == limit {
			fmt.Fprintf(w, "… and %d more (summary.json lists them)\n", len(groups)-limit)
			break
		}
		fmt.Fprintf(w, "%s: %s: %s\n", g.Severity, g.Code, g.String())
	}
}

// strictOptions are --strict, --allow and --fail-on of run, validate and
// config: whether the run is strict and what fails it.
type strictOptions struct {
	strict bool
	allow  []string
	failOn []string
	fs     *pflag.FlagSet
}

func (o *strictOptions) AddFlags(fs *pflag.FlagSet, help string) {
	o.fs = fs
	fs.BoolVar(&o.strict, "strict", false, help)
	fs.StringArrayVar(&o.allow, "allow", nil, "with --strict, accept the problems with code `CODE[:COLUMN]` (in that column only); repeatable; docs/ci.md lists the codes")
	fs.StringArrayVar(&o.failOn, "fail-on", nil, "with --strict, fail on problems with code `CODE` whatever their severity; repeatable")
}

// apply overlays the strict flags given on the command line: --strict
// replaces strict.enabled, --allow and --fail-on add to the file's lists.
func (o *strictOptions) apply(cfg *config.Config) error {
	if o.fs != nil && o.fs.Changed("strict") {
		cfg.Strict.Enabled = o.strict
	}
	for _, s := range o.allow {
		a, err := config.ParseAllowance(s)
		if err != nil {
			return usagef("--allow %q: %s", s, strings.TrimPrefix(err.Error(), "config: --allow: "))
		}
		cfg.Strict.Allow = append(cfg.Strict.Allow, a)
	}
	for _, c := range o.failOn {
		if _, ok := data.LookupCode(c); !ok {
			return usagef("--fail-on %q: unknown problem code (docs/ci.md lists them)", c)
		}
		cfg.Strict.FailOn = append(cfg.Strict.FailOn, c)
	}
	return nil
}
