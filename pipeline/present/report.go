package present

import (
	"fmt"
	"strings"

	"github.com/tresp/tresp/pipeline/cohort"
)

// Headlines are the report's sentences on every drug's rate, ITT and
// evaluable (headline).
func Headlines(a *cohort.Analysis, reviewFile string) []string {
	itt := map[string]cohort.RateRow{}
	for _, r := range a.Rates {
		if r.Disease == "" && r.Population == cohort.PopITT {
			itt[r.Drug] = r
		}
	}
	var s []string
	for _, r := range a.Rates {
		if r.Drug != "" && r.Disease == "" {
			s = append(s, headline(r, itt[r.Drug], reviewFile))
		}
	}
	return s
}

// headline is the report's sentence on one drug's rate in one population:
// "x/n responded, p% [l%, h%]", or why there is no rate when the
// population is empty — never NaN.
func headline(r, itt cohort.RateRow, reviewFile string) string {
	head := fmt.Sprintf("%s (%s): ", r.Drug, r.Population)
	if r.N == 0 {
		var why []string
		if ne := itt.N - r.N; r.Population == cohort.PopEvaluable && ne > 0 {
			why = append(why, fmt.Sprintf("%s treated, none evaluable", plural(itt.N, "patient", "patients")))
		}
		if r.Unclassified > 0 {
			why = append(why, fmt.Sprintf("%s whose outcome is not yet classified (%s)", plural(r.Unclassified, "patient", "patients"), reviewFile))
		}
		if len(why) == 0 {
			why = append(why, "no patients")
		}
		return head + "no rate: " + strings.Join(why, "; ") + "."
	}
	s := head + fmt.Sprintf("%d/%d responded", r.Responders, r.N)
	if c := pooledCell(r.Rate, r.Low, r.High); c != "" {
		s += ", " + c
	}
	return s + "."
}
