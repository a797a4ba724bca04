package vocab

import "strings"

// describesFinding reports whether the qualifier cu is an adjective of the lesion named
// right after it, whose response word follows as a verb: "the small nodule disappeared",
// "a minor ulcer healed" say how large the lesion was, not how far it responded. Before a
// noun of response the qualifier grades it ("complete lesion resolution", "small
// improvement").
//
// So is any adjective of degree (not an adverb, nor "most", which counts: "most lesions
// resolved") before a finding of one to three words whose response word follows as a verb:
// "inadequate breast milk flow resolved", "poor appetite improved" say what the finding was,
// not that the response was inadequate or poor.
func describesFinding(toks []token, targets []target, cu cueHit) bool {
	if cu.j >= len(toks) || toks[cu.j].brk {
		return false
	}
	adjective := cu.j == cu.i+1 && !strings.HasSuffix(toks[cu.i].norm, "ly") && toks[cu.i].norm != "most"
	lesion := sizeAdjectives[toks[cu.j-1].norm] && lesionNoun(toks[cu.j].norm)
	if !lesion && !adjective {
		return false
	}
	for k := range targets {
		if targets[k].i == cu.j {
			return false // "complete alleviation of pain was achieved": it grades the word after it
		}
		if i := targets[k].i; i > cu.j {
			reach := 2
			if !lesion {
				// an adjective grades no verb: "two minor crops during intercurrent
				// infections settled" says how large the crops were
				reach = qualifierReach
				if breakBetween(toks, cu.j, i) {
					return false
				}
			}
			// the verb may be the target's last word ("small ulcers re-epithelialised")
			last := toks[targets[k].j-1].norm
			return i <= cu.j+reach && (regularPast(toks[i].norm) || pastResponseVerbs[toks[i].norm] || regularPast(last))
		}
	}
	return false
}

// sizeAdjectives are the qualifiers of degree that also say how large or severe a lesion
// is ("small nodule", "mild lesions"); "most lesions resolved" counts lesions, and stays
// partial.
var sizeAdjectives = map[string]bool{"small": true, "minor": true, "mild": true, "little": true}

// pastResponseVerbs are irregular verbs of response in the past ("the mass shrank").
var pastResponseVerbs = map[string]bool{"shrank": true, "shrunk": true, "fell": true, "went": true}

// lesionNoun reports whether w names a lesion or site, singular or plural (siteNouns).
func lesionNoun(w string) bool {
	return siteNouns[w] || siteNouns[w+"s"] || siteNouns[w+"es"] || w == "metastasis" || w == "mass"
}

// namesMeasure reports whether the qualifier cu is "total", "complete" or "full" naming the
// measure or the operation right after it, not a degree of response: "PANSS total score was
// reduced by 19 points", "total bilirubin fell", "total thyroidectomy; the symptoms improved".
func namesMeasure(toks []token, cu cueHit) bool {
	if cu.j >= len(toks) || toks[cu.j].brk {
		return false
	}
	switch toks[cu.j-1].norm {
	case "total", "complete", "full":
	default:
		return false
	}
	w := toks[cu.j].norm
	return measuredWholes[w] || strings.HasSuffix(w, "ectomy")
}

// measuredWholes are the nouns a "total" or "complete" names the whole of: a measure, a
// count, a dose or an operation.
// "Count" is not among them: "full count recovery", "complete blood count recovery" are
// haematology's complete responses.
var measuredWholes = map[string]bool{"score": true, "scores": true, "bilirubin": true, "cholesterol": true,
	"protein": true, "dose": true, "doses": true, "body": true, "ige": true, "calcium": true, "iron": true,
	"volume": true, "testosterone": true, "thyroxine": true, "t4": true, "t3": true, "resection": true,
	"excision": true, "removal": true, "parenteral": true, "course": true, "duration": true}

// lesionChangeSaid reports whether a weak word of improvement ("flattened", "faded",
// "smaller") is said of a lesion named right before it at the start of its clause, perhaps
// after "the" or "all" ("Papules flattened, a few deep nodules remain at wk 8", "the lesions
// flattened and faded over 6 weeks"): what one sees of the disease changing is the authors'
// grade of it, as when it is the whole cell (lesionSubjectGrade). Only the verbs and
// adjectives of lesionChangeWords: not a word of response ("tumour responding"), persistence
// or stopping, nor a noun ("regrowth"); nor one negated, hedged, of another treatment or
// limited by "only" in its clause.
func lesionChangeSaid(toks []token, t target) bool {
	if t.i == 0 || !t.entry.category.AtLeast(Minimal) || t.negated || t.hedged || t.history || toks[t.i].brk {
		return false
	}
	if t.j != t.i+1 || !lesionChangeWords[toks[t.i].norm] {
		return false // "Keloid regrowth" (a noun, which may be of a worsening), "tumour responding"
	}
	for x := t.j; x < len(toks) && !toks[x].brk; x++ {
		if toks[x].norm == "only" {
			return false // "Lesions faded at the margins only"
		}
	}
	k := t.i - 1
	if !lesionNouns[toks[k].norm] {
		return false
	}
	for k > 0 && !toks[k].brk && (toks[k-1].norm == "the" || toks[k-1].norm == "all") {
		k--
	}
	return k == 0 || toks[k].brk
}

// lesionChangeWords are the weak words of a lesion seen to change for the better.
var lesionChangeWords = map[string]bool{"flattened": true, "flatter": true, "flattening": true, "faded": true,
	"fading": true, "smaller": true, "softer": true, "softened": true, "softening": true, "lighter": true,
	"lightened": true, "lightening": true, "paler": true, "thinner": true, "receded": true, "receding": true,
	"regressed": true, "regressing": true, "shrank": true, "shrunk": true, "shrinking": true, "involuted": true,
	"involuting": true, "healing": true, "crusted": true, "dried": true, "drying": true, "subsided": true,
	"subsiding": true, "settled": true, "fewer": true, "improved": true, "improving": true, "better": true,
	"flat": true, "pale": true, "decreasing": true, "decreased": true, "reduced": true, "diminished": true,
	"diminishing": true, "remitted": true, "clearing": true, "resolving": true}
