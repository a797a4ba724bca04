package pipeline

import (
	"bufio"

	"github.com/tresp/tresp/internal/csvout"
	"github.com/tresp/tresp/pipeline/cohort"
)

// writeAnalysisTables writes tables/*.csv of the analyse stage
// (cohort.CSVTables).
func (st *state) writeAnalysisTables() error {
	for _, t := range cohort.CSVTables(st.analysis) {
		err := st.out.Write(t.Path, func(w *bufio.Writer) error {
			cw := csvout.NewWriter(w)
			if err := cw.Write(t.Header); err != nil {
				return err
			}
			for row := range t.Rows {
				if err := cw.Write(row); err != nil {
					return err
				}
			}
			cw.Flush()
			return cw.Error()
		})
		if err != nil {
			return err
		}
	}
	return nil
}
