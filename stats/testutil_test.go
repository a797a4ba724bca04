package stats

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"
)

// readCSV reads testdata/name and returns the header and the records.
func readCSV(t testing.TB, name string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 {
		t.Fatalf("testdata/%s: no data rows", name)
	}
	return recs[0], recs[1:]
}

// parseR parses a number as R's sprintf("%.15g") writes it: NA becomes NaN.
func parseR(t testing.TB, s string) float64 {
	t.Helper()
	if s == "NA" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("cannot parse %q: %v", s, err)
	}
	return v
}

// atoi parses an integer column.
func atoi(t testing.TB, s string) int {
	t.Helper()
	v, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("cannot parse %q: %v", s, err)
	}
	return v
}

// relErr returns |got-want|/|want| (pure relative error) with the same
// conventions as relDiff for equal, NaN and infinite values.
func relErr(got, want float64) float64 {
	if got == want || (math.IsNaN(got) && math.IsNaN(want)) {
		return 0
	}
	if math.IsNaN(got) || math.IsNaN(want) || math.IsInf(got, 0) || math.IsInf(want, 0) || want == 0 {
		return math.Inf(1)
	}
	return math.Abs(got-want) / math.Abs(want)
}
