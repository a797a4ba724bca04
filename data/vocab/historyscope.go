package vocab

// The scope of a history cue ("refractory to …", "after failure of …"): where it ends, and
// whether its object names the course.

// historyScopeEnds are the words of a new action that end a history cue's scope: a start, a
// switch or an outcome reached.
var historyScopeEnds = map[string]bool{"starting": true, "started": true, "initiation": true, "initiating": true,
	"initiated": true, "switch": true, "switched": true, "switching": true, "achieved": true, "attained": true,
	"reached": true, "received": true, "commenced": true, "introduced": true}

// copulaStart reports whether w, after a copula, starts a course ("… and NB-UVB was given
// etanercept", "rituximab was added"): a start word, or "given" or "prescribed", which only
// after a copula name a start.
func copulaStart(w string) bool { return startWords[w] || w == "given" || w == "prescribed" }

// cueNamesCourse reports whether the scope of the history cue cu names the course. The scope
// is the rest of its statement (to a sentence end or a termination cue), up to the next
// outcome phrase, which begins a statement of its own ("refractory to steroids, she responded
// well to rituximab" says nothing of rituximab's failure).
func cueNamesCourse(text string, toks []token, clause []int, inTarget []bool, mentionEnd []int, courseAt, exactAt []bool, cu cueHit) bool {
	other := false
	for x := cu.j; x < len(toks) && clause[x] == clause[cu.i] && !inTarget[x]; x++ {
		if x > cu.j && commaBefore(text, toks, x) && subjectAfterComma(toks, x, mentionEnd) {
			// "after failure of methotrexate, rituximab induced remission": a treatment with
			// its verb after the comma is a new clause's subject, not one more of the list
			// that failed
			return false
		}
		if historyScopeEnds[toks[x].norm] || copulas[toks[x].norm] && x+1 < len(toks) && copulaStart(toks[x+1].norm) {
			// "refractory to corticosteroids, achieved a platelet count above 50 within three
			// weeks of starting eltrombopag": a new action begins, with its treatment
			return false
		}
		if toks[x].norm == "other" {
			// "refractory to other therapies, including eltrombopag": the treatments named
			// after "other" are others, unless one is the course's own by name
			other = true
		}
		if courseAt[x] && (!other || exactAt[x]) {
			return true
		}
	}
	return false
}

// everyTreatment are the words that make a history cue's object every treatment, the
// course's among them ("refractory to all", "resistant to any treatment", "unresponsive to both").
var everyTreatment = map[string]bool{"all": true, "any": true, "every": true, "everything": true, "both": true}

// genericTreatments name a treatment without naming which ("refractory to treatment",
// "resistant to combination therapy"): in a statement that names no other treatment, the
// course's own.
var genericTreatments = map[string]bool{"treatment": true, "treatments": true, "therapy": true, "therapies": true,
	"tx": true, "medication": true, "medications": true, "drugs": true, "measures": true, "regimen": true}

// genericModifiers may stand before a generic treatment without making it another one than
// the course; any other word ("conventional", "first-line", "previous", "other") may.
var genericModifiers = map[string]bool{"the": true, "this": true, "drug": true,
	"pharmacological": true, "pharmacologic": true, "combination": true, "combined": true, "maximal": true,
	"maximum": true}

// genericObjectReach bounds the modifiers before a generic treatment.
const genericObjectReach = 2

// genericFollowers after a generic treatment name which one it was or make it a test ("treatment
// with steroids", "therapies including rituximab", "drugs tested"): not the course's.
var genericFollowers = map[string]bool{"with": true, "of": true, "including": true, "such": true, "like": true,
	"tested": true}

// genericObject reports whether the object of the history cue cu is every treatment ("SVT
// resistant to all", "to all treatments"; not "all other treatments", "all prior lines") or
// a generic treatment that no other word places before the course ("refractory to drug tx",
// "resistant to combination treatment"; not "refractory to conventional therapy", "resistant
// to treatment with steroids"). inTarget marks the tokens of outcome statements (nil: none).
func genericObject(toks []token, inTarget []bool, cu cueHit) bool {
	for x := cu.j; x < len(toks) && x <= cu.j+genericObjectReach; x++ {
		if toks[x].brk || inTarget != nil && inTarget[x] {
			return false
		}
		w := toks[x].norm
		next := ""
		if x+1 < len(toks) && !toks[x+1].brk {
			next = toks[x+1].norm
		}
		switch {
		case everyTreatment[w]:
			// "refractory to all", "to all treatments"; not "to all prior lines", "all other",
			// "all drugs tested" (the generic noun after it is read on)
			if !genericTreatments[next] {
				return next == ""
			}
		case genericTreatments[w]:
			return !genericFollowers[next]
		case !genericModifiers[w]:
			return false
		}
	}
	return false
}
