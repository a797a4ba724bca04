package figure

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"testing"
)

var svgFontRE = regexp.MustCompile(`base64,([A-Za-z0-9+/=]+)\)`)

// TestFontSubsets: PDF and SVG embed a subset of the font (a few kB, not
// the 412 kB of Liberation Sans), named TAG+LiberationSans in the PDF, and
// τ is drawn as τ (in PDF as an outline, in SVG as text).
func TestFontSubsets(t *testing.T) {
	f := sampleForest()
	f.Rows = append(f.Rows, ForestRow{Label: "τ² = 0.12; I² = 40%", Note: true, Study: true})
	var pdf, svg bytes.Buffer
	if err := Render(&pdf, f, NatureSingle, PDF); err != nil {
		t.Fatal(err)
	}
	if err := Render(&svg, f, NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	if pdf.Len() > 60_000 {
		t.Errorf("PDF is %d bytes: the font is not subset", pdf.Len())
	}
	if !regexp.MustCompile(`/BaseFont /[A-Z]{6}\+LiberationSans`).Match(pdf.Bytes()) {
		t.Error("PDF font is not named as a subset (TAG+LiberationSans)")
	}
	m := svgFontRE.FindSubmatch(svg.Bytes())
	if m == nil {
		t.Fatal("SVG embeds no font")
	}
	font, err := base64.StdEncoding.DecodeString(string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	if len(font) > 50_000 {
		t.Errorf("SVG font is %d bytes: not a subset", len(font))
	}
	if !bytes.Contains(svg.Bytes(), []byte("τ² = 0.12")) {
		t.Error("SVG does not draw τ")
	}
	if bytes.Contains(svg.Bytes(), []byte("tau")) {
		t.Error("SVG spells τ as tau")
	}
}
