package vocab

import (
	"strconv"
	"strings"
)

// Counts of people in an outcome text: they make it a statement about several patients
// (docs/outcomes.md rule 6), read as marker targets by countMarkers.

// personNouns are the plural nouns of people that a count before them makes a statement
// about several patients ("two adults", "both children"); "patients" and "cases" are marker
// phrases of outcomes.tsv on their own.
var personNouns = map[string]bool{"adults": true, "children": true, "women": true, "men": true,
	"sisters": true, "brothers": true, "siblings": true, "daughters": true, "sons": true,
	"boys": true, "girls": true, "infants": true, "neonates": true, "newborns": true,
	"adolescents": true, "twins": true, "individuals": true, "persons": true, "people": true,
	"kids": true, "toddlers": true, "babies": true, "residents": true, "inmates": true, "students": true,
	"soldiers": true, "workers": true}

// summaryWords name a summary of several patients' values, whose range follows; not
// after referenceWords ("normal range 50-80"), nor in a text about one patient ("his mean
// plasma ammonia"), whose mean is over time.
var (
	summaryWords    = map[string]bool{"median": true, "mean": true, "average": true}
	referenceWords  = map[string]bool{"normal": true, "reference": true, "therapeutic": true, "target": true}
	onePatientWords = map[string]bool{"he": true, "she": true, "his": true, "her": true, "him": true}
)

// familyBefore are the words before a count that make it the patient's family, not other
// patients: "her two sisters", "the first of three children", "a mother of two children",
// "she has 2 children".
var familyBefore = map[string]bool{"her": true, "his": true, "their": true, "its": true, "our": true,
	"of": true, "has": true, "had": true, "have": true, "with": true}

// countOrThe reports whether token x is a count ("five", "5") or "the" after one: what
// comes before "of" in "five of seven children", "five of the seven children".
func countOrThe(toks []token, x int) bool {
	if toks[x].norm == "the" && x > 0 && !toks[x].brk {
		x--
	}
	if toks[x].norm == "out" && x > 0 && !toks[x].brk {
		x-- // "three out of four children"
	}
	_, ok := smallCount(toks[x].norm)
	return ok
}

// groupLabel returns the end (exclusive) of a group label that opens the text, or 0: "all"
// or "both", perhaps with a count ("all three"), then a colon ("all three: disappearance of
// the mass"); or "both" or "all" then an adverb or a copula before the statement ("both
// successfully managed", "all were discharged"). Only the cell's first words are read so:
// inside a text "both" may be two flares or two drugs.
func groupLabel(text string, toks []token) int {
	if len(toks) < 2 || toks[0].norm != "all" && toks[0].norm != "both" {
		return 0
	}
	end := 1
	if _, ok := smallCount(toks[1].norm); ok && !toks[1].brk {
		end = 2
	}
	if end >= len(toks) {
		return 0
	}
	if next := toks[end]; next.comma && strings.Contains(text[toks[end-1].end:next.start], ":") {
		return end
	}
	if next := toks[end]; end == 1 && !next.brk && (strings.HasSuffix(next.norm, "ly") || groupCopulas[next.norm]) {
		return end
	}
	return 0
}

// groupCopulas after "both" or "all" make them the subject ("all were discharged").
var groupCopulas = map[string]bool{"were": true, "are": true, "had": true, "have": true}

// groupDeterminers before a plural noun of people make it a group: "the children", "most
// children", "all babies".
var groupDeterminers = map[string]bool{"the": true, "all": true, "most": true, "some": true, "these": true,
	"those": true, "many": true, "several": true}

// countWords are the words of a count of two or more people.
var countWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true,
	"twenty": true,
	"both":   true, "several": true, "many": true}

// countedFrom returns where the count of the person noun at k starts: a count word or a
// number of two or more right before it, or with one word between in the same clause
// ("two elderly women", "seven IVIG-treated children"), or a share of such a count ("five of
// seven children"); -1 when there is none, or when the count is of the patient's family
// (familyBefore: "a mother of two children").
func countedFrom(toks []token, k int) int {
	back := 2
	if k > 1 && (toks[k-1].dash || strings.HasSuffix(toks[k-1].norm, "ed")) {
		back = 3 // "seven IVIG-treated children", "seven IVIG treated children"
	}
	if k > 0 && groupDeterminers[toks[k-1].norm] && !toks[k].brk {
		return k - 1 // "the children improved", "most children", "all babies": several patients
	}
	for from := k - 1; from >= max(0, k-back); from-- {
		if toks[from+1].brk {
			return -1
		}
		w := toks[from].norm
		n, err := strconv.Atoi(w)
		switch {
		case !countWords[w] && err != nil:
			continue
		case err == nil && n < 2:
			return -1
		case w == "both" && k+1 < len(toks) && toks[k+1].norm == "and":
			return -1 // "in both children and adults": both … and joins two groups
		case from > 1 && toks[from-1].norm == "of" && !toks[from].brk && !toks[from-1].brk && countOrThe(toks, from-2):
			return from // "five of seven children", "five of the seven children": a share of several patients
		case from == 1 && toks[0].norm == "of" && !toks[from].brk && !namesOwnPatient(toks):
			return from // "of 12 infants in the series, 10 responded": the cell opens with the group
		case from > 0 && !toks[from].brk && familyBefore[toks[from-1].norm]:
			return -1 // "her two sisters", "a mother of two children": the patient's family
		}
		return from
	}
	return -1
}

// subsetPronouns after "N of" name a group spoken of before ("two of them").
var subsetPronouns = map[string]bool{"these": true, "them": true, "those": true}

// subsetVerbs, right after "N of these" or "N of those", make the count its verb's subject
// rather than a count of a noun that follows ("two of these lesions regressed" counts sites).
var subsetVerbs = map[string]bool{"had": true, "have": true, "has": true, "were": true, "was": true, "showed": true,
	"developed": true, "achieved": true, "experienced": true, "died": true, "remained": true, "responded": true,
	"required": true, "underwent": true, "received": true, "improved": true, "progressed": true, "relapsed": true,
	"recovered": true, "failed": true, "survived": true}

// subsetCountFrom returns where a count of a subset of a group starts when the pronoun at k
// ends it: a count ("twelve", "2", "one", "none", "both") opening a clause, then "of" and
// "them", or "these" / "those" before a verb ("Twelve of these progressed", "None of them
// responded"), with no plural noun of lesions or sites before it ("she had five warts; two of
// them cleared" counts warts; "all of them" and "most of them" are left to rule 8); -1
// otherwise.
func (c *compiled) subsetCountFrom(toks []token, k int) int {
	if k < 2 || !subsetPronouns[toks[k].norm] || toks[k-1].norm != "of" || toks[k-1].brk || toks[k].brk {
		return -1
	}
	from := k - 2
	w := toks[from].norm
	if from > 0 && !toks[from].brk && toks[from-1].norm == "in" {
		from-- // "improvement was seen in two of them": a share of several patients
	}
	if _, err := strconv.Atoi(w); err != nil && !countWords[w] && !subsetCounts[w] {
		return -1
	}
	if from > 0 && !toks[from].brk && toks[from].norm != "in" {
		return -1 // "the first two of them": not a count opening its clause
	}
	if toks[k].norm != "them" && (k+1 >= len(toks) || !subsetVerbs[toks[k+1].norm]) {
		return -1
	}
	if wordIn(toks, 0, from, siteNouns) || thingsBefore(toks, from) {
		return -1
	}
	drugs := 0
	for x := 0; x < from; x++ {
		if n, _ := c.drugTrie.longest(toks, x, nil); n > 0 {
			drugs++
			x += n - 1
		}
	}
	if drugs >= 2 {
		return -1 // "infliximab and adalimumab were tried; both of them failed": treatments
	}
	return from
}

// subsetCounts are the count words that open a subset but not a count of people before a
// noun ("one of them", "none of these", "all of them").
var subsetCounts = map[string]bool{"one": true, "none": true, "neither": true, "all": true, "half": true,
	"most": true, "some": true}

// siteNouns are plural nouns of lesions and sites: named before "two of them", they are what
// is counted ("five warts; two of them cleared"), not patients.
var siteNouns = map[string]bool{"lesions": true, "nodules": true, "warts": true, "ulcers": true, "tumors": true,
	"tumours": true, "metastases": true, "masses": true, "cysts": true, "sites": true, "plaques": true,
	"deposits": true, "areas": true, "eyes": true, "joints": true, "teeth": true, "nails": true, "fistulas": true,
	"fistulae": true, "abscesses": true, "aneurysms": true, "polyps": true, "stones": true, "episodes": true,
	"foci": true, "calculi": true, "thrombi": true, "emboli": true}

// groupNouns are the plural nouns of patients a subset may be counted from.
var groupNouns = map[string]bool{"patients": true, "cases": true, "subjects": true, "participants": true,
	"recipients": true, "individuals": true}

// notPlural are words ending in "s" that are not plural nouns.
var notPlural = map[string]bool{"this": true, "was": true, "has": true, "his": true, "hers": true, "its": true,
	"does": true, "thus": true, "always": true, "perhaps": true, "plus": true, "whereas": true, "besides": true,
	"across": true, "towards": true, "afterwards": true, "sometimes": true}

// thingsBefore reports whether a plural noun other than one of patients or people stands
// before token from, which "two of them" may then count ("the cycles … two of them were
// delayed", "both drugs … both of them failed"): a word of four letters or more ending in
// "s" but not in "ss", "us", "is" or "ous", nor a time unit.
func thingsBefore(toks []token, from int) bool {
	for x := 0; x < from; x++ {
		w := toks[x].norm
		if len(w) < 4 || !strings.HasSuffix(w, "s") || notPlural[w] || groupNouns[w] || personNouns[w] || timeUnits[w] ||
			strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") {
			continue
		}
		return true
	}
	return false
}

// timeUnits are plural words of time, which "two of them" does not count.
var timeUnits = map[string]bool{"days": true, "weeks": true, "months": true, "years": true, "hours": true}

// countMarkers finds the counts of patients that the marker phrases of outcomes.tsv do not
// name: "in 81%", "in 1 patient", "in two cases", "in 2/3", "(n = 27)", "two adults", "two of them", an
// interquartile range ("(IQR 5-40)"): a statement
// about a share of several patients (rule 6), not the outcome of one row. A mean with its spread
// ("19.0 ± 9.9") or a median is not among them: one patient's diary median or Holter mean is as
// common (docs/outcomes.md).
func (c *compiled) countMarkers(text string, toks []token) []target {
	var out []target
	if end := groupLabel(text, toks); end > 0 {
		// "all three: spontaneous disappearance of the mass", "both successfully managed
		// with stenting": the cell's subject is several patients
		out = append(out, target{i: 0, j: end, entry: outcomeEntry{phrase: "all N", marker: true}, rule: "phrase"})
	}
	bareCounts := bareCountsAfterIn(toks)
	for k := 1; k < len(toks); k++ {
		if toks[k-1].norm == "n" && isNumber(toks[k].norm) && strings.Contains(text[toks[k-1].end:toks[k].start], "=") {
			// "81.8% (n = 27) obtaining an improvement": a count of patients
			out = append(out, target{i: k - 1, j: k + 1, entry: outcomeEntry{phrase: "n = N", marker: true}, rule: "phrase"})
			continue
		}
		if toks[k].norm == "survival" && toks[k-1].norm == "free" && !toks[k].brk && survivalRate(text, toks, k) {
			// "relapse-free survival was 60 % at 2 years": a rate of several patients
			out = append(out, target{i: k, j: k + 1, entry: outcomeEntry{phrase: "survival N %", marker: true}, rule: "phrase"})
			continue
		}
		if personNouns[toks[k].norm] {
			if from := countedFrom(toks, k); from >= 0 {
				// "two adults", "both children", "three elderly women": several patients
				out = append(out, target{i: from, j: k + 1, entry: outcomeEntry{phrase: "N people", marker: true}, rule: "phrase"})
				continue
			}
		}
		if from := c.subsetCountFrom(toks, k); from >= 0 {
			// "Twelve of these progressed", "two of them improved": a subset of a group
			out = append(out, target{i: from, j: k + 1, entry: outcomeEntry{phrase: "N of them", marker: true}, rule: "phrase"})
			continue
		}
		if c.countSubject(toks, k) {
			// "Of the five treated with toxin, four showed complete resolution": a count is
			// the subject of the verb, so the statement is about a share of several patients
			out = append(out, target{i: k - 1, j: k + 1, entry: outcomeEntry{phrase: "N verb", marker: true}, rule: "phrase"})
			continue
		}
		if toks[k].norm == "range" && k+1 < len(toks) && isNumber(toks[k+1].norm) && wordIn(toks, 0, k, summaryWords) &&
			!referenceWords[toks[k-1].norm] && !wordIn(toks, 0, len(toks), onePatientWords) {
			// "median LPPAI reduction 60 % (range 20-90)": a summary of several patients and its
			// spread (an SD may be one patient's over time: "mean reduction in seizure frequency
			// 62 % (SD 21)")
			out = append(out, target{i: k, j: k + 1, entry: outcomeEntry{phrase: "range", marker: true}, rule: "phrase"})
			continue
		}
		if toks[k].norm == "iqr" || toks[k].norm == "interquartile" {
			// "median SALT 90 -> 20 (IQR 5-40)": a spread across patients
			out = append(out, target{i: k, j: k + 1, entry: outcomeEntry{phrase: "IQR", marker: true}, rule: "phrase"})
			continue
		}
		if toks[k-1].norm == "in" && (toks[k].norm == "all" || toks[k].norm == "both") && (k+1 == len(toks) || toks[k+1].brk) {
			// "treatment effective in all", "remission in both": every one of several patients
			out = append(out, target{i: k - 1, j: k + 1, entry: outcomeEntry{phrase: "in all", marker: true}, rule: "phrase"})
			continue
		}
		if toks[k-1].norm != "in" || !isNumber(toks[k].norm) && !countWords[toks[k].norm] {
			continue
		}
		next := ""
		if k+1 < len(toks) {
			next = toks[k+1].norm
		}
		rest := strings.TrimLeft(text[toks[k].end:], " ")
		if isNumber(toks[k].norm) && (strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "/") && fraction(toks[k].norm, next)) ||
			next == "patient" || next == "case" || next == "patients" || next == "cases" || bareCounts >= 2 && bareCountAfterIn(toks, k) {
			out = append(out, target{i: k - 1, j: k + 1, entry: outcomeEntry{phrase: "in N", marker: true}, rule: "phrase"})
		}
	}
	return out
}

// bareCountAfterIn reports whether toks[k], after "in", is a whole number that ends its
// clause: with a second such count in the text ("complete response in 3, partial in 2") they
// count patients, where "in 3 months" or "in 3 wk" would name a time.
func bareCountAfterIn(toks []token, k int) bool {
	return k > 0 && toks[k-1].norm == "in" && wholeNumber(toks[k].norm) && (k+1 == len(toks) || toks[k+1].brk)
}

// bareCountsAfterIn counts the tokens of toks that bareCountAfterIn accepts.
func bareCountsAfterIn(toks []token) int {
	n := 0
	for k := range toks {
		if bareCountAfterIn(toks, k) {
			n++
		}
	}
	return n
}

// wholeNumber reports whether w is written with digits only.
func wholeNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return w != ""
}

// subjectJoins are the words after which a count may open a clause of its own ("and three
// were treated successfully", "whereas two relapsed").
var subjectJoins = map[string]bool{"and": true, "whereas": true, "while": true, "but": true}

// countVerbs are the verbs a bare count may be the subject of (countSubject): subsetVerbs and
// the verbs of reaching a state ("five became seizure-free", "three are in remission").
var countVerbs = map[string]bool{"became": true, "stayed": true, "attained": true, "went": true, "are": true, "remain": true,
	"obtained": true, "demonstrated": true, "reached": true, "regained": true, "entered": true}

// countLabels before a number make it a label, not a count: "(Fig. 3) showed", "Case no. 3
// improved", "Patient 2 achieved".
var countLabels = map[string]bool{"fig": true, "figs": true, "figure": true, "figures": true, "table": true,
	"no": true, "nos": true, "number": true, "case": true, "patient": true, "pt": true, "pts": true, "grade": true,
	"stage": true, "type": true, "cycle": true, "day": true, "week": true, "month": true, "year": true, "part": true,
	"group": true, "arm": true, "panel": true, "step": true, "level": true, "class": true, "lesion": true}

// countSubject reports whether the verb at k (countVerbs) has a bare count of two or more as
// its subject, the count opening its clause: "four showed complete resolution", "2 responded
// but recurred", "and three were treated successfully", "2/3 improved", "2 of 3 responded",
// "all three responded". A number after a
// label is none ("(Fig. 3) showed", "Case no. 3 improved"), nor is the second number of a
// ratio ("titer (1:4) was the same"); a count after a plural noun of lesions, sites or things
// counts those ("five warts; two regressed"; a drug's name, "treated with corticosteroids",
// is no such noun).
func (c *compiled) countSubject(toks []token, k int) bool {
	if !subsetVerbs[toks[k].norm] && !countVerbs[toks[k].norm] || toks[k].brk {
		return false
	}
	x := ofGroupBefore(toks, k-1)
	w := toks[x].norm
	n, err := strconv.Atoi(w)
	switch {
	case err == nil && n < 2, err != nil && (!countWords[w] || w == "both" || w == "several" || w == "many"):
		return false
	case x > 0 && countLabels[toks[x-1].norm]:
		return false
	case x > 0 && isNumber(toks[x-1].norm):
		// "2/3 improved" is a share of patients; "titer (1:4) was the same" a ratio
		if toks[x].brk || !fraction(toks[x-1].norm, w) || toks[x].start-toks[x-1].end != 1 {
			return false
		}
		x--
	case x > 1 && toks[x-1].norm == "of" && !toks[x].brk && !toks[x-1].brk:
		// "2 of 3 responded", "two of five improved": a share of patients
		if _, ok := smallCount(toks[x-2].norm); !ok {
			return false
		}
		x -= 2
	}
	if scheduleBefore(toks, x) {
		return false // "rituximab on days 1 and 15 was given", "at weeks 0, 2 and 6 was given": a schedule
	}
	if x > 0 && (toks[x-1].norm == "all" || toks[x-1].norm == "only") && !toks[x].brk {
		x-- // "all three responded", "only two improved"
	}
	if x > 0 && !toks[x].brk && !subjectJoins[toks[x-1].norm] {
		return false
	}
	return !wordIn(toks, 0, x, siteNouns) && !c.thingsNamed(toks, x)
}

// scheduleBefore reports whether the number at toks[x] ends a list of numbers after a word of
// time ("days 1 and 15", "weeks 0, 2 and 6", "cycles 1-3"): the days of a schedule, not a
// count of patients.
func scheduleBefore(toks []token, x int) bool {
	for y := x - 1; y >= 0 && x-y <= 8; y-- {
		switch w := toks[y].norm; {
		case timeUnitWords[w] || scheduleCounts[w]:
			return true
		case isNumber(w) || w == "and" || w == "to":
			continue
		}
		return false
	}
	return false
}

// scheduleCounts, besides the units of time, name the steps of a schedule a list of numbers
// follows ("cycles 1 and 2").
var scheduleCounts = map[string]bool{"cycle": true, "cycles": true, "dose": true, "doses": true}

// ofGroupBefore returns the token before "of (the) series" (or cohort, group, patients: a
// groupNouns or seriesNouns word) that ends at toks[x], or x when none does: "4/6 of series
// recovered" counts the series' patients as "4/6 recovered" does.
func ofGroupBefore(toks []token, x int) int {
	if w := toks[x].norm; x < 2 || !seriesNouns[w] && !groupNouns[w] || toks[x].brk {
		return x
	}
	y := x - 1
	if toks[y].norm == "the" && y > 1 && !toks[y].brk {
		y--
	}
	if toks[y].norm != "of" || toks[y].brk || !isNumber(toks[y-1].norm) {
		return x
	}
	return y - 1
}

// seriesNouns name the patients of a report together.
var seriesNouns = map[string]bool{"series": true, "cohort": true, "group": true}

// thingsNamed reports whether a plural noun of things (thingsBefore) that is not a
// treatment's name stands before token to.
func (c *compiled) thingsNamed(toks []token, to int) bool {
	for x := 0; x < to; x++ {
		if !thingsBefore(toks[x:x+1], 1) {
			continue
		}
		if n, _ := c.drugTrie.longest(toks, x, nil); n > 0 {
			continue // "treated with corticosteroids": a treatment, not what is counted
		}
		return true
	}
	return false
}

// namesOwnPatient reports whether the text names the row's own patient among others: "this
// patient", "our patient", "our case", "the index case" ("Of 2 siblings, this patient cleared
// completely" is about one of them).
func namesOwnPatient(toks []token) bool {
	for k := 1; k < len(toks); k++ {
		if (toks[k].norm == "patient" || toks[k].norm == "case" || toks[k].norm == "pt") && !toks[k].brk &&
			(toks[k-1].norm == "this" || toks[k-1].norm == "our" || toks[k-1].norm == "index") {
			return true
		}
	}
	return false
}
