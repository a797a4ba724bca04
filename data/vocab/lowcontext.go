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
	if cat == None && yetAfter(toks, t.j) {
		// "no change yet", "no response yet at wk 2": the authors wait for a response; the
		// course may be too early to judge (not evaluable)
		return "a non-response not yet: the course may be too early to judge"
	}
	if stopForWorsening(toks, ends, t) {
		return lowStopForWorsening
	}
	if t.entry.role == roleCell && clauseGrade(toks, t) && c.unreadPartIn(toks, targets) {
		// "mo 3 same; mo 9 satellite nodule": a time point's grade beside a part the reader
		// could not read, which may be a change
		return "a non-response in weak words beside a statement the reader could not read"
	}
	if weakOrPersisting(toks, t) && !cat.AtLeast(Minimal) && cat != NotEvaluable && c.unreadPart(toks, targets) {
		// "Na corrected; confusion persisted": a weak word read strongly as a non-response
		// beside a statement the reader could not read, which may be a response (rule 8)
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
