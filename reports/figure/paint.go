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
				// plain decimals ("1000000", not "1e+06" beside "10000")
				// over the doses figures meet
				f := byte('f')
				if v < 1e-6 || v >= 1e9 {
					f = 'g'
				}
				ts = append(ts, tick{v, strconv.FormatFloat(v, f, -1, 64)})
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
		// centred under the axis, but kept inside the page.
		th := p.th
		label = th.fit(th.body, label, th.W-2*th.margin)
		w := th.textW(th.body, label)
		x := (s.p0+s.p1)/2 - w/2
		x = maxf(th.margin, minf(x, th.W-th.margin-w))
		p.text(th.body, Black, x, y-th.xAxisH(true)+lineH(th.body)*0.45, 0, label)
	}
}

// insetForLabels narrows s so that the labels of its first and last ticks,
// centred on them, stay inside [lo, hi].
func (p pen) insetForLabels(s scale, ts []tick, lo, hi vg.Length) scale {
	if len(ts) == 0 {
		return s
	}
	// positions are linear in the data, so solve for the new ends.
	f0, f1 := s.frac(ts[0].v), s.frac(ts[len(ts)-1].v)
	w0 := p.th.textW(p.th.small, ts[0].label) / 2
	w1 := p.th.textW(p.th.small, ts[len(ts)-1].label) / 2
	a, b := s.p0, s.p1
	for i := 0; i < 4; i++ {
		x0 := a + (b-a)*vg.Length(f0)
		x1 := a + (b-a)*vg.Length(f1)
		if x0-w0 < lo {
			a += lo - (x0 - w0)
		}
		if x1+w1 > hi {
			b -= x1 + w1 - hi
		}
	}
	s.p0, s.p1 = a, b
	return s
}

// frac is the relative position of v between the ends of the scale.
func (s scale) frac(v float64) float64 {
	if s.p1 == s.p0 {
		return 0.5
	}
	return float64((s.at(v) - s.p0) / (s.p1 - s.p0))
}

// hash01 returns a number in [0, 1) derived from s by FNV-1a 64: the same id
// always gives the same number, independent of run, platform and order.
func hash01(s string) float64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	// FNV's high bits barely change with the last bytes ("case-01",
	// "case-11"), so finish with the SplitMix64 mixer.
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11) / float64(uint64(1)<<53)
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

// legendItem is a swatch or symbol with its label.
type legendItem struct {
	label string
	key   func(p pen, x, y, w vg.Length) // draws the key centred on y in [x, x+w]
}

// legendKeyW is the width reserved for a legend key.
func (t *theme) legendKeyW() vg.Length { return t.small * 1.6 }

// flowLegend packs items into rows no wider than maxW.
func (t *theme) flowLegend(items []legendItem, maxW vg.Length) [][]legendItem {
	var rows [][]legendItem
	var row []legendItem
	x := vg.Length(0)
	for _, it := range items {
		it.label = t.wrap(t.small, it.label, maxW-t.legendKeyW()-1*vg.Millimeter, 1)[0]
		w := t.legendKeyW() + 1*vg.Millimeter + t.textW(t.small, it.label)
		if len(row) > 0 && x+3*vg.Millimeter+w > maxW {
			rows = append(rows, row)
			row, x = nil, 0
		}
		if len(row) > 0 {
			x += 3 * vg.Millimeter
		}
		row = append(row, it)
		x += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// legendH is the height of a legend of n rows.
func (t *theme) legendH(n int) vg.Length {
	if n == 0 {
		return 0
	}
	return vg.Length(n)*lineH(t.small)*1.3 + 1*vg.Millimeter
}

// drawLegend draws the rows from the top edge y, starting at x.
func (p pen) drawLegend(rows [][]legendItem, x0, top vg.Length) {
	th := p.th
	y := top - lineH(th.small)*0.65
	for _, row := range rows {
		x := x0
		for _, it := range row {
			it.key(p, x, y, th.legendKeyW())
			x += th.legendKeyW() + 1*vg.Millimeter
			p.text(th.small, Black, x, y, 0, it.label)
			x += th.textW(th.small, it.label) + 3*vg.Millimeter
		}
		y -= lineH(th.small) * 1.3
	}
}

// swatch returns a legend key drawing a filled, hatched, outlined box.
func swatch(fill color.Color, hk int) func(p pen, x, y, w vg.Length) {
	return func(p pen, x, y, w vg.Length) {
		s := p.th.small * 0.55
		x0, x1 := x+w/2-s*1.3, x+w/2+s*1.3
		p.rect(fill, x0, y-s, x1, y+s)
		p.hatch(hk, 0.3, hatchColor(fill), 1.2, x0, y-s, x1, y+s)
		p.rectLine(0.3, greyDark, x0, y-s, x1, y+s)
	}
}

// hatchColor is the colour of hatch lines drawn over fill.
func hatchColor(fill color.Color) color.Color {
	if f, ok := fill.(color.RGBA); ok && luminance(f) < 0.25 {
		return white
	}
	return greyDark
}

// yAxisW is the width taken by a y axis with these tick labels and, when
// label is not empty, a rotated axis title.
func (t *theme) yAxisW(ts []tick, label string) vg.Length {
	w := vg.Length(0)
	for _, tk := range ts {
		w = maxf(w, t.textW(t.small, tk.label))
	}
	w += tickLen + 0.8*vg.Millimeter
	if label != "" {
		w += lineH(t.body) + 0.5*vg.Millimeter
	}
	return w
}

// yAxis draws a vertical axis at x with left ticks, labels and a rotated
// title whose left edge is at x - yAxisW.
func (p pen) yAxis(s scale, x vg.Length, ts []tick, label string) {
	p.stroke(p.th.lw, Black, nil, vg.Point{X: x, Y: s.p0}, vg.Point{X: x, Y: s.p1})
	for _, t := range ts {
		y := s.at(t.v)
		p.stroke(p.th.lw, Black, nil, vg.Point{X: x, Y: y}, vg.Point{X: x - tickLen, Y: y})
		p.text(p.th.small, Black, x-tickLen-0.8*vg.Millimeter, y, 1, t.label)
	}
	if label != "" {
		label = p.th.fit(p.th.body, label, s.p1-s.p0)
		p.textUp(p.th.body, Black, x-p.th.yAxisW(ts, label)+lineH(p.th.body)*0.5, (s.p0+s.p1)/2, label)
	}
}

// dashes are line styles for series, so curves differ in greyscale too.
var dashes = [][]vg.Length{nil, {3, 1.5}, {0.8, 1.2}, {3, 1.2, 0.8, 1.2}, {5, 2}, {1.5, 1.5}}

func dashFor(i int) []vg.Length { return dashes[i%len(dashes)] }

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
