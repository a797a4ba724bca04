package vocab

import "strings"

// Steps of a telegraphic treatment history: "pred 1 mg/kg -> relapse x3 on taper; CsA ->
// nephrotoxicity, stopped; tofacitinib 5 bd -> rash cleared". Each part of such a cell opens
// with a treatment, its dose or schedule and an arrow, and what follows the arrow, to the end
// of the part, is that treatment's step (docs/outcomes.md, rule 2).

// stepReach bounds the words of dose and schedule between a step's treatments and its arrow
// ("IVIG 2 g/kg x6 monthly added ->").
const stepReach = 8

// stepKind says whose step a token of the cell lies in.
type stepKind uint8

const (
	stepNone  stepKind = iota // in no step
	stepOwn                   // in a step of the course's own treatments (alone or combined)
	stepOther                 // in a step of other treatments only
)

// steps marks, for every token, the step it lies in: a part of the cell that opens (at the
// cell's start, after a sentence end, a semicolon, a comma, a spaced slash or "then") with
// treatments joined by "+", "and" or a comma, their dose and schedule words (no outcome
// phrase, at most stepReach words) and an arrow; the step runs from the arrow to the end of
// the part or to the next treatment named outside it. A step with one of the course's
// treatments among its own (not a sibling of its class, mention.sibling) is the course's (a
// combination: "IVIG + pred -> partial response" in an IVIG row); another treatment named
// inside it ("tofacitinib 5 bd -> rash cleared, steroid off") does not make it that
// treatment's.
func steps(text string, toks []token, ends []bool, ms []mention, inTarget []bool) []stepKind {
	var at []stepKind
	for x := 0; x < len(ms); x++ {
		if !opensPart(text, toks, ends, ms[x].i) {
			continue
		}
		last, arrow := stepLabel(text, toks, ends, ms, inTarget, x)
		if arrow < 0 {
			continue
		}
		end := len(toks)
		if last+1 < len(ms) {
			end = ms[last+1].i
		}
		kind := stepOther
		for _, s := range ms[x : last+1] {
			if s.course && !s.sibling {
				kind = stepOwn
			}
		}
		if at == nil {
			at = make([]stepKind, len(toks))
		}
		for y := arrow; y < end && (y == arrow || !partEnd(text, toks, ends, y)); y++ {
			at[y] = kind
		}
		x = last
	}
	return at
}

// markSteps sets each target's step (steps).
func markSteps(text string, toks []token, ends []bool, ms []mention, inTarget []bool, targets []target) {
	if at := steps(text, toks, ends, ms, inTarget); at != nil {
		for x := range targets {
			targets[x].step = at[targets[x].i]
		}
	}
}

// stepLabel reads the label of a step that may open at the treatment ms[x]: it returns the
// last treatment joined to it and the token of the arrow after their dose words, or -1 when
// no arrow ends the label.
func stepLabel(text string, toks []token, ends []bool, ms []mention, inTarget []bool, x int) (last, arrow int) {
	last = x
	for y := ms[x].i + ms[x].n; y < len(toks) && y-(ms[last].i+ms[last].n) <= stepReach; y++ {
		if toks[y].arrow {
			if isNumber(toks[y].norm) {
				return last, -1 // a change of dose ("pred 60 -> 20 mg") or of a value ("PASI 20 -> 14")
			}
			return last, y
		}
		joined := last+1 < len(ms) && ms[last+1].i == y && (!toks[y].comma || y == ms[last].i+ms[last].n)
		if inTarget[y] || partEnd(text, toks, ends, y) || toks[y].comma && !joined {
			// an outcome, the part's end, or a colon or comma before other words, or after
			// a treatment's dose ("MTX 3 mo, adalimumab ->": a sequence, not a combination)
			return last, -1
		}
		if joined {
			last++
			y = ms[last].i + ms[last].n - 1
		}
	}
	return last, -1
}

// opensPart reports whether token i opens a part of the cell: the cell's start, a sentence
// end or semicolon, a comma, a spaced slash, or "then" right before it.
func opensPart(text string, toks []token, ends []bool, i int) bool {
	if i == 0 || partEnd(text, toks, ends, i) || toks[i].comma {
		return true
	}
	return toks[i-1].norm == "then" && !toks[i].brk
}

// partEnd reports whether a part of the cell ends before token i: a sentence end or a
// semicolon (not an arrow, which joins a step's states), or a spaced slash ("MTX -> NR /
// ADA -> CR").
func partEnd(text string, toks []token, ends []bool, i int) bool {
	if i == 0 {
		return false
	}
	gap := text[toks[i-1].end:toks[i].start]
	return ends[i] && strings.ContainsAny(gap, ".;!?\n\r|") || strings.Contains(gap, " / ")
}

// contrastOpener reports whether w opens a statement that goes on telling of the subject
// before it: a contrast (residueContrasts: "but", "however", "yet") or a concession.
func contrastOpener(w string) bool { return residueContrasts[w] || w == "though" || w == "although" }

// continuesOther reports whether the statement of the outcome t names no treatment and goes
// on telling of other treatments than the course's: it is a relative clause right after one
// ("tetracyclines, which had given only partial control"), or it opens with a word of
// contrast and follows, in the same part of the cell, a statement that names only others
// ("clobetasol controlled it but relapsed on taper" in a methotrexate row: the relapse is
// clobetasol's). Either way no course treatment is named after it in its sentence. The
// mirror of followsCourse, kept within a part: a new sentence may return to the course
// unnamed.
func continuesOther(text string, toks []token, ends []bool, cues []cueHit, clause []int, t target, targets []target, ms []mention, namesCourse, namesOther map[int]bool) bool {
	cl := clause[t.i]
	if cl == 0 || namesCourse[cl] || namesOther[cl] {
		return false
	}
	f := t.i
	for f > 0 && clause[f-1] == cl {
		f--
	}
	if !relativeOfOther(toks, ms, cues, clause, f) {
		if !contrastOpener(toks[f].norm) && !(f > 0 && contrastOpener(toks[f-1].norm)) || !namesOther[cl-1] || namesCourse[cl-1] ||
			!outcomeIn(toks, targets, clause, cl-1) {
			// "…, and was placed again on antibiotics, to which she responded": a new action;
			// "topical steroids continued but eczema flared": a background, not an outcome
			return false
		}
		for x := t.i; x > 0 && clause[x-1] >= cl-1; x-- {
			if partEnd(text, toks, ends, x) {
				return false
			}
		}
	}
	for _, m := range ms {
		if m.course && m.i >= t.j && !endBetween(ends, t.j, m.i) {
			return false // "did not respond to lorazepam but responded only after giving pyridoxine"
		}
	}
	return true
}

// relativeOfOther reports whether a relative "which" at or right before token f follows
// the name of another treatment in the scope of a history cue ("refractory to tetracyclines,
// which had given only partial control"): the clause tells of that treatment.
func relativeOfOther(toks []token, ms []mention, cues []cueHit, clause []int, f int) bool {
	if toks[f].norm != "which" && (f == 0 || toks[f-1].norm != "which") {
		return false
	}
	w := f
	if toks[f].norm != "which" {
		w = f - 1
	}
	for _, m := range ms {
		if m.i+m.n == w && (!m.course || m.sibling) {
			// only a treatment named as history ("refractory to tetracyclines, which …"); one
			// given with the course ("penicillin along with hyperbaric oxygen, which resulted
			// in cure") shares the relative with it
			for _, cu := range cues {
				if cu.e.role == cueHistory && cu.j <= m.i && clause[cu.i] == clause[m.i] {
					return true
				}
			}
		}
	}
	return false
}

// outcomeIn reports whether statement cl holds an outcome statement of targets other than a
// word of persistence ("clobetasol controlled it"; not "topical steroids continued").
func outcomeIn(toks []token, targets []target, clause []int, cl int) bool {
	for _, t := range targets {
		if clause[t.i] == cl && t.category.Ordered() && !persistenceWords[toks[t.i].norm] {
			return true
		}
	}
	return false
}
