package vocab

import (
	"strings"
	"unicode"
)

// The words a percentage is read by: the change word it states the size of, and "by" tying
// them (rule 5).

// percentsAfterBy reports whether "by" and a percentage, or a list of numbers ending in one,
// follow token j in its clause, "by" within seven words of it: "increased by 15 %", "reduced
// by 43 and 35 %", "by 40-60 %", "reduction of calcinosis on CT scan by approximately 30 %".
// The percentages state the change (rule 5), not the change word beside its measure.
func percentsAfterBy(text string, toks []token, j int) bool {
	for x := j; x < min(len(toks)-1, j+7) && !(x > j && toks[x].brk); x++ {
		if toks[x].norm == "by" || x == j && amountOf(toks, x) {
			j = x // "reduction of calcinosis on CT scan by approximately 30 %"
			break
		}
	}
	if j+1 >= len(toks) || toks[j].norm != "by" && !amountOf(toks, j) {
		return false
	}
	for k := j + 1; k < min(len(toks), j+7) && !(k > j+1 && toks[k].brk); k++ {
		if k == j+1 && approxWords[toks[k].norm] {
			continue
		}
		switch n := toks[k].norm; {
		case isNumber(n) && strings.HasPrefix(strings.TrimLeft(text[toks[k].end:], " "), "%"):
			return true
		case isNumber(n) || n == "and" || n == "or" || n == "to":
		default:
			return false
		}
	}
	return false
}

// percentDirection reads the words within six tokens of the percentage at token k: 2 if a
// dose, rate or survival word makes it no change of the disease, else -1 for the first
// word of a fall, 1 for the first word of a rise, 0 for neither.
func percentDirection(toks []token, k int) int {
	if changeWordNear(toks, k, func(w string) bool { return doseWords[w] }) != "" {
		return 2
	}
	switch w := changeWordNear(toks, k, func(w string) bool { return fallWords[w] || riseWords[w] }); {
	case fallWords[w]:
		return -1
	case riseWords[w]:
		return 1
	}
	return 0
}

// changeWordNear returns the first word within six tokens of token k, in its clause, that
// is one of those wanted; "" when none is.
func changeWordNear(toks []token, k int, wanted func(string) bool) string {
	lo, hi := clauseAround(toks, k)
	if byBefore(toks, k) {
		// "a reduction of calcinosis on CT scan by approximately 30 %": "by" ties the
		// percentage to the nearest change word before it ("proteinuria decreased and
		// creatinine rose by 30 %" is the rise)
		for w := k - 1; w >= max(lo, k-12); w-- {
			if wanted(toks[w].norm) {
				return toks[w].norm
			}
		}
	}
	for w := max(lo, k-6); w < min(hi, k+7); w++ {
		if wanted(toks[w].norm) {
			return toks[w].norm
		}
	}
	return ""
}

// byBefore reports whether "by", perhaps with a word of approximation after it, stands right
// before the number at token k: "by 30 %", "by approximately 30 %" state the amount of a
// change named earlier in the clause.
func byBefore(toks []token, k int) bool {
	x := k - 1
	if x >= 0 && approxWords[toks[x].norm] && !toks[x+1].brk {
		x--
	}
	return x >= 0 && (toks[x].norm == "by" || amountOf(toks, x)) && !toks[x+1].brk
}

// amountOf reports whether token x is an "of" that states the amount of the change word right
// before it, as "by" does: "ameliorated of around 30 %", "reduced of 50 %" (non-native
// English); not "reduction of calcinosis".
func amountOf(toks []token, x int) bool {
	if x < 1 || x+1 >= len(toks) || toks[x].norm != "of" || toks[x].brk || toks[x+1].brk {
		return false
	}
	w := toks[x-1].norm
	if !(fallWords[w] || riseWords[w]) || !strings.HasSuffix(w, "ed") {
		return false // a verb: "reduction of", "improvement of" name what changed
	}
	n := x + 1
	if approxWords[toks[n].norm] && n+1 < len(toks) {
		n++
	}
	return isNumber(toks[n].norm)
}

// approxWords make a number approximate ("approximately 30 %").
var approxWords = map[string]bool{"approximately": true, "about": true, "around": true, "roughly": true,
	"nearly": true, "almost": true, "some": true}

// sizeOfChangeBefore reports whether the quantity t, in parentheses, opens right after the
// vague change word of prev or after at most three words of its object, and holds nothing but
// it: "reduced (30 %)", "fewer pustules (~30%)", "less itch (about 40 %)" — the number is the
// change's size (not "less pain (30% of baseline)").
func sizeOfChangeBefore(text string, prev, t target) bool {
	if ph := prev.entry.normPhrase(); !vagueChange[lastWord(ph)] && !fewerPhrase(ph) || prev.end > t.start {
		return false
	}
	gap := strings.TrimRight(text[prev.end:t.start], " ~≈")
	if p := strings.LastIndexByte(gap, '('); p >= 0 && approxWords[strings.ToLower(strings.TrimSpace(gap[p+1:]))] {
		gap = gap[:p+1] // "(about 40 %)"
	}
	inner, ok := strings.CutSuffix(gap, "(")
	if !ok || !strings.HasPrefix(strings.TrimLeft(text[t.end:], " %"), ")") {
		return false // "(30% of BSA at baseline)", "(~30% of the time)": an extent or a frequency
	}
	for n, w := range strings.Fields(inner) {
		if n >= 3 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}
