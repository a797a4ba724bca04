package table

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
)

// mdIndent is the Markdown text for one indentation level.
const mdIndent = "&nbsp;&nbsp;&nbsp;&nbsp;"

// WriteMarkdown writes t as a GitHub-flavoured Markdown pipe table: the
// title in bold, the caption, the table, and one paragraph per footnote,
// separated by blank lines. Columns are padded to a common width so the
// source reads as a table too.
//
// Text is escaped so that it renders verbatim: backslash and the ASCII
// punctuation Markdown gives meaning to inline (| \ ` * _ [ ] < > ~ $ &)
// get a backslash, a newline inside a cell becomes <br>, and a paragraph
// line that would start a heading, list or quote gets its marker escaped.
// Group rows carry their label in bold in the first cell (pipe tables have
// no column spans); each Indent level is four &nbsp;.
func WriteMarkdown(w io.Writer, t Table) error {
	if err := t.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if t.Title != "" {
		bw.WriteString("**" + strings.TrimSpace(mdInline(t.Title, " ")) + "**\n\n")
	}
	if t.Caption != "" {
		bw.WriteString(mdParagraph(t.Caption) + "\n\n")
	}

	n := len(t.Columns)
	rows := make([][]string, 0, len(t.Rows)+1)
	head := make([]string, n)
	for j, c := range t.Columns {
		head[j] = mdCell(c.flatLabel(), false)
	}
	rows = append(rows, head)
	for _, r := range t.Rows {
		rec := make([]string, n)
		if r.Group {
			rec[0] = mdCell(r.label(), true)
		} else {
			for j := range rec {
				rec[j] = mdCell(r.cell(j), r.Bold)
			}
		}
		if r.Indent > 0 && rec[0] != "" {
			rec[0] = strings.Repeat(mdIndent, r.Indent) + rec[0]
		}
		rows = append(rows, rec)
	}
	width := make([]int, n)
	for j := range width {
		width[j] = 3
	}
	for _, rec := range rows {
		for j, s := range rec {
			width[j] = max(width[j], utf8.RuneCountInString(s))
		}
	}
	writeRow := func(rec []string) {
		bw.WriteString("|")
		for j, s := range rec {
			bw.WriteString(" " + s + strings.Repeat(" ", width[j]-utf8.RuneCountInString(s)) + " |")
		}
		bw.WriteString("\n")
	}
	writeRow(rows[0])
	bw.WriteString("|")
	for j, c := range t.Columns {
		d := strings.Repeat("-", width[j])
		switch c.align() {
		case AlignLeft:
			d = ":" + d[1:]
		case AlignCenter:
			d = ":" + d[2:] + ":"
		case AlignRight:
			d = d[1:] + ":"
		}
		bw.WriteString(" " + d + " |")
	}
	bw.WriteString("\n")
	for _, rec := range rows[1:] {
		writeRow(rec)
	}
	for _, f := range t.Footnotes {
		bw.WriteString("\n" + mdParagraph(f) + "\n")
	}
	return bw.Flush()
}

// mdSpecial lists the ASCII punctuation escaped with a backslash.
const mdSpecial = "\\|`*_[]<>~$&"

// mdInline escapes s for inline Markdown; a newline becomes br.
func mdInline(s, br string) string {
	s = normalizeNewlines(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(br)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			// Control characters have no Markdown rendering: drop them.
		case r < utf8.RuneSelf && strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCell returns the escaped text of a table cell, bold if asked.
func mdCell(s string, bold bool) string {
	s = strings.TrimSpace(mdInline(s, "<br>"))
	if bold && s != "" {
		return "**" + s + "**"
	}
	return s
}

// mdParagraph escapes s as a paragraph: newlines become hard line breaks
// and a line that would open a block (heading, list, quote, rule, code) has
// its marker escaped.
func mdParagraph(s string) string {
	lines := strings.Split(mdInline(s, "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		lines[i] = mdBlockSafe(l)
	}
	return strings.Join(lines, "\\\n")
}

// mdBlockSafe escapes the first character of l if it would open a block.
func mdBlockSafe(l string) string {
	if l == "" {
		return l
	}
	switch l[0] {
	case '#', '+', '-', '=', '>':
		return "\\" + l
	}
	// Ordered list marker: digits followed by '.' or ')'.
	i := 0
	for i < len(l) && i < 9 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i < len(l) && (l[i] == '.' || l[i] == ')') {
		return l[:i] + "\\" + l[i:]
	}
	return l
}
