package pipeline

import (
	"bufio"

	"github.com/tresp/tresp/pipeline/outdir"

	"github.com/tresp/tresp/internal/csvout"
	"github.com/tresp/tresp/pipeline/cohort"
)

// num formats a statistic for the tables/*.csv files (cohort.FormatNum).
func num(v float64) string { return cohort.FormatNum(v) }

func writeCSV(o *outdir.Dir, rel string, header []string, rows [][]string) error {
	return o.Write(rel, func(w *bufio.Writer) error {
		cw := csvout.NewWriter(w)
		cw.Write(header)
		return cw.WriteAll(rows)
	})
}

// writeAnalysisTables writes tables/*.csv of the analyse stage, each from
// the column table of its row type.
func (st *state) writeAnalysisTables() error {
	a := st.analysis
	rc := cohort.RateColumns
	var classRates []cohort.RateRow
	for _, r := range a.ClassRates {
		if r.Drug != "" {
			classRates = append(classRates, r)
		}
	}
	for _, t := range []struct {
		rel    string
		header []string
		rows   [][]string
	}{
		{"tables/response_rates.csv", rc.Header(), rc.Rows(a.Rates)},
		{"tables/response_rates_by_disease_group.csv", rc.Renamed("disease", "disease_group").Header(), rc.Rows(a.GroupRates)},
		{"tables/response_rates_by_class.csv", rc.Renamed("drug", "drug_class").Header(), rc.Rows(classRates)},
		{"tables/study_counts.csv", cohort.StudyColumns.Header(), cohort.StudyColumns.Rows(a.StudyCounts)},
		{"tables/pooled_rates.csv", cohort.PooledColumns.Header(), cohort.PooledColumns.Rows(a.Pooled)},
		{"tables/pooled_sensitivity.csv", cohort.PooledColumns.Header(), cohort.PooledColumns.Rows(a.Sensitivity)},
		{"tables/comparisons.csv", cohort.ComparisonColumns.Header(), cohort.ComparisonColumns.Rows(a.Comparisons)},
		{"tables/time_to_response_input.csv", cohort.TimeInputColumns.Header(), cohort.TimeInputColumns.Rows(a.TimeInputs)},
		{"tables/time_to_response.csv", cohort.TimePointColumns.Header(), cohort.TimePointColumns.Rows(cohort.Points(a.TimeCurves))},
	} {
		if err := writeCSV(st.out, t.rel, t.header, t.rows); err != nil {
			return err
		}
	}
	return nil
}
