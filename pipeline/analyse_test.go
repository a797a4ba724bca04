package pipeline

import (
	"context"
	"encoding/csv"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/tresp/tresp/data/example"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
)

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestSeedDiltiazem derives diltiazem's counts from the papers' sentences:
// Thakur's series gives only aggregate outcomes (5 treated: 2 resolved, 1
// resolved at some sites, 1 minimal, 1 lost to follow-up), so its
// study-level row is used: 3 responders of 5 (itt) and of 4 (evaluable).
// Rao's single patient had "noticeable clinical improvement" (partial): 1/1.
// Together: itt 4/6, evaluable 4/5.
func TestSeedDiltiazem(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, err := runTo(t, out); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{"itt": {"6", "4"}, "evaluable": {"5", "4"}}
	found := 0
	for _, r := range readCSV(t, filepath.Join(out, "tables/response_rates.csv")) {
		if r["drug"] == "diltiazem" && r["disease"] == "" {
			w := want[r["population"]]
			if r["n"] != w[0] || r["responders"] != w[1] {
				t.Errorf("diltiazem %s: n=%s responders=%s, want %v", r["population"], r["n"], r["responders"], w)
			}
			found++
		}
	}
	if found != 2 {
		t.Fatalf("found %d diltiazem rows, want 2 (itt, evaluable)", found)
	}
	// The normalised doses of the papers' sentences.
	doses := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "normalised/cases.csv")) {
		if r["drug"] == "diltiazem" && r["dose_text"] != "" {
			doses[r["case_id"]] = r["dose_start_per_day"] + "/" + r["dose_max_per_day"] + "/" + r["dose_final_per_day"]
		}
	}
	for id, w := range map[string]string{"Case 4": "180/270/180", "Case 5": "180/270/270", "1": "90/180/180"} {
		if doses[id] != w {
			t.Errorf("%s diltiazem start/max/final = %q, want %s mg/day", id, doses[id], w)
		}
	}
	vr, _ := os.ReadFile(filepath.Join(out, "vocabulary_report.csv"))
	if !strings.Contains(string(vr), "risodronate,drug,fuzzy,risedronate") {
		t.Errorf("risodronate not reported as a fuzzy match:\n%s", vr)
	}
	src := readCSV(t, filepath.Join(out, "tables/study_counts.csv"))
	if len(src) == 0 {
		t.Fatal("no study counts")
	}
}

// copyExample writes the embedded example tables into dir, optionally
// shuffling the data rows of cases.csv.
func copyExample(t *testing.T, dir string, shuffle int64) []string {
	t.Helper()
	var paths []string
	for _, name := range example.Files {
		b, err := fs.ReadFile(example.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if shuffle != 0 {
			recs, _ := csv.NewReader(strings.NewReader(string(b))).ReadAll()
			body := recs[1:]
			rand.New(rand.NewSource(shuffle)).Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
			var sb strings.Builder
			w := csv.NewWriter(&sb)
			w.WriteAll(recs)
			b = []byte(sb.String())
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// outputsOf returns every output file's bytes keyed by relative path,
// leaving out the files that name the inputs (summary, manifest, report,
// normalised tables with source positions).
func outputsOf(t *testing.T, dir string, skip func(rel string) bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if skip == nil || !skip(filepath.ToSlash(rel)) {
			b, _ := os.ReadFile(p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

func sameOutputs(t *testing.T, a, b map[string]string) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%d files vs %d files", len(a), len(b))
	}
	for k, v := range a {
		if b[k] != v {
			t.Errorf("%s differs", k)
		}
	}
}

func TestByteIdenticalReruns(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	cfg := config.Default()
	cfg.Out = a
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	cfg.Out = b
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	// summary.json and the report carry the output path in the config.
	// The marker names the manifest's hash.
	skip := func(rel string) bool {
		return rel == "summary.json" || rel == "report.html" || rel == "manifest.json" || rel == outdir.MarkerFile
	}
	sameOutputs(t, outputsOf(t, a, skip), outputsOf(t, b, skip))
	if len(outputsOf(t, a, nil)) < 40 {
		t.Errorf("only %d outputs", len(outputsOf(t, a, nil)))
	}
}

// TestRowAndFileOrderInvariance: shuffling the rows, or the order of the
// input files, changes no table or figure.
func TestRowAndFileOrderInvariance(t *testing.T) {
	dir := t.TempDir()
	run := func(name string, inputs []string) map[string]string {
		cfg := config.Default()
		cfg.Out = filepath.Join(dir, name)
		cfg.Inputs = inputs
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			t.Fatal(err)
		}
		// Source positions legitimately differ; tables and figures must not.
		return outputsOf(t, cfg.Out, func(rel string) bool {
			return !strings.HasPrefix(rel, "tables/") && !strings.HasPrefix(rel, "figures/")
		})
	}
	d1, d2 := filepath.Join(dir, "in1"), filepath.Join(dir, "in2")
	os.Mkdir(d1, 0o755)
	os.Mkdir(d2, 0o755)
	base := run("base", copyExample(t, d1, 0))
	shuffled := copyExample(t, d2, 42)
	sameOutputs(t, base, run("shuffled", shuffled))
	sameOutputs(t, base, run("reversed", []string{shuffled[1], shuffled[0]}))
}

// TestEmptyDiseaseCountedOnce: a patient without a disease forms the "not
// reported" group and is counted once in the drug and overall totals.
func TestEmptyDiseaseCountedOnce(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "cases.csv", "Study,Pt,Disease,Drug,Outcome\nS,1,,diltiazem,complete resolution\nS,2,SSc,diltiazem,no change\n")
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, in); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "tables/response_rates.csv")) {
		if r["population"] == "itt" {
			got[r["drug"]+"|"+r["disease"]] = r["responders"] + "/" + r["n"]
		}
	}
	for k, want := range map[string]string{"diltiazem|": "1/2", "|": "1/2", "diltiazem|not reported": "1/1", "|not reported": "1/1"} {
		if got[k] != want {
			t.Errorf("%s: %s, want %s (all: %v)", k, got[k], want, got)
		}
	}
}

// rateTable runs the pipeline on the given tables with a config tweak and
// returns "drug|disease|population" → "responders/n" of response_rates.csv
// (or of the file named).
func rateTable(t *testing.T, file string, mut func(*config.Config), tables map[string]string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	cfg := config.Default()
	for name, content := range tables {
		cfg.Inputs = append(cfg.Inputs, writeFile(t, dir, name, content))
	}
	cfg.Out = filepath.Join(dir, "out")
	if mut != nil {
		mut(&cfg)
	}
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(cfg.Out, "tables", file)) {
		key := r["drug"] + r["drug_class"] + "|" + r["disease"] + r["disease_group"] + "|" + r["population"]
		if r["study"] != "" {
			key = r["study"] + "|" + r["drug"]
			got[key] = r["events"] + "/" + r["n"]
			continue
		}
		if r["group_a"] != "" {
			got[r["by"]+"|"+r["group_a"]+"|"+r["group_b"]] = r["p_value"]
			continue
		}
		got[key] = r["responders"] + "/" + r["n"]
	}
	return got
}

func expect(t *testing.T, got map[string]string, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
}

// cohort.Counts derived by hand for each attribution rule (review findings).
func TestAttributionCountsPatientsOnce(t *testing.T) {
	cases := "Study,Pt,Disease,Drug,Outcome\n" +
		"A,1,DM,diltiazem,complete resolution\nA,1,DM,risedronate,complete resolution\n" +
		"A,2,DM,diltiazem,no improvement\n" +
		"A,2,DM,diltiazem,no improvement\n" + // duplicate row: one patient
		"B,3,SSc,diltiazem,partial improvement\nB,3,SSc,nifedipine,partial improvement\n"
	in := map[string]string{"cases.csv": cases}
	expect(t, rateTable(t, "response_rates.csv", nil, in), map[string]string{
		"diltiazem||itt": "2/3", "risedronate||itt": "1/1", "||itt": "2/3", "diltiazem|dermatomyositis|itt": "1/2"})
	reg := rateTable(t, "response_rates.csv", func(c *config.Config) { c.Analysis.Attribution = "regimen" }, in)
	expect(t, reg, map[string]string{"diltiazem + risedronate||itt": "1/1", "diltiazem||itt": "0/1", "diltiazem + nifedipine||itt": "1/1"})
	mono := rateTable(t, "response_rates.csv", func(c *config.Config) { c.Analysis.Attribution = "monotherapy" }, in)
	expect(t, mono, map[string]string{"diltiazem||itt": "0/1", "||itt": "0/1"})
	// Two calcium channel blockers in one patient count once for the class.
	expect(t, rateTable(t, "response_rates_by_class.csv", nil, in), map[string]string{"calcium channel blocker||itt": "2/3"})
}

func TestStudyLevelAllWithoutPatients(t *testing.T) {
	in := map[string]string{
		"cases.csv":   "Study,Pt,Disease,Drug,Outcome\nA,1,DM,diltiazem,complete resolution\n",
		"studies.csv": "Study,Drug,Disease,Treated,Responders,Not evaluable\nK,all,dermatomyositis,10,6,1\nK,diltiazem,dermatomyositis,10,6,1\n",
	}
	expect(t, rateTable(t, "response_rates.csv", nil, in), map[string]string{
		"||itt": "7/11", "||evaluable": "7/10", "|dermatomyositis|itt": "7/11", "diltiazem||itt": "7/11"})
}

func TestNoDiseaseComparisonAgainstMixtures(t *testing.T) {
	in := map[string]string{
		"cases.csv":   "Study,Pt,Disease,Drug,Outcome\nA,1,DM,diltiazem,complete resolution\nA,2,SSc,diltiazem,no change\nA,3,,diltiazem,no change\n",
		"studies.csv": "Study,Drug,Treated,Responders\nK,diltiazem,10,6\n",
	}
	got := rateTable(t, "comparisons.csv", func(c *config.Config) { c.Analysis.MinCompareN = 1 }, in)
	if len(got) != 1 || got["disease within diltiazem|dermatomyositis|systemic sclerosis"] == "" {
		t.Errorf("comparisons = %v, want only dermatomyositis vs systemic sclerosis", got)
	}
}

func TestTreatmentCellSplitting(t *testing.T) {
	in := map[string]string{"cases.csv": "Study,Pt,Treatment,Outcome\nA,1,Diltiazem 60 mg TDS + risedronate 35 mg weekly,complete resolution\nA,2,diltiazem and risedronate,no change\nA,3,Zorbazumab 5 mg daily,no change\nA,4,Zorbazumab 10 mg daily,complete resolution\n"}
	expect(t, rateTable(t, "response_rates.csv", nil, in), map[string]string{
		"diltiazem||itt": "1/2", "risedronate||itt": "1/2", "zorbazumab||itt": "1/2"})
}

// TestSeriesResidue: a series reporting outcomes in aggregate (10 treated:
// 4 complete, 2 partial, 2 none, 2 not evaluable) and three of its
// patients individually (complete in DM, none in SSc, not attributable)
// counts the two attributable patients from their rows, with their
// diseases, and the residue of the aggregate (8 treated minus the
// not-attributable patient's share: 3 complete, 2 partial, 1 none, 2 not
// evaluable) as one unattributed block — never both, never neither. When
// the individual rows do not fit in the aggregate, the aggregate alone is
// used. cohort.Counts by hand.
func TestSeriesResidue(t *testing.T) {
	cases := "Study,Pt,Disease,Drug,Outcome\n" +
		"S,1,DM,diltiazem,complete resolution\nS,2,SSc,diltiazem,no improvement\nS,3,DM,diltiazem,not attributable\n"
	studies := "Study,Drug,Disease,Treated,Responders,Not evaluable,Complete,Partial,Minimal,No response,Progression\n" +
		"S,all,,10,6,2,4,2,0,2,0\nS,diltiazem,,10,6,2,4,2,0,2,0\n"
	in := map[string]string{"cases.csv": cases, "studies.csv": studies}
	got := rateTable(t, "response_rates.csv", nil, in)
	expect(t, got, map[string]string{
		"diltiazem||itt": "6/10", "diltiazem||evaluable": "6/8", "||itt": "6/10",
		"diltiazem|dermatomyositis|itt": "1/1", "diltiazem|systemic sclerosis|itt": "0/1",
		"diltiazem|" + cohort.Unspecified + "|itt": "5/8", "|dermatomyositis|itt": "1/1", "|" + cohort.Unspecified + "|itt": "5/8",
	})
	// Individual rows that cannot fit: 3 responders individually, 2 in the aggregate.
	bad := map[string]string{"cases.csv": "Study,Pt,Disease,Drug,Outcome\n" +
		"S,1,DM,diltiazem,complete resolution\nS,2,DM,diltiazem,complete resolution\nS,3,DM,diltiazem,complete resolution\nS,4,DM,diltiazem,not attributable\n",
		"studies.csv": "Study,Drug,Disease,Treated,Responders,Not evaluable\nS,all,,10,2,0\nS,diltiazem,,10,2,0\n"}
	expect(t, rateTable(t, "response_rates.csv", nil, bad), map[string]string{
		"diltiazem||itt": "2/10", "||itt": "2/10", "diltiazem|" + cohort.Unspecified + "|itt": "2/10"})
}

// TestComparisonsRespectSmallNumbers (issue 15): no Fisher test between
// groups smaller than analysis.min_compare_n, said in the table's footnote;
// an odds ratio that cannot be estimated (a zero cell) is flagged, not
// written as 0 or Inf; the comparisons are in report.html with adjusted
// p-values.
func TestComparisonsRespectSmallNumbers(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Study,Pt,Disease,Drug,Outcome\nA,1,DM,methotrexate,complete resolution\n")
	for i := 2; i <= 5; i++ {
		b.WriteString(fmt.Sprintf("A,%d,DM,diltiazem,complete resolution\n", i))
	}
	for i, o := range []string{"complete resolution", "no change", "no change", "no change"} {
		b.WriteString(fmt.Sprintf("B,%d,DM,sodium thiosulfate,%s\n", i+1, o))
	}
	cfg := config.Default()
	cfg.Inputs = []string{writeFile(t, dir, "cases.csv", b.String())}
	cfg.Out = filepath.Join(dir, "out")
	cfg.Figures.Formats = config.FigureFormats{"svg"}
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(cfg.Out, "tables", "comparisons.csv"))
	got := map[string]map[string]string{}
	for _, r := range rows {
		got[r["group_a"]+"|"+r["group_b"]] = r
	}
	for _, k := range []string{"diltiazem|methotrexate", "methotrexate|sodium thiosulfate"} {
		if r := got[k]; r["p_value"] != "" || r["odds_ratio"] != "" || !strings.Contains(r["note"], "fewer than 3 evaluable patients") {
			t.Errorf("%s: %v, want no test", k, r)
		}
	}
	// diltiazem 4/4 vs sodium thiosulfate 1/4: a zero cell.
	r := got["diltiazem|sodium thiosulfate"]
	if r["p_value"] == "" || r["p_adjusted"] == "" || r["odds_ratio"] != "" || r["or_ci_low"] != "" || r["or_ci_high"] != "" || !strings.Contains(r["note"], "not estimable") {
		t.Errorf("diltiazem vs sodium thiosulfate: %v, want a p-value and a flagged odds ratio", r)
	}
	md, err := os.ReadFile(filepath.Join(cfg.Out, "tables", "table5_comparisons.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"not estimable ‡", "No test between groups of fewer than 3 evaluable patients", "Not tested: methotrexate (n = 1)"} {
		if !strings.Contains(string(md), w) {
			t.Errorf("table5_comparisons.md lacks %q:\n%s", w, md)
		}
	}
	if strings.Contains(string(md), "Inf") || strings.Contains(string(md), "0.00 (") {
		t.Errorf("an odds ratio is printed as 0 or Inf:\n%s", md)
	}
	html, err := os.ReadFile(filepath.Join(cfg.Out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Comparisons of response between groups", "Adjusted p", "not estimable"} {
		if !strings.Contains(string(html), w) {
			t.Errorf("report.html lacks %q", w)
		}
	}
}
