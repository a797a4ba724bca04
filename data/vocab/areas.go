package vocab

import (
	"regexp"
	"strings"
)

// areaChainRE matches areas or volumes in a series, the unit written on any of the values:
// "35 → 16 cm2", "18 cm² → 11 cm²", "12 to 4 cm2", "12.6 → 6.1 → 2.0 cm2", "30 cm2 → 24 → 21
// cm2", "3.2 cm2 → 0 at wk 12", "PG 18 cm2 → 11 cm2 (wk 8) → 9 cm2" (a short aside in
// parentheses before an arrow). Group 1 is the first value, 2 and 3 its unit and power
// (when written), 4 the rest of the series, which areaStepRE reads.
var areaChainRE = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*(?:(mm|cm)([23²³]))?((?:\s*(?:\([^()]{1,20}\))?\s*(?:` + arrowAlt + `|\bto\b)\s*~?\d+(?:[.,]\d+)?(?:\s*(?:mm|cm)[23²³])?)+)`)

// areaStepRE matches one later value of a series areaChainRE found. Groups: 1 the connector,
// 2 the value, 3 and 4 its unit and power (when written).
var areaStepRE = regexp.MustCompile(`(` + arrowAlt + `|\bto\b)\s*~?(\d+(?:[.,]\d+)?)(?:\s*(mm|cm)([23²³]))?`)

// areaPairs reads areas and volumes before and after outside the spans of seen: the first
// value of a series against its last, as a size (rule 5: a size is better lower), where
// sizeContext lets the values be the size of the disease (not "Schirmer", not an unknown name
// such as "PG 18 cm2"). A series needs a unit of area or volume on one of its values and the
// same unit on every value that has one; "to" reads only a fall ("lesions of 2 to 6 cm2" may
// be a range).
func (c *compiled) areaPairs(text string, seen []valueHit) []valueHit {
	if !strings.Contains(text, "cm") && !strings.Contains(text, "mm") {
		return nil
	}
	var out []valueHit
	for _, m := range areaChainRE.FindAllStringSubmatchIndex(text, -1) {
		if overlapsAny(seen, m[0], m[1]) || m[0] > 0 && isDigitByte(text[m[0]-1]) || !c.sizeContext(text[:m[0]]) {
			continue
		}
		unit, same, to := "", true, false
		if m[4] >= 0 {
			unit = text[m[4]:m[5]] + samePower(text[m[6]:m[7]])
		}
		last := text[m[2]:m[3]]
		for _, n := range areaStepRE.FindAllStringSubmatchIndex(text[m[8]:m[9]], -1) {
			step := text[m[8]:m[9]]
			last, to = step[n[4]:n[5]], to || step[n[2]:n[3]] == "to"
			if n[6] < 0 {
				continue
			}
			u := step[n[6]:n[7]] + samePower(step[n[8]:n[9]])
			if unit != "" && u != unit {
				same = false
			}
			unit = u
		}
		if unit == "" || !same {
			continue
		}
		a := sizeValue(strings.ReplaceAll(text[m[2]:m[3]], ",", "."))
		b := sizeValue(strings.ReplaceAll(last, ",", "."))
		if b > a && to {
			continue // "2 to 6 cm2": a range as often as a growth; an arrow is a change
		}
		if cat, ok := sizeCategory(a, b); ok {
			out = append(out, valueHit{m[0], m[1], cat, false, false})
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
