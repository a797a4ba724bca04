package parquetio

import (
	"fmt"
	"io"
	"math"
	"unsafe"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/metadata"
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
	// Plain writes a String column without a dictionary: free text, whose values are
	// mostly distinct, so that a dictionary would only cost memory (see
	// dictionaryPageLimit for why no dictionary may fall back to plain pages).
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

// batchRows is the number of rows gathered, column by column, before they are
// encoded into the open row group. The row group itself is held encoded
// (dictionary indices, snappy pages), which is several times smaller than
// the values of its rows: gathering whole row groups made the writer the
// largest item of a streaming run's peak heap.
const batchRows = 8 << 10

// Writer writes rows to a Parquet file in row groups, holding at most one
// row group in memory, encoded, and one batch of rows as column values.
//
// The rows go straight to arrow-go's column writers (parquet/file): no Arrow
// arrays are built. Building them (array builders, then a copy of every
// string into a []parquet.ByteArray) was a fifth of all the bytes a
// streaming run allocated. The file is byte for byte what pqarrow wrote for
// the same rows (the same schema conversion, batches and calls; a test
// compares the two).
type Writer struct {
	cols  []Column
	fw    *file.Writer
	rgw   file.BufferedRowGroupWriter
	bufs  []columnBuffer
	n     int // rows in the batch
	group int // rows in the open row group
	limit int
}

// columnBuffer holds one column's values of the batch. A string is kept as a
// view of its bytes (stringBytes), not copied: the column writer only reads
// it, and the page statistics that keep a minimum or maximum keep the string
// alive. Float and Int columns keep their non-null values densely, with a
// definition level per row (1 present, 0 null).
type columnBuffer struct {
	strs     []parquet.ByteArray
	nonEmpty bool // some string of the batch is not empty
	floats   []float64
	ints     []int64
	defs     []int16
}

// emptyBytes is the value of an empty string in a batch that holds other
// strings: a non-nil empty slice. In a batch of empty strings only, each is
// nil. That is what pqarrow passed (slices of the Arrow array's value buffer,
// which is nil when no string has a byte), and it matters: the page
// statistics skip nil values when they look for the minimum and maximum, so
// a column of empty strings has none.
var emptyBytes = parquet.ByteArray([]byte{})

// stringBytes returns the bytes of s without copying them (nil for ""). They
// must not be written to; the column writers only read values.
func stringBytes(s string) parquet.ByteArray {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
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
	props := writerProperties(cols)
	// The schema as pqarrow converts it (logical types, repetitions), so that the
	// file is the one pqarrow wrote.
	pqschema, err := pqarrow.ToParquet(arrow.NewSchema(fields, nil), props, pqarrow.DefaultWriterProps())
	if err != nil {
		return nil, fmt.Errorf("parquetio: start file: %w", err)
	}
	fw := file.NewParquetWriter(w, pqschema.Root(), file.WithWriterProps(props),
		file.WithWriteMetadata(make(metadata.KeyValueMetadata, 0)))
	bufs := make([]columnBuffer, len(cols))
	for i, c := range cols {
		switch c.Type {
		case String:
			bufs[i].strs = make([]parquet.ByteArray, 0, batchRows)
		case Float:
			bufs[i].floats = make([]float64, 0, batchRows)
			bufs[i].defs = make([]int16, 0, batchRows)
		case Int:
			bufs[i].ints = make([]int64, 0, batchRows)
			bufs[i].defs = make([]int16, 0, batchRows)
		}
	}
	return &Writer{cols: cols, fw: fw, bufs: bufs, limit: DefaultRowGroupRows}, nil
}

// dictionaryPageLimit is the size a column chunk's dictionary may reach. arrow-go's
// default (1 MB) makes a chunk whose distinct values outgrow it fall back to plain pages,
// and it then writes the chunk's page-encoding counts from a map, in an order that changes
// between runs (parquet/metadata/column_chunk.go, Finish): two runs on the same input wrote
// different footers (TestWriterDeterministicWithManyDistinctValues). A dictionary holds
// at most a row group's distinct values (DefaultRowGroupRows rows), so with no practical
// limit there is never a fallback; free-text columns are Plain and hold no dictionary.
const dictionaryPageLimit = 1 << 40

// writerProperties are the Parquet properties of a file of cols: snappy pages, a
// dictionary for every column not Plain, no timestamps.
func writerProperties(cols []Column) *parquet.WriterProperties {
	opts := []parquet.WriterProperty{parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithDictionaryDefault(true), parquet.WithDictionaryPageSizeLimit(dictionaryPageLimit),
		parquet.WithCreatedBy("tresp")}
	for _, c := range cols {
		if c.Plain {
			opts = append(opts, parquet.WithDictionaryFor(c.Name, false))
		}
	}
	return parquet.NewWriterProperties(opts...)
}

// SetRowGroupRows sets the rows buffered per row group (at least 1);
// DefaultRowGroupRows until set. Scale tests use it to write a file of one
// very large row group.
func (w *Writer) SetRowGroupRows(n int) { w.limit = max(1, n) }

// Write appends one row. Its strings are kept, not copied, until the batch is encoded, so
// they must be ordinary Go strings, never views of memory that changes (Reader copies every
// cell out of Arrow's buffers, and nothing else in tresp makes such views).
func (w *Writer) Write(r Row) error {
	for i, c := range w.cols {
		b := &w.bufs[i]
		switch c.Type {
		case String:
			v := stringBytes(r.Strings[i])
			b.strs = append(b.strs, v)
			b.nonEmpty = b.nonEmpty || v != nil
		case Float:
			if v := r.Floats[i]; math.IsNaN(v) {
				b.defs = append(b.defs, 0)
			} else {
				b.floats = append(b.floats, v)
				b.defs = append(b.defs, 1)
			}
		case Int:
			if v := r.Ints[i]; v == NullInt {
				b.defs = append(b.defs, 0)
			} else {
				b.ints = append(b.ints, v)
				b.defs = append(b.defs, 1)
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
	if w.rgw == nil || w.group >= w.limit {
		if w.rgw != nil {
			if err := w.rgw.Close(); err != nil {
				return fmt.Errorf("parquetio: write row group: %w", err)
			}
		}
		w.rgw = w.fw.AppendBufferedRowGroup()
		w.group = 0
	}
	w.group += w.n
	w.n = 0
	for i := range w.cols {
		if err := w.writeColumn(i); err != nil {
			return fmt.Errorf("parquetio: write row group: column %q: %w", w.cols[i].Name, err)
		}
	}
	return nil
}

// writeColumn encodes column i's values of the batch and empties its buffer.
func (w *Writer) writeColumn(i int) error {
	cw, err := w.rgw.Column(i)
	if err != nil {
		return err
	}
	b := &w.bufs[i]
	switch cw := cw.(type) {
	case *file.ByteArrayColumnChunkWriter:
		if b.nonEmpty {
			for j, v := range b.strs {
				if v == nil {
					b.strs[j] = emptyBytes
				}
			}
		}
		_, err = cw.WriteBatch(b.strs, nil, nil)
		clear(b.strs) // let the strings go
		b.strs, b.nonEmpty = b.strs[:0], false
	case *file.Float64ColumnChunkWriter:
		_, err = cw.WriteBatch(b.floats, b.defs, nil)
		b.floats, b.defs = b.floats[:0], b.defs[:0]
	case *file.Int64ColumnChunkWriter:
		_, err = cw.WriteBatch(b.ints, b.defs, nil)
		b.ints, b.defs = b.ints[:0], b.defs[:0]
	default:
		err = fmt.Errorf("unexpected column writer %T", cw)
	}
	return err
}

// Close flushes the last row group, writes the footer and closes the
// underlying writer when it is an io.Closer.
func (w *Writer) Close() error {
	err := w.flush()
	if w.rgw != nil {
		if cerr := w.rgw.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("parquetio: close: %w", cerr)
		}
	}
	if cerr := w.fw.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("parquetio: close: %w", cerr)
	}
	return err
}
