package vocab

import (
	"regexp"
	"strings"
)

// areaPairRE matches an area or a volume before and after, its unit written once or twice:
// "35 → 16 cm2", "18 cm² → 11 cm²", "12 to 4 cm2", "4 cm3 -> 1 cm3". Groups: 1 the first
// value, 2 its unit and 3 its power (when written), 4 the second value, 5 its unit, 6 its power.
var areaPairRE = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*(?:(mm|cm)([23²³]))?\s*(?:` + arrowAlt + `|\bto\b)\s*~?(\d+(?:[.,]\d+)?)\s*(mm|cm)([23²³])`)

// areaNextRE matches the next value of a series of areas after one read: "→ 9 cm2 (wk 12)",
// a short aside in parentheses before the arrow ("(wk 8) → 9 cm2"). Groups: 1 the value,
// 2 its unit, 3 its power.
var areaNextRE = regexp.MustCompile(`^\s*(?:\([^()]{1,20}\))?\s*(?:` + arrowAlt + `)\s*~?(\d+(?:[.,]\d+)?)\s*(mm|cm)([23²³])`)

// areaPairs reads areas and volumes before and after ("PG 18 cm2 → 11 cm2 (wk 8) → 9 cm2 (wk
// 12)", "35 → 16 cm2") outside the spans of seen: the first value against the last of the
// series, as a size (rule 5: a size is better lower), where sizeContext lets the values be the
// size of the disease (not "Schirmer", not an unknown name such as "PG 18 cm2"). "to" reads
// only a fall ("lesions of 2 to 6 cm2" may be a range); a unit or power that differs between
// the values is not read.
func (c *compiled) areaPairs(text string, seen []valueHit) []valueHit {
	if !strings.Contains(text, "cm") && !strings.Contains(text, "mm") {
		return nil
	}
	var out []valueHit
	for _, m := range areaPairRE.FindAllStringSubmatchIndex(text, -1) {
		if overlapsAny(seen, m[0], m[1]) || m[0] > 0 && isDigitByte(text[m[0]-1]) || !c.sizeContext(text[:m[0]]) {
			continue
		}
		unit, power := text[m[10]:m[11]], samePower(text[m[12]:m[13]])
		if m[4] >= 0 && (text[m[4]:m[5]] != unit || samePower(text[m[6]:m[7]]) != power) {
			continue
		}
		end, last := m[1], text[m[8]:m[9]]
		for {
			n := areaNextRE.FindStringSubmatchIndex(text[end:])
			if n == nil || text[end+n[4]:end+n[5]] != unit || samePower(text[end+n[6]:end+n[7]]) != power {
				break
			}
			last, end = text[end+n[2]:end+n[3]], end+n[1]
		}
		a := sizeValue(strings.ReplaceAll(text[m[2]:m[3]], ",", "."))
		b := sizeValue(strings.ReplaceAll(last, ",", "."))
		if b > a && !strings.ContainsAny(text[m[3]:m[8]], arrowRunes+">") {
			continue // "2 to 6 cm2": a range as often as a growth; an arrow is a change
		}
		if cat, ok := sizeCategory(a, b); ok {
			out = append(out, valueHit{m[0], end, cat, false, false})
		}
	}
	return out
}

// samePower returns the power of a unit written as a digit or a superscript as a digit.
func samePower(p string) string {
	switch p {
	case "²":
		return "2"
	case "³":
		return "3"
	}
	return p
}

// percentSeriesGapRE matches what stands between two percentages of one change at two times:
// the first one's time and a comma or "and" ("smaller at wk 6, ", " at 6 wk and ").
var percentSeriesGapRE = regexp.MustCompile(`^[^.;:()%]{0,30}\b(?:at|by|after|on|in)\s+(?:wk|week|weeks|mo|month|months|m|d|day|days|yr|year|years)?\s*\d+\s*(?:wk|wks|weeks?|mo|mos|months?|d|days?|y|yrs?|years?)?\s*(?:,\s*(?:and\s+|then\s+)?|\s+and\s+|\s+then\s+)~?$`)

// percentTimeAfterRE matches the time right after a percentage: " at wk 12", " by 6 months".
var percentTimeAfterRE = regexp.MustCompile(`^\s*(?:at|by|after|on|in)\s+(?:wk|week|mo|month|m|d|day|yr|year)?s?\s*\d+`)

// laterPercentOfSeries reports whether a percentage without a change word of its own
// continues the change of the percentage before it at a later time: gap, the text between
// them, holds the first one's time and a comma or "and", and rest, the text after it, starts
// with its own time ("~40% smaller at wk 6, ~65% at wk 12").
func laterPercentOfSeries(gap, rest string) bool {
	return percentSeriesGapRE.MatchString(gap) && percentTimeAfterRE.MatchString(rest)
}

// sitesCounted returns the count "A of B", "A out of B" or "A/B" (1 ≤ A < B, B no time's
// denominator) that stands within four words before token i or after token j in their
// clause: the sites that responded of all (gradeSitesCounted), and the token of A.
func sitesCounted(toks []token, i, j int) (x, y, at int, ok bool) {
	try := func(a int) (int, int, bool) {
		if a < 0 || a >= len(toks) {
			return 0, 0, false
		}
		b := a + 1
		for b < len(toks) && b < a+3 && (toks[b].norm == "of" || toks[b].norm == "out") && !toks[b].brk {
			b++
		}
		if b >= len(toks) || toks[b].brk {
			return 0, 0, false
		}
		x, okX := smallCount(toks[a].norm)
		y, okY := smallCount(toks[b].norm)
		if !okX || !okY || !partCount(x, y) || b == a+1 && toks[b].start-toks[a].end != 1 {
			return 0, 0, false // two numbers side by side are a count only with "/" between
		}
		return x, y, true
	}
	for a := i - 1; a >= max(0, i-4) && !toks[a+1].brk; a-- {
		if x, y, ok := try(a); ok {
			return x, y, a, true
		}
	}
	for a := j; a < min(len(toks), j+4); a++ {
		if toks[a].brk {
			break
		}
		if x, y, ok := try(a); ok {
			return x, y, a, true
		}
	}
	return 0, 0, 0, false
}
