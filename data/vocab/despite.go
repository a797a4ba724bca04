package vocab

// A statement set against the treatment: "the repeat CSF RPR titer was the same as at initial
// diagnosis, despite appropriate treatment"; "hiccups lasted for eight days, despite treatment
// with phenobarbital, diazepam …"; "she developed a 3rd episode despite regular interferon
// β-1a injection". The authors say the course did not stop what the sentence reports, though
// no outcome word of the vocabulary names it. When the reader found no outcome phrase, or
// proposed only a non-response with low confidence, and "despite", "in spite of" or "regardless
// of" takes the course as its object — a word of treatment ("treatment", "therapy",
// "administration", …) or the course's own drug, and no other treatment — while the course is
// named nowhere else in the text (where its own effect could be stated: "mute despite
// neuroleptic therapy, became conversant within 30 minutes of lorazepam"), the reading is a
// non-response with high confidence: the proposal's category if it was one, else none.

// despiteReach is how many words after the cue its object may run.
const despiteReach = 8

// treatmentObjects are the words of treatment a concession may take as its object.
var treatmentObjects = map[string]bool{"treatment": true, "treatments": true, "therapy": true, "therapies": true,
	"administration": true, "management": true, "medication": true, "medications": true, "dose": true, "doses": true,
	"dosing": true, "course": true, "courses": true, "regimen": true, "regimens": true, "infusion": true, "infusions": true,
	"injection": true, "injections": true, "care": true}

// adherenceWords in the object make the concession one about taking the treatment, not about
// the treatment itself.
var adherenceWords = map[string]bool{"adherence": true, "compliance": true, "nonadherence": true, "noncompliance": true,
	"non": true, "poor": true, "suboptimal": true, "irregular": true, "missed": true}

// despiteFailure applies the rule above to a reading res of text; it returns res unchanged
// when the rule does not apply.
func (v *Vocabulary) despiteFailure(text string, toks []token, treatments []string, res OutcomeMatch) OutcomeMatch {
	noPhrase := res.Category == Unclassified && res.Confidence == ConfidenceNone && res.Evidence.Rule == "" && !res.NotAttributable
	weakNo := res.Category == Unclassified && res.Confidence == ConfidenceLow && (res.Proposed == None || res.Proposed == Progression)
	if !noPhrase && !weakNo {
		return res
	}
	d, from := concessionCue(toks)
	if d < 0 {
		return res
	}
	to := from
	for to < len(toks) && to < from+despiteReach && (to == from || !toks[to].brk) {
		to++
	}
	generic := false
	for _, tk := range toks[from:to] {
		if adherenceWords[tk.norm] {
			return res // "despite suboptimal adherence to mitotane": a concession about taking it
		}
		generic = generic || treatmentObjects[tk.norm]
	}
	k := v.courseOf(treatments)
	own, other := false, false
	if !k.empty() {
		if v.c.namesCourseOutside(toks, from, to, k) {
			return res // the course named elsewhere: its own effect may be stated there
		}
		for _, m := range v.c.mentions(toks, make([]bool, len(toks)), k) {
			inObject := m.i >= from && m.i < to
			switch {
			case m.course && !inObject:
				return res // the course named elsewhere: its own effect may be stated there
			case m.course:
				own = true
			case inObject:
				other = true
			}
		}
	}
	if other && !own || !generic && !own || len(toks)-(to-d) < 3 {
		return res
	}
	cat := None
	if weakNo {
		cat = res.Proposed
	}
	out := OutcomeMatch{Category: cat, Code: categoryCodes[cat], Status: StatusContained, Confidence: ConfidenceHigh,
		Phrase: text[toks[d].start:toks[to-1].end], Rule: "phrase"}
	out.Evidence = Evidence{Rule: "set against the treatment: the course did not stop what the text reports", Cue: text[toks[d].start:toks[from-1].end],
		Phrase: out.Phrase, Start: toks[d].start, End: toks[to-1].end}
	out.Truncated = res.Truncated
	return out
}

// concessionCue returns the index of the first concession cue of toks ("despite", "in spite of",
// "regardless of") and of the word after it, or -1, -1.
func concessionCue(toks []token) (int, int) {
	for i, tk := range toks {
		switch {
		case tk.norm == "despite" && i+1 < len(toks):
			if toks[i+1].norm == "of" && i+2 < len(toks) {
				return i, i + 2 // "despite of", as some authors write
			}
			return i, i + 1
		case tk.norm == "spite" && i > 0 && toks[i-1].norm == "in" && i+2 < len(toks) && toks[i+1].norm == "of":
			return i - 1, i + 2
		case tk.norm == "regardless" && i+2 < len(toks) && toks[i+1].norm == "of":
			return i, i + 2
		}
	}
	return -1, -1
}

// namesCourseOutside reports whether a word of the course, or a drug of its names or
// classes, stands in toks outside toks[from:to], in any role ("within 30 minutes of
// lorazepam").
func (c *compiled) namesCourseOutside(toks []token, from, to int, k *course) bool {
	for i := 0; i < len(toks); i++ {
		if i >= from && i < to {
			continue
		}
		if k.words[toks[i].norm] {
			return true
		}
		if n, ids := c.drugTrie.longest(toks, i, nil); n > 0 {
			name := normalize(c.drugTerms[ids[0]].canonical)
			if k.names[name] || k.classes[name] {
				return true
			}
			i += n - 1
		}
	}
	return false
}
