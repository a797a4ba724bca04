package pipeline

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
)

// badCell matches what no table cell may show: NaN, Inf or empty
// parentheses.
var badCell = regexp.MustCompile(`NaN|Inf|\(\s*[–-]?\s*\)`)

// TestPublicationTablesCompile runs the example and the competing-risks
// case, checks that no table in any text format shows NaN, Inf or empty
// parentheses, and typesets every .tex table with pdflatex (skipped when
// it is not installed): no error and no overfull box, so each fits
// \textwidth. Each table carries a \label.
func TestPublicationTablesCompile(t *testing.T) {
	dir := t.TempDir()
	outs := []string{filepath.Join(dir, "example"), filepath.Join(dir, "aj")}
	if _, err := runTo(t, outs[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := runTo(t, outs[1], ajCases(t, dir)); err != nil {
		t.Fatal(err)
	}
	var tex bytes.Buffer
	tex.WriteString("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{graphicx}\n\\begin{document}\n")
	for _, out := range outs {
		for _, ext := range []string{"md", "tex", "html"} {
			files, _ := filepath.Glob(filepath.Join(out, "tables", "table*."+ext))
			if len(files) < 4 {
				t.Fatalf("%s: %d .%s tables", out, len(files), ext)
			}
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if m := badCell.Find(b); m != nil {
					t.Errorf("%s shows %q", f, m)
				}
				if ext == "tex" {
					if !bytes.Contains(b, []byte("\\label{tab:")) {
						t.Errorf("%s has no \\label", f)
					}
					tex.Write(b)
					tex.WriteString("\\clearpage\n")
				}
			}
		}
	}
	tex.WriteString("\\end{document}\n")
	bin, err := exec.LookPath("pdflatex")
	if err != nil {
		t.Skip("pdflatex not installed: run `apt-get install -y texlive-latex-base texlive-latex-recommended` (Debian) to check that the tables compile and fit")
	}
	if testing.Short() {
		t.Skip("skipping TeX run in -short mode")
	}
	tdir := t.TempDir()
	if err := os.WriteFile(filepath.Join(tdir, "doc.tex"), tex.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex")
	cmd.Dir = tdir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdflatex: %v\n%s", err, out)
	}
	log, _ := os.ReadFile(filepath.Join(tdir, "doc.log"))
	if i := bytes.Index(log, []byte("Overfull \\hbox")); i >= 0 {
		t.Errorf("a table is wider than \\textwidth: %s", log[i:min(len(log), i+300)])
	}
}

// TestPoolPopulation: on the example, diltiazem's pooled denominator is
// its 5 evaluable patients by default and all 6 treated under itt (the
// lost patient counts as a non-responder); table4 and the forest caption
// name the population.
func TestPoolPopulation(t *testing.T) {
	for _, tc := range []struct {
		pop, caption string
		n            int
	}{{cohort.PopEvaluable, "evaluable patients", 5}, {cohort.PopITT, "intention to treat", 6}} {
		cfg := config.Default()
		cfg.Out = filepath.Join(t.TempDir(), "out")
		cfg.Analysis.PoolPopulation = config.Population(tc.pop)
		res, err := Run(context.Background(), cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, p := range res.Summary.Analysis.Pooled {
			if p.Drug == "diltiazem" {
				found = true
				if p.N != tc.n || p.Events != 4 {
					t.Errorf("%s: diltiazem pooled %d/%d, want 4/%d", tc.pop, p.Events, p.N, tc.n)
				}
			}
		}
		if !found {
			t.Errorf("%s: diltiazem not pooled", tc.pop)
		}
		for _, f := range []string{"tables/table4_pooled.md", "figures/forest_by_drug.caption.md"} {
			b, err := os.ReadFile(filepath.Join(cfg.Out, f))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.caption) {
				t.Errorf("%s: %s does not name the population %q:\n%s", tc.pop, f, tc.caption, b)
			}
		}
	}
}

// TestTable1ByAndPatients: tables.table1_by adds a column per drug (a
// combination patient in each) or per study after the overall column; the
// per-patient table lists each patient once with study, age/sex, disease,
// treatments with doses, duration and outcome.
func TestTable1ByAndPatients(t *testing.T) {
	for _, by := range []string{"drug", "study"} {
		cfg := config.Default()
		cfg.Out = filepath.Join(t.TempDir(), "out")
		cfg.Tables.Table1By = config.Table1By(by)
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(cfg.Out, "tables", "table1_baseline.md"))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]string{
			"drug":  {"Overall, N = 6", "diltiazem, N = 6", "methotrexate, N = 1", "risedronate, N = 5", "in each drug's column"},
			"study": {"Overall, N = 6", "Rao et al. 2024, N = 1", "Thakur et al., N = 5"},
		}[by]
		for _, w := range want {
			if !strings.Contains(string(b), w) {
				t.Errorf("table1_by = %s: Table 1 lacks %q:\n%s", by, w, b)
			}
		}
		if by != "drug" {
			continue
		}
		rows := readCSV(t, filepath.Join(cfg.Out, "tables", "table1b_patients.csv"))
		rows = rows[:min(len(rows), 6)] // footnotes follow a blank row
		if len(rows) != 6 || rows[5]["Case"] != "Case 5" {
			t.Fatalf("patient table has %d rows, want 6", len(rows))
		}
		got := rows[5]
		for k, w := range map[string]string{"Study": "Thakur et al.", "Case": "Case 5", "Age/sex": "24/F", "Disease": "mixed connective tissue disease",
			"Treatment (dose)": "diltiazem (180–270 mg/day); risedronate", "Outcome": "minimal"} {
			if got[k] != w {
				t.Errorf("patient table, Case 5, %s = %q, want %q", k, got[k], w)
			}
		}
	}
}
