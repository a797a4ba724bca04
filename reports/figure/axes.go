package figure

import (
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
)

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
