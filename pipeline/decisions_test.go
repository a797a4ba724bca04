package pipeline

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/normalise"
)

// TestTermDecisions runs a table with an unknown drug, a fuzzy disease and
// a study-level row through Run with decisions for both terms.
func TestTermDecisions(t *testing.T) {
	dir := t.TempDir()
	cases := writeFile(t, dir, "cases.csv", "Study,Pt,Drug,Disease,Outcome\n"+
		"S,1,zorbazumab,dermatomyosistis,complete resolution\n"+
		"S,2,zorbazumab,dermatomyosistis,no change\n")
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, cases); err != nil {
		t.Fatal(err)
	}
	review := readRows(t, filepath.Join(out, normalise.ReviewFile))
	var fields []string
	for _, r := range review {
		fields = append(fields, r["case"]+" "+r["field"]+" "+r["original_text"]+" → "+r["proposed_value"]+" ("+r["confidence"]+", "+r["rule"]+")")
	}
	want := []string{
		"1 drug zorbazumab →  (none, unknown term)",
		"1 disease dermatomyosistis → dermatomyositis (low, fuzzy match)",
		"2 drug zorbazumab →  (none, unknown term)",
		"2 disease dermatomyosistis → dermatomyositis (low, fuzzy match)",
	}
	if strings.Join(fields, "\n") != strings.Join(want, "\n") {
		t.Fatalf("review.csv rows:\n%s\nwant\n%s", strings.Join(fields, "\n"), strings.Join(want, "\n"))
	}
	dec := writeFile(t, dir, "decided.csv", "study,case,field,original_text,decision\n"+
		"S,1,drug,zorbazumab,Methotrexate\nS,2,drug,zorbazumab,methotrexate\nS,1,disease,dermatomyosistis,dermatomyositis\n")
	cfg := config.Default()
	cfg.Out, cfg.Inputs, cfg.Decisions = out, []string{cases}, dec
	res, err := Run(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	rv := res.Summary.Review
	if rv.Adjudicated != 3 || rv.AdjudicatedCourses != 2 || rv.Undecided != 1 || rv.Terms != 1 || rv.NotApplied != 0 {
		t.Errorf("review summary = %+v", rv)
	}
	for _, c := range readRows(t, filepath.Join(out, "normalised", "cases.csv")) {
		if c["drug"] != "methotrexate" || c["drug_status"] != "adjudicated" || c["drug_class"] == "" {
			t.Errorf("case %s: drug %q status %q class %q", c["case_id"], c["drug"], c["drug_status"], c["drug_class"])
		}
		if wantStatus := map[string]string{"1": "adjudicated", "2": "fuzzy"}[c["case_id"]]; c["disease_status"] != wantStatus {
			t.Errorf("case %s: disease status %q, want %q", c["case_id"], c["disease_status"], wantStatus)
		}
	}
	vr, _ := os.ReadFile(filepath.Join(out, "vocabulary_report.csv"))
	if strings.Contains(string(vr), "zorbazumab") {
		t.Errorf("a decided term is still in vocabulary_report.csv:\n%s", vr)
	}
}

// readRows reads a CSV file into maps keyed by header.
func readRows(t *testing.T, p string) []map[string]string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestSeveralPatientsReview: an outcome cell about several patients ("2 of 3 patients
// improved") in one patient's row is listed in review.csv when its study has no
// study-level row to count it from, and not listed when it has one; held and streamed
// runs agree.
func TestSeveralPatientsReview(t *testing.T) {
	for _, stream := range []bool{false, true} {
		dir := t.TempDir()
		cases := writeFile(t, dir, "cases.csv", "Study,Pt,Drug,Disease,Outcome\n"+
			"S,1,rituximab,ITP,2 of 3 patients improved\n"+
			"T,1,rituximab,ITP,2 of 3 patients improved\n"+
			"T,2,rituximab,ITP,complete remission\n")
		studies := writeFile(t, dir, "studies.csv", "Study,Drug,Disease,Treated,Responders\nT,rituximab,ITP,3,2\n")
		cfg := config.Default()
		cfg.Out, cfg.Inputs, cfg.Stream = filepath.Join(dir, "out"), []string{cases, studies}, stream
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range readRows(t, filepath.Join(cfg.Out, normalise.ReviewFile)) {
			got = append(got, r["study"]+" "+r["case"]+" "+r["proposed_value"]+" ("+r["confidence"]+", "+r["rule"]+")")
		}
		want := "S 1 unclassified (none, other patients: the text reports several patients)"
		if strings.Join(got, "\n") != want {
			t.Errorf("stream %v: review.csv rows:\n%s\nwant\n%s", stream, strings.Join(got, "\n"), want)
		}
	}
}
