package html

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/tresp/tresp/internal/textsafe"
	"github.com/tresp/tresp/reports/table"
)

// Figure is one figure of a report.
type Figure struct {
	// Title is the figure's title, shown in bold before the caption and in
	// the table of contents.
	Title string
	// Caption is optional explanatory text.
	Caption string
	// SVG is the figure as SVG markup from tresp's figure package. It is
	// inlined as trusted markup after InlineSVG's clean-up and checks.
	// For a figure split over pages it is the first page.
	SVG []byte
	// Pages are the further pages of a figure split over pages (pages 2,
	// 3, …), as SVG like SVG, shown in order under it with one caption.
	Pages [][]byte
}

// Input is one input file of the analysis.
type Input struct {
	// Path is the file name as given to tresp.
	Path string
	// SHA256 is the lower-case hex SHA-256 of the file's bytes.
	SHA256 string
	// Note is optional, e.g. "142 rows, 3 quarantined".
	Note string
}

// Report is the content of one report page. Every string is plain text
// and is escaped; only Figure.SVG is markup. Control, bidirectional-override
// and zero-width characters are shown as "[U+202E]" (internal/textsafe).
type Report struct {
	// Title is the page title; "tresp report" if empty.
	Title string
	// Summary holds introductory paragraphs, shown under the title.
	Summary []string
	// Figures are shown in order, in the section "Figures".
	Figures []Figure
	// Tables are shown in order, in the section "Tables", through
	// table.WriteHTML.
	Tables []table.Table
	// Warnings are listed in the section "Warnings" ("None." if empty).
	Warnings []string
	// Accepted lists the classes of problem a strict run accepts, with
	// the reason of each, shown under the warnings; a table with no rows
	// (or no columns) shows nothing.
	Accepted table.Table
	// Quarantined holds the rows rejected at ingest, with the reason in a
	// column; a table with no rows (or no columns) shows "None.".
	Quarantined table.Table
	// Inputs are the input files with their hashes.
	Inputs []Input
	// Config is the effective configuration, shown verbatim.
	Config string
	// ToolVersion is tresp's version, shown under the title and in the
	// generator meta tag.
	ToolVersion string
}

// tocEntry is one line of the table of contents.
type tocEntry struct {
	ID, Text string
	Sub      []tocEntry
}

// figureView is a figure ready for the template.
type figureView struct {
	ID, Title, Caption string
	// SVG holds the figure's pages, one for a figure on one page.
	SVG []template.HTML
	// MaxWidth is the figure's on-screen width cap in CSS px: ScreenScale
	// times its printed width.
	MaxWidth int
}

// ScreenScale is how much larger than printed a figure is shown on screen
// (up to the page width): 6.5 pt figure text, 8.7 CSS px at print size,
// becomes 12.6 px, legible at 100 % zoom.
const ScreenScale = 1.45

var svgWidthRE = regexp.MustCompile(`^<svg[^>]*?\swidth="([0-9.]+)pt"`)

// screenWidth is ScreenScale times the printed width of svg in CSS px, or
// 0 when the width is not given in pt.
func screenWidth(svg []byte) int {
	m := svgWidthRE.FindSubmatch(svg)
	if m == nil {
		return 0
	}
	pt, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil || pt <= 0 {
		return 0
	}
	return int(math.Round(pt * 4 / 3 * ScreenScale))
}

// tableView is a table ready for the template.
type tableView struct {
	ID   string
	HTML template.HTML
}

// page is the template's data.
type page struct {
	Title       string
	ToolVersion string
	Summary     []string
	TOC         []tocEntry
	Figures     []figureView
	Tables      []tableView
	Warnings    []string
	Accepted    template.HTML
	Quarantine  template.HTML
	NQuarantine int
	Inputs      template.HTML
	Config      string
	CSS         template.CSS
}

// Write writes r to w as one self-contained HTML5 page: inline CSS, inline
// SVG figures, no scripts, no external links, so it opens offline and
// prints well. The same Report gives the same bytes.
//
// Write fails if a table is invalid (table.Table.Validate) or a figure's SVG
// cannot be inlined (InlineSVG); nothing is written then.
func Write(w io.Writer, r Report) error {
	p := page{
		Title:       textsafe.Visible(strings.TrimSpace(r.Title)),
		ToolVersion: r.ToolVersion,
		Summary:     r.Summary,
		Warnings:    r.Warnings,
		Config:      textsafe.Visible(r.Config),
		CSS:         template.CSS(css),
	}
	if p.Title == "" {
		p.Title = "tresp report"
	}
	if len(r.Figures) > 0 {
		sec := tocEntry{ID: "figures", Text: "Figures"}
		for i, f := range r.Figures {
			id := fmt.Sprintf("figure-%d", i+1)
			svg, err := InlineSVG(f.SVG, id+"-")
			if err != nil {
				return fmt.Errorf("html: figure %d (%q): %w", i+1, f.Title, err)
			}
			fv := figureView{ID: id, Title: textsafe.Visible(oneLine(f.Title)), Caption: f.Caption, SVG: []template.HTML{template.HTML(svg)}, MaxWidth: screenWidth(svg)}
			for k, pg := range f.Pages {
				svg, err := InlineSVG(pg, fmt.Sprintf("%s-p%d-", id, k+2))
				if err != nil {
					return fmt.Errorf("html: figure %d (%q), page %d: %w", i+1, f.Title, k+2, err)
				}
				fv.SVG = append(fv.SVG, template.HTML(svg))
			}
			p.Figures = append(p.Figures, fv)
			sec.Sub = append(sec.Sub, tocEntry{ID: id, Text: entryText("Figure", i, f.Title)})
		}
		p.TOC = append(p.TOC, sec)
	}
	if len(r.Tables) > 0 {
		sec := tocEntry{ID: "tables", Text: "Tables"}
		for i, t := range r.Tables {
			id := fmt.Sprintf("table-%d", i+1)
			var buf bytes.Buffer
			if err := table.WriteHTML(&buf, t); err != nil {
				return fmt.Errorf("html: table %d: %w", i+1, err)
			}
			p.Tables = append(p.Tables, tableView{ID: id, HTML: template.HTML(buf.String())})
			sec.Sub = append(sec.Sub, tocEntry{ID: id, Text: entryText("Table", i, t.Title)})
		}
		p.TOC = append(p.TOC, sec)
	}
	p.TOC = append(p.TOC, tocEntry{ID: "warnings", Text: fmt.Sprintf("Warnings (%d)", len(r.Warnings))})
	if len(r.Accepted.Columns) > 0 && len(r.Accepted.Rows) > 0 {
		var buf bytes.Buffer
		if err := table.WriteHTML(&buf, r.Accepted); err != nil {
			return fmt.Errorf("html: accepted problems: %w", err)
		}
		p.Accepted = template.HTML(buf.String())
	}
	if len(r.Quarantined.Columns) > 0 && len(r.Quarantined.Rows) > 0 {
		var buf bytes.Buffer
		if err := table.WriteHTML(&buf, r.Quarantined); err != nil {
			return fmt.Errorf("html: quarantined rows: %w", err)
		}
		p.Quarantine = template.HTML(buf.String())
		p.NQuarantine = len(r.Quarantined.Rows)
	}
	p.TOC = append(p.TOC, tocEntry{ID: "quarantine", Text: fmt.Sprintf("Quarantined rows (%d)", p.NQuarantine)})
	if len(r.Inputs) > 0 {
		it := table.Table{Columns: []table.Column{{Key: "path", Header: "File"}, {Key: "sha256", Header: "SHA-256"}}}
		hasNote := false
		for _, in := range r.Inputs {
			hasNote = hasNote || in.Note != ""
		}
		if hasNote {
			it.Columns = append(it.Columns, table.Column{Key: "note", Header: "Note"})
		}
		for _, in := range r.Inputs {
			row := table.Row{Cells: []string{in.Path, in.SHA256}}
			if hasNote {
				row.Cells = append(row.Cells, in.Note)
			}
			it.Rows = append(it.Rows, row)
		}
		var buf bytes.Buffer
		if err := table.WriteHTML(&buf, it); err != nil {
			return fmt.Errorf("html: inputs: %w", err)
		}
		p.Inputs = template.HTML(buf.String())
		p.TOC = append(p.TOC, tocEntry{ID: "inputs", Text: "Inputs"})
	}
	if r.Config != "" {
		p.TOC = append(p.TOC, tocEntry{ID: "configuration", Text: "Configuration"})
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return fmt.Errorf("html: rendering the page: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// entryText is the table-of-contents text of figure or table i.
func entryText(kind string, i int, title string) string {
	title = textsafe.Visible(oneLine(title))
	if title == "" {
		return fmt.Sprintf("%s %d", kind, i+1)
	}
	return title
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// lines splits s at its line ends, for rendering with <br>.
func lines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(textsafe.Visible(strings.ReplaceAll(s, "\r", "\n")), "\n")
}

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{"lines": lines}).Parse(pageHTML))

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="tresp{{with .ToolVersion}} {{.}}{{end}}">
<title>{{.Title}}</title>
<style>
{{.CSS}}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">Generated by tresp{{with .ToolVersion}} {{.}}{{end}}.</p>
{{range .Summary}}<p class="summary">{{range $i, $l := lines .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
{{end}}</header>
<nav class="toc" aria-label="Contents">
<h2>Contents</h2>
<ol>
{{range .TOC}}<li><a href="#{{.ID}}">{{.Text}}</a>{{if .Sub}}
<ol>
{{range .Sub}}<li><a href="#{{.ID}}">{{.Text}}</a></li>
{{end}}</ol>
{{end}}</li>
{{end}}</ol>
</nav>
<main>
{{if .Figures}}<section id="figures">
<h2>Figures</h2>
{{range .Figures}}<figure id="{{.ID}}"{{with .MaxWidth}} style="max-width: {{.}}px"{{end}}>
{{range .SVG}}{{.}}
{{end}}<figcaption>{{if .Title}}<span class="figure-title">{{.Title}}</span>{{end}}{{if and .Title .Caption}} {{end}}{{range $i, $l := lines .Caption}}{{if $i}}<br>{{end}}{{$l}}{{end}}</figcaption>
</figure>
{{end}}</section>
{{end}}{{if .Tables}}<section id="tables">
<h2>Tables</h2>
{{range .Tables}}<div class="table-wrap" id="{{.ID}}">
{{.HTML}}</div>
{{end}}</section>
{{end}}<section id="warnings">
<h2>Warnings</h2>
{{if .Warnings}}<ul class="warnings">
{{range .Warnings}}<li>{{range $i, $l := lines .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</li>
{{end}}</ul>
{{else}}<p>None.</p>
{{end}}{{if .Accepted}}<h3 id="accepted">Accepted by the strict policy</h3>
<div class="table-wrap">
{{.Accepted}}</div>
{{end}}</section>
<section id="quarantine">
<h2>Quarantined rows</h2>
{{if .NQuarantine}}<div class="table-wrap">
{{.Quarantine}}</div>
{{else}}<p>None.</p>
{{end}}</section>
{{if .Inputs}}<section id="inputs">
<h2>Inputs</h2>
<div class="table-wrap inputs">
{{.Inputs}}</div>
</section>
{{end}}{{if .Config}}<section id="configuration">
<h2>Configuration</h2>
<pre class="config">{{.Config}}</pre>
</section>
{{end}}</main>
<footer>
<p>tresp{{with .ToolVersion}} {{.}}{{end}}</p>
</footer>
</body>
</html>
`

// css is the page's style sheet: a sans-serif stack available offline on
// every platform, three-line tables with thin rules, and print rules.
const css = `:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "Nimbus Sans", "DejaVu Sans", sans-serif;
  font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff;
  max-width: 62rem; margin: 2.5rem auto; padding: 0 1.5rem;
  font-variant-numeric: tabular-nums; font-kerning: normal;
}
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .25rem; font-weight: 700; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 2.5rem 0 .75rem; padding-bottom: .2rem; border-bottom: 1px solid #bbb; font-weight: 700; }
p { margin: .5rem 0; }
.meta { color: #555; font-size: .9rem; margin-bottom: 1rem; }
a { color: #0b4f8a; text-decoration: none; }
a:hover { text-decoration: underline; }
nav.toc h2 { font-size: 1.05rem; border: 0; margin: 1.5rem 0 .25rem; }
nav.toc ol { margin: 0; padding-left: 1.4rem; }
nav.toc ol ol { list-style: lower-alpha; }
nav.toc li { margin: .1rem 0; }
.table-wrap { overflow-x: auto; margin: 1rem 0 2rem; }
table.tresp-table { border-collapse: collapse; font-size: .9rem; line-height: 1.35; margin: 0; }
table.tresp-table caption { caption-side: top; text-align: left; padding: 0 0 .4rem; font-size: .95rem; }
table.tresp-table .table-title { display: block; font-weight: 700; }
table.tresp-table .table-caption { display: block; color: #333; }
table.tresp-table th, table.tresp-table td { padding: .22rem .7rem; vertical-align: top; }
table.tresp-table th:first-child, table.tresp-table td:first-child { padding-left: .2rem; }
table.tresp-table thead th { font-weight: 700; vertical-align: bottom; border-top: 1.5px solid #000; border-bottom: .75px solid #000; }
table.tresp-table tbody tr:last-child > * { border-bottom: 1.5px solid #000; }
table.tresp-table tr.group th { font-weight: 700; padding-top: .55rem; }
table.tresp-table tfoot td { font-size: .85em; color: #333; padding-top: .3rem; padding-bottom: 0; }
.inputs td:nth-child(2) { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: .78rem; white-space: nowrap; }
figure { margin: 1.5rem auto 2.5rem; }
figure svg { display: block; width: 100%; height: auto; margin: 0 auto; }
figure svg + svg { margin-top: 1.2rem; }
figcaption { font-size: .9rem; margin-top: .5rem; }
.figure-title { font-weight: 700; }
ul.warnings { padding-left: 1.4rem; }
ul.warnings li { margin: .2rem 0; }
pre.config {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
  font-size: .8rem; line-height: 1.45; background: #f5f5f5; border: 1px solid #ddd; padding: .75rem 1rem;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
footer { margin-top: 3rem; padding-top: .5rem; border-top: 1px solid #ddd; color: #666; font-size: .8rem; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; }
  figure { break-inside: avoid; page-break-inside: avoid; }
  table.tresp-table caption, table.tresp-table thead { break-after: avoid; }
  table.tresp-table tr { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  nav.toc { break-after: page; }
}`
