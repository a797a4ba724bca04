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
	q := strings.Join(ws, " ")
	if len(ws) == 1 && !c.mayFuzz(q) {
		return -1, StatusUnknown, 0, nil
	}
	return resolveFuzzy(fz.search(q, false), entries)
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
func (g *drugGeneric) pick(route string, hint []string) (drugCode, string) {
	best, bestScore := -1, -1
	for i, cr := range g.codes {
		if cr.route != "*" && cr.route != route {
			continue
		}
		if len(cr.hints) > 0 && !anyPhraseIn(cr.hints, hint) {
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

func hintWords(hints []string) []string {
	var ws []string
	for _, h := range hints {
		ws = append(ws, words(h)...)
		ws = append(ws, "")
	}
	return ws
}

// fillDrug completes m for drug term entry id.
func (c *compiled) fillDrug(m *Match, id int, route string, hint []string) {
	e := c.drugTerms[id]
	if e.kind == "exclusion" {
		m.Matched, m.Kind = e.term, e.kind
		return
	}
	g := c.generics[e.canonical]
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
	if id >= 0 {
		c.fillDrug(&m, id, rt, hintWords(hints))
	}
	return m
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
	c := v.c
	toks := tokenize(text)
	hits := c.scan(text, toks, c.drugTrie, c.drugFuzzy, c.drugTerms, "generic")
	hint := append(norms(toks), "")
	hint = append(hint, hintWords(hints)...)
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
	return out
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

// fillDisease completes m for disease term entry id.
func (c *compiled) fillDisease(m *Match, id int) {
	e := c.disTerms[id]
	d := c.diseases[e.canonical]
	m.Matched, m.Canonical, m.Kind = e.term, d.name, e.kind
	m.Code, m.Class, m.Note = d.icd, d.group, d.note
	if p := c.diseases[d.parent]; p != nil {
		m.Parent = p.name
	}
}

// DiseaseLineage returns a disease and its broader diseases, most specific first, then its
// group: DiseaseLineage("CREST syndrome") is [CREST syndrome, systemic sclerosis,
// connective tissue disease]. It returns nil for a name that is not a canonical disease.
func (v *Vocabulary) DiseaseLineage(canonical string) []string {
	c := v.c
	var out []string
	group := ""
	for k := normalize(canonical); k != ""; {
		d := c.diseases[k]
		if d == nil {
			break
		}
		out = append(out, d.name)
		group = d.group
		k = d.parent
	}
	if group != "" && !contains(out, group) {
		out = append(out, group)
	}
	return out
}

// Disease looks up a disease name: exact, synonym or abbreviation, then fuzzy. If the
// whole term is not a disease name, it is scanned as free text ("known case of
// dermatomyositis for 10 years", "SLE, CKD stage 3, hypertension"):
//
//   - a mention next to an "excluded" cue of the timing vocabulary ("ESRD risk", "TB ruled
//     out", "no evidence of CKD") is a condition the patient does not have and is dropped;
//   - the underlying disease is the first mention whose note does not start with
//     "comorbidity" or "manifestation", else the first mention;
//   - a mention after an "underlying" cue ("secondary to", "due to") wins only when every
//     mention before the cue is a manifestation or comorbidity: "erythroderma secondary to
//     dermatomyositis" is dermatomyositis, but "sHLH secondary to DLBCL" is secondary HLH,
//     the condition the row's treatment treats, with DLBCL a comorbidity;
//   - a mention in parentheses right after the chosen one that is a more specific form of
//     it ("myositis (IMNM)") takes its place.
//
// Every other disease found is a comorbidity, listed in Candidates in text order. The
// result has StatusContained.
func (v *Vocabulary) Disease(term string) Match {
	c := v.c
	m := Match{Term: term}
	ws := words(term)
	id, st, dist, cands := c.wholeLookup(ws, c.disTrie, c.disFuzzy, c.disTerms, "canonical")
	if st != StatusUnknown {
		m.Status, m.Distance, m.Candidates = st, dist, cands
		if id >= 0 {
			c.fillDisease(&m, id)
		}
		return m
	}
	toks := tokenize(term)
	all := c.scan(term, toks, c.disTrie, c.disFuzzy, c.disTerms, "canonical")
	hits := all[:0:0]
	for k, h := range all {
		lo, hi := 0, len(toks)
		if k > 0 {
			lo = all[k-1].j
		}
		if k+1 < len(all) {
			hi = all[k+1].i
		}
		if h.id >= 0 && c.excludedCue(toks, lo, h.i, h.j, hi) {
			continue
		}
		hits = append(hits, h)
	}
	giveWay := func(h scanHit) bool {
		note := c.diseases[c.disTerms[h.id].canonical].note
		return strings.HasPrefix(note, "comorbidity") || strings.HasPrefix(note, "manifestation")
	}
	pick, primary := -1, -1
	onlyManifest := true // every mention so far is a manifestation or comorbidity
	for k, h := range hits {
		if h.id < 0 {
			continue
		}
		lo := 0
		if k > 0 {
			lo = hits[k-1].j
		}
		if pick < 0 && onlyManifest && c.underlyingCue(toks, lo, h.i) {
			pick = k
		}
		if !giveWay(h) {
			onlyManifest = false
			if primary < 0 {
				primary = k
			}
		}
	}
	if pick < 0 {
		pick = primary
	}
	if pick < 0 {
		for k, h := range hits {
			if h.id >= 0 {
				pick = k
				break
			}
		}
	}
	if pick < 0 {
		return m
	}
	if k := pick + 1; k < len(hits) && hits[k].id >= 0 && parenthesised(term, hits[pick].End, hits[k].Start) &&
		c.descends(c.disTerms[hits[k].id].canonical, c.disTerms[hits[pick].id].canonical) {
		pick = k
	}
	m = hits[pick].Match
	c.fillDisease(&m, hits[pick].id)
	m.Term, m.Status, m.Candidates = term, StatusContained, nil
	for k, h := range hits {
		if k == pick || h.id < 0 {
			continue
		}
		name := c.diseases[c.disTerms[h.id].canonical].name
		if name != m.Canonical && !contains(m.Candidates, name) && !c.descends(c.disTerms[hits[pick].id].canonical, c.disTerms[h.id].canonical) {
			m.Candidates = append(m.Candidates, name)
		}
	}
	return m
}

// parenthesised reports whether text[end:start] is an opening parenthesis with only
// spaces around it: the second mention qualifies the first ("myositis (IMNM)").
func parenthesised(text string, end, start int) bool {
	return end <= start && strings.TrimSpace(text[end:start]) == "("
}

// descends reports whether disease key a is a strict descendant of disease key b in the
// disease hierarchy (lupus nephritis class IV descends from lupus nephritis).
func (c *compiled) descends(a, b string) bool {
	if a == b {
		return false
	}
	for k, n := a, 0; k != "" && n < 32; n++ {
		d := c.diseases[k]
		if d == nil {
			return false
		}
		if d.parent == b {
			return true
		}
		k = d.parent
	}
	return false
}

// excludedCue reports whether an "excluded" cue of the timing vocabulary ends in the 3
// words before the mention toks[i:j] (after token lo) or starts right after it (before
// token hi): "risk of ESRD", "ESRD risk", "TB ruled out".
func (c *compiled) excludedCue(toks []token, lo, i, j, hi int) bool {
	for s := max(lo, i-3); s < i; s++ {
		if n, ids := c.timingTrie.longest(toks, s, nil); n > 0 && s+n == i && c.timingRole[ids[0]] == "excluded" {
			return true
		}
	}
	if j < hi && !toks[j].brk {
		if n, ids := c.timingTrie.longest(toks, j, nil); n > 0 && j+n <= hi && c.timingRole[ids[0]] == "excluded" {
			return true
		}
	}
	return false
}

// underlyingCue reports whether an "underlying" cue of the timing vocabulary ("secondary
// to", "due to", "associated with") ends in the 3 words before token i, after token lo.
func (c *compiled) underlyingCue(toks []token, lo, i int) bool {
	for s := max(lo, i-3); s < i; s++ {
		if n, ids := c.timingTrie.longest(toks, s, nil); n > 0 && s+n <= i && c.timingRole[ids[0]] == "underlying" {
			return true
		}
	}
	return false
}

// ScanDiseases finds every disease mention in free text, in order, with byte offsets,
// using the same rules as ScanDrugs (leftmost-longest, upper-case abbreviations, fuzzy
// single words of 5 or more letters).
func (v *Vocabulary) ScanDiseases(text string) []Mention {
	c := v.c
	toks := tokenize(text)
	hits := c.scan(text, toks, c.disTrie, c.disFuzzy, c.disTerms, "canonical")
	out := make([]Mention, len(hits))
	for k, h := range hits {
		out[k] = h.Mention
		if h.id >= 0 {
			c.fillDisease(&out[k].Match, h.id)
		}
	}
	return out
}

// Subtype finds condition-subtype terms in text and returns one Match per axis (in the
// order the axes first appear in the subtypes vocabulary): Class is the axis, Canonical the
// value, Note the condition. condition filters entries by condition ("" = any). If text
// names two different values on one axis the axis match is StatusAmbiguous with Candidates.
// Status is StatusExact when the whole text is the term, StatusContained otherwise.
func (v *Vocabulary) Subtype(condition, text string) []Match {
	c := v.c
	cond := normalize(condition)
	toks := tokenize(text)
	accept := func(ids []int, _ []token) []int {
		var out []int
		for _, id := range ids {
			if cond == "" || c.subtypes[id].conditionNorm == cond {
				out = append(out, id)
			}
		}
		return out
	}
	found := map[string][]subtypeEntry{}
	whole := false
	for i := 0; i < len(toks); {
		n, ids := c.subTrie.longest(toks, i, accept)
		if n == 0 {
			i++
			continue
		}
		if n == len(toks) {
			whole = true
		}
		for _, id := range ids {
			e := c.subtypes[id]
			dup := false
			for _, f := range found[e.axis] {
				if f.canonical == e.canonical {
					dup = true
				}
			}
			if !dup {
				found[e.axis] = append(found[e.axis], e)
			}
		}
		i += n
	}
	var out []Match
	for _, axis := range c.axes {
		es := found[axis]
		if len(es) == 0 {
			continue
		}
		m := Match{Term: text, Class: axis, Note: es[0].condition}
		if len(es) == 1 {
			m.Canonical, m.Matched, m.Status = es[0].canonical, es[0].term, StatusContained
			if whole {
				m.Status = StatusExact
			}
		} else {
			m.Status = StatusAmbiguous
			for _, e := range es {
				if !contains(m.Candidates, e.canonical) {
					m.Candidates = append(m.Candidates, e.canonical)
				}
			}
			sort.Strings(m.Candidates)
			if len(m.Candidates) == 1 {
				m.Canonical, m.Status, m.Candidates = m.Candidates[0], StatusContained, nil
			}
		}
		out = append(out, m)
	}
	return out
}
