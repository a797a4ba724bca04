package vocab

import "strings"

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
		if t.entry.role != roleAbsent || denialReaches(toks, stmt, cues, targets, t) {
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
// rechallenge. A negation of a verb denies the manifestation only through a verb of presence
// ("did not have any pain", "has not developed new ulcers"; not "did not reduce the flares",
// "unable to tolerate it (headache)"), and a manifestation that is the subject of an outcome
// word after it is not denied itself ("neither the ulcers nor the deposits changed").
func denialReaches(toks []token, stmt []int, cues []cueHit, targets []target, t target) bool {
	for k, tk := range toks {
		if stmt[k] == stmt[t.i] && absentNotOutcome[tk.norm] {
			return false
		}
	}
	for _, cu := range cues {
		if stmt[cu.i] != stmt[t.i] {
			continue
		}
		if cu.e.role == cueNegation && cu.j <= t.i && headOfDenial(toks, cu.j, t.i) && (!verbalNegation(toks, cu.i, cu.j) || presenceDenied(toks, cu.j, t.i)) && !predicateAfter(toks, targets, t) && !neitherPredicate(toks, cu) ||
			cu.e.role == cueNegationAfter && cu.i >= t.j {
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

// verbalNegation reports whether the negation cue of tokens [i, j) negates a verb ("did not",
// "never", "unable to", "far from"), not a noun ("no", "without", "free of").
func verbalNegation(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		switch w := toks[k].norm; {
		case w == "not", w == "never", w == "unable", w == "failed", w == "fail", w == "cannot", strings.HasSuffix(w, "n't"),
			w == "far", w == "nowhere", w == "rather", w == "instead": // "far from settling, the papules multiplied"
			return true
		}
	}
	return false
}

// presenceDenied reports whether the words between a verbal negation (ending before token
// from) and a manifestation at token i are a verb of presence and its object's determiners:
// none at all ("was not febrile"), or "have", "develop", "experience", "show" ….
func presenceDenied(toks []token, from, i int) bool {
	for k := from; k < i; k++ {
		w := toks[k].norm
		if presenceVerbs[w] {
			return true
		}
		if !determiners[w] && w != "any" && w != "a" && w != "be" && w != "been" {
			return false
		}
	}
	return true
}

// presenceVerbs say that a finding was there ("did not have", "has not developed").
var presenceVerbs = map[string]bool{"have": true, "has": true, "had": true, "having": true, "show": true, "shows": true,
	"showed": true, "shown": true, "develop": true, "develops": true, "developed": true, "experience": true,
	"experienced": true, "experiences": true, "report": true, "reported": true, "reports": true, "complain": true,
	"complained": true, "complains": true, "suffer": true, "suffered": true, "notice": true, "noticed": true,
	"feel": true, "felt": true, "get": true, "got": true, "exhibit": true, "exhibited": true, "present": true,
	"presented": true, "see": true, "seen": true, "observed": true, "detected": true, "found": true, "recur": true,
	"recurred": true, "occur": true, "occurred": true, "return": true, "returned": true, "reveal": true,
	"revealed": true, "demonstrate": true, "demonstrated": true, "display": true, "displayed": true, "find": true,
	"identify": true, "identified": true, "note": true, "noted": true, "detect": true, "observe": true, "disclose": true,
	"disclosed": true, "suggest": true, "indicate": true, "recorded": true}

// predicateAfter reports whether another outcome word follows the manifestation t closely in
// its clause: t is its subject, and a negation before t denies that word ("no ulcers healed");
// not a word of occurrence ("no additional thromboses occurred").
func predicateAfter(toks []token, targets []target, t target) bool {
	for _, o := range targets {
		if o.entry.role == roleAbsent || o.entry.role == roleEvent || presenceVerbs[toks[o.i].norm] || o.i < t.j || o.i > t.j+3 {
			continue
		}
		gap := false
		for k := t.j; k <= o.i && k < len(toks); k++ {
			gap = gap || toks[k].brk
		}
		if !gap {
			return true
		}
	}
	return false
}

// neitherPredicate reports whether "neither … nor …" (the cue cu) is the subject of a verb
// that ends its clause: "neither the ulcers nor the deposits changed" denies the change, not
// the ulcers; "neither pain nor swelling (was noted) at 6 mo" denies both.
func neitherPredicate(toks []token, cu cueHit) bool {
	if toks[cu.i].norm != "neither" {
		return false
	}
	_, hi := clauseAround(toks, cu.i)
	w := toks[hi-1].norm
	return strings.HasSuffix(w, "ed") && !presenceVerbs[w]
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
