package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
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

// RowReader reads the rows of a small delimited file of settings or words (a vocabulary
// or lexicon file) with the position of each field.
type RowReader interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// NewRowReader returns the reader of data: tab-separated (a TSVReader, quotes as text)
// when its first line that is neither blank nor a # comment has a tab, else
// comma-separated (encoding/csv, # comments, rows of any length).
func NewRowReader(data []byte) RowReader {
	for _, line := range bytes.Split(data, []byte("\n")) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			if bytes.IndexByte(line, '\t') >= 0 {
				return NewTSVReader(data)
			}
			break
		}
	}
	c := csv.NewReader(bytes.NewReader(data))
	c.Comment, c.FieldsPerRecord = '#', -1
	return c
}

// ReadError turns an error of a RowReader of file name into a *PositionError when it has
// a position (a CSV quoting error).
func ReadError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &PositionError{File: name, Line: pe.Line, Col: pe.Column, Msg: fmt.Sprintf("%v (quote the whole field or remove the stray quote)", pe.Err)}
	}
	return fmt.Errorf("%s: %v", name, err)
}
