package pipeline

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// TestUserRouteAndFrequencyFilesTeachDoses: a user's routes and frequencies
// files, given as vocabulary, teach the dose parser of a run new words end
// to end (case table → course dose and route).
func TestUserRouteAndFrequencyFilesTeachDoses(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := write("cases.csv", "Study,Pt,Drug,Dose,Outcome\nS,1,diltiazem,60 mg pr mwf,improved\n")
	routes := write("routes-local.tsv", "term\troute\tposition\nrectal\trectal\tbefore\npr\trectal\tany\n")
	freqs := write("frequencies-local.tsv", "term\tkind\tvalue\tdays\nmwf\tfixed\t3\t7\n")
	ing, err := ingest.Ingest([]ingest.Input{{Name: "cases.csv", Path: cases}}, ingest.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		vocab  []string
		route  string
		perDay float64
	}{
		{nil, "", 60}, // default words: no route, "mwf" unknown, 60 mg taken as the daily total
		{[]string{routes, freqs}, "rectal", 60 * 3.0 / 7}, // taught: rectal, 3 times a week
	} {
		voc, err := normalise.LoadVocabulary(tc.vocab)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := normalise.Normalise(ing, voc, nil)
		if len(n.Courses) != 1 {
			t.Fatalf("vocabulary %v: %d courses, want 1", tc.vocab, len(n.Courses))
		}
		c := n.Courses[0]
		if c.Route != tc.route || string(c.Dose.Route) != tc.route || math.Abs(c.Dose.Max-tc.perDay) > 1e-9 {
			t.Errorf("vocabulary %v: course route %q, dose route %q, %v %s; want %q, %v mg/day",
				tc.vocab, c.Route, c.Dose.Route, c.Dose.Max, c.Dose.Unit, tc.route, tc.perDay)
		}
	}
}
