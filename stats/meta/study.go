package meta

import (
	"fmt"
	"strings"
)

// Study is one study's count of patients with the event (Events) out of the
// patients it reports on (N). A valid study has 0 <= Events <= N and N >= 1.
type Study struct {
	Events, N int
}

// ValidateStudies reports the first study that the pooling functions would
// reject: an empty slice, N < 1, Events < 0 or Events > N. Callers holding
// counts of unknown quality call it first; InverseVariance and GLMM panic on
// the same conditions because by then they are caller bugs.
func ValidateStudies(studies []Study) error {
	if len(studies) == 0 {
		return fmt.Errorf("meta: no studies to pool (pass at least one study)")
	}
	for i, s := range studies {
		switch {
		case s.N < 1:
			return fmt.Errorf("meta: study %d: n = %d, need n >= 1 (drop the study or fix its size)", i+1, s.N)
		case s.Events < 0:
			return fmt.Errorf("meta: study %d: events = %d is negative (fix the count)", i+1, s.Events)
		case s.Events > s.N:
			return fmt.Errorf("meta: study %d: events = %d exceed n = %d (fix the count or the size)", i+1, s.Events, s.N)
		}
	}
	return nil
}

// mustValidate panics on what ValidateStudies rejects, and on a level
// outside (0, 1); fn names the calling function.
func mustValidate(fn string, studies []Study, level float64) {
	if err := ValidateStudies(studies); err != nil {
		panic(strings.Replace(err.Error(), "meta: ", "meta: "+fn+": ", 1))
	}
	if !(level > 0 && level < 1) {
		panic(fmt.Sprintf("meta: %s: confidence level %v is outside (0, 1)", fn, level))
	}
}

// Transform is the scale on which InverseVariance pools proportions.
type Transform int

const (
	// Logit pools log(x/(n−x)) with variance 1/x + 1/(n−x); a study with 0 or
	// n events gets ½ added to both cells first (metafor measure "PLO",
	// escalc add = 1/2, to = "only0").
	Logit Transform = iota
	// FreemanTukey pools the Freeman–Tukey double arcsine
	// ½(asin√(x/(n+1)) + asin√((x+1)/(n+1))) with variance 1/(4n+2)
	// (metafor measure "PFT"); no correction is needed for 0 or n events.
	FreemanTukey
)

// String returns "logit" or "pft", the names ParseTransform accepts.
func (t Transform) String() string {
	switch t {
	case Logit:
		return "logit"
	case FreemanTukey:
		return "pft"
	}
	return fmt.Sprintf("Transform(%d)", int(t))
}

// ParseTransform returns the Transform named s, case-insensitively:
// "logit" (or metafor's "PLO") and "pft" (or "freeman-tukey", "PFT").
func ParseTransform(s string) (Transform, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "logit", "plo":
		return Logit, nil
	case "pft", "freeman-tukey", "freemantukey":
		return FreemanTukey, nil
	}
	return 0, fmt.Errorf("meta: unknown transform %q (use logit or pft)", s)
}

// Estimator is the between-study variance (tau²) estimator of InverseVariance.
type Estimator int

const (
	// REML is restricted maximum likelihood, solved to full convergence.
	REML Estimator = iota
	// DL is the DerSimonian–Laird moment estimator.
	DL
)

// String returns "REML" or "DL", the names ParseEstimator accepts.
func (e Estimator) String() string {
	switch e {
	case REML:
		return "REML"
	case DL:
		return "DL"
	}
	return fmt.Sprintf("Estimator(%d)", int(e))
}

// ParseEstimator returns the Estimator named s, case-insensitively: "REML"
// or "DL" (also "DerSimonian-Laird").
func ParseEstimator(s string) (Estimator, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "reml":
		return REML, nil
	case "dl", "dersimonian-laird":
		return DL, nil
	}
	return 0, fmt.Errorf("meta: unknown tau² estimator %q (use REML or DL)", s)
}

// totals returns the summed events and sizes.
func totals(studies []Study) (events, n int) {
	for _, s := range studies {
		events += s.Events
		n += s.N
	}
	return events, n
}

// sparseWarning returns a warning when most studies have n <= 2, where the
// ½ correction or the normal approximation of InverseVariance dominates.
func sparseWarning(studies []Study) string {
	small := 0
	for _, s := range studies {
		if s.N <= 2 {
			small++
		}
	}
	if 2*small > len(studies) {
		return fmt.Sprintf("most studies have n <= 2 (%d of %d): inverse-variance pooling is unreliable here, prefer GLMM", small, len(studies))
	}
	return ""
}
