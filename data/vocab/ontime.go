package vocab

// duringWords open the time on a treatment ("during …", "under …").
var duringWords = map[string]bool{"during": true, "under": true}

// treatmentTimeNouns end the time on a treatment opened by a during word ("during low-dose
// steroid maintenance therapy", "under oral administration of prednisolone").
var treatmentTimeNouns = map[string]bool{"therapy": true, "treatment": true, "administration": true,
	"maintenance": true, "infusion": true, "infusions": true, "course": true, "regimen": true, "taper": true,
	"tapering": true}

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
	"stopping": true, "discontinued": true, "withdrawn": true, "interrupted": true, "paused": true}
