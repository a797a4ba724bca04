package vocab

// An initial response followed by a statement the reader found nothing in: "He initially
// responded well to dilatation, but four months later developed a marked, unyielding
// subglottic stenosis requiring tracheostomy"; "leading to initial clinical improvement.
// However, refractory heart failure necessitated urgent heart transplantation". The authors
// called the response initial, and what follows may be its loss on the course (progression,
// rule 3) or something else (a harm, a remark on follow-up); the reader cannot tell, so the
// response is proposed with low confidence and a person decides.

// contrastWords open a statement set against what came before.
var contrastWords = map[string]bool{"but": true, "however": true, "yet": true, "although": true,
	"though": true, "nevertheless": true, "nonetheless": true, "unfortunately": true}

// unreadAfterMin is the least number of words that make a statement after the contrast.
const unreadAfterMin = 3

// lowInitialThenUnread is the reason given for such a reading.
const lowInitialThenUnread = "an initial response, then a statement the reader could not read: perhaps the response was lost on the course"

// initialThenUnread reports whether the decisive response t of the text is called initial
// ("initial improvement", "initially responded") and a contrast word, a new sentence
// (an arrow is one: sentenceEnds) or "then" after every statement the reader found (all)
// opens at least unreadAfterMin words.
func initialThenUnread(toks []token, ends []bool, all []target, t target) bool {
	if !t.category.AtLeast(Partial) || !initialResponse(toks, ends, t) {
		return false
	}
	last := 0
	for _, u := range all {
		last = max(last, u.j)
	}
	for x := max(last, t.j); x < len(toks)-unreadAfterMin; x++ {
		if n := toks[x+1].norm; contrastWords[toks[x].norm] && n != "also" && n != "not" || ends[x] {
			return true // not "… but also …", nor "improvement in ALP but not Tbil" (rule 8)
		}
		if x > t.j && toks[x].norm == "then" {
			return true // "good initial regression after 3 pulses, then sudden compressive optic neuropathy"
		}
	}
	return false
}

// initialResponse reports whether a transient cue qualifies t ("initial improvement") or
// "initially" or "at first" stands in the four words before it ("Initially, patient
// responded") or right after it in its clause ("She improved at first, but …"), not as the
// time of the treatment ("treated initially with corticosteroids", "was treated at first
// with IVIG").
func initialResponse(toks []token, ends []bool, t target) bool {
	// timeWord returns the first token of "initially" or "at first" at x, or -1
	timeWord := func(x int) int {
		switch {
		case toks[x].norm == "initially":
			return x
		case toks[x].norm == "first" && x > 0 && toks[x-1].norm == "at":
			return x - 1
		}
		return -1
	}
	for x := t.i - 1; x >= max(0, t.i-6); x-- {
		if f := timeWord(x); f >= 0 {
			if f > 0 && treatmentVerbs[toks[f-1].norm] || x+1 < len(toks) && treatmentVerbs[toks[x+1].norm] {
				// "treated initially with IVIG", "Initially treated with prednisone, she
				// improved", "She initially received IVIG": the time of the treatment
				return false
			}
			if x >= t.i-4 {
				return true
			}
			break
		}
		if ends[x] {
			break
		}
	}
	if t.transient {
		return true
	}
	for x := t.j; x < min(len(toks), t.j+3) && !toks[x].brk; x++ {
		if timeWord(x) >= 0 {
			return true
		}
	}
	return false
}

// treatmentVerbs before or after "initially" make it the time of the treatment.
var treatmentVerbs = map[string]bool{"treated": true, "given": true, "started": true, "managed": true,
	"received": true, "administered": true, "commenced": true, "receiving": true, "prescribed": true,
	"performed": true, "undertaken": true, "initiated": true, "instituted": true, "placed": true, "inserted": true,
	"implanted": true, "tolerated": true}

// goneWords are the words of a thing gone; said of a response, they say the response was
// lost ("the benefit disappeared within a month"). Words of a fall ("decreased") are not
// among them: "the febrile response decreased", "the antibody response declined" are a
// disease's responses going down, an improvement.
var goneWords = map[string]bool{"disappeared": true, "vanished": true, "faded": true, "waned": true}

// responseNouns are the nouns of a response that may be the subject of a goneWord.
var responseNouns = map[string]bool{"response": true, "responses": true, "effect": true, "effects": true,
	"benefit": true, "benefits": true, "improvement": true, "efficacy": true, "effectiveness": true}

// noLongerBefore reports whether "no longer" stands right before t, a response or a good
// state not negated ("no longer in remission", "no longer seizure free"): the state was lost.
// "No longer" inside a phrase ("no longer required dialysis") is that phrase's.
func noLongerBefore(toks []token, t target) bool {
	return !t.negated && t.category.AtLeast(Partial) && t.i >= 2 && !toks[t.i].brk && !toks[t.i-1].brk &&
		toks[t.i-2].norm == "no" && toks[t.i-1].norm == "longer"
}

// responseGone reports whether the phrase t is a word of a thing gone whose subject is a
// response: "Her response to IVIG vanished after four weeks", "the effect of the infusion
// disappeared". Between the noun and the word only "to", "of" or "from" and their object may
// stand ("good response and the ulcer disappeared" is two statements).
func responseGone(toks []token, t target) bool {
	if t.negated || t.j-t.i != 1 || !goneWords[toks[t.i].norm] {
		return false
	}
	for x := t.i - 1; x >= max(0, t.i-6); x-- {
		if toks[x+1].brk {
			return false
		}
		if responseNouns[toks[x].norm] {
			if x > 0 && harmOrDiseaseResponse[toks[x-1].norm] {
				return false // "the side effects disappeared", "the inflammatory response faded"
			}
			if x+1 == t.i {
				return true
			}
			if n := toks[x+1].norm; n != "to" && n != "of" && n != "from" {
				return false
			}
			for _, tk := range toks[x+1 : t.i] {
				if tk.norm == "and" || tk.norm == "with" || tk.norm == "but" || tk.norm == "while" || newSubjects[tk.norm] {
					return false
				}
			}
			return true
		}
	}
	return false
}

// harmOrDiseaseResponse before a response noun make it a harm or the disease's own response,
// not the course's benefit: "side effects", "mass effect", "the inflammatory response".
var harmOrDiseaseResponse = map[string]bool{"side": true, "adverse": true, "mass": true, "compressive": true,
	"inflammatory": true, "immune": true, "antibody": true, "autoantibody": true, "granulomatous": true,
	"febrile": true, "phase": true, "haemolytic": true, "hemolytic": true, "hormonal": true, "toxic": true,
	"anticholinergic": true, "placebo": true, "paradoxical": true, "stress": true}

// newSubjects between a response noun and a word of a thing gone start a statement of their
// own ("the excellent response … the patient declined surgery").
var newSubjects = map[string]bool{"patient": true, "she": true, "he": true, "they": true, "family": true}

// What the words after a response given as a number say of it (afterQuantity).
const (
	quantityKept      = iota
	quantityLost      // "PASI 75 lost by wk 40"
	quantityTransient // "Plt 8 → 45, transient"
)

// afterQuantity reads the words after the number t (a score threshold or before/after
// values), within six words of its sentence: a bare "lost" (not "lost to follow-up", "lost
// weight", "lost her vision": only at the end or before a word of time) says the response
// was lost; "transient" or "transiently" right after it, past a comma, says it did not last.
func afterQuantity(toks []token, ends []bool, t target) int {
	for x := t.j; x < min(len(toks), t.j+7) && !ends[x]; x++ {
		switch toks[x].norm {
		case "lost":
			if x+1 == len(toks) || ends[x+1] || toks[x+1].brk || lostTime[toks[x+1].norm] {
				return quantityLost
			}
		case "transient", "transiently", "temporary", "temporarily":
			if x <= t.j+3 {
				return quantityTransient
			}
		}
	}
	return quantityKept
}

// lostTime, after "lost", give the time the response was lost ("lost by week 40").
var lostTime = map[string]bool{"by": true, "at": true, "after": true, "on": true, "in": true, "within": true,
	"during": true, "when": true, "while": true, "over": true, "again": true}

// lowContrastUnread is the reason given when a non-response in weak words follows a
// contrast with a statement the reader could not read.
const lowContrastUnread = "a non-response after a contrast with a statement the reader could not read"

// residueContrasts set what follows against what came before ("…, but smells were still
// distorted"); "although" is left out: it opens a concession, not what it is set against.
var residueContrasts = map[string]bool{"but": true, "however": true, "yet": true}

// effectVerbs make a clause naming a treatment a statement of its effect, not of its
// administration ("prednisolone resulted in amelioration of …").
var effectVerbs = map[string]bool{"resulted": true, "led": true, "achieved": true, "produced": true, "brought": true}

// unreadBeforeContrast reports whether the non-response t (weak, or a worsening in any
// words: "lung lesions and blood counts better, but intracranial lesions worse") follows a contrast word of
// its sentence ("but", "however", "yet") whose other side is a statement the reader could
// not read and that is not about giving a treatment: "she could now smell items that she
// previously could not smell, but these smells were still distorted" may report a response
// with a residue (partial) as well as a non-response, so a person decides (rule 8). The other
// side is the part of the sentence before the contrast, or the sentence before when the
// contrast opens its own. "prednisone was increased to 10 mg, however symptoms persisted"
// is not such a case: its other side is the course.
func (c *compiled) unreadBeforeContrast(toks []token, ends []bool, targets []target, t target) bool {
	p := -1
	for x := t.i - 1; x >= 0; x-- {
		if residueContrasts[toks[x].norm] {
			p = x
			break
		}
		if ends[x] {
			break
		}
	}
	if p < 0 {
		return false
	}
	from, to := p, p // the other side: [from, to)
	if ends[p] || p == 0 {
		for to = p; from > 0 && (from == p || !ends[from]); from-- {
		}
	} else {
		for from = p; from > 0 && !ends[from]; from-- {
		}
	}
	covered := coveredBy(targets, len(toks))
	words, effect := 0, false
	for x := from; x < to; x++ {
		effect = effect || effectVerbs[toks[x].norm]
	}
	for x := from; x < to; x++ {
		w := toks[x].norm
		if covered[x] || treatmentVerbs[w] || courseNouns[w] && !effect {
			return false
		}
		if n, _ := c.drugTrie.longest(toks, x, nil); n > 0 && !effect {
			return false
		}
		if contentWord(w) {
			words++
		}
	}
	return words >= 2
}
