package table

import (
	"io"

	"github.com/tresp/tresp/internal/csvout"
)

// WriteCSV writes t as RFC 4180 CSV (comma-separated, LF line ends, UTF-8
// without a byte-order mark): the header row, then one record per body row,
// then, if t has footnotes, one empty record and one record per footnote with
// the note in the first field. Title and caption are not written (the file
// name carries them). Group rows keep their label in the first field; Indent
// and Bold are not represented.
//
// It writes through csvout.Writer, tresp's one CSV writer: every field,
// headers and footnotes included, is neutralised against spreadsheet
// formula injection by the rule documented in package internal/csvout.
func WriteCSV(w io.Writer, t Table) error {
	if err := t.Validate(); err != nil {
		return err
	}
	cw := csvout.NewWriter(w)
	n := len(t.Columns)
	rec := make([]string, n)
	for j, c := range t.Columns {
		rec[j] = c.flatLabel()
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range t.Rows {
		for j := range rec {
			rec[j] = r.cell(j)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	if len(t.Footnotes) > 0 {
		clear(rec)
		if err := cw.Write(rec); err != nil {
			return err
		}
		for _, f := range t.Footnotes {
			clear(rec)
			rec[0] = f
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// IsNumber reports whether s, without surrounding spaces, reads as a plain
// number (csvout.IsNumber).
func IsNumber(s string) bool { return csvout.IsNumber(s) }

// NeutralizeCSV returns the CSV field text for s under tresp's one
// neutralisation rule, documented in package internal/csvout.
func NeutralizeCSV(s string) string { return csvout.Neutralize(s) }
