package vocab

// Changes of a measure read by the direction of its benefit, and changes whose subject is left
// out (docs/outcomes.md, rule 4 of the reader).

// readMeasureChange reads target t, a change word neither negated nor graded, by the
// direction of benefit of a measure beside it (rule 4 of the reader).
func (v *Vocabulary) readMeasureChange(text string, toks []token, ends []bool, cues []cueHit, treatments []string, t *target) {
	c := v.c
	// "the platelet count rose", "reduction in the size of the metastases": a change
	// word beside a measure whose direction of benefit is known
	change, lost := c.measureChange(text, toks, *t), false
	if change == 0 {
		change, lost = c.elidedMeasureChange(text, toks, ends, *t)
	}
	if lost {
		// "platelets rose, then fell again": the response lost, read by time as a relapse
		t.category, t.rule, t.entry.role = Progression, "response lost", roleRelapse
		return
	}
	switch change {
	case 1:
		t.category, t.rule, t.entry.role = Partial, "change of a measure", rolePrimary
		if d, _, ok := v.concededCourse(text, toks, cues, treatments); ok && d < t.i && !endBetween(ends, d, t.i) {
			// "despite hydroxyurea the platelet count rose": the authors set the change
			// against the treatment, so it was not the aim (thrombocythaemia)
			t.category, t.rule = Progression, "change of a measure despite the treatment"
			break
		}
		if t.transient || saidNotToLast(toks, ends, *t) {
			// "transiently raised the platelet count", "the increase in the platelet
			// count was temporary": a transient benefit
			t.category, t.rule, t.graded = Minimal, "change of a measure, said to be transient", true
		} else if t.heldQual == Minimal || logFallUnderOne(text[toks[t.j-1].end:]) {
			// "slight increase in haemoglobin", "platelets increased slightly",
			// "transient rise" (the qualifier cues of cues.tsv); "HBV DNA ↓ 0.5 log"
			// (rule 5: a fall of less than one log10 is minimal)
			t.category, t.rule, t.graded = Minimal, "change of a measure, said to be small", true
		}
	case -1: // "the platelet count fell": worse, but perhaps an adverse effect; stays weak
		t.category, t.rule = Progression, "change of a measure"
		if t.entry.role == roleMeasured {
			t.entry.role = roleWeak
		}
		if lesionGrew(toks, *t) {
			// "the area of the ulcer had increased": a lesion grew, which no harm of a
			// treatment explains away
			t.entry.role, t.rule = rolePrimary, "growth of a lesion"
			break
		}
		if d, to, ok := v.concededCourse(text, toks, cues, treatments); ok && d >= t.j && d <= t.j+2 && !breakBetween(toks, t.j, d) && !hintOutside(toks, d, to, harmHints) {
			// "her bilirubin steadily climbed despite maximum medical therapy": the
			// authors set the worsening against the treatment, which it did not stop
			t.entry.role, t.rule = rolePrimary, "change of a measure despite the treatment"
		}
	}
}

// elidedBefore are the words after which a change word's subject is left out, as that of
// the change before it: "platelets rose, then fell again", "Hb improved but dropped".
var elidedBefore = map[string]bool{"then": true, "but": true, "and": true, "later": true, "subsequently": true,
	"again": true, "rapidly": true, "gradually": true, "quickly": true, "soon": true}

// afterPredicate are the words that may follow a change word used without an object ("fell
// again", "rose to 40", "dropped on taper").
var afterPredicate = map[string]bool{"again": true, "to": true, "on": true, "during": true, "when": true,
	"whenever": true, "after": true, "in": true, "within": true, "by": true, "back": true, "rapidly": true,
	"further": true, "over": true, "while": true, "with": true, "once": true, "as": true, "below": true, "under": true}

// elidedMeasureChange reads a change word whose subject is left out ("platelets rose,
// then fell again", "plt rose and SDH resolved, but fell on steroid taper") by the measure of
// the last change word before it in its sentence, when measureChange reads that one as a change
// for the better: 1 when the elided change goes the same way, -1 (and lost: a response lost)
// when it goes back; 0 when the change word has a subject of its own or no change for the
// better stands before it.
func (c *compiled) elidedMeasureChange(text string, toks []token, ends []bool, t target) (change int, lost bool) {
	if !t.entry.weak() || t.j-t.i != 1 || t.i == 0 || !elidedBefore[toks[t.i-1].norm] || toks[t.i].brk {
		return 0, false
	}
	if t.j < len(toks) && !toks[t.j].brk && !isNumber(toks[t.j].norm) && !afterPredicate[toks[t.j].norm] {
		return 0, false // a word after it may be its object: "and reduced exercise tolerance"
	}
	w := toks[t.i].norm
	if !wordFall[w] && !wordRise[w] {
		return 0, false
	}
	for k := t.i - 1; k >= 0 && !ends[k+1]; k-- {
		u := toks[k].norm
		if !wordFall[u] && !wordRise[u] {
			continue
		}
		prior := c.measureChange(text, toks, target{i: k, j: k + 1, entry: t.entry})
		if prior != 1 {
			// only a change for the better carries its measure on: after a worsening ("Hb fell
			// despite iron, but rose after darbepoetin") the next change may be another treatment's
			return 0, false
		}
		if wordFall[u] == wordFall[w] {
			return 1, false
		}
		return -1, true
	}
	return 0, false
}
