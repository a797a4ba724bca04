package vocab

// Which treatment a statement is said of: a response joined to the treatment named right
// after it, the subject of a start, and statements that go on telling of the course
// (docs/outcomes.md, rule 2).

// responseOfOther reports whether the response t is joined by words of time or means to
// another treatment named right after it (saidOfMention): "CR after switch to romiplostim",
// "seizure-free with lamotrigine", "cleared on foscarnet".
func responseOfOther(toks []token, t target, ms []mention, other []bool) bool {
	x := saidOfMention(toks, t, ms)
	if x < 0 || !other[x] {
		return false
	}
	m := ms[x]
	for _, n := range ms[x+1:] {
		if n.i <= m.i+m.n+2 && n.course && !toks[n.i].brk {
			return false // "with rituximab and prednisone" in a prednisone row: a list with the course
		}
	}
	return true
}

// saidOfMention returns the index in ms of the treatment the response t is said of: the
// first one named within responseReach words after it, when response links join them
// (linkedTo); -1 when there is none.
func saidOfMention(toks []token, t target, ms []mention) int {
	if t.negated || !t.category.AtLeast(Minimal) {
		return -1
	}
	for x, m := range ms {
		if m.i < t.j || m.i > t.j+responseReach {
			continue
		}
		if !linkedTo(toks, t.j, m.i) {
			return -1
		}
		return x
	}
	return -1
}

// responseLinks join a response to the treatment it is said of ("after switch to", "with",
// "on", "following the addition of"); a number and the words of an amount of treatment may
// stand between ("after 6 d of treatment with", "following four doses of").
var responseLinks = map[string]bool{"after": true, "with": true, "on": true, "following": true, "under": true,
	"to": true, "switch": true, "switching": true, "switched": true, "starting": true, "start": true, "of": true,
	"the": true, "addition": true, "adding": true, "initiation": true, "introduction": true, "by": true,
	"treatment": true, "therapy": true, "doses": true, "dose": true, "cycles": true, "cycle": true, "courses": true,
	"course": true, "infusions": true, "infusion": true, "sessions": true, "injections": true, "administration": true}

// linkUnits are the units of time that may stand in a response link ("after 6 d of").
var linkUnits = map[string]bool{"d": true, "day": true, "days": true, "wk": true, "wks": true, "week": true,
	"weeks": true, "mo": true, "month": true, "months": true, "h": true, "hours": true, "y": true, "years": true}

// responseReach is how many words after a response the treatment it is said of may begin.
const responseReach = 8

// linkedTo reports whether the words from a to b join a response to a treatment named at b:
// a response link first, then response links, numbers and time units only ("after 6 d of
// treatment with"), no break.
func linkedTo(toks []token, a, b int) bool {
	if b <= a || toks[b].brk || !responseLinks[toks[a].norm] {
		// "disappeared 7 months after surgery" times the response from the surgery
		return false
	}
	for y := a; y < b; y++ {
		if toks[y].brk || !responseLinks[toks[y].norm] && !isNumber(toks[y].norm) && !linkUnits[toks[y].norm] {
			return false
		}
	}
	return true
}

// saidOfCourse reports whether the response t is said of one of the course's treatments,
// named right after it ("returned to normal after six doses of rituximab").
func saidOfCourse(toks []token, t target, ms []mention) bool {
	x := saidOfMention(toks, t, ms)
	return x >= 0 && ms[x].course
}

// followsCourse reports whether statement cl names no treatment and the nearest earlier
// statement that names one names only the course's.
func followsCourse(cl int, namesCourse, namesOther map[int]bool) bool {
	if namesCourse[cl] || namesOther[cl] {
		return false
	}
	for s := cl - 1; s >= 0; s-- {
		if namesOther[s] {
			return false
		}
		if namesCourse[s] {
			return true
		}
	}
	return false
}

// startTerms are the termination cues that start a treatment ("rituximab was added"): the
// treatment named just before one is the subject of the statement it begins.
var startTerms = map[string]bool{"was started": true, "was initiated": true, "was added": true}

// startCues marks the tokens where a start termination cue begins, and a "then" right
// before an outcome phrase ("no effect, haloperidol then settled": the treatment before it
// is the outcome's subject).
func startCues(toks []token, cues []cueHit, inTarget []bool) []bool {
	at := make([]bool, len(toks))
	for _, cu := range cues {
		if cu.e.role == cueTermination && (startTerms[cu.e.term] || cu.e.term == "then" && cu.j < len(toks) && inTarget[cu.j] && !toks[cu.j].brk) {
			at[cu.i] = true
		}
	}
	return at
}

// subjectStatement is the statement a treatment mention belongs to: its own, or, when a
// start cue follows it directly ("anakinra was initiated, prompting remission"), the
// statement that cue begins.
func subjectStatement(clause []int, startsAt []bool, m mention) int {
	if e := m.i + m.n; e < len(startsAt) && startsAt[e] {
		return clause[e]
	}
	return clause[m.i]
}

// failureAdjectives say, before a treatment, that it failed ("after failed conventional
// therapy", "following unsuccessful plasma exchange").
var failureAdjectives = map[string]bool{"failed": true, "unsuccessful": true, "ineffective": true,
	"futile": true, "inefficient": true}

// attributiveBefore are the words before a failure adjective that make it attributive: a
// preposition of time or concession, an article, a number or a word of earlier use.
var attributiveBefore = map[string]bool{"after": true, "following": true, "despite": true, "an": true,
	"a": true, "the": true, "multiple": true, "several": true, "two": true, "three": true, "previous": true,
	"prior": true, "previously": true, "earlier": true, "initial": true, "initially": true, "repeated": true,
	"other": true, "of": true}

// failureNouns end the treatment a failure adjective stands before when no treatment of the
// vocabulary is named ("unsuccessful behavioral and psychosocial interventions", "after 10
// min of unsuccessful resuscitation"); so does the name of an operation (surgical).
var failureNouns = map[string]bool{"therapy": true, "therapies": true, "treatment": true, "treatments": true,
	"management": true, "intervention": true, "interventions": true, "trial": true, "trials": true,
	"attempt": true, "attempts": true, "course": true, "courses": true, "surgeries": true,
	"procedure": true, "procedures": true, "regimen": true, "regimens": true, "measures": true,
	"resuscitation": true, "cardioversion": true, "drainage": true, "intubation": true, "chemotherapy": true,
	"radiotherapy": true, "immunotherapy": true, "thrombolysis": true, "thrombectomy": true}

// failureNounLinks join a failure noun to the treatments it names ("trial of", "treatment
// with", "treatments included").
var failureNounLinks = map[string]bool{"of": true, "with": true, "included": true, "including": true,
	"for": true, "using": true, "by": true, "to": true}

// failureOfOther reports whether the outcome t is a failure adjective standing before a
// treatment other than the course ("rituximab was given after unsuccessful plasma exchange",
// "remitted with fluoxetine, following unsuccessful behavioral interventions"): the failure is
// that treatment's. The treatment is the first one named, or failure noun, within five words
// with no break; it is the course's when it names one of the course's treatments or words.
func (c *compiled) failureOfOther(text string, toks []token, t target, k *course) bool {
	if t.j-t.i != 1 || !failureAdjectives[toks[t.i].norm] || t.i == 0 || toks[t.i].brk ||
		!attributiveBefore[toks[t.i-1].norm] || t.j >= len(toks) || toks[t.j].brk {
		return false
	}
	for y := t.j; y < len(toks) && y <= t.j+5; y++ {
		if y > t.j && toks[y].brk {
			return false
		}
		if n, course := c.courseMentionAt(toks, y, k); n > 0 {
			return !course && !c.courseInList(text, toks, y+n, k)
		}
		if k.words[toks[y].norm] {
			return false
		}
		if (failureNouns[toks[y].norm] || surgical(toks[y].norm)) && !(y+1 < len(toks) && !toks[y+1].brk && failureNouns[toks[y+1].norm]) {
			// "an unsuccessful trial of argatroban", "unsuccessful treatments included
			// rituximab, anakinra": the treatments named after the noun are the ones that failed
			return !(y+1 < len(toks) && !toks[y+1].brk && failureNounLinks[toks[y+1].norm] && c.courseNamedIn(toks, y+2, y+12, k))
		}
	}
	return false
}

// courseInList reports whether the list of treatments going on from token a (through list
// words and commas: "failed rituximab, IVIG and plasma exchange") names one of the course's.
func (c *compiled) courseInList(text string, toks []token, a int, k *course) bool {
	for y := a; y < len(toks) && y <= a+8; {
		x := y
		for x < len(toks) && listWordsOnly(toks, x, x+1, false) {
			x++
		}
		if x >= len(toks) || x == y && !commaBefore(text, toks, x) {
			return false
		}
		n, course := c.courseMentionAt(toks, x, k)
		if n == 0 {
			return k.words[toks[x].norm]
		}
		if course {
			return true
		}
		y = x + n
	}
	return false
}

// courseNamedIn reports whether toks[a:b] (within its sentence) names one of the course's
// treatments or words.
func (c *compiled) courseNamedIn(toks []token, a, b int, k *course) bool {
	for y := a; y < len(toks) && y < b; y++ {
		if toks[y].brk && !toks[y].comma {
			return false
		}
		if k.words[toks[y].norm] {
			return true
		}
		if n, course := c.courseMentionAt(toks, y, k); n > 0 {
			if course {
				return true
			}
			y += n - 1
		}
	}
	return false
}

// courseMentionAt returns the length of the treatment of the vocabulary named at toks[y]
// (0 when none) and whether it is one of the course's.
func (c *compiled) courseMentionAt(toks []token, y int, k *course) (n int, course bool) {
	n, ids := c.drugTrie.longest(toks, y, nil)
	if n == 0 {
		return 0, false
	}
	return n, c.mentionOf(toks, y, n, c.drugTerms[ids[0]], k).course
}
