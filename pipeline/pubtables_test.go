package pipeline

import (
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tresp/tresp/reports/table"
)

// badCell matches what no table cell may show: NaN, Inf or empty
// parentheses.
var badCell = regexp.MustCompile(`NaN|Inf|\(\s*[–-]?\s*\)`)

// TestTable4NoNaN: a pooled row without an estimate (the GLMM failed)
// shows the pooled count with its exact interval and a footnote saying why,
// never NaN, Inf or empty parentheses.
func TestTable4NoNaN(t *testing.T) {
	cfg := DefaultConfig()
	nan := math.NaN()
	st := &state{cfg: &cfg, norm: &Normalised{}, summary: &Summary{}, analysis: &Analysis{
		Responder: "partial", CIMethod: "clopper-pearson", Level: 0.95, PoolPopulation: PopITT,
		Sensitivity: []PooledRow{
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
