package vocab

// Cells that are a signed percentage, alone or after a measure's name (rule 5 of
// docs/outcomes.md).

import (
	"regexp"
	"strconv"
	"strings"
)

// signedPercentCellRE matches a cell that is only a signed percentage, with an optional
// footnote letter: "−73%", "- 33 %b", "+20%".
var signedPercentCellRE = regexp.MustCompile(`^\s*([−–-]|\+)\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*[a-z*†‡]?\s*$`)

// measurePercentCellRE matches a cell that is a measure's name and its signed change in
// percent, with an optional time: "QMGS -75% at 9 mo", "BASDAI down 40 %", "CRP ↓ 90%".
var measurePercentCellRE = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9 -]{0,30}?)\s*:?\s*([−–-]|\+|\bdown\b|\bup\b|↓|↑)\s*[~≈]?\s*(\d{1,3}(?:[.,]\d+)?)\s*(%)\s*(?:(?:at|after|by|in|on|within)\s+[^;.,]{1,20})?\s*$`)

// measurePercentCell reads a cell that is a measure of scores.tsv and its signed change
// in percent ("QMGS -75% at 9 mo", "QMGS down 59%"): for a lower-is-better measure a fall
// is read as "reduced by" that share (rule 5) and a rise as progression (weak up to 20 %);
// for a higher-is-better one a fall is progression (none up to 5 %) and the size of a rise
// maps to no category (weak). m's groups are the name, the sign, the number and the percent sign.
func (c *compiled) measurePercentCell(text string, hasPercent bool) (m []int, cat Category, weak, ok bool) {
	if !hasPercent {
		return nil, CategoryUnknown, false, false
	}
	if m = measurePercentCellRE.FindStringSubmatchIndex(text); m == nil {
		return nil, CategoryUnknown, false, false
	}
	better, known := c.measures[normalize(text[m[2]:m[3]])]
	v, err := strconv.ParseFloat(strings.Replace(text[m[6]:m[7]], ",", ".", 1), 64)
	if !known || better == betterByInterval || err != nil || v > 100 {
		return nil, CategoryUnknown, false, false
	}
	m = []int{m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[9]}
	fall := !strings.Contains("+up↑", text[m[4]:m[5]])
	switch {
	case better == "lower" && fall:
		return m, percentCategory(v / 100), false, true
	case better == "lower":
		return m, Progression, v <= 20, true
	case fall && v <= 5:
		return m, None, false, true // rule 5's band of no change ("LVEF -3%")
	case fall:
		return m, Progression, false, true // "LVEF -20%": a higher-is-better measure fell
	default:
		return m, percentCategory(v / 100), true, true
	}
}

// percentCell reads a cell that is only a signed percentage ("−73%", "-100 %a"): the change
// of the outcome measure its column names; a fall reads like "reduced by 73 %", a rise is
// proposed (weak: whether higher is better is the column's, not the cell's). m is
// percentCellMatch's match.
func percentCell(text string, hasPercent bool) (m []int, cat Category, weak, ok bool) {
	if m = percentCellMatch(text, hasPercent); m == nil {
		return nil, CategoryUnknown, false, false
	}
	v, err := strconv.ParseFloat(strings.Replace(text[m[4]:m[5]], ",", ".", 1), 64)
	if err != nil || v > 100 {
		return nil, CategoryUnknown, false, false
	}
	if text[m[2]:m[3]] == "+" {
		return m, Progression, true, true
	}
	return m, percentCategory(v / 100), false, true
}

// percentCellMatch is signedPercentCellRE's match in text; it needs a percent sign.
func percentCellMatch(text string, hasPercent bool) []int {
	if !hasPercent {
		return nil
	}
	return signedPercentCellRE.FindStringSubmatchIndex(text)
}
