package pipeline

import (
	"bufio"
	"math"
	"strconv"

	"github.com/tresp/tresp/internal/csvout"
)

// num formats a statistic for the tables/*.csv files: the shortest decimal
// that reads back to the same float64 (so R agreement is limited only by
// the computation), "Inf" and "-Inf" as R writes them, and an empty cell
// for NaN (not applicable or undefined).
func num(v float64) string {
	switch {
	case math.IsNaN(v):
		return ""
	case math.IsInf(v, 1):
		return "Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func writeCSV(o *outDir, rel string, header []string, rows [][]string) error {
	return o.write(rel, func(w *bufio.Writer) error {
		cw := csvout.NewWriter(w)
		cw.Write(header)
		return cw.WriteAll(rows)
	})
}

// writeAnalysisTables writes tables/*.csv of the analyse stage.
func (st *state) writeAnalysisTables() error {
	a := st.analysis
	rateRows := func(rs []RateRow) [][]string {
		out := make([][]string, len(rs))
		for i, r := range rs {
			out[i] = []string{r.Drug, r.Disease, r.Population, itoa(r.N), itoa(r.Responders), itoa(r.Unclassified), num(r.Rate), num(r.Low), num(r.High), r.Method}
		}
		return out
	}
	if err := writeCSV(st.out, "tables/response_rates.csv",
		[]string{"drug", "disease", "population", "n", "responders", "unclassified", "rate", "ci_low", "ci_high", "ci_method"}, rateRows(a.Rates)); err != nil {
		return err
	}
	if err := writeCSV(st.out, "tables/response_rates_by_disease_group.csv",
		[]string{"drug", "disease_group", "population", "n", "responders", "unclassified", "rate", "ci_low", "ci_high", "ci_method"}, rateRows(a.GroupRates)); err != nil {
		return err
	}
	var classRows [][]string
	for _, r := range rateRows(a.ClassRates) {
		if r[0] != "" {
			classRows = append(classRows, r)
		}
	}
	if err := writeCSV(st.out, "tables/response_rates_by_class.csv",
		[]string{"drug_class", "disease", "population", "n", "responders", "unclassified", "rate", "ci_low", "ci_high", "ci_method"}, classRows); err != nil {
		return err
	}
	var sc [][]string
	for _, r := range a.StudyCounts {
		sc = append(sc, []string{r.Study, r.Drug, itoa(r.Events), itoa(r.N)})
	}
	if err := writeCSV(st.out, "tables/study_counts.csv", []string{"study", "drug", "events", "n"}, sc); err != nil {
		return err
	}
	pooled := func(rs []PooledRow) [][]string {
		out := make([][]string, len(rs))
		for i, r := range rs {
			out[i] = []string{r.Drug, itoa(r.K), itoa(r.Events), itoa(r.N), num(r.Estimate), num(r.Low), num(r.High),
				num(r.Tau2), num(r.I2), num(r.Q), num(r.QP), r.Transform, r.Method}
		}
		return out
	}
	ph := []string{"drug", "k", "events", "n", "estimate", "ci_low", "ci_high", "tau2", "i2", "q", "q_p", "transform", "method"}
	if err := writeCSV(st.out, "tables/pooled_rates.csv", ph, pooled(a.Pooled)); err != nil {
		return err
	}
	if err := writeCSV(st.out, "tables/pooled_sensitivity.csv", ph, pooled(a.Sensitivity)); err != nil {
		return err
	}
	var cmp [][]string
	for _, c := range a.Comparisons {
		cmp = append(cmp, []string{c.By, c.GroupA, c.GroupB, itoa(c.RespondersA), itoa(c.NA), itoa(c.RespondersB), itoa(c.NB),
			num(c.OddsRatio), num(c.ORLow), num(c.ORHigh), num(c.P), num(c.PAdjusted), c.Note})
	}
	if err := writeCSV(st.out, "tables/comparisons.csv", []string{"by", "group_a", "group_b", "responders_a", "n_a", "responders_b", "n_b",
		"odds_ratio", "or_ci_low", "or_ci_high", "p_value", "p_adjusted", "note"}, cmp); err != nil {
		return err
	}
	var tti [][]string
	for _, t := range a.TimeInputs {
		ev := "0"
		switch {
		case t.Event:
			ev = "1"
		case t.Death:
			ev = "2"
		}
		tti = append(tti, []string{t.Drug, t.Study, t.CaseID, num(t.Days), ev})
	}
	if err := writeCSV(st.out, "tables/time_to_response_input.csv", []string{"drug", "study", "case_id", "time_days", "event"}, tti); err != nil {
		return err
	}
	var ttr [][]string
	for _, c := range a.TimeCurves {
		for _, p := range c.Points {
			ttr = append(ttr, []string{c.Drug, c.Estimator, num(p.Time), itoa(p.NRisk), itoa(p.NEvent), itoa(p.NCompeting), itoa(p.NCensor), num(p.Cum), num(p.Low), num(p.High)})
		}
	}
	return writeCSV(st.out, "tables/time_to_response.csv", []string{"drug", "estimator", "time_days", "n_risk", "n_event", "n_death", "n_censor", "cum_response", "ci_low", "ci_high"}, ttr)
}
