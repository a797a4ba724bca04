package ingest

import (
	"io"
	"strconv"
	"strings"

	"github.com/tresp/tresp/internal/csvout"
	"github.com/tresp/tresp/internal/jsonout"
)

// WriteQuarantine writes quarantine.csv: one line per quarantined row with
// its file, line, reasons and cells (as JSON keyed by the row's header).
func WriteQuarantine(w io.Writer, q []Quarantined) error {
	qw := NewQuarantineWriter(w)
	for i := range q {
		qw.Write(&q[i])
	}
	return qw.Close()
}

// QuarantineWriter writes quarantine.csv row by row (a streaming run writes
// each quarantined row as it meets it).
type QuarantineWriter struct{ cw *csvout.Writer }

// NewQuarantineWriter returns a writer of quarantine.csv to w, header written.
func NewQuarantineWriter(w io.Writer) *QuarantineWriter {
	cw := csvout.NewWriter(w)
	cw.Write([]string{"file", "line", "reasons", "row"})
	return &QuarantineWriter{cw}
}

// Write writes one quarantined row.
func (q *QuarantineWriter) Write(r *Quarantined) {
	var reasons []string
	for _, p := range r.Reasons {
		reasons = append(reasons, p.Error())
	}
	keys := make([]string, len(r.Cells))
	for i := range r.Cells {
		keys[i] = "column " + strconv.Itoa(i+1)
		if i < len(r.Header) && r.Header[i] != "" {
			keys[i] = r.Header[i]
		}
	}
	q.cw.Write([]string{r.File, strconv.Itoa(r.Line), strings.Join(reasons, "; "), jsonout.Ordered(keys, r.Cells)})
}

// Close flushes what was written and returns the first write error.
func (q *QuarantineWriter) Close() error {
	q.cw.Flush()
	return q.cw.Error()
}
