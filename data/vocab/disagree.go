package vocab

// A response and a non-response stated together: a disagreement a person decides, unless
// time or a change of dose orders them.

import "strings"

// disagreement returns the reason for low confidence when a response and a non-response
// are both stated (outside a site roll-up, not live[rolledUp], which rule 8 read beside the
// decisive statement, and not a response regained after a change of dose), or "" when they
// are not.
func disagreement(toks []token, live []target, decisive, rolledUp int, doseChange []int, res *OutcomeMatch) string {
	low, persisted := "", false
	if res.Category.AtLeast(Partial) {
		for k, t := range live {
			if k == rolledUp || t.hedged || t.entry.weak() || t.entry.role == roleRelapse {
				continue
			}
			if t.entry.secondary && !(t.category == Progression && !t.negated && t.entry.role == roleSecondary &&
				(res.Category == Complete || newFinding(t) && !t.after)) {
				// a secondary worsening ("new lesions") beside a complete response contradicts
				// it: "Complete remission; new lesions at 6 months"; beside a partial one, a new
				// finding may be progression (new lesions, RECIST) or a site that did not
				// respond (rule 8): labellers read "symptoms remarkably better, but CT: multiple
				// new lung nodules" both ways, so a person decides
				continue
			}
			if (t.category == None || t.category == Progression) && !(len(res.Sites) >= 2) {
				if decisive >= 0 && respondedAfterDoseChange(t, live[decisive], doseChange) {
					res.Evidence.Rule += " (best response, after a change of dose)"
					continue
				}
				if decisive >= 0 && stableAfterResponse(toks, t, live[decisive]) {
					res.Evidence.Rule += " (best response, then stable: rule 3)"
					continue
				}
				if decisive >= 0 && respondedLater(toks, t, live[decisive]) {
					res.Evidence.Rule += " (best response, reached later)"
					continue
				}
				low = lowDisagree
				persisted = persisted || res.Category == Complete && t.category == None && !t.negated && !t.history &&
					persistenceWord(t.entry.normPhrase())
			}
		}
	}
	if persisted {
		// "Digital ulcers healed, calcinosis unchanged": one finding gone, another as it was;
		// rule 8 reads partial, which is proposed (the persistence may be no part of the
		// disease: "eradication confirmed but urticaria unchanged")
		res.Category, res.Code = Partial, Partial.Code()
		res.Evidence.Rule += " (rule 8: a finding gone beside one that persisted)"
	}
	if k := responseBesideNonResponse(live, decisive); low == "" && k >= 0 {
		// "vertigo about halved; oedema unchanged": rule 8 reads one finding better and
		// another unchanged as partial; the better one is stated in weak words or numbers,
		// so the reading is proposed, not counted
		res.Category, res.Code, res.Phrase = Partial, Partial.Code(), res.Phrases[k].Phrase
		res.Evidence.Phrase, res.Evidence.Start, res.Evidence.End = res.Phrases[k].Phrase, live[k].start, live[k].end
		res.Evidence.Rule += " (rule 8: a finding better in weak words beside one that persisted)"
		return lowDisagree
	}
	if low == "" && (res.Category == None || res.Category == Progression) && gradedResponse(live) {
		// "Partial efficacy on purpura; worsening of neuropathy": a response graded by a
		// qualifier is no mere weak word; beside a non-response it is a disagreement
		// (rule 8 reads mixed sites), which a person decides
		low = lowDisagree
	}
	return low
}

// stableAfterResponse reports whether t states stable disease ("SD", "stable disease") after
// the response d in time: after a word of later time or an arrow ("PR -> SD", "partial
// response, then stable disease for 8 mo") or with "after" before d ("SD after PR"). Rule 3:
// "stable" after a documented response keeps that response.
func stableAfterResponse(toks []token, t, d target) bool {
	if t.category != None || t.negated {
		return false
	}
	p := t.entry.normPhrase()
	if p != "sd" && !strings.Contains(p, "stable") && !strings.Contains(p, "stabili") {
		return false
	}
	if t.i >= d.j {
		return laterBetween(toks, d.j, t.i)
	}
	return t.j <= d.i && d.i-t.j <= 2 && wordIn(toks, t.j, d.i, afterWords)
}

// newFinding reports whether t names a new finding ("new lesions", "new lung nodules").
func newFinding(t target) bool {
	return strings.HasPrefix(t.entry.normPhrase(), "new ")
}

// responseBesideNonResponse reports whether a finding that persisted, the decisive
// live[decisive] ("oedema unchanged", "PA pressure still high"), stands beside a response in
// weak words or numbers in a statement of its own ("vertigo about halved", "UP 7 -> 2.7 g"):
// one finding better, another not, which rule 8 reads as a mixed response and a person decides.
// A non-response that sums the course up ("refractory", "failed", "no improvement") is not a
// finding that persisted. It returns the index of the response in live, or -1.
func responseBesideNonResponse(live []target, decisive int) int {
	if decisive < 0 {
		return -1
	}
	d := live[decisive]
	if d.category != None || d.negated || d.hedged || !persistenceWord(d.entry.normPhrase()) {
		return -1
	}
	for k, t := range live {
		if k == decisive || t.hedged || t.negated || t.history || t.transient || !t.category.AtLeast(Partial) {
			continue
		}
		if t.entry.weak() || t.quantity {
			return k
		}
	}
	return -1
}

// persistenceWord reports whether phrase p says a finding stayed as it was: it opens with a
// word of persistence ("persisted", "remained", "still high"), or says it did not change
// ("unchanged", "no change", "was the same", "about the same").
func persistenceWord(p string) bool {
	first, _, _ := strings.Cut(p, " ")
	return persistenceWords[first] || first == "unchanged" || strings.HasPrefix(p, "no change") || strings.HasSuffix(p, " same")
}
