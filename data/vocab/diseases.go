package vocab

import (
	"sort"
	"strings"
)

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
			m.Senses = c.otherSenses(ws, c.disTerms[id].canonical)
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
	m.Senses = c.otherSenses(words(term[hits[pick].Start:hits[pick].End]), c.disTerms[hits[pick].id].canonical)
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

// otherSenses lists the diseases other than key that the term ws names: an abbreviation of
// several diseases ("HS": hereditary spherocytosis | hidradenitis suppurativa) is read as
// the first its row lists, and the others are reported (Match.Senses).
func (c *compiled) otherSenses(ws []string, key string) []string {
	ids := c.disTrie.lookup(ws)
	if len(ids) < 2 {
		return nil
	}
	var out []string
	for _, id := range ids {
		if k := c.disTerms[id].canonical; k != key {
			if name := c.diseases[k].name; !contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
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
