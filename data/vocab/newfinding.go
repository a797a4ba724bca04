package vocab

import "strings"

// New findings: a lesion that came on the course ("new plaques developed on the trunk",
// "new oral erosions"), read as progression (docs/outcomes.md, terse forms of sheets).

// newFindingPhrase returns the length of a new finding of the skin or of imaging that the
// vocabulary does not name as a phrase, at toks[i]: "new", "fresh", "further",
// "additional" or "satellite" (a lesion that came beside the first), at most two words that describe it, and a lesion noun ("new oral erosions",
// "fresh bullae", "new necrotic areas"), read as "new lesions" is; 0 when there is none. Not
// a count ("new lesions in 2 of 5") nor words of a stop, a treatment or a patient between,
// nor a noun with "of" after it ("new areas of repigmentation").
func newFindingPhrase(toks []token, i int) int {
	if w := toks[i].norm; w != "new" && w != "fresh" && w != "further" && w != "additional" && w != "satellite" && w != "again" {
		return 0
	}
	if toks[i].norm == "again" && (i+1 >= len(toks) || toks[i+1].brk || !againCounts[toks[i+1].norm]) {
		return 0 // "again some aphthae": lesions that came again; not "again the ulcers healed"
	}
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		tk := toks[k]
		if tk.brk || tk.norm == "" || isDigitByte(tk.norm[0]) || stopWords[tk.norm] || patientWords[tk.norm] ||
			treatmentNouns[tk.norm] || newFindingNotNouns[tk.norm] || listLinks[tk.norm] {
			return 0
		}
		if lesionNouns[tk.norm] || newFindingNouns[tk.norm] {
			if k+1 < len(toks) && !toks[k+1].brk && toks[k+1].norm == "of" {
				return 0 // "new areas of repigmentation", "new patches of hair": what the new thing is of decides
			}
			return k + 1 - i
		}
	}
	return 0
}

// againCounts are the words of number after which "again" opens lesions that came back
// ("on month 7 again some aphthae", "again a few new ulcers").
var againCounts = map[string]bool{"some": true, "a": true, "few": true, "several": true, "multiple": true, "many": true,
	"more": true, "numerous": true}

// newFindingNouns are lesions that come new, besides lesionNouns: what blisters, erodes,
// breaks down or swells on the skin and mucosa ("DU": a digital or duodenal ulcer).
var newFindingNouns = map[string]bool{"erosions": true, "erosion": true, "bullae": true, "bulla": true, "blisters": true,
	"blister": true, "vesicles": true, "pustules": true, "chilblains": true, "areas": true, "area": true, "ulcerations": true,
	"abscesses": true, "abscess": true, "tunnels": true, "nodes": true, "metastases": true, "wheals": true,
	"eschars": true, "eschar": true, "aphthae": true, "aphtha": true, "burrows": true, "fissures": true, "du": true, "dus": true}

// newFindingNotNouns name a treatment, which a new finding is not ("new treatment areas").
var newFindingNotNouns = map[string]bool{"treatment": true, "therapy": true, "tx": true, "rx": true, "drug": true,
	"medication": true, "medications": true, "agent": true, "regimen": true}

// newFindingAtSite reports whether t, a secondary word of worsening ("new lesions", "new
// plaques"), opens the cell and only says how the finding came and where it is after it, then
// perhaps when: "new lesions on trunk", "new ulcers over both shins at wk 20", "new plaques
// developed on the arms", "new papules appeared". The cell is then the new finding alone,
// which the authors give as the course's result, as "new plaques" alone is (wholeCellGrade).
// The place is a preposition and one to four words, none a number or a word of patients
// ("new lesions in 2 of 5 patients" counts patients), of a stop or of another time ("new
// lesions on stopping", "off treatment").
func newFindingAtSite(toks []token, t target) bool {
	if t.i != 0 || t.category != Progression || t.negated || t.hedged || t.entry.role == roleRelapse ||
		t.j >= len(toks) || toks[t.j].brk {
		return false
	}
	k := t.j
	if k+1 < len(toks) && auxiliaryWords[toks[k].norm] && appearanceVerbs[toks[k+1].norm] && !toks[k+1].brk {
		k++
	}
	verb := appearanceVerbs[toks[k].norm]
	if verb {
		k++
	}
	site := siteAfter(toks, k, true)
	if site == k && !verb {
		return false
	}
	for _, tk := range toks[site:] {
		if tk.brk || !timeToken(tk) {
			return false
		}
	}
	return true
}

// siteAfter returns the end of a place named at toks[k] ("on the trunk", "to both legs"): a
// preposition (required when prep is set) and one to four words, none a number, a word of
// patients or groups, of a stop or of another time; k when there is none.
func siteAfter(toks []token, k int, prep bool) int {
	start := k
	if k < len(toks) && !toks[k].brk && sitePrepositions[toks[k].norm] {
		start = k + 1
	} else if prep {
		return k
	}
	e := start
	for e < len(toks) && e < start+4 && !toks[e].brk && !timeToken(toks[e]) {
		if w := toks[e].norm; w == "" || isDigitByte(w[0]) || patientWords[w] || groupNouns[w] || earlierWords[w] || stopWords[w] {
			return k
		}
		e++
	}
	if e == start {
		return k
	}
	return e
}

// appearanceVerbs say that a new finding came ("new plaques developed"), and auxiliaryWords
// may stand before them ("had appeared").
var (
	appearanceVerbs = map[string]bool{"appeared": true, "developed": true, "emerged": true, "arose": true,
		"occurred": true, "erupted": true, "formed": true}
	auxiliaryWords = map[string]bool{"had": true, "has": true, "have": true}
)

// sitePrepositions open the place of a finding ("on the trunk", "over both shins").
var sitePrepositions = map[string]bool{"on": true, "over": true, "in": true, "at": true, "of": true,
	"involving": true, "around": true, "along": true, "to": true, "onto": true, "into": true, "across": true}

// cameBackNouns are the manifestations, besides lesionNouns and newFindingNouns, that are
// said to come back: symptoms and attacks ("urticaria returned", "itch came back").
var cameBackNouns = map[string]bool{"urticaria": true, "hives": true, "itch": true, "itching": true, "pruritus": true,
	"pain": true, "angioedema": true, "attacks": true, "flares": true, "swelling": true, "disease": true, "symptoms": true}

// cameBackPhrase returns the length of a manifestation said to have come back at toks[i], read
// as "symptoms returned" (a relapse, read by time); 0 when there is none: a lesion or symptom
// noun, perhaps "was" or "were", then "returned", "back" or "came back" ("ulcers back by wk
// 20", "urticaria returned on doses <10 mg", "the rash came back"). Not before "to" ("swelling
// returned to normal", "symptoms back to normal"), nor "back" before "of" or "and" (the back
// as a body site: "warts back of hand resolved", "rash back and trunk cleared").
func cameBackPhrase(toks []token, i int) int {
	if w := toks[i].norm; !lesionNouns[w] && !newFindingNouns[w] && !cameBackNouns[w] {
		return 0
	}
	k := i + 1
	if k < len(toks) && !toks[k].brk && (toks[k].norm == "was" || toks[k].norm == "were") {
		k++
	}
	if k >= len(toks) || toks[k].brk {
		return 0
	}
	switch toks[k].norm {
	case "returned", "back":
	case "came":
		if k+1 >= len(toks) || toks[k+1].brk || toks[k+1].norm != "back" {
			return 0
		}
		k++
	default:
		return 0
	}
	if backOrReturnedTo(toks, toks[k]) {
		return 0
	}
	return k + 1 - i
}

// findingAt returns the phrase at toks[i] that the vocabulary does not name: a new finding
// where no phrase was found ("new oral erosions"), or a manifestation that came back, longer
// than the phrase found ("ulcers back", not "ulcers" alone); else np and pids as found.
func (c *compiled) findingAt(toks []token, i, np int, pids []int) (int, []int) {
	if np == 0 && c.newLesions >= 0 {
		if nn := newFindingPhrase(toks, i); nn > 0 {
			np, pids = nn, []int{c.newLesions}
		}
	}
	if c.cameBack >= 0 {
		if nb := cameBackPhrase(toks, i); nb > np {
			np, pids = nb, []int{c.cameBack}
		}
	}
	if c.ceased >= 0 {
		if ns := ceasedPhrase(toks, i); ns > np {
			np, pids = ns, []int{c.ceased}
		}
	}
	return np, pids
}

// ceasedNouns are the manifestations, besides cameBackNouns, that are said to stop: what
// flows or comes in episodes ("drainage stopped", "the seizures stopped").
var ceasedNouns = map[string]bool{"drainage": true, "oozing": true, "bleeding": true,
	"exudation": true, "suppuration": true, "seizures": true, "episodes": true, "crises": true, "vomiting": true}

// siteStoppers end a site phrase: a conjunction or a treatment word says the stop is another
// clause's, the course's ("pain in the knees until infliximab was stopped").
var siteStoppers = map[string]bool{"so": true, "and": true, "until": true, "after": true, "then": true, "when": true,
	"because": true, "therefore": true, "drug": true, "treatment": true, "therapy": true, "medication": true, "spite": true}

// ceasedPhrase returns the length of a manifestation said to have stopped at toks[i], read as
// "ceased" (complete for that finding; other findings roll up by rule 8); 0 when there is
// none: a symptom noun, perhaps its site ("from the sinuses", at most four words after a
// site preposition), perhaps "was", "had" or "has", then "stopped" or "ceased", perhaps
// "completely" ("Drainage from the sinuses stopped completely"). Not "disease" or "symptoms"
// (the course's own stop: "symptoms stopped the treatment" is rare, but "disease stopped" is
// a worsening halted), nor before a gerund, "to" or a reason ("pain stopped spreading",
// "pain stopped to respond", "bleeding stopped due to …").
func ceasedPhrase(toks []token, i int) int {
	w := toks[i].norm
	if w == "disease" || w == "symptoms" || !cameBackNouns[w] && !ceasedNouns[w] {
		return 0
	}
	k := i + 1
	if k < len(toks) && !toks[k].brk && (sitePrepositions[toks[k].norm] || toks[k].norm == "from") {
		e := k + 1
		for e < len(toks) && e <= k+4 && !toks[e].brk && toks[e].norm != "stopped" && toks[e].norm != "ceased" {
			if siteStoppers[toks[e].norm] {
				return 0 // "pain in the chest so methotrexate stopped": the course's stop, its reason before it
			}
			e++
		}
		k = e
	}
	if k < len(toks) && !toks[k].brk && (auxiliaryWords[toks[k].norm] || toks[k].norm == "was" || toks[k].norm == "were") {
		k++
	}
	if k >= len(toks) || toks[k].brk || toks[k].norm != "stopped" && toks[k].norm != "ceased" {
		return 0
	}
	if k+1 < len(toks) && !toks[k+1].brk && toks[k+1].norm == "completely" {
		k++
	}
	if k+1 < len(toks) && !toks[k+1].brk {
		if n := toks[k+1].norm; n == "to" || n == "due" || n == "because" || n == "for" || n == "owing" || strings.HasSuffix(n, "ing") {
			return 0
		}
	}
	return k + 1 - i
}

// backOrReturnedTo reports whether last, the last token of a phrase, is "back" or "returned"
// followed in its clause by a word that makes it no return of the disease: "to" ("swelling
// returned to normal", "symptoms back to normal"), or, after "back", "of" or "and" (the back
// as a body site: "warts back of hand resolved", "rash back and trunk cleared").
func backOrReturnedTo(toks []token, last token) bool {
	if last.norm != "back" && last.norm != "returned" {
		return false
	}
	switch wordAfter(toks, last) {
	case "to":
		return true
	case "of", "and":
		return last.norm == "back"
	}
	return false
}
