package figure

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"sort"
	"sync"

	"github.com/tresp/tresp/internal/ttfsubset"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// collectCanvas draws nothing and records the runes of every string.
type collectCanvas struct{ runes map[rune]bool }

func (c collectCanvas) SetLineWidth(vg.Length)              {}
func (c collectCanvas) SetLineDash([]vg.Length, vg.Length)  {}
func (c collectCanvas) SetColor(color.Color)                {}
func (c collectCanvas) Rotate(float64)                      {}
func (c collectCanvas) Translate(vg.Point)                  {}
func (c collectCanvas) Scale(float64, float64)              {}
func (c collectCanvas) Push()                               {}
func (c collectCanvas) Pop()                                {}
func (c collectCanvas) Stroke(vg.Path)                      {}
func (c collectCanvas) Fill(vg.Path)                        {}
func (c collectCanvas) DrawImage(vg.Rectangle, image.Image) {}
func (c collectCanvas) FillString(_ font.Face, _ vg.Point, s string) {
	for _, r := range s {
		c.runes[r] = true
	}
}

// subsetCanvas draws text with a face whose font is a subset holding only
// the glyphs of the figure, so that PDF and SVG embed a few kilobytes of
// font instead of the whole font (about 400 kB).
type subsetCanvas struct {
	vg.Canvas
	sub *opentype.Font
}

func (c subsetCanvas) FillString(f font.Face, pt vg.Point, s string) {
	c.Canvas.FillString(font.Face{Font: f.Font, Face: c.sub}, pt, s)
}

// subsets caches subset fonts by their rune set, so that figures with the
// same text share one font (and the PDF writer's font cache, keyed by the
// font, does not grow with every figure). It is cleared when it holds
// maxSubsets fonts.
var subsets = struct {
	sync.Mutex
	m map[string]*opentype.Font
}{m: map[string]*opentype.Font{}}

const maxSubsets = 64

// withSubset returns a canvas drawing onto c with a font subset holding
// the runes each of lays draws at its height in hs (the pages of one PDF
// share one font).
func withSubset(c vg.Canvas, lays []layout, hs []vg.Length) (vg.Canvas, error) {
	cc := collectCanvas{runes: map[rune]bool{}}
	for i, lay := range lays {
		lay.draw(cc, hs[i])
	}
	var rs []rune
	for r := range cc.runes {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	key := string(rs)
	subsets.Lock()
	defer subsets.Unlock()
	if f := subsets.m[key]; f != nil {
		return subsetCanvas{c, f}, nil
	}
	full := fontCache.Lookup(baseFont, 10)
	var raw bytes.Buffer
	if _, err := full.Face.WriteSourceTo(nil, &raw); err != nil {
		return nil, fmt.Errorf("figure: reading the font: %w", err)
	}
	var buf sfnt.Buffer
	var gs []uint16
	for _, r := range rs {
		if g, err := full.Face.GlyphIndex(&buf, r); err == nil && g != 0 {
			gs = append(gs, uint16(g))
		}
	}
	b, err := ttfsubset.Subset(raw.Bytes(), gs)
	if err != nil {
		return nil, fmt.Errorf("figure: font subset: %w", err)
	}
	f, err := opentype.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("figure: font subset: %w", err)
	}
	if len(subsets.m) >= maxSubsets {
		subsets.m = map[string]*opentype.Font{}
	}
	subsets.m[key] = f
	return subsetCanvas{c, f}, nil
}
