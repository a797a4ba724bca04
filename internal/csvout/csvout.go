package csvout

import (
	"bufio"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Writer writes CSV records with every cell neutralised (see the package
// doc). Its zero value is not usable; use NewWriter.
//
// It writes what encoding/csv's Writer writes with its defaults (comma, LF line ends,
// quotes only where needed), cell by cell into its buffer: a normalised table has tens of
// millions of cells, and going through encoding/csv cost a copy of each record and a
// second scan of each cell (TestWriterMatchesEncodingCSV compares the two).
type Writer struct {
	w *bufio.Writer
}

// NewWriter returns a Writer writing to w through a 64 KB buffer (w itself when it is a
// bufio.Writer at least that large): a table of a million rows written 4 KB at a time to
// a file spent seconds in system calls.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriterSize(w, 64<<10)} }

// Write writes one record, each cell passed through Neutralize. rec is
// not modified.
func (w *Writer) Write(rec []string) error {
	for i, c := range rec {
		if i > 0 {
			w.w.WriteByte(',')
		}
		c = Neutralize(c)
		if !needsQuotes(c) {
			w.w.WriteString(c)
			continue
		}
		w.w.WriteByte('"')
		for {
			q := strings.IndexByte(c, '"')
			if q < 0 {
				break
			}
			w.w.WriteString(c[:q+1])
			w.w.WriteByte('"') // a quote is doubled
			c = c[q+1:]
		}
		w.w.WriteString(c)
		w.w.WriteByte('"')
	}
	err := w.w.WriteByte('\n')
	return err
}

// needsQuotes is encoding/csv's rule for a comma-separated field: quoted when it holds a
// comma, a quote or a line end, starts with a space, or is \. (an end-of-data marker).
func needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		if c := field[i]; c == '\n' || c == '\r' || c == '"' || c == ',' {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}

// WriteAll writes every record and flushes.
func (w *Writer) WriteAll(recs [][]string) error {
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// Flush writes buffered data to the underlying io.Writer.
func (w *Writer) Flush() { w.w.Flush() }

// Error reports an error of a previous Write or Flush.
func (w *Writer) Error() error {
	_, err := w.w.Write(nil) // bufio keeps the first error
	return err
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

// formula reports whether the cleaned text s could start a spreadsheet
// formula (ignoring leading quotes, see Neutralize). The number test (a
// regular expression) runs only for cells that start like a formula.
func formula(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '\'', ' ', '\t', '\n', '=', '+', '-', '@':
	default:
		return false // the common case, decided by the first byte alone
	}
	return formulaRule(s)
}

// formulaRule is the rule of formula without its first-byte shortcut, which
// FuzzFormulaShortcut holds the shortcut to.
func formulaRule(s string) bool {
	s = strings.TrimLeft(s, "'")
	if s == "" {
		return false
	}
	starts := func(c byte) bool { return c == '=' || c == '+' || c == '-' || c == '@' }
	t := strings.TrimLeft(s, " \t\n")
	if !starts(s[0]) && s[0] != '\t' && s[0] != '\n' && (t == "" || !starts(t[0])) {
		return false
	}
	return !IsNumber(s) && strings.Trim(s, "-") != ""
}

// Neutralize returns the CSV cell text for s: cleaned (line ends to LF,
// control characters other than tab and LF dropped, invalid UTF-8 to
// U+FFFD) and, when s could start a spreadsheet formula, prefixed with a
// single quote. See the package doc for the rule.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	s = Clean(s)
	if formula(s) {
		return "'" + s
	}
	return s
}

// Unneutralize undoes Neutralize on a cell read back from a CSV tresp
// wrote: Unneutralize(Neutralize(s)) == Clean(s) for every s.
func Unneutralize(s string) string {
	if strings.HasPrefix(s, "'") && formula(s[1:]) {
		return s[1:]
	}
	return s
}

// Clean normalises line ends to LF, drops control characters other than
// tab and LF (C0, DEL and C1) and replaces invalid UTF-8 with U+FFFD.
func Clean(s string) string {
	if plainASCII(s) {
		return s // the common case: nothing to change, and no rune decoding needed
	}
	return cleanRunes(s)
}

// cleanRunes is Clean read rune by rune, for strings that are not plainASCII.
func cleanRunes(s string) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	clean := utf8.ValidString(s)
	if clean {
		for _, r := range s {
			if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0) {
				clean = false
				break
			}
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteRune('\ufffd')
				continue
			}
		}
		if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r < 0xa0) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plainASCII reports whether s is ASCII without control characters other than tab and
// LF: a string Clean returns unchanged.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= 0x7f || b < 0x20 && b != '\t' && b != '\n' {
			return false
		}
	}
	return true
}
