package vocab

// Which treatment each statement of an outcome text names: the course's or another.

// mentionAttribution is what the treatments named in a text say of its statements
// (attributeMentions).
type mentionAttribution struct {
	namesCourse, namesOther map[int]bool // statement → a course treatment, another treatment is named in it
	courseAt, exactAt       []bool       // token → a course treatment is named there (exactAt: by its own name, not its class)
	otherMention            []bool       // mention → another treatment than the course
	managed                 map[int]bool // token → the word of another treatment's management (managedAlongside)
}

// attributeMentions reads each treatment named in the text (ms) as the course's or
// another's, and which statements (clause) name them. It sets ms[x].sibling (a drug of the
// course's class that is another treatment), which markSteps and compoundRefractory read.
func (c *compiled) attributeMentions(text string, toks []token, ends []bool, cues []cueHit, ms []mention, clause []int, inTarget, worse []bool, k *course) mentionAttribution {
	namesCourse := map[int]bool{}
	namesOther := map[int]bool{}
	courseAt := make([]bool, len(toks))
	exactAt := make([]bool, len(toks)) // a course treatment named by its own name, not by its class
	// a drug of the course's class counts as the course, unless the text names the course's
	// own drug too: then it is another ("resistant to GCV; cleared on foscarnet" in a
	// ganciclovir row)
	exactNamed := false
	for _, m := range ms {
		exactNamed = exactNamed || m.course && !classOnly(toks, m, k)
	}
	otherMention := make([]bool, len(ms)) // mention → another treatment than the course
	courseWordIn := courseWordInText(toks, k)
	managed := map[int]bool{} // the word of another treatment's management (managedAlongside)
	startsAt := startCues(toks, cues, inTarget)
	for x, m := range ms {
		// a drug of the course's class is another also when the course names a drug of its own
		// and the text names a different one and nothing of the course's cells: "NR → CR
		// after switch to romiplostim" in an eltrombopag row (glucocorticoids are given one
		// for another under either name: prednisone, prednisolone, methylprednisolone)
		sibling := !courseWordIn && !k.classNamed[m.class] && !interchangeableClasses[m.class]
		other := (exactNamed || sibling) && classOnly(toks, m, k) && !m.generic && !k.classNamed[m.class] && !afterOwn(toks, ends, ms, x, k)
		ms[x].sibling = m.course && other
		verb := -1 // the word of its management, when m is another treatment managed beside the course
		if !m.course {
			verb = managedAlongside(toks, inTarget, m)
		}
		switch {
		case m.course && inStopTime(cues, m.i):
			// "relapse 3 months after dapsone was stopped": the course names the time of
			// the statement, not its subject
		case m.course && other && escalatedTo(toks, inTarget, worse, m.i, m.n):
			// "remained febrile …, requiring daily prednisolone": the next step a failure led
			// to, neither the course nor another treatment the outcome is said of
		case m.course && !other:
			namesCourse[subjectStatement(clause, startsAt, m)] = true
			courseAt[m.i] = true
			exactAt[m.i] = k.names[m.name] || k.words[toks[m.i].norm]
		case !m.course && m.i > 0 && toks[m.i-1].norm == "at" && !toks[m.i].brk && m.class == "procedure":
			// "necrotising fasciitis was confirmed at surgery": the occasion of a finding, not a
			// treatment the statement is said of
		case verb >= 0:
			// "rash slightly improved at 4 wk, panitumumab held anyway", "cetuximab continued
			// at full dose": what was done with another treatment beside the course, not the
			// treatment the statement's outcome is said of
			managed[verb] = true
		case !m.course && c.causeNamed(toks, m):
			// "Erlotinib acneiform eruption completely cleared", "EGFRi folliculitis": the drug
			// that caused the disease, named as its kind, not a treatment of it
		case !m.course && nextStepAlone(toks, inTarget, worse, m.i, m.n):
			// "ulcer progressed, amputation": the next step, not the statement's subject; only
			// here, where it names no statement's subject (as a mention dropped for good it
			// would also break lists: "after unsuccessful therapy with prednisolone,
			// methotrexate, and ciclosporin A")
		case !m.short || labelMention(text, toks, m, inTarget) || failedObject(toks, m.i):
			// an abbreviation is weak evidence of another treatment, unless it labels its
			// statement ("ADA: CR") or is what failed ("failed AZA and MTX before")
			namesOther[subjectStatement(clause, startsAt, m)] = true
			otherMention[x] = true
		}
	}
	return mentionAttribution{namesCourse: namesCourse, namesOther: namesOther, courseAt: courseAt, exactAt: exactAt,
		otherMention: otherMention, managed: managed}
}
