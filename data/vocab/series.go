package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// Values written as slash-separated lists: a measure's values at a list of times ("UAS7
// 40/22/17 at wk 0/4/12", "thickness 6.1 mm / 5.9 mm (bl / mo 6)") and the sizes of several
// lesions before and after ("15/10/8 mm → 6/4/0 mm").

// slashListRE matches a list of two or more values separated by slashes, and the unit after
// it. Groups: 1 the list, 2 the unit.
var slashListRE = regexp.MustCompile(`(\d+(?:\.\d+)?(?:\s*(?:mm|cm)?\s*/\s*\d+(?:\.\d+)?)+)\s*((?:mm|cm)[23²³]?|%)?`)

// slashTimesRE matches, right after a list of values, the list of times they were taken at:
// "at 0/3/6 mo", "at wk 0/4/12", "at d0/d30/d60", "(bl / mo 6)", "at 0 / 12 / 24 mo". Group 1
// is the list.
var slashTimesRE = regexp.MustCompile(`^\s*(?:\(|at\s+|,\s*)?\s*((?:(?:bl|baseline|pre|(?:wks?|weeks?|mos?|months?|m|d|days?|yrs?|y)?\s*\d{1,3})\s*/\s*)+(?:bl|baseline|(?:wks?|weeks?|mos?|months?|m|d|days?|yrs?|y)?\s*\d{1,3}))\s*(?:wks?|weeks?|mos?|months?|d|days?|yrs?|years?|y)?\b\)?`)

// slashArrowRE matches, right after a list of values, an arrow and a second list.
var slashArrowRE = regexp.MustCompile(`^\s*(?:` + arrowAlt + `)\s*(\d+(?:\.\d+)?(?:\s*(?:mm|cm)?\s*/\s*\d+(?:\.\d+)?)+)\s*((?:mm|cm)[23²³]?)?`)

// slashSeries reads the values of slash-separated lists in text: a list of a measure's
// values that a list of as many times follows is read as the first value against the last
// (handed to read, which checks the measure); two lists of as many sizes of length, joined by
// an arrow, are the lesions' sizes before and after, read as their sums (rule 5), and
// returned. A list with a denominator ("7/10 → 2/10") or a Snellen fraction ("20/200 →
// 20/40") is neither.
func slashSeries(text string, read func(start, end int, a, b float64)) []valueHit {
	if strings.IndexByte(text, '/') < 0 {
		return nil
	}
	var out []valueHit
	for _, m := range slashListRE.FindAllStringSubmatchIndex(text, -1) {
		vals, ok := slashValues(text[m[2]:m[3]])
		if !ok {
			continue
		}
		if t := slashTimesRE.FindStringSubmatchIndex(text[m[1]:]); t != nil {
			if times, ok := slashTimes(text[m[1]+t[2] : m[1]+t[3]]); ok && len(times) == len(vals) {
				read(m[0], m[1]+t[1], vals[0], vals[len(vals)-1])
				continue
			}
		}
		n := slashArrowRE.FindStringSubmatchIndex(text[m[1]:])
		if n == nil || m[4] < 0 && n[4] < 0 || m[4] >= 0 && text[m[4]:m[5]] == "%" {
			continue // sizes need a unit of length
		}
		after, ok := slashValues(text[m[1]+n[2] : m[1]+n[3]])
		if !ok || len(after) != len(vals) || vals[len(vals)-1] == after[len(after)-1] && len(vals) == 2 {
			continue
		}
		a, b := 0.0, 0.0
		for i := range vals {
			a, b = a+vals[i], b+after[i]
		}
		if cat, ok := sizeCategory(a, b); ok {
			out = append(out, valueHit{m[0], m[1] + n[1], cat, false, false, false})
		}
	}
	return out
}

// slashValues parses a slash-separated list of values, dropping units of length written
// inside it ("6.1 mm / 5.9").
func slashValues(list string) ([]float64, bool) {
	parts := strings.Split(list, "/")
	vals := make([]float64, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(p), "mm"), "cm"))
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return nil, false
		}
		vals = append(vals, v)
	}
	return vals, len(vals) >= 2
}

// slashTimes parses a slash-separated list of times ("0/3/6", "wk 0/4/12", "bl / mo 6",
// "d0/d30/d60"): their numbers, a baseline being 0. The times must rise.
func slashTimes(list string) ([]float64, bool) {
	parts := strings.Split(list, "/")
	times := make([]float64, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "bl" || p == "baseline" || p == "pre" {
			times = append(times, 0)
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimLeft(p, "abcdefghijklmnopqrstuvwxyz")), 64)
		if err != nil || len(times) > 0 && v <= times[len(times)-1] {
			return nil, false
		}
		times = append(times, v)
	}
	return times, true
}

// laterWorseThanBest reads a series of values (a first, b last, mids between) whose last
// value is worse than its best: a response lost on the course when half the gain or more is
// lost (more than half: "EASI 20 → 4 at wk 16, 22 at wk 40", "UAS7 32 → 0 at wk 4; 28 at wk 20" =
// progression, rule 3: a relapse on the course), else the best value's category with low
// confidence ("EASI 27 → 13 (wk 16) → 15 (wk 24)": the best response, or one that waned,
// which a person decides: waned is true); so is a loss when the text tells of a stop
// (stopTold, looked at only then), as the later value may come after the course ("UAS7 28 → 0 → 14 after
// omalizumab was stopped"). cat is the
// reading of a → b of a lower-is-better measure (a rise of a higher-is-better one does not
// map to a category by its size).
func laterWorseThanBest(a, b float64, mids []float64, cat Category, toks []token) (_ Category, waned bool) {
	if len(mids) == 0 {
		return cat, false
	}
	best := b
	for _, v := range mids {
		if v < best {
			best = v
		}
	}
	if best == b {
		return cat, false
	}
	bestCat := percentCategory((a - best) / a)
	if bestCat == Complete && best > 0 {
		bestCat = Partial
	}
	if !bestCat.AtLeast(Minimal) || !cat.Ordered() || bestCat <= cat {
		return cat, false
	}
	if b-best > (a-best)/2 && !stopTold(toks) {
		// half the gain or more lost on the course ("UAS7 32 → 0 → 28", "PASI 15 → 3 → 9"):
		// a relapse on the course, progression (rule 3)
		return Progression, false
	}
	return bestCat, true
}

// stopTold reports whether the text tells of a stop or a time off the course ("stopped",
// "withdrawal", "off treatment", "interruption").
func stopTold(toks []token) bool {
	for _, tk := range toks {
		w := tk.norm
		if stopWords[w] || w == "off" || strings.HasPrefix(w, "withdr") || strings.HasPrefix(w, "interrupt") || strings.HasPrefix(w, "discontinu") {
			return true
		}
	}
	return false
}
