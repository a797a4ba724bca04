package vocab

import (
	"sort"
	"strings"
)

// Mention is a vocabulary term found in free text: the Match plus its byte span.
// Match.Term is text[Start:End].
type Mention struct {
	Match
	Start, End int // byte offsets into the scanned text
	// Prior is set for a treatment given before the course: the mention follows a prior
	// cue of the timing vocabulary ("after", "previously", "failed") within 5 words in its
	// clause, or follows such a mention joined only by "and", "or", "plus" or a comma.
	Prior bool
}

func norms(toks []token) []string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.norm
	}
	return ws
}

// caseFilter rejects upper-case-only abbreviations matched against a word that is not all
// upper case in the text.
func caseFilter(entries []termEntry) func(ids []int, toks []token) []int {
	return func(ids []int, toks []token) []int {
		var out []int
		for _, id := range ids {
			if !entries[id].upper || len(toks) == 1 && toks[0].upper {
				out = append(out, id)
			}
		}
		return out
	}
}

// wholeLookup looks up a whole normalised term: exact, then fuzzy.
func (c *compiled) wholeLookup(ws []string, trie *trieNode, fz *fuzzyIndex, entries []termEntry, canonKind string) (id int, status MatchStatus, dist int, cands []string) {
	if len(ws) == 0 {
		return -1, StatusUnknown, 0, nil
	}
	if ids := trie.lookup(ws); len(ids) > 0 {
		id = ids[0]
		if entries[id].kind == canonKind {
			return id, StatusExact, 0, nil
		}
		return id, StatusSynonym, 0, nil
	}
	if alt := numberVariant(ws); alt != nil {
		if ids := trie.lookup(alt); len(ids) > 0 {
			// "wart" for "warts": a variant, not a listed term, so it is reviewed as a fuzzy match
			return ids[0], StatusFuzzy, 1, nil
		}
	}
	q := strings.Join(ws, " ")
	if len(ws) == 1 && !c.mayFuzz(q) {
		return -1, StatusUnknown, 0, nil
	}
	return resolveFuzzy(fz.search(q, false), entries)
}

// numberVariant returns the term with its last word in the other grammatical number, a
// regular English plural made or undone by a final s ("wart" and "warts", "keloids" and
// "keloid"), or nil when the last word is short (abbreviations: "AA", "MCD"), not all
// letters, or ends in a Latin or Greek singular (-ss, -is, -us, -as, -os: "psoriasis",
// "pemphigus") whose s is not a plural.
func numberVariant(ws []string) []string {
	last := ws[len(ws)-1]
	if len(last) < 4 {
		return nil
	}
	for _, r := range last {
		if r < 'a' || r > 'z' {
			return nil
		}
	}
	alt := append([]string(nil), ws...)
	switch {
	case strings.HasSuffix(last, "s"):
		for _, suf := range []string{"ss", "is", "us", "as", "os"} {
			if strings.HasSuffix(last, suf) {
				return nil
			}
		}
		alt[len(alt)-1] = last[:len(last)-1]
	default:
		alt[len(alt)-1] = last + "s"
	}
	return alt
}

func resolveFuzzy(hits []fuzzyHit, entries []termEntry) (int, MatchStatus, int, []string) {
	if len(hits) == 0 {
		return -1, StatusUnknown, 0, nil
	}
	var cands []string
	for _, h := range hits {
		if cn := entries[h.id].canonical; !contains(cands, cn) {
			cands = append(cands, cn)
		}
	}
	if len(cands) > 1 {
		sort.Strings(cands)
		return -1, StatusAmbiguous, hits[0].dist, cands
	}
	return hits[0].id, StatusFuzzy, hits[0].dist, nil
}

// canonRoute maps a route word or phrase ("PO", "tablet", "i.v.") to its canonical route.
func (c *compiled) canonRoute(s string) string {
	if ids := c.routeTrie.lookup(words(s)); len(ids) > 0 {
		return c.routes[ids[0]].route
	}
	return ""
}

// pick chooses the code row of g for a route and hint words (hint sequences separated by "").
func (g *drugGeneric) pick(route string, hint *lazyWords) (drugCode, string) {
	best, bestScore := -1, -1
	for i, cr := range g.codes {
		if cr.route != "*" && cr.route != route {
			continue
		}
		if len(cr.hints) > 0 && !anyPhraseIn(cr.hints, hint.get()) {
			continue
		}
		score := 0
		if cr.route != "*" {
			score += 2
		}
		if len(cr.hints) > 0 {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return drugCode{}, "none"
	}
	if len(g.codes) == 1 {
		return g.codes[best], "only"
	}
	return g.codes[best], [...]string{"default", "hint", "route", "route+hint"}[bestScore]
}

func anyPhraseIn(phrases [][]string, ws []string) bool {
	for _, p := range phrases {
	next:
		for i := 0; i+len(p) <= len(ws); i++ {
			for k, w := range p {
				if ws[i+k] != w {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// lazyWords are the indication words of a lookup, made on first use: only a drug whose
// codes depend on the indication needs them (most have one code row), and making them
// tokenizes every hint.
type lazyWords struct {
	make func() []string
	ws   []string
	done bool
}

func (l *lazyWords) get() []string {
	if !l.done {
		l.ws, l.done = l.make(), true
	}
	return l.ws
}

func hintWords(hints []string) []string {
	var ws []string
	for _, h := range hints {
		ws = append(ws, words(h)...)
		ws = append(ws, "")
	}
	return ws
}

// fillDrug completes m for drug term entry id.
func (c *compiled) fillDrug(m *Match, id int, route string, hint *lazyWords) {
	e := c.drugTerms[id]
	if e.kind == "exclusion" {
		m.Matched, m.Kind = e.term, e.kind
		return
	}
	g := c.generics[e.canonical]
	if route == "" {
		route = e.route // "Protopic": the topical form
	}
	m.Matched, m.Canonical, m.Kind, m.Route = e.term, g.name, e.kind, route
	if g.parent != "" {
		m.Parent = c.generics[g.parent].name
	}
	m.Components = nil
	for _, k := range g.components {
		m.Components = append(m.Components, c.generics[k].name)
	}
	cr, basis := g.pick(route, hint)
	m.Code, m.Class, m.Basis = cr.atc, cr.class, basis
	if basis == "none" {
		// no code for this route: still report the class of the default rows
		m.Class = g.codes[0].class
	}
}

// Lineage returns a treatment and its ancestors in the treatment hierarchy, most specific
// first: Lineage("en bloc excision") is [en bloc excision, surgical excision, surgery].
// It returns nil for a name that is not a generic of the drugs vocabulary.
func (v *Vocabulary) Lineage(generic string) []string {
	c := v.c
	var out []string
	for k := normalize(generic); k != ""; {
		g := c.generics[k]
		if g == nil {
			break
		}
		out = append(out, g.name)
		k = g.parent
	}
	return out
}

// Drug looks up a drug or procedure name. term is matched exactly (after normalisation),
// then as a synonym, then fuzzily (see the package documentation). Route words at the start
// or end of term ("oral steroids", "diltiazem cream") are taken as the route when route is
// empty. route ("oral", "PO", "topical", "IV", ...) and the optional hints (indication,
// dose text, e.g. "weekly", "dermatomyositis") select among route- or indication-specific
// ATC codes; Match.Basis says which rule chose the code.
func (v *Vocabulary) Drug(term, route string, hints ...string) Match {
	m, _ := v.DrugHinted(term, route, hints...)
	return m
}

// DrugHinted is Drug, and reports whether the reading read the hints: most drugs have one
// code row, and their reading is the same whatever the indication, so a cache may keep it
// under the term and route alone.
func (v *Vocabulary) DrugHinted(term, route string, hints ...string) (Match, bool) {
	c := v.c
	m := Match{Term: term}
	rt := c.canonRoute(route)
	toks := tokenize(term)
	ws := norms(toks)
	id, st, dist, cands := c.wholeLookup(ws, c.drugTrie, c.drugFuzzy, c.drugTerms, "generic")
	if st == StatusUnknown {
		// strip route words at either end
		lo, hi, found := 0, len(ws), ""
		if n, ids := c.routeTrie.longest(toks, 0, c.routePosFilter("before")); n > 0 && n < len(ws) {
			lo, found = n, c.routes[ids[0]].route
		}
		for s := max(lo+1, hi-c.maxRouteLen); s < hi; s++ {
			if n, ids := c.routeTrie.longest(toks, s, c.routePosFilter("after")); n == hi-s {
				hi = s
				if found == "" {
					found = c.routes[ids[0]].route
				}
				break
			}
		}
		if lo > 0 || hi < len(ws) {
			if id2, st2, d2, c2 := c.wholeLookup(ws[lo:hi], c.drugTrie, c.drugFuzzy, c.drugTerms, "generic"); st2 != StatusUnknown {
				id, st, dist, cands = id2, st2, d2, c2
				if rt == "" {
					rt = found
				}
			}
		}
	}
	m.Status, m.Distance, m.Candidates = st, dist, cands
	hint := &lazyWords{make: func() []string { return hintWords(hints) }}
	if id >= 0 {
		c.fillDrug(&m, id, rt, hint)
	}
	return m, hint.done
}

// routePosFilter accepts route entries usable at the given position relative to a drug name.
func (c *compiled) routePosFilter(pos string) func(ids []int, toks []token) []int {
	return func(ids []int, toks []token) []int {
		var out []int
		for _, id := range ids {
			if p := c.routes[id].position; p == "any" || p == pos {
				out = append(out, id)
			}
		}
		return out
	}
}

// scanHit is one mention with its token span [i, j) and term entry id (-1 if ambiguous).
type scanHit struct {
	Mention
	i, j, id int
}

// scan finds the terms of one vocabulary in toks, leftmost-longest, with fuzzy matching of
// single unmatched words.
func (c *compiled) scan(text string, toks []token, trie *trieNode, fz *fuzzyIndex, entries []termEntry, canonKind string) []scanHit {
	var out []scanHit
	accept := caseFilter(entries)
	cache := map[string][]fuzzyHit{}
	for i := 0; i < len(toks); {
		n, ids := trie.longest(toks, i, accept)
		if n == 1 && hyphenTail(text, toks, i) && entries[ids[0]].upper {
			i++ // "MOG-AD": a two-letter abbreviation after a hyphen is the tail of a compound
			continue
		}
		var m Match
		id := -1
		if n > 0 {
			id = ids[0]
			m.Status = StatusSynonym
			if entries[id].kind == canonKind {
				m.Status = StatusExact
			}
		} else if w := toks[i].norm; c.mayFuzz(w) {
			hits, ok := cache[w]
			if !ok {
				hits = fz.search(w, true)
				cache[w] = hits
			}
			if len(hits) > 0 {
				n = 1
				id, m.Status, m.Distance, m.Candidates = resolveFuzzy(hits, entries)
			}
		}
		if n == 0 {
			i++
			continue
		}
		start, end := toks[i].start, toks[i+n-1].end
		m.Term = text[start:end]
		if id >= 0 {
			m.Matched = entries[id].term
		}
		out = append(out, scanHit{Mention: Mention{Match: m, Start: start, End: end}, i: i, j: i + n, id: id})
		i += n
	}
	return out
}

// hyphenTail reports whether toks[i] is a two-letter word joined by a hyphen, without
// spaces, to the word before it ("MOG-AD", "NMO-SD"): such a word is the tail of a
// hyphenated acronym, not an abbreviation of its own.
func hyphenTail(text string, toks []token, i int) bool {
	return i > 0 && len(toks[i].norm) == 2 && text[toks[i-1].end:toks[i].start] == "-"
}

// ScanDrugs finds every drug and procedure mention in free text, in order, with byte
// offsets. Matching is word-based and leftmost-longest ("calcium channel blockers" is one
// mention, not "calcium"); short upper-case abbreviations (MTX, HCQ, STS) must be upper case
// in the text; a word of 5 or more letters that matches nothing is fuzzy-matched against
// single-word terms. A route word next to a mention ("oral calcium", "diltiazem cream",
// "intralesional triamcinolone") sets Match.Route, which selects route-specific codes; the
// scanned text itself and the optional hints serve as indication hints. Mentions with
// StatusAmbiguous have an empty Canonical and list Candidates. Time is linear in len(text).
func (v *Vocabulary) ScanDrugs(text string, hints ...string) []Mention {
	ms, _ := v.ScanDrugsHinted(text, hints...)
	return ms
}

// ScanDrugsHinted is ScanDrugs, and reports whether the reading read the indication
// hints (the text's own words or the hints): when it did not, the mentions are the same
// for any hints, so a cache may keep them under the text alone.
func (v *Vocabulary) ScanDrugsHinted(text string, hints ...string) ([]Mention, bool) {
	c := v.c
	toks := tokenize(text)
	hits := c.scan(text, toks, c.drugTrie, c.drugFuzzy, c.drugTerms, "generic")
	hint := &lazyWords{make: func() []string {
		return append(append(norms(toks), ""), hintWords(hints)...)
	}}
	type key struct{ g, route string }
	codeCache := map[key]Match{}
	out := make([]Mention, len(hits))
	for k, h := range hits {
		out[k] = h.Mention
		lo := 0
		if k > 0 {
			lo = hits[k-1].j
		}
		out[k].Prior = c.priorCue(toks, lo, h.i) || k > 0 && out[k-1].Prior && onlyConnectors(toks[lo:h.i])
		if h.id < 0 {
			continue // ambiguous: no canonical
		}
		if c.drugTerms[h.id].kind == "exclusion" {
			out[k].Kind, out[k].Status = "exclusion", StatusExact
			continue
		}
		hi := len(toks)
		if k+1 < len(hits) {
			hi = hits[k+1].i
		}
		route := c.adjacentRoute(toks, h.i, h.j, lo, hi)
		ck := key{c.drugTerms[h.id].canonical, route}
		filled, ok := codeCache[ck]
		if !ok {
			c.fillDrug(&filled, h.id, route, hint)
			codeCache[ck] = filled
		}
		m := &out[k].Match
		m.Canonical, m.Code, m.Class, m.Route, m.Basis, m.Kind = filled.Canonical, filled.Code, filled.Class, filled.Route, filled.Basis, c.drugTerms[h.id].kind
		m.Parent, m.Components = filled.Parent, filled.Components
	}
	return out, hint.done
}

// priorCue reports whether a prior cue of the timing vocabulary ends in the words
// before token i (within 5 words), after token lo, with no clause break between the cue and token i.
func (c *compiled) priorCue(toks []token, lo, i int) bool {
	for s := max(lo, i-5); s < i; s++ {
		n, ids := c.timingTrie.longest(toks, s, nil)
		if n == 0 || s+n > i {
			continue
		}
		clean := true
		for t := s + 1; t <= i && t < len(toks); t++ {
			if toks[t].brk {
				clean = false
			}
		}
		if clean && c.timingRole[ids[0]] == "prior" {
			return true
		}
		s += n - 1
	}
	return false
}

var connectorWords = map[string]bool{"and": true, "or": true, "plus": true}

// onlyConnectors reports whether toks are all joining words ("and", "or", "plus").
func onlyConnectors(toks []token) bool {
	for _, t := range toks {
		if !connectorWords[t.norm] {
			return false
		}
	}
	return true
}

// adjacentRoute finds a route word just before toks[i:j] (up to 3 words back, not crossing
// clause punctuation or token lo) or just after it (up to 3 words on, before token hi).
func (c *compiled) adjacentRoute(toks []token, i, j, lo, hi int) string {
	before := c.routePosFilter("before")
	for e := i - 1; e >= lo && e >= i-3; e-- {
		if toks[e+1].brk {
			break
		}
		for s := e; s >= lo && s > e-c.maxRouteLen; s-- {
			if n, ids := c.routeTrie.longest(toks, s, before); n == e-s+1 {
				return c.routes[ids[0]].route
			}
		}
	}
	after := c.routePosFilter("after")
	for s := j; s < hi && s < j+3; s++ {
		if toks[s].brk {
			break
		}
		if n, ids := c.routeTrie.longest(toks, s, after); n > 0 {
			return c.routes[ids[0]].route
		}
	}
	return ""
}
