package figure

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// textCanvas is a vg.Canvas that records the strings drawn, with their
// boxes in page coordinates, for layout checks. It supports the transforms
// the package uses: translations and quarter-turn rotations.
type textCanvas struct {
	w, h  vg.Length
	stack []xform
	texts []placed
}

type xform struct {
	dx, dy vg.Length
	rot    int // quarter turns anticlockwise
}

type placed struct {
	s              string
	size           vg.Length
	x0, y0, x1, y1 vg.Length
	rotated        bool
}

func newTextCanvas(w, h vg.Length) *textCanvas {
	return &textCanvas{w: w, h: h, stack: []xform{{}}}
}

func (c *textCanvas) top() *xform { return &c.stack[len(c.stack)-1] }
func (c *textCanvas) apply(p vg.Point) vg.Point {
	t := c.top()
	x, y := p.X, p.Y
	for i := 0; i < t.rot%4; i++ {
		x, y = -y, x
	}
	return vg.Point{X: x + t.dx, Y: y + t.dy}
}
func (c *textCanvas) SetLineWidth(vg.Length)             {}
func (c *textCanvas) SetLineDash([]vg.Length, vg.Length) {}
func (c *textCanvas) SetColor(color.Color)               {}
func (c *textCanvas) Rotate(a float64) {
	q := int(math.Round(a / (math.Pi / 2)))
	if math.Abs(a-float64(q)*math.Pi/2) > 1e-9 {
		panic("textCanvas: only quarter turns are supported")
	}
	c.top().rot += (q%4 + 4) % 4
}
func (c *textCanvas) Translate(p vg.Point) {
	q := c.apply(p)
	c.top().dx, c.top().dy = q.X, q.Y
}
func (c *textCanvas) Scale(float64, float64)              { panic("textCanvas: Scale not supported") }
func (c *textCanvas) Push()                               { c.stack = append(c.stack, *c.top()) }
func (c *textCanvas) Pop()                                { c.stack = c.stack[:len(c.stack)-1] }
func (c *textCanvas) Stroke(vg.Path)                      {}
func (c *textCanvas) Fill(vg.Path)                        {}
func (c *textCanvas) DrawImage(vg.Rectangle, image.Image) {}
func (c *textCanvas) Size() (vg.Length, vg.Length)        { return c.w, c.h }
func (c *textCanvas) FillString(f font.Face, pt vg.Point, s string) {
	e := f.Extents()
	w := f.Width(s)
	// box in local coordinates: ascent above, descent below the baseline.
	a := c.apply(vg.Point{X: pt.X, Y: pt.Y - e.Descent})
	b := c.apply(vg.Point{X: pt.X + w, Y: pt.Y + 0.75*f.Font.Size})
	p := placed{s: s, size: f.Font.Size, x0: minf(a.X, b.X), x1: maxf(a.X, b.X), y0: minf(a.Y, b.Y), y1: maxf(a.Y, b.Y), rotated: c.top().rot%2 == 1}
	c.texts = append(c.texts, p)
}

// layoutTexts lays fig out at size and returns the strings it draws.
func layoutTexts(t *testing.T, fig Figure, size Size) (*textCanvas, error) {
	t.Helper()
	lay, h, err := prepare(fig, size)
	if err != nil {
		return nil, err
	}
	c := newTextCanvas(mm(size.WidthMM), h)
	lay.draw(c, h)
	return c, nil
}

// problems lists strings below MinFontPt, outside the page, or
// overlapping another string.
func problems(c *textCanvas) []string {
	const tol = 0.01
	var out []string
	for i, p := range c.texts {
		if p.size < MinFontPt {
			out = append(out, fmt.Sprintf("%q drawn at %.2f pt < %d pt", p.s, p.size, MinFontPt))
		}
		if p.x0 < -tol || p.y0 < -tol || p.x1 > c.w+tol || p.y1 > c.h+tol {
			out = append(out, fmt.Sprintf("%q clipped: box [%.1f,%.1f]-[%.1f,%.1f] pt outside page %.1f×%.1f pt", p.s, p.x0, p.y0, p.x1, p.y1, c.w, c.h))
		}
		for _, q := range c.texts[i+1:] {
			if p.x0 < q.x1-tol && q.x0 < p.x1-tol && p.y0 < q.y1-tol && q.y0 < p.y1-tol {
				out = append(out, fmt.Sprintf("%q overlaps %q", p.s, q.s))
			}
		}
	}
	if len(c.texts) == 0 {
		out = append(out, "no text drawn")
	}
	return out
}

// checkLayout asserts problems(c) is empty.
func checkLayout(t *testing.T, name string, c *textCanvas) {
	t.Helper()
	checkLayoutInto(t, name, c)
}

func checkLayoutInto(t *testing.T, name string, c *textCanvas) {
	for _, p := range problems(c) {
		t.Errorf("%s: %s", name, p)
	}
}

func TestLayoutAllPresets(t *testing.T) {
	for name, fig := range sampleFigures() {
		for _, sz := range append(append([]Size(nil), Presets...), Size{Name: "custom", WidthMM: 120, HeightMM: 0}) {
			c, err := layoutTexts(t, fig, sz)
			if err != nil {
				t.Errorf("%s at %s: %v", name, sz, err)
				continue
			}
			checkLayout(t, name+"@"+sz.String(), c)
		}
	}
}

func TestDeterministicBytes(t *testing.T) {
	for name, fig := range sampleFigures() {
		for _, f := range []Format{PDF, PNG, SVG} {
			var a, b bytes.Buffer
			if err := Render(&a, fig, NatureSingle, f); err != nil {
				t.Fatalf("%s %s: %v", name, f, err)
			}
			if err := Render(&b, fig, NatureSingle, f); err != nil {
				t.Fatalf("%s %s: %v", name, f, err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s %s: two renders differ (%d vs %d bytes)", name, f, a.Len(), b.Len())
			}
			if a.Len() == 0 {
				t.Errorf("%s %s: empty output", name, f)
			}
		}
	}
}

func TestPDFFixedDates(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, sampleForest(), NatureSingle, PDF); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"/CreationDate (D:" + pdfEpoch + ")", "/ModDate (D:" + pdfEpoch + ")"} {
		if !bytes.Contains(b.Bytes(), []byte(k)) {
			t.Errorf("PDF lacks %s", k)
		}
	}
}

func TestPNGSize(t *testing.T) {
	// 300 dpi: 89 mm = 89/25.4 in × 300 = 1051.2 px, rounded to 1051.
	cases := []struct {
		size Size
		w    int
	}{{NatureSingle, 1051}, {NatureDouble, 2161}, {ElsevierSingle, 1063}, {ElsevierDouble, 2244}}
	for _, c := range cases {
		var b bytes.Buffer
		if err := Render(&b, sampleForest(), c.size, PNG); err != nil {
			t.Fatal(err)
		}
		img, err := png.DecodeConfig(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if img.Width != c.w {
			t.Errorf("%s: PNG width %d px, want %d", c.size, img.Width, c.w)
		}
		_, hmm, _ := Measure(sampleForest(), c.size)
		if wantH := int(hmm/25.4*DPI + 0.5); img.Height != wantH {
			t.Errorf("%s: PNG height %d px, want %d", c.size, img.Height, wantH)
		}
		// pHYs chunk: 11811 px/m = 300 dpi.
		if !bytes.Contains(b.Bytes(), []byte{'p', 'H', 'Y', 's', 0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1}) {
			t.Errorf("%s: PNG lacks a 300 dpi pHYs chunk", c.size)
		}
	}
}

func TestPDFEmbedsFonts(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, sampleForest(), NatureSingle, PDF); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("/FontFile2")) {
		t.Error("PDF has no embedded TrueType font (/FontFile2)")
	}
	path, err := exec.LookPath("pdffonts")
	if err != nil {
		t.Skip("pdffonts (poppler-utils) not installed; checked /FontFile2 only")
	}
	cmd := exec.Command(path, "-")
	cmd.Stdin = bytes.NewReader(b.Bytes())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type [type2] encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

func TestSVGEmbedsFonts(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, sampleForest(), NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("@font-face")) {
		t.Error("SVG has no embedded @font-face")
	}
}

var whiskerRE = regexp.MustCompile(`stroke-width:0\.8[;"]`)

func TestForestSVGOneWhiskerPerDrug(t *testing.T) {
	f := sampleForest()
	var b bytes.Buffer
	if err := Render(&b, f, NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range f.Rows {
		if !r.Pooled && r.hasData() {
			want++
		}
	}
	if got := len(whiskerRE.FindAll(b.Bytes(), -1)); got != want || want != 5 {
		t.Errorf("SVG has %d whiskers, want %d (one per drug)", got, want)
	}
	// stress case: 30 drugs, one without data.
	b.Reset()
	if err := Render(&b, stressForest(), NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	if got := len(whiskerRE.FindAll(b.Bytes(), -1)); got != 29 {
		t.Errorf("stress SVG has %d whiskers, want 29", got)
	}
	if !bytes.Contains(b.Bytes(), []byte(">not estimable<")) {
		t.Error("stress SVG lacks the \"not estimable\" mark of the n = 0 row")
	}
}

func TestEmptyInputs(t *testing.T) {
	for _, fig := range emptyFigures() {
		var b bytes.Buffer
		err := Render(&b, fig, NatureSingle, PDF)
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("%T: err = %v, want ErrEmpty", fig, err)
		}
	}
	if err := Render(&bytes.Buffer{}, nil, NatureSingle, PDF); err == nil {
		t.Error("nil figure: no error")
	}
}

func emptyFigures() []Figure {
	return []Figure{Forest{}, OutcomeBars{}, Swimmer{}, CumResponse{}, CumResponse{Curves: []CumCurve{{Label: "x"}}}, DoseResponse{}}
}
