package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/csvio"
	"github.com/tresp/tresp/data/example"
	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/data/xlsxio"
)

// Input is one case table to read: a file on disk or an embedded example.
type Input struct {
	// Name is how messages and outputs refer to the input.
	Name string
	// Path is the file on disk, "" for an embedded input.
	Path string
	// Sheet is the sheet of an .xlsx workbook, "" for other files.
	Sheet string
	fsys  fs.FS
	// sha256 is the content hash once computed, so a run reads each
	// input's bytes for hashing only once.
	sha256 string
}

// ExampleName prefixes the names of the embedded example tables.
const ExampleName = "example:"

// ExampleInputs returns the embedded example data set.
func ExampleInputs() []Input {
	var in []Input
	for _, f := range example.Files {
		in = append(in, Input{Name: ExampleName + f, Path: f, fsys: example.FS})
	}
	return in
}

// tableExts are the file endings read from a directory.
var tableExts = map[string]bool{".csv": true, ".tsv": true, ".txt": true, ".parquet": true, ".xlsx": true}

// ResolveInputs expands paths: a directory gives its .csv, .tsv, .txt,
// .parquet and .xlsx files (not recursing), sorted by name; a file is taken
// as it is. An .xlsx workbook gives one input per sheet with a
// recognisable header, named FILE!SHEET. No paths gives the embedded
// example data set.
// With sheet not "", only the named sheet of every workbook is read.
func ResolveInputs(paths []string, sheet string) ([]Input, error) {
	if len(paths) == 0 {
		return ExampleInputs(), nil
	}
	var in []Input
	seen := map[string]bool{}
	var xerr error
	add := func(p string) {
		clean := filepath.Clean(p)
		if seen[clean] {
			return
		}
		seen[clean] = true
		if !strings.EqualFold(filepath.Ext(clean), ".xlsx") {
			in = append(in, Input{Name: filepath.ToSlash(clean), Path: clean})
			return
		}
		sheets, err := workbookSheets(clean, sheet)
		if err != nil && xerr == nil {
			xerr = err
		}
		for _, s := range sheets {
			in = append(in, Input{Name: filepath.ToSlash(clean) + "!" + s, Path: clean, Sheet: s})
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, data.NewInputError(p, "no-input", "cannot read input: "+strings.TrimPrefix(err.Error(), "stat "+p+": "), "check the path")
		}
		if !st.IsDir() {
			if !st.Mode().IsRegular() {
				return nil, specialFileError(p, st.Mode())
			}
			add(p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, data.NewInputError(p, "no-input", "cannot list directory: "+err.Error(), "")
		}
		n := 0
		for _, e := range ents {
			if !e.IsDir() && tableExts[strings.ToLower(filepath.Ext(e.Name()))] {
				if st, err := os.Stat(filepath.Join(p, e.Name())); err == nil && !st.Mode().IsRegular() {
					return nil, specialFileError(filepath.Join(p, e.Name()), st.Mode())
				}
				add(filepath.Join(p, e.Name()))
				n++
			}
		}
		if n == 0 {
			return nil, data.NewInputError(p, "no-input", "directory holds no .csv, .tsv, .parquet or .xlsx file", "")
		}
	}
	if xerr != nil {
		return nil, xerr
	}
	return in, nil
}

// workbookSheets returns the sheets of an .xlsx workbook to read: the one
// named, or every sheet with a recognisable header.
func workbookSheets(path, sheet string) ([]string, error) {
	name := filepath.ToSlash(path)
	wb, err := xlsxio.Open(path, name)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	if sheet != "" {
		for _, s := range wb.Sheets() {
			if s == sheet {
				return []string{s}, nil
			}
		}
		return nil, data.NewInputError(name, "no-sheet", fmt.Sprintf("no sheet %q", sheet), "the workbook's sheets: "+strings.Join(wb.Sheets(), ", "))
	}
	sheets, err := wb.TableSheets()
	if err != nil {
		return nil, err
	}
	if len(sheets) == 0 {
		return nil, data.NewInputError(name, "no-header", "no sheet has a recognisable header row (two or more column names from docs/schema.md)",
			"name the sheet with --sheet NAME, or rename the columns")
	}
	return sheets, nil
}

// specialFileError refuses an input that is not a regular file: a device
// (such as /dev/zero, which never ends), a FIFO or a socket.
func specialFileError(name string, mode fs.FileMode) error {
	kind := "a special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	}
	return data.NewInputError(name, "not-a-file", "is "+kind+", not a regular file",
		"save the table to a .csv, .tsv or .parquet file and give that")
}

// FileAccount is the row accounting of one input:
// RowsRead = RowsAccepted + RowsQuarantined.
type FileAccount struct {
	File            string   `json:"file"`
	SHA256          string   `json:"sha256"`
	Format          string   `json:"format"`
	Kind            string   `json:"kind"`
	RowsRead        int      `json:"rows_read"`
	RowsAccepted    int      `json:"rows_accepted"`
	RowsQuarantined int      `json:"rows_quarantined"`
	Columns         []string `json:"columns"`
	ExtraColumns    []string `json:"extra_columns,omitempty"`
}

// Quarantined is a row that cannot be used, with its reasons.
type Quarantined struct {
	File    string
	Line    int
	Reasons []data.Problem
	Cells   []string
	Header  []string
}

// ReadOptions adjust ingest.
type ReadOptions struct {
	Map          data.MapOptions
	Delimiter    rune
	DecimalComma string
	BatchSize    int
	// Context, when set, stops reading when it is done: the read returns
	// an error wrapping its Err, within a few thousand rows.
	Context context.Context
}

// RowSink receives every row of an input: its mapping, the record, and
// the row's problems. A row whose problems include an Error is to be
// quarantined. cells is only valid during the call.
type RowSink func(m *data.Mapping, rec *data.Record, cells []string, probs []data.Problem) error

// ReadInput streams one input through sink and returns its accounting and
// its file-level problems. Errors reading the file are *data.InputError.
func ReadInput(in Input, opt ReadOptions, sink RowSink) (FileAccount, []data.Problem, error) {
	acct := FileAccount{File: in.Name}
	sum := in.sha256
	if sum == "" {
		var err error
		if sum, err = hashInput(opt.Context, in); err != nil {
			return acct, nil, err
		}
	}
	acct.SHA256 = sum
	rows, closeFn, format, err := openRows(in, opt)
	if err != nil {
		return acct, nil, err
	}
	defer closeFn()
	acct.Format = format
	header := rows.Header()
	m, probs, err := data.NewMapping(in.Name, header, opt.Map)
	if err != nil {
		return acct, nil, err
	}
	acct.Kind = m.Kind.String()
	for _, c := range m.Columns {
		acct.Columns = append(acct.Columns, c.Header)
	}
	acct.ExtraColumns = m.ExtraHeaders()
	for {
		cells, line, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return acct, probs, err
		}
		if acct.RowsRead%4096 == 4095 && opt.Context != nil {
			if err := opt.Context.Err(); err != nil {
				return acct, probs, fmt.Errorf("interrupted while reading %s: %w", in.Name, err)
			}
		}
		rec, rprobs := m.Record(line, cells)
		acct.RowsRead++
		if HasError(rprobs) {
			acct.RowsQuarantined++
		} else {
			acct.RowsAccepted++
		}
		if err := sink(m, &rec, cells, rprobs); err != nil {
			return acct, probs, err
		}
	}
	if acct.RowsRead == 0 {
		return acct, probs, data.NewInputError(in.Name, "no-rows", "header only: the table has no data rows",
			"add at least one row, or remove the file from the inputs")
	}
	return acct, probs, nil
}

func HasError(probs []data.Problem) bool {
	for _, p := range probs {
		if p.Severity >= data.Error {
			return true
		}
	}
	return false
}

// rowSource is what csvio.Reader and parquetio.Reader have in common.
type rowSource interface {
	Header() []string
	Next() ([]string, int, error)
}

func open(in Input) (io.ReadCloser, error) {
	var f io.ReadCloser
	var err error
	if in.fsys != nil {
		f, err = in.fsys.Open(in.Path)
	} else {
		// Stat first: opening a FIFO would wait for a writer, and a
		// device such as /dev/zero never ends.
		if st, serr := os.Stat(in.Path); serr == nil && !st.Mode().IsRegular() {
			return nil, specialFileError(in.Name, st.Mode())
		}
		f, err = os.Open(in.Path)
	}
	if err != nil {
		return nil, data.NewInputError(in.Name, "read-error", "cannot open: "+err.Error(), "check the path")
	}
	return f, nil
}

// Hash returns the SHA-256 of the input's bytes, as hex, reading it once:
// later calls (and ReadInput) reuse the hash.
func (in *Input) Hash(ctx context.Context) (string, error) {
	if in.sha256 != "" {
		return in.sha256, nil
	}
	s, err := hashInput(ctx, *in)
	in.sha256 = s
	return s, err
}

func hashInput(ctx context.Context, in Input) (string, error) {
	f, err := open(in)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, ctxReader{ctx, f}); err != nil {
		if ctx != nil && ctx.Err() != nil {
			return "", fmt.Errorf("interrupted while reading %s: %w", in.Name, ctx.Err())
		}
		return "", data.NewInputError(in.Name, "read-error", "cannot read: "+err.Error(), "")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ctxReader is r that fails once ctx is done, so that reading a large
// input stops soon after a signal.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if c.ctx != nil {
		if err := c.ctx.Err(); err != nil {
			return 0, err
		}
	}
	return c.r.Read(p)
}

var parquetMagic = []byte("PAR1")

func openRows(in Input, opt ReadOptions) (rowSource, func(), string, error) {
	if in.Sheet != "" {
		wb, err := xlsxio.Open(in.Path, in.Name)
		if err != nil {
			return nil, nil, "", err
		}
		r, err := wb.Sheet(in.Sheet)
		if err != nil {
			wb.Close()
			return nil, nil, "", err
		}
		return r, func() { wb.Close() }, "xlsx", nil
	}
	f, err := open(in)
	if err != nil {
		return nil, nil, "", err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(4)
	isParquet := bytes.Equal(head, parquetMagic) || strings.EqualFold(filepath.Ext(in.Path), ".parquet")
	if isParquet {
		f.Close()
		if in.fsys != nil {
			return nil, nil, "", data.NewInputError(in.Name, "unsupported", "embedded Parquet inputs are not supported", "")
		}
		pr, err := parquetio.Open(in.Path, in.Name, opt.BatchSize)
		if err != nil {
			return nil, nil, "", err
		}
		return pr, func() { pr.Close() }, "parquet", nil
	}
	cr, err := csvio.NewReader(br, in.Name, csvio.Options{Delimiter: opt.Delimiter, DecimalComma: opt.DecimalComma})
	if err != nil {
		f.Close()
		return nil, nil, "", err
	}
	format := "csv"
	switch cr.Delimiter() {
	case ';':
		format = "csv;"
	case '\t':
		format = "tsv"
	case '|':
		format = "csv|"
	}
	return cr, func() { f.Close() }, format, nil
}

// Ingested is everything ingest keeps for the later stages.
type Ingested struct {
	Accounts   []FileAccount
	Cases      []data.Record
	Studies    []data.Record
	Labs       []data.Record
	Mappings   map[string]*data.Mapping
	Quarantine []Quarantined
	// Problems are the first ProblemCap problems of each (severity, code,
	// column), and ProblemCounts counts them all.
	Problems      []data.Problem
	ProblemCounts []ProblemCount
	// QuarantinedRows, CaseRows and LabRows count the rows of a streaming
	// run, which keeps no records and only the first quarantined rows.
	QuarantinedRows, CaseRows, LabRows int
}

// Quarantine returns the quarantined row of rec (with mapping m, its cells and
// its problems): the errors among probs are its reasons.
func Quarantine(m *data.Mapping, rec *data.Record, cells []string, probs []data.Problem) Quarantined {
	var errs []data.Problem
	for _, p := range probs {
		if p.Severity >= data.Error {
			errs = append(errs, p)
		}
	}
	return Quarantined{File: rec.File, Line: rec.Line, Reasons: errs, Cells: append([]string(nil), cells...), Header: m.Headers()}
}

// Ingest reads every input, keeping accepted records and quarantined rows.
// A fatal problem with any input stops the run with that input's error.
func Ingest(inputs []Input, opt ReadOptions) (*Ingested, error) {
	res := &Ingested{Mappings: map[string]*data.Mapping{}}
	var ps ProblemSet
	for _, in := range inputs {
		acct, fprobs, err := ReadInput(in, opt, func(m *data.Mapping, rec *data.Record, cells []string, probs []data.Problem) error {
			res.Mappings[m.File] = m
			ps.Add(probs...)
			if HasError(probs) {
				res.Quarantine = append(res.Quarantine, Quarantine(m, rec, cells, probs))
				return nil
			}
			switch m.Kind {
			case data.StudyTable:
				res.Studies = append(res.Studies, *rec)
			case data.LabTable:
				res.Labs = append(res.Labs, *rec)
			default:
				res.Cases = append(res.Cases, *rec)
			}
			return nil
		})
		if err != nil {
			var ie *data.InputError
			if errors.As(err, &ie) {
				return nil, err
			}
			return nil, fmt.Errorf("%s: %w", in.Name, err)
		}
		ps.Add(fprobs...)
		res.Accounts = append(res.Accounts, acct)
	}
	// append leaves up to a quarter of the records' array unused; the
	// records live until the run ends, so give them an array of their size
	// (before anything points into it).
	if cap(res.Cases) > len(res.Cases)+len(res.Cases)/16 {
		exact := make([]data.Record, len(res.Cases))
		copy(exact, res.Cases)
		res.Cases = exact
	}
	res.flagDuplicates(&ps)
	res.Problems, res.ProblemCounts = ps.Kept(), ps.List()
	return res, nil
}

// flagDuplicates warns about case rows sharing study, case_id and drug (or
// treatment cell).
func (res *Ingested) flagDuplicates(ps *ProblemSet) {
	type key struct{ study, id, drug string }
	first := map[key]*data.Record{}
	for i := range res.Cases {
		r := &res.Cases[i]
		drug := r.Get(data.FieldDrug)
		if drug == "" {
			drug = r.Get(data.FieldTreatment)
		}
		k := key{r.Get(data.FieldStudy), r.Get(data.FieldCaseID), strings.ToLower(drug)}
		if p, ok := first[k]; ok {
			ps.Add(data.Problem{Severity: data.Warning, File: r.File, Line: r.Line,
				Column: "case_id", Value: k.id, Code: "duplicate-row",
				Reason: fmt.Sprintf("same study, case_id and drug as %s", p.Position()),
				Hint:   "remove the copy, or give the second course its own case_id"})
			continue
		}
		first[k] = r
	}
}

// SortProblems orders problems by file, line, column and code so outputs do
// not depend on the order work happened in.
func SortProblems(p []data.Problem) {
	sort.SliceStable(p, func(i, j int) bool {
		a, b := p[i], p[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Code < b.Code
	})
}

// TableKind returns the kind of table in holds (case, study-level or lab table),
// from its header alone.
func TableKind(in Input, opt ReadOptions) (data.Kind, error) {
	rows, closeFn, _, err := openRows(in, opt)
	if err != nil {
		return 0, err
	}
	defer closeFn()
	m, _, err := data.NewMapping(in.Name, rows.Header(), opt.Map)
	if err != nil {
		return 0, err
	}
	return m.Kind, nil
}
