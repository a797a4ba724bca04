package meta

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// table is a CSV file read from testdata: one map per row, column name to text.
type table []map[string]string

func readTable(t *testing.T, name string) table {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out table
	for _, r := range recs[1:] {
		m := make(map[string]string, len(r))
		for j, h := range recs[0] {
			m[h] = r[j]
		}
		out = append(out, m)
	}
	return out
}

// num parses a numeric cell; "NA" and "NaN" give NaN.
func num(t *testing.T, row map[string]string, col string) float64 {
	t.Helper()
	s, ok := row[col]
	if !ok {
		t.Fatalf("no column %q", col)
	}
	switch s {
	case "NA", "NaN":
		return math.NaN()
	case "Inf":
		return math.Inf(1)
	case "-Inf":
		return math.Inf(-1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("column %q: %v", col, err)
	}
	return v
}

// datasets reads events,n per dataset from a *_data.csv file, in file order.
func datasets(t *testing.T, name string) (names []string, sets map[string][]Study) {
	t.Helper()
	sets = map[string][]Study{}
	for _, r := range readTable(t, name) {
		ds := r["dataset"]
		if _, ok := sets[ds]; !ok {
			names = append(names, ds)
		}
		sets[ds] = append(sets[ds], Study{Events: int(num(t, r, "events")), N: int(num(t, r, "n"))})
	}
	return names, sets
}

// allDatasets merges metaprop_data.csv and glmm_data.csv.
func allDatasets(t *testing.T) map[string][]Study {
	_, a := datasets(t, "metaprop_data.csv")
	_, b := datasets(t, "glmm_data.csv")
	for k, v := range b {
		a[k] = v
	}
	return a
}

// closeAbs reports whether got is within tol of want (NaN matches NaN).
func closeAbs(got, want, tol float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol
}

// closeRel reports whether got is within tol relative to |want|.
func closeRel(got, want, tol float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Abs(want)
}
