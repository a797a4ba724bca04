package units

import (
	"math"
	"strings"
)

// countUnits are the words that make a number after it a count of administrations
// ("6 cycles", "7 sessions", "4 doses"), not a duration.
var countUnits = map[string]bool{
	"dose": true, "doses": true, "cycle": true, "cycles": true, "session": true, "sessions": true,
	"infusion": true, "infusions": true, "injection": true, "injections": true, "course": true,
	"courses": true, "pulse": true, "pulses": true, "exchanges": true, "treatments": true,
}

var weekWords = map[string]bool{"week": true, "weeks": true, "wk": true, "wks": true, "w": true}

// parseCount reads a count of administrations at toks[i]: "x 4", "x4", "× 2" (not
// followed by a period word: "x 2 weeks" is a duration), optionally followed by a count
// unit ("x 6 cycles"), or "6 cycles", "7 sessions", "4 doses". Counts are whole numbers
// from 1 to 200.
func (l *Lexicon) parseCount(toks []token, i int) (float64, int, bool) {
	whole := func(v float64) bool { return v >= 1 && v <= 200 && v == math.Trunc(v) }
	t := toks[i]
	if t.isWord("x") || t.isWord("times") {
		if i+1 >= len(toks) || toks[i+1].kind != tkNum || !whole(toks[i+1].num) {
			return 0, i, false
		}
		j := i + 2
		if j < len(toks) && toks[j].kind == tkWord {
			if countUnits[toks[j].text] {
				return toks[i+1].num, j + 1, true
			}
			if _, ok := l.periods[toks[j].text]; ok || durationUnits[toks[j].text] {
				return 0, i, false // "x 2 weeks": a duration
			}
		}
		if j < len(toks) && toks[j].isSym("/") {
			return 0, i, false // "x 2/day"
		}
		return toks[i+1].num, j, true
	}
	if t.kind == tkNum && whole(t.num) && i+1 < len(toks) && toks[i+1].kind == tkWord && countUnits[toks[i+1].text] {
		return t.num, i + 2, true
	}
	return 0, i, false
}

// parseLoading reads loading-dose weeks at toks[i]: "at weeks 0, 2, 6", "weeks 0, 2 and 6",
// "wk 0/2/6", "at 0, 2 and 6 weeks". At least two weeks in increasing order, the first 0
// or 1. It returns the days of the doses (weeks × 7, week 1 read as day 0 when the list
// starts at 1).
func parseLoading(toks []token, i int) ([]float64, int, bool) {
	j := i
	if j < len(toks) && toks[j].isWord("at") {
		j++
	}
	before := j < len(toks) && toks[j].kind == tkWord && weekWords[toks[j].text]
	if before {
		j++
	}
	var ws []float64
	for j < len(toks) && toks[j].kind == tkNum {
		v := toks[j].num
		if v != math.Trunc(v) || v < 0 || v > 520 || len(ws) > 0 && v <= ws[len(ws)-1] {
			break
		}
		ws = append(ws, v)
		j++
		if j+1 < len(toks) && (toks[j].isSym(",") || toks[j].isSym("/") || toks[j].isSym("-") || toks[j].isWord("and")) && toks[j+1].kind == tkNum {
			j++
			continue
		}
		break
	}
	if len(ws) < 2 || ws[0] > 1 {
		return nil, i, false
	}
	if !before {
		if j >= len(toks) || toks[j].kind != tkWord || !weekWords[toks[j].text] {
			return nil, i, false
		}
		j++
	}
	off := ws[0] // "weeks 1, 3, 7": the first dose is day 0
	days := make([]float64, len(ws))
	for k, w := range ws {
		days[k] = (w - off) * 7
	}
	return days, j, true
}

// courseSchedule fills d.Schedule, d.Mean and d.Total from the steps. Steps are phases in
// text order: a step with a count and an interval lasts count × interval; loading doses
// come first and the step's interval follows the last of them; a step with an interval
// and no count runs to the end of the course. With a course length (opt.CourseDays) the
// doses given within it are counted; without one, a schedule that ends by itself gives
// its own length, and an open-ended one its maintenance rate.
func courseSchedule(d *Dose, steps []DoseStep, perDose []float64, opt DoseOptions, ns *notes) {
	scheduled := false
	for _, st := range steps {
		if st.Count > 0 || len(st.Loading) > 0 || st.Freq.Intermittent() {
			scheduled = true
		}
	}
	if !scheduled {
		if len(steps) == 1 && finite(steps[0].PerDay) {
			d.Mean = steps[0].PerDay
		}
		return
	}
	d.Schedule = scheduleText(steps)

	D := opt.courseDays()
	if !(D > 0) || !finite(D) {
		D = 0
	}
	t, total := 0.0, 0.0
	open := math.NaN() // rate of an open-ended last phase without a course length
	for k, st := range steps {
		amt := perDose[k]
		if !finite(amt) || amt <= 0 {
			return
		}
		last := k == len(steps)-1
		interval := math.NaN()
		if st.Freq.Known() {
			interval = st.Freq.PeriodDays / st.Freq.Times
		}
		within := func(at float64) bool { return D == 0 || at < D }
		switch {
		case len(st.Loading) > 0:
			for _, l := range st.Loading {
				if within(t + l) {
					total += amt
				}
			}
			t += st.Loading[len(st.Loading)-1]
			if math.IsNaN(interval) {
				if !last {
					return
				}
				continue
			}
			if !last {
				return // the maintenance phase has no end before the next step
			}
			if D == 0 {
				open = amt / interval
				continue
			}
			for at := t + interval; at < D; at += interval {
				total += amt
			}
			t = D
		case st.Count > 0 && !math.IsNaN(interval):
			for n := 0.0; n < st.Count; n++ {
				if within(t + n*interval) {
					total += amt
				}
			}
			t += st.Count * interval
		case st.Count > 0:
			if len(steps) > 1 {
				return // doses at an unknown interval cannot be placed in time
			}
			d.Total = amt * st.Count
			if D > 0 {
				d.Mean = d.Total / D
			}
			return
		case !math.IsNaN(interval):
			if !last {
				return
			}
			if D == 0 {
				open = amt / interval
				continue
			}
			for at := t; at < D; at += interval {
				total += amt
			}
			t = D
		default:
			return
		}
	}
	phased := len(steps) > 1 || steps[0].Count > 0 || len(steps[0].Loading) > 0
	switch {
	case D > 0:
		d.Total, d.Mean = total, total/D
		if !phased {
			break
		}
		ns.add(CodeSchedule, "mean daily dose over the course of "+fmtNum(math.Round(D))+" days: "+fmtNum(roundSig(d.Mean, 4))+" "+d.Unit)
	case !math.IsNaN(open):
		d.Mean = open
		if !phased {
			break
		}
		ns.add(CodeSchedule, "no course length: the mean daily dose is the maintenance rate of \""+d.Schedule+"\"")
	case t > 0:
		d.Total, d.Mean = total, total/t
	}
}

// scheduleText describes the steps in text order, joined by ", then ":
// "weeks 0, 2, 6, then every 8 weeks", "daily × 5".
func scheduleText(steps []DoseStep) string {
	var desc []string
	for _, st := range steps {
		var p []string
		if len(st.Loading) > 0 {
			ws := make([]string, len(st.Loading))
			for k, v := range st.Loading {
				ws[k] = fmtNum(v / 7)
			}
			p = append(p, "weeks "+strings.Join(ws, ", ")+", then")
		}
		switch {
		case st.Freq.Known() && !st.FreqAssumed && st.Freq.Text != "":
			p = append(p, st.Freq.Text)
		case st.Freq.Known():
			p = append(p, st.Freq.String())
		}
		if st.Count > 0 {
			p = append(p, "× "+fmtNum(st.Count))
		}
		if len(p) == 0 {
			p = append(p, "daily")
		}
		desc = append(desc, strings.Join(p, " "))
	}
	return strings.Join(desc, ", then ")
}

// roundSig rounds v to n significant digits.
func roundSig(v float64, n int) float64 {
	if v == 0 || !finite(v) {
		return v
	}
	p := math.Pow(10, float64(n)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}
