package vocab

import "strings"

// objectLinks join an outcome to the treatment it is said of ("responded to X",
// "improved with X", "remission after X"); listLinks join the treatments of one list.
var (
	objectLinks = map[string]bool{"to": true, "with": true, "after": true, "following": true, "under": true, "by": true, "on": true}
	listLinks   = map[string]bool{"and": true, "or": true, "plus": true, "with": true, "combined": true, "then": true}
)

// listFillers may stand between the treatments of one list without ending it ("etoposide and
// dexamethasone treatment and after anakinra", "steroids and high dose IVIG").
var listFillers = map[string]bool{"treatment": true, "therapy": true, "after": true, "following": true,
	"high": true, "dose": true, "low": true, "then": true}

// listWordsOnly reports whether the tokens from a to b (exclusive) are only words that join
// the treatments of one list: listLinks, and with fillers also listFillers.
func listWordsOnly(toks []token, a, b int, fillers bool) bool {
	for y := a; y < b; y++ {
		if w := toks[y].norm; !listLinks[w] && !(fillers && listFillers[w]) {
			return false
		}
	}
	return true
}

// directLink reports whether the tokens from a to b (exclusive) are only link words
// ("to", "after", "with" …) with no sentence end: the outcome is said of what follows.
func directLink(text string, toks []token, a, b int) bool {
	if a >= b || strings.ContainsAny(text[toks[a-1].end:toks[b].start], ".;!?\n") {
		return false
	}
	for y := a; y < b; y++ {
		if !objectLinks[toks[y].norm] {
			return false
		}
	}
	return true
}

// boundToOther reports whether the outcome t is said of a treatment list that follows it
// ("responded well to bisphosphonate", within four words, joined by "to", "with", "after"
// …) and that does not name the course: in a row of the course, the statement is then
// about another treatment.
func boundToOther(text string, toks []token, t target, ms []mention, clause []int) bool {
	first := -1
	for k, m := range ms {
		if m.i >= t.j {
			first = k
			break
		}
	}
	if first < 0 || ms[first].i > t.j+4 {
		return false
	}
	if clause[ms[first].i] != clause[t.i] && !directLink(text, toks, t.j, ms[first].i) {
		// a termination cue may be the link itself ("remission after rituximab"), nothing else may
		return false
	}
	linked := false
	for y := t.j; y < ms[first].i; y++ {
		if toks[y].norm == "to" && y+1 < len(toks) && purposeVerbs[toks[y+1].norm] {
			return false // "ineffective to control ACTH": what follows is the aim, not a treatment
		}
		if startWords[toks[y].norm] {
			return false // "no improvement, we resorted to plasmapheresis": the next treatment started
		}
		if objectLinks[toks[y].norm] {
			linked = true
		}
	}
	if !linked && !(ms[first].i == t.j && text[toks[t.j-1].end:toks[t.j].start] == " " &&
		(t.entry.category == None || t.entry.category == NotEvaluable)) {
		// "failed warfarin", "refused surgery": a failure or refusal takes its treatment as
		// a direct object
		return false
	}
	end := t.j
	for k := first; k < len(ms); k++ {
		m := ms[k]
		if k > first { // the list goes on only through list words
			if m.i-end > 3 {
				break
			}
			if !listWordsOnly(toks, end, m.i, true) {
				return !ms[first].short
			}
		}
		if m.course {
			return false
		}
		end = m.i + m.n
	}
	return !ms[first].short
}
