package figure

import (
	"hash/fnv"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
)

// MinFontPt is the smallest font size, in points, used anywhere in a figure
// at any size preset.
const MinFontPt = 6

// Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), in its usual order.
var (
	Orange        = color.RGBA{0xE6, 0x9F, 0x00, 0xFF}
	SkyBlue       = color.RGBA{0x56, 0xB4, 0xE9, 0xFF}
	BluishGreen   = color.RGBA{0x00, 0x9E, 0x73, 0xFF}
	Yellow        = color.RGBA{0xF0, 0xE4, 0x42, 0xFF}
	Blue          = color.RGBA{0x00, 0x72, 0xB2, 0xFF}
	Vermillion    = color.RGBA{0xD5, 0x5E, 0x00, 0xFF}
	ReddishPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xFF}
	Black         = color.RGBA{0x00, 0x00, 0x00, 0xFF}
)

// Palette is the Okabe–Ito palette in its usual order.
var Palette = []color.RGBA{Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Black}

// seriesColors is the order in which series (drugs, regimens) take colours:
// black is kept for markers and text, and neighbours differ in lightness.
var seriesColors = []color.RGBA{Blue, Orange, BluishGreen, ReddishPurple, SkyBlue, Vermillion, Yellow}

var (
	white     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	greyDark  = color.RGBA{0x40, 0x40, 0x40, 0xFF}
	greyMid   = color.RGBA{0x80, 0x80, 0x80, 0xFF}
	greyLight = color.RGBA{0xC8, 0xC8, 0xC8, 0xFF}
	greyFaint = color.RGBA{0xE8, 0xE8, 0xE8, 0xFF}
)

func seriesColor(i int) color.RGBA { return seriesColors[i%len(seriesColors)] }

// alpha returns c with opacity a (premultiplied, as image/color requires).
func alpha(c color.RGBA, a float64) color.RGBA {
	f := func(v uint8) uint8 { return uint8(math.Round(float64(v) * a)) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), uint8(math.Round(255 * a))}
}

// luminance is the relative luminance of c (sRGB, WCAG definition).
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// textOn returns black or white, whichever reads better on background c.
func textOn(c color.RGBA) color.RGBA {
	if luminance(c) < 0.2 {
		return white
	}
	return Black
}

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
			n := len(rs) - 1
			for n > 1 && t.textW(size, string(rs[:n])) > maxW {
				n--
			}
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
	for len(last) > 0 && t.textW(size, string(last)+"…") > maxW {
		last = last[:len(last)-1]
	}
	lines[maxLines-1] = strings.TrimRight(string(last), " -/") + "…"
	return lines
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

// scale maps data values to canvas positions.
type scale struct {
	d0, d1 float64
	p0, p1 vg.Length
	log    bool
}

func (s scale) at(v float64) vg.Length {
	a, b, x := s.d0, s.d1, v
	if s.log {
		a, b, x = math.Log10(a), math.Log10(b), math.Log10(v)
	}
	if b == a {
		return (s.p0 + s.p1) / 2
	}
	return s.p0 + (s.p1-s.p0)*vg.Length((x-a)/(b-a))
}

type tick struct {
	v     float64
	label string
}

// niceTicks returns about n ticks covering [lo, hi] at 1, 2, 2.5 or 5 × 10^k
// steps, formatted by fmtv.
func niceTicks(lo, hi float64, n int, fmtv func(float64, float64) string) []tick {
	if !(hi > lo) || n < 1 {
		return []tick{{lo, fmtv(lo, 1)}}
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var ts []tick
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ts = append(ts, tick{v, fmtv(v, step)})
	}
	return ts
}

// fmtTick formats v with as many decimals as the step needs.
func fmtTick(v, step float64) string {
	d := 0
	for d < 6 && math.Abs(step*math.Pow(10, float64(d))-math.Round(step*math.Pow(10, float64(d)))) > 1e-6 {
		d++
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}

// logTicks returns ticks at 1, 2, 5 × 10^k inside [lo, hi] (only powers of
// ten when the range spans more than three decades).
func logTicks(lo, hi float64) []tick {
	var ts []tick
	mults := []float64{1, 2, 5}
	if math.Log10(hi/lo) > 3 {
		mults = []float64{1}
	}
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		for _, m := range mults {
			v := m * math.Pow(10, e)
			if v >= lo*(1-1e-9) && v <= hi*(1+1e-9) {
				ts = append(ts, tick{v, strconv.FormatFloat(v, 'g', -1, 64)})
			}
		}
	}
	return ts
}

// fitTicks drops ticks (keeping every k-th) until their labels, centred on
// their positions, do not overlap.
func (p pen) fitTicks(ts []tick, s scale) []tick {
	for k := 1; k <= len(ts); k++ {
		var kept []tick
		for i, t := range ts {
			if i%k == 0 {
				kept = append(kept, t)
			}
		}
		ok := true
		for i := 1; i < len(kept); i++ {
			a, b := kept[i-1], kept[i]
			room := vg.Length(math.Abs(float64(s.at(b.v) - s.at(a.v))))
			need := (p.th.textW(p.th.small, a.label)+p.th.textW(p.th.small, b.label))/2 + 1.5*vg.Millimeter
			if room < need {
				ok = false
				break
			}
		}
		if ok {
			return kept
		}
	}
	return ts[:1]
}

const tickLen = 1.2 * vg.Millimeter

// xAxisH is the height of an x axis drawn by xAxis: ticks, tick labels and,
// when label is not empty, an axis title of one line.
func (t *theme) xAxisH(hasLabel bool) vg.Length {
	h := tickLen + 0.8*vg.Millimeter + lineH(t.small)
	if hasLabel {
		h += lineH(t.body) + 0.5*vg.Millimeter
	}
	return h
}

// xAxis draws a horizontal axis line at y with downward ticks and labels and
// the axis title centred below them.
func (p pen) xAxis(s scale, y vg.Length, ts []tick, label string) {
	p.stroke(p.th.lw, Black, nil, vg.Point{X: s.p0, Y: y}, vg.Point{X: s.p1, Y: y})
	ly := y - tickLen - 0.8*vg.Millimeter - p.th.small*0.45
	for _, t := range ts {
		x := s.at(t.v)
		p.stroke(p.th.lw, Black, nil, vg.Point{X: x, Y: y}, vg.Point{X: x, Y: y - tickLen})
		p.text(p.th.small, Black, x, ly, 0.5, t.label)
	}
	if label != "" {
		p.text(p.th.body, Black, (s.p0+s.p1)/2, y-p.th.xAxisH(true)+lineH(p.th.body)*0.45, 0.5, label)
	}
}

// hash01 returns a number in [0, 1) derived from s by FNV-1a 64: the same id
// always gives the same number, independent of run, platform and order.
func hash01(s string) float64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return float64(h.Sum64()>>11) / float64(uint64(1)<<53)
}

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
