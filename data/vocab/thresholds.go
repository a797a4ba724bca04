package vocab

import (
	"regexp"
	"strconv"
	"strings"
)

// scoreHit is a named response threshold found in a text ("PASI 75").
type scoreHit struct {
	start, end int
	category   Category
}

// scoreThresholds returns the named response thresholds of scores.tsv in text. A term
// written twice ("SALT 100 at baseline, SALT 80 at week 24") or followed by words of a
// value at a time gives the score's values, not a response threshold; a term written each
// time joined to its number is a sequence of thresholds ("EASI-75 → EASI-90 → EASI-100").
func (c *compiled) scoreThresholds(text string) []scoreHit {
	if !c.mayHoldScore(text) {
		return nil
	}
	ms := scoreRE.FindAllStringSubmatchIndex(text, -1)
	seen, raw := map[string]int{}, map[string]int{}
	for _, m := range ms {
		seen[strings.ToLower(text[m[2]:m[3]])]++
		if !(m[3] == m[4] || text[m[3]:m[4]] == "-") {
			raw[strings.ToLower(text[m[2]:m[3]])]++ // written apart from its number: perhaps a value
		}
	}
	var out []scoreHit
	for _, m := range ms {
		term := strings.ToLower(text[m[2]:m[3]])
		if seen[term] > 1 && raw[term] > 0 || rawScoreAfter(text[m[1]:]) {
			continue
		}
		if c.joinedScores[term] && strings.TrimSpace(text[m[3]:m[4]]) == "" && m[3] < m[4] && !responseWordAfter(text[m[1]:]) && !reachWordBefore(text[:m[0]]) {
			continue // "SALT 80 at wk 24": the score's value (80 % of the scalp bare), not SALT80
		}
		v, _ := strconv.ParseFloat(text[m[4]:m[5]], 64)
		if best, ok := c.threshold(term, v); ok {
			out = append(out, scoreHit{m[0], m[1], best})
		}
	}
	return out
}

// rawScoreAfter reports whether the words right after a "TERM N" say that N is the
// score's value at a time ("at baseline", "points") rather than a response
// threshold.
func rawScoreAfter(rest string) bool {
	if arrowAfter(rest) {
		return true // "SALT 95 → 75", "PASI 100 to 70": the score's value before, not a level reached
	}
	if r, ok := strings.CutPrefix(strings.TrimLeft(rest, " "), "/"); ok && startsWithDigit(strings.TrimLeft(r, " ")) {
		return true // "SALT 100/60/15 at 0/3/6 mo": the first of the score's values
	}
	rest = strings.ToLower(strings.TrimLeft(rest, " ,:;()"))
	if startsWithWord(rest, "at baseline", "baseline", "points", "at presentation", "before treatment", "before starting", "at start", "at the start", "pretreatment", "pre-treatment", "at bl", "bl") {
		return true // "SALT 100 at bl", "PASI 18 bl": not "PASI 75 blinded"
	}
	return weekZeroRE.MatchString(rest) // "SALT 80 at wk 0", "EASI 30 (week 0)"
}

// weekZeroRE matches the start of a course written as its time zero: "at wk 0", "week 0",
// "w0", "day 0", "d0", "m0".
var weekZeroRE = regexp.MustCompile(`^(?:at\s+)?(?:wks?|weeks?|w|days?|d|mos?|months?|m)\s*0\b`)

// arrowAfter reports whether rest starts, past spaces, with an arrow or "to" and a number:
// the number before it is a value of a change.
func arrowAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if arrowStartRE.MatchString(rest) {
		return true
	}
	if r, ok := strings.CutPrefix(rest, "to "); ok {
		r = strings.TrimLeft(r, " ")
		return r != "" && r[0] >= '0' && r[0] <= '9'
	}
	return false
}

// arrowStartRE matches an arrow at the start of a text.
var arrowStartRE = regexp.MustCompile(`^(?:` + arrowAlt + `)`)

// startsWithDigit reports whether s starts with an ASCII digit.
func startsWithDigit(s string) bool { return s != "" && isDigitByte(s[0]) }

// responseWordAfter reports whether rest starts, past spaces and punctuation, with a word
// that makes the "TERM N" before it a response level reached: "SALT 90 response", "SALT 50
// achieved", "SALT 75 responder".
func responseWordAfter(rest string) bool {
	rest = strings.ToLower(strings.TrimLeft(rest, " ,:;()"))
	rest = strings.TrimPrefix(rest, "not ") // "SALT 50 not reached"
	return startsWithWord(rest, "response", "responder", "achieved", "reached", "attained", "met")
}

// startsWithWord reports whether rest starts with one of words as a whole word ("bl", not
// "blinded").
func startsWithWord(rest string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isASCIILetter(rest[len(w)])) {
			return true
		}
	}
	return false
}

// reachWordBefore reports whether the text before a "TERM N" ends with a verb of reaching a
// response level: "did not achieve SALT 50", "reached SALT 90".
func reachWordBefore(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	if len(f) == 0 {
		return false
	}
	w := strings.Trim(f[len(f)-1], ",;:()")
	return strings.HasPrefix(w, "achiev") || strings.HasPrefix(w, "reach") || strings.HasPrefix(w, "attain")
}
