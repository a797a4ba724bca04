package parquetio

import (
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"

	"github.com/tresp/tresp/data"
)

// writeTestFile writes rows of (study dictionary string, case_id int64
// with nulls, age float64, ok bool, outcome string with nulls) in row
// groups of groupRows.
func writeTestFile(t testing.TB, path string, rows, groupRows int) {
	t.Helper()
	dictType := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "Study", Type: dictType, Nullable: true},
		{Name: "Pt", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
		{Name: "Age", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		{Name: "Flag", Type: arrow.FixedWidthTypes.Boolean, Nullable: true},
		{Name: "Outcome", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	props := parquet.NewWriterProperties(parquet.WithMaxRowGroupLength(int64(groupRows)), parquet.WithDictionaryDefault(true))
	fw, err := pqarrow.NewFileWriter(schema, f, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		t.Fatal(err)
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	for i := 0; i < rows; i++ {
		b.Field(0).(*array.BinaryDictionaryBuilder).AppendString([]string{"Thakur", "Rao"}[i%2])
		if i%7 == 3 {
			b.Field(1).AppendNull()
		} else {
			b.Field(1).(*array.Int64Builder).Append(int64(i))
		}
		b.Field(2).(*array.Float64Builder).Append(float64(i) + 0.5)
		b.Field(3).(*array.BooleanBuilder).Append(i%2 == 0)
		if i%5 == 0 {
			b.Field(4).AppendNull()
		} else {
			b.Field(4).(*array.StringBuilder).Append("marked improvement")
		}
		if (i+1)%groupRows == 0 || i == rows-1 {
			rec := b.NewRecord()
			if err := fw.Write(rec); err != nil {
				t.Fatal(err)
			}
			rec.Release()
		}
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestReadDictionaryNullsRowGroups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.parquet")
	writeTestFile(t, path, 1000, 300)
	r, err := Open(path, "cases.parquet", 128)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := strings.Join(r.Header(), ","); got != "Study,Pt,Age,Flag,Outcome" {
		t.Errorf("header = %s", got)
	}
	if r.pf.NumRowGroups() < 3 {
		t.Errorf("row groups = %d, want several", r.pf.NumRowGroups())
	}
	n := 0
	for {
		cells, line, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		i := n
		n++
		if line != i+2 {
			t.Fatalf("row %d has line %d", i, line)
		}
		wantStudy := []string{"Thakur", "Rao"}[i%2]
		wantPt := ""
		if i%7 != 3 {
			wantPt = itoa(i)
		}
		wantOutcome := "marked improvement"
		if i%5 == 0 {
			wantOutcome = ""
		}
		wantFlag := "false"
		if i%2 == 0 {
			wantFlag = "true"
		}
		if cells[0] != wantStudy || cells[1] != wantPt || cells[2] != itoa(i)+".5" || cells[3] != wantFlag || cells[4] != wantOutcome {
			t.Fatalf("row %d = %q", i, cells)
		}
	}
	if n != 1000 {
		t.Errorf("read %d rows, want 1000", n)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func nan() float64 { return math.NaN() }

func TestTruncatedAndGarbage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.parquet")
	writeTestFile(t, path, 100, 50)
	b, _ := os.ReadFile(path)
	cases := map[string][]byte{
		"truncated.parquet": b[:len(b)/2],
		"tail-cut.parquet":  b[:len(b)-3],
		"garbage.parquet":   []byte("PAR1 this is not parquet at all PAR1"),
		"empty.parquet":     {},
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			os.WriteFile(p, content, 0o644)
			r, err := Open(p, name, 0)
			if err == nil {
				for err == nil {
					_, _, err = r.Next()
				}
				r.Close()
				if err == io.EOF {
					t.Fatal("corrupt file read without error")
				}
			}
			var ie *data.InputError
			if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), name+": ") {
				t.Fatalf("err = %v, want a *data.InputError naming the file", err)
			}
		})
	}
}

func TestUnsupportedColumnType(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.parquet")
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "Pt", Type: arrow.BinaryTypes.String},
		{Name: "Doses", Type: arrow.ListOf(arrow.PrimitiveTypes.Float64)},
	}, nil)
	f, _ := os.Create(path)
	fw, err := pqarrow.NewFileWriter(schema, f, parquet.NewWriterProperties(), pqarrow.DefaultWriterProps())
	if err != nil {
		t.Fatal(err)
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	b.Field(0).(*array.StringBuilder).Append("1")
	lb := b.Field(1).(*array.ListBuilder)
	lb.Append(true)
	lb.ValueBuilder().(*array.Float64Builder).Append(60)
	rec := b.NewRecord()
	fw.Write(rec)
	fw.Close()
	_, err = Open(path, "list.parquet", 0)
	if err == nil || !strings.Contains(err.Error(), `column "Doses"`) {
		t.Fatalf("err = %v, want one naming column Doses", err)
	}
}

func TestWriterRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.parquet")
	write := func() []byte {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w, err := NewWriter(f, []Column{{Name: "drug", Type: String}, {Name: "mg_day", Type: Float}, {Name: "n", Type: Int}})
		if err != nil {
			t.Fatal(err)
		}
		w.limit = 2
		rows := []Row{
			{Strings: []string{"diltiazem", "", ""}, Floats: []float64{0, 180, 0}, Ints: []int64{0, 0, 5}},
			{Strings: []string{"risedronate", "", ""}, Floats: []float64{0, nan(), 0}, Ints: []int64{0, 0, NullInt}},
			{Strings: []string{"", "", ""}, Floats: []float64{0, 0.25, 0}, Ints: []int64{0, 0, -1}},
		}
		for _, r := range rows {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		return b
	}
	first := write()
	if second := write(); string(first) != string(second) {
		t.Error("two writes of the same rows differ")
	}
	r, err := Open(path, "out.parquet", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var got []string
	for {
		cells, _, err := r.Next()
		if err != nil {
			break
		}
		got = append(got, strings.Join(cells, "|"))
	}
	want := "diltiazem|180|5;risedronate||;|0.25|-1"
	if strings.Join(got, ";") != want {
		t.Errorf("round trip = %q, want %q", strings.Join(got, ";"), want)
	}
}

// writeRows writes n rows, row(i) for each, to a new Parquet file at path
// with row groups of limit rows.
func writeRows(t *testing.T, path string, cols []Column, limit, n int, row func(i int) Row) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(f, cols)
	if err != nil {
		t.Fatal(err)
	}
	w.SetRowGroupRows(limit)
	for i := 0; i < n; i++ {
		if err := w.Write(row(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestRowGroupsFromBatches: rows are encoded in batches of batchRows into
// row groups of exactly the limit (the last one shorter), and every value
// comes back in order.
func TestRowGroupsFromBatches(t *testing.T) {
	for _, tc := range []struct{ rows, limit int }{
		{3 * batchRows, batchRows},         // group = batch
		{20_000, 7_000},                    // groups end inside a batch
		{2*batchRows + 5, 100 * batchRows}, // one group of several batches
	} {
		path := filepath.Join(t.TempDir(), "out.parquet")
		writeRows(t, path, []Column{{Name: "drug", Type: String}, {Name: "n", Type: Int}}, tc.limit, tc.rows,
			func(i int) Row {
				return Row{Strings: []string{"d" + strconv.Itoa(i%37), ""}, Ints: []int64{0, int64(i)}}
			})
		pf, err := file.OpenParquetFile(path, false)
		if err != nil {
			t.Fatal(err)
		}
		var sizes []int64
		for g := 0; g < pf.NumRowGroups(); g++ {
			sizes = append(sizes, pf.RowGroup(g).NumRows())
		}
		pf.Close()
		for g, n := range sizes {
			want := int64(min(tc.limit, tc.rows-g*tc.limit))
			if n != want || len(sizes) != (tc.rows+tc.limit-1)/tc.limit {
				t.Fatalf("%d rows, limit %d: row groups %v", tc.rows, tc.limit, sizes)
			}
		}
		r, err := Open(path, "out.parquet", 0)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; ; i++ {
			cells, _, err := r.Next()
			if err != nil {
				if i != tc.rows {
					t.Errorf("%d rows, limit %d: read %d rows back", tc.rows, tc.limit, i)
				}
				break
			}
			if want := "d" + strconv.Itoa(i%37) + "|" + strconv.Itoa(i); strings.Join(cells, "|") != want {
				t.Fatalf("%d rows, limit %d: row %d = %q, want %q", tc.rows, tc.limit, i, strings.Join(cells, "|"), want)
			}
		}
		r.Close()
	}
}

// TestBadStringsRefused: a NUL byte or invalid UTF-8 inside a Parquet
// string is refused with the column, the row and the byte.
func TestBadStringsRefused(t *testing.T) {
	for _, tt := range []struct {
		name, bad, code, reason string
	}{
		{"NUL", "dilti\x00azem", "binary", `column "drug": NUL byte at byte 5`},
		{"invalid UTF-8", "dilti\xffazem", "not-utf8", `column "drug": the string is not UTF-8 text: invalid byte 0xff at byte 5`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.parquet")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			w, err := NewWriter(f, []Column{{Name: "drug", Type: String}})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"ok", "fine", tt.bad} {
				if err := w.Write(Row{Strings: []string{s}, Floats: []float64{0}, Ints: []int64{0}}); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			r, err := Open(path, "bad.parquet", 0)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			n := 0
			for {
				_, _, err = r.Next()
				if err != nil {
					break
				}
				n++
			}
			var ie *data.InputError
			if !errors.As(err, &ie) || ie.Code != tt.code || ie.Line != 4 || !strings.Contains(ie.Reason, tt.reason) {
				t.Fatalf("after %d rows: err = %v (%+v), want %s on row 4 with %q", n, err, ie, tt.code, tt.reason)
			}
		})
	}
}

// TestOneLargeRowGroup (issue 13): a file of one row group of many
// batches is read in batches with buffered column reads, every row in
// order with its row number. (That memory stays bounded is measured with
// scripts/hostile-memory and benchingest: 146 MiB to stream a million rows
// in one group, 147 MiB for two million; 257 MiB before.)
func TestOneLargeRowGroup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one.parquet")
	const rows = 40000
	pad := strings.Repeat("x", 40)
	writeRows(t, path, []Column{{Name: "id", Type: String}, {Name: "text", Type: String}}, rows+1, rows,
		func(i int) Row { return Row{Strings: []string{strconv.Itoa(i), pad + strconv.Itoa(i*7919)}} })
	r, err := Open(path, "one.parquet", 1000)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if g := r.pf.NumRowGroups(); g != 1 {
		t.Fatalf("%d row groups, want 1", g)
	}
	n := 0
	for {
		cells, line, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if cells[0] != strconv.Itoa(n) || cells[1] != pad+strconv.Itoa(n*7919) || line != n+2 {
			t.Fatalf("row %d: %q at line %d", n, cells, line)
		}
		n++
	}
	if n != rows {
		t.Errorf("read %d rows, want %d", n, rows)
	}
}

// readSizes wraps a file and records the largest single read.
type readSizes struct {
	parquet.ReaderAtSeeker
	max int
}

func (r *readSizes) ReadAt(p []byte, off int64) (int, error) {
	r.max = max(r.max, len(p))
	return r.ReaderAtSeeker.ReadAt(p, off)
}

// TestLargeRowGroupReadBounded (issue 13, bounded memory): inside one row
// group whose column chunk is several times ReadBufferSize, no read of
// the file is larger than ReadBufferSize and no batch holds more than the
// batch size, so a huge row group costs the memory of a small one. (The
// old reader read each column chunk whole: one read of the chunk's size.)
func TestLargeRowGroupReadBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "one.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// free text, Plain as tresp writes it: the writer's dictionaries have no size limit
	// (dictionaryPageLimit), so a dictionary page holds a row group's distinct values
	w, err := NewWriter(f, []Column{{Name: "id", Type: String}, {Name: "text", Type: String, Plain: true}})
	if err != nil {
		t.Fatal(err)
	}
	const rows, batch = 60000, 1000
	w.SetRowGroupRows(rows + 1)
	// text that neither a dictionary nor compression shrinks much
	x := uint64(88172645463325252)
	text := func() string {
		var b strings.Builder
		for b.Len() < 64 {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			b.WriteString(strconv.FormatUint(x, 36))
		}
		return b.String()
	}
	want := make([]string, rows)
	for i := range want {
		want[i] = text()
		if err := w.Write(Row{Strings: []string{strconv.Itoa(i), want[i]}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var src *readSizes
	testHookSource = func(f parquet.ReaderAtSeeker) parquet.ReaderAtSeeker {
		src = &readSizes{ReaderAtSeeker: f}
		return src
	}
	defer func() { testHookSource = nil }()
	r, err := Open(path, "one.parquet", batch)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	md := r.pf.MetaData()
	if r.pf.NumRowGroups() != 1 {
		t.Fatalf("%d row groups, want 1", r.pf.NumRowGroups())
	}
	cc, err := md.RowGroup(0).ColumnChunk(1)
	if err != nil {
		t.Fatal(err)
	}
	if chunk := cc.TotalCompressedSize(); chunk < 3*ReadBufferSize {
		t.Fatalf("the text column chunk is %d bytes, want several times ReadBufferSize (%d)", chunk, ReadBufferSize)
	}
	n, largest := 0, int64(0)
	for {
		cells, _, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		largest = max(largest, r.rec.NumRows())
		if cells[1] != want[n] {
			t.Fatalf("row %d: %q, want %q", n, cells[1], want[n])
		}
		n++
	}
	if n != rows {
		t.Errorf("read %d rows, want %d", n, rows)
	}
	if largest > batch {
		t.Errorf("a batch of %d rows, want at most %d", largest, batch)
	}
	if src.max > ReadBufferSize {
		t.Errorf("a read of %d bytes, want at most ReadBufferSize (%d)", src.max, ReadBufferSize)
	}
}

// TestPlainColumnHasNoDictionary: a Plain column is written without a dictionary page, so
// that free text can never overflow one (an overflow made arrow-go write the column's
// encoding counts in map order: different bytes on every run), while other string
// columns keep theirs.
func TestPlainColumnHasNoDictionary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plain.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(f, []Column{{Name: "drug", Type: String}, {Name: "outcome_text", Type: String, Plain: true}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		if err := w.Write(Row{Strings: []string{"rituximab", "improved after " + strconv.Itoa(i) + " weeks"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, "plain.parquet", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rg := r.pf.MetaData().RowGroup(0)
	for i, wantDict := range []bool{true, false} {
		cc, err := rg.ColumnChunk(i)
		if err != nil {
			t.Fatal(err)
		}
		if got := cc.HasDictionaryPage(); got != wantDict {
			t.Errorf("column %d: dictionary page %v, want %v", i, got, wantDict)
		}
	}
}
