package pipeline

import (
	"strings"

	"github.com/tresp/tresp/data/vocab"
)

// memoCap bounds each lookup cache; a full cache is emptied and refilled,
// which keeps memory bounded and costs little on real tables, whose cells
// repeat a few hundred distinct values.
const memoCap = 1 << 15

// memo caches the results of one lookup function by key.
type memo[V any] struct{ m map[string]V }

func (c *memo[V]) get(key string, f func() V) V {
	if v, ok := c.m[key]; ok {
		return v
	}
	if c.m == nil || len(c.m) >= memoCap {
		c.m = make(map[string]V)
	}
	v := f()
	c.m[key] = v
	return v
}

// vocabCache memoises vocabulary lookups, which dominate normalisation
// time on large tables. Results are shared: callers must not modify them.
type vocabCache struct {
	voc      *vocab.Vocabulary
	drug     memo[vocab.Match]
	disease  memo[vocab.Match]
	subtype  memo[[]vocab.Match]
	outcome  memo[vocab.OutcomeMatch]
	scanDrug memo[[]vocab.Mention]
}

func (c *vocabCache) Drug(term, route string, hints ...string) vocab.Match {
	key := term + "\x00" + route + "\x00" + strings.Join(hints, "\x00")
	return c.drug.get(key, func() vocab.Match { return c.voc.Drug(term, route, hints...) })
}

func (c *vocabCache) Disease(term string) vocab.Match {
	return c.disease.get(term, func() vocab.Match { return c.voc.Disease(term) })
}

func (c *vocabCache) Subtype(condition, text string) []vocab.Match {
	return c.subtype.get(condition+"\x00"+text, func() []vocab.Match { return c.voc.Subtype(condition, text) })
}

// OutcomeFor memoises the outcome reading per distinct (text, treatments) pair.
func (c *vocabCache) OutcomeFor(text string, treatments []string) vocab.OutcomeMatch {
	key := text
	if len(treatments) > 0 {
		key = text + "\x00" + strings.Join(treatments, "\x00")
	}
	return c.outcome.get(key, func() vocab.OutcomeMatch { return c.voc.OutcomeFor(text, treatments) })
}

func (c *vocabCache) ScanDrugs(text string, hints ...string) []vocab.Mention {
	key := text + "\x00" + strings.Join(hints, "\x00")
	return c.scanDrug.get(key, func() []vocab.Mention { return c.voc.ScanDrugs(text, hints...) })
}
