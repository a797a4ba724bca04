package figure

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// SortOrder orders the rows of a Forest plot.
type SortOrder int

// Row orders. Study rows always stay under their parent row.
const (
	SortNone     SortOrder = iota // keep the input order
	SortEstimate                  // highest estimate on top; rows without data last
	SortName                      // alphabetical, case-insensitive
)

// ForestRow is one row of a forest plot: a drug, a study under a drug, or a
// pooled estimate.
type ForestRow struct {
	Label    string  // drug or study name
	Events   int     // responders (x)
	N        int     // patients (n); 0 draws "not estimable"
	Estimate float64 // response rate in [0, 1]; NaN draws "not estimable" (n = 0) or "no estimate" (n > 0)
	Low      float64 // lower interval bound in [0, 1]; NaN omits the whisker
	High     float64 // upper interval bound in [0, 1]; NaN omits the whisker
	Pooled   bool    // drawn as a diamond spanning [Low, High]
	Study    bool    // an indented study row under the nearest preceding non-study row
	// Heading is a drug label without marker or numbers, above its study
	// rows and pooled diamond.
	Heading bool
	// Note is a line of small text under a pooled row (heterogeneity, or
	// rows left out); Study must be set too so it stays in its block.
	Note bool
	// Weight is the study's weight in the pooled estimate in percent;
	// 0 leaves the weight cell empty. A Weight column is drawn when any
	// row has one.
	Weight float64
	// PredLow and PredHigh are the prediction interval of a pooled row,
	// drawn as a dotted line through the diamond; NaN or equal for none.
	PredLow, PredHigh float64
}

// Forest is a forest plot of response rate by drug: one row per drug, with
// optional per-study rows under a drug and pooled diamonds, a point estimate
// with interval whiskers, and "x/n" and "rate [low, high]" text columns.
type Forest struct {
	Title        string      // caption title; not drawn on the figure
	Rows         []ForestRow // at least one
	Sort         SortOrder
	Percent      bool     // axis 0–100 % instead of 0–1
	RefLine      float64  // dashed vertical reference line at this rate, if in (0, 1]
	RefLabel     string   // what the reference line is, for the caption
	LabelHeading string   // heading of the label column; default "Drug"
	XLabel       string   // axis title; default "Response rate" (or "Response rate (%)")
	FixedMarkers bool     // same square size for every row instead of area ∝ n
	Method       string   // interval method for the caption, e.g. "Clopper–Pearson"
	Level        float64  // interval level; 0 means 0.95
	Pooling      string   // pooling model for the caption, e.g. "random effects, DerSimonian–Laird, logit scale"
	Patients     int      // patients for the caption; 0 sums n over non-pooled rows
	Studies      int      // studies (case reports) for the caption; 0 omits them
	Abbrev       []string // extra abbreviations for the caption, e.g. "IV, intravenous"
	// Population names the denominator ("evaluable patients"), for the
	// caption; "" leaves it out.
	Population string
	// Weights describes how Weight was computed, for the caption.
	Weights string
	// Notes are extra caption sentences (rows left out, drugs capped).
	Notes []string

	page *forestPage // set by Paginate
}

func (f Forest) level() float64 {
	if f.Level > 0 && f.Level < 1 {
		return f.Level
	}
	return 0.95
}

func (f Forest) validate() error {
	if len(f.Rows) == 0 {
		return fmt.Errorf("%w: forest plot has no rows (pass at least one ForestRow)", ErrEmpty)
	}
	for i, r := range f.Rows {
		where := fmt.Sprintf("figure: forest row %d (%q)", i+1, r.Label)
		if r.N < 0 || r.Events < 0 || r.Events > r.N {
			return fmt.Errorf("%s: events %d of n %d: need 0 <= events <= n", where, r.Events, r.N)
		}
		for _, v := range []struct {
			name string
			v    float64
		}{{"estimate", r.Estimate}, {"low", r.Low}, {"high", r.High}} {
			if math.IsInf(v.v, 0) || finite(v.v) && (v.v < 0 || v.v > 1) {
				return fmt.Errorf("%s: %s %g outside [0, 1] (rates are proportions; use NaN for a missing value)", where, v.name, v.v)
			}
		}
		if finite(r.Estimate) && (finite(r.Low) && r.Low > r.Estimate+1e-12 || finite(r.High) && r.High < r.Estimate-1e-12) {
			return fmt.Errorf("%s: interval [%g, %g] does not contain the estimate %g", where, r.Low, r.High, r.Estimate)
		}
	}
	return nil
}

// hasData reports whether the row has a drawable estimate.
func (r ForestRow) hasData() bool { return r.N > 0 && finite(r.Estimate) && !r.Heading && !r.Note }

// hasPI reports whether a pooled row has a prediction interval wider than
// its confidence interval.
func (r ForestRow) hasPI() bool {
	return r.Pooled && finite(r.PredLow) && finite(r.PredHigh) && r.PredHigh > r.PredLow
}

// hasWeights reports whether any row has a weight.
func (f Forest) hasWeights() bool {
	for _, r := range f.Rows {
		if r.Weight > 0 {
			return true
		}
	}
	return false
}

// weightText is the weight cell of r.
func weightText(r ForestRow) string {
	if r.Weight <= 0 || !finite(r.Weight) {
		return ""
	}
	return strconv.FormatFloat(r.Weight, 'f', 1, 64) + "%"
}

// ordered returns the rows in display order: blocks of a parent row and
// its study rows, sorted by the parent.
func (f Forest) ordered() []ForestRow {
	type block struct{ rows []ForestRow }
	var blocks []block
	for _, r := range f.Rows {
		if r.Study && len(blocks) > 0 {
			blocks[len(blocks)-1].rows = append(blocks[len(blocks)-1].rows, r)
			continue
		}
		blocks = append(blocks, block{rows: []ForestRow{r}})
	}
	switch f.Sort {
	case SortEstimate:
		sort.SliceStable(blocks, func(i, j int) bool {
			a, b := blocks[i].rows[0], blocks[j].rows[0]
			if a.hasData() != b.hasData() {
				return a.hasData()
			}
			if a.hasData() && a.Estimate != b.Estimate {
				return a.Estimate > b.Estimate
			}
			return strings.ToLower(a.Label) < strings.ToLower(b.Label)
		})
	case SortName:
		sort.SliceStable(blocks, func(i, j int) bool {
			return strings.ToLower(blocks[i].rows[0].Label) < strings.ToLower(blocks[j].rows[0].Label)
		})
	}
	var out []ForestRow
	for _, b := range blocks {
		out = append(out, b.rows...)
	}
	return out
}

// rateText formats a rate and its interval for the right-hand column.
func (f Forest) rateText(r ForestRow) string {
	if r.Heading || r.Note {
		return ""
	}
	if !r.hasData() {
		return "–"
	}
	fm := func(v float64) string {
		if f.Percent {
			return strconv.FormatFloat(100*v, 'f', 0, 64)
		}
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	s := fm(r.Estimate)
	if finite(r.Low) && finite(r.High) {
		s += " [" + fm(r.Low) + ", " + fm(r.High) + "]"
	}
	return s
}

func levelPct(l float64) string { return strconv.FormatFloat(100*l, 'f', -1, 64) + "%" }

type forestLayout struct {
	f        Forest
	th       *theme
	rows     []ForestRow
	labels   [][]string
	units    []float64 // row heights in line units
	labelW   vg.Length
	nW, rW   vg.Length
	wW       vg.Length // weight column, 0 when there is none
	fixedTop vg.Length // title + header
	fixedBot vg.Length // axis
	nmax     int
	heads    [3]string
	page     *forestPage // nil for a plot on one page
}

const (
	forestMinPad = 0.08 // padding per row, in body line heights, at minimum
	forestNatPad = 0.32 // natural padding per row
	indent       = 2.5 * vg.Millimeter
)

func (f Forest) build(th *theme) (layout, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	l := &forestLayout{f: f, th: th, rows: f.ordered(), page: f.page}
	for i := range l.rows {
		l.rows[i].Label = clean(l.rows[i].Label)
	}
	// A page of a paginated plot takes its column widths and marker scale
	// from the rows of the whole plot, so that all pages line up.
	measured := l.rows
	if l.page != nil {
		measured = l.page.all
	}
	for _, r := range measured {
		if r.N > l.nmax && !r.Pooled {
			l.nmax = r.N
		}
	}
	head := clean(f.LabelHeading)
	if head == "" {
		head = "Drug"
	}
	rateHead := "Rate [" + levelPct(f.level()) + " CI]"
	if f.Percent {
		rateHead = "% [" + levelPct(f.level()) + " CI]"
	}
	l.heads = [3]string{head, "x/n", rateHead}
	b := th.body
	l.nW = th.textW(b, "x/n")
	l.rW = th.textW(b, rateHead)
	natLabel := th.textW(b, head)
	for _, r := range measured {
		if r.Weight > 0 {
			l.wW = th.textW(b, "Weight") // every page has the column when one has
		}
	}
	for _, r := range measured {
		l.nW = maxf(l.nW, th.textW(b, nStr(r)))
		l.rW = maxf(l.rW, th.textW(b, f.rateText(r)))
		if l.wW > 0 {
			l.wW = maxf(l.wW, th.textW(b, weightText(r)))
		}
		if r.Note {
			continue // notes run across the plot
		}
		w := th.textW(b, r.Label)
		if r.Study {
			w += indent
		}
		natLabel = maxf(natLabel, w)
	}
	inner := th.W - 2*th.margin - 3*th.gap
	if l.wW > 0 {
		inner -= l.wW + th.gap
	}
	minPlot := maxf(25*vg.Millimeter, 0.3*inner)
	avail := inner - l.nW - l.rW - minPlot
	if avail < 12*vg.Millimeter {
		return nil, fmt.Errorf("figure: forest plot does not fit %.0f mm width: text columns need %.0f mm (use a wider size, e.g. %s)",
			float64(th.W/vg.Millimeter), float64((l.nW+l.rW)/vg.Millimeter), NatureDouble.Name)
	}
	l.labelW = minf(natLabel, avail)
	for _, r := range l.rows {
		w := l.labelW
		if r.Study {
			w -= indent
		}
		if r.Note {
			// Notes run across the plot in small text, broken between
			// clauses ("τ² = …; I² = …") rather than inside "df = 2".
			ls := th.wrapClauses(th.small, r.Label, th.W-2*th.margin-indent, 3)
			l.labels = append(l.labels, ls)
			l.units = append(l.units, float64(len(ls))*float64(lineH(th.small)/lineH(b)))
			continue
		}
		ls := th.wrap(b, r.Label, w, 3)
		l.labels = append(l.labels, ls)
		l.units = append(l.units, float64(len(ls)))
	}
	l.fixedTop = th.margin + lineH(b)*1.4
	l.fixedBot = th.xAxisH(true) + th.margin + 1*vg.Millimeter
	if l.page != nil {
		l.fixedBot += forestPageNoteH(th)
	}
	return l, nil
}

// noEstimateText marks a row without an estimate: "not estimable" when it
// has no patient, "no estimate" when it has patients but no estimate (a
// pooled model without a finite estimate).
func noEstimateText(r ForestRow) string {
	if r.N > 0 {
		return "no estimate"
	}
	return "not estimable"
}

func nStr(r ForestRow) string {
	if r.Heading || r.Note {
		return ""
	}
	return numtext.Count(r.Events) + "/" + numtext.Count(r.N)
}

func (l *forestLayout) totalUnits() float64 {
	u := 0.0
	for _, v := range l.units {
		u += v
	}
	return u
}

func (l *forestLayout) heights() (vg.Length, vg.Length) {
	minH, natH := l.ownHeights()
	if l.page != nil {
		natH = maxf(natH, l.page.height)
	}
	return minH, natH
}

// ownHeights are the heights of the rows laid out, without the common
// height of a paginated plot's pages.
func (l *forestLayout) ownHeights() (vg.Length, vg.Length) {
	u := vg.Length(l.totalUnits()) * lineH(l.th.body)
	n := vg.Length(len(l.rows)) * lineH(l.th.body)
	fixed := l.fixedTop + l.fixedBot + 0.5*vg.Millimeter
	return fixed + u + n*forestMinPad, fixed + u + n*forestNatPad
}

// whiskerWidth is the line width of interval whiskers, and is used for
// nothing else, so that whiskers can be counted in SVG output.
const whiskerWidth = 0.8

func (l *forestLayout) draw(c vg.Canvas, h vg.Length) {
	if l.page != nil {
		// A page of a paginated plot keeps the row pitch of the others:
		// its rows at their natural height, at the top of the page.
		if _, own := l.ownHeights(); h > own {
			c.Push()
			c.Translate(vg.Point{Y: h - own})
			l.drawRows(c, own)
			c.Pop()
			return
		}
	}
	l.drawRows(c, h)
}

func (l *forestLayout) drawRows(c vg.Canvas, h vg.Length) {
	th, f := l.th, l.f
	p := pen{c, th}
	b := th.body
	// columns
	xL := th.margin
	xP0 := xL + l.labelW + th.gap
	right := th.W - th.margin // right edge of the rate column, or of the weight column
	xW := right               // right edge of the weight column
	if l.wW > 0 {
		right -= l.wW + th.gap
	}
	xN1 := right - l.rW - th.gap // right edge of x/n column
	xR := right - l.rW
	xP1 := xN1 - l.nW - th.gap
	edge := 1.5 * vg.Millimeter // keep markers off the plot edges
	sc := scale{d0: 0, d1: 1, p0: xP0 + edge, p1: xP1 - edge}

	top := h - th.margin
	// header
	hy := top - lineH(b)*0.6
	p.text(b, Black, xL, hy, 0, th.fit(b, l.heads[0], l.labelW))
	p.text(b, Black, xN1, hy, 1, l.heads[1])
	p.text(b, Black, xR, hy, 0, l.heads[2])
	if l.wW > 0 {
		p.text(b, Black, xW, hy, 1, "Weight")
	}
	rowsTop := h - l.fixedTop
	p.stroke(th.lw, Black, nil, vg.Point{X: xL, Y: rowsTop + 0.3*lineH(b)}, vg.Point{X: th.W - th.margin, Y: rowsTop + 0.3*lineH(b)})
	axisY := l.fixedBot
	// each row is its lines plus an equal share of the free height.
	pad := (rowsTop - axisY - 0.5*vg.Millimeter - vg.Length(l.totalUnits())*lineH(b)) / vg.Length(len(l.rows))
	rowH := func(i int) vg.Length { return vg.Length(l.units[i])*lineH(b) + pad }
	pitch := lineH(b) + pad

	// zebra shading per top-level block, grid and reference line first.
	y := rowsTop
	shade := l.page != nil && !l.page.shadeFirst
	// Notes under a diamond cross the plot area: grid and reference lines
	// stop above them and go on below, so no line runs through text.
	var gaps [][2]vg.Length
	for i, r := range l.rows {
		if r.Note {
			gaps = append(gaps, [2]vg.Length{y - rowH(i), y})
		}
		rh := rowH(i)
		if !r.Study {
			shade = !shade
		}
		if shade {
			p.rect(greyFaint, xL-0.5*vg.Millimeter, y-rh, th.W-th.margin+0.5*vg.Millimeter, y)
		}
		y -= rh
	}
	ts := niceTicks(0, 1, 4, fmtTick)
	if f.Percent {
		ts = niceTicks(0, 100, 4, fmtTick)
		for i := range ts {
			ts[i].v /= 100
		}
	}
	ts = p.fitTicks(ts, sc)
	for _, t := range ts {
		x := sc.at(t.v)
		for _, sg := range gapped(axisY, rowsTop, gaps) {
			p.stroke(0.3, greyLight, []vg.Length{1, 1.5}, vg.Point{X: x, Y: sg[0]}, vg.Point{X: x, Y: sg[1]})
		}
	}
	if f.RefLine > 0 && f.RefLine <= 1 {
		x := sc.at(f.RefLine)
		for _, sg := range gapped(axisY, rowsTop, gaps) {
			p.stroke(0.6, greyDark, []vg.Length{3, 2}, vg.Point{X: x, Y: sg[0]}, vg.Point{X: x, Y: sg[1]})
		}
	}
	// rows
	rmax := 0.34 * minf(lineH(b), pitch)
	y = rowsTop
	for i, r := range l.rows {
		rh := rowH(i)
		cy := y - rh/2
		lx := xL
		if r.Study {
			lx += indent
		}
		if r.Note {
			p.lines(th.small, greyDark, lx, cy, 0, l.labels[i])
			y -= rh
			continue
		}
		p.lines(b, Black, lx, cy, 0, l.labels[i])
		if r.Heading {
			y -= rh
			continue
		}
		p.text(b, Black, xN1, cy, 1, nStr(r))
		p.text(b, Black, xR, cy, 0, f.rateText(r))
		if l.wW > 0 {
			p.text(b, Black, xW, cy, 1, weightText(r))
		}
		l.drawEstimate(p, sc, r, cy, rmax)
		y -= rh
	}
	label := clean(f.XLabel)
	if label == "" {
		label = "Response rate"
		if f.Percent {
			label = "Response rate (%)"
		}
	}
	p.xAxis(sc, axisY, ts, label)
	if l.page != nil {
		p.text(th.small, greyDark, xL, th.margin+lineH(th.small)*0.5, 0, l.page.note())
	}
}

// drawEstimate draws the estimate of row r centred on cy: a diamond (with
// its prediction interval) for a pooled row, a square sized by n with its
// interval whiskers otherwise, or the reason there is no estimate.
func (l *forestLayout) drawEstimate(p pen, sc scale, r ForestRow, cy, rmax vg.Length) {
	th, f := l.th, l.f
	switch {
	case !r.hasData():
		p.text(th.small, greyDark, (sc.p0+sc.p1)/2, cy, 0.5, noEstimateText(r))
	case r.Pooled:
		lo, hi := r.Low, r.High
		if !finite(lo) || !finite(hi) {
			lo, hi = r.Estimate, r.Estimate
		}
		dh := rmax * 1.1
		if r.hasPI() {
			// metafor: the prediction interval as a dotted line through
			// the diamond, with end ticks.
			pl, ph := sc.at(r.PredLow), sc.at(r.PredHigh)
			p.stroke(0.6, Black, []vg.Length{1, 1}, vg.Point{X: pl, Y: cy}, vg.Point{X: ph, Y: cy})
			for _, x := range []vg.Length{pl, ph} {
				p.stroke(0.6, Black, nil, vg.Point{X: x, Y: cy - dh/2}, vg.Point{X: x, Y: cy + dh/2})
			}
		}
		x0, xe, x1 := sc.at(lo), sc.at(r.Estimate), sc.at(hi)
		x0 = minf(x0, xe-1.2)
		x1 = maxf(x1, xe+1.2)
		p.fill(Black, vg.Point{X: x0, Y: cy}, vg.Point{X: xe, Y: cy + dh}, vg.Point{X: x1, Y: cy}, vg.Point{X: xe, Y: cy - dh})
	default:
		col, lcol := Blue, Black
		if r.Study {
			col, lcol = greyMid, greyDark
		}
		if finite(r.Low) && finite(r.High) {
			cap := 0.45 * rmax
			x0, x1 := sc.at(r.Low), sc.at(r.High)
			var path vg.Path
			path.Move(vg.Point{X: x0, Y: cy})
			path.Line(vg.Point{X: x1, Y: cy})
			path.Move(vg.Point{X: x0, Y: cy - cap})
			path.Line(vg.Point{X: x0, Y: cy + cap})
			path.Move(vg.Point{X: x1, Y: cy - cap})
			path.Line(vg.Point{X: x1, Y: cy + cap})
			p.strokePath(whiskerWidth, lcol, nil, path)
		}
		s := rmax * 0.8
		if !f.FixedMarkers && l.nmax > 0 {
			s = maxf(1.4, rmax*vg.Length(math.Sqrt(float64(r.N)/float64(l.nmax))))
		}
		x := sc.at(r.Estimate)
		p.rect(col, x-s, cy-s, x+s, cy+s)
		p.rectLine(0.3, lcol, x-s, cy-s, x+s, cy+s)
	}
}

// gapped returns the parts of [lo, hi] outside the gaps (each [bottom,
// top], ordered from the top down), from the top down.
func gapped(lo, hi vg.Length, gaps [][2]vg.Length) [][2]vg.Length {
	var out [][2]vg.Length
	top := hi
	for _, g := range gaps {
		if g[1] < top && g[1] > lo {
			out = append(out, [2]vg.Length{g[1], top})
		}
		top = minf(top, g[0])
	}
	if top > lo {
		out = append(out, [2]vg.Length{lo, top})
	}
	return out
}
