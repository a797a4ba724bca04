package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// arrowAlt is the alternation of the arrows a change is written with in a regular
// expression: "→", "->", "-->", "=>", "==>", "⟶", "⇒", "➔", "➜".
const arrowAlt = `→|-{1,2}>|={1,2}>|⟶|⇒|➔|➜`

// arrowRunes are the arrows of one character; with '>' they tell a cheap scan that an arrow
// may stand in a text.
const arrowRunes = "→⟶⇒➔➜"

// arrowRE matches before/after values written without "from": "VAS 8→3", "mRSS 30 -> 15",
// "pain 7/10 to 2/10", "size 3 cm → 1 cm", "platelets 12,000 → 145,000" (groups of three
// digits after a comma are thousands, as "from A to B" reads them), "CEA 93.8 (Nov 99) ->
// 240.3" (a short aside in parentheses after the first value: its date or "baseline"), "mRSS
// 31 → 24 mo 6" (the time of a value before the next arrow, either way round), "Hb
// 6,1 -> 11,8" (one or two digits after a comma are a decimal comma, numberValue); the
// measure must be named right before them.
// beforeAfter runs it from each number a measure's name precedes, on at most arrowReach
// bytes.
const arrowReach = 64

var arrowRE = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d+,\d{1,2}\b|\d+(?:\.\d+)?)(?:\s*/\s*(\d+))?(?:\s*/\s*(?:yr|year|y|mo|month|wk|week|d|day)\b)?\s*([a-zµμ%]*[23²³]?(?:/\d*[a-zA-Zµμ]+)?)(?:\s*\(?(?:(?:at|by|after|on|in)?\s*\d{1,3}\s*(?:d|days?|wks?|weeks?|mos?|months?|y|yrs?|years?)|(?:at\s+)?(?:wks?|weeks?|mos?|months?|yrs?|years?)\s*\d{1,3})\)?)?(?:\s*\([^()→>=]{1,20}\))?\s*(?:` + arrowAlt + `|\bto\b)\s*(?:(?:a\s+)?nadir\s+(?:of\s+)?)?[<≤~≈]?\s*(\d{1,3}(?:,\d{3})+|\d+,\d{1,2}\b|\d+(?:\.\d+)?)(?:\s*/\s*(\d+))?`)

// arrowPairs reads the before/after values written after a measure's name without "from"
// ("VAS 8→3", "mRSS 30 to 15", "BCVA 20/200 → 20/40") and hands each pair to read with
// the span it takes.
func (c *compiled) arrowPairs(text string, toks []token, read func(start, end int, a, b float64, mids []float64)) {
	// arrows and "to" are read only right after a named measure: the expression runs from
	// each number a measure's name precedes, not over the whole text
	for k := range toks {
		if toks[k].norm == "" || toks[k].norm[0] < '0' || toks[k].norm[0] > '9' {
			continue
		}
		if !c.measureRightBefore(toks, k) && !c.measureChangedBefore(toks, k) && (k > 0 && isNumber(toks[k-1].norm) || !c.measureFollows(text, toks, k)) {
			continue
		}
		start := toks[k].start
		r := fromBaselineRE.FindStringSubmatchIndex(text[start:min(len(text), start+arrowReach)])
		if r != nil && timeAfter(text[start+r[1]:]) {
			r = nil // "platelets 50 from day 3": a time
		}
		if r == nil {
			r = parenBaselineRE.FindStringSubmatchIndex(text[start:min(len(text), start+arrowReach)])
		}
		if r != nil && !yearLike(text[start+r[4]:start+r[5]]) {
			// "regrowth to SALT 15 from 70", "NRS 5 (from 9)", "EASI 4 (baseline 20)": the value
			// reached, then its baseline; later values of the series go on from it ("NRS 6
			// (from 9) at wk 4, 1 at wk 16"), not a year ("EDSS 2.0 (from 2015)")
			var mids []float64
			end, lastAt, lastEnd := c.seriesAfter(text, toks, start, start+r[4], start+r[5], start+r[2], start+r[3], start+r[1], &mids)
			read(start, end, numberValue(text[start+r[4]:start+r[5]]), numberValue(text[lastAt:lastEnd]), mids)
			continue
		}
		from, lo, hi, isRange := start, 0.0, 0.0, false
		if rm := rangeBeforeRE.FindStringSubmatchIndex(text[from:min(len(text), from+24)]); rm != nil {
			// "plt 1.5-4.6 -> 18.5": a range before; the expression runs from its upper end
			lo, _ = strconv.ParseFloat(text[from+rm[2]:from+rm[3]], 64)
			hi, _ = strconv.ParseFloat(text[from+rm[4]:from+rm[5]], 64)
			from, isRange = from+rm[4], lo < hi
		}
		r = arrowRE.FindStringSubmatchIndex(text[from:min(len(text), from+arrowReach)])
		if r == nil || r[0] != 0 || from != start && !isRange {
			continue
		}
		m := make([]int, len(r))
		for i, x := range r {
			m[i] = x
			if x >= 0 {
				m[i] = x + from
			}
		}
		if m[0] >= 5 && containsFoldASCII(text[m[0]-5:m[0]], "from") {
			continue // read above
		}
		before := strings.TrimRight(strings.ToLower(text[max(0, m[0]-24):m[0]]), " <>≥≤")
		if strings.HasSuffix(before, "by") || strings.HasSuffix(before, "by more than") || strings.HasSuffix(before, "by less than") {
			continue // "decreased by > 50% to 434 ng/mL": a change and the level reached, not two values
		}
		if m[4] >= 0 && m[10] >= 0 {
			if x, y, ok := snellen(text[m[2]:m[3]], text[m[4]:m[5]], text[m[8]:m[9]], text[m[10]:m[11]]); ok {
				read(m[0], m[1], x, y, nil) // "BCVA 20/200 → 20/40": Snellen fractions, read as their values
				continue
			}
		}
		if (m[4] >= 0) != (m[10] >= 0) || m[4] >= 0 && text[m[4]:m[5]] != text[m[10]:m[11]] {
			continue // "7/10 to 2/8": not one scale
		}
		if u := text[m[6]:m[7]]; strings.Contains(u, "/") && !strings.HasPrefix(strings.TrimLeft(rangeEnd(text[m[9]:]), " "), u) {
			continue // "3.5 g/d → 200 mg/d": two units; "3,500/µL to 200/µL", "13 g/24h -> 1.5-2 g/24h" are one
		}
		end, lastAt, lastEnd := m[1], m[8], m[9]
		var mids []float64
		for m[10] < 0 {
			// "Abscess 6 cm → 2 cm → 0 cm": the first value and the last
			n := arrowRE.FindStringSubmatchIndex(text[lastAt:min(len(text), lastAt+arrowReach)])
			if n == nil || n[0] != 0 || n[10] >= 0 {
				break
			}
			mids = append(mids, numberValue(text[lastAt:lastEnd]))
			end, lastAt, lastEnd = lastAt+n[1], lastAt+n[8], lastAt+n[9]
		}
		end, lastAt, lastEnd = c.seriesAfter(text, toks, start, m[2], m[3], lastAt, lastEnd, end, &mids)
		a, b := numberValue(text[m[2]:m[3]]), numberValue(text[lastAt:lastEnd])
		if belowLimit(text[:lastAt]) && b <= a/10 {
			// "VL 45,000 → <50", "CRP 80 → < 5": a value given only as under a limit, a
			// tenth of the first value or less, is under the test's limit of detection or
			// of normal: none left to measure (rule 5: undetectable or normal is complete)
			b = 0
		}
		if isRange {
			// the change from the range's nearer end, and none when the value reached lies
			// inside the range
			switch {
			case b > hi:
				a = hi
			case b < lo:
				a = lo
			default:
				continue
			}
		}
		read(start, end, a, b, mids)
	}
}

// seriesNextRE matches one later value of a series after its time, at the start of the text
// after the series' last value: "; mo 12 10", ", wk 32 EASI 11", "; at 6 mo: 4". The value
// must end its clause (a separator or the end of the text follows), so "; wk 12 3 new
// nodules" is not one. Groups: 1 the measure's name when repeated, 2 the value.
var seriesNextRE = regexp.MustCompile(`^\s*[;,]\s*(?:at\s+|by\s+)?(?:(?:wks?|weeks?|mos?|months?|yrs?|years?|d|days?)\s*\d{1,3}\b|\d{1,3}\s*(?:wks?|weeks?|mos?|months?|yrs?|years?|d|days?)\b)\s*:?\s*(?:([A-Za-z][A-Za-z0-9-]*)\s*:?\s*)?(\d+(?:\.\d+)?)\s*(?:[;,]|\.(?:\s|$)|$)`)

// parenBaselineRE matches a value reached with its baseline in parentheses after it, at a
// measure's number: "5 (from 9)", "3/10 (baseline 7/10)", "4 (BL 20)", "2 (was 8)", "12 (pre-treatment 30)".
// Groups: 1 the value reached, 2 the baseline.
var parenBaselineRE = regexp.MustCompile(`(?i)^(\d+(?:\.\d+)?)(?:\s*/\s*10)?\s*\(\s*(?:from|baseline|bl|was|pre-?(?:treatment|tx|rx)?)\s*:?\s*(\d+(?:\.\d+)?)(?:\s*/\s*10)?\s*\)`)

// seriesAfter follows a series of values of the measure named before start past its last
// value text[lastAt:lastEnd] ("mRSS 35→20; mo 12 10; mo 24 6", "EASI 24→15; wk 32 EASI 11",
// "UAS7 32 -> 0 at wk 4; 28 at wk 20", "NRS 8→6 at 8 wk, 8→3 at 16 wk"), the first value being
// text[firstAt:firstEnd], and returns the end of the span read and its last value's bytes;
// the values it passes on the way are appended to mids (laterWorseThanBest weighs them).
func (c *compiled) seriesAfter(text string, toks []token, start, firstAt, firstEnd, lastAt, lastEnd, end int, mids *[]float64) (int, int, int) {
	pos := max(lastEnd, end) // past the last value and what the span read with it ("4 (from 20)")
	for name := measureWordBefore(text, start); ; {
		// later values of the same measure, each alone after its time, continue the series
		n := seriesNextRE.FindStringSubmatchIndex(text[pos:])
		if n == nil {
			// "UAS7 32 -> 0 at wk 4; 28 at wk 20": the value before its time
			n = seriesValueFirstRE.FindStringSubmatchIndex(text[pos:])
		}
		if n == nil {
			n = restatedLater(text[pos:], numberValue(text[firstAt:firstEnd]), numberValue(text[lastAt:lastEnd]))
		}
		if n == nil || n[2] >= 0 && !strings.EqualFold(text[pos+n[2]:pos+n[3]], name) || c.offCourseAfter(text, toks, pos+n[5]) {
			// "EASI 30 → 6 at wk 16, then 25 at wk 40 off drug": a value after the course is
			// no part of it (rule 3)
			return end, lastAt, lastEnd
		}
		if !joinedByWord(text[pos : pos+n[4]]) {
			end = pos + n[5] // a word of time between ("then") is a cue of its own: the span stops before it
		}
		*mids = append(*mids, numberValue(text[lastAt:lastEnd]))
		lastAt, lastEnd = pos+n[4], pos+n[5]
		pos = lastEnd
	}
}

// restatedLater returns, as seriesNextRE's groups, a later value of a series written with its
// baseline (first) or its last value again, each pair at its own time: " at 8 wk, 8→3 at 16 wk".
// Pairs side by side at no time or the same time are two sites or measures, not a series
// ("SJC/TJC 8→0, 8→6": rule 8). Nil when there is none.
func restatedLater(rest string, first, last float64) []int {
	r := seriesRestatedRE.FindStringSubmatchIndex(rest)
	if r == nil {
		return nil
	}
	if v := numberValue(rest[r[4]:r[5]]); v != first && v != last || strings.EqualFold(strings.Join(strings.Fields(rest[r[2]:r[3]]), " "), strings.Join(strings.Fields(rest[r[8]:r[9]]), " ")) {
		return nil
	}
	return []int{r[0], r[1], -1, -1, r[6], r[7]}
}

// yearLike reports whether a number is written as a year of the last two centuries
// ("(from 2015)"): a date, not a baseline value.
func yearLike(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20"))
}

// fromBaselineRE matches a value reached, then "from" and its baseline, at a measure's number:
// "SALT 15 from 70". A time after the second number ("5 from 3 mo on") makes it no baseline
// (timeAfter). Groups: 1 the value reached, 2 the baseline.
var fromBaselineRE = regexp.MustCompile(`(?i)^(\d+(?:\.\d+)?)(?:\s*/\s*10)?\s+from\s+(\d+(?:\.\d+)?)\b`)

// timeAfter reports whether rest opens with a unit of time or a course's count ("mo",
// "weeks", "doses"): the number before it is a time, not a value.
func timeAfter(rest string) bool {
	toks := tokenize(rest[:min(len(rest), 24)]) // the first word is all it looks at
	if len(toks) == 0 || isNumber(toks[0].norm) {
		return false
	}
	w := toks[0].norm
	return cellTimeWords[w] && !timeWordsOpening[w] || courseCountNouns[w]
}

// timeWordsOpening are the words of cellTimeWords that open a time rather than end one.
var timeWordsOpening = map[string]bool{"after": true, "at": true, "for": true, "later": true, "of": true, "on": true,
	"follow": true, "up": true, "till": true, "until": true, "last": true, "by": true, "within": true, "post": true}

// seriesRestatedRE matches a later value of a series written with its baseline again, past the
// time of the series' last value and before its own: " at 8 wk, 8→3 at 16 wk". Groups: 1 the
// last value's time, 2 the baseline again, 3 the later value, 4 its time.
var seriesRestatedRE = regexp.MustCompile(`^\s*(?:at|by)?\s*(` + seriesTime + `)\s*[;,]\s*(\d+(?:\.\d+)?)\s*(?:` + arrowAlt + `)\s*(\d+(?:\.\d+)?)\s*(?:at|by)?\s*(` + seriesTime + `)`)

// seriesTime is a time in a series of values: "wk 20", "20 wk", "mo 6", "6 months".
const seriesTime = `(?:(?:wks?|weeks?|mos?|months?|yrs?|years?|d|days?)\s*\d{1,3}\b|\d{1,3}\s*(?:wks?|weeks?|mos?|months?|yrs?|years?|d|days?)\b)`

// seriesValueFirstRE matches one later value of a series before its time, past the time of
// the series' last value: " at wk 4; 28 at wk 20", "; EASI 5 at 12 mo", ", then 7 at 6 mo". The time after the
// value is needed, so "; 3 new nodules" is not one. Groups: 1 the measure's name when
// repeated, 2 the value.
var seriesValueFirstRE = regexp.MustCompile(`^(?:\s*(?:at|by|after)?\s*` + seriesTime + `)?\s*[;,]\s*(?:(?:then|later|and then|and)\s+)?(?:([A-Za-z][A-Za-z0-9-]*)\s*:?\s*)?(\d+(?:\.\d+)?)\b\s*(?:(?:at|by|after|on)\s+)?` + seriesTime + `\b`)

// measureWordBefore returns the word right before the value at byte start, the measure's
// name in "EASI 24→15" or "EASI: 24→15".
func measureWordBefore(text string, start int) string {
	before := strings.TrimRight(text[:start], " :")
	i := strings.LastIndexAny(before, " ;,(")
	return before[i+1:]
}

// rangeBeforeRE matches a range of values written before an arrow ("1.5-4.6 -> 18.5"): its
// two ends.
var rangeBeforeRE = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*[^\d\s-–]{0,12}\s*(?:` + arrowAlt + `)`)

// measureFollows reports whether a measure of scores.tsv follows the values of a change
// written from token k ("30 -> 10 seizures/day", "12 → 2 attacks per month"): the arrow
// expression matches there and a measure's name stands right after its last value or its
// unit.
func (c *compiled) measureFollows(text string, toks []token, k int) bool {
	from := toks[k].start
	window := text[from:min(len(text), from+arrowReach)]
	if !strings.ContainsAny(window, arrowRunes+">") && !containsFoldASCII(window, "to") {
		return false // the expression needs an arrow or "to": a cheap scan first, as for the others
	}
	r := arrowRE.FindStringIndex(window)
	if r == nil || r[0] != 0 {
		return false
	}
	_, _, ok := c.measureAfter(toks, tokenAtByte(toks, from+r[1]))
	return ok
}

// rangeEnd returns rest without the upper end of a range that starts it ("-2 g/24h" of
// "1.5-2 g/24h" gives " g/24h").
func rangeEnd(rest string) string {
	if len(rest) > 1 && (rest[0] == '-' || strings.HasPrefix(rest, "–")) {
		r := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(rest, "-"), "–"), " ")
		if n := len(r) - len(strings.TrimLeft(r, "0123456789.")); n > 0 {
			return r[n:]
		}
	}
	return rest
}

// belowLimit reports whether the text before a value ends with "<" or "≤": the value is a
// limit the true one is under.
func belowLimit(before string) bool {
	before = strings.TrimRight(before, " ")
	return strings.HasSuffix(before, "<") || strings.HasSuffix(before, "≤")
}

// backToRE matches a value a change fell or went back to after its last value, past a time
// stamp in the same clause: "98 on day 5, back to 10 by day 21", "…, then rebounded to 150"
// ("returned to 1.0" may be a return to baseline, the response itself).
var backToRE = regexp.MustCompile(`^[^;.,]{0,25}?,\s*(?:then\s+|but\s+|and\s+)?(?:(?:fell|dropped|went|came|drifted|was|were)\s+)?(?:back\s+(?:down\s+|up\s+)?to|rebounded\s+to)\s+(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`)

// backTo reports the end of a value a change written up to byte end went back to: a
// response that did not last.
func backTo(text string, end int) (e int, ok bool) {
	n := backToRE.FindStringSubmatchIndex(text[end:min(len(text), end+80)])
	if n == nil {
		return 0, false
	}
	return end + n[3], true
}

// snellenDenominatorRE matches the denominator after the second value of a change written
// as two fractions ("from 20/200 to 20/40").
var snellenDenominatorRE = regexp.MustCompile(`^\s*/\s*(\d+(?:\.\d+)?)`)

// snellenPair reads "from 20/200 to 20/40" and "from 6/60 to 6/9", where fromToRE took the
// first denominator as the unit of a and the second is at the start of after. It returns the
// two values (snellen) and how many bytes of after the second denominator takes.
func snellenPair(a, unit, b, after string) (x, y float64, n int, ok bool) {
	m := snellenDenominatorRE.FindStringSubmatchIndex(after)
	if len(unit) < 2 || unit[0] != '/' || m == nil {
		return 0, 0, 0, false
	}
	x, y, ok = snellen(a, unit[1:], b, after[m[2]:m[3]])
	return x, y, m[1], ok
}

// snellen returns the values of the fractions a/da and b/db when they are visual acuities
// (Snellen): the same numerator and different denominators ("20/200" and "20/40", "6/60" and
// "6/9"). A common denominator ("7/10 to 2/10") is a scale, read as the numerators are, and
// other pairs ("160/100 to 120/80", a blood pressure) are not fractions of one value.
func snellen(a, da, b, db string) (x, y float64, ok bool) {
	if a != b || da == db {
		return 0, 0, false
	}
	num, err1 := strconv.ParseFloat(a, 64)
	p, err2 := strconv.ParseFloat(da, 64)
	q, err3 := strconv.ParseFloat(db, 64)
	if err1 != nil || err2 != nil || err3 != nil || p <= 0 || q <= 0 {
		return 0, 0, false
	}
	return num / p, num / q, true
}

// measureChangedBefore reports whether a measure of scores.tsv and a verb of change that the
// values state precisely stand right before token k: "mRSS rose 18 -> 26", "PASI fell 20 →
// 3", read as "mRSS 18 -> 26" is. Not a noun ("FEV1 fall 78% -> 29%" names a measure of its
// own).
func (c *compiled) measureChangedBefore(toks []token, k int) bool {
	if k < 2 || toks[k].brk || toks[k-1].brk || !changeVerb(toks[k-1].norm) {
		return false
	}
	if c.measureRightBefore(toks, k-1) {
		return true
	}
	// "UAS7 had fallen 26→15": an auxiliary between the measure and the verb
	return k > 2 && auxiliaries[toks[k-2].norm] && !toks[k-2].brk && c.measureRightBefore(toks, k-2)
}

// changeVerb reports whether w is a verb among the words of change that numbers state more
// precisely (vagueChange): a past form ("decreased", "improved") or "rose" and "fell", not a
// noun ("fall", "reduction").
func changeVerb(w string) bool {
	return vagueChange[w] && (strings.HasSuffix(w, "ed") || w == "rose" || w == "fell") || w == "fallen" || w == "risen"
}

// joinedByWord reports whether the gap before a later value of a series holds a word that
// joins it ("then", "later", "and"), which the reader takes as a cue of its own.
func joinedByWord(gap string) bool {
	for _, w := range words(gap) {
		if w == "then" || w == "later" || w == "and" {
			return true
		}
	}
	return false
}

// offCourseAfter reports whether the rest of the clause that starts at byte off, up to its
// next semicolon or full stop, says the value before it was measured off the course: a cue of
// the time after the course (cues.tsv, "after course": "after stopping", "after last dose",
// "drug holiday"), a word of stop ("drug stopped at wk 24"), or "off" before a treatment ("off
// omalizumab").
func (c *compiled) offCourseAfter(text string, toks []token, off int) bool {
	ends := sentenceEnds(text, toks) // only when a later value of a series was found: rare
	for x := tokenAtByte(toks, off); x < len(toks); x++ {
		if ends[x] && toks[x].start > off {
			return false
		}
		if stopWords[toks[x].norm] {
			return true
		}
		if n, ids := c.ctxTrie.longest(toks, x, nil); n > 0 && c.cues[ids[0]].role == cueAfterCourse {
			return true
		}
		if toks[x].norm == "off" && x+1 < len(toks) && !toks[x+1].brk {
			if n, _ := c.drugTrie.longest(toks, x+1, nil); n > 0 {
				return true
			}
		}
	}
	return false
}
