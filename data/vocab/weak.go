package vocab

import (
	"regexp"
	"strings"
)

// Weak words read strongly in their context (docs/outcomes.md, "The reader", rule 7):
//   - a word of persistence ("remained", "still", "persisted") not followed by a word of
//     a good state is a non-response: "remained febrile", "platelets were still low";
//   - a stop of the course ("was discontinued", "was stopped") is not evaluable;
//   - a state said of the patient or a symptom ("remained asymptomatic", "is asymptomatic",
//     "the headache was relieved") is that state; attributive, it describes something else
//     ("asymptomatic hypoxia was detected"), and a past "was asymptomatic" is often the state
//     before the course ("was asymptomatic until …"), so those stay weak;
//
// A word of change ("decreased", "reduction") stays weak: on the corpus it named a dose, a
// deficit ("reduced visual acuity") or a fall of a good measure too often to be read alone.
var (
	persistenceWords = map[string]bool{"remained": true, "remains": true, "stayed": true, "stays": true, "still": true, "persisted": true, "persists": true, "persist": true, "persistent": true,
		"persisting": true, "persistence": true, "continued": true, "ongoing": true}
	// persistenceAttributes are the persistence words that are adjectives or nouns, not verbs
	persistenceAttributes = map[string]bool{"persistent": true, "persisting": true, "persistence": true, "ongoing": true}
	goodStateWords        = map[string]bool{"well": true, "asymptomatic": true, "normal": true, "free": true, "remission": true,
		"stable": true, "healthy": true, "negative": true, "undetectable": true, "controlled": true, "improved": true,
		"improving": true, "improvement": true, "response": true, "responsive": true, "alive": true, "on": true,
		"in": true, "under": true, "effective": true, "reducing": true, "good": true, "clinical": true, "tumor": true, "tumour": true,
		// a quiet disease, or a change that goes on ("continued to improve", "remained silent"): a
		// good state, or at least not a plain non-response
		"silent": true, "quiescent": true, "inactive": true, "dormant": true, "improve": true, "respond": true,
		"decrease": true, "decline": true, "fall": true, "resolve": true, "heal": true, "regress": true, "shrink": true,
		"ameliorate": true, "recover": true, "normalize": true, "normalise": true, "subside": true, "diminish": true,
		"disappear": true, "clear": true,
		"trend": true, "down": true, "above": true, "below": true, "within": true, "off": true, "receiving": true, "treatment": true, "therapy": true,
		// "remained without exacerbation", "remained quiet", "remained euthymic", "remained afebrile"
		"without": true, "quiet": true, "euthymic": true, "afebrile": true,
		// "still closed 6 mo after the last application", "remained healed": a response kept
		"closed": true, "healed": true, "cleared": true, "resolved": true, "intact": true,
		// "still no SLE criteria", "remained no worse": what is absent goes on; a statement after
		// "no" ("still no improvement") is read by itself
		"no": true}
	// placeOrLevel, right after a word of persistence (or after "at"), make it a place, a stay
	// or a description rather than a state of the disease ("stayed at home", "stayed
	// overnight", "remains a diagnostic challenge", "still hospitalized"); a level stays a state ("LVEF was still
	// 10 %", "remained at Tanner stage 3")
	placeOrLevel = map[string]bool{"home": true, "overnight": true, "a": true, "an": true, "hospitalized": true,
		"hospitalised": true, "admitted": true, "inpatient": true}
	// whileOn, after "while", place a persistence on the course ("continued while on digoxin").
	whileOn = map[string]bool{"on": true, "receiving": true, "taking": true, "under": true}
	// courseNouns after a word of persistence say that a treatment went on, not the disease
	courseNouns = map[string]bool{"treatment": true, "treatments": true, "therapy": true, "therapies": true,
		"medication": true, "medications": true, "regimen": true, "dose": true, "doses": true, "dosage": true,
		"drug": true, "management": true}
	stopWords = map[string]bool{"discontinued": true, "stopped": true, "withdrawn": true, "interrupted": true, "ceased": true,
		"abandoned": true, "withdrew": true, "suspended": true}
	// stateVerbs link a present or lasting state to its subject ("remained asymptomatic"); a
	// past "was" is left out: "was asymptomatic until …" is often the state before the course
	stateVerbs = map[string]bool{"remained": true, "remains": true, "remaining": true, "became": true,
		"becomes": true, "become": true, "is": true, "are": true, "continues": true}
	// passiveVerbs make a participle a statement ("the headache was relieved")
	passiveVerbs = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true}
	// predicates are the weak state words read strongly after one of their linking verbs
	// (within two words: "remained clinically asymptomatic")
	predicates = map[string]map[string]bool{"asymptomatic": stateVerbs, "euthymic": stateVerbs, "euthyroid": stateVerbs,
		"relieved": passiveVerbs}
)

func (c *compiled) strongInContext(text string, toks []token, t target) bool {
	last := toks[t.j-1].norm
	first := toks[t.i].norm
	switch {
	case persistenceWords[first] || persistenceWords[last]:
		if persistenceAttributes[first] || persistenceAttributes[last] {
			// "persistent coughing", "persistence of active lesions though of lesser severity",
			// "Ongoing CHR": an attribute of what persists, often a residue beside a response
			// the text does not name; on the corpora read strongly they were right only about
			// three times in four, so they stay weak
			return false
		}
		if c.courseSubject(toks, t.i) {
			return false // "Antimicrobial therapy was continued", "NAC was continued": the course went on
		}
		if t.i > 0 && !toks[t.i].brk && benefitWords[toks[t.i-1].norm] {
			return false // "the result remained stable for 10 months", "the good result persisted": a response kept
		}
		if sentenceEndsAfter(text, toks, t.j) {
			// nothing follows in the sentence: the subject before it says what persisted
			// ("proteinuria persisted" is a non-response, "the effect persisted" is not)
			return t.i > 0 && persistingSubject(toks[t.i-1].norm)
		}
		if n := toks[t.j].norm; n == "despite" || n == "in" && t.j+1 < len(toks) && toks[t.j+1].norm == "spite" {
			return true // "symptoms persisted despite treatment with benztropine"
		}
		if toks[t.j].norm == "while" && t.j+1 < len(toks) && whileOn[toks[t.j+1].norm] {
			return true // "the SVT continued while on digoxin and amiodarone"
		}
		if n := toks[t.j].norm; placeOrLevel[n] || n == "at" && t.j+1 < len(toks) && placeOrLevel[toks[t.j+1].norm] {
			return false // "stayed at home", "stayed overnight", "remains a challenge": no state of the disease
		}
		for k := t.j; k < min(len(toks), t.j+3); k++ {
			if goodStateWords[toks[k].norm] {
				return false
			}
		}
		from := t.j
		if from+2 < len(toks) && toks[from].norm == "to" && takingVerbs[toks[from+1].norm] && !toks[from].brk &&
			!toks[from+1].brk && !toks[from+2].brk {
			from += 2 // "continued to take melatonin daily": the patient took the course on
		}
		for k := from; k < min(len(toks), from+5) && !(k > from && toks[k].brk) && !notNouns[toks[k].norm]; k++ {
			if n, _ := c.drugTrie.longest(toks, k, nil); n > 0 || courseNouns[toks[k].norm] {
				return false // "continued methotrexate", "continued outpatient heart failure treatment": the course went on
			}
		}
		return true // "remained febrile", "platelets were still low"
	case lesionChangeSaid(toks, t):
		return true
	case first == "effective" && t.i == t.j-1:
		return terseEffective(toks, t)
	case terseWords[first] && t.i == t.j-1 && terseStatement(toks, t) && !personRelieved(toks, t):
		return true // otherwise the predicate test below may still read it ("remained asymptomatic")
	case predicates[first] != nil && t.i == t.j-1:
		for k := max(0, t.i-2); k < t.i; k++ {
			if predicates[first][toks[k].norm] {
				return true
			}
		}
		return false
	case stopWords[last]:
		// "was discontinued", "we discontinued …", "stopped due to …": a stop of the course;
		// "seizures stopped" is not
		if t.category != NotEvaluable {
			return false
		}
		if !c.stopOfCourse(toks, t) {
			return false // "the septic process was stopped", "could not be stopped": the disease's
		}
		if stoppedForResponse(toks, t.j) {
			return false // "stopped after the third infusion because the fistula had closed"
		}
		if t.j-t.i >= 2 || t.i > 0 && stopAgents[toks[t.i-1].norm] && !toks[t.i].brk {
			return true
		}
		for k := t.j; k < min(len(toks), t.j+6); k++ {
			if n := toks[k].norm; n == "due" || n == "because" || n == "owing" {
				return true
			}
			if n, _ := c.harms.longest(toks, k+1, nil); toks[k].norm == "for" && n > 0 {
				return true // "stopped wk 3 for nausea": a harm of cues.tsv is the reason
			}
		}
		return false
	}
	return false
}

// stopOfCourse reports whether the stop word t may be a stop of the course: not when its
// subject, past verbs of tense ("could not be stopped"), is the disease or what it does ("the
// septic process was stopped", "the bleeding could not be stopped", "the seizures were
// stopped"): that stop is the disease's.
func (c *compiled) stopOfCourse(toks []token, t target) bool {
	k := t.i - 1
	for k >= 0 && !toks[k+1].brk && (passiveVerbs[toks[k].norm] || auxiliaries[toks[k].norm] || stopVerbParts[toks[k].norm]) {
		k--
	}
	if k < 0 || toks[k+1].brk {
		return true
	}
	if diseaseProcesses[toks[k].norm] {
		return false
	}
	for m := k; m >= 0 && m > k-3 && !toks[m+1].brk; m-- { // a disease's name of up to three words ending at k
		if n, _ := c.disTrie.longest(toks, m, c.acceptDisease); m+n == k+1 {
			return false
		}
	}
	return true
}

// stoppedForResponse reports whether a reason after the stop word ending at token j, within
// eight words of it, is a response: "because the fistula had closed", "after complete
// involution of the haemangioma". Such a stop is no harm of the course.
func stoppedForResponse(toks []token, j int) bool {
	for k := j; k < min(len(toks), j+8); k++ {
		if !stopReasonWords[toks[k].norm] {
			continue
		}
		for x := k + 1; x < min(len(toks), k+9) && !toks[x].brk; x++ {
			if responseReasons[toks[x].norm] {
				return true
			}
		}
	}
	return false
}

var (
	// stopReasonWords introduce why a course was stopped.
	stopReasonWords = map[string]bool{"because": true, "after": true, "following": true, "as": true, "since": true, "once": true}
	// responseReasons, in that reason, make it a response.
	responseReasons = map[string]bool{"closed": true, "healed": true, "resolved": true, "resolution": true,
		"involution": true, "remission": true, "cleared": true, "disappeared": true, "disappearance": true,
		"normalised": true, "normalized": true, "normalisation": true, "normalization": true, "cured": true,
		"recovered": true, "recovery": true}
)

// stopVerbParts stand between a subject and its stop word ("could not be stopped", "had
// to be discontinued").
var stopVerbParts = map[string]bool{"not": true, "could": true, "can": true, "cannot": true, "to": true,
	"would": true, "should": true, "must": true}

// diseaseProcesses are the subjects of a stop word that name the disease or what it does.
var diseaseProcesses = map[string]bool{"process": true, "bleeding": true, "hemorrhage": true, "haemorrhage": true,
	"disease": true, "progression": true, "seizures": true, "seizure": true, "infection": true, "inflammation": true,
	"symptoms": true, "sx": true, "attacks": true, "activity": true, "deterioration": true, "decline": true, "spread": true,
	"growth": true, "hemolysis": true, "haemolysis": true, "diarrhea": true, "diarrhoea": true, "vomiting": true,
	"pain": true, "fever": true, "itching": true, "pruritus": true, "blistering": true, "blisters": true,
	"episodes": true, "flares": true, "relapses": true, "outbreaks": true, "convulsions": true}

// courseSubject reports whether the word right before the word at token i, past a linking
// verb ("was", "has been") and in its clause, ends a treatment: a drug's name or a word such
// as "therapy" ("antimicrobial therapy was continued", "NAC was continued"; not "treatment
// IOP remained high").
func (c *compiled) courseSubject(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && !toks[k+1].brk && (passiveVerbs[toks[k].norm] || auxiliaries[toks[k].norm]) {
		k--
	}
	if k < 0 || toks[k+1].brk {
		return false
	}
	if courseNouns[toks[k].norm] {
		return true
	}
	for m := k; m >= 0 && m > k-3 && !toks[m+1].brk; m-- { // a name of up to three words ending at k
		if n, ids := c.drugTrie.longest(toks, m, nil); m+n == k+1 && c.drugTerms[ids[0]].kind != "exclusion" {
			return true // not a term the drug list excludes ("calcium levels")
		}
	}
	return false
}

// auxiliaries are the verbs of tense between a subject and its participle ("has been continued").
var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "be": true}

// takingVerbs are the verbs of taking a treatment after "continued to" ("continued to take
// melatonin", "continued to receive IVIG"): what went on is the course.
var takingVerbs = map[string]bool{"take": true, "receive": true, "use": true, "get": true, "undergo": true}

var (
	// stopAgents before a stop word make it a stop of the course: "we discontinued",
	// "had to be interrupted"
	stopAgents = map[string]bool{"we": true, "was": true, "were": true, "be": true, "been": true, "is": true,
		"are": true, "they": true, "physicians": true, "therapy": true, "treatment": true}
)

// stopReasonRE matches the reason of a stop after it, in parentheses or after a colon or
// a dash, perhaps after its time ("stopped (dizziness)", "d/c after 3 wk: pancreatitis",
// "stopped after 2 doses (nausea)", "stopped day 5 - GI bleed").
var stopReasonRE = regexp.MustCompile(`^(?:\s+(?:early|prematurely|soon|immediately|promptly))?(?:\s+(?:(?:after|at|on|in|within)\s+[\w ]{1,20}?|(?:day|d|wk|week|month|mo)\s*\d+))?\s*(?:\(|:|\s[-–—]\s)\s*\pL`)

// stopWithReason reports whether the stop t opens the text (after a time at most) and is
// followed by its reason set off by a parenthesis, a colon or a dash (for a stop after its
// reason, see reasonBefore). A text with something
// else before the stop ("OCS down to 10 mg/d at 6 mo; stopped - alveolitis") may state a
// response the reader did not read. notEvaluableAfter says the caller found statements after
// the stop, each not evaluable: the reason may then end at a semicolon before them.
func stopWithReason(text string, toks []token, t target, notEvaluableAfter bool) bool {
	if p := t.entry.normPhrase(); t.entry.category != NotEvaluable || !stopWords[p] && p != "d c" { // "d/c" normalised
		return false
	}
	if !stopOpens(toks, t) {
		return false
	}
	m := stopReasonRE.FindStringIndex(text[t.end:])
	if m == nil {
		return false
	}
	// the reason is the rest of the cell, one clause: "stopped day 4 - bleeding, thrombus
	// extended" goes on with what the reader may not have read
	reason := parenRE.ReplaceAllString(text[t.end+m[1]:], "")
	if i := strings.IndexByte(reason, ';'); i >= 0 && notEvaluableAfter {
		// "stopped - renal dysfunction; no effect on effusion reported": the statements
		// after the semicolon are the caller's, each not evaluable
		reason = reason[:i]
	}
	return !strings.ContainsAny(reason, ",;.")
}

// reasonBefore reports whether the stop t follows its reason, set off by a comma or other
// clause punctuation, as the whole of the cell: one to four words and perhaps a time that
// name a finding (a term of the disease vocabulary, a harm of cues.tsv or a cause of death
// other than the disease), the punctuation, perhaps who stopped
// what, the stop and at most its time ("pancytopenia, stopped wk 3", "eczema herpeticum,
// drug stopped", "conjunctivitis, stopped after 2 doses"). The caller has found nothing else
// in the cell. Harms may be listed ("nausea, dysgeusia, stopped") and an arrow may lead from
// harms to the stop ("nausea -> stopped W5"); from a disease word it may be a worsening. The
// cell may go on after the stop's clause when every later clause holds one of the
// not-evaluable statements rest or no outcome word at all, not even one the reader sets aside
// ("neutropenia, stopped; no skin data", "…, stopped; mSWAT not repeated"; not "…, stopped;
// skin was slightly better by then"), and the stop is said in a word of stopping, not of
// leaving ("discharged").
func (c *compiled) reasonBefore(toks []token, t target, rest []target) bool {
	k := t.i
	for k > 0 && !toks[k].brk && (stopAgents[toks[k-1].norm] || stopObjects[toks[k-1].norm]) {
		k--
	}
	if k < 1 || k > 7 || !toks[k].brk && !toks[k].arrow {
		return false
	}
	words, finding, harm := 0, false, false
	for x := 0; x < k; x++ {
		if x > 0 && toks[x].brk && (toks[x].arrow || !c.harmAt(toks, x)) || toks[x].norm == "" {
			return false // a list of harms goes on; anything else may be a response
		}
		if isDigitByte(toks[x].norm[0]) && !isOrdinal(toks[x].norm) && !(x > 0 && timeUnitWords[toks[x-1].norm] || x+1 < k && timeUnitWords[toks[x+1].norm]) {
			return false // "PASI 2, stopped" may state a response; "at wk 3" is a time
		}
		if !timeToken(toks[x]) {
			words++
		}
		if n, _ := c.disTrie.longest(toks, x, c.acceptDisease); n > 0 {
			finding = true
		}
		if c.harmAt(toks, x) {
			finding, harm = true, true // a harm of cues.tsv
		}
		if n, ids := c.ctxTrie.longest(toks, x, nil); n > 0 && c.cues[ids[0]].role == cueOtherDeath {
			finding = true // "toxicity", "sepsis": a cause other than the disease
		}
	}
	if words > 4 || !finding || toks[k].arrow && !harm {
		return false // "negative at 1 mo, stopped": what came before may be a response
	}
	for x := t.j; x < len(toks); x++ {
		if toks[x].brk && rest != nil {
			return stopWords[toks[t.i].norm] && c.everyClauseHolds(toks, x, rest)
		}
		if tk := toks[x]; tk.brk || !timeToken(tk) && !stopObjects[tk.norm] && !stopOccasions[tk.norm] && tk.norm != "early" {
			return false
		}
	}
	return true
}

// everyClauseHolds reports whether every clause from token from on holds one of the
// statements ts, or no word or phrase of the outcome vocabulary and no arrow.
func (c *compiled) everyClauseHolds(toks []token, from int, ts []target) bool {
	for b := from; b < len(toks); {
		e := b + 1
		for e < len(toks) && !toks[e].brk {
			e++
		}
		held, silent := false, true
		for _, t := range ts {
			held = held || t.i >= b && t.i < e
		}
		for x := b; x < e && silent; x++ {
			n, _ := c.outTrie.longest(toks, x, nil)
			silent = n == 0 && !toks[x].arrow && !valueAt(toks, x) // "…; PASI 2 at wk 12" gives a value
		}
		if !held && !silent {
			return false
		}
		b = e
	}
	return true
}

// harmAt reports whether a harm of cues.tsv begins at toks[x].
func (c *compiled) harmAt(toks []token, x int) bool {
	n, _ := c.harms.longest(toks, x, nil)
	return n > 0
}

// stopOccasions name the dose or session after which a course stopped ("stopped after 1st
// application"), beside the words of a time timeToken knows ("after", "dose", "session").
var stopOccasions = map[string]bool{"1st": true, "first": true, "second": true, "2nd": true,
	"application": true, "applications": true, "injection": true, "injections": true}

// stopObjects name what a stop stopped, or who stopped it, next to the stop word ("drug
// stopped", "parents stopped tx").
var stopObjects = map[string]bool{"drug": true, "tx": true, "rx": true, "medication": true, "parents": true,
	"patient": true, "pt": true, "it": true, "course": true, "treatment": true, "therapy": true}

// parenRE matches text in parentheses, which details what stands before it.
var parenRE = regexp.MustCompile(`\([^()]*\)`)

// terseEffective reports whether "effective" is the predicate of a terse cell of a sheet,
// ending its clause or followed by what it was effective for ("therapy effective",
// "tonsillectomy thought effective", "local MTX effective, uterus preserved", "effective (per
// title)", "IVIG effective for refractory abdominal pain"); not an attribute ("an effective
// dose", "the most effective treatment") nor inside a longer sentence, where "effective"
// often names a dose or an aim.
func terseEffective(toks []token, t target) bool {
	return terseCell(toks, t) && clauseEndsAt(toks, t.j)
}

// carerWords name the people around a patient; they, like the patient (patientWords), may be
// relieved in the other sense ("family relieved").
var carerWords = map[string]bool{"family": true, "parents": true, "mother": true, "father": true, "nurses": true,
	"staff": true, "they": true, "caregivers": true, "wife": true, "husband": true}

// terseWords are weak words that a terse cell of a sheet states plainly when they open a
// clause or end one: "asymptomatic, normal LFTs at 2 y", "symptoms controlled",
// "steroid-resistant", "tearing relieved within 3 days" (not a person relieved). On the
// corpora's tuning part every such reading of a terse cell was right by class; inside
// sentences they stay weak.
var terseWords = map[string]bool{"asymptomatic": true, "controlled": true, "resistant": true, "relieved": true}

// personRelieved reports whether the terse word t is "relieved" said of a person ("family
// relieved", "patient relieved, still not sleeping"): a feeling, not a symptom eased.
func personRelieved(toks []token, t target) bool {
	if toks[t.i].norm != "relieved" || t.i == 0 {
		return false
	}
	w := toks[t.i-1].norm
	return patientWords[w] || carerWords[w]
}

// terseStatement reports whether the terse word t of a terse cell opens its clause or ends it
// (or is followed by what or when: "controlled for 9 y", "Asymptomatic 4+ mth"), and is no
// attribute ("an asymptomatic carrier", "asymptomatic hypoxia was detected"). A time tied to
// an event after it is left to anchoredTime, and a concession or contrast in the cell to a
// person.
func terseStatement(toks []token, t target) bool {
	if !terseCell(toks, t) {
		return false
	}
	for k := t.j; k < len(toks); k++ {
		if anchorWords[toks[k].norm] {
			return false // "Asymptomatic 6 months after HSCT": anchoredTime decides whose time it is
		}
	}
	for _, tk := range toks {
		if contrastWords[tk.norm] || tk.norm == "despite" {
			return false // "candida detected despite fluconazole, asymptomatic": a person weighs the two
		}
	}
	opens := (t.i == 0 || toks[t.i].brk) && !attributive(toks, t.i)
	return opens || clauseEndsAt(toks, t.j) || isNumber(toks[t.j].norm)
}

// terseCell reports whether t stands in a cell of at most ten words and no attribute word
// stands right before it in its clause ("an effective dose", "the most effective").
func terseCell(toks []token, t target) bool {
	return len(toks) <= 10 && (t.i == 0 || toks[t.i].brk || !attributeBefore[toks[t.i-1].norm])
}

// clauseEndsAt reports whether the clause ends at token j, or goes on only with what or when
// a predicate held ("effective for …", "controlled on VDZ").
func clauseEndsAt(toks []token, j int) bool {
	return j == len(toks) || toks[j].brk || predicateFor[toks[j].norm]
}

var (
	// predicateFor may follow a predicate of a terse cell: what or when it held for
	predicateFor = map[string]bool{"for": true, "in": true, "on": true, "against": true, "within": true, "after": true,
		"at": true, "by": true}
	// attributeBefore, right before a terse word, make it an attribute or a comparison
	attributeBefore = map[string]bool{"an": true, "a": true, "the": true, "most": true, "more": true, "less": true,
		"cost": true, "be": true, "been": true, "none": true, "neither": true, "nor": true, "if": true, "whether": true}
)

// promoteStrongWeak makes a weak word that its context reads strongly ("symptoms persisted
// despite high-dose prednisone") a primary statement when it and others like it are the only
// statements of an ordered category and a primary statement is not evaluable: a non-response
// so stated is a response stated, which an adverse effect or a stop beside it does not outrank (rule 4: "symptoms persisted despite prednisone;
// steroid side effects" = none).
func (c *compiled) promoteStrongWeak(text string, toks []token, live []target, ps []PhraseMatch) {
	primaryNE, ordered := false, false
	for _, p := range ps {
		primaryNE = primaryNE || !p.Secondary && p.Category == NotEvaluable
		ordered = ordered || p.Category.Ordered()
	}
	if !primaryNE || !ordered {
		return // the usual order decides; the cheap test first, as every text passes here
	}
	for k, t := range live {
		if ps[k].Category.Ordered() && !(ps[k].Secondary && !t.entry.secondary && t.entry.weak() && !t.negated && !t.quantity &&
			c.strongInContext(text, toks, t)) {
			return // another statement gives an ordered category ("no recurrence, still cushingoid")
		}
	}
	for k := range ps {
		if ps[k].Category.Ordered() {
			ps[k].Secondary = false
		}
	}
}

// weakOrPersisting reports whether the statement t is in weak words or says that something
// persisted ("remained elevated", "persistently high"): beside a statement the reader could
// not read, which may be a response at another site (rule 8), neither decides alone.
func weakOrPersisting(toks []token, t target) bool {
	return t.entry.weak() || persistenceWords[toks[t.i].norm] || persistenceWords[strings.TrimSuffix(toks[t.i].norm, "ly")]
}

// weakInContext reads a decisive statement that is only a weak word (low confidence
// lowWeakOnly) in the light of the rest of the text, and returns the reason for low
// confidence left ("" when the context makes the reading sure).
func (c *compiled) weakInContext(text string, toks []token, live []target, decisive int, res *OutcomeMatch) string {
	if len(live) == 1 {
		if st := persistingState(toks, live[decisive]); st != CategoryUnknown {
			// "levels remained normal": what persisted is a good state, so that state is
			// the proposal (still low: it may be a measure the disease never touched)
			res.Category, res.Code = st, st.Code()
			res.Evidence.Rule += " (a state that persisted)"
		}
	}
	if res.Category == NotEvaluable && (len(live) == 1 && (c.reasonBefore(toks, live[decisive], nil) || c.harmAfterStop(toks, live[decisive])) ||
		onlyNotEvaluableAfter(live, decisive) && (stopWithReason(text, toks, live[decisive], strongAfter(live, decisive)) ||
			c.reasonBefore(toks, live[decisive], live))) {
		// "stopped (dizziness)", "d/c after 3 wk: pancreatitis", "pancytopenia, stopped wk 3":
		// a stop with a reason that states no response is a stop before the response was
		// judged (rule 4)
		res.Evidence.Rule += " (a stop with its reason, and no response stated: rule 4)"
		return ""
	}
	if res.Category == NotEvaluable && adverseStated(live) {
		// "Discontinued (side effects)": a stop beside an adverse effect, no response
		// stated, is not evaluable (rule 4), as the adverse effect alone is
		res.Evidence.Rule += " (a stop beside an adverse effect, and no response stated: rule 4)"
		return ""
	}
	return lowWeakOnly
}

// onlyNotEvaluableAfter reports whether every statement of live but the decisive one
// stands after it and is not evaluable: the reason of a stop the reader read too ("stopped -
// GI intolerance").
func onlyNotEvaluableAfter(live []target, decisive int) bool {
	for k, t := range live {
		if k != decisive && (t.i < live[decisive].j || t.category != NotEvaluable || t.negated) {
			return false
		}
	}
	return true
}

// strongAfter reports whether there are statements other than live[decisive] and none of
// them is weak ("no response documented" may be a missing report or no response).
func strongAfter(live []target, decisive int) bool {
	for k, t := range live {
		if k != decisive && t.entry.weak() {
			return false
		}
	}
	return len(live) > 1
}
