package normalise

import (
	"reflect"
	"strings"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/internal/lru"
)

// memoCap bounds each lookup cache (internal/lru: what is used stays, the rest ages out).
// On a million generated rows whose wording repeats as real tables do (about 33,000
// distinct outcome texts, synth's text pools) 65,536 entries made no measurable difference
// against 8,192 when a full cache was emptied and refilled (runs taken in turn, 13.2–14.9 s
// both), so the smaller bound stays.
const memoCap = 1 << 13

// cache returns *c, made on first use.
func cache[K comparable, V any](c **lru.Cache[K, V]) *lru.Cache[K, V] {
	if *c == nil {
		*c = lru.New[K, V](memoCap)
	}
	return *c
}

// memo caches the results of one lookup function by key.
type memo[V any] struct{ c *lru.Cache[string, V] }

func (c *memo[V]) get(key string, f func() V) V {
	if v, ok := c.lookup(key); ok {
		return v
	}
	v := f()
	c.put(key, v)
	return v
}

// lookup returns the value kept under key, if any.
func (c *memo[V]) lookup(key string) (V, bool) {
	if c.c == nil {
		var zero V
		return zero, false
	}
	return c.c.Get(key)
}

// put keeps v under key.
func (c *memo[V]) put(key string, v V) {
	cache(&c.c).Put(strings.Clone(key), v) // a key may be a slice of its whole input line
}

// getHinted caches a reading that may depend on hints: one that did not read them
// (hinted false) is kept in free under free's key, for every hint; one that did, under
// key, which names them.
func getHinted[V any](free, hinted *memo[V], freeKey, key string, read func() (V, bool)) V {
	if v, ok := free.lookup(freeKey); ok {
		return v
	}
	if v, ok := hinted.lookup(key); ok {
		return v
	}
	v, usedHints := read()
	if usedHints {
		hinted.put(key, v)
	} else {
		free.put(freeKey, v)
	}
	return v
}

// vocabCache memoises vocabulary lookups, which dominate normalisation
// time on large tables. Results are shared: callers must not modify them.
// A drug, disease or outcome reading is one value per distinct key, which
// every course read from that key points to (see cohort.Course).
type vocabCache struct {
	voc     *vocab.Vocabulary
	drug    memo[*vocab.Match]
	disease memo[*vocab.Match]
	subtype memo[[]vocab.Match]
	outcome *lru.Cache[outcomeKey, *vocab.OutcomeMatch]
	// free holds, per outcome text, what the course can touch in it and its reading
	// without a course, shared by the courses whose treatments cannot change it
	// (vocab.FreeOf); reading is nil until such a course comes
	free *lru.Cache[string, *freeReading]
	// readings are the distinct readings of each outcome text: a text
	// usually reads the same whatever the course's treatments, and the
	// courses of one reading share it (sameOutcome).
	readings *lru.Cache[string, []*vocab.OutcomeMatch]
	scanDrug memo[[]vocab.Mention]
	// drugFree and scanFree hold the drug readings that read no indication hint, by
	// term and route or by text: the same for every disease (getHinted)
	drugFree memo[*vocab.Match]
	scanFree memo[[]vocab.Mention]
	// under holds the readings of bare answers under their column's header
	// (vocab.OutcomeUnder), keyed by header and cell; a table has few
	under *lru.Cache[[2]string, *vocab.OutcomeMatch]
	// finite holds vocab.FiniteCourse per cell (of treatment, drug, dose or frequency)
	finite *lru.Cache[string, bool]
}

// FiniteCourse memoises vocab.FiniteCourse of a row's treatment, drug, dose and
// frequency cells one cell at a time: the row's course is finite when one of its cells says
// so, and a cell's answer is the same in every row (keyed by the four cells together, the
// memo missed on most rows of a large table).
func (c *vocabCache) FiniteCourse(treatment, drug, dose, frequency string) bool {
	for _, s := range [4]string{treatment, drug, dose, frequency} {
		if s == "" {
			continue
		}
		v, ok := cache(&c.finite).Get(s)
		if !ok {
			v = vocab.FiniteCourse(s)
			c.finite.Put(strings.Clone(s), v)
		}
		if v {
			return true
		}
	}
	return false
}

// OutcomeUnder memoises vocab.OutcomeUnder per (header, cell); the reading is shared.
func (c *vocabCache) OutcomeUnder(header, cell string) *vocab.OutcomeMatch {
	k := [2]string{header, cell}
	if m, ok := cache(&c.under).Get(k); ok {
		return m
	}
	k = [2]string{strings.Clone(header), strings.Clone(cell)}
	m := c.voc.OutcomeUnder(k[0], k[1], nil)
	c.under.Put(k, &m)
	return &m
}

// Drug is the memoised vocab.Drug, shared.
func (c *vocabCache) Drug(term, route string, hints ...string) *vocab.Match {
	free := term + "\x00" + route
	return getHinted(&c.drugFree, &c.drug, free, free+"\x00"+strings.Join(hints, "\x00"), func() (*vocab.Match, bool) {
		m, hinted := c.voc.DrugHinted(strings.Clone(term), route, hints...)
		return &m, hinted
	})
}

// Disease is the memoised vocab.Disease, shared.
func (c *vocabCache) Disease(term string) *vocab.Match {
	return c.disease.get(term, func() *vocab.Match { m := c.voc.Disease(strings.Clone(term)); return &m })
}

func (c *vocabCache) Subtype(condition, text string) []vocab.Match {
	return c.subtype.get(condition+"\x00"+text, func() []vocab.Match { return c.voc.Subtype(condition, strings.Clone(text)) })
}

// outcomeKey is the memo key of an outcome reading: the text, the course's
// treatments (the first two apart, so that the usual row allocates nothing) and whether
// the course is finite (vocab.FiniteCourse).
type outcomeKey struct {
	text, t0, t1, rest string
	finite             bool
}

// OutcomeFor memoises the outcome reading per distinct (text, treatments, finite);
// the reading is shared.
func (c *vocabCache) OutcomeFor(text string, treatments []string, finite bool) *vocab.OutcomeMatch {
	k := outcomeKey{text: text, finite: finite}
	switch {
	case len(treatments) > 2:
		k.rest = strings.Join(treatments[2:], "\x00")
		fallthrough
	case len(treatments) == 2:
		k.t1 = treatments[1]
		fallthrough
	case len(treatments) == 1:
		k.t0 = treatments[0]
	}
	if v, ok := cache(&c.outcome).Get(k); ok {
		return v
	}
	f, _ := cache(&c.free).Get(text)
	if f == nil {
		// a cell is a slice of its input line: the caches keep a copy, not the line
		text = strings.Clone(text)
		// the probe and, for a text that names no treatment, its reading without a course:
		// one tokenizing for both (most outcome texts are free of every course)
		p, r, ok := c.voc.ProbeAndRead(text)
		f = &freeReading{probe: p}
		if ok {
			f.reading = c.sameOutcome(text, r)
		}
		c.free.Put(text, f)
	}
	if !finite && c.voc.FreeOf(f.probe, treatments) {
		// the course plays no part: one reading for the text, whatever the treatments
		if f.reading == nil {
			f.reading = c.sameOutcome(text, c.voc.OutcomeFor(text, nil))
		}
		return f.reading
	}
	text = strings.Clone(text)
	tr := make([]string, len(treatments))
	for i, t := range treatments {
		tr[i] = strings.Clone(t)
	}
	k = outcomeKey{text: text, rest: strings.Clone(k.rest), finite: finite}
	if len(tr) > 0 {
		k.t0 = tr[0]
	}
	if len(tr) > 1 {
		k.t1 = tr[1]
	}
	v := c.sameOutcome(text, c.voc.OutcomeForCourse(text, tr, finite))
	c.outcome.Put(k, v)
	return v
}

// freeReading is an entry of vocabCache.free.
type freeReading struct {
	probe   vocab.CourseProbe
	reading *vocab.OutcomeMatch
}

// sameOutcome returns the reading of text equal to v if one was made
// before (for other treatments), else v, kept for the next.
func (c *vocabCache) sameOutcome(text string, v vocab.OutcomeMatch) *vocab.OutcomeMatch {
	same, _ := cache(&c.readings).Get(text)
	for _, p := range same {
		if reflect.DeepEqual(*p, v) {
			return p
		}
	}
	if len(same) == 0 {
		text = strings.Clone(text) // a cell is a slice of its input line
	}
	c.readings.Put(text, append(same, &v))
	return &v
}

func (c *vocabCache) ScanDrugs(text string, hints ...string) []vocab.Mention {
	return getHinted(&c.scanFree, &c.scanDrug, text, text+"\x00"+strings.Join(hints, "\x00"), func() ([]vocab.Mention, bool) {
		return c.voc.ScanDrugsHinted(strings.Clone(text), hints...)
	})
}
