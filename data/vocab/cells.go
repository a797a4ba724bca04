package vocab

import "strings"

// dropNotOutcomes drops, in one pass, the phrases that are no outcome statement where they
// stand: a phrase of role cell that is not the whole text, or the whole text but a time
// ("Good at 2 years", "Partial (17 m)"); a response word after "before" (notYet); a word of
// worsening that names a rate (eventRate); an "SD" that is a standard deviation
// (standardDeviation); and the name of an assessment (namesAnAssessment).
func dropNotOutcomes(text string, targets []target, toks []token) []target {
	keep := targets[:0]
	for _, t := range targets {
		if cellGradeOutOfPlace(text, toks, t) || standardDeviation(text, toks, t) || eventRate(toks, t) || notYet(toks, t) ||
			extendedToNumber(toks, t) || newFindingThatFell(toks, t) || namesAnAssessment(toks, t) || stopAsVerb(toks, t) {
			continue
		}
		if t.entry.role == roleCell && !wholeCell(toks, t) && clauseGrade(toks, t) {
			// "mo 3 same; mo 6 healed": the clause's grade yields to a stated outcome
			t.entry.secondary, t.timePoint = true, true
		}
		keep = append(keep, t)
	}
	return keep
}

// newFindingThatFell reports whether t, a new finding ("new blister formation", "new
// lesions"), is what fell: a word of fall right after it ("new blister formation decreased
// markedly"), "number", "frequency" or "rate" of it before it ("the number of new blisters
// fell"), or its count after it (countGiven: "new blisters/wk 30 → 5"). The change is the statement, read as a change of a measure; the new finding is its
// subject, not a worsening.
func newFindingThatFell(toks []token, t target) bool {
	if t.category != Progression || t.negated || !strings.HasPrefix(t.entry.normPhrase(), "new ") && toks[t.i].norm != "new" {
		return false
	}
	if t.i >= 2 && toks[t.i-1].norm == "of" && countOfWords[toks[t.i-2].norm] && !toks[t.i].brk && !toks[t.i-1].brk {
		return true
	}
	for x := t.j; x < len(toks) && x <= t.j+1; x++ {
		if toks[x].brk {
			return false
		}
		if wordFall[toks[x].norm] {
			return true
		}
	}
	return countGiven(toks, t.j)
}

// countGiven reports whether a count is given from token x on, after a rate's time ("/wk",
// "per day"): values with an arrow ("30 → 5", a change read as a measure's) or a zero ("0 at
// 48 h"). The new finding is then the count's name, not a worsening.
func countGiven(toks []token, x int) bool {
	for x < len(toks) && !toks[x].brk && (rateUnits[toks[x].norm] || toks[x].norm == "per") {
		x++
	}
	if x >= len(toks) || toks[x].brk || !isNumber(toks[x].norm) {
		return false
	}
	return toks[x].norm == "0" || x+1 < len(toks) && toks[x+1].arrow && isNumber(toks[x+1].norm)
}

// countOfWords before "of" make what follows a count that may fall: "the number of new blisters".
var countOfWords = map[string]bool{"number": true, "frequency": true, "rate": true, "count": true}

// extendedToNumber reports whether t, a weak word of worsening that ends in "to", reaches a
// number: "treatment extended to 6 months", "dose extended to 3 cycles" say how long, not
// where a lesion spread.
func extendedToNumber(toks []token, t target) bool {
	return t.entry.weak() && t.category == Progression && strings.HasSuffix(t.entry.normPhrase(), " to") &&
		t.j < len(toks) && !toks[t.j].brk && (isNumber(toks[t.j].norm) || doseCountWords[toks[t.j].norm])
}

// comparativeAfterSubject reports whether a cell grade that is a comparative ("better",
// "much better", "slightly better") ends its clause right after the clause's subject of one
// to three words, in a cell of short clauses, or before a follow-up time only: "symptoms
// better, FEV1 unchanged", "pain much better; rash persists", "ACT/SNOT better", "hearing much
// better at 2 wk" — the grade is the predicate of what
// changed, as "improved" would be. Not "better than expected" (the clause goes on), nor a
// subject of more words, where the comparative may qualify something else.
func comparativeAfterSubject(toks []token, t target) bool {
	if len(toks) > 24 || t.j == 0 || toks[t.j-1].norm != "better" {
		return false
	}
	for x := t.j; x < len(toks) && !toks[x].brk; x++ {
		if contrastOpeners[toks[x].norm] {
			break // "itch better but blisters continued": another statement begins
		}
		if !timeToken(toks[x]) || x == t.j && !cellTimeWords[toks[x].norm] {
			return false // "better than expected": the clause goes on; "hearing better at 2 wk" ends with its time
		}
	}
	subject := shortSubject(toks, t.i)
	if subject == nil {
		return false
	}
	for _, tk := range subject {
		if stopWords[tk.norm] || determiners[tk.norm] {
			return false
		}
	}
	return true
}

// shortSubject returns the words from the start of the clause up to toks[x] (not
// included) when they are one to three, the subject of a short predicate; else nil.
func shortSubject(toks []token, x int) []token {
	start := x
	for start > 0 && !toks[start].brk {
		start--
	}
	if x-start > 3 {
		// "the border is no longer violaceous and pain is gone": "and" after a statement with a
		// verb of its own opens another subject; so does a subordinator ("stopped wk 2 although
		// itch already much better")
		for a := x - 1; a > start && a >= x-4; a-- {
			if w := toks[a].norm; (w == "and" || w == "but") && hasCopula(toks[start:a]) || subordinators[w] {
				start = a + 1
				break
			}
		}
	}
	if n := x - start; n < 1 || n > 3 {
		return nil
	}
	return toks[start:x]
}

// hasCopula reports whether toks hold a linking verb or an auxiliary: a statement of their own.
func hasCopula(toks []token) bool {
	for _, tk := range toks {
		if linkingVerbs[tk.norm] || auxiliaries[tk.norm] {
			return true
		}
	}
	return false
}

// goneAfterSubject reports whether t, the word "gone", is the predicate of a short subject
// in a short cell: "chorea gone within days", "pain gone after 2 doses", "the rash was
// gone" — what was there is no more, as "disappeared". The subject is one to three words
// from the start of the clause (an article or possessive allowed), then only words of
// goneAux ("was", "had been", "not", "completely", "basically"); after "gone" the clause ends or a time
// follows ("within", "after", "by", "at", "in", "since", "on", "completely", or a time of a note: "wk20"). Not the patient
// as subject ("he had gone home"), nor a degree short of all ("almost gone": a person
// decides), nor "gone" alone in a cell; but "gone" opening the cell before a time ("gone
// after 1 session") is said of the disease the row is about.
func goneAfterSubject(toks []token, t target) bool {
	if len(toks) > 24 || t.j < len(toks) && !toks[t.j].brk && !goneAfter[toks[t.j].norm] && !(timeToken(toks[t.j]) && strings.ContainsAny(toks[t.j].norm, "0123456789")) {
		return false
	}
	x := t.i
	for x > 0 && !toks[x].brk && goneAux[toks[x-1].norm] {
		x--
	}
	if x > 0 && !toks[x].brk && notAll[toks[x-1].norm] {
		return false
	}
	if x == 0 && t.j < len(toks) && !toks[t.j].brk && goneAfter[toks[t.j].norm] {
		return true // "gone after 1 session", "gone in 3 wk": opening the cell, then its time
	}
	subject := shortSubject(toks, x)
	if subject == nil {
		return false
	}
	for k, tk := range subject {
		counted := k > 0 && subject[k-1].norm == "all" // "all 4 warts gone"
		if stopWords[tk.norm] || patientWords[tk.norm] || notAll[tk.norm] || deniedSubject[tk.norm] || responseNouns[tk.norm] || isNumber(tk.norm) && !counted || (determiners[tk.norm] || tk.norm == "a") && len(subject) == 1 {
			return false
		}
	}
	return true
}

// clearPredicate reports whether t, the word "clear", is the authors' grade of clearance
// said of the disease: as "gone" is, after a short subject ("psoriasis clear", "lesions clear
// at 3 mo", "acne clear, maintained at 1 yr"), or opening the cell with only words of
// completeness before it and its clause's end or a time after it ("clear at 3 mo",
// "completely clear"). Not denied ("not clear" is a doubt), nor said of a surgical margin
// ("margins clear").
func clearPredicate(toks []token, t target) bool {
	x := t.i
	for x > 0 && !toks[x].brk && goneAux[toks[x-1].norm] {
		if toks[x-1].norm == "not" {
			return false
		}
		x--
	}
	if x == 0 || toks[x].brk { // "clear at 3 mo", also as a clause of its own ("no new blisters, clear at 3 mo")
		return t.j == len(toks) || toks[t.j].brk || goneAfter[toks[t.j].norm]
	}
	if !goneAfterSubject(toks, t) {
		return false
	}
	for _, tk := range shortSubject(toks, x) {
		if tk.norm == "margin" || tk.norm == "margins" {
			return false
		}
	}
	return true
}

// A response noun (responseNouns) as the subject of "gone" makes it a benefit lost, not a
// lesion gone ("W12 effect gone, re-injection planned").
//
// goneAux may stand between a subject and "gone"; goneAfter may follow it in its clause;
// notAll before it make "gone" less than complete.
var (
	goneAux   = map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "had": true, "been": true, "not": true, "completely": true, "totally": true, "all": true, "basically": true, "essentially": true, "then": true}
	goneAfter = map[string]bool{"within": true, "after": true, "by": true, "at": true, "in": true, "since": true, "on": true, "completely": true}
	// deniedSubject are words of a negation that may stand where the subject would ("nowhere near
	// clear", "far from gone"): no subject
	deniedSubject = map[string]bool{"nowhere": true, "near": true, "far": true, "from": true, "never": true, "no": true, "hardly": true, "barely": true, "scarcely": true}
	notAll        = map[string]bool{"almost": true, "nearly": true, "virtually": true, "largely": true, "mostly": true, "partly": true, "partially": true, "practically": true}
)

// notYet reports whether a response word follows "before" within three words, in its clause:
// "lost to follow-up before hCG normalised", "died before achieving remission" — a response
// that had not come.
func notYet(toks []token, t target) bool {
	if !t.category.AtLeast(Minimal) || t.negated {
		return false
	}
	for x := t.i - 1; x >= max(0, t.i-3); x-- {
		if toks[x+1].brk {
			return false
		}
		if toks[x].norm == "before" {
			return true
		}
	}
	return false
}

// eventRate reports whether a word of worsening names the events a rate counts
// ("exacerbation frequency halved", "relapse rate fell"): the measure, not a worsening.
func eventRate(toks []token, t target) bool {
	return t.category == Progression && !t.negated && t.j < len(toks) && !toks[t.j].brk && rateNouns[toks[t.j].norm]
}

// rateNouns after a word of worsening make it the name of a count of events.
var rateNouns = map[string]bool{"frequency": true, "frequencies": true, "rate": true, "rates": true,
	"count": true, "interval": true, "intervals": true, "burden": true}

// standardDeviation reports whether the target is the word "SD" of a standard deviation, not
// stable disease: right after an opening parenthesis that follows a number, with a number
// after it ("62 % (SD 21)"), or with "mean" in the three words before it ("mean 4.1, SD
// 1.2"); "SD (10 m)" is stable disease for ten months.
func standardDeviation(text string, toks []token, t target) bool {
	if t.j-t.i != 1 || toks[t.i].norm != "sd" {
		return false
	}
	if t.i > 0 && t.j < len(toks) && isNumber(toks[t.i-1].norm) && isNumber(toks[t.j].norm) && !toks[t.j].brk &&
		strings.Contains(text[toks[t.i-1].end:toks[t.i].start], "(") {
		return true
	}
	for x := max(0, t.i-3); x < t.i; x++ {
		if toks[x].norm == "mean" {
			return true
		}
	}
	return deviationsOf(text, toks, t.i)
}

// deviationsOf reports whether the "SD" at toks[i] counts standard deviations of the number
// right before it: a signed or decimal number ("Ht -3 SD -> +0.67 SD") or one followed by
// "below" or "above" ("2 SD below the mean"); not "SD after cycle 2".
func deviationsOf(text string, toks []token, i int) bool {
	if i == 0 || toks[i].brk || !isNumber(toks[i-1].norm) {
		return false
	}
	// the tokenizer parts "+0.67" into "0" and "67": a sign or decimal point stands before
	// the number's token or inside it
	n := toks[i-1]
	signedOrDecimal := n.start > 0 && strings.IndexByte("-+.,", text[n.start-1]) >= 0 ||
		strings.ContainsAny(text[n.start:n.end], ".,+-")
	belowAbove := i+1 < len(toks) && !toks[i+1].brk && (toks[i+1].norm == "below" || toks[i+1].norm == "above")
	return signedOrDecimal || belowAbove
}

// wholeCell reports whether the target is the whole cell, but for a time after it
// ("No recurrence after 7 mo", "Stable at 2 years", "Dead 16 months later") or before it,
// set off by a comma or colon ("1 month, dead", "6 mo: stable"). Before it, a bare number
// or "n/a" set off by a comma, colon or dash is the follow-up of a "Follow-up
// (months)—outcome" column ("32—ANED", "24 - ANED", "n/a—ANED", "15, NED").
func wholeCell(toks []token, t target) bool {
	if t.i != 0 && !timeBefore(toks[:t.i], toks[t.i]) && !(t.i == 1 && yesWords[toks[0].norm] && t.entry.category.AtLeast(Minimal)) &&
		!(t.i == 1 && cellLabels[toks[0].norm] && (toks[1].comma || toks[1].dash)) {
		return false
	}
	for _, tk := range toks[t.j:] {
		if !timeToken(tk) {
			return false
		}
	}
	return true
}

// cellLabels name the column a grade answers, written before it with a colon or a dash:
// "Result: nil at 6 months", "Outcome - good".
var cellLabels = map[string]bool{"result": true, "results": true, "outcome": true, "response": true, "effect": true}

// yesWords, alone before a grade of response, answer a Response column's question with its
// degree: "Yes (partial)", "Yes, complete", "Y - CR"; "Yes, stable", "Yes, died" are left to
// a person (a response that held, or the answer of another column).
var yesWords = map[string]bool{"yes": true, "y": true}

// anchoredTime reports whether the tokens after a weak grade are a follow-up time tied to
// the course's own start or end, and nothing else: a number, its unit, an anchor word and
// up to three words of the event, the cell's last ("Asymptomatic 13+ mth after BMT",
// "Stable 2 years post surgery"). A later event ("… after surgery but recurred"), another
// step ("24 h after switching to canakinumab", "2 yrs after salvage RT") or a death
// ("Died 3 days after surgery", read by rule 4) are not.
func anchoredTime(toks []token, j int) bool {
	number := false
	for k := j; k < len(toks); k++ {
		tk := toks[k]
		if tk.brk {
			return false
		}
		if anchorWords[tk.norm] && number {
			rest := toks[k+1:]
			if len(rest) == 0 || len(rest) > 3 {
				return false
			}
			for _, e := range rest {
				if e.brk || !anchorEvents[e.norm] {
					return false
				}
			}
			return true
		}
		if !timeToken(tk) {
			return false
		}
		number = number || tk.norm != "" && isDigitByte(tk.norm[0])
	}
	return false
}

// anchorWords tie a cell's follow-up time to an event ("13 mth after BMT", "2 years post
// treatment"); anchorEvents are the words of the course's own start or end it may be tied to.
// A named procedure is not among them: "6 months after HSCT" in a row of the drug given
// before the transplant is the transplant's time.
var (
	anchorWords  = map[string]bool{"after": true, "post": true, "since": true, "following": true, "from": true}
	anchorEvents = map[string]bool{"treatment": true, "therapy": true, "start": true, "initiation": true,
		"infusion": true, "injection": true, "the": true, "last": true, "first": true, "dose": true, "course": true,
		"completion": true}
)

// timeBefore reports whether the tokens before a cell's grade are its follow-up time: a
// time set off by a comma or colon, or a bare number or "n/a" set off by a comma, colon or
// dash.
func timeBefore(before []token, grade token) bool {
	if !grade.brk && !grade.dash {
		return false
	}
	if grade.brk && timeOnly(before) {
		return true
	}
	// a bare number only before a comma, colon or dash: "2. Dead" or "4 | Dead" may be a
	// patient's number or another column
	if !grade.dash && !grade.comma {
		return false
	}
	if len(before) == 1 {
		return isNumber(before[0].norm) || before[0].norm == "na"
	}
	return len(before) == 2 && before[0].norm == "n" && before[1].norm == "a"
}

// timeToken reports whether tk is a number or a word of a time ("1month" is a number and a
// unit written together).
func timeToken(tk token) bool {
	return cellTimeWords[tk.norm] || isNumber(tk.norm) || cellTimeWords[strings.TrimLeft(tk.norm, "0123456789")] ||
		cellTimeWords[strings.TrimRight(tk.norm, "0123456789")] // "by d5", "at wk12", "POD3"
}

// cellTimeWords are the words of a time that may follow an outcome cell's grade.
var cellTimeWords = map[string]bool{"after": true, "at": true, "for": true, "later": true, "of": true, "on": true, "follow": true,
	"up": true, "followup": true, "fu": true, "d": true, "day": true, "days": true, "wk": true, "wks": true, "w": true,
	"week": true, "weeks": true, "mo": true, "mos": true, "m": true, "month": true, "months": true, "y": true,
	"yr": true, "yrs": true, "year": true, "years": true, "till": true, "until": true, "last": true,
	"cycle": true, "cycles": true, "course": true, "courses": true, "dose": true, "doses": true, "infusion": true,
	"infusions": true, "session": true, "sessions": true, "mth": true, "mths": true, "h": true, "hr": true,
	"hrs": true, "hour": true, "hours": true, "by": true, "within": true, "pod": true, "postop": true,
	"postoperatively": true, "post": true, "op": true, "j": true, "tx": true, "txs": true}

// wholeCellGrade reports whether a weak word is the whole cell ("Stable", "Resistant",
// "Effective" in a table's outcome column): alone it is the authors' grade of the course,
// not a word in passing. Words of persistence and of change stay weak even then: "Ongoing"
// or "Decreased" alone do not say what went on or what fell.
func wholeCellGrade(toks []token, t target) bool {
	if !wholeCell(toks, t) && !(t.i == 0 && anchoredTime(toks, t.j)) {
		return false
	}
	for _, tk := range toks[t.i:t.j] {
		if persistenceWords[tk.norm] || vagueChange[tk.norm] || stopWords[tk.norm] {
			return false
		}
	}
	return true
}

// lesionSubjectGrade reports whether a weak word of response is the whole cell but for the
// lesion it is said of, before it ("lesions flattened", "nodules softened", "the plaques
// lightened at 3 mo", "calcified nodules reduced"): a word of change said of what one sees of
// the disease is the authors' grade of it, as the word alone is (wholeCellGrade). A word
// of persistence or of stopping stays weak ("lesions persisted" is read elsewhere). So is a
// weak word of worsening, perhaps with where the lesion went ("lesions spread to the trunk",
// "the rash extended to both arms"): not a relapse, whose time decides.
func lesionSubjectGrade(toks []token, t target) bool {
	worse := t.entry.category == Progression && t.entry.role != roleRelapse
	if t.i == 0 || t.i > 3 || !t.entry.category.AtLeast(Minimal) && !worse || t.negated || t.hedged {
		return false
	}
	for _, tk := range toks[t.i:t.j] {
		if persistenceWords[tk.norm] || stopWords[tk.norm] {
			return false
		}
	}
	noun := false
	for x, tk := range toks[:t.i] {
		switch {
		case x > 0 && tk.brk:
			return false
		case lesionNouns[tk.norm]:
			noun = true
		case tk.norm == "the" || tk.norm == "all" || tk.norm == "calcified" || tk.norm == "cutaneous" || tk.norm == "skin":
		default:
			return false
		}
	}
	if !noun {
		return false
	}
	rest := t.j
	if worse {
		rest = siteAfter(toks, t.j, !strings.HasSuffix(t.entry.normPhrase(), " to"))
	}
	for _, tk := range toks[rest:] {
		if !timeToken(tk) {
			return false
		}
	}
	return true
}

// lesionNouns are what one sees of a disease on the skin or on imaging, the subject of its
// response in a terse cell.
var lesionNouns = map[string]bool{"lesion": true, "lesions": true, "nodule": true, "nodules": true, "plaque": true,
	"plaques": true, "ulcer": true, "ulcers": true, "papules": true, "papule": true, "keloid": true, "keloids": true,
	"calcinosis": true, "deposits": true, "deposit": true, "calcification": true, "calcifications": true,
	"pigmentation": true, "hyperpigmentation": true, "patches": true, "patch": true, "rash": true, "erythema": true,
	"induration": true, "warts": true, "wart": true, "macules": true, "scars": true, "scar": true, "tumour": true,
	"tumor": true, "mass": true, "masses": true}

// timeOnly reports whether a cell holds only a time ("14 days follow-up", "6 mo"): at least
// one number and a unit, nothing else.
func timeOnly(toks []token) bool {
	number, unit := false, false
	for _, tk := range toks {
		switch {
		case isNumber(tk.norm):
			number = true
		case cellTimeWords[tk.norm] && !isNumber(tk.norm):
			unit = unit || tk.norm != "after" && tk.norm != "at" && tk.norm != "for" && tk.norm != "of" && tk.norm != "on"
		case cellTimeWords[strings.TrimLeft(tk.norm, "0123456789")] && tk.norm != strings.TrimLeft(tk.norm, "0123456789"):
			number, unit = true, true
		default:
			return false
		}
	}
	return number && unit
}

// dropSourceNote returns the tokens of text without a note of where the extractor took the
// cell from, in parentheses at its end: "markedly effective (title)", "resolved (per
// abstract)", "CR (authors' words)". Such a note says nothing of the outcome, and read as
// words it would make a terse cell look like a longer statement.
func dropSourceNote(text string, toks []token) []token {
	end := strings.TrimRight(text, " .")
	if !strings.HasSuffix(end, ")") {
		return toks
	}
	open := strings.LastIndexByte(end, '(')
	if open < 0 {
		return toks
	}
	k := len(toks)
	for k > 0 && toks[k-1].start > open {
		k--
	}
	if k == 0 || k == len(toks) {
		return toks
	}
	named := false
	for _, tk := range toks[k:] {
		switch {
		case sourceNouns[tk.norm]:
			named = true
		case !sourceFillers[tk.norm]:
			return toks
		}
	}
	if !named {
		return toks
	}
	return toks[:k]
}

// sourceNouns name the part of a report a cell was taken from; sourceFillers may stand
// beside them in the note ("as per the abstract", "authors' words").
var (
	sourceNouns = map[string]bool{"title": true, "abstract": true, "authors": true, "author": true,
		"summary": true, "figure": true, "fig": true, "table": true}
	sourceFillers = map[string]bool{"per": true, "as": true, "from": true, "in": true, "the": true, "of": true,
		"words": true, "wording": true, "only": true, "stated": true, "by": true, "see": true}
)

// cellGradeOutOfPlace reports whether t is a phrase of role cell where it is no grade: not
// the whole cell, nor a comparative after a short subject (comparativeAfterSubject); "gone"
// is a grade only after a short subject (goneAfterSubject), never alone; "clear" is one
// also as a predicate (clearPredicate).
func cellGradeOutOfPlace(text string, toks []token, t target) bool {
	if t.entry.role == roleCell && t.j-t.i == 1 && toks[t.i].norm == "gone" {
		return !goneAfterSubject(toks, t)
	}
	if t.entry.role == roleCell && t.j-t.i == 1 && toks[t.i].norm == "clear" && clearPredicate(toks, t) {
		return false
	}
	return t.entry.role == roleCell && !wholeCell(toks, t) && !comparativeAfterSubject(toks, t) && !gradeWithNote(text, toks, t) &&
		!clauseGrade(toks, t)
}

// clauseGrade reports whether the cell grade t is a word of no change (clauseGradeWords)
// that is the whole of its clause, but for a time before it, a short subject and a time
// after it: "mo 3 same; mo 6 same; stopped", "wk 8 lesions same" — each clause a time
// point's grade, as the word alone grades a cell; a secondary one (dropNotOutcomes sets
// target.timePoint), which yields to any other statement of the outcome ("Pain improved;
// lesions same", "itch halved; … wk 12 same"). Not "same dose continued", "same as before",
// "the same patient".
func clauseGrade(toks []token, t target) bool {
	for _, tk := range toks[t.i:t.j] {
		if !clauseGradeWords[tk.norm] {
			return false
		}
	}
	start := t.i
	for start > 0 && !toks[start].brk {
		start--
	}
	x := start
	for x < t.i && timeToken(toks[x]) {
		x++
	}
	if t.i-x > 2 {
		return false
	}
	for ; x < t.i; x++ {
		if stopWords[toks[x].norm] || determiners[toks[x].norm] || isNumber(toks[x].norm) {
			return false
		}
	}
	for x = t.j; x < len(toks) && !toks[x].brk; x++ {
		if !timeToken(toks[x]) {
			return false
		}
	}
	return true
}

// clauseGradeWords grade a clause of a cell alone (clauseGrade).
var clauseGradeWords = map[string]bool{"same": true, "static": true, "stationary": true}

// gradeWithNote reports whether the cell grade t opens the cell and only a note in
// parentheses follows it: "Good (physician global)", "Fair (PASI 40)", "Excellent (>75 %
// repigmentation)" — the grade is the whole cell's, and the note details it (what the note
// states is read as such a detail: secondary). Not a state that grades no response ("Alive
// (NED)").
func gradeWithNote(text string, toks []token, t target) bool {
	if t.i != 0 || t.j >= len(toks) || !t.entry.category.Ordered() {
		return false // "Alive (NED)": a state, whose note may say more than it
	}
	rest := strings.TrimSpace(text[toks[t.j-1].end:])
	return len(rest) > 2 && rest[0] == '(' && rest[len(rest)-1] == ')' && strings.Count(rest, "(") == 1 && strings.Count(rest, ")") == 1
}

// contrastOpeners open a statement of their own after a terse comparative ("itch better but
// blisters continued", "pain better whereas the ulcer grew").
var contrastOpeners = map[string]bool{"but": true, "whereas": true, "while": true, "although": true, "though": true}
