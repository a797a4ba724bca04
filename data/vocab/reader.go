package vocab

import (
	"strings"
)

// cueRole is what a context cue (cues.tsv) does to the outcome phrases in its scope.
type cueRole int

const (
	cueNegation      cueRole = iota + 1 // forward negation: "did not lead to any improvement"
	cueNegationAfter                    // backward negation: "improvement was not seen"
	cuePseudo                           // looks like a trigger but is not: "not only", "no longer"
	cueHedge                            // forward possibility: "possible improvement"
	cueHedgeAfter                       // backward possibility: "improvement was questionable"
	cueHistory                          // an earlier treatment: "previously", "refractory to"
	cueTermination                      // ends forward scopes: "but", "however", "which"
	cueAfterCourse                      // the statement is about the time after the course stopped
	cueOnCourse                         // the statement is about the time on the course
)

var cueRoleNames = map[string]cueRole{
	"negation": cueNegation, "negation after": cueNegationAfter, "pseudo": cuePseudo,
	"hedge": cueHedge, "hedge after": cueHedgeAfter, "history": cueHistory,
	"termination": cueTermination, "boundary": cueTermination,
	"after course": cueAfterCourse, "on course": cueOnCourse,
}

// cueEntry is one compiled row of cues.tsv.
type cueEntry struct {
	term     string
	role     cueRole
	category Category // history cues: the outcome the cue states for a drug it names ("refractory to X" → none)
}

// phrase roles beyond primary/secondary
const (
	rolePrimary   = "primary"
	roleSecondary = "secondary"
	roleRelapse   = "relapse" // a relapse, flare or recurrence: its meaning depends on time
	roleWeak      = "weak"    // decides only with low confidence ("persistent", "stable")
)

// target is one outcome statement found in the text: a phrase of outcomes.tsv, a quantity
// or a history cue that names the course's own drug. Its modifiers come from the cues
// whose scope covers it.
type target struct {
	i, j     int // token span
	entry    outcomeEntry
	category Category // after negation
	rule     string
	negated  bool
	negCue   string
	hedged   bool
	hedgeCue string
	history  bool // about an earlier treatment: not evidence for this course
	histCue  string
	after    bool // about the time after the course stopped
	on       bool // about the time on the course
	sentence int
	start    int // byte span
	end      int
	quantity bool // read from numbers, not words
}

// sentenceEnds marks, for each token, whether a sentence end (. ; ! ? line break, bullet
// or |) stands between it and the previous token. A point between two digits is a decimal
// point, not an end.
func sentenceEnds(text string, toks []token) []bool {
	ends := make([]bool, len(toks))
	for k := 1; k < len(toks); k++ {
		gap := text[toks[k-1].end:toks[k].start]
		for x := 0; x < len(gap); x++ {
			switch gap[x] {
			case ';', '!', '?', '\n', '\r', '|':
				ends[k] = true
			case '.':
				if !(len(gap) == 1 && isDigitByte(text[toks[k-1].end-1]) && isDigitByte(text[toks[k].start])) {
					ends[k] = true
				}
			}
		}
		if strings.Contains(gap, "•") {
			ends[k] = true
		}
	}
	return ends
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// commaBefore reports whether a comma or colon stands between token k and the previous one.
func commaBefore(text string, toks []token, k int) bool {
	if k == 0 {
		return false
	}
	gap := text[toks[k-1].end:toks[k].start]
	return strings.ContainsAny(gap, ",:")
}

// cueHit is a context cue found in the text.
type cueHit struct {
	i, j int
	e    cueEntry
}

// scanOutcome finds, leftmost-longest, the outcome phrases and the context cues of the text. At a
// position where both a phrase and a cue start, the longer wins; on a tie the phrase wins
// (a phrase such as "no recurrence" or "failed to respond" is its own pseudo-trigger).
func (c *compiled) scanOutcome(toks []token) ([]target, []cueHit, []bool) {
	acceptOutcome := func(ids []int, ts []token) []int {
		var out []int
		for _, id := range ids {
			if !c.outcomes[id].upper || len(ts) == 1 && ts[0].upper {
				out = append(out, id)
			}
		}
		return out
	}
	var targets []target
	var cues []cueHit
	used := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		np, pids := c.outTrie.longest(toks, i, acceptOutcome)
		nc, cids := c.ctxTrie.longest(toks, i, nil)
		switch {
		case np == 0 && nc == 0:
			i++
			continue
		case np >= nc:
			e := c.outcomes[pids[0]]
			targets = append(targets, target{i: i, j: i + np, entry: e, category: e.category, rule: "phrase"})
			for k := i; k < i+np; k++ {
				used[k] = true
			}
			i += np
		default:
			cues = append(cues, cueHit{i, i + nc, c.cues[cids[0]]})
			for k := i; k < i+nc; k++ {
				used[k] = true
			}
			i += nc
		}
	}
	return targets, cues, used
}

// applyContext sets each target's modifiers from the cues whose scope covers it (ConText:
// Harkema et al., J Biomed Inform 2009;42:839–851). A forward cue's scope runs to the end
// of its sentence or to a termination cue; a comma or "and" also ends it once the scope
// has covered a target ("no improvement, and the lesions resolved"), so that lists
// ("no clinical or radiological improvement") stay in scope. A backward cue's scope runs
// back to the start of its clause. Time is linear in the number of tokens.
func applyContext(text string, toks []token, ends []bool, targets []target, cues []cueHit) {
	type scope struct {
		active  bool
		cue     string
		covered bool
	}
	var neg, hedge, hist, after, on scope
	reset := func() { neg, hedge, hist, after, on = scope{}, scope{}, scope{}, scope{}, scope{} }
	sent := 0
	ti, ci := 0, 0
	coverEnd := func() { // a comma or "and" after a covered target ends the scope
		for _, s := range []*scope{&neg, &hedge, &hist} {
			if s.covered {
				*s = scope{}
			}
		}
	}
	for k := 0; k < len(toks); k++ {
		if ends[k] {
			reset()
			sent++
		} else if commaBefore(text, toks, k) {
			coverEnd()
		}
		if toks[k].norm == "and" && (ci >= len(cues) || cues[ci].i != k) && (ti >= len(targets) || targets[ti].i != k) {
			coverEnd()
			if ti < len(targets) && targets[ti].i == k+1 { // "no pain and improvement": a new statement
				neg, hedge, hist = scope{}, scope{}, scope{}
			}
		}
		if ci < len(cues) && cues[ci].i == k {
			cu := cues[ci]
			cueText := text[toks[cu.i].start:toks[cu.j-1].end]
			switch cu.e.role {
			case cueNegation:
				neg = scope{active: true, cue: cueText}
			case cueHedge:
				hedge = scope{active: true, cue: cueText}
			case cueHistory:
				hist = scope{active: true, cue: cueText}
			case cueAfterCourse:
				after = scope{active: true, cue: cueText}
			case cueOnCourse:
				on = scope{active: true, cue: cueText}
			case cueTermination:
				neg, hedge, hist = scope{}, scope{}, scope{}
			}
			ci++
			k = cu.j - 1
			continue
		}
		if ti < len(targets) && targets[ti].i == k {
			t := &targets[ti]
			t.sentence = sent
			if neg.active {
				t.negated, t.negCue, neg.covered = true, neg.cue, true
			}
			if hedge.active {
				t.hedged, t.hedgeCue, hedge.covered = true, hedge.cue, true
			}
			if hist.active {
				t.history, t.histCue, hist.covered = true, hist.cue, true
			}
			t.after = t.after || after.active
			t.on = t.on || on.active
			ti++
			k = t.j - 1
		}
	}
	// backward cues and the temporal cues that follow their relapse ("relapsed after
	// discontinuation"): scope runs back to the start of the clause.
	clause := clauses(text, toks, ends, cues)
	for _, cu := range cues {
		switch cu.e.role {
		case cueNegationAfter, cueHedgeAfter, cueAfterCourse, cueOnCourse:
		default:
			continue
		}
		cueText := text[toks[cu.i].start:toks[cu.j-1].end]
		for t := range targets {
			tg := &targets[t]
			if tg.j > cu.i || clause[tg.i] != clause[cu.i] {
				continue
			}
			switch cu.e.role {
			case cueNegationAfter:
				tg.negated, tg.negCue = true, cueText
			case cueHedgeAfter:
				tg.hedged, tg.hedgeCue = true, cueText
			case cueAfterCourse:
				tg.after = true
			case cueOnCourse:
				tg.on = true
			}
		}
	}
}

// clauses numbers the clauses of the text: a new clause starts at a sentence end, a comma
// or colon, "and", and a termination cue.
func clauses(text string, toks []token, ends []bool, cues []cueHit) []int {
	cl := make([]int, len(toks))
	term := make([]bool, len(toks))
	for _, cu := range cues {
		if cu.e.role == cueTermination {
			term[cu.i] = true
		}
	}
	g := 0
	for k := range toks {
		if k > 0 && (ends[k] || term[k] || toks[k].norm == "and" || commaBefore(text, toks, k)) {
			g++
		}
		cl[k] = g
	}
	return cl
}

// Outcome reads a treatment outcome from free text without knowing the course's
// treatment; see OutcomeFor.
func (v *Vocabulary) Outcome(text string) OutcomeMatch { return v.OutcomeFor(text, nil) }

// OutcomeFor reads the outcome of one treatment course from free text. treatments names
// the course's drugs or procedures in any spelling the vocabulary knows (it may be nil);
// a statement about an earlier treatment ("refractory to steroids") is then the course's
// own outcome when it names one of them, and history otherwise. The rules are those of
// docs/outcomes.md and the package documentation. Time is linear in len(text).
func (v *Vocabulary) OutcomeFor(text string, treatments []string) OutcomeMatch {
	c := v.c
	var res OutcomeMatch
	if len(text) > maxOutcomeBytes {
		text = text[:cutAtSpace(text, maxOutcomeBytes)]
		res.Truncated = true
	}
	toks := tokenize(text)
	if len(toks) == 0 {
		return res
	}
	ends := sentenceEnds(text, toks)
	targets, cues, used := c.scanOutcome(toks)
	targets = mergeTargets(targets, c.quantities(text, toks, used))
	applyContext(text, toks, ends, targets, cues)
	clause := clauses(text, toks, ends, cues)
	course := v.courseKeys(treatments)
	if len(course) > 0 {
		targets = c.courseHistory(text, toks, ends, cues, targets, course, clause)
	}
	for k := range targets {
		t := &targets[k]
		t.start, t.end = toks[t.i].start, toks[t.j-1].end
		if t.negated && !t.entry.marker {
			if t.entry.negated != CategoryUnknown {
				t.category = t.entry.negated
				t.rule = "negation"
			} else {
				t.negated = false // the phrase carries its own polarity ("no recurrence")
			}
		}
	}
	return c.decide(text, toks, targets, clause, res)
}

// maxOutcomeBytes bounds the text the reader looks at; longer cells are cut at a space.
const maxOutcomeBytes = 64 << 10

func cutAtSpace(s string, n int) int {
	if k := strings.LastIndexByte(s[:n], ' '); k > n/2 {
		return k
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}

// mergeTargets merges two lists of targets sorted by token position.
func mergeTargets(a, b []target) []target {
	if len(b) == 0 {
		return a
	}
	out := make([]target, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i].i <= b[j].i {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// courseKeys returns the normalised canonical names of the course's treatments.
func (v *Vocabulary) courseKeys(treatments []string) map[string]bool {
	if len(treatments) == 0 {
		return nil
	}
	keys := map[string]bool{}
	for _, tr := range treatments {
		for _, m := range v.ScanDrugs(tr) {
			if m.Canonical != "" {
				keys[normalize(m.Canonical)] = true
			}
		}
		if n := normalize(tr); n != "" {
			keys[n] = true
		}
	}
	return keys
}

// drugAt returns the normalised canonical name of a drug term starting at token i (exact
// terms only) and its length in tokens.
func (c *compiled) drugAt(toks []token, i int) (string, int) {
	n, ids := c.drugTrie.longest(toks, i, nil)
	if n == 0 {
		return "", 0
	}
	return normalize(c.drugTerms[ids[0]].canonical), n
}

// courseHistory applies the course's own treatments to history statements: a history cue
// whose scope names a course treatment states the course's outcome (its category, e.g.
// "refractory to rituximab" = none for a rituximab course); targets in a history scope
// whose clause names a course treatment are about this course after all.
func (c *compiled) courseHistory(text string, toks []token, ends []bool, cues []cueHit, targets []target, course map[string]bool, clause []int) []target {
	namesCourse := map[int]bool{} // clause → a course treatment is named in it
	namesOther := map[int]bool{}  // clause → another treatment is named in it
	for i := 0; i < len(toks); {
		d, n := c.drugAt(toks, i)
		if n == 0 {
			i++
			continue
		}
		if course[d] {
			namesCourse[clause[i]] = true
		} else {
			namesOther[clause[i]] = true
		}
		i += n
	}
	for k := range targets {
		cl := clause[targets[k].i]
		switch {
		case targets[k].history && namesCourse[cl]:
			targets[k].history = false
		case !targets[k].history && namesOther[cl] && !namesCourse[cl]:
			// the clause names other treatments and not the course's: it is about them
			targets[k].history, targets[k].histCue = true, "another treatment named in the clause"
		}
	}
	var added []target
	for _, cu := range cues {
		if cu.e.role != cueHistory || cu.e.category == CategoryUnknown {
			continue
		}
		// the cue's scope: to the end of its sentence or a termination cue
		for k := cu.j; k < len(toks) && !ends[k]; k++ {
			if isTermination(cues, k) {
				break
			}
			d, n := c.drugAt(toks, k)
			if n > 0 && course[d] {
				added = append(added, target{i: cu.i, j: cu.j, entry: outcomeEntry{phrase: cu.e.term, category: cu.e.category},
					category: cu.e.category, rule: "history cue names the course", histCue: text[toks[cu.i].start:toks[cu.j-1].end]})
				break
			}
			if n > 1 {
				k += n - 1
			}
		}
	}
	if len(added) == 0 {
		return targets
	}
	return mergeTargets(targets, added)
}

func isTermination(cues []cueHit, k int) bool {
	for _, cu := range cues {
		if cu.i == k && cu.e.role == cueTermination {
			return true
		}
	}
	return false
}
