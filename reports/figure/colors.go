package figure

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
)

// Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), in its usual order.
var (
	Orange        = color.RGBA{0xE6, 0x9F, 0x00, 0xFF}
	SkyBlue       = color.RGBA{0x56, 0xB4, 0xE9, 0xFF}
	BluishGreen   = color.RGBA{0x00, 0x9E, 0x73, 0xFF}
	Yellow        = color.RGBA{0xF0, 0xE4, 0x42, 0xFF}
	Blue          = color.RGBA{0x00, 0x72, 0xB2, 0xFF}
	Vermillion    = color.RGBA{0xD5, 0x5E, 0x00, 0xFF}
	ReddishPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xFF}
	Black         = color.RGBA{0x00, 0x00, 0x00, 0xFF}
)

// Palette is the Okabe–Ito palette in its usual order.
var Palette = []color.RGBA{Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Black}

// seriesColors is the order in which series (drugs, regimens) take colours:
// black is kept for markers and text, and neighbours differ in lightness.
var seriesColors = []color.RGBA{Blue, Orange, BluishGreen, ReddishPurple, SkyBlue, Vermillion, Yellow}

var (
	white     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	greyDark  = color.RGBA{0x40, 0x40, 0x40, 0xFF}
	greyMid   = color.RGBA{0x80, 0x80, 0x80, 0xFF}
	greyLight = color.RGBA{0xC8, 0xC8, 0xC8, 0xFF}
	greyFaint = color.RGBA{0xE8, 0xE8, 0xE8, 0xFF}
)

func seriesColor(i int) color.RGBA { return seriesColors[i%len(seriesColors)] }

// alpha returns c with opacity a (premultiplied, as image/color requires).
func alpha(c color.RGBA, a float64) color.RGBA {
	f := func(v uint8) uint8 { return uint8(math.Round(float64(v) * a)) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), uint8(math.Round(255 * a))}
}

// luminance is the relative luminance of c (sRGB, WCAG definition).
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// textOn returns black or white, whichever reads better on background c.
func textOn(c color.RGBA) color.RGBA {
	if luminance(c) < 0.2 {
		return white
	}
	return Black
}

// dashes are line styles for series, so curves differ in greyscale too.
var dashes = [][]vg.Length{nil, {3, 1.5}, {0.8, 1.2}, {3, 1.2, 0.8, 1.2}, {5, 2}, {1.5, 1.5}}

func dashFor(i int) []vg.Length { return dashes[i%len(dashes)] }
