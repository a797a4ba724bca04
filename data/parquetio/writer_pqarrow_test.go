package parquetio

import (
	"bytes"
	"math"
	"strconv"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// pqarrowFile writes rows as the writer did before it went to the column writers
// directly: Arrow records of batchRows rows through pqarrow, in buffered row groups of
// limit rows. It is the reference the writer's bytes are compared with.
func pqarrowFile(t *testing.T, cols []Column, rows []Row, limit int) []byte {
	t.Helper()
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		t := map[ColumnType]arrow.DataType{String: arrow.BinaryTypes.String, Float: arrow.PrimitiveTypes.Float64, Int: arrow.PrimitiveTypes.Int64}[c.Type]
		fields[i] = arrow.Field{Name: c.Name, Type: t, Nullable: c.Type != String}
	}
	schema := arrow.NewSchema(fields, nil)
	var buf bytes.Buffer
	fw, err := pqarrow.NewFileWriter(schema, &buf, writerProperties(cols), pqarrow.DefaultWriterProps())
	if err != nil {
		t.Fatal(err)
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	n, group := 0, 0
	flush := func() {
		if n == 0 {
			return
		}
		rec := b.NewRecord()
		defer rec.Release()
		if group >= limit {
			fw.NewBufferedRowGroup()
			group = 0
		}
		group += n
		n = 0
		if err := fw.WriteBuffered(rec); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range rows {
		for i, c := range cols {
			switch c.Type {
			case String:
				b.Field(i).(*array.StringBuilder).Append(r.Strings[i])
			case Float:
				if v := r.Floats[i]; math.IsNaN(v) {
					b.Field(i).(*array.Float64Builder).AppendNull()
				} else {
					b.Field(i).(*array.Float64Builder).Append(v)
				}
			case Int:
				if v := r.Ints[i]; v == NullInt {
					b.Field(i).(*array.Int64Builder).AppendNull()
				} else {
					b.Field(i).(*array.Int64Builder).Append(v)
				}
			}
		}
		n++
		if n >= batchRows || group+n >= limit {
			flush()
		}
	}
	flush()
	b.Release()
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriterMatchesPqarrow checks that the writer's file is byte for byte the file
// pqarrow wrote from Arrow records of the same rows: columns of empty strings only (no
// minimum or maximum), empty strings among others, nulls, all-null batches, several
// batches and row groups, dictionary and plain columns.
func TestWriterMatchesPqarrow(t *testing.T) {
	cols := []Column{
		{Name: "term", Type: String},
		{Name: "free", Type: String, Plain: true},
		{Name: "always_empty", Type: String},
		{Name: "sometimes_empty", Type: String},
		{Name: "value", Type: Float},
		{Name: "null_then_values", Type: Float},
		{Name: "count", Type: Int},
	}
	rowsOf := func(n int) []Row {
		rows := make([]Row, n)
		for r := range rows {
			row := Row{Strings: make([]string, len(cols)), Floats: make([]float64, len(cols)), Ints: make([]int64, len(cols))}
			row.Strings[0] = []string{"complete", "partial", "none"}[r%3]
			row.Strings[1] = "free text of row " + strconv.Itoa(r)
			if r%5 == 0 && r >= batchRows {
				row.Strings[3] = "seen from the second batch on " + strconv.Itoa(r%11)
			}
			row.Floats[4] = float64(r%97) / 4
			if r%7 == 0 {
				row.Floats[4] = math.NaN()
			}
			row.Floats[5] = math.NaN()
			if r > batchRows+100 {
				row.Floats[5] = float64(r)
			}
			row.Ints[6] = int64(r % 13)
			if r%9 == 0 {
				row.Ints[6] = NullInt
			}
			rows[r] = row
		}
		return rows
	}
	tests := []struct {
		name  string
		rows  int
		limit int
	}{
		{"no rows", 0, DefaultRowGroupRows},
		{"one row", 1, DefaultRowGroupRows},
		{"several batches, one row group", 3*batchRows + 17, DefaultRowGroupRows},
		{"row groups smaller than a batch", 2*batchRows + 5, 1000},
		{"row groups of several batches", 5*batchRows + 3, 2 * batchRows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := rowsOf(tt.rows)
			var got bytes.Buffer
			w, err := NewWriter(&got, cols)
			if err != nil {
				t.Fatal(err)
			}
			w.SetRowGroupRows(tt.limit)
			for _, r := range rows {
				if err := w.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			want := pqarrowFile(t, cols, rows, tt.limit)
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%d bytes, pqarrow wrote %d; the files differ", got.Len(), len(want))
			}
		})
	}
}

// TestWriterDeterministicWithManyDistinctValues writes a dictionary column whose distinct
// values outgrow arrow-go's default dictionary page (1 MB) several times: the files must be
// byte-identical. With the default limit the chunk fell back to plain pages and its footer
// listed the page encodings in map order, which changed between runs.
func TestWriterDeterministicWithManyDistinctValues(t *testing.T) {
	// four such columns, each of whose chunks may list its encodings in either order
	cols := []Column{{Name: "labs", Type: String}, {Name: "notes", Type: String}, {Name: "sites", Type: String},
		{Name: "case_id", Type: String}, {Name: "n", Type: Float}}
	write := func() []byte {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, cols)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 40000; i++ {
			lab := `[{"analyte":"creatinine","text":"` + strconv.Itoa(i) + ` umol/L","value":` + strconv.Itoa(i) + `}]`
			row := Row{Strings: []string{lab, "note " + lab, "site " + lab, "case " + lab, ""}, Floats: []float64{0, 0, 0, 0, float64(i)}}
			if err := w.Write(row); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := write()
	for run := 2; run <= 8; run++ {
		if !bytes.Equal(write(), first) {
			t.Fatalf("run %d wrote other bytes than run 1", run)
		}
	}
}
