package parquetio

import (
	"io"
	"math"
	"strconv"
	"testing"
)

// BenchmarkWriter writes rows of 40 string columns (a few distinct values each, as the
// normalised cases' vocabulary columns, and free text) and 30 float columns, as
// normalised/cases.parquet does, and reports the bytes allocated per row.
func BenchmarkWriter(b *testing.B) {
	const nStr, nFloat, rows = 40, 30, 20000
	cols := make([]Column, 0, nStr+nFloat)
	for i := 0; i < nStr; i++ {
		cols = append(cols, Column{Name: "s" + strconv.Itoa(i), Type: String, Plain: i%8 == 0})
	}
	for i := 0; i < nFloat; i++ {
		cols = append(cols, Column{Name: "f" + strconv.Itoa(i), Type: Float})
	}
	row := Row{Strings: make([]string, len(cols)), Floats: make([]float64, len(cols))}
	texts := []string{"complete response", "partial response after 3 months", "no change", "diltiazem 60 mg three times a day", ""}
	b.ReportAllocs()
	for n := 0; n < b.N; n++ {
		w, err := NewWriter(io.Discard, cols)
		if err != nil {
			b.Fatal(err)
		}
		for r := 0; r < rows; r++ {
			for i := 0; i < nStr; i++ {
				row.Strings[i] = texts[(r+i)%len(texts)]
			}
			for i := nStr; i < len(cols); i++ {
				if (r+i)%7 == 0 {
					row.Floats[i] = math.NaN()
				} else {
					row.Floats[i] = float64(r%97) / 4
				}
			}
			if err := w.Write(row); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
