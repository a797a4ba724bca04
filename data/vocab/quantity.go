package vocab

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// scoreEntry is one compiled row of scores.tsv.
type scoreEntry struct {
	term     string
	kind     string // "threshold", "measure", "fall" or "below"
	value    float64
	category Category
	better   string  // measures: "lower" or "higher"
	minFall  float64 // below rows: the fall in points the change must exceed (0: any fall)
}

var (
	percentRE = regexp.MustCompile(`(\d{1,3}(?:[.,]\d+)?)\s?(?:%|per ?cent)`)
	fromToRE  = regexp.MustCompile(`(?i)\bfrom\s+(?:a\s+|an\s+)?(?:[a-z]+\s+(?:of\s+)?)?(\d{1,3}(?:,\d{3})+|\d+,\d{1,2}\b|\d+(?:\.\d+)?(?:\s*[x×*]\s*\d+(?:\.\d+)?){0,2})\s*([a-zµμ/%0-9^.]*)(?:\s+(?:per|a|an|each|every)\s+[a-z]+)?\s+(?:down\s+|up\s+)?to\s+(\d{1,3}(?:,\d{3})+|\d+,\d{1,2}\b|\d+(?:\.\d+)?(?:\s*[x×*]\s*\d+(?:\.\d+)?){0,2})`)
	// thenToRE continues a change "from A to B" to a later value: "… and to 50 %", ", then to 8"
	thenToRE = regexp.MustCompile(`^\s*(?:%|[a-zµμ/]+)?\s*(?:,\s*|\s+and\s+)(?:then\s+|later\s+|further\s+)?to\s+(\d+(?:\.\d+)?)`)
	// thenAtRE continues it through later values of the same unit, each at its time: "… µm at
	// day 7, 670 µm at month 1, and 530 µm at 2 years", "EASI … to 20 at week 4, 8 at week 16"
	// (the units must match; a score has none)
	thenAtRE = regexp.MustCompile(`^\s*([A-Za-zµμ/%]*)\s*(?:at|on|after|by|in|within)\s+[^,;.()]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)(\d+(?:\.\d+)?)(?:\s*([A-Za-zµμ/%]+))?`)
	scoreRE  = regexp.MustCompile(`\b([A-Za-z]{2,8})[\s-]?(\d{2,3})\b`)
	dimSplit = regexp.MustCompile(`\s*[x×*]\s*`)
)

// percent-change words: a percentage is a change of the target measure only next to one
var (
	fallWords = map[string]bool{"reduction": true, "reduced": true, "decrease": true, "decreased": true, "decline": true,
		"declined": true, "fall": true, "fell": true, "drop": true, "dropped": true, "shrinkage": true, "shrank": true, "shrunk": true,
		"regression": true, "improvement": true, "improved": true, "lower": true, "less": true, "reduce": true,
		"diminished": true, "clearance": true, "cleared": true, "resolution": true, "resolved": true, "smaller": true,
		"fewer": true, "down": true, "lighter": true, "lightening": true, "lightened": true,
		"ameliorated": true, "amelioration": true, "softening": true, "softened": true, "flatter": true, "flattened": true}
	// shareWords are fall words too, whose percentage is the share of the response reached, of a
	// measure they name themselves: "repigmentation <25 %", "60 % hair regrowth", "ulcer 80 %
	// healed" (init adds them to fallWords)
	shareWords = map[string]bool{"regrowth": true, "repigmentation": true, "repigmented": true, "repig": true, "healing": true,
		"healed": true, "reepithelialization": true, "re-epithelialization": true, "epithelialization": true,
		"take": true, // "graft take 95 %": the share of the graft that took
		// "wound closure approx 40 %", "closed 80 %": the share of the wound closed
		"closure": true, "closed": true, "reepithelialisation": true, "epithelialisation": true}
	// "100 % pain relief", "70 % obliteration": a fall by the share, only right after the percentage
	reliefWords = map[string]bool{"relief": true, "relieved": true, "obliteration": true, "occlusion": true,
		"clearance": true, "regression": true, "shrinkage": true, "better": true}
	riseWords = map[string]bool{"increase": true, "increased": true, "rise": true, "rose": true, "growth": true,
		"grew": true, "enlarged": true, "enlargement": true, "worsening": true, "worsened": true, "larger": true}
	doseWords = map[string]bool{"dose": true, "dosage": true, "mg": true, "taper": true, "tapered": true, "tapering": true,
		"rate": true, "survival": true, "probability": true, "risk": true, "chance": true, "saturation": true,
		"fraction": true, "blasts": true, "patients": true, "cases": true}
)

func init() {
	for w := range shareWords {
		fallWords[w] = true
	}
}

// residualAfter reports whether one of the two words from token k says the percentage
// before it is what remains ("10 % residual disease", "20 % remaining").
func residualAfter(toks []token, k int) bool {
	for w := k; w < min(len(toks), k+2); w++ {
		if toks[w].brk {
			return false // "70 % obliteration, residual nidus", "take 95 %, a residual area": another statement's
		}
		switch toks[w].norm {
		case "residual", "remaining", "remained", "residue", "left":
			return true
		}
	}
	return false
}

// percentCategory maps a relative fall of the target measure (0.6 = 60 %) to a category
// (docs/outcomes.md rule 5): 100 % complete, ≥ 50 % partial, > 0 minimal, a rise
// progression.
func percentCategory(fall float64) Category {
	switch {
	case fall >= 0.999:
		return Complete
	case fall >= 0.5:
		return Partial
	case fall > 0.05:
		return Minimal
	case fall >= -0.2:
		return None
	}
	return Progression
}

// quantities reads outcomes given as numbers: a percentage change next to a change word,
// a change "from A to B" of a measure of scores.tsv (sizes written A×B count as areas),
// and named response thresholds ("PASI 75"). Tokens already inside phrases or cues are
// not read again.
func (c *compiled) quantities(text string, toks []token, used []bool) []target {
	numbers := strings.ContainsAny(text, "0123456789")
	normal := containsFoldASCII(text, "normal") || containsFoldASCII(text, "wnl")
	fractions := containsFoldASCII(text, "half") || containsFoldASCII(text, "third") || containsFoldASCII(text, "quarter")
	if !numbers && !normal && !fractions {
		return nil // no number, no word of normality and no fraction, no quantity: skip the regular expressions
	}
	var out []target
	tokAt := func(off int) int { return tokenAtByte(toks, off) }
	tokensBefore := func(off int) int { return sort.Search(len(toks), func(k int) bool { return toks[k].start >= off }) }
	add := func(startByte, endByte int, cat Category, rule string, weak bool, phrase string) bool {
		i, j := tokAt(startByte), tokensBefore(endByte)
		if i >= len(toks) || j <= i {
			return false
		}
		if j > len(toks) {
			j = len(toks)
		}
		for k := i; k < j; k++ {
			if used[k] {
				return false
			}
		}
		role := rolePrimary
		if weak {
			role = roleWeak
		}
		// a negated quantity ("did not achieve PASI 75", "no 50 % reduction") states no response
		out = append(out, target{i: i, j: j, entry: outcomeEntry{phrase: phrase, category: cat, negated: None, role: role, quantity: true}, category: cat, rule: rule, quantity: true})
		for k := i; k < j; k++ {
			used[k] = true
		}
		return true
	}
	if r, ok := c.measuresNormal(text, toks); ok && normal {
		add(toks[r[0]].start, toks[r[1]-1].end, Complete, "measure normal", false, text[toks[r[0]].start:toks[r[1]-1].end])
	}
	fractionChanges(text, toks, add) // a loop over the tokens: cheap without a fraction
	if !numbers {
		return out
	}
	for _, sc := range c.scoreThresholds(text) {
		add(sc.start, sc.end, sc.category, "score threshold", false, text[sc.start:sc.end])
	}
	for _, h := range c.beforeAfter(text, toks, tokAt) {
		add(h.start, h.end, h.category, h.rule(), h.weak, text[h.start:h.end])
	}
	for _, k := range c.scoresAtZero(text, toks) {
		add(toks[k].start, toks[k].end, Complete, "score at zero", false, text[toks[k].start:toks[k].end])
	}
	hasPercent := strings.IndexByte(text, '%') >= 0
	if m, cat, weak, ok := percentCell(text, hasPercent); ok {
		add(m[4], m[5]+1, cat, "percent change", weak, text[m[2]:m[5]+1])
	}
	if m, cat, weak, ok := c.measurePercentCell(text, hasPercent); ok {
		add(m[4], m[7], cat, "percent change", weak, text[m[4]:m[7]])
	}
	prevDir, prevEnd := 0, 0 // the direction of the last percentage and its end
	for _, m := range percentMatches(text, hasPercent) {
		v, err := strconv.ParseFloat(strings.Replace(text[m[2]:m[3]], ",", ".", 1), 64)
		if err != nil || v > 100 {
			continue
		}
		if k := rangeStart(toks, tokAt(m[0])); k > 0 && !toks[k].brk && (toks[k-1].norm == "to" || toks[k-1].norm == "from") {
			continue // "LVEF decreased to 20 %", "from 40 % to 20 %", "EF increased to 25-30 %": levels, not a change by 20 %
		}
		dir := c.percentDir(text, toks, m, prevDir, prevEnd)
		prevDir, prevEnd = dir, m[1]
		if residualAfter(toks, tokensBefore(m[1])) && dir != 2 {
			// "less than 10 % residual disease": what is left, a fall of 90 %
			add(m[0], m[1], percentCategory(1-v/100), "percent remaining", false, text[m[0]:m[1]])
			continue
		}
		if lo, _ := clauseAround(toks, tokAt(m[0])); c.higherInClause(toks, lo, tokAt(m[0])) && (dir == 1 || dir == -1) {
			// "LVEF decreased by 20 %" is a worsening; "FEV1 increased by 15 %", "improved by
			// 15 %" a benefit whose size does not map to a category (as a rise from A to B)
			if literalFall(toks, tokAt(m[0])) {
				cat := Progression
				if v <= 5 || lessThanBefore(text[:m[0]]) {
					cat = None // "less than 10 % decrease" of FVC: rule 5's band of no change
				}
				add(m[0], m[1], cat, "percent change", false, text[m[0]:m[1]])
			} else {
				add(m[0], m[1], percentCategory(v/100), "percent change", true, text[m[0]:m[1]])
			}
			continue
		}
		if (dir == 1 || dir == -1) && c.unknownMeasure(toks, tokAt(m[0])) {
			// "walking distance increased by 80 %": a measure whose direction of benefit
			// the reader does not know; proposed as a rise or fall of the disease, low
			cat := Progression
			if dir == -1 {
				cat = percentCategory(v / 100)
			}
			add(m[0], m[1], cat, "percent change", true, text[m[0]:m[1]])
			continue
		}
		switch {
		case dir == -1 && lessThanBefore(text[:m[0]]):
			// "< 50 % reduction", "less than 30 % decrease": a fall below the cut-off; above
			// 50 % its band is not known
			add(m[0], m[1], Minimal, "percent change (less than)", v > 50, text[m[0]:m[1]])
		case dir == -1:
			if lo, ok := rangeLow(toks, tokAt(m[0])); ok && percentCategory(lo/100) != percentCategory(v/100) {
				// "repigmentation 25-50 %": a range across a band's cut-off, read as a hedge
				// (low confidence) with its lower band proposed
				if add(m[0], m[1], percentCategory(lo/100), "percent change", false, text[m[0]:m[1]]) {
					out[len(out)-1].hedged, out[len(out)-1].hedgeCue = true, "a range across a cut-off"
				}
				continue
			}
			add(m[0], m[1], percentCategory(v/100), "percent change", false, text[m[0]:m[1]])
		case dir == 1:
			add(m[0], m[1], Progression, "percent change", false, text[m[0]:m[1]])
		}
	}
	sortTargets(out)
	return out
}

// laterUnit is the unit after a later value thenAtRE matched in s (n its submatch indices):
// empty when none, or when the word after the value is the "at" of its time ("8 at week 16").
func laterUnit(s string, n []int) string {
	if n[6] < 0 {
		return ""
	}
	switch u := s[n[6]:n[7]]; u {
	case "at", "on", "after", "by", "in", "within":
		return ""
	default:
		return u
	}
}

// tokenAtByte returns the token containing or following byte off of the text.
func tokenAtByte(toks []token, off int) int {
	return sort.Search(len(toks), func(k int) bool { return toks[k].end > off })
}

// valueHit is a change of a measure found in a text: its span, category and whether it is
// only weak evidence.
type valueHit struct {
	start, end int
	category   Category
	weak       bool
	interval   bool // read against the measure's reference interval
	waned      bool // the best value of a series, whose later value is worse (laterWorseThanBest)
}

// beforeAfter reads the changes of a named measure of scores.tsv written as values before
// and after: "from A to B" (sizes written A×B count as areas, powers of ten as such) and,
// after the measure's name, "A → B", "A -> B", "A to B" (a common denominator, "7/10 to
// 2/10", is dropped). A fall to a value above zero is at most partial (rule 5).
func (c *compiled) beforeAfter(text string, toks []token, tokAt func(int) int) []valueHit {
	var out []valueHit
	// readSeries reads a change from a to b; mids are the values a series passed between them
	// (arrowPairs), nil for a pair
	readSeries := func(start, end int, a, b float64, mids []float64) {
		if math.IsNaN(a) || math.IsNaN(b) || a <= 0 {
			return
		}
		term, better, named := c.measureBefore(toks, tokAt(start))
		if !named {
			// "30 -> 10 seizures/day", "from 12 to 2 attacks per month": the measure after
			// the values
			if term, better, named = c.measureAfter(toks, tokAt(end)); !named {
				return
			}
		}
		if better == "lower" && logUnitAfter(text[end:]) {
			// "HBV DNA fell from 8.1 to 5.0 log10 IU/mL": values in log10, whose fall is
			// read in logs (rule 5: at least one log10 is partial, less minimal)
			cat := None
			switch d := a - b; {
			case d >= 1:
				cat = Partial
			case d > 0:
				cat = Minimal
			case d < -0.5:
				cat = Progression
			}
			out = append(out, valueHit{start, end, cat, false, false, false})
			return
		}
		switch hit, how := c.againstNormal(text, toks, term, start, end, a, b); how {
		case byInterval:
			out = append(out, hit)
			return
		case notRead:
			return
		}
		if better == betterByInterval {
			return // no reference interval fits, and which way is better is not known
		}
		fall := (a - b) / a
		weak := false
		if better == "higher" {
			// a rise of a higher-is-better measure: under half ("haemoglobin 7 → 8") is small
			// (minimal), a doubling or more ("platelets 8 → 245") a clear response (partial);
			// between, and a fall, the size does not map to a category (low confidence)
			fall = -fall
			weak = fall < 0 || fall >= 0.5 && fall < 1
		}
		cat := percentCategory(fall)
		if cat == Complete && b > 0 {
			cat = Partial // "viral load from 10^6 to 10^3": a thousandth left is not none left
		}
		if cr, ok := c.criteria[term]; ok && better == "lower" {
			cat = cr.apply(cat, a, b)
		}
		if cat == Partial && better == "higher" && degreeBefore(toks, tokAt(start), smallDegreeWords) {
			// "the platelet count improved slightly from 3 to 16": the authors call the rise
			// small, whatever its ratio (rule 9: their own words)
			cat = Minimal
		}
		if cat == Minimal && strongDegreeBefore(toks, tokAt(start)) {
			// "decreased plasma ammonia dramatically from 1,089 to 567": a fall under half that
			// the authors call large is their response (rule 5)
			cat = Partial
		}
		if better == "lower" && b > a && replacedSubstance[term] {
			// "ferritin 5 → 80" after iron, "cortisol 2 → 18" on hydrocortisone: a substance
			// the body lacks as often as it has too much of; its rise may be the aim
			weak = true
		}
		if cat.AtLeast(Minimal) && cat != Complete && normalAfterValue(text[end:]) {
			// "ALT 980 -> 32 U/L (normal)": the value reached is called normal (rule 5:
			// normal is complete)
			cat, weak = Complete, false
		}
		if e, ok := backTo(text, end); ok && cat.AtLeast(Minimal) {
			// "plt 6 -> 98 d5, back to 10 by d21": a response that did not last
			cat, end = Minimal, e
		}
		if _, byPoints := c.criteria[term]; better == "lower" && !byPoints {
			var waned bool
			if cat, waned = laterWorseThanBest(a, b, mids, cat, toks); waned {
				out = append(out, valueHit{start: start, end: end, category: cat, weak: true, waned: true})
				return
			}
		}
		out = append(out, valueHit{start, end, cat, weak, false, false})
	}
	read := func(start, end int, a, b float64) { readSeries(start, end, a, b, nil) }
	out = append(out, slashSeries(text, read)...)
	commaSeries(text, read)
	fromToPairs(text, read)
	c.arrowPairs(text, toks, readSeries)
	out = append(out, c.timedValues(text, toks, func(b int) bool { return overlapsAny(out, b, b+1) }, read)...)
	out = append(out, c.sizePairs(text, out)...)
	out = append(out, c.areaPairs(text, out)...)
	out = append(out, extentPairs(text, out)...)
	if strings.Contains(text, "mm") || strings.Contains(text, "cm") {
		out = append(out, sizeSequences(text, out)...)
	}
	return out
}

// reliefAfter reports whether a word of relief follows a percentage at token e, or one
// word later, without a break: "100 % pain relief", "50 % relief" (a drug's strength, "0.075 %
// cream relieved the pain", is no share of relief).
func reliefAfter(toks []token, e int) bool {
	if e >= len(toks) || toks[e].brk {
		return false
	}
	return reliefWords[toks[e].norm] || e+1 < len(toks) && !toks[e+1].brk && toks[e+1].norm == "relief"
}

// The regular expressions of quantities cost more than the rest of a reading; each is
// run only when a cheap scan finds what it cannot match without. The scans are
// necessary conditions of their expressions, so they change no reading.

// fromToMatches is fromToRE's matches in text; the expression needs the word "from".
func fromToMatches(text string) [][]int {
	if !containsFoldASCII(text, "from") {
		return nil
	}
	return fromToRE.FindAllStringSubmatchIndex(text, -1)
}

// rangeLow returns the lower end of the range whose upper end is token k ("25" of "25-50 %"),
// if a dash joins one to it.
func rangeLow(toks []token, k int) (float64, bool) {
	lo := rangeStart(toks, k)
	if lo == k {
		return 0, false
	}
	v, err := strconv.ParseFloat(toks[lo].norm, 64)
	return v, err == nil
}

// rangeStart returns the token that starts the range whose upper end is token k ("25" of
// "25-30 %"), or k when a dash does not join it to a number before it.
func rangeStart(toks []token, k int) int {
	if k > 0 && toks[k].dash && !toks[k].brk && isNumber(toks[k-1].norm) {
		return k - 1
	}
	return k
}

// percentMatches is percentRE's matches in text; they need "%" or "per".
func percentMatches(text string, hasPercent bool) [][]int {
	if !hasPercent && !strings.Contains(text, "per") {
		return nil
	}
	return percentRE.FindAllStringSubmatchIndex(text, -1)
}

// mayHoldScore reports whether scoreRE may match a threshold term of scores.tsv in
// text: a run of two to eight ASCII letters that starts a word, is such a term
// (any case), and is followed by a digit, after at most one space or hyphen.
func (c *compiled) mayHoldScore(text string) bool {
	if len(c.scoreTerms) == 0 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(text); {
		if !isASCIILetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isASCIILetter(text[j]) {
			j++
		}
		start, end := i, j
		i = j
		if start > 0 && isREWordByte(text[start-1]) || end-start < 2 || end-start > 8 {
			continue
		}
		k := end
		if k < len(text) && (text[k] == '-' || text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r' || text[k] == '\f') {
			k++
		}
		if k >= len(text) || text[k] < '0' || text[k] > '9' {
			continue
		}
		for n := start; n < end; n++ {
			buf[n-start] = text[n] | 0x20 // ASCII letters only: lower case
		}
		if c.scoreTerms[string(buf[:end-start])] {
			return true
		}
	}
	return false
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// isREWordByte is the \w of Go's regular expressions: an ASCII letter, digit or underscore.
func isREWordByte(b byte) bool { return isASCIILetter(b) || b >= '0' && b <= '9' || b == '_' }

// containsFoldASCII reports whether text holds the lower-case ASCII word w in any case.
func containsFoldASCII(text, w string) bool {
	for i := 0; i+len(w) <= len(text); i++ {
		if text[i]|0x20 != w[0] {
			continue
		}
		k := 1
		for k < len(w) && text[i+k]|0x20 == w[k] {
			k++
		}
		if k == len(w) {
			return true
		}
	}
	return false
}

// lessThanBefore reports whether the text before a percentage ends with a comparator of
// "less than": "<", "≤", "less than", "under", "below", "up to".
func lessThanBefore(before string) bool {
	b := strings.ToLower(strings.TrimRight(before, " \t"))
	for _, c := range []string{"<", "≤", "less than", "under", "below", "up to", "lower than"} {
		if !strings.HasSuffix(b, c) {
			continue
		}
		rest := b[:len(b)-len(c)]
		if c[0] != '<' && c[0] != 0xe2 && rest != "" && isASCIILetter(rest[len(rest)-1]) {
			continue // a word that only ends so ("thunder")
		}
		// "decreased to less than 50 % of baseline" is a level reached, not a fall
		return !strings.HasSuffix(strings.TrimRight(rest, " \t"), "to")
	}
	return false
}

// threshold returns the category of the highest threshold of the score term at or below
// the value v ("PASI 90" reaches PASI 75's partial), and whether there is one.
func (c *compiled) threshold(term string, v float64) (Category, bool) {
	best, ok := Category(0), false
	bestV := -1.0
	for _, s := range c.scores {
		if s.kind == "threshold" && s.term == term && s.value <= v && s.value > bestV {
			best, bestV, ok = s.category, s.value, true
		}
	}
	return best, ok
}

func sortTargets(ts []target) {
	sort.SliceStable(ts, func(a, b int) bool { return ts[a].i < ts[b].i })
}

// replacedSubstance are the measures of scores.tsv, lower is better, that a treatment also
// gives or raises when the body lacks them (iron deficiency, adrenal insufficiency,
// hypocalcaemia): a rise of them is read with low confidence.
var replacedSubstance = map[string]bool{"ferritin": true, "cortisol": true, "calcium": true, "serum calcium": true,
	"ionised calcium": true, "ionized calcium": true, "phosphate": true, "phosphorus": true, "magnesium": true,
	"sodium": true, "potassium": true, "glucose": true, "tsh": true, "t4": true, "ft4": true, "free t4": true,
	"testosterone": true, "estradiol": true, "igg": true, "vitamin d": true}

// logUnitAfter reports whether a value's unit right after it is a log10 ("5.0 log10 IU/mL",
// "4 log copies/mL").
func logUnitAfter(after string) bool {
	after = strings.TrimLeft(after, " ")
	return strings.HasPrefix(strings.ToLower(after), "log")
}

// normalAfterRE matches a word of normality right after a value reached, after its unit and
// an opening parenthesis: " U/L (normal)", " mg/dL, normalised", " (WNL)". "Normal" must end
// its statement ("(normal range)") or come before its time ("normal by 3 mo"): "normal range
// 10-40" and "(normal <40)" give the reference range, not the value's state. A value "back to
// baseline" or "returned to normal" is the patient's own normal reached.
var normalAfterRE = regexp.MustCompile(`^\s*[a-zµμ/%0-9^.]{0,10}\s*[(,=–-]?\s*(?:(?:back|returned|came back|went back)\s+to\s+(?:(?:his|her|their|the|pre-?\w+)\s+)?(?:baseline|normal)\b|normali[sz]ed\b|wnl\b|within normal|normal(?:\s+range)?\s*(?:$|[),;.]|(?:by|at|on|after|in|since|from)\b))`)

// normalAfterValue reports whether after (the text after a change's last value) calls the
// value normal.
func normalAfterValue(after string) bool {
	return normalAfterRE.MatchString(strings.ToLower(after[:min(len(after), 40)]))
}

// percentDir is percentDirection of the percentage m matched (2, no change, for a drug's
// strength: strengthPercent), or -1 for a share of relief
// after it ("50 % relief"), or, without a change word of its own, the direction prevDir of
// the percentage before it that ended at prevEnd when it continues that change at a later
// time ("~40% smaller at wk 6, ~65% at wk 12").
func (c *compiled) percentDir(text string, toks []token, m []int, prevDir, prevEnd int) int {
	if c.strengthPercent(toks, tokenAtByte(toks, m[0]), sort.Search(len(toks), func(k int) bool { return toks[k].start >= m[1] })) {
		return 2 // "lightened with 4% hydroquinone": a strength, no change
	}
	dir := percentDirection(toks, tokenAtByte(toks, m[0]))
	if dir == 0 && reliefAfter(toks, sort.Search(len(toks), func(k int) bool { return toks[k].start >= m[1] })) {
		dir = -1
	}
	if dir == 0 && prevDir != 0 && laterPercentOfSeries(text[prevEnd:m[0]], text[m[1]:]) {
		dir = prevDir
	}
	return dir
}

// fromToPairs hands read each change written "from A to B", with later values of the same
// unit ("increased from 32% to 40% and to 50%", "from 1479 µm to 991 µm at day 7, 670 µm at
// month 1"): the first value and the last.
func fromToPairs(text string, read func(start, end int, a, b float64)) {
	for _, m := range fromToMatches(text) {
		end, last := m[1], m[6:8]
		for {
			// "increased from 32% to 40% and to 50%": the first value and the last
			n := thenToRE.FindStringSubmatchIndex(text[end:])
			if n == nil {
				// "from 1479 µm to 991 µm at day 7, 670 µm at month 1, and 530 µm at 2
				// years": later values of the same unit, each at its time
				if n = thenAtRE.FindStringSubmatchIndex(text[end:]); n == nil || text[end+n[2]:end+n[3]] != laterUnit(text[end:], n) {
					break
				}
				last = []int{end + n[4], end + n[5]}
				end += n[5]
				continue
			}
			last = []int{end + n[2], end + n[3]}
			end += n[1]
		}
		a, b := pairValues(text[m[2]:m[3]], text[m[3]:], text[last[0]:last[1]], text[last[1]:])
		if end == m[1] {
			if x, y, n, ok := snellenPair(text[m[2]:m[3]], text[m[4]:m[5]], text[last[0]:last[1]], text[last[1]:]); ok {
				a, b, end = x, y, end+n
			}
		}
		read(m[0], end, a, b)
	}
}
