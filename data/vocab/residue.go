package vocab

// residueBesideComplete reads res, whose decisive statement live[decisive] is complete and
// confident (low is ""), as partial when the same sentence goes on to name what was left:
// "recovered with deficits", "resolved with residual diplopia", "symptoms resolved, with the
// exception of ongoing memory concerns", "fully functional except for the right eye". Rule
// 8: complete only when every manifestation is gone; a recovery with a residue is better,
// not whole (as "recovered with sequelae" in outcomes.tsv).
//
// Not counted: a residue denied ("without sequelae", "no residual deficit", "nor any motor
// deficit"), one that is itself part of a statement the reader matched ("no residual
// disease"), the object of the complete statement ("resolution of residual mass"), "except
// when …" (a condition, not a residue), and anything after the end of the sentence (ends,
// sentenceEnds).
func residueBesideComplete(text string, toks []token, ends []bool, live []target, decisive int, low string, res *OutcomeMatch) {
	if low != "" || decisive < 0 || res.Category != Complete || live[decisive].category != Complete ||
		live[decisive].negated || live[decisive].quantity {
		return
	}
	for k := live[decisive].j; k < len(toks); k++ {
		if ends[k] {
			return
		}
		if !residueWord(toks, k) || insideTarget(live, k) || residueDenied(toks, k) || objectOf(toks, live[decisive].j, k) {
			continue
		}
		res.Category, res.Code = Partial, Partial.Code()
		res.Evidence.Rule += " (rule 8: something left beside a complete response: " + text[toks[k].start:toks[min(k+2, len(toks)-1)].end] + ")"
		return
	}
}

// objectOf reports whether the residue at toks[k] is the object of the complete
// statement that ends at toks[j] ("resolution of residual mass", "disappearance of the
// residual lesions"): only "of" and articles between them.
func objectOf(toks []token, j, k int) bool {
	for x := j; x < k; x++ {
		switch toks[x].norm {
		case "of", "the", "a", "its", "all", "any":
		default:
			return false
		}
	}
	return k > j && !toks[k].brk
}

// residueWord reports whether toks[k] names what a recovery left: "residual", "sequelae",
// "with … deficit(s)", "except" (not "except when", "except during"), "with the exception
// of".
func residueWord(toks []token, k int) bool {
	switch toks[k].norm {
	case "residual", "sequelae", "sequela":
		return true
	case "except":
		if k+1 < len(toks) {
			switch toks[k+1].norm {
			case "when", "while", "during", "after", "before", "on", "in", "at", "that", "if":
				return false
			}
		}
		return true
	case "exception":
		return k >= 2 && toks[k-1].norm == "the" && toks[k-2].norm == "with"
	case "deficit", "deficits":
		for x := k - 1; x >= 0 && x >= k-3 && !toks[x+1].brk; x-- {
			if toks[x].norm == "with" {
				return true
			}
		}
	}
	return false
}

// residueDenied reports whether a negation opens the residue's phrase within three words
// before it in its clause ("without sequelae", "no residual deficit", "nor any focal
// deficit", "free of residual symptoms").
func residueDenied(toks []token, k int) bool {
	for x := k - 1; x >= 0 && x >= k-3 && !toks[x+1].brk; x-- {
		switch toks[x].norm {
		case "no", "without", "nor", "any", "free", "not", "neither", "never":
			return true
		}
	}
	return k+1 < len(toks) && !toks[k+1].brk && (toks[k+1].norm == "free" || toks[k+1].norm == "negative")
}

// insideTarget reports whether token k lies inside a statement of live.
func insideTarget(live []target, k int) bool {
	for _, t := range live {
		if t.i <= k && k < t.j {
			return true
		}
	}
	return false
}
