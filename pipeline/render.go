package pipeline

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/internal/jsonout"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
	"github.com/tresp/tresp/pipeline/present"
	"github.com/tresp/tresp/reports/figure"
	"github.com/tresp/tresp/reports/html"
	"github.com/tresp/tresp/reports/table"
)

// testHookFigureWritten, when set by a test, runs after each figure file
// is written: the kill test uses it to end the process mid-render.
var testHookFigureWritten func()

// presentInput is what package present reads from the run.
func (st *state) presentInput() *present.Input {
	a := st.cfg.Analysis
	decisions := ""
	if st.cfg.Decisions != "" {
		decisions = filepath.Base(st.cfg.Decisions)
	}
	return &present.Input{Analysis: st.analysis, Options: present.Options{
		Pooling: string(a.Pooling), Transform: string(a.Transform), Nodes: a.Nodes, TimeEstimator: string(a.TimeEstimator),
		DiseaseGroups: a.DiseaseLevel == config.DiseaseLevelGroup, DrugClasses: a.DrugLevel == config.DrugLevelClass,
		SmallGroup: a.SmallGroup, MinCompareN: a.MinCompareN, MaxCompareGroups: a.MaxCompareGroups,
		ForestMaxDrugs: st.cfg.Figures.ForestMaxDrugs, Table1By: string(st.cfg.Tables.Table1By),
		UnclassifiedCourses: st.summary.Review.UnclassifiedCourses, Decisions: decisions, ReviewFile: normalise.ReviewFile,
	}}
}

// render writes figures, publication tables and report.html.
func (st *state) render() error {
	size := st.cfg.Figures.Size.Size()
	var formats []figure.Format
	for _, f := range st.cfg.Figures.Formats {
		formats = append(formats, f.Format())
	}
	var report html.Report
	report.Title = "Treatment response: " + st.dataSetName()
	report.ToolVersion = Version
	in := st.presentInput()
	figs := present.Figures(in)
	if err := st.writeFigures(figs, size, formats, &report); err != nil {
		return err
	}
	tables := present.Tables(in)
	for _, t := range tables {
		for _, f := range st.cfg.Tables.Formats {
			tf := f.Format()
			rel := "tables/" + t.Name + tf.Ext()
			if err := st.out.Write(rel, func(w *bufio.Writer) error { return table.Write(w, t.Table, tf) }); err != nil {
				return err
			}
		}
		report.Tables = append(report.Tables, t.Table)
	}
	report.Summary = st.reportSummary()
	report.Warnings = append(report.Warnings, st.analysis.Warnings...)
	for _, p := range st.summary.Details {
		if p.Severity >= data.Warning {
			report.Warnings = append(report.Warnings, p.Severity.String()+": "+p.Error())
		}
	}
	report.Quarantined = quarantineTable(st.ingested.Quarantine)
	report.Accepted = acceptedTable(st.summary.Strict.Allowed)
	for _, a := range st.summary.Inputs {
		report.Inputs = append(report.Inputs, html.Input{Path: a.File, SHA256: a.SHA256,
			Note: fmt.Sprintf("%s, %d rows read = %d accepted + %d quarantined", a.Kind, a.RowsRead, a.RowsAccepted, a.RowsQuarantined)})
	}
	var cfgText bytes.Buffer
	jsonout.Write(&cfgText, jsonout.Safe(st.cfg))
	report.Config = cfgText.String()
	if err := st.out.Write("report.html", func(w *bufio.Writer) error { return html.Write(w, report) }); err != nil {
		return err
	}
	st.log.Stage("render", fmt.Sprintf("%d figures × %d formats, %d tables × %d formats, report.html",
		len(figs), len(formats), len(tables), len(st.cfg.Tables.Formats)))
	return nil
}

// writeFigures renders every figure in every format and writes it, with
// its caption, and adds its SVG pages to the report. A figure taller than
// a page of the size is split into pages: one PDF holds them all, PNG and
// SVG get a file per page (figureFile).
// figureError wraps a failure to draw a figure: a size the user chose that the figure
// cannot be drawn at is a configuration error (exit 2, naming figures.size), anything
// else an error of the render stage.
func figureError(name string, size figure.Size, err error) error {
	var se *figure.SizeError
	if errors.As(err, &se) {
		return &config.Error{Key: "figures.size", Msg: fmt.Sprintf("%q: %s cannot be drawn: %s", size.String(), name, se.Msg)}
	}
	return fmt.Errorf("render %s: %w", name, err)
}

func (st *state) writeFigures(figs []present.Figure, size figure.Size, formats []figure.Format, report *html.Report) error {
	pages := make([][]figure.Figure, len(figs))
	for i, nf := range figs {
		ps, err := figure.Paginate(nf.Fig, size)
		if err != nil {
			return figureError(nf.Name, size, err)
		}
		pages[i] = ps
	}
	// Render every figure in every format concurrently into memory (each
	// render is independent, so bytes do not depend on scheduling), then
	// write them in a fixed order.
	type job struct {
		fig    int
		page   int // -1: every page in one file
		format figure.Format
		buf    bytes.Buffer
		err    error
	}
	var jobs []*job
	for i := range figs {
		seenSVG := false
		for _, f := range formats {
			if f == figure.PDF {
				jobs = append(jobs, &job{fig: i, page: -1, format: f})
				continue
			}
			for k := range pages[i] {
				jobs = append(jobs, &job{fig: i, page: k, format: f})
			}
			seenSVG = seenSVG || f == figure.SVG
		}
		if !seenSVG {
			for k := range pages[i] {
				jobs = append(jobs, &job{fig: i, page: k, format: figure.SVG}) // for report.html only
			}
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func(j *job) {
			defer func() { <-sem; wg.Done() }()
			if err := st.ctx.Err(); err != nil {
				j.err = fmt.Errorf("interrupted: %w", err)
				return
			}
			if j.page < 0 {
				j.err = figure.RenderPages(&j.buf, pages[j.fig], size, j.format)
			} else {
				j.err = figure.Render(&j.buf, pages[j.fig][j.page], size, j.format)
			}
		}(j)
	}
	wg.Wait()
	for _, j := range jobs {
		nf := figs[j.fig]
		if j.err != nil {
			return figureError(nf.Name, size, j.err)
		}
		if j.format == figure.SVG && j.page > 0 {
			last := &report.Figures[len(report.Figures)-1]
			last.Pages = append(last.Pages, j.buf.Bytes())
		} else if j.format == figure.SVG {
			caption := pages[j.fig][0].Caption()
			report.Figures = append(report.Figures, html.Figure{Title: nf.Title, Caption: present.CaptionBody(caption), SVG: j.buf.Bytes()})
			if err := st.out.Write("figures/"+nf.Name+".caption.md", func(w *bufio.Writer) error {
				_, err := w.WriteString(caption + "\n")
				return err
			}); err != nil {
				return err
			}
		}
		if slices.Contains(formats, j.format) {
			if err := st.out.Write("figures/"+figureFile(nf.Name, j.page, len(pages[j.fig]), j.format), func(w *bufio.Writer) error {
				_, err := w.Write(j.buf.Bytes())
				return err
			}); err != nil {
				return err
			}
			if testHookFigureWritten != nil {
				testHookFigureWritten()
			}
		}
	}
	return nil
}

// figureFile is the file name of a figure, or of page k (0-based) of a
// figure of n pages in PNG or SVG: NAME_p1.png … NAME_pN.png. A PDF holds
// every page (k < 0), and a figure of one page keeps its plain name.
func figureFile(name string, k, n int, f figure.Format) string {
	if k < 0 || n <= 1 {
		return name + f.Ext()
	}
	return fmt.Sprintf("%s_p%d%s", name, k+1, f.Ext())
}

// dataSetName names the data set for the report title: the embedded
// example, or the input file names (the first three and a count).
func (st *state) dataSetName() string {
	var names []string
	for _, in := range st.summary.Inputs {
		if strings.HasPrefix(in.File, ingest.ExampleName) {
			return "the example data set (calcinosis cutis case reports, embedded)"
		}
		names = append(names, filepath.Base(in.File))
	}
	switch {
	case len(names) == 0:
		return "no input"
	case len(names) > 3:
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more files", len(names)-3)
	}
	return strings.Join(names, ", ")
}

func (st *state) reportSummary() []string {
	t := st.summary.Totals
	s := []string{
		fmt.Sprintf("Data set: %s. tresp %s.", st.dataSetName(), Version),
		fmt.Sprintf("%d rows read from %d inputs: %d accepted, %d quarantined.", t.RowsRead, len(st.summary.Inputs), t.RowsAccepted, t.RowsQuarantined),
		fmt.Sprintf("%d patient × drug courses and %d study-level rows after normalisation.", st.summary.Normalise.Courses, len(st.norm.Studies)),
		fmt.Sprintf("Responder: %s response or better. Attribution: %s. Intervals: %s, %g%%.", st.analysis.Responder,
			st.analysis.Attribution, st.analysis.CIMethod.Label(), 100*st.analysis.Level),
	}
	rv := st.summary.Review
	if rv.UnclassifiedCourses > 0 {
		s = append(s, fmt.Sprintf("%d courses whose outcome was not read with confidence (unclassified, or a low-confidence reading proposed for review) are left out of numerator and denominator until decided in %s.",
			rv.UnclassifiedCourses, normalise.ReviewFile))
	}
	if rv.Undecided > 0 {
		s = append(s, fmt.Sprintf("%s lists %d values to check (%d unclassified outcomes, %d outcomes read with low confidence, %d drug or disease terms): fill its decision column and rerun with --decisions.",
			normalise.ReviewFile, rv.Undecided, rv.UnclassifiedOutcomes, rv.LowConfidenceOutcomes, rv.Terms))
	}
	if rv.Omitted > 0 {
		s = append(s, fmt.Sprintf("%s lists the first %d of them; %d further rows needing review are counted but not listed (the list is capped so that memory stays bounded): extend the vocabulary for the most frequent terms and rerun.",
			normalise.ReviewFile, rv.Items, rv.Omitted))
	}
	if d := rv.Decisions; d != nil {
		s = append(s, fmt.Sprintf("Adjudicated: %d decisions from %s (sha256 %s) applied to %d courses; %d not applied (see the warnings).",
			rv.Adjudicated, d.Path, d.SHA256[:12], rv.AdjudicatedCourses, rv.NotApplied))
	}
	s = append(s, present.Headlines(st.analysis, normalise.ReviewFile)...)
	return s
}

func quarantineTable(q []ingest.Quarantined) table.Table {
	t := table.Table{Title: "Quarantined rows", Columns: []table.Column{{Key: "file", Header: "File"}, {Key: "line", Header: "Line", Numeric: true}, {Key: "reasons", Header: "Reasons"}}}
	for _, r := range q {
		var reasons []string
		for _, p := range r.Reasons {
			reasons = append(reasons, p.Reason)
		}
		t.Rows = append(t.Rows, table.Row{Cells: []string{r.File, itoa(r.Line), strings.Join(reasons, "; ")}})
	}
	return t
}

// acceptedTable lists the strict policy's allowances with the problems
// each accepted and its reason, for report.html.
func acceptedTable(allowed []config.AllowedSummary) table.Table {
	t := table.Table{Title: "Problems a strict run accepts", Columns: []table.Column{{Key: "code", Header: "Code"}, {Key: "column", Header: "Column"},
		{Key: "n", Header: "Problems", Numeric: true}, {Key: "reason", Header: "Reason"}}}
	for _, a := range allowed {
		col, reason := a.Column, a.Reason
		if col == "" {
			col = "any"
		}
		if reason == "" {
			reason = "no reason given"
		}
		t.Rows = append(t.Rows, table.Row{Cells: []string{a.Code, col, itoa(a.Count), reason}})
	}
	return t
}
