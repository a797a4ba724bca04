package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"os"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// streamQuarantineShown is the most quarantined rows a streaming run keeps for
// report.html; quarantine.csv lists every one.
const streamQuarantineShown = 1000

// streamOutputs are the files a streaming run writes during its pass (writeOutputs
// writes them from the held rows otherwise).
type streamOutputs struct {
	files      []*os.File
	bufs       []*bufio.Writer
	cases      *normalise.CasesWriter
	quarantine *ingest.QuarantineWriter
}

// open creates the streamed files in the output directory.
func (so *streamOutputs) open(st *state, maps func() map[string]*data.Mapping) error {
	create := func(rel string) (*bufio.Writer, error) {
		f, err := st.out.Create(rel)
		if err != nil {
			return nil, outputError(st, rel, err)
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
	so.cases = normalise.NewCasesWriter(c, p, maps())
	return nil
}

// close finishes the streamed files; err is the pass's error, returned first.
func (so *streamOutputs) close(err error) error {
	if so.quarantine != nil {
		err = errors.Join(err, so.quarantine.Close())
	}
	if so.cases != nil {
		err = errors.Join(err, so.cases.Close())
	}
	for i, f := range so.files {
		err = errors.Join(err, so.bufs[i].Flush(), f.Close())
	}
	return err
}

func outputError(st *state, rel string, err error) error {
	return fmt.Errorf("%s: write %s: %w", st.cfg.Out, rel, err)
}

// stream is the ingest, normalise and analyse stages of a streaming run (--stream) in
// one pass over the inputs: each row is read, normalised and, once its patient's rows
// end, folded into the analysis and written to normalised/cases.*; quarantined rows go
// straight to quarantine.csv. Memory is bounded by the number of groups, one patient's
// rows, the parse caches and the capped lists (problems, review.csv, vocabulary
// report), not by the number of rows. Lab tables are read first, so that their rows
// join the case rows that follow.
func (st *state) stream() error {
	voc, err := normalise.LoadVocabulary(st.cfg.Vocabulary)
	if err != nil {
		return err
	}
	dec, err := normalise.LoadDecisions(st.cfg.Decisions)
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
	var so streamOutputs
	courses := 0
	streamer := normalise.NewStreamer(voc, dec, map[[2]string][]data.Lab{}, func(cs []*cohort.Course) error {
		courses += len(cs)
		acc.AddPatient(cs)
		if so.cases != nil {
			return so.cases.Write(cs)
		}
		return nil
	})
	ing := &ingest.Ingested{Mappings: streamer.Mappings()}
	if err := so.open(st, streamer.Mappings); err != nil {
		return err
	}
	err = st.streamInputs(order, opt, streamer, ing, &so)
	if err != nil {
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
	for _, s := range norm.Studies {
		acc.AddStudy(s)
	}
	st.ingested = ing
	if err := allQuarantined(ing); err != nil {
		return err
	}
	st.summary = newSummary(st.cfg, ing)
	st.summary.Totals.CaseRows, st.summary.Totals.StudyRows, st.summary.Totals.LabRows = ing.CaseRows, len(norm.Studies), ing.LabRows
	st.log.Stage("ingest", fmt.Sprintf("%d rows read from %d inputs: %d accepted, %d quarantined (streamed)",
		st.summary.Totals.RowsRead, len(ing.Accounts), st.summary.Totals.RowsAccepted, st.summary.Totals.RowsQuarantined))
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
				streamer.Mappings()[m.File] = m
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
// join the case rows), the rest in their order.
func labTablesFirst(inputs []ingest.Input, opt ingest.ReadOptions) ([]ingest.Input, error) {
	var labs, rest []ingest.Input
	for _, in := range inputs {
		k, err := ingest.TableKind(in, opt)
		if err != nil {
			return nil, err
		}
		if k == data.LabTable {
			labs = append(labs, in)
		} else {
			rest = append(rest, in)
		}
	}
	return append(labs, rest...), nil
}
