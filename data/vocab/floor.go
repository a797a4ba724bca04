package vocab

// Measures at their floor or in their reference range, as a whole outcome cell (rule 5 of
// docs/outcomes.md: 100 % or normal is complete).

import "strings"

// scoresAtZero returns the tokens of a zero that a measure of scores.tsv, lower being
// better, is given as after the course ("BVAS 0 at 6 months", "SLEDAI-2K 0", "pain VAS
// 0/10"): the floor of the measure, `complete` (rule 5: 100 % is complete). The zero
// must follow the measure's name, directly or after "score", "level", "=", ":" or "of",
// and be a value of its own: not the start of a range or change ("0 to 3", "0 → 2"), nor a
// decimal; a text that names a baseline ("BVAS 0 at baseline") gives none.
func (c *compiled) scoresAtZero(text string, toks []token) []int {
	if !strings.Contains(text, "0") || containsFoldASCII(text, "baseline") {
		return nil
	}
	var out []int
	for k, tk := range toks {
		if tk.norm != "0" || tk.arrow {
			continue
		}
		m := k
		if m > 0 && toks[m-1].norm == "of" && !toks[m].brk {
			m--
		}
		if m == 0 || c.betterRightBefore(toks, m) != "lower" {
			continue // a higher-is-better measure at zero is at its worst
		}
		if sep := strings.TrimSpace(text[toks[m-1].end:toks[m].start]); sep != "" && sep != "=" && sep != ":" && sep != "-" {
			continue
		}
		rest := text[tk.end:]
		if strings.HasPrefix(rest, ".") && len(rest) > 1 && isDigitByte(rest[1]) || strings.HasPrefix(rest, "%") {
			continue
		}
		if k+1 < len(toks) && (toks[k+1].arrow || toks[k+1].norm == "to" || isNumber(toks[k+1].norm) && !strings.HasPrefix(strings.TrimSpace(rest), "/")) {
			continue // "0 to 3", "0 → 2", "0 3": not one value
		}
		if !c.zeroIsTheCell(toks, m, k) && !c.everyClauseAtZero(toks) && !zeroReachedLast(toks, m, k) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// zeroIsTheCell reports whether the measure named before token m and its zero at token k
// are the whole text, but for a follow-up time after the zero and a denominator ("BVAS 0
// at 6 months", "pain VAS 0/10"): a zero among other values may be a state before the
// course ("Pre-stroke mRS 0; mRS 4 at 90 days", "SLEDAI 0 at start; SLEDAI 10 at 6
// months") or one of several measures ("DAS28 5.1 → 3.6, HAQ 0").
func (c *compiled) zeroIsTheCell(toks []token, m, k int) bool {
	for x := 0; x < m; x++ {
		if x > 0 && toks[x].brk {
			return false // "Pre-stroke mRS 0; mRS 4": the cell goes on before the zero
		}
		if w := toks[x].norm; !c.measureHeads[w] && c.betterRightBefore(toks, x+1) == "" && !zeroNameWords[w] {
			return false
		}
	}
	from := k + 1
	if from < len(toks) && isNumber(toks[from].norm) {
		from++ // the denominator of "0/10"
	}
	return onlyTimeFrom(toks, from) || keptAfter(toks, from)
}

// keptAfter reports whether the tokens from token from are a time, then clauses that each
// say only that the value was kept, and until when ("PASI 0 at wk 12, maintained to wk 52",
// "…, wk 52", "…, still at 1 yr"): the zero held, not another value.
func keptAfter(toks []token, from int) bool {
	x := from
	for x < len(toks) && !toks[x].brk {
		if !timeToken(toks[x]) || valueAt(toks, x) {
			return false
		}
		x++
	}
	if x == len(toks) {
		return false // onlyTimeFrom's case
	}
	for ; x < len(toks); x++ {
		if !timeToken(toks[x]) && !keptWords[toks[x].norm] || valueAt(toks, x) {
			return false // "PASI 0 at wk 12, 4 at wk 52": another value
		}
	}
	return true
}

// valueAt reports whether toks[x] is a number that is not part of a time (no time unit right
// before or after it, not an ordinal): a value of a measure.
func valueAt(toks []token, x int) bool {
	w := toks[x].norm
	if w == "" || !isDigitByte(w[0]) || isOrdinal(w) || timeToken(token{norm: strings.TrimLeft(w, "0123456789")}) && strings.TrimLeft(w, "0123456789") != "" {
		return false
	}
	return !(x > 0 && timeUnitWords[toks[x-1].norm] || x+1 < len(toks) && timeUnitWords[toks[x+1].norm])
}

// keptWords say that a value was kept ("maintained to wk 52", "sustained at 1 yr").
var keptWords = map[string]bool{"maintained": true, "sustained": true, "still": true, "kept": true,
	"remained": true, "to": true, "through": true, "thru": true}

// onlyTimeFrom reports whether the tokens from token from to the end are a time, in one clause
// ("at 6 months").
func onlyTimeFrom(toks []token, from int) bool {
	for x := from; x < len(toks); x++ {
		if toks[x].brk || !timeToken(toks[x]) {
			return false
		}
	}
	return true
}

// zeroReachedLast reports whether the zero at token k of the measure named right before token
// m ends the text (but for its time) after earlier values of the same measure: the value the
// course reached ("15 mg: EASI 30 -> 20; 30 mg: EASI 0 at wk 16"), not a state before it.
func zeroReachedLast(toks []token, m, k int) bool {
	name := toks[m-1].norm
	for x := 0; x < m-1; x++ {
		if toks[x].norm == name {
			return onlyTimeFrom(toks, k+1)
		}
	}
	return false
}

// everyClauseAtZero reports whether the text is two or more clauses, each a measure at zero
// as zeroIsTheCell reads a whole cell: "EASI 0, vIGA-AD 0 at wk 8", "BVAS 0; CRP 0".
func (c *compiled) everyClauseAtZero(toks []token) bool {
	clauses := 0
	for lo := 0; lo < len(toks); {
		hi := lo + 1
		for hi < len(toks) && !toks[hi].brk {
			hi++
		}
		cl, ok := toks[lo:hi], false
		for k := 1; k < len(cl) && !ok; k++ {
			m := k
			if cl[m-1].norm == "of" {
				m--
			}
			ok = cl[k].norm == "0" && m > 0 && c.betterRightBefore(cl, m) == "lower" && c.zeroIsTheCell(cl, m, k)
		}
		if !ok {
			return false
		}
		clauses++
		lo = hi
	}
	return clauses >= 2
}

// measuresNormal returns the token range [i, j) of a word of normality that a measure of
// scores.tsv is given as, when the two are the whole cell but for a follow-up time ("CRP
// normal", "IgG normal at 6 months", "UFC: WNL", "proteinuria within normal limits"): the
// measure back in its reference range, `complete` (rule 5: normal is complete). In a
// sentence a measure called normal is often the state before the course, so only the cell
// reads it.
func (c *compiled) measuresNormal(text string, toks []token) (r [2]int, ok bool) {
	for k := 1; k < len(toks); k++ {
		n := normalAt(toks, k)
		if n == 0 || c.betterRightBefore(toks, k) == "" {
			continue
		}
		if sep := strings.TrimSpace(text[toks[k-1].end:toks[k].start]); sep != "" && sep != ":" && sep != "=" {
			continue
		}
		if c.zeroIsTheCell(toks, k, k+n-1) || c.normalClauseOfCell(toks, k, k+n) {
			return [2]int{k, k + n}, true
		}
	}
	return r, false
}

// normalClauseOfCell reports whether the measures named before a word of normality at
// toks[k:e] and that word, with a follow-up time after it, are a whole clause of a terse cell
// of short clauses ("plt 241, LDH normal after 4 TPE; discharged", "no thyrotoxic signs; TSH,
// fT4, fT3 normal"): a list of measures back in their range, said after the course as a
// sheet's clauses are. A cell that names a baseline or a time before the course anywhere
// ("CRP normal on admission; …") or whose clauses run longer than a sheet's (a sentence,
// where a measure called normal is often the state before the course) gives none.
func (c *compiled) normalClauseOfCell(toks []token, k, e int) bool {
	if !shortClauses(toks, 8) {
		return false
	}
	for _, tk := range toks {
		if beforeCourseWords[tk.norm] {
			return false
		}
	}
	start, _ := clauseAround(toks, k-1)
	_, end := clauseAround(toks, e-1)
	for start > 0 && toks[start].comma && !toks[start].dash && c.measureWord(toks, start-1) {
		start, _ = clauseAround(toks, start-1) // a list of measures set off by commas: "TSH, fT4, fT3 normal"
	}
	for x := start; x < k; x++ {
		if !c.measureWord(toks, x) && toks[x].norm != "and" {
			return false
		}
	}
	for x := e; x < end; x++ {
		if !timeToken(toks[x]) {
			return false
		}
	}
	return true
}

// measureWord reports whether token x is (part of) a measure's name of scores.tsv.
func (c *compiled) measureWord(toks []token, x int) bool {
	w := toks[x].norm
	return c.measureHeads[w] || c.betterRightBefore(toks, x+1) != "" || zeroNameWords[w]
}

// shortClauses reports whether no clause of the text has more than n words: a sheet's terse
// cell, not a sentence.
func shortClauses(toks []token, n int) bool {
	run := 0
	for _, tk := range toks {
		if tk.brk {
			run = 0
		}
		if run++; run > n {
			return false
		}
	}
	return true
}

// beforeCourseWords name a time before the course or the state it started from.
var beforeCourseWords = map[string]bool{"baseline": true, "admission": true, "presentation": true, "diagnosis": true,
	"initially": true, "initial": true, "pre": true, "before": true, "prior": true, "previously": true, "onset": true}

// normalAt returns the number of tokens of a word of normality at token k: "normal",
// "WNL", "within normal limits", "within normal range", "within the normal range"; 0 if none.
func normalAt(toks []token, k int) int {
	switch toks[k].norm {
	case "normal", "wnl":
		return 1
	case "within":
		x := k + 1
		if x < len(toks) && toks[x].norm == "the" {
			x++
		}
		if x+1 < len(toks) && toks[x].norm == "normal" && (toks[x+1].norm == "limits" || toks[x+1].norm == "range") {
			return x + 2 - k
		}
	}
	return 0
}

// zeroNameWords may stand in a measure's name before its zero ("SLEDAI score of 0", "pain VAS 0").
var zeroNameWords = map[string]bool{"score": true, "level": true, "of": true, "pain": true}
