package vocab

// A statement set against the treatment: "the repeat CSF RPR titer was the same as at initial
// diagnosis, despite appropriate treatment"; "hiccups lasted for eight days, despite treatment
// with phenobarbital, diazepam …"; "she developed a 3rd episode despite regular interferon
// β-1a injection". The authors say the course did not stop what the sentence reports, though
// no outcome word of the vocabulary names it.
//
// The concession is on the course (concededCourse) when "despite", "in spite of" or
// "regardless of" takes as its object a word of treatment ("treatment", "therapy",
// "administration", …) or the course's own drug, and no other treatment alone; not a stop,
// a change or a low dose of it ("despite dose reduction", "despite discontinuing the
// medication"), earlier treatments ("despite previous treatments"), nor its tolerance or the
// patient's wishes ("despite good tolerance", "despite initial refusal"), said in the first
// three words of the object; and the course is
// named nowhere else in the text, where its own effect could be stated ("mute despite
// neuroleptic therapy, became conversant within 30 minutes of lorazepam").
//
// When the reader found no outcome phrase, or proposed only a non-response with low
// confidence, and the concession is on the course, the reading is a non-response: the
// proposal's category if there was one, else none. It is read with high confidence only when
// the rest of the text has a word of persistence, recurrence, worsening or a bad event
// ("persisted", "remained", "recurrent", "developed", "more episodes", "failure", "died"), or
// the proposal was a worsening ("the abscess size increased despite the treatment"), and
// no word of absence or denial ("attack-free", "no", "not", "without"), which could be a
// response in words the vocabulary does not know ("has been attack-free for 18 months
// despite ongoing therapy"); otherwise it is proposed with low confidence.

// despiteReach is how many words after the cue its object may run.
const despiteReach = 8

// treatmentObjects are the words of treatment a concession may take as its object.
var treatmentObjects = map[string]bool{"treatment": true, "treatments": true, "therapy": true, "therapies": true,
	"administration": true, "management": true, "medication": true, "medications": true, "dose": true, "doses": true,
	"dosing": true, "course": true, "courses": true, "regimen": true, "regimens": true, "infusion": true, "infusions": true,
	"injection": true, "injections": true, "care": true}

// notOnCourse are words that make a concession one about something other than the course
// acting: taking it, stopping or changing it, earlier treatments, its tolerance, the
// patient's wishes.
var notOnCourse = map[string]bool{"adherence": true, "compliance": true, "nonadherence": true, "noncompliance": true,
	"non": true, "poor": true, "suboptimal": true, "irregular": true, "missed": true,
	"discontinuation": true, "discontinuing": true, "discontinued": true, "stopping": true, "stopped": true,
	"withdrawal": true, "cessation": true, "interruption": true, "reduction": true, "reduced": true, "reducing": true,
	"tapering": true, "taper": true, "tapered": true, "low": true, "lower": true, "decreased": true, "decreasing": true,
	"previous": true, "prior": true, "earlier": true, "former": true, "conventional": true, "standard": true,
	"numerous": true, "tolerance": true, "tolerated": true, "tolerability": true, "refusal": true, "reluctance": true,
	"refused": true, "teratogenicity": true, "toxicity": true, "side": true, "adverse": true}

// unstoppedWords in the rest of the text say what the course did not stop.
var unstoppedWords = map[string]bool{"persisted": true, "persistent": true, "persists": true, "persisting": true,
	"remained": true, "remains": true, "continued": true, "continuing": true, "recurrent": true, "recurred": true,
	"developed": true, "progressive": true, "ensued": true, "again": true, "more": true, "further": true, "lasted": true,
	"lasting": true, "same": true, "unchanged": true, "severe": true, "worsening": true, "failure": true, "died": true,
	"death": true, "fatal": true, "lethal": true, "episode": true, "episodes": true, "relapses": true, "suffered": true,
	"experienced": true, "arrest": true, "protracted": true, "refractory": true, "resistant": true, "required": true,
	"requiring": true, "needed": true, "detected": true, "occurred": true, "continuous": true}

// concededCourse reports whether a concession cue in toks takes the course as its object
// (see above), and returns the span of the cue and its object.
func (v *Vocabulary) concededCourse(toks []token, treatments []string) (d, to int, ok bool) {
	d, from := concessionCue(toks)
	if d < 0 {
		return 0, 0, false
	}
	to = from
	for to < len(toks) && to < from+despiteReach && (to == from || !toks[to].brk) {
		to++
	}
	generic := false
	for k, tk := range toks[from:to] {
		if notOnCourse[tk.norm] && k < 3 {
			return 0, 0, false // "despite dose reduction", "despite good tolerance of"
		}
		generic = generic || treatmentObjects[tk.norm]
	}
	own, other := false, false
	if k := v.courseOf(treatments); !k.empty() {
		if v.c.namesCourseOutside(toks, from, to, k) {
			return 0, 0, false // the course named elsewhere: its own effect may be stated there
		}
		for _, m := range v.c.mentions(toks, make([]bool, len(toks)), k) {
			if m.i >= from && m.i < to {
				own, other = own || m.course, other || !m.course
			}
		}
	}
	if other && !own || !generic && !own {
		return 0, 0, false
	}
	return d, to, true
}

// despiteFailure applies the rule above to a reading res of text; it returns res unchanged
// when the rule does not apply.
func (v *Vocabulary) despiteFailure(text string, toks []token, treatments []string, res OutcomeMatch) OutcomeMatch {
	noPhrase := res.Category == Unclassified && res.Confidence == ConfidenceNone && res.Evidence.Rule == "" && !res.NotAttributable
	weakNo := res.Category == Unclassified && res.Confidence == ConfidenceLow && (res.Proposed == None || res.Proposed == Progression)
	if !noPhrase && !weakNo {
		return res
	}
	d, to, ok := v.concededCourse(toks, treatments)
	if !ok || len(toks)-(to-d) < 3 {
		return res
	}
	cat := None
	if weakNo {
		cat = res.Proposed
	}
	sure := weakNo && res.Proposed == Progression // a word of worsening, read weakly alone
	for k, tk := range toks {
		sure = sure || (k < d || k >= to) && unstoppedWords[tk.norm]
	}
	sure = sure && !denialOutside(toks, d, to)
	phrase := text[toks[d].start:toks[to-1].end]
	out := OutcomeMatch{Category: cat, Code: categoryCodes[cat], Status: StatusContained, Confidence: ConfidenceHigh,
		Phrase: phrase, Rule: "phrase", Truncated: res.Truncated, Spelling: res.Spelling,
		Phrases: append(res.Phrases, PhraseMatch{Phrase: phrase, Matched: "despite treatment", Category: cat,
			Start: toks[d].start, End: toks[to-1].end})}
	out.Evidence = Evidence{Rule: "set against the treatment: the course did not stop what the text reports",
		Cue: text[toks[d].start:toks[d].end], Phrase: phrase, Start: toks[d].start, End: toks[to-1].end}
	if !sure {
		out.Category, out.Code, out.Proposed, out.Confidence = Unclassified, "", cat, ConfidenceLow
		out.Evidence.Rule += "; low confidence: no word of persistence or worsening says what it did not stop"
	}
	return out
}

// denialOutside reports whether a word of absence or denial stands in toks outside the
// concession toks[d:to].
func denialOutside(toks []token, d, to int) bool {
	for k, tk := range toks {
		if k >= d && k < to {
			continue
		}
		switch tk.norm {
		case "free", "no", "not", "without", "never", "nor", "neither":
			return true
		}
	}
	return false
}

// concessionCue returns the index of the first concession cue of toks ("despite", "in spite
// of", "regardless of") and of the word after it, or -1, -1.
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
