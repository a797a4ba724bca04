package vocab

// The scope of a negation cue: how far a forward or backward negation reaches.

// negationScope returns the negation scope after the negation cue cu, given the scope neg
// open before it.
func negationScope(toks []token, targets []target, clause []int, cu cueHit, cueText string, neg scope) scope {
	switch {
	case cu.e.category != CategoryUnknown && neg.active && !neg.covered:
		// "could not halt the progression", "no arrest of progression": a stop of worsening
		// denied; the worsening went on
		return scope{}
	case cu.e.category != CategoryUnknown && !haltObject(toks, targets, cu.j):
		// "halting treatment resulted in deterioration": what was halted is the treatment,
		// not the worsening; neither a stop nor a negation
		return neg
	case cu.e.role == cueNegation || !targetBefore(targets, clause, cu.i):
		// "had not reached remission": a backward cue with nothing before it in its clause
		// covers what follows, as "not" alone would
		return scope{active: true, cue: cueText, degree: degreeAt(toks, cu.j), states: cu.e.category, from: [2]int{cu.i, cu.j}}
	}
	return neg
}

// predicateOpeners open a backward negation that is a predicate of its own ("improvement was
// not seen"), which reaches back over its whole clause.
var predicateOpeners = map[string]bool{"was": true, "were": true, "is": true, "are": true, "be": true, "been": true,
	"could": true, "cannot": true, "can": true, "did": true, "does": true, "never": true, "has": true, "have": true, "had": true}

// bareNegationReaches reports whether a backward negation without a verb ("absent", "not
// seen", "lacking"), at token k, reaches back to a phrase ending at token j: at most three
// words between them, none of them "with", "and", "but" or "while", which start another
// thing the word may be said of ("improvement with fever absent").
func bareNegationReaches(toks []token, j, k int) bool {
	if k-j > 3 {
		return false
	}
	for x := j; x < k; x++ {
		switch toks[x].norm {
		case "with", "and", "but", "while", "whereas":
			return false
		}
	}
	return true
}

// negationMisses reports whether the forward negation neg, in force at target t, does not
// deny t after all: values past clause punctuation, or a relapse after a denied verb.
func negationMisses(toks []token, neg scope, t target) bool {
	if neg.from[1] == 0 || neg.from[1] > t.i {
		return false // not a forward cue of cues.tsv, or one that ends inside t
	}
	if t.quantity {
		return valuesPastBreak(toks, neg.from[1], t.i)
	}
	return t.entry.role == roleRelapse && verbDeniedInstead(toks, neg.from[0], neg.from[1], t.i)
}

// valuesPastBreak reports whether clause punctuation stands between a negation cue ending
// before token from and values read as numbers at token i: the values are a statement of their
// own ("nowhere near clear: EASI 30 -> 24").
func valuesPastBreak(toks []token, from, i int) bool {
	for k := from; k <= i && k < len(toks); k++ {
		if toks[k].brk {
			return true
		}
	}
	return false
}

// verbDeniedInstead reports whether the negation cue of tokens [i, j) negates a verb that the
// relapse at token at is the object of, not the relapse: "did not reduce the flares", "could not
// control the relapses" (the flares came); not "did not have any flares", "has not relapsed" (a
// verb of presence, or none).
func verbDeniedInstead(toks []token, i, j, at int) bool {
	return verbalNegation(toks, i, j) && !presenceDenied(toks, j, at)
}
