package vocab

// The names of the measures of scores.tsv in a text: which measure a value is of.

// betterRightBefore returns which direction is better ("lower", "higher") for the measure
// of scores.tsv named right before token k, or before "score" or "level" right before it;
// "" when none is.
func (c *compiled) betterRightBefore(toks []token, k int) string {
	for n := 3; n >= 1; n-- {
		if n <= k {
			if b, ok := c.measureOf(toks[k-n : k]); ok {
				return b
			}
		}
	}
	if k >= 2 && (toks[k-1].norm == "score" || toks[k-1].norm == "level" || eyeSides[toks[k-1].norm] ||
		scoreParts[toks[k-1].norm] && !toks[k-1].brk) {
		return c.betterRightBefore(toks, k-1)
	}
	if k >= 2 && rateUnits[toks[k-1].norm] && !toks[k-1].brk {
		// "new blisters/wk 30 → 5", "attacks per month 4 -> 1": a count per time
		if b := c.betterRightBefore(toks, k-1); b != "" {
			return b
		}
		if k >= 3 && toks[k-2].norm == "per" {
			return c.betterRightBefore(toks, k-2)
		}
	}
	return ""
}

// rateUnits are the times a count may be given per, between a measure's name and its value.
var rateUnits = map[string]bool{"d": true, "day": true, "wk": true, "week": true, "mo": true, "month": true}

// scoreParts name the part of a score after its name: "CDASI-A 34 -> 6" (activity),
// "CSAMI-A 40 -> 0", "CLASI activity 14 -> 2", "GPPGA total 3 -> 1".
var scoreParts = map[string]bool{"a": true, "activity": true, "total": true}

// eyeSides may stand between a measure and its value: "BCVA OD 5/10 -> 5/5", "VA RE 6/60".
var eyeSides = map[string]bool{"od": true, "os": true, "ou": true, "re": true, "le": true}

// measureBefore looks in the 8 tokens before token k, back to the start of its clause, for a
// measure of scores.tsv and returns its term and whether lower or higher is better ("VA better,
// SRF reduced": what fell is SRF, not the visual acuity of the clause before).
func (c *compiled) measureBefore(toks []token, k int) (term, better string, named bool) {
	for w := k - 1; w >= reachBack(toks, k, 8); w-- {
		for n := min(3, k-w); n >= 1; n-- { // the longest first: "DAS 28" before "DAS"
			if _, ok := c.measureOf(toks[w : w+n]); !ok {
				continue
			}
			// the longest term that ends where this one does: "DAS28-CRP" is DAS28's, not CRP's
			for x := max(0, w-2); x <= w; x++ {
				term := joinNorms(toks[x : w+n])
				if s, ok := c.measureOf(toks[x : w+n]); ok && w+n-x <= 3 {
					return term, s, true
				}
			}
		}
	}
	return "", "", false
}

// measureAfter returns the measure of scores.tsv whose name starts at token k, or one
// word later ("10 seizures/day", "2 attacks per month", "1 seizure"; the longest name
// first), and whether there is one.
func (c *compiled) measureAfter(toks []token, k int) (term, better string, named bool) {
	for x := k; x < min(len(toks), k+2); x++ {
		if x > k && toks[x].brk {
			break
		}
		for n := 3; n >= 1; n-- {
			if x+n > len(toks) {
				continue
			}
			term = joinNorms(toks[x : x+n])
			if b, ok := c.measureOf(toks[x : x+n]); ok {
				return term, b, true
			}
		}
	}
	return "", "", false
}

// measureOf returns the better direction of the measure of scores.tsv that the tokens ts
// name, and whether they name one. A name written in capitals in scores.tsv ("AN", "IGA")
// is the measure only as one token in capitals: "an" is a word, "IgA" immunoglobulin A.
func (c *compiled) measureOf(ts []token) (better string, ok bool) {
	term := joinNorms(ts)
	better, ok = c.measures[term]
	if ok && c.upperMeasures[term] && !(len(ts) == 1 && ts[0].upper) {
		return "", false
	}
	return better, ok
}

// measureRightBefore reports whether a measure of scores.tsv is named right before token k,
// or before "score" or "level" right before it ("VAS 8→3", "pain score 7 -> 2").
func (c *compiled) measureRightBefore(toks []token, k int) bool {
	return c.betterRightBefore(toks, k) != ""
}
