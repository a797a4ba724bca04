package diff

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rateHeader is the header tresp run writes to tables/response_rates.csv.
const rateHeader = "drug,disease,population,n,responders,unclassified,rate,ci_low,ci_high,ci_method\n"

// writeRun writes an output directory of a summary.json whose analysis is
// analysis (JSON) and, unless csv is "", tables/response_rates.csv.
func writeRun(t *testing.T, dir, analysis, csv string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "tables"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, summaryFile), []byte(`{"tool": "tresp", "analysis": `+analysis+`}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if csv != "" {
		if err := os.WriteFile(filepath.Join(dir, "tables", ratesFile), []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// unlisted is an analysis whose rate rows are in the table, rows of them.
func unlisted(rows string) string {
	return `{"response_rates_unlisted": {"file": "tables/response_rates.csv", "rows": ` + rows + `}, "warnings": []}`
}

// TestTableRatesAsListed: the rows of tables/response_rates.csv, read where
// summary.json names the table, are the rows summary.json would have
// listed, float for float: NaN (an empty cell, JSON null), ±Inf, the
// shortest decimals of both writers, a name neutralised against formulas
// and one with a control character (which the CSV writer drops).
func TestTableRatesAsListed(t *testing.T) {
	dir := t.TempDir()
	listed := filepath.Join(dir, "listed")
	writeRun(t, listed, `{"warnings": [], "response_rates": [
		{"drug": "", "disease": "", "population": "itt", "n": 3, "responders": 1, "unclassified": 2, "rate": 0.3333333333333333, "ci_low": 0.008403758659612645, "ci_high": 0.9057006759497539, "ci_method": "clopper-pearson"},
		{"drug": "", "disease": "", "population": "evaluable", "n": 0, "responders": 0, "unclassified": 2, "rate": null, "ci_low": null, "ci_high": null, "ci_method": "clopper-pearson"},
		{"drug": "=bar", "disease": "lupus", "population": "itt", "n": 1, "responders": 1, "unclassified": 0, "rate": 1e-7, "ci_low": "-Inf", "ci_high": "Inf", "ci_method": "wilson"},
		{"drug": "foo\u0002drug", "disease": "a, \"b\"\nc", "population": "itt", "n": 1, "responders": 0, "unclassified": 0, "rate": 0, "ci_low": 1e21, "ci_high": 0.1, "ci_method": "jeffreys"}]}`, "")
	table := filepath.Join(dir, "table")
	writeRun(t, table, unlisted("4"), rateHeader+
		",,itt,3,1,2,0.3333333333333333,0.008403758659612645,0.9057006759497539,clopper-pearson\n"+
		",,evaluable,0,0,2,,,,clopper-pearson\n"+
		"'=bar,lupus,itt,1,1,0,1e-07,-Inf,Inf,wilson\n"+
		"foodrug,\"a, \"\"b\"\"\nc\",itt,1,0,0,0,1e+21,0.1,jeffreys\n")
	a, err := loadRun(listed)
	if err != nil {
		t.Fatal(err)
	}
	b, err := loadRun(table)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.rates) != 4 || len(b.rates) != len(a.rates) {
		t.Fatalf("%d rows listed, %d in the table; want 4 and 4", len(a.rates), len(b.rates))
	}
	same := func(x, y float64) bool {
		return math.Float64bits(x) == math.Float64bits(y) || math.IsNaN(x) && math.IsNaN(y)
	}
	for k, x := range a.rates {
		y, ok := b.rates[k]
		if !ok {
			t.Errorf("%q: listed, not read from the table", k)
			continue
		}
		if x.N != y.N || x.Responders != y.Responders || x.Unclassified != y.Unclassified || x.Method != y.Method ||
			!same(x.Rate, y.Rate) || !same(x.Low, y.Low) || !same(x.High, y.High) {
			t.Errorf("%q: listed %+v, from the table %+v", k, x, y)
		}
	}
	d, err := Diff(listed, table)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Rates) != 0 || len(d.AddedGroups) != 0 || len(d.RemovedGroups) != 0 {
		t.Errorf("the same rows listed and in the table differ: %+v", d)
	}
}

// TestTableRatesErrors: a table that summary.json names but that cannot be
// read as tresp wrote it is an error naming the file, line and column.
func TestTableRatesErrors(t *testing.T) {
	row := ",,itt,3,1,0,0.3,0.1,0.9,wilson\n"
	tests := []struct {
		name, analysis, csv, msg string
	}{
		{"another file", `{"response_rates_unlisted": {"file": "../secret.csv", "rows": 1}}`, rateHeader + row,
			`summary.json: analysis.response_rates_unlisted names "../secret.csv"; tresp writes the rate rows to tables/response_rates.csv`},
		{"no table", unlisted("1"), "", "cannot read tables/response_rates.csv, which holds the rate rows summary.json does not list"},
		{"empty table", unlisted("0"), "\n", "tables/response_rates.csv is empty"},
		{"no column", unlisted("1"), strings.Replace(rateHeader, "unclassified,", "", 1) + ",,itt,3,1,0.3,0.1,0.9,wilson\n",
			`tables/response_rates.csv:1: no "unclassified" column`},
		{"short row", unlisted("2"), rateHeader + row + "a,b,itt\n", "tables/response_rates.csv:3: 3 fields, the header has 10"},
		{"bad count", unlisted("2"), rateHeader + row + "a,,itt,many,1,0,0.3,0.1,0.9,wilson\n",
			`tables/response_rates.csv:3: column "n": cannot read "many" as a count`},
		{"bad number", unlisted("1"), rateHeader + ",,itt,3,1,0,0.3,low,0.9,wilson\n",
			`tables/response_rates.csv:2: column "ci_low": cannot read "low" as a number`},
		// a quoted line end: the next record starts on line 4
		{"line after a multi-line cell", unlisted("3"), rateHeader + "\"a\nb\",,itt,1,1,0,1,0,1,wilson\n" + row + "c,,itt,1,1,0,1,0,x,wilson\n",
			`tables/response_rates.csv:5: column "ci_high": cannot read "x" as a number`},
		{"negative", unlisted("1"), rateHeader + ",,itt,3,-1,0,0.3,0.1,0.9,wilson\n",
			"tables/response_rates.csv:2: negative count (n 3, responders -1, unclassified 0)"},
		{"twice", unlisted("2"), rateHeader + row + row, `tables/response_rates.csv:3: drug "", disease "", population "itt" appears twice`},
		{"rows not as said", unlisted("2"), rateHeader + row,
			"tables/response_rates.csv has 1 rows, summary.json: analysis.response_rates_unlisted says 2: the directory changed after tresp wrote it"},
		{"neither listed nor named", `{"warnings": []}`, rateHeader + row, "its summary.json has no analysis.response_rates"},
	}
	for _, tt := range tests {
		dir := filepath.Join(t.TempDir(), "out")
		writeRun(t, dir, tt.analysis, tt.csv)
		_, err := loadRun(dir)
		var ne *NotOutputError
		if !errors.As(err, &ne) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: %v, want a NotOutputError saying %q", tt.name, err, tt.msg)
		}
	}
}
