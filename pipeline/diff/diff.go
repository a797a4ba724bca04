package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Names tresp run writes into summary.json that Diff relies on.
const (
	// examplePrefix starts the input names of the embedded example
	// ("example:cases.csv").
	examplePrefix = "example:"
	// popITT and popEvaluable are the populations of a rate row.
	popITT       = "itt"
	popEvaluable = "evaluable"
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

// RateValue is one response-rate row (a row of tables/response_rates.csv)
// without its key. NaN
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

// Result is what changed between two output directories. Every list is
// sorted, so its JSON and Markdown renderings are deterministic.
type Result struct {
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
	Totals Totals `json:"totals"`
}

// Totals are the totals the gate of tresp diff compares.
type Totals struct {
	OldEvaluable    int `json:"old_evaluable_n"`
	NewEvaluable    int `json:"new_evaluable_n"`
	OldUnclassified int `json:"old_unclassified"`
	NewUnclassified int `json:"new_unclassified"`
}

// Empty reports whether the two runs agree on everything Diff compares.
func (d *Result) Empty() bool {
	return d.OldVersion == d.NewVersion && len(d.Config) == 0 && len(d.Inputs) == 0 &&
		len(d.Rates) == 0 && len(d.AddedGroups) == 0 && len(d.RemovedGroups) == 0 &&
		len(d.NewWarnings) == 0 && len(d.ResolvedWarnings) == 0 &&
		len(d.QuarantineAdded) == 0 && len(d.QuarantineRemoved) == 0
}

// MaxRateChange returns the largest |New.Rate − Old.Rate| over the groups
// present in both runs, as a proportion (0.1 is 10 percentage points).
// Groups added or removed, and undefined rates, do not count; with no
// change it returns 0.
func (d *Result) MaxRateChange() float64 {
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
func (d *Result) Exceeds(threshold float64) bool {
	return threshold > 0 && d.MaxRateChange() > threshold+thresholdTol
}

// LargestRateChange returns the rate change with the largest |Delta|;
// among equal moves (within 1e-12) a drug's row is preferred to the
// all-drugs total, then the first in sort order. It returns false when no
// defined rate changed.
func (d *Result) LargestRateChange() (RateChange, bool) {
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
// a directory's summary.json or tables/response_rates.csv. It joins the
// response-rate rows of summary.json (analysis.response_rates, the rows of
// tables/response_rates.csv; where summary.json does not list them, as on
// a large table, it names that table in analysis.response_rates_unlisted
// and Diff reads them from it) on drug, disease and population; compares
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
func Diff(oldDir, newDir string) (*Result, error) {
	o, err := loadRun(oldDir)
	if err != nil {
		return nil, err
	}
	n, err := loadRun(newDir)
	if err != nil {
		return nil, err
	}
	d := &Result{OldVersion: o.sum.Version, NewVersion: n.sum.Version}
	var rename map[string]string
	d.Inputs, rename = diffInputs(o.sum.Inputs, n.sum.Inputs)
	d.Config = diffConfig(o.sum.Config, n.sum.Config)
	d.Rates, d.AddedGroups, d.RemovedGroups = diffRates(o, n)
	d.NewWarnings, d.ResolvedWarnings = diffStrings(o.warnings(rename), n.warnings(nil))
	d.QuarantineAdded, d.QuarantineRemoved = diffQuarantine(o.quarantineRows(rename), n.quarantineRows(nil))
	d.Totals = Totals{OldEvaluable: o.rates[rateKey{"", "", popEvaluable}].N, NewEvaluable: n.rates[rateKey{"", "", popEvaluable}].N,
		OldUnclassified: o.rates[rateKey{"", "", popITT}].Unclassified, NewUnclassified: n.rates[rateKey{"", "", popITT}].Unclassified}
	return d, nil
}

// inputBase is the name an input is paired by when its path changed.
func inputBase(name string) string {
	return path.Base(strings.TrimPrefix(filepath.ToSlash(name), examplePrefix))
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
