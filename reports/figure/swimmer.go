package figure

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// SwimmerCap is the default number of patient lanes per swimmer page.
const SwimmerCap = 40

// SwimmerRegimenCap is the most regimens a swimmer gives colours of their
// own: beyond it the SwimmerRegimenCap−1 regimens with the most lanes keep
// theirs and the rest are drawn grey as "other regimens (N)".
const SwimmerRegimenCap = 12

// EventKind is a kind of event marked on a swimmer lane.
type EventKind int

// Lane events.
const (
	EventResponse    EventKind = iota // response of unstated depth: open triangle
	EventComplete                     // complete response: filled black circle
	EventPartial                      // partial response: open circle
	EventProgression                  // progression: filled black downward triangle
	numEventKinds
)

var eventNames = [numEventKinds]string{"response", "complete response", "partial response", "progression"}

// String returns the legend label of the event kind.
func (k EventKind) String() string {
	if k < 0 || k >= numEventKinds {
		return "EventKind(" + strconv.Itoa(int(k)) + ")"
	}
	return eventNames[k]
}

// LaneEvent is an event at a time on a lane, in the swimmer's time unit.
type LaneEvent struct {
	Time float64
	Kind EventKind
}

// Lane is one patient of a swimmer plot.
type Lane struct {
	Study          string      // study (case report) label
	Case           string      // case label within the study
	Regimen        string      // drug or regimen; sets the bar colour
	Duration       float64     // time on treatment, ≥ 0, in the swimmer's unit
	Ongoing        bool        // treatment ongoing at last follow-up: arrow at the bar end
	LostToFollowUp bool        // lost to follow-up: cross at the bar end
	Events         []LaneEvent // responses and progressions, at times ≥ 0
}

func (l Lane) label() string {
	s, c := clean(l.Study), clean(l.Case)
	switch {
	case s == "":
		return c
	case c == "":
		return s
	}
	return s + " – " + c
}

// Swimmer is a swimmer plot: a lane per patient, bar length = time on
// treatment, colour = regimen, markers for responses, an arrow where
// treatment is ongoing and a cross for loss to follow-up. At most MaxLanes
// lanes (SwimmerCap by default) are drawn; the figure then says "Showing N of
// M patients". Pages splits a long swimmer into pages that show all lanes.
type Swimmer struct {
	Title          string // caption title; not drawn on the figure
	Unit           string // time unit for the axis and caption: "days" (default), "weeks" or "months"
	Lanes          []Lane
	MaxLanes       int  // lanes per page; 0 means SwimmerCap
	SortByDuration bool // longest time on treatment on top; otherwise input order
	Patients       int  // for the caption; 0 counts lanes
	Studies        int  // for the caption; 0 counts distinct Study labels
	Abbrev         []string

	page *swimPage // set by Pages
}

// swimPage records where a page sits in the whole swimmer.
type swimPage struct {
	first, total, index, pages int
	regimens                   []string // with colours, in display order
	others                     int      // regimens past SwimmerRegimenCap, drawn grey
	maxT                       float64
}

func (s Swimmer) cap() int {
	if s.MaxLanes > 0 {
		return s.MaxLanes
	}
	return SwimmerCap
}

func (s Swimmer) unit() string {
	u := clean(s.Unit)
	if u == "" {
		return "days"
	}
	return u
}

func (s Swimmer) validate() error {
	if len(s.Lanes) == 0 {
		return fmt.Errorf("%w: swimmer plot has no lanes (pass at least one Lane)", ErrEmpty)
	}
	for i, l := range s.Lanes {
		if !finite(l.Duration) || l.Duration < 0 {
			return fmt.Errorf("figure: swimmer lane %d (%q): duration %g: need a finite time ≥ 0 (drop patients without a known duration)", i+1, l.label(), l.Duration)
		}
		for _, e := range l.Events {
			if !finite(e.Time) || e.Time < 0 {
				return fmt.Errorf("figure: swimmer lane %d (%q): event time %g: need a finite time ≥ 0", i+1, l.label(), e.Time)
			}
			if e.Kind < 0 || e.Kind >= numEventKinds {
				return fmt.Errorf("figure: swimmer lane %d (%q): unknown event kind %d", i+1, l.label(), e.Kind)
			}
		}
	}
	return nil
}

// sorted returns the lanes in display order.
func (s Swimmer) sorted() []Lane {
	ls := append([]Lane(nil), s.Lanes...)
	if s.SortByDuration {
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].Duration > ls[j].Duration })
	}
	return ls
}

func (s Swimmer) whole() swimPage {
	p := swimPage{total: len(s.Lanes), pages: 1}
	lanes := map[string]int{}
	var order []string // regimens by first lane in display order
	for _, l := range s.sorted() {
		r := clean(l.Regimen)
		if lanes[r] == 0 {
			order = append(order, r)
		}
		lanes[r]++
		p.maxT = math.Max(p.maxT, l.Duration)
		for _, e := range l.Events {
			p.maxT = math.Max(p.maxT, e.Time)
		}
	}
	if len(order) <= SwimmerRegimenCap {
		p.regimens = order
		return p
	}
	// the regimens with the most lanes (ties: first in display order)
	// keep colours; the rest share "other regimens".
	rank := append([]string(nil), order...)
	sort.SliceStable(rank, func(i, j int) bool { return lanes[rank[i]] > lanes[rank[j]] })
	keep := map[string]bool{}
	for _, r := range rank[:SwimmerRegimenCap-1] {
		keep[r] = true
	}
	for _, r := range order {
		if keep[r] {
			p.regimens = append(p.regimens, r)
		}
	}
	p.others = len(order) - len(p.regimens)
	return p
}

// Pages splits the swimmer into pages of at most MaxLanes lanes (SwimmerCap
// by default), in display order. Pages share the time axis and regimen
// colours, and each says which patients it shows ("Patients 41–80 of 93,
// page 2 of 3"). A swimmer that fits one page is returned as is.
func (s Swimmer) Pages() []Swimmer {
	if len(s.Lanes) <= s.cap() || s.validate() != nil {
		return []Swimmer{s}
	}
	w := s.whole()
	all := s.sorted()
	w.pages = (len(all) + s.cap() - 1) / s.cap()
	var out []Swimmer
	for i := 0; i < len(all); i += s.cap() {
		pg := s
		pg.Lanes = all[i:min(i+s.cap(), len(all))]
		pg.SortByDuration = false
		wp := w
		wp.first, wp.index = i, len(out)
		pg.page = &wp
		if pg.Patients == 0 {
			pg.Patients = len(all)
		}
		if pg.Studies == 0 {
			pg.Studies = countStudies(all)
		}
		out = append(out, pg)
	}
	return out
}

func countStudies(ls []Lane) int {
	seen := map[string]bool{}
	for _, l := range ls {
		if st := clean(l.Study); st != "" {
			seen[st] = true
		}
	}
	return len(seen)
}

// regimenStyle gives regimen k a colour and, for odd k, a hatch, so that
// neighbours in the colour order with similar lightness differ in greyscale;
// after seven regimens colours repeat with other hatches.
func regimenStyle(k int) (color.RGBA, int) {
	hatches := []int{hatchNone, hatchDiag}
	if k >= len(seriesColors) {
		hatches = []int{hatchBack, hatchCross}
	}
	return seriesColor(k), hatches[k%2]
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
	default:
		pts := shapePts(shapeTriangle, x, y, r)
		p.fill(white, pts...)
		p.stroke(0.7, Black, nil, append(pts, pts[0])...)
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
		l.lanes = s.sorted()
		if len(l.lanes) > s.cap() {
			l.lanes = l.lanes[:s.cap()]
			l.note = fmt.Sprintf("Showing %d of %d patients.", len(l.lanes), len(s.Lanes))
		}
	}
	l.regIdx = map[string]int{}
	for i, r := range l.pg.regimens {
		l.regIdx[r] = i
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
	// legend: regimens, then the symbols in use.
	var items []legendItem
	for i, r := range l.pg.regimens {
		fill, hk := regimenStyle(i)
		if r == "" {
			r = "unknown regimen"
		}
		items = append(items, legendItem{label: r, key: swatch(fill, hk)})
	}
	if l.pg.others > 0 {
		items = append(items, legendItem{label: fmt.Sprintf("other regimens (%d)", l.pg.others), key: swatch(greyLight, hatchNone)})
	}
	used := map[EventKind]bool{}
	ongoing, lost := false, false
	for _, ln := range s.Lanes {
		for _, e := range ln.Events {
			used[e.Kind] = true
		}
		ongoing = ongoing || ln.Ongoing
		lost = lost || ln.LostToFollowUp
	}
	mr := th.small * 0.4
	for k := EventKind(0); k < numEventKinds; k++ {
		if used[k] {
			k := k
			items = append(items, legendItem{label: k.String(), key: func(p pen, x, y, w vg.Length) { eventMarker(p, k, x+w/2, y, mr) }})
		}
	}
	if ongoing {
		items = append(items, legendItem{label: "ongoing", key: func(p pen, x, y, w vg.Length) {
			p.stroke(1, greyDark, nil, vg.Point{X: x, Y: y}, vg.Point{X: x + w/2, Y: y})
			arrowHead(p, x+w/2, y, mr)
		}})
	}
	if lost {
		items = append(items, legendItem{label: "lost to follow-up", key: func(p pen, x, y, w vg.Length) { crossMark(p, x+w/2, y, mr) }})
	}
	l.legend = th.flowLegend(items, th.W-2*th.margin)
	l.top = th.margin + th.legendH(len(l.legend)) + 0.5*vg.Millimeter
	l.bot = th.margin + th.xAxisH(true) + 0.5*vg.Millimeter
	if l.note != "" {
		l.bot += lineH(th.small) * 1.2
	}
	l.endRoom = 2.2 * mr
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
		fill, hk := greyLight, hatchNone
		if k, ok := l.regIdx[clean(ln.Regimen)]; ok {
			fill, hk = regimenStyle(k)
		}
		xe := sc.at(ln.Duration)
		if ln.Duration > 0 {
			p.rect(fill, x0, cy-bh, xe, cy+bh)
			p.hatch(hk, 0.3, hatchColor(fill), 1.4, x0, cy-bh, xe, cy+bh)
			p.rectLine(0.3, greyDark, x0, cy-bh, xe, cy+bh)
		}
		evs := append([]LaneEvent(nil), ln.Events...)
		sort.SliceStable(evs, func(a, b int) bool { return evs[a].Time < evs[b].Time })
		for _, e := range evs {
			eventMarker(p, e.Kind, sc.at(e.Time), cy, mr)
		}
		switch {
		case ln.Ongoing:
			arrowHead(p, xe+0.3*vg.Millimeter, cy, mr)
		case ln.LostToFollowUp:
			crossMark(p, xe+mr+0.3*vg.Millimeter, cy, mr)
		}
		y -= rh
	}
	p.stroke(th.lw, Black, nil, vg.Point{X: x0, Y: axisY}, vg.Point{X: x0, Y: rowsTop})
	p.xAxis(sc, axisY, ts, "Time on treatment ("+l.s.unit()+")")
}

// Caption returns a draft Markdown caption for the swimmer plot.
func (s Swimmer) Caption() string {
	var b strings.Builder
	title := clean(s.Title)
	if title == "" {
		title = "Time on treatment and response per patient"
	}
	fmt.Fprintf(&b, "**%s.** Swimmer plot: each lane is one patient (study – case); bar length is the time on treatment in %s and bar colour the regimen.", title, s.unit())
	used := map[EventKind]bool{}
	ongoing, lost := false, false
	for _, ln := range s.Lanes {
		for _, e := range ln.Events {
			used[e.Kind] = true
		}
		ongoing = ongoing || ln.Ongoing
		lost = lost || ln.LostToFollowUp
	}
	var marks []string
	sym := map[EventKind]string{EventComplete: "filled circles", EventPartial: "open circles", EventResponse: "open triangles", EventProgression: "filled downward triangles"}
	for k := EventKind(0); k < numEventKinds; k++ {
		if used[k] {
			marks = append(marks, sym[k]+" mark the time of "+k.String())
		}
	}
	if ongoing {
		marks = append(marks, "arrows mark treatment ongoing at last follow-up")
	}
	if lost {
		marks = append(marks, "crosses mark loss to follow-up")
	}
	if len(marks) > 0 {
		b.WriteString(" " + capFirst(strings.Join(marks, "; ")) + ".")
	}
	if s.SortByDuration {
		b.WriteString(" Patients are ordered by time on treatment.")
	}
	w := s.whole()
	if s.page != nil {
		w = *s.page
	}
	if w.others > 0 {
		fmt.Fprintf(&b, " The %d regimens with the most patients have colours of their own; %d other regimens are drawn grey.", len(w.regimens), w.others)
	}
	if s.page != nil {
		fmt.Fprintf(&b, " Page %d of %d shows patients %d–%d of %d.", s.page.index+1, s.page.pages, s.page.first+1, s.page.first+len(s.Lanes), s.page.total)
	} else if len(s.Lanes) > s.cap() {
		fmt.Fprintf(&b, " Only the first %d of %d patients are shown.", s.cap(), len(s.Lanes))
	}
	patients, studies := s.Patients, s.Studies
	if patients == 0 {
		patients = len(s.Lanes)
	}
	if studies == 0 {
		studies = countStudies(s.Lanes)
	}
	b.WriteString(" " + countPhrase(patients, studies))
	b.WriteString(abbrevPhrase(s.Abbrev))
	return b.String()
}
