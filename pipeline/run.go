package pipeline

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"github.com/tresp/tresp/pipeline/cachedir"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/tresp/tresp/pipeline/normalise"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/internal/jsonout"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
)

// Version is tresp's version, written into every summary.
var Version = "0.1.0-dev"

// Logger receives progress lines. Implementations decide where they go.
type Logger interface {
	Stage(name, msg string)
}

type nopLogger struct{}

func (nopLogger) Stage(string, string) {}

// Result is what a run produced, for the caller's exit code and messages.
type Result struct {
	Out     string
	Summary *Summary
	// Backup is the directory --clean moved foreign entries into, and
	// Moved those entries; both empty when nothing was moved.
	Backup string
	Moved  []string
}

// ErrData marks a run that ended because of problems in the data: an
// unreadable input, or (for Validate) rows that had to be quarantined.
var ErrData = errors.New("data errors")

// state carries stage results from one stage to the next.
type state struct {
	ctx      context.Context
	cfg      *config.Config
	log      Logger
	inputs   []ingest.Input
	ingested *ingest.Ingested
	norm     *normalise.Normalised
	analysis *cohort.Analysis
	summary  *Summary
	out      *outdir.Dir
}

type stage struct {
	name string
	run  func(*state) error
}

// Run executes every stage and writes cfg.Out atomically. It returns a
// *data.InputError (wrapping ErrData semantics) when an input cannot be
// read, a *config.Error for bad settings, and other errors for failures
// of tresp itself.
func Run(ctx context.Context, cfg config.Config, log Logger) (*Result, error) {
	st, err := prepare(ctx, &cfg, log)
	if err != nil {
		return nil, err
	}
	inputs := st.inputs
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.Path
	}
	if err := outdir.CheckPath(cfg.Out, paths, cfg.Vocabulary); err != nil {
		return nil, err
	}
	lock, err := outdir.AcquireLock(cfg.Out)
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	if msg, err := outdir.Recover(cfg.Out); err != nil {
		return nil, err
	} else if msg != "" {
		st.log.Stage("output", msg)
	}
	backup, moved, err := outdir.Prepare(cfg.Out, cfg.Clean)
	if backup != "" {
		st.log.Stage("output", fmt.Sprintf("moved %d entries tresp did not write into %s: %s", len(moved), backup, strings.Join(moved, ", ")))
	}
	if err != nil {
		return nil, err
	}
	for _, note := range outdir.RemoveStaleTemps(cfg.Out) {
		st.log.Stage("output", note)
	}
	keys, err := stageKeys(ctx, &cfg, inputs)
	if err != nil {
		return nil, err
	}
	var cache *stageCache
	if cfg.CacheDir != "" {
		cache = &stageCache{&cachedir.Dir{Path: cfg.CacheDir, MaxBytes: cfg.CacheMaxBytes}}
	}
	compute := []stage{
		{"ingest", (*state).ingest},
		{"normalise", (*state).normalise},
		{"analyse", (*state).analyse},
	}
	if cfg.Stream {
		// one pass that writes the row files as it goes: nothing to resume from
		compute = []stage{{"stream", (*state).stream}}
		cache = nil
	}
	// Resume after the deepest stage whose result is cached.
	first := 0
	if !cfg.Force {
		for i := len(compute) - 1; i >= 0; i-- {
			if snap, ok := cache.load(compute[i].name, keys[compute[i].name]); ok {
				st.restore(snap)
				for _, s := range compute[:i+1] {
					st.log.Stage(s.name, "up to date")
				}
				first = i + 1
				break
			}
		}
	}
	out, err := outdir.New(cfg.Out)
	if err != nil {
		return nil, err
	}
	out.Ctx = ctx
	st.out = out
	fail := func(err error) (*Result, error) {
		out.Abort()
		return nil, err
	}
	for _, s := range compute[first:] {
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("interrupted before %s: %w", s.name, err))
		}
		if err := s.run(st); err != nil {
			return fail(err)
		}
		cache.store(s.name, keys[s.name], st.snapshot())
	}
	if err := ctx.Err(); err != nil {
		return fail(fmt.Errorf("interrupted before render: %w", err))
	}
	var files []string
	cached := false
	if !cfg.Force { // --force must not even copy the cached files into the output
		files, cached = cache.loadFiles(keys["render"], out.Tmp)
	}
	if cached {
		out.Files = append(out.Files, files...)
		st.log.Stage("render", "up to date")
	} else {
		if err := st.renderAndWrite(); err != nil {
			return fail(err)
		}
		cache.storeFiles(keys["render"], out.Tmp, out.Files)
	}
	if err := st.manifest(); err != nil { // last: hashes every file written
		return fail(err)
	}
	if err := out.Seal(); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(fmt.Errorf("interrupted before commit: %w", err))
	}
	if err := out.Commit(); err != nil {
		return fail(err)
	}
	if out.Leftover != "" {
		st.log.Stage("output", "kept files tresp did not write, found in the previous output, in "+out.Leftover)
	}
	return &Result{Out: out.Final, Summary: st.summary, Backup: backup, Moved: moved}, nil
}

func (st *state) snapshot() *snapshot {
	return &snapshot{Ingested: st.ingested, Norm: st.norm, Analysis: st.analysis, Summary: st.summary}
}

func (st *state) restore(s *snapshot) {
	st.ingested, st.norm, st.analysis, st.summary = s.Ingested, s.Norm, s.Analysis, s.Summary
	if st.ingested != nil && st.ingested.Mappings == nil {
		st.ingested.Mappings = map[string]*data.Mapping{}
	}
	st.summary.Config = *st.cfg
}

// prepare checks the settings and resolves the inputs: the start of Run
// and Validate.
func prepare(ctx context.Context, cfg *config.Config, log Logger) (*state, error) {
	if log == nil {
		log = nopLogger{}
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	inputs, err := ingest.ResolveInputs(cfg.Inputs, cfg.Read.Sheet)
	if err != nil {
		return nil, err
	}
	if inputs, err = dropVocabulary(inputs, cfg.Inputs, cfg.Vocabulary); err != nil {
		return nil, err
	}
	return &state{ctx: ctx, cfg: cfg, log: log, inputs: inputs}, nil
}

// dropVocabulary keeps vocabulary files out of the case tables: a file
// given as a vocabulary (--vocab, vocabulary = […]) that a data directory
// also holds is read as vocabulary only. A file found in a data directory
// whose name makes it a vocabulary file (drugs*.tsv, …) but that is not
// given as one is an *InputError: read as a case table, its rows would be
// quarantined.
func dropVocabulary(inputs []ingest.Input, given, vocabFiles []string) ([]ingest.Input, error) {
	isVocab := map[string]bool{}
	for _, v := range vocabFiles {
		isVocab[filepath.Clean(v)] = true
	}
	named := map[string]bool{}
	for _, p := range given {
		named[filepath.Clean(p)] = true
	}
	out := inputs[:0:0]
	for _, in := range inputs {
		if isVocab[filepath.Clean(in.Path)] {
			continue
		}
		if !named[filepath.Clean(in.Path)] && in.Path != "" {
			base := strings.ToLower(filepath.Base(in.Path))
			for _, k := range normalise.VocabKinds {
				if strings.HasPrefix(base, k) && strings.HasSuffix(base, ".tsv") {
					return nil, data.NewInputError(in.Name, "vocabulary-in-data",
						"is named like a vocabulary file ("+k+"*.tsv) but sits among the case tables",
						"keep vocabularies in their own directory (vocab/) and pass them with --vocab or vocabulary = […]; name a case table otherwise")
				}
			}
		}
		out = append(out, in)
	}
	return out, nil
}

// Validate reads and checks every input without writing anything.
func Validate(ctx context.Context, cfg config.Config, log Logger) (*Summary, error) {
	st, err := prepare(ctx, &cfg, log)
	if err != nil {
		return nil, err
	}
	if err := st.ingest(); err != nil {
		return nil, err
	}
	if err := st.normalise(); err != nil {
		return nil, err
	}
	return st.summary, nil
}

func (st *state) ingest() error {
	opt := readOptions(st.cfg.Read)
	opt.Context = st.ctx
	ing, err := ingest.Ingest(st.inputs, opt)
	if err != nil {
		return err
	}
	st.ingested = ing
	ingest.SortProblems(ing.Problems)
	if err := allQuarantined(ing); err != nil {
		return err
	}
	st.summary = newSummary(st.cfg, ing)
	st.log.Stage("ingest", fmt.Sprintf("%d rows read from %d inputs: %d accepted, %d quarantined",
		st.summary.Totals.RowsRead, len(ing.Accounts), st.summary.Totals.RowsAccepted, st.summary.Totals.RowsQuarantined))
	return nil
}

// allQuarantined returns an error wrapping ErrData when rows were read
// but none was accepted: a run of no rows would report nothing as if it
// had worked. It names the most frequent reason and its first row.
func allQuarantined(ing *ingest.Ingested) error {
	read := 0
	for _, a := range ing.Accounts {
		read += a.RowsRead
		if a.RowsAccepted > 0 {
			return nil
		}
	}
	if read == 0 || len(ing.Quarantine) == 0 {
		return nil
	}
	count := map[string]int{}
	first := map[string]data.Problem{}
	best := ""
	for _, q := range ing.Quarantine {
		for _, p := range q.Reasons {
			k := p.Code + "\x00" + p.Column
			if _, ok := first[k]; !ok {
				first[k] = p
			}
			count[k]++
			if best == "" || count[k] > count[best] {
				best = k
			}
		}
	}
	return fmt.Errorf("all %d rows were quarantined, none can be analysed; %d of them: %s: %w",
		read, count[best], first[best].Error(), ErrData)
}

// vocabularyAndDecisions loads the run's vocabulary files and decisions file.
func (st *state) vocabularyAndDecisions() (*vocab.Vocabulary, *normalise.Decisions, error) {
	voc, err := normalise.LoadVocabulary(st.cfg.Vocabulary)
	if err != nil {
		return nil, nil, err
	}
	dec, err := normalise.LoadDecisions(st.cfg.Decisions)
	return voc, dec, err
}

func (st *state) normalise() error {
	voc, dec, err := st.vocabularyAndDecisions()
	if err != nil {
		return err
	}
	norm, probs, err := normalise.Run(st.ctx, st.ingested, voc, dec)
	if err != nil {
		return err
	}
	return st.finishNormalise(norm, probs, len(norm.Courses))
}

// finishNormalise records the normalise stage's result norm (of courses courses)
// and its problems in the summary, and applies the strict policy.
func (st *state) finishNormalise(norm *normalise.Normalised, probs *ingest.ProblemSet, courses int) error {
	st.norm = norm
	st.summary.addProblems(probs)
	st.summary.Review = norm.ReviewSummary
	failing := st.summary.judge(&st.cfg.Strict)
	if st.cfg.Strict.Enabled {
		if err := undecidedError(&norm.ReviewSummary, st.cfg.Out, true); err != nil {
			return err
		}
		if err := StrictError(failing, st.summary.Strict.Failing); err != nil {
			return err
		}
	}
	st.summary.Vocabulary = norm.Vocab
	st.summary.VocabularyUnlisted = norm.VocabUnlisted
	st.summary.Normalise = NormaliseSummary{Courses: courses, StudyCounts: len(norm.Studies),
		UnknownTerms: len(norm.Vocab), CacheHits: norm.CacheHits, CacheMisses: norm.CacheMisses}
	st.log.Stage("normalise", fmt.Sprintf("%d courses, %d study counts, %d terms not known exactly",
		courses, len(norm.Studies), len(norm.Vocab)))
	return nil
}

func (st *state) analyse() error {
	acc := cohort.NewAccumulator(st.cfg.Analysis)
	acc.SkipCounts = !st.cfg.EmitCounts // only --emit-counts writes them
	acc.Table1Groups = st.cfg.Tables.Table1By
	a, err := cohort.AnalyseFold(st.ctx, &st.norm.Cohort, acc)
	if err != nil {
		return err
	}
	st.setAnalysis(a)
	return nil
}

// setAnalysis records the analysis a in the run and its summary.
func (st *state) setAnalysis(a *cohort.Analysis) {
	st.analysis = a
	st.summary.Analysis = a
	st.log.Stage("analyse", fmt.Sprintf("%d rate rows, %d pooled drugs, %d comparisons, %d warnings",
		len(a.Rates), len(a.Pooled), len(a.Comparisons), len(a.Warnings)))
}

// renderAndWrite runs the render stage (figures, publication tables, report.html) and the
// write stage (analysis tables, vocabulary report, review.csv, counts, summary.json) at
// once: both only read the finished analysis and summary, they write different files, and
// on a large table each is seconds of one core. The render stage's error wins over the
// write stage's, so that the error a run reports does not depend on timing, and the files
// written are listed in name order.
func (st *state) renderAndWrite() error {
	var writeErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		writeErr = st.writeOutputs()
	}()
	renderErr := st.render()
	<-done
	st.out.SortFiles()
	if renderErr != nil {
		return renderErr
	}
	return writeErr
}

func (st *state) writeOutputs() error {
	if err := st.writeAnalysisTables(); err != nil {
		return err
	}
	if !st.cfg.Stream { // a streaming run wrote them during its pass
		if err := st.writeHeldRows(); err != nil {
			return err
		}
	}
	if err := st.out.Write("vocabulary_report.csv", func(w *bufio.Writer) error {
		return normalise.WriteVocabReport(w, st.norm.Vocab, st.norm.VocabUnlisted)
	}); err != nil {
		return err
	}
	if err := st.out.Write(normalise.ReviewFile, func(w *bufio.Writer) error { return normalise.WriteReview(w, st.norm.Review) }); err != nil {
		return err
	}
	if st.cfg.EmitCounts {
		rows := st.analysis.Counts
		if err := st.out.Write("counts/counts.csv", func(w *bufio.Writer) error { return writeCountsCSV(w, rows) }); err != nil {
			return err
		}
		if err := st.out.Write("counts/counts.parquet", func(w *bufio.Writer) error { return writeCountsParquet(w, rows) }); err != nil {
			return err
		}
	}
	sum := *st.summary
	if sum.Analysis != nil {
		sum.Analysis = sum.Analysis.ForSummary(maxListedRates)
	}
	return st.out.Write(summaryFile, func(w *bufio.Writer) error { return jsonout.WriteSafe(w, &sum) })
}

// maxListedRates is how many rows of a rate list, or of the study counts,
// summary.json lists (cohort.MaxListedRates; tests lower it).
var maxListedRates = cohort.MaxListedRates

// writeHeldRows writes the files of one row per course or quarantined row:
// normalised/cases.* (unless cfg.SkipNormalised) and quarantine.csv.
func (st *state) writeHeldRows() error {
	ing := st.ingested
	if err := st.out.Write("quarantine.csv", func(w *bufio.Writer) error { return ingest.WriteQuarantine(w, ing.Quarantine) }); err != nil {
		return err
	}
	if st.cfg.SkipNormalised {
		return nil
	}
	courses, maps := st.norm.Courses, ing.Mappings
	if err := st.out.Write("normalised/cases.csv", func(w *bufio.Writer) error { return normalise.WriteCasesCSV(w, courses, maps) }); err != nil {
		return err
	}
	return st.out.Write("normalised/cases.parquet", func(w *bufio.Writer) error { return normalise.WriteCasesParquet(w, courses, maps) })
}

// Summary is summary.json: counts, per-file accounting and every problem.
type Summary struct {
	Tool       string                 `json:"tool"`
	Version    string                 `json:"version"`
	Inputs     []ingest.FileAccount   `json:"inputs"`
	Totals     Totals                 `json:"totals"`
	Problems   ProblemSummary         `json:"problems"`
	Normalise  NormaliseSummary       `json:"normalise"`
	Vocabulary []normalise.VocabEntry `json:"vocabulary"`
	// VocabularyUnlisted counts the rows whose term Vocabulary does not
	// list (past normalise.VocabCap terms of a field).
	VocabularyUnlisted []normalise.VocabUnlisted `json:"vocabulary_unlisted,omitempty"`
	Review             normalise.ReviewSummary   `json:"review"`
	Strict             StrictSummary             `json:"strict"`
	// Analysis holds every row; summary.json lists at most cohort.MaxListedRates
	// rows of each rate list and of the study counts (Analysis.ForSummary).
	Analysis *cohort.Analysis `json:"analysis"`
	Config   config.Config    `json:"config"`
	Details  []data.Problem   `json:"details"`
	// Grouped are the warnings and errors of Details, one per (code,
	// column, value) with a row count and the first rows.
	Grouped []ingest.ProblemGroup `json:"grouped"`
}

// Totals are row counts over every input:
// RowsRead = RowsAccepted + RowsQuarantined.
type Totals struct {
	RowsRead        int `json:"rows_read"`
	RowsAccepted    int `json:"rows_accepted"`
	RowsQuarantined int `json:"rows_quarantined"`
	CaseRows        int `json:"case_rows"`
	StudyRows       int `json:"study_rows"`
	LabRows         int `json:"lab_rows"`
}

// ProblemSummary counts problems by severity and by code.
type ProblemSummary struct {
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	ByCode   map[string]int `json:"by_code"`
	// ByCodeAndColumn counts every problem per severity, code and column;
	// where listed < total, details (and grouped) list only the first
	// ingest.ProblemCap of them.
	ByCodeAndColumn []ingest.ProblemCount `json:"by_code_and_column"`
}

func newSummary(cfg *config.Config, ing *ingest.Ingested) *Summary {
	s := &Summary{Tool: "tresp", Version: Version, Inputs: ing.Accounts, Config: *cfg}
	var ps ingest.ProblemSet
	ps.Merge(ing.Problems, ing.ProblemCounts)
	s.setProblems(&ps)
	for _, a := range ing.Accounts {
		s.Totals.RowsRead += a.RowsRead
		s.Totals.RowsAccepted += a.RowsAccepted
		s.Totals.RowsQuarantined += a.RowsQuarantined
	}
	s.Totals.CaseRows, s.Totals.StudyRows, s.Totals.LabRows = len(ing.Cases), len(ing.Studies), len(ing.Labs)
	return s
}

// setProblems makes ps the summary's problems: the kept ones as Details
// (sorted) and Grouped, the counts as the totals.
func (s *Summary) setProblems(ps *ingest.ProblemSet) {
	s.Details = ps.Kept()
	if s.Details == nil {
		s.Details = []data.Problem{}
	}
	ingest.SortProblems(s.Details)
	counts := ps.List()
	s.Problems = ProblemSummary{ByCode: map[string]int{}, ByCodeAndColumn: counts}
	for _, c := range counts {
		switch {
		case c.Severity >= data.Error:
			s.Problems.Errors += c.Total
		case c.Severity == data.Warning:
			s.Problems.Warnings += c.Total
		}
		s.Problems.ByCode[c.Code] += c.Total
	}
	s.Grouped = append(ingest.GroupProblems(s.Details, data.Warning), ingest.UnlistedGroups(counts, data.Warning)...)
}

// NormaliseSummary counts what normalisation produced.
type NormaliseSummary struct {
	Courses      int `json:"courses"`
	StudyCounts  int `json:"study_counts"`
	UnknownTerms int `json:"terms_not_exact"`
	// CacheHits and CacheMisses count the memoised parses (not counted by a
	// streaming run, whose count would depend on its number of workers).
	CacheHits   int `json:"parse_cache_hits,omitempty"`
	CacheMisses int `json:"parse_cache_misses,omitempty"`
}

// addProblems adds later stages' problems.
func (s *Summary) addProblems(probs *ingest.ProblemSet) {
	var ps ingest.ProblemSet
	ps.Merge(s.Details, s.Problems.ByCodeAndColumn)
	ps.Merge(probs.Kept(), probs.List())
	s.setProblems(&ps)
}

// undecidedError is the --strict failure while outcomes are unclassified
// or read with low confidence and nobody has decided them: how many, the
// first, and where review.csv is (run: whether this run writes it).
func undecidedError(rs *normalise.ReviewSummary, out string, run bool) error {
	n := rs.UnclassifiedOutcomes + rs.LowConfidenceOutcomes
	if n == 0 {
		return nil
	}
	where := filepath.Join(out, normalise.ReviewFile)
	how := "a run without --strict writes them to " + where
	if !run {
		how = "tresp run writes them to " + where
	}
	return fmt.Errorf("strict: %d outcomes are unclassified or read with low confidence and not decided (%d unclassified, %d low confidence; the first at %s): %s; fill its decision column and pass it with --decisions: %w",
		n, rs.UnclassifiedOutcomes, rs.LowConfidenceOutcomes, rs.FirstUndecided, how, ErrData)
}

// UndecidedError is the error of validate --strict while outcomes await a
// decision (nil when none do); out is the output directory whose
// review.csv lists them.
func UndecidedError(s *Summary, out string) error {
	return undecidedError(&s.Review, out, false)
}

func itoa(i int) string { return strconv.Itoa(i) }

// readOptions turns the read settings into ingest options.
func readOptions(r config.ReadConfig) ingest.ReadOptions {
	return ingest.ReadOptions{
		Map:          data.MapOptions{Explicit: r.Columns, StudyFromFileName: r.StudyFromFileName},
		Delimiter:    r.Delimiter.Rune(),
		DecimalComma: string(r.DecimalComma),
	}
}
