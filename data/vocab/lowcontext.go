package vocab

import "strings"

// lowFromContext returns the reason for low confidence that the text around the decisive
// statement t of category cat gives, or "": a non-response "yet", a worsening given as the
// reason of a stop, a non-response in weak words beside a part the reader could not read, an
// initial response followed by an unread part.
func (c *compiled) lowFromContext(toks []token, ends []bool, targets []target, t target, cat Category) string {
	if cat == None && t.negated && strings.HasSuffix(t.negCue, " yet") {
		// "not yet improved", "lesions have not yet healed": a response the authors still
		// wait for; the course may be too early to judge
		return "a response not yet reached: the course may be too early to judge"
	}
	if (cat == Minimal || cat == None && t.quantity) && lostAfterward(targets) {
		// "PASI 15 → 9 at wk 4, then LTFU", "slight softening, then lost": a small change
		// measured or stated before the patient was lost; the course may be too early to
		// judge ("no response after 3 doses, then lost to follow-up" is said outright)
		return "a small change or none before loss to follow-up: the course may be too early to judge"
	}
	if cat == None && yetAfter(toks, t.j) {
		// "no change yet", "no response yet at wk 2": the authors wait for a response; the
		// course may be too early to judge (not evaluable)
		return "a non-response not yet: the course may be too early to judge"
	}
	if stopForWorsening(toks, ends, t) {
		return lowStopForWorsening
	}
	if t.timePoint && c.unreadPartIn(toks, targets) {
		// "mo 3 same; mo 9 satellite nodule": a time point's grade beside a part the reader
		// could not read, which may be a change
		return "a non-response in weak words beside a statement the reader could not read"
	}
	if (weakOrPersisting(toks, t) && !cat.AtLeast(Minimal) && cat != NotEvaluable && c.unreadPart(toks, targets)) ||
		(cat == None && findingUnchanged(toks, t) && unreadChange(toks, targets, t)) {
		// "Na corrected; confusion persisted": a weak word read strongly as a non-response
		// beside a statement the reader could not read, which may be a response (rule 8);
		// "ABSIS skin 40 -> 8, mucosa unchanged": one finding unchanged beside a change the
		// reader could not read
		return "a non-response in weak words beside a statement the reader could not read"
	}
	if (weakOrPersisting(toks, t) || cat == Progression) && !cat.AtLeast(Minimal) && cat != NotEvaluable && !t.negated &&
		c.unreadBeforeContrast(toks, ends, targets, t) {
		return lowContrastUnread
	}
	if initialThenUnread(toks, ends, targets, t) {
		return lowInitialThenUnread
	}
	return ""
}

// yetAfter reports whether "yet" follows the statement ending before token j, in its clause.
func yetAfter(toks []token, j int) bool {
	return j < len(toks) && !toks[j].brk && toks[j].norm == "yet"
}

// lostAfterward reports whether a statement of targets says the patient was lost to
// follow-up (a not-evaluable phrase of lossWords), not about an earlier treatment.
func lostAfterward(targets []target) bool {
	for _, t := range targets {
		if t.category == NotEvaluable && !t.history && !t.negated && lossOfFollowUp(t.entry.normPhrase()) {
			return true
		}
	}
	return false
}

// lossOfFollowUp reports whether the not-evaluable phrase p says the patient was lost to
// follow-up: "lost to follow up", "LTFU", "moved abroad", "transferred to another unit",
// "dropped out", "withdrew".
func lossOfFollowUp(p string) bool {
	for _, w := range []string{"lost", "ltfu", "moved", "relocated", "transferred", "dropped out", "withdrew", "f u lost", "fu lost", "follow up lost"} {
		if strings.HasPrefix(p, w) {
			return true
		}
	}
	return false
}

// findingUnchanged reports whether t says that a finding named right before it did not
// change ("mucosa unchanged", "phyma unchanged", "erythema the same"): one finding of the
// cell, which others beside it may contradict (rule 8), not the course summed up ("no
// change", "unchanged" alone).
func findingUnchanged(toks []token, t target) bool {
	p := t.entry.normPhrase()
	if t.negated || t.category != None || t.i == 0 || toks[t.i].brk ||
		!strings.HasPrefix(p, "unchanged") && !strings.HasPrefix(p, "no change") && !strings.HasSuffix(p, " same") {
		return false
	}
	return contentWord(toks[t.i-1].norm) && !isNumber(toks[t.i-1].norm)
}

// comparativeWords say, besides the change words of measures (wordFall, wordRise), that a
// finding changed ("lesions lighter", "plaques flatter", "rash worse").
var comparativeWords = map[string]bool{"smaller": true, "lighter": true, "better": true, "softer": true,
	"flatter": true, "thinner": true, "paler": true, "more": true, "worse": true, "larger": true, "bigger": true, "up": true}

// changeWord reports whether w says that a finding changed.
func changeWord(w string) bool { return wordFall[w] || wordRise[w] || comparativeWords[w] }

// terseCellWords bounds the words of a terse cell, whose parts are findings each.
const terseCellWords = 16

// unreadChange reports whether a terse cell holds, outside the part of t, a change no
// statement of targets covers: an arrow between two values ("ABSIS skin 40 -> 8",
// "inflammation 3+ -> 1+") or a word of change (changeWord).
func unreadChange(toks []token, targets []target, t target) bool {
	if len(toks) > terseCellWords {
		return false // a sentence says much besides its outcome ("uric acid still high … up to 450 mg")
	}
	covered := coveredBy(targets, len(toks))
	from, to := t.i, t.j // t's own part
	for from > 0 && !toks[from].brk {
		from--
	}
	for to < len(toks) && !toks[to].brk {
		to++
	}
	for x, tk := range toks {
		if covered[x] || x >= from && x < to {
			continue
		}
		if changeWord(tk.norm) || tk.arrow && x > 0 && !covered[x-1] && isNumber(strings.TrimSuffix(toks[x-1].norm, "+")) &&
			isNumber(strings.TrimSuffix(tk.norm, "+")) {
			return true
		}
	}
	return false
}

// lowNotEvaluableBeside is the reason for low confidence when a not-evaluable statement
// decides beside a weaker statement of the outcome.
const lowNotEvaluableBeside = "a not-evaluable statement beside a weaker statement of the outcome: the outcome stated may stand (rules 3 and 4)"

// notEvaluableBesideWeak returns the category to propose when the decisive statement
// live[decisive] is a not-evaluable one that is no death, harm or stop ("lost to follow-up",
// "status thereafter unknown", "not scored", "too early") and a weak, secondary or
// parenthesised statement of the outcome stands beside it ("Fuller at 3 mo, later lost to
// f/u", "LTFU after wk 12 (SALT 80 → 76 at last visit)"): the best response stated before the
// loss is the course's (rules 3 and 4) when it is one, which its weak words leave to a
// person. CategoryUnknown when there is none.
func notEvaluableBesideWeak(live []target, decisive int) Category {
	d := live[decisive]
	if ph := d.entry.normPhrase(); d.category != NotEvaluable || d.entry.role != rolePrimary && d.entry.role != roleCell ||
		stopWords[lastWord(ph)] || strings.Contains(ph, "tolerat") || strings.Contains(ph, "uneventful") ||
		strings.HasPrefix(ph, "not ") || strings.Contains(ph, " not ") {
		// a death, a harm, a stop, an intolerance, an uneventful course (rule 7) or an outcome
		// said not to be reported ("response not stated", "details not provided") is not
		// evaluable whatever weak words stand beside it
		return CategoryUnknown
	}
	best := CategoryUnknown
	for k, u := range live {
		if k == decisive || u.history || u.hedged || u.entry.marker || !u.category.Ordered() || u.category == NotEvaluable ||
			!(u.entry.weak() || u.entry.secondary || u.inParens) {
			continue
		}
		if best == CategoryUnknown || u.category.AtLeast(best) {
			best = u.category
		}
	}
	return best
}
