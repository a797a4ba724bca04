package vocab

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/tresp/tresp/data/units"
)

//go:embed terms/*.tsv
var embedded embed.FS

// MatchStatus says how a term was recognised.
type MatchStatus int

// The match statuses.
const (
	StatusUnknown   MatchStatus = iota // not recognised
	StatusExact                        // the canonical name itself (after normalisation)
	StatusSynonym                      // a listed synonym: brand, salt, abbreviation, spelling variant
	StatusFuzzy                        // within the edit-distance bound of a listed term; see Match.Distance
	StatusAmbiguous                    // several canonical names fit equally well; see Match.Candidates
	StatusContained                    // recognised as a term inside longer text
)

var statusNames = [...]string{"unknown", "exact", "synonym", "fuzzy", "ambiguous", "contained"}

// String returns the status name ("exact", "synonym", "fuzzy", ...).
func (s MatchStatus) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("MatchStatus(%d)", int(s))
	}
	return statusNames[s]
}

// Match is the result of looking up a term in a vocabulary.
type Match struct {
	Term       string      // the text looked up, as given
	Matched    string      // the vocabulary term it matched, as written in the vocabulary file
	Canonical  string      // canonical name (generic drug, disease, subtype value); "" if unknown or ambiguous
	Code       string      // ATC code for drugs, ICD-10 code for diseases; "" if none
	Class      string      // drug class, disease group, or subtype axis
	Kind       string      // kind of the matched row: generic, brand, salt, abbreviation, synonym, canonical, ...
	Route      string      // canonical route used to select a drug code ("" if none)
	Basis      string      // how a drug code was chosen: "route", "hint", "route+hint", "default", "only", or "none" (no row fits the route)
	Parent     string      // parent in the hierarchy: the treatment a procedure specialises, the disease a subtype belongs to; "" for a root
	Note       string      // disease note (e.g. "comorbidity") or subtype condition
	Status     MatchStatus // how the term was recognised
	Distance   int         // edit distance of a fuzzy match, 0 otherwise
	Candidates []string    // canonical names that tie, for StatusAmbiguous (and other mentions for StatusContained)
	// Senses are the other diseases an abbreviation of several may stand for ("HS":
	// hidradenitis suppurativa beside hereditary spherocytosis); Canonical is the first its
	// vocabulary row lists. Nil for a term of one sense.
	Senses []string
	// Components are the generic names of the drugs of a named regimen ("R-CHOP": rituximab,
	// cyclophosphamide, doxorubicin, vincristine, prednisone); nil for a single treatment.
	Components []string
}

// Vocabulary holds the controlled vocabularies and their indexes. Lookups are safe for
// concurrent use; Extend is not safe concurrently with lookups on the same Vocabulary.
type Vocabulary struct {
	frozen bool
	tables [numKinds + 1]*table
	c      *compiled
	lex    *units.Lexicon // the words of dose cells, with the routes of tables[KindRoutes]
}

var defaultTables = sync.OnceValue(func() [numKinds + 1]*table {
	var ts [numKinds + 1]*table
	for k := 1; k <= numKinds; k++ {
		if schemas[k] == nil {
			continue // a kind only the dose parser reads (frequencies, dose units)
		}
		name := "terms/" + Kind(k).String() + ".tsv"
		var f io.Reader
		if lk, ok := lexiconKinds[Kind(k)]; ok {
			// one list of routes for drug names and dose cells, owned by data/units
			name = "data/units/lexicon/" + lk.String() + ".tsv"
			f = bytes.NewReader(units.DefaultLexiconFile(lk))
		} else {
			ef, err := embedded.Open(name)
			if err != nil {
				panic(fmt.Sprintf("vocab: embedded file %s missing: %v", name, err))
			}
			f = ef
		}
		recs, err := parseFile(f, name, Kind(k))
		if c, ok := f.(io.Closer); ok {
			c.Close()
		}
		if err != nil {
			panic(fmt.Sprintf("vocab: embedded vocabulary is invalid (a bug in data/vocab/terms): %v", err))
		}
		t := &table{index: map[string]int{}}
		t.merge(recs, schemas[k])
		ts[k] = t
	}
	return ts
})

var defaultCompiled = sync.OnceValue(func() *compiled {
	c, err := compile(defaultTables())
	if err != nil {
		panic(fmt.Sprintf("vocab: embedded vocabulary is inconsistent (a bug in data/vocab/terms): %v", err))
	}
	return c
})

var defaultVocab = sync.OnceValue(func() *Vocabulary {
	v := New()
	v.frozen = true
	return v
})

// Default returns the shared vocabulary built from the embedded files. It is parsed once
// and is read-only: calling Extend on it panics; use New for an extendable copy.
// An invalid embedded file is a bug in this package and panics.
func Default() *Vocabulary { return defaultVocab() }

// New returns a fresh, extendable copy of the embedded vocabulary. It shares the
// (immutable) indexes of Default until it is extended.
func New() *Vocabulary {
	return &Vocabulary{tables: defaultTables(), c: defaultCompiled(), lex: units.DefaultLexicon()}
}

// Lexicon returns the words the dose parser reads with this vocabulary: the embedded
// routes, frequency and dose unit words extended by the user files of those kinds (a
// routes file teaches both the drug-name reader and the dose parser).
func (v *Vocabulary) Lexicon() *units.Lexicon { return v.lex }

// Extend reads a user vocabulary file of the given kind from r; name is used in error
// messages (normally the file path). A row whose key (the normalised term; for drugs the
// term plus route and indication; for subtypes the condition plus term) equals an existing
// row replaces it, other rows are added. Errors name file:line:column and say what to do;
// on error the vocabulary is left unchanged.
func (v *Vocabulary) Extend(r io.Reader, name string, kind Kind) error {
	if v.frozen {
		panic("vocab: Extend called on the shared Default vocabulary; use New() to get an extendable copy")
	}
	if kind < 1 || int(kind) > numKinds {
		panic(fmt.Sprintf("vocab: Extend called with invalid kind %d", int(kind)))
	}
	lex := v.lex
	if lk, ok := lexiconKinds[kind]; ok {
		data, err := io.ReadAll(r)
		if err != nil {
			return fmt.Errorf("%s: cannot read %s vocabulary: %v", name, kind, err)
		}
		if lex, err = v.lex.Extend(bytes.NewReader(data), name, lk); err != nil {
			return err
		}
		if schemas[kind] == nil {
			v.lex = lex
			return nil
		}
		r = bytes.NewReader(data)
	}
	recs, err := parseFile(r, name, kind)
	if err != nil {
		return err
	}
	tables := v.tables // copies the array; tables are cloned before they change
	tables[kind] = v.tables[kind].clone()
	tables[kind].merge(recs, schemas[kind])
	c, err := compile(tables)
	if err != nil {
		return err
	}
	v.tables, v.c, v.lex = tables, c, lex
	return nil
}

// --- compiled indexes

type drugCode struct {
	route string     // canonical route or "*"
	hints [][]string // normalised keyword word sequences
	atc   string
	class string
}

type drugGeneric struct {
	name       string
	parent     string   // normalised key of the parent treatment, "" for a root
	components []string // normalised keys of the drugs of a named regimen (R-CHOP), nil otherwise
	otherATC   []string // the substance's ATC codes in other groups (ivermectin: P02CF01 beside D11AX22)
	codes      []drugCode
}

type termEntry struct {
	term      string // as written
	canonical string // normalised canonical key
	kind      string
	upper     bool   // upper-case-only abbreviation when scanning
	route     string // the route a drug name implies (a brand of one form: Protopic is topical); "" if none
}

type diseaseCanon struct {
	name, icd, group, note string
	parent                 string // normalised key of the broader disease, "" for a root
}

type subtypeEntry struct {
	term, canonical, axis, condition, conditionNorm string
}

type outcomeEntry struct {
	phrase    string
	category  Category
	marker    bool
	negated   Category // CategoryUnknown: negation does not apply
	secondary bool
	role      string // primary, secondary, relapse or weak
	upper     bool
	exact     bool // a code of mixed case ("sCR"): it matches only as written ("sCr" is serum creatinine)
	quantity  bool // a number read by rule 5, whose degree no qualifier sets ("total DAS28 5.8 → 3.1")
	// partOnly: never the authors' grade of the whole cell ("no clinical response documented"
	// may report a non-response: a proposal even alone)
	partOnly bool
	norm     string // the phrase normalised, set when the vocabulary is compiled (see normPhrase)
}

// normPhrase is the entry's phrase normalised: kept from compilation for the vocabulary's
// entries, computed for the ones the reader makes from the text (numbers, counts).
func (e *outcomeEntry) normPhrase() string {
	if e.norm != "" {
		return e.norm
	}
	return normalize(e.phrase)
}

type routeEntry struct {
	route    string
	position string
}

type siteEntry struct {
	term, site, region string
}

type compiled struct {
	drugTerms []termEntry
	drugTrie  *trieNode
	drugFuzzy *fuzzyIndex
	generics  map[string]*drugGeneric
	disTerms  []termEntry
	disTrie   *trieNode
	disFuzzy  *fuzzyIndex
	diseases  map[string]*diseaseCanon
	subtypes  []subtypeEntry
	subTrie   *trieNode
	axes      []string
	outcomes  []outcomeEntry
	outTrie   *trieNode
	// lostResponse is the id of the outcome phrase "lost response", which a lost head before
	// any response phrase reads as ("loss of CCyR"); -1 when the vocabulary has none
	lostResponse int
	// newLesions is the id of the entry "new lesions", which a new finding of a lesion the
	// vocabulary does not name reads as ("new oral erosions": newFindingPhrase); -1 when none
	newLesions int
	// cameBack is the id of the entry "symptoms returned", which a manifestation said to have
	// returned or come back reads as ("ulcers back by wk 20": cameBackPhrase); -1 when none
	cameBack int
	// ceased is the id of the entry "ceased", which a manifestation said to have stopped reads
	// as ("drainage from the sinuses stopped": ceasedPhrase); -1 when none
	ceased int
	// unreported is the id of the outcome entry that an unreported outcome ("result not
	// given") reads as, unreportedWeak that of the same read as a proposal ("no IVIG response
	// reported"), unreportedAside that of a follow-up noun's ("no FU reported"); reportNouns,
	// followUpNouns, notStated and unstated hold the words of
	// that construction (unreported.go)
	unreported, unreportedWeak, unreportedAside int
	reportNouns, followUpNouns                  *trieNode
	notStated, unstated                         *trieNode
	harms                                       *trieNode // cues.tsv role harm: a stop's reason (reasonBefore)
	ctxTrie                                     *trieNode
	cues                                        []cueEntry
	scores                                      []scoreEntry
	measures                                    map[string]string        // measure → "lower" or "higher" (is better), "" when its reference interval says
	criteria                                    map[string]scoreCriteria // measure → its own response criteria (scores.tsv kinds fall and below)
	// normals are the measures' reference intervals (scores.tsv kind normal), one per unit
	normals map[string][]normalRange
	// measureHeads are the first words of the measures of two words or more: scanOutcome asks
	// for a measure name only where one can start
	measureHeads map[string]bool
	// upperMeasures are the measures whose case is "capitals" in scores.tsv ("AN", "IGA"),
	// which name the measure only in capitals (measureOf)
	upperMeasures map[string]bool
	scoreTerms    map[string]bool // the terms of the threshold rows of scores.tsv (mayHoldScore)
	joinedScores  map[string]bool // threshold terms read only joined to the number or beside a response word ("SALT50")
	routes        []routeEntry
	routeTrie     *trieNode
	maxRouteLen   int
	sites         []siteEntry
	siteTrie      *trieNode
	noFuzzy       map[string]bool
	timingTrie    *trieNode
	timingRole    []string // per timing entry: prior, underlying or none
	knownWords    map[string]bool
	// splitPrefixed holds the pairs of a prefix and a word that a vocabulary term writes
	// apart or with a hyphen ("re epithelialization"): joinPrefixes leaves them apart
	splitPrefixed map[string]bool
	spellFuzzy    *fuzzyIndex // the outcome and cue words that spelling slips are read as (spelling.go)
	spellWords    []string    // spellFuzzy's entry id → word
	// courses caches courseOf per joined treatment list (safe for concurrent use);
	// courseCount bounds it (courseOf empties it when full).
	courses     sync.Map
	courseCount atomic.Int64
}

// mayFuzz reports whether a word may be fuzzy-matched: long enough and not itself a known
// word of any vocabulary or of the nofuzzy list.
func (c *compiled) mayFuzz(w string) bool {
	return len(w) >= minFuzzyLen && !c.knownWords[w] && !c.noFuzzy[w]
}

// fuzzyEntry is one term to put in a fuzzy index.
type fuzzyEntry struct {
	norm string
	id   int
}

// fuzzyCache keeps the fuzzy indexes of recently compiled tables. A table never changes
// once built (Extend clones the table it changes), and the entry ids follow from its rows,
// so an index built for a table is valid for it again: extending the outcomes does not
// rebuild the drug index, whose deletion variants dominate compile time.
var fuzzyCache struct {
	sync.Mutex
	keys []*table
	vals []*fuzzyIndex
}

const fuzzyCacheSize = 8

func fuzzyFor(t *table, entries []fuzzyEntry) *fuzzyIndex {
	fuzzyCache.Lock()
	defer fuzzyCache.Unlock()
	for i, k := range fuzzyCache.keys {
		if k == t {
			return fuzzyCache.vals[i]
		}
	}
	f := newFuzzyIndex()
	for _, e := range entries {
		f.add(e.norm, e.id)
	}
	if len(fuzzyCache.keys) >= fuzzyCacheSize {
		fuzzyCache.keys, fuzzyCache.vals = fuzzyCache.keys[1:], fuzzyCache.vals[1:]
	}
	fuzzyCache.keys = append(fuzzyCache.keys, t)
	fuzzyCache.vals = append(fuzzyCache.vals, f)
	return f
}

// Rows returns the rows of one vocabulary kind as column → value maps, in file order
// (embedded rows first, then user rows). Generators and documentation use it; lookups
// never need it.
func (v *Vocabulary) Rows(kind Kind) []map[string]string {
	if kind < 1 || int(kind) > numKinds || v.tables[kind] == nil {
		return nil
	}
	out := make([]map[string]string, len(v.tables[kind].rows))
	for i, r := range v.tables[kind].rows {
		m := make(map[string]string, len(r.vals))
		for k, val := range r.vals {
			m[k] = val
		}
		out[i] = m
	}
	return out
}

// weak reports whether the phrase decides only with low confidence on its own (roles weak,
// efficacy and measured).
func (e outcomeEntry) weak() bool {
	return e.role == roleWeak || e.role == roleEfficacy || e.role == roleMeasured
}
