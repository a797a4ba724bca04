package vocab

// stopOpens reports whether the stop t opens the text, after at most a time and words that
// name what was stopped or who stopped it ("pt self-discontinued at wk 3", "drug was
// stopped").
func stopOpens(toks []token, t target) bool {
	for x := 0; x < t.i; x++ {
		if !timeToken(toks[x]) && !stopObjects[toks[x].norm] && toks[x].norm != "was" && toks[x].norm != "self" {
			return false
		}
	}
	return true
}

// harmAfterStop reports whether the stop t opens the text and "after" or "following" right
// after it (or after its time), or clause punctuation, names a harm within a few words
// ("Discontinued after an anaphylactoid reaction at the second injection", "stopped, seizure
// in child after 1st application"): a stop with its reason, as stopWithReason
// reads "stopped (dizziness)". The caller has found no other statement in the text.
func (c *compiled) harmAfterStop(toks []token, t target) bool {
	if !stopOpens(toks, t) {
		return false
	}
	k := t.j
	for k < len(toks) && !toks[k].brk && timeToken(toks[k]) && toks[k].norm != "after" {
		k++
	}
	if k >= len(toks) {
		return false
	}
	from := k // "stopped, seizure in child after 1st application": the reason after a comma
	if !toks[k].brk {
		if toks[k].norm != "after" && toks[k].norm != "following" {
			return false
		}
		from = k + 1
	}
	for x := from; x < len(toks) && x <= from+3 && (x == from || !toks[x].brk); x++ {
		if n, _ := c.harms.longest(toks, x, nil); n > 0 {
			return c.onlyHarmsOrSwitch(toks, x+1)
		}
	}
	return false
}

// onlyHarmsOrSwitch reports whether every clause that begins at or after toks[from] names a
// harm first or a switch to another treatment ("stopped wk 2 - ankle swelling, headache",
// "stopped - drug-induced hepatitis; switched to MTX"): the reason is then the rest of the
// cell. "stopped day 4 - bleeding, thrombus extended" goes on with what may be a worsening.
func (c *compiled) onlyHarmsOrSwitch(toks []token, from int) bool {
	for b := from; b < len(toks); b++ {
		if !toks[b].brk {
			continue
		}
		if n, _ := c.harms.longest(toks, b, nil); n == 0 && !switchWords[toks[b].norm] && toks[b].norm != "then" {
			return false
		}
	}
	return true
}
