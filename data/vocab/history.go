package vocab

import "slices"

// Course attribution of history statements: which statements of a text are about the
// row's own course and which about earlier or other treatments (docs/outcomes.md, "Course
// context").

// courseHistory applies the course's own treatments to history statements: a history cue
// whose scope names a course treatment states the course's outcome (its category, e.g.
// "refractory to rituximab" = none for a rituximab course); targets in a history scope
// whose clause names a course treatment are about this course after all; targets in a
// clause that names other treatments and none of the course's are about those.
func (c *compiled) courseHistory(text string, toks []token, ends []bool, cues []cueHit, targets []target, k *course) []target {
	inTarget := make([]bool, len(toks))
	worse := make([]bool, len(toks)) // tokens of a non-responder's statement (escalatedTo)
	for _, t := range targets {
		for x := t.i; x < t.j; x++ {
			inTarget[x] = true
			worse[x] = worse[x] || t.category == None || t.category == Progression || t.category == Minimal
		}
	}
	ms := c.mentions(toks, inTarget, worse, k)
	// attribution works on statements: a clause may list several treatments ("did not
	// respond to lorazepam and ECT"), so only sentence ends and termination cues divide
	clause := statements(toks, ends, cues)
	namesCourse := map[int]bool{} // statement → a course treatment is named in it
	namesOther := map[int]bool{}  // statement → another treatment is named in it
	courseAt := make([]bool, len(toks))
	exactAt := make([]bool, len(toks)) // a course treatment named by its own name, not by its class
	for _, m := range ms {
		switch {
		case m.course:
			namesCourse[clause[m.i]] = true
			courseAt[m.i] = true
			exactAt[m.i] = k.names[m.name] || k.words[toks[m.i].norm]
		case !m.short:
			namesOther[clause[m.i]] = true
		}
	}
	for x := range targets {
		cl := clause[targets[x].i]
		targets[x].courseClause = namesCourse[cl]
		switch {
		case targets[x].history && namesCourse[cl]:
			targets[x].history = false
		case !targets[x].history && namesOther[cl] && !namesCourse[cl] && !failureBeforeOtherStart(toks, ends, targets[x], ms, clause):
			targets[x].history, targets[x].histCue = true, "another treatment named in the clause"
		}
	}
	for x := range targets {
		if t := &targets[x]; k.oneOff && t.entry.role == roleRelapse && !t.on {
			// "resolution after excision; recurred 2 years later": a course given once
			// is over when the relapse comes
			t.afterOnce = true
		}
		if !targets[x].history && (boundToOther(text, toks, targets[x], ms, clause) ||
			saidOfTreatmentBefore(toks, ends, targets[x], ms, clause, k)) {
			targets[x].history, targets[x].histCue = true, "the outcome is said of another treatment"
		}
		if !targets[x].history && startedAfter(toks, ends, targets[x], ms, k) {
			targets[x].history, targets[x].histCue = true, "a failure given as the reason the course was started"
		}
	}
	mentionEnd := make([]int, len(toks)) // token → end of the treatment named from it, or 0
	for _, m := range ms {
		mentionEnd[m.i] = m.i + m.n
	}
	added := compoundRefractory(text, toks, ms)
	for _, cu := range cues {
		if cu.e.role != cueHistory || cu.e.category == CategoryUnknown ||
			cu.i > 0 && !toks[cu.i].brk && deniedBefore[toks[cu.i-1].norm] {
			// "not resistant to fluconazole" states no failure
			continue
		}
		// the cue's scope: the rest of its statement (to a sentence end or a termination cue),
		// up to the next outcome phrase, which begins a statement of its own ("refractory
		// to steroids, she responded well to rituximab" says nothing of rituximab's failure)
		other := false
		for x := cu.j; x < len(toks) && clause[x] == clause[cu.i] && !inTarget[x]; x++ {
			if x > cu.j && commaBefore(text, toks, x) && subjectAfterComma(toks, x, mentionEnd) {
				// "after failure of methotrexate, rituximab induced remission": a treatment
				// with its verb after the comma is a new clause's subject, not one more of
				// the list that failed
				break
			}
			if toks[x].norm == "other" {
				// "refractory to other therapies, including eltrombopag": the treatments named
				// after "other" are others, unless one is the course's own by name
				other = true
			}
			if courseAt[x] && (!other || exactAt[x]) {
				added = append(added, target{i: cu.i, j: cu.j, entry: outcomeEntry{phrase: cu.e.term, category: cu.e.category},
					category: cu.e.category, rule: "history cue names the course", courseClause: true, histCue: text[toks[cu.i].start:toks[cu.j-1].end]})
				break
			}
		}
	}
	if len(added) == 0 {
		return targets
	}
	return mergeTargets(targets, added)
}

// subjectAfterComma reports whether the comma before token x opens a clause of its own: a
// clause starter ("the patient"), or a treatment named from x (mentionEnd) and followed,
// without a break, by a word that is not a list word ("rituximab induced"; not "rituximab
// and IVIG", "rituximab, IVIG").
func subjectAfterComma(toks []token, x int, mentionEnd []int) bool {
	if newClause(toks, x) {
		return true
	}
	e := mentionEnd[x]
	if e == 0 || e >= len(toks) || toks[e].brk || isNumber(toks[e].norm) {
		return false
	}
	return !listLinks[toks[e].norm] && toks[e].norm != "or" && toks[e].norm != "nor"
}

// compoundAdjectives are the words that, joined to a treatment by a hyphen, say the disease
// did not respond to it: "IVIG-refractory Kawasaki disease", "steroid-resistant nephrotic
// syndrome", "platinum-refractory".
var compoundAdjectives = map[string]bool{"refractory": true, "resistant": true, "unresponsive": true, "recalcitrant": true}

// compoundRefractory reads "X-refractory" and "X- and Y-resistant" as "refractory to X
// (and Y)": a non-response of the course when the list names one of its treatments. A list
// that names only other treatments is history, as the words already are.
func compoundRefractory(text string, toks []token, ms []mention) []target {
	var out []target
	for k, m := range ms {
		a := m.i + m.n
		if a >= len(toks) || !compoundAdjectives[toks[a].norm] || text[toks[a-1].end:toks[a].start] != "-" {
			continue
		}
		course := m.course
		for b := k; b > 0 && !course; b-- { // the list before it: "steroid and cyclophosphamide-resistant"
			prev, next := ms[b-1], ms[b]
			if next.i == prev.i+prev.n || !listWordsOnly(toks, prev.i+prev.n, next.i, false) {
				break
			}
			course = prev.course
		}
		if course {
			out = append(out, target{i: a, j: a + 1, entry: outcomeEntry{phrase: toks[a].norm, category: None},
				category: None, rule: "history cue names the course", courseClause: true, histCue: text[toks[m.i].start:toks[a].end]})
		}
	}
	return out
}

// saidOfTreatmentBefore reports whether the outcome t follows a treatment list that does not
// name the course, within four words that make the outcome that list's ("switched
// to adalimumab with good response", "IVIG: improved", "added rituximab, resulting in
// remission"): the statement is then about the other treatment.
//
// A drug of the course's class counts as the course elsewhere ("methylprednisolone" in a
// prednisone row); here it is another treatment when the text also names the course's
// own drug: the text tells the two apart ("switched from infliximab to adalimumab").
func saidOfTreatmentBefore(toks []token, ends []bool, t target, ms []mention, clause []int, k *course) bool {
	last := -1
	exact := false // the course's own drug is named in the text by its name
	for x, m := range ms {
		if m.i+m.n <= t.i {
			last = x
		}
		exact = exact || k.names[m.name]
	}
	if last < 0 || ms[last].short || clause[ms[last].i] != clause[t.i] {
		return false
	}
	if ms[last].course && (!exact || !classOnly(toks, ms[last], k)) {
		return false
	}
	gap := t.i - (ms[last].i + ms[last].n)
	if gap > 4 || followedByCourse(toks, t, ms) {
		return false
	}
	for y := ms[last].i + ms[last].n; y < t.i; y++ {
		if !effectLinks[toks[y].norm] {
			return false
		}
	}
	// the course named earlier in the statement shares the outcome ("IVIG 2 g/kg and aspirin
	// with resolution of fever", "methylprednisolone followed by prednisolone with
	// resolution"), unless the text switched from it ("switched from infliximab to
	// adalimumab with good response")
	for x := last - 1; x >= 0 && !endBetween(ends, ms[x].i, t.i); x-- {
		if m := ms[x]; m.course && !classOnly(toks, m, k) {
			if !wordIn(toks, m.i-3, ms[last].i, switchWords) {
				return false
			}
			break
		}
	}
	// the list the outcome follows: back through list words; the course in it makes the
	// outcome the course's too ("rituximab and IVIG with good response")
	start := ms[last].i
	for x := last - 1; x >= 0; x-- {
		m := ms[x]
		if start-(m.i+m.n) > 3 || !listWordsOnly(toks, m.i+m.n, start, true) {
			break
		}
		if m.course && (!exact || !classOnly(toks, m, k)) {
			return false
		}
		start = m.i
	}
	return true
}

// effectLinks may stand between a treatment and the outcome it brought about.
var effectLinks = map[string]bool{"with": true, "resulting": true, "resulted": true, "in": true,
	"leading": true, "led": true, "to": true, "which": true, "a": true, "an": true, "and": true,
	// the treatment as subject of the outcome's verb ("ganciclovir treatment did not improve
	// the symptoms", "IVIG was ineffective")
	"treatment": true, "therapy": true, "did": true, "does": true, "not": true, "was": true,
	"were": true, "had": true, "has": true, "have": true, "ultimately": true, "eventually": true}

// classOnly reports whether mention m is the course's only by its class: another drug of
// the class of the course's own ("adalimumab" in an infliximab row).
func classOnly(toks []token, m mention, k *course) bool {
	if k.names[m.name] || k.classes[m.name] {
		return false
	}
	for w := m.i; w < m.i+m.n; w++ {
		if k.words[toks[w].norm] {
			return false
		}
	}
	return m.class != "" && k.classes[m.class]
}

// followedByCourse reports whether the outcome t is joined by a link word to the course's
// own treatment right after it ("… excision successfully treated with rituximab").
func followedByCourse(toks []token, t target, ms []mention) bool {
	for _, m := range ms {
		if m.i < t.j || m.i > t.j+4 {
			continue
		}
		return m.course && directLinkWords(toks, t.j, m.i)
	}
	return false
}

// directLinkWords reports whether the tokens from a to b (exclusive) hold a link word
// ("with", "to", "after" …) and nothing but link and filler words.
func directLinkWords(toks []token, a, b int) bool {
	linked := false
	for y := a; y < b; y++ {
		switch {
		case objectLinks[toks[y].norm]:
			linked = true
		case listFillers[toks[y].norm]:
		default:
			return false
		}
	}
	return linked
}

// switchWords replace one treatment by another.
var switchWords = map[string]bool{"switched": true, "switch": true, "switching": true, "changed": true,
	"replaced": true, "substituted": true, "converted": true, "instead": true}

// endBetween reports whether a sentence ends after token a, up to token b.
func endBetween(ends []bool, a, b int) bool {
	for x := a + 1; x <= b && x < len(ends); x++ {
		if ends[x] {
			return true
		}
	}
	return false
}

// startWords say a treatment was begun.
var startWords = map[string]bool{"started": true, "initiated": true, "commenced": true, "introduced": true,
	"added": true, "begun": true, "instituted": true, "switched": true, "changed": true,
	"converted": true, "replaced": true, "implemented": true, "administered": true, "applied": true, "performed": true, "tried": true, "attempted": true}

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

// onlyWords reports whether every token from a to b (exclusive) is in set.
func onlyWords(toks []token, a, b int, set map[string]bool) bool {
	for x := a; x < b; x++ {
		if !set[toks[x].norm] {
			return false
		}
	}
	return true
}

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
		if !startWords[toks[y].norm] {
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
			if toks[y].norm == "added" && wordIn(toks, y+1, m.i, map[string]bool{"to": true}) {
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

// subjectWords reports whether the tokens from a to b are words of fill, numbers or dose words.
func subjectWords(toks []token, a, b int, fill map[string]bool) bool {
	for x := a; x < b; x++ {
		if w := toks[x].norm; !fill[w] && !isNumber(w) && !startDoseWords[w] {
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

// deniedBefore, right before a history cue, deny it ("the isolate was not resistant to
// fluconazole").
var deniedBefore = map[string]bool{"not": true, "never": true, "no": true, "non": true}
