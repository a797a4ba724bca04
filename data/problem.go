package data

import (
	"fmt"
	"strconv"
	"strings"
)

// Severity grades a Problem.
type Severity int

// Severities, from least to most serious.
const (
	// Info records a decision worth knowing (a column mapped by alias).
	Info Severity = iota
	// Warning marks a value used with an assumption, or a term tresp does
	// not know; the row is still accepted.
	Warning
	// Error marks a row that cannot be used; the row is quarantined.
	Error
	// Fatal marks an input that cannot be read at all.
	Fatal
)

// String returns "info", "warning", "error" or "fatal".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	case Fatal:
		return "fatal"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// Problem is something wrong with, or assumed about, one place in an input:
// file, row (1-based line where the record starts; 0 for the whole file),
// column header, the value found, the reason and what to do about it.
type Problem struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	Column   string   `json:"column,omitempty"`
	Value    string   `json:"value,omitempty"`
	Code     string   `json:"code"`
	Reason   string   `json:"reason"`
	Hint     string   `json:"hint,omitempty"`
}

// maxValueInMessage bounds how much of a cell a message quotes.
const maxValueInMessage = 80

// Error formats the problem as one line:
//
//	cases.csv:14: column "Dose": "60 mg thrice": unknown frequency (add it to …)
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
	}
	b.WriteString(": ")
	if p.Column != "" {
		fmt.Fprintf(&b, "column %q: ", p.Column)
	}
	if p.Value != "" {
		b.WriteString(strconv.Quote(Truncate(p.Value, maxValueInMessage)))
		b.WriteString(": ")
	}
	b.WriteString(p.Reason)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteByte(')')
	}
	return b.String()
}

// Truncate shortens s to at most n bytes on a rune boundary, marking the cut
// with "…".
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !isRuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// InputError is a fatal problem with an input as a whole: unreadable,
// empty, not a table. It wraps the Problem that says where.
type InputError struct{ Problem }

// Error returns the problem's one-line message.
func (e *InputError) Error() string { return e.Problem.Error() }

// NewInputError returns a fatal InputError for file.
func NewInputError(file, code, reason, hint string) *InputError {
	return &InputError{Problem{Severity: Fatal, File: file, Code: code, Reason: reason, Hint: hint}}
}
