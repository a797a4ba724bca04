package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
	"github.com/tresp/tresp/pipeline/present"
	"github.com/tresp/tresp/reports/figure"
)

// letters returns i written in the letters a–z (base 26, three places),
// for made-up names that share no digits with a dose.
func letters(i int) string {
	return string([]byte{byte('a' + i/676%26), byte('a' + i/26%26), byte('a' + i%26)})
}

// TestProblemsCapped (issue 13): the problems of one (severity, code,
// column) are kept up to ingest.ProblemCap with a total count, so that a warning
// on every row of a large table does not keep every row's problem; the
// totals, by_code_and_column and the grouped lines still add up to every
// problem.
func TestProblemsCapped(t *testing.T) {
	const rows = 3*ingest.ProblemCap + 50
	var b strings.Builder
	b.WriteString("Study,Pt,Disease,Drug,Outcome\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, "S,%d,dermatomyositis,qqzx%sqq,complete resolution\n", i, letters(i))
	}
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Inputs = []string{writeFile(t, dir, "cases.csv", b.String())}
	cfg.Out = dir + "/out"
	s, err := Validate(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	var c *ingest.ProblemCount
	for i, pc := range s.Problems.ByCodeAndColumn {
		if pc.Code == "unknown-term" && pc.Column == "Drug" {
			c = &s.Problems.ByCodeAndColumn[i]
		}
	}
	if c == nil || c.Total != rows || c.Listed != ingest.ProblemCap {
		t.Fatalf("by_code_and_column unknown-term/Drug = %+v, want total %d, listed %d", c, rows, ingest.ProblemCap)
	}
	if s.Problems.ByCode["unknown-term"] != rows || s.Problems.Warnings < rows {
		t.Errorf("by_code = %d unknown-term, %d warnings; want every one of %d counted", s.Problems.ByCode["unknown-term"], s.Problems.Warnings, rows)
	}
	kept, grouped := 0, 0
	for _, p := range s.Details {
		if p.Code == "unknown-term" && p.Column == "Drug" {
			kept++
			if p.Line > ingest.ProblemCap+1 {
				t.Errorf("kept line %d, want the first %d rows", p.Line, ingest.ProblemCap)
			}
		}
	}
	unlisted := false
	for _, g := range s.Grouped {
		if g.Code == "unknown-term" && g.Column == "Drug" {
			grouped += g.Rows
			if g.Value == "" && strings.Contains(g.String(), fmt.Sprintf("%d more rows", rows-ingest.ProblemCap)) {
				unlisted = true
			}
		}
	}
	// the strict verdict counts every problem, not the kept ones
	if _, n, _ := JudgeSummary(&cfg.Strict, s); n < rows {
		t.Errorf("strict: %d failing problems, want at least the %d unknown drugs", n, rows)
	}
	cfg.Strict.Allow = []config.Allowance{{Code: "unknown-term", Column: "Drug", Reason: "made-up names"}}
	if _, _, allowed := JudgeSummary(&cfg.Strict, s); allowed[0].Count != rows {
		t.Errorf("strict: the allowance accepted %d problems, want %d", allowed[0].Count, rows)
	}
	if kept != ingest.ProblemCap || grouped != rows || !unlisted {
		t.Errorf("details keep %d, grouped lines count %d rows (unlisted line: %v); want %d kept and %d counted with a line for the rest",
			kept, grouped, unlisted, ingest.ProblemCap, rows)
	}
}

// TestVocabularyReportCapped (issue 13): the vocabulary report lists the
// first normalise.VocabCap distinct terms of a field and counts the rows of the
// others in a not-listed line, instead of keeping every made-up name.
func TestVocabularyReportCapped(t *testing.T) {
	const extra = 30
	var b strings.Builder
	b.WriteString("Study,Pt,Disease,Drug,Outcome\n")
	for i := 0; i < normalise.VocabCap+extra; i++ {
		fmt.Fprintf(&b, "S,%d,dermatomyositis,qqzx%sqq,complete resolution\n", i, letters(i))
	}
	// a listed term again: counted on its own line, not as unlisted
	b.WriteString("S,x,dermatomyositis,qqzxaaaqq,complete resolution\n")
	ing := ingestString(t, b.String())
	n, _, err := normalise.Run(context.Background(), ing, vocab.Default(), nil)
	if err != nil {
		t.Fatal(err)
	}
	drugs := 0
	for _, e := range n.Vocab {
		if e.Field == "drug" {
			drugs++
			if e.Term == "qqzxaaaqq" && e.Count != 2 {
				t.Errorf("qqzxaaaqq counted %d times, want 2", e.Count)
			}
		}
	}
	if drugs != normalise.VocabCap {
		t.Errorf("%d drug terms listed, want normalise.VocabCap = %d", drugs, normalise.VocabCap)
	}
	want := []normalise.VocabUnlisted{{Field: "drug", Status: "unknown", Rows: extra}}
	if !reflect.DeepEqual(n.VocabUnlisted, want) {
		t.Errorf("unlisted = %+v, want %+v", n.VocabUnlisted, want)
	}
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	if err := normalise.WriteVocabReport(w, n.Vocab, n.VocabUnlisted); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if line := fmt.Sprintf(",drug,not-listed (unknown),,%d,\n", extra); !strings.HasSuffix(out.String(), line) {
		t.Errorf("vocabulary_report.csv does not end with %q", line)
	}
}

// TestHostileShapeCaps (issue 13): a table of more drugs and diseases
// than the caps runs through, and every output that lists groups keeps
// its bound with the count of the rest: publication tables (present.MaxPubRows),
// Table 1 levels, comparisons (max_compare_groups), and the figures; the
// CSV tables keep every drug.
func TestHostileShapeCaps(t *testing.T) {
	const groups = present.MaxPubRows + 30
	var b strings.Builder
	b.WriteString("Study,Pt,Disease,Drug,Outcome\n")
	pt := 0
	for i := 0; i < groups; i++ {
		// drug i has 1 + i%4 patients, so the largest are not the first by name
		for k := 0; k <= i%4; k++ {
			pt++
			fmt.Fprintf(&b, "S%d,%d,qqdis%s syndrome,qqzx%sqq,%s\n", pt%7, pt, letters(i), letters(i), []string{"complete resolution", "no change"}[k%2])
		}
	}
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Inputs = []string{writeFile(t, dir, "cases.csv", b.String())}
	cfg.Out = dir + "/out"
	cfg.Figures.Formats = config.FigureFormats{"svg"}
	cfg.Tables.Formats = config.TableFormats{"csv", "md"}
	res, err := Run(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	read := func(rel string) string {
		b, err := os.ReadFile(cfg.Out + "/" + rel)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t2 := read("tables/table2_response_by_drug.md")
	if n := strings.Count(t2, "| qqzx"); n != present.MaxPubRows {
		t.Errorf("table 2 lists %d drugs, want %d", n, present.MaxPubRows)
	}
	if !strings.Contains(t2, fmt.Sprintf("Shown are the %d groups with the most patients of %d", present.MaxPubRows, groups)) {
		t.Errorf("table 2 lacks the footnote of the cap:\n%s", t2[len(t2)-600:])
	}
	// the 100 largest: the 97 drugs of 4, 3 and 2 patients (32+32+33) and
	// the first 3 by name of 1 patient (aaa, aae, aai); not aey (i = 128)
	if strings.Contains(t2, "| qqzxaeyqq ") || !strings.Contains(t2, "| qqzxaadqq ") || !strings.Contains(t2, "| qqzxaaiqq ") {
		t.Error("table 2 does not keep the drugs with the most patients")
	}
	t1 := read("tables/table1_baseline.md")
	if !strings.Contains(t1, fmt.Sprintf("Other (%d more)", groups-present.MaxPubRows)) || strings.Count(t1, "qqdis") != present.MaxPubRows {
		t.Errorf("table 1 lists %d diseases and no Other line", strings.Count(t1, "qqdis"))
	}
	if n := strings.Count(read("tables/response_rates.csv"), "qqzx"); n < groups {
		t.Errorf("response_rates.csv names %d drug rows, want all %d drugs", n, groups)
	}
	if om := res.Summary.Analysis.ComparisonsOmitted; len(om) != 1 || om[0].Groups != groups-cfg.Analysis.MaxCompareGroups {
		t.Errorf("comparisons omitted = %+v, want %d drugs", om, groups-cfg.Analysis.MaxCompareGroups)
	}
	if t5 := read("tables/table5_comparisons.md"); !strings.Contains(t5, "Only the 30 groups with the most evaluable patients") {
		t.Errorf("table 5 does not say that groups were left out:\n%s", t5[max(0, len(t5)-800):])
	}
}

// TestLimitsDoc: docs/limits.md states the caps the code applies.
func TestLimitsDoc(t *testing.T) {
	b, err := os.ReadFile("../docs/limits.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	cfg := config.Default()
	comma := func(n int) string {
		s := fmt.Sprint(n)
		if n >= 1000 {
			s = s[:len(s)-3] + "," + s[len(s)-3:]
		}
		return s
	}
	for _, w := range []string{
		fmt.Sprintf("`ingest.ProblemCap` (%d)", ingest.ProblemCap),
		fmt.Sprintf("`normalise.VocabCap` (%s)", comma(normalise.VocabCap)),
		fmt.Sprintf("`normalise.ReviewCap` (%s)", comma(normalise.ReviewCap)),
		fmt.Sprintf("`present.MaxPubRows` (%d)", present.MaxPubRows),
		fmt.Sprintf("`analysis.max_compare_groups` (%d)", cfg.Analysis.MaxCompareGroups),
		fmt.Sprintf("`analysis.min_compare_n` (%d)", cfg.Analysis.MinCompareN),
		fmt.Sprintf("`figures.forest_max_drugs` (%d)", cfg.Figures.ForestMaxDrugs),
		fmt.Sprintf("| %d levels,", present.MaxPubRows),
		fmt.Sprintf("| %d drugs or diseases |", present.MaxBarGroups),
		fmt.Sprintf("| %d drugs with the most patients |", present.MaxCurves),
		fmt.Sprintf("at most %d drugs without a curve", present.MaxOmittedNames),
		fmt.Sprintf("| %d lanes per page;", figure.SwimmerCap),
		fmt.Sprintf("`cohort.DoseSample` (%d)", cohort.DoseSample),
		fmt.Sprintf("`present.MaxDoseMarkers` (%s)", comma(present.MaxDoseMarkers)),
		fmt.Sprintf("`cohort.PatientTableMax` (%d)", cohort.PatientTableMax),
		fmt.Sprintf("`cohort.MaxListedRates` (%s)", comma(cohort.MaxListedRates)),
		fmt.Sprintf("`cohort.MaxListedSources` (%s)", comma(cohort.MaxListedSources)),
		fmt.Sprintf("| %s (Excel's limit)", comma(data.MaxColumns)),
		fmt.Sprintf("batches of %s rows", comma(parquetio.DefaultBatchSize)),
	} {
		if !strings.Contains(doc, w) {
			t.Errorf("docs/limits.md lacks %q", w)
		}
	}
	if cohort.SwimmerMaxLanes != figure.SwimmerCap || cohort.Table1MaxLevels != present.MaxPubRows {
		t.Error("the swimmer lanes or Table 1 levels kept by cohort differ from what present shows")
	}
	if present.MaxCurves != present.MaxDoseDrugs {
		t.Error("docs/limits.md gives one bound for the cumulative-response and dose–response figures")
	}
}
