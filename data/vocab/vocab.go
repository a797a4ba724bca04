package vocab

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
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
	codes      []drugCode
}

type termEntry struct {
	term      string // as written
	canonical string // normalised canonical key
	kind      string
	upper     bool // upper-case-only abbreviation when scanning
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
}

type routeEntry struct {
	route    string
	position string
}

type siteEntry struct {
	term, site, region string
}

type compiled struct {
	drugTerms   []termEntry
	drugTrie    *trieNode
	drugFuzzy   *fuzzyIndex
	generics    map[string]*drugGeneric
	disTerms    []termEntry
	disTrie     *trieNode
	disFuzzy    *fuzzyIndex
	diseases    map[string]*diseaseCanon
	subtypes    []subtypeEntry
	subTrie     *trieNode
	axes        []string
	outcomes    []outcomeEntry
	outTrie     *trieNode
	ctxTrie     *trieNode
	cues        []cueEntry
	scores      []scoreEntry
	measures    map[string]string // measure → "lower" or "higher" (is better)
	routes      []routeEntry
	routeTrie   *trieNode
	maxRouteLen int
	sites       []siteEntry
	siteTrie    *trieNode
	noFuzzy     map[string]bool
	timingTrie  *trieNode
	timingRole  []string // per timing entry: prior, underlying or none
	knownWords  map[string]bool
	// courses caches courseOf per joined treatment list (safe for concurrent use);
	// courseCount bounds it.
	courses     sync.Map
	courseCount atomic.Int64
}

func compile(ts [numKinds + 1]*table) (*compiled, error) {
	c := &compiled{
		drugTrie: &trieNode{}, disTrie: &trieNode{}, subTrie: &trieNode{}, outTrie: &trieNode{},
		ctxTrie: &trieNode{}, measures: map[string]string{}, routeTrie: &trieNode{}, siteTrie: &trieNode{}, timingTrie: &trieNode{},
		generics: map[string]*drugGeneric{}, diseases: map[string]*diseaseCanon{},
		noFuzzy: map[string]bool{}, knownWords: map[string]bool{},
	}
	var errs []error
	add := func(e error) {
		if len(errs) < maxErrors {
			errs = append(errs, e)
		}
	}
	known := func(s string) {
		for _, w := range words(s) {
			c.knownWords[w] = true
		}
	}

	// routes first: drug rows refer to them
	canonRoutes := map[string]bool{}
	for _, r := range ts[KindRoutes].rows {
		if doseOnly(r) {
			continue // a spelling of dose cells only ("i/v", "subcut")
		}
		pos := strings.ToLower(r.get("position"))
		if pos == "" {
			pos = "any"
		}
		id := len(c.routes)
		c.routes = append(c.routes, routeEntry{route: normalize(r.get("route")), position: pos})
		ws := words(r.get("term"))
		c.routeTrie.insert(ws, id)
		c.maxRouteLen = max(c.maxRouteLen, len(ws))
		if normalize(r.get("term")) == normalize(r.get("route")) {
			canonRoutes[normalize(r.get("route"))] = true
		}
		known(r.get("term"))
	}
	for _, r := range ts[KindRoutes].rows {
		if rt := normalize(r.get("route")); !canonRoutes[rt] && !doseOnly(r) {
			add(r.errf("route", "route %q is not defined by a row of its own (add a row with term %q and route %q)", r.get("route"), r.get("route"), r.get("route")))
		}
	}

	// drugs
	termIDs := map[string]int{}
	var drugFz []fuzzyEntry
	for _, r := range ts[KindDrugs].rows {
		if strings.ToLower(r.get("kind")) != "generic" {
			continue
		}
		key := normalize(r.get("generic"))
		g := c.generics[key]
		if g == nil {
			g = &drugGeneric{name: r.get("generic")}
			c.generics[key] = g
		}
		route := routeKey(r.get("route"))
		if route != "*" && !canonRoutes[route] {
			add(r.errf("route", "unknown route %q (use * or a route defined in the routes vocabulary, e.g. oral, topical, intravenous, intralesional)", r.get("route")))
		}
		var hints [][]string
		for _, h := range strings.Split(r.get("indication"), "|") {
			if ws := words(h); len(ws) > 0 {
				hints = append(hints, ws)
			}
		}
		g.codes = append(g.codes, drugCode{route: route, hints: hints, atc: r.get("atc"), class: r.get("class")})
		if p := normalize(r.get("parent")); p != "" && g.parent == "" {
			g.parent = p
		}
		for _, comp := range strings.Split(r.get("components"), "|") {
			if k := normalize(comp); k != "" && !contains(g.components, k) {
				g.components = append(g.components, k)
			}
		}
	}
	for _, r := range ts[KindDrugs].rows {
		if strings.ToLower(r.get("kind")) != "generic" {
			continue
		}
		for _, comp := range strings.Split(r.get("components"), "|") {
			k := normalize(comp)
			if k == "" {
				continue
			}
			if g := c.generics[k]; g == nil {
				add(r.errf("components", "component %q of regimen %q is not a generic (add a generic row for it)", comp, r.get("generic")))
			} else if len(g.components) > 0 {
				add(r.errf("components", "component %q of regimen %q is itself a regimen (list its drugs instead)", comp, r.get("generic")))
			}
		}
	}
	for _, r := range ts[KindDrugs].rows {
		if p := normalize(r.get("parent")); p != "" && strings.ToLower(r.get("kind")) == "generic" {
			if _, ok := c.generics[p]; !ok {
				add(r.errf("parent", "parent %q is not a generic (add a generic row for it, or leave parent empty)", r.get("parent")))
			}
		}
	}
	for key := range c.generics {
		seen := map[string]bool{}
		for k := key; k != ""; k = c.generics[k].parent {
			if seen[k] {
				add(fmt.Errorf("drugs: the parent chain of %q loops back to %q (a treatment cannot be its own ancestor)", c.generics[key].name, c.generics[k].name))
				break
			}
			seen[k] = true
			if c.generics[k] == nil {
				break
			}
		}
	}
	for _, r := range ts[KindDrugs].rows {
		kind := strings.ToLower(r.get("kind"))
		norm := normalize(r.get("term"))
		gkey := normalize(r.get("generic"))
		if kind == "exclusion" {
			gkey = ""
		} else if _, ok := c.generics[gkey]; !ok {
			add(r.errf("generic", "%q has no row of kind generic (add one with its class and ATC code, or map %q onto an existing generic)", r.get("generic"), r.get("term")))
			continue
		}
		if id, ok := termIDs[norm]; ok {
			prev := c.drugTerms[id]
			if prev.canonical != gkey || (prev.kind == "generic") != (kind == "generic") {
				add(r.errf("term", "term %q maps to %q here but to %q as a %s elsewhere (a term can name only one generic; override both rows)", r.get("term"), r.get("generic"), prev.canonical, prev.kind))
			}
			continue
		}
		id := len(c.drugTerms)
		termIDs[norm] = id
		c.drugTerms = append(c.drugTerms, termEntry{term: r.get("term"), canonical: gkey, kind: kind, upper: isUpperAbbrev(r.get("term"))})
		c.drugTrie.insert(words(r.get("term")), id)
		if kind == "generic" || kind == "brand" || kind == "salt" {
			drugFz = append(drugFz, fuzzyEntry{norm, id})
		}
		known(r.get("term"))
	}

	c.drugFuzzy = fuzzyFor(ts[KindDrugs], drugFz)

	// diseases
	var disFz []fuzzyEntry
	for _, r := range ts[KindDiseases].rows {
		if strings.ToLower(r.get("kind")) == "canonical" {
			c.diseases[normalize(r.get("canonical"))] = &diseaseCanon{name: r.get("canonical"), icd: r.get("icd10"), group: r.get("group"), note: r.get("note"), parent: normalize(r.get("parent"))}
		}
	}
	for _, r := range ts[KindDiseases].rows {
		if p := normalize(r.get("parent")); p != "" && c.diseases[p] == nil {
			add(r.errf("parent", "parent %q is not a canonical disease (add a canonical row for it, or leave parent empty)", r.get("parent")))
		}
	}
	for key := range c.diseases {
		seen := map[string]bool{}
		for k := key; k != "" && c.diseases[k] != nil; k = c.diseases[k].parent {
			if seen[k] {
				add(fmt.Errorf("diseases: the parent chain of %q loops back to %q (a disease cannot be its own ancestor)", c.diseases[key].name, c.diseases[k].name))
				break
			}
			seen[k] = true
		}
	}
	for _, r := range ts[KindDiseases].rows {
		kind := strings.ToLower(r.get("kind"))
		ckey := normalize(r.get("canonical"))
		if _, ok := c.diseases[ckey]; !ok {
			add(r.errf("canonical", "%q has no row of kind canonical (add one with its ICD-10 code and group, or map %q onto an existing disease)", r.get("canonical"), r.get("term")))
			continue
		}
		id := len(c.disTerms)
		c.disTerms = append(c.disTerms, termEntry{term: r.get("term"), canonical: ckey, kind: kind, upper: isUpperAbbrev(r.get("term"))})
		c.disTrie.insert(words(r.get("term")), id)
		if kind == "canonical" {
			disFz = append(disFz, fuzzyEntry{normalize(r.get("term")), id})
		}
		known(r.get("term"))
	}

	c.disFuzzy = fuzzyFor(ts[KindDiseases], disFz)

	// subtypes
	for _, r := range ts[KindSubtypes].rows {
		axis := r.get("axis")
		if !contains(c.axes, axis) {
			c.axes = append(c.axes, axis)
		}
		id := len(c.subtypes)
		c.subtypes = append(c.subtypes, subtypeEntry{term: r.get("term"), canonical: r.get("canonical"), axis: axis, condition: r.get("condition"), conditionNorm: normalize(r.get("condition"))})
		c.subTrie.insert(words(r.get("term")), id)
		known(r.get("term"))
	}

	// outcomes
	for _, r := range ts[KindOutcomes].rows {
		cat := strings.ToLower(r.get("category"))
		role := strings.ToLower(r.get("role"))
		if role == "" {
			role = rolePrimary
		}
		if role == roleEfficacy && r.get("negated") == "" {
			return nil, fmt.Errorf("outcomes: %q has role efficacy but no negated category", r.get("phrase"))
		}
		e := outcomeEntry{phrase: r.get("phrase"), secondary: role == roleSecondary, role: role, upper: isUpperAbbrev(r.get("phrase"))}
		if contains(markerNames, cat) {
			e.marker = true
		} else {
			e.category, _ = ParseCategory(cat)
		}
		if n := r.get("negated"); n != "" {
			e.negated, _ = ParseCategory(n)
		}
		id := len(c.outcomes)
		c.outcomes = append(c.outcomes, e)
		c.outTrie.insert(words(r.get("phrase")), id)
		known(r.get("phrase"))
	}

	// cues, sites, nofuzzy
	for i, r := range ts[KindCues].rows {
		e := cueEntry{term: r.get("term"), role: cueRoleNames[strings.ToLower(r.get("role"))]}
		if cat := r.get("category"); cat != "" {
			e.category, _ = ParseCategory(cat)
		}
		c.cues = append(c.cues, e)
		c.ctxTrie.insert(words(r.get("term")), i)
		known(r.get("term"))
	}
	for _, r := range ts[KindScores].rows {
		e := scoreEntry{term: normalize(r.get("term")), kind: strings.ToLower(r.get("kind")), better: strings.ToLower(r.get("better"))}
		e.value, _ = strconv.ParseFloat(r.get("value"), 64)
		if cat := r.get("category"); cat != "" {
			e.category, _ = ParseCategory(cat)
		}
		if e.kind == "measure" {
			c.measures[e.term] = e.better
		} else {
			c.scores = append(c.scores, e)
		}
	}
	for i, r := range ts[KindSites].rows {
		c.sites = append(c.sites, siteEntry{term: r.get("term"), site: r.get("site"), region: r.get("region")})
		c.siteTrie.insert(words(r.get("term")), i)
		known(r.get("term"))
	}
	for i, r := range ts[KindTiming].rows {
		c.timingTrie.insert(words(r.get("term")), i)
		c.timingRole = append(c.timingRole, strings.ToLower(r.get("role")))
	}
	for _, r := range ts[KindNoFuzzy].rows {
		c.noFuzzy[normalize(r.get("word"))] = true
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
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

// weak reports whether the phrase decides only with low confidence on its own (roles weak
// and efficacy).
func (e outcomeEntry) weak() bool { return e.role == roleWeak || e.role == roleEfficacy }
