package csvio

import (
	"fmt"
	"strings"
)

// PositionError is an error in a delimited file of settings or words (a vocabulary or
// lexicon file), located by file, line and column (1-based; the column counts bytes of
// the line, as editors and encoding/csv do). Field names the column of the header the
// error is about, if any.
type PositionError struct {
	File      string
	Line, Col int
	Field     string
	Msg       string
}

// Error formats the error as `file:line:col: column "field": message`.
func (e *PositionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d", e.File, e.Line)
	if e.Col > 0 {
		fmt.Fprintf(&b, ":%d", e.Col)
	}
	b.WriteString(": ")
	if e.Field != "" {
		fmt.Fprintf(&b, "column %q: ", e.Field)
	}
	b.WriteString(e.Msg)
	return b.String()
}
