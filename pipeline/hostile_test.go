package pipeline

import (
	"context"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/normalise"
)

// formulaStart reports whether a CSV cell would start a spreadsheet
// formula: first character = + - @ tab or CR (or = + - @ after blanks),
// unless the cell is a plain number or only dashes. Written apart from
// internal/csvout so that the test does not trust the code it checks.
func formulaStart(s string) bool {
	if s == "" || strings.Trim(s, "-") == "" || plainNumber.MatchString(strings.TrimSpace(s)) {
		return false
	}
	if strings.ContainsRune("=+-@\t\r\n", rune(s[0])) {
		return true
	}
	t := strings.TrimLeft(s, " \t\r\n")
	return t != "" && strings.ContainsRune("=+-@", rune(t[0]))
}

var plainNumber = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$|^(?i:[+-]?(inf|nan))$`)

// hostileCSV is a case table whose drug, disease, outcome and study cells
// start spreadsheet formulas.
const hostileCSV = "Study,Pt,Drug,Disease,Outcome\n" +
	"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",1,\"+cmd|' /C calc'!A0\",\"=HYPERLINK(\"\"http://x\"\")\",\"+cmd|' /C calc'!A0\"\n" +
	"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",2,\"+cmd|' /C calc'!A0\",\"=HYPERLINK(\"\"http://x\"\")\",complete resolution\n" +
	"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",3,diltiazem,\"@SUM(1+1)\",\"-2+3 improved\"\n" +
	"\"+cmd|' /C calc'!A0\",4,\"=HYPERLINK(\"\"http://x\"\")\",dermatomyositis,no change\n" +
	"\"+cmd|' /C calc'!A0\",5,diltiazem,dermatomyositis,complete resolution\n"

// TestCSVOutputsNeutralised runs the pipeline on hostile cells and checks
// every CSV tresp writes: no cell starts a formula, the hostile texts are
// there with a quote prefixed, and tresp's readers of its own CSVs
// (decisions, diff) read the original text back. On the old code only the
// publication CSVs were neutralised.
func TestCSVOutputsNeutralised(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "cases.csv", hostileCSV)
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, in); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	n := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		n++
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		cr := csv.NewReader(f)
		cr.FieldsPerRecord = -1
		recs, err := cr.ReadAll()
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		for i, r := range recs {
			for j, c := range r {
				if formulaStart(c) {
					t.Errorf("%s:%d: column %d starts a formula: %q", rel, i+1, j+1, c)
				}
				for _, h := range []string{"'=HYPERLINK(", "'+cmd|"} {
					if strings.HasPrefix(c, h) {
						seen[rel] = true
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 8 {
		t.Errorf("only %d CSV files found", n)
	}
	for _, f := range []string{"normalised/cases.csv", "tables/response_rates.csv", "vocabulary_report.csv", "review.csv"} {
		if !seen[f] {
			t.Errorf("%s has no neutralised hostile cell", f)
		}
	}
	// review.csv read back as decisions: the quoted original text matches.
	rows := readRows(t, filepath.Join(out, normalise.ReviewFile))
	var b strings.Builder
	cw := csv.NewWriter(&b)
	cw.Write([]string{"study", "case", "field", "original_text", "decision"})
	for _, r := range rows {
		if r["field"] == "outcome" && strings.HasPrefix(r["original_text"], "'+cmd") {
			cw.Write([]string{r["study"], r["case"], r["field"], r["original_text"], "none"})
		}
	}
	cw.Flush()
	dec := writeFile(t, dir, "decided.csv", b.String())
	cfg := config.Default()
	cfg.Out, cfg.Inputs, cfg.Decisions = out, []string{in}, dec
	res, err := Run(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rv := res.Summary.Review; rv.Adjudicated != 1 || rv.NotApplied != 0 {
		t.Errorf("decision on a neutralised original text: review summary %+v; want 1 adjudicated, 0 not applied", rv)
	}
	for _, c := range readRows(t, filepath.Join(out, "normalised", "cases.csv")) {
		if c["case_id"] == "1" && c["outcome_status"] != "adjudicated" {
			t.Errorf("case 1: %v", c)
		}
	}
}

// TestHostileNumbers runs the odd numbers through a whole run:
// negative age, duration and dose are not read and warned about, never
// read without their sign; refused notations are warned about; an
// implausible dose is kept with a warning; study counts near 2^63 are a
// bad-count error (they overflowed into a recovered panic, exit 3).
func TestHostileNumbers(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "cases.csv", "Study,Pt,Age,Drug,Dose,Treatment duration,Outcome\n"+
		"S,1,-5,diltiazem,60 mg daily,-3 months,complete resolution\n"+
		"S,2,45,diltiazem,-50 mg,6 months,complete resolution\n"+
		"S,3,1e400,diltiazem,999999999 g daily,1_000 days,no change\n"+
		"S,4,0x10,diltiazem,\"1.000,5 mg\",٣ months,no change\n")
	sl := writeFile(t, dir, "series.csv", "Study,Drug,Treated,Responders\n"+
		"T,diltiazem,9223372036854775807,9223372036854775806\n"+
		"U,diltiazem,5,-3\n"+
		"V,diltiazem,10,4\n")
	out := filepath.Join(dir, "out")
	res, err := runTo(t, out, in, sl)
	if err != nil {
		t.Fatal(err)
	}
	codes := res.Summary.Problems.ByCode
	for code, n := range map[string]int{"negative-value": 3, "number-unreadable": 4, "value-implausible": 1, "bad-count": 3} {
		if codes[code] != n {
			t.Errorf("%s counted %d, want %d (%v)", code, codes[code], n, codes)
		}
	}
	rows := readRows(t, filepath.Join(out, "normalised", "cases.csv"))
	want := map[string][3]string{ // age_years, dose_max_per_day, treatment_duration_days
		"1": {"", "60", ""},
		"2": {"45", "", "182.625"},
		"3": {"", "9.99999999e+11", ""},
		"4": {"", "", "91.3125"},
	}
	for _, r := range rows {
		if r["study"] != "S" {
			continue
		}
		got := [3]string{r["age_years"], r["dose_max_per_day"], r["treatment_duration_days"]}
		if got != want[r["case_id"]] {
			t.Errorf("case %s: age, dose, duration = %q; want %q", r["case_id"], got, want[r["case_id"]])
		}
	}
	if a := res.Summary.Inputs[1]; a.RowsQuarantined != 2 || a.RowsAccepted != 1 {
		t.Errorf("series.csv account = %+v; want 2 quarantined (bad counts), 1 accepted", a)
	}
}

// TestControlCharactersWarned: a bidi override in a cell is a
// control-character warning with file, line and column, and report.html
// shows it escaped (it passed into every output unmarked before).
func TestControlCharactersWarned(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "cases.csv", "Study,Pt,Drug,Disease,Outcome\n"+
		"S,1,diltiazem,dermatomyositis,complete resolution\n"+
		"S,2,\"dilt\u202Eiazem\",dermatomyositis,no change\n"+
		"S,3,diltiazem,\"derma\u2066tomyositis\u2069\",no change\n")
	out := filepath.Join(dir, "out")
	res, err := runTo(t, out, in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Summary.Details {
		if p.Code == "control-character" {
			got = append(got, fmt.Sprintf("%s:%d: %s: %s", filepath.Base(p.File), p.Line, p.Column, p.Reason[:strings.Index(p.Reason, " of the cell")]))
		}
	}
	want := []string{
		"cases.csv:3: Drug: invisible control character U+202E at character 5",
		"cases.csv:4: Disease: invisible control character U+2066 at character 6",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("control-character warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(string(html), "\u202E\u2066\u2069") {
		t.Error("report.html contains a bidi control character")
	}
	if !strings.Contains(strings.ReplaceAll(string(html), "&#43;", "+"), "[U+202E]") {
		t.Error("report.html does not show the override escaped")
	}
}

// TestManyGroupsFigures: 200 drugs and 200 diseases draw the forest plot
// and the outcome bars with the groups with the most patients and a title
// saying so (the run failed with exit 3 before: "content needs 3594 mm").
func TestManyGroupsFigures(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Study,Pt,Drug,Disease,Outcome\n")
	for i := 0; i < 400; i++ {
		out := "no change"
		if i%2 == 1 {
			out = "complete resolution"
		}
		fmt.Fprintf(&b, "S%d,%d,drug%dx,disease%dy,%s\n", i%7, i, i%200, i%200, out)
	}
	in := writeFile(t, dir, "many.csv", b.String())
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, in); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"forest_by_drug", "outcomes_by_drug", "outcomes_by_disease"} {
		c, err := os.ReadFile(filepath.Join(out, "figures", f+".caption.md"))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if !strings.Contains(string(c), "with the most patients of 200") {
			t.Errorf("%s caption does not say the figure shows part of 200 groups:\n%s", f, c)
		}
	}
}
