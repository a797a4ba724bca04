package diff

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/internal/csvout"
)

// The files of an output directory that Diff reads or accepts in its
// place.
const (
	summaryFile  = "summary.json"
	manifestFile = "manifest.json"
	ratesFile    = "response_rates.csv"
)

// runSummary is the part of summary.json Diff reads.
type runSummary struct {
	Tool     string          `json:"tool"`
	Version  string          `json:"version"`
	Inputs   []runInput      `json:"inputs"`
	Analysis *runAnalysis    `json:"analysis"`
	Details  []data.Problem  `json:"details"`
	Config   json.RawMessage `json:"config"`
}

// runAnalysis is the part of summary.json's analysis Diff reads: the rows
// of tables/response_rates.csv, or where summary.json does not list them
// (more than tresp lists) the table that holds them, and the analysis
// warnings.
type runAnalysis struct {
	Rates         *[]rateRow    `json:"response_rates"`
	RatesUnlisted *unlistedRows `json:"response_rates_unlisted"`
	Warnings      []string      `json:"warnings"`
}

// unlistedRows is analysis.response_rates_unlisted: the table that holds
// the rate rows summary.json leaves out, and its number of rows.
type unlistedRows struct {
	File string `json:"file"`
	Rows int    `json:"rows"`
}

// rateRow is one element of analysis.response_rates.
type rateRow struct {
	Drug         string  `json:"drug"`
	Disease      string  `json:"disease"`
	Population   string  `json:"population"`
	N            int     `json:"n"`
	Responders   int     `json:"responders"`
	Unclassified int     `json:"unclassified"`
	Rate         jsonNum `json:"rate"`
	Low          jsonNum `json:"ci_low"`
	High         jsonNum `json:"ci_high"`
	Method       string  `json:"ci_method"`
}

// jsonNum is a number as summary.json writes it: null for NaN, "Inf" and
// "-Inf" for the infinities.
type jsonNum float64

// UnmarshalJSON reads null, "Inf", "-Inf" and plain numbers.
func (x *jsonNum) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "null":
		*x = jsonNum(math.NaN())
		return nil
	case `"Inf"`:
		*x = jsonNum(math.Inf(1))
		return nil
	case `"-Inf"`:
		*x = jsonNum(math.Inf(-1))
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("cannot read %s as a number", b)
	}
	*x = jsonNum(f)
	return nil
}

type runInput struct {
	File     string `json:"file"`
	SHA256   string `json:"sha256"`
	RowsRead int    `json:"rows_read"`
}

type rateKey struct{ drug, disease, population string }

// loadedRun is one output directory read for Diff.
type loadedRun struct {
	dir        string
	sum        runSummary
	rates      map[rateKey]RateValue
	quarantine []QuarantineRow
}

// outputDir turns a path given on the command line into the output
// directory it names.
func outputDir(p string) (string, error) {
	st, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", &NotOutputError{p, "it does not exist"}
	}
	if err != nil {
		return "", &NotOutputError{p, err.Error()}
	}
	if st.IsDir() {
		return p, nil
	}
	dir := filepath.Dir(p)
	switch base := filepath.Base(p); {
	case base == summaryFile, base == manifestFile:
		return dir, nil
	case base == ratesFile && filepath.Base(dir) == "tables":
		return filepath.Dir(dir), nil
	}
	return "", &NotOutputError{p, "it is a file; give the directory tresp run --out wrote, or its summary.json"}
}

func loadRun(p string) (*loadedRun, error) {
	dir, err := outputDir(p)
	if err != nil {
		return nil, err
	}
	r := &loadedRun{dir: dir}
	sb, err := os.ReadFile(filepath.Join(dir, summaryFile))
	if err != nil {
		return nil, &NotOutputError{dir, "it has no readable " + summaryFile + " (give the directory tresp run --out wrote)"}
	}
	if err := json.Unmarshal(sb, &r.sum); err != nil || r.sum.Tool != "tresp" {
		msg := "its " + summaryFile + " was not written by tresp"
		if err != nil {
			msg = fmt.Sprintf("cannot read its %s: %v", summaryFile, err)
		}
		return nil, &NotOutputError{dir, msg}
	}
	if r.rates, err = rates(dir, r.sum.Analysis); err != nil {
		return nil, err
	}
	if r.quarantine, err = readQuarantine(dir); err != nil {
		return nil, err
	}
	return r, nil
}

// rates keys the response-rate rows by drug, disease and population: the
// rows summary.json lists (analysis.response_rates), or where it names the
// table that holds them instead (analysis.response_rates_unlisted), the
// rows of tables/response_rates.csv.
func rates(dir string, a *runAnalysis) (map[rateKey]RateValue, error) {
	switch {
	case a != nil && a.Rates != nil:
		return listedRates(dir, *a.Rates)
	case a != nil && a.RatesUnlisted != nil:
		return tableRates(dir, *a.RatesUnlisted)
	}
	return nil, &NotOutputError{dir, "its " + summaryFile + " has no analysis.response_rates (give the directory tresp run --out wrote)"}
}

// listedRates keys the rows of analysis.response_rates.
func listedRates(dir string, rows []rateRow) (map[rateKey]RateValue, error) {
	out := make(map[rateKey]RateValue, len(rows))
	for i, r := range rows {
		at := fmt.Sprintf("%s: analysis.response_rates[%d]", summaryFile, i)
		v := RateValue{N: r.N, Responders: r.Responders, Unclassified: r.Unclassified,
			Rate: float64(r.Rate), Low: float64(r.Low), High: float64(r.High), Method: r.Method}
		if err := addRate(out, dir, at, rateKey{r.Drug, r.Disease, r.Population}, v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// addRate adds the row at (its position, for errors) to out. Names are
// keyed as tables/response_rates.csv writes them (csvout.Clean: no control
// characters, LF line ends), so that rows read from summary.json and from
// the table join.
func addRate(out map[rateKey]RateValue, dir, at string, k rateKey, v RateValue) error {
	if v.N < 0 || v.Responders < 0 || v.Unclassified < 0 {
		return &NotOutputError{dir, fmt.Sprintf("%s: negative count (n %d, responders %d, unclassified %d)", at, v.N, v.Responders, v.Unclassified)}
	}
	raw := k
	k = rateKey{csvout.Clean(k.drug), csvout.Clean(k.disease), csvout.Clean(k.population)}
	if _, dup := out[k]; dup {
		msg := fmt.Sprintf("%s: drug %q, disease %q, population %q appears twice", at, k.drug, k.disease, k.population)
		if raw != k {
			msg += " (names are compared without control characters, as tables/response_rates.csv writes them)"
		}
		return &NotOutputError{dir, msg}
	}
	out[k] = v
	return nil
}

// readQuarantine reads quarantine.csv; a directory without one (tresp
// always writes it) has no quarantined rows.
func readQuarantine(dir string) ([]QuarantineRow, error) {
	rel := "quarantine.csv"
	recs, err := readCSVFile(dir, rel, false)
	if err != nil || recs == nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, h := range []string{"file", "line", "reasons"} {
		if _, ok := col[h]; !ok {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s has no %q column", rel, h)}
		}
	}
	var rows []QuarantineRow
	for i, rec := range recs[1:] {
		if len(rec) < len(recs[0]) {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s:%d: %d fields, the header has %d", rel, i+2, len(rec), len(recs[0]))}
		}
		line, err := strconv.Atoi(rec[col["line"]])
		if err != nil {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s:%d: column \"line\": cannot read %q", rel, i+2, rec[col["line"]])}
		}
		rows = append(rows, QuarantineRow{File: rec[col["file"]], Line: line, Reasons: rec[col["reasons"]]})
	}
	return rows, nil
}

// readCSVFile reads dir/rel whole. A missing file is an error when
// required, else nil records.
func readCSVFile(dir, rel string, required bool) ([][]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) && !required {
		return nil, nil
	}
	if err != nil {
		return nil, &NotOutputError{dir, fmt.Sprintf("cannot read %s: %v", rel, errors.Unwrap(err))}
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, &NotOutputError{dir, fmt.Sprintf("%s: %v", rel, err)}
	}
	for _, rec := range recs {
		for j, c := range rec {
			rec[j] = csvout.Unneutralize(c) // written by csvout.Writer
		}
	}
	if len(recs) == 0 {
		return nil, &NotOutputError{dir, rel + " is empty"}
	}
	return recs, nil
}

// warnings are the analysis warnings and every problem line of warning
// severity or worse, with file names mapped through rename.
func (r *loadedRun) warnings(rename map[string]string) []string {
	out := slices.Clone(r.sum.Analysis.Warnings) // loadRun checked Analysis
	for _, p := range r.sum.Details {
		if p.Severity < data.Warning {
			continue
		}
		if nf, ok := rename[p.File]; ok {
			p.File = nf
		}
		out = append(out, p.Severity.String()+": "+p.Error())
	}
	return out
}

func (r *loadedRun) quarantineRows(rename map[string]string) []QuarantineRow {
	out := slices.Clone(r.quarantine)
	for i, q := range out {
		if nf, ok := rename[q.File]; ok {
			out[i].File = nf
			out[i].Reasons = strings.ReplaceAll(q.Reasons, q.File+":", nf+":")
		}
	}
	return out
}
