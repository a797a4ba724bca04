package cohort

import (
	"math"
	"sort"
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// SwimmerMaxLanes is the most lanes of the swimmer plot: the patients
// with the longest lanes (the later of time on treatment and follow-up),
// ties in course order.
const SwimmerMaxLanes = 40

// DaysPerMonth turns days into the months of the time axes.
const DaysPerMonth = 30.4375

// SwimmerLanes are the lanes of the swimmer plot: at most SwimmerMaxLanes,
// longest first, of Total patients with a known time on treatment or
// follow-up (one lane per patient, from the patient's first such course).
type SwimmerLanes struct {
	Lanes []Lane
	Total int
}

// Lane is one patient of the swimmer plot. Times are in days; NaN when not
// reported.
type Lane struct {
	// Study is the study's short label (ShortStudy).
	Study, CaseID string
	// Regimen is the drugs given together, joined by " + ".
	Regimen            string
	Duration, FollowUp float64
	Ongoing            bool
	// Category is the patient's outcome, Unclassified when it is not the
	// patient's (reported for several patients and not decided).
	Category vocab.Category
	// TimeToResponse is the time to first response.
	TimeToResponse float64
	// EndReason is why a not-evaluable course ended (EndReason).
	EndReason string
}

// laneEnd is the length of a lane in months, as the swimmer plot orders
// lanes: the later of time on treatment and follow-up, 0 when neither.
func laneEnd(durDays, fuDays float64) float64 {
	dur, fu := durDays/DaysPerMonth, fuDays/DaysPerMonth
	e := 0.0
	if !math.IsNaN(dur) && !math.IsInf(dur, 0) {
		e = dur
	}
	if !math.IsNaN(fu) && !math.IsInf(fu, 0) && fu > e {
		e = fu
	}
	return e
}

// swimmerLanes keeps the SwimmerMaxLanes longest lanes while it reads the
// courses, so that it holds no more than that many.
func swimmerLanes(courses []*Course, short shortStudies) SwimmerLanes {
	type cand struct {
		end float64
		c   *Course
	}
	var best []cand // longest first; ties in course order
	seen := map[PatientKey]bool{}
	total := 0
	for _, c := range courses {
		k := c.Patient()
		dur, fu := c.TreatDu.Days, c.FollowUp.Days
		if seen[k] || math.IsNaN(dur) && math.IsNaN(fu) {
			continue
		}
		seen[k] = true
		total++
		e := laneEnd(dur, fu)
		if len(best) == SwimmerMaxLanes && !(e > best[len(best)-1].end) {
			continue
		}
		// after every lane at least as long: a later course loses ties
		i := sort.Search(len(best), func(i int) bool { return best[i].end < e })
		if len(best) < SwimmerMaxLanes {
			best = append(best, cand{})
		}
		copy(best[i+1:], best[i:len(best)-1])
		best[i] = cand{e, c}
	}
	out := SwimmerLanes{Total: total}
	for _, b := range best {
		c := b.c
		cat := c.Category()
		if c.Outcome.NotAttributable && !c.OutcomeAdjudicated {
			cat = vocab.Unclassified // not this patient's outcome
		}
		l := Lane{Study: short.of(c.Study), CaseID: c.CaseID, Regimen: strings.Join(c.Regimen, " + "),
			Duration: c.TreatDu.Days, FollowUp: c.FollowUp.Days, Ongoing: Ongoing(c), Category: cat,
			TimeToResponse: c.TimeToRsp.Days}
		if cat == vocab.NotEvaluable {
			l.EndReason = EndReason(c)
		}
		out.Lanes = append(out.Lanes, l)
	}
	return out
}
