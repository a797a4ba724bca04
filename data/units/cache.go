package units

import (
	"strings"

	"github.com/tresp/tresp/internal/lru"
)

// MaxCachedLen is the longest input a Normaliser caches; longer strings are
// parsed every time, so a few huge cells cannot pin memory.
const MaxCachedLen = 4096

// DefaultCacheSize is the per-kind capacity used when NewNormaliser is
// given a capacity below 1. Larger caches cost more than they saved: on a
// million generated rows, 65,536 entries per kind and worker peaked at
// 1,054 MiB in 66 s, 16,384 at 802 MiB in 61 s (the garbage collector
// scans every cached reading; the rare strings miss either way).
const DefaultCacheSize = 16384

// Normaliser memoises the parsers per distinct input string, so that the
// repeated cells of a large table ("60 mg tid" a million times) are parsed
// once. Each kind (dose, duration, age, size, lab) has its own bounded cache (internal/lru) of
// at most the capacity given to NewNormaliser; inputs longer than
// MaxCachedLen bytes are not cached.
//
// A Normaliser is not safe for concurrent use: give each goroutine its own.
// Results share their Steps, Dims and Notes slices with the cache: treat
// them as read-only (their capacity equals their length, so append copies).
// The Shared methods return the cached value itself, one per distinct key,
// so that the many holders of one reading (a million courses of "60 mg
// tid") keep one copy of it: never modify a value they return.
type Normaliser struct {
	dose         *lru.Cache[doseKey, *Dose]
	dur          *lru.Cache[durKey, *Duration]
	age          *lru.Cache[string, *Age]
	size         *lru.Cache[string, *Size]
	lab          *lru.Cache[labKey, *Lab]
	lex          *Lexicon // the words doses are read with
	hits, misses int
}

type doseKey struct {
	s                 string
	weight, bsa, days float64
	// free marks the reading of a text that looked at no option: it stands for every
	// weight, BSA and course length (the other fields are zero).
	free bool
}

type durKey struct {
	s   string
	age float64
}

type labKey struct {
	s string
	a Analyte
}

// NewNormaliser returns a Normaliser caching at most capacity results per
// kind (DefaultCacheSize when capacity < 1) that reads doses with
// DefaultLexicon.
func NewNormaliser(capacity int) *Normaliser { return NewNormaliserWith(capacity, nil) }

// NewNormaliserWith is NewNormaliser reading doses with the words of lex
// (DefaultLexicon when nil), e.g. a vocabulary's lexicon extended by a
// user's route or frequency file.
func NewNormaliserWith(capacity int, lex *Lexicon) *Normaliser {
	if capacity < 1 {
		capacity = DefaultCacheSize
	}
	if lex == nil {
		lex = DefaultLexicon()
	}
	return &Normaliser{
		lex:  lex,
		dose: lru.New[doseKey, *Dose](capacity),
		dur:  lru.New[durKey, *Duration](capacity),
		age:  lru.New[string, *Age](capacity),
		size: lru.New[string, *Size](capacity),
		lab:  lru.New[labKey, *Lab](capacity),
	}
}

// Stats returns the number of cache hits and misses so far.
func (n *Normaliser) Stats() (hits, misses int) { return n.hits, n.misses }

// memo returns the cached reading of s under key(s), parsing it on a miss; a
// string longer than MaxCachedLen is parsed every time. On a miss s is copied
// before it is parsed and kept: a cell is usually a slice of its whole input
// line, which the cache would otherwise keep alive with it.
func memo[K comparable, V any](n *Normaliser, c *lru.Cache[K, *V], s string, key func(string) K, parse func(string) V) *V {
	if len(s) > MaxCachedLen {
		n.misses++
		v := parse(s)
		return &v
	}
	if v, ok := c.Get(key(s)); ok {
		n.hits++
		return v
	}
	n.misses++
	s = strings.Clone(s)
	v := parse(s)
	c.Put(key(s), &v)
	return &v
}

// Dose is a memoised ParseDose.
func (n *Normaliser) Dose(s string) Dose { return *n.SharedDoseWith(s, DoseOptions{}) }

// DoseWith is a memoised ParseDoseWith; the options are part of the key.
func (n *Normaliser) DoseWith(s string, opt DoseOptions) Dose { return *n.SharedDoseWith(s, opt) }

// SharedDoseWith is DoseWith returning the cached reading itself (see Normaliser).
func (n *Normaliser) SharedDoseWith(s string, opt DoseOptions) *Dose {
	pos := func(v float64) float64 {
		if !(v > 0) || !finite(v) {
			return 0 // NaN is not a usable map key
		}
		return v
	}
	opt.WeightKg, opt.BSA, opt.CourseDays = pos(opt.WeightKg), pos(opt.BSA), pos(opt.CourseDays)
	if len(s) > MaxCachedLen {
		n.misses++
		v := n.lex.ParseDose(s, opt)
		return &v
	}
	// Most dose texts name no weight-based, per-m² or counted dose: their reading does
	// not look at the options, and is kept once under the text instead of once per
	// patient's weight and course length (which made most lookups miss).
	if v, ok := n.dose.Get(doseKey{s: s, free: true}); ok {
		n.hits++
		return v
	}
	key := doseKey{s: s, weight: opt.WeightKg, bsa: opt.BSA, days: opt.CourseDays}
	if v, ok := n.dose.Get(key); ok {
		n.hits++
		return v
	}
	n.misses++
	s = strings.Clone(s)
	consulted := false
	opt.consulted = &consulted
	v := n.lex.ParseDose(s, opt)
	key.s = s
	if !consulted {
		key = doseKey{s: s, free: true}
	}
	n.dose.Put(key, &v)
	return &v
}

// Duration is a memoised ParseDuration.
func (n *Normaliser) Duration(s string) Duration {
	return *memo(n, n.dur, s, func(s string) durKey { return durKey{s, -1} }, ParseDuration)
}

// DurationAge is a memoised ParseDurationAge; the age is part of the key.
func (n *Normaliser) DurationAge(s string, ageYears float64) Duration {
	return *n.SharedDurationAge(s, ageYears)
}

// SharedDurationAge is DurationAge returning the cached reading itself (see Normaliser).
func (n *Normaliser) SharedDurationAge(s string, ageYears float64) *Duration {
	age := ageYears
	if !finite(ageYears) || ageYears < 0 || !mentionsSince(s) {
		// the age is read only for "since …" ("since childhood", "since age 12"): any
		// other text reads the same at every age, and is kept once
		age = -1
	}
	return memo(n, n.dur, s, func(s string) durKey { return durKey{s, age} },
		func(s string) Duration { return ParseDurationAge(s, ageYears) })
}

// mentionsSince reports whether s holds "since" in any case, the only word whose reading
// uses the patient's age (durationSince); a word that merely contains it counts too.
func mentionsSince(s string) bool {
	for i := 0; i+5 <= len(s); i++ {
		if s[i]|0x20 == 's' && strings.EqualFold(s[i:i+5], "since") {
			return true
		}
	}
	return false
}

// Age is a memoised ParseAge.
func (n *Normaliser) Age(s string) Age { return *n.SharedAge(s) }

// SharedAge is Age returning the cached reading itself (see Normaliser).
func (n *Normaliser) SharedAge(s string) *Age {
	return memo(n, n.age, s, func(s string) string { return s }, ParseAge)
}

// Size is a memoised ParseSize.
func (n *Normaliser) Size(s string) Size { return *n.SharedSize(s) }

// SharedSize is Size returning the cached reading itself (see Normaliser).
func (n *Normaliser) SharedSize(s string) *Size {
	return memo(n, n.size, s, func(s string) string { return s }, ParseSize)
}

// Lab is a memoised ParseLab.
func (n *Normaliser) Lab(s string) Lab { return n.LabFor(AnalyteUnknown, s) }

// LabFor is a memoised ParseLabFor.
func (n *Normaliser) LabFor(a Analyte, s string) Lab {
	return *memo(n, n.lab, s, func(s string) labKey { return labKey{s, a} }, func(s string) Lab { return ParseLabFor(a, s) })
}
