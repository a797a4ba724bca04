package vocab

// duringWords open the time on a treatment ("during …", "under …").
var duringWords = map[string]bool{"during": true, "under": true}

// treatmentTimeNouns end the time on a treatment opened by a during word ("during low-dose
// steroid maintenance therapy", "under oral administration of prednisolone").
var treatmentTimeNouns = map[string]bool{"therapy": true, "treatment": true, "administration": true,
	"maintenance": true, "infusion": true, "infusions": true, "course": true, "regimen": true, "taper": true,
	"tapering": true, "tx": true, "rx": true}

// earlierWords make the treatment of a during phrase an earlier one ("during the previous
// therapy"): a history, not the course.
var earlierWords = map[string]bool{"previous": true, "prior": true, "earlier": true, "former": true,
	// a time after or before the treatment ("during follow-up after stopping therapy")
	"after": true, "off": true, "stopping": true, "stopped": true, "discontinuation": true, "withdrawal": true,
	"cessation": true, "following": true, "before": true}

// duringCourse reports whether a during word at i opens the time on a treatment: within the
// next five words of its clause a treatment noun or a treatment of the vocabulary, and no word
// making it an earlier treatment or a time off it ("during pregnancy", "during follow-up",
// "during the previous therapy", "during follow-up after stopping therapy" are not).
func (c *compiled) duringCourse(toks []token, i int) bool {
	if toks[i].norm == "on" {
		return c.onTreatment(toks, i)
	}
	if !duringWords[toks[i].norm] {
		return false
	}
	for x := i + 1; x < len(toks) && x <= i+5; x++ {
		if toks[x].brk || earlierWords[toks[x].norm] {
			return false
		}
		n := 0
		if !treatmentTimeNouns[toks[x].norm] {
			n, _ = c.drugTrie.longest(toks, x, nil)
		}
		if treatmentTimeNouns[toks[x].norm] || n > 0 {
			// "during lithium discontinuation", "during a treatment-free interval",
			// "during an azathioprine holiday": the time off the treatment
			return !wordIn(toks, x+1, min(len(toks), x+max(n, 1)+3), offWords)
		}
	}
	return false
}

// onTreatment reports whether "on" at i opens the time on a treatment: a treatment of the
// vocabulary right after it, in its clause, and no word of a time off it after that ("flared
// on azathioprine", "relapsed on rituximab maintenance"; not "on azathioprine withdrawal").
func (c *compiled) onTreatment(toks []token, i int) bool {
	x := i + 1
	if x >= len(toks) || toks[x].brk {
		return false
	}
	n, _ := c.drugTrie.longest(toks, x, nil)
	return n > 0 && !wordIn(toks, x+n, min(len(toks), x+n+3), offWords)
}

// progressWords are the forms of "progress" that, before "to" and a good state, name an
// advance (progressedToGood).
var progressWords = map[string]bool{"progressed": true, "progressing": true, "progresses": true, "progress": true}

// goodStates, after "progressed to", name an advance of function ("full oral intake",
// "independent ambulation", "normal diet").
var goodStates = map[string]bool{"independent": true, "independence": true, "walking": true, "ambulation": true,
	"ambulating": true, "unassisted": true, "full oral": true, "oral intake": true, "oral feeding": true,
	"oral feeds": true, "oral diet": true, "normal diet": true, "regular diet": true, "weight bearing": true,
	"full weight": true}

// progressedToGood reports whether the word at i is a form of "progress" followed by "to" and
// a good state of function (a word or two: not "complete" or "full" alone, which begin bad
// states as often: "progressed to complete heart block", "full-blown AIDS").
func progressedToGood(toks []token, i int) bool {
	if !progressWords[toks[i].norm] || i+2 >= len(toks) || toks[i+1].norm != "to" || toks[i+1].brk || toks[i+2].brk {
		return false
	}
	if goodStates[toks[i+2].norm] {
		return true
	}
	return i+3 < len(toks) && !toks[i+3].brk && goodStates[toks[i+2].norm+" "+toks[i+3].norm]
}

// offWords after the treatment of a during phrase make it the time off the treatment.
var offWords = map[string]bool{"discontinuation": true, "withdrawal": true, "holiday": true, "interruption": true,
	"pause": true, "withheld": true, "free": true, "break": true, "cessation": true, "stop": true, "stopped": true,
	"stopping": true, "discontinued": true, "withdrawn": true, "interrupted": true, "paused": true, "suspended": true}

// doseTimeWords open a clause of time whose verb may be a dose change or a stop ("as steroid
// tapered", "whenever PSL was stopped", "each time the dose was reduced").
var doseTimeWords = map[string]bool{"as": true, "when": true, "whenever": true, "while": true, "after": true}

// taperVerbs are the dose changes that leave the course going on; a stop of a time clause
// (stopWords) ends it.
var taperVerbs = map[string]bool{"tapered": true, "taper": true, "tapering": true, "reduced": true, "decreased": true,
	"lowered": true, "weaned": true}

// regainWords after a dose change say the response came back on the course; taperEnds end
// a taper, and the course with it.
var (
	regainWords = map[string]bool{"again": true, "restarted": true, "re-responded": true, "reresponded": true,
		"increased": true, "increase": true, "re-escalation": true}
	taperEnds = map[string]bool{"finished": true, "completed": true, "ended": true, "over": true}
)

// doseTime reads a clause of time at toks[i] whose verb is a dose change or a stop, within
// four words of its opening word in the same clause: "relapsed as steroid tapered" is on the
// course (a taper is still the course), "recurred each time steroid stopped" after it ("tapered
// off" too). It returns the cue's role and end, or end 0.
func doseTime(toks []token, i int) (role cueRole, end int) {
	from := i + 1
	switch {
	case doseTimeWords[toks[i].norm]:
	case (toks[i].norm == "each" || toks[i].norm == "every") && i+1 < len(toks) && toks[i+1].norm == "time":
		from = i + 2
	default:
		return 0, 0
	}
	for x := from; x < len(toks) && x <= from+3; x++ {
		if toks[x].brk {
			return 0, 0
		}
		off := x+1 < len(toks) && !toks[x+1].brk && (toks[x+1].norm == "off" ||
			toks[x+1].norm == "to" && x+2 < len(toks) && (toks[x+2].norm == "zero" || toks[x+2].norm == "0"))
		switch {
		case (toks[x].norm == "taper" || toks[x].norm == "tapering") && x+1 < len(toks) && taperEnds[toks[x+1].norm]:
			return cueAfterCourse, x + 2 // "relapsed as taper finished"
		case taperVerbs[toks[x].norm] && off:
			return cueAfterCourse, x + 2
		case taperVerbs[toks[x].norm] && wordIn(toks, x+1, len(toks), regainWords):
			return 0, 0 // "recurred when dose reduced, resolved again on 20 mg": regained on the course, a person decides
		case taperVerbs[toks[x].norm]:
			return cueOnCourse, x + 1
		case stopWords[toks[x].norm]:
			return cueAfterCourse, x + 1
		}
	}
	return 0, 0
}

// afterDurationOn reads "after" at toks[i] opening a time into the course: a number, its unit
// and the time on a treatment right after them ("relapsed after 3 months on drug", "flare
// after 1 month on azathioprine"). The relapse came on the course; "after" is then no
// termination cue. It returns the end of the time on the treatment, or 0 ("after 3 months of
// treatment" may follow a course of three months, and is left alone).
func (c *compiled) afterDurationOn(toks []token, i int) int {
	x := i + 1
	if toks[i].norm != "after" || x+2 >= len(toks) || toks[x].norm == "" || !isDigitByte(toks[x].norm[0]) ||
		!timeUnitWords[toks[x+1].norm] || toks[x+1].brk || toks[x+2].brk || !onOpeners[toks[x+2].norm] {
		return 0
	}
	if n, ids := c.ctxTrie.longest(toks, x+2, nil); n > 0 && c.cues[ids[0]].role == cueOnCourse {
		return x + 2 + n
	}
	if c.onTreatment(toks, x+2) {
		return x + 3
	}
	return 0
}

// onOpeners open a time on a treatment after a duration ("after 3 months on drug", "… while
// on tx", "… under rituximab"); "despite" is not one ("relapsed after 4 months despite …").
var onOpeners = map[string]bool{"on": true, "while": true, "under": true, "during": true}

// afterStop reads "after" at toks[i] opening a clause of time whose verb is a stop of a
// treatment, within four words: "recurrence 3 months after dapsone was stopped", "relapsed
// after steroids were withdrawn" are about the time after the course (rule 3), where "after"
// alone is only a termination cue. It returns the end of the cue, or 0.
func afterStop(toks []token, i int) int {
	if toks[i].norm != "after" {
		return 0
	}
	if role, end := doseTime(toks, i); role == cueAfterCourse && stopWords[toks[end-1].norm] {
		return end
	}
	return 0
}
