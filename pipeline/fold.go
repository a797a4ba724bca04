package pipeline

import (
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
)

// streamTimeInputs is the most rows of tables/time_to_response_input.csv a streaming
// run keeps (one row per course otherwise); the cumulative response uses every course.
const streamTimeInputs = 100000

// newPatientFold returns the fold of a streaming run: bounded by the number of groups.
func newPatientFold(cfg config.AnalysisConfig) *cohort.Accumulator {
	acc := cohort.NewAccumulator(cfg)
	acc.MaxTimeInputs = streamTimeInputs
	return acc
}
