package units

import "math"

// Day lengths of calendar units. A month is 365.25/12 = 30.4375 days and a
// year 365.25 days (the Julian year: the mean length over the leap-year
// cycle to within 0.0075 days of the Gregorian mean, and the convention of
// survival and clinical-trial software, e.g. CDISC ADaM AGE/duration
// derivations and R lubridate's dyears). Any fixed choice is an
// approximation of "a month"; this one keeps 12 months = 1 year exactly.
const (
	DaysPerWeek  = 7.0
	DaysPerMonth = 30.4375
	DaysPerYear  = 365.25
)

// Frequency is how often a dose is given: Times administrations every
// PeriodDays days. "tid" is {3, 1}; "q8h" is {1, 1/3}; "3x/week" is {3, 7};
// "every 4 weeks" is {1, 28}. A one-off dose ("stat", "single dose") has
// Times 1 and PeriodDays 0. The zero value means no frequency was stated.
type Frequency struct {
	Times      float64
	PeriodDays float64
	Text       string // the words read, as written
}

// Known reports whether the frequency defines a rate.
func (f Frequency) Known() bool { return f.Times > 0 && f.PeriodDays > 0 }

// OneOff reports whether the frequency is a single administration.
func (f Frequency) OneOff() bool { return f.Times > 0 && f.PeriodDays == 0 }

// PerDay returns administrations per day, or NaN when not Known.
func (f Frequency) PerDay() float64 {
	if !f.Known() {
		return math.NaN()
	}
	return f.Times / f.PeriodDays
}

// Intermittent reports whether the regimen repeats over more than one day
// (weekly, 3×/week, every 4 weeks, alternate days).
func (f Frequency) Intermittent() bool { return f.Known() && f.PeriodDays > 1 }

// String returns a canonical label: "3/day", "1/7 days", "once", "" when unset.
func (f Frequency) String() string {
	switch {
	case f.OneOff():
		return "once"
	case !f.Known():
		return ""
	case f.PeriodDays == 1:
		return fmtNum(f.Times) + "/day"
	case f.PeriodDays < 1:
		return fmtNum(f.Times) + "/" + fmtNum(f.PeriodDays*24) + " h"
	default:
		return fmtNum(f.Times) + "/" + fmtNum(f.PeriodDays) + " days"
	}
}

// freqHit is a frequency found in the tokens with the warnings it carries.
type freqHit struct {
	f         Frequency
	ti, te    int    // token range
	ismp      string // the abbreviation as written, when ISMP-listed
	ismpWhy   string
	ambiguous string // message when the reading is one of two
}

// countWord returns the count of a count word ("once", "twice", "thrice").
func (l *Lexicon) countWord(t token) (float64, bool) {
	if t.kind != tkWord {
		return 0, false
	}
	return look(t, vCount, l.counts)
}

func isTimesWord(t token) bool {
	return t.isWord("x") || t.isSym("*") || t.isWord("times") || t.isWord("time")
}

// readPeriod reads "day", "24 h", "2 weeks" at toks[j]: an optional
// multiplier number and a period word.
func (l *Lexicon) readPeriod(toks []token, j int) (days float64, next int, ok bool) {
	mult := 1.0
	if j < len(toks) && toks[j].kind == tkNum && toks[j].num > 0 {
		mult = toks[j].num
		j++
		if j < len(toks) && toks[j].isSym("-") {
			j++ // "24-hour"
		}
	}
	if j < len(toks) && toks[j].kind == tkWord {
		if d, ok := look(toks[j], vPeriod, l.periods); ok {
			return mult * d, j + 1, true
		}
	}
	return 0, j, false
}

// freqMaker makes the hit of a frequency of times per period days that
// ends before toks[end], returning it with end and true.
type freqMaker func(times, period float64, end int) (freqHit, int, bool)

// parseFreq reads a frequency starting at toks[i]. afterAmount allows the
// weak forms "a day" and "per day" that are frequencies only right after an
// amount. It is bounded: it looks at most a fixed number of tokens ahead.
func (l *Lexicon) parseFreq(s string, toks []token, i int, afterAmount bool) (freqHit, int, bool) {
	if i >= len(toks) {
		return freqHit{}, i, false
	}
	t := toks[i]
	var mk freqMaker = func(times, period float64, end int) (freqHit, int, bool) {
		return freqHit{f: Frequency{Times: times, PeriodDays: period, Text: span(s, toks, i, end)}, ti: i, te: end}, end, true
	}
	// I: morning-noon-night notation "1-0-1", "1-1-1-1".
	if h, end, ok := l.parseMNN(s, toks, i); ok {
		return h, end, true
	}
	if t.kind == tkWord {
		// A: fixed words ("bid", "every morning", "stat").
		if ff, end, ok := l.fixedAt(toks, i); ok {
			h, end, _ := mk(ff.times, ff.period, end)
			if ff.ismp != "" {
				h.ismp, h.ismpWhy = s[t.start:toks[end-1].end], ff.ismp
			}
			return h, end, true
		}
		if t.text == "biweekly" || t.text == "bi" && i+2 < len(toks) && toks[i+1].isSym("-") && toks[i+2].isWord("weekly") {
			end := i + 1
			if t.text == "bi" {
				end = i + 3
			}
			h, end, _ := mk(1, 14, end)
			h.ambiguous = "\"" + h.f.Text + "\" can mean every two weeks or twice a week: read as every two weeks"
			return h, end, true
		}
		// B: once/twice/thrice [times] [a|per|/|every|each|in a] period.
		if c, ok := l.countWord(t); ok {
			return l.parseFreqTimes(toks, i, c, afterAmount, mk)
		}
		// C: q8h, q 8 h, q4w, q.8h, q4-6h.
		if t.text == "q" {
			return l.parseFreqQ(toks, i, mk)
		}
		// D: every / each [N|other|alternate|second|third] period; every morning.
		if t.text == "every" || t.text == "each" {
			return l.parseFreqEvery(toks, i, mk)
		}
		if t.text == "alternate" || t.text == "alt" {
			return freqHit{}, i, false // "alternate days" is a fixed frequency
		}
		// F: per day / a day.
		if t.text == "per" || (afterAmount && (t.text == "a" || t.text == "an")) {
			if d, end, ok := l.readPeriod(toks, i+1); ok {
				return mk(1, d, end)
			}
			return freqHit{}, i, false
		}
	}
	// F: "/day", "/24h", "/ 24 hours", "/2 weeks".
	if t.isSym("/") {
		if d, end, ok := l.readPeriod(toks, i+1); ok {
			return mk(1, d, end)
		}
		return freqHit{}, i, false
	}
	// B with a number, E: N hourly.
	return l.parseFreqNumber(toks, i, mk)
}

// parseFreqTimes reads form B after the count word at toks[i] (c times):
// once/twice/thrice [times] [a|per|/|every|each|in a] period.
func (l *Lexicon) parseFreqTimes(toks []token, i int, c float64, afterAmount bool, mk freqMaker) (freqHit, int, bool) {
	j := i + 1
	if j < len(toks) && isTimesWord(toks[j]) {
		j++
	}
	if j < len(toks) && (toks[j].isWord("a") || toks[j].isWord("an") || toks[j].isWord("per") ||
		toks[j].isSym("/") || toks[j].isWord("every") || toks[j].isWord("each") || toks[j].isWord("in")) {
		j++
		if j < len(toks) && toks[j].isWord("a") {
			j++ // "in a day"
		}
	}
	if d, end, ok := l.readPeriod(toks, j); ok {
		return mk(c, d, end)
	}
	if c == 1 && afterAmount {
		return mk(1, 0, i+1) // "once": single dose
	}
	return freqHit{}, i, false
}

// parseFreqQ reads the q forms at toks[i] == "q": q8h, q 8 h, q4w, q.8h, q4-6h.
func (l *Lexicon) parseFreqQ(toks []token, i int, mk freqMaker) (freqHit, int, bool) {
	j := i + 1
	if j < len(toks) && toks[j].kind == tkNum && toks[j].num > 0 {
		n := toks[j].num
		hi := n
		k := j + 1
		if k+1 < len(toks) && toks[k].isSym("-") && toks[k+1].kind == tkNum && toks[k+1].num >= n {
			hi = toks[k+1].num
			k += 2
		}
		if k < len(toks) && toks[k].kind == tkWord {
			if d, ok := l.periods[toks[k].text]; ok {
				h, end, _ := mk(1, (n+hi)/2*d, k+1)
				if hi != n {
					h.ambiguous = "interval range \"" + h.f.Text + "\": midpoint used"
				}
				return h, end, true
			}
		}
	}
	return freqHit{}, i, false
}

// parseFreqEvery reads the every forms at toks[i] == "every" or "each":
// every / each [N|other|alternate|second|third] period.
func (l *Lexicon) parseFreqEvery(toks []token, i int, mk freqMaker) (freqHit, int, bool) {
	j := i + 1
	n, hi := 1.0, 1.0
	if j < len(toks) && toks[j].kind == tkWord {
		if v, ok := look(toks[j], vEvery, l.every); ok {
			n, hi = v, v
			j++
		}
	}
	if n == 1 {
		if v, k, ok := readNumber(toks, j); ok && v > 0 {
			n, hi, j = v, v, k
			if j+1 < len(toks) && (toks[j].isSym("-") || toks[j].isWord("to")) {
				if v2, k2, ok := readNumber(toks, j+1); ok && v2 >= v {
					hi, j = v2, k2
				}
			}
		}
	}
	if j < len(toks) && toks[j].kind == tkWord {
		if d, ok := l.periods[toks[j].text]; ok {
			h, end, _ := mk(1, (n+hi)/2*d, j+1)
			if hi != n {
				h.ambiguous = "interval range \"" + h.f.Text + "\": midpoint used"
			}
			return h, end, true
		}
	}
	return freqHit{}, i, false
}

// parseFreqNumber reads the forms that start with a number at toks[i]:
// B with a number ("3 times a day", "5 days a week", "3/week") and E, N hourly.
func (l *Lexicon) parseFreqNumber(toks []token, i int, mk freqMaker) (freqHit, int, bool) {
	v, j, ok := readNumber(toks, i)
	if !ok || v <= 0 {
		return freqHit{}, i, false
	}
	// "N days a week", "N days per week", "N days/week"
	if j < len(toks) && (toks[j].isWord("days") || toks[j].isWord("day")) {
		k := j + 1
		if k < len(toks) && (toks[k].isWord("a") || toks[k].isWord("per") || toks[k].isSym("/") || toks[k].isWord("in")) {
			k++
			if k < len(toks) && toks[k].isWord("a") {
				k++
			}
			if d, end, ok := l.readPeriod(toks, k); ok && d == 7 {
				return mk(v, 7, end)
			}
		}
		return freqHit{}, i, false
	}
	if j < len(toks) && isTimesWord(toks[j]) {
		k := j + 1
		if k < len(toks) && (toks[k].isWord("a") || toks[k].isWord("an") || toks[k].isWord("per") ||
			toks[k].isSym("/") || toks[k].isWord("every") || toks[k].isWord("each") || toks[k].isWord("in")) {
			k++
			if k < len(toks) && toks[k].isWord("a") {
				k++
			}
		}
		if d, end, ok := l.readPeriod(toks, k); ok {
			return mk(v, d, end)
		}
		return freqHit{}, i, false
	}
	if j < len(toks) && (toks[j].isSym("/") || toks[j].isWord("per")) && toks[i].kind == tkNum {
		// "3/week", "2 per day"; not "3/7" (a UK day count) nor "mg/kg".
		if j+1 < len(toks) && toks[j+1].kind == tkWord {
			if d, ok := l.periods[toks[j+1].text]; ok && d >= 1 {
				return mk(v, d, j+2)
			}
		}
		return freqHit{}, i, false
	}
	k := j
	if k < len(toks) && toks[k].isSym("-") {
		k++
	}
	if k < len(toks) && (toks[k].isWord("hourly") || toks[k].isWord("hrly") || toks[k].isWord("hly")) {
		return mk(1, v/24, k+1)
	}
	return freqHit{}, i, false
}

// parseMNN reads the morning-noon-night notation common in South Asian
// prescriptions: "1-0-1" is twice a day, "1-1-1" three times, "1-1-1-1"
// four times. Each part must be 0, ½ or a small integer, and the pattern must
// not be followed by a unit (so "1-2-3 mg" is not read).
func (l *Lexicon) parseMNN(s string, toks []token, i int) (freqHit, int, bool) {
	sum, parts := 0.0, 0
	j := i
	for j < len(toks) && parts < 4 {
		t := toks[j]
		if t.kind != tkNum || t.num > 4 || t.num*2 != math.Trunc(t.num*2) {
			break
		}
		sum += t.num
		parts++
		j++
		if parts < 4 && j+1 < len(toks) && toks[j].isSym("-") && toks[j+1].kind == tkNum && toks[j].end == toks[j+1].start && toks[j-1].end == toks[j].start {
			j++
			continue
		}
		break
	}
	if parts < 3 || sum == 0 {
		return freqHit{}, i, false
	}
	if j < len(toks) && toks[j].kind == tkWord {
		if _, unit := look(toks[j], vMass, l.units); unit {
			return freqHit{}, i, false
		}
	}
	return freqHit{f: Frequency{Times: sum, PeriodDays: 1, Text: span(s, toks, i, j)}, ti: i, te: j}, j, true
}
