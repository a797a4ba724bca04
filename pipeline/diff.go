package pipeline

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/internal/csvout"
)

// NotOutputError is returned by Diff for a path that is not a tresp output
// directory (nor its summary.json or tables/response_rates.csv), or whose
// files cannot be read as tresp wrote them.
type NotOutputError struct {
	Path string
	Msg  string
}

// Error says which path and why it is not an output directory.
func (e *NotOutputError) Error() string {
	return fmt.Sprintf("%s is not a tresp output directory: %s", e.Path, e.Msg)
}

// RateValue is one row of tables/response_rates.csv without its key. NaN
// stands for an empty cell.
type RateValue struct {
	N          int `json:"n"`
	Responders int `json:"responders"`
	// Unclassified counts the courses whose outcome the reader could not
	// classify (left out of N); 0 for outputs older than the column.
	Unclassified int     `json:"unclassified"`
	Rate         float64 `json:"rate"`
	Low          float64 `json:"ci_low"`
	High         float64 `json:"ci_high"`
	Method       string  `json:"ci_method"`
}

// RateGroup is a response-rate row present in only one of two runs. An
// empty Drug means every drug, an empty Disease every disease.
type RateGroup struct {
	Drug       string    `json:"drug"`
	Disease    string    `json:"disease"`
	Population string    `json:"population"`
	Value      RateValue `json:"value"`
}

// RateChange is a response-rate row present in both runs whose count,
// rate or interval differs. Delta is New.Rate − Old.Rate as a proportion,
// NaN when either rate is undefined.
type RateChange struct {
	Drug       string    `json:"drug"`
	Disease    string    `json:"disease"`
	Population string    `json:"population"`
	Old        RateValue `json:"old"`
	New        RateValue `json:"new"`
	Delta      float64   `json:"delta"`
}

// QuarantineRow identifies a row of quarantine.csv: file, line and the
// reasons it was set aside.
type QuarantineRow struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Reasons string `json:"reasons"`
}

// InputChange is an input table whose bytes changed, or that was added,
// removed or renamed. Status is "changed", "added", "removed" or
// "renamed"; OldFile is set when the old run knew the table by another
// name.
type InputChange struct {
	File      string `json:"file"`
	OldFile   string `json:"old_file,omitempty"`
	Status    string `json:"status"`
	OldSHA256 string `json:"old_sha256,omitempty"`
	NewSHA256 string `json:"new_sha256,omitempty"`
	OldRows   int    `json:"old_rows"`
	NewRows   int    `json:"new_rows"`
}

// ConfigChange is a setting whose effective value differs, as JSON text;
// "" when the setting is absent from one run.
type ConfigChange struct {
	Key string `json:"key"`
	Old string `json:"old"`
	New string `json:"new"`
}

// DiffResult is what changed between two output directories. Every list is
// sorted, so its JSON and Markdown renderings are deterministic.
type DiffResult struct {
	OldVersion        string          `json:"old_version"`
	NewVersion        string          `json:"new_version"`
	Config            []ConfigChange  `json:"config_changes"`
	Inputs            []InputChange   `json:"input_changes"`
	Rates             []RateChange    `json:"rate_changes"`
	AddedGroups       []RateGroup     `json:"groups_added"`
	RemovedGroups     []RateGroup     `json:"groups_removed"`
	NewWarnings       []string        `json:"warnings_new"`
	ResolvedWarnings  []string        `json:"warnings_resolved"`
	QuarantineAdded   []QuarantineRow `json:"quarantine_added"`
	QuarantineRemoved []QuarantineRow `json:"quarantine_removed"`
	// Totals are the all-drugs, all-diseases rows of both runs: the
	// evaluable n and the unclassified outcomes the gate compares.
	Totals DiffTotals `json:"totals"`
}

// DiffTotals are the totals the gate of tresp diff compares.
type DiffTotals struct {
	OldEvaluable    int `json:"old_evaluable_n"`
	NewEvaluable    int `json:"new_evaluable_n"`
	OldUnclassified int `json:"old_unclassified"`
	NewUnclassified int `json:"new_unclassified"`
}

// Empty reports whether the two runs agree on everything Diff compares.
func (d *DiffResult) Empty() bool {
	return d.OldVersion == d.NewVersion && len(d.Config) == 0 && len(d.Inputs) == 0 &&
		len(d.Rates) == 0 && len(d.AddedGroups) == 0 && len(d.RemovedGroups) == 0 &&
		len(d.NewWarnings) == 0 && len(d.ResolvedWarnings) == 0 &&
		len(d.QuarantineAdded) == 0 && len(d.QuarantineRemoved) == 0
}

// MaxRateChange returns the largest |New.Rate − Old.Rate| over the groups
// present in both runs, as a proportion (0.1 is 10 percentage points).
// Groups added or removed, and undefined rates, do not count; with no
// change it returns 0.
func (d *DiffResult) MaxRateChange() float64 {
	m := 0.0
	for _, r := range d.Rates {
		if a := math.Abs(r.Delta); a > m {
			m = a
		}
	}
	return m
}

// thresholdTol absorbs float rounding in a difference of two proportions,
// so that a move of exactly the threshold (0.6 − 0.5) does not exceed it.
const thresholdTol = 1e-9

// Exceeds reports whether some rate moved by more than threshold (a
// proportion). A threshold of 0 or less disables the check.
func (d *DiffResult) Exceeds(threshold float64) bool {
	return threshold > 0 && d.MaxRateChange() > threshold+thresholdTol
}

// LargestRateChange returns the rate change with the largest |Delta|;
// among equal moves (within 1e-12) a drug's row is preferred to the
// all-drugs total, then the first in sort order. It returns false when no
// defined rate changed.
func (d *DiffResult) LargestRateChange() (RateChange, bool) {
	best, ok := RateChange{}, false
	for _, r := range d.Rates {
		if math.IsNaN(r.Delta) {
			continue
		}
		a, b := math.Abs(r.Delta), math.Abs(best.Delta)
		if !ok || a > b+1e-12 || a >= b-1e-12 && best.Drug == "" && r.Drug != "" {
			best, ok = r, true
		}
	}
	return best, ok
}

// Diff compares two tresp output directories: OLD and NEW may also name
// a directory's summary.json or tables/response_rates.csv. It joins
// response_rates.csv rows on drug, disease and population; compares
// analysis warnings and problem lines (warnings and errors) of
// summary.json, quarantine.csv rows by file, line and reasons, input
// hashes, the effective settings (except inputs and out) and the version.
//
// An input known by another name in the old run (the embedded example's
// "example:cases.csv" against "data/cases.csv") is paired by base name
// when that is unambiguous, and the old run's problem lines and quarantine
// rows are read under the new name, so a moved data directory does not
// turn every warning into a new one. A path that is not an output
// directory gives a *NotOutputError.
func Diff(oldDir, newDir string) (*DiffResult, error) {
	o, err := loadRun(oldDir)
	if err != nil {
		return nil, err
	}
	n, err := loadRun(newDir)
	if err != nil {
		return nil, err
	}
	d := &DiffResult{OldVersion: o.sum.Version, NewVersion: n.sum.Version}
	var rename map[string]string
	d.Inputs, rename = diffInputs(o.sum.Inputs, n.sum.Inputs)
	d.Config = diffConfig(o.sum.Config, n.sum.Config)
	d.Rates, d.AddedGroups, d.RemovedGroups = diffRates(o, n)
	d.NewWarnings, d.ResolvedWarnings = diffStrings(o.warnings(rename), n.warnings(nil))
	d.QuarantineAdded, d.QuarantineRemoved = diffQuarantine(o.quarantineRows(rename), n.quarantineRows(nil))
	d.Totals = DiffTotals{OldEvaluable: o.rates[rateKey{"", "", PopEvaluable}].N, NewEvaluable: n.rates[rateKey{"", "", PopEvaluable}].N,
		OldUnclassified: o.rates[rateKey{"", "", PopITT}].Unclassified, NewUnclassified: n.rates[rateKey{"", "", PopITT}].Unclassified}
	return d, nil
}

// runSummary is the part of summary.json Diff reads.
type runSummary struct {
	Tool     string `json:"tool"`
	Version  string `json:"version"`
	Inputs   []runInput
	Analysis struct {
		Warnings []string `json:"warnings"`
	} `json:"analysis"`
	Details []data.Problem  `json:"details"`
	Config  json.RawMessage `json:"config"`
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
	case base == "response_rates.csv" && filepath.Base(dir) == "tables":
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
	if r.rates, err = readRates(dir); err != nil {
		return nil, err
	}
	if r.quarantine, err = readQuarantine(dir); err != nil {
		return nil, err
	}
	return r, nil
}

// readRates reads tables/response_rates.csv, finding columns by header.
func readRates(dir string) (map[rateKey]RateValue, error) {
	rel := "tables/response_rates.csv"
	recs, err := readCSVFile(dir, rel, true)
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, h := range []string{"drug", "disease", "population", "n", "responders", "rate", "ci_low", "ci_high"} {
		if _, ok := col[h]; !ok {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s has no %q column", rel, h)}
		}
	}
	bad := func(line int, h, v string) error {
		return &NotOutputError{dir, fmt.Sprintf("%s:%d: column %q: cannot read %q", rel, line, h, v)}
	}
	rates := map[rateKey]RateValue{}
	for i, rec := range recs[1:] {
		line := i + 2
		get := func(h string) string {
			if j, ok := col[h]; ok && j < len(rec) {
				return rec[j]
			}
			return ""
		}
		var v RateValue
		for _, c := range []struct {
			h string
			p *int
		}{{"n", &v.N}, {"responders", &v.Responders}} {
			x, err := strconv.Atoi(get(c.h))
			if err != nil {
				return nil, bad(line, c.h, get(c.h))
			}
			*c.p = x
		}
		for _, c := range []struct {
			h string
			p *float64
		}{{"rate", &v.Rate}, {"ci_low", &v.Low}, {"ci_high", &v.High}} {
			x, ok := parseNum(get(c.h))
			if !ok {
				return nil, bad(line, c.h, get(c.h))
			}
			*c.p = x
		}
		if u := get("unclassified"); u != "" {
			x, err := strconv.Atoi(u)
			if err != nil || x < 0 {
				return nil, bad(line, "unclassified", u)
			}
			v.Unclassified = x
		}
		v.Method = get("ci_method")
		k := rateKey{get("drug"), get("disease"), get("population")}
		if _, dup := rates[k]; dup {
			return nil, &NotOutputError{dir, fmt.Sprintf("%s:%d: drug %q, disease %q, population %q appears twice", rel, line, k.drug, k.disease, k.population)}
		}
		rates[k] = v
	}
	return rates, nil
}

// parseNum reads a number as num writes it: "" is NaN.
func parseNum(s string) (float64, bool) {
	switch s {
	case "":
		return math.NaN(), true
	case "Inf":
		return math.Inf(1), true
	case "-Inf":
		return math.Inf(-1), true
	}
	x, err := strconv.ParseFloat(s, 64)
	return x, err == nil
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
	out := slices.Clone(r.sum.Analysis.Warnings)
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

// inputBase is the name an input is paired by when its path changed.
func inputBase(name string) string {
	return path.Base(strings.TrimPrefix(filepath.ToSlash(name), ExampleName))
}

// diffInputs pairs inputs by name, then by unambiguous base name, and
// returns the changes and the old → new names of renamed inputs.
func diffInputs(old, new []runInput) ([]InputChange, map[string]string) {
	var out []InputChange
	rename := map[string]string{}
	oldBy := map[string]runInput{}
	for _, in := range old {
		oldBy[in.File] = in
	}
	newBy := map[string]runInput{}
	for _, in := range new {
		newBy[in.File] = in
	}
	pair := func(o, n runInput) {
		c := InputChange{File: n.File, OldSHA256: o.SHA256, NewSHA256: n.SHA256, OldRows: o.RowsRead, NewRows: n.RowsRead}
		if o.File != n.File {
			c.OldFile = o.File
			c.Status = "renamed"
			rename[o.File] = n.File
		}
		if o.SHA256 != n.SHA256 {
			c.Status = "changed"
		}
		if c.Status != "" {
			out = append(out, c)
		}
	}
	var oldLeft, newLeft []runInput
	for _, o := range old {
		if n, ok := newBy[o.File]; ok {
			pair(o, n)
		} else {
			oldLeft = append(oldLeft, o)
		}
	}
	for _, n := range new {
		if _, ok := oldBy[n.File]; !ok {
			newLeft = append(newLeft, n)
		}
	}
	count := func(ins []runInput) map[string]int {
		m := map[string]int{}
		for _, in := range ins {
			m[inputBase(in.File)]++
		}
		return m
	}
	oc, nc := count(oldLeft), count(newLeft)
	paired := map[string]bool{}
	for _, o := range oldLeft {
		b := inputBase(o.File)
		if oc[b] != 1 || nc[b] != 1 {
			out = append(out, InputChange{File: o.File, Status: "removed", OldSHA256: o.SHA256, OldRows: o.RowsRead})
			continue
		}
		for _, n := range newLeft {
			if inputBase(n.File) == b {
				pair(o, n)
				paired[n.File] = true
			}
		}
	}
	for _, n := range newLeft {
		if !paired[n.File] {
			out = append(out, InputChange{File: n.File, Status: "added", NewSHA256: n.SHA256, NewRows: n.RowsRead})
		}
	}
	slices.SortFunc(out, func(a, b InputChange) int {
		return cmpChain(strings.Compare(a.File, b.File), strings.Compare(a.Status, b.Status))
	})
	return out, rename
}

// diffConfig compares the settings leaf by leaf, leaving out inputs and
// out, which name where a run read and wrote rather than how.
func diffConfig(old, new json.RawMessage) []ConfigChange {
	o, n := map[string]string{}, map[string]string{}
	flattenJSON(old, "", o)
	flattenJSON(new, "", n)
	for _, k := range []string{"inputs", "out"} {
		delete(o, k)
		delete(n, k)
	}
	var out []ConfigChange
	for k, v := range o {
		if n[k] != v {
			out = append(out, ConfigChange{Key: k, Old: v, New: n[k]})
		}
	}
	for k, v := range n {
		if _, ok := o[k]; !ok {
			out = append(out, ConfigChange{Key: k, New: v})
		}
	}
	slices.SortFunc(out, func(a, b ConfigChange) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// flattenJSON records every non-object value of raw under its dotted key,
// as compact JSON.
func flattenJSON(raw json.RawMessage, prefix string, into map[string]string) {
	var obj map[string]json.RawMessage
	if len(raw) > 0 && raw[0] != '{' || json.Unmarshal(raw, &obj) != nil {
		if len(raw) > 0 && prefix != "" {
			var b bytes.Buffer
			if json.Compact(&b, raw) == nil {
				into[prefix] = b.String()
			} else {
				into[prefix] = string(raw)
			}
		}
		return
	}
	for k, v := range obj {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		flattenJSON(v, key, into)
	}
}

func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// populationRank orders itt before evaluable, as the tables do.
func populationRank(p string) int {
	switch p {
	case "itt":
		return 0
	case "evaluable":
		return 1
	}
	return 2
}

func cmpChain(cs ...int) int {
	for _, c := range cs {
		if c != 0 {
			return c
		}
	}
	return 0
}

func cmpKey(a, b rateKey) int {
	return cmpChain(strings.Compare(a.drug, b.drug), strings.Compare(a.disease, b.disease),
		populationRank(a.population)-populationRank(b.population), strings.Compare(a.population, b.population))
}

func sortedRateKeys(m map[rateKey]RateValue) []rateKey {
	ks := make([]rateKey, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, cmpKey)
	return ks
}

func diffRates(o, n *loadedRun) (changed []RateChange, added, removed []RateGroup) {
	for _, k := range sortedRateKeys(n.rates) {
		nv := n.rates[k]
		ov, ok := o.rates[k]
		if !ok {
			added = append(added, RateGroup{k.drug, k.disease, k.population, nv})
			continue
		}
		if ov.N == nv.N && ov.Responders == nv.Responders && ov.Unclassified == nv.Unclassified && ov.Method == nv.Method &&
			sameFloat(ov.Rate, nv.Rate) && sameFloat(ov.Low, nv.Low) && sameFloat(ov.High, nv.High) {
			continue
		}
		changed = append(changed, RateChange{k.drug, k.disease, k.population, ov, nv, nv.Rate - ov.Rate})
	}
	for _, k := range sortedRateKeys(o.rates) {
		if _, ok := n.rates[k]; !ok {
			removed = append(removed, RateGroup{k.drug, k.disease, k.population, o.rates[k]})
		}
	}
	return changed, added, removed
}

// diffStrings returns the lines of new not in old and of old not in new,
// counting repeats, each sorted.
func diffStrings(old, new []string) (added, removed []string) {
	count := map[string]int{}
	for _, s := range old {
		count[s]++
	}
	for _, s := range new {
		count[s]--
	}
	for s, c := range count {
		for ; c < 0; c++ {
			added = append(added, s)
		}
		for ; c > 0; c-- {
			removed = append(removed, s)
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	return added, removed
}

func diffQuarantine(old, new []QuarantineRow) (added, removed []QuarantineRow) {
	count := map[QuarantineRow]int{}
	for _, q := range old {
		count[q]++
	}
	for _, q := range new {
		count[q]--
	}
	for q, c := range count {
		for ; c < 0; c++ {
			added = append(added, q)
		}
		for ; c > 0; c-- {
			removed = append(removed, q)
		}
	}
	cmp := func(a, b QuarantineRow) int {
		return cmpChain(strings.Compare(a.File, b.File), a.Line-b.Line, strings.Compare(a.Reasons, b.Reasons))
	}
	slices.SortFunc(added, cmp)
	slices.SortFunc(removed, cmp)
	return added, removed
}

// JSON writes the diff as indented JSON with sorted keys, adding the gate
// settings, the largest rate change, whether it exceeds the threshold (any
// stratum), the gate's checks and whether the gate failed. Undefined
// numbers are null. The bytes depend only on the two runs and g.
func (d *DiffResult) JSON(w io.Writer, g DiffConfig) error {
	m := jsonSafe(*d).(map[string]any)
	m["threshold"] = g.Threshold
	m["min_n"] = g.MinN
	m["max_drop"] = g.MaxDrop
	m["max_rate_change"] = d.MaxRateChange()
	m["threshold_exceeded"] = d.Exceeds(g.Threshold)
	checks := d.Gate(g)
	m["gate"] = jsonSafe(checks)
	m["gate_failed"] = len(d.GateFailures(g)) > 0
	bw := bufio.NewWriter(w)
	if err := writeJSON(bw, m); err != nil {
		return err
	}
	return bw.Flush()
}

// maxListItems bounds each Markdown list, keeping a pull-request comment
// short; the JSON output has every item.
const maxListItems = 50

// Markdown writes the diff as a report for a pull-request comment or a
// job summary: a headline line, the gate's verdict and checks (Gate), a
// table of changed rates (old → new, Δ in percentage points, bold when
// beyond the threshold in a stratum of at least g.MinN patients, marked
// "small" below that size), then lists of groups added and removed, new
// and resolved warnings, quarantined rows, inputs and settings that
// changed.
func (d *DiffResult) Markdown(w io.Writer, g DiffConfig) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	threshold := g.Threshold
	p("%s\n", d.headline())
	p("%s", gateMarkdown(d.Gate(g)))
	if d.OldVersion != d.NewVersion {
		p("\ntresp version: %s → %s\n", mdCode(d.OldVersion), mdCode(d.NewVersion))
	}
	if len(d.Rates) > 0 {
		p("\n#### Changed response rates\n\n")
		p("| Drug | Disease | Population | n | Responders | Unclassified | Rate | CI | Δ rate |\n")
		p("|---|---|---|---:|---:|---:|---:|---|---:|\n")
		for _, r := range d.Rates {
			delta := fmtPP(r.Delta)
			switch {
			case max(r.Old.N, r.New.N) < g.MinN:
				delta += " (small)"
			case threshold > 0 && math.Abs(r.Delta) > threshold+thresholdTol:
				delta = "**" + delta + "**"
			}
			p("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				mdText(groupDrug(r.Drug)), mdText(groupDisease(r.Disease)), mdText(r.Population),
				arrowInt(r.Old.N, r.New.N), arrowInt(r.Old.Responders, r.New.Responders), arrowInt(r.Old.Unclassified, r.New.Unclassified),
				arrowStr(fmtPct(r.Old.Rate), fmtPct(r.New.Rate)),
				arrowStr(fmtCI(r.Old), fmtCI(r.New)), delta)
		}
	}
	groups := func(title string, gs []RateGroup) {
		items := make([]string, len(gs))
		for i, g := range gs {
			items[i] = fmt.Sprintf("%s, %s, %s: %s (%d/%d)", mdText(groupDrug(g.Drug)), mdText(groupDisease(g.Disease)),
				mdText(g.Population), fmtPct(g.Value.Rate), g.Value.Responders, g.Value.N)
		}
		mdList(bw, title, items)
	}
	groups("Groups added", d.AddedGroups)
	groups("Groups removed", d.RemovedGroups)
	texts := func(title string, ss []string) {
		items := make([]string, len(ss))
		for i, s := range ss {
			items[i] = mdText(s)
		}
		mdList(bw, title, items)
	}
	texts("New warnings", d.NewWarnings)
	texts("Resolved warnings", d.ResolvedWarnings)
	quarantine := func(title string, qs []QuarantineRow) {
		items := make([]string, len(qs))
		for i, q := range qs {
			pos := q.File + ":" + strconv.Itoa(q.Line)
			items[i] = fmt.Sprintf("%s: %s", mdCode(pos), mdText(strings.TrimPrefix(q.Reasons, pos+": ")))
		}
		mdList(bw, title, items)
	}
	quarantine("Quarantined rows added", d.QuarantineAdded)
	quarantine("Rows no longer quarantined", d.QuarantineRemoved)
	inputs := make([]string, len(d.Inputs))
	for i, c := range d.Inputs {
		switch c.Status {
		case "added":
			inputs[i] = fmt.Sprintf("%s added: sha256 %s, %d rows", mdCode(c.File), shortHash(c.NewSHA256), c.NewRows)
		case "removed":
			inputs[i] = fmt.Sprintf("%s removed (was sha256 %s, %d rows)", mdCode(c.File), shortHash(c.OldSHA256), c.OldRows)
		default:
			name := mdCode(c.File)
			if c.OldFile != "" {
				name = mdCode(c.OldFile) + " → " + name
			}
			if c.Status == "renamed" {
				inputs[i] = fmt.Sprintf("%s: same content (sha256 %s)", name, shortHash(c.NewSHA256))
			} else {
				inputs[i] = fmt.Sprintf("%s: sha256 %s → %s, rows %s", name, shortHash(c.OldSHA256), shortHash(c.NewSHA256), arrowInt(c.OldRows, c.NewRows))
			}
		}
	}
	mdList(bw, "Inputs", inputs)
	settings := make([]string, len(d.Config))
	for i, c := range d.Config {
		settings[i] = fmt.Sprintf("%s: %s → %s", mdCode(c.Key), mdCodeOrUnset(c.Old), mdCodeOrUnset(c.New))
	}
	mdList(bw, "Settings changed", settings)
	return bw.Flush()
}

// headline is the report's first line: what changed, counted.
func (d *DiffResult) headline() string {
	if d.Empty() {
		return "**tresp diff:** no changes in response rates, groups, warnings, quarantined rows, inputs or settings."
	}
	var parts []string
	count := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, "1 "+one)
		} else if n > 1 {
			parts = append(parts, strconv.Itoa(n)+" "+many)
		}
	}
	if r, ok := d.LargestRateChange(); ok {
		parts = append(parts, fmt.Sprintf("%s (largest: %s, %s, %s %s)",
			plural(len(d.Rates), "response rate changed", "response rates changed"),
			mdText(groupDrug(r.Drug)), mdText(groupDisease(r.Disease)), mdText(r.Population), fmtPP(r.Delta)))
	} else {
		count(len(d.Rates), "response rate changed", "response rates changed")
	}
	count(len(d.AddedGroups), "group added", "groups added")
	count(len(d.RemovedGroups), "group removed", "groups removed")
	count(len(d.NewWarnings), "new warning", "new warnings")
	count(len(d.ResolvedWarnings), "warning resolved", "warnings resolved")
	count(len(d.QuarantineAdded), "row newly quarantined", "rows newly quarantined")
	count(len(d.QuarantineRemoved), "row no longer quarantined", "rows no longer quarantined")
	renamed := 0
	for _, c := range d.Inputs {
		if c.Status == "renamed" {
			renamed++
		}
	}
	count(len(d.Inputs)-renamed, "input changed", "inputs changed")
	count(renamed, "input renamed", "inputs renamed")
	count(len(d.Config), "setting changed", "settings changed")
	if len(parts) == 0 {
		parts = append(parts, "only the tresp version changed")
	}
	return "**tresp diff:** " + strings.Join(parts, "; ") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func groupDrug(s string) string {
	if s == "" {
		return "all drugs"
	}
	return s
}

func groupDisease(s string) string {
	if s == "" {
		return "all diseases"
	}
	return s
}

// fmtPct writes a proportion as a percentage with one decimal; "—" when
// undefined.
func fmtPct(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return strconv.FormatFloat(100*v, 'f', 1, 64) + "%"
}

// fmtCI writes an interval as "22.3–95.7%".
func fmtCI(v RateValue) string {
	if math.IsNaN(v.Low) || math.IsNaN(v.High) {
		return "—"
	}
	return strconv.FormatFloat(100*v.Low, 'f', 1, 64) + "–" + fmtPct(v.High)
}

// fmtPP writes a signed difference of proportions in percentage points.
func fmtPP(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	s := strconv.FormatFloat(100*v, 'f', 1, 64)
	if s == "-0.0" || s == "0.0" {
		return "0.0 pp"
	}
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	return s + " pp"
}

func fmtPPAbs(v float64) string { return strconv.FormatFloat(100*v, 'f', 1, 64) + " pp" }

func arrowInt(a, b int) string {
	if a == b {
		return strconv.Itoa(a)
	}
	return strconv.Itoa(a) + " → " + strconv.Itoa(b)
}

func arrowStr(a, b string) string {
	if a == b {
		return a
	}
	return a + " → " + b
}

func shortHash(h string) string {
	if len(h) > 12 {
		h = h[:12]
	}
	return mdCode(h)
}

// mdList writes a titled bullet list, at most maxListItems items.
func mdList(w io.Writer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "\n#### %s (%d)\n\n", title, len(items))
	for i, it := range items {
		if i == maxListItems {
			fmt.Fprintf(w, "- … and %d more (tresp diff --format json lists all)\n", len(items)-i)
			break
		}
		fmt.Fprintf(w, "- %s\n", it)
	}
}

// mdText escapes s for Markdown text and table cells: ASCII punctuation
// that Markdown or HTML would interpret is backslash-escaped and line
// breaks become spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode writes s as a code span, with a fence longer than any backtick
// run inside it.
func mdCode(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || len(fence) > 1 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

func mdCodeOrUnset(s string) string {
	if s == "" {
		return "(unset)"
	}
	return mdCode(s)
}
