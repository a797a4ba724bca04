package pipeline

import (
	"context"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
	rows := readRows(t, filepath.Join(out, ReviewFile))
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
	cfg := DefaultConfig()
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
