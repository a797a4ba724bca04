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
	cueQualifier                        // sets the degree of the response word right after it: "complete clinical response"
	cueDoseChange                       // the course went on at another dose: "after increase to 90 mg"
	cueTransient                        // the response word right after it did not last: "initial improvement"
)

var cueRoleNames = map[string]cueRole{
	"negation": cueNegation, "negation after": cueNegationAfter, "pseudo": cuePseudo,
	"hedge": cueHedge, "hedge after": cueHedgeAfter, "history": cueHistory,
	"termination": cueTermination, "boundary": cueTermination,
	"after course": cueAfterCourse, "on course": cueOnCourse, "qualifier": cueQualifier,
	"dose change": cueDoseChange, "transient": cueTransient,
}

// qualifierReach is how many words after a qualifier cue a response word may start
// ("complete clinical and radiological response").
const qualifierReach = 5

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
	roleRelapse   = "relapse"    // a relapse, flare or recurrence: its meaning depends on time
	roleWeak      = "weak"       // decides only with low confidence ("persistent", "stable")
	roleEfficacy  = "efficacy"   // a word of benefit: weak alone ("effective"), a clear non-response when negated ("was not effective")
	roleDeath     = "death"      // a death: not evaluable, but proposed as progression when a worsening is also stated
	roleCell      = "cell"       // decides only as the whole cell: "Good" in a table's outcome column, not "good general condition"
	roleUnassess  = "unassessed" // "not assessed": response words before it in the clause were not assessed
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
	// transient is set on a phrase a transient cue qualifies ("initial improvement",
	// "transiently responded"): a response that a later worsening on the course undoes.
	transient bool
	start     int // byte span
	end       int
	quantity  bool // read from numbers, not words
	// courseClause is set when the target's clause names one of the course's own
	// treatments: it is evidence about this course, not only about the patient.
	courseClause bool
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

// acceptDisease keeps the disease terms that match as written: an upper-case
// abbreviation ("ON", optic neuritis) only when the text has it in upper case, so that
// "relapsed on taper" is not "relapsed optic neuritis".
func (c *compiled) acceptDisease(ids []int, ts []token) []int {
	var out []int
	for _, id := range ids {
		if !c.disTerms[id].upper || len(ts) == 1 && ts[0].upper {
			out = append(out, id)
		}
	}
	return out
}

// eventWords before a state adjective make it an event of the course: "resulted in
// recurrent pericarditis", "developed refractory ascites".
var eventWords = map[string]bool{"in": true, "developed": true, "develops": true, "developing": true, "caused": true,
	"causing": true, "triggered": true, "to": true, "of": true}

// stateAdjectives describe the disease a patient came with when they stand before its name.
var stateAdjectives = map[string]bool{"relapsed": true, "relapsing": true, "refractory": true, "recurrent": true,
	"resistant": true, "persistent": true}

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
	acceptDisease := c.acceptDisease
	for i := 0; i < len(toks); {
		// a disease name of several words is not an outcome ("relapsing polychondritis",
		// "progressive multifocal leukoencephalopathy", "refractory coeliac disease")
		if nd, _ := c.disTrie.longest(toks, i, acceptDisease); nd >= 2 {
			np, _ := c.outTrie.longest(toks, i, acceptOutcome)
			if np < nd {
				i += nd
				continue
			}
		}
		np, pids := c.outTrie.longest(toks, i, acceptOutcome)
		if np == 1 && stateAdjectives[toks[i].norm] && i+1 < len(toks) && !(i > 0 && eventWords[toks[i-1].norm]) {
			// "relapsed TTP", "refractory ITP": the state the patient came with, not the
			// course's outcome
			if nd, _ := c.disTrie.longest(toks, i+1, acceptDisease); nd > 0 {
				i += 1 + nd
				continue
			}
		}
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
	qual, qualUntil := CategoryUnknown, -1 // the last qualifier and the last token it reaches
	transUntil := -1                       // the last token a transient cue reaches
	reset := func() {
		neg, hedge, hist, after, on = scope{}, scope{}, scope{}, scope{}, scope{}
		qualUntil, transUntil = -1, -1
	}
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
		} else if commaBefore(text, toks, k) {
			coverEnd()
			hist = scope{} // an earlier treatment is a clause's subject: "Although refractory to X, …"
			qualUntil = -1
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
			case cueAfterCourse: // a new time frame replaces the other
				after, on = scope{active: true, cue: cueText}, scope{}
			case cueOnCourse:
				on, after = scope{active: true, cue: cueText}, scope{}
			case cueTermination:
				neg, hedge, hist = scope{}, scope{}, scope{}
				qualUntil = -1
			case cueQualifier:
				qual, qualUntil = cu.e.category, cu.j-1+qualifierReach
			case cueTransient:
				transUntil = cu.j - 1 + qualifierReach
			}
			ci++
			k = cu.j - 1
			continue
		}
		if ti < len(targets) && targets[ti].i == k {
			t := &targets[ti]
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
			if k <= qualUntil && qualifies(qual, t.entry) {
				t.category, t.rule = qual, "qualifier"
			}
			if k <= transUntil {
				t.transient = true
			}
			qualUntil, transUntil = -1, -1
			if !neg.active && startsWithNegation(t.entry.phrase) {
				// "no improvement or radiological response": the phrase's own negation
				// reaches the list that follows it
				neg = scope{active: true, cue: firstWord(t.entry.phrase), covered: true}
			}
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
			case cueAfterCourse: // a time stated right after the event is the more precise one
				tg.after, tg.on = true, false
			case cueOnCourse:
				tg.on, tg.after = true, false
			}
		}
	}
}

// qualifies reports whether a qualifier of category q applies to a phrase: qualifiers of
// degree (minimal, none, partial) lower any response phrase above them; "complete" raises
// only the generic response words (category partial).
func qualifies(q Category, e outcomeEntry) bool {
	if e.marker || !e.category.Ordered() || e.category < Minimal || e.role == roleRelapse {
		return false
	}
	if q == Complete {
		return e.category == Partial
	}
	return q < e.category
}

var negationWords = map[string]bool{"no": true, "not": true, "without": true, "never": true, "nor": true, "neither": true}

func startsWithNegation(phrase string) bool { return negationWords[firstWord(phrase)] }

func firstWord(phrase string) string {
	ws := words(phrase)
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}

// statements numbers the statements of the text: a new one starts at a sentence end and
// at a termination cue.
func statements(toks []token, ends []bool, cues []cueHit) []int {
	st := make([]int, len(toks))
	term := make([]bool, len(toks))
	for _, cu := range cues {
		if cu.e.role == cueTermination {
			term[cu.i] = true
		}
	}
	g := 0
	for k := range toks {
		if k > 0 && (ends[k] || term[k]) {
			g++
		}
		st[k] = g
	}
	return st
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

// wordFall and wordRise are the change words that beneficialChange reads by the
// direction of benefit of the measure beside them.
var (
	wordFall = map[string]bool{"decreased": true, "decrease": true, "decline": true, "declined": true, "reduced": true,
		"reduction": true, "lowered": true, "lowering": true, "fell": true, "dropped": true, "diminished": true}
	wordRise = map[string]bool{"increased": true, "increase": true, "rose": true, "rise": true, "rising": true}
	// treatmentWords near a change word make it a change of the treatment, not of the disease
	treatmentWords = map[string]bool{"mg": true, "dose": true, "doses": true, "dosage": true, "dosing": true, "taper": true,
		"tapered": true, "tapering": true, "steroid": true, "steroids": true, "gc": true, "gcs": true, "prednisone": true,
		"prednisolone": true, "glucocorticoid": true, "glucocorticoids": true, "corticosteroid": true, "corticosteroids": true,
		"requirement": true, "requirements": true, "need": true, "insulin": true}
)

// measureChange reads a weak change word ("decreased", "rose") by a measure of scores.tsv
// within five words before or four after it, with no word of dose or treatment there ("the
// prednisolone dose was reduced"): 1 when the change goes the measure's better direction
// ("the platelet count rose", "decrease of inflammatory markers"), -1 when it goes the
// other way, 0 when there is no such measure. A change in the adverse direction stays weak
// (it may be an adverse effect rather than the disease).
func (c *compiled) measureChange(toks []token, t target) int {
	if !t.entry.weak() || t.j-t.i != 1 {
		return 0
	}
	w := toks[t.i].norm
	var want string
	switch {
	case wordFall[w]:
		want = "lower"
	case wordRise[w]:
		want = "higher"
	default:
		return 0
	}
	lo, hi := max(0, t.i-5), min(len(toks), t.j+4)
	for k := lo; k < hi; k++ {
		if treatmentWords[toks[k].norm] {
			return 0
		}
	}
	for k := lo; k < hi; k++ {
		if k >= t.i && k < t.j {
			continue
		}
		for n := 3; n >= 1; n-- {
			if k+n > hi || (k < t.i && k+n > t.i) {
				continue
			}
			if better, ok := c.measures[joinNorms(toks[k:k+n])]; ok {
				if better != want {
					return -1
				}
				return 1
			}
		}
	}
	return 0
}

// wholeCellOnly drops the phrases of role cell that are not the whole text.
func wholeCellOnly(targets []target, n int) []target {
	keep := targets[:0]
	for _, t := range targets {
		if t.entry.role != roleCell || t.i == 0 && t.j == n {
			keep = append(keep, t)
		}
	}
	return keep
}

// doseChanges returns the token positions of the dose-change cues, in text order.
func doseChanges(cues []cueHit) []int {
	var at []int
	for _, cu := range cues {
		if cu.e.role == cueDoseChange {
			at = append(at, cu.i)
		}
	}
	return at
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
		if strings.TrimSpace(text) != "" {
			// "-", "?", "—": a placeholder for a missing value, read as an empty cell is
			res.Category, res.Code, res.Status, res.Rule = NotEvaluable, NotEvaluable.Code(), StatusExact, "placeholder"
			res.Confidence = ConfidenceHigh
			res.Evidence = Evidence{Rule: "placeholder: a cell without words is a missing value (outcome not reported)"}
		}
		return res
	}
	ends := sentenceEnds(text, toks)
	targets, cues, used := c.scanOutcome(toks)
	targets = wholeCellOnly(targets, len(toks))
	targets = mergeTargets(targets, c.quantities(text, toks, used))
	applyContext(text, toks, ends, targets, cues)
	clause := clauses(text, toks, ends, cues)
	if k := v.courseOf(treatments); !k.empty() {
		targets = c.courseHistory(text, toks, ends, cues, targets, k)
	}
	depth := parenDepth(text)
	for k := range targets {
		t := &targets[k]
		t.start, t.end = toks[t.i].start, toks[t.j-1].end
		if depth[t.start] > 0 && !t.entry.marker {
			t.entry.secondary = true // a parenthesis details or qualifies; it does not state the outcome
		}
		if !t.negated {
			// "the platelet count rose", "reduction in the size of the metastases": a change
			// word beside a measure whose direction of benefit is known
			switch c.measureChange(toks, *t) {
			case 1:
				t.category, t.rule, t.entry.role = Partial, "change of a measure", rolePrimary
			case -1: // "the platelet count fell": worse, but perhaps an adverse effect; stays weak
				t.category, t.rule = Progression, "change of a measure"
			}
		}
		if t.negated && !t.entry.marker {
			if t.entry.negated != CategoryUnknown {
				t.category = t.entry.negated
				t.rule = "negation"
				if t.entry.role == roleEfficacy {
					t.entry.role = rolePrimary // "was not effective" denies the benefit outright
				}
				if t.entry.category == Progression {
					// "no signs of deterioration": the absence of worsening is no non-response
					t.entry.secondary = true
				}
			} else {
				t.negated = false // the phrase carries its own polarity ("no recurrence")
			}
		}
	}
	return c.decide(text, toks, targets, clause, doseChanges(cues), res)
}

// parenDepth returns, for each byte of text, how many parentheses or brackets are open.
func parenDepth(text string) []int8 {
	d := make([]int8, len(text)+1)
	var cur int8
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(', '[':
			if cur < 100 {
				cur++
			}
		case ')', ']':
			if cur > 0 {
				cur--
			}
		}
		d[i] = cur
	}
	d[len(text)] = cur
	return d
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

// course is what the reader knows of the row's own treatments: their canonical names,
// their classes ("corticosteroid" mentions match a prednisolone course) and the words of
// the treatment cells, so that regimens the vocabulary does not know ("R-CHOP", "CHOP")
// still match themselves.
type course struct {
	names, classes, words map[string]bool
}

func (k *course) empty() bool { return k == nil || len(k.names)+len(k.words) == 0 }

// courseWordStop are words of a treatment cell that do not name it.
var courseWordStop = map[string]bool{"mg": true, "kg": true, "day": true, "days": true, "week": true, "weeks": true,
	"month": true, "months": true, "daily": true, "dose": true, "doses": true, "high": true, "low": true, "oral": true,
	"and": true, "plus": true, "with": true, "then": true, "for": true, "the": true, "case": true, "patient": true,
	"therapy": true, "treatment": true, "course": true, "maintenance": true, "added": true, "line": true, "first": true,
	"second": true, "third": true, "cycle": true, "cycles": true, "intravenous": true, "iv": true, "after": true,
	"before": true, "initial": true, "standard": true, "regimen": true, "combination": true, "based": true}

// courseOf returns what the reader knows of the course's treatments.
func (v *Vocabulary) courseOf(treatments []string) *course {
	if len(treatments) == 0 {
		return nil
	}
	key := strings.Join(treatments, "\x00")
	if k, ok := v.c.courses.Load(key); ok {
		return k.(*course)
	}
	k := v.courseOfUncached(treatments)
	if v.c.courseCount.Add(1) <= maxCachedCourses {
		v.c.courses.Store(key, k)
	}
	return k
}

// maxCachedCourses bounds the cache of what the reader knows of a row's treatments.
const maxCachedCourses = 1 << 16

func (v *Vocabulary) courseOfUncached(treatments []string) *course {
	k := &course{names: map[string]bool{}, classes: map[string]bool{}, words: map[string]bool{}}
	for _, tr := range treatments {
		cut := len(tr)
		for _, m := range v.ScanDrugs(tr) {
			if m.Prior { // "romiplostim after eltrombopag": eltrombopag is not the course
				cut = min(cut, m.Start)
				continue
			}
			if m.Canonical != "" && m.Kind != "exclusion" {
				k.names[normalize(m.Canonical)] = true
				if m.Class != "" && m.Class != "procedure" {
					k.classes[normalize(m.Class)] = true
				}
			}
		}
		for _, w := range words(noParens(priorFree(tr, cut))) {
			if len(w) >= 3 && !courseWordStop[w] && !isNumber(w) && !v.c.knownNonDrug(w) {
				k.words[w] = true
			}
		}
	}
	return k
}

// noParens drops the parenthesised notes of a treatment cell ("tocilizumab (8 mg/kg,
// case 2)").
func noParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// knownNonDrug reports whether a word is an outcome, cue or disease word, which cannot
// name the course's treatment.
func (c *compiled) knownNonDrug(w string) bool {
	tk := []token{{norm: w}}
	if n, _ := c.disTrie.longest(tk, 0, nil); n > 0 {
		return true
	}
	if n, _ := c.outTrie.longest(tk, 0, nil); n > 0 {
		return true
	}
	n, _ := c.ctxTrie.longest(tk, 0, nil)
	return n > 0
}

// priorFree returns the part of a treatment cell before its first prior treatment,
// without the timing word that introduces it.
func priorFree(tr string, cut int) string {
	s := tr[:cut]
	for _, w := range []string{" after", " following", " prior", " previously", " failed"} {
		if k := strings.LastIndex(strings.ToLower(s), w); k >= 0 && k >= len(s)-len(w)-12 {
			s = s[:k]
		}
	}
	return s
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return w != ""
}

// treatmentNouns are the words that make "NOUN of X" a treatment ("four doses of
// rituximab", "addition of steroids"); after other words "of X" names a measured
// substance ("normalisation of calcium", "levels of T4"), not a treatment.
var treatmentNouns = map[string]bool{"dose": true, "doses": true, "course": true, "courses": true, "cycle": true,
	"cycles": true, "administration": true, "use": true, "addition": true, "initiation": true, "institution": true,
	"combination": true, "infusion": true, "infusions": true, "injection": true, "injections": true, "trial": true,
	"regimen": true, "pulse": true, "pulses": true, "sessions": true, "session": true, "mg": true, "g": true,
	"weeks": true, "months": true, "days": true}

// backgroundBefore and backgroundAfter mark a treatment named as the background of a
// statement (a concomitant drug being taken or tapered), not the cause of the outcome.
var (
	backgroundBefore = map[string]bool{"on": true, "off": true}
	backgroundAfter  = map[string]bool{"dose": true, "doses": true, "taper": true, "tapered": true, "tapering": true,
		"reduced": true, "reduction": true, "withdrawal": true, "withdrawn": true, "sparing": true}
)

// placeVerbs make "VERB to X" a destination, not a treatment.
var placeVerbs = map[string]bool{"discharged": true, "transferred": true, "referred": true, "admitted": true, "moved": true}

// mention is a treatment named in the outcome text.
type mention struct {
	i, n   int
	name   string // normalised canonical
	class  string // normalised class
	short  bool   // an upper-case abbreviation of up to 3 characters (T3, T4, MTX): weak evidence of another treatment
	course bool
}

// objectLinks join an outcome to the treatment it is said of ("responded to X",
// "improved with X", "remission after X"); listLinks join the treatments of one list.
var (
	objectLinks = map[string]bool{"to": true, "with": true, "after": true, "following": true, "under": true, "by": true, "on": true}
	listLinks   = map[string]bool{"and": true, "or": true, "plus": true, "with": true, "combined": true, "then": true}
)

// boundToOther reports whether the outcome t is said of a treatment list that follows it
// ("responded well to bisphosphonate", within four words, joined by "to", "with", "after"
// …) and that does not name the course: in a row of the course, the statement is then
// about another treatment.
func boundToOther(toks []token, t target, ms []mention, clause []int) bool {
	first := -1
	for k, m := range ms {
		if m.i >= t.j {
			first = k
			break
		}
	}
	if first < 0 || ms[first].i > t.j+4 || clause[ms[first].i] != clause[t.i] {
		return false
	}
	linked := false
	for y := t.j; y < ms[first].i; y++ {
		if objectLinks[toks[y].norm] {
			linked = true
		}
	}
	if !linked {
		return false
	}
	end := t.j
	for k := first; k < len(ms); k++ {
		m := ms[k]
		if k > first { // the list goes on only through list words
			if m.i-end > 3 {
				break
			}
			for y := end; y < m.i; y++ {
				if !listLinks[toks[y].norm] {
					return !ms[first].short
				}
			}
		}
		if m.course {
			return false
		}
		end = m.i + m.n
	}
	return !ms[first].short
}

// mentions finds the treatments named in the text outside outcome phrases.
func (c *compiled) mentions(toks []token, inTarget []bool, k *course) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		if inTarget[i] {
			i++
			continue
		}
		n, ids := c.drugTrie.longest(toks, i, nil)
		if n == 0 {
			if k.words[toks[i].norm] {
				out = append(out, mention{i: i, n: 1, name: toks[i].norm, course: true})
			}
			i++
			continue
		}
		e := c.drugTerms[ids[0]]
		if e.kind == "exclusion" || anyTrue(inTarget[i:i+n]) || i > 0 && inTarget[i-1] {
			// excluded phrases, treatments inside an outcome phrase, and the object of one
			// ("no longer required dialysis") are not other treatments
			i += n
			continue
		}
		if i >= 2 && toks[i-1].norm == "of" && !treatmentNouns[toks[i-2].norm] {
			i += n // "lowering of T4": a measured substance
			continue
		}
		if i >= 1 && backgroundBefore[toks[i-1].norm] || i+n < len(toks) && backgroundAfter[toks[i+n].norm] {
			i += n // "remission on prednisone 2.5 mg", "steroid dose reduced": a background treatment
			continue
		}
		if i >= 2 && toks[i-1].norm == "to" && placeVerbs[toks[i-2].norm] {
			i += n // "discharged to rehabilitation": a place, not a treatment
			continue
		}
		m := mention{i: i, n: n, name: normalize(e.canonical), short: n == 1 && toks[i].upper && len(toks[i].norm) <= 3}
		if g := c.generics[m.name]; g != nil && len(g.codes) > 0 {
			m.class = normalize(g.codes[0].class)
		}
		m.course = k.names[m.name] || m.class != "" && k.classes[m.class] || k.classes[m.name]
		for w := i; w < i+n && !m.course; w++ {
			m.course = k.words[toks[w].norm]
		}
		out = append(out, m)
		i += n
	}
	return out
}

// courseHistory applies the course's own treatments to history statements: a history cue
// whose scope names a course treatment states the course's outcome (its category, e.g.
// "refractory to rituximab" = none for a rituximab course); targets in a history scope
// whose clause names a course treatment are about this course after all; targets in a
// clause that names other treatments and none of the course's are about those.
func (c *compiled) courseHistory(text string, toks []token, ends []bool, cues []cueHit, targets []target, k *course) []target {
	inTarget := make([]bool, len(toks))
	for _, t := range targets {
		for x := t.i; x < t.j; x++ {
			inTarget[x] = true
		}
	}
	ms := c.mentions(toks, inTarget, k)
	// attribution works on statements: a clause may list several treatments ("did not
	// respond to lorazepam and ECT"), so only sentence ends and termination cues divide
	clause := statements(toks, ends, cues)
	namesCourse := map[int]bool{} // statement → a course treatment is named in it
	namesOther := map[int]bool{}  // statement → another treatment is named in it
	courseAt := make([]bool, len(toks))
	for _, m := range ms {
		switch {
		case m.course:
			namesCourse[clause[m.i]] = true
			courseAt[m.i] = true
		case !m.short:
			namesOther[clause[m.i]] = true
		}
	}
	for x := range targets {
		cl := clause[targets[x].i]
		targets[x].courseClause = namesCourse[cl]
		switch {
		case targets[x].history && namesCourse[cl]:
			targets[x].history = false
		case !targets[x].history && namesOther[cl] && !namesCourse[cl]:
			targets[x].history, targets[x].histCue = true, "another treatment named in the clause"
		}
	}
	for x := range targets {
		if !targets[x].history && boundToOther(toks, targets[x], ms, clause) {
			targets[x].history, targets[x].histCue = true, "the outcome is said of another treatment"
		}
	}
	var added []target
	for _, cu := range cues {
		if cu.e.role != cueHistory || cu.e.category == CategoryUnknown {
			continue
		}
		// the cue's scope: the rest of its statement (to a sentence end or a termination cue),
		// up to the next outcome phrase, which begins a statement of its own ("refractory
		// to steroids, she responded well to rituximab" says nothing of rituximab's failure)
		for x := cu.j; x < len(toks) && clause[x] == clause[cu.i] && !inTarget[x]; x++ {
			if courseAt[x] {
				added = append(added, target{i: cu.i, j: cu.j, entry: outcomeEntry{phrase: cu.e.term, category: cu.e.category},
					category: cu.e.category, rule: "history cue names the course", histCue: text[toks[cu.i].start:toks[cu.j-1].end]})
				break
			}
		}
	}
	if len(added) == 0 {
		return targets
	}
	return mergeTargets(targets, added)
}
