package figure

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure is implemented by every figure type of this package (Forest,
// OutcomeBars, Swimmer, CumResponse, DoseResponse). The drawing methods are
// unexported: use Render to draw a Figure and Caption for its draft caption.
type Figure interface {
	// Caption returns a draft figure caption in Markdown, composed from the
	// figure's fields, for authors to edit and paste.
	Caption() string

	// build validates the figure and lays it out for the given theme; the
	// returned layout knows its natural height and how to draw itself.
	build(th *theme) (layout, error)
}

// layout is a figure laid out at a fixed width.
type layout interface {
	// natural returns the height the content needs (min) and the height it
	// looks best at (natural). Heights below min are refused.
	heights() (min, natural vg.Length)
	// draw draws the figure onto c, whose size is width × h.
	draw(c vg.Canvas, h vg.Length)
}

// ErrEmpty is returned (wrapped) by Render when a figure has nothing to draw.
var ErrEmpty = errors.New("figure: nothing to draw")

// Format is an output format for Render.
type Format int

// Output formats.
const (
	PDF Format = iota // vector PDF with embedded TrueType fonts
	PNG               // raster PNG at 300 dpi
	SVG               // vector SVG with embedded fonts
)

// DPI is the resolution of PNG output, in dots per inch.
const DPI = 300

var formatNames = []string{"pdf", "png", "svg"}

// String returns the lower-case name of the format ("pdf", "png", "svg").
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatNames[f]
}

// Ext returns the file-name extension for the format, with its dot.
func (f Format) Ext() string { return "." + f.String() }

// ParseFormat parses a format name (case-insensitive, an optional leading dot
// is accepted, so a file extension works too).
func ParseFormat(s string) (Format, error) {
	t := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "."))
	for i, n := range formatNames {
		if t == n {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("figure: unknown format %q (legal values: %s)", s, strings.Join(formatNames, ", "))
}

// Size is the printed size of a figure. Height 0 means the height is derived
// from the content (number of rows, lanes or panels).
type Size struct {
	Name     string  // preset name, or "custom"
	WidthMM  float64 // printed width in millimetres
	HeightMM float64 // printed height in millimetres; 0 derives it from the content
	// PageHeightMM is the tallest page the journal takes (see PageHeight);
	// 0 means DefaultPageHeightMM.
	PageHeightMM float64
}

// Journal column-width presets. Heights are derived from the content; a
// figure taller than the journal's page height is split by Paginate.
var (
	NatureSingle   = Size{Name: "nature-single", WidthMM: 89, PageHeightMM: NaturePageHeightMM}
	NatureDouble   = Size{Name: "nature-double", WidthMM: 183, PageHeightMM: NaturePageHeightMM}
	ElsevierSingle = Size{Name: "elsevier-single", WidthMM: 90, PageHeightMM: ElsevierPageHeightMM}
	ElsevierDouble = Size{Name: "elsevier-double", WidthMM: 190, PageHeightMM: ElsevierPageHeightMM}
)

// Presets lists the named sizes accepted by ParsePreset, in a fixed order.
var Presets = []Size{NatureSingle, NatureDouble, ElsevierSingle, ElsevierDouble}

// Size limits in millimetres. Below MinWidthMM the fixed 6 pt text cannot fit
// a label column, a plot and the text columns side by side.
const (
	MinWidthMM  = 60
	MaxWidthMM  = 500
	MaxHeightMM = 1000
)

// ParsePreset parses a size: a preset name ("nature-single",
// "nature-double", "elsevier-single", "elsevier-double"), optionally with a
// height in mm after a colon ("nature-single:120"), or a custom
// "<width>x<height>" or "<width>" in mm ("120x80", "120"). The error lists
// the legal values.
func ParsePreset(s string) (Size, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	name, hs, hasH := strings.Cut(t, ":")
	for _, p := range Presets {
		if name == p.Name {
			if !hasH {
				return p, nil
			}
			h, err := parseMM(hs)
			if err != nil {
				return Size{}, fmt.Errorf("figure: size %q: height: %v", s, err)
			}
			p.HeightMM = h
			return p, p.check()
		}
	}
	ws, hs, hasH := strings.Cut(strings.TrimSuffix(t, "mm"), "x")
	w, err := parseMM(ws)
	if err != nil || hasH && hs == "" {
		return Size{}, fmt.Errorf("figure: unknown size %q (legal values: %s, <preset>:<height mm>, <width mm>x<height mm>, <width mm>)", s, presetNames())
	}
	sz := Size{Name: "custom", WidthMM: w}
	if hasH {
		h, err := parseMM(hs)
		if err != nil {
			return Size{}, fmt.Errorf("figure: size %q: height: %v", s, err)
		}
		sz.HeightMM = h
	}
	return sz, sz.check()
}

func presetNames() string {
	var ns []string
	for _, p := range Presets {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, ", ")
}

func parseMM(s string) (float64, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "mm")
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		return 0, fmt.Errorf("cannot read %q as a positive length in mm", s)
	}
	return v, nil
}

// SizeError says that a figure cannot be drawn at the size the user chose (a height
// too small for its content or its page): a setting to change, not a bug.
type SizeError struct{ Msg string }

// Error returns "figure: " and the message.
func (e *SizeError) Error() string { return "figure: " + e.Msg }

// check validates the size limits.
func (s Size) check() error {
	if !(s.WidthMM >= MinWidthMM && s.WidthMM <= MaxWidthMM) {
		return fmt.Errorf("figure: width %g mm out of range [%d, %d] mm (use a preset: %s)", s.WidthMM, MinWidthMM, MaxWidthMM, presetNames())
	}
	if s.HeightMM != 0 && !(s.HeightMM >= 20 && s.HeightMM <= MaxHeightMM) {
		return fmt.Errorf("figure: height %g mm out of range [20, %d] mm (or leave the height out to derive it from the content)", s.HeightMM, MaxHeightMM)
	}
	return nil
}

// String formats the size as it is accepted by ParsePreset.
func (s Size) String() string {
	base := s.Name
	if base == "" || base == "custom" {
		base = strconv.FormatFloat(s.WidthMM, 'g', -1, 64)
		if s.HeightMM > 0 {
			return base + "x" + strconv.FormatFloat(s.HeightMM, 'g', -1, 64)
		}
		return base
	}
	if s.HeightMM > 0 {
		return base + ":" + strconv.FormatFloat(s.HeightMM, 'g', -1, 64)
	}
	return base
}

func mm(v float64) vg.Length { return vg.Length(v) * vg.Millimeter }

// Measure lays the figure out at the given size and returns the printed
// width and height in millimetres (the height is derived from the content
// when size.HeightMM is 0). It fails like Render when the figure cannot be
// drawn.
func Measure(fig Figure, size Size) (widthMM, heightMM float64, err error) {
	_, h, err := prepare(fig, size)
	if err != nil {
		return 0, 0, err
	}
	return size.WidthMM, float64(h / vg.Millimeter), nil
}

func prepare(fig Figure, size Size) (layout, vg.Length, error) {
	if fig == nil {
		return nil, 0, errors.New("figure: Render called with a nil Figure")
	}
	if err := size.check(); err != nil {
		return nil, 0, err
	}
	th := newTheme(mm(size.WidthMM))
	lay, err := fig.build(th)
	if err != nil {
		return nil, 0, err
	}
	minH, natH := lay.heights()
	h := natH
	if page := mm(size.PageHeight()); size.HeightMM == 0 && h > page && minH <= page {
		// Tighter rows rather than a figure taller than the journal's page.
		h = page
	}
	if size.HeightMM > 0 {
		h = mm(size.HeightMM)
		if h < minH {
			return nil, 0, &SizeError{Msg: fmt.Sprintf("height %.0f mm too small for this content at %s: need at least %.0f mm (or leave the height out to derive it)",
				size.HeightMM, size, math.Ceil(float64(minH/vg.Millimeter)))}
		}
	}
	if h > mm(MaxHeightMM) {
		return nil, 0, fmt.Errorf("figure: content needs %.0f mm height, more than %d mm: split it (Swimmer.Pages) or use fewer rows", float64(h/vg.Millimeter), MaxHeightMM)
	}
	// Whole points keep the PDF, SVG and PNG sizes consistent.
	return lay, h, nil
}

// Render draws fig at the given size and writes it to w in format f.
// Output is deterministic: the same figure, size and format give identical
// bytes. It returns an error when the figure is empty or invalid, or when an
// explicit height is too small for the content.
func Render(w io.Writer, fig Figure, size Size, f Format) error {
	lay, h, err := prepare(fig, size)
	if err != nil {
		return err
	}
	width := mm(size.WidthMM)
	var buf bytes.Buffer
	switch f {
	case PDF:
		c := vgpdf.New(width, h)
		c.EmbedFonts(true)
		sc, err := withSubset(pdfCanvas{c}, []layout{lay}, []vg.Length{h})
		if err != nil {
			return err
		}
		lay.draw(sc, h)
		if _, err := c.WriteTo(&buf); err != nil {
			return fmt.Errorf("figure: writing PDF: %w", err)
		}
		fixPDFDates(buf.Bytes())
	case SVG:
		c := vgsvg.NewWith(vgsvg.UseWH(width, h), vgsvg.EmbedFonts(true))
		sc, err := withSubset(c, []layout{lay}, []vg.Length{h})
		if err != nil {
			return err
		}
		lay.draw(sc, h)
		if _, err := c.WriteTo(&buf); err != nil {
			return fmt.Errorf("figure: writing SVG: %w", err)
		}
	case PNG:
		c := vgimg.NewWith(vgimg.UseWH(width, h), vgimg.UseDPI(DPI))
		lay.draw(c, h)
		// BestSpeed: the same pixels, a few per cent larger, in half the
		// time of the default level (PNG encoding dominated the run time).
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, c.Image()); err != nil {
			return fmt.Errorf("figure: writing PNG: %w", err)
		}
		b, err := addPNGDensity(buf.Bytes(), DPI)
		if err != nil {
			return err
		}
		buf.Reset()
		buf.Write(b)
	default:
		return fmt.Errorf("figure: unknown format %v (legal values: %s)", f, strings.Join(formatNames, ", "))
	}
	_, err = w.Write(buf.Bytes())
	return err
}
