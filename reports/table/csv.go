package table

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"
)

// WriteCSV writes t as RFC 4180 CSV (comma-separated, LF line ends, UTF-8
// without a byte-order mark): the header row, then one record per body row,
// then, if t has footnotes, one empty record and one record per footnote with
// the note in the first field. Title and caption are not written (the file
// name carries them). Group rows keep their label in the first field; Indent
// and Bold are not represented.
//
// Every field, headers and footnotes included, is neutralised against
// spreadsheet formula injection with NeutralizeCSV.
func WriteCSV(w io.Writer, t Table) error {
	if err := t.Validate(); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	n := len(t.Columns)
	rec := make([]string, n)
	for j, c := range t.Columns {
		rec[j] = NeutralizeCSV(c.flatLabel())
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range t.Rows {
		for j := range rec {
			rec[j] = NeutralizeCSV(r.cell(j))
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
			rec[0] = NeutralizeCSV(f)
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// numberRE matches what a spreadsheet reads as a plain number: an optional
// sign, decimal digits with optional thousands commas, an optional fraction
// and exponent, an optional percent sign; or a signed Inf/Infinity/NaN.
var numberRE = regexp.MustCompile(`^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$|^(?i:[+-]?(?:inf|infinity|nan))$`)

// IsNumber reports whether s, without surrounding spaces, reads as a plain
// number: "-0.5", "+3", "1,234.5", "1e-3", "-12.5%", "-Inf", "NaN". Hex
// floats, expressions ("-2+3") and intervals ("-0.1 (-0.3, 0.2)") are not
// numbers.
func IsNumber(s string) bool {
	return numberRE.MatchString(strings.TrimSpace(s))
}

// NeutralizeCSV returns the CSV field text for s: line ends are normalised
// to LF, control characters other than tab and LF are dropped, invalid
// UTF-8 becomes U+FFFD, and, if s could start a spreadsheet formula, a single quote is
// prefixed. s could start a formula when its first character is = + - @ tab
// CR or LF, or its first character after leading spaces, tabs and line
// ends is = + - @ — unless
// s reads as a plain number (IsNumber) or consists only of '-' characters
// (a "not applicable" placeholder), which stay unchanged so that spreadsheets
// keep them numeric.
func NeutralizeCSV(s string) string {
	if s == "" {
		return s
	}
	s = cleanText(s)
	if IsNumber(s) || strings.Trim(s, "-") == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\n':
		return "'" + s
	}
	t := strings.TrimLeft(s, " \t\n")
	if t != "" {
		switch t[0] {
		case '=', '+', '-', '@':
			return "'" + s
		}
	}
	return s
}
