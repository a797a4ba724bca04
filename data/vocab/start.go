package vocab

import "slices"

// The start of a treatment in an outcome text, and what it says of the statements around it:
// a non-response stated before the course was started is an earlier treatment's
// (startedAfter); one stated before another treatment was started is not that treatment's
// (failureBeforeOtherStart); a response stated after another treatment was started is that
// treatment's (responseAfterOtherStart). docs/outcomes.md, "Course context".

// startWords say a treatment was begun.
var startWords = map[string]bool{"started": true, "initiated": true, "commenced": true, "introduced": true,
	"added": true, "begun": true, "instituted": true, "switched": true, "changed": true, "converted": true,
	"replaced": true, "implemented": true, "administered": true, "applied": true, "performed": true,
	"tried": true, "attempted": true, "restarted": true, "reintroduced": true, "resumed": true, "placed": true, "put": true,
	// "we resorted to plasmapheresis", "proceeded to thyroidectomy", "turned to", "opted for"
	"resorted": true, "proceeded": true, "turned": true, "opted": true, "used": true}

// addedTo reports whether the treatment at m follows "added to" from the start word at y
// ("rituximab was added to prednisone"): it goes on, it is not started.
func addedTo(toks []token, y, m int) bool {
	if toks[y].norm != "added" {
		return false
	}
	for x := y + 1; x < m; x++ {
		if toks[x].norm == "to" {
			return true
		}
	}
	return false
}

// startSubjectFill may stand between a treatment and its start word ("tacrolimus therapy was
// started"), startObjectFill between the start word and the treatment ("started on rituximab",
// "changed to vemurafenib").
var (
	startSubjectFill = map[string]bool{"was": true, "were": true, "is": true, "been": true, "had": true, "has": true,
		"therapy": true, "treatment": true, "infusion": true, "infusions": true, "then": true, "also": true,
		"therefore": true, "subsequently": true, "eventually": true}
	startObjectFill = map[string]bool{"on": true, "to": true, "with": true, "the": true, "a": true, "an": true,
		"treatment": true, "therapy": true, "daily": true, "weekly": true, "monthly": true, "oral": true,
		"intravenous": true, "iv": true, "subcutaneous": true, "high": true, "low": true, "dose": true, "pulse": true}
)

// plannedWords, after a failure, name the next step contemplated as start words name the
// one taken ("Because of the lack of response, transplantation was discussed"): the failure
// is of what came before.
var plannedWords = map[string]bool{"discussed": true, "considered": true, "planned": true, "proposed": true,
	"offered": true, "recommended": true, "suggested": true}

// startTimeWords, between a statement and the start of a treatment, date the statement to
// that start ("worsened when interferon was started"): it is then the treatment's own.
var startTimeWords = map[string]bool{"when": true, "once": true, "after": true, "upon": true,
	"following": true, "since": true, "while": true,
	// the start as the explanation of the statement ("did not recover, possibly because
	// eculizumab was administered too late")
	"because": true, "as": true}

// concessiveWords right before the treatment started concede it ("did not improve although
// cyclosporine was administered"): the statement is then the course's.
var concessiveWords = map[string]bool{"although": true, "though": true, "despite": true, "even": true,
	"whereas": true}

// againWords after a start word make it a restart of a treatment given before.
var againWords = map[string]bool{"again": true, "anew": true}

// startedAfter reports whether the non-responder's statement t came before a course
// treatment was started, in the same sentence: a start word follows it with the course's
// own treatment (not only its class) as its subject or object, no other treatment named in
// between, and no word dating the statement to the start ("Due to absence of remission,
// tacrolimus was started", "his disease progressed and the treatment was changed to
// vemurafenib"). The failure is an earlier treatment's, not the course's. A treatment named
// between the statement and the start word is what failed ("lack of response to rituximab,
// tacrolimus was started"), and so is one switched from ("switched from pirfenidone to
// nintedanib"); both are left to the other rules.
func startedAfter(toks []token, ends []bool, t target, ms []mention, k *course) bool {
	if !worseStatement(t) {
		return false
	}
	// a drug of the course's class only is neither the course started nor a course
	// treatment that failed ("progressed on imatinib, and sunitinib was started" in a
	// sunitinib row: imatinib is the earlier treatment; "steroid pulse therapy was
	// administered" in a triamcinolone row may be another treatment of the class)
	isCourse := func(m mention) bool { return m.course && !classOnly(toks, m, k) }
	st, ok := startAfter(toks, ends, t, ms)
	if !ok {
		return false
	}
	started := false
	for _, m := range st.started {
		started = started || isCourse(m)
	}
	if !started || st.subjectOnly && len(st.between) == 0 && directLinkWords(toks, t.j, st.at) {
		return false
	}
	// a treatment named in between is what failed ("lack of response to rituximab,
	// tacrolimus was started"): never the course itself
	for _, m := range st.between {
		if isCourse(m) {
			return false
		}
	}
	return true
}

// worseStatement reports whether t states a non-response or a worsening, its negation
// counted (negation is applied later: "absence of remission" reads none, and a denied change
// for the better, "seizures did not decrease", a non-response).
func worseStatement(t target) bool {
	c := t.category
	if t.negated {
		if c = t.entry.negated; c == CategoryUnknown && t.category.AtLeast(Partial) {
			c = None
		}
	}
	return c == None || c == Progression || c == Minimal
}

// treatmentStart is the start of treatments that follows a statement in its sentence.
type treatmentStart struct {
	at          int       // the start word
	started     []mention // the treatments started: its subject list or its object
	between     []mention // the other treatments named between the statement and the start word
	subjectOnly bool      // the treatments started are the subject, none the object
}

// startAfter finds the start of a treatment that follows the statement t in its sentence: a
// start word with the treatments started as its subject, alone, with its dose or in a list
// joined by "and" ("tacrolimus was started", "rituximab (375 mg/m2 weekly) was initiated",
// "valproate and clobazam were added"), or as its object ("switched to nintedanib", "started on
// rituximab"). The subject of "switched to" or "replaced with" is the treatment stopped and the
// object of "added to" the one going on: neither is started. There is none when a word dates
// the statement to the start or makes the start its explanation ("worsened when interferon
// was started", "because eculizumab was administered too late"), when the start is conceded
// ("although cyclosporine was administered"), or for a restart ("administered again").
func startAfter(toks []token, ends []bool, t target, ms []mention) (treatmentStart, bool) {
	for y := t.j; y < len(toks) && !ends[y]; y++ {
		if !startWords[toks[y].norm] && !plannedWords[toks[y].norm] || notAStart(toks, y, ms) {
			continue
		}
		if wordIn(toks, t.j, y, startTimeWords) || y+1 < len(toks) && toks[y+1].norm == "from" ||
			wordIn(toks, y+1, y+4, againWords) {
			return treatmentStart{}, false
		}
		var before []mention // treatments named between the statement and the start word
		for _, m := range ms {
			if m.i >= t.j && m.i < y {
				before = append(before, m)
			}
		}
		subjects := startedList(toks, before, y)
		opens := y // where the clause of the start begins: its subject, or the start word
		if len(subjects) > 0 {
			opens = subjects[0].i
		}
		if wordIn(toks, max(t.j, opens-2), opens, concessiveWords) {
			return treatmentStart{}, false
		}
		// copies: the lists grow below, and must not write into before
		st := treatmentStart{at: y, between: slices.Clone(before[:len(before)-len(subjects)])}
		if switchWords[toks[y].norm] {
			// "azathioprine was switched to mycophenolate": azathioprine stopped
			st.between = slices.Clone(before)
		} else {
			st.started = slices.Clone(subjects)
		}
		for _, m := range ms {
			if m.i <= y || m.i > y+3 || !onlyWords(toks, y+1, m.i, startObjectFill) {
				continue
			}
			if addedTo(toks, y, m.i) {
				st.between = append(st.between, m) // "rituximab was added to prednisone": prednisone goes on
				continue
			}
			st.started = append(st.started, m)
		}
		st.subjectOnly = len(st.started) == len(subjects) && !switchWords[toks[y].norm]
		return st, len(st.started) > 0
	}
	return treatmentStart{}, false
}

// reasonForStart reports whether the non-responder's statement t is the reason given after a
// start of the course in its sentence: a start word, the course's own treatment as its
// object within three words, then "due to", "because of", "owing to" or "for" and at most
// one article or adjective before t ("switched to adalimumab due to inefficacy", "changed to
// tacrolimus because of lack of response"). The failure is the earlier treatment's.
func reasonForStart(toks []token, ends []bool, t target, ms []mention, k *course) bool {
	if !worseStatement(t) {
		return false
	}
	x := t.i - 1
	if x >= 0 && (determiners[toks[x].norm] || objectArticles[toks[x].norm] || toks[x].norm == "primary") && !toks[x+1].brk {
		x--
	}
	switch {
	case x >= 1 && toks[x].norm == "to" && toks[x-1].norm == "due", x >= 1 && toks[x].norm == "of" && toks[x-1].norm == "because",
		x >= 1 && toks[x].norm == "to" && toks[x-1].norm == "owing":
		x -= 2
	case x >= 0 && toks[x].norm == "for":
		x--
	default:
		return false
	}
	for _, m := range ms {
		if !m.course || classOnly(toks, m, k) || m.i+m.n-1 != x || endBetween(ends, m.i, t.i) {
			continue
		}
		for y := m.i - 1; y >= max(0, m.i-4) && !ends[y]; y-- {
			if startWords[toks[y].norm] {
				return onlyWords(toks, y+1, m.i, startObjectFill)
			}
		}
	}
	return false
}

// failureBeforeOtherStart reports whether the non-responder's statement t is followed in
// its sentence by the start of other treatments, and those are all the treatments its
// statement names ("she did not improve, and rituximab was started" in a corticosteroid row):
// the failure is of what came before, which the row's course may be, and not of the
// treatment started, so naming it does not make the statement another treatment's.
func failureBeforeOtherStart(toks []token, ends []bool, t target, ms []mention, statement []int) bool {
	if !worseStatement(t) {
		return false
	}
	st, ok := startAfter(toks, ends, t, ms)
	if !ok || len(st.between) > 0 {
		return false
	}
	started := map[int]bool{}
	for _, m := range st.started {
		if m.course {
			return false
		}
		started[m.i] = true
	}
	for _, m := range ms {
		if statement[m.i] == statement[t.i] && !m.course && !m.short && !started[m.i] {
			return false
		}
	}
	return true
}

// startEndsSentence reports whether the sentence that ends at token y ends with a start word
// and at most startTailWords words after it ("… were then started.", "… was added at 2 mg/kg
// daily."): a sentence whose news is the start, which the next sentence's response follows.
func startEndsSentence(toks []token, ends []bool, y int) bool {
	for x := y; x >= 0 && y-x <= startTailWords; x-- {
		if startWords[toks[x].norm] {
			return true
		}
		if x > 0 && ends[x] {
			return false
		}
	}
	return false
}

// startTailWords bounds the words after the start word at a sentence's end (a dose, a route,
// a time: "was started at 0.5 mg/kg daily").
const startTailWords = 6

// notAStart reports whether the start word at y starts no treatment: "started to decrease",
// "began to improve" (a start of a change), or a start denied ("no orbital debridement was
// performed", "was not started").
func notAStart(toks []token, y int, ms []mention) bool {
	if y+1 < len(toks) && toks[y+1].norm == "to" && !toks[y+1].brk {
		for _, m := range ms {
			if m.i == y+2 {
				return false // "switched to rituximab", "changed to vemurafenib"
			}
		}
		if y+2 < len(toks) && (toks[y+2].norm == "the" || toks[y+2].norm == "a" || toks[y+2].norm == "an") {
			return false // "changed to the second-line regimen"
		}
		return true
	}
	// the start's own clause: back to a break or a word joining clauses ("remission was not
	// achieved and ustekinumab was started" denies the remission, not the start)
	from := y
	for from > 0 && y-from < 6 && !toks[from].brk && !clauseJoins[toks[from-1].norm] {
		from--
	}
	for x := from; x < y; x++ {
		if denial(toks[x].norm) {
			return true
		}
	}
	return false
}

// clauseJoins join two clauses: a denial before them is not the next clause's.
var clauseJoins = map[string]bool{"and": true, "so": true, "then": true, "but": true, "therefore": true,
	"thus": true, "hence": true}

// startedList returns the treatments of before (in order of the text) that end right
// before the start word at y, through words of a subject ("was", "therapy", a dose: "rituximab
// 375 mg/m2 weekly was initiated") and list words between them ("valproate and clobazam were
// added"; a comma does not join: "lack of response to rituximab, tacrolimus was started",
// "despite levetiracetam, and lacosamide was added"); none when the last one is not so placed.
func startedList(toks []token, before []mention, y int) []mention {
	n := 0
	end := y
	for x := len(before) - 1; x >= 0; x-- {
		m := before[x]
		fill := startSubjectFill
		if n > 0 {
			fill = nil
		}
		if n == 0 && !subjectWords(toks, m.i+m.n, end, fill) ||
			n > 0 && (m.i+m.n == end || !listWordsOnly(toks, m.i+m.n, end, false) || breakBetween(toks, m.i+m.n-1, end)) {
			break
		}
		n++
		end = m.i
	}
	return before[len(before)-n:]
}

// subjectWords reports whether the tokens from a to b are words of fill, numbers or dose
// words, with no clause break among them.
func subjectWords(toks []token, a, b int, fill map[string]bool) bool {
	if breakBetween(toks, a-1, b) {
		return false // "tests for immunoglobulin G, treatment was started": a new clause
	}
	for x := a; x < b; x++ {
		if w := toks[x].norm; !fill[w] && !isNumber(w) && !countWords[w] && !startDoseWords[w] {
			return false
		}
	}
	return true
}

// startDoseWords may stand in a treatment's dose between its name and its start word.
var startDoseWords = map[string]bool{"for": true, "every": true, "times": true, "weeks": true, "days": true,
	"months": true, "mg": true, "g": true, "kg": true, "m2": true, "mcg": true, "µg": true, "ug": true,
	"iu": true, "units": true, "weekly": true, "daily": true, "monthly": true, "pulses": true, "pulse": true,
	"being": true, "dose": true, "doses": true, "intravenous": true, "oral": true, "iv": true, "twice": true,
	"once": true, "per": true, "day": true, "week": true}

// responseAfterOtherStart reports whether the response t follows, in its sentence or as the
// next sentence after a sentence that ends with it, the start of other treatments — a start
// word before it whose treatments started are named and none is the course's own, and no
// course treatment named between the start and the response ("seizures persisted under
// valproate, and levetiracetam was added, rendering her seizure-free" in a valproate row;
// "Pamidronate infusions were then started. After four cycles the deposits were smaller." in
// a diltiazem row): the response is the new treatment's or the combination's, not the
// course's.
func responseAfterOtherStart(toks []token, ends []bool, t target, ms []mention, k *course) bool {
	if t.negated || !t.category.AtLeast(Partial) {
		return false
	}
	crossed := false
	for y := t.i - 1; y >= 0; y-- {
		if ends[y+1] && !toks[y+1].arrow { // "switched to UST → remission" is one statement
			if crossed || !startEndsSentence(toks, ends, y) {
				return false
			}
			crossed = true // "Pamidronate infusions were then started. After four cycles the deposits were smaller."
		}
		if !startWords[toks[y].norm] || notAStart(toks, y, ms) {
			continue
		}
		var before []mention
		from := y
		for from > 0 && !ends[from] {
			from--
		}
		for _, m := range ms {
			if m.i >= from && m.i < y {
				before = append(before, m)
			}
		}
		started := []mention{}
		if !switchWords[toks[y].norm] {
			started = append(started, startedList(toks, before, y)...)
		}
		for _, m := range ms {
			if m.i > y && m.i <= y+3 && m.i < t.i && onlyWords(toks, y+1, m.i, startObjectFill) &&
				!(addedTo(toks, y, m.i)) {
				started = append(started, m)
			}
		}
		if len(started) == 0 {
			return false
		}
		for _, m := range started {
			if m.course && (!classOnly(toks, m, k) || m.generic) {
				// the course, or its class named as a treatment ("high-dose steroids were
				// started" in a prednisone row); another drug of its class is another treatment
				return false
			}
		}
		for _, m := range ms {
			if m.course && !classOnly(toks, m, k) && m.i > y && m.i < t.i {
				return false
			}
		}
		return true
	}
	return false
}

// managedAlongside reports whether the treatment m, not the course's, is the subject of a
// word of its own management right after it, past a verb of tense and an adverb
// ("panitumumab held anyway", "gefitinib continued", "nivolumab permanently stopped",
// "osimertinib never interrupted", "dapsone reduced 100 → 25 mg"), in a clause of its own
// (a break before the name, or the text's start), after every statement of the outcome (a
// response read after a stop may be the stop's: a drug-induced disease). It returns the
// word's index, or -1. A statement read at that word ("continued", "reduced") is said of that
// treatment.
func managedAlongside(toks []token, inTarget []bool, m mention) (verb int) {
	if m.i > 0 && !toks[m.i].brk {
		return -1
	}
	x := m.i + m.n
	for x < len(toks) && !toks[x].brk && (passiveVerbs[toks[x].norm] || managementAdverbs[toks[x].norm]) {
		x++
	}
	if x >= len(toks) || toks[x].brk || !managementVerbs[toks[x].norm] || slices.Contains(inTarget[x+1:], true) {
		return -1 // "prednisone was stopped and the rash resolved": the response may be the stop's
	}
	return x
}

// managementVerbs say what was done with a treatment: kept, held, stopped or its dose changed.
var managementVerbs = map[string]bool{"continued": true, "held": true, "withheld": true, "stopped": true,
	"discontinued": true, "interrupted": true, "paused": true, "resumed": true, "restarted": true, "maintained": true,
	"reduced": true, "tapered": true, "kept": true}

// managementAdverbs may stand between a treatment and the word of its management.
var managementAdverbs = map[string]bool{"permanently": true, "temporarily": true, "never": true, "not": true,
	"then": true, "later": true, "eventually": true, "also": true}

// causeNamed reports whether the treatment m names the cause of a disease or a lesion
// written right after it, with no break ("Erlotinib acneiform eruption", "EGFRi
// folliculitis", "steroid acne"): a drug-induced disease, not a treatment the outcome is
// said of. Not after a word that makes it the treatment ("after", "with", "on").
func (c *compiled) causeNamed(toks []token, m mention) bool {
	x := m.i + m.n
	if x >= len(toks) || toks[x].brk {
		return false
	}
	if causedFindings[toks[x].norm] {
		return true // "after calcium gluconate extravasation": a harm, whatever stands before
	}
	if m.i > 0 && !toks[m.i].brk && treatmentPrepositions[toks[m.i-1].norm] {
		return false // "After cyclosporine psoriasis cleared", "With methotrexate lesions cleared"
	}
	if lesionNouns[toks[x].norm] {
		return true
	}
	n, _ := c.disTrie.longest(toks, x, c.acceptDisease)
	return n > 0
}

// causedFindings are the words of a drug's harm to the skin that follow the drug's name
// ("erlotinib acneiform eruption", "EGFRi toxicity", "calcium gluconate extravasation").
var causedFindings = map[string]bool{"acneiform": true, "eruption": true, "eruptions": true, "folliculitis": true,
	"dermatitis": true, "toxicity": true, "reaction": true, "reactions": true,
	"extravasation": true, "overdose": true, "poisoning": true}

// treatmentPrepositions before a treatment's name make it the treatment of what follows.
var treatmentPrepositions = map[string]bool{"after": true, "with": true, "on": true, "under": true, "following": true,
	"by": true, "using": true, "from": true}
