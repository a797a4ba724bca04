package vocab

// Cues of degree and time before a response word: which degree is in force, and how far.

// degreeCue applies a forward cue of degree or time: it returns the qualifier in force and
// the last token it reaches, and the last token a transient cue reaches (qual, qualUntil and
// transUntil as they were when cu sets none of them).
func degreeCue(text string, toks []token, targets []target, cu cueHit, qual Category, qualUntil, transUntil int) (Category, int, int) {
	switch cu.e.role {
	case cueQualifier:
		if describesFinding(toks, targets, cu) || namesMeasure(toks, cu) {
			return qual, qualUntil, transUntil
		}
		return coordinatedDegree(toks, cu, qual, qualUntil), cu.j - 1 + qualifierReach, transUntil
	case cueQualifierAfter:
		// "not complete remission", "partially responded": with no response word right
		// before it, the adverb qualifies the one after it
		if !targetEndsAt(targets, cu.i) || commaBefore(text, toks, cu.i) {
			return coordinatedDegree(toks, cu, qual, qualUntil), cu.j - 1 + qualifierReach, transUntil
		}
	case cueTransient:
		transUntil = cu.j - 1 + qualifierReach
		if transientAfter[toks[cu.i].norm] && cu.j == cu.i+1 {
			// "temporarily decreased in size", "transiently improved": the adverb of a short
			// time right before its response word, as after it, makes it minimal
			return Minimal, cu.j, transUntil
		}
	}
	return qual, qualUntil, transUntil
}

// coordinatedDegree is the degree a qualifier cue cu sets: its own, or the lower degree of
// a qualifier in force that "and" or "or" joins to it ("temporarily and partially relieved"
// is minimal, as "temporarily relieved" is).
func coordinatedDegree(toks []token, cu cueHit, qual Category, qualUntil int) Category {
	if cu.i > 0 && qualUntil >= cu.i-1 && (toks[cu.i-1].norm == "and" || toks[cu.i-1].norm == "or") &&
		qual.Ordered() && cu.e.category.Ordered() && qual < cu.e.category {
		return qual
	}
	return cu.e.category
}

// qualAfterAnd is the last token the qualifier in force reaches after "and" at token k,
// which begins a new statement: none, unless the next cue, cues[ci], is one of degree or time
// right after it ("temporarily and partially relieved": the degrees are joined).
func qualAfterAnd(cues []cueHit, ci, k, qualUntil int) int {
	if ci < len(cues) && cues[ci].i == k+1 {
		switch cues[ci].e.role {
		case cueQualifier, cueQualifierAfter, cueTransient:
			return qualUntil
		}
	}
	return -1
}

// targetAt returns the target that begins at token i, or nil.
func targetAt(targets []target, i int) *target {
	for t := range targets {
		if targets[t].i == i {
			return &targets[t]
		}
	}
	return nil
}
