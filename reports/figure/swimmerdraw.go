package figure

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
)

// regimenStyle gives regimen k (its index among the sorted regimen names)
// a fill, a hatch and a hatch spacing that no other k below
// numRegimenStyles shares: the seven Okabe–Ito colours solid, then each
// colour with "/", "\\", "x" and "-" hatching, then the same hatches
// denser, twice. Beyond that styles repeat (see Swimmer.build).
func regimenStyle(k int) (fill color.RGBA, hatch int, spacing vg.Length) {
	k %= numRegimenStyles
	nc := len(seriesColors)
	level := k / nc
	hatches := []int{hatchNone, hatchDiag, hatchBack, hatchCross, hatchHoriz}
	h, dense := hatches[min(level, 4)], 0
	if level >= len(hatches) { // the four hatches again, denser each round
		h, dense = hatches[1+(level-len(hatches))%4], 1+(level-len(hatches))/4
	}
	return seriesColor(k), h, 1.4 / vg.Length(1+0.5*float64(dense))
}

// eventMarker draws the symbol of an event kind.
func eventMarker(p pen, k EventKind, x, y, r vg.Length) {
	switch k {
	case EventComplete:
		pts := shapePts(shapeCircle, x, y, r)
		p.fill(Black, pts...)
		p.stroke(0.5, white, nil, append(pts, pts[0])...)
	case EventPartial:
		pts := shapePts(shapeCircle, x, y, r)
		p.fill(white, pts...)
		p.stroke(0.7, Black, nil, append(pts, pts[0])...)
	case EventProgression:
		pts := shapePts(shapeTriangleDown, x, y, r)
		p.fill(Black, pts...)
		p.stroke(0.5, white, nil, append(pts, pts[0])...)
	case EventDeath:
		pts := shapePts(shapeSquare, x, y, r)
		p.fill(Black, pts...)
		p.stroke(0.5, white, nil, append(pts, pts[0])...)
	case EventAdverse:
		pts := shapePts(shapeDiamond, x, y, r*1.15)
		p.fill(Vermillion, pts...)
		p.stroke(0.5, Black, nil, append(pts, pts[0])...)
	default:
		pts := shapePts(shapeTriangle, x, y, r)
		p.fill(white, pts...)
		p.stroke(0.7, Black, nil, append(pts, pts[0])...)
	}
}

// numRegimenStyles is the number of distinct regimen styles: 7 colours ×
// (solid + 4 hatches + 4 denser + 4 densest).
const numRegimenStyles = 7 * 13

// followUpW is the line width of the follow-up line after the bar.
const followUpW = 0.6

// hasFollowUpLine reports whether the lane has follow-up beyond its bar.
func (l Lane) hasFollowUpLine() bool {
	return finite(l.FollowUp) && l.FollowUp > 0 && (!finite(l.Duration) || l.FollowUp > l.Duration)
}

// regimenSwatch is the legend key of a regimen style.
func regimenSwatch(fill color.RGBA, hk int, sp vg.Length) func(p pen, x, y, w vg.Length) {
	return func(p pen, x, y, w vg.Length) {
		s := p.th.small * 0.55
		x0, x1 := x+w/2-s*1.3, x+w/2+s*1.3
		p.rect(fill, x0, y-s, x1, y+s)
		p.hatch(hk, 0.3, hatchColor(fill), sp, x0, y-s, x1, y+s)
		p.rectLine(0.3, greyDark, x0, y-s, x1, y+s)
	}
}

func arrowHead(p pen, x, y, r vg.Length) {
	p.fill(Black, vg.Point{X: x, Y: y - r}, vg.Point{X: x + 1.6*r, Y: y}, vg.Point{X: x, Y: y + r})
}

func crossMark(p pen, x, y, r vg.Length) {
	var path vg.Path
	path.Move(vg.Point{X: x - r, Y: y - r})
	path.Line(vg.Point{X: x + r, Y: y + r})
	path.Move(vg.Point{X: x - r, Y: y + r})
	path.Line(vg.Point{X: x + r, Y: y - r})
	p.strokePath(0.9, Black, nil, path)
}

type swimLayout struct {
	s       Swimmer
	th      *theme
	lanes   []Lane
	labels  [][]string
	labelW  vg.Length
	pg      swimPage
	note    string
	legend  [][]legendItem
	lines   int
	top     vg.Length
	bot     vg.Length
	regIdx  map[string]int
	other   map[string]bool // regimens drawn grey, as "other regimens"
	endRoom vg.Length
}

func (s Swimmer) build(th *theme) (layout, error) {
	if err := s.validate(); err != nil {
		return nil, err
	}
	l := &swimLayout{s: s, th: th}
	if s.page != nil {
		l.pg = *s.page
		l.lanes = s.Lanes
		last := l.pg.first + len(l.lanes)
		l.note = fmt.Sprintf("Patients %d–%d of %d (page %d of %d).", l.pg.first+1, last, l.pg.total, l.pg.index+1, l.pg.pages)
	} else {
		l.pg = s.whole()
		l.lanes, l.note = s.shown()
	}
	// Styles by the sorted names of the keyed regimens (those with bars,
	// of the whole swimmer for pages, so pages share them); beyond
	// SwimmerKeys regimens the bars of those with the fewest lanes are
	// grey, so that the legend stays small and no style repeats.
	_, bars := s.drawn()
	keyed, others := keyRegimens(bars)
	l.regIdx = map[string]int{}
	for i, r := range keyed {
		l.regIdx[r] = i
	}
	l.other = map[string]bool{}
	for _, r := range others {
		l.other[r] = true
	}
	f := th.small
	nat := vg.Length(0)
	for _, ln := range l.lanes {
		nat = maxf(nat, th.textW(f, ln.label()))
	}
	inner := th.W - 2*th.margin - th.gap
	l.labelW = minf(nat, 0.32*inner)
	for _, ln := range l.lanes {
		ls := th.wrap(f, ln.label(), l.labelW, 2)
		l.labels = append(l.labels, ls)
		l.lines += len(ls)
	}
	// legend: the regimens of the bars drawn (styles by the sorted names
	// of all regimens), then the symbols in use. A lane without a bar
	// (no reported time on treatment) shows no regimen colour, so its
	// regimen alone gets no legend entry.
	var items []legendItem
	onPage := map[string]bool{}
	for _, ln := range l.lanes {
		if finite(ln.Duration) && ln.Duration > 0 {
			onPage[clean(ln.Regimen)] = true
		}
	}
	otherOnPage := 0
	for _, r := range others {
		if onPage[r] {
			otherOnPage++
		}
	}
	for i, r := range keyed {
		if !onPage[r] {
			continue
		}
		fill, hk, sp := regimenStyle(i)
		if r == "" {
			r = "unknown regimen"
		}
		items = append(items, legendItem{label: r, key: regimenSwatch(fill, hk, sp)})
	}
	if otherOnPage > 0 {
		label := fmt.Sprintf("other regimens (%d)", len(others))
		if len(keyed) == 0 {
			label = fmt.Sprintf("treatment (%d regimens, see caption)", len(others))
		}
		items = append(items, legendItem{label: label, key: regimenSwatch(otherFill, hatchNone, 1.4)})
	}
	used := map[EventKind]bool{}
	ongoing, lost, followUp, noDur := false, false, false, false
	for _, ln := range l.lanes {
		for _, e := range ln.Events {
			used[e.Kind] = true
		}
		ongoing = ongoing || ln.Ongoing
		lost = lost || ln.LostToFollowUp
		followUp = followUp || ln.hasFollowUpLine()
		noDur = noDur || !finite(ln.Duration)
	}
	mr := th.small * 0.4
	if followUp || noDur {
		items = append(items, legendItem{label: "follow-up", key: func(p pen, x, y, w vg.Length) {
			p.stroke(followUpW, greyDark, nil, vg.Point{X: x, Y: y}, vg.Point{X: x + w, Y: y})
		}})
	}
	for k := EventKind(0); k < numEventKinds; k++ {
		if used[k] {
			k := k
			items = append(items, legendItem{label: k.String(), key: func(p pen, x, y, w vg.Length) { eventMarker(p, k, x+w/2, y, mr) }})
		}
	}
	if lost {
		items = append(items, legendItem{label: "lost to follow-up", key: func(p pen, x, y, w vg.Length) { crossMark(p, x+w/2, y, mr) }})
	}
	if ongoing {
		items = append(items, legendItem{label: "ongoing", key: func(p pen, x, y, w vg.Length) {
			p.stroke(1, greyDark, nil, vg.Point{X: x, Y: y}, vg.Point{X: x + w/2, Y: y})
			arrowHead(p, x+w/2, y, mr)
		}})
	}
	l.legend = th.flowLegend(items, th.W-2*th.margin)
	l.top = th.margin + th.legendH(len(l.legend)) + 0.5*vg.Millimeter
	l.bot = th.margin + th.xAxisH(true) + 0.5*vg.Millimeter
	if l.note != "" {
		l.bot += lineH(th.small) * 1.2
	}
	l.endRoom = 4.2 * mr
	return l, nil
}

const (
	swimMinPad = 0.1
	swimNatPad = 0.3
)

func (l *swimLayout) heights() (vg.Length, vg.Length) {
	b := lineH(l.th.small)
	base := l.top + l.bot + vg.Length(l.lines)*b
	n := vg.Length(len(l.lanes))
	return base + n*b*swimMinPad, base + n*b*swimNatPad
}

func (l *swimLayout) draw(c vg.Canvas, h vg.Length) {
	th, f := l.th, l.th.small
	p := pen{c, th}
	xL := th.margin
	x0 := xL + l.labelW + th.gap
	maxT := l.pg.maxT
	if maxT <= 0 {
		maxT = 1
	}
	ts := niceTicks(0, maxT, 5, fmtTick)
	hi := math.Max(ts[len(ts)-1].v, maxT)
	sc := scale{d0: 0, d1: hi, p0: x0, p1: th.W - th.margin - l.endRoom - 0.5*vg.Millimeter}
	ts = p.fitTicks(ts, sc)

	p.drawLegend(l.legend, xL, h-th.margin)
	rowsTop := h - l.top
	axisY := l.bot
	if l.note != "" {
		p.text(f, greyDark, xL, th.margin+lineH(f)*0.5, 0, l.note)
	}
	free := rowsTop - axisY - 0.5*vg.Millimeter - vg.Length(l.lines)*lineH(f)
	pad := free / vg.Length(len(l.lanes))
	for _, t := range ts {
		x := sc.at(t.v)
		p.stroke(0.3, greyLight, []vg.Length{1, 1.5}, vg.Point{X: x, Y: axisY}, vg.Point{X: x, Y: rowsTop})
	}
	y := rowsTop
	mr := f * 0.4
	for i, ln := range l.lanes {
		rh := vg.Length(len(l.labels[i]))*lineH(f) + pad
		cy := y - rh/2
		bh := minf(lineH(f)*0.36, rh*0.4)
		p.lines(f, Black, xL, cy, 0, l.labels[i])
		fill, hk, sp := regimenStyle(l.regIdx[clean(ln.Regimen)])
		if l.other[clean(ln.Regimen)] {
			fill, hk = otherFill, hatchNone
		}
		xe := x0
		if finite(ln.Duration) {
			xe = sc.at(ln.Duration)
		}
		if finite(ln.Duration) && ln.Duration > 0 {
			p.rect(fill, x0, cy-bh, xe, cy+bh)
			p.hatch(hk, 0.3, hatchColor(fill), sp, x0, cy-bh, xe, cy+bh)
			p.rectLine(0.3, greyDark, x0, cy-bh, xe, cy+bh)
		}
		xEnd := sc.at(ln.end())
		if xEnd > xe {
			p.stroke(followUpW, greyDark, nil, vg.Point{X: xe, Y: cy}, vg.Point{X: xEnd, Y: cy})
		}
		evs := append([]LaneEvent(nil), ln.Events...)
		sort.SliceStable(evs, func(a, b int) bool {
			if evs[a].Time != evs[b].Time {
				return evs[a].Time < evs[b].Time
			}
			return evs[a].Kind < evs[b].Kind
		})
		// Markers at one time sit side by side, not on top of each other.
		lastX := vg.Length(math.Inf(-1))
		for _, e := range evs {
			x := sc.at(e.Time)
			if x < lastX+1.9*mr {
				x = lastX + 1.9*mr
			}
			eventMarker(p, e.Kind, x, cy, mr)
			lastX = x
		}
		endX := maxf(xEnd, lastX+mr)
		switch {
		case ln.Ongoing:
			arrowHead(p, endX+0.3*vg.Millimeter, cy, mr)
		case ln.LostToFollowUp:
			crossMark(p, endX+mr+0.3*vg.Millimeter, cy, mr)
		}
		y -= rh
	}
	p.stroke(th.lw, Black, nil, vg.Point{X: x0, Y: axisY}, vg.Point{X: x0, Y: rowsTop})
	p.xAxis(sc, axisY, ts, "Time from start of treatment ("+l.s.unit()+")")
}

// shown returns the lanes a swimmer without pages draws (the first MaxLanes in order)
// and, when they are not every patient, the note that says so.
func (s Swimmer) shown() ([]Lane, string) {
	lanes := s.sorted()
	if len(lanes) > s.cap() {
		lanes = lanes[:s.cap()]
	}
	if total := max(s.Total, len(s.Lanes)); len(lanes) < total {
		return lanes, fmt.Sprintf("Showing %d of %s patients.", len(lanes), numtext.Count(total))
	}
	return lanes, ""
}
