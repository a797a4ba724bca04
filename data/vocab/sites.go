package vocab

// Body sites and the roll-up of rule 8 (docs/outcomes.md).

import (
	"sort"
	"strings"
)

// sitesOf pairs each body site with the outcome phrases of its own clause, else of the
// clause before it when the site is listed right after it, else of the next clause with
// phrases, else of the previous one, and fills res.Sites. It returns the findings stated
// apart from any site: the categories of the primary phrases in clauses no site took (a
// good state that persisted counts as no change), which rule 8 rolls up with the sites.
func (c *compiled) sitesOf(text string, toks []token, clause []int, res *OutcomeMatch) (findings []Category) {
	inPhrase := make([]bool, len(toks))
	k := 0
	for _, p := range res.Phrases { // phrases and tokens are both in text order
		for k < len(toks) && toks[k].start < p.Start {
			k++
		}
		for m := k; m < len(toks) && toks[m].end <= p.End; m++ {
			inPhrase[m] = true
		}
	}
	var sites []siteHit
	for i := 0; i < len(toks); {
		if inPhrase[i] {
			i++
			continue
		}
		n, ids := c.siteTrie.longest(toks, i, nil)
		if n == 0 || anyTrue(inPhrase[i:i+n]) {
			i++
			continue
		}
		sites = append(sites, siteHit{i, i + n, c.sites[ids[0]]})
		i += n
	}
	if len(sites) == 0 {
		sites = labelSites(text, toks, inPhrase)
		for _, st := range sites {
			if n, _ := c.drugTrie.longest(toks, st.i, nil); n > 0 {
				// "MTX: NR; ADA: CR": labels that name treatments are no sites; each
				// statement is its treatment's (course attribution)
				return
			}
		}
		if len(sites) < 2 {
			return
		}
	}
	segPhrases := map[int][]int{}
	var segOrder []int
	for k, p := range res.Phrases {
		if _, ok := segPhrases[p.seg]; !ok {
			segOrder = append(segOrder, p.seg)
		}
		segPhrases[p.seg] = append(segPhrases[p.seg], k)
	}
	sort.Ints(segOrder)
	siteSegs := map[string][]int{}
	type siteSeg struct {
		site string
		seg  int
	}
	seen := map[siteSeg]bool{}
	taken := map[int]bool{} // the clause segments some site took
	var order []string
	first := map[string]siteHit{}
	for _, s := range sites {
		sg := clause[s.i]
		target := -1
		if _, ok := segPhrases[sg]; ok {
			target = sg
		} else if k := sort.SearchInts(segOrder, sg); k > 0 && joinedToSegment(toks, clause, s.i, segOrder[k-1]) {
			// "worsened in the perineum and buttocks, while …": a site listed after one of
			// the statement before it, with no punctuation between, is that statement's
			target = segOrder[k-1]
		} else if k < len(segOrder) {
			target = segOrder[k]
		} else if k > 0 {
			target = segOrder[k-1]
		}
		if target < 0 {
			continue
		}
		if _, ok := first[s.e.site]; !ok {
			first[s.e.site] = s
			order = append(order, s.e.site)
		}
		taken[target] = true
		if !seen[siteSeg{s.e.site, target}] {
			seen[siteSeg{s.e.site, target}] = true
			siteSegs[s.e.site] = append(siteSegs[s.e.site], target)
		}
	}
	for _, site := range order {
		var idx []int
		for _, sg := range siteSegs[site] {
			idx = append(idx, segPhrases[sg]...)
		}
		cat, k := bestOverall(res.Phrases, idx)
		s := first[site]
		so := SiteOutcome{Site: site, Region: s.e.region, Term: text[toks[s.i].start:toks[s.j-1].end], Category: cat, Code: cat.Code(),
			Start: toks[s.i].start, End: toks[s.j-1].end}
		if k >= 0 {
			so.Phrase = res.Phrases[k].Phrase
		}
		res.Sites = append(res.Sites, so)
	}
	for _, p := range res.Phrases {
		if taken[p.seg] || p.Secondary || p.Marker || !p.Category.Ordered() {
			continue
		}
		cat := p.Category
		if k := tokenAtByte(toks, p.Start); k > 0 && k < len(toks) && persistenceWords[toks[k-1].norm] {
			cat = None // "the arthritis stayed quiescent": a state that persisted, no change
		}
		findings = append(findings, cat)
	}
	return findings
}

// joinedToSegment reports whether the token i follows a token of clause segment seg with no
// clause punctuation between: a site listed after the sites of a statement ("the perineum and
// buttocks") belongs to that statement, not to the next one.
func joinedToSegment(toks []token, clause []int, i, seg int) bool {
	for x := i; x > 0; x-- {
		if toks[x].brk {
			return false
		}
		if clause[x-1] == seg {
			return true
		}
	}
	return false
}

// siteHit is a body site found in a text: its tokens and its sites.tsv entry.
type siteHit struct {
	i, j int
	e    siteEntry
}

// labelSites returns the labels of a cell written "label: outcome; label: outcome" ("Skin:
// CR; muscle: PR", "Joints: improved; lungs: stable") as sites, for rule 8, when sites.tsv
// names none: a word (or two) that opens its clause and is followed by a colon, not a time
// or a number, outside the outcome phrases. Fewer than two labels are no sites.
func labelSites(text string, toks []token, inPhrase []bool) []siteHit {
	var out []siteHit
	for i := 0; i < len(toks); i++ {
		if i > 0 && !toks[i].brk {
			continue // a label opens its clause
		}
		for n := 1; n <= 2 && i+n <= len(toks); n++ {
			j := i + n
			if anyTrue(inPhrase[i:j]) || timeToken(toks[j-1]) || strings.ContainsAny(toks[j-1].norm, "0123456789") || phaseWords[toks[j-1].norm] {
				break
			}
			if j < len(toks) && !strings.Contains(text[toks[j-1].end:toks[j].start], ":") {
				continue
			}
			if j == len(toks) {
				break
			}
			label := joinNorms(toks[i:j])
			out = append(out, siteHit{i, j, siteEntry{term: label, site: label, region: "label"}})
			break
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// phaseWords name a time of the course, not a site: "Initial: PR; final: CR",
// "Pre-treatment: …; post-treatment: …", "Previous treatment: …; current: …".
var phaseWords = map[string]bool{"initial": true, "initially": true, "final": true, "finally": true,
	"baseline": true, "pre": true, "post": true, "before": true, "induction": true, "maintenance": true,
	"current": true, "currently": true, "previous": true, "previously": true, "prior": true, "now": true,
	"first": true, "second": true, "third": true, "early": true, "late": true, "end": true}
