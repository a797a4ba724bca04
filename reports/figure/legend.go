package figure

import (
	"image/color"

	"gonum.org/v1/plot/vg"
)

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
