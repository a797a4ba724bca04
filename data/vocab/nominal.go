package vocab

import "strings"

// The scope of a determiner's negation ("no", "without"): it negates a noun phrase, not a clause.

// endNounPhrase returns the negation scope neg, ended at token k when k ends the noun phrase
// its nominal cue governs (nounPhraseEnds).
func endNounPhrase(neg scope, toks []token, k int) scope {
	if neg.active && nounPhraseEnds(neg.cue, toks, k) {
		return scope{}
	}
	return neg
}

// nounPhraseEnds reports whether token k ends the noun phrase a nominal negation cue ("no",
// "without") governs: "with" starts another ("no signs of malignancy with excellent
// response"), and after a "without" phrase a verb of result is the sentence's own
// ("treatment … without antibiotics over two years resulted in clinical resolution"; but
// "without resulting in" still negates).
func nounPhraseEnds(cue string, toks []token, k int) bool {
	if !nominalNegation(cue) {
		return false
	}
	return toks[k].norm == "with" ||
		resultVerbs[toks[k].norm] && strings.EqualFold(cue, "without") && k > 0 && toks[k-1].norm != "without"
}

// resultVerbs are verbs that state what a treatment brought about ("resulted in", "led
// to"): after a "without" phrase they start the sentence's own predicate.
var resultVerbs = map[string]bool{"resulted": true, "led": true, "achieved": true, "produced": true,
	"induced": true, "brought": true, "yielded": true, "allowed": true, "enabled": true}

// nominalNegation reports whether a negation cue is a determiner ("no", "no signs of"):
// it negates a noun phrase, not a clause.
func nominalNegation(cue string) bool {
	w := strings.ToLower(cue)
	return w == "no" || strings.HasPrefix(w, "no ") || w == "without"
}

// verbAfterComma reports whether the words after the comma before token k open with an
// outcome phrase that is a verb in the past, perhaps after an adverb ("no complications,
// recovered well", "no fever, fully recovered"): a predicate of its own, which a determiner's
// negation before the comma ("no", "without") does not reach. A noun there may go on the
// negated list ("no new lesions, progression or relapse").
func verbAfterComma(toks []token, targets []target, ti, k int) bool {
	if ti >= len(targets) {
		return false
	}
	at := targets[ti].i
	if at != k && !(at == k+1 && strings.HasSuffix(toks[k].norm, "ly")) {
		return false
	}
	w := toks[at].norm
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}
