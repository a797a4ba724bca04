package html

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/reports/table"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// hostile lists strings that break naive HTML writers.
var hostile = []string{
	`=cmd|' /C calc'!A0`, `+1+1`, `-2+3`, `@SUM(A1)`,
	`<script>alert(1)</script>`, `a & b`, `100%`, `$x_1^2$`, `\textbf{x}`, `{}`, `~#`,
	`"double" and 'single' quotes`, `</pre><img src=x onerror=alert(1)>`, `&amp; &lt;`,
	"≥ 5 mg × 2 – 3 ± 0.5 µg 10⁹/L α=0.05", "日本語 Ελληνικά",
}

// figureSVG is a small hand-written SVG with everything InlineSVG removes
// or rewrites: a BOM, an XML declaration, a comment, a DOCTYPE with an
// internal subset, and ids referenced through url() and href.
const figureSVG = "\xef\xbb\xbf" + `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- made by hand -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns "x">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="240pt" height="120pt" viewBox="0 0 240 120">
<defs><clipPath id="clip"><rect x="0" y="0" width="240" height="120"/></clipPath>
<linearGradient id="g"><stop offset="0" stop-color="#ddd"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>
<rect x="0" y="0" width="240" height="120" fill="url(#g)" clip-path="url(#clip)"/>
<rect id="bar" x="20" y="40" width="120" height="30" fill="#336"/>
<use xlink:href="#bar" y="40"/>
<text x="20" y="30" font-size="12">Response &lt;50% &amp; one = two</text>
</svg>
`

func sampleReport() Report {
	return Report{
		Title:       "Treatment response <b>report</b> & more",
		Summary:     []string{"42 cases from 17 reports; 3 rows quarantined.", strings.Join(hostile, "\n")},
		ToolVersion: "v0.1.0 <dev>",
		Figures: []Figure{
			{Title: "Response by drug", Caption: "Bars: responders. " + hostile[4], SVG: []byte(figureSVG)},
			{Title: "Same figure again", Caption: "Ids must not collide.", SVG: []byte(figureSVG)},
		},
		Tables: []table.Table{
			{
				Title:   "Response by drug",
				Caption: "Exact 95% CI.",
				Columns: []table.Column{{Key: "drug", Header: "Drug"}, {Key: "n", Header: "n", Numeric: true}, {Key: "rate", Header: "Rate (95% CI)", Numeric: true}},
				Rows: []table.Row{
					{Cells: []string{"Dupilumab", "12", "0.75 (0.43–0.95)"}},
					{Cells: []string{"Methotrexate", "7", "0.43 (0.10–0.82)"}},
					{Cells: []string{"Total", "19", "0.63 (0.38–0.84)"}, Bold: true},
				},
				Footnotes: []string{"CI, confidence interval."},
			},
			{
				Title:   "Hostile cells",
				Columns: []table.Column{{Key: "v", Header: "<th>Value</th>"}},
				Rows: func() []table.Row {
					var rows []table.Row
					for _, h := range hostile {
						rows = append(rows, table.Row{Cells: []string{h}})
					}
					return append(rows, table.Row{Cells: []string{"Group & <label>"}, Group: true}, table.Row{Cells: []string{"level"}, Indent: 1})
				}(),
			},
		},
		Warnings: append([]string{"Ciclosporin: fewer than 5 cases", "multi\nline warning"}, hostile...),
		Quarantined: table.Table{
			Columns: []table.Column{{Key: "file", Header: "File"}, {Key: "line", Header: "Line", Numeric: true}, {Key: "reason", Header: "Reason"}},
			Rows: []table.Row{
				{Cells: []string{"cases.csv", "14", `column "Dose": cannot read "60 mg thrice": unknown frequency "thrice"`}},
				{Cells: []string{"cases.csv", "20", hostile[4]}},
			},
		},
		Inputs: []Input{
			{Path: "data/cases.csv", SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Note: "42 rows"},
			{Path: "vocab/<frequency>.yaml", SHA256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		},
		Config: "ci: clopper-pearson\nlevel: 0.95\nlabel: \"</pre><script>alert(1)</script>\"\n",
	}
}

func write(t *testing.T, r Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Report
	}{
		{"report.html", sampleReport()},
		{"empty.html", Report{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := write(t, tc.r)
			path := filepath.Join("testdata", tc.name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./reports/html -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (run with -update if the change is intended)", path)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a, b := write(t, sampleReport()), write(t, sampleReport())
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same report differ")
	}
}

// pageTokens parses the page leniently as HTML and returns its elements
// and its text.
func pageTokens(t *testing.T, page []byte) ([]xml.StartElement, string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var els []xml.StartElement
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("page does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			els = append(els, tok.Copy())
			if tok.Name.Local == "br" {
				text.WriteByte('\n')
			}
		case xml.CharData:
			text.Write(tok)
		}
	}
	return els, text.String()
}

func TestPageIsSelfContained(t *testing.T) {
	page := write(t, sampleReport())
	els, _ := pageTokens(t, page)
	styles := 0
	for _, e := range els {
		switch strings.ToLower(e.Name.Local) {
		case "script", "link", "iframe", "img", "object", "embed", "image", "foreignobject", "base":
			t.Errorf("page has a <%s> element", e.Name.Local)
		case "style":
			styles++
		}
		for _, a := range e.Attr {
			name := strings.ToLower(a.Name.Local)
			switch {
			case strings.HasPrefix(name, "on"):
				t.Errorf("<%s> has an event handler %s", e.Name.Local, name)
			case name == "src":
				t.Errorf("<%s> loads %q", e.Name.Local, a.Value)
			case name == "href" && !strings.HasPrefix(a.Value, "#"):
				t.Errorf("<%s> links outside the page: %q", e.Name.Local, a.Value)
			}
		}
	}
	if styles != 1 {
		t.Errorf("%d <style> elements; want 1", styles)
	}
	for _, bad := range []string{"@import", "url(http", "url(//", "<?xml", "<!DOCTYPE svg", "<!-- made by hand"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n")) {
		t.Error("page does not start with <!DOCTYPE html>")
	}
}

func TestTextIsEscaped(t *testing.T) {
	r := sampleReport()
	page := write(t, r)
	_, text := pageTokens(t, page)
	for _, h := range hostile {
		if !strings.Contains(text, h) {
			t.Errorf("page text lacks %q shown literally", h)
		}
	}
	for _, want := range []string{r.Title, "multi\nline warning", r.Config, r.Inputs[1].Path, r.ToolVersion} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	for _, bad := range []string{"<script>", "<b>report", "<img", "</pre><"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("page contains raw %q", bad)
		}
	}
}

func TestTableOfContents(t *testing.T) {
	els, _ := pageTokens(t, write(t, sampleReport()))
	ids := map[string]bool{}
	var links []string
	for _, e := range els {
		for _, a := range e.Attr {
			switch a.Name.Local {
			case "id":
				if ids[a.Value] {
					t.Errorf("duplicate id %q", a.Value)
				}
				ids[a.Value] = true
			case "href":
				links = append(links, strings.TrimPrefix(a.Value, "#"))
			}
		}
	}
	want := []string{"figures", "figure-1", "figure-2", "tables", "table-1", "table-2", "warnings", "quarantine", "inputs", "configuration"}
	if got := strings.Join(links[:len(want)], " "); got != strings.Join(want, " ") {
		t.Errorf("contents links = %s; want %s", got, strings.Join(want, " "))
	}
	for _, l := range links {
		if !ids[l] {
			t.Errorf("link #%s has no target", l)
		}
	}
}

func TestInlineSVG(t *testing.T) {
	got, err := InlineSVG([]byte(figureSVG), "f1-")
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	if !strings.HasPrefix(s, "<svg ") || !strings.HasSuffix(s, "</svg>") {
		t.Errorf("inlined SVG does not run from <svg to </svg>: %.60q", s)
	}
	for _, want := range []string{`id="f1-clip"`, `url(#f1-clip)`, `id="f1-g"`, `url(#f1-g)`, `id="f1-bar"`, `xlink:href="#f1-bar"`, `one = two`} {
		if !strings.Contains(s, want) {
			t.Errorf("inlined SVG lacks %s", want)
		}
	}
	if strings.Contains(s, `"#bar"`) || strings.Contains(s, "url(#g)") {
		t.Error("a reference kept its unprefixed id")
	}
	// The result must still be well-formed XML.
	d := xml.NewDecoder(bytes.NewReader(got))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("inlined SVG is not well-formed: %v", err)
		}
	}

	for _, tc := range []struct{ name, svg string }{
		{"not svg", `<?xml version="1.0"?><html></html>`},
		{"empty", ``},
		{"truncated", `<svg viewBox="0 0 1 1"><rect/>`},
		{"script", `<svg><script>alert(1)</script></svg>`},
		{"handler", `<svg><rect onclick="x()"/></svg>`},
		{"foreign", `<svg><foreignObject/></svg>`},
		{"external href", `<svg><image href="https://example.org/a.png"/></svg>`},
		{"external url", `<svg><rect fill="url('//example.org/p#x')"/></svg>`},
		{"javascript", `<svg><a xlink:href="javascript:alert(1)"/></svg>`},
		{"import", `<svg><style>@import url(a.css);</style></svg>`},
	} {
		if _, err := InlineSVG([]byte(tc.svg), "p-"); !errors.Is(err, ErrSVG) {
			t.Errorf("%s: InlineSVG error = %v; want ErrSVG", tc.name, err)
		}
	}
	// Text that merely mentions such words is fine.
	if _, err := InlineSVG([]byte(`<svg><text>one = 2; javascript: no; @import</text></svg>`), "p-"); err != nil {
		t.Errorf("harmless text refused: %v", err)
	}
}

func TestWriteRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Report
		want string
	}{
		{"bad svg", Report{Figures: []Figure{{Title: "F", SVG: []byte("<svg><script/></svg>")}}}, `figure 1 ("F")`},
		{"bad page", Report{Figures: []Figure{{Title: "F", SVG: []byte(figureSVG), Pages: [][]byte{[]byte("<svg><script/></svg>")}}}}, `figure 1 ("F"), page 2`},
		{"bad table", Report{Tables: []table.Table{{Title: "T"}}}, "table 1"},
		{"bad quarantine", Report{Quarantined: table.Table{Columns: []table.Column{{Header: "a"}}, Rows: []table.Row{{Cells: []string{"1", "2"}}}}}, "quarantined rows"},
	} {
		var buf bytes.Buffer
		err := Write(&buf, tc.r)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Write error = %v; want one mentioning %s", tc.name, err, tc.want)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: Write wrote %d bytes before failing", tc.name, buf.Len())
		}
	}
}

// TestGonumFigure inlines an SVG made by gonum/plot, as the figure package
// makes them, with embedded fonts.
func TestGonumFigure(t *testing.T) {
	p := plot.New()
	p.Title.Text = "Response <rate> & CI"
	pts := plotter.XYs{{X: 1, Y: 0.75}, {X: 2, Y: 0.43}, {X: 3, Y: 1}}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		t.Fatal(err)
	}
	p.Add(s)
	c := vgsvg.NewWith(vgsvg.UseWH(4*vg.Inch, 3*vg.Inch), vgsvg.EmbedFonts(true))
	p.Draw(draw.New(c))
	var svg bytes.Buffer
	if _, err := c.WriteTo(&svg); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(svg.Bytes(), []byte("<?xml")) {
		t.Fatalf("gonum SVG no longer starts with an XML declaration; check InlineSVG still applies")
	}
	page := write(t, Report{Title: "gonum", Figures: []Figure{{Title: "Scatter", SVG: svg.Bytes()}}})
	if bytes.Contains(page, []byte("<?xml")) {
		t.Error("XML declaration inlined")
	}
	if !bytes.Contains(page, []byte("Response &lt;rate&gt; &amp; CI")) {
		t.Error("plot title missing or unescaped")
	}
	els, _ := pageTokens(t, page)
	n := 0
	for _, e := range els {
		if e.Name.Local == "svg" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d <svg> elements; want 1", n)
	}
}

// TestHiddenCharactersShown: bidi overrides and other control characters
// in any text of the report are shown escaped, never passed through.
func TestHiddenCharactersShown(t *testing.T) {
	const evil = "abc\u202Efed\u2066x\u2069 bell\x07"
	r := Report{Title: evil, Summary: []string{evil}, Warnings: []string{"cases.csv:2: column \"Drug\": " + evil},
		Tables: []table.Table{{Columns: []table.Column{{Key: "d", Header: evil}}, Rows: []table.Row{{Cells: []string{evil}}}}},
		Config: evil}
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	out := strings.ReplaceAll(b.String(), "&#43;", "+") // html/template writes + as &#43;
	for _, c := range []string{"\u202E", "\u2066", "\u2069", "\x07"} {
		if strings.Contains(out, c) {
			t.Errorf("report.html contains %U", []rune(c)[0])
		}
	}
	if n := strings.Count(out, "abc[U+202E]fed[U+2066]x[U+2069] bell[U+0007]"); n < 6 {
		t.Errorf("escaped text shown %d times, want every place (title ×2, summary, warning, header, cell, config)", n)
	}
}

// TestFigurePages: a figure split over pages shows every page, in order,
// under one title and caption, each page's ids prefixed apart.
func TestFigurePages(t *testing.T) {
	page := func(k int) []byte {
		return []byte(strings.Replace(figureSVG, "one = two", fmt.Sprintf("page %d of 3", k), 1))
	}
	page3 := string(write(t, Report{Figures: []Figure{{Title: "Forest", Caption: "Split over 3 pages.", SVG: page(1), Pages: [][]byte{page(2), page(3)}}}}))
	if n := strings.Count(page3, "<svg"); n != 3 {
		t.Fatalf("%d <svg> elements, want 3", n)
	}
	i1, i2, i3 := strings.Index(page3, "page 1 of 3"), strings.Index(page3, "page 2 of 3"), strings.Index(page3, "page 3 of 3")
	if i1 < 0 || !(i1 < i2 && i2 < i3) {
		t.Errorf("pages missing or out of order: %d %d %d", i1, i2, i3)
	}
	for _, id := range []string{`id="figure-1-clip"`, `id="figure-1-p2-clip"`, `id="figure-1-p3-clip"`} {
		if strings.Count(page3, id) != 1 {
			t.Errorf("%s appears %d times, want once", id, strings.Count(page3, id))
		}
	}
	if strings.Count(page3, "<figcaption>") != 1 || strings.Count(page3, "Split over 3 pages.") != 1 {
		t.Error("a figure split over pages has not exactly one caption")
	}
}
