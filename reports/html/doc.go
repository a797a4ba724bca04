// Package html owns tresp's report page: one self-contained HTML5 file
// with the figures, tables, warnings, quarantined rows, input hashes,
// effective configuration and tool version of an analysis.
//
// The page opens offline and needs no script: the style sheet is inline,
// figures are inline SVG, and nothing is linked from outside (no fonts, no
// images, no scripts). Fonts come from a sans-serif stack every platform
// has (Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans);
// tables are three-line tables with thin rules; print rules keep figures
// whole, repeat table headers and start the body after the table of
// contents.
//
// All text is escaped by html/template, and tables go through
// table.WriteHTML, which escapes every cell. The only markup taken as is
// is figure SVG, which comes from tresp's own figure package; even so it
// is cleaned (XML declaration, comments and DOCTYPE before the root
// removed; ids prefixed per figure so that figures cannot capture each
// other's references) and refused if it holds a script, an event handler,
// a foreignObject or an external reference (see InlineSVG).
//
// Output is deterministic: no timestamps, fixed order everywhere, so the
// same Report gives the same bytes.
package html
