package vocab

import (
	"sort"
	"strings"
)

// sentenceEnds marks, for each token, whether a sentence end (. ; ! ? line break, bullet
// or |) stands between it and the previous token. A point between two digits is a decimal
// point, not an end.
func sentenceEnds(text string, toks []token) []bool {
	ends := make([]bool, len(toks))
	for k := 1; k < len(toks); k++ {
		gap := text[toks[k-1].end:toks[k].start]
		for x := 0; x < len(gap); x++ {
			switch gap[x] {
			case ';', '!', '?', '\n', '\r', '|':
				ends[k] = true
			case '.':
				if !(len(gap) == 1 && isDigitByte(text[toks[k-1].end-1]) && isDigitByte(text[toks[k].start])) &&
					!(x == 0 && abbreviationDot(text, toks[k-1], toks[k-1].end)) {
					ends[k] = true
				}
			}
		}
		if strings.Contains(gap, "•") || strings.ContainsAny(gap, arrowRunes) || strings.Contains(gap, "->") || strings.Contains(gap, "=>") {
			ends[k] = true // an arrow separates two states in time ("no response → complete response")
		}
	}
	return ends
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// commaBefore reports whether a comma or colon stands between token k and the previous one.
func commaBefore(text string, toks []token, k int) bool {
	if k == 0 {
		return false
	}
	gap := text[toks[k-1].end:toks[k].start]
	return strings.ContainsAny(gap, ",:")
}

// cueHit is a context cue found in the text.
type cueHit struct {
	i, j int
	e    cueEntry
}

// acceptDisease keeps the disease terms that match as written: an upper-case
// abbreviation ("ON", optic neuritis) only when the text has it in upper case, so that
// "relapsed on taper" is not "relapsed optic neuritis".
func (c *compiled) acceptDisease(ids []int, ts []token) []int {
	var out []int
	for _, id := range ids {
		if !c.disTerms[id].upper || len(ts) == 1 && ts[0].upper {
			out = append(out, id)
		}
	}
	return out
}

// eventWords before a state adjective make it an event of the course: "resulted in
// recurrent pericarditis", "developed refractory ascites".
var eventWords = map[string]bool{"in": true, "developed": true, "develops": true, "developing": true, "caused": true,
	"causing": true, "triggered": true, "to": true, "of": true}

// stateAdjectives describe the disease a patient came with when they stand before its name.
var stateAdjectives = map[string]bool{"relapsed": true, "relapsing": true, "refractory": true, "recurrent": true,
	"resistant": true, "persistent": true}

// attributiveState are the state adjectives that, before any noun, describe the disease
// the patient came with ("refractory MC", "resistant hypertension"); in predicate position
// ("remained refractory", "refractory to X", "was resistant.") they state the outcome.
var attributiveState = map[string]bool{"refractory": true, "resistant": true}

// notNouns are words after a state adjective that show it is a predicate, not an
// attribute of the noun that follows ("refractory and", "resistant despite").
var notNouns = map[string]bool{"to": true, "and": true, "or": true, "but": true, "with": true, "despite": true,
	"after": true, "on": true, "at": true, "in": true, "since": true, "until": true, "for": true, "of": true,
	"again": true, "thereafter": true, "then": true, "as": true, "so": true, "because": true, "while": true,
	"during": true, "under": true, "following": true, "therapy": true, "treatment": true, "against": true,
	"from": true, "by": true}

// attributive reports whether the adjective at toks[i] stands before a noun: a word follows
// in the same clause that is neither a number nor a word of linking or time.
func attributive(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	return !n.brk && !notNouns[n.norm] && !isNumber(n.norm)
}

// acceptOutcome returns the accept function of outcome phrases in text: it refuses a phrase
// a label's colon cuts or a stop with its reason, and keeps the entries whose case fits and,
// across a comma, semicolon or full stop, those whose own phrase has one.
func (c *compiled) acceptOutcome(text string, toks []token) func([]int, []token) []int {
	return func(ids []int, ts []token) []int {
		crosses := false // a comma, semicolon or full stop inside the span
		for k, t := range ts[1:] {
			if t.brk && isColonBreak(text, t) && c.cutsPhrase(toks, t, len(ts)-1-k) {
				// "Response: lost to follow-up" is a label and its answer, not "response lost";
				// "Evolution: unfavourable", "Response: none documented" are one phrase
				return nil
			}
			// a comma, semicolon or full stop ends a phrase that has none itself ("diarrhea,
			// stopped after 2 wks" is an adverse effect and the course's stop, not "diarrhea
			// stopped"); a colon joins a label to its answer (above), an arrow or a dash a change
			crosses = crosses || t.brk && !t.arrow && !t.dash && !strings.Contains(text[ts[k].end:t.start], ":")
			if stopWords[ts[0].norm] && (t.brk && t.dash || strings.Contains(text[ts[k].end:t.start], "(")) {
				return nil // "stopped - progression", "stopped (disease progression)": a stop and its reason
			}
		}
		if last := ts[len(ts)-1]; len(ts) > 1 && isNumber(last.norm) && decimalAfter(text, last.end) {
			return nil // "IgA 0.5 g/L" is no "IGA 0"
		}
		if notThisWordForm(toks, ts) {
			return nil
		}
		if len(ts) > 1 && backOrReturnedTo(toks, ts[len(ts)-1]) {
			return nil // "swelling returned to normal", "warts back of hand resolved": no relapse
		}
		var out []int
		for _, id := range ids {
			if crosses && !strings.ContainsAny(c.outcomes[id].phrase, ",;.") {
				continue
			}
			if e := &c.outcomes[id]; !e.exact && (!e.upper || len(ts) == 1 && ts[0].upper && !c.compoundPart(text, ts[0])) ||
				e.exact && len(ts) == 1 && text[ts[0].start:ts[0].end] == e.phrase { // "sCR", not "sCr" (serum creatinine)
				out = append(out, id)
			}
		}
		return out
	}
}

// decimalAfter reports whether a decimal point or comma and a digit stand at text[i:]: the
// number before it goes on.
func decimalAfter(text string, i int) bool {
	return i+1 < len(text) && (text[i] == '.' || text[i] == ',') && '0' <= text[i+1] && text[i+1] <= '9'
}

// scanOutcome finds, leftmost-longest, the outcome phrases and the context cues of the text toks
// were cut from. At a position where both a phrase and a cue start, the longer wins; on a tie
// the phrase wins (a phrase such as "no recurrence" or "failed to respond" is its own
// pseudo-trigger).
func (c *compiled) scanOutcome(text string, toks []token) ([]target, []cueHit, []bool) {
	acceptOutcome := c.acceptOutcome(text, toks)
	var targets []target
	var cues []cueHit
	used := make([]bool, len(toks))
	acceptDisease := c.acceptDisease
	for i := 0; i < len(toks); {
		// a disease name of several words is not an outcome ("relapsing polychondritis",
		// "progressive multifocal leukoencephalopathy", "refractory coeliac disease")
		if nd, _ := c.disTrie.longest(toks, i, acceptDisease); nd >= 2 {
			np, _ := c.outTrie.longest(toks, i, acceptOutcome)
			// … unless it is a cause of death other than the disease ("septic shock",
			// "pulmonary embolism"), a context cue of rule 4
			nc, cids := c.ctxTrie.longest(toks, i, nil)
			if np < nd && !(nc >= nd && c.cues[cids[0]].role == cueOtherDeath) {
				i += nd
				continue
			}
		}
		np, pids := c.phraseAt(toks, i, acceptOutcome)
		if nm := c.measureAt(toks, i); nm > np {
			// "exacerbation rate", "number of relapses": the name of a measure, read by its
			// change (rule 4), not the outcome word inside it
			i += nm
			continue
		}
		if np > 0 && c.outcomes[pids[0]].marker && quantifierSubject[toks[i].norm] && i > 0 && !toks[i].brk {
			// "octreotide and verapamil all failed", "LDH all recovered": a quantifier after its
			// noun, not "All responded" about several patients; read from the next word
			i++
			continue
		}
		if patientsWork(toks, i, np) || np > 0 && treatmentGrowth[toks[i].norm] && treatmentChangeNoun(toks, i) {
			// "dose escalated to 10 mg/kg", "therapy escalated", "treatment was escalated": the
			// treatment grew, not the disease; "she did not work": her job, not the drug
			i += np
			continue
		}
		if np > 0 && (changeOfTreatment(toks, i, i+np) || np == 1 && progressedToGood(toks, i) || treatmentKept(toks, i, np)) {
			// "no change in therapy was needed", "without change of the dose", "pred dose
			// unchanged at 40 mg": the treatment did not change, which says nothing of the
			// outcome; "progressed to full oral intake": an advance of function, not the disease's
			i += np
			continue
		}
		if np > 0 && cellGradeOutOfPlace(text, toks, target{i: i, j: i + np, entry: c.outcomes[pids[0]]}) {
			np = 0 // "complete" inside a sentence is a qualifier cue, not a Response column's grade
		}
		if last := i + np - 1; np > 0 && (np == 1 || np == 2 && treatmentObjects[toks[i].norm]) && stateAdjectives[toks[last].norm] &&
			last+1 < len(toks) && !toks[last+1].brk && !toks[last+1].arrow && !eventBefore(toks, i) {
			// "relapsed TTP", "refractory ITP", "treatment-resistant depression": the state the
			// patient came with, not the course's outcome
			if nd, _ := c.disTrie.longest(toks, last+1, acceptDisease); nd > 0 {
				i = last + 1 + nd
				continue
			}
			if attributiveState[toks[last].norm] && attributive(toks, last) {
				// "refractory HLH", "refractory severe thrombocytopaenia": the adjective
				// stands before a noun the vocabulary does not know as a disease
				i = last + 1
				continue
			}
		}
		if end := c.afterDurationOn(toks, i); np == 0 && end > 0 {
			// "relapsed after 3 months on drug": a time into the course
			cues = append(cues, cueHit{i, end, cueEntry{term: toks[i].norm, role: cueOnCourse, pattern: true}})
			i = end
			continue
		}
		if end := afterStop(toks, i); np == 0 && end > 0 && !c.phraseWithin(toks, i+1, end-1, acceptOutcome) {
			cues = append(cues, cueHit{i, end, cueEntry{term: toks[i].norm, role: cueAfterCourse, pattern: true}})
			i = end
			continue
		}
		nc, cids := c.ctxTrie.longest(toks, i, nil)
		switch {
		case np == 0 && nc == 0:
			if c.duringCourse(toks, i) {
				// "during low-dose steroid maintenance therapy", "under rituximab": the time on
				// a treatment, as the cue "during treatment" says
				cues = append(cues, cueHit{i, i + 1, cueEntry{term: toks[i].norm, role: cueOnCourse, pattern: true}})
			} else if role, end := doseTime(toks, i); end > 0 {
				// "relapsed as steroid tapered", "recurred each time steroid stopped"
				cues = append(cues, cueHit{i, end, cueEntry{term: toks[i].norm, role: role, pattern: true}})
			}
			i++
			continue
		case np >= nc:
			e := c.outcomes[pids[0]]
			if e.category == NotEvaluable && strings.HasSuffix(e.normPhrase(), " about") {
				// "says nothing about how the lesions responded": what was not reported, to
				// the clause's end, is no statement of its own
				if end := aboutClause(toks, i+np-1); end > 0 {
					np = end - i
				}
			}
			targets = append(targets, target{i: i, j: i + np, entry: e, category: e.category, rule: "phrase"})
			for k := i; k < i+np; k++ {
				used[k] = true
			}
			if e.role == roleAbsent && nc == np && c.cues[cids[0]].role == cueHarm {
				cues = append(cues, cueHit{i, i + nc, c.cues[cids[0]]}) // "no bleeding"; "bleeding, stopped" (a harm)
			}
			i += np
		default:
			if k := c.phraseAcross(toks, i, i+nc, acceptOutcome); k > 0 {
				// "was not evaluable", "was not successful": the phrase that starts inside
				// the cue and runs past it ("not evaluable") carries its own negation
				i = k
				continue
			}
			cues = append(cues, cueHit{i, i + nc, c.cues[cids[0]]})
			for k := i; k < i+nc; k++ {
				used[k] = true
			}
			i += nc
		}
	}
	return targets, cues, used
}

// phraseWithin reports whether an outcome phrase starts at a token in [from, to) other than
// a verb's auxiliary ("after a week bleeding stopped" is a statement, not a clause of time of
// a stop; "after dapsone was stopped" is one).
func (c *compiled) phraseWithin(toks []token, from, to int, accept func([]int, []token) []int) bool {
	for x := from; x < to; x++ {
		if w := toks[x].norm; w == "was" || w == "were" || w == "been" || auxiliaries[w] {
			continue
		}
		if n, _ := c.phraseAt(toks, x, accept); n > 0 {
			return true
		}
	}
	return false
}

// phraseAt returns the length in tokens and the ids of the longest outcome phrase starting
// at toks[i]: a phrase of the vocabulary, else a gapped one ("some clinical improvement");
// a lost response ("lost her complete cytogenetic response") or an unreported outcome
// ("result not given in abstract") when longer.
func (c *compiled) phraseAt(toks []token, i int, accept func([]int, []token) []int) (int, []int) {
	np, pids := c.outTrie.longest(toks, i, accept)
	if np == 0 {
		np, pids = c.gappedPhrase(toks, i, accept)
	}
	if np <= 1 {
		if nl, lids := c.lostPhrase(toks, i, accept); nl > np {
			np, pids = nl, lids
		}
	}
	np, pids = c.findingAt(toks, i, np, pids)
	if nu, id := c.unreportedAt(toks, i); nu > np {
		np, pids = nu, []int{id}
	}
	return np, pids
}

// changeOfTreatment reports whether the phrase toks[i:j] ends in "change" and names the
// treatment as what changed ("change in therapy", "change of her medications", "no dose
// change", within three words after "in", "of" or "to"), or a finding rather than a change
// ("changes suggestive of recurrence"), or is "changed" said of the treatment ("the dose was
// not changed").
func changeOfTreatment(toks []token, i, j int) bool {
	if j > i && toks[j-1].norm == "changed" {
		// "the dose was not changed", "therapy not changed": the treatment did not change
		for k := i - 1; k >= 0 && k >= i-4 && !toks[k+1].brk; k-- {
			if changedTreatment[toks[k].norm] {
				return true
			}
		}
		return false
	}
	if j < 1 || (toks[j-1].norm != "change" && toks[j-1].norm != "changes") {
		return false
	}
	if i > 0 && j == i+1 && changedTreatment[toks[i-1].norm] && !toks[i].brk {
		return true // "dose change", "treatment changes"
	}
	if j+1 >= len(toks) {
		return false
	}
	switch toks[j].norm {
	case "suggestive", "consistent", "compatible", "indicative", "typical":
		return true // "no radiological changes suggestive of recurrence": a finding, not a change
	case "in", "of", "to":
	default:
		return false
	}
	// "change in therapy", "change of the prednisone dose", "changes in laboratory values"
	for k := j + 1; k < j+4 && k < len(toks) && !toks[k].brk; k++ {
		if changedTreatment[toks[k].norm] {
			return true
		}
	}
	return false
}

// changedTreatment are the nouns of a treatment that "a change in" may name, and the
// safety measures a change may be said of.
var changedTreatment = map[string]bool{"therapy": true, "therapies": true, "treatment": true, "treatments": true,
	"medication": true, "medications": true, "dose": true, "doses": true, "dosage": true, "regimen": true,
	"management": true, "drug": true, "drugs": true, "plan": true,
	// safety remarks: "no clinically significant changes in laboratory values"
	"laboratory": true, "lab": true, "labs": true, "vital": true}

// treatmentChangeNoun reports whether a treatment noun is the subject of the word at i,
// right before it or past "was"/"were"/"had been" ("treatment was escalated").
func treatmentChangeNoun(toks []token, i int) bool {
	k := i - 1
	for k >= 0 && !toks[k+1].brk && i-k <= 3 && (passiveVerbs[toks[k].norm] || auxiliaries[toks[k].norm]) {
		k--
	}
	return k >= 0 && !toks[k+1].brk && treatmentChangeNouns[toks[k].norm]
}

// quantifierSubject are the words that, as the subject of an outcome verb at the start of a
// sentence or clause ("All responded", "Both improved", "One recovered"), make a statement about several
// patients (outcomes.tsv); after a noun they quantify it.
var quantifierSubject = map[string]bool{"all": true, "both": true, "one": true, "neither": true}

// phraseAcross returns the token k inside the cue toks[i:j] (i < k < j) at which a "not"
// or "no" starts an outcome phrase that runs past the cue's end, or 0. Such a phrase
// carries its own negation and is the more specific reading of the words the two share:
// the cue "was not" and the phrase "not evaluable" in "response was not evaluable" (but
// the qualifier "not complete" keeps "complete remission").
func (c *compiled) phraseAcross(toks []token, i, j int, accept func([]int, []token) []int) int {
	for k := i + 1; k < j; k++ {
		if toks[k].norm != "not" && toks[k].norm != "no" {
			continue
		}
		if np, _ := c.outTrie.longest(toks, k, accept); k+np > j {
			return k
		}
	}
	return 0
}

// measureAt returns the length in tokens of the longest measure of two to four words of
// scores.tsv that starts at toks[i], or 0. It runs at every token: most tokens start no
// such measure, and are answered without building a name.
func (c *compiled) measureAt(toks []token, i int) int {
	if !c.measureHeads[toks[i].norm] {
		return 0
	}
	for n := min(4, len(toks)-i); n >= 2; n-- {
		if _, ok := c.measureOf(toks[i : i+n]); ok {
			return n
		}
	}
	return 0
}

// eventBefore reports whether an event word stands before the state adjective at toks[i]:
// "developed refractory ascites", "resulted in recurrent pericarditis" — but "in" only after
// a word of result, since "the benefit of X in refractory TTP" names the disease treated.
func eventBefore(toks []token, i int) bool {
	if i == 0 || !eventWords[toks[i-1].norm] {
		return false
	}
	if toks[i-1].norm == "of" && i >= 2 && (toks[i-2].norm == "because" || toks[i-2].norm == "case") {
		return false // "because of treatment-resistant hyperemesis", "a case of refractory ITP": a cause, a kind
	}
	if toks[i-1].norm != "in" {
		return true
	}
	return i >= 2 && strings.HasPrefix(toks[i-2].norm, "result")
}

// gapHeads are the first words of outcome phrases that also match with one modifier between
// them and the rest: "further hypoglycemic episodes" is "further episodes", "new pulmonary
// nodules" is "new nodules", "some clinical improvement" is "some improvement".
var gapHeads = map[string]bool{"further": true, "new": true, "some": true}

// gapReach bounds the words after the modifier that a gapped phrase may take.
const gapReach = 5

// gappedPhrase returns the length in tokens of an outcome phrase that starts at toks[i] with a
// word of gapHeads and goes on after one modifier, and the phrase's ids; 0 when there is none.
// The modifier is a word in the same clause that is not a number, a cue word or an outcome
// word of its own; it may start a longer phrase ("some clinical improvement" is "some
// improvement", not "clinical improvement").
func (c *compiled) gappedPhrase(toks []token, i int, accept func([]int, []token) []int) (int, []int) {
	if !gapHeads[toks[i].norm] || i+2 >= len(toks) || toks[i+1].brk || toks[i+2].brk || isNumber(toks[i+1].norm) {
		return 0, nil
	}
	if n, _ := c.outTrie.longest(toks, i+1, accept); n == 1 {
		return 0, nil // the modifier is an outcome word of its own ("new", "further" lesions)
	}
	if n, _ := c.ctxTrie.longest(toks, i+1, nil); n > 0 {
		return 0, nil
	}
	end := min(i+2+gapReach, len(toks))
	skip := make([]token, 0, end-i-1)
	skip = append(append(skip, toks[i]), toks[i+2:end]...)
	n, ids := c.outTrie.longest(skip, 0, accept)
	if n < 2 {
		return 0, nil
	}
	return n + 1, ids
}

// treatmentChangeNouns, right before a word of growth (treatmentGrowth) that the outcome
// vocabulary reads as a worsening, make it a change of the treatment: "dose escalated",
// "therapy intensified" ("therapy exacerbated her disease" is the disease's).
var (
	treatmentChangeNouns = map[string]bool{"dose": true, "doses": true, "dosage": true, "dosing": true,
		"therapy": true, "treatment": true, "infusion": true, "infusions": true, "immunosuppression": true}
	treatmentGrowth = map[string]bool{"escalated": true, "escalation": true, "intensified": true, "intensification": true,
		"increased": true, "doubled": true, "raised": true, "augmented": true}
)

// lostHeads are the words that begin a phrase of a lost response ("lost response", "loss
// of remission") and may be parted from its response word by modifiers: "lost hematologic
// response", "lost her complete cytogenetic response", "loss of clinical remission".
var lostHeads = map[string]int{"lost": 1, "losing": 1, "loses": 1, "loss": 2}

// lostReach bounds the modifiers between a lost head and its response word.
const lostReach = 3

// lostPhrase returns the length in tokens of a phrase of a lost response whose head
// (lostHeads, "loss" with "of") is parted from its response word by one to lostReach
// modifiers, or is followed by any response phrase, and the phrase's ids; 0 when there is
// none. The modifiers are words of the same clause that are neither numbers, prepositions,
// negations nor quantities (lostBlockers). Without the modifiers the phrase must be one of a
// worsening ("lost hematologic response" is "lost response"), so "lost to follow-up" and
// "lost weight" are not read; a head before a response phrase ("loss of CCyR", "lost her
// complete remission") reads as "lost response".
func (c *compiled) lostPhrase(toks []token, i int, accept func([]int, []token) []int) (int, []int) {
	h := lostHeads[toks[i].norm]
	if h == 0 || h == 2 && (i+1 >= len(toks) || toks[i+1].norm != "of" || toks[i+1].brk) {
		return 0, nil
	}
	for m := 0; m <= lostReach && i+h+m < len(toks); m++ {
		if m > 0 {
			if w := toks[i+h+m-1]; w.brk || isNumber(w.norm) || lostBlockers[w.norm] ||
				listLinks[w.norm] && (m == 1 || !adjectival(toks[i+h+m-2].norm)) {
				// "lost hematologic and cytogenetic response", not "loss of vision and marked
				// improvement": a list of modifiers joins adjectives
				return 0, nil
			}
		}
		if toks[i+h+m].brk {
			return 0, nil
		}
		if m > 0 {
			skip := make([]token, 0, h+len(toks)-i-h-m)
			skip = append(append(skip, toks[i:i+h]...), toks[i+h+m:]...)
			if n, ids := c.outTrie.longest(skip, 0, accept); n > h && c.outcomes[ids[0]].category == Progression {
				return n + m, ids
			}
		}
		if c.lostResponse < 0 || strings.HasSuffix(toks[i+h+m].norm, "ed") || m > 0 && listLinks[toks[i+h+m-1].norm] {
			continue // "lost consciousness and improved": a verb of response, or a list, is no object of the loss
		}
		if n, ids := c.outTrie.longest(toks, i+h+m, accept); n > 0 {
			e := c.outcomes[ids[0]]
			if e.role == rolePrimary && !e.marker && e.category.AtLeast(Partial) {
				return h + m + n, []int{c.lostResponse}
			}
		}
	}
	return 0, nil
}

// adjectival reports whether w ends as the adjectives of a kind of response do
// ("hematologic", "cytogenetic", "molecular", "clinical", "radiological", "complete").
func adjectival(w string) bool {
	for _, suf := range []string{"ic", "al", "ar", "ive", "ous", "ory", "ete", "ial"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// lostBlockers end the modifiers of a lost head: "lost to follow-up after response", "lost
// weight after the response".
var lostBlockers = map[string]bool{"to": true, "after": true, "before": true, "at": true, "in": true, "on": true,
	"with": true, "from": true, "for": true, "during": true, "of": true, "but": true, "then": true, "weight": true,
	"no": true, "not": true, "any": true, "little": true, "very": true, "some": true, "part": true, "none": true}

// compoundPart reports whether the word tk is joined by a hyphen to a letter or digit on
// either side: part of a compound name ("anti-PD-1", "PD-L1", "AE-IPF"), not an
// abbreviation standing alone ("PD", "Discontinued (AE)"). Two grades joined by a hyphen
// ("PR-CR", "CR-PD") are a sequence of grades, not a name.
func (c *compiled) compoundPart(text string, tk token) bool {
	if tk.end+1 < len(text) && text[tk.end] == '-' && isAlnum(text[tk.end+1]) {
		j := tk.end + 1
		for j < len(text) && isAlnum(text[j]) {
			j++
		}
		if !c.upperGrade(text[tk.end+1 : j]) {
			return true
		}
	}
	if tk.start >= 2 && text[tk.start-1] == '-' && isAlnum(text[tk.start-2]) {
		i := tk.start - 2
		for i > 0 && isAlnum(text[i-1]) {
			i--
		}
		if !c.upperGrade(text[i : tk.start-1]) {
			return true
		}
	}
	return false
}

// isAlnum reports whether b is an ASCII letter or digit.
func isAlnum(b byte) bool { return b >= '0' && b <= '9' || b|0x20 >= 'a' && b|0x20 <= 'z' }

// upperGrade reports whether w, as written, is an upper-case abbreviation that is an outcome
// phrase of its own ("CR", "PD").
func (c *compiled) upperGrade(w string) bool {
	if w == "" || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return false
	}
	n, ids := c.outTrie.longest([]token{{norm: strings.ToLower(w)}}, 0, nil)
	if n != 1 {
		return false
	}
	for _, id := range ids {
		if c.outcomes[id].upper {
			return true
		}
	}
	return false
}

// isColonBreak reports whether a colon, semicolon, full stop, question or exclamation mark
// stands right before tk: an outcome phrase does not run across one.
func isColonBreak(text string, tk token) bool {
	for k := tk.start - 1; k >= 0; k-- {
		switch text[k] {
		case ' ', '\t':
			continue
		case ':', ';', '.', '?', '!':
			return true
		}
		return false
	}
	return false
}

// cutsPhrase reports whether an outcome phrase that starts at token t (right after a colon)
// runs further than rest tokens, the part of a phrase across the colon from t on: the
// phrase across the colon would cut it short ("Response: lost to follow-up" is not
// "response lost").
func (c *compiled) cutsPhrase(toks []token, t token, rest int) bool {
	q := sort.Search(len(toks), func(k int) bool { return toks[k].start >= t.start })
	n, _ := c.outTrie.longest(toks, q, nil)
	return n > rest
}
