package vocab

import (
	"strings"
	"sync"
)

// applyContext sets each target's modifiers from the cues whose scope covers it (ConText:
// Harkema et al., J Biomed Inform 2009;42:839–851). A forward cue's scope runs to the end
// of its sentence or to a termination cue; a comma or "and" also ends it once the scope
// has covered a target ("no improvement, and the lesions resolved"), so that lists
// ("no clinical or radiological improvement") stay in scope. A backward cue's scope runs
// back to the start of its clause (clause numbers the clauses, as clauses gives them).
// Time is linear in the number of tokens.
func applyContext(text string, toks []token, ends []bool, targets []target, cues []cueHit, clause []int) {
	var neg, hedge, hist, after, on scope
	qual, qualUntil := CategoryUnknown, -1 // the last qualifier and the last token it reaches
	transUntil := -1                       // the last token a transient cue reaches
	reset := func() {
		neg, hedge, hist, after, on = scope{}, scope{}, scope{}, scope{}, scope{}
		qualUntil, transUntil = -1, -1
	}
	ti, ci := 0, 0
	coverEnd := func() { // a comma or "and" after a covered target ends the scope
		for _, s := range []*scope{&neg, &hedge, &hist} {
			if s.covered {
				*s = scope{}
			}
		}
	}
	subordinate := false // the sentence opened with a subordinator: its first comma ends that clause
	for k := 0; k < len(toks); k++ {
		if ends[k] {
			reset()
		} else if commaBefore(text, toks, k) {
			coverEnd()
			if newClause(toks, k) || subordinate && !listGoesOn(toks, k) ||
				neg.active && nominalNegation(neg.cue) && (verbAfterComma(toks, targets, ti, k) || responseAfterList(targets, ti, k, neg) || subjectAfterNegatedList(toks, targets, ti, k)) {
				// "without chemotherapy, the patient remains in remission", "While the right
				// ear did not recover, the left side improved partially"; not "Without
				// clinical, radiological or biochemical improvement", a list
				neg, hedge = scope{}, scope{}
			}
			subordinate = subordinate && listGoesOn(toks, k)
			hist = scope{} // an earlier treatment is a clause's subject: "Although refractory to X, …"
			qualUntil = -1
		}
		if k > 0 && toks[k].brk && toks[k].dash && !ends[k] { // a spaced dash: "not optimal - only PR"
			neg, hedge = scope{}, scope{}
		}
		if k == 0 || ends[k] {
			subordinate = subordinators[toks[k].norm]
		}
		if toks[k].norm == "and" && (ci >= len(cues) || cues[ci].i != k) && (ti >= len(targets) || targets[ti].i != k) {
			coverEnd()
			if ti < len(targets) && targets[ti].i == k+1 || statementAfterAnd(text, toks, k) {
				neg, hedge, hist = scope{}, scope{}, scope{}
				qualUntil = qualAfterAnd(cues, ci, k, qualUntil) // "toxicity was mild and the lesions completely resolved"
			}
		}
		neg, on = endNounPhrase(neg, toks, k), endOnTreatment(on, toks, k)
		if ci < len(cues) && cues[ci].i == k {
			cu := cues[ci]
			cueText := text[toks[cu.i].start:toks[cu.j-1].end]
			switch cu.e.role {
			case cueNegation, cueNegationAfter:
				neg = negationScope(toks, targets, clause, cu, cueText, neg)
			case cueHedge, cueHedgeAfter:
				if cu.e.role == cueHedge || !targetBefore(targets, clause, cu.i) {
					hedge = scope{active: true, cue: cueText}
				}
			case cueHistory:
				hist = scope{active: true, cue: cueText}
			case cueAfterCourse: // a new time frame replaces the other
				after, on = scope{active: true, cue: cueText}, scope{}
			case cueOnCourse:
				if cu.e.pattern && toks[cu.i].norm == "on" && targetBefore(targets, clause, cu.i) {
					break // "improved on IVIG, relapsed after …": the time of the statement before it (applyBackward)
				}
				on, after = scope{active: true, cue: cueText, despite: despiteCue(cueText)}, scope{}
				if cu.e.pattern {
					on.during = cu.i + 1
				}
			case cueTermination:
				neg, hedge, hist = scope{}, scope{}, scope{}
				qualUntil = -1
			case cueQualifier, cueQualifierAfter, cueTransient:
				qual, qualUntil, transUntil = degreeCue(text, toks, targets, cu, qual, qualUntil, transUntil)
			}
			ci++
			k = cu.j - 1
			continue
		}
		if ti < len(targets) && targets[ti].i == k {
			t := &targets[ti]
			if neg.active && !negationMisses(toks, neg, *t) {
				t.negated, t.negCue, t.notFully, t.negStates = true, neg.cue, neg.degree, neg.states
				neg.covered = neg.covered || t.entry.role != roleAbsent // "no hypoglycaemia, worsened …": the list goes on
			}
			if hedge.active {
				t.hedged, t.hedgeCue, hedge.covered = true, hedge.cue, true
			} else if questioned(text, toks[t.i].start, toks[t.j-1].end) {
				t.hedged, t.hedgeCue = true, "?"
			}
			if hist.active {
				t.history, t.histCue, hist.covered = true, hist.cue, true
			}
			t.after = t.after || after.active
			if on.active && !t.on {
				t.on, t.onDuring = true, on.during
			}
			t.despite = t.despite || on.despite
			if k <= qualUntil {
				t.applyDegree(qual)
			}
			t.transient = t.transient || k <= transUntil
			qualUntil, transUntil = -1, -1
			if !neg.active && startsWithNegation(t.entry.phrase) {
				// "no improvement or radiological response": the phrase's own negation
				// reaches the list that follows it
				neg = scope{active: true, cue: firstWord(t.entry.phrase), covered: true}
			}
			ti++
			k = t.j - 1
		}
	}
	applyBackward(text, toks, clause, targets, cues)
}

// applyDegree applies the degree qual of a qualifier cue whose scope covers t: the
// qualifier's category where it grades the phrase ("slight improvement"), the degree said
// outright ("partial relief"), or kept for a change's direction ("slight increase"); an
// adverse effect called mild.
func (t *target) applyDegree(qual Category) {
	switch {
	case qualifies(qual, t.entry):
		t.category, t.rule, t.graded = qual, "qualifier", true
	case qual == t.entry.category:
		t.graded = true // "partial relief": the degree the word has, said outright
	default:
		t.heldQual = qual // "slight increase": kept for the change's direction
	}
	if t.entry.role == roleAdverse && qual.Ordered() && qual <= Minimal {
		t.mild = true
	}
}

// historyObjectOf returns the statement whose object the history cue cu is, when cu names
// earlier treatments ("previous therapies", "prior treatment"): the statement ends right
// before it, or before "to", "of", "with" or "on" right before it, in the same clause ("no
// response to previous therapies", "failed previous treatments"); nil otherwise.
func historyObjectOf(toks []token, targets []target, cu cueHit) *target {
	if !earlierTreatmentNouns[toks[cu.j-1].norm] || toks[cu.i].brk {
		return nil
	}
	end := cu.i
	if end > 0 && objectPrepositions[toks[end-1].norm] && !toks[end-1].brk {
		end--
	}
	for t := range targets {
		if targets[t].j == end && !targets[t].history {
			return &targets[t]
		}
	}
	return nil
}

// earlierTreatmentNouns end a history cue that names earlier treatments.
var earlierTreatmentNouns = map[string]bool{"treatment": true, "treatments": true, "therapy": true, "therapies": true,
	"regimen": true, "regimens": true, "medication": true, "medications": true, "drugs": true, "agents": true}

// objectPrepositions join a statement to the treatment it is about ("response to", "failure of").
var objectPrepositions = map[string]bool{"to": true, "of": true, "with": true, "on": true}

// applyBackward applies the backward cues and the temporal cues that follow their
// relapse ("relapsed after discontinuation"), whose scope runs back to the start of the
// clause, and the qualifiers and transient cues that follow their response word
// ("improved slightly", "improved transiently").
func applyBackward(text string, toks []token, clause []int, targets []target, cues []cueHit) {
	for _, cu := range cues {
		if cu.e.role == cueHistory {
			// "no response to previous therapies", "failed prior treatments": an earlier
			// treatment named as the object of the statement before it
			if tg := historyObjectOf(toks, targets, cu); tg != nil {
				tg.history, tg.histCue = true, text[toks[cu.i].start:toks[cu.j-1].end]
			}
			continue
		}
		if cu.e.role == cueQualifier {
			// "the response was poor", "improvement has been only partial": a degree said of
			// the response word in predicate position
			if tg := predicateOf(toks, clause, targets, cu.i, cu.j); tg != nil && qualifies(cu.e.category, tg.entry) {
				tg.category, tg.rule, tg.graded = cu.e.category, "qualifier", true
			} else if tg := gradedAfter(text, toks, targets, cu.i, cu.j); tg != nil && qualifies(cu.e.category, tg.entry) && !gradedAgain(toks, cues, cu) {
				tg.category, tg.rule, tg.graded = cu.e.category, "qualifier", true
			}
			continue
		}
		if cu.e.role == cueQualifierAfter {
			// "improved slightly", "responded poorly": the adverb right after the
			// response word sets its degree, as "slight" before it does; so it does after the
			// word's object or the treatment it names ("improved the pain marginally", "the
			// improvement after IVIG was not sustained")
			near := qualifiedBefore(toks, targets, cu.i, lastingCue(cu.e.term))
			after := !commaBefore(text, toks, cu.i) // the adverb follows the word ending at it
			if next := targetAt(targets, cu.j); next != nil && !toks[cu.j].brk {
				// "attacks slightly reduced": the adverb stands right before a response
				// word, whose degree it sets, not after the word before it
				near, after = next, false
			}
			for t := range targets {
				tg := &targets[t]
				if !(after && tg.j == cu.i) && tg != near {
					continue
				}
				if qualifies(cu.e.category, tg.entry) {
					tg.category, tg.rule, tg.graded = cu.e.category, "qualifier", true
				} else {
					tg.heldQual = cu.e.category // "increased slightly"
				}
			}
			continue
		}
		if cu.e.role == cueQualifierNext {
			// "almost cleared", "nearly healed", "almost no pain": an approximator right
			// before a word of resolution says it fell short (partial); it reaches nothing
			// further ("almost 2 months later, resolved", "resolved almost immediately")
			if tg := targetAt(targets, cu.j); tg != nil && !toks[cu.j].brk && !tg.negated && !tg.hedged && qualifies(cu.e.category, tg.entry) {
				tg.category, tg.rule, tg.graded = cu.e.category, "qualifier", true
			}
			continue
		}
		if cu.e.role == cueTransient && transientAfter[toks[cu.i].norm] && cu.j == cu.i+1 {
			// "responded only transiently", "improved her symptoms transiently": a response
			// that did not last, as "transient improvement" is (minimal), and lost by a later
			// worsening; the cue follows it within three words, in its clause, after no comma
			for t := range targets {
				tg := &targets[t]
				at := tg.j <= cu.i && cu.i-tg.j <= 3 && clause[tg.i] == clause[cu.i] &&
					!strings.ContainsAny(text[toks[tg.j-1].end:toks[cu.i].start], ",;:")
				if at && tg.category.AtLeast(Minimal) {
					tg.transient = true
					if qualifies(Minimal, tg.entry) {
						tg.category, tg.rule, tg.graded = Minimal, "qualifier", true
					}
				}
			}
			continue
		}
		switch cu.e.role {
		case cueNegationAfter, cueHedgeAfter, cueAfterCourse, cueOnCourse:
		default:
			continue
		}
		cueText := text[toks[cu.i].start:toks[cu.j-1].end]
		for t := range targets {
			tg := &targets[t]
			if tg.j > cu.i || clause[tg.j-1] != clause[cu.i] { // the phrase's end: "lost X and Y response on treatment"
				continue
			}
			switch cu.e.role {
			case cueNegationAfter:
				if !predicateOpeners[toks[cu.i].norm] && !bareNegationReaches(toks, tg.j, cu.i) {
					continue // "improvement with fever absent": the fever is absent, not the improvement
				}
				tg.negated, tg.negCue, tg.negStates = true, cueText, cu.e.category
				for k := cu.i; k < cu.j; k++ {
					tg.notFully = tg.notFully || degreeAt(toks, k) // "remission was not fully achieved"
				}
			case cueHedgeAfter:
				tg.hedged, tg.hedgeCue = true, cueText
			case cueAfterCourse: // a time stated right after the event is the more precise one
				tg.after, tg.on = true, false
			case cueOnCourse:
				if !tg.on && cu.e.pattern {
					tg.onDuring = cu.i + 1
				}
				tg.on, tg.after = true, false
				tg.despite = tg.despite || despiteCue(cueText)
			}
		}
	}
	for k := range targets {
		if t := &targets[k]; (t.entry.role == roleRelapse || t.category == Progression && !t.negated) && !t.on && !t.after && stoppedAfter(toks, t.j) {
			// "relapsed after IVIG was stopped", "flared when prednisone was withdrawn", "CR →
			// PD 4 months after ipilimumab stopped"
			t.after = true
		}
	}
}

// transientAfter are the transient adverbs that also follow their response word ("improved
// transiently", "responded only briefly"); "initially" after a response is the time of something
// else ("improvement when he was initially treated", "response to initial gefitinib").
var transientAfter = map[string]bool{"transiently": true, "temporarily": true, "temporally": true, "briefly": true}

// targetBefore reports whether a target ends at or before token k in k's clause.
func targetBefore(targets []target, clause []int, k int) bool {
	for _, t := range targets {
		if t.j <= k && clause[t.i] == clause[k] {
			return true
		}
	}
	return false
}

// targetEndsAt reports whether a target ends right before token k.
func targetEndsAt(targets []target, k int) bool {
	for _, t := range targets {
		if t.j == k {
			return true
		}
	}
	return false
}

// gradedAfter returns the response word a qualifier at toks[q:end] grades from right after
// it, in a sheet's terse order ("Response complete", "remission incomplete", "improvement
// partial"): the word ends at q with no punctuation between, and the qualifier ends its
// clause or a word of time follows it. nil when there is none.
func gradedAfter(text string, toks []token, targets []target, q, end int) *target {
	if q == 0 || toks[q].brk || toks[q].dash || commaBefore(text, toks, q) || end < len(toks) && !toks[end].brk && !timePrepositions[toks[end].norm] {
		return nil
	}
	at := q
	if q >= 2 && mannerAdverb(toks[q-1].norm) && !toks[q-1].brk {
		at = q - 1 // "PAP improvement unexpectedly poor": an adverb of the degree's own
	}
	for t := range targets {
		if tg := &targets[t]; (tg.j == q || tg.j == at) && !tg.graded && !tg.negated {
			return tg
		}
	}
	return nil
}

// gradedAgain reports whether another qualifier follows cu ("Remission incomplete at 6
// months, complete at 12 months"): the grades of several times are left to the best
// overall response, not the first.
func gradedAgain(toks []token, cues []cueHit, cu cueHit) bool {
	for _, o := range cues {
		if o.i > cu.i && (o.e.role == cueQualifier || o.e.role == cueQualifierAfter) {
			return true
		}
	}
	for _, tk := range toks[cu.j:] {
		if _, ok := gradeWords[tk.norm]; ok {
			return true // "Improvement mild at 2 weeks, marked at 6 weeks"
		}
	}
	return false
}

// timePrepositions may follow a graded response word's qualifier ("Response complete at 3
// months", "remission incomplete after 6 cycles").
var timePrepositions = map[string]bool{"at": true, "after": true, "by": true, "within": true, "from": true, "since": true, "following": true}

// qualifies reports whether a qualifier of category q applies to a phrase: qualifiers of
// degree (minimal, none, partial) lower any response phrase above them; "complete" raises
// only the generic response words (category partial).
func qualifies(q Category, e outcomeEntry) bool {
	if e.marker || e.quantity || !e.category.Ordered() || e.category < Minimal || e.role == roleRelapse {
		return false
	}
	if q == Complete {
		return e.category == Partial
	}
	return q < e.category
}

var negationWords = map[string]bool{"no": true, "not": true, "without": true, "never": true, "nor": true, "neither": true}

func startsWithNegation(phrase string) bool { return negationWords[firstWord(phrase)] }

func firstWord(phrase string) string {
	if w, ok := firstWords.Load(phrase); ok {
		return w.(string)
	}
	ws := words(phrase)
	w := ""
	if len(ws) > 0 {
		w = ws[0]
	}
	firstWords.Store(phrase, w)
	return w
}

// firstWords memoises firstWord: it is asked of the vocabulary's phrases, a bounded set,
// once per phrase found.
var firstWords sync.Map

// statements numbers the statements of the text: a new one starts at a sentence end and
// at a termination cue.
func statements(toks []token, ends []bool, cues []cueHit) []int {
	return number(toks, ends, cues, func(int) bool { return false })
}

// clauses numbers the clauses of the text: a new clause starts at a sentence end, a comma,
// colon or spaced dash ("not optimal - only PR"), "and", and a termination cue; not a comma or "and" inside a parenthesis (depth
// is parenDepth(text)).
func clauses(text string, toks []token, ends []bool, cues []cueHit, depth []int8) []int {
	return number(toks, ends, cues, func(k int) bool {
		if depth[toks[k].start] > 0 && depth[toks[k-1].end-1] > 0 {
			// "recurred (TSH suppressed, FT4 5.5xN) while still on BTU": a comma or "and"
			// inside a parenthesis details the statement around it and does not end it
			return false
		}
		return toks[k].norm == "and" || commaBefore(text, toks, k) || toks[k].brk && toks[k].dash // a spaced dash: text.go
	})
}

// number gives each token the number of its segment: a new segment starts at a sentence
// end, a termination cue and wherever starts(k) holds.
func number(toks []token, ends []bool, cues []cueHit, starts func(k int) bool) []int {
	seg := make([]int, len(toks))
	term := make([]bool, len(toks))
	for _, cu := range cues {
		if cu.e.role == cueTermination {
			term[cu.i] = true
		}
	}
	g := 0
	for k := range toks {
		if k > 0 && (ends[k] || term[k] || starts(k)) {
			g++
		}
		seg[k] = g
	}
	return seg
}

// clauseStarters begin a clause of their own after a comma or "and": a subject or a
// finite verb ("…, the patient remains in remission", "… and has been in remission").
var clauseStarters = map[string]bool{"he": true, "she": true, "they": true, "we": true, "has": true, "had": true, "have": true,
	"is": true, "was": true, "were": true, "remains": true, "remained": true, "became": true, "becomes": true}

// resultParticiples open a clause of result after a comma ("… without modifying treatment
// or adding corticosteroids, showing improvement on day 34"): a negation before the comma
// does not reach into it. A list, not every word in -ing: "without pain, swelling or
// bleeding" is one noun phrase.
var resultParticiples = map[string]bool{"showing": true, "resulting": true, "leading": true, "achieving": true,
	"demonstrating": true, "yielding": true, "exhibiting": true, "attaining": true}

// newClause reports whether a clause starts at token k: a clause starter, a participle of
// result, or "the patient".
func newClause(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	if clauseStarters[toks[k].norm] || resultParticiples[toks[k].norm] {
		return true
	}
	return toks[k].norm == "the" && k+1 < len(toks) && (toks[k+1].norm == "patient" || toks[k+1].norm == "child")
}

// statementAfterAnd reports whether the "and" at token k opens a statement of its own: a
// new clause ("without chemotherapy and has been in complete remission"), a new noun phrase
// ("no focal deficits and the disease in complete remission") or, after a comma, a time ("no
// donor heart was offered, and within days a recovery …"). A phrase right after it ("no pain
// and improvement") is one too; the caller checks that.
func statementAfterAnd(text string, toks []token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	next := toks[k+1].norm
	return newClause(toks, k+1) || determiners[next] || commaBefore(text, toks, k) && timeOpeners[next] ||
		nounThenVerb(toks, k)
}

// nounThenVerb reports whether "and" at toks[k] is followed by one word and a verb in the
// past ("failed to arrest the disease and splenomegaly recurred", "halted the storm and
// promptly achieved full recovery"): a subject or an adverb and its verb, a statement of its
// own.
func nounThenVerb(toks []token, k int) bool {
	if k+2 >= len(toks) || toks[k+1].brk || toks[k+2].brk || isNumber(toks[k+1].norm) {
		return false
	}
	return regularPast(toks[k+2].norm)
}

// regularPast reports whether w looks like a regular verb in the past ("recurred",
// "resolved"): longer than four letters and ending in -ed.
func regularPast(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "ed") }

// degreeWords after a negation make it deny the degree, not the response ("not fully
// normalised", "did not completely resolve").
var degreeWords = map[string]bool{"fully": true, "completely": true, "entirely": true, "totally": true}

// degreeAt reports whether toks[k] is a word of degree.
func degreeAt(toks []token, k int) bool { return k < len(toks) && degreeWords[toks[k].norm] }

// scope is what a context cue covers while the scan of applyContext goes on.
type scope struct {
	active  bool
	cue     string
	covered bool
	degree  bool     // a word of degree follows the cue: "not fully"
	states  Category // the outcome a negation cue states for the worsening it stops ("halted")
	despite bool     // the on-course cue says "despite" or "in spite of"
	during  int      // 1 + the token of a pattern cue "during"/"under" that opened the scope
	from    [2]int   // a forward negation's cue tokens [i, j)
}

// listGoesOn reports whether the comma before token k continues a list of modifiers
// ("clinical, radiological or biochemical improvement"): "or" or "and" within the next two
// words.
func listGoesOn(toks []token, k int) bool {
	for x := k; x < k+3 && x < len(toks); x++ {
		if toks[x].norm == "or" || toks[x].norm == "and" {
			return true
		}
		if x > k && toks[x].brk {
			return false
		}
	}
	return false
}

// haltObject reports whether a worsening phrase is the direct object of a halting cue that
// ends before token j ("halted (the) (further) (disease) progression"), or follows it within
// two words of no other kind.
func haltObject(toks []token, targets []target, j int) bool {
	for _, t := range targets {
		if t.i < j {
			continue
		}
		if t.entry.category != Progression {
			return false
		}
		for x := j; x <= t.i && x < len(toks); x++ {
			if toks[x].brk || x < t.i && !haltFillers[toks[x].norm] {
				return false // "Respiratory arrest, progression of disease": not its object
			}
		}
		return true
	}
	return false
}

// haltFillers may stand between a halting cue and the worsening it stopped.
var haltFillers = map[string]bool{"the": true, "further": true, "disease": true, "its": true, "any": true,
	"of": true, "a": true, "in": true, "her": true, "his": true, "their": true}

// subordinators open a sentence with a clause of their own, which its first comma ends ("While
// the hearing on the right did not recover, the left side improved partially"); so does an
// opening "without" phrase ("Without further treatment, the symptoms resolved").
var subordinators = map[string]bool{"while": true, "whilst": true, "although": true, "though": true, "whereas": true,
	"without": true}

// timeOpeners after ", and" open a statement of its own at another time ("no donor heart was
// offered, and within a few days a significant recovery was observed").
var timeOpeners = map[string]bool{"within": true, "after": true, "at": true, "by": true, "over": true,
	"during": true, "since": true, "then": true, "later": true, "subsequently": true}

// determiners after "and" open a new noun phrase, the subject of a statement of its own ("no
// focal deficits and the disease in complete remission").
var determiners = map[string]bool{"the": true, "his": true, "her": true, "their": true}

// endOnTreatment returns the on-course scope on, ended at token k when "on" and a treatment
// opened it and k is a contrast: "On rituximab she remained in remission, but she relapsed 6
// months after the last dose".
func endOnTreatment(on scope, toks []token, k int) scope {
	if on.active && on.during > 0 && toks[on.during-1].norm == "on" && contrastWords[toks[k].norm] {
		return scope{}
	}
	return on
}

// despiteCue reports whether an on-course cue says "despite" ("despite", "in spite of",
// "despite treatment").
func despiteCue(cue string) bool {
	c := strings.ToLower(cue)
	return strings.HasPrefix(c, "despite") || strings.HasPrefix(c, "in spite") || strings.HasPrefix(c, "regardless of") ||
		strings.HasPrefix(c, "even with") || strings.HasPrefix(c, "failed to prevent") || strings.HasPrefix(c, "did not prevent") ||
		strings.HasPrefix(c, "could not prevent") || strings.HasPrefix(c, "unable to prevent")
}

// questioned reports whether the phrase at text[start:end] carries a question mark: right
// after it ("improved?", "CR??"; not the question of a label a yes or a no answers,
// "Improved? No") or leading it ("?PR", "CR; ? relapse"), not one that ends
// a word before it ("Response? PR"). The extractor doubted the reading: a hedge.
func questioned(text string, start, end int) bool {
	if after, ok := strings.CutPrefix(strings.TrimLeft(text[end:], " "), "?"); ok {
		answer, _, _ := strings.Cut(strings.TrimLeft(after, "?:- "), " ")
		return !yesWords[strings.ToLower(answer)] && !answerNo[strings.ToLower(answer)] // "Improved? No": a label's question
	}
	before := strings.TrimRight(text[:start], " ")
	if !strings.HasSuffix(before, "?") {
		return false
	}
	before = strings.TrimRight(before, "?")
	return before == "" || !isREWordByte(before[len(before)-1])
}

// answerNo are the words of a no that answer a label's question.
var answerNo = map[string]bool{"no": true, "n": true, "none": true, "nil": true}
