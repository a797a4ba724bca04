package vocab

import (
	"sort"
	"strings"
	"sync"
)

// Spelling slips in outcome words. Extraction sheets are typed by hand, and "improvment",
// "remision", "imporved" or "worsend" would otherwise leave a cell unclassified. A word of
// the text is read as an outcome word when all of these hold:
//
//   - it has at least minSpellLen letters (ASCII) and is not a word of any vocabulary nor
//     of the nofuzzy list (which holds the ordinary English words near an outcome word,
//     such as "approved" or "reserved" — see scripts/gen-nofuzzy);
//   - exactly one word of the outcome phrases and context cues, of at least minSpellLen
//     letters and with the same first letter, lies within one edit of it (an insertion, a
//     deletion, a substitution or two adjacent letters swapped) after which the word
//     still ends in the same letter: a difference at the end of a word is an inflection
//     as often as a slip ("resolves", "arrhythmias", "neutropenic" beside "neutropenia").
//
// The reading then goes on as if the word were spelt right, and the evidence's rule says
// which word was read as which, so that review.csv and normalised/cases.* show it.
const minSpellLen = 7

// SpellingFix is one word of an outcome text read as another word of the outcome
// vocabulary.
type SpellingFix struct {
	Written string // the word as written in the text
	ReadAs  string // the outcome word it was read as
}

// compileSpelling gives c the index of the words spelling slips are read as: the words of
// the built-in outcome phrases and context cues only, so that a word a user's file adds
// (whose English neighbours nofuzzy.tsv does not list) never turns a real word into it.
func (c *compiled) compileSpelling() {
	c.spellFuzzy, c.spellWords = defaultSpelling()
}

// defaultSpelling builds the index of compileSpelling once.
var defaultSpelling = sync.OnceValues(func() (*fuzzyIndex, []string) {
	ts := defaultTables()
	var ws []string
	for _, r := range ts[KindOutcomes].rows {
		ws = append(ws, words(r.get("phrase"))...)
	}
	for _, r := range ts[KindCues].rows {
		ws = append(ws, words(r.get("term"))...)
	}
	f, seen := newFuzzyIndex(), map[string]bool{}
	var list []string
	for _, w := range ws {
		if len(w) < minSpellLen || seen[w] || !isLetters(w) {
			continue
		}
		seen[w] = true
		f.add(w, len(list))
		list = append(list, w)
	}
	return f, list
})

// isLetters reports whether w is made of lower-case ASCII letters only.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// spellingOf returns the outcome word w is a slip of, by the rule above.
func (c *compiled) spellingOf(w string) (string, bool) {
	if len(w) < minSpellLen || !isLetters(w) || c.knownWords[w] || c.noFuzzy[w] {
		return "", false
	}
	return c.nearOutcomeWord(w)
}

// nearOutcomeWord returns the one outcome word of at least minSpellLen letters, with w's
// first letter, within one edit of w, whether or not w is a known or nofuzzy word.
func (c *compiled) nearOutcomeWord(w string) (string, bool) {
	if len(w) < minSpellLen || !isLetters(w) {
		return "", false
	}
	right := ""
	for _, h := range c.spellFuzzy.search(w, true) {
		if h.dist != 1 || atEnd(w, h.norm) {
			continue
		}
		if right != "" {
			return "", false // two outcome words are as near
		}
		right = c.spellWords[h.id]
	}
	return right, right != ""
}

// atEnd reports whether a and b differ at their end: in the last letter, an inflection or
// another word of the same stem as often as a slip ("resolves", "arrhythmias",
// "neutropenic" beside "neutropenia"), or as an agent noun's plural beside a verb's
// ("relapsers", "improvers" beside "relapses", "improves").
func atEnd(a, b string) bool {
	return a[len(a)-1] != b[len(b)-1] || strings.HasSuffix(a, "ers") && strings.HasSuffix(b, "es")
}

// correctSpelling returns toks with every slip of an outcome word read as that word, and
// the fixes made in text order. A word of the course's treatment cells is left as written
// (a treatment misspelt alike in both cells still names the course). toks is not changed;
// without a fix it is returned as is.
func (c *compiled) correctSpelling(text string, toks []token, treatments []string) ([]token, []SpellingFix) {
	var fixes []SpellingFix
	var out []token
	if joined := c.joinPrefixes(toks); joined != nil {
		toks, out = joined, joined
	}
	var course map[string]bool
	for k, t := range toks {
		right, ok := c.spellingOf(t.norm)
		if !ok {
			continue
		}
		if course == nil {
			course = map[string]bool{}
			for _, tr := range treatments {
				for _, w := range words(tr) {
					course[w] = true
				}
			}
		}
		if course[t.norm] {
			continue
		}
		if out == nil {
			out = append([]token(nil), toks...)
		}
		out[k].norm = right
		fixes = append(fixes, SpellingFix{Written: text[t.start:t.end], ReadAs: right})
	}
	if out == nil {
		return toks, nil
	}
	return out, fixes
}

// wordPrefixes are the prefixes written with or without a hyphen ("re-pigmentation",
// "repigmentation"; "non-healing", "nonhealing").
var wordPrefixes = map[string]bool{"re": true, "non": true, "pre": true, "post": true, "co": true, "de": true,
	"un": true, "sub": true, "anti": true, "over": true, "under": true, "hyper": true, "hypo": true, "semi": true,
	"dis": true, "mis": true}

// joinPrefixes returns toks with each prefix written with a hyphen before a word read as one
// word ("complete re-pigmentation" as "complete repigmentation", "re-growth" as "regrowth")
// when the joined word is a word of the vocabularies and no vocabulary term writes the two
// apart (so "re-epithelialization", written so in outcomes.tsv, is read as written); and
// "non" or "un" joined so to a one-word outcome phrase that the vocabularies do not know
// joined ("non-remission", "un-resolved") as "not" ("non-sustained remission" is left as it
// is). nil when nothing was changed. toks is not changed.
func (c *compiled) joinPrefixes(toks []token) []token {
	var out []token
	for k := 0; k < len(toks); k++ {
		t, skip := toks[k], 0
		if k+1 < len(toks) && toks[k+1].dash && !toks[k+1].brk {
			next, joined := toks[k+1], toks[k].norm+toks[k+1].norm
			switch {
			case wordPrefixes[t.norm] && c.knownWords[joined] && !c.splitPrefixed[t.norm+" "+next.norm]:
				t.norm, t.end, t.upper, skip = joined, next.end, t.upper && next.upper, 1 // "re-pigmentation": one word
			case negatingPrefixes[t.norm] && !c.knownWords[joined] && c.oneWordOutcomeAt(toks, k+1):
				t.norm = "not" // "non-remission", "un-resolved": the prefix denies the word after it
			}
		}
		if out == nil && t != toks[k] {
			out = append(make([]token, 0, len(toks)), toks[:k]...)
		}
		if out != nil {
			out = append(out, t)
		}
		k += skip
	}
	return out
}

// oneWordOutcomeAt reports whether the longest outcome phrase at toks[i] is one word.
func (c *compiled) oneWordOutcomeAt(toks []token, i int) bool {
	n, _ := c.outTrie.longest(toks, i, nil)
	return n == 1
}

// negatingPrefixes deny the word they are joined to by a hyphen.
var negatingPrefixes = map[string]bool{"non": true, "un": true}

// withSpelling records the fixes in the reading's evidence: the rule says which words were
// read as which ("phrase; spelling: improvment read as improvement").
func withSpelling(res OutcomeMatch, fixes []SpellingFix) OutcomeMatch {
	if len(fixes) == 0 {
		return res
	}
	res.Spelling = fixes
	var b strings.Builder
	b.WriteString(res.Evidence.Rule)
	if b.Len() > 0 {
		b.WriteString("; ")
	}
	b.WriteString("spelling: ")
	for k, f := range fixes {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.Written + " read as " + f.ReadAs)
	}
	res.Evidence.Rule = b.String()
	return res
}

// OutcomeSpelling returns the outcome word that w (one word) is read as when it is a
// spelling slip of one, by the rules of the package documentation.
func (v *Vocabulary) OutcomeSpelling(w string) (string, bool) {
	return v.c.spellingOf(normalize(w))
}

// NearWord is a word of a list one edit from the outcome word Near (OutcomeWordsNear).
type NearWord struct {
	Word, Near string
}

// OutcomeWordsNear returns the words of list (one per element, any case) that the outcome
// reader would take for spelling slips of an outcome word if the nofuzzy list did not hold
// them, with that word, sorted and without duplicates: scripts/gen-nofuzzy lists the
// ordinary English words among them in nofuzzy.tsv.
func (v *Vocabulary) OutcomeWordsNear(list []string) []NearWord {
	seen := map[string]bool{}
	var out []NearWord
	for _, w := range list {
		n := normalize(w)
		if seen[n] || v.c.knownWords[n] {
			continue
		}
		seen[n] = true
		if near, ok := v.c.nearOutcomeWord(n); ok {
			out = append(out, NearWord{Word: n, Near: near})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Word < out[b].Word })
	return out
}
