package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// TestDistributedPathEqualsSingleMachine runs the path of docs/scale.md on a generated
// table: the table in two partitions, `tresp normalise` on each (normalise.Partition),
// the GROUP BY of the documented SQL done here in Go over the normalised Parquet files,
// and `tresp run` on the resulting counts. Its response rates must equal, to the last
// digit, those of one run on the whole table. The same counts come from --emit-counts.
func TestDistributedPathEqualsSingleMachine(t *testing.T) {
	dir := t.TempDir()
	// one row per patient and no combination cells ("A + B"); a row may still give two
	// courses ("incision and drainage"), which the reduce below counts by the rules
	// docs/scale.md states
	var gen bytes.Buffer
	if err := synth.Write(&gen, synth.CSV, synth.Options{Rows: 700, Seed: 5, Studies: 6, Missing: 1e-12, Malformed: -1}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&gen).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var kept [][]string
	for _, r := range recs[1:] {
		k := r[0] + "\x00" + r[1]
		if seen[k] || strings.Contains(r[4], "+") || r[3] == "" {
			continue
		}
		seen[k] = true
		kept = append(kept, r)
	}
	writeCSVFile := func(name string, rows [][]string) string {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write(recs[0])
		w.WriteAll(rows)
		return writeFile(t, dir, name, b.String())
	}
	whole := writeCSVFile("whole.csv", kept)
	half := len(kept) / 2
	parts := []string{writeCSVFile("part-0.csv", kept[:half]), writeCSVFile("part-1.csv", kept[half:])}

	// single machine, with --emit-counts
	cfg := config.Default()
	cfg.Out, cfg.Inputs, cfg.EmitCounts = filepath.Join(dir, "single"), []string{whole}, true
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}

	// map: normalise each partition
	type key struct{ study, drug, disease string }
	counts := map[key]map[string]int{}
	// docs/scale.md, "Rules the SQL must keep": a patient counts once per group, and under
	// 'all' by the course whose drug sorts first
	type course struct{ drug, disease, outcome string }
	firstCourse := map[[2]string]course{}
	var patients [][2]string
	seenDrug := map[[4]string]bool{}
	for i, p := range parts {
		out := filepath.Join(dir, "norm-"+strconv.Itoa(i)+".parquet")
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := normalise.Partition(context.Background(), normalise.FileInput(p), nil, f); err != nil {
			t.Fatal(err)
		}
		f.Close()
		// reduce: SELECT study, drug, disease, outcome, count(DISTINCT case_id) … GROUP BY ALL,
		// and the same with drug 'all'
		_, _, err = ingest.ReadInput(normalise.FileInput(out), ingest.ReadOptions{}, func(m *data.Mapping, rec *data.Record, cells []string, _ []data.Problem) error {
			v := func(h string) string { return cells[indexOf(m, h)] }
			p := [2]string{v("study"), v("case_id")}
			if c, ok := firstCourse[p]; !ok || v("drug") < c.drug {
				if !ok {
					patients = append(patients, p)
				}
				firstCourse[p] = course{v("drug"), v("disease"), v("outcome")}
			}
			if d := [4]string{p[0], p[1], v("drug"), v("disease")}; !seenDrug[d] {
				seenDrug[d] = true
				k := key{v("study"), v("drug"), v("disease")}
				if counts[k] == nil {
					counts[k] = map[string]int{}
				}
				counts[k][v("outcome")]++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range patients {
		c := firstCourse[p]
		k := key{p[0], "all", c.disease}
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][c.outcome]++
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		return a.study+"\x00"+a.drug+"\x00"+a.disease < b.study+"\x00"+b.drug+"\x00"+b.disease
	})
	var rows [][]string
	for _, k := range keys {
		c := counts[k]
		treated := 0
		for cat, n := range c {
			if cat != "unclassified" {
				treated += n
			}
		}
		it := strconv.Itoa
		rows = append(rows, []string{k.study, k.drug, k.disease, it(treated), it(c["complete"] + c["partial"]), it(c["not evaluable"]),
			it(c["complete"]), it(c["partial"]), it(c["minimal"]), it(c["none"]), it(c["progression"]), it(c["unclassified"])})
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(countHeader)
	w.WriteAll(rows)
	reduced := writeFile(t, dir, "counts.csv", b.String())

	// the GROUP BY equals --emit-counts of the single run
	emitted, err := os.ReadFile(filepath.Join(dir, "single", "counts", "counts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if string(emitted) != b.String() {
		t.Errorf("--emit-counts differs from the GROUP BY of the normalised partitions:\n%s\nvs\n%s", head(string(emitted)), head(b.String()))
	}

	// run on the counts: the rates equal the single run's
	cfg = config.Default()
	cfg.Out, cfg.Inputs = filepath.Join(dir, "distributed"), []string{reduced}
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	rateKey := func(r map[string]string) string { return r["drug"] + "|" + r["disease"] + "|" + r["population"] }
	single := map[string]map[string]string{}
	for _, r := range readCSV(t, filepath.Join(dir, "single", "tables", "response_rates.csv")) {
		single[rateKey(r)] = r
	}
	dist := readCSV(t, filepath.Join(dir, "distributed", "tables", "response_rates.csv"))
	if len(dist) != len(single) || len(dist) < 10 {
		t.Fatalf("%d rate rows from the counts, %d from the whole table", len(dist), len(single))
	}
	for _, r := range dist {
		s := single[rateKey(r)]
		for _, col := range []string{"n", "responders", "rate", "ci_low", "ci_high"} {
			if s == nil || s[col] != r[col] {
				t.Errorf("%s %s: %q from the counts, %q from the whole table", rateKey(r), col, r[col], s[col])
			}
		}
	}
}

func indexOf(m *data.Mapping, header string) int {
	for i, c := range m.Columns {
		if c.Header == header {
			return i
		}
	}
	panic("no column " + header)
}

func head(s string) string {
	ls := strings.SplitN(s, "\n", 6)
	return strings.Join(ls[:min(5, len(ls))], "\n")
}

// TestCountTableUnclassifiedAndNotReported: a count table (as --emit-counts and the SQL of
// docs/scale.md write it) keeps its unclassified column in the rates, and its disease
// "not reported" is the label of patients without a disease, not an unknown term.
func TestCountTableUnclassifiedAndNotReported(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "counts.csv", "study,drug,disease,treated,responders,not_evaluable,unclassified\n"+
		"S1,rituximab,not reported,4,2,1,3\n"+
		"S1,all,not reported,4,2,1,3\n")
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, in); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range readCSV(t, filepath.Join(out, "tables", "response_rates.csv")) {
		if r["drug"] == "rituximab" && r["disease"] == "not reported" && r["population"] == "itt" {
			found = true
			if r["n"] != "4" || r["responders"] != "2" || r["unclassified"] != "3" {
				t.Errorf("rituximab, not reported: n %s, responders %s, unclassified %s; want 4, 2, 3", r["n"], r["responders"], r["unclassified"])
			}
		}
	}
	if !found {
		t.Error("no rituximab × not reported row: the disease was not read as \"not reported\"")
	}
	for _, r := range readCSV(t, filepath.Join(out, "vocabulary_report.csv")) {
		for _, v := range r {
			if strings.Contains(v, "not reported") {
				t.Errorf("\"not reported\" was looked up as a disease term: %v", r)
			}
		}
	}
}
