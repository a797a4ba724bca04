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

// nominalNegation reports whether a negation cue is a determiner ("no", "no signs of") or a
// preposition ("without", "instead of"): it negates a noun phrase, not a clause.
func nominalNegation(cue string) bool {
	w := strings.ToLower(cue)
	return w == "no" || strings.HasPrefix(w, "no ") || w == "without" || w == "instead of"
}

// verbAfterComma reports whether the words after the comma before token k open with an
// outcome phrase whose first or second word is a verb in the past that ends its clause or is
// followed by an adverb or a preposition ("no complications, recovered well", "no fever, much
// improved", "no fever, fully recovered at discharge"): a predicate of its own, which a
// determiner's negation before the comma ("no", "without") does not reach. A participle before
// a noun or a list word ("no pain, reduced mobility or swelling") goes on the negated list, as
// a noun does ("no new lesions, progression or relapse").
func verbAfterComma(toks []token, targets []target, ti, k int) bool {
	if ti >= len(targets) || targets[ti].i != k && !(targets[ti].i == k+1 && mannerAdverb(toks[k].norm)) {
		return false
	}
	t := targets[ti]
	for v := t.i; v < t.j && v <= t.i+1; v++ {
		if w := toks[v].norm; regularPast(w) && !strings.HasSuffix(w, "eed") { // not "rebleed"
			return v+1 == len(toks) || toks[v+1].brk || predicateFollowers[toks[v+1].norm] ||
				mannerAdverb(toks[v+1].norm)
		}
	}
	return false
}

// predicateFollowers may follow a verb that ends a predicate ("recovered well", "improved at
// discharge", "resolved within 2 weeks").
var predicateFollowers = map[string]bool{"well": true, "at": true, "on": true, "by": true, "after": true,
	"within": true, "over": true, "in": true, "with": true, "and": true, "but": true, "to": true, "from": true}

// mannerAdverb reports whether w is an adverb of manner in -ly that may stand before a verb
// ("quickly improved"), not an adjective or a time in -ly ("early", "daily", "family").
func mannerAdverb(w string) bool {
	switch w {
	case "only", "early", "daily", "weekly", "monthly", "yearly", "family", "likely", "supply":
		return false
	}
	return len(w) > 4 && strings.HasSuffix(w, "ly")
}

// responseAfterList reports whether a response phrase opens the words after the comma
// before token k while the determiner's negation neg has covered no outcome phrase: "no
// deficits, complete remission at 32 mo", "no complications, marked improvement". The list
// a "no" heads names what is absent (deficits, fever); a response is no item of it. A list
// of outcome words ("without improvement, remission or …") has covered one by then.
func responseAfterList(targets []target, ti, k int, neg scope) bool {
	if neg.covered || ti >= len(targets) || targets[ti].i != k {
		return false
	}
	t := targets[ti]
	return t.category.AtLeast(Minimal) && !deniedOnly(t.entry.role) && !t.entry.marker
}

// subjectAfterNegatedList reports whether the comma before token k, in the scope of a
// determiner's negation that has covered no outcome phrase yet, opens a statement of its own:
// one to three words stand between the comma and the next outcome phrase, its subject ("no
// pain, ulcer 50% smaller", "no fever since d2, erythema receding", "no weakness now, CK 4000
// -> 150"). A phrase right after the comma ("no hypoglycaemia, worsened renal function") and a
// list that goes on ("no pain, redness or new lesions") stay in the scope.
func subjectAfterNegatedList(toks []token, targets []target, ti, k int) bool {
	if ti < len(targets) && targets[ti].entry.role == roleAbsent && targets[ti].i > k && targets[ti].i <= k+3 && !listGoesOn(toks, k) {
		return true // "says no flatter, painful blisters after each session": a manifestation said, not denied
	}
	for ti < len(targets) && targets[ti].entry.role == roleAbsent && targets[ti].i <= k+3 {
		ti++ // "no pain, ulcer 50% smaller": the manifestation is the subject
	}
	return ti < len(targets) && targets[ti].i > k && targets[ti].i <= k+3 && !listGoesOn(toks, k)
}
