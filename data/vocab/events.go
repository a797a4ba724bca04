package vocab

// dropUnplaced removes the adverse effects a negation denies ("no side effects",
// "without toxicity"): they say the course was tolerated, nothing of its response. It also
// removes the events of new onset ("developed", "occurred") that are denied, hedged or not
// placed on the course by a cue of their own statement ("no flares while on X but developed
// Y" places only the flares), or that share their clause with an adverse effect ("developed
// agranulocytosis while on methimazole"), or that introduce a good state (goodObject); the
// others state progression, which any response stated beside them outranks ("despite
// rituximab, LETM developed"), with low confidence unless "despite" (or its like) places
// them: a new onset merely while on the course may be a harm of it. The bare word "response"
// as what was evaluated (evaluatedResponse) goes too.
func dropUnplaced(toks []token, targets []target, clause, statement []int, cues []cueHit) []target {
	onIn := map[int]bool{} // statements with an on-course cue: an event must share one
	for _, cu := range cues {
		if cu.e.role == cueOnCourse && !cu.e.pattern {
			onIn[statement[cu.i]] = true
		}
	}
	adverseIn := map[int]bool{}
	for _, t := range targets {
		if t.entry.role == roleAdverse {
			adverseIn[clause[t.i]] = true
		}
	}
	for k, tk := range toks {
		if tk.norm == "induced" { // "developed drug-induced hepatitis": a disease name may hide the adverse phrase
			adverseIn[clause[k]] = true
		}
	}
	kept := targets[:0]
	for _, t := range targets {
		if t.entry.role == roleAdverse && t.negated {
			continue
		}
		if evaluatedResponse(toks, t) {
			continue
		}
		if t.entry.role == roleEvent {
			if t.negated || t.hedged || !t.on || t.after || !onIn[statement[t.i]] || adverseIn[clause[t.i]] || goodObject(toks, targets, t) {
				continue
			}
			t.rule = "new onset on the course"
			if !t.despite {
				// "while on isotretinoin she developed cheilitis": the disease's, or a harm of
				// the treatment the vocabulary does not know as one; "despite" says which
				t.hedged, t.hedgeCue = true, "a new onset while on the course: the disease's or a harm of the treatment"
			}
		}
		kept = append(kept, t)
	}
	return kept
}

// goodObject reports whether what an event word introduces is a good state or a response
// ("experienced stable mood and fewer paranoid thoughts", "developed a marked improvement"):
// the word right after it is one of goodAfterEvent, or a response statement
// starts within two words of it.
func goodObject(toks []token, targets []target, t target) bool {
	if t.j < len(toks) && !toks[t.j].brk && goodAfterEvent[toks[t.j].norm] {
		return true
	}
	for _, u := range targets {
		if u.i >= t.j && u.i <= t.j+2 && u.category.AtLeast(Minimal) {
			return true
		}
	}
	return false
}

// goodAfterEvent, right after an event word, introduce a good state or a fall of something
// bad ("experienced stable mood", "experienced fewer attacks"); not "in" or "on", which start
// the event's time or place ("leukemia developed in August").
var goodAfterEvent = map[string]bool{"stable": true, "good": true, "better": true, "relief": true, "normal": true,
	"complete": true, "marked": true, "significant": true, "fewer": true, "less": true, "lower": true, "reduced": true,
	"no": true}

// evaluatedResponse reports whether t is the bare word "response" (or "responses") as what
// was evaluated, not as a response: "for" right before it ("evaluated for response", "too
// early for response"), or a word of evaluation after it in its clause within five words with
// no outcome word between ("response assessed at 3 months", "response to treatment was
// evaluated by MRI"). A phrase of more words, a degree or a negation makes it a statement
// ("no response", "good response assessed at 3 months" keep theirs).
func evaluatedResponse(toks []token, t target) bool {
	if t.negated || t.graded || t.j-t.i != 1 || toks[t.i].norm != "response" && toks[t.i].norm != "responses" {
		return false
	}
	if t.i > 0 && !toks[t.i].brk && toks[t.i-1].norm == "for" {
		return true
	}
	for x := t.j; x < min(len(toks), t.j+5) && !toks[x].brk; x++ {
		if evaluationWords[toks[x].norm] {
			return true
		}
	}
	return false
}

// evaluationWords say that something was evaluated, not what was found.
var evaluationWords = map[string]bool{"assessed": true, "evaluated": true, "measured": true, "monitored": true,
	"determined": true, "checked": true, "graded": true, "assessment": true, "evaluation": true}
