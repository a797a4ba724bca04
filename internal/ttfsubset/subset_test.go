package ttfsubset

import (
	"bytes"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font/liberation"
)

// TestSubsetLiberation subsets Liberation Sans to "Aτ": the result parses,
// is a tenth of the font or less, draws A and τ (and Å's components when
// asked), has no outline for Z, and keeps every advance width.
func TestSubsetLiberation(t *testing.T) {
	var raw bytes.Buffer
	face := liberation.Collection()[0].Face
	for _, f := range liberation.Collection() {
		if f.Font.Typeface == "Liberation" && f.Font.Variant == "Sans" && f.Font.Weight == 0 && f.Font.Style == 0 {
			face = f.Face
		}
	}
	if _, err := face.WriteSourceTo(nil, &raw); err != nil {
		t.Fatal(err)
	}
	full, err := sfnt.Parse(raw.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	gi := func(f *sfnt.Font, r rune) sfnt.GlyphIndex {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	var keep []uint16
	for _, r := range "Aτ Å" {
		keep = append(keep, uint16(gi(full, r)))
	}
	b, err := Subset(raw.Bytes(), keep)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > raw.Len()/10 {
		t.Errorf("subset is %d bytes of %d", len(b), raw.Len())
	}
	sub, err := sfnt.Parse(b)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	if sub.NumGlyphs() != full.NumGlyphs() {
		t.Errorf("glyph count %d, want %d (glyph IDs are retained)", sub.NumGlyphs(), full.NumGlyphs())
	}
	ppem := fixed.I(1000)
	for _, r := range "AτZÅ" {
		g := gi(sub, r)
		segs, err := sub.LoadGlyph(&buf, g, ppem, nil)
		if err != nil {
			t.Fatalf("%c: %v", r, err)
		}
		if want := r != 'Z'; (len(segs) > 0) != want {
			t.Errorf("%c: %d outline segments, want outline %v", r, len(segs), want)
		}
		a1, _ := full.GlyphAdvance(&buf, g, ppem, 0)
		a2, _ := sub.GlyphAdvance(&buf, g, ppem, 0)
		if a1 != a2 {
			t.Errorf("%c: advance %v, want %v", r, a2, a1)
		}
	}
	b2, _ := Subset(raw.Bytes(), keep)
	if !bytes.Equal(b, b2) {
		t.Error("subset is not deterministic")
	}
	name, err := sub.Name(&buf, sfnt.NameIDPostScript)
	if err != nil || len(name) < 8 || name[6] != '+' {
		t.Errorf("PostScript name %q (%v), want TAG+name", name, err)
	}
	if fam, err := sub.Name(&buf, sfnt.NameIDFamily); err != nil || fam != "Liberation Sans "+name[:6] {
		t.Errorf("family name %q (%v), want \"Liberation Sans %s\"", fam, err, name[:6])
	}
}
