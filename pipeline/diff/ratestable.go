package diff

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/tresp/tresp/internal/csvout"
)

// ratesTable is where tresp run writes the rate rows, relative to the
// output directory: the only table a summary.json may name for them.
const ratesTable = "tables/" + ratesFile

// rateColumns are the columns of tables/response_rates.csv that Diff reads.
var rateColumns = []string{"drug", "disease", "population", "n", "responders", "unclassified", "rate", "ci_low", "ci_high", "ci_method"}

// tableRates keys the rows of tables/response_rates.csv, which summary.json
// names (u) instead of listing them. The cells are those csvout wrote: text
// neutralised against spreadsheet formulas, numbers as cohort.FormatNum
// writes them (the shortest decimal that reads back to the same float64,
// "Inf", "-Inf", and an empty cell for NaN), so the values are those
// summary.json would have listed. The table must have the number of rows
// summary.json gives.
func tableRates(dir string, u unlistedRows) (map[rateKey]RateValue, error) {
	const pointer = summaryFile + ": analysis.response_rates_unlisted"
	if u.File != ratesTable {
		return nil, &NotOutputError{dir, fmt.Sprintf("%s names %q; tresp writes the rate rows to %s (give the directory tresp run --out wrote)", pointer, u.File, ratesTable)}
	}
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(ratesTable)))
	if err != nil {
		return nil, &NotOutputError{dir, fmt.Sprintf("cannot read %s, which holds the rate rows %s does not list: %v (give the whole directory tresp run --out wrote)", ratesTable, summaryFile, errors.Unwrap(err))}
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
	cr.FieldsPerRecord, cr.ReuseRecord = -1, true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &NotOutputError{dir, ratesTable + " is empty (rerun tresp run to write it again)"}
	}
	if err != nil {
		return nil, &NotOutputError{dir, fmt.Sprintf("%s: %v", ratesTable, err)}
	}
	col, width := map[string]int{}, len(header)
	for i, h := range header {
		col[h] = i
	}
	for _, c := range rateColumns {
		if _, ok := col[c]; !ok {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s:1: no %q column (rerun tresp run to write the table again)", ratesTable, c)}
		}
	}
	out := make(map[rateKey]RateValue, min(max(u.Rows, 0), 1<<20)) // u.Rows is only a hint here
	rows := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s: %v (rerun tresp run to write the table again)", ratesTable, err)}
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != width {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s:%d: %d fields, the header has %d (rerun tresp run to write the table again)", ratesTable, line, len(rec), width)}
		}
		k, v, err := tableRate(cr, rec, col)
		if err != nil {
			return nil, &NotOutputError{dir, err.Error()}
		}
		if err := addRate(out, dir, fmt.Sprintf("%s:%d", ratesTable, line), k, v); err != nil {
			return nil, err
		}
		rows++
	}
	if rows != u.Rows {
		return nil, &NotOutputError{dir, fmt.Sprintf("%s has %d rows, %s says %d: the directory changed after tresp wrote it (rerun tresp run)", ratesTable, rows, pointer, u.Rows)}
	}
	return out, nil
}

// tableRate reads the record rec of cr, whose columns col names: an error
// names the cell's line and column.
func tableRate(cr *csv.Reader, rec []string, col map[string]int) (rateKey, RateValue, error) {
	var err error
	cell := func(name string) string { return csvout.Unneutralize(rec[col[name]]) }
	fail := func(name, what string) {
		if err == nil {
			line, _ := cr.FieldPos(col[name])
			err = fmt.Errorf("%s:%d: column %q: cannot read %q as %s (rerun tresp run to write the table again)", ratesTable, line, name, rec[col[name]], what)
		}
	}
	count := func(name string) int {
		n, e := strconv.Atoi(cell(name))
		if e != nil {
			fail(name, "a count")
		}
		return n
	}
	num := func(name string) float64 {
		s := cell(name)
		if s == "" {
			return math.NaN() // cohort.FormatNum writes NaN as an empty cell
		}
		x, e := strconv.ParseFloat(s, 64) // reads "Inf" and "-Inf" too
		if e != nil {
			fail(name, "a number")
		}
		return x
	}
	k := rateKey{cell("drug"), cell("disease"), cell("population")}
	v := RateValue{N: count("n"), Responders: count("responders"), Unclassified: count("unclassified"),
		Rate: num("rate"), Low: num("ci_low"), High: num("ci_high"), Method: cell("ci_method")}
	return k, v, err
}
