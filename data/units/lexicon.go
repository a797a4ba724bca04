package units

import (
	"embed"
	"fmt"
	"io"
	"maps"
	"strings"
	"sync"
)

// The dose parser's words as data: lexicon/routes.tsv, lexicon/frequencies.tsv and
// lexicon/doseunits.tsv. The grammar (how "thrice a day", "q8h" or "every other
// week" are put together) is code in freq.go; the words it combines are here.
//
//go:embed lexicon/*.tsv
var lexiconFiles embed.FS

// LexiconKind names one file type of a Lexicon.
type LexiconKind int

// The lexicon kinds, each with its own columns (see docs/vocabulary.md).
const (
	LexRoutes      LexiconKind = iota + 1 // routes: term, route, position, use, ismp
	LexFrequencies                        // frequency words: term, kind, value, days, ismp
	LexDoseUnits                          // dose unit words: term, unit, factor, base, ismp, reading
	numLexKinds    = int(LexDoseUnits)
)

var lexKindNames = [...]string{"", "routes", "frequencies", "doseunits"}

// String returns the kind's name, which is also the base name of its embedded file.
func (k LexiconKind) String() string {
	if k < 1 || int(k) > numLexKinds {
		return fmt.Sprintf("LexiconKind(%d)", int(k))
	}
	return lexKindNames[k]
}

// DefaultLexiconFile returns the embedded file of kind k, so that another reader of the
// same words (the drug vocabulary reads the routes) has no copy of its own.
func DefaultLexiconFile(k LexiconKind) []byte {
	b, err := lexiconFiles.ReadFile("lexicon/" + k.String() + ".tsv")
	if err != nil {
		panic(fmt.Sprintf("units: embedded lexicon file %s missing: %v", k, err))
	}
	return b
}

// routeWord is what a route term means to the dose parser.
type routeWord struct {
	r    Route
	ismp string // why ISMP lists the spelling; "" when not listed
	term string // the term as written in the file
}

// freqWord is a one-word or fixed frequency: times administrations every period days.
type freqWord struct {
	times, period float64
	ismp          string // why ISMP lists it; "" when not listed
}

// seqTok is one token of a term of several tokens ("per os", "i/v", "every morning").
type seqTok struct {
	kind tokKind
	text string
}

// seq is a term of several tokens and the index of its meaning.
type seq struct {
	toks []seqTok
	id   int
}

// Lexicon holds the words the dose parser reads as routes, frequencies and dose units,
// from the embedded files extended by user files. A Lexicon is immutable and safe for
// concurrent use; Extend returns a new one.
type Lexicon struct {
	rows [numLexKinds + 1][]lexRow // every row read, embedded first, in file order

	vocab     map[string]vocabEntry // the lexer's word marks: the package tables plus these words
	routes    map[string]routeWord  // one-token routes by token text
	routeSeqs map[string][]seq      // routes of several tokens by first token text; id indexes routeList
	routeList []routeWord
	fixed     map[string]freqWord // one-word frequencies ("bid")
	fixedSeqs map[string][]seq    // frequencies of several words ("every morning"); id indexes fixedList
	fixedList []freqWord
	counts    map[string]float64 // "once" 1, "twice" 2, "thrice" 3
	periods   map[string]float64 // period words and their length in days
	every     map[string]float64 // "other" 2: the N of "every N periods"
	units     map[string]unitInfo
}

// defaultLexicon is built from the embedded files after the package's own tables
// (lex.go's init), whose word marks it extends.
var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l := &Lexicon{}
	for k := LexiconKind(1); int(k) <= numLexKinds; k++ {
		name := "lexicon/" + k.String() + ".tsv"
		rows, err := readLexFile(strings.NewReader(string(DefaultLexiconFile(k))), name, k)
		if err != nil {
			panic(fmt.Sprintf("units: embedded lexicon is invalid (a bug in data/units/lexicon): %v", err))
		}
		l.rows[k] = rows
	}
	l.build()
	return l
})

// DefaultLexicon returns the lexicon of the embedded files, the one ParseDose uses.
func DefaultLexicon() *Lexicon { return defaultLexicon() }

// Extend returns a copy of l extended by the user file r of kind k; name is used in error
// messages (normally the file path). A user row for a term the lexicon has (the same
// tokens; for frequencies the same kind too) replaces its meaning, other rows add words.
// Errors are *LexiconError values naming file:line:column; on error l is returned
// unchanged with the error.
func (l *Lexicon) Extend(r io.Reader, name string, k LexiconKind) (*Lexicon, error) {
	if k < 1 || int(k) > numLexKinds {
		panic(fmt.Sprintf("units: Extend called with invalid lexicon kind %d", int(k)))
	}
	rows, err := readLexFile(r, name, k)
	if err != nil {
		return l, err
	}
	n := &Lexicon{rows: l.rows}
	n.rows[k] = append(append([]lexRow(nil), l.rows[k]...), rows...)
	n.build()
	return n, nil
}

// build fills the lookup tables from the rows; a later row for the same term wins.
func (l *Lexicon) build() {
	l.vocab = maps.Clone(codeVocab)
	l.routes, l.routeSeqs, l.routeList = map[string]routeWord{}, map[string][]seq{}, nil
	l.fixed, l.fixedSeqs, l.fixedList = map[string]freqWord{}, map[string][]seq{}, nil
	l.counts, l.periods, l.every = map[string]float64{}, map[string]float64{}, map[string]float64{}
	l.units = map[string]unitInfo{}
	for _, r := range l.rows[LexRoutes] {
		if r.use == "drug" {
			continue
		}
		rw := routeWord{r: r.route, ismp: r.ismp, term: r.term}
		if len(r.toks) == 1 {
			l.routes[r.toks[0].text] = rw
			continue
		}
		l.routeList = append(l.routeList, rw)
		l.routeSeqs[r.toks[0].text] = addSeq(l.routeSeqs[r.toks[0].text], r.toks, len(l.routeList)-1)
	}
	for _, r := range l.rows[LexFrequencies] {
		w := r.toks[0].text
		switch r.kind {
		case "fixed":
			f := freqWord{times: r.value, period: r.days, ismp: r.ismp}
			if len(r.toks) == 1 {
				l.fixed[w] = f
				continue
			}
			l.fixedList = append(l.fixedList, f)
			l.fixedSeqs[w] = addSeq(l.fixedSeqs[w], r.toks, len(l.fixedList)-1)
		case "count":
			l.counts[w] = r.value
		case "period":
			l.periods[w] = r.days
		case "every":
			l.every[w] = r.value
		}
	}
	for _, r := range l.rows[LexDoseUnits] {
		l.units[r.toks[0].text] = unitInfo{unit: r.unit, factor: r.factor, base: r.base, ismp: r.ismp, reading: r.reading}
	}
	markKeys(l.vocab, vRoute, l.routes)
	markKeys(l.vocab, vRouteSeq, l.routeSeqs)
	markKeys(l.vocab, vFreq, l.fixed)
	markKeys(l.vocab, vFreqSeq, l.fixedSeqs)
	markKeys(l.vocab, vCount, l.counts)
	markKeys(l.vocab, vPeriod, l.periods)
	markKeys(l.vocab, vEvery, l.every)
	markKeys(l.vocab, vMass, l.units)
}

// addSeq adds a term of several tokens, replacing an earlier one with the same tokens,
// and keeps the longest terms first so that the first match is the longest.
func addSeq(list []seq, toks []seqTok, id int) []seq {
	for i := range list {
		if equalToks(list[i].toks, toks) {
			list[i].id = id
			return list
		}
	}
	list = append(list, seq{toks: toks, id: id})
	for i := len(list) - 1; i > 0 && len(list[i].toks) > len(list[i-1].toks); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	return list
}

func equalToks(a, b []seqTok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matchSeq returns the first (longest) of list whose tokens are toks[i:], and the index
// after it.
func matchSeq(list []seq, toks []token, i int) (id, end int, ok bool) {
	for _, s := range list {
		if i+len(s.toks) > len(toks) {
			continue
		}
		k := 0
		for k < len(s.toks) && toks[i+k].kind == s.toks[k].kind && toks[i+k].text == s.toks[k].text {
			k++
		}
		if k == len(s.toks) {
			return s.id, i + k, true
		}
	}
	return 0, i, false
}

// routeAt reads a route of one or several tokens at toks[i]. afterAmount is true right
// after an amount, where a tablet word is the amount's unit, not a route.
func (l *Lexicon) routeAt(toks []token, i int, afterAmount bool) (routeWord, int, bool) {
	t := toks[i]
	if t.kind != tkWord {
		return routeWord{}, i, false
	}
	if t.voc&vRouteSeq != 0 {
		if id, end, ok := matchSeq(l.routeSeqs[t.text], toks, i); ok {
			return l.routeList[id], end, true
		}
	}
	if rw, ok := look(t, vRoute, l.routes); ok && !(afterAmount && l.units[t.text].base == "tablet") {
		return rw, i + 1, true
	}
	return routeWord{}, i, false
}

// fixedAt reads a fixed frequency of one or several words at toks[i], the longest first.
func (l *Lexicon) fixedAt(toks []token, i int) (freqWord, int, bool) {
	t := toks[i]
	if t.voc&vFreqSeq != 0 {
		if id, end, ok := matchSeq(l.fixedSeqs[t.text], toks, i); ok {
			return l.fixedList[id], end, true
		}
	}
	if f, ok := look(t, vFreq, l.fixed); ok {
		return f, i + 1, true
	}
	return freqWord{}, i, false
}
