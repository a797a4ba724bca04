package vocab

import (
	"slices"
	"strings"
)

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
	at := c.attributeMentions(text, toks, ends, cues, ms, clause, inTarget, worse, k)
	markSteps(text, toks, ends, ms, inTarget, targets) // after attributeMentions sets mention.sibling
	for x := range targets {
		cl := clause[targets[x].i]
		targets[x].courseClause = at.namesCourse[cl]
		targets[x].followsCourse = followsCourse(cl, at.namesCourse, at.namesOther)
		switch {
		case at.managed[targets[x].i]:
			targets[x].history, targets[x].histCue = true, "another treatment's management"
		case targets[x].history && at.namesCourse[cl]:
			targets[x].history = false
		case !targets[x].history && at.namesOther[cl] && !at.namesCourse[cl] && !failureBeforeOtherStart(toks, ends, targets[x], ms, clause) &&
			!saidOfCourse(toks, targets[x], ms) && targets[x].step != stepOwn:
			targets[x].history, targets[x].histCue = true, "another treatment named in the clause"
		case !targets[x].history && continuesOther(text, toks, ends, cues, clause, targets[x], targets, ms, at.namesCourse, at.namesOther) &&
			!saidOfCourse(toks, targets[x], ms) && targets[x].step != stepOwn:
			targets[x].history, targets[x].histCue = true, "the statement goes on telling of another treatment"
		}
	}
	for x := range targets {
		if t := &targets[x]; t.onDuring > 0 && c.duringOther(toks, t.onDuring-1, k) {
			// "relapse during steroid tapering" in an IVIG row: the time on another treatment
			t.on, t.onDuring = false, 0
		}
		if !targets[x].history && responseOfOther(toks, targets[x], ms, at.otherMention) {
			// "CR after switch to romiplostim", "cured with voriconazole" in an eltrombopag or a
			// fluconazole row: the response is said of the treatment named right after it
			targets[x].history, targets[x].histCue = true, "a response said of another treatment"
		}
		if !targets[x].history {
			if cue := c.otherTreatments(text, toks, ends, targets[x], ms, clause, inTarget, k); cue != "" {
				targets[x].history, targets[x].histCue = true, cue
			}
		}
	}
	mentionEnd := mentionEnds(len(toks), ms)
	added := compoundRefractory(text, toks, ms)
	for _, cu := range cues {
		if cu.e.role != cueHistory || cu.e.category == CategoryUnknown ||
			cu.i > 0 && !toks[cu.i].brk && denial(toks[cu.i-1].norm) {
			// "not resistant to fluconazole" states no failure
			continue
		}
		// a generic object is the course's in a text that states no outcome besides (else it
		// is the indication: "refractory to treatment; CR after 4 doses"), of a course of
		// drugs (a procedure's indication is "refractory to maximal medical therapy"), named
		// before it ("treated with rosuvastatin but refractory to pharmacologic therapy"), not
		// after it, a next step ("resistant to all, then CR on rituximab")
		if cueNamesCourse(text, toks, clause, inTarget, mentionEnd, at.courseAt, at.exactAt, cu) ||
			len(targets) == 0 && drugCourse(k) && !slices.Contains(at.courseAt[cu.j:], true) && !at.namesOther[clause[cu.i]] &&
				genericObject(toks, inTarget, cu) {
			added = append(added, target{i: cu.i, j: cu.j, entry: outcomeEntry{phrase: cu.e.term, category: cu.e.category},
				category: cu.e.category, rule: "history cue names the course", courseClause: true, histCue: text[toks[cu.i].start:toks[cu.j-1].end]})
		}
	}
	if len(added) == 0 {
		return targets
	}
	return mergeTargets(targets, added)
}

// mentionEnds maps each of n tokens to the end of the treatment named from it, or 0.
func mentionEnds(n int, ms []mention) []int {
	end := make([]int, n)
	for _, m := range ms {
		end[m.i] = m.i + m.n
	}
	return end
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
	if e == 0 {
		return false
	}
	if e < len(toks) && !toks[e].brk && isNumber(toks[e].norm) {
		// "bimekizumab 320 mg was begun": the dose, then what the clause says of it
		for e < len(toks) && !toks[e].brk && (isNumber(toks[e].norm) || startDoseWords[toks[e].norm]) {
			e++
		}
		return e < len(toks) && !toks[e].brk && copulas[toks[e].norm]
	}
	if e >= len(toks) || toks[e].brk {
		return false
	}
	return !listLinks[toks[e].norm] && toks[e].norm != "or" && toks[e].norm != "nor"
}

// compoundAdjectives are the words that, joined to a treatment by a hyphen, say the disease
// did not respond to it: "IVIG-refractory Kawasaki disease", "steroid-resistant nephrotic
// syndrome", "platinum-refractory".
var compoundAdjectives = map[string]bool{"refractory": true, "resistant": true, "unresponsive": true, "recalcitrant": true}

// compoundRefractory reads "X-refractory", "X resistant" and "X- and Y-resistant" as
// "refractory to X (and Y)": a non-response of the course when the list names one of its treatments. A list
// that names only other treatments is history, as the words already are.
func compoundRefractory(text string, toks []token, ms []mention) []target {
	var out []target
	for k, m := range ms {
		a := m.i + m.n
		if a >= len(toks) || !compoundAdjectives[toks[a].norm] {
			continue
		}
		if sep := text[toks[a-1].end:toks[a].start]; sep != "-" && (sep != " " || m.word) {
			// joined by a space, only a known treatment: "IVIG resistant", not the word
			// "severe" of a treatment cell "… for severe refractory PAP"
			continue
		}
		// a drug of the course's class beside the course's own is another ("Terbinafine-resistant
		// tinea. Itraconazole cleared it" in an itraconazole row)
		course := m.course && !m.sibling
		for b := k; b > 0 && !course; b-- { // the list before it: "steroid and cyclophosphamide-resistant"
			prev, next := ms[b-1], ms[b]
			if next.i == prev.i+prev.n || !listWordsOnly(toks, prev.i+prev.n, next.i, false) {
				break
			}
			course = prev.course && !prev.sibling
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
	if last < 0 || clause[ms[last].i] != clause[t.i] || ms[last].short && !agentVerbBetween(toks, ms[last].i+ms[last].n, t.i) {
		return false // "T4 was normal": a short abbreviation is a treatment only as an agent ("HCQ had given no benefit")
	}
	if ms[last].course && (!exact || !classOnly(toks, ms[last], k)) {
		return false
	}
	gap := 0
	for y := ms[last].i + ms[last].n; y < t.i; y++ {
		switch {
		case timeToken(toks[y]) || countWords[toks[y].norm]:
			// "HCQ alone for 6 months had given no benefit": how long, not counted
		case effectLinks[toks[y].norm]:
			gap++
		default:
			return false
		}
	}
	if gap > 4 || followedByCourse(toks, t, ms) {
		return false
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

// agentVerbBetween reports whether a verb that makes its subject the agent of an outcome
// ("given", "produced", "resulted") stands in toks[a:b].
func agentVerbBetween(toks []token, a, b int) bool {
	for y := a; y < b; y++ {
		if agentVerbs[toks[y].norm] {
			return true
		}
	}
	return false
}

// agentVerbs make their subject the agent of the outcome after them.
var agentVerbs = map[string]bool{"given": true, "gave": true, "produced": true, "provided": true, "brought": true,
	"yielded": true, "resulted": true, "resulting": true, "led": true, "leading": true}

// effectLinks may stand between a treatment and the outcome it brought about.
var effectLinks = map[string]bool{"with": true, "resulting": true, "resulted": true, "in": true,
	"leading": true, "led": true, "to": true, "which": true, "a": true, "an": true, "and": true,
	// the treatment as subject of the outcome's verb ("ganciclovir treatment did not improve
	// the symptoms", "IVIG was ineffective")
	"treatment": true, "therapy": true, "did": true, "does": true, "not": true, "was": true,
	"were": true, "had": true, "has": true, "have": true, "ultimately": true, "eventually": true,
	"alone": true} // "HCQ alone had given no benefit"; init adds agentVerbs ("IVIG produced a partial response")

func init() {
	for w := range agentVerbs {
		effectLinks[w] = true
	}
}

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

// denial reports whether w denies what follows it: a negation word of negationWords or
// "non" ("the isolate was not resistant to fluconazole", "non responsive").
func denial(w string) bool { return negationWords[w] || w == "non" || w == "longer" }

// duringOther reports whether the during phrase opened at token d names a treatment other
// than the course's and none of the course's ("during steroid tapering" in an IVIG row).
func (c *compiled) duringOther(toks []token, d int, k *course) bool {
	other := false
	for x := d + 1; x < len(toks) && x <= d+5 && !toks[x].brk; x++ {
		n, ids := c.drugTrie.longest(toks, x, nil)
		if n == 0 {
			continue
		}
		// every treatment named, also one the mentions leave out ("steroid tapering" is a
		// background treatment's change, still a time on it)
		m := c.mentionOf(toks, x, n, c.drugTerms[ids[0]], k)
		if m.course && (!classOnly(toks, m, k) || m.generic) {
			return false
		}
		other = true
		x += n - 1
	}
	return other
}

// labelMention reports whether the treatment m labels the statement after it or is its
// subject: it opens its clause (or follows a spaced slash: "Pred: NR / CsA: PR") and a colon
// or an outcome phrase follows it ("MTX: NR; ADA: CR", "PHT failed; LEV → seizure-free"), or
// a dose or a duration ("MTX 15 mg x16 wk PASI 20 → 14").
func labelMention(text string, toks []token, m mention, inTarget []bool) bool {
	e := m.i + m.n
	opens := m.i == 0 || toks[m.i].brk || strings.Contains(text[toks[m.i-1].end:toks[m.i].start], " / ")
	return opens && e < len(toks) &&
		(strings.Contains(text[toks[e-1].end:toks[e].start], ":") || inTarget[e] && !toks[e].brk || dosedAfter(toks, e))
}

// dosedAfter reports whether a dose or a duration follows token e, a treatment's name: "MTX
// 15 mg x16 wk …", "MTX 6 mo …" (a statement that opens with a dosed drug is that drug's).
func dosedAfter(toks []token, e int) bool {
	if e+1 >= len(toks) || toks[e].brk || toks[e+1].brk || !isNumber(toks[e].norm) {
		return false
	}
	return doseUnitWords[toks[e+1].norm] || timeUnitWords[toks[e+1].norm]
}

// doseUnitWords after a number make it a dose ("15 mg").
var doseUnitWords = map[string]bool{"mg": true, "g": true, "mcg": true, "µg": true, "ug": true, "iu": true, "units": true,
	"mg/kg": true, "mg/d": true, "mg/day": true, "mg/wk": true}

// arrowFromOther reports whether the outcome t follows an arrow right after another
// treatment's name ("GCV → VL rising; FOS → undetectable" in a ganciclovir row: the
// undetectable load is foscarnet's), or after a start of one ("switched to UST → remission").
func arrowFromOther(toks []token, t target, ms []mention, k *course) bool {
	if t.i == 0 || !toks[t.i].arrow {
		return false
	}
	for _, m := range ms {
		if m.i+m.n == t.i {
			return !m.course || classOnly(toks, m, k) && !m.generic
		}
	}
	return false
}

// afterOwn reports whether the treatment ms[x] follows the course's own drug within eight
// words of its sentence ("IV methylprednisolone followed by oral prednisolone" in a
// methylprednisolone row: the same course, a pulse and its taper).
func afterOwn(toks []token, ends []bool, ms []mention, x int, k *course) bool {
	for y := x - 1; y >= 0; y-- {
		p := ms[y]
		if ms[x].i-(p.i+p.n) > 8 || endBetween(ends, p.i, ms[x].i) {
			return false
		}
		if p.course && !classOnly(toks, p, k) {
			return true
		}
	}
	return false
}

// labelledByOther reports whether the nearest treatment before the outcome t labels its part
// of the cell and is not the course's ("Pred: NR / CsA: PR" in a prednisone row: the PR is
// ciclosporin's).
func labelledByOther(text string, toks []token, t target, ms []mention, inTarget []bool, k *course) bool {
	for x := len(ms) - 1; x >= 0; x-- {
		m := ms[x]
		if m.i+m.n > t.i {
			continue
		}
		if !labelMention(text, toks, m, inTarget) || !strings.Contains(text[toks[m.i+m.n-1].end:toks[m.i+m.n].start], ":") {
			return false
		}
		return !m.course || classOnly(toks, m, k) && !m.generic
	}
	return false
}

// switchAwayWords, before "from" and the course, switch it for another treatment
// ("switching from azathioprine to mycophenolate"); replaceWords before the course and
// "with" or "by" do so too ("replacing lamotrigine with valproate").
var (
	switchAwayWords = map[string]bool{"switching": true, "switched": true, "switch": true, "change": true,
		"changed": true, "changing": true, "conversion": true, "converted": true, "transition": true,
		"transitioned": true}
	replaceWords = map[string]bool{"replacing": true, "replaced": true, "replace": true, "substituting": true,
		"substituted": true}
)

// afterSwitchAway reports whether the outcome t follows, in its sentence, a switch from the
// course's own treatment to another one ("switching from azathioprine to mycophenolate led to
// a fall in proteinuria", "replacing lamotrigine with valproate reduced seizure frequency",
// "lamotrigine was replaced by valproate, with seizure freedom"): the outcome is the new
// treatment's.
func (c *compiled) afterSwitchAway(toks []token, ends []bool, t target, ms []mention, k *course) bool {
	for _, m := range ms {
		if !m.course || classOnly(toks, m, k) || m.i == 0 || m.i >= t.i || endBetween(ends, m.i, t.i) {
			continue
		}
		from := toks[m.i-1].norm == "from" && m.i >= 2 && switchAwayWords[toks[m.i-2].norm] ||
			replaceWords[toks[m.i-1].norm]
		e := m.i + m.n
		if !from && e+2 < len(toks) && (toks[e].norm == "was" || toks[e].norm == "were") && replaceWords[toks[e+1].norm] {
			from = true // "lamotrigine was replaced by valproate"
		}
		if !from {
			continue
		}
		// the treatment switched to, within four words: any treatment of the vocabulary (the
		// mentions may leave it out: "with valproate reduced …" reads like a level)
		for y := e; y < t.i && y <= e+4 && !toks[y].brk; y++ {
			if n, ids := c.drugTrie.longest(toks, y, nil); n > 0 {
				next := c.mentionOf(toks, y, n, c.drugTerms[ids[0]], k)
				return !next.course || classOnly(toks, next, k)
			}
		}
	}
	return false
}

// noneOfOthers reports whether the outcome t is denied by "none" or "neither" standing for
// treatments named before it in its sentence, none of them the course's ("topiramate,
// gabapentin and amitriptyline were tried but none had any beneficial effect" in a
// carbamazepine row).
func noneOfOthers(toks []token, ends []bool, t target, ms []mention, k *course) bool {
	if !t.negated || !strings.HasPrefix(t.negCue, "none") && !strings.HasPrefix(t.negCue, "neither") {
		return false
	}
	named := false
	for _, m := range ms {
		if m.i >= t.i || endBetween(ends, m.i, t.i) {
			continue
		}
		if m.course && (!classOnly(toks, m, k) || m.generic) {
			return false // the course among them (another drug of its class is not)
		}
		named = true
	}
	return named
}

// otherTreatments returns why the outcome t is said of treatments other than the course, by
// the rules of attribution in turn, or "" when none applies.
func (c *compiled) otherTreatments(text string, toks []token, ends []bool, t target, ms []mention, clause []int, inTarget []bool, k *course) string {
	switch {
	case boundToOther(text, toks, t, ms, clause) || saidOfTreatmentBefore(toks, ends, t, ms, clause, k) || c.failureOfOther(text, toks, t, k):
		return "the outcome is said of another treatment"
	case startedAfter(toks, ends, t, ms, k) || reasonForStart(toks, ends, t, ms, k):
		return "a failure given as the reason the course was started"
	case noneOfOthers(toks, ends, t, ms, k):
		return "\"none\" refers to other treatments named before"
	case c.afterSwitchAway(toks, ends, t, ms, k):
		return "the outcome follows a switch from the course to another treatment"
	case labelledByOther(text, toks, t, ms, inTarget, k):
		return "the outcome follows another treatment's label"
	case arrowFromOther(toks, t, ms, k) && t.step != stepOwn:
		return "the outcome follows another treatment's arrow"
	case t.step == stepOther:
		return "the outcome is in another treatment's step (its name, dose and arrow open the part)"
	case responseAfterOtherStart(toks, ends, t, ms, k):
		return "a response after another treatment was started"
	}
	return ""
}

// interchangeableClasses are the classes whose drugs a case report names one for another for
// the same course (classes of drugs.tsv, normalised).
var interchangeableClasses = map[string]bool{normalize("glucocorticoid"): true, normalize("topical corticosteroid"): true}

// courseWordInText reports whether a word of the course's treatment cells stands in the text.
func courseWordInText(toks []token, k *course) bool {
	for _, tk := range toks {
		if k.words[tk.norm] {
			return true
		}
	}
	return false
}

// drugCourse reports whether the course names a drug of a known class or a class of drugs
// (the vocabulary's procedures have no class): a procedure or a device is often given
// because the disease was refractory to drugs.
func drugCourse(k *course) bool { return k != nil && len(k.classes)+len(k.classNamed) > 0 }

// inStopTime reports whether token i stands inside an after-course cue ("after dapsone was
// stopped", "when steroids were withdrawn") or right after it, as the object of its stop
// ("after the patient stopped steroids", "after stopping dapsone").
func inStopTime(cues []cueHit, i int) bool {
	for _, cu := range cues {
		if cu.e.role == cueAfterCourse && cu.i < i && i <= cu.j {
			return true
		}
	}
	return false
}

// failedObject reports whether the treatment mentioned at token i is the object of "failed"
// right before it ("failed AZA and MTX before"): a treatment, however short its name.
func failedObject(toks []token, i int) bool {
	return i > 0 && !toks[i].brk && (toks[i-1].norm == "failed" || toks[i-1].norm == "failing")
}
