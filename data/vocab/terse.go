package vocab

// Terse notes in non-native English (docs/outcomes.md, twenty-sixth session): a base form
// for the past ("stop after 2 injection", "aggravate after 1 mo").

// stopAsVerb reports whether t is the terse "stop" of outcomes.tsv used as a verb in its
// infinitive or after a modal or a negation: "advised to stop the OIT", "had to stop",
// "could not stop"; or a noun after a word of time: "better before stop". Such a "stop" is
// advice, a need, an attempt or a time, not the stop of the course that a note records
// ("conjunctivitis, stop after 2 injection").
func stopAsVerb(toks []token, t target) bool {
	if t.j-t.i != 1 || toks[t.i].norm != "stop" || t.i == 0 || toks[t.i].brk {
		return false
	}
	return verbBeforeStop[toks[t.i-1].norm]
}

// verbBeforeStop are the words that make a "stop" after them a verb that records no stop.
var verbBeforeStop = map[string]bool{"to": true, "not": true, "did": true, "didnt": true, "could": true,
	"would": true, "will": true, "can": true, "cannot": true, "must": true, "should": true, "may": true,
	"might": true, "shall": true, "dont": true, "doesnt": true, "never": true, "before": true, "after": true,
	"until": true, "since": true}
