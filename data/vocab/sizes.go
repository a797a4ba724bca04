package vocab

import (
	"math"
	"regexp"
	"strings"
)

// sizePairRE matches a size before and after with a unit of length, which names the measure
// itself: "4 x 3 cm to 2 x 1 cm", "from 30 mm to 10 mm", "4×3 cm → 2×1 cm", and, with an
// arrow or "from", the unit written once after both ("62 → 48 mm", "from 62 to 48 mm").
var sizePairRE = regexp.MustCompile(`(\d+(?:[.,]\d+)?(?:\s*[x×*]\s*\d+(?:[.,]\d+)?){0,2})\s*(mm|cm)?\s*(?:` + arrowAlt + `|\bto\b)\s*(\d+(?:[.,]\d+)?(?:\s*[x×*]\s*\d+(?:[.,]\d+)?){0,2})\s*(mm|cm)?\b`)

// sizeSeqRE matches two sizes in a list, the first called the baseline or the second the
// present or a later time: "5 cm at baseline, 2.5 cm at 6 mo", "size 4 cm, now 2 cm",
// "baseline 3 x 2 cm; 1 x 1 cm at 12 weeks". Groups: 1 the baseline word before the first
// size, 2 the first size, 3 its unit, 4 the baseline word after it, 5 the word of the present
// before the second size, 6 the second size, 7 its unit, 8 a time after it.
var sizeSeqRE = regexp.MustCompile(`(?i)(?:\b(baseline|initially|pre-?treatment|at diagnosis|at presentation)\s*:?\s*)?(\d+(?:[.,]\d+)?(?:\s*[x×*]\s*\d+(?:[.,]\d+)?){0,2})\s*(mm|cm)\b\s*(?:\(?\s*(?:at\s+)?(baseline|initially|pre-?treatment|before treatment|at diagnosis|at presentation)\s*\)?)?\s*[,;]\s*(now|then|later|currently|subsequently|and then)?\s*(\d+(?:[.,]\d+)?(?:\s*[x×*]\s*\d+(?:[.,]\d+)?){0,2})\s*(mm|cm)\b(\s*(?:at|after|by)\s+(?:\d+|last|follow))?`)

// sizeSequences reads the sizes sizeSeqRE finds, outside the spans of seen: the first size
// against the second, as sizePairs reads a pair (rule 5). Without a word of the baseline or
// of the present and no time after the second size ("3 cm, 2 cm"), two sizes in a list may
// be two lesions and are not read.
func sizeSequences(text string, seen []valueHit) []valueHit {
	var out []valueHit
	for _, m := range sizeSeqRE.FindAllStringSubmatchIndex(text, -1) {
		if m[2] < 0 && m[8] < 0 && m[10] < 0 && m[16] < 0 {
			continue
		}
		before, after := text[m[4]:m[5]], text[m[12]:m[13]]
		if overlapsAny(seen, m[0], m[1]) || len(dimSplit.Split(before, -1)) != len(dimSplit.Split(after, -1)) {
			continue
		}
		a, b := sizeValue(strings.ReplaceAll(before, ",", ".")), sizeValue(strings.ReplaceAll(after, ",", "."))
		b = inFirstUnit(b, strings.ToLower(text[m[6]:m[7]]), strings.ToLower(text[m[14]:m[15]]), after) // "20 mm at baseline, 1.5 cm"
		if cat, ok := sizeCategory(a, b); ok {
			out = append(out, valueHit{m[0], m[15], cat, false, false, false})
		}
	}
	return out
}

// overlapsAny reports whether the span [start, end) overlaps a span of seen.
func overlapsAny(seen []valueHit, start, end int) bool {
	for _, h := range seen {
		if h.start < end && start < h.end {
			return true
		}
	}
	return false
}

// inFirstUnit returns the second size b, in unit second, in the first size's unit first
// (mm or cm), once per dimension of after ("1.5 cm to 8 mm": 0.8 cm).
func inFirstUnit(b float64, first, second, after string) float64 {
	if first == second || first == "" || second == "" {
		return b
	}
	f := 10.0 // cm in mm
	if first == "cm" {
		f = 0.1 // mm in cm
	}
	for range dimSplit.Split(after, -1) {
		b *= f
	}
	return b
}

// unitOf returns the unit text[i:j] of a submatch, "" when the submatch did not take part.
func unitOf(text string, i, j int) string {
	if i < 0 {
		return ""
	}
	return text[i:j]
}

// sizeCategory reads a size a before and b after by rule 5 (a size is better lower; some left
// is short of complete); false when a or b is no size.
func sizeCategory(a, b float64) (Category, bool) {
	if math.IsNaN(a) || math.IsNaN(b) || a <= 0 {
		return CategoryUnknown, false
	}
	cat := percentCategory((a - b) / a)
	if cat == Complete && b > 0 {
		cat = Partial
	}
	return cat, true
}

// sizeContext reports whether the text before a size pair, in its clause, lets the pair be
// the size of the disease: nothing, or among its last four words a lower-is-better measure of
// scores.tsv ("Tumour 3 cm to 1 cm", "abscess 6 cm → 2 cm"), a word of shrinking ("reduced
// from 4x3 cm to 2x1 cm"), "diameter", "area" or a lesion's or wound's name ("deposit 2 cm ->
// 0.8 cm"); not another measure ("Schirmer 3 mm →
// 10 mm", "mouth opening", "excision margins", "Breslow").
func (c *compiled) sizeContext(before string) bool {
	if i := strings.LastIndexAny(before, ".;:|\n"); i >= 0 {
		before = before[i+1:]
	}
	ws := words(before)
	if len(ws) == 0 {
		return true
	}
	for _, w := range ws[max(0, len(ws)-4):] {
		if c.measures[w] == "lower" || sizeChange[w] || w == "from" || w == "diameter" || w == "area" || lesionOrWound(w) {
			return true
		}
	}
	return false
}

// sizePairs reads the sizes before and after that sizePairRE finds where no measure's name
// made beforeAfter read them already (the spans of seen): a size is better lower; two
// dimensions are an area, three a volume (rule 5). A pair whose dimensions differ in number ("4 x 3 cm to 2 cm") is not read, but
// for a second size of zero ("6 x 4 cm → 0"), nor a rise written with "to", which may be a range
// ("lesions of 1 cm to 3 cm"); a rise with an arrow is read ("2 cm → 3 cm").
func (c *compiled) sizePairs(text string, seen []valueHit) []valueHit {
	if !strings.Contains(text, "mm") && !strings.Contains(text, "cm") {
		return nil
	}
	var out []valueHit
	for _, m := range sizePairRE.FindAllStringSubmatchIndex(text, -1) {
		if overlapsAny(seen, m[0], m[1]) || !c.sizeContext(text[:m[0]]) {
			continue
		}
		for {
			// "6 cm → 2 cm → 0 cm": the first size and the last
			n := sizePairRE.FindStringSubmatchIndex(text[m[6]:])
			if n == nil || n[0] != 0 {
				break
			}
			for i := range n {
				if n[i] >= 0 {
					n[i] += m[6]
				}
			}
			m[1], m[6], m[7], m[8], m[9] = n[1], n[6], n[7], n[8], n[9]
		}
		before, after := text[m[2]:m[3]], text[m[6]:m[7]]
		if len(dimSplit.Split(before, -1)) != len(dimSplit.Split(after, -1)) && sizeValue(strings.ReplaceAll(after, ",", ".")) != 0 {
			continue // but "6 x 4 cm → 0": nothing left, in any number of dimensions
		}
		unitEnd := m[5] // the end of the first size's unit, or of its number when the unit is written once
		if m[4] < 0 {
			arrow := strings.ContainsAny(text[m[3]:m[6]], arrowRunes+">")
			from := strings.HasSuffix(strings.ToLower(strings.TrimRight(text[:m[0]], " ")), "from")
			if m[8] < 0 || !arrow && !from {
				continue // "3 to 5 cm": a range; a bare "62 → 48" has no unit of length
			}
			unitEnd = m[3]
		}
		if rest := strings.TrimLeft(text[m[1]:], " "); m[8] < 0 && rest != "" && isASCIILetter(rest[0]) && sizeValue(strings.ReplaceAll(after, ",", ".")) != 0 {
			continue // "5 cm to 2 weeks": the second number is not a size
		}
		a, b := sizeValue(strings.ReplaceAll(before, ",", ".")), sizeValue(strings.ReplaceAll(after, ",", "."))
		b = inFirstUnit(b, unitOf(text, m[4], m[5]), unitOf(text, m[8], m[9]), after) // "1.5 cm to 8 mm"
		if b > a && !strings.ContainsAny(text[unitEnd:m[6]], arrowRunes+">") {
			continue // "lesions of 1 cm to 3 cm": a range as often as a growth; an arrow is a change
		}
		if cat, ok := sizeCategory(a, b); ok {
			out = append(out, valueHit{m[0], m[1], cat, false, false, false})
		}
	}
	return out
}
