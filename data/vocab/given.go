package vocab

// Treatments named but not given: a treatment the patient did not get or need is no other
// treatment whose outcome a statement could be (docs/outcomes.md, attribution).

// notGiven reports whether the treatment at toks[i:i+n] is named as one the patient did not
// get or need: "no" or "without" right before it ("no dialysis needed", "no further surgery",
// "recovered without surgery", "without adding corticosteroids"), or a word of no need right
// after it ("dialysis not needed", "nephrectomy was avoided"). Its statement is not another
// treatment's outcome.
func notGiven(toks []token, i, n int) bool {
	if cueEndsBefore(toks, i, 0, notGivenBefore) {
		return true
	}
	x := i + n
	if x < len(toks) && !toks[x].brk && passiveVerbs[toks[x].norm] {
		x++ // "nephrectomy was avoided"
	}
	if x >= len(toks) || toks[x].brk {
		return false
	}
	if w := toks[x].norm; w == "avoided" || w == "unnecessary" || w == "spared" {
		return true
	}
	return x+1 < len(toks) && !toks[x+1].brk && (toks[x].norm == "not" || toks[x].norm == "never") && needWords[toks[x+1].norm]
}

var (
	// notGivenBefore, right before a treatment's name, deny that it was given
	notGivenBefore = map[string]bool{"no": true, "without": true, "no further": true, "no more": true,
		"no additional": true, "without further": true, "without any": true, "without additional": true,
		"without adding": true, "without starting": true, "without using": true, "without giving": true,
		"without requiring": true, "without needing": true}
	// needWords after "not" deny a treatment's need: "dialysis not needed"
	needWords = map[string]bool{"needed": true, "required": true, "necessary": true, "indicated": true}
)

// stoppedAfterResponse reports whether the treatment at toks[i:i+n] is named as stopped after a
// response the text states before it ("ascites resolved, diuretics stopped", "remission;
// steroids tapered off"): the stop follows from the response, which is not that treatment's
// outcome. A stop named before any response ("prednisone was stopped and the rash resolved")
// is left to the other rules, as is one after a response said of another treatment named
// before it ("responded to rituximab; steroids could be stopped": otherNamed).
func stoppedAfterResponse(toks []token, inTarget, worse []bool, i, n int) bool {
	x := i + n
	for x < len(toks) && !toks[x].brk && (passiveVerbs[toks[x].norm] || auxiliaries[toks[x].norm] || stopLinks[toks[x].norm]) {
		x++
	}
	if x >= len(toks) || toks[x].brk || !stopWords[toks[x].norm] && toks[x].norm != "tapered" && toks[x].norm != "weaned" {
		return false
	}
	for y := 0; y < i; y++ {
		if inTarget[y] && !worse[y] {
			return true
		}
	}
	return false
}

// stopLinks may stand, besides passive verbs and auxiliaries, between a treatment's name and
// the word of its stop ("steroids could be stopped", "diuretics were then discontinued"); not
// "not" ("could not be stopped" is no stop).
var stopLinks = map[string]bool{"could": true, "then": true, "gradually": true, "successfully": true}

// otherNamed reports whether a treatment other than the course's is among ms.
func otherNamed(ms []mention) bool {
	for _, m := range ms {
		if !m.course {
			return true
		}
	}
	return false
}

// noLongerNeeded are the words before a treatment's name that make it one the patient no
// longer needs, a sign of the course's effect and not another treatment: "without the need
// for oxygen supplementation", "resumption of a normal diet", "weaned off dialysis".
var noLongerNeeded = map[string]bool{"need for": true, "need of": true, "needing": true, "resumption of": true,
	"weaned off": true, "weaned from": true, "independent of": true, "free from": true}

// noLongerUsed reports whether the treatment at toks[i:i+n] is named as one the patient no
// longer needs: noLongerNeeded ends at most two words before it in its clause ("without the
// need for oxygen supplementation"). A treatment named as stopped ("steroids could be
// stopped") is not one: the stop is that treatment's, not the course's.
func noLongerUsed(toks []token, i int) bool { return cueEndsBefore(toks, i, 2, noLongerNeeded) }

// cueEndsBefore reports whether a word or two-word phrase of set ends at most reach words
// before token i, in i's clause ("without the need for oxygen", "required dialysis").
func cueEndsBefore(toks []token, i, reach int, set map[string]bool) bool {
	for end := i; end >= 1 && end >= i-reach; end-- { // the cue ends at toks[end-1]
		if toks[end].brk {
			break // a clause begins after toks[end-1]
		}
		if set[toks[end-1].norm] || end >= 2 && !toks[end-1].brk && set[toks[end-2].norm+" "+toks[end-1].norm] {
			return true
		}
	}
	return false
}

// namedNotGiven reports whether the treatment at toks[i:i+n] is named as something other than
// a treatment given, whose statements would be another treatment's outcome; course says
// whether it is one of the course's own:
//   - inside an outcome phrase, or the object of one ("no longer required dialysis"), unless
//     it is the course's own ("responded to neither methotrexate nor etanercept") or the
//     object of a failure ("failed warfarin");
//   - a substance measured in the patient: before its own verb of change ("calcium remained
//     elevated"), after "of" ("lowering of T4"), or before a measure, need or cause
//     (measuredOrCaused: "oxygen saturations", "heparin-induced");
//   - a background treatment ("remission on prednisone 2.5 mg", "steroid dose reduced",
//     "remission on minimal therapy (prednisolone 5 mg)"), or one the patient still needs
//     beside the course ("still needs pred 20mg");
//   - one the patient no longer needs ("without the need for oxygen"), unless the course's;
//   - the next step a failure led to, after an escalation word ("worsened, required
//     infliximab"), unless the course's (escalatedTo);
//   - a place ("discharged to rehabilitation", "an acute rehabilitation center").
func namedNotGiven(toks []token, inTarget, worse []bool, i, n int, course bool) bool {
	after := ""
	if i+n < len(toks) {
		after = toks[i+n].norm
	}
	switch {
	case anyTrue(inTarget[i : i+n]), i > 0 && inTarget[i-1] && !course && !toks[i].brk && !(failureVerbs[toks[i-1].norm] && toks[i].start == toks[i-1].end+1):
		return true
	case !course && after != "" && inTarget[i+n] && substanceBefore(toks, i+n):
		return true
	case i >= 2 && toks[i-1].norm == "of" && !treatmentNouns[toks[i-2].norm]:
		return true
	case i >= 1 && backgroundBefore[toks[i-1].norm] && !agentOn(toks, inTarget, i, n), backgroundNamed(toks, i):
		return true
	case !course && cueEndsBefore(toks, i, 1, stillNeeded):
		return true
	case backgroundAfter[after] && !effectOnObject(toks, i+n):
		return true
	case measuredOrCaused(toks, inTarget, i, n), !course && (noLongerUsed(toks, i) || notGiven(toks, i, n) || escalatedTo(toks, inTarget, worse, i, n)):
		return true
	}
	return i >= 2 && toks[i-1].norm == "to" && placeVerbs[toks[i-2].norm] || placeAfter[after]
}

// backgroundNamed reports whether the treatment at toks[i] names, after punctuation (a
// parenthesis, a comma), the therapy a background phrase right before it spoke of:
// "complete remission on minimal therapy (prednisolone 5 mg)", "off treatment, prednisone
// 2.5 mg".
func backgroundNamed(toks []token, i int) bool {
	if i < 2 || !backgroundTherapyNouns[toks[i-1].norm] || toks[i].start-toks[i-1].end < 2 {
		return false
	}
	return backgroundBefore[toks[i-2].norm] || i >= 3 && backgroundBefore[toks[i-3].norm] && !toks[i-1].brk && !toks[i-2].brk
}

// backgroundTherapyNouns name the therapy of a background phrase ("on minimal therapy").
var backgroundTherapyNouns = map[string]bool{"therapy": true, "treatment": true, "maintenance": true}

// stillNeeded, right before a treatment, name it as one the patient still needs beside the
// course, not a treatment the statements are said of ("mild improvement, still needs pred
// 20mg").
var stillNeeded = map[string]bool{"still needs": true, "still needed": true, "still requires": true,
	"still required": true, "still requiring": true, "still need": true, "still require": true}

// kindOfEffect, after a class named as a treatment, make the class the kind of an effect
// ("a rapid antidepressant effect" of ketamine), not a treatment named.
var kindOfEffect = map[string]bool{"effect": true, "effects": true, "action": true, "properties": true, "activity": true}
