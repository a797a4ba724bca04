package table

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tresp/tresp/internal/textsafe"
)

// WriteHTML writes t as an HTML5 <table class="tresp-table"> fragment: the
// title and caption in <caption>, the header row in <thead>, the body rows
// in <tbody> and the footnotes as full-width cells in <tfoot>. Alignment,
// indentation and bold are inline styles, so the fragment looks right
// without a style sheet; classes (group, bold, note, table-title,
// table-caption) let a page style it further. Group rows are a <th
// scope="rowgroup"> spanning all columns.
//
// All text is escaped (see EscapeHTML); a newline inside a cell becomes <br>.
func WriteHTML(w io.Writer, t Table) error {
	if err := t.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	n := len(t.Columns)
	bw.WriteString("<table class=\"tresp-table\">\n")
	if t.Title != "" || t.Caption != "" {
		bw.WriteString("<caption>")
		if t.Title != "" {
			bw.WriteString("<span class=\"table-title\">" + EscapeHTML(oneLine(t.Title)) + "</span>")
		}
		if t.Title != "" && t.Caption != "" {
			bw.WriteString(" ")
		}
		if t.Caption != "" {
			bw.WriteString("<span class=\"table-caption\">" + EscapeHTML(oneLine(t.Caption)) + "</span>")
		}
		bw.WriteString("</caption>\n")
	}
	bw.WriteString("<thead>\n")
	if sp := t.spans(); sp != nil {
		bw.WriteString("<tr>")
		for _, s := range sp {
			if s.label == "" {
				for j := s.from; j <= s.to; j++ {
					bw.WriteString("<td></td>")
				}
				continue
			}
			fmt.Fprintf(bw, "<th scope=\"colgroup\" colspan=\"%d\" style=\"text-align:center;border-bottom:1px solid\">%s</th>", s.to-s.from+1, htmlText(s.label))
		}
		bw.WriteString("</tr>\n")
	}
	bw.WriteString("<tr>")
	for _, c := range t.Columns {
		fmt.Fprintf(bw, "<th scope=\"col\" style=\"text-align:%s\">%s</th>", c.align(), htmlText(c.label()))
	}
	bw.WriteString("</tr>\n</thead>\n<tbody>\n")
	for _, r := range t.Rows {
		indent := ""
		if r.Indent > 0 {
			indent = fmt.Sprintf(";padding-left:%gem", 0.4+1.2*float64(r.Indent))
		}
		if r.Group {
			fmt.Fprintf(bw, "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"%d\" style=\"text-align:left%s\">%s</th></tr>\n", n, indent, htmlText(r.label()))
			continue
		}
		if r.Bold {
			bw.WriteString("<tr class=\"bold\" style=\"font-weight:bold\">")
		} else {
			bw.WriteString("<tr>")
		}
		for j, c := range t.Columns {
			style := "text-align:" + c.align().String()
			if j == 0 {
				style += indent
			}
			fmt.Fprintf(bw, "<td style=\"%s\">%s</td>", style, htmlText(r.cell(j)))
		}
		bw.WriteString("</tr>\n")
	}
	bw.WriteString("</tbody>\n")
	if len(t.Footnotes) > 0 {
		bw.WriteString("<tfoot>\n")
		for _, f := range t.Footnotes {
			fmt.Fprintf(bw, "<tr><td class=\"note\" colspan=\"%d\">%s</td></tr>\n", n, htmlText(f))
		}
		bw.WriteString("</tfoot>\n")
	}
	bw.WriteString("</table>\n")
	return bw.Flush()
}

// htmlText escapes s and turns newlines into <br>.
func htmlText(s string) string {
	return strings.ReplaceAll(EscapeHTML(normalizeNewlines(s)), "\n", "<br>")
}

// EscapeHTML returns s escaped for HTML text and attribute values: & < > "
// and ' become character references, control, bidirectional-override and
// zero-width characters (textsafe.Hidden) are shown as "[U+202E]", and
// invalid UTF-8 becomes U+FFFD.
func EscapeHTML(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteRune('\ufffd')
				continue
			}
		}
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '\t', '\n':
			b.WriteRune(r)
		default:
			if textsafe.Hidden(r) {
				b.WriteString("[" + textsafe.Name(r) + "]")
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
