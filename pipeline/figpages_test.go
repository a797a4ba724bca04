package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/reports/figure"
)

func TestFigureFile(t *testing.T) {
	cases := []struct {
		k, n int
		f    figure.Format
		want string
	}{
		{0, 1, figure.PNG, "forest_by_drug.png"},
		{-1, 5, figure.PDF, "forest_by_drug.pdf"},
		{0, 5, figure.PNG, "forest_by_drug_p1.png"},
		{4, 5, figure.SVG, "forest_by_drug_p5.svg"},
	}
	for _, c := range cases {
		if got := figureFile("forest_by_drug", c.k, c.n, c.f); got != c.want {
			t.Errorf("figureFile(%d, %d, %v) = %q, want %q", c.k, c.n, c.f, got, c.want)
		}
	}
}

// TestForestPages runs a generated 400-row table, whose forest plot is
// about 680 mm tall on one page: it is split into pages of at most the
// preset's page height, one PDF holding them all, a PNG and an SVG per
// page, every file in the manifest, and every page in report.html.
func TestForestPages(t *testing.T) {
	dir := t.TempDir()
	in := synthTable(t, dir, synth.Options{Rows: 400, Seed: 3})
	cfg := config.Default()
	cfg.Out, cfg.Inputs = filepath.Join(dir, "out"), []string{in}
	cfg.Figures.Size = "nature-single"
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	figs := filepath.Join(cfg.Out, "figures")
	pdf, err := os.ReadFile(filepath.Join(figs, "forest_by_drug.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	n := len(regexp.MustCompile(`/Type /Page\b`).FindAll(pdf, -1))
	if n < 2 {
		t.Fatalf("forest_by_drug.pdf has %d pages, want several", n)
	}
	if _, err := os.Stat(filepath.Join(figs, "forest_by_drug.png")); err == nil {
		t.Error("forest_by_drug.png written beside its numbered pages")
	}
	m, _ := readManifest(t, cfg.Out)
	listed := map[string]bool{}
	for _, f := range m.Outputs {
		listed[f.Path] = true
	}
	report, err := os.ReadFile(filepath.Join(cfg.Out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= n; k++ {
		for _, ext := range []string{".png", ".svg"} {
			rel := fmt.Sprintf("figures/forest_by_drug_p%d%s", k, ext)
			b, err := os.ReadFile(filepath.Join(cfg.Out, rel))
			if err != nil {
				t.Errorf("page %d of %d: %v", k, n, err)
				continue
			}
			if !listed[rel] {
				t.Errorf("%s is not in manifest.json", rel)
			}
			if ext == ".png" {
				if _, h, ok := pngSizeMM(b); !ok || h > figure.NaturePageHeightMM+0.5 {
					t.Errorf("%s is %.0f mm tall, more than a page", rel, h)
				}
			}
		}
		if !bytes.Contains(report, []byte(fmt.Sprintf("Page %d of %d", k, n))) {
			t.Errorf("report.html lacks page %d of %d of the forest plot", k, n)
		}
	}
	if !listed["figures/forest_by_drug.pdf"] {
		t.Error("forest_by_drug.pdf is not in manifest.json")
	}
	// The example into the same directory: one page again, and the pages
	// of the run before, which tresp wrote, are gone with it.
	cfg.Inputs = nil
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatalf("rerun into an output directory holding forest pages: %v", err)
	}
	if _, err := os.Stat(filepath.Join(figs, "forest_by_drug.png")); err != nil {
		t.Errorf("example run: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(figs, "forest_by_drug_p*")); len(m) > 0 {
		t.Errorf("pages of the previous run left behind: %v", m)
	}
}

// pngSizeMM reads the pixel size of a PNG at figure.DPI in millimetres.
func pngSizeMM(b []byte) (w, h float64, ok bool) {
	if len(b) < 24 || string(b[12:16]) != "IHDR" {
		return 0, 0, false
	}
	px := func(o int) float64 {
		return float64(uint32(b[o])<<24 | uint32(b[o+1])<<16 | uint32(b[o+2])<<8 | uint32(b[o+3]))
	}
	return px(16) / figure.DPI * 25.4, px(20) / figure.DPI * 25.4, true
}
