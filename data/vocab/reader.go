package vocab

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/tresp/tresp/data/units"
)

// cueRole is what a context cue (cues.tsv) does to the outcome phrases in its scope.
type cueRole int

const (
	cueNegation       cueRole = iota + 1 // forward negation: "did not lead to any improvement"
	cueNegationAfter                     // backward negation: "improvement was not seen"
	cuePseudo                            // looks like a trigger but is not: "not only", "no longer"
	cueHedge                             // forward possibility: "possible improvement"
	cueHedgeAfter                        // backward possibility: "improvement was questionable"
	cueHistory                           // an earlier treatment: "previously", "refractory to"
	cueTermination                       // ends forward scopes: "but", "however", "which"
	cueAfterCourse                       // the statement is about the time after the course stopped
	cueOnCourse                          // the statement is about the time on the course
	cueQualifier                         // sets the degree of the response word right after it: "complete clinical response"
	cueDoseChange                        // the course went on at another dose: "after increase to 90 mg"
	cueTransient                         // the response word right after it did not last: "initial improvement"
	cueQualifierAfter                    // sets the degree of the response word right before it: "improved slightly"
	cueOtherDeath                        // a death's cause other than the disease, or a death before assessment: "died of sepsis"
	cueReportNoun                        // what a report states of the course: "outcome", "response" (unreported.go)
	cueFollowUpNoun                      // a report of the time after the course: "follow-up", "data" (unreported.go)
	cueNotStated                         // negated, says a report noun was not reported: "not given", "no FU reported"
	cueUnstated                          // alone, says a report noun was not reported: "outcome unknown"
	cueQualifierNext                     // sets the degree of the response word right after it, and of no other: "almost cleared"
	cueHarm                              // names a harm of a treatment, read only as a stop's reason: "haemolysis, stopped"
)

var cueRoleNames = map[string]cueRole{
	"negation": cueNegation, "negation after": cueNegationAfter, "pseudo": cuePseudo,
	"hedge": cueHedge, "hedge after": cueHedgeAfter, "history": cueHistory,
	"termination": cueTermination, "boundary": cueTermination,
	"after course": cueAfterCourse, "on course": cueOnCourse, "qualifier": cueQualifier,
	"dose change": cueDoseChange, "transient": cueTransient, "qualifier after": cueQualifierAfter, "qualifier next": cueQualifierNext,
	"other death": cueOtherDeath,
	"report noun": cueReportNoun, "follow-up noun": cueFollowUpNoun, "not stated": cueNotStated, "unstated": cueUnstated,
	"harm": cueHarm,
}

// qualifierReach is how many words after a qualifier cue a response word may start
// ("complete clinical and radiological response").
const qualifierReach = 5

// cueEntry is one compiled row of cues.tsv.
type cueEntry struct {
	term     string
	role     cueRole
	category Category // history cues: the outcome the cue states for a drug it names ("refractory to X" → none)
	// pattern: made by the reader from a pattern ("during … therapy"), not from cues.tsv; it
	// places relapses on the course but not events of new onset, which are as often harms
	pattern bool
}

// phrase roles beyond primary/secondary
const (
	rolePrimary   = "primary"
	roleSecondary = "secondary"
	roleRelapse   = "relapse"      // a relapse, flare or recurrence: its meaning depends on time
	roleWeak      = "weak"         // decides only with low confidence ("persistent", "stable")
	roleEfficacy  = "efficacy"     // a word of benefit: weak alone ("effective"), a clear non-response when negated ("was not effective")
	roleDeath     = "death"        // a death: not evaluable, but proposed as progression when a worsening is also stated
	roleCell      = "cell"         // decides only as the whole cell: "Good" in a table's outcome column, not "good general condition"
	roleUnassess  = "unassessed"   // "not assessed": response words before it in the clause were not assessed
	roleAdverse   = "adverse"      // an adverse effect of the course: not evaluable when no response is stated (rule 4)
	roleEvent     = "event"        // a new onset ("developed", "occurred"): progression only on the course, and only alone
	roleNegOnly   = "negated only" // counts only inside a negation's scope: "no radiological change", not "radiological change"
	roleMeasured  = "measured"     // a change word that counts only beside a measure of scores.tsv: "less calcification", not "less active"
	roleLabel     = "label"        // counts only as a label a yes or a no answers: "Resp: N", not "resp failure"
	roleLasting   = "lasting"      // a response that lasted ("no recurrence"): secondary beside a graded response, decides alone
	roleAbsent    = "absent"       // a manifestation of disease: counts only when denied ("no vaginal bleeding") and nothing else is stated
)

// deniedOnly reports whether a phrase of role counts only inside a negation's scope.
func deniedOnly(role string) bool { return role == roleNegOnly || role == roleAbsent }

// target is one outcome statement found in the text: a phrase of outcomes.tsv, a quantity
// or a history cue that names the course's own drug. Its modifiers come from the cues
// whose scope covers it.
type target struct {
	i, j     int // token span
	entry    outcomeEntry
	category Category // after negation
	rule     string
	negated  bool
	negCue   string
	// negStates is the outcome the negation cue states for a worsening it stops: "halted
	// disease progression" is stable disease (none), "no progression" only the absence of
	// worsening (cues.tsv, category of a negation cue)
	negStates Category
	// notFully is set on a phrase a negation reaches through a word of degree ("not fully
	// normalised", "did not completely resolve"): a complete response denied is partial
	notFully bool
	hedged   bool
	hedgeCue string
	// timePoint is set on a cell grade that grades one clause of several ("mo 3 same"):
	// clauseGrade, read once by dropNotOutcomes
	timePoint bool
	history   bool // about an earlier treatment: not evidence for this course
	histCue   string
	after     bool // about the time after the course stopped
	// afterOnce is set on a relapse in a row of a course given once (course.oneOff, or a
	// finite course the caller names): after a stated response it came after the course
	afterOnce bool
	on        bool // about the time on the course
	// onDuring is 1 + the token of the "during"/"under" that placed the phrase on a
	// treatment (a pattern cue, not one of cues.tsv), 0 otherwise: whose treatment the time
	// was is checked against the course (courseHistory)
	onDuring int
	// despite is set when the on-course cue is "despite" or "in spite of": the statement
	// happened although the course was given ("despite treatment, she died")
	despite bool
	// transient is set on a phrase a transient cue qualifies ("initial improvement",
	// "transiently responded"): a response that a later worsening on the course undoes.
	transient bool
	// graded is set on a phrase a qualifier covers, whether it sets the degree ("only
	// minimal relief") or states the one the word has ("partial relief"): the authors
	// graded it
	graded   bool
	start    int // byte span
	end      int
	quantity bool // read from numbers, not words
	// mild is set on an adverse effect a qualifier of small degree covers ("minor side
	// effects", "minimal toxicity"): a remark on tolerability, not why the course stopped.
	mild bool
	// step says whose step of a treatment history the target lies in (steps).
	step stepKind
	// courseClause is set when the target's clause names one of the course's own
	// treatments: it is evidence about this course, not only about the patient.
	courseClause bool
	// followsCourse is set when the target's statement names no treatment and the nearest
	// earlier statement that names one names only the course's ("ruxolitinib was started and
	// she improved. Complete resolution by day 60"): it goes on telling of the course.
	followsCourse bool
	inParens      bool // the phrase stands inside parentheses
	// heldQual is the degree a qualifier cue gave a phrase whose own category could not take
	// it ("slight increase", "increased slightly", "transient rise": a change word whose
	// direction of benefit is known only later, in measureChange)
	heldQual Category
	// benefitDenied is set on a negated change word whose change would have been a
	// measure's benefit ("did not raise the platelet counts"): a non-response
	benefitDenied bool
}

// Outcome reads a treatment outcome from free text without knowing the course's
// treatment; see OutcomeFor.
func (v *Vocabulary) Outcome(text string) OutcomeMatch { return v.OutcomeFor(text, nil) }

// OutcomeFor reads the outcome of one treatment course from free text. treatments names
// the course's drugs or procedures in any spelling the vocabulary knows (it may be nil);
// a statement about an earlier treatment ("refractory to steroids") is then the course's
// own outcome when it names one of them, and history otherwise. The rules are those of
// docs/outcomes.md and the package documentation. Time grows linearly with len(text) for
// texts of a few statements and with the square of their number for texts of many (a
// statement is weighed against the others); the text is cut at 64 KB, which reads in a
// fifth of a second at worst (BenchmarkOutcomeManyStatements).
func (v *Vocabulary) OutcomeFor(text string, treatments []string) OutcomeMatch {
	return v.OutcomeForCourse(text, treatments, false)
}

// OutcomeForCourse is OutcomeFor for a course whose finiteness the caller knows from
// other cells (dose, schedule; FiniteCourse): finite says the course ended soon after it
// began, as the treatments' own words may say (course.oneOff), so that a relapse or a
// worsening after a transient response, whose time the text does not give, is after the
// course (rule 3).
func (v *Vocabulary) OutcomeForCourse(text string, treatments []string, finite bool) OutcomeMatch {
	var res OutcomeMatch
	if len(text) > maxOutcomeBytes {
		text = text[:cutAtSpace(text, maxOutcomeBytes)]
		res.Truncated = true
	}
	return v.readReconciled(text, treatments, finite, res)
}

// outcomeOf reads text, already cut to maxOutcomeBytes, from its tokens as written.
func (v *Vocabulary) outcomeOf(text string, written []token, treatments []string, finite bool, res OutcomeMatch) OutcomeMatch {
	c := v.c
	written = dropSourceNote(text, written)
	toks, fixes := c.correctSpelling(text, written, treatments)
	if len(toks) == 0 {
		if strings.TrimSpace(text) != "" && !strings.ContainsAny(text, "+✓✔✗✘") {
			// "-", "?", "—": a placeholder for a missing value, read as an empty cell is;
			// "+", "++", "✓" are a table's own grades, which only its legend defines
			notReported(text, "placeholder", "placeholder: a cell without words is a missing value (outcome not reported)", &res)
		}
		return res
	}
	if timeOnly(toks) && !strings.Contains(text, "%") {
		// "14 days follow-up", "6 months": a time and no outcome (not reported); a
		// percentage is a value, not a time ("50% at 3 mo → 85% at 9 mo")
		notReported(text, "time only", "a time only: the outcome is not reported", &res)
		return res
	}
	ends := sentenceEnds(text, toks)
	targets, cues, used := c.scanOutcome(text, toks)
	targets = deniable(toks, ends, cues, dropNotOutcomes(text, targets, toks), used)
	targets = mergeTargets(mergeTargets(targets, c.quantities(text, toks, used)), functionTargets(toks, used))
	depth := parenDepth(text)
	clause := clauses(text, toks, ends, cues, depth)
	applyContext(text, toks, ends, targets, cues, clause)
	targets = labelAnswers(text, toks, targets, cues)
	k := v.courseOf(treatments)
	if !k.empty() {
		targets = c.courseHistory(text, toks, ends, cues, targets, k)
	}
	once := finite || k != nil && k.oneOff
	if once {
		for x := range targets {
			if t := &targets[x]; t.entry.role == roleRelapse && !t.on {
				// "resolution after excision; recurred 2 years later": a course given once
				// is over when the relapse comes
				t.afterOnce = true
			}
		}
	}
	targets = dropUnplaced(toks, targets, clause, statements(toks, ends, cues), cues)
	targets = mergeTargets(targets, c.countMarkers(text, toks))
	for k := range targets {
		t := &targets[k]
		t.start, t.end = toks[t.i].start, toks[t.j-1].end
		t.inParens = depth[t.start] > 0
		if depth[t.start] > 0 && !t.entry.marker {
			switch {
			case gradesQuantityBefore(text, targets, k):
				targets[k-1].entry.secondary = true // "decreased by 35% (partial response)": the grade decides
			case t.quantity && k > 0 && sizeOfChangeBefore(text, targets[k-1], *t):
				// "proteinuria reduced (30 %)", "Improved (VAS 8→3)", "Lesion smaller (~30%)",
				// "fewer pustules (~30%)": the number states the change word before it precisely
				// (rule 5), as outside parentheses
			default:
				t.entry.secondary = true // a parenthesis details or qualifies; it does not state the outcome
			}
		}
		if !t.negated && !t.graded {
			v.readMeasureChange(text, toks, ends, cues, treatments, t)
		}
		if t.category == Partial && !t.negated && !t.graded && !t.entry.marker && !t.quantity && t.rule == "phrase" && (saidNotToLast(toks, ends, *t) || transientCoordinated(toks, *t)) {
			// "LDH decreased; the improvement was brief", "good platelet response, but
			// transient": a response that did not last is minimal (a transient word before it,
			// "brief partial remission", is a cue of its own: lost only with a later worsening)
			t.category, t.rule, t.graded = Minimal, "a response said not to have lasted", true
		}
		if (t.quantity || c.scoreTerms[t.entry.normPhrase()]) && !t.negated && t.category.Ordered() && t.category.AtLeast(Minimal) {
			// a number, or a response criterion named as a phrase ("HiSCR lost at wk 36")
			switch afterQuantity(toks, ends, *t) {
			case quantityLost:
				// "PASI 75 lost by wk 40", "PASI 90 achieved, lost at wk 52": a response lost,
				// read by time as a relapse
				t.category, t.rule, t.entry.role = Progression, "response lost", roleRelapse
			case quantityTransient:
				if t.category == Partial { // "Plt 8 → 45, transient": a response that did not last
					t.category, t.rule, t.graded = Minimal, "a response said not to have lasted", true
				}
			}
		}
		if responseGone(toks, *t) || noLongerBefore(toks, *t) {
			// "the benefit disappeared within a month", "no longer in remission": a response
			// lost, read by time as a relapse
			t.category, t.rule, t.entry.role = Progression, "response lost", roleRelapse
		}
		if t.category == Complete && !t.negated && !t.entry.marker {
			gradeSitesCounted(text, toks, t)
		}
		negationOfDegree(toks, t)
		if t.negated && !t.entry.marker {
			c.applyNegation(text, toks, t)
		}
	}
	wellBeingBesideMeasure(toks, targets)
	targets = c.dropHarmResolved(toks, dropAbsentBesideOther(toks, dropDeniedChangeObject(toks, dropUnnegated(targets))))
	c.notCompleteBesideResponse(toks, targets)
	targets = dropConceded(text, toks, ends, targets, cues)
	res = c.decide(text, toks, ends, targets, clause, cues, once, res)
	res = v.despiteFailure(text, toks, cues, treatments, res)
	res = deathOfTreatedInfection(toks, cues, k, res)
	return withSpelling(absentFinding(text, toks, res), fixes)
}

// notCompleteBesideResponse reads a denied complete response ("had not resolved the
// problem", "not in remission") beside a primary response word of the course ("markedly
// less manic", "partial improvement"), or a vague word of change whose object is the
// disease ("had reduced the agitation"; not "prednisone reduced", which names a dose), as
// that response short of complete (rule 9), not as a non-response: partial, or minimal when
// the response stated is minimal. A number in the text leaves the decision to weigh it.
func (c *compiled) notCompleteBesideResponse(toks []token, targets []target) {
	best := CategoryUnknown
	for _, t := range targets {
		if t.quantity {
			return // a number states the degree; the decision weighs it
		}
		// "improvement" names no dose: "endoscopic improvement without mucosal healing" is partial
		norm := t.entry.normPhrase()
		vague := vagueChange[norm] && !improvementWords[norm]
		if !t.negated && !t.history && !t.hedged && !t.entry.marker && (t.entry.role == rolePrimary || vague) &&
			!t.entry.secondary && (!vague || t.rule == "change of a measure" || c.diseaseObject(toks, t)) &&
			t.category.Ordered() && t.category.AtLeast(Minimal) && t.category < Complete {
			best = max(best, t.category)
		}
	}
	if best == CategoryUnknown {
		return
	}
	for k := range targets {
		t := &targets[k]
		if t.negated && !t.history && !t.entry.marker && t.entry.category == Complete && t.category == None {
			t.negated, t.category, t.rule = false, best, "not complete beside a response (rule 9)"
		}
	}
}

// improvementWords are the vague words of change that only a disease does: no dose or
// level "improves".
var improvementWords = map[string]bool{"improved": true, "improvement": true}

// diseaseObject reports whether the vague word of change t is a verb whose object, right
// after it past an article or possessive, is a disease or one of its measures the vocabulary
// knows ("reduced the proteinuria"): the change is then the disease's. "Prednisone reduced",
// "the dose was lowered", "decreased vision", "reduced the sedation" are not.
func (c *compiled) diseaseObject(toks []token, t target) bool {
	k := t.j
	if k+1 >= len(toks) || toks[k].brk || !determiners[toks[k].norm] || toks[k+1].brk {
		return false
	}
	// the object must be named as the disease, one of its measures or a body site: "reduced
	// the agitation" is not enough to tell it from "reduced the sedation"
	if n, _ := c.disTrie.longest(toks, k+1, c.acceptDisease); n > 0 {
		return true
	}
	return c.measureAt(toks, k+1) > 0
}

// dropUnnegated drops the phrases of role "negated only" that no negation covers:
// "radiological change" says nothing, "no radiological change" is none.
func dropUnnegated(targets []target) []target {
	out := targets[:0]
	for _, t := range targets {
		if !deniedOnly(t.entry.role) && t.entry.role != roleMeasured || t.entry.role == roleAbsent && t.negated {
			out = append(out, t)
		}
	}
	return out
}

// parenDepth returns, for each byte of text, how many parentheses or brackets are open.
func parenDepth(text string) []int8 {
	d := make([]int8, len(text)+1)
	var cur int8
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(', '[':
			if cur < 100 {
				cur++
			}
		case ')', ']':
			if cur > 0 {
				cur--
			}
		}
		d[i] = cur
	}
	d[len(text)] = cur
	return d
}

// maxOutcomeBytes bounds the text the reader looks at; longer cells are cut at a space.
const maxOutcomeBytes = 64 << 10

func cutAtSpace(s string, n int) int {
	if k := strings.LastIndexByte(s[:n], ' '); k > n/2 {
		return k
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}

// mergeTargets merges two lists of targets sorted by token position.
func mergeTargets(a, b []target) []target {
	if len(b) == 0 {
		return a
	}
	out := make([]target, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i].i <= b[j].i {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// survivalRate reports whether a percentage follows the word "survival" at token k within
// six words of its clause ("relapse-free survival was 60 %"): after an "X-free" outcome
// word, which would read as the row's own (an overall survival rate beside a grade, "CR;
// expected 5-year survival of 90 %", leaves the grade standing).
func survivalRate(text string, toks []token, k int) bool {
	for x := k + 1; x < len(toks) && x <= k+6; x++ {
		if toks[x].brk && !isColonBreak(text, toks[x]) {
			return false
		}
		if isNumber(toks[x].norm) && strings.HasPrefix(strings.TrimLeft(text[toks[x].end:], " "), "%") {
			return true
		}
	}
	return false
}

// fraction reports whether a/b reads as a share of patients ("2/3") rather than a date
// ("08/2004"): b has at most three digits and a is at most b.
func fraction(a, b string) bool {
	if !isNumber(b) || len(b) > 3 {
		return false
	}
	x, errA := strconv.Atoi(a)
	y, errB := strconv.Atoi(b)
	return errA == nil && errB == nil && x <= y && y > 0
}

// notReported reads the whole of text as saying that the outcome is not reported (a
// placeholder cell, a time alone): not evaluable with high confidence, the trimmed text its
// one phrase, as an exact match has one.
func notReported(text, rule, why string, res *OutcomeMatch) {
	start := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	res.Category, res.Code, res.Status, res.Rule = NotEvaluable, NotEvaluable.Code(), StatusExact, rule
	res.Confidence = ConfidenceHigh
	res.Phrase = text[start:end]
	res.Phrases = []PhraseMatch{{Phrase: res.Phrase, Matched: res.Phrase, Category: NotEvaluable, Start: start, End: end}}
	res.Evidence = Evidence{Rule: why, Phrase: res.Phrase, Start: start, End: end}
}

// someOfSeveral reports whether a count "A of B" or "A out of B" with A < B stands within
// the five words before token i, in its clause ("3 of 4 lesions resolved", "two out of
// three ulcers healed").
func someOfSeveral(toks []token, i int) bool {
	for a := i - 1; a >= max(0, i-5); a-- {
		if toks[a+1].brk {
			return false
		}
		x, ok := smallCount(toks[a].norm)
		if !ok {
			continue
		}
		k := a + 1
		if k < i && toks[k].norm == "out" {
			k++
		}
		if k+1 < i && toks[k].norm == "of" {
			if k+2 < i && toks[k+1].norm == "the" {
				k++ // "two of the three lesions"
			}
			// "2 of 6 cycles" counts the course, not sites
			if y, ok := smallCount(toks[k+1].norm); ok && x >= 1 && x < y && (k+2 >= i || !cellTimeWords[toks[k+2].norm]) {
				return true
			}
		}
	}
	return false
}

// smallCount reads a count written in digits or as a word ("three").
func smallCount(w string) (int, bool) {
	if n, err := strconv.Atoi(w); err == nil {
		return n, true
	}
	v, ok := units.NumberWord(w) // the dose reader's number words, one list for both
	return int(v), ok
}

// breakBetween reports whether clause punctuation stands before any of toks[a+1:b+1].
func breakBetween(toks []token, a, b int) bool {
	for k := a + 1; k <= b && k < len(toks); k++ {
		if toks[k].brk {
			return true
		}
	}
	return false
}

// applyNegation reads a negated target by its phrase's negated category: "did not improve"
// is none; a weak change word denied beside a measure it would have bettered is a
// non-response; a denied worsening is at most the absence of worsening, unless the cue
// states the halt of it outright; a phrase with no negated category keeps its own polarity.
func (c *compiled) applyNegation(text string, toks []token, t *target) {
	if t.entry.negated != CategoryUnknown {
		t.category = t.entry.negated
		t.rule = "negation"
		switch t.entry.role {
		case roleEfficacy:
			t.entry.role = rolePrimary // "was not effective" denies the benefit outright
		case roleWeak, roleMeasured:
			if c.measureChange(text, toks, *t) == 1 && c.measureAdjacent(toks, *t) {
				// "proteinuria did not decrease", "transfusions did not raise the
				// platelet counts": the benefit of a measure denied is a non-response
				t.entry.role, t.rule, t.benefitDenied = rolePrimary, "negation of a measure's change for the better", true
			}
		case roleNegOnly:
			// "no radiological change" alone is none; beside a stated response it is
			// one dimension that did not change (rule 8: any site improved is partial)
			t.entry.role, t.entry.secondary = rolePrimary, true
		case roleAbsent:
			t.entry.secondary = true // decides only alone (dropAbsentBesideOther)
		}
		if t.entry.category == Progression && t.negStates != CategoryUnknown && t.entry.role != roleRelapse {
			// "halted disease progression", "arrest of the decline": the course
			// stopped a worsening, which the cue says outright (stable disease)
			t.category, t.rule = t.negStates, "negation stating an outcome"
			t.entry.secondary = true // a response stated beside it is the better reading
		} else if t.entry.category == Progression && !t.benefitDenied {
			// "no signs of deterioration": the absence of worsening is no non-response
			t.entry.secondary = true
		}
	} else {
		t.negated = false // the phrase carries its own polarity ("no recurrence")
	}
}

// negationOfDegree adjusts a negated target t for a word of degree or a later response:
// a negation that denies only the degree ("did not regress completely", "have not been
// completely recovered", "was not fully normalised") leaves a response short of complete
// (rule 9); "not … until" says the response came later.
func negationOfDegree(toks []token, t *target) {
	if !t.negated || t.entry.marker {
		return
	}
	if degreeAt(toks, t.i) || t.quantity && t.entry.category == Complete && toks[t.i].norm == "100" || t.i > 0 && toks[t.i-1].norm == "100" {
		t.notFully = true // "have not been completely recovered", "not 100 % better": the phrase opens with the degree
	}
	if t.j < len(toks) && !toks[t.j].brk {
		switch {
		case degreeAt(toks, t.j):
			t.notFully = true // "did not regress completely", "did not subside totally"
		case untilAfter(toks, t.j) && t.entry.category.AtLeast(Partial):
			// "did not recover until electroconvulsive therapy had been given",
			// "improvement was not observed until tacrolimus was started": the response
			// came, later and perhaps with something else; a person decides
			t.negated, t.hedged, t.hedgeCue, t.rule = false, true, "until", "not … until: a later response"
		}
	}
	if t.negated && t.notFully && t.entry.category.AtLeast(Partial) {
		// "serum creatinine was not fully normalised", "did not fully recover": short of
		// complete, not none (rule 9)
		t.negated, t.category, t.rule = false, Partial, "not fully: partial"
	}
}
