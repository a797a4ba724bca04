package vocab

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// compile builds the lookup structures of the tables, kind by kind,
// collecting up to maxErrors row errors.
func compile(ts [numKinds + 1]*table) (*compiled, error) {
	c := &compiled{
		drugTrie: &trieNode{}, disTrie: &trieNode{}, subTrie: &trieNode{}, outTrie: &trieNode{},
		ctxTrie: &trieNode{}, lostResponse: -1, newLesions: -1, cameBack: -1, ceased: -1, reportNouns: &trieNode{}, followUpNouns: &trieNode{}, notStated: &trieNode{}, unstated: &trieNode{}, harms: &trieNode{}, measures: map[string]string{}, criteria: map[string]scoreCriteria{}, normals: map[string][]normalRange{}, measureHeads: map[string]bool{}, upperMeasures: map[string]bool{}, scoreTerms: map[string]bool{}, joinedScores: map[string]bool{}, routeTrie: &trieNode{}, siteTrie: &trieNode{}, timingTrie: &trieNode{},
		generics: map[string]*drugGeneric{}, diseases: map[string]*diseaseCanon{},
		noFuzzy: map[string]bool{}, knownWords: map[string]bool{}, splitPrefixed: map[string]bool{},
	}
	var errs []error
	add := func(e error) {
		if len(errs) < maxErrors {
			errs = append(errs, e)
		}
	}
	canonRoutes := c.compileRoutes(ts[KindRoutes], add) // first: drug rows refer to routes
	c.compileDrugGenerics(ts[KindDrugs], canonRoutes, add)
	c.checkDrugGenerics(ts[KindDrugs], add)
	c.compileDrugTerms(ts[KindDrugs], canonRoutes, add)
	c.compileDiseases(ts[KindDiseases], add)
	c.compileSubtypes(ts[KindSubtypes])
	if err := c.compileOutcomes(ts[KindOutcomes]); err != nil {
		return nil, err
	}
	c.compileContext(ts)
	for i := range c.outcomes {
		// a mixed-case code is matched only as written when its other-case form names a
		// measure ("sCR", not "sCr", serum creatinine; "pCR", not "PCR", the test)
		e := &c.outcomes[i]
		if _, ok := c.measures[normalize(e.phrase)]; e.exact && !ok {
			e.exact = false
		}
	}
	c.compileSpelling()
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

// known records the words of a term of any vocabulary, which are never
// fuzzy-matched, and its prefixes written apart ("re-epithelialization"), which
// joinPrefixes leaves apart.
func (c *compiled) known(s string) {
	ws := words(s)
	for k, w := range ws {
		c.knownWords[w] = true
		if k > 0 && wordPrefixes[ws[k-1]] {
			c.splitPrefixed[ws[k-1]+" "+w] = true // "re-epithelialization": read as written
		}
	}
}

// compileRoutes adds the routes (rows that are spellings of dose cells only
// excepted) and returns the canonical routes, those defined by a row of
// their own.
func (c *compiled) compileRoutes(t *table, add func(error)) map[string]bool {
	canonRoutes := map[string]bool{}
	for _, r := range t.rows {
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
		c.known(r.get("term"))
	}
	for _, r := range t.rows {
		if rt := normalize(r.get("route")); !canonRoutes[rt] && !doseOnly(r) {
			add(r.errf("route", "route %q is not defined by a row of its own (add a row with term %q and route %q)", r.get("route"), r.get("route"), r.get("route")))
		}
	}
	return canonRoutes
}

// compileDrugGenerics adds a generic per generic row, with its codes by
// route and indication, its parent and its regimen components.
func (c *compiled) compileDrugGenerics(t *table, canonRoutes map[string]bool, add func(error)) {
	for _, r := range t.rows {
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
		for _, a := range strings.Split(r.get("other_atc"), "|") {
			if a = strings.TrimSpace(a); a != "" && !contains(g.otherATC, a) {
				g.otherATC = append(g.otherATC, a)
			}
		}
		for _, comp := range strings.Split(r.get("components"), "|") {
			if k := normalize(comp); k != "" && !contains(g.components, k) {
				g.components = append(g.components, k)
			}
		}
	}
}

// checkDrugGenerics checks that regimen components are generics and not
// regimens, that parents are generics and that no parent chain loops.
func (c *compiled) checkDrugGenerics(t *table, add func(error)) {
	for _, r := range t.rows {
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
	for _, r := range t.rows {
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
}

// compileDrugTerms adds every drug term of a known generic (or exclusion)
// and the fuzzy index of generic, brand and salt names.
func (c *compiled) compileDrugTerms(t *table, canonRoutes map[string]bool, add func(error)) {
	termIDs := map[string]int{}
	var drugFz []fuzzyEntry
	for _, r := range t.rows {
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
		route := ""
		if kind != "generic" && kind != "exclusion" {
			if route = routeKey(r.get("route")); route == "*" {
				route = ""
			} else if !canonRoutes[route] {
				add(r.errf("route", "unknown route %q (a %s row may name the route its name implies: a route defined in the routes vocabulary, e.g. topical; or leave it empty)", r.get("route"), kind))
				route = ""
			}
		}
		id := len(c.drugTerms)
		termIDs[norm] = id
		c.drugTerms = append(c.drugTerms, termEntry{term: r.get("term"), canonical: gkey, kind: kind, upper: isUpperAbbrev(r.get("term")), route: route})
		c.drugTrie.insert(words(r.get("term")), id)
		if kind == "generic" || kind == "brand" || kind == "salt" {
			drugFz = append(drugFz, fuzzyEntry{norm, id})
		}
		c.known(r.get("term"))
	}
	c.drugFuzzy = fuzzyFor(t, drugFz)
}

// compileDiseases adds the canonical diseases with their parents, checks
// the parent chains, and adds every disease term and the fuzzy index.
func (c *compiled) compileDiseases(t *table, add func(error)) {
	var disFz []fuzzyEntry
	for _, r := range t.rows {
		if strings.ToLower(r.get("kind")) == "canonical" {
			c.diseases[normalize(r.get("canonical"))] = &diseaseCanon{name: r.get("canonical"), icd: r.get("icd10"), group: r.get("group"), note: r.get("note"), parent: normalize(r.get("parent"))}
		}
	}
	for _, r := range t.rows {
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
	for _, r := range t.rows {
		kind := strings.ToLower(r.get("kind"))
		// an abbreviation may name several diseases ("HS": hereditary spherocytosis |
		// hidradenitis suppurativa): one entry per sense; a lookup reads the first and lists
		// the others in Match.Senses, until a user row of one sense replaces the row
		for _, canon := range strings.Split(r.get("canonical"), "|") {
			ckey := normalize(canon)
			if _, ok := c.diseases[ckey]; !ok {
				add(r.errf("canonical", "%q has no row of kind canonical (add one with its ICD-10 code and group, or map %q onto an existing disease)", strings.TrimSpace(canon), r.get("term")))
				continue
			}
			id := len(c.disTerms)
			c.disTerms = append(c.disTerms, termEntry{term: r.get("term"), canonical: ckey, kind: kind, upper: isUpperAbbrev(r.get("term"))})
			c.disTrie.insert(words(r.get("term")), id)
			if kind == "canonical" {
				disFz = append(disFz, fuzzyEntry{normalize(r.get("term")), id})
			}
		}
		c.known(r.get("term"))
	}
	c.disFuzzy = fuzzyFor(t, disFz)
}

// compileSubtypes adds the subtype terms and their axes, in first-seen order.
func (c *compiled) compileSubtypes(t *table) {
	for _, r := range t.rows {
		axis := r.get("axis")
		if !contains(c.axes, axis) {
			c.axes = append(c.axes, axis)
		}
		id := len(c.subtypes)
		c.subtypes = append(c.subtypes, subtypeEntry{term: r.get("term"), canonical: r.get("canonical"), axis: axis, condition: r.get("condition"), conditionNorm: normalize(r.get("condition"))})
		c.subTrie.insert(words(r.get("term")), id)
		c.known(r.get("term"))
	}
}

// compileOutcomes adds the outcome phrases. A phrase of role efficacy or
// "negated only" without a negated category is an error.
func (c *compiled) compileOutcomes(t *table) error {
	for _, r := range t.rows {
		cat := strings.ToLower(r.get("category"))
		role := strings.ToLower(r.get("role"))
		if role == "" {
			role = rolePrimary
		}
		if (role == roleEfficacy || deniedOnly(role)) && r.get("negated") == "" {
			return fmt.Errorf("outcomes: %q has role %s but no negated category", r.get("phrase"), role)
		}
		e := outcomeEntry{phrase: r.get("phrase"), secondary: role == roleSecondary || role == roleLasting, role: role, upper: isUpperAbbrev(r.get("phrase")),
			exact: mixedCaseCode(r.get("phrase")),
			norm:  normalize(r.get("phrase"))}
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
		c.known(r.get("phrase"))
		switch normalize(r.get("phrase")) {
		case "lost response":
			c.lostResponse = id
		case "new lesions":
			c.newLesions = id
		case "symptoms returned":
			c.cameBack = id
		case "ceased":
			c.ceased = id
		}
	}
	c.unreported = len(c.outcomes)
	c.outcomes = append(c.outcomes, outcomeEntry{phrase: unreportedPhrase, category: NotEvaluable, role: roleUnassess,
		norm: normalize(unreportedPhrase)})
	c.unreportedWeak = len(c.outcomes)
	c.outcomes = append(c.outcomes, outcomeEntry{phrase: unreportedPhrase, category: NotEvaluable, role: roleWeak,
		norm: normalize(unreportedPhrase), partOnly: true})
	c.unreportedAside = len(c.outcomes)
	c.outcomes = append(c.outcomes, outcomeEntry{phrase: unreportedPhrase, category: NotEvaluable, role: rolePrimary,
		norm: normalize(unreportedPhrase)})
	return nil
}

// compileContext adds the context vocabularies: cues, scores and measures,
// sites, timing words and the words never fuzzy-matched.
func (c *compiled) compileContext(ts [numKinds + 1]*table) {
	for i, r := range ts[KindCues].rows {
		e := cueEntry{term: r.get("term"), role: cueRoleNames[strings.ToLower(r.get("role"))]}
		if cat := r.get("category"); cat != "" {
			e.category, _ = ParseCategory(cat)
		}
		c.cues = append(c.cues, e)
		if t := c.unreportedTrie(e.role); t != nil {
			// read only together, as an unreported outcome: alone they are no cue
			t.insert(words(e.term), i)
			c.known(e.term)
			continue
		}
		c.ctxTrie.insert(words(r.get("term")), i)
		c.known(r.get("term"))
	}
	for _, r := range ts[KindScores].rows {
		e := scoreEntry{term: normalize(r.get("term")), kind: strings.ToLower(r.get("kind")), better: strings.ToLower(r.get("better"))}
		e.value, _ = strconv.ParseFloat(r.get("value"), 64)
		e.minFall, _ = strconv.ParseFloat(r.get("min_fall"), 64)
		if cat := r.get("category"); cat != "" {
			e.category, _ = ParseCategory(cat)
		}
		if e.kind == "fall" || e.kind == "below" {
			cr := c.criteria[e.term]
			cr.add(e)
			c.criteria[e.term] = cr
			continue
		}
		if e.kind == "measure" || e.kind == "normal" {
			if e.kind == "normal" {
				nr, _ := parseNormalRange(r.get("value"), r.get("unit"))
				c.normals[e.term] = append(c.normals[e.term], nr)
				e.better = cmp.Or(c.measures[e.term], betterByInterval) // a measure row's direction stays
			}
			c.measures[e.term] = e.better
			if strings.EqualFold(r.get("case"), "capitals") {
				c.upperMeasures[e.term] = true
			}
			if head, _, multi := strings.Cut(e.term, " "); multi {
				c.measureHeads[head] = true
			}
		} else {
			c.scores = append(c.scores, e)
			c.scoreTerms[e.term] = true
			if strings.EqualFold(r.get("form"), "joined") {
				c.joinedScores[e.term] = true
			}
		}
	}
	for i, r := range ts[KindSites].rows {
		c.sites = append(c.sites, siteEntry{term: r.get("term"), site: r.get("site"), region: r.get("region")})
		c.siteTrie.insert(words(r.get("term")), i)
		c.known(r.get("term"))
	}
	for i, r := range ts[KindTiming].rows {
		c.timingTrie.insert(words(r.get("term")), i)
		c.timingRole = append(c.timingRole, strings.ToLower(r.get("role")))
	}
	for _, r := range ts[KindNoFuzzy].rows {
		c.noFuzzy[normalize(r.get("word"))] = true
	}
}
