package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/tresp/tresp/pipeline"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

type runOptions struct {
	out             string
	read            readOptions
	quiet           bool
	force           bool
	clean           bool
	strict          strictOptions
	logFmt          string
	cacheDir        string
	cacheMB         int64
	noCache         bool
	counts          bool
	stream          bool
	streamAboveMB   float64
	writeNormalised bool
	memoryMB        int64
}

func (o *runOptions) AddFlags(fs *pflag.FlagSet) {
	fs.StringVarP(&o.out, "out", "o", "out", "output `DIR` (replaced atomically)")
	o.read.AddFlags(fs)
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but errors")
	fs.StringVar(&o.logFmt, "log-format", "text", "progress lines on stderr as `text|json` (json: one object per line, for CI log parsers)")
	o.strict.AddFlags(fs, "fail (exit 1, no output) on any warning no allowance covers (unknown terms, fuzzy matches, assumed units) and while outcomes await a decision in review.csv")
	fs.BoolVar(&o.force, "force", false, "rerun every stage, ignoring cached results (never replaces files tresp did not write)")
	fs.BoolVar(&o.clean, "clean", false, "move files in the output directory that tresp did not write into a backup directory beside it, instead of stopping")
	fs.StringVar(&o.cacheDir, "cache-dir", "", "keep stage results in `DIR` (default: .tresp-cache beside the output directory)")
	fs.Int64Var(&o.cacheMB, "cache-max-mb", config.DefaultCacheMaxBytes>>20, "keep the stage cache under `MB` megabytes, removing the oldest entries of earlier runs")
	fs.BoolVar(&o.noCache, "no-cache", false, "neither read nor write the stage cache")
	fs.BoolVar(&o.stream, "stream", false, "read, normalise and analyse in one pass holding no rows, for tables of millions of rows: a patient's rows must be consecutive (docs/scale.md); --stream=false holds the rows whatever the size")
	fs.Float64Var(&o.streamAboveMB, "stream-above-mb", defaultStreamAboveMB, "without --stream, stream when the inputs hold more than `MB` megabytes (a Parquet file counts four times its size), and hold the rows again if a patient's rows are not consecutive; 0: never")
	fs.BoolVar(&o.writeNormalised, "write-normalised", true, "write normalised/cases.csv and cases.parquet (one row per course)")
	fs.BoolVar(&o.counts, "emit-counts", false, "also write counts/counts.csv and .parquet: mergeable counts per study × drug × disease (docs/scale.md)")
	fs.Int64Var(&o.memoryMB, "memory-limit-mb", 0, fmt.Sprintf("soft memory limit of the Go runtime in `MiB` (0: %d with --stream, none otherwise; GOMEMLIMIT, when set, wins)", streamMemoryLimitMB))
}

func (o *runOptions) Validate() error {
	if o.out == "" {
		return usagef("--out must name a directory")
	}
	if err := checkMemoryLimit(o.memoryMB); err != nil {
		return err
	}
	if !(o.streamAboveMB >= 0) || o.streamAboveMB > 1<<40 { // also NaN
		return usagef("--stream-above-mb %g: give a size in MB (0: never stream unless --stream)", o.streamAboveMB)
	}
	if o.cacheMB < 1 {
		return usagef("--cache-max-mb %d: the cache needs at least 1 MB (use --no-cache for none)", o.cacheMB)
	}
	if o.cacheMB > math.MaxInt64>>20 { // in bytes it overflowed and silently became the 2 GiB default
		return usagef("--cache-max-mb %d: at most %d MB", o.cacheMB, int64(math.MaxInt64>>20))
	}
	return checkLogFormat(o.logFmt)
}

func runCommand() *command {
	o := &runOptions{}
	return &command{
		name:    "run",
		summary: "run the pipeline over case tables and write the output directory",
		usage:   "tresp run [--config FILE] [--out DIR] [flags] [INPUT...]",
		example: `  tresp run                          # the embedded example data set, into out/
  tresp run --out results cases.csv  # your own case table
  tresp run --out results sheets/    # every .csv, .tsv, .parquet and .xlsx file in sheets/
  tresp run --sheet cases extraction.xlsx  # one sheet of a workbook (default: every sheet with a header)
  tresp run --map 'Pt no=case_id' --map 'Rx=treatment' cases.csv
  tresp run --config proj/tresp.toml  # settings from a file (tresp init writes one)
  tresp run --decisions decided.csv cases.csv  # apply a filled review.csv
  tresp run --emit-counts --out results cases.parquet  # also the mergeable counts (docs/scale.md)
  tresp run --stream --out results registry.parquet  # millions of rows in bounded memory (docs/scale.md)
`,
		flags: func(fs *pflag.FlagSet) func() error { o.AddFlags(fs); return o.Validate },
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
			cfg, err := o.read.config(args)
			if err != nil {
				return err
			}
			if o.read.changed("out") {
				cfg.Out = o.out
			}
			cfg.Force = o.force
			cfg.Clean = o.clean
			cfg.EmitCounts = o.counts
			cfg.Stream = o.stream
			cfg.SkipNormalised = !o.writeNormalised
			if err := o.strict.apply(&cfg); err != nil {
				return err
			}
			cfg.CacheMaxBytes = o.cacheMB << 20
			switch {
			case o.noCache:
			case o.cacheDir != "":
				cfg.CacheDir = o.cacheDir
			default:
				cfg.CacheDir = filepath.Join(filepath.Dir(filepath.Clean(cfg.Out)), ".tresp-cache")
			}
			auto, marker := o.chooseStream(&cfg, stderr)
			restore := setMemoryLimit(o.memoryMB, cfg.Stream)
			defer func() { restore() }()
			progress := newProgress(stderr, o.quiet, o.logFmt)
			res, err := pipeline.Run(ctx, cfg, progress)
			progress.Done()
			var split *normalise.SplitPatientsError
			if auto && errors.As(err, &split) {
				// the size chose streaming, not the user: hold the rows and read again
				fmt.Fprintf(stderr, "tresp: %d patients' rows are not consecutive, which a streaming run cannot count: reading the inputs again, holding every row (memory grows with the rows; sort the table by study and case_id to stream it)\n", split.Patients)
				restore()
				restore = setMemoryLimit(o.memoryMB, false)
				cfg.Stream = false
				rememberSplit(marker)
				progress = newProgress(stderr, o.quiet, o.logFmt)
				res, err = pipeline.Run(ctx, cfg, progress)
				progress.Done()
			}
			if err != nil {
				return err
			}
			if res.Backup != "" {
				fmt.Fprintf(stdout, "moved %d entries tresp did not write from %s into %s\n", len(res.Moved), res.Out, res.Backup)
			}
			if !o.quiet {
				t := res.Summary.Totals
				analysis := 0
				if res.Summary.Analysis != nil {
					analysis = len(res.Summary.Analysis.Warnings)
				}
				fmt.Fprintf(stdout, "wrote %s: %d rows read, %d accepted, %d quarantined; %d data warnings, %d analysis warnings (summary.json)\n",
					res.Out, t.RowsRead, t.RowsAccepted, t.RowsQuarantined, res.Summary.Problems.Warnings, analysis)
				if rv := res.Summary.Review; rv.Undecided > 0 || rv.Decisions != nil {
					fmt.Fprintf(stdout, "%s: %d values to check (%d unclassified outcomes, %d low-confidence outcomes, %d terms); %d decisions applied, %d not applied\n",
						filepath.Join(res.Out, normalise.ReviewFile), rv.Undecided, rv.UnclassifiedOutcomes, rv.LowConfidenceOutcomes, rv.Terms, rv.Adjudicated, rv.NotApplied)
					if rv.Omitted > 0 {
						fmt.Fprintf(stdout, "%s lists the first %d; %d further rows needing review are counted, not listed\n", normalise.ReviewFile, rv.Items, rv.Omitted)
					}
				}
			}
			return nil
		},
	}
}

// defaultStreamAboveMB is the input size above which tresp run streams unless --stream is
// given either way: about half a million rows of a CSV case table, whose held run needs
// about 2 GB (docs/scale.md).
const defaultStreamAboveMB = 64

// inputFootprint lists the run's inputs once: their size on disk, a Parquet file or an
// .xlsx workbook counted four times (both are compressed), and the file of the stage cache
// that remembers that a streaming run found their patients' rows apart (named by the
// inputs' paths, sheets, sizes and modification times), so that the next run holds the rows
// at once and finds its stages in the cache instead of streaming in vain first. The size is
// 0 for the embedded example or inputs that cannot be listed (the run then reports them);
// the marker is "" then and without a cache.
func inputFootprint(cfg config.Config) (size int64, marker string) {
	ins, err := ingest.ResolveInputs(cfg.Inputs, cfg.Read.Sheet)
	if err != nil {
		return 0, ""
	}
	h := sha256.New()
	seen := map[string]bool{}
	for _, in := range ins {
		st, err := os.Stat(in.Path)
		if in.Path == "" || err != nil {
			return 0, ""
		}
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%d\n", in.Path, in.Sheet, st.Size(), st.ModTime().UnixNano())
		if seen[in.Path] {
			continue // another sheet of a workbook already counted
		}
		seen[in.Path] = true
		n := st.Size()
		if ext := strings.ToLower(filepath.Ext(in.Path)); ext == ".parquet" || ext == ".xlsx" {
			n *= 4
		}
		size += n
	}
	if cfg.CacheDir != "" {
		marker = filepath.Join(cfg.CacheDir, "split-inputs-"+hex.EncodeToString(h.Sum(nil))[:32])
	}
	return size, marker
}

// rememberSplit writes the marker inputFootprint names; failing to is no error of the run (the
// next run streams in vain again).
func rememberSplit(marker string) {
	if marker == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(marker), 0o755); err != nil {
		return
	}
	// O_EXCL: never replace a file, even one of this name tresp did not write
	if f, err := os.OpenFile(marker, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
		_, _ = f.WriteString("a streaming run found these inputs' patients' rows apart\n")
		_ = f.Close()
	}
}

// fileExists reports whether path names a regular file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// chooseStream decides, unless --stream was given either way, whether the run streams by
// itself: when its inputs hold more than --stream-above-mb and no earlier run found their
// patients' rows apart (inputFootprint's marker, returned for the fallback to write). It
// says which on stderr.
func (o *runOptions) chooseStream(cfg *config.Config, stderr io.Writer) (auto bool, marker string) {
	if o.read.changed("stream") || o.streamAboveMB <= 0 {
		return false, ""
	}
	size, m := inputFootprint(*cfg)
	if float64(size) <= o.streamAboveMB*(1<<20) {
		return false, ""
	}
	if m != "" && fileExists(m) {
		if !o.quiet {
			fmt.Fprintf(stderr, "tresp: an earlier run found these inputs' patients' rows apart: holding every row (sort the table by study and case_id to stream it)\n")
		}
		return false, m
	}
	cfg.Stream = true
	if !o.quiet {
		fmt.Fprintf(stderr, "tresp: the inputs hold %.1f MB (more than --stream-above-mb %g): a streaming run, holding no rows (docs/scale.md; --stream=false holds them)\n", float64(size)/(1<<20), o.streamAboveMB)
	}
	return true, m
}
