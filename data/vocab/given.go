package vocab

// Treatments named but not given: a treatment the patient did not get or need is no other
// treatment whose outcome a statement could be (docs/outcomes.md, attribution).

// notGiven reports whether the treatment at toks[i:i+n] is named as one the patient did not
// get or need: "no" or "without" right before it ("no dialysis needed", "no further surgery",
// "recovered without surgery"), or a word of no need right after it ("dialysis not needed",
// "nephrectomy was avoided"). Its statement is not another treatment's outcome.
func notGiven(toks []token, i, n int) bool {
	if cueEndsBefore(toks, i, 0, notGivenBefore) {
		return true
	}
	x := i + n
	if x < len(toks) && !toks[x].brk && (toks[x].norm == "was" || toks[x].norm == "were" || toks[x].norm == "is") {
		x++
	}
	if x >= len(toks) || toks[x].brk {
		return false
	}
	if w := toks[x].norm; w == "avoided" || w == "unnecessary" || w == "spared" {
		return true
	}
	return x+1 < len(toks) && !toks[x+1].brk && (toks[x].norm == "not" || toks[x].norm == "never") && needWords[toks[x+1].norm]
}

var (
	// notGivenBefore, right before a treatment's name, deny that it was given
	notGivenBefore = map[string]bool{"no": true, "without": true, "no further": true, "no more": true,
		"no additional": true, "without further": true, "without any": true}
	// needWords after "not" deny a treatment's need: "dialysis not needed"
	needWords = map[string]bool{"needed": true, "required": true, "necessary": true, "indicated": true}
)
