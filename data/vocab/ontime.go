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
var earlierWords = map[string]bool{"previous": true, "prior": true, "earlier": true, "initial": true, "first": true,
	"former": true,
	// a time after or before the treatment ("during follow-up after stopping therapy")
	"after": true, "off": true, "stopping": true, "stopped": true, "discontinuation": true, "withdrawal": true,
	"cessation": true, "following": true, "before": true}

// duringCourse reports whether a during word at i opens the time on a treatment: within the
// next five words of its clause a treatment noun or a treatment of the vocabulary, and no word
// making it an earlier treatment or a time off it ("during pregnancy", "during follow-up",
// "during the previous therapy", "during follow-up after stopping therapy" are not).
func (c *compiled) duringCourse(toks []token, i int) bool {
	if !duringWords[toks[i].norm] {
		return false
	}
	for x := i + 1; x < len(toks) && x <= i+5; x++ {
		if toks[x].brk || earlierWords[toks[x].norm] {
			return false
		}
		if treatmentTimeNouns[toks[x].norm] {
			return true
		}
		if n, _ := c.drugTrie.longest(toks, x, nil); n > 0 {
			return true
		}
	}
	return false
}

// progressWords are the forms of "progress" that, before "to" and a good state, name an
// advance (progressedToGood).
var progressWords = map[string]bool{"progressed": true, "progressing": true, "progresses": true, "progress": true}

// goodStates, after "progressed to", name an advance of function ("full oral intake",
// "independent ambulation", "normal diet").
var goodStates = map[string]bool{"full": true, "normal": true, "independent": true, "independence": true,
	"oral": true, "walking": true, "ambulation": true, "ambulating": true, "unassisted": true, "regular": true,
	"complete": true, "weight": true}

// progressedToGood reports whether the word at i is a form of "progress" followed by "to" and
// a good state.
func progressedToGood(toks []token, i int) bool {
	return progressWords[toks[i].norm] && i+2 < len(toks) && toks[i+1].norm == "to" && !toks[i+1].brk &&
		!toks[i+2].brk && goodStates[toks[i+2].norm]
}
