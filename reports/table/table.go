package table

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tresp/tresp/internal/csvout"
)

// Align is the horizontal alignment of a column.
type Align int

// Alignments. AlignDefault is right for Numeric columns and left otherwise.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// String returns the alignment name: "default", "left", "center" or "right".
func (a Align) String() string {
	switch a {
	case AlignLeft:
		return "left"
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	case AlignDefault:
		return "default"
	}
	return fmt.Sprintf("Align(%d)", int(a))
}

// Column describes one column of a Table.
type Column struct {
	// Key is a stable machine name for the column (for callers looking
	// columns up with Table.ColumnIndex); it is written only when Header is empty.
	Key string
	// Header is the text shown in the header row.
	Header string
	// Align is the horizontal alignment of the column's cells and header.
	Align Align
	// Numeric marks a column of numbers: it aligns right by default. It
	// never exempts a CSV cell from formula neutralisation unless the cell
	// itself reads as a number (see the package documentation).
	Numeric bool
	// Group is a spanning header over adjacent columns with the same Group
	// ("ITT", "Evaluable"): LaTeX, HTML and DOCX write it as a header row
	// above the column headers, CSV and Markdown (no spans) as
	// "Group: Header". "" for none.
	Group string
}

// flatLabel is the header for formats without spanning headers.
func (c Column) flatLabel() string {
	if c.Group == "" {
		return c.label()
	}
	return c.Group + ": " + c.label()
}

// span is a run of adjacent columns [from, to] with the same Group.
type span struct {
	label    string
	from, to int
}

// spans returns the Group runs of t's columns (empty-group runs included,
// with an empty label), or nil when no column has a Group.
func (t Table) spans() []span {
	any := false
	for _, c := range t.Columns {
		any = any || c.Group != ""
	}
	if !any {
		return nil
	}
	var out []span
	for j, c := range t.Columns {
		if len(out) > 0 && c.Group != "" && out[len(out)-1].label == c.Group {
			out[len(out)-1].to = j
			continue
		}
		out = append(out, span{c.Group, j, j})
	}
	return out
}

// label returns the header text, falling back to the key.
func (c Column) label() string {
	if c.Header != "" {
		return c.Header
	}
	return c.Key
}

// align resolves AlignDefault.
func (c Column) align() Align {
	if c.Align == AlignDefault {
		if c.Numeric {
			return AlignRight
		}
		return AlignLeft
	}
	return c.Align
}

// Row is one body row of a Table.
type Row struct {
	// Cells holds the cell texts in column order. A row may have fewer
	// cells than the table has columns (the rest are empty), never more.
	Cells []string
	// Group marks a section label row (a Table 1 heading such as "Sex"):
	// Cells[0] is written bold across the full width of the table and any
	// other cells must be empty.
	Group bool
	// Indent is the indentation level of the first cell (0 = none), used
	// for the levels under a Group row.
	Indent int
	// Bold writes every cell of the row in bold (e.g. a "Total" row).
	Bold bool
}

// Table is a publication table: a title, a header row, body rows and
// footnotes. All texts are plain text; every writer escapes them for its
// format.
type Table struct {
	// Title is the table title ("Response by drug").
	Title string
	// Caption is optional explanatory text shown under the title.
	Caption string
	// Columns defines the header row; a table needs at least one column.
	Columns []Column
	// Rows are the body rows.
	Rows []Row
	// Footnotes are written below the table, one paragraph each, in order.
	Footnotes []string
	// Label is the cross-reference key of the LaTeX table ("tab:pooled"),
	// written as \label{} after the caption; "" for none.
	Label string
}

// ColumnIndex returns the index of the column with the given key, or -1.
func (t Table) ColumnIndex(key string) int {
	for i, c := range t.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// cell returns the text of cell j of row r, or "" past the row's end.
func (r Row) cell(j int) string {
	if j < len(r.Cells) {
		return r.Cells[j]
	}
	return ""
}

// label returns the text of a group row.
func (r Row) label() string { return r.cell(0) }

// Validate reports the first structural problem of t: no columns, a row
// with more cells than columns, a group row with text beyond its label, a
// negative indent or an unknown alignment. Every writer calls it first.
func (t Table) Validate() error {
	name := t.Title
	if name == "" {
		name = "untitled"
	}
	if len(t.Columns) == 0 {
		return fmt.Errorf("table %q: no columns (give the table at least one Column)", name)
	}
	for j, c := range t.Columns {
		if c.Align < AlignDefault || c.Align > AlignRight {
			return fmt.Errorf("table %q: column %d (%q): unknown alignment %d (use AlignDefault, AlignLeft, AlignCenter or AlignRight)", name, j+1, c.label(), int(c.Align))
		}
	}
	for i, r := range t.Rows {
		if len(r.Cells) > len(t.Columns) {
			return fmt.Errorf("table %q: row %d has %d cells but the table has %d columns (add columns or drop cells)", name, i+1, len(r.Cells), len(t.Columns))
		}
		if r.Indent < 0 {
			return fmt.Errorf("table %q: row %d: negative indent %d (use 0 or more)", name, i+1, r.Indent)
		}
		if r.Group {
			for j := 1; j < len(r.Cells); j++ {
				if r.Cells[j] != "" {
					return fmt.Errorf("table %q: row %d is a group row but cell %d is not empty (a group row carries only its label in cell 1)", name, i+1, j+1)
				}
			}
		}
	}
	return nil
}

// Format is an output format for Write.
type Format int

// Output formats.
const (
	CSV Format = iota + 1
	Markdown
	LaTeX
	HTML
	DOCX
)

// formatNames registers every format: its name (and file extension) and
// its writer. A new format is a file with its constant and writer, and
// one row here; ParseFormat, Formats, Write and the tables.formats
// setting read this list.
var formatNames = []struct {
	f     Format
	name  string
	write func(io.Writer, Table) error
}{
	{CSV, "csv", WriteCSV},
	{Markdown, "md", WriteMarkdown},
	{LaTeX, "tex", WriteLaTeX},
	{HTML, "html", WriteHTML},
	{DOCX, "docx", WriteDOCX},
}

// formatList is the names of formatNames, comma-separated.
func formatList() string {
	names := make([]string, len(formatNames))
	for i, n := range formatNames {
		names[i] = n.name
	}
	return strings.Join(names, ", ")
}

// Formats returns every format in a fixed order: csv, md, tex, html, docx.
func Formats() []Format {
	out := make([]Format, len(formatNames))
	for i, n := range formatNames {
		out[i] = n.f
	}
	return out
}

// String returns the format's name, which is also its file extension
// without the dot: "csv", "md", "tex", "html" or "docx".
func (f Format) String() string {
	for _, n := range formatNames {
		if n.f == f {
			return n.name
		}
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Ext returns the file extension for f, with the dot (".csv").
func (f Format) Ext() string { return "." + f.String() }

// ParseFormat returns the format named s (case-insensitive; "markdown",
// "latex" and "htm" are accepted as aliases). Its error lists the legal values.
func ParseFormat(s string) (Format, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	switch k {
	case "markdown":
		k = "md"
	case "latex":
		k = "tex"
	case "htm":
		k = "html"
	}
	for _, n := range formatNames {
		if n.name == k {
			return n.f, nil
		}
	}
	return 0, fmt.Errorf("table: unknown format %q (use one of %s)", s, formatList())
}

// Set parses s into f (see ParseFormat), so that *Format is a flag value
// (flag.Value, pflag.Value).
func (f *Format) Set(s string) error {
	v, err := ParseFormat(s)
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// Type returns "format", the value's name in pflag help.
func (f *Format) Type() string { return "format" }

// ErrFormat is returned (wrapped) by Write for a Format value that is not one
// of the declared constants.
var ErrFormat = errors.New("table: unknown format")

// Write writes t to w in the given format.
func Write(w io.Writer, t Table, format Format) error {
	for _, n := range formatNames {
		if n.f == format {
			return n.write(w, t)
		}
	}
	return fmt.Errorf("%w %d (use one of %s)", ErrFormat, int(format), formatList())
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// cleanText normalises line ends to LF, drops control characters other than
// tab and LF (C0, DEL and C1) and replaces invalid UTF-8 with U+FFFD.
func cleanText(s string) string { return csvout.Clean(s) }
