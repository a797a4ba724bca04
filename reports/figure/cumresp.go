package figure

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// CumStep is a point of a cumulative response curve: the estimate and its
// interval from Time until the next step.
type CumStep struct {
	Time float64 // ≥ 0, non-decreasing along the curve
	Est  float64 // cumulative proportion responded (Aalen–Johansen or 1 − Kaplan–Meier), in [0, 1]
	Low  float64 // lower interval bound; NaN omits the band here
	High float64 // upper interval bound; NaN omits the band here
}

// CumCurve is the cumulative response of one drug.
type CumCurve struct {
	Label    string
	Steps    []CumStep // at least one; a step at time 0 with Est 0 is implied
	FollowUp []float64 // every patient's follow-up time (response or censoring): sets the number at risk
	Censored []float64 // censoring times, marked with a vertical tick on the curve
}

// atRisk is the number of patients still followed (not responded or
// censored) at time t: follow-up time ≥ t.
func (c CumCurve) atRisk(t float64) int {
	n := 0
	for _, f := range c.FollowUp {
		if f >= t {
			n++
		}
	}
	return n
}

// end is the last time the curve is known: its last step or the longest
// follow-up, whichever is later. The curve is not drawn beyond it.
func (c CumCurve) end() float64 {
	e := c.Steps[len(c.Steps)-1].Time
	for _, f := range c.FollowUp {
		e = math.Max(e, f)
	}
	return e
}

// estAt returns the step estimate at time t.
func (c CumCurve) estAt(t float64) float64 {
	e := 0.0
	for _, s := range c.Steps {
		if s.Time > t {
			break
		}
		e = s.Est
	}
	return e
}

// Estimators of cumulative response, for CumResponse.Estimator.
const (
	AalenJohansen = "aalen-johansen"
	KaplanMeier   = "kaplan-meier"
)

// CumOmitted is a drug left out of the cumulative response plot, and why.
type CumOmitted struct {
	Label  string
	Reason string
}

// CumResponse is a cumulative response curve per drug — the Aalen–Johansen
// cumulative incidence with death as a competing event, or 1 − Kaplan–Meier
// — as step functions with interval bands, and a number-at-risk table under
// the time axis aligned with its ticks.
type CumResponse struct {
	Title    string // caption title; not drawn on the figure
	Unit     string // time unit: "days" (default), "weeks" or "months"
	Curves   []CumCurve
	Percent  bool    // y axis 0–100 % instead of 0–1
	MaxTime  float64 // end of the time axis; 0 uses the last step or follow-up
	Method   string  // interval method for the caption, e.g. "log–log transformed Greenwood"
	Level    float64 // interval level; 0 means 0.95
	Patients int     // for the caption; 0 counts follow-up times
	Studies  int
	Abbrev   []string
	// Estimator is AalenJohansen (the default when empty) or KaplanMeier.
	Estimator string
	// Omitted are drugs without a curve, named in the caption with the
	// reason.
	Omitted []CumOmitted
	// Population describes the patients, for the caption; "" leaves it out.
	Population string
}

func (r CumResponse) estimator() string {
	if r.Estimator == KaplanMeier {
		return KaplanMeier
	}
	return AalenJohansen
}

func (r CumResponse) unit() string {
	if u := clean(r.Unit); u != "" {
		return u
	}
	return "days"
}

func (r CumResponse) validate() error {
	if len(r.Curves) == 0 {
		return fmt.Errorf("%w: cumulative response plot has no curves (pass at least one CumCurve)", ErrEmpty)
	}
	for i, c := range r.Curves {
		where := fmt.Sprintf("figure: cumulative response curve %d (%q)", i+1, c.Label)
		if len(c.Steps) == 0 {
			return fmt.Errorf("%w: %s has no steps", ErrEmpty, where[len("figure: "):])
		}
		prev := 0.0
		for j, s := range c.Steps {
			if !finite(s.Time) || s.Time < prev {
				return fmt.Errorf("%s: step %d: time %g: need finite, non-decreasing times ≥ 0", where, j+1, s.Time)
			}
			prev = s.Time
			if !finite(s.Est) || s.Est < 0 || s.Est > 1 {
				return fmt.Errorf("%s: step %d: estimate %g outside [0, 1]", where, j+1, s.Est)
			}
			for _, b := range []float64{s.Low, s.High} {
				if math.IsInf(b, 0) || finite(b) && (b < 0 || b > 1) {
					return fmt.Errorf("%s: step %d: interval bound %g outside [0, 1] (use NaN for none)", where, j+1, b)
				}
			}
		}
		for _, f := range append(append([]float64(nil), c.FollowUp...), c.Censored...) {
			if !finite(f) || f < 0 {
				return fmt.Errorf("%s: follow-up or censoring time %g: need a finite time ≥ 0", where, f)
			}
		}
	}
	if math.IsNaN(r.MaxTime) || math.IsInf(r.MaxTime, 0) || r.MaxTime < 0 {
		return fmt.Errorf("figure: cumulative response MaxTime %g: need a finite time ≥ 0 (0 derives it)", r.MaxTime)
	}
	return nil
}

type cumLayout struct {
	r              CumResponse
	th             *theme
	labels         []string
	legend         [][]legendItem
	yts            []tick
	left           vg.Length
	maxT           float64
	risk           bool
	top, tableH    vg.Length
	yLabel, xLabel string
}

// CumStyles is the number of distinct curve styles (7 colours × 6 line
// styles, which cycle together): a plot draws at most that many curves.
const CumStyles = 42

// shown returns the curve set to draw — at most CumStyles, those with the
// most patients (ties in input order), in input order — and the labels of
// the curves left out.
func (r CumResponse) shown() (CumResponse, []string) {
	if len(r.Curves) <= CumStyles {
		return r, nil
	}
	idx := make([]int, len(r.Curves))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(r.Curves[idx[a]].FollowUp) > len(r.Curves[idx[b]].FollowUp) })
	keep := map[int]bool{}
	for _, i := range idx[:CumStyles] {
		keep[i] = true
	}
	var cs []CumCurve
	var out []string
	for i, c := range r.Curves {
		if keep[i] {
			cs = append(cs, c)
		} else {
			out = append(out, clean(c.Label))
		}
	}
	r.Curves = cs
	return r, out
}

func (r CumResponse) build(th *theme) (layout, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	r, _ = r.shown()
	l := &cumLayout{r: r, th: th}
	for _, c := range r.Curves {
		l.maxT = math.Max(l.maxT, c.Steps[len(c.Steps)-1].Time)
		for _, f := range c.FollowUp {
			l.maxT = math.Max(l.maxT, f)
		}
		l.risk = l.risk || len(c.FollowUp) > 0
	}
	if r.MaxTime > 0 {
		l.maxT = r.MaxTime
	}
	if l.maxT <= 0 {
		l.maxT = 1
	}
	l.yLabel = "Cumulative response"
	l.yts = niceTicks(0, 1, 4, fmtTick)
	if r.Percent {
		l.yLabel += " (%)"
		l.yts = pctTicks(l.yts)
	}
	l.xLabel = "Time since start of treatment (" + r.unit() + ")"
	l.left = th.yAxisW(l.yts, l.yLabel)
	if l.risk {
		// the table's curve labels share the left column with the y axis.
		nat := vg.Length(0)
		for _, c := range r.Curves {
			nat = maxf(nat, th.textW(th.small, clean(c.Label)))
		}
		l.left = maxf(l.left, minf(nat+th.legendKeyW()+2*vg.Millimeter, 0.3*th.W))
	}
	for _, c := range r.Curves {
		l.labels = append(l.labels, th.wrap(th.small, clean(c.Label), l.left-th.legendKeyW()-1*vg.Millimeter, 1)[0])
	}
	var items []legendItem
	for i, c := range r.Curves {
		i := i
		items = append(items, legendItem{label: clean(c.Label), key: func(p pen, x, y, w vg.Length) {
			p.rect(alpha(seriesColor(i), 0.25), x, y-p.th.small*0.45, x+w, y+p.th.small*0.45)
			p.stroke(1.2, seriesColor(i), dashFor(i), vg.Point{X: x, Y: y}, vg.Point{X: x + w, Y: y})
		}})
	}
	l.legend = th.flowLegend(items, th.W-2*th.margin)
	l.top = th.margin + th.legendH(len(l.legend)) + th.small
	if l.risk {
		l.tableH = lineH(th.body)*1.2 + vg.Length(len(r.Curves))*lineH(th.small)*1.15
	}
	return l, nil
}

func (l *cumLayout) fixed() vg.Length {
	return l.top + l.th.xAxisH(true) + l.tableH + l.th.margin + 1*vg.Millimeter
}

func (l *cumLayout) heights() (vg.Length, vg.Length) {
	return l.fixed() + 25*vg.Millimeter, l.fixed() + minf(0.5*l.th.W, 90*vg.Millimeter)
}

func (l *cumLayout) draw(c vg.Canvas, h vg.Length) {
	th := l.th
	p := pen{c, th}
	x0 := th.margin + l.left + th.gap
	x1 := th.W - th.margin - 2*vg.Millimeter
	yTop := h - l.top
	yBot := th.margin + l.tableH + th.xAxisH(true) + 1*vg.Millimeter
	xs := scale{d0: 0, d1: l.maxT, p0: x0, p1: x1}
	ys := scale{d0: 0, d1: 1, p0: yBot, p1: yTop}
	xts := p.fitTicks(niceTicks(0, l.maxT, 5, fmtTick), xs)
	for i := range xts { // keep ticks inside the axis
		if xts[i].v > l.maxT*(1+1e-9) {
			xts = xts[:i]
			break
		}
	}
	xs = p.insetForLabels(xs, xts, 0, th.W-th.margin)
	p.drawLegend(l.legend, th.margin, h-th.margin)
	for _, t := range l.yts {
		y := ys.at(t.v)
		p.stroke(0.3, greyLight, []vg.Length{1, 1.5}, vg.Point{X: x0, Y: y}, vg.Point{X: x1, Y: y})
	}
	yt := append([]tick(nil), l.yts...)
	p.yAxis(ys, x0, yt, l.yLabel)
	// bands first, then curves on top.
	for i, cv := range l.r.Curves {
		upper, lower := l.bandPts(cv, math.Min(l.maxT, cv.end()), xs, ys)
		for k := range upper {
			poly := append(append([]vg.Point(nil), upper[k]...), reversePts(lower[k])...)
			p.fill(alpha(seriesColor(i), 0.18), poly...)
			p.stroke(0.4, seriesColor(i), dashFor(i), upper[k]...)
			p.stroke(0.4, seriesColor(i), dashFor(i), lower[k]...)
		}
	}
	for i, cv := range l.r.Curves {
		pts := stepPts(cv, math.Min(l.maxT, cv.end()), func(s CumStep) float64 { return s.Est }, xs, ys)
		p.stroke(1.2, seriesColor(i), dashFor(i), pts...)
		cs := append([]float64(nil), cv.Censored...)
		sort.Float64s(cs)
		for _, t := range cs {
			if t > l.maxT {
				continue
			}
			x, y := xs.at(t), ys.at(cv.estAt(t))
			p.stroke(0.8, Black, nil, vg.Point{X: x, Y: y - 1.2*vg.Millimeter/2}, vg.Point{X: x, Y: y + 1.2*vg.Millimeter/2})
		}
	}
	axisY := yBot
	p.xAxis(xs, axisY, xts, l.xLabel)
	if l.risk {
		ty := th.margin + l.tableH - lineH(th.body)*0.6
		p.text(th.body, Black, th.margin, ty, 0, "Number at risk")
		ty -= lineH(th.body) * 0.6
		for i, cv := range l.r.Curves {
			y := ty - lineH(th.small)*1.15*(vg.Length(i)+0.5)
			kw := th.legendKeyW()
			p.stroke(1.2, seriesColor(i), dashFor(i), vg.Point{X: th.margin, Y: y}, vg.Point{X: th.margin + kw, Y: y})
			p.text(th.small, Black, th.margin+kw+1*vg.Millimeter, y, 0, l.labels[i])
			for _, t := range xts {
				s := "–"
				if len(cv.FollowUp) > 0 {
					s = strconv.Itoa(cv.atRisk(t.v))
				}
				p.text(th.small, Black, xs.at(t.v), y, 0.5, s)
			}
		}
	}
}

func reversePts(ps []vg.Point) []vg.Point {
	out := make([]vg.Point, len(ps))
	for i, q := range ps {
		out[len(ps)-1-i] = q
	}
	return out
}

// stepPts traces a right-continuous step function from time 0 (value 0) to
// maxT.
func stepPts(cv CumCurve, maxT float64, val func(CumStep) float64, xs, ys scale) []vg.Point {
	pts := []vg.Point{{X: xs.at(0), Y: ys.at(0)}}
	cur := 0.0
	for _, s := range cv.Steps {
		t := math.Min(s.Time, maxT)
		pts = append(pts, vg.Point{X: xs.at(t), Y: ys.at(cur)})
		if s.Time > maxT {
			return pts
		}
		cur = val(s)
		pts = append(pts, vg.Point{X: xs.at(t), Y: ys.at(cur)})
	}
	return append(pts, vg.Point{X: xs.at(maxT), Y: ys.at(cur)})
}

// bandPts returns the upper and lower step edges of each run of steps with
// finite bounds, up to maxT.
func (l *cumLayout) bandPts(cv CumCurve, maxT float64, xs, ys scale) (upper, lower [][]vg.Point) {
	var up, lo []vg.Point
	flush := func() {
		if len(up) > 1 {
			upper = append(upper, up)
			lower = append(lower, lo)
		}
		up, lo = nil, nil
	}
	for i, s := range cv.Steps {
		if s.Time >= maxT {
			break
		}
		if !finite(s.Low) || !finite(s.High) {
			flush()
			continue
		}
		end := maxT
		if i+1 < len(cv.Steps) {
			end = math.Min(cv.Steps[i+1].Time, maxT)
		}
		up = append(up, vg.Point{X: xs.at(s.Time), Y: ys.at(s.High)}, vg.Point{X: xs.at(end), Y: ys.at(s.High)})
		lo = append(lo, vg.Point{X: xs.at(s.Time), Y: ys.at(s.Low)}, vg.Point{X: xs.at(end), Y: ys.at(s.Low)})
	}
	flush()
	return upper, lower
}

// Caption returns a draft Markdown caption for the cumulative response plot.
func (r CumResponse) Caption() string {
	var b strings.Builder
	title := clean(r.Title)
	if title == "" {
		title = "Cumulative response over time"
	}
	lvl := 0.95
	if r.Level > 0 && r.Level < 1 {
		lvl = r.Level
	}
	r, dropped := r.shown()
	fmt.Fprintf(&b, "**%s.** Cumulative proportion of patients with a first response, by drug; time is from the start of treatment in %s. ", title, r.unit())
	if r.estimator() == KaplanMeier {
		b.WriteString("Estimated as 1 − Kaplan–Meier: patients who died without response are censored at death, which overstates the chance of responding when deaths are frequent. ")
	} else {
		b.WriteString("Estimated as the Aalen–Johansen cumulative incidence with death before response as a competing event; patients without response or death are censored at their last follow-up. ")
	}
	if p := clean(r.Population); p != "" {
		b.WriteString(p + " ")
	}
	bands := false
	for _, c := range r.Curves {
		for _, s := range c.Steps {
			bands = bands || finite(s.Low) && finite(s.High) && s.High > s.Low
		}
	}
	if bands {
		fmt.Fprintf(&b, "Shaded bands with thin edges show pointwise %s confidence intervals", levelPct(lvl))
		if m := clean(r.Method); m != "" {
			fmt.Fprintf(&b, " (%s)", m)
		}
		b.WriteString("; each drug has its own colour and line style.")
	} else {
		b.WriteString("No confidence band is drawn: no interval is defined at these numbers; each drug has its own colour and line style.")
	}
	cens := false
	for _, c := range r.Curves {
		cens = cens || len(c.Censored) > 0
	}
	if cens {
		b.WriteString(" Vertical ticks mark censored patients.")
	}
	patients := r.Patients
	for _, c := range r.Curves {
		if r.Patients == 0 {
			patients += len(c.FollowUp)
		}
	}
	b.WriteString(" The table gives the number of patients at risk (no response yet, alive and still followed) at each time tick.")
	if len(r.Omitted) > 0 {
		var parts []string
		for _, o := range r.Omitted {
			parts = append(parts, clean(o.Label)+" ("+clean(o.Reason)+")")
		}
		b.WriteString(" Not drawn, because the time to response is unknown for too many responders to estimate a curve without bias: " + strings.Join(parts, "; ") + ".")
	}
	if len(dropped) > 0 {
		fmt.Fprintf(&b, " Only the %d drugs with the most patients are drawn, as there are %d distinct colour and line styles; not drawn: %s.", CumStyles, CumStyles, namesList(dropped, 20))
	}
	b.WriteString(" " + countPhrase(patients, r.Studies))
	b.WriteString(abbrevPhrase(r.Abbrev))
	return b.String()
}

// namesList joins names with "; ", the first max of them and "and k
// more" for the rest.
func namesList(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, "; ")
	}
	return strings.Join(names[:max], "; ") + fmt.Sprintf(" and %d more", len(names)-max)
}
