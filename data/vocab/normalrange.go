package vocab

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// A measure's reference interval (scores.tsv, kind normal) reads a change by where it
// leaves the value against the interval, not by its direction alone: for a measure that is
// too low as often as too high (sodium, potassium, TSH, haemoglobin) the baseline says
// which way is better. Rule 5: a value brought into the interval is normal (complete); a
// value brought at least half-way from where it was to the interval is partial, less of
// the way minimal. A value taken further from the interval, or out of it, may be the
// disease worse or a harm of the course (electrolytes and blood counts often are): it is
// progression, read weakly. A value normal before and after says nothing of the disease.

// ruleAgainstInterval is the rule of a change read against a reference interval.
const ruleAgainstInterval = "values against a reference interval"

// rule returns the rule that read h.
func (h valueHit) rule() string {
	if h.interval {
		return ruleAgainstInterval
	}
	if h.waned {
		return ruleSeriesWaned
	}
	return "before/after values"
}

// ruleSeriesWaned is the rule of the best value of a series whose later value is worse
// (laterWorseThanBest).
const ruleSeriesWaned = "before/after values (the best of a series whose later value is worse)"

// betterByInterval is the direction of benefit of a measure that scores.tsv gives only a
// reference interval: which way is better depends on where the value starts.
const betterByInterval = "interval"

// normalRange is one row of kind normal: a measure's reference interval in one unit.
type normalRange struct {
	low, high float64
	units     []string // the unit's spellings, lower case ("mmol/l", "meq/l"); empty: any
}

// unitScale bounds how far from its interval a value may lie and still be taken, when the
// text names no unit, as written in that interval's unit: a fifth of the lower limit to five
// times the upper ("Hb 6.1 -> 11.8" is in g/dL, "Hb 61 -> 118" in g/L).
const unitScale = 5

// parseNormalRange reads a normal row's value ("135-145") and unit ("mmol/L|mEq/L").
func parseNormalRange(value, unit string) (normalRange, bool) {
	lo, hi, ok := strings.Cut(value, "-")
	if !ok {
		return normalRange{}, false
	}
	l, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	h, err2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
	if err1 != nil || err2 != nil || l < 0 || h <= l {
		return normalRange{}, false
	}
	r := normalRange{low: l, high: h}
	for _, u := range strings.Split(unit, "|") {
		if u = strings.ToLower(strings.TrimSpace(u)); u != "" {
			r.units = append(r.units, u)
		}
	}
	return r, true
}

// pickNormalRange returns the interval of rs that the values a and b are written in: the
// one whose unit the text after them names (near: the values and a few words after), or,
// when none is named, the only one whose scale holds both values. It reports false when
// the text names another unit or the scale leaves the choice open.
func pickNormalRange(rs []normalRange, near string, a, b float64) (normalRange, bool) {
	near = strings.ToLower(near)
	named := false
	for _, r := range rs {
		for _, u := range r.units {
			if unitNamed(near, u) {
				return r, true
			}
			named = true
		}
	}
	if len(rs) == 1 && (!named || !unitLike(near)) {
		return rs[0], true
	}
	var pick normalRange
	n := 0
	for _, r := range rs {
		if a >= r.low/unitScale && a <= r.high*unitScale && b >= r.low/unitScale && b <= r.high*unitScale {
			pick = r
			n++
		}
	}
	if n != 1 || unitLike(near) {
		return normalRange{}, false
	}
	return pick, true
}

// unitNamed reports whether the unit u stands in s as a unit, not inside a longer word
// ("g/l" is not in "mg/l").
func unitNamed(s, u string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], u)
		if k < 0 {
			return false
		}
		k += i
		before := k == 0 || !isASCIILetter(s[k-1]) && s[k-1] != '/' && s[k-1] != 0xb5
		after := k+len(u) == len(s) || !isASCIILetter(s[k+len(u)]) && s[k+len(u)] != '/'
		if before && after {
			return true
		}
		i = k + 1
	}
}

// unitLike reports whether s names a unit of concentration ("mg/dL", "µg/L"): a slash
// after letters, which a value's unit has and a value's time ("at 4 wk") does not.
func unitLike(s string) bool {
	k := strings.IndexByte(s, '/')
	return k > 0 && (isASCIILetter(s[k-1]) || s[k-1] == 0xb5)
}

// distance returns how far v lies outside the interval (0 inside it) and on which side
// (-1 below, +1 above, 0 inside).
func (r normalRange) distance(v float64) (float64, int) {
	switch {
	case v < r.low:
		return r.low - v, -1
	case v > r.high:
		return v - r.high, 1
	}
	return 0, 0
}

// category reads the change from a to b against the interval (see above); ok is false
// when both values are normal.
func (r normalRange) category(a, b float64) (cat Category, weak, ok bool) {
	da, sa := r.distance(a)
	db, sb := r.distance(b)
	switch {
	case sa == 0 && sb == 0:
		return CategoryUnknown, false, false
	case sa == 0:
		return Progression, true, true // a normal value left behind: a worsening, or a harm
	case sb == 0:
		return Complete, false, true
	case sa != sb:
		return Partial, true, true // past the interval to its other side ("Na 115 → 152")
	}
	closed := (da - db) / da
	switch {
	case closed >= 0.5-1e-9:
		return Partial, false, true
	case closed > 1e-9:
		return Minimal, false, true
	case math.Abs(closed) <= 1e-9:
		return None, false, true
	}
	// further from the interval: the disease worse, or a harm of the course ("potassium 3.2
	// -> 2.4 mmol/L" on amphotericin B), which these measures often are: weak
	return Progression, true, true
}

// intervalReading is what againstNormal makes of a change.
type intervalReading int

const (
	byDirection intervalReading = iota // no interval applies: read the change by its direction, if known
	byInterval                         // read against the interval (the hit)
	notRead                            // not a value of the measure's interval, or normal throughout: not read
)

// againstNormal reads the change from a to b of term, written at text[start:end], against
// the term's reference interval (see above). It reads nothing (notRead) when the values are
// a dose ("sodium valproate increased from 500 to 1000 mg", "albumin 25 g -> 50 g daily"),
// the measure is another fluid's ("urine pH", "sweat sodium") or both values are normal; it
// leaves the change to its direction (byDirection) when the term has no interval or none
// fits the values' unit.
func (c *compiled) againstNormal(text string, toks []token, term string, start, end int, a, b float64) (valueHit, intervalReading) {
	rs := c.normals[term]
	if len(rs) == 0 {
		return valueHit{}, byDirection
	}
	near := unitWindow(text, start, end)
	if doseUnitRE.MatchString(near) || otherFluidBefore(toks, tokenAtByte(toks, start)) {
		return valueHit{}, notRead
	}
	r, ok := pickNormalRange(rs, near, a, b)
	if !ok {
		return valueHit{}, byDirection
	}
	cat, weak, ok := r.category(a, b)
	if !ok {
		return valueHit{}, notRead
	}
	if e, lost := backTo(text, end); lost && cat.AtLeast(Minimal) {
		cat, end = Minimal, e // "Na 118 -> 136 d3, back to 121 by d10": a response that did not last
	}
	return valueHit{start, end, cat, weak, true, false}, byInterval
}

// doseUnitRE matches a value with a unit of amount and no "per" after it: a dose or an
// intake, not a concentration ("1000 mg", "2 g daily", "40 mmol"; not "12.8 g/dL").
var doseUnitRE = regexp.MustCompile(`(?i)\d\s*(?:mg|g|mcg|µg|μg|ug|kg|ml|iu|units?|mmol|meq|tabs?|tablets?)\b(?:[^/]|$)`)

// fluidWords name a fluid or site other than blood, whose values the blood's reference
// intervals do not hold ("urine pH", "sweat sodium", "vaginal pH").
var fluidWords = map[string]bool{"urine": true, "urinary": true, "sweat": true, "vaginal": true, "gastric": true,
	"intragastric": true, "csf": true, "stool": true, "faecal": true, "fecal": true, "pleural": true, "ascitic": true,
	"salivary": true, "saliva": true, "synovial": true, "oesophageal": true, "esophageal": true, "skin": true,
	"tear": true, "dialysate": true, "peritoneal": true}

// otherFluidBefore reports whether a word of fluidWords stands among the four tokens
// before token k, where a change's values start ("urine pH 5.2 -> 6.5").
func otherFluidBefore(toks []token, k int) bool {
	return wordIn(toks, k-4, k, fluidWords)
}

// unitWindow returns the text of a change's values and what follows them up to the next
// clause mark or a few bytes on, where their unit is written.
func unitWindow(text string, start, end int) string {
	stop := min(len(text), end+14)
	if k := strings.IndexAny(text[end:stop], ",;()"); k >= 0 {
		stop = end + k
	}
	return text[start:stop]
}
