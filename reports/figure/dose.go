package figure

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// DosePoint is one patient of a dose–response plot.
type DosePoint struct {
	ID      string  // stable patient id, e.g. "Smith 2019/2"; seeds the jitter
	Drug    string  // sets the colour and marker, or the panel
	Dose    float64 // normalised daily dose, > 0 on a log axis
	Outcome Outcome // ordinal outcome, the y position
}

// DoseResponse plots normalised daily dose (x, optionally log scale) against
// the ordinal outcome (y), with points jittered vertically by a hash of their
// ID, in one panel with a colour and marker per drug or one panel per drug.
type DoseResponse struct {
	Title     string // caption title; not drawn on the figure
	DoseLabel string // x axis title; default "Normalised daily dose (mg/day)"
	LogDose   bool   // log10 dose axis
	Points    []DosePoint
	Panels    bool // one panel per drug instead of one panel with a legend
	// StyleOrder, when set, orders the names that take the colours and
	// markers, so that figures of one run give a drug the same style (a
	// drug missing from it follows them); default: the drugs drawn, sorted.
	StyleOrder []string
	Patients   int // for the caption; 0 counts points
	Studies    int
	Abbrev     []string
	// LeftOut says which courses are not drawn and why ("4 courses dosed in mg/m²/day"),
	// for the caption; "" when every course with a dose is drawn.
	LeftOut string
}

// JitterWidth is the total vertical jitter of dose–response points, in
// outcome levels: offsets lie in [−JitterWidth/2, +JitterWidth/2).
const JitterWidth = 0.5

// jitter returns the vertical offset of point i: FNV-1a 64 of its ID (or,
// without an ID, of its drug, dose, outcome and index) mapped into
// [−JitterWidth/2, JitterWidth/2). It depends on nothing else, so the same
// data give the same figure.
func (p DosePoint) jitter(i int) float64 {
	key := p.ID
	if key == "" {
		key = p.Drug + "|" + strconv.FormatFloat(p.Dose, 'g', -1, 64) + "|" + p.Outcome.String() + "|#" + strconv.Itoa(i)
	}
	return (hash01(key) - 0.5) * JitterWidth
}

func (d DoseResponse) doseLabel() string {
	if l := clean(d.DoseLabel); l != "" {
		return l
	}
	return "Normalised daily dose (mg/day)"
}

func (d DoseResponse) validate() error {
	if len(d.Points) == 0 {
		return fmt.Errorf("%w: dose–response plot has no points (pass at least one DosePoint)", ErrEmpty)
	}
	for i, p := range d.Points {
		where := fmt.Sprintf("figure: dose–response point %d (%q)", i+1, p.ID)
		if !finite(p.Dose) || p.Dose < 0 {
			return fmt.Errorf("%s: dose %g: need a finite dose ≥ 0 (drop points without a dose)", where, p.Dose)
		}
		if d.LogDose && p.Dose <= 0 {
			return fmt.Errorf("%s: dose %g cannot be shown on a log axis (set LogDose false or drop the point)", where, p.Dose)
		}
		if p.Outcome < 0 || p.Outcome >= NumOutcomes {
			return fmt.Errorf("%s: unknown outcome %d", where, p.Outcome)
		}
	}
	return nil
}

// DoseStyles is the number of distinct drug styles of a one-panel
// dose–response plot: 7 colours × 5 marker shapes, which cycle together.
const DoseStyles = 35

// shown returns the plot to draw: with more than DoseStyles drugs in one
// panel, the points of the DoseStyles drugs with the most points (ties by
// name), and the names of the drugs left out.
func (d DoseResponse) shown() (DoseResponse, []string) {
	ds := d.drugs()
	if d.Panels || len(ds) <= DoseStyles {
		return d, nil
	}
	n := map[string]int{}
	for _, p := range d.Points {
		n[clean(p.Drug)]++
	}
	byN := append([]string(nil), ds...)
	sort.SliceStable(byN, func(i, j int) bool { return n[byN[i]] > n[byN[j]] })
	keep := map[string]bool{}
	for _, s := range byN[:DoseStyles] {
		keep[s] = true
	}
	var pts []DosePoint
	for _, p := range d.Points {
		if keep[clean(p.Drug)] {
			pts = append(pts, p)
		}
	}
	var out []string
	for _, s := range ds {
		if !keep[s] {
			out = append(out, s)
		}
	}
	d.Points = pts
	return d, out
}

// drugs returns the drug names in alphabetical order.
func (d DoseResponse) drugs() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range d.Points {
		k := clean(p.Drug)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

type doseLayout struct {
	d        DoseResponse
	th       *theme
	drugs    []string
	idx      map[string]int
	style    map[string]int // colour and marker index by drug
	legend   [][]legendItem
	yts      []tick
	lo, hi   float64
	ncol     int
	nrow     int
	titles   []string
	panelH   vg.Length // natural height of the data area of one panel
	top      vg.Length
	yw       vg.Length
	minDataH vg.Length
}

// drugShape is the marker of drug i: shapes cycle faster than colours, so
// drugs with similar grey levels differ in shape.
func drugShape(i int) int { return i % 5 }

func (d DoseResponse) build(th *theme) (layout, error) {
	if err := d.validate(); err != nil {
		return nil, err
	}
	d, _ = d.shown()
	l := &doseLayout{d: d, th: th, drugs: d.drugs(), idx: map[string]int{}}
	for i, s := range l.drugs {
		l.idx[s] = i
	}
	l.style = map[string]int{}
	for _, s := range d.StyleOrder {
		if _, ok := l.style[clean(s)]; !ok {
			l.style[clean(s)] = len(l.style)
		}
	}
	for _, s := range l.drugs {
		if _, ok := l.style[s]; !ok {
			l.style[s] = len(l.style)
		}
	}
	// A style order longer than the styles would repeat a style within
	// this plot: the drugs drawn then take the styles in name order.
	for _, s := range l.drugs {
		if l.style[s] >= DoseStyles {
			for i, s := range l.drugs {
				l.style[s] = i
			}
			break
		}
	}
	for k := Outcome(0); k < NumOutcomes; k++ {
		l.yts = append(l.yts, tick{float64(NumOutcomes - 1 - k), k.String()})
	}
	l.lo, l.hi = math.Inf(1), math.Inf(-1)
	for _, p := range d.Points {
		l.lo, l.hi = math.Min(l.lo, p.Dose), math.Max(l.hi, p.Dose)
	}
	if d.LogDose {
		l.lo = math.Pow(10, math.Floor(math.Log10(l.lo)))
		l.hi = math.Pow(10, math.Ceil(math.Log10(l.hi)))
		if l.hi <= l.lo {
			l.hi = l.lo * 10
		}
	} else {
		l.lo = 0
		if l.hi <= 0 {
			l.hi = 1
		}
		// End the axis at a tick beyond the largest dose, so no point sits
		// on the frame.
		ts := niceTicks(0, l.hi, 5, fmtTick)
		if len(ts) > 1 {
			step := ts[1].v - ts[0].v
			l.hi = math.Ceil(l.hi*1.02/step) * step
		} else {
			l.hi = math.Max(l.hi, ts[len(ts)-1].v)
		}
	}
	l.yw = th.yAxisW(l.yts, "Outcome")
	l.minDataH = vg.Length(NumOutcomes) * lineH(th.small) * 1.05
	l.panelH = vg.Length(NumOutcomes) * lineH(th.small) * 1.8
	if d.Panels {
		l.ncol = 2
		if th.W > 120*vg.Millimeter {
			l.ncol = 3
		}
		l.ncol = min(l.ncol, len(l.drugs))
		l.nrow = (len(l.drugs) + l.ncol - 1) / l.ncol
		for _, s := range l.drugs {
			l.titles = append(l.titles, th.wrap(th.body, s, l.panelW()-2*vg.Millimeter, 1)[0])
		}
		l.top = th.margin
		return l, nil
	}
	l.ncol, l.nrow = 1, 1
	var items []legendItem
	for _, s := range l.drugs {
		i := l.style[s]
		items = append(items, legendItem{label: s, key: func(p pen, x, y, w vg.Length) {
			p.marker(drugShape(i), seriesColor(i), x+w/2, y, p.th.small*0.32)
		}})
	}
	l.legend = th.flowLegend(items, th.W-2*th.margin)
	l.top = th.margin + th.legendH(len(l.legend)) + th.small*0.5
	return l, nil
}

// panelW is the width of one panel's data area.
func (l *doseLayout) panelW() vg.Length {
	th := l.th
	inner := th.W - 2*th.margin - l.yw
	return (inner - vg.Length(l.ncol-1)*th.gap*1.5) / vg.Length(l.ncol)
}

// panelExtra is the height of a panel beyond its data area: title and axis.
func (l *doseLayout) panelExtra(last bool) vg.Length {
	h := l.th.xAxisH(last) + 0.8*vg.Millimeter
	if l.d.Panels {
		h += lineH(l.th.body) * 1.2
	}
	return h
}

func (l *doseLayout) heights() (vg.Length, vg.Length) {
	extra := l.top + l.th.margin + vg.Length(l.nrow-1)*l.panelExtra(false) + l.panelExtra(true)
	n := vg.Length(l.nrow)
	return extra + n*l.minDataH, extra + n*l.panelH
}

func (l *doseLayout) draw(c vg.Canvas, h vg.Length) {
	th := l.th
	p := pen{c, th}
	if len(l.legend) > 0 {
		p.drawLegend(l.legend, th.margin, h-th.margin)
	}
	minH, _ := l.heights()
	dataH := l.minDataH + (h-minH)/vg.Length(l.nrow)
	pw := l.panelW()
	y := h - l.top
	for r := 0; r < l.nrow; r++ {
		last := r == l.nrow-1
		if l.d.Panels {
			y -= lineH(th.body) * 1.2
		}
		top := y
		bot := y - dataH
		for cI := 0; cI < l.ncol; cI++ {
			k := r*l.ncol + cI
			if l.d.Panels && k >= len(l.drugs) {
				break
			}
			x0 := th.margin + l.yw + vg.Length(cI)*(pw+th.gap*1.5)
			xs := scale{d0: l.lo, d1: l.hi, p0: x0 + 1.5*vg.Millimeter, p1: x0 + pw - 1.5*vg.Millimeter, log: l.d.LogDose}
			ys := scale{d0: -0.5, d1: float64(NumOutcomes) - 0.5, p0: bot, p1: top}
			l.drawPanel(p, k, xs, ys, x0, x0+pw, cI == 0, last || l.d.Panels && (r+1)*l.ncol+cI >= len(l.drugs))
		}
		y = bot - l.panelExtra(last) + func() vg.Length {
			if l.d.Panels {
				return lineH(th.body) * 1.2
			}
			return 0
		}()
	}
}

func (l *doseLayout) drawPanel(p pen, k int, xs, ys scale, x0, x1 vg.Length, first, xlabel bool) {
	th := l.th
	if l.d.Panels {
		p.text(th.body, Black, x0, ys.p1+lineH(th.body)*0.6, 0, l.titles[k])
	}
	for _, t := range l.yts {
		y := ys.at(t.v)
		p.stroke(0.3, greyLight, []vg.Length{1, 1.5}, vg.Point{X: x0, Y: y}, vg.Point{X: x1, Y: y})
	}
	p.rectLine(th.lw, Black, x0, ys.p0, x1, ys.p1)
	if first {
		p.yAxis(ys, x0, l.yts, "Outcome")
	} else {
		for _, t := range l.yts {
			y := ys.at(t.v)
			p.stroke(th.lw, Black, nil, vg.Point{X: x0, Y: y}, vg.Point{X: x0 - tickLen, Y: y})
		}
	}
	ts := l.xTicks()
	xs = p.insetForLabels(xs, ts, x0, x1)
	ts = p.fitTicks(ts, xs)
	axis := xs
	label := ""
	if xlabel {
		label = th.fit(th.body, l.d.doseLabel(), x1-x0+th.gap)
	}
	p.xAxis(axis, ys.p0, ts, label)
	// points: in the input order, so overlapping points stack reproducibly.
	r := th.small * 0.32
	for i, pt := range l.d.Points {
		di := l.idx[clean(pt.Drug)]
		if l.d.Panels && di != k {
			continue
		}
		y := ys.at(float64(NumOutcomes-1-pt.Outcome) + pt.jitter(i))
		x := xs.at(pt.Dose)
		if l.d.Panels {
			p.marker(shapeCircle, alpha(Blue, 0.85), x, y, r)
		} else {
			k := l.style[clean(pt.Drug)]
			p.marker(drugShape(k), seriesColor(k), x, y, r)
		}
	}
}

func (l *doseLayout) xTicks() []tick {
	if l.d.LogDose {
		return logTicks(l.lo, l.hi)
	}
	return niceTicks(l.lo, l.hi, 5, fmtTick)
}

// Caption returns a draft Markdown caption for the dose–response plot.
func (d DoseResponse) Caption() string {
	var b strings.Builder
	title := clean(d.Title)
	if title == "" {
		title = "Outcome by daily dose"
	}
	fmt.Fprintf(&b, "**%s.** Outcome of each patient against the normalised daily dose", title)
	if d.LogDose {
		b.WriteString(" (log scale)")
	}
	if d.Panels {
		b.WriteString(", one panel per drug. ")
	} else {
		b.WriteString("; colour and marker shape identify the drug. ")
	}
	fmt.Fprintf(&b, "Points are spread vertically within their outcome level by a fixed jitter (at most ±%s level) so that patients with the same dose and outcome stay visible; the jitter carries no information.", strconv.FormatFloat(JitterWidth/2, 'f', -1, 64))
	shown, dropped := d.shown()
	if len(dropped) > 0 {
		fmt.Fprintf(&b, " Only the %d drugs with the most patients are drawn, as there are %d distinct colour and marker styles; not drawn (%s): %s.",
			DoseStyles, DoseStyles, plural(len(d.Points)-len(shown.Points), "patient", "patients"), namesList(dropped, 20))
	}
	patients := d.Patients
	if patients == 0 {
		patients = len(d.Points)
	}
	b.WriteString(" " + countPhrase(patients, d.Studies))
	if l := clean(d.LeftOut); l != "" {
		b.WriteString(" Not shown here: " + strings.TrimSuffix(l, ".") + ".")
	}
	b.WriteString(abbrevPhrase(d.Abbrev))
	return b.String()
}
