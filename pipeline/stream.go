package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
	"github.com/tresp/tresp/pipeline/outdir"
)

// streamQuarantineShown is the most quarantined rows a streaming run keeps for
// report.html; quarantine.csv lists every one.
const streamQuarantineShown = 1000

// streamOutputs are the files a streaming run writes during its pass (writeOutputs
// writes them from the held rows otherwise).
type streamOutputs struct {
	out        *outdir.Dir
	files      []*os.File
	bufs       []*bufio.Writer
	cases      *normalise.CasesWriter
	quarantine *ingest.QuarantineWriter
	// patients go to the cases writer's goroutine through pending; mu guards
	// maps, the mappings it writes with, and casesErr its first error.
	pending  chan []*cohort.Course
	written  chan struct{}
	mu       sync.Mutex
	maps     map[string]*data.Mapping
	casesErr error
}

// open creates the streamed files in the output directory and starts the cases
// writer's goroutine.
func (so *streamOutputs) open(st *state) error {
	so.out = st.out
	create := func(rel string) (*bufio.Writer, error) {
		f, err := st.out.Create(rel)
		if err != nil {
			return nil, st.out.Failure("write "+rel, err)
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		so.files, so.bufs = append(so.files, f), append(so.bufs, bw)
		return bw, nil
	}
	q, err := create("quarantine.csv")
	if err != nil {
		return err
	}
	so.quarantine = ingest.NewQuarantineWriter(q)
	if st.cfg.SkipNormalised {
		return nil
	}
	c, err := create("normalised/cases.csv")
	if err != nil {
		return err
	}
	p, err := create("normalised/cases.parquet")
	if err != nil {
		return err
	}
	so.maps = map[string]*data.Mapping{}
	so.cases = normalise.NewCasesWriter(c, p, func(f string) *data.Mapping {
		so.mu.Lock()
		defer so.mu.Unlock()
		return so.maps[f]
	})
	so.pending, so.written = make(chan []*cohort.Course, 4096), make(chan struct{})
	go func() {
		defer close(so.written)
		for cs := range so.pending {
			if so.err() == nil {
				so.setErr(so.cases.Write(cs))
			}
		}
	}()
	return nil
}

// write hands a patient's courses (which nobody changes any more) to the cases
// writer; maps are the mappings known so far.
func (so *streamOutputs) write(cs []*cohort.Course, maps map[string]*data.Mapping) error {
	if so.cases == nil {
		return nil
	}
	so.mu.Lock()
	for _, c := range cs {
		if so.maps[c.Rec.File] == nil {
			so.maps[c.Rec.File] = maps[c.Rec.File]
		}
	}
	err := so.casesErr
	so.mu.Unlock()
	if err != nil {
		return err
	}
	so.pending <- cs
	return nil
}

func (so *streamOutputs) err() error {
	so.mu.Lock()
	defer so.mu.Unlock()
	return so.casesErr
}

func (so *streamOutputs) setErr(err error) {
	so.mu.Lock()
	if so.casesErr == nil {
		so.casesErr = err
	}
	so.mu.Unlock()
}

// close finishes the streamed files; err is the pass's error, returned first. A
// failure to write them is reported as the output directory's (Dir.Failure).
func (so *streamOutputs) close(err error) error {
	var werr error
	if so.pending != nil {
		close(so.pending)
		<-so.written
		so.pending = nil
		werr = so.err()
	}
	if so.quarantine != nil {
		werr = errors.Join(werr, so.quarantine.Close())
	}
	if so.cases != nil {
		werr = errors.Join(werr, so.cases.Close())
	}
	for i, f := range so.files {
		werr = errors.Join(werr, so.bufs[i].Flush(), f.Close())
	}
	if werr != nil {
		werr = so.out.Failure("write the streamed files", werr)
	}
	return errors.Join(err, werr)
}

// stream is the ingest, normalise and analyse stages of a streaming run (--stream) in
// one pass over the inputs: each row is read, normalised and, once its patient's rows
// end, folded into the analysis and written to normalised/cases.*; quarantined rows go
// straight to quarantine.csv. Memory is bounded by the number of groups, one patient's
// rows, the parse caches and the capped lists (problems, review.csv, vocabulary
// report), not by the number of rows. Lab tables are read first, so that their rows
// join the case rows that follow.
func (st *state) stream() error {
	voc, dec, err := st.vocabularyAndDecisions()
	if err != nil {
		return err
	}
	opt := readOptions(st.cfg.Read)
	opt.Context = st.ctx
	order, err := labTablesFirst(st.inputs, opt)
	if err != nil {
		return err
	}
	acc := newPatientFold(st.cfg.Analysis)
	// the study-level tables are read before the case tables (labTablesFirst), so
	// their rows reach the fold first: the patients of other studies fold without
	// the study
	acc.StudiesFirst, acc.SkipCounts = true, !st.cfg.EmitCounts
	acc.Table1Groups = st.cfg.Tables.Table1By
	var so streamOutputs
	courses := 0
	workers := st.cfg.StreamWorkers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var maps map[string]*data.Mapping // the streamer's, read by its collector only
	streamer := normalise.NewStreamer(voc, dec, workers, func(cs []*cohort.Course) error {
		courses += len(cs)
		acc.AddPatient(cs)
		return so.write(cs, maps)
	})
	maps = streamer.Mappings()
	streamer.OnStudy = acc.AddStudy
	ing := &ingest.Ingested{Mappings: streamer.Mappings()}
	if err := so.open(st); err != nil {
		return err
	}
	err = st.streamInputs(order, opt, streamer, ing, &so)
	if err != nil {
		streamer.Finish() // stop its goroutines before the files close under them
		return so.close(err)
	}
	norm, probs, err := streamer.Finish()
	var split *normalise.SplitPatientsError
	if errors.As(err, &split) {
		err = fmt.Errorf("%w: %w", err, ErrData)
	}
	if err = so.close(err); err != nil {
		return err
	}
	st.ingested = ing
	if err := allQuarantined(ing); err != nil {
		return err
	}
	st.summary = newSummary(st.cfg, ing)
	st.summary.Totals.CaseRows, st.summary.Totals.StudyRows, st.summary.Totals.LabRows = ing.CaseRows, len(norm.Studies), ing.LabRows
	st.log.Stage("ingest", fmt.Sprintf("%d rows read from %d inputs: %d accepted, %d quarantined (streamed)",
		st.summary.Totals.RowsRead, len(ing.Accounts), st.summary.Totals.RowsAccepted, st.summary.Totals.RowsQuarantined))
	norm.CacheHits, norm.CacheMisses = 0, 0 // they depend on the number of workers
	if err := st.finishNormalise(norm, probs, courses); err != nil {
		return err
	}
	a, err := acc.Analyse(st.ctx)
	if err != nil {
		return err
	}
	st.setAnalysis(a)
	return nil
}

// streamInputs reads every input in order through the streamer, writing quarantined
// rows as they come and keeping the accounts, the problems and the first quarantined
// rows (for report.html) in ing.
func (st *state) streamInputs(order []ingest.Input, opt ingest.ReadOptions, streamer *normalise.Streamer, ing *ingest.Ingested, so *streamOutputs) error {
	var ps ingest.ProblemSet
	labs := map[[2]string][]data.Lab{}
	streamer.SetLabs(labs)
	accounts := map[string]ingest.FileAccount{}
	for _, in := range order {
		acct, fprobs, err := ingest.ReadInput(in, opt, func(m *data.Mapping, rec *data.Record, cells []string, probs []data.Problem) error {
			ps.Add(probs...)
			if ingest.HasError(probs) {
				q := ingest.Quarantine(m, rec, cells, probs)
				so.quarantine.Write(&q)
				if len(ing.Quarantine) < streamQuarantineShown {
					ing.Quarantine = append(ing.Quarantine, q)
				}
				ing.QuarantinedRows++
				return nil
			}
			switch m.Kind {
			case data.LabTable:
				streamer.AddMapping(m)
				k := [2]string{rec.Get(data.FieldStudy), rec.Get(data.FieldCaseID)}
				labs[k] = append(labs[k], rec.Labs...)
				ing.LabRows++
				return nil
			case data.CaseTable:
				ing.CaseRows++
			}
			return streamer.Record(m, rec)
		})
		if err != nil {
			var ie *data.InputError
			if errors.As(err, &ie) {
				return err
			}
			return fmt.Errorf("%s: %w", in.Name, err)
		}
		ps.Add(fprobs...)
		accounts[in.Name] = acct
	}
	for _, in := range st.inputs { // accounts in the order of the inputs, as Ingest gives them
		ing.Accounts = append(ing.Accounts, accounts[in.Name])
	}
	ing.Problems, ing.ProblemCounts = ps.Kept(), ps.List()
	ingest.SortProblems(ing.Problems)
	return nil
}

// labTablesFirst orders the inputs for a streaming pass: lab tables first (their rows
// join the case rows), then study-level tables (their rows decide how the patients of
// their studies count), then the case tables, each kind in the inputs' order.
func labTablesFirst(inputs []ingest.Input, opt ingest.ReadOptions) ([]ingest.Input, error) {
	var labs, studies, rest []ingest.Input
	for _, in := range inputs {
		k, err := ingest.TableKind(in, opt)
		if err != nil {
			return nil, err
		}
		switch k {
		case data.LabTable:
			labs = append(labs, in)
		case data.StudyTable:
			studies = append(studies, in)
		default:
			rest = append(rest, in)
		}
	}
	return append(append(labs, studies...), rest...), nil
}
