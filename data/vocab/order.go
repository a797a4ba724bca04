package vocab

// The order of time in a text: responses lost or reached later on the course, read from
// words of sequence, arrows, time labels and time stamps (docs/outcomes.md rules 3 and 6).

import "strconv"

// responseLost returns the index of the first statement of worsening, relapse or
// non-response that follows a transient response ("initial clinical improvement. However,
// refractory heart failure …"), or -1: the course's response did not last, which is
// progression on the course. A worsening after the course stopped, a negated, hedged or
// weak statement does not undo the response.
//
// A response not called transient is lost too when a word of sequence stands close before
// a later worsening ("improved for a few days but then again progressed", "a sustained
// response for 7 months, thereafter scans revealed progressive disease"): the text itself
// orders the two on the course (rule 3). A relapse keeps the rules of time (relapseRules),
// a non-response after it ("then no further improvement") is a plateau, not a loss, and a
// word of sequence far from the worsening ("15 days later the course was complicated by …
// deteriorating kidney function") orders a complication, not the disease.
func responseLost(toks []token, live []target) int {
	// stopsBefore[x] counts the stop words of toks[:x]: a stop between two statements is
	// then found in constant time (the pairs of statements are already quadratic)
	stopsBefore := make([]int, len(toks)+1)
	for x, tk := range toks {
		stopsBefore[x+1] = stopsBefore[x]
		if stopWords[tk.norm] {
			stopsBefore[x+1]++
		}
	}
	for _, t := range live {
		if t.negated || t.hedged || !t.category.AtLeast(Minimal) {
			continue
		}
		for k, u := range live {
			if u.negated || u.hedged || u.after || u.entry.weak() || u.entry.secondary {
				continue
			}
			worse := u.entry.role == roleRelapse || u.category == Progression
			if u.j <= t.i && t.transient && worse && wordIn(toks, max(u.j, t.i-3), t.i, afterWords) {
				return k // "worsened after initial improvement": the order of the text is not that of time
			}
			if u.i < t.j || stopsBefore[u.i] > stopsBefore[t.j] {
				continue
			}
			if t.transient && (worse || u.category == None) && !regained(live, u) ||
				u.category == Progression && u.entry.role != roleRelapse && !u.quantity &&
					(wordIn(toks, max(t.j, u.i-3), u.i, sequenceWords) || arrowIn(toks, max(t.j, u.i-3), u.i) || timeOrdered(toks, t, u)) &&
					!regained(live, u) {
				return k
			}
		}
	}
	return -1
}

// afterWords before a response told after the worsening it ended ("worsened after initial
// improvement") put the two in the order of time.
var afterWords = map[string]bool{"after": true, "following": true}

// arrowIn reports whether an arrow stands between toks[a-1] and toks[b] ("PR → PD"): a
// table's arrow orders two states in time, as "then" does. An arrow between two numbers
// is a value's change ("PASI 20 → 5"), not an order of statements.
func arrowIn(toks []token, a, b int) bool {
	for k := max(a, 1); k <= b && k < len(toks); k++ {
		if toks[k].arrow && !(isNumber(toks[k-1].norm) && isNumber(toks[k].norm)) {
			return true
		}
	}
	return false
}

// regained reports whether a response is stated after the worsening u ("PR → PD → PR after
// dose escalation"): then the response was not lost for good.
func regained(live []target, u target) bool {
	for _, w := range live {
		if w.i >= u.j && !w.negated && !w.hedged && !w.entry.weak() && !w.entry.secondary && w.category.AtLeast(Minimal) {
			return true
		}
	}
	return false
}

// timeLabelled reports whether the statements at toks[a] and toks[b] each open with a time
// label and a colon, the later one last ("3 mo: PR; 6 mo: CR; 12 mo: PD", "Week 4: partial
// response; week 12: progression"): a sheet's time points order them as "then" does.
func timeLabelled(toks []token, a, b int) bool {
	ta, oka := timeLabelBefore(toks, a)
	tb, okb := timeLabelBefore(toks, b)
	return oka && okb && tb > ta
}

// timeOrdered reports whether the text's own times put statement x before statement y:
// time labels that open them (timeLabelled), or a time stamp right after each, the later
// one last ("clinical response at week 8, loss of response at week 30", "no response after 4
// weeks; partial response after 3 months").
func timeOrdered(toks []token, x, y target) bool {
	if timeLabelled(toks, x.i, y.i) {
		return true
	}
	tx, okx := timeStampAfter(toks, x.j)
	ty, oky := timeStampAfter(toks, y.j)
	// the stamps must be all that follows each ("PD at 9 months after treatment was stopped"
	// says more than a time on the course)
	return okx && oky && x.j <= y.i && ty > tx && onlyTimeOrOrder(clauseRest(toks, x.j)) && onlyTimeOrOrder(clauseRest(toks, y.j))
}

// stampWords open a time stamp after a statement: "at week 8", "after 3 months", "by month 6".
var stampWords = map[string]bool{"at": true, "after": true, "by": true, "within": true, "in": true, "on": true}

// timeStampAfter reads a time stamp that follows toks[j-1] in its clause, with at most one
// word between ("at week 8", "after 3 months", "at 6 mo", "by month 12"), in days.
func timeStampAfter(toks []token, j int) (float64, bool) {
	for k := j; k < len(toks) && k <= j+1; k++ {
		if toks[k].brk {
			return 0, false
		}
		if !stampWords[toks[k].norm] || k+2 >= len(toks) || toks[k+1].brk || toks[k+2].brk {
			continue
		}
		if days, ok := timeValue(toks[k+1].norm, toks[k+2].norm); ok {
			return days, true
		}
	}
	return 0, false
}

// timeValue reads a number and a unit of time written either way round ("3 mo", "week 8"),
// in days.
func timeValue(a, b string) (float64, bool) {
	if isNumber(b) {
		a, b = b, a
	}
	days, ok := labelUnitDays[b]
	v, err := strconv.ParseFloat(a, 64)
	if !ok || err != nil {
		return 0, false
	}
	return v * days, true
}

// timeLabelBefore reads a time label "N unit:" or "unit N:" standing right before toks[k]
// at the start of its clause, in days.
func timeLabelBefore(toks []token, k int) (float64, bool) {
	if k < 2 || !toks[k].comma || k > 2 && !toks[k-2].brk {
		return 0, false
	}
	return timeValue(toks[k-2].norm, toks[k-1].norm)
}

// labelUnitDays are the units of a time label, in days.
var labelUnitDays = map[string]float64{"d": 1, "day": 1, "days": 1, "wk": 7, "wks": 7, "w": 7, "week": 7, "weeks": 7,
	"mo": 30.4, "mos": 30.4, "m": 30.4, "month": 30.4, "months": 30.4, "mth": 30.4, "mths": 30.4, "y": 365.25, "yr": 365.25, "yrs": 365.25,
	"year": 365.25, "years": 365.25}

// sequenceWords order two statements in time: what follows came after what precedes.
var sequenceWords = map[string]bool{"then": true, "thereafter": true, "subsequently": true, "later": true,
	"afterwards": true, "afterward": true, "again": true}

// respondedAfterDoseChange reports whether the non-response no precedes the response
// yes with a dose-change cue between them, or right after the response ("no response at 60
// mg; improved after increase to 90 mg"): the same course went on at another dose and then
// responded, which is its best response.
func respondedAfterDoseChange(no, yes target, doseChange []int) bool {
	if no.j > yes.i {
		return false
	}
	for _, k := range doseChange {
		if k >= no.j && k < yes.i || k >= yes.j && k <= yes.j+1 {
			return true
		}
	}
	return false
}

// respondedLater reports whether the non-response no (not a worsening) comes before the
// response yes with the text's own order of time between them: a word of sequence or an
// arrow right before the response, or time labels ("SD → PR", "stable disease, later partial
// response", "1 mo: NR; 3 mo: PR"). A response reached later on the course is its best
// response (rule 6), not a disagreement.
func respondedLater(toks []token, no, yes target) bool {
	if no.category != None || no.j > yes.i || no.histCue != "" {
		return false // "refractory to X, then complete remission": X failed; the remission may be another's
	}
	// nothing but time and order between them, and nothing but time after the response in
	// its clause: "No response → adalimumab → remission", "then spontaneous remission",
	// "then remission after rescue colectomy", "CR after 2 years off therapy" are another
	// step's or no treatment's
	if !onlyTimeOrOrder(toks[no.j:yes.i]) || !onlyTimeOrOrder(clauseRest(toks, yes.j)) {
		return false
	}
	from := max(no.j, yes.i-3)
	return wordIn(toks, from, yes.i, sequenceWords) || arrowIn(toks, from, yes.i) || timeOrdered(toks, no, yes)
}

// onlyTimeOrOrder reports whether toks hold only words of time (a cell's follow-up time)
// and of sequence.
func onlyTimeOrOrder(toks []token) bool {
	for _, tk := range toks {
		if _, unit := labelUnitDays[tk.norm]; !timeToken(tk) && !sequenceWords[tk.norm] && !unit {
			return false
		}
	}
	return true
}

// clauseRest returns the tokens from j to the end of j's clause.
func clauseRest(toks []token, j int) []token {
	k := j
	for k < len(toks) && (k == j || !toks[k].brk) {
		k++
	}
	if j < len(toks) && toks[j].brk {
		return nil // the clause ended with the phrase
	}
	return toks[j:k]
}
