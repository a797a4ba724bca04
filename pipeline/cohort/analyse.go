package cohort

import (
	"context"
	"fmt"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/stats"
)

// analyser carries settings through the analysis.
type analyser struct {
	threshold vocab.Category
	method    stats.CIMethod
	level     float64
	cfg       config.AnalysisConfig
	warn      []string
}

func (a *analyser) warnf(format string, args ...any) {
	a.warn = append(a.warn, fmt.Sprintf(format, args...))
}

// Analyse computes every result of the analyse stage from the cohort n
// with the settings cfg (validated). It stops between its steps with an
// error wrapping ctx.Err() once ctx is done.
func Analyse(ctx context.Context, n *Cohort, cfg config.AnalysisConfig) (*Analysis, error) {
	stop := func(step string) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted during analyse (%s): %w", step, err)
		}
		return nil
	}
	threshold, err := vocab.ParseCategory(string(cfg.Responder))
	if err != nil || !threshold.Ordered() {
		// config.Responder's Names are ordered categories; Validate checked it.
		panic(fmt.Sprintf("pipeline: analysis.responder %q is not an ordered outcome category", cfg.Responder))
	}
	a := &analyser{threshold: threshold, method: cfg.CIMethod, level: cfg.Level, cfg: cfg}
	res := &Analysis{Responder: threshold.String(), Attribution: string(cfg.Attribution), CIMethod: cfg.CIMethod, Level: cfg.Level}

	drugUnits, sources := a.drugUnits(n)
	patientUnits := a.patientUnits(n)
	res.Sources = sources
	res.Counts = countRows(drugUnits, patientUnits)

	if err := stop("rates"); err != nil {
		return nil, err
	}
	byDrug := func(u *unit) string { return u.drug }
	byClass := func(u *unit) string { return u.class }
	byDisease := func(u *unit) string { return u.disease }
	byGroup := func(u *unit) string { return u.group }
	res.Rates = a.rates(drugUnits, patientUnits, byDrug, byDisease)
	res.ClassRates = a.rates(classUnits(drugUnits), nil, byClass, byDisease)
	res.GroupRates = a.rates(drugUnits, patientUnits, byDrug, byGroup)
	res.PoolPopulation = string(a.cfg.PoolPopulation)
	if res.PoolPopulation == "" {
		res.PoolPopulation = PopEvaluable
	}
	res.StudyCounts = studyCounts(drugUnits, res.PoolPopulation)
	for i := range res.StudyCounts {
		s := &res.StudyCounts[i]
		s.Interval = stats.BinomialCI(s.Events, s.N, a.level, a.method)
	}
	if err := stop("pooling"); err != nil {
		return nil, err
	}
	res.Pooled, res.Sensitivity = a.pool(res.StudyCounts)
	for _, rows := range [][]PooledRow{res.Pooled, res.Sensitivity} {
		for i := range rows {
			rows[i].Count = stats.BinomialCI(rows[i].Events, rows[i].N, a.level, stats.ClopperPearson)
		}
	}
	if err := stop("comparisons"); err != nil {
		return nil, err
	}
	res.Comparisons, res.ComparisonsOmitted = a.compare(drugUnits)
	if err := stop("time to response"); err != nil {
		return nil, err
	}
	res.TimeInputs, res.TimeCurves = a.timeToResponse(n)
	res.OutcomesByDrug, res.OutcomesByDisease = outcomeTallies(drugUnits, patientUnits)
	if err := stop("per-patient views"); err != nil {
		return nil, err
	}
	res.Views = views(n, cfg)
	_, res.OutcomesByDiseaseGroup = outcomeTallies(nil, patientUnits, byGroup)
	for _, r := range res.Rates {
		if r.Population != PopITT || r.Unclassified == 0 || (r.Drug == "") == (r.Disease == "") {
			continue
		}
		group := r.Drug
		if group == "" {
			group = r.Disease
		}
		a.warnf("%s: %d unclassified outcomes left out of numerator and denominator until decided in review.csv",
			group, r.Unclassified)
	}
	res.Warnings = a.warn
	if res.Warnings == nil {
		res.Warnings = []string{}
	}
	return res, nil
}
