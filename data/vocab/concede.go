package vocab

// concessionReach is how many words may stand between "despite" and the response it
// concedes ("despite a favourable initial response", "despite blood and marrow
// remission"): further on, the words are more likely the main clause, written without a
// comma ("despite the severity of the disease the ulcers healed").
const concessionReach = 4

// dropConceded drops the responses stated as a concession when the text sets a worsening
// on the course against them: "the disease had progressed despite a favourable initial
// response to IVIG"; "serum Cr as well as viral load deteriorated despite the misleading
// improvement". The phrase a "despite" or "in spite of" opens, to the next clause
// punctuation or the end of its sentence, concedes what it holds; the worsening is the
// authors' outcome (rule 3: a response lost on the course is progression).
//
// The response stays when it names what improved ("despite improvement of purpura,
// neuropathy worsened"; "despite improvement in his skin ulcers, he continued to report
// dyspnea"): that is two sites, and any site improved is partial (rule 8). It stays too
// when more than concessionReach words stand between the cue and it, and when what is set
// against it is no worsening stated outright: a non-response, a weak change of a measure
// ("the platelet count fell"), an adverse effect, or a relapse after the course (rule 3).
func dropConceded(text string, toks []token, ends []bool, targets []target, cues []cueHit) []target {
	cueEnd := concessions(text, toks, ends, cues)
	if cueEnd == nil {
		return targets
	}
	against := false
	for _, t := range targets {
		if cueEnd[t.i] < 0 && !t.history && !t.hedged && !t.after && !t.entry.secondary && !t.entry.weak() &&
			t.entry.role != roleAdverse && t.category == Progression {
			against = true
			break
		}
	}
	if !against {
		return targets
	}
	keep := targets[:0]
	for _, t := range targets {
		if conceded(toks, t, cueEnd) {
			continue
		}
		keep = append(keep, t)
	}
	return keep
}

// conceded reports whether t is a response a concession holds close enough to its cue and
// without naming what improved.
func conceded(toks []token, t target, cueEnd []int) bool {
	from := cueEnd[t.i]
	if from < 0 || t.i-from > concessionReach || !t.category.Ordered() || t.category < Minimal {
		return false
	}
	if t.j < len(toks) && !toks[t.j].brk {
		switch toks[t.j].norm {
		case "of", "in", "on", "at":
			return false // "improvement of purpura": a site of its own
		}
	}
	return true
}

// concessions returns, for each token inside a phrase "despite" or "in spite of" opens
// (from the cue to the next clause punctuation or sentence end), the index of the token
// after the cue, and -1 for the others; nil when the text has no such phrase. It runs in
// time linear in the tokens, however many cues there are.
func concessions(text string, toks []token, ends []bool, cues []cueHit) []int {
	var in []int
	next := 0 // tokens before next are already marked or passed
	for _, cu := range cues {
		if cu.e.role != cueOnCourse || !despiteCue(text[toks[cu.i].start:toks[cu.j-1].end]) {
			continue
		}
		if in == nil {
			in = make([]int, len(toks))
			for k := range in {
				in[k] = -1
			}
		}
		for k := max(cu.i, next); k < len(toks); k++ {
			if k >= cu.j && (toks[k].brk || ends[k]) {
				next = k
				break
			}
			in[k] = cu.j
			next = k + 1
		}
	}
	return in
}
