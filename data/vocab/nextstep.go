package vocab

// The next step a failure led to: a treatment named after a non-responder's statement is
// the step taken, not a treatment the statement is said of.

// escalationWords, right before a treatment named after an outcome statement, make it the
// next step the outcome led to ("worsened, required dialysis", "progressed, started IVIG",
// "failed, needed infliximab rescue"), not a treatment the outcome is said of.
var escalationWords = map[string]bool{"required": true, "requiring": true, "requires": true, "needed": true,
	"necessitating": true, "necessitated": true, "started": true, "starting": true, "commenced": true,
	"initiated": true, "switched to": true, "changed to": true, "switch to": true, "change to": true, "escalated to": true, "converted to": true,
	"progressed to": true, "proceeded to": true, "underwent": true, "leading to": true, "led to": true,
	// "the tunnels were unchanged and the patient asked for surgery": the step the patient chose
	"asked for": true, "opted for": true, "requested": true, "referred for": true, "listed for": true}

// escalatedTo reports whether the treatment at toks[i:i+n] is named as the step a failure
// led to: an escalation word ends at most one word before it in its clause (or a passive
// one follows it: passiveStep), the outcome
// phrase nearest before it is a non-responder's (worse), and none follows it ("worsened,
// required infliximab with remission": the remission may be infliximab's; "improved,
// required dialysis", "remission within 3 months of starting rituximab": the response may
// be the next step's, or did not suffice).
func escalatedTo(toks []token, inTarget, worse []bool, i, n int) bool {
	return afterFailure(inTarget, worse, i, n) && (cueEndsBefore(toks, i, 1, escalationWords) || passiveStep(toks, i+n))
}

// passiveStep reports whether the words from toks[k] say, in the passive, that the treatment
// before them was the next step ("the ulcers enlarged …, and IV antibiotics were needed").
func passiveStep(toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k].brk || toks[k+1].brk || toks[k].norm != "was" && toks[k].norm != "were" {
		return false
	}
	// not "were added" or "was started": "seizures did not improve, and valproate and clobazam
	// were added" names the start of the course too (startCues)
	w := toks[k+1].norm
	return w == "needed" || w == "required" || w == "necessary"
}

// afterFailure reports whether the outcome phrase nearest before toks[i] is a non-responder's
// (worse) and no outcome phrase follows toks[i:i+n]: the treatment there may be the step the
// failure led to (escalatedTo, nextStepAlone).
func afterFailure(inTarget, worse []bool, i, n int) bool {
	if worse == nil || anyTrue(inTarget[i+n:]) {
		return false
	}
	for x := i - 1; x >= 0; x-- {
		if inTarget[x] {
			return worse[x] // false: the outcome right before the step is a response
		}
	}
	return false
}

// nextStepAlone reports whether the treatment at toks[i:i+n] stands alone after a break that
// follows a non-responder's outcome phrase, with nothing after it in its clause but perhaps a
// word of nextStepWords, and no outcome phrase after it ("ulcer progressed, amputation", "no
// response → colectomy", "ineffective -> BMT planned"): the step the
// failure led to, as after an escalation word (escalatedTo), not a treatment the outcome is
// said of.
func nextStepAlone(toks []token, inTarget, worse []bool, i, n int) bool {
	end := i + n
	if end < len(toks) && !toks[end].brk && nextStepWords[toks[end].norm] {
		end++ // "-> BMT planned"
	}
	return i > 0 && toks[i].brk && (end == len(toks) || toks[end].brk) && afterFailure(inTarget, worse, i, n)
}

// nextStepWords may follow a next step's name ("-> BMT planned", ", IVIG given").
var nextStepWords = map[string]bool{"planned": true, "started": true, "given": true, "performed": true,
	"done": true, "scheduled": true, "considered": true, "recommended": true, "initiated": true, "added": true}
