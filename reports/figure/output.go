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

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// pdfCanvas wraps the vgpdf canvas, which writes the bytes of a string
// unchanged into a WinAnsi (cp1252) encoded font: text is converted from
// UTF-8 to cp1252 first. clean has already replaced runes outside cp1252.
type pdfCanvas struct{ *vgpdf.Canvas }

func (c pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	c.Canvas.FillString(f, pt, toCP1252(s))
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
	'α': "alpha", 'β': "beta", 'γ': "gamma", 'δ': "delta", 'κ': "kappa",
	'λ': "lambda", 'μ': "µ", 'τ': "tau", 'ω': "omega", '→': "->", '∞': "inf",
	'\u2009': " ", '\u202F': " ", '\u2002': " ", '\u2003': " ",
}

// clean makes user text drawable identically in every format: control
// characters and line breaks become spaces, runs of spaces collapse, and
// runes outside the cp1252 repertoire of the PDF font are transliterated
// (≥ → ">=", α → "alpha") or replaced by '?'.
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
		case inCP1252(r):
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
