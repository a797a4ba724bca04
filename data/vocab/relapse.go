package vocab

import "strings"

// Relapse, flare and recurrence read by time (docs/outcomes.md rule 3), and a response
// regained after a change of dose.

// relapseRules applies the time of relapse, flare and recurrence statements:
// a relapse on the course is progression (onCourseRelapse is its index in
// keep, or -1, as is a response lost on the course), one after the course
// stopped implies an earlier response or leaves the best response standing. On a course
// given once (once: course.oneOff or a finite course, FiniteCourse) a response lost at a
// time the text does not give was lost after the course, and the best response stands.
// low is the last reason for low confidence found, or "". A relapse on the
// course followed by a response after a change of dose ("relapsed during taper;
// responded again after dose increase") is a response regained on the same
// course: the relapse is dropped and the best response stands.
func relapseRules(toks []token, live []target, doseChange []int, once bool) (keep []target, onCourseRelapse int, low string) {
	hasResponse := false
	for _, t := range live {
		if t.entry.role != roleRelapse && t.category.Ordered() && t.category > Progression {
			hasResponse = true
		}
	}
	onCourseRelapse = -1
	if hasResponse {
		live = newFindingsLater(toks, live)
	}
	lost := responseLost(toks, live)
	keep = make([]target, 0, len(live)) // a copy: the caller keeps live (the patient's statements)
	for k, t := range live {
		if k == lost && once && !t.on && hasResponse {
			continue // a finite course: the loss came after it, and the best response stands
		}
		if k == lost {
			t.category, t.rule = Progression, "response lost on the course"
			if onCourseRelapse < 0 {
				onCourseRelapse = len(keep)
			}
			keep = append(keep, t)
			continue
		}
		if t.entry.role != roleRelapse && t.category == Progression && t.after && !t.on && !t.negated && !t.hedged && hasResponse && !completionBefore(toks, t) {
			// "cleared; worsened off drug", "CR -> PD 4 months after ipilimumab stopped": a
			// worsening after the course stopped is a relapse after it, and the best response
			// stands (rule 3)
			continue
		}
		if t.entry.role == roleRelapse && !t.negated {
			switch {
			case t.on && regainedAfterDoseChange(toks, t, live, doseChange):
				continue
			case t.on:
				t.rule = "relapse on course"
				if onCourseRelapse < 0 {
					onCourseRelapse = len(keep)
				}
			case (t.after || t.afterOnce) && hasResponse:
				continue // relapse after the course stopped: the best response stands
			case t.after:
				t.category, t.rule = Partial, "relapse after course implies an earlier response"
				low = "a relapse after the course implies a response that is not described"
			case hasResponse && stoppedBefore(toks, t):
				continue // "cleared at wk 12; stopped at 1 yr, itch back 3 mo later": after the course
			case hasResponse:
				low = "relapse without a stated time: the best response is kept"
				continue
			default:
				low = "relapse without a stated time or earlier response"
			}
		}
		keep = append(keep, t)
	}
	if lost < 0 && low == "" && weakLoss(toks, live) {
		low = "a transient response, then a weak word of worsening: perhaps lost on the course"
	}
	return keep, onCourseRelapse, low
}

// weakLoss reports whether a transient response ("initially responded", "initial
// improvement"), or a response that a word of later time or an arrow separates from it
// ("rapid improvement, then new lung nodules"), is followed by a weak statement of worsening ("the disease became
// progressive") or of failure ("initial response, then failure"): responseLost does not take weak words as a loss, and the response may not
// have lasted either, so the reading is not sure. Weak words of persistence ("which persisted
// at 6 months", "remained stable") are not counted: they may say the response lasted; nor
// are weak words of a state that lasted ("stable", "progression free"): of the weak
// non-responses only words of failure count.
func weakLoss(toks []token, live []target) bool {
	for _, t := range live {
		if t.negated || t.hedged || !t.category.AtLeast(Minimal) {
			continue
		}
		for _, u := range live {
			if u.i >= t.j && (u.entry.weak() || u.entry.secondary && u.category == Progression) && !u.negated && !u.hedged && !u.after &&
				(u.category == Progression || u.category == None && weakFailure[u.entry.normPhrase()]) &&
				!wordIn(toks, t.j, u.i, stopWords) && (t.transient || laterBetween(toks, t.j, u.i)) {
				return true
			}
		}
	}
	return false
}

// laterWords say that what follows them came after what went before ("improved, then new
// nodules", "better at first, but later progressive dysphagia").
var laterWords = map[string]bool{"then": true, "later": true, "subsequently": true, "thereafter": true,
	"afterwards": true, "afterward": true, "eventually": true}

// laterBetween reports whether a word of later time or an arrow stands between tokens j
// and i: a response, then a weak word of worsening, is a response that may not have lasted.
// A contrast alone is not a time ("marked improvement but new lesions": a site that did not
// respond, rule 8).
func laterBetween(toks []token, j, i int) bool {
	for x := j; x <= i && x < len(toks); x++ {
		if toks[x].arrow || x < i && laterWords[toks[x].norm] {
			return true
		}
	}
	return false
}

// regainedAfterDoseChange reports whether a response statement follows the
// relapse r with a dose-change cue after the relapse, before the response or
// within three words after it, or with "again" beside it ("cleared again"): the
// response was regained on the same course.
func regainedAfterDoseChange(toks []token, r target, live []target, doseChange []int) bool {
	for _, u := range live {
		if u.i < r.j || u.entry.role == roleRelapse || u.negated || u.hedged || u.after ||
			u.entry.weak() || u.entry.secondary || !u.category.AtLeast(Partial) {
			continue
		}
		for _, k := range doseChange {
			// the cue before the response, or right after it ("responded again after dose increase")
			if k >= r.j && (k < u.i || k >= u.j && k-u.j <= 3) {
				return true
			}
		}
		if _, end := clauseAround(toks, u.i); againAround(toks, u) && !otherStartBetween(toks, r.j, end) {
			// "flare on taper; … cleared again", "settled again": the response came back; not
			// "cleared again after rituximab was added", another treatment's
			return true
		}
	}
	return false
}

// againAround reports whether "again" stands right after the statement u, or one word after
// it, or right before it, in its clause, or ends it: a response that came back.
func againAround(toks []token, u target) bool {
	for x := u.j; x < min(len(toks), u.j+2); x++ {
		if toks[x].brk {
			break
		}
		if toks[x].norm == "again" {
			return true
		}
	}
	return u.i > 0 && !toks[u.i].brk && toks[u.i-1].norm == "again" || toks[u.j-1].norm == "again" // "responded again" is one phrase
}

// weakFailure are the weak non-response phrases that say a response failed, not that a
// state lasted ("stable", "progression free").
var weakFailure = map[string]bool{"failure": true, "failures": true, "resistant": true, "resistance": true}

// stoppedAfter reports whether the words from token j say that what came before them
// happened after the course stopped: "after", "when", "upon", "following" or "once",
// then, within five words and no clause break, a word of stopping ("after IVIG was
// stopped", "when prednisone was withdrawn", "after rituximab withdrawal"), or "at" right
// before one ("relapse at withdrawal"). "Tapered"
// alone is not a stop: the course goes on at a lower dose (rule 3).
func stoppedAfter(toks []token, j int) bool {
	for k := j; k < min(len(toks), j+3); k++ {
		if toks[k].brk && (k > j || !toks[k].comma) {
			return false
		}
		switch toks[k].norm {
		case "after", "when", "upon", "following", "once":
		case "at": // "relapse at withdrawal (M9)": at the stop itself
			if k+1 < len(toks) && !toks[k+1].brk && courseStopWords[toks[k+1].norm] {
				return true
			}
			continue
		default:
			continue
		}
		for m := k + 1; m < min(len(toks), k+6) && !toks[m].brk && !consequenceAt(toks, m); m++ {
			// "suspension" right after the time word is the stop ("recurred 3 weeks after
			// suspension"); later it may be a dose form ("after nystatin suspension")
			if courseStopWords[toks[m].norm] || toks[m].norm == "suspension" && m == k+1 ||
				toks[m].norm == "off" && m > 0 && toks[m-1].norm == "tapered" {
				return true
			}
		}
		return false
	}
	return false
}

// stoppedBefore reports whether the course is said to have stopped before the relapse t,
// in an earlier clause: a word of stopping (courseStopVerbs, "tapered off", "weaned off")
// whose subject is the patient, the treatment in general words or none, with no object after
// it ("stopped at 1 yr, itch back 3 mo later", "pt stopped after 1 mo (GI upset), recurred",
// "Stopped at 5 mo for creatinine rise; relapsed 2 mo later", "self-stopped, itch back"), then
// a clause break before t, and no word of cause after the break ("stopped because the rash
// recurred" gives the relapse as the stop's cause). The relapse came after the course (rule
// 3). A stop of a named drug is not read (it may be another treatment's: "we stopped
// prednisone", "Prednisone dose tapered off"), nor one of the disease or of something else
// ("blisters stopped", "it stopped working", "stopped smoking").
func stoppedBefore(toks []token, t target) bool {
	for k := t.i - 1; k >= max(0, t.i-stopReach); k-- {
		w := toks[k].norm
		off := w == "off" && k > 0 && (toks[k-1].norm == "tapered" || toks[k-1].norm == "weaned")
		if !courseStopVerbs[w] && !off {
			continue
		}
		last := k // the stop's last word: "stopped", or "off" of "tapered off"
		if off {
			k--
		}
		if !stopSubject(toks, k) || stopObject(toks, last) {
			return false
		}
		broke := false
		for x := k + 1; x <= t.i; x++ {
			switch {
			case toks[x].brk:
				broke = true
			case broke && stopReasons[toks[x].norm]:
				return false
			case !broke && (switchWords[toks[x].norm] || startWords[toks[x].norm]):
				return false // "stopped at 6 mo on switch to PD, itch back": on the next treatment
			}
		}
		return broke
	}
	return false
}

// stopSubject reports whether the word of stopping at k is said of the patient or of the
// treatment in general words, or stands with no subject at its clause's start (past a verb
// of tense): "pt stopped", "self-stopped", "we discontinued", "treatment was stopped",
// "then stopped", "Stopped at 5 mo".
func stopSubject(toks []token, k int) bool {
	x := k - 1
	for x >= 0 && !toks[x+1].brk && (auxiliaries[toks[x].norm] || passiveVerbs[toks[x].norm]) {
		x--
	}
	if x < 0 || toks[x+1].brk {
		return true
	}
	if x > 0 && !toks[x].brk && (toks[x-1].norm == "other" || toks[x-1].norm == "another") {
		return false // "the other drug was stopped"
	}
	return stopPersons[toks[x].norm]
}

// stopObject reports whether a word follows the stop's last word at k in its clause other than
// one that places or explains the stop ("at", "after", "for", "due"): an object ("stopped
// prednisone", "stopped smoking", "stopped working") makes it no stop of the course.
func stopObject(toks []token, k int) bool {
	return k+1 < len(toks) && !toks[k+1].brk && !stopPlacing[toks[k+1].norm]
}

// stopReach is how many words before a relapse stoppedBefore looks for a stop: about two
// short clauses of a sheet's cell.
const stopReach = 25

// courseStopVerbs are the words of stopping a course as a verb: not "ceased", which is said of
// the disease as often ("itch ceased by wk 6").
var courseStopVerbs = map[string]bool{"stopped": true, "discontinued": true, "withdrawn": true, "interrupted": true,
	"suspended": true, "abandoned": true}

// stopPlacing are the words after a stop that place or explain it.
var stopPlacing = map[string]bool{"at": true, "after": true, "on": true, "in": true, "by": true, "for": true,
	"due": true, "because": true, "owing": true, "when": true, "as": true, "since": true, "over": true,
	"following": true, "before": true, "within": true}

// stopPersons are the subjects of a stop of the course: who stopped it, the treatment in
// general words, or "then" joining the stop to what went before ("good response, then
// stopped (planning pregnancy)").
var stopPersons = map[string]bool{"pt": true, "patient": true, "she": true, "he": true, "we": true, "self": true,
	"then": true, "treatment": true, "therapy": true, "tx": true, "course": true}

// consequenceWords end the time a relapse is placed in: what follows them came of it ("loss
// of response after 3 years resulting in discontinuation", "lost response after 1 year and
// was stopped": the stop followed the loss).
var consequenceWords = map[string]bool{"resulting": true, "requiring": true, "leading": true, "necessitating": true,
	"prompting": true, "so": true, "which": true, "therefore": true}

// consequenceAt reports whether the word at toks[m] is one of consequence: consequenceWords,
// or an "and" before a verb ("and was stopped"); an "and" that joins treatments ("after
// rituximab and prednisone were stopped") is none.
func consequenceAt(toks []token, m int) bool {
	if w := toks[m].norm; w != "and" {
		return consequenceWords[w]
	}
	return m+1 < len(toks) && (andVerbs[toks[m+1].norm] || courseStopWords[toks[m+1].norm])
}

// andVerbs after "and" make it join a verb, not a list.
var andVerbs = map[string]bool{"was": true, "were": true, "is": true, "had": true, "has": true, "then": true}

// courseStopWords are the words that say a course stopped.
var courseStopWords = map[string]bool{"stopped": true, "discontinued": true, "withdrawn": true, "withdrawal": true,
	"discontinuation": true, "cessation": true, "ceased": true, "stopping": true, "discontinuing": true, "completion": true,
	"suspended": true}

// otherStartBetween reports whether a word of a treatment's start stands in toks[from:to]
// ("added", "switched", "started"), but for a restart of the course ("restarted", "resumed",
// "reintroduced").
func otherStartBetween(toks []token, from, to int) bool {
	for x := from; x < to; x++ {
		if w := toks[x].norm; startWords[w] && w != "restarted" && w != "resumed" && w != "reintroduced" || w == "switch" {
			return true
		}
	}
	return false
}

// completionBefore reports whether t's clause names the end of the course before t ("after
// completing 3 cycles … the progression of liver lesions"): the assessment at the course's end,
// not a time after it.
func completionBefore(toks []token, t target) bool {
	lo, _ := clauseAround(toks, t.i)
	for k := lo; k < t.i; k++ {
		switch w := toks[k].norm; {
		case strings.HasPrefix(w, "complet"), w == "end", w == "last", w == "final":
			return true
		}
	}
	return false
}

// newFindingWords open a new finding ("new ulcers", "fresh bullae", "again some aphthae").
var newFindingWords = map[string]bool{"new": true, "fresh": true, "further": true, "additional": true, "again": true}

// newFindingsLater returns live with the new findings that came at a later time than a
// response before them read as relapses ("cleared at 3 mo; new ulcers at mo 7 on the same
// dose", "healed, then new lesions"): lesions that came back after the disease had
// responded, read by time as a relapse is (rule 3), not a statement that disagrees with the
// response. A new finding is later when a word of later time or an arrow stands between, or
// a time is stated within four words after it or before it (after the response). live is
// copied before a change.
func newFindingsLater(toks []token, live []target) []target {
	copied := false
	for k, t := range live {
		if t.category != Progression || t.negated || t.entry.role == roleRelapse || t.i >= len(toks) || !newFindingWords[toks[t.i].norm] {
			continue
		}
		later := false
		for _, r := range live[:k] {
			if r.j <= t.i && !r.negated && !r.hedged && r.category.AtLeast(Partial) && r.entry.role != roleRelapse &&
				(laterBetween(toks, r.j, t.i) || numberedTime(timeIn(toks, t.j, min(len(toks), t.j+4))) ||
					numberedTime(timeIn(toks, max(r.j, t.i-4), t.i))) {
				later = true
			}
		}
		if !later {
			continue
		}
		if !copied {
			live, copied = append([]target(nil), live...), true
		}
		live[k].entry.role, live[k].entry.secondary, live[k].rule = roleRelapse, false, "new lesions after a response"
	}
	return live
}

// numberedTime reports whether a time timeIn returned is a numbered later time ("at mo 7"),
// not a baseline, none or a later time without a number ("at the end of the ileum").
func numberedTime(days float64) bool { return days > 0 && days < laterNoNumber }
