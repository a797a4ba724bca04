package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// Values of one measure given at stated times, without an arrow or "from … to": "PASI 24 at
// baseline; PASI 3 at week 16", "Baseline PASI 19.4 / wk 12: PASI 0", "SALT 80 at baseline,
// SALT 20 at 6 months", "at 6 months SALT 20 (baseline SALT 80)", "DLQI 20 before treatment
// and 2 after 3 months". The value at baseline (or, when no time is stated for it, the
// measure's first value in the text) is read against the value at the latest later time
// (rule 5), as "from A to B" is. Values whose times cannot be put in order are not read:
// "mRSS 30 on the left, 18 on the right" is two sites, not a change.

// timedValue is one value of a named measure and the time stated for it.
type timedValue struct {
	term       string
	start, end int     // the value's bytes
	k, kEnd    int     // the value's first token and the token after it
	named      bool    // the measure's name stands before the value (not "…; 3 at week 16")
	v          float64 // the value
	when       float64 // 0 baseline, > 0 a later time (days, or a rank for "at last follow-up"), -1 none stated
}

// timedNumberRE matches a value at a token's start: "19.4", "19,4" (a decimal comma), "3".
var timedNumberRE = regexp.MustCompile(`^\d+(?:[.,]\d+)?`)

// baselineOnlyWords name the start of the course where beforeCourseWords (floor.go), the other
// words of the time before it, do not: "bl", "pretreatment", "entry", "start".
var baselineOnlyWords = map[string]bool{"bl": true, "pretreatment": true, "entry": true, "start": true}

// laterNoNumber ranks a later time stated without a number ("at last follow-up") after every
// numbered one.
const laterNoNumber = 1e6

// afterStartWords name a time after the start of the course, with no number: "at last follow-up",
// "now", "after treatment".
var afterStartWords = map[string]bool{"after": true, "post": true, "posttreatment": true, "followup": true, "follow": true,
	"now": true, "currently": true, "finally": true, "last": true, "end": true, "later": true, "subsequently": true, "discharge": true}

// compactTimeRE matches a time written as one word: "wk12", "w12", "m6", "d30", "mo6".
var compactTimeRE = regexp.MustCompile(`^(d|w|wk|m|mo|y)(\d{1,3})$`)

// unitFirstTimeRE matches a time written as one word with its number first, as the
// tokenizer writes "at 24/12" ("24mo") and "6/52" ("6wk").
var unitFirstTimeRE = regexp.MustCompile(`^(\d{1,3})(d|wk|mo|y)$`)

// timedValues reads the values of a named measure given at stated times and hands the value
// at baseline and the latest one to read with the span between them; a response that did
// not last (reboundAfterBest) is returned as minimal instead. covered reports a byte already
// read as part of another change (an arrow, "from … to").
func (c *compiled) timedValues(text string, toks []token, covered func(int) bool, read func(start, end int, a, b float64)) (transient []valueHit) {
	vals := c.measureValues(text, toks, covered)
	if len(vals) < 2 {
		return nil
	}
	for i := range vals {
		vals[i].when = timeOf(text, toks, vals, i)
	}
	kept := vals[:0]
	for _, x := range vals {
		if x.when == 0 || !x.named || !c.thresholdAfterValue(kept, x.term, x.v) {
			kept = append(kept, x)
		}
	}
	vals = kept
	done := map[string]bool{}
	for _, first := range vals {
		if done[first.term] {
			continue
		}
		done[first.term] = true
		var same []timedValue
		for _, x := range vals {
			if x.term == first.term {
				same = append(same, x)
			}
		}
		a, b, ok := baselineAndLast(same)
		if !ok {
			continue
		}
		start, end := min(a.start, b.start), max(a.end, b.end)
		if _, better, _ := c.measureBefore(toks, first.k); reboundAfterBest(same, a, b, better) {
			// "PASI 18 bl, 3 at wk 12, 9 at wk 40": a response that did not last, as "back
			// to" after values is (rule 3: read at the last assessment)
			transient = append(transient, valueHit{start, end, Minimal, false, false, false})
			continue
		}
		read(start, end, a.v, b.v)
	}
	return transient
}

// reboundAfterBest reports whether a value between the baseline a and the last value b was
// better than both by more than a twentieth of a, and the last value, still better than a,
// lost at least half of the gain from a to it: a response that did not last (a last value
// worse than the baseline is read as such, a worsening). better is the measure's better direction ("lower", "higher").
func reboundAfterBest(vals []timedValue, a, b timedValue, better string) bool {
	sign := 1.0
	switch better {
	case "lower":
	case "higher":
		sign = -1
	default:
		return false
	}
	for _, x := range vals {
		if x.when <= a.when || x.when >= b.when || x.when < 0 {
			continue
		}
		gain, lost := sign*(a.v-x.v), sign*(b.v-x.v)
		if gain > 0.05*a.v && lost > 0 && lost >= gain/2 && sign*(a.v-b.v) > 0 {
			return true
		}
	}
	return false
}

// measureValues returns the values that follow a measure's name ("PASI 19.4", "EASI: 8",
// "pain score 7"), and a value alone that opens a clause right after one of them and has a
// time of its own ("PASI 24 at baseline; 3 at week 16"), which is that measure's. Values
// inside another change, fractions ("7/10") and percentages are not values (a threshold's
// number, "PASI 75", is dropped by timedValues once the times are known).
func (c *compiled) measureValues(text string, toks []token, covered func(int) bool) []timedValue {
	var vals []timedValue
	for k := range toks {
		w := toks[k].norm
		if w == "" || w[0] < '0' || w[0] > '9' || covered(toks[k].start) {
			continue
		}
		if k > 0 && (decimalPart(text, toks, k) || !toks[k].brk && isNumber(toks[k-1].norm)) || toks[k].arrow || k > 0 && (toks[k-1].norm == "from" || toks[k-1].norm == "to") {
			continue
		}
		m := timedNumberRE.FindStringIndex(text[toks[k].start:])
		if m == nil {
			continue
		}
		end := toks[k].start + m[1]
		if end < len(text) && (text[end] == '/' || text[end] == '%') {
			continue // a fraction, a rate or a percentage
		}
		v := numberValue(text[toks[k].start:end]) // "19,4" is 19.4, "1,200" is 1200
		var term string
		named := c.measureRightBefore(toks, k) || k > 1 && valueLinks[toks[k-1].norm] && !toks[k-1].brk && c.measureRightBefore(toks, k-1)
		if named {
			term, _, _ = c.measureBefore(toks, k)
		} else if n := len(vals); n > 0 && k-vals[n-1].kEnd <= 7 && !numberBetween(text, toks, vals[n-1].kEnd, k) &&
			((toks[k].brk || toks[k-1].norm == "and") && timeIn(toks, tokenAtByte(toks, end), afterValue(text, toks, tokenAtByte(toks, end), len(toks))) > 0 ||
				(toks[k-1].norm == "bl" || toks[k-1].norm == "baseline") && !toks[k].brk) {
			term = vals[n-1].term // "PASI 24 at baseline; 3 at week 16", "PASI 0 at wk 28 (bl 17.4)"
		}
		if term == "" {
			continue
		}
		vals = append(vals, timedValue{term: term, start: toks[k].start, end: end, k: k, kEnd: tokenAtByte(toks, end), named: named, v: v, when: -1})
	}
	return vals
}

// numberBetween reports whether a token in [from, to) is a number other than a power of ten's
// ("10^9/L", "x10^9") or a time's ("wk 0").
func numberBetween(text string, toks []token, from, to int) bool {
	for j := from; j < to; j++ {
		if !isNumber(toks[j].norm) || j > 0 && strings.Contains(text[toks[j-1].end:toks[j].start], "^") ||
			j+1 < len(toks) && strings.Contains(text[toks[j].end:toks[j+1].start], "^") {
			continue
		}
		if j > 0 && labelUnitDays[toks[j-1].norm] > 0 || j+1 < len(toks) && labelUnitDays[toks[j+1].norm] > 0 {
			continue // a time's number: "wk 0", "12 weeks"
		}
		return true
	}
	return false
}

// valueLinks are the words that may stand between a measure's name and its value: "PASI of
// 24", "the PASI was 24", "PASI score was 24", "SALT bl 92" (its time, which timeOf reads).
var valueLinks = map[string]bool{"of": true, "was": true, "were": true, "is": true, "measured": true, "scored": true,
	"bl": true, "baseline": true}

// thresholdAfterValue reports whether v, a number after term's name, is one of term's
// named response levels rather than its value: a round number (a multiple of five) at or
// above term's lowest threshold, higher than term's value before it ("PASI 20 at baseline,
// PASI 75 at week 16": the level reached, not a worsening; "SALT 80 at baseline, SALT 20 at 6
// months" are values). A value stated at baseline is never a level reached.
func (c *compiled) thresholdAfterValue(vals []timedValue, term string, v float64) bool {
	if v != float64(int(v)) || int(v)%5 != 0 {
		return false
	}
	lowest := -1.0
	for _, s := range c.scores {
		if s.kind == "threshold" && s.term == term && (lowest < 0 || s.value < lowest) {
			lowest = s.value
		}
	}
	if lowest < 0 || v < lowest {
		return false
	}
	for i := len(vals) - 1; i >= 0; i-- {
		if vals[i].term == term {
			return vals[i].v < v
		}
	}
	return false
}

// decimalPart reports whether token k is the decimals of a number ("4" in "19.4", "5" in
// "1x0.5", whose token before ends in a digit).
func decimalPart(text string, toks []token, k int) bool {
	gap := text[toks[k-1].end:toks[k].start]
	return (gap == "." || gap == ",") && isDigitByte(text[toks[k-1].end-1])
}

// timeOf returns the time stated for vals[i]: in the words before its measure's name, back to
// the clause break before them (a colon after a time, "wk 12: PASI 0", is crossed) and not
// into the previous value's words, and in the words after the value up to the first divider
// (a clause break, a parenthesis, "and", "vs"). It is 0 for a baseline, a number of days for a
// later time (a large rank for a later time without a number), and -1 when none is stated.
func timeOf(text string, toks []token, vals []timedValue, i int) float64 {
	lo := 0
	if i > 0 {
		lo = afterValue(text, toks, vals[i-1].kEnd, vals[i].k)
	}
	from := vals[i].k
	for from > lo && from > vals[i].k-8 {
		if toks[from].brk && !colonBefore(text, toks, from) {
			break
		}
		from--
	}
	if before := timeIn(toks, from, vals[i].k); before >= 0 {
		return before
	}
	hi := len(toks)
	if i+1 < len(vals) {
		hi = vals[i+1].k
	}
	return timeIn(toks, vals[i].kEnd, afterValue(text, toks, vals[i].kEnd, hi))
}

// colonBefore reports whether a colon stands right before token j.
func colonBefore(text string, toks []token, j int) bool {
	for _, r := range text[toks[j-1].end:toks[j].start] {
		if r == ':' {
			return true
		}
	}
	return false
}

// afterValue returns the end of the words that belong to a value ending before token from:
// up to the first divider before hi (a clause break, a parenthesis, "and", "vs"), at most six
// words.
func afterValue(text string, toks []token, from, hi int) int {
	for from < hi && from < len(toks) && valueUnits[toks[from].norm] && !toks[from].brk {
		from++ // "48 cm2 (wk 0)": the value's unit, then its time
	}
	to := from
	if from < hi && from > 0 && strings.ContainsAny(text[toks[from-1].end:toks[from].start], "([") {
		// "EASI 30 (week 0)": a parenthesis right after the value that closes before the next
		// value is the value's own
		for close := from + 1; close <= hi && close < from+6; close++ {
			gap := text[toks[close-1].end:]
			if close < len(toks) {
				gap = text[toks[close-1].end:toks[close].start]
			}
			if strings.ContainsAny(gap, ")]") {
				return close
			}
		}
		return from
	}
	for to < hi && to < from+6 {
		if toks[to].brk || to > 0 && strings.ContainsAny(text[toks[to-1].end:toks[to].start], "()[]") {
			break
		}
		if w := toks[to].norm; w == "and" || w == "vs" || w == "versus" || w == "while" || w == "but" {
			break
		}
		to++
	}
	return to
}

// valueUnits are the units a value may carry before its time.
var valueUnits = map[string]bool{"mm": true, "cm": true, "cm2": true, "cm3": true, "mm2": true, "mm3": true, "ml": true,
	"g": true, "mg": true, "dl": true, "l": true, "u": true, "iu": true, "mmol": true, "umol": true, "mmhg": true}

// timeIn returns the time the tokens in [from, to) state: 0 for a baseline ("baseline",
// "before treatment", "week 0"), the days of a later time ("at week 12", "6 mo", "m6"), a
// large rank for a later time without a number ("at last follow-up", "now"), -1 for none.
func timeIn(toks []token, from, to int) float64 {
	when, baseline, later := -1.0, false, false
	for j := from; j < to; j++ {
		w := toks[j].norm
		d := -1.0
		switch {
		case beforeCourseWords[w] || baselineOnlyWords[w]:
			baseline = true
		case j+1 < to && (isNumber(w) || isNumber(toks[j+1].norm)):
			if v, ok := timeValue(w, toks[j+1].norm); ok { // "12 weeks", "week 12"
				d = v
			}
		case compactTimeRE.MatchString(w) && !(j > 0 && doseUnitWords[toks[j-1].norm]): // not "mg/m2"
			sm := compactTimeRE.FindStringSubmatch(w)
			d = numberValue(sm[2]) * labelUnitDays[sm[1]]
		case unitFirstTimeRE.MatchString(w):
			sm := unitFirstTimeRE.FindStringSubmatch(w)
			d = numberValue(sm[1]) * labelUnitDays[sm[2]]
		case afterStartWords[w]:
			later = true
		}
		if d == 0 {
			baseline = true
		} else if d > 0 {
			when = d
		}
	}
	switch {
	case when > 0: // "at 12 weeks after start of treatment": the numbered time wins
		return when
	case baseline:
		return 0
	case later:
		return laterNoNumber
	}
	return -1
}

// baselineAndLast returns, of one measure's values in text order, the value at baseline and
// the value at the latest later time. A first value with no time stated counts as the
// baseline when a later one has a time; a last value with no time stated counts as the latest
// when the first is at baseline. Two values at one time, or times out of order with no
// baseline, are not read.
func baselineAndLast(vals []timedValue) (a, b timedValue, ok bool) {
	base, last := -1, -1
	for i, x := range vals {
		if x.when == 0 && base < 0 {
			base = i
		}
		if x.when > 0 && (last < 0 || x.when > vals[last].when || x.when == vals[last].when && x.when >= laterNoNumber) {
			last = i
		}
	}
	switch {
	case base < 0 && last > 0 && vals[0].when < 0:
		base = 0
	case base >= 0 && last < 0 && len(vals) > base+1 && vals[len(vals)-1].when < 0:
		last = len(vals) - 1
	}
	if base < 0 || last < 0 || base == last {
		return a, b, false
	}
	for i, x := range vals {
		if i != base && i != last && x.when == vals[last].when && x.when < laterNoNumber {
			return a, b, false // two values at the latest time
		}
	}
	return vals[base], vals[last], true
}

// timeListRE matches a list of times after "at" that starts at zero: "at wk 0, 4, 10", "at
// m0, m3, m6", "at 0, 3, 6/12", "at wk 0, 12 and 24". Group 1 is the list.
var timeListRE = regexp.MustCompile(`\bat\s+((?:(?:wks?|weeks?|m|mo|d|days?)\s*)?0(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:wks?|weeks?|m|mo|d|days?)\s*)?\d{1,3})+)\s*(?:/12|/52|wks?|weeks?|mos?|months?|d|days?)?\b`)

// timeDigitsRE matches the number of one time of such a list.
var timeDigitsRE = regexp.MustCompile(`(\d{1,3})`)

// commaSeries reads a measure's values listed with commas before a list of as many times
// that starts at zero ("PASI 14, 12, 11 at wk 0, 12, 24", "wound area 14, 9, 25 cm2 at wk 0,
// 4, 10", "mRSS 22, 27, 31 at m0, m6, m12"): the first value against the last, handed to
// read, which checks the measure named before the first.
func commaSeries(text string, read func(start, end int, a, b float64)) {
	if strings.IndexByte(text, ',') < 0 {
		return
	}
	for _, m := range timeListRE.FindAllStringSubmatchIndex(text, -1) {
		times := timeDigitsRE.FindAllString(text[m[2]:m[3]], -1)
		for i := 1; i < len(times); i++ {
			if numberValue(times[i]) <= numberValue(times[i-1]) {
				times = nil // the times must rise
				break
			}
		}
		if len(times) < 2 {
			continue
		}
		vals := valueListBefore(text[:m[0]], len(times))
		if vals == nil {
			continue
		}
		a, _ := strconv.ParseFloat(text[vals[0][0]:vals[0][1]], 64)
		b, _ := strconv.ParseFloat(text[vals[len(vals)-1][0]:vals[len(vals)-1][1]], 64)
		read(vals[0][0], vals[len(vals)-1][1], a, b)
	}
}

// listValueRE matches one value of a list with its unit: "14", "2.5 cm", "8%", "8/10".
var listValueRE = regexp.MustCompile(`^\s*(\d+(?:\.\d+)?)\s*(?:%|/10|cm[23]?|mm[23]?|[a-z]{0,3})?\s*$`)

// valueListBefore returns the spans of the last n comma-separated values that end prefix,
// each a number with at most a short unit, or nil when prefix does not end with such a list.
func valueListBefore(prefix string, n int) [][2]int {
	out := make([][2]int, n)
	end := len(prefix)
	for i := n - 1; i >= 0; i-- {
		start := strings.LastIndexByte(prefix[:end], ',')
		if i == 0 {
			// the first value follows the measure's name: the last number before end
			start = strings.LastIndexAny(prefix[:end], " :(")
		}
		if start < 0 {
			return nil
		}
		m := listValueRE.FindStringSubmatchIndex(prefix[start+1 : end])
		if m == nil {
			return nil
		}
		out[i] = [2]int{start + 1 + m[2], start + 1 + m[3]}
		end = start
	}
	if before := strings.TrimRight(prefix[:out[0][0]], " "); strings.HasSuffix(before, ",") || before != "" && isDigitByte(before[len(before)-1]) {
		return nil // more values than times: "PASI 20, 14, 12, 11 at wk 0, 12, 24"
	}
	return out
}
