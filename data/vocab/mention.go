package vocab

// mention is a treatment named in the outcome text.
type mention struct {
	i, n    int
	name    string // normalised canonical
	class   string // normalised class
	short   bool   // an upper-case abbreviation of up to 3 characters (T3, T4, MTX): weak evidence of another treatment
	course  bool
	generic bool // a class named as a treatment ("steroids", "antibiotics"), not one substance
	word    bool // a word of the course's treatment cells that names no known treatment ("lavage")
	// sibling is set (by courseHistory) for a drug of the course's class that is another
	// treatment than the course ("foscarnet" in a ganciclovir row that names ganciclovir too)
	sibling bool
}

// mentionOf is the treatment of entry e named at toks[i:i+n], with whether it is one of the
// course's (by name, class or the words of the treatment cells).
func (c *compiled) mentionOf(toks []token, i, n int, e termEntry, k *course) mention {
	m := mention{i: i, n: n, name: normalize(e.canonical), short: n == 1 && toks[i].upper && len(toks[i].norm) <= 3}
	var codes []drugCode
	if g := c.generics[m.name]; g != nil && len(g.codes) > 0 {
		codes = g.codes
		m.class = normalize(g.codes[0].class)
		// a class-level entry carries an ATC group code, shorter than a substance's
		m.generic = g.codes[0].atc != "" && len(g.codes[0].atc) < 7
	}
	m.course = k.names[m.name] || m.class != "" && k.classes[m.class] || k.classes[m.name] || k.sameGroup(codes)
	for w := i; w < i+n && !m.course; w++ {
		m.course = k.words[toks[w].norm]
	}
	return m
}

// effectOnObject reports whether the word at k, a word of lowering after a treatment's name,
// has an object after it ("maribavir reduced the CMV DNA", "valproate reduced seizure
// frequency"): the treatment's effect, not its dose lowered ("prednisone reduced to 10 mg").
func effectOnObject(toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k+1].brk || toks[k].norm != "reduced" {
		return false
	}
	switch toks[k+1].norm {
	case "to", "by", "from", "and", "gradually", "slowly", "over", "in", "at", "after":
		return false
	}
	return true
}
