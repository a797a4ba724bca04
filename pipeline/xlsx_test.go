package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
	"github.com/xuri/excelize/v2"
)

// TestXLSXSameAsCSV: a workbook with a case sheet and a study-level sheet
// gives the same tables as the same data in two CSV files (issue 10). The
// workbook has a title line above the case header, a date cell shown as
// text, a study name merged over its patients' rows, a merged header cell
// and blank trailing rows.
func TestXLSXSameAsCSV(t *testing.T) {
	cases := [][]string{
		{"Study", "Pt", "Disease", "Treatment", "Follow-up (months)", "Outcome"},
		{"Rao 2019", "1", "SLE", "MMF 1 g bd + prednisolone", "12", "complete remission"},
		{"Rao 2019", "2", "lupus nephritis", "CYC 500 mg IV every 2 weeks", "6", "partial response"},
		{"Rao 2019", "3", "SLE", "Rituximab", "9", "no response"},
		{"Kim 2020", "1", "ANCA vasculitis", "Rituximab + prednisolone", "24", "complete remission"},
		{"Kim 2020", "2", "GPA", "CYC", "3", "lost to follow-up"},
	}
	studies := [][]string{
		{"Study", "Drug", "Disease", "Treated", "Responders"},
		{"Lee 2018", "rituximab", "SLE", "10", "6"},
		{"Lee 2018", "mycophenolate", "SLE", "8", "5"},
	}
	dir := t.TempDir()
	csvText := func(rows [][]string) string {
		var b strings.Builder
		for _, r := range rows {
			for i, c := range r {
				if i > 0 {
					b.WriteByte(',')
				}
				if strings.ContainsAny(c, ",\"") {
					c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
				}
				b.WriteString(c)
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	c1 := writeFile(t, dir, "cases.csv", csvText(cases))
	c2 := writeFile(t, dir, "studies.csv", csvText(studies))

	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "cases")
	f.SetCellValue("cases", "A1", "Extraction sheet, reviewer 1") // title line above the header
	for i, r := range cases {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			if i > 0 && j == 0 && (i == 2 || i == 3 || i == 5) {
				continue // merged below
			}
			if i > 0 && j == 4 {
				f.SetCellInt("cases", cell, int64(atoiT(t, c))) // a number, displayed as written
				continue
			}
			f.SetCellStr("cases", cell, c)
		}
	}
	f.MergeCell("cases", "A3", "A5") // Rao 2019 over its three patients
	f.MergeCell("cases", "A6", "A7") // Kim 2020
	f.SetCellStr("cases", "A12", "") // blank trailing rows
	f.NewSheet("notes")
	f.SetCellStr("notes", "A1", "free text, not a table")
	f.NewSheet("study level")
	for i, r := range studies {
		for j, c := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellStr("study level", cell, c)
		}
	}
	book := filepath.Join(dir, "extraction.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}

	run := func(inputs ...string) (string, *Result) {
		cfg := config.Default()
		cfg.Inputs = inputs
		cfg.Out = filepath.Join(t.TempDir(), "out")
		cfg.Tables.Formats = config.TableFormats{"csv"}
		cfg.Figures.Formats = config.FigureFormats{"svg"}
		res, err := Run(context.Background(), cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		return cfg.Out, res
	}
	outCSV, resCSV := run(c1, c2)
	outX, resX := run(book)
	for _, tab := range []string{"response_rates.csv", "response_rates_by_disease_group.csv", "study_counts.csv", "pooled_rates.csv", "table1_baseline.csv"} {
		a, err1 := os.ReadFile(filepath.Join(outCSV, "tables", tab))
		b, err2 := os.ReadFile(filepath.Join(outX, "tables", tab))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", tab, err1, err2)
		}
		if string(a) != string(b) {
			t.Errorf("%s differs:\ncsv:\n%s\nxlsx:\n%s", tab, a, b)
		}
	}
	tc, tx := resCSV.Summary.Totals, resX.Summary.Totals
	if tc.RowsRead != tx.RowsRead || tc.RowsAccepted != tx.RowsAccepted || tx.RowsRead != 7 {
		t.Errorf("row accounting: csv %+v, xlsx %+v", tc, tx)
	}
	var names []string
	for _, a := range resX.Summary.Inputs {
		names = append(names, a.File+" "+a.Format)
	}
	want := []string{filepath.ToSlash(book) + "!cases xlsx", filepath.ToSlash(book) + "!study level xlsx"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("inputs %v, want %v (the notes sheet has no header)", names, want)
	}
}

func atoiT(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
