package figure

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"image/color"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// Outcome is the ordinal treatment outcome of a patient, best first.
type Outcome int

// Outcome levels, from best to worst; NotEvaluable is last.
const (
	Complete     Outcome = iota // complete response
	Partial                     // partial response
	Minimal                     // minimal response
	NoResponse                  // no response (stable disease)
	Progression                 // progression
	NotEvaluable                // not evaluable
	NumOutcomes                 // number of outcome levels
)

var outcomeNames = [NumOutcomes]string{"complete", "partial", "minimal", "none", "progression", "not evaluable"}

// String returns the lower-case label used in legends and captions.
func (o Outcome) String() string {
	if o < 0 || o >= NumOutcomes {
		return "Outcome(" + strconv.Itoa(int(o)) + ")"
	}
	return outcomeNames[o]
}

// outcomeStyle is the fill and hatch of an outcome: a lightness ramp of
// Okabe–Ito blues and yellow for the response levels, white for none,
// vermillion for progression and hatched light grey for not evaluable;
// every segment is outlined, so neighbours stay apart in greyscale.
func outcomeStyle(o Outcome) (fill color.RGBA, hatch int) {
	switch o {
	case Complete:
		return Blue, hatchNone
	case Partial:
		return SkyBlue, hatchNone
	case Minimal:
		return Yellow, hatchNone
	case NoResponse:
		return white, hatchNone
	case Progression:
		return Vermillion, hatchNone
	}
	return greyFaint, hatchDiag
}

// OutcomeGroup is one bar: the outcome counts of a group of patients.
type OutcomeGroup struct {
	Label  string
	Counts [NumOutcomes]int // patients per outcome level, indexed by Outcome
}

func (g OutcomeGroup) total() int {
	n := 0
	for _, c := range g.Counts {
		n += c
	}
	return n
}

// OutcomeBars is a horizontal 100 % stacked bar chart of the ordinal outcome
// per group (disease or drug), with percentages inside segments that are
// wide enough, n per bar and a legend.
type OutcomeBars struct {
	Title      string         // caption title; not drawn on the figure
	GroupBy    string         // what the groups are, e.g. "drug" or "disease"; default "group"
	Groups     []OutcomeGroup // one bar each, drawn top to bottom in this order
	OutcomeDef string         // how outcomes were graded, a sentence for the caption
	Patients   int            // for the caption; 0 sums the bars' n
	Studies    int            // for the caption; 0 omits it
	Abbrev     []string       // extra abbreviations for the caption

	page *barsPage // set by Paginate
}

func (o OutcomeBars) groupBy() string {
	g := clean(o.GroupBy)
	if g == "" {
		return "group"
	}
	return g
}

type barsLayout struct {
	o                OutcomeBars
	th               *theme
	labels           [][]string
	labelW, nW       vg.Length
	legend           [][]legendItem
	legendH          vg.Length
	fixedTop, fixBot vg.Length
	lines            int
	page             *barsPage // nil for bars on one page
}

func (o OutcomeBars) build(th *theme) (layout, error) {
	if len(o.Groups) == 0 {
		return nil, fmt.Errorf("%w: outcome bars have no groups (pass at least one OutcomeGroup)", ErrEmpty)
	}
	for i, g := range o.Groups {
		for k, c := range g.Counts {
			if c < 0 {
				return nil, fmt.Errorf("figure: outcome group %d (%q): negative count %d for %q", i+1, g.Label, c, Outcome(k))
			}
		}
	}
	var drawn []OutcomeGroup
	for _, g := range o.Groups {
		if g.total() > 0 {
			drawn = append(drawn, g)
		}
	}
	if len(drawn) == 0 {
		return nil, fmt.Errorf("%w: no outcome group has a patient with a classified outcome", ErrEmpty)
	}
	o.Groups = drawn // empty groups are not drawn; the caption names them
	l := &barsLayout{o: o, th: th, page: o.page}
	b := th.body
	head := capFirst(o.groupBy())
	natLabel := th.textW(b, head)
	l.nW = th.textW(th.small, "n")
	// A page takes its columns and legend from the whole figure.
	measured := o.Groups
	if o.page != nil {
		measured = nil
		for _, g := range o.page.all {
			if g.total() > 0 {
				measured = append(measured, g)
			}
		}
	}
	for _, g := range measured {
		natLabel = maxf(natLabel, th.textW(b, clean(g.Label)))
		l.nW = maxf(l.nW, th.textW(th.small, "n = "+numtext.Count(g.total())))
	}
	inner := th.W - 2*th.margin - 2*th.gap
	l.labelW = minf(natLabel, 0.38*inner)
	for _, g := range o.Groups {
		ls := th.wrap(b, clean(g.Label), l.labelW, 3)
		l.labels = append(l.labels, ls)
		l.lines += len(ls)
	}
	// legend: outcomes present in the data, flowed into rows.
	var present []Outcome
	for k := Outcome(0); k < NumOutcomes; k++ {
		for _, g := range measured {
			if g.Counts[k] > 0 {
				present = append(present, k)
				break
			}
		}
	}
	var items []legendItem
	for _, k := range present {
		fill, hk := outcomeStyle(k)
		items = append(items, legendItem{label: k.String(), key: swatch(fill, hk)})
	}
	l.legend = th.flowLegend(items, th.W-2*th.margin)
	l.legendH = th.legendH(len(l.legend))
	l.fixedTop = th.margin + l.legendH + lineH(b)*1.2
	l.fixBot = th.xAxisH(true) + th.margin + 0.5*vg.Millimeter
	if o.page != nil {
		l.fixBot += forestPageNoteH(th)
	}
	return l, nil
}

const (
	barMinPad = 0.25
	barNatPad = 0.6
)

func (l *barsLayout) heights() (vg.Length, vg.Length) {
	minH, natH := l.ownHeights()
	if l.page != nil {
		natH = maxf(natH, l.page.height)
	}
	return minH, natH
}

func (l *barsLayout) ownHeights() (vg.Length, vg.Length) {
	b := lineH(l.th.body)
	base := l.fixedTop + l.fixBot + vg.Length(l.lines)*b
	n := vg.Length(len(l.o.Groups))
	return base + n*b*barMinPad, base + n*b*barNatPad
}

func (l *barsLayout) draw(c vg.Canvas, h vg.Length) {
	if l.page != nil {
		if _, own := l.ownHeights(); h > own {
			c.Push()
			c.Translate(vg.Point{Y: h - own})
			l.drawBars(c, own)
			c.Pop()
			return
		}
	}
	l.drawBars(c, h)
}

func (l *barsLayout) drawBars(c vg.Canvas, h vg.Length) {
	th, b := l.th, l.th.body
	p := pen{c, th}
	xL := th.margin
	xB0 := xL + l.labelW + th.gap
	xN := th.W - th.margin - l.nW
	xB1 := xN - th.gap
	sc := scale{d0: 0, d1: 1, p0: xB0, p1: xB1}

	p.drawLegend(l.legend, xL, h-th.margin)
	// headings
	hy := h - th.margin - l.legendH - lineH(b)*0.5
	head := capFirst(l.o.groupBy())
	p.text(b, Black, xL, hy, 0, th.fit(b, head, l.labelW))
	rowsTop := h - l.fixedTop
	axisY := l.fixBot
	free := rowsTop - axisY - 0.5*vg.Millimeter - vg.Length(l.lines)*lineH(b)
	pad := free / vg.Length(len(l.o.Groups))
	ts := niceTicks(0, 100, 4, fmtTick)
	for i := range ts {
		ts[i].v /= 100
	}
	ts = p.fitTicks(ts, sc)
	for _, t := range ts {
		x := sc.at(t.v)
		p.stroke(0.3, greyLight, []vg.Length{1, 1.5}, vg.Point{X: x, Y: axisY}, vg.Point{X: x, Y: rowsTop})
	}
	y := rowsTop
	for i, g := range l.o.Groups {
		rh := vg.Length(len(l.labels[i]))*lineH(b) + pad
		cy := y - rh/2
		bh := minf(lineH(b)*0.85, rh*0.8) / 2
		p.lines(b, Black, xL, cy, 0, l.labels[i])
		n := g.total()
		p.text(th.small, Black, xN, cy, 0, "n = "+numtext.Count(n))
		cum := 0
		for k := Outcome(0); k < NumOutcomes; k++ {
			cnt := g.Counts[k]
			if cnt == 0 {
				continue
			}
			x0 := sc.at(float64(cum) / float64(n))
			cum += cnt
			x1 := sc.at(float64(cum) / float64(n))
			fill, hk := outcomeStyle(k)
			p.rect(fill, x0, cy-bh, x1, cy+bh)
			p.hatch(hk, 0.3, hatchColor(fill), 1.2, x0, cy-bh, x1, cy+bh)
			p.rectLine(0.3, greyDark, x0, cy-bh, x1, cy+bh)
			pct := strconv.Itoa(int(100*float64(cnt)/float64(n)+0.5)) + "%"
			if tw := th.textW(th.small, pct); tw+1*vg.Millimeter <= x1-x0 {
				if hk != hatchNone { // a clear patch keeps the number legible over the hatch
					p.rect(fill, (x0+x1-tw)/2-0.3*vg.Millimeter, cy-th.small*0.45, (x0+x1+tw)/2+0.3*vg.Millimeter, cy+th.small*0.45)
				}
				p.text(th.small, textOn(fill), (x0+x1)/2, cy, 0.5, pct)
			}
		}
		y -= rh
	}
	p.xAxis(sc, axisY, pctTicks(ts), "Patients (%)")
	if l.page != nil {
		p.text(th.small, greyDark, xL, th.margin+lineH(th.small)*0.5, 0, l.page.note(l.o.groupBy()))
	}
}

// pctTicks relabels 0–1 ticks as whole percentages.
func pctTicks(ts []tick) []tick {
	out := make([]tick, len(ts))
	for i, t := range ts {
		out[i] = tick{t.v, strconv.FormatFloat(100*t.v, 'f', -1, 64)}
	}
	return out
}

// Caption returns a draft Markdown caption for the outcome bars.
func (o OutcomeBars) Caption() string {
	var b strings.Builder
	title := clean(o.Title)
	if title == "" {
		title = "Outcome by " + o.groupBy()
	}
	fmt.Fprintf(&b, "**%s.** Distribution of the best treatment outcome per %s, as 100%% stacked bars; ", title, o.groupBy())
	b.WriteString("segments are ordered complete, partial, minimal, none, progression and not evaluable, and are labelled with their percentage of the bar where space allows; n is the number of patients per bar.")
	if d := clean(o.OutcomeDef); d != "" {
		b.WriteString(" " + strings.TrimSuffix(d, ".") + ".")
	}
	patients := 0
	var empty []string
	groups := o.Groups
	if o.page != nil {
		groups = o.page.all // a page's caption describes the whole figure
	}
	for _, g := range groups {
		patients += g.total()
		if g.total() == 0 {
			empty = append(empty, clean(g.Label))
		}
	}
	switch {
	case len(empty) == 1:
		fmt.Fprintf(&b, " Not drawn: %s, which has no patient with a classified outcome.", empty[0])
	case len(empty) > 1:
		fmt.Fprintf(&b, " Not drawn: %s, which have no patient with a classified outcome.", strings.Join(empty, ", "))
	}
	if pg := o.page; pg != nil {
		fmt.Fprintf(&b, " The %d bars are split over %d pages no taller than %.0f mm, each with the legend and the axis.", pg.bars, pg.pages, float64(pg.limit/vg.Millimeter))
	}
	if o.Patients > 0 {
		patients = o.Patients
	}
	b.WriteString(" " + countPhrase(patients, o.Studies))
	b.WriteString(abbrevPhrase(o.Abbrev))
	return b.String()
}

// capFirst upper-cases the first rune of s.
func capFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
