package xlsxio

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tresp/tresp/data"
)

// headerSearchRows is how many rows at the top of a sheet are searched for
// its header row (title lines above the header are common).
const headerSearchRows = 20

// Workbook is an open .xlsx file.
type Workbook struct {
	f    *excelize.File
	name string
}

// Open opens the workbook at path, named name in messages. Errors are
// *data.InputError.
func Open(path, name string) (*Workbook, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, data.NewInputError(name, "not-xlsx", "cannot read the workbook: "+err.Error(),
			"save it from Excel as .xlsx (Excel Workbook), or export the sheet as CSV UTF-8")
	}
	return &Workbook{f: f, name: name}, nil
}

// Close closes the workbook.
func (w *Workbook) Close() error { return w.f.Close() }

// Sheets returns the sheet names in workbook order.
func (w *Workbook) Sheets() []string { return w.f.GetSheetList() }

// TableSheets returns the sheets whose header tresp recognises: among the
// first rows, one with at least two cells naming a field of docs/schema.md.
func (w *Workbook) TableSheets() ([]string, error) {
	var out []string
	for _, s := range w.Sheets() {
		rows, err := w.rows(s, headerSearchRows)
		if err != nil {
			return nil, err
		}
		if _, ok := headerRow(rows); ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// rows returns up to max rows of sheet (all when max ≤ 0), each as
// displayed, with merged ranges filled; blank rows are kept as nil so
// that indices are sheet rows − 1.
func (w *Workbook) rows(sheet string, max int) ([][]string, error) {
	rs, err := w.f.Rows(sheet)
	if err != nil {
		return nil, data.NewInputError(w.name, "not-xlsx", fmt.Sprintf("sheet %q: %v", sheet, err), "")
	}
	defer rs.Close()
	var out [][]string
	for rs.Next() {
		if max > 0 && len(out) >= max {
			break
		}
		cols, err := rs.Columns()
		if err != nil {
			return nil, data.NewInputError(w.name, "not-xlsx", fmt.Sprintf("sheet %q row %d: %v", sheet, len(out)+1, err), "")
		}
		out = append(out, cols)
	}
	if err := rs.Error(); err != nil {
		return nil, data.NewInputError(w.name, "not-xlsx", fmt.Sprintf("sheet %q: %v", sheet, err), "")
	}
	merged, err := w.f.GetMergeCells(sheet)
	if err != nil {
		return nil, data.NewInputError(w.name, "not-xlsx", fmt.Sprintf("sheet %q: %v", sheet, err), "")
	}
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		v := m.GetCellValue()
		for r := r1; r <= r2 && r <= len(out); r++ {
			for c := c1; c <= c2; c++ {
				for len(out[r-1]) < c {
					out[r-1] = append(out[r-1], "")
				}
				if out[r-1][c-1] == "" {
					out[r-1][c-1] = v
				}
			}
		}
	}
	return out, nil
}

// headerRow returns the index of the first row with at least two cells
// that name a field.
func headerRow(rows [][]string) (int, bool) {
	for i, r := range rows {
		if i >= headerSearchRows {
			break
		}
		known := 0
		for _, c := range r {
			name, _ := data.SplitHeaderUnit(c)
			if _, ok := data.FieldByName(c); ok {
				known++
			} else if _, ok := data.FieldByName(name); ok {
				known++
			}
		}
		if known >= 2 {
			return i, true
		}
	}
	return 0, false
}

// Reader streams the rows of one sheet after its header.
type Reader struct {
	header []string
	rows   [][]string
	next   int // index into rows
}

// Sheet reads sheet: its header is the first recognisable header row, or
// the first non-blank row when none is recognisable.
func (w *Workbook) Sheet(sheet string) (*Reader, error) {
	found := false
	for _, s := range w.Sheets() {
		found = found || s == sheet
	}
	if !found {
		return nil, data.NewInputError(w.name, "no-sheet", fmt.Sprintf("no sheet %q", sheet),
			"the workbook has "+quoteList(w.Sheets()))
	}
	rows, err := w.rows(sheet, 0)
	if err != nil {
		return nil, err
	}
	h, ok := headerRow(rows)
	if !ok {
		h = -1
		for i, r := range rows {
			if !blank(r) {
				h = i
				break
			}
		}
		if h < 0 {
			return nil, data.NewInputError(w.name, "empty-file", fmt.Sprintf("sheet %q is empty", sheet), "")
		}
	}
	header := rows[h]
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1]
	}
	return &Reader{header: header, rows: rows, next: h + 1}, nil
}

// Header returns the header cells.
func (r *Reader) Header() []string { return r.header }

// Next returns the next non-blank row and its sheet row number (1-based),
// or io.EOF.
func (r *Reader) Next() ([]string, int, error) {
	for r.next < len(r.rows) {
		i := r.next
		r.next++
		if !blank(r.rows[i]) {
			return r.rows[i], i + 1, nil
		}
	}
	return nil, 0, io.EOF
}

func blank(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
