package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/internal/csvout"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/diff"
)

// boundedLists are the lists of summary.json's analysis that it leaves out
// past cohort.MaxListedRates rows (the rate lists and the study counts), by
// the table that holds their rows.
var boundedLists = map[string]string{
	"response_rates":                  "tables/response_rates.csv",
	"response_rates_by_class":         "tables/response_rates_by_class.csv",
	"response_rates_by_disease_group": "tables/response_rates_by_disease_group.csv",
	"study_counts":                    "tables/study_counts.csv",
}

// lowerRateBound makes summary.json list at most n rows per rate list and
// of the study counts until the test ends.
func lowerRateBound(t *testing.T, n int) {
	t.Helper()
	old := maxListedRates
	maxListedRates = n
	t.Cleanup(func() { maxListedRates = old })
}

// runInputs runs inputs into out with the default settings.
func runInputs(t *testing.T, out string, inputs ...string) {
	t.Helper()
	cfg := config.Default()
	cfg.Out, cfg.Inputs = out, inputs
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatalf("run into %s: %v", out, err)
	}
}

// readSummary reads out/summary.json with its output directory as "OUT".
func readSummary(t *testing.T, out string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(bytes.ReplaceAll(b, []byte(out), []byte("OUT")), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSummaryRateListBound: a run whose rate lists and study counts are
// longer than the bound writes, in summary.json, the table and the number
// of rows of each instead of its rows, and nothing else differs from a run
// that lists them: no other file, no other field of summary.json; the
// study counts listed are the rows of their table; a streaming run writes
// the same; and tresp diff (which reads no study counts) finds the same
// differences between two such runs as between two that list the rows, or
// one of each.
func TestSummaryRateListBound(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	oldTable := synthTable(t, filepath.Join(dir, "a"), synth.Options{Rows: 400, Seed: 11, Studies: 6})
	newTable := synthTable(t, filepath.Join(dir, "b"), synth.Options{Rows: 460, Seed: 11, Studies: 6})
	listedOld, listedNew := filepath.Join(dir, "listed-old"), filepath.Join(dir, "listed-new")
	runInputs(t, listedOld, oldTable)
	runInputs(t, listedNew, newTable)

	lowerRateBound(t, 3)
	boundOld, streamed := runBoth(t, filepath.Join(dir, "bound-old"), []string{oldTable}, nil)
	boundNew := filepath.Join(dir, "bound-new")
	runInputs(t, boundNew, newTable)
	sameStreamedOutputs(t, boundOld, streamed)

	t.Run("pointer instead of rows", func(t *testing.T) {
		listed, bound := readSummary(t, listedOld), readSummary(t, boundOld)
		la, ba := listed["analysis"].(map[string]any), bound["analysis"].(map[string]any)
		for key, file := range boundedLists {
			if rows, ok := la[key].([]any); !ok || len(rows) <= 3 {
				t.Fatalf("the listing run has %d rows of %s; the test needs more than 3", len(rows), key)
			}
			if v, ok := ba[key]; ok {
				t.Errorf("%s: listed (%.80v) past the bound", key, v)
			}
			recs, err := csv.NewReader(strings.NewReader(readText(t, filepath.Join(boundOld, file)))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]any{"file": file, "rows": float64(len(recs) - 1)}
			if got := ba[key+"_unlisted"]; !reflect.DeepEqual(got, want) {
				t.Errorf("%s_unlisted = %v, want %v", key, got, want)
			}
			if _, ok := la[key+"_unlisted"]; ok {
				t.Errorf("%s_unlisted in the summary of a run that lists the rows", key)
			}
			if key == "study_counts" {
				sameStudyCountRows(t, la[key].([]any), recs)
			}
			delete(la, key)
			delete(ba, key+"_unlisted")
		}
		if !reflect.DeepEqual(listed, bound) {
			t.Error("summary.json differs beyond the rate lists and the study counts")
		}
		err := filepath.WalkDir(listedOld, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(listedOld, p)
			switch rel {
			case "summary.json", "manifest.json", "report.html", ".tresp-output":
				return nil // summary.json compared above; the others name the directory or summary.json's hash
			}
			if readText(t, p) != readText(t, filepath.Join(boundOld, rel)) {
				t.Errorf("%s differs between the runs with and without the rate rows and study counts in summary.json", rel)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("diff", func(t *testing.T) {
		gate := diff.Gate{Threshold: 0.1, MinN: 0, MaxDrop: 1}
		report := func(old, new string) (string, *diff.Result) {
			d, err := diff.Diff(old, new)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := d.JSON(&b, gate); err != nil {
				t.Fatal(err)
			}
			return b.String(), d
		}
		want, d := report(listedOld, listedNew)
		if len(d.Rates) == 0 || len(d.AddedGroups) == 0 {
			t.Fatalf("the listed runs differ too little to test: %d rates changed, %d groups added", len(d.Rates), len(d.AddedGroups))
		}
		for _, pair := range [][2]string{{boundOld, boundNew}, {listedOld, boundNew}, {boundOld, listedNew}} {
			if got, _ := report(pair[0], pair[1]); got != want {
				t.Errorf("diff %s %s differs from the diff of the listing runs", filepath.Base(pair[0]), filepath.Base(pair[1]))
			}
		}
		if _, d := report(boundOld, listedOld); !d.Empty() {
			t.Errorf("diff of the same run listed and unlisted reports changes: %+v", d)
		}
	})
}

// sameStudyCountRows checks that the study counts summary.json lists are
// the rows of tables/study_counts.csv (recs, with its header), in order.
func sameStudyCountRows(t *testing.T, listed []any, recs [][]string) {
	t.Helper()
	if len(recs) != len(listed)+1 || !slices.Equal(recs[0], []string{"study", "drug", "events", "n"}) {
		t.Fatalf("study_counts.csv: header %q and %d rows; summary.json lists %d", recs[0], len(recs)-1, len(listed))
	}
	for i, v := range listed {
		row := v.(map[string]any)
		want := []string{fmt.Sprint(row["study"]), fmt.Sprint(row["drug"]), fmt.Sprint(row["events"]), fmt.Sprint(row["n"])}
		got := recs[i+1]
		for j := range got {
			got[j] = csvout.Unneutralize(got[j])
		}
		if !slices.Equal(got, want) {
			t.Errorf("study_counts.csv:%d: %q; summary.json lists %q", i+2, got, want)
		}
	}
}

func readText(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
