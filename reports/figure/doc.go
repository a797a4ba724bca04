// Package figure owns the publication figures of tresp: forest plots of
// response rate, 100 % stacked outcome bars, swimmer plots, cumulative
// response (1 − Kaplan–Meier) curves and dose–response plots, each with a
// draft Markdown caption, rendered to PDF, PNG or SVG on an io.Writer.
//
// Figures take plain values (one struct per figure) and never read files.
// Render lays a figure out at a Size and writes it in a Format; output is
// byte-for-byte deterministic: the PDF creation and modification dates,
// which the PDF writer takes from the wall clock, are fixed to
// D:20000101000000, and nothing depends on map order or time.
//
// Sizes. Presets are the journal column widths Nature single 89 mm and
// double 183 mm, Elsevier single 90 mm and double 190 mm (ParsePreset:
// "nature-single", "nature-double", "elsevier-single", "elsevier-double",
// optionally ":<height mm>", or a custom "<width>x<height>" / "<width>" in
// mm). When no height is given it is derived from the content (rows, lanes,
// panels) and held to the page height of the size (Size.PageHeight:
// Nature 170 mm, Elsevier 240 mm): a forest plot taller than a page is
// split into pages at its natural row pitch; other figures tighten their
// rows toward their minimum, and outcome bars that still do not fit are
// split too (see Pages). An explicit height too small for the content is
// an error. PNG is rendered at 300 dpi (89 mm → 1051 px) and carries a
// pHYs chunk saying so.
// PDF embeds the TrueType font (Liberation Sans, metric-compatible with
// Arial) and SVG embeds it as @font-face, both as a subset holding only the
// glyphs the figure draws (internal/ttfsubset; a few kB instead of 412 kB),
// named TAG+LiberationSans in PDF and family "Liberation Sans TAG" in SVG so
// that figures inlined in one HTML page keep their own glyphs.
//
// Text. One face, Liberation Sans Regular, is used throughout (bold faces
// break vgpdf's font registration and its catalogue order). Sizes are 6.5,
// 7 and 8 pt below 120 mm width and 7, 8 and 9 pt above; nothing is drawn
// below MinFontPt (6 pt). Labels are measured with the font: columns are
// sized to their text, long labels wrap (at spaces, then hyphens and
// slashes) onto up to three lines (two for swimmer lanes) and are cut with
// an ellipsis only beyond that. Text is cleaned to the Windows-1252
// repertoire of the PDF font plus the Greek letters (control characters
// become spaces, "≥" becomes ">=", other runes "?"), so every format shows
// the same text; PDF draws the Greek letters (τ) as glyph outlines.
//
// Colour. Series take colours from the Okabe–Ito palette (#E69F00 #56B4E9
// #009E73 #F0E442 #0072B2 #D55E00 #CC79A7 #000000), and every encoding also
// survives greyscale printing: forest plots use marker shape (square,
// diamond) and grey for study rows; outcome bars use a lightness ramp
// (blue, sky blue, yellow, white) for the response levels, vermillion for
// progression, hatching for not evaluable, and outlined segments; swimmer
// regimens take the seven colours, then hatching, and beyond SwimmerKeys
// (8) regimens only those with the most lanes are keyed, the others grey
// and named in the caption; cumulative response curves
// differ in line style (solid, dashed, dotted, dash-dot…) and their
// translucent interval bands have edges in the same style; dose–response
// drugs differ in marker shape as well as colour. No style repeats within
// a figure: a dose–response plot draws at most DoseStyles (35) drugs and a
// cumulative response plot CumStyles (42) curves, those with the most
// patients, and the caption names the others and says why.
//
// Pages. Paginate splits a figure taller than a page into pages that
// Render draws one by one (PNG and SVG: a file per page) and RenderPages
// writes as one multi-page PDF. A forest plot is split between drugs,
// never inside a drug's block of studies, pooled diamond and
// heterogeneity line unless that block alone is taller than a page (it
// then continues under a "(continued)" heading); outcome bars between
// bars. Pages are about equally full, share the column widths, marker
// scale, legend and axis, have one printed height, and each says "Page k
// of n" under its axis; the caption says how the figure is split.
//
// Jitter. Dose–response points are jittered vertically only, by a fixed
// function of the point: FNV-1a 64 of its ID (or, without an ID, of drug,
// dose, outcome and position), mixed with SplitMix64 and mapped to
// [−JitterWidth/2, +JitterWidth/2) outcome levels. No random generator is
// used, so the same data give the same figure.
//
// Swimmer cap. A swimmer plot draws at most SwimmerCap (40) lanes, or
// Swimmer.MaxLanes; beyond that it says "Showing N of M patients." on the
// figure and in the caption. Swimmer.Pages splits the lanes into pages
// sharing one time axis and regimen colours, each marked "Patients a–b of
// M (page i of n)".
package figure
