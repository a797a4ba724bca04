package csvio

import (
	"io"
	"strings"
)

// TSVReader reads tab-separated rows as they are written: one row a line, fields split at
// tabs, no quoting — a note that begins with a quotation mark is text, not the start of a
// quoted field that would swallow the lines after it. Lines starting with # and blank lines
// are skipped; a trailing CR is dropped.
type TSVReader struct {
	lines []string
	next  int   // index of the next line to read
	line  int   // 1-based line number of the row last read
	cols  []int // 1-based byte column of each field of the row last read
}

// NewTSVReader returns a reader of the tab-separated rows of data.
func NewTSVReader(data []byte) *TSVReader {
	return &TSVReader{lines: strings.Split(string(data), "\n")}
}

// Read returns the fields of the next row, or io.EOF.
func (r *TSVReader) Read() ([]string, error) {
	for r.next < len(r.lines) {
		l := strings.TrimSuffix(r.lines[r.next], "\r")
		r.next++
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		r.line = r.next
		fields := strings.Split(l, "\t")
		r.cols = r.cols[:0]
		col := 1
		for _, f := range fields {
			r.cols = append(r.cols, col)
			col += len(f) + 1
		}
		return fields, nil
	}
	return nil, io.EOF
}

// FieldPos returns the line and column of a field of the row last read.
func (r *TSVReader) FieldPos(field int) (line, column int) {
	if field < 0 || field >= len(r.cols) {
		return r.line, 1
	}
	return r.line, r.cols[field]
}
