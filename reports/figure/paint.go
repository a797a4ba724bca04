package figure

import (
	"image/color"
	"math"
	"strings"

	"github.com/tresp/tresp/internal/stablehash"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
)

// MinFontPt is the smallest font size, in points, used anywhere in a figure
// at any size preset.
const MinFontPt = 6

// theme holds the sizes that depend on the printed width.
type theme struct {
	W      vg.Length // printed width
	cache  *font.Cache
	small  vg.Length // tick labels, table numbers, notes
	body   vg.Length // row labels, axis titles, legend
	head   vg.Length // figure title
	lw     vg.Length // axis and rule line width
	margin vg.Length // outer margin
	gap    vg.Length // gap between columns
}

var fontCache = font.NewCache(liberation.Collection())

// baseFont is the only face used: Liberation Sans Regular (metric-compatible
// with Arial). The PDF writer registers one font per face without its style,
// and several faces make its font catalogue order depend on map iteration.
var baseFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

func newTheme(w vg.Length) *theme {
	t := &theme{W: w, cache: fontCache, lw: 0.5, margin: 1.5 * vg.Millimeter, gap: 2 * vg.Millimeter}
	if w < 120*vg.Millimeter {
		t.small, t.body, t.head = 6.5, 7, 8
	} else {
		t.small, t.body, t.head = 7, 8, 9
	}
	return t
}

func (t *theme) face(size vg.Length) font.Face {
	if size < MinFontPt {
		panic("figure: font size below MinFontPt")
	}
	return t.cache.Lookup(baseFont, size)
}

// textW is the drawn width of s at the given size.
func (t *theme) textW(size vg.Length, s string) vg.Length {
	f := t.face(size)
	return f.Width(s)
}

// lineH is the line pitch for text of the given size.
func lineH(size vg.Length) vg.Length { return size * 1.2 }

// wrap breaks s into at most maxLines lines no wider than maxW, breaking at
// spaces, hyphens and slashes where possible and inside words otherwise; the
// last line ends in an ellipsis when text had to be cut.
func (t *theme) wrap(size vg.Length, s string, maxW vg.Length, maxLines int) []string {
	if s == "" {
		return []string{""}
	}
	if t.textW(size, s) <= maxW {
		return []string{s}
	}
	// Break at spaces; a word wider than the line is split after hyphens,
	// slashes and dashes, then between runes.
	var toks []string
	for _, w := range strings.Split(s, " ") {
		if t.textW(size, w) <= maxW {
			toks = append(toks, w+" ")
			continue
		}
		start := 0
		for i, r := range w {
			if r == '-' || r == '/' || r == '–' {
				end := i + len(string(r))
				toks = append(toks, w[start:end])
				start = end
			}
		}
		toks = append(toks, w[start:]+" ")
	}
	var lines []string
	cur := ""
	flush := func() {
		lines = append(lines, strings.TrimRight(cur, " "))
		cur = ""
	}
	for _, tok := range toks {
		if t.textW(size, strings.TrimRight(cur+tok, " ")) <= maxW {
			cur += tok
			continue
		}
		if cur != "" {
			flush()
		}
		for t.textW(size, strings.TrimRight(tok, " ")) > maxW {
			rs := []rune(tok)
			// longest prefix that fits, by bisection (at least one rune).
			lo, hi := 1, len(rs)-1
			for lo < hi {
				mid := (lo + hi + 1) / 2
				if t.textW(size, string(rs[:mid])) <= maxW {
					lo = mid
				} else {
					hi = mid - 1
				}
			}
			n := lo
			lines = append(lines, string(rs[:n]))
			tok = string(rs[n:])
		}
		cur = tok
	}
	if strings.TrimSpace(cur) != "" {
		flush()
	}
	if len(lines) <= maxLines {
		return lines
	}
	lines = lines[:maxLines]
	last := []rune(strings.TrimRight(lines[maxLines-1], " "))
	lo, hi := 0, len(last)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.textW(size, string(last[:mid])+"…") <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	last = last[:lo]
	lines[maxLines-1] = strings.TrimRight(string(last), " -/") + "…"
	return lines
}

// fit returns s cut with an ellipsis to one line no wider than maxW.
func (t *theme) fit(size vg.Length, s string, maxW vg.Length) string {
	return t.wrap(size, s, maxW, 1)[0]
}

// pen draws on a vg.Canvas with the theme's fonts.
type pen struct {
	c  vg.Canvas
	th *theme
}

// text draws s with its left (xa=0), centre (0.5) or right (1) edge at x and
// the middle of its capital letters at y.
func (p pen) text(size vg.Length, col color.Color, x, y vg.Length, xa float64, s string) {
	if s == "" {
		return
	}
	f := p.th.face(size)
	w := f.Width(s)
	p.c.SetColor(col)
	p.c.FillString(f, vg.Point{X: x - vg.Length(xa)*w, Y: y - 0.36*size}, s)
}

// lines draws a block of lines centred vertically on y.
func (p pen) lines(size vg.Length, col color.Color, x, y vg.Length, xa float64, ls []string) {
	n := len(ls)
	top := y + lineH(size)*vg.Length(n-1)/2
	for i, s := range ls {
		p.text(size, col, x, top-lineH(size)*vg.Length(i), xa, s)
	}
}

// textUp draws s rotated 90° anticlockwise, centred on (x, y).
func (p pen) textUp(size vg.Length, col color.Color, x, y vg.Length, s string) {
	if s == "" {
		return
	}
	f := p.th.face(size)
	w := f.Width(s)
	p.c.Push()
	p.c.Translate(vg.Point{X: x, Y: y})
	p.c.Rotate(math.Pi / 2)
	p.c.SetColor(col)
	p.c.FillString(f, vg.Point{X: -w / 2, Y: -0.36 * size}, s)
	p.c.Pop()
}

// stroke draws a polyline; dash may be nil for a solid line.
func (p pen) stroke(w vg.Length, col color.Color, dash []vg.Length, pts ...vg.Point) {
	if len(pts) < 2 {
		return
	}
	var path vg.Path
	path.Move(pts[0])
	for _, q := range pts[1:] {
		path.Line(q)
	}
	p.strokePath(w, col, dash, path)
}

func (p pen) strokePath(w vg.Length, col color.Color, dash []vg.Length, path vg.Path) {
	p.c.SetLineWidth(w)
	p.c.SetLineDash(dash, 0)
	p.c.SetColor(col)
	p.c.Stroke(path)
	p.c.SetLineDash(nil, 0)
}

func (p pen) fill(col color.Color, pts ...vg.Point) {
	if len(pts) < 3 {
		return
	}
	var path vg.Path
	path.Move(pts[0])
	for _, q := range pts[1:] {
		path.Line(q)
	}
	path.Close()
	p.c.SetColor(col)
	p.c.Fill(path)
}

func rectPts(x0, y0, x1, y1 vg.Length) []vg.Point {
	return []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
}

func (p pen) rect(col color.Color, x0, y0, x1, y1 vg.Length) { p.fill(col, rectPts(x0, y0, x1, y1)...) }

func (p pen) rectLine(w vg.Length, col color.Color, x0, y0, x1, y1 vg.Length) {
	pts := rectPts(x0, y0, x1, y1)
	p.stroke(w, col, nil, append(pts, pts[0])...)
}

// hatch kinds
const (
	hatchNone  = iota
	hatchDiag  // "/"
	hatchBack  // "\"
	hatchCross // "x"
	hatchHoriz // "-"
)

// hatch draws parallel lines of kind k, spaced sp apart, clipped to the
// rectangle [x0,x1]×[y0,y1].
func (p pen) hatch(k int, w vg.Length, col color.Color, sp vg.Length, x0, y0, x1, y1 vg.Length) {
	if x1-x0 <= 0 || y1-y0 <= 0 || k == hatchNone {
		return
	}
	var path vg.Path
	diag := func(slope vg.Length) {
		// lines y = slope*(x - c) + y0 for c stepping along the base.
		h := y1 - y0
		for c := x0 - h; c < x1; c += sp {
			ax, ay := c, y0
			bx, by := c+h, y1
			if slope < 0 {
				ax, bx = c+h, c
			}
			// clip the segment to x0..x1 by parametrising along y.
			cx0, cy0, cx1, cy1, ok := clipSeg(ax, ay, bx, by, x0, x1)
			if ok {
				path.Move(vg.Point{X: cx0, Y: cy0})
				path.Line(vg.Point{X: cx1, Y: cy1})
			}
		}
	}
	switch k {
	case hatchDiag:
		diag(1)
	case hatchBack:
		diag(-1)
	case hatchCross:
		diag(1)
		diag(-1)
	case hatchHoriz:
		for y := y0 + sp/2; y < y1; y += sp {
			path.Move(vg.Point{X: x0, Y: y})
			path.Line(vg.Point{X: x1, Y: y})
		}
	}
	if len(path) > 0 {
		p.strokePath(w, col, nil, path)
	}
}

// clipSeg clips the segment (ax,ay)-(bx,by) to the vertical band x0 ≤ x ≤ x1.
func clipSeg(ax, ay, bx, by, x0, x1 vg.Length) (vg.Length, vg.Length, vg.Length, vg.Length, bool) {
	if ax > bx {
		ax, ay, bx, by = bx, by, ax, ay
	}
	if bx < x0 || ax > x1 || bx == ax {
		return 0, 0, 0, 0, false
	}
	at := func(x vg.Length) vg.Length { return ay + (by-ay)*(x-ax)/(bx-ax) }
	if ax < x0 {
		ax, ay = x0, at(x0)
	}
	if bx > x1 {
		by, bx = at(x1), x1
	}
	return ax, ay, bx, by, true
}

// marker shapes that stay distinct in greyscale.
const (
	shapeCircle = iota
	shapeSquare
	shapeTriangle
	shapeDiamond
	shapeTriangleDown
	shapeCircleOpen
	shapeSquareOpen
	shapeTriangleOpen
	numShapes
)

func shapePts(s int, x, y, r vg.Length) []vg.Point {
	switch s % 5 {
	case shapeSquare:
		r *= 0.85
		return rectPts(x-r, y-r, x+r, y+r)
	case shapeTriangle:
		return []vg.Point{{X: x - r*1.1, Y: y - r*0.8}, {X: x + r*1.1, Y: y - r*0.8}, {X: x, Y: y + r*1.1}}
	case shapeDiamond:
		return []vg.Point{{X: x, Y: y - r*1.2}, {X: x + r, Y: y}, {X: x, Y: y + r*1.2}, {X: x - r, Y: y}}
	case shapeTriangleDown:
		return []vg.Point{{X: x - r*1.1, Y: y + r*0.8}, {X: x + r*1.1, Y: y + r*0.8}, {X: x, Y: y - r*1.1}}
	}
	// circle as a 16-gon keeps paths simple and identical across back ends.
	var pts []vg.Point
	for i := 0; i < 16; i++ {
		a := 2 * math.Pi * float64(i) / 16
		pts = append(pts, vg.Point{X: x + r*vg.Length(math.Cos(a)), Y: y + r*vg.Length(math.Sin(a))})
	}
	return pts
}

// marker draws shape s at (x, y) with radius r: filled with col and outlined
// in black for the first five shapes, white-filled with a col outline for
// the open variants.
func (p pen) marker(s int, col color.Color, x, y, r vg.Length) {
	pts := shapePts(s, x, y, r)
	closed := append(append([]vg.Point(nil), pts...), pts[0])
	if s%numShapes >= shapeCircleOpen {
		p.fill(white, pts...)
		p.stroke(0.9, col, nil, closed...)
		return
	}
	p.fill(col, pts...)
	p.stroke(0.4, Black, nil, closed...)
}

// hash01 returns a number in [0, 1) derived from s by FNV-1a 64: the same id
// always gives the same number, independent of run, platform and order.
func hash01(s string) float64 { return stablehash.Unit(s) }

func maxf(a, b vg.Length) vg.Length {
	if a > b {
		return a
	}
	return b
}

func minf(a, b vg.Length) vg.Length {
	if a < b {
		return a
	}
	return b
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// wrapClauses breaks s like wrap, but between clauses first: after "; "
// and ". ", so that "Q = 1.96, df = 2, p = 0.37" is not cut inside a
// clause when whole clauses fit a line. A clause wider than a line is
// wrapped at spaces.
func (t *theme) wrapClauses(size vg.Length, s string, maxW vg.Length, maxLines int) []string {
	if t.textW(size, s) <= maxW {
		return []string{s}
	}
	var clauses []string
	rest := s
	for rest != "" {
		i := strings.IndexAny(rest, ";.")
		for i >= 0 && (i+1 >= len(rest) || rest[i+1] != ' ') {
			j := strings.IndexAny(rest[i+1:], ";.")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			clauses = append(clauses, rest)
			break
		}
		clauses = append(clauses, rest[:i+1])
		rest = strings.TrimLeft(rest[i+1:], " ")
	}
	var lines []string
	cur := ""
	for _, c := range clauses {
		next := c
		if cur != "" {
			next = cur + " " + c
		}
		if t.textW(size, next) <= maxW {
			cur = next
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = c
		if t.textW(size, c) > maxW {
			ls := t.wrap(size, c, maxW, maxLines+1)
			lines = append(lines, ls[:len(ls)-1]...)
			cur = ls[len(ls)-1]
		}
	}
	lines = append(lines, cur)
	if len(lines) > maxLines {
		return t.wrap(size, s, maxW, maxLines)
	}
	return lines
}
