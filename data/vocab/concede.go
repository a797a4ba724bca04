package vocab

// dropConceded drops the responses stated as a concession when the text sets a worsening
// on the course against them: "the disease had progressed despite a favourable initial
// response to IVIG"; "serum Cr as well as viral load deteriorated despite the misleading
// improvement". The phrase a "despite" or "in spite of" opens, to the next clause
// punctuation or the end of its sentence, concedes what it holds; the worsening is the
// authors' outcome (rule 3: a response lost on the course is progression). Set against a
// non-response ("despite improvement in his skin ulcers, he continued to report dyspnea")
// the response stays: that is two sites, and any site improved is partial (rule 8). A
// relapse after the course does not undo the response (rule 3), nor does a concession
// with nothing set against it ("despite a slow start, she improved").
func dropConceded(text string, toks []token, ends []bool, targets []target, cues []cueHit) []target {
	conceded := concessions(text, toks, ends, cues)
	if conceded == nil {
		return targets
	}
	against := false
	for _, t := range targets {
		if !conceded[t.i] && !t.history && !t.hedged && !t.after && !t.entry.secondary && t.category == Progression {
			against = true
			break
		}
	}
	if !against {
		return targets
	}
	keep := targets[:0]
	for _, t := range targets {
		if conceded[t.i] && t.category.Ordered() && t.category >= Minimal {
			continue
		}
		keep = append(keep, t)
	}
	return keep
}

// concessions marks the tokens of the phrases "despite" or "in spite of" opens: from
// the cue to the next clause punctuation or sentence end. It is nil when there is none.
func concessions(text string, toks []token, ends []bool, cues []cueHit) []bool {
	var in []bool
	for _, cu := range cues {
		if cu.e.role != cueOnCourse || !despiteCue(text[toks[cu.i].start:toks[cu.j-1].end]) {
			continue
		}
		if in == nil {
			in = make([]bool, len(toks))
		}
		for k := cu.i; k < len(toks); k++ {
			if k >= cu.j && (toks[k].brk || ends[k]) {
				break
			}
			in[k] = true
		}
	}
	return in
}
