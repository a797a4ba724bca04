package vocab

import "strings"

// A degree said of a response word after it: in predicate position ("the response was poor",
// "the response to methotrexate was poor") or after the word's object or treatment ("improved
// the pain marginally", "the improvement after IVIG was not sustained").

// linkingVerbs join a response word to a degree said of it ("the response was poor");
// linkFillers, adverbs of degree and auxiliaries, may stand between ("was only partial",
// "has been very limited").
var (
	linkingVerbs = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "remained": true, "proved": true, "appeared": true}
	linkFillers  = map[string]bool{"very": true, "only": true, "rather": true, "quite": true, "too": true, "somewhat": true, "has": true, "have": true, "had": true}
)

// linkFiller reports whether w may stand between a linking verb and the degree said of a
// response word: a filler of linkFillers or an adverb of manner ("the improvement was
// unexpectedly poor", "the response was relatively modest").
func linkFiller(w string) bool { return linkFillers[w] || mannerAdverb(w) }

// predicateOf returns the response word whose predicate the qualifier at toks[q:end] is: a
// target that ends right before a linking verb, with only linking verbs and degree adverbs
// between it and the qualifier, in the same clause, and the qualifier ending its clause or
// followed by a comma or "and" (so "the response was poor" but not "the response was
// partial remission of …"); nil when there is none.
func predicateOf(toks []token, clause []int, targets []target, q, end int) *target {
	k := q - 1
	for k >= 0 && linkFiller(toks[k].norm) {
		k--
	}
	verbs := 0
	for k >= 0 && (linkingVerbs[toks[k].norm] || linkFiller(toks[k].norm)) {
		if linkingVerbs[toks[k].norm] {
			verbs++
		}
		k--
	}
	if verbs == 0 || k < 0 || clause[k] != clause[q] {
		return nil
	}
	if end < len(toks) && clause[end] == clause[q] && toks[end].norm != "and" && !toks[end].brk {
		return nil // the qualifier of a word of two ("short-lived") ends at end, not at q
	}
	for t := range targets {
		if targets[t].j == k+1 {
			return &targets[t]
		}
	}
	// "the response to methotrexate was poor": the response word, then the treatment
	for p := k; p >= max(1, k-3) && !toks[p+1].brk && !toks[p].brk; p-- {
		if !responsePreps[toks[p].norm] {
			continue
		}
		for t := range targets {
			if targets[t].j == p && clause[p] == clause[q] {
				return &targets[t]
			}
		}
		return nil
	}
	return nil
}

// responsePreps join a response word to the treatment or time it is of ("response to
// methotrexate", "improvement after IVIG", "remission on prednisolone").
var responsePreps = map[string]bool{"to": true, "after": true, "on": true, "with": true, "of": true, "from": true}

// qualifiedBefore returns the response word a qualifier after it at toks[q] grades across a
// few words: its object or the treatment it names ("improved the pain marginally", "reduced the
// seizure frequency by about a third", "the improvement after IVIG was not sustained"). The
// word ends at most five words before q, with no punctuation, no other statement and no word
// that opens a clause between (a cue of lasting, lasting, may follow a comma or "which"); nil
// when there is none.
func qualifiedBefore(toks []token, targets []target, q int, lasting bool) *target {
	var best *target
	for t := range targets {
		tg := &targets[t]
		if tg.j > q || q-tg.j > 5 || tg.j == q && !lasting || !tg.category.AtLeast(Minimal) {
			continue
		}
		if best == nil || tg.j > best.j {
			best = tg
		}
	}
	if best == nil {
		return nil
	}
	for x := best.j; x < q; x++ {
		relative := toks[x].norm == "which" || toks[x].norm == "that"
		if clauseOpeners[toks[x].norm] && !(lasting && relative) || toks[x].brk && !(lasting && toks[x].comma) {
			return nil // "improvement, which was not sustained": whether it lasted is said of it
		}
		for t := range targets {
			if targets[t].i == x {
				return nil // another statement stands between
			}
		}
	}
	if toks[q].brk && !(lasting && toks[q].comma) {
		return nil
	}
	return best
}

// lastingCue reports whether a qualifier cue says whether a response lasted ("not sustained",
// "did not last"), which may follow its response word across a comma or "which".
func lastingCue(term string) bool {
	return strings.Contains(term, "sustain") || strings.Contains(term, "maintain") || strings.Contains(term, "last") ||
		strings.Contains(term, "durable")
}

// clauseOpeners open a statement of their own between a response word and a qualifier.
var clauseOpeners = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "which": true,
	"although": true, "then": true, "who": true, "though": true}
