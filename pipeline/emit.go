package pipeline

import (
	"io"
	"strconv"

	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/internal/csvout"
	"github.com/tresp/tresp/pipeline/cohort"
)

// countHeader is the header of counts.csv (cohort.CountColumns).
var countHeader = cohort.CountColumns.Header()

func writeCountsCSV(w io.Writer, rows []cohort.CountRow) error {
	cw := csvout.NewWriter(w)
	if err := cw.Write(countHeader); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(cohort.CountColumns.Cells(&r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeCountsParquet(w io.Writer, rows []cohort.CountRow) error {
	cols := make([]parquetio.Column, len(countHeader))
	for i, h := range countHeader {
		cols[i] = parquetio.Column{Name: h, Type: parquetio.Int}
		if i < 3 {
			cols[i].Type = parquetio.String
		}
	}
	pw, err := parquetio.NewWriter(w, cols)
	if err != nil {
		return err
	}
	for _, r := range rows {
		cells := cohort.CountColumns.Cells(&r)
		row := parquetio.Row{Strings: make([]string, len(cols)), Ints: make([]int64, len(cols))}
		for i, c := range cells {
			if i < 3 {
				row.Strings[i] = c
			} else {
				row.Ints[i], _ = strconv.ParseInt(c, 10, 64)
			}
		}
		if err := pw.Write(row); err != nil {
			return err
		}
	}
	return pw.Close()
}
