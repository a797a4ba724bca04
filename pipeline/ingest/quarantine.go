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
	cw := csvout.NewWriter(w)
	cw.Write([]string{"file", "line", "reasons", "row"})
	for _, r := range q {
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
		cw.Write([]string{r.File, strconv.Itoa(r.Line), strings.Join(reasons, "; "), jsonout.Ordered(keys, r.Cells)})
	}
	cw.Flush()
	return cw.Error()
}
