package vocab

// describesFinding reports whether the qualifier cu is an adjective of the lesion named
// right after it, whose response word follows as a verb: "the small nodule disappeared",
// "a minor ulcer healed" say how large the lesion was, not how far it responded. Before a
// noun of response the qualifier grades it ("complete lesion resolution", "small
// improvement").
func describesFinding(toks []token, targets []target, cu cueHit) bool {
	if cu.j >= len(toks) || toks[cu.j].brk || !sizeAdjectives[toks[cu.j-1].norm] || !lesionNoun(toks[cu.j].norm) {
		return false
	}
	for k := range targets {
		if i := targets[k].i; i > cu.j {
			return i <= cu.j+2 && (regularPast(toks[i].norm) || pastResponseVerbs[toks[i].norm])
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
