package pipeline

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/parquetio"
)

// caseFields are the canonical case-table fields written to
// normalised/cases.*, in order.
func caseFields() []data.Field {
	var fs []data.Field
	for _, s := range data.Specs {
		if s.Level&data.LevelCase != 0 && s.Field != data.FieldAgeSex &&
			s.Field != data.FieldLabAnalyte && s.Field != data.FieldLabValue && s.Field != data.FieldLabUnit {
			fs = append(fs, s.Field)
		}
	}
	return fs
}

// extraJSON renders a record's labs and extra columns as JSON objects, keys
// in file order, so no input cell is lost from the normalised table.
func extraJSON(m *data.Mapping, r *data.Record) (labs, extra string) {
	if len(r.Labs) > 0 {
		b, _ := json.Marshal(r.Labs)
		labs = string(b)
	}
	if len(r.Extra) > 0 && m != nil {
		var sb strings.Builder
		sb.WriteByte('{')
		for i, h := range m.ExtraHeaders() {
			if i > 0 {
				sb.WriteByte(',')
			}
			k, _ := json.Marshal(h)
			v, _ := json.Marshal(r.Extra[i])
			sb.Write(k)
			sb.WriteByte(':')
			sb.Write(v)
		}
		sb.WriteByte('}')
		extra = sb.String()
	}
	return labs, extra
}

func casesHeader() []string {
	h := []string{"source_file", "source_line"}
	for _, f := range caseFields() {
		h = append(h, f.String())
	}
	return append(h, "labs", "extra")
}

func caseRow(ing *Ingested, r *data.Record) []string {
	row := []string{r.File, itoa(r.Line)}
	for _, f := range caseFields() {
		row = append(row, r.Values[f])
	}
	labs, extra := extraJSON(ing.Mappings[r.File], r)
	return append(row, labs, extra)
}

func writeCasesCSV(o *outDir, ing *Ingested) error {
	return o.write("normalised/cases.csv", func(w *bufio.Writer) error {
		cw := csv.NewWriter(w)
		cw.Write(casesHeader())
		for i := range ing.Cases {
			cw.Write(caseRow(ing, &ing.Cases[i]))
		}
		cw.Flush()
		return cw.Error()
	})
}

func writeCasesParquet(o *outDir, ing *Ingested) error {
	f, err := o.create("normalised/cases.parquet")
	if err != nil {
		return err
	}
	header := casesHeader()
	cols := make([]parquetio.Column, len(header))
	for i, h := range header {
		cols[i] = parquetio.Column{Name: h, Type: parquetio.String}
	}
	pw, err := parquetio.NewWriter(f, cols)
	if err != nil {
		f.Close()
		return err
	}
	for i := range ing.Cases {
		if err := pw.Write(parquetio.Row{Strings: caseRow(ing, &ing.Cases[i])}); err != nil {
			f.Close()
			return err
		}
	}
	return pw.Close() // closes f
}

func writeQuarantine(w *bufio.Writer, q []Quarantined) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"file", "line", "reasons", "row"})
	for _, r := range q {
		var reasons []string
		for _, p := range r.Reasons {
			reasons = append(reasons, p.Error())
		}
		var sb strings.Builder
		sb.WriteByte('{')
		for i, c := range r.Cells {
			h := "column " + itoa(i+1)
			if i < len(r.Header) && r.Header[i] != "" {
				h = r.Header[i]
			}
			if i > 0 {
				sb.WriteByte(',')
			}
			k, _ := json.Marshal(h)
			v, _ := json.Marshal(c)
			sb.Write(k)
			sb.WriteByte(':')
			sb.Write(v)
		}
		sb.WriteByte('}')
		cw.Write([]string{r.File, itoa(r.Line), strings.Join(reasons, "; "), sb.String()})
	}
	cw.Flush()
	return cw.Error()
}
