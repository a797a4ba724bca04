package vocab

import (
	"regexp"
	"strings"
)

// Percentages and fractions of a change beyond "N % fewer": a later percentage of a series,
// a fraction in words, a preparation's strength, a share of the sites (docs/outcomes.md, rule 5
// and rule 8).

// percentSeriesGapRE matches what stands between two percentages of one change at two times:
// the first one's time (seriesTime, as the values of a series) and a comma or "and" ("smaller
// at wk 6, ", " at 6 wk and ").
var percentSeriesGapRE = regexp.MustCompile(`^[^.;:()%]{0,30}\b(?:at|by|after|on|in)\s+` + seriesTime + `\s*(?:,\s*(?:and\s+|then\s+)?|\s+and\s+|\s+then\s+)~?$`)

// percentTimeAfterRE matches the time right after a percentage: " at wk 12", " by 6 months".
var percentTimeAfterRE = regexp.MustCompile(`^\s*(?:at|by|after|on|in)\s+` + seriesTime)

// laterPercentOfSeries reports whether a percentage without a change word of its own
// continues the change of the percentage before it at a later time: gap, the text between
// them, holds the first one's time and a comma or "and", and rest, the text after it, starts
// with its own time ("~40% smaller at wk 6, ~65% at wk 12").
func laterPercentOfSeries(gap, rest string) bool {
	return percentSeriesGapRE.MatchString(gap) && percentTimeAfterRE.MatchString(rest)
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
