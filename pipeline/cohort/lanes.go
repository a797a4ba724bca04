package cohort

import (
	"math"
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// SwimmerMaxLanes is the most lanes of the swimmer plot: the patients
// with the longest lanes (the later of time on treatment and follow-up),
// ties by study and case.
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

// laneBuffer keeps the SwimmerMaxLanes longest lanes while it reads the
// patients, longest first (ties by study and case, so that the order the
// patients come in does not matter), so that it holds no more than that
// many, and counts every lane.
type laneBuffer struct {
	best  []laneCand
	total int
}

type laneCand struct {
	end        float64
	study, cas string // the patient's study and case, for ties
	lane       Lane
}

// before reports whether lane a comes before lane b: longer, or as long and of an
// earlier study and case, in the order of the patient table (studyLess, naturalLess:
// "Study 2 – 773" before "Study 2 – 2564").
func (a *laneCand) before(b *laneCand) bool {
	if a.end != b.end {
		return a.end > b.end
	}
	if a.study != b.study {
		return studyLess(a.study, b.study)
	}
	return naturalLess(a.cas, b.cas)
}

// addPatient adds the lane of the patient's first course with a known
// time on treatment or follow-up, if any.
func (b *laneBuffer) addPatient(courses []*Course, short shortStudies) {
	for _, c := range courses {
		dur, fu := c.TreatDu.Days, c.FollowUp.Days
		if math.IsNaN(dur) && math.IsNaN(fu) {
			continue
		}
		b.total++
		cand := laneCand{end: laneEnd(dur, fu), study: c.Study, cas: c.CaseID}
		if i, ok := boundedSlot(b.best, &cand, SwimmerMaxLanes, (*laneCand).before); ok {
			cand.lane = laneOf(c, short)
			b.best = insertBounded(b.best, i, cand, SwimmerMaxLanes)
		}
		return
	}
}

// laneOf is the lane of course c.
func laneOf(c *Course, short shortStudies) Lane {
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
	return l
}

// lanes returns the swimmer lanes.
func (b *laneBuffer) lanes() SwimmerLanes {
	out := SwimmerLanes{Total: b.total}
	for _, c := range b.best {
		out.Lanes = append(out.Lanes, c.lane)
	}
	return out
}

// swimmerLanes computes the swimmer lanes of courses (each patient's
// courses together, in course order) by the fold.
func swimmerLanes(courses []*Course, short shortStudies) SwimmerLanes {
	var b laneBuffer
	eachPatient(courses, func(cs []*Course) { b.addPatient(cs, short) })
	return b.lanes()
}
