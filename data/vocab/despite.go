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
// patient's wishes ("despite good tolerance", "despite initial refusal"), nor a treatment
// of something else ("despite treatment of her diabetes"); and the course is
// named nowhere else in the text, where its own effect could be stated ("mute despite
// neuroleptic therapy, became conversant within 30 minutes of lorazepam").
//
// When the reader found no outcome phrase, or proposed only a non-response with low
// confidence (not because a response was stated too, in a statement it set aside or not),
// and the concession is on the course, the reading is a non-response: the
// proposal's category if there was one, else none. It is read with high confidence only when
// the rest of the text has a word of persistence, recurrence, worsening or a bad event
// ("persisted", "recurrent", "developed", "progressive", "failure", "died"), or the proposal
// was a worsening ("the abscess size increased despite the treatment"), and no word of a
// harm of the treatment ("attributed to drug toxicity"); otherwise it is proposed with low
// confidence. A word that may tell a response in words the vocabulary does not know
// ("attack-free", "not", "fewer", "again", "less") leaves the text as it was read, unless a
// worsening was read.

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
	"discontinuation": true, "discontinuing": true, "discontinued": true, "stopping": true, "stopped": true, "stop": true,
	"withdrawal": true, "cessation": true, "interruption": true, "suspended": true, "reduction": true, "reduced": true, "reducing": true,
	"tapering": true, "taper": true, "tapered": true, "low": true, "lower": true, "decreased": true, "decreasing": true,
	"change": true, "changed": true, "changing": true, "switch": true, "switching": true, "switched": true, "paused": true,
	"delay": true, "delayed": true, "late": true, "subtherapeutic": true, "modest": true, "brief": true, "short": true,
	"only": true, "single": true, "being": true,
	"previous": true, "prior": true, "earlier": true, "former": true, "conventional": true, "standard": true,
	"numerous": true, "tolerance": true, "tolerated": true, "tolerability": true, "refusal": true, "reluctance": true,
	"refused": true, "teratogenicity": true, "toxicity": true, "side": true, "adverse": true, "reduce": true}

// unstoppedWords in the rest of the text say what the course did not stop: a persistence
// (false: the reading is none) or a worsening or a bad event (true: progression, "4 myasthenic
// crises in 17 mo despite treatment").
var unstoppedWords = map[string]bool{"persisted": false, "persistent": false, "persists": false, "persisting": false,
	"unchanged": false, "failure": false, "refractory": false, "resistant": false, "continuous": false, "same": false,
	"still": false, "continued": false, "remained": false, "protracted": false, "severe": false, "unremitting": false,
	"uncontrolled": false, "recurrent": true, "recurred": true, "developed": true, "progressive": true, "ensued": true, "worsening": true,
	"died": true, "death": true, "fatal": true, "lethal": true, "relapses": true, "suffered": true, "arrest": true,
	"episode": true, "episodes": true, "crisis": true, "crises": true, "attacks": true, "relapse": true, "relapsed": true,
	"recurrence": true, "recurrences": true, "increasing": true, "devastating": true, "new": true}

// responseHints may tell a response in words the vocabulary does not know ("walked again
// unaided", "required fewer transfusions", "less severe", "returned to normal",
// "attack-free"); harmHints a harm of the treatment ("attributed to drug toxicity"). With
// one of them a concession is read only as a proposal.
var (
	responseHints = map[string]bool{"free": true, "no": true, "not": true, "without": true, "never": true, "nor": true,
		"neither": true, "fewer": true, "less": true, "shorter": true, "better": true, "returned": true, "normal": true,
		"again": true, "instead": true}
	harmHints = map[string]bool{"toxicity": true, "toxic": true, "adverse": true, "attributed": true, "induced": true,
		"side": true}
)

// treatmentOfOther reports whether toks[k] is "of" or "for" after a word of treatment and
// before neither a number, a drug nor another word of treatment: "despite treatment of her
// diabetes" concedes a treatment of something else ("despite administration of intravenous
// immunoglobulin", "despite a dose of 1.5 g" do not).
func (c *compiled) treatmentOfOther(toks []token, k int) bool {
	if k == 0 || toks[k].norm != "of" && toks[k].norm != "for" || !treatmentObjects[toks[k-1].norm] {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+3 && !toks[j].brk; j++ {
		if isNumber(toks[j].norm) || treatmentObjects[toks[j].norm] {
			return false
		}
		if n, _ := c.drugTrie.longest(toks, j, nil); n > 0 {
			return false
		}
	}
	return true
}

// concededCourse reports whether a concession cue of cues.tsv ("despite", "in spite of",
// "regardless of": on-course cues, despiteCue) takes the course as its object (see above),
// and returns the span of the cue and its object: from the cue's first word to the next
// clause punctuation, at most despiteReach words after it. "despite previous" is a history
// cue, no concession on the course.
func (v *Vocabulary) concededCourse(text string, toks []token, cues []cueHit, treatments []string) (d, to int, ok bool) {
	d = -1
	from := 0
	for _, cu := range cues {
		if cu.e.role == cueOnCourse && despiteCue(text[toks[cu.i].start:toks[cu.j-1].end]) {
			d, from = cu.i, cu.j
			if toks[cu.i].norm == "despite" {
				from = cu.i + 1 // "despite treatment", "despite ongoing": the cue's words are its object's
			}
			break
		}
	}
	if d < 0 || from >= len(toks) {
		return 0, 0, false
	}
	to = from
	for to < len(toks) && to < from+despiteReach && (to == from || !toks[to].brk) {
		to++
	}
	generic := false
	k := v.courseOf(treatments)
	for x := from; x < to; x++ {
		if notOnCourse[toks[x].norm] && (k.empty() || !k.words[toks[x].norm]) || v.c.treatmentOfOther(toks, x) {
			// "despite dose reduction", "despite good tolerance of"; but "despite standard
			// therapy" is on a course its sheet calls "standard heart-failure therapy"
			return 0, 0, false
		}
		generic = generic || treatmentObjects[toks[x].norm]
	}
	own, other := false, false
	if !k.empty() {
		if v.c.namesCourseOutside(toks, from, to, k) {
			return 0, 0, false // the course named elsewhere: its own effect may be stated there
		}
		for _, m := range v.c.mentions(toks, make([]bool, len(toks)), nil, k) {
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
func (v *Vocabulary) despiteFailure(text string, toks []token, cues []cueHit, treatments []string, res OutcomeMatch) OutcomeMatch {
	noPhrase := res.Category == Unclassified && res.Confidence == ConfidenceNone && res.Evidence.Rule == "" && !res.NotAttributable
	weakNo := res.Category == Unclassified && res.Confidence == ConfidenceLow && (res.Proposed == None || res.Proposed == Progression)
	if !noPhrase && !weakNo || weakNo && (statesResponse(res) || lowFor(res, lowDisagree, lowSetAsideDisagree)) {
		// "despite rituximab she developed hypogammaglobulinaemia, but the pemphigus was in
		// complete remission": a response is stated too (perhaps in a statement set aside as
		// not naming the course), and a person decides
		return res
	}
	d, to, ok := v.concededCourse(text, toks, cues, treatments)
	if !ok || len(toks)-(to-d) < 2 {
		return res
	}
	cat := None
	if weakNo {
		cat = res.Proposed
	}
	// a word of worsening read weakly alone, or a word of what was not stopped with no hint of
	// a response; never with a hint of a harm of the treatment
	persists, worsens := false, false
	for k, tk := range toks {
		if w, ok := unstoppedWords[tk.norm]; ok && (k < d || k >= to) {
			persists, worsens = persists || !w, worsens || w
		}
	}
	unstopped := persists || worsens
	if !weakNo && worsens && !persists {
		cat = Progression // "2 more episodes of perforation despite treatment"
	}
	worse := weakNo && res.Proposed == Progression
	if !worse && hintOutside(toks, d, to, responseHints) {
		return res // perhaps a response in words the vocabulary does not know: nothing to propose
	}
	sure := (worse || unstopped) && !hintOutside(toks, d, to, harmHints)
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

// statesResponse reports whether the reading res read a response phrase: one of at least
// minimal response, neither negated nor secondary.
func statesResponse(res OutcomeMatch) bool {
	for _, p := range res.Phrases {
		if !p.Negated && !p.Secondary && !p.Marker && p.Category.Ordered() && p.Category.AtLeast(Minimal) {
			return true
		}
	}
	return false
}

// hintOutside reports whether a word of hints stands in toks outside the concession
// toks[d:to].
func hintOutside(toks []token, d, to int, hints map[string]bool) bool {
	for k, tk := range toks {
		if (k < d || k >= to) && hints[tk.norm] {
			return true
		}
	}
	return false
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
