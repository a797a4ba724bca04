package vocab

import (
	"fmt"
	"sort"
	"strings"
)

// Category is an ordinal treatment-response category. The ordered categories are
// Complete > Partial > Minimal > None > Progression; NotEvaluable and CategoryUnknown are
// outside the order.
type Category int

// The outcome categories.
const (
	CategoryUnknown Category = iota // no confident reading: the text is unclassified (see Unclassified)
	NotEvaluable                    // response could not be assessed (lost to follow-up, died, stopped early)
	Progression                     // worsening, new lesions, recurrence
	None                            // no change, poor response, stable
	Minimal                         // minimal, mild or slight improvement
	Partial                         // improvement short of resolution
	Complete                        // complete resolution
)

// Unclassified is the reader's explicit abstention: the text does not allow a confident
// reading. It is never silently turned into NotEvaluable; an unclassified course is left
// out of numerator and denominator until a person decides it (review.csv).
const Unclassified = CategoryUnknown

// Confidence says how sure the outcome reader is of a reading.
type Confidence int

// The confidence levels.
const (
	ConfidenceNone Confidence = iota // no reading: the category is Unclassified
	ConfidenceLow                    // a reading a person should check (hedged, conflicting, or only weakly cued)
	ConfidenceHigh                   // a reading decided by an unambiguous rule
)

var confidenceStrings = [...]string{"none", "low", "high"}

// String returns "none", "low" or "high".
func (c Confidence) String() string {
	if c < 0 || int(c) >= len(confidenceStrings) {
		return fmt.Sprintf("Confidence(%d)", int(c))
	}
	return confidenceStrings[c]
}

// Evidence is what decided an outcome reading: the rule, the context cue that changed the
// phrase (if any), and the decisive phrase with its byte span in the text.
type Evidence struct {
	Rule       string // the deciding rule, e.g. "phrase", "negation", "history", "relapse on course", "percent change", "score threshold"
	Cue        string // the context cue as written ("did not", "refractory to"), if one applied
	Phrase     string // the decisive phrase as written
	Start, End int    // byte span of Phrase in the text
}

// DefaultResponderThreshold is the least category counted as a response by default:
// a responder is a patient with a complete or partial response.
const DefaultResponderThreshold = Partial

var categoryStrings = [...]string{"unclassified", "not evaluable", "progression", "none", "minimal", "partial", "complete"}

// CDISC ADRS-style response codes (RECIST vocabulary): minimal improvement and no change
// both fall short of a partial response and of progression, so both map to SD.
var categoryCodes = [...]string{"", "NE", "PD", "SD", "SD", "PR", "CR"}

// String returns the category name ("complete", "partial", ..., "not evaluable", "unclassified").
func (c Category) String() string {
	if c < 0 || int(c) >= len(categoryStrings) {
		return fmt.Sprintf("Category(%d)", int(c))
	}
	return categoryStrings[c]
}

// Code returns the CDISC ADRS-style code: complete→CR, partial→PR, minimal→SD, none→SD,
// progression→PD, not evaluable→NE, unknown→"".
func (c Category) Code() string {
	if c < 0 || int(c) >= len(categoryCodes) {
		return ""
	}
	return categoryCodes[c]
}

// Ordered reports whether c is one of the ordered categories (Progression to Complete).
func (c Category) Ordered() bool { return c >= Progression && c <= Complete }

// AtLeast reports whether c is an ordered category at least as good as threshold.
// It is false whenever either category is outside the order.
func (c Category) AtLeast(threshold Category) bool {
	return c.Ordered() && threshold.Ordered() && c >= threshold
}

// Responder reports whether c counts as a response at DefaultResponderThreshold.
func (c Category) Responder() bool { return c.AtLeast(DefaultResponderThreshold) }

// ParseCategory parses a category name ("complete", "partial", "minimal", "none",
// "progression", "not evaluable", "unclassified" (or "unknown"); case-insensitive, "-" or "_" for spaces) or
// one of the unambiguous codes CR, PR, PD, NE. SD is rejected because it covers both
// minimal and none.
func ParseCategory(s string) (Category, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.NewReplacer("-", " ", "_", " ").Replace(t)
	for i, n := range categoryStrings {
		if t == n {
			return Category(i), nil
		}
	}
	switch t {
	case "unknown":
		return Unclassified, nil
	case "cr":
		return Complete, nil
	case "pr":
		return Partial, nil
	case "pd":
		return Progression, nil
	case "ne":
		return NotEvaluable, nil
	case "sd":
		return CategoryUnknown, fmt.Errorf("category code %q is ambiguous: SD covers both minimal and none (write minimal or none)", s)
	}
	return CategoryUnknown, fmt.Errorf("unknown outcome category %q (use one of: complete, partial, minimal, none, progression, not evaluable)", s)
}

// PhraseMatch is one outcome phrase found in text.
type PhraseMatch struct {
	Phrase     string   // the phrase as written in the text
	Matched    string   // the vocabulary phrase
	Category   Category // after negation
	Negated    bool     // a negation cue preceded the phrase and changed its category
	Secondary  bool     // secondary evidence (role secondary, or negated)
	Marker     bool     // a "not attributable" marker, not an outcome
	Start, End int      // byte offsets into the text
	seg        int
}

// SiteOutcome is the outcome reported for one body site.
type SiteOutcome struct {
	Site       string   // canonical site ("thigh")
	Region     string   // body region ("lower limb")
	Term       string   // the site as first written in the text
	Category   Category // best overall response over the phrases paired with the site
	Code       string   // CDISC code of Category
	Phrase     string   // the decisive phrase as written
	Start, End int      // byte offsets of the first mention of the site
}

// OutcomeMatch is the outcome read from a free-text cell.
type OutcomeMatch struct {
	Category        Category      // patient-level outcome; CategoryUnknown if none found or NotAttributable
	Code            string        // CDISC ADRS-style code of Category (CR, PR, SD, PD, NE; "" if unknown)
	Status          MatchStatus   // StatusExact (the whole text is one phrase), StatusContained, or StatusUnknown
	Phrase          string        // decisive phrase as written ("" for a site roll-up or unknown)
	Rule            string        // "phrase", "best overall response", "site roll-up", "not attributable", or ""
	Phrases         []PhraseMatch // every phrase found, in text order
	Sites           []SiteOutcome // per-site outcomes, in order of first mention
	Mixed           bool          // the phrases (or sites) disagree on the ordered category
	NotAttributable bool          // the text reports aggregate outcomes of several patients
	Confidence      Confidence    // how sure the reading is; ConfidenceNone exactly when Category is Unclassified
	Evidence        Evidence      // what decided the reading
}

// Outcome reads a treatment outcome from free text; see the package documentation for
// the rules (longest phrase, negation, best overall response, site roll-up). Time is
// linear in len(text).
func (v *Vocabulary) Outcome(text string) OutcomeMatch {
	c := v.c
	toks := tokenize(text)
	var res OutcomeMatch

	// 1. phrases, leftmost-longest
	inPhrase := make([]bool, len(toks))
	type phraseHit struct {
		i, j int
		e    outcomeEntry
	}
	var hits []phraseHit
	accept := func(ids []int, ts []token) []int {
		var out []int
		for _, id := range ids {
			if !c.outcomes[id].upper || len(ts) == 1 && ts[0].upper {
				out = append(out, id)
			}
		}
		return out
	}
	for i := 0; i < len(toks); {
		n, ids := c.outTrie.longest(toks, i, accept)
		if n == 0 {
			i++
			continue
		}
		hits = append(hits, phraseHit{i, i + n, c.outcomes[ids[0]]})
		for k := i; k < i+n; k++ {
			inPhrase[k] = true
		}
		i += n
	}

	// 2. clauses: punctuation and boundary cues outside phrases
	seg := make([]int, len(toks))
	isCue := make([]bool, len(toks))
	g := 0
	for i := 0; i < len(toks); {
		if toks[i].brk {
			g++
		}
		if !inPhrase[i] {
			if n, _ := c.boundTrie.longest(toks, i, nil); n > 0 && !anyTrue(inPhrase[i:i+n]) {
				g++
				for k := i; k < i+n; k++ {
					seg[k], isCue[k] = g, true
				}
				g++
				i += n
				continue
			}
		}
		seg[i] = g
		i++
	}

	// 3. negation
	prevEnd := 0
	for _, h := range hits {
		e := h.e
		pm := PhraseMatch{Phrase: text[toks[h.i].start:toks[h.j-1].end], Matched: e.phrase, Category: e.category,
			Secondary: e.secondary, Marker: e.marker, Start: toks[h.i].start, End: toks[h.j-1].end, seg: seg[h.i]}
		if !e.marker && e.negated != CategoryUnknown && c.negatedAt(toks, seg, isCue, inPhrase, h.i, prevEnd) {
			pm.Category, pm.Negated, pm.Secondary = e.negated, true, true
		}
		if e.marker {
			res.NotAttributable = true
		}
		res.Phrases = append(res.Phrases, pm)
		prevEnd = h.j
	}
	if len(res.Phrases) == 0 {
		return res
	}
	if res.NotAttributable {
		res.Status, res.Rule = StatusContained, "not attributable"
		return res
	}

	// 4. sites, outside phrases and cues
	type siteHit struct {
		i, j int
		e    siteEntry
	}
	var sites []siteHit
	for i := 0; i < len(toks); {
		if inPhrase[i] || isCue[i] {
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
	segPhrases := map[int][]int{} // segment → indices into res.Phrases (outcomes only)
	var segOrder []int
	for k, p := range res.Phrases {
		if p.Marker {
			continue
		}
		if _, ok := segPhrases[p.seg]; !ok {
			segOrder = append(segOrder, p.seg)
		}
		segPhrases[p.seg] = append(segPhrases[p.seg], k)
	}
	siteSegs := map[string][]int{}
	type siteSeg struct {
		site string
		seg  int
	}
	siteSeen := map[siteSeg]bool{}
	var siteOrder []string
	first := map[string]siteHit{}
	for _, s := range sites {
		sg := seg[s.i]
		target := -1
		if _, ok := segPhrases[sg]; ok {
			target = sg
		} else if k := sort.SearchInts(segOrder, sg); k < len(segOrder) {
			target = segOrder[k] // the next segment with phrases
		} else if k > 0 {
			target = segOrder[k-1] // else the previous one
		}
		if target < 0 {
			continue
		}
		if _, ok := first[s.e.site]; !ok {
			first[s.e.site] = s
			siteOrder = append(siteOrder, s.e.site)
		}
		if !siteSeen[siteSeg{s.e.site, target}] {
			siteSeen[siteSeg{s.e.site, target}] = true
			siteSegs[s.e.site] = append(siteSegs[s.e.site], target)
		}
	}
	for _, site := range siteOrder {
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

	// 5. patient level
	res.Status = StatusContained
	if len(res.Sites) >= 2 {
		res.Category, res.Rule = rollUp(res.Sites), "site roll-up"
		for _, s := range res.Sites[1:] {
			if s.Category != res.Sites[0].Category {
				res.Mixed = true
			}
		}
	} else {
		all := make([]int, 0, len(res.Phrases))
		for k, p := range res.Phrases {
			if !p.Marker {
				all = append(all, k)
			}
		}
		cat, k := bestOverall(res.Phrases, all)
		res.Category, res.Rule = cat, "best overall response"
		if k >= 0 {
			p := res.Phrases[k]
			res.Phrase = p.Phrase
			if len(all) == 1 {
				res.Rule = "phrase"
				if p.Start == toks[0].start && p.End == toks[len(toks)-1].end {
					res.Status = StatusExact
				}
			}
		}
		for _, k := range all {
			p := res.Phrases[k]
			if !p.Secondary && p.Category.Ordered() && p.Category != cat && cat.Ordered() {
				res.Mixed = true
			}
		}
	}
	res.Code = res.Category.Code()
	res.Confidence = ConfidenceNone
	if res.Category != Unclassified {
		res.Confidence = ConfidenceHigh
	}
	res.Evidence = Evidence{Rule: res.Rule, Phrase: res.Phrase}
	return res
}

// negatedAt reports whether a negation cue lies within the 3 words before token i, in the
// same clause and after the previous phrase (token prevEnd).
func (c *compiled) negatedAt(toks []token, seg []int, isCue, inPhrase []bool, i, prevEnd int) bool {
	for s := max(i-3, prevEnd, 0); s < i; s++ {
		if seg[s] != seg[i] || isCue[s] || inPhrase[s] {
			continue
		}
		if n, _ := c.negTrie.longest(toks, s, nil); n > 0 && s+n <= i {
			if !hasBreak(toks, s+1, i+1) {
				return true
			}
		}
	}
	return false
}

func hasBreak(toks []token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].brk {
			return true
		}
	}
	return false
}

// bestOverall applies the best-overall-response rule to the phrases idx: the best ordered
// category among primary phrases; else not evaluable if a primary phrase says so; else the
// best ordered category among secondary phrases; else not evaluable if a secondary phrase
// says so. It returns the category and the index of the first phrase that decided it.
func bestOverall(ps []PhraseMatch, idx []int) (Category, int) {
	for _, secondary := range []bool{false, true} {
		best, bk, ne := CategoryUnknown, -1, -1
		for _, k := range idx {
			p := ps[k]
			if p.Secondary != secondary {
				continue
			}
			if p.Category.Ordered() && (bk < 0 || p.Category > best) {
				best, bk = p.Category, k
			}
			if p.Category == NotEvaluable && ne < 0 {
				ne = k
			}
		}
		if bk >= 0 {
			return best, bk
		}
		if ne >= 0 {
			return NotEvaluable, ne
		}
	}
	return CategoryUnknown, -1
}

// rollUp combines site outcomes into one patient outcome: sites that are not evaluable
// are ignored; all sites complete → complete; any site partial or better → partial (a
// mixed response); otherwise the worst site (progression < none < minimal). With no
// evaluable site the result is not evaluable.
func rollUp(sites []SiteOutcome) Category {
	allComplete, anyResp := true, false
	worst := CategoryUnknown
	n := 0
	for _, s := range sites {
		if !s.Category.Ordered() {
			continue
		}
		n++
		if s.Category != Complete {
			allComplete = false
		}
		if s.Category.AtLeast(Partial) {
			anyResp = true
		}
		if worst == CategoryUnknown || s.Category < worst {
			worst = s.Category
		}
	}
	switch {
	case n == 0:
		return NotEvaluable
	case allComplete:
		return Complete
	case anyResp:
		return Partial
	}
	return worst
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
