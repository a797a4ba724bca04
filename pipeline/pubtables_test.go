package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/reports/figure"
	"github.com/tresp/tresp/reports/table"
	"github.com/tresp/tresp/stats"
)

// badCell matches what no table cell may show: NaN, Inf or empty
// parentheses.
var badCell = regexp.MustCompile(`NaN|Inf|\(\s*[–-]?\s*\)`)

// TestTable4NoNaN: a pooled row without an estimate (the GLMM failed)
// shows the pooled count with its exact interval and a footnote saying why,
// never NaN, Inf or empty parentheses.
func TestTable4NoNaN(t *testing.T) {
	cfg := config.Default()
	nan := math.NaN()
	st := &state{cfg: &cfg, norm: &Normalised{}, summary: &Summary{}, analysis: &cohort.Analysis{
		Responder: "partial", CIMethod: stats.ClopperPearson, Level: 0.95, PoolPopulation: cohort.PopITT,
		Sensitivity: []cohort.PooledRow{
			{Drug: "diltiazem", K: 2, Events: 3, N: 4, Estimate: nan, Low: nan, High: nan, Tau2: nan, I2: nan,
				Method: "GLMM", Transform: "logit", Warnings: []string{"the likelihood is flat in τ: no maximum"}},
			{Drug: "diltiazem", K: 2, Events: 3, N: 4, Estimate: 0.7, Low: math.Inf(-1), High: nan, Tau2: math.Inf(1), I2: 0,
				Method: "REML", Transform: "logit"},
		}}}
	var t4 table.Table
	for _, pt := range st.publicationTables() {
		if pt.name == "table4_pooled" {
			t4 = pt.Table
		}
	}
	var buf bytes.Buffer
	if err := table.WriteMarkdown(&buf, t4); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if m := badCell.FindString(md); m != "" {
		t.Errorf("table4 shows %q:\n%s", m, md)
	}
	// binom.test(3, 4)$conf.int = 0.1941204 0.9936905 (R 4.2.2)
	for _, want := range []string{"75% (19–99) †", "| 70%", "diltiazem, GLMM: the likelihood is flat", "intention to treat"} {
		if !strings.Contains(md, want) {
			t.Errorf("table4 lacks %q:\n%s", want, md)
		}
	}
}

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

// TestForestNeverTooLarge: 200 drugs, each from 40 studies, every drug
// pooled, plus a drug with 0/0: the forest plot keeps the 30 largest drugs,
// caps the study rows, leaves out the 0/0 row with a note, and renders.
func TestForestNeverTooLarge(t *testing.T) {
	a := &cohort.Analysis{CIMethod: stats.ClopperPearson, Level: 0.95, PoolPopulation: cohort.PopEvaluable}
	for d := 0; d < 200; d++ {
		drug := fmt.Sprintf("drug %03d", d)
		x, n := 0, 0
		for s := 0; s < 40; s++ {
			sn := 1 + (d+s)%7
			sx := (d * s) % (sn + 1)
			a.StudyCounts = append(a.StudyCounts, cohort.StudyRow{Study: fmt.Sprintf("Author%d A, Other B. Title. %d", s, 1990+s%30), Drug: drug, Events: sx, N: sn})
			x, n = x+sx, n+sn
		}
		a.StudyCounts = append(a.StudyCounts, cohort.StudyRow{Study: "Lost L. 2001", Drug: drug}) // 0/0
		a.Rates = append(a.Rates, cohort.RateRow{Drug: drug, Population: cohort.PopEvaluable, N: n, Responders: x, Rate: float64(x) / float64(n), Low: 0, High: 1})
		a.Pooled = append(a.Pooled, cohort.PooledRow{Drug: drug, K: 40, Events: x, N: n, Estimate: float64(x) / float64(n), Low: 0, High: 1,
			Tau2: 0.1, Method: "GLMM", PredLow: 0, PredHigh: 1})
		a.Sensitivity = append(a.Sensitivity, cohort.PooledRow{Drug: drug, K: 40, Method: "REML", Transform: "logit", Tau2: 0.1, I2: 12, Q: 40, QP: 0.4})
	}
	a.Rates = append(a.Rates, cohort.RateRow{Drug: "empty", Population: cohort.PopEvaluable, Rate: math.NaN(), Low: math.NaN(), High: math.NaN()})
	cfg := config.Default()
	f, notes := forestFigure(a, cfg.Analysis, 30)
	f.Notes = notes
	heads := 0
	for _, r := range f.Rows {
		if r.Heading {
			heads++
		}
	}
	if heads != 30 {
		t.Errorf("%d drugs drawn, want 30", heads)
	}
	capt := f.Caption()
	for _, want := range []string{"30 drugs with the most patients of 201", "Left out as 0/0", "prediction interval", "Population: evaluable"} {
		if !strings.Contains(capt, want) {
			t.Errorf("caption lacks %q:\n%s", want, capt)
		}
	}
	for _, size := range []string{"nature-double", "nature-single"} {
		sz, err := figure.ParsePreset(size)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := figure.Render(&buf, f, sz, figure.SVG); err != nil {
			t.Errorf("%s: %v", size, err)
		}
	}
}

// TestShortStudy checks the "First author et al. year" labels.
func TestShortStudy(t *testing.T) {
	for in, want := range map[string]string{
		"Rao A, Smith B, Lee C, Kim D, Park E, Cho F. Diltiazem for calcinosis. J Rheum. 2024": "Rao et al. 2024",
		"Thakur et al.":                  "Thakur et al.",
		"Rao A. Calcinosis. Lancet 2019": "Rao 2019",
		"Rao 2019":                       "Rao 2019",
		"van der Berg J, Li X (2021)":    "van der Berg et al. 2021",
		"Smith and Jones, 2020":          "Smith et al. 2020",
		"Müller-Lüdenscheidt K 2018":     "Müller-Lüdenscheidt 2018",
		// a name that is no citation is kept whole: "Study 5" and "Study 9"
		// were both drawn as "Study" in the forest and swimmer plots.
		"Study 5":  "Study 5",
		"Cohort B": "Cohort B",
	} {
		if got := shortStudy(in); got != want {
			t.Errorf("shortStudy(%q) = %q, want %q", in, got, want)
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
