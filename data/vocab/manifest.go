package vocab

// Manifestations reported absent (role "absent" of outcomes.tsv): "no vaginal bleeding one
// year after surgery", "no dizziness or vertigo at all after 1 mo". A generic sign or symptom
// of disease that the authors deny after the course is gone, and the text is complete when
// it says nothing else; beside any other statement (a response, a non-response, a
// persistence, a change) it is dropped, as it is at the diagnosis ("no lymphadenopathy was
// detected on admission") and after a rechallenge (a test of the course's harm). Common harms
// of treatments (rash, nausea, diarrhoea) are not in the list.

// deniable keeps the manifestations that a negation cue could reach: one before them in
// their sentence, or a backward one after them ("fever absent"). The others would only
// stand between a degree and its response word ("minimal symptom improvement") or hide a
// treatment's name ("pain medication"), and are dropped before the context is read; their words are
// free again for the quantities (used).
func deniable(toks []token, ends []bool, cues []cueHit, targets []target, used []bool) []target {
	has := false
	for _, t := range targets {
		has = has || t.entry.role == roleAbsent
	}
	if !has {
		return targets
	}
	stmt := number(toks, ends, nil, func(int) bool { return false }) // sentences
	out := targets[:0]
	for _, t := range targets {
		if t.entry.role != roleAbsent || denialReaches(toks, stmt, cues, t) {
			out = append(out, t)
			continue
		}
		for k := t.i; k < t.j; k++ {
			used[k] = false // free for a measure's name ("itch 8 → 3")
		}
	}
	return out
}

// denialReaches reports whether a negation cue stands before t in its sentence, or a
// backward one after it, and the sentence places it neither at the diagnosis nor after a
// rechallenge.
func denialReaches(toks []token, stmt []int, cues []cueHit, t target) bool {
	for k, tk := range toks {
		if stmt[k] == stmt[t.i] && absentNotOutcome[tk.norm] {
			return false
		}
	}
	for _, cu := range cues {
		if stmt[cu.i] != stmt[t.i] {
			continue
		}
		if cu.e.role == cueNegation && cu.j <= t.i && headOfDenial(toks, cu.j, t.i) || cu.e.role == cueNegationAfter && cu.i >= t.j {
			return true
		}
	}
	return false
}

// headOfDenial reports whether a manifestation at token i heads what a forward negation
// ending before token from denies: no preposition stands between them ("no effect on itch",
// "no change in pain" deny the effect and the change), except "of" after a word that frames a
// finding ("no signs of inflammation", "no episodes of bleeding").
func headOfDenial(toks []token, from, i int) bool {
	for k := from; k < i; k++ {
		switch w := toks[k].norm; {
		case w == "of":
			if k == from || !findingFrames[toks[k-1].norm] {
				return false
			}
		case denialPrepositions[w]:
			return false
		}
	}
	return true
}

// denialPrepositions between a negation and a manifestation make the manifestation the object
// of what is denied.
var denialPrepositions = map[string]bool{"on": true, "in": true, "for": true, "to": true, "with": true, "from": true,
	"at": true, "upon": true, "over": true, "after": true, "since": true, "during": true, "by": true}

// findingFrames before "of" name a finding's presence ("signs of", "evidence of").
var findingFrames = map[string]bool{"sign": true, "signs": true, "evidence": true, "symptom": true, "symptoms": true,
	"episode": true, "episodes": true, "features": true, "recurrence": true, "attacks": true, "attack": true,
	"manifestations": true, "findings": true}

// absentNotOutcome place a denied manifestation at the diagnosis or in a test of harm.
var absentNotOutcome = map[string]bool{"admission": true, "presentation": true, "diagnosis": true, "baseline": true,
	"rechallenge": true, "challenge": true, "before": true, "prior": true, "workup": true, "staging": true}

// dropAbsentBesideOther drops the denied manifestations ("no pain") when the text states
// anything else: a response, a non-response, a persistence or a change read by its words
// ("coagulation remained deranged, without active bleeding", "pain halved; no more writhing
// pain", "parasites increased despite the absence of symptoms") says more of the course than
// the absence of one manifestation. Also dropped: a manifestation that names a measure ("no
// pain scores in the abstract").
func dropAbsentBesideOther(toks []token, targets []target) []target {
	other := false
	for _, t := range targets {
		other = other || t.entry.role != roleAbsent && t.rule != ruleFunction // "swims again w/o hives": both gains
	}
	out := targets[:0]
	for _, t := range targets {
		if t.entry.role != roleAbsent || !other && !(t.j < len(toks) && scaleNouns[toks[t.j].norm]) {
			out = append(out, t)
		}
	}
	return out
}

// scaleNouns after a manifestation make it a measure's name ("pain scores") or what was not
// reported ("no itch data").
var scaleNouns = map[string]bool{"score": true, "scores": true, "scale": true, "scales": true, "level": true, "levels": true,
	"data": true, "information": true, "info": true, "details": true, "record": true, "records": true}
