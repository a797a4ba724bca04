package parquetio

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/tresp/tresp/data"
)

// DefaultBatchSize is the number of rows decoded at a time.
const DefaultBatchSize = 16 << 10

// ReadBufferSize is how many bytes of a column chunk are read at a time.
const ReadBufferSize = 1 << 20

// testHookSource, when set, wraps the file a Reader reads from, so that a
// test can see the size of every read.
var testHookSource func(parquet.ReaderAtSeeker) parquet.ReaderAtSeeker

// Reader streams the rows of one Parquet file as text cells.
type Reader struct {
	name   string
	f      *os.File
	pf     *file.Reader
	fr     *pqarrow.FileReader
	rr     pqarrow.RecordReader
	group  int // next row group to open
	header []string
	rec    arrow.Record
	row    int // next row within rec
	line   int // rows handed out so far
	cells  []string
	buf    []byte // the row's cells, copied out of the record (see Next)
	ends   []int  // where each cell ends in buf
}

// Open opens the Parquet file at path, named name in messages, and checks
// that every column has a supported type. Errors are *data.InputError.
func Open(path, name string, batchSize int) (r *Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			if r != nil {
				r.Close()
			}
			r, err = nil, corrupt(name, fmt.Sprint(p))
		}
	}()
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, data.NewInputError(name, "read-error", "cannot open: "+err.Error(), "check the path")
	}
	// Buffered reads: a column chunk is read ReadBufferSize bytes at a
	// time instead of whole, so that one very large row group costs no
	// more memory than many small ones.
	rp := parquet.NewReaderProperties(memory.DefaultAllocator)
	rp.BufferedStreamEnabled = true
	rp.BufferSize = ReadBufferSize
	var src parquet.ReaderAtSeeker = f
	if testHookSource != nil {
		src = testHookSource(f)
	}
	pf, err := file.NewParquetReader(src, file.WithReadProps(rp))
	if err != nil {
		f.Close()
		return nil, corrupt(name, err.Error())
	}
	r = &Reader{name: name, f: f, pf: pf}
	props := pqarrow.ArrowReadProperties{BatchSize: int64(batchSize)}
	fr, err := pqarrow.NewFileReader(pf, props, memory.DefaultAllocator)
	if err != nil {
		r.Close()
		return nil, corrupt(name, err.Error())
	}
	sc, err := fr.Schema()
	if err != nil {
		r.Close()
		return nil, corrupt(name, err.Error())
	}
	for _, fld := range sc.Fields() {
		if !supported(fld.Type) {
			r.Close()
			return nil, data.NewInputError(name, "unsupported-type",
				fmt.Sprintf("column %q has type %s, which tresp cannot read as a cell", fld.Name, fld.Type),
				"store it as string, integer, float, boolean or date, or drop the column")
		}
		r.header = append(r.header, fld.Name)
	}
	if len(r.header) == 0 {
		r.Close()
		return nil, data.NewInputError(name, "no-header", "Parquet file has no columns", "")
	}
	r.fr = fr
	r.cells = make([]string, len(r.header))
	return r, nil
}

func corrupt(name, detail string) error {
	return data.NewInputError(name, "bad-parquet", "not a readable Parquet file: "+detail,
		"check the file is complete (not truncated) and was written as Parquet")
}

// Header returns the column names.
func (r *Reader) Header() []string { return r.header }

// NumRows returns the row count recorded in the file's footer.
func (r *Reader) NumRows() int64 { return r.pf.NumRows() }

// Next returns the cells of the next row and its 1-based row number (the
// header counts as row 1, as in a CSV file, so row numbers match a CSV
// export). The returned slice is reused by the next call. It returns io.EOF
// after the last row.
func (r *Reader) Next() (cells []string, line int, err error) {
	defer func() {
		if p := recover(); p != nil {
			cells, line, err = nil, 0, corrupt(r.name, fmt.Sprint(p))
		}
	}()
	for r.rec == nil || r.row >= int(r.rec.NumRows()) {
		r.rec = nil
		if r.rr != nil && r.rr.Next() {
			r.rec = r.rr.Record()
			r.row = 0
			continue
		}
		if r.rr != nil {
			err := r.rr.Err()
			r.rr.Release()
			r.rr = nil
			if err != nil && err != io.EOF {
				return nil, 0, corrupt(r.name, err.Error())
			}
		}
		if r.group >= r.pf.NumRowGroups() {
			return nil, 0, io.EOF
		}
		// One record reader per row group: a batch never spans two row
		// groups, whose dictionaries differ (pqarrow cannot merge them).
		rr, err := r.fr.GetRecordReader(context.Background(), nil, []int{r.group})
		if err != nil {
			return nil, 0, corrupt(r.name, err.Error())
		}
		r.rr = rr
		r.group++
	}
	// The cells are copied out of the record into one string per row, as a CSV reader
	// makes them: a cell that outlives the row (a kept value, a cache key) then keeps its
	// row alive, not the whole column buffer of a batch of thousands of rows.
	r.buf, r.ends = r.buf[:0], r.ends[:0]
	for c := range r.cells {
		s := cellText(r.rec.Column(c), r.row)
		if i := badByte(s); i >= 0 {
			e := data.NewInputError(r.name, "not-utf8", fmt.Sprintf("column %q: the string is not UTF-8 text: invalid byte 0x%02x at byte %d", r.header[c], s[i], i),
				"write the strings as UTF-8 text")
			if s[i] == 0 {
				e.Code = "binary"
				e.Reason = fmt.Sprintf("column %q: NUL byte at byte %d of the string", r.header[c], i)
			}
			e.Line = r.line + 2 // the row's number, as Next returns it
			return nil, 0, e
		}
		r.buf = append(r.buf, s...)
		r.ends = append(r.ends, len(r.buf))
	}
	row, start := string(r.buf), 0
	for c := range r.cells {
		r.cells[c] = row[start:r.ends[c]]
		start = r.ends[c]
	}
	r.row++
	r.line++
	return r.cells, r.line + 1, nil
}

// Close releases the file.
func (r *Reader) Close() error {
	if r.rr != nil {
		r.rr.Release()
		r.rr = nil
	}
	if r.pf != nil {
		r.pf.Close()
		r.pf = nil
	}
	if r.f != nil {
		err := r.f.Close()
		r.f = nil
		return err
	}
	return nil
}

func supported(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.STRING, arrow.LARGE_STRING, arrow.BINARY, arrow.LARGE_BINARY,
		arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64,
		arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT32, arrow.FLOAT64, arrow.BOOL, arrow.DATE32, arrow.NULL:
		return true
	case arrow.DICTIONARY:
		return supported(t.(*arrow.DictionaryType).ValueType)
	}
	return false
}

func cellText(a arrow.Array, i int) string {
	if a.IsNull(i) {
		return ""
	}
	switch a := a.(type) {
	case *array.String:
		return a.Value(i)
	case *array.LargeString:
		return a.Value(i)
	case *array.Binary:
		return string(a.Value(i))
	case *array.LargeBinary:
		return string(a.Value(i))
	case *array.Dictionary:
		return cellText(a.Dictionary(), a.GetValueIndex(i))
	case *array.Int8:
		return strconv.FormatInt(int64(a.Value(i)), 10)
	case *array.Int16:
		return strconv.FormatInt(int64(a.Value(i)), 10)
	case *array.Int32:
		return strconv.FormatInt(int64(a.Value(i)), 10)
	case *array.Int64:
		return strconv.FormatInt(a.Value(i), 10)
	case *array.Uint8:
		return strconv.FormatUint(uint64(a.Value(i)), 10)
	case *array.Uint16:
		return strconv.FormatUint(uint64(a.Value(i)), 10)
	case *array.Uint32:
		return strconv.FormatUint(uint64(a.Value(i)), 10)
	case *array.Uint64:
		return strconv.FormatUint(a.Value(i), 10)
	case *array.Float32:
		return strconv.FormatFloat(float64(a.Value(i)), 'g', -1, 32)
	case *array.Float64:
		return strconv.FormatFloat(a.Value(i), 'g', -1, 64)
	case *array.Boolean:
		return strconv.FormatBool(a.Value(i))
	case *array.Date32:
		return a.Value(i).ToTime().Format("2006-01-02")
	}
	return ""
}

// badByte returns the index of the first NUL or invalid UTF-8 byte of s,
// -1 if none.
func badByte(s string) int {
	for i, r := range s {
		if r == 0 {
			return i
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return -1
}
