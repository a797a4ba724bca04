package figure

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image/color"
	"math"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// pdfCanvas wraps the vgpdf canvas, which writes the bytes of a string
// unchanged into a WinAnsi (cp1252) encoded font: text is converted from
// UTF-8 to cp1252 first. The few runes clean keeps outside cp1252 (Greek
// letters) are drawn as filled glyph outlines between the text runs.
type pdfCanvas struct{ *vgpdf.Canvas }

func (c pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	start := 0
	x := pt.X
	flush := func(end int) {
		if end > start {
			run := s[start:end]
			c.Canvas.FillString(f, vg.Point{X: x, Y: pt.Y}, toCP1252(run))
			x += f.Width(run)
		}
	}
	for i, r := range s {
		if inCP1252(r) {
			continue
		}
		flush(i)
		c.glyph(f, vg.Point{X: x, Y: pt.Y}, r)
		x += f.Width(string(r))
		start = i + len(string(r))
	}
	flush(len(s))
}

// glyph fills the outline of r with its origin at pt.
func (c pdfCanvas) glyph(f font.Face, pt vg.Point, r rune) {
	var buf sfnt.Buffer
	idx, err := f.Face.GlyphIndex(&buf, r)
	if err != nil || idx == 0 {
		return
	}
	ppem := fixed.Int26_6(math.Round(float64(f.Font.Size) * 64))
	segs, err := f.Face.LoadGlyph(&buf, idx, ppem, nil)
	if err != nil {
		return
	}
	at := func(p fixed.Point26_6) vg.Point {
		return vg.Point{X: pt.X + vg.Length(float64(p.X)/64), Y: pt.Y - vg.Length(float64(p.Y)/64)}
	}
	var path vg.Path
	open := false
	for _, sg := range segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				path.Close()
			}
			path.Move(at(sg.Args[0]))
			open = true
		case sfnt.SegmentOpLineTo:
			path.Line(at(sg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			path.QuadTo(at(sg.Args[0]), at(sg.Args[1]))
		case sfnt.SegmentOpCubeTo:
			path.CubeTo(at(sg.Args[0]), at(sg.Args[1]), at(sg.Args[2]))
		}
	}
	if open {
		path.Close()
	}
	c.Canvas.Fill(path)
}

// SetColor passes colours to vgpdf un-premultiplied: vgpdf takes the
// premultiplied components of color.Color as straight RGB, which darkens
// every translucent colour.
func (c pdfCanvas) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	n := color.NRGBAModel.Convert(col).(color.NRGBA)
	c.Canvas.SetColor(straight(n))
}

// straight is a colour whose RGBA method returns straight (not
// premultiplied) components, as vgpdf expects.
type straight color.NRGBA

func (s straight) RGBA() (r, g, b, a uint32) {
	return uint32(s.R) * 0x101, uint32(s.G) * 0x101, uint32(s.B) * 0x101, uint32(s.A) * 0x101
}

// cp1252High maps the runes of the 0x80–0x9F block of Windows-1252.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91,
	'’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98,
	'™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// inCP1252 reports whether r can be drawn with the PDF's cp1252 font encoding.
func inCP1252(r rune) bool {
	if r >= 0x20 && r < 0x7F || r >= 0xA0 && r <= 0xFF {
		return true
	}
	_, ok := cp1252High[r]
	return ok
}

func toCP1252(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7F || r >= 0xA0 && r <= 0xFF:
			b = append(b, byte(r))
		default:
			if c, ok := cp1252High[r]; ok {
				b = append(b, c)
			} else {
				b = append(b, '?')
			}
		}
	}
	return string(b)
}

// transliterations for common scientific runes outside cp1252.
var translit = map[rune]string{
	'≥': ">=", '≤': "<=", '≠': "!=", '≈': "~", '−': "-", '‐': "-", '‑': "-",
	'μ': "µ", '→': "->", '∞': "inf",
	'\u2009': " ", '\u202F': " ", '\u2002': " ", '\u2003': " ",
}

// clean makes user text drawable identically in every format: control
// characters and line breaks become spaces, runs of spaces collapse, Greek
// letters (τ, α, …) are kept (PDF draws them as outlines, see
// pdfCanvas.FillString), and other runes outside the cp1252 repertoire of
// the PDF font are transliterated (≥ → ">=") or replaced by '?'.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		switch {
		case inCP1252(r) || isGreek(r):
			b.WriteRune(r)
		case translit[r] != "":
			b.WriteString(translit[r])
		case r == utf8RuneError || !unicode.IsPrint(r):
			// drop invisible and invalid runes
		default:
			b.WriteByte('?')
		}
	}
	return strings.TrimRight(b.String(), " ")
}

const utf8RuneError = '\uFFFD'

// isGreek reports whether r is a Greek letter of the base font (U+0391–U+03C9).
func isGreek(r rune) bool { return r >= 0x391 && r <= 0x3C9 && r != 0x3A2 }

// pdfEpoch replaces the creation and modification dates that the PDF
// writer stamps with the wall clock, so that output is deterministic.
const pdfEpoch = "20000101000000"

// fixPDFDates overwrites the 14 digits of /CreationDate (D:…) and
// /ModDate (D:…) in place; the length is unchanged, so the xref table
// stays valid.
func fixPDFDates(b []byte) {
	for _, key := range []string{"/CreationDate (D:", "/ModDate (D:"} {
		k := []byte(key)
		off := 0
		for {
			i := bytes.Index(b[off:], k)
			if i < 0 {
				break
			}
			j := off + i + len(k)
			if j+len(pdfEpoch) <= len(b) && allDigits(b[j:j+len(pdfEpoch)]) {
				copy(b[j:], pdfEpoch)
			}
			off = j
		}
	}
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// addPNGDensity inserts a pHYs chunk declaring dpi right after IHDR, so
// that layout programs print the image at its intended size.
func addPNGDensity(b []byte, dpi int) ([]byte, error) {
	const ihdrEnd = 8 + 4 + 4 + 13 + 4
	if len(b) < ihdrEnd || string(b[12:16]) != "IHDR" {
		return nil, errors.New("figure: internal error: PNG encoder output has no IHDR chunk")
	}
	ppm := uint32(math.Round(float64(dpi) / 0.0254))
	chunk := make([]byte, 4+4+9+4)
	binary.BigEndian.PutUint32(chunk[0:], 9)
	copy(chunk[4:], "pHYs")
	binary.BigEndian.PutUint32(chunk[8:], ppm)
	binary.BigEndian.PutUint32(chunk[12:], ppm)
	chunk[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(chunk[17:], crc32.ChecksumIEEE(chunk[4:17]))
	out := make([]byte, 0, len(b)+len(chunk))
	out = append(out, b[:ihdrEnd]...)
	out = append(out, chunk...)
	out = append(out, b[ihdrEnd:]...)
	return out, nil
}
