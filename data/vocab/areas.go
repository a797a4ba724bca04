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
			out = append(out, valueHit{m[0], m[1], cat, false, false})
		}
	}
	return out
}

// fractionWords are the fractions a change is written with in words, as shares.
var fractionWords = map[string]float64{"half": 0.5, "third": 1.0 / 3, "thirds": 2.0 / 3, "quarter": 0.25,
	"quarters": 0.75, "fifth": 0.2}

// fractionChanges reads a fall written as a fraction in words beside its change word: "one
// third fewer", "two thirds smaller", "reduced by half", "decreased by a quarter" (rule 5, as
// the same percentage would be), and hands each to add with the fraction's span (the change
// word stays a phrase of its own, which the number states more precisely). "A third of the patients" is no change: a change word must stand
// right after the fraction, or right before "by" and the fraction.
func fractionChanges(text string, toks []token, add func(startByte, endByte int, cat Category, rule string, weak bool, phrase string) bool) {
	for k := range toks {
		share, ok := fractionWords[toks[k].norm]
		if !ok || toks[k].brk {
			continue
		}
		from := k
		if k > 0 && !toks[k].brk {
			switch p := toks[k-1].norm; {
			case p == "one" || p == "a" || p == "an":
			case p == "two" && toks[k].norm == "thirds", p == "three" && toks[k].norm == "quarters":
			case toks[k].norm == "half" && p == "by":
			default:
				if toks[k].norm != "half" {
					continue
				}
				from = k + 1 // "half" alone: "reduced by half" is read below
			}
			if from == k {
				from = k - 1
			}
		}
		switch {
		case k+1 < len(toks) && !toks[k+1].brk && fallWords[toks[k+1].norm] && from <= k:
			// "one third fewer", "two thirds smaller"
			add(toks[from].start, toks[k].end, percentCategory(share), "percent change", false, text[toks[from].start:toks[k].end])
		case from >= 2 && from <= k && toks[from-1].norm == "by" && wordFall[toks[from-2].norm] && !toks[from-1].brk && !toks[from].brk:
			// "reduced by half", "decreased by a quarter"
			add(toks[from].start, toks[k].end, percentCategory(share), "percent change", false, text[toks[from].start:toks[k].end])
		}
	}
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

// strengthWords follow a percentage that gives a preparation's strength and are no route or
// dosage form of routes.tsv ("20% TCA peel" ends in one, "4% strength", "10% w/w").
var strengthWords = map[string]bool{"peel": true, "peels": true, "strength": true, "concentration": true, "ww": true}

// preparationBefore are the words before a percentage that make it what the patient was
// treated with ("with 4% HQ", "on 0.1% tacrolimus").
var preparationBefore = map[string]bool{"with": true, "on": true, "using": true}

// strengthPercent reports whether the percentage whose number is token i, and which ends
// before token k, is a drug's or a preparation's strength, not a change: "with", "on" or
// "using" before it and no change word after it, or a route or dosage form of routes.tsv ("cream",
// "ointment"), a word of strength, a drug's name, or a word and "acid", follows it ("lightened with 4% hydroquinone", "softened on 40% urea", "after 30%
// glycolic acid peels"); or it is a share of the sites (shareOfSites).
func (c *compiled) strengthPercent(toks []token, i, k int) bool {
	if k >= len(toks) || toks[k].brk {
		return false
	}
	if i > 0 && !toks[i].brk && preparationBefore[toks[i-1].norm] && !fallWords[toks[k].norm] && !riseWords[toks[k].norm] {
		return true // "lighter with 4% HQ": what the patient was treated with, not how much changed
	}
	if n, _ := c.routeTrie.longest(toks, k, nil); n > 0 || strengthWords[toks[k].norm] || k+1 < len(toks) && toks[k+1].norm == "acid" && !toks[k+1].brk ||
		shareOfSites(toks, k) && !(k >= 2 && (toks[k-2].norm == "of" || toks[k-2].norm == "by")) { // not "reduction of 30% of the lesions"
		return true
	}
	n, _ := c.drugTrie.longest(toks, k, nil)
	return n > 0
}

// shareOfSites reports whether "of" and lesions follow token k-1, a percentage: "30% of
// lesions cleared", "30% of the patches lightened" count the sites that responded (rule 8:
// some of several sites), not the size of a change.
func shareOfSites(toks []token, k int) bool {
	if k >= len(toks) || toks[k].norm != "of" {
		return false
	}
	n := k + 1
	if n < len(toks) && (toks[n].norm == "the" || toks[n].norm == "her" || toks[n].norm == "his") {
		n++
	}
	return n < len(toks) && !toks[n].brk && (lesionNouns[toks[n].norm] || newFindingNouns[toks[n].norm])
}

// percentOfSitesBefore reports whether a percentage under 100 and "of" and lesions stand
// within five words before token i, in its clause: "30% of lesions cleared" (rule 8: partial).
func percentOfSitesBefore(text string, toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5 && !toks[k+1].brk; k-- {
		if isNumber(toks[k].norm) && strings.HasPrefix(strings.TrimLeft(text[toks[k].end:], " "), "%") &&
			numberValue(toks[k].norm) < 100 && shareOfSites(toks, k+1) {
			return true
		}
	}
	return false
}
