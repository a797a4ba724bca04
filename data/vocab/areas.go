package vocab

import (
	"regexp"
	"strings"
)

// Areas, volumes and the extent of a surface before and after, read as sizes (docs/outcomes.md,
// rule 5): "35 → 16 cm2", "affected nail area 60% → 20%".

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
		if overlapsAny(seen, m[0], m[1]) || m[0] > 0 && isDigitByte(text[m[0]-1]) || !c.sizeContext(text[:m[0]]) ||
			wellBefore(text[:m[0]]) {
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
			out = append(out, valueHit{m[0], m[1], cat, false, false, false})
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

// extentPairRE matches the share of a surface before and after, with an arrow: "60% → 20%",
// "20% BSA -> 5% BSA", "60 % → 35 % → 20 %". Group 1 is the first share, 2 the rest of the
// series, whose last share extentStepRE reads.
var extentPairRE = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*%(?:\s*BSA)?((?:\s*(?:\([^()]{1,20}\))?\s*(?:` + arrowAlt + `)\s*~?\d+(?:[.,]\d+)?\s*%(?:\s*BSA)?)+)`)

// extentStepRE matches one later share of a series extentPairRE found; group 1 is the share.
var extentStepRE = regexp.MustCompile(`(?:` + arrowAlt + `)\s*~?(\d+(?:[.,]\d+)?)\s*%`)

// extentWords name the share of a surface or of the nails that the disease takes up, lower
// better: "affected nail area 60% → 20%", "erosion area 20% BSA -> 5% BSA", "involvement".
var extentWords = map[string]bool{"area": true, "involvement": true, "involved": true, "affected": true,
	"extent": true, "bsa": true}

// extentBefore are the words that make an area or share near its extent word the part that
// is well ("clear nail area", "repigmented area", "hair regrowth area", "granulation area",
// "graft take area"): higher better, or which way is better depends on the disease
// ("pigmented area"), so not read here.
var extentBefore = map[string]bool{"clear": true, "clean": true, "healthy": true, "normal": true, "repigmented": true,
	"repigmentation": true, "regrowth": true, "healed": true, "healing": true, "epithelialised": true,
	"epithelialized": true, "epithelialisation": true, "epithelialization": true, "reepithelialised": true,
	"reepithelialized": true, "hair": true, "hairs": true, "bearing": true, "terminal": true, "granulation": true,
	"granulated": true, "granulating": true, "take": true, "cleared": true, "clearance": true, "improvement": true,
	"improved": true, "covered": true, "coverage": true, "pigmented": true, "pigmentation": true, "skin": true,
	"strength": true, "grip": true, "function": true, "viable": true, "perfused": true}

// extentPairs reads the share of a surface before and after (rule 5: a fall of the disease's
// extent, the first share against the last) where an extent word stands among the last four
// words of the clause before the first share, or "BSA" after it, and no word of a surface that
// is well ("clear nail 20% → 90%" is not read).
func extentPairs(text string, seen []valueHit) []valueHit {
	if !strings.Contains(text, "%") {
		return nil
	}
	var out []valueHit
	for _, m := range extentPairRE.FindAllStringSubmatchIndex(text, -1) {
		if overlapsAny(seen, m[0], m[1]) || m[0] > 0 && isDigitByte(text[m[0]-1]) {
			continue
		}
		ws := words(clauseBefore(text[:m[0]]))
		// the extent word names the share right before it ("affected nail area 60%", "BSA 30%"),
		// or "BSA" follows it ("20% BSA"); "hand grip strength 40% → 80%" is no extent
		extent := containsFoldASCII(text[m[0]:m[1]], "bsa") || len(ws) > 0 && extentWords[ws[len(ws)-1]]
		if !extent || wellBefore(text[:m[0]]) {
			continue
		}
		steps := extentStepRE.FindAllStringSubmatch(text[m[4]:m[5]], -1)
		a := numberValue(text[m[2]:m[3]])
		b := numberValue(steps[len(steps)-1][1])
		if cat, ok := sizeCategory(a, b); ok {
			out = append(out, valueHit{m[0], m[1], cat, false, false, false})
		}
	}
	return out
}

// clauseBefore returns the part of before after its last clause break.
func clauseBefore(before string) string {
	if i := strings.LastIndexAny(before, ".;:|\n,"); i >= 0 {
		return before[i+1:]
	}
	return before
}

// wellBefore reports whether a word of a part that is well (extentBefore) stands among the last
// five words of the clause before a value: the area or share is not the disease's.
func wellBefore(before string) bool {
	ws := words(clauseBefore(before))
	for _, w := range ws[max(0, len(ws)-5):] {
		if extentBefore[w] {
			return true
		}
	}
	return false
}
