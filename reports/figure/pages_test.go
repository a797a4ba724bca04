package figure

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// manyDrugForest is a metafor-style forest of drugs drugs, each a heading,
// studies study rows, a pooled diamond and a heterogeneity note.
func manyDrugForest(drugs, studies int) Forest {
	f := Forest{Title: "Many drugs", Sort: SortName, Method: "Clopper–Pearson"}
	for d := 0; d < drugs; d++ {
		name := fmt.Sprintf("drug %02d", d)
		f.Rows = append(f.Rows, ForestRow{Label: name, Heading: true})
		for s := 0; s < studies; s++ {
			n := 1 + (d+s)%5
			x := (d * s) % (n + 1)
			p := float64(x) / float64(n)
			f.Rows = append(f.Rows, ForestRow{Label: fmt.Sprintf("Author%d et al. 20%02d", s, 10+s), Events: x, N: n,
				Estimate: p, Low: math.Max(0, p-0.3), High: math.Min(1, p+0.3), Study: true, Weight: 100 / float64(studies)})
		}
		f.Rows = append(f.Rows, ForestRow{Label: "Pooled (GLMM)", Events: 3, N: 7, Estimate: 0.43, Low: 0.2, High: 0.7,
			Pooled: true, Study: true, PredLow: 0.1, PredHigh: 0.9})
		f.Rows = append(f.Rows, ForestRow{Label: "τ² = 0.12; I² = 14%; Q = 2.31, df = 2, p = 0.31", Study: true, Note: true})
	}
	return f
}

func TestForestPaginate(t *testing.T) {
	cases := []struct {
		name      string
		f         Forest
		size      Size
		wantPages int // 0: more than one
		split     string
	}{
		{"fits one page", manyDrugForest(3, 2), NatureSingle, 1, ""},
		{"400-row table", manyDrugForest(30, 2), NatureSingle, 0, ""},
		{"double column", manyDrugForest(30, 2), ElsevierDouble, 0, ""},
		{"explicit height", manyDrugForest(12, 3), Size{Name: "custom", WidthMM: 120, HeightMM: 80}, 0, ""},
		{"one block taller than a page", manyDrugForest(2, 60), NatureSingle, 0, "drug 00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages, err := Paginate(c.f, c.size)
			if err != nil {
				t.Fatal(err)
			}
			if c.wantPages == 1 {
				if len(pages) != 1 {
					t.Fatalf("%d pages, want 1", len(pages))
				}
				return
			}
			if len(pages) < 2 {
				t.Fatalf("%d pages, want several", len(pages))
			}
			var rows []string
			var heights []float64
			for k, pg := range pages {
				fp := pg.(Forest)
				_, h, err := Measure(pg, c.size)
				if err != nil {
					t.Fatal(err)
				}
				heights = append(heights, h)
				if h > c.size.PageHeight()+1e-6 {
					t.Errorf("page %d is %.1f mm tall, more than the page height %.0f mm", k+1, h, c.size.PageHeight())
				}
				first := fp.Rows[0]
				if first.Study {
					t.Errorf("page %d starts inside a drug's block, with %q", k+1, first.Label)
				}
				for _, r := range fp.Rows {
					if strings.HasSuffix(r.Label, " (continued)") {
						if c.split == "" {
							t.Errorf("page %d: block split although it fits a page: %q", k+1, r.Label)
						}
						continue
					}
					rows = append(rows, r.Label)
				}
				var svg bytes.Buffer
				if err := Render(&svg, pg, c.size, SVG); err != nil {
					t.Fatal(err)
				}
				for _, want := range []string{fmt.Sprintf("Page %d of %d", k+1, len(pages)), ">x/n<", ">Response rate<", ">Weight<"} {
					if !bytes.Contains(svg.Bytes(), []byte(want)) {
						t.Errorf("page %d lacks %q", k+1, want)
					}
				}
			}
			// Every row once, in the order of the whole plot.
			var all []string
			for _, r := range c.f.ordered() {
				all = append(all, clean(r.Label))
			}
			if strings.Join(rows, "|") != strings.Join(all, "|") {
				t.Errorf("pages hold rows\n%v\nwant\n%v", rows, all)
			}
			for _, h := range heights[1:] {
				if h != heights[0] {
					t.Errorf("page heights %v differ", heights)
					break
				}
			}
			cap := pages[0].Caption()
			if !strings.Contains(cap, fmt.Sprintf("split over %d pages", len(pages))) {
				t.Errorf("caption does not say the plot is split: %s", cap)
			}
			if c.split != "" && !strings.Contains(cap, "except those of "+c.split) {
				t.Errorf("caption does not name the split drug %q: %s", c.split, cap)
			}
			// One PDF holds every page; PNG and SVG hold one.
			var pdf bytes.Buffer
			if err := RenderPages(&pdf, pages, c.size, PDF); err != nil {
				t.Fatal(err)
			}
			if n := len(regexp.MustCompile(`/Type /Page\b`).FindAll(pdf.Bytes(), -1)); n != len(pages) {
				t.Errorf("PDF has %d pages, want %d", n, len(pages))
			}
			if err := RenderPages(&bytes.Buffer{}, pages, c.size, PNG); err == nil {
				t.Error("RenderPages wrote several pages into one PNG")
			}
		})
	}
}

// TestForestPagesDeterministic renders the pages of a PDF twice.
func TestForestPagesDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		pages, err := Paginate(manyDrugForest(30, 2), NatureSingle)
		if err != nil {
			t.Fatal(err)
		}
		if err := RenderPages(buf, pages, NatureSingle, PDF); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of the same pages differ")
	}
}

func TestPaginateErrors(t *testing.T) {
	if _, err := Paginate(Forest{}, NatureSingle); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty forest: err = %v, want ErrEmpty", err)
	}
	if _, err := Paginate(manyDrugForest(30, 2), Size{Name: "custom", WidthMM: 120, HeightMM: 25}); err == nil || !strings.Contains(err.Error(), "too small") {
		t.Errorf("25 mm pages: err = %v, want a page too small", err)
	}
	if err := RenderPages(&bytes.Buffer{}, nil, NatureSingle, PDF); !errors.Is(err, ErrEmpty) {
		t.Errorf("no pages: err = %v, want ErrEmpty", err)
	}
}

func TestPageHeight(t *testing.T) {
	cases := []struct {
		size Size
		want float64
	}{
		{NatureSingle, NaturePageHeightMM},
		{ElsevierDouble, ElsevierPageHeightMM},
		{Size{Name: "custom", WidthMM: 120}, DefaultPageHeightMM},
		{Size{Name: "nature-single", WidthMM: 89, HeightMM: 90, PageHeightMM: NaturePageHeightMM}, 90},
	}
	for _, c := range cases {
		if got := c.size.PageHeight(); got != c.want {
			t.Errorf("%v.PageHeight() = %g, want %g", c.size, got, c.want)
		}
	}
}

// TestGapped checks the grid-line segments left around the note rows.
func TestGapped(t *testing.T) {
	cases := []struct {
		lo, hi vg.Length
		gaps   [][2]vg.Length
		want   string
	}{
		{0, 100, nil, "[[0 100]]"},
		{0, 100, [][2]vg.Length{{60, 70}}, "[[70 100] [0 60]]"},
		{0, 100, [][2]vg.Length{{90, 100}, {40, 50}}, "[[50 90] [0 40]]"},
		{0, 100, [][2]vg.Length{{0, 10}}, "[[10 100]]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(gapped(c.lo, c.hi, c.gaps)); got != c.want {
			t.Errorf("gapped(%v, %v, %v) = %s, want %s", c.lo, c.hi, c.gaps, got, c.want)
		}
	}
}

func TestWrapClauses(t *testing.T) {
	th := newTheme(mm(89))
	s := "2 smaller studies not shown (1/2 responded). τ² = 0.00; I² = 0%; Q = 1.81, df = 3, p = 0.61"
	ls := th.wrapClauses(th.small, s, th.textW(th.small, "2 smaller studies not shown (1/2 responded). τ² = 0.00; I² = 0%;")+0.1, 3)
	if len(ls) != 2 || ls[1] != "Q = 1.81, df = 3, p = 0.61" {
		t.Errorf("wrapClauses = %q, want the Q clause whole on the second line", ls)
	}
	if got := strings.Join(ls, " "); got != s {
		t.Errorf("wrapClauses lost text: %q", got)
	}
}

// TestDrugStylesNeverRepeat: figures that tell drugs apart by style (colour
// × marker, colour × line style) give every drug drawn its own style; with
// more drugs than styles, those with the most patients are drawn and the
// caption names the others and says why.
func TestDrugStylesNeverRepeat(t *testing.T) {
	th := newTheme(mm(183))
	for _, n := range []int{5, DoseStyles, DoseStyles + 1, CumStyles + 1, 90} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			// dose: drug i has 1 + i%4 points, and a style order longer
			// than the styles
			var d DoseResponse
			for i := 0; i < n; i++ {
				name := fmt.Sprintf("drug%03d", i)
				d.StyleOrder = append(d.StyleOrder, fmt.Sprintf("aaa%03d", i), name)
				for j := 0; j <= i%4; j++ {
					d.Points = append(d.Points, DosePoint{ID: fmt.Sprint(i, "/", j), Drug: name, Dose: float64(10 + i), Outcome: Outcome(j % int(NumOutcomes))})
				}
			}
			lay, err := d.build(th)
			if err != nil {
				t.Fatal(err)
			}
			dl := lay.(*doseLayout)
			seen := map[[2]int]string{}
			for _, s := range dl.drugs {
				k := dl.style[s]
				st := [2]int{k % len(seriesColors), drugShape(k)}
				if o, ok := seen[st]; ok {
					t.Fatalf("dose: %s and %s share colour and marker %v", o, s, st)
				}
				seen[st] = s
			}
			if want := min(n, DoseStyles); len(dl.drugs) != want {
				t.Errorf("dose: %d drugs drawn, want %d", len(dl.drugs), want)
			}
			drawn := map[string]bool{}
			for _, s := range dl.drugs {
				drawn[s] = true
			}
			var left []string
			for _, s := range d.drugs() {
				if !drawn[s] {
					left = append(left, s)
				}
			}
			c := d.Caption()
			if (n > DoseStyles) != strings.Contains(c, "not drawn") {
				t.Errorf("dose caption with %d drugs: %s", n, c)
			}
			if len(left) > 0 && !strings.Contains(c, left[0]) {
				t.Errorf("dose caption does not name %s, left out: %s", left[0], c)
			}
			// cumulative response
			var r CumResponse
			for i := 0; i < n; i++ {
				fu := make([]float64, 1+i%3)
				for j := range fu {
					fu[j] = float64(5 + j)
				}
				r.Curves = append(r.Curves, CumCurve{Label: fmt.Sprintf("drug%03d", i), Steps: []CumStep{{Time: 1, Est: 0.5, Low: math.NaN(), High: math.NaN()}}, FollowUp: fu})
			}
			lay, err = r.build(th)
			if err != nil {
				t.Fatal(err)
			}
			cl := lay.(*cumLayout)
			if want := min(n, CumStyles); len(cl.r.Curves) != want {
				t.Errorf("cumulative response: %d curves drawn, want %d", len(cl.r.Curves), want)
			}
			cs := map[string]bool{}
			for i := range cl.r.Curves {
				k := fmt.Sprint(seriesColor(i), dashFor(i))
				if cs[k] {
					t.Fatalf("cumulative response: curve %d repeats style %s", i, k)
				}
				cs[k] = true
			}
			if c := r.Caption(); (n > CumStyles) != strings.Contains(c, "not drawn:") {
				t.Errorf("cumulative response caption with %d drugs: %s", n, c)
			}
		})
	}
}

// TestBarsPaginate: 40 outcome bars with two-line labels are taller than a
// Nature page even with tight rows: they are split between bars, every bar
// once and in order, each page with the legend, the axis and "Page k of n";
// 10 bars stay on one page.
func TestBarsPaginate(t *testing.T) {
	mk := func(n int) OutcomeBars {
		o := OutcomeBars{GroupBy: "disease"}
		for i := 0; i < n; i++ {
			g := OutcomeGroup{Label: fmt.Sprintf("disease number %02d with a long name that wraps", i)}
			g.Counts[Complete] = 1 + i%3
			g.Counts[NotEvaluable] = i % 2
			o.Groups = append(o.Groups, g)
		}
		o.Groups = append(o.Groups, OutcomeGroup{Label: "empty"}) // not drawn, named in the caption
		return o
	}
	for _, c := range []struct {
		n, minPages int
		size        Size
	}{{10, 1, NatureSingle}, {40, 2, NatureSingle}, {40, 2, NatureDouble}, {40, 1, ElsevierDouble}} {
		t.Run(fmt.Sprint(c.n, c.size.Name), func(t *testing.T) {
			o := mk(c.n)
			pages, err := Paginate(o, c.size)
			if err != nil {
				t.Fatal(err)
			}
			if (c.minPages == 1) != (len(pages) == 1) || len(pages) < c.minPages {
				t.Fatalf("%d pages, want %d or more (exactly 1 if 1)", len(pages), c.minPages)
			}
			var labels []string
			for k, pg := range pages {
				_, h, err := Measure(pg, c.size)
				if err != nil {
					t.Fatal(err)
				}
				if h > c.size.PageHeight()+1e-6 {
					t.Errorf("page %d is %.0f mm tall, more than %.0f mm", k+1, h, c.size.PageHeight())
				}
				var svg bytes.Buffer
				if err := Render(&svg, pg, c.size, SVG); err != nil {
					t.Fatal(err)
				}
				if len(pages) > 1 && !bytes.Contains(svg.Bytes(), []byte(fmt.Sprintf("Page %d of %d", k+1, len(pages)))) {
					t.Errorf("page %d does not say so", k+1)
				}
				for _, want := range []string{">complete<", ">Patients (%)<"} {
					if !bytes.Contains(svg.Bytes(), []byte(want)) {
						t.Errorf("page %d lacks %q", k+1, want)
					}
				}
				for _, g := range pg.(OutcomeBars).Groups {
					if g.total() > 0 {
						labels = append(labels, g.Label)
					}
				}
			}
			if len(labels) != c.n || labels[0] != o.Groups[0].Label || labels[c.n-1] != o.Groups[c.n-1].Label {
				t.Errorf("pages hold %d bars (%q … %q), want %d in order", len(labels), labels[0], labels[len(labels)-1], c.n)
			}
			cap := pages[0].Caption()
			if !strings.Contains(cap, "Not drawn: empty") {
				t.Errorf("caption of a page does not describe the whole figure: %s", cap)
			}
			if len(pages) > 1 && !strings.Contains(cap, fmt.Sprintf("split over %d pages", len(pages))) {
				t.Errorf("caption does not say the bars are split: %s", cap)
			}
		})
	}
}

// TestForestNoEstimate: a pooled row with patients but no finite estimate
// says "no estimate", not "not estimable" (kept for rows without
// patients), and the caption does not claim it has no patient.
func TestForestNoEstimate(t *testing.T) {
	f := Forest{Rows: []ForestRow{
		{Label: "a", Heading: true},
		{Label: "s1", Events: 0, N: 2, Estimate: 0, Low: 0, High: 0.84, Study: true},
		{Label: "s2", Events: 3, N: 3, Estimate: 1, Low: 0.29, High: 1, Study: true},
		{Label: "Pooled (GLMM)", Events: 3, N: 5, Estimate: math.NaN(), Low: math.NaN(), High: math.NaN(), Pooled: true, Study: true},
	}}
	var b bytes.Buffer
	if err := Render(&b, f, NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(">no estimate<")) || bytes.Contains(b.Bytes(), []byte(">not estimable<")) {
		t.Error("pooled row with patients not marked \"no estimate\"")
	}
	c := f.Caption()
	if !strings.Contains(c, `"no estimate" have patients`) || strings.Contains(c, "no patient in the population") {
		t.Errorf("caption: %s", c)
	}
}
