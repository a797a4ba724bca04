package parquetio

import (
	"fmt"
	"io"
	"math"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// ColumnType is the type of an output column.
type ColumnType int

// Output column types. Float and Int columns are nullable: NaN and
// NullInt are written as null.
const (
	String ColumnType = iota
	Float
	Int
)

// NullInt marks a missing value in an Int column.
const NullInt = math.MinInt64

// Column describes one output column.
type Column struct {
	Name string
	Type ColumnType
	// Plain writes a String column without a dictionary: free text, whose dictionary
	// could outgrow its page. On such an overflow arrow-go falls back to plain pages and
	// writes the column chunk's encoding counts from a map, in an order that changes
	// between runs (parquet/metadata/column_chunk.go, Finish): two runs on the same input
	// wrote different footers.
	Plain bool
}

// Row holds one output row: Strings, Floats and Ints are indexed by column
// position; only the slice matching each column's type is read.
type Row struct {
	Strings []string
	Floats  []float64
	Ints    []int64
}

// DefaultRowGroupRows is the number of rows buffered per row group.
const DefaultRowGroupRows = 64 << 10

// batchRows is the number of rows built into one Arrow record before it is
// encoded into the open row group. The row group itself is held encoded
// (dictionary indices, snappy pages), which is several times smaller than
// the Arrow arrays of its rows: building whole row groups as records made
// the writer the largest item of a streaming run's peak heap.
const batchRows = 8 << 10

// Writer writes rows to a Parquet file in row groups, holding at most one
// row group in memory, encoded, and one batch of rows as Arrow arrays.
type Writer struct {
	cols  []Column
	fw    *pqarrow.FileWriter
	b     *array.RecordBuilder
	n     int // rows in b
	group int // rows in the open row group
	limit int
}

// NewWriter starts a Parquet file with the given columns on w. Output is
// deterministic: snappy compression, no timestamps.
func NewWriter(w io.Writer, cols []Column) (*Writer, error) {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		var t arrow.DataType
		switch c.Type {
		case String:
			t = arrow.BinaryTypes.String
		case Float:
			t = arrow.PrimitiveTypes.Float64
		case Int:
			t = arrow.PrimitiveTypes.Int64
		default:
			return nil, fmt.Errorf("parquetio: column %q has unknown type %d", c.Name, c.Type)
		}
		fields[i] = arrow.Field{Name: c.Name, Type: t, Nullable: c.Type != String}
	}
	schema := arrow.NewSchema(fields, nil)
	opts := []parquet.WriterProperty{parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithDictionaryDefault(true), parquet.WithCreatedBy("tresp")}
	for _, c := range cols {
		if c.Plain {
			opts = append(opts, parquet.WithDictionaryFor(c.Name, false))
		}
	}
	props := parquet.NewWriterProperties(opts...)
	fw, err := pqarrow.NewFileWriter(schema, w, props, pqarrow.DefaultWriterProps())
	if err != nil {
		return nil, fmt.Errorf("parquetio: start file: %w", err)
	}
	return &Writer{cols: cols, fw: fw, b: array.NewRecordBuilder(memory.DefaultAllocator, schema), limit: DefaultRowGroupRows}, nil
}

// SetRowGroupRows sets the rows buffered per row group (at least 1);
// DefaultRowGroupRows until set. Scale tests use it to write a file of one
// very large row group.
func (w *Writer) SetRowGroupRows(n int) { w.limit = max(1, n) }

// Write appends one row.
func (w *Writer) Write(r Row) error {
	for i, c := range w.cols {
		switch c.Type {
		case String:
			w.b.Field(i).(*array.StringBuilder).Append(r.Strings[i])
		case Float:
			fb := w.b.Field(i).(*array.Float64Builder)
			if v := r.Floats[i]; math.IsNaN(v) {
				fb.AppendNull()
			} else {
				fb.Append(v)
			}
		case Int:
			ib := w.b.Field(i).(*array.Int64Builder)
			if v := r.Ints[i]; v == NullInt {
				ib.AppendNull()
			} else {
				ib.Append(v)
			}
		}
	}
	w.n++
	if w.n >= batchRows || w.group+w.n >= w.limit {
		return w.flush()
	}
	return nil
}

// flush encodes the batch into the open row group, starting a new row
// group first when the open one holds limit rows.
func (w *Writer) flush() error {
	if w.n == 0 {
		return nil
	}
	rec := w.b.NewRecord()
	defer rec.Release()
	if w.group >= w.limit {
		w.fw.NewBufferedRowGroup()
		w.group = 0
	}
	w.group += w.n
	w.n = 0
	if err := w.fw.WriteBuffered(rec); err != nil {
		return fmt.Errorf("parquetio: write row group: %w", err)
	}
	return nil
}

// Close flushes the last row group, writes the footer and closes the
// underlying writer when it is an io.Closer.
func (w *Writer) Close() error {
	err := w.flush()
	w.b.Release()
	if cerr := w.fw.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("parquetio: close: %w", cerr)
	}
	return err
}
