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
// ("initial improvement", "initially responded") and a contrast word or a new sentence
// after every statement the reader found (all) opens at least unreadAfterMin words.
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
	}
	return false
}

// initialResponse reports whether a transient cue qualifies t ("initial improvement") or
// "initially" or "at first" stands in the four words before it ("Initially, patient
// responded"), not as the time of the treatment ("treated initially with corticosteroids").
func initialResponse(toks []token, ends []bool, t target) bool {
	if t.transient {
		return true
	}
	for x := t.i - 1; x >= max(0, t.i-4); x-- {
		w := toks[x].norm
		if w == "initially" || w == "first" && x > 0 && toks[x-1].norm == "at" {
			return x == 0 || !treatmentVerbs[toks[x-1].norm]
		}
		if ends[x] {
			break
		}
	}
	return false
}

// treatmentVerbs before "initially" make it the time of the treatment.
var treatmentVerbs = map[string]bool{"treated": true, "given": true, "started": true, "managed": true,
	"received": true, "administered": true, "commenced": true}
