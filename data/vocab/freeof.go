package vocab

// Whether an outcome text's reading can depend on the course (the pipeline's memo of
// readings per text rests on it).

// CourseProbe is what the course can touch in an outcome text, found once per text: whether
// it names a treatment of the vocabulary, and its words (which a treatment cell's words may
// match, as "R-CHOP" matches itself).
type CourseProbe struct {
	names bool
	words []string
	// caps are the words of two to four letters written in capitals: a course's initials
	// ("refractory to BV") name it (course.initials)
	caps []string
	// infection is set when a word names an infection ("sepsis", "septic"): a death of it
	// reads by whether the course is an anti-infective (deathOfTreatedInfection)
	infection bool
	// failure is set when a failure adjective stands before a treatment noun ("after
	// unsuccessful resuscitation"): whose failure it is reads by the course (failureOfOther)
	failure bool
	// generic is set when a history cue's object is every treatment or a generic one
	// ("refractory to all"): it is the course's, when there is one (genericObject)
	generic bool
}

// ProbeCourse returns the CourseProbe of an outcome text.
func (v *Vocabulary) ProbeCourse(text string) CourseProbe { return v.probeOf(text, tokenize(text)) }

// ProbeAndRead returns the CourseProbe of an outcome text and, when the text names no
// treatment (so that it may read the same whatever the course: FreeOf), its reading without
// a course, Outcome(text), tokenizing the text once for both; ok is false when the text names
// a treatment, and no reading is made.
func (v *Vocabulary) ProbeAndRead(text string) (p CourseProbe, reading OutcomeMatch, ok bool) {
	if len(text) > maxOutcomeBytes {
		p = v.ProbeCourse(text)
		if p.names {
			return p, reading, false
		}
		return p, v.Outcome(text), true
	}
	written := tokenize(text)
	if p = v.probeOf(text, written); p.names {
		return p, reading, false
	}
	return p, v.outcomeOf(text, written, nil, false, OutcomeMatch{}), true
}

// probeOf is the CourseProbe of a text from its tokens as written.
func (v *Vocabulary) probeOf(text string, written []token) CourseProbe {
	// the reader reads spelling slips as the words they are slips of: the probe holds both
	toks, _ := v.c.correctSpelling(text, written, nil)
	var p CourseProbe
	for i := range toks {
		if n, _ := v.c.drugTrie.longest(toks, i, nil); n > 0 {
			p.names = true
		}
		if len(toks[i].norm) >= 3 {
			p.words = append(p.words, toks[i].norm)
			p.infection = p.infection || infectionWord(toks[i].norm)
		}
		if i > 0 && failureAdjectives[toks[i].norm] && attributiveBefore[toks[i-1].norm] {
			p.failure = true
		}
		if n, ids := v.c.ctxTrie.longest(toks, i, nil); n > 0 && v.c.cues[ids[0]].role == cueHistory &&
			genericObject(toks, nil, cueHit{i, i + n, v.c.cues[ids[0]]}) {
			p.generic = true
		}
		if toks[i].upper && len(toks[i].norm) >= 2 && len(toks[i].norm) <= 4 {
			p.caps = append(p.caps, toks[i].norm)
		}
		if w := written[i].norm; w != toks[i].norm && len(w) >= 3 {
			p.words = append(p.words, w)
		}
	}
	return p
}

// FreeOf reports whether a text with probe p reads the same whatever the course: it names
// no treatment, holds none of the words of the course's treatment cells, the course is
// not one given once (whose relapses read differently), no word of infection meets an
// anti-infective course (a death of infection reads by it), no failure adjective stands
// before a treatment noun (whose failure it is reads by the course), and no history cue has
// every treatment or a generic one as its object ("refractory to all" is the course's). Then
// OutcomeFor(text, treatments) equals Outcome(text). A finite course that only other cells
// name (OutcomeForCourse's flag) is not looked at here: a caller that knows it keys its
// readings by it.
func (v *Vocabulary) FreeOf(p CourseProbe, treatments []string) bool {
	if p.names {
		return false
	}
	if p.infection && len(treatments) > 0 && v.courseOf(treatments).antiInfective {
		return false
	}
	if (p.failure || p.generic) && len(treatments) > 0 && !v.courseOf(treatments).empty() {
		return false
	}
	if len(p.caps) > 0 && len(treatments) > 0 {
		initials := v.courseOf(treatments).initials
		for _, w := range p.caps {
			if initials[w] {
				return false
			}
		}
	}
	if !mayNameCourse(p, treatments) {
		// none of the text's words is a word of the treatment cells, and no cell names a
		// course given once: free, without reading the cells' drug names
		return true
	}
	k := v.courseOf(treatments)
	if k.empty() {
		return true
	}
	if k.oneOff {
		return false // a relapse reads by the course's kind (given once or not)
	}
	for _, w := range p.words {
		if k.words[w] {
			return false
		}
	}
	return true
}

// mayNameCourse reports whether the text with probe p might name the course of the
// treatment cells, or the course might be one given once: a cheap superset of what FreeOf
// then checks on the course itself. The words of the cells (outside parentheses) include
// every word the course keeps (course.words), and its kind (oneOff) comes from words too.
func mayNameCourse(p CourseProbe, treatments []string) bool {
	for _, tr := range treatments {
		if FiniteCourse(tr) {
			return true // given once: a relapse reads by it
		}
		if may, ok := mayNameCourseASCII(p, tr); ok {
			if may {
				return true
			}
			continue
		}
		for _, w := range words(noParens(tr)) {
			if surgical(w) {
				return true
			}
			if len(w) < 3 || courseWordStop[w] || isNumber(w) {
				continue
			}
			for _, pw := range p.words {
				if pw == w {
					return true
				}
			}
		}
	}
	return false
}

// mayNameCourseASCII is mayNameCourse for one treatment cell of plain ASCII without
// apostrophes, read without tokenizing it (the usual cell, checked once per row): the words
// are the same as words(noParens(tr)) gives. ok is false for any other cell.
func mayNameCourseASCII(p CourseProbe, tr string) (may, ok bool) {
	var buf [48]byte
	n, depth := 0, 0
	word := func() bool { // whether the word in buf[:n] may name the course
		if n == 0 {
			return false
		}
		w := buf[:n]
		n = 0
		if len(w) >= 3 {
			for _, pw := range p.words {
				if pw == string(w) {
					return !courseWordStop[pw] && !isNumber(pw)
				}
			}
		}
		return surgical(string(w))
	}
	for i := 0; i < len(tr); i++ {
		c := tr[i]
		switch {
		case c >= 0x80 || c == '\'' || c == '`':
			return false, false
		case c == '(' || c == '[':
			depth++ // the word goes on after the parenthesis, as noParens joins it
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case depth > 0:
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if n == len(buf) {
				return false, false // a word longer than the buffer: the slow path
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
		default:
			if word() {
				return true, true
			}
		}
	}
	return word(), true
}
