package vocab

import (
	"strconv"
	"strings"
)

// rollUpBeside applies rule 8 and rule 3 to a confident reading (low is "") whose
// decisive statement is live[decisive]: a lesser response after a complete one, and a
// worsening after a non-response.
//
// It returns the index in live of a statement that rule 8 read beside the decisive one as
// part of the roll-up (a finding that persisted), which is then no disagreement; -1 if none.
func (c *compiled) rollUpBeside(text string, toks []token, ends []bool, live []target, decisive int, low string, persisted func(target) bool, res *OutcomeMatch) (rolledUp int) {
	c.partialBesideComplete(text, toks, live, decisive, low, res)
	rolledUp = persistedBesideComplete(text, toks, live, decisive, low, persisted, res)
	residueBesideComplete(text, toks, ends, live, decisive, low, res)
	worseningBesideNone(text, live, decisive, low, res)
	return rolledUp
}

// partialBesideComplete reads res, whose decisive statement live[decisive] is complete
// and confident (low is ""), as partial when a response short of complete is stated
// after it: "remission of eosinophilic pneumonia and sinusitis … marked improvement in
// cardiac contractility", "the uveitis resolved, improving the neurological symptoms".
// Rule 8: complete only when every manifestation is gone; one gone and another only
// improved is partial.
//
// Not counted: a response before the complete one (often the same finding on its way:
// "improved and then disappeared on day 17"); a word that sums the course up ("sustained
// virological response was achieved", "overall clinical improvement"); a function
// regained ("return to work", "weaned off milrinone"); and a change followed by the
// value it reached or by "normal" ("improved to normal ambulatory status", "decreased to
// 1-2 times/day"), which may be a return to normal; the patient as its subject ("the
// rash cleared and the patient improved"), which sums the course up; the patient's general
// state or a harm of the treatment as its object ("quality of life improved", "her mood
// improved", "the drug-induced rash improved"), which is not the treated disease; and a
// later time label before it ("3 mo: CR; 12 mo: PR"), which orders the two by time.
func (c *compiled) partialBesideComplete(text string, toks []token, live []target, decisive int, low string, res *OutcomeMatch) {
	if low != "" || decisive < 0 || res.Category != Complete || live[decisive].category != Complete || live[decisive].negated || live[decisive].quantity {
		return
	}
	d := live[decisive]
	for k, t := range live {
		if k == decisive || t.negated || t.hedged || t.history || t.transient || t.entry.weak() || t.entry.secondary {
			continue
		}
		if t.quantity {
			if !c.shareOfSite(text, toks, t) || !breakBetween(toks, min(t.j, d.j)-1, max(t.i, d.i)) || timedApart(toks, t, d) ||
				laterBetween(toks, min(t.j, d.j), max(t.i, d.i)) {
				continue
			}
		} else {
			p := t.entry.normPhrase()
			if t.i < d.j || t.category != Partial && !(t.category == Minimal && t.graded) || summaryResponse[p] || regainedFunction(p) ||
				valueReachedAfter(toks, t.j) || patientBefore(toks, t.i) || notTheDisease(toks, t) || timeBetween(text, toks, max(d.j, t.i-3), t.i) {
				continue
			}
		}
		res.Category, res.Code = Partial, Partial.Code()
		res.Evidence.Rule += " (rule 8: beside a response short of complete: " + text[t.start:t.end] + ")"
		return
	}
}

// shareOfSite reports whether the quantity t states a site's response short of complete: a
// percentage or a size that fell by less than all of it (minimal or partial), or a value
// brought nearer its reference interval but not into it. Another laboratory value's fall
// is not counted: one that falls to near normal is read as partial (rule 5), and
// beside a symptom gone it is the same recovery, not a site that responded less.
func (c *compiled) shareOfSite(text string, toks []token, t target) bool {
	if t.category != Partial && t.category != Minimal {
		return false
	}
	if t.rule == ruleAgainstInterval {
		return true // short of its reference interval: not the same recovery as a symptom gone
	}
	if strings.HasPrefix(t.rule, "percent") {
		// a percentage of a laboratory value ("CRP fell 30 %") is no site: only one of
		// no named measure, or of a lesion's or the disease's own measure
		lo, _ := clauseAround(toks, t.i)
		term, _, named := c.measureBefore(toks[lo:], t.i-lo)
		last := term[strings.LastIndexByte(term, ' ')+1:]
		return !named || diseaseMeasures[term] || diseaseMeasures[last] || lesionMeasures[term]
	}
	p := text[t.start:t.end]
	return strings.Contains(p, "cm") || strings.Contains(p, "mm")
}

// timedApart reports whether the clauses of t and of d each give a time ("50 % smaller at 3
// mo, resolved at 6 mo"): two times of one finding on its way, not two sites.
func timedApart(toks []token, t, d target) bool {
	return clauseHasTime(toks, t) && clauseHasTime(toks, d)
}

// clauseHasTime reports whether a unit of time stands in the clause of t.
func clauseHasTime(toks []token, t target) bool {
	lo, hi := clauseAround(toks, t.i)
	for x := lo; x < hi; x++ {
		if labelUnits[toks[x].norm] && x > 0 && isNumber(toks[x-1].norm) {
			return true
		}
	}
	return false
}

// lesionMeasures are the measures of scores.tsv that are lesions one can see or image, whose
// percentage is a site's response ("calcinosis reduced by 30 %").
var lesionMeasures = map[string]bool{"calcinosis": true, "calcification": true, "calcifications": true,
	"deposits": true, "calcium deposits": true, "ulcer": true, "ulcers": true, "plaque": true, "plaques": true,
	"erythema": true, "induration": true, "granuloma": true, "granulomas": true, "cyst": true, "cysts": true,
	"polyp": true, "polyps": true, "wound area": true, "ulcer area": true, "ulcer size": true, "wound size": true,
	"infiltrate": true, "lymph nodes": true, "lymph node": true, "lymphadenopathy": true}

// persistedBesideComplete reads res, whose decisive statement is complete and confident,
// as partial when a later sentence ends with something else that persisted ("itch
// resolved, rash persisted", "… resolution of cranial nerve palsies, though the ptosis
// persisted"): rule 8, one manifestation gone and another not. persisted says whether a
// weak word of persistence ends its sentence after a thing that persisted and is read
// strongly there (a good state that persisted, "remained asymptomatic", is not).
func persistedBesideComplete(text string, toks []token, live []target, decisive int, low string, persisted func(target) bool, res *OutcomeMatch) int {
	if low != "" || decisive < 0 || res.Category != Complete || live[decisive].category != Complete || live[decisive].negated {
		return -1
	}
	d := live[decisive]
	for k, t := range live {
		if k == decisive || t.i < d.j || t.negated || t.hedged || t.history || t.quantity || t.category != None {
			continue
		}
		if t.entry.weak() && persisted(t) || !t.entry.weak() && notImprovedOfOther(toks, t) {
			res.Category, res.Code = Partial, Partial.Code()
			res.Evidence.Rule += " (rule 8: beside something that persisted: " + text[t.start:t.end] + ")"
			return k
		}
	}
	return -1
}

// notImprovedOfOther reports whether t states that something named did not improve: a
// phrase of notImproved with a noun right before it ("renal function was not improved",
// "uveitis did not improve") or, for "no improvement", "in"/"of" and a noun after it ("no
// improvement in arthritis"); not a pronoun or a function word ("…, but did not improve
// further" says it of the response itself).
func notImprovedOfOther(toks []token, t target) bool {
	p := t.entry.normPhrase()
	if !notImproved[p] {
		return false
	}
	if strings.HasPrefix(p, "no ") {
		return t.j+1 < len(toks) && !toks[t.j].brk && (toks[t.j].norm == "in" || toks[t.j].norm == "of") &&
			!functionWords[toks[t.j+1].norm]
	}
	x := t.i - 1
	for x >= 0 && (toks[x].norm == "was" || toks[x].norm == "were" || toks[x].norm == "has" || toks[x].norm == "had") && !toks[x+1].brk {
		x--
	}
	return x >= 0 && !toks[x+1].brk && !functionWords[toks[x].norm] && !patientWords[toks[x].norm] && !isNumber(toks[x].norm)
}

// notImproved are the phrases that say a finding did not get better.
var notImproved = map[string]bool{"not improved": true, "did not improve": true, "no improvement": true,
	"failed to improve": true, "did not resolve": true, "not resolved": true}

// patientWords name the patient, whose state sums the course up.
var patientWords = map[string]bool{"patient": true, "patients": true, "pt": true, "he": true, "she": true, "child": true,
	"boy": true, "girl": true, "man": true, "woman": true, "infant": true}

// persistedIn returns the test persistedBesideComplete asks of a statement of text: a weak
// word of persistence that ends its sentence and is read strongly there ("rash persisted"),
// or "stable" right after a lower-is-better measure of scores.tsv ("calcinosis stable": a
// manifestation that did not change).
func (c *compiled) persistedIn(text string, toks []token) func(target) bool {
	return func(t target) bool {
		if toks[t.i].norm == "stable" && t.i+1 == t.j {
			return c.betterRightBefore(toks, t.i) == "lower"
		}
		return persistedAtEnd(text, toks, t) && c.strongInContext(text, toks, t)
	}
}

// summaryResponse are response words that sum a course up rather than name a finding:
// after a complete response they restate it.
var summaryResponse = map[string]bool{"response": true, "responded": true, "clinical response": true,
	"clinical improvement": true, "improvement": true, "treatment response": true, "durable response": true}

// regainedFunction reports whether phrase p says the patient got a function or life back
// ("return to sports activity", "returned to work") or came off a support ("weaned off",
// "stopped dialysis"), which beside a complete response supports it.
func regainedFunction(p string) bool {
	for _, w := range []string{"return ", "returned ", "back to", "weaned", "off ", "stopped ", "discharged"} {
		if strings.HasPrefix(p, w) {
			return true
		}
	}
	return false
}

// valueReachedAfter reports whether a number or a word of normality follows within
// four words of token j in the same clause ("improved to normal", "decreased to 1-2").
func valueReachedAfter(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+4; k++ {
		if toks[k].brk {
			return false
		}
		if isNumber(toks[k].norm) || strings.HasPrefix(toks[k].norm, "normal") || toks[k].norm == "baseline" {
			return true
		}
	}
	return false
}

// patientBefore reports whether the patient is the subject right before token i ("the
// patient improved", "she clinically improved").
func patientBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2 && !toks[k+1].brk; k-- {
		switch toks[k].norm {
		case "patient", "patients", "he", "she", "child", "boy", "girl", "man", "woman", "infant":
			return true
		}
	}
	return false
}

// worseningBesideNone reads res, whose confident decisive statement is a non-response, as
// progression when a worsening on the course is stated beside it: "no improvement, and
// she developed pericarditis", "failed to respond and his perianal disease worsened",
// "the lesion continued to enlarge". The best response on the course was none, but the
// course ended in worsening (rule 3, progression: worsening on the course). Stable
// disease before a progression stays the best overall response, as in RECIST ("3 mo: SD;
// 6 mo: PD" = none).
func worseningBesideNone(text string, live []target, decisive int, low string, res *OutcomeMatch) {
	if low != "" || decisive < 0 || res.Category != None || stableState(live[decisive].entry.normPhrase()) {
		return
	}
	for k, t := range live {
		if k == decisive || t.i < live[decisive].j || t.negated || t.hedged || t.history || t.after || t.category != Progression ||
			t.entry.weak() || t.entry.role == roleRelapse || t.entry.role == roleDeath || t.entry.role == roleAdverse {
			continue
		}
		res.Category, res.Code = Progression, Progression.Code()
		res.Evidence.Rule += " (a worsening beside it: " + text[t.start:t.end] + ")"
		return
	}
}

// stableState reports whether phrase p states stable disease ("SD", "stable disease",
// "stabilised").
func stableState(p string) bool {
	return p == "sd" || strings.Contains(p, "stable") || strings.Contains(p, "stabili")
}

// partOnly reports whether the complete response target t is said of only part of its
// object (rule 8: partial): "3 of 4 lesions resolved", "resolution of most ulcerations",
// "almost all lesions disappeared".
func partOnly(toks []token, t target) bool {
	return someOfSeveral(toks, t.i) || someOfSeveralAfter(toks, t.j) || partOfAfter(toks, t.j) || partOfBefore(toks, t.i)
}

// someOfSeveralAfter reports whether "in", "of" or "at" and a count "A of B" with A < B
// follow the complete response word ending before token j, in its clause: "resolved in 2
// of 3 lesions", "healing of two out of four ulcers" (rule 8: partial).
func someOfSeveralAfter(toks []token, j int) bool {
	if j+3 >= len(toks) || toks[j].brk {
		return false
	}
	switch toks[j].norm {
	case "in", "of", "at":
	default:
		return false
	}
	k := j + 1
	x, ok := smallCount(toks[k].norm)
	if !ok || x < 1 {
		return false
	}
	k++
	if k < len(toks) && toks[k].norm == "out" {
		k++
	}
	if k+1 >= len(toks) || toks[k].norm != "of" || toks[k].brk || toks[k+1].brk {
		return false
	}
	y, ok := smallCount(toks[k+1].norm)
	// "in 2 of 6 cycles" counts the course, not sites
	return ok && x < y && (k+2 >= len(toks) || !cellTimeWords[toks[k+2].norm])
}

// partOfAfter reports whether the complete response word ending before token j is said
// of only part of its object: "resolution or healing of most ulcerations", "disappearance
// of some of the nodules", "healing of the majority of lesions" (rule 8: partial).
func partOfAfter(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+4; k++ {
		if toks[k].brk {
			return false
		}
		if toks[k].norm != "of" || k+1 >= len(toks) {
			continue
		}
		n := toks[k+1].norm
		if n == "the" && k+2 < len(toks) {
			n = toks[k+2].norm
		}
		switch n {
		case "most", "some", "several", "many", "majority", "part", "parts":
			return true
		case "all", "almost", "nearly":
			return allButAt(toks, k+1)
		}
	}
	return false
}

// generalState are the patient's general state and a treatment's harm: a response of
// them beside a complete response of the disease is not the disease's (rule 8 does not
// apply).
var generalState = map[string]bool{"quality": true, "condition": true, "performance": true, "mood": true,
	"appetite": true, "development": true, "well-being": true, "wellbeing": true, "energy": true,
	"functional": true, "induced": true, "drug-induced": true, "related": true, "treatment-related": true,
	"toxicity": true, "side": true, "adverse": true, "neutropenia": true}

// notTheDisease reports whether a word of generalState stands within four words before or
// after target t in its clause ("her general condition improved", "improvement in quality
// of life", "the treatment-related neutropenia improved").
func notTheDisease(toks []token, t target) bool {
	for k := t.i - 1; k >= 0 && k >= t.i-4 && !toks[k+1].brk; k-- {
		if generalState[toks[k].norm] {
			return true
		}
	}
	for k := t.j; k < len(toks) && k < t.j+4 && !toks[k].brk; k++ {
		if generalState[toks[k].norm] {
			return true
		}
	}
	return false
}

// timeBetween reports whether a word of time stands between tokens from and to (the
// words before the lesser response at token to, in its clause or before a colon): it is given at another
// time ("3 mo: CR; 12 mo: PR", "resolved; at 12 months improved"), which the time rules
// order, not rule 8.
func timeBetween(text string, toks []token, from, to int) bool {
	for k := to - 1; k >= from && k >= 0 && (!toks[k+1].brk || strings.Contains(text[toks[k].end:toks[k+1].start], ":")); k-- {
		if labelUnits[toks[k].norm] {
			return true
		}
	}
	return false
}

// labelUnits are the units of a time label ("12 mo", "at 6 months").
var labelUnits = map[string]bool{"d": true, "day": true, "days": true, "wk": true, "wks": true, "week": true,
	"weeks": true, "mo": true, "mos": true, "month": true, "months": true, "yr": true, "yrs": true, "year": true,
	"years": true}

// allButAt reports whether the words from token k say "all but", "all except", "almost
// all" or "nearly all": not every one.
func allButAt(toks []token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	a, b := toks[k].norm, toks[k+1].norm
	return a == "all" && (b == "but" || b == "except") || (a == "almost" || a == "nearly") && b == "all"
}

// partOfBefore reports whether "almost all", "nearly all", "all but" or "all except" stands
// within four words before token i in its clause ("almost all lesions disappeared").
func partOfBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && !toks[k+1].brk; k-- {
		if allButAt(toks, k) {
			return true
		}
	}
	return false
}

// gradeSitesCounted grades a complete response said of only some of the lesions (rule 8):
// "3 of 4 lesions resolved", "3/4 ulcers healed", "some nodules resolved" are partial; "a few
// AKs cleared" is minimal.
func gradeSitesCounted(text string, toks []token, t *target) {
	switch {
	case partOnly(toks, *t) || slashFraction(text, toks, t.i) || fractionAfter(text, toks, t.j) || countWordBefore(toks, t.i, "some") ||
		percentOfSitesBefore(text, toks, t.i):
		t.category, t.rule = Partial, "some of several sites: partial (rule 8)"
		if x, y, a, ok := sitesCounted(toks, t.i, t.j); ok && 2*x < y && a > 0 && toks[a-1].norm == "only" && !toks[a].brk &&
			!breakBetween(toks, t.j-1, len(toks)) {
			// "only 5 of 25 lesions cleared": the authors call a minority of the sites small
			// (rule 9: their own words), where "2/5 healed" is partial (rule 8), as is "only 2 of
			// 6 cleared; the rest flattened" (a statement after it may be of the other sites)
			t.category, t.rule = Minimal, "only a minority of several sites: minimal (rules 8 and 9)"
		}
	case countWordBefore(toks, t.i, "few"):
		t.category, t.rule = Minimal, "a few of several sites: minimal (rule 8)"
	}
}

// slashFraction reports whether a count "A/B" with 1 ≤ A < B stands at most two words before
// the complete response word at toks[i], in its clause: "2/5 healed", "3/4 ulcers healed"
// (rule 8: partial). A denominator of 7, 12 or 52 is the clinical notation of a time ("at
// 3/12": three months), and a count after a time word is a time.
func slashFraction(text string, toks []token, i int) bool {
	for a := i - 2; a >= max(0, i-4); a-- {
		if breakBetween(toks, a, i) {
			return false
		}
		if text[toks[a].end:toks[a+1].start] != "/" || a > 0 && (cellTimeWords[toks[a-1].norm] || toks[a-1].norm == "in" || toks[a-1].norm == "over") {
			continue
		}
		x, errX := strconv.Atoi(toks[a].norm)
		y, errY := strconv.Atoi(toks[a+1].norm)
		if errX == nil && errY == nil && partCount(x, y) {
			return true
		}
	}
	return false
}

// fractionAfter reports whether a count "A/B" or "A of B" with 1 ≤ A < B ≤ 100 follows
// right after the complete response word that ends before token j, in its clause, and what
// it counts is no time or treatment unit: "clinical cure 1/3 nails", "cleared 3 of 4 warts"
// (rule 8: partial); not "remitted 08/2004" (a date), "resolved 2 of 6 cycles", "recovered to
// 20/100" (a value reached). A denominator of 7, 12 or 52 is a time, as in slashFraction.
func fractionAfter(text string, toks []token, j int) bool {
	a := j
	if a+1 >= len(toks) || toks[a].brk {
		return false
	}
	b := a + 1
	if text[toks[a].end:toks[b].start] != "/" {
		if toks[b].norm != "of" || b+1 >= len(toks) {
			return false
		}
		b++
	}
	x, errX := strconv.Atoi(toks[a].norm)
	y, errY := strconv.Atoi(toks[b].norm)
	if errX != nil || errY != nil || !partCount(x, y) || y > 100 || toks[b].brk {
		return false
	}
	return b+1 >= len(toks) || toks[b+1].brk || !timeToken(toks[b+1]) && !responseLinks[toks[b+1].norm]
}

// partCount reports whether x of y is a count of some of several (1 ≤ x < y), not a time: a
// denominator of 7, 12 or 52 is the clinical notation of days, months or weeks ("3/12").
func partCount(x, y int) bool { return x >= 1 && x < y && y != 7 && y != 12 && y != 52 }

// countWordBefore reports whether the count word w stands at most three words before the
// complete response word at toks[i], in its clause, with what it counts between: "a few AKs
// cleared" (few), "some nodules resolved" (some). "A few days later the ulcer healed" counts
// days.
func countWordBefore(toks []token, i int, w string) bool {
	for k := i - 1; k >= 0 && k >= i-3 && !toks[k+1].brk; k-- {
		if toks[k].norm == w {
			return k+1 < i && !timeToken(toks[k+1])
		}
	}
	return false
}

// sitesCounted returns the count "A of B", "A out of B" or "A/B" (1 ≤ A < B, B no time's
// denominator) that stands within four words before token i or after token j in their
// clause: the sites that responded of all (gradeSitesCounted), and the token of A.
func sitesCounted(toks []token, i, j int) (x, y, at int, ok bool) {
	try := func(a int) (int, int, bool) {
		if a < 0 || a >= len(toks) {
			return 0, 0, false
		}
		b := a + 1
		for b < len(toks) && b < a+3 && (toks[b].norm == "of" || toks[b].norm == "out") && !toks[b].brk {
			b++
		}
		if b >= len(toks) || toks[b].brk {
			return 0, 0, false
		}
		x, okX := smallCount(toks[a].norm)
		y, okY := smallCount(toks[b].norm)
		if !okX || !okY || !partCount(x, y) || b == a+1 && toks[b].start-toks[a].end != 1 {
			return 0, 0, false // two numbers side by side are a count only with "/" between
		}
		return x, y, true
	}
	for a := i - 1; a >= max(0, i-4) && !toks[a+1].brk; a-- {
		if x, y, ok := try(a); ok {
			return x, y, a, true
		}
	}
	for a := j; a < min(len(toks), j+4); a++ {
		if toks[a].brk {
			break
		}
		if x, y, ok := try(a); ok {
			return x, y, a, true
		}
	}
	return 0, 0, 0, false
}
