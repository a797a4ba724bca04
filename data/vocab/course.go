package vocab

import "strings"

// course is what the reader knows of the row's own treatments: their canonical names,
// their classes ("corticosteroid" mentions match a prednisolone course) and the words of
// the treatment cells, so that regimens the vocabulary does not know ("R-CHOP", "CHOP")
// still match themselves.
type course struct {
	names, classes, words map[string]bool
	// initials are the initials of two to four words the treatment cells name in a row
	// ("bv" of "brentuximab vedotin"): a text names the course by them when it writes them in
	// capitals ("refractory to BV")
	initials map[string]bool
	// oneOff is set when the course is given once or for a counted few doses (an operation,
	// a procedure, FiniteCourse: "single dose", "infiltration", "x4", "(2nd course)"): a
	// relapse or a loss of response whose time the text does not give is after the course
	// (rule 3)
	oneOff bool
	// classNamed holds the classes the treatment cells name as such ("glucocorticoid",
	// "steroids"): any drug of such a class is the course's
	classNamed map[string]bool
	// antiInfective is set when every drug of the course is an anti-infective given to treat
	// (antiInfectiveDrug; not "… prophylaxis") or the cell names the kind ("antibiotics",
	// "antifungal therapy") and no other drug: an infection is then what the course treats
	// (deathOfTreatedInfection)
	antiInfective bool
	// atc holds the ATC codes of the course's drugs: a class named by its ATC group
	// ("antibiotics", J01) is the course's when a course drug's code lies in the group
	// (ceftriaxone, J01DD04), and a drug is the course's when the course is its group
	atc []string
}

// sameGroup reports whether one of codes and one of the course's ATC codes lie one inside the
// other's group ("antibiotics" J01 and ceftriaxone J01DD04, either way round). Only a
// class-level code (shorter than a substance's seven characters) is a group.
func (k *course) sameGroup(codes []drugCode) bool {
	for _, c := range codes {
		for _, a := range k.atc {
			if c.atc == "" || a == "" {
				continue
			}
			if len(c.atc) < 7 && strings.HasPrefix(a, c.atc) || len(a) < 7 && strings.HasPrefix(c.atc, a) {
				return true
			}
		}
	}
	return false
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
	if v.c.courseCount.Add(1) > maxCachedCourses {
		// full: start again, so that the treatments of the rows being read now are
		// cached, not only the first ones a long table named
		v.c.courses.Clear()
		v.c.courseCount.Store(1)
	}
	v.c.courses.Store(key, k)
	return k
}

// maxCachedCourses bounds the cache of what the reader knows of a row's treatments
// (sized as units.DefaultCacheSize, for the same reason). When it is full it is
// emptied: a cache that kept its first entries for ever would stop helping a table
// with more distinct treatment cells than that.
const maxCachedCourses = 1 << 14

func (v *Vocabulary) courseOfUncached(treatments []string) *course {
	k := &course{names: map[string]bool{}, classes: map[string]bool{}, words: map[string]bool{}}
	drug, operation, once := false, false, false
	infective, other := 0, 0 // drugs with ATC codes: anti-infectives given to treat, and the rest
	kindNamed := false       // a cell names a kind of anti-infective ("antibiotics")
	for _, tr := range treatments {
		// "a single dose of baclofen", "botulinum toxin infiltration", "IVIG x1", "(2nd course)"
		once = once || FiniteCourse(tr)
		tr = indicationFree(tr)
		prophylaxis := strings.Contains(strings.ToLower(tr), "prophyla") // "entecavir prophylaxis"
		cut := len(tr)
		for _, m := range v.ScanDrugs(tr) {
			if m.Prior { // "romiplostim after eltrombopag": eltrombopag is not the course
				cut = min(cut, m.Start)
				continue
			}
			if failedBefore(tr[m.End:]) { // "romiplostim (eltrombopag-resistant ITP)"
				continue
			}
			if m.Canonical != "" && m.Kind != "exclusion" {
				if ini := v.initialsOf(tr[m.Start:m.End]); ini != "" {
					if k.initials == nil {
						k.initials = map[string]bool{}
					}
					k.initials[ini] = true
				}
				k.names[normalize(m.Canonical)] = true
				if m.Class != "" && m.Class != "procedure" {
					k.classes[normalize(m.Class)] = true
					drug = true
					if g := v.c.generics[normalize(m.Canonical)]; g != nil && len(g.codes) > 0 {
						for _, code := range g.codes {
							k.atc = append(k.atc, code.atc)
						}
						if antiInfectiveDrug(g) && !prophylaxis {
							infective++
						} else {
							other++
						}
					}
					if g := v.c.generics[normalize(m.Canonical)]; g != nil && len(g.codes) > 0 && g.codes[0].atc != "" && len(g.codes[0].atc) < 7 {
						if k.classNamed == nil {
							k.classNamed = map[string]bool{}
						}
						k.classNamed[normalize(m.Class)] = true
					}
				}
			}
		}
		cellToks := tokenize(noParens(priorFree(tr, cut)))
		ws := make([]string, len(cellToks))
		for i, tk := range cellToks {
			ws[i] = tk.norm
		}
		for i, w := range ws {
			if implantedStimulation(ws, i) {
				// named "surgery" by the text, but the stimulation goes on: not given once
				k.names[surgeryName], k.names[excisionName] = true, true
			}
			if surgical(w) && !(w == "release" && i > 0 && releaseForm[ws[i-1]]) {
				// "subtotal pancreatectomy", "wide surgical excision": the text may name the
				// course by its kind ("after surgery", "the operation")
				k.names[surgeryName], k.names[excisionName] = true, true
				operation = true
			}
			if len(w) >= 3 && !courseWordStop[w] && !isNumber(w) && !v.c.knownNonDrug(w) {
				k.words[w] = true
			}
			kindNamed = kindNamed || antiInfectiveWords[w] || w == "tuberculosis" && i > 0 && ws[i-1] == "anti"
			if i > 0 && cellToks[i].dash && !cellToks[i].brk && len(ws[i-1]+w) >= 3 && !courseWordStop[ws[i-1]+w] {
				// a word written with a hyphen ("anti-fungal treatment") is read joined in a text
				// whose spelling is corrected to a term ("antifungal"): the joined word names the
				// course too
				k.words[ws[i-1]+w] = true
			}
		}
	}
	// an operation alone, or a finite course (FiniteCourse): not "surgical resection followed
	// by adjuvant imatinib", nor "single-agent rituximab"
	k.oneOff = operation && !drug || once
	// an infection is what the course treats only when every drug of it is an anti-infective
	// ("R-CHOP + entecavir prophylaxis", "hydroxychloroquine, prednisone" are not)
	k.antiInfective = (infective > 0 || kindNamed) && other == 0
	return k
}

// indicationFree blanks, keeping every byte offset, the indication a treatment cell names
// after "for" ("rituximab plus cyclophosphamide for type B insulin resistance", "IVIG for
// steroid-refractory myasthenia"): the treatments and words named there are what the
// course was for, not the course. The indication runs to the next ",", ";", "+", "/", "(",
// "then" or "followed", so that "prednisone for 4 weeks, then azathioprine" keeps its
// second treatment.
func indicationFree(tr string) string {
	low := asciiLower(tr)
	var b []byte
	for from := 0; ; {
		k := strings.Index(low[from:], "for ")
		if k < 0 {
			break
		}
		k += from
		if k > 0 && asciiAlnum(low[k-1]) {
			from = k + 4
			continue
		}
		end := len(tr)
		if e := strings.IndexAny(low[k:], ",;+/("); e >= 0 {
			end = k + e
		}
		for _, w := range []string{" then", " followed"} {
			if e := strings.Index(low[k:end], w); e >= 0 {
				end = k + e
			}
		}
		if b == nil {
			b = []byte(tr)
		}
		for x := k; x < end; x++ {
			b[x] = ' '
		}
		from = end
	}
	if b == nil {
		return tr
	}
	return string(b)
}

// asciiAlnum reports whether c is an ASCII letter or digit.
func asciiAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// implantedStimulation reports whether ws[i] is the "stimulation" of an implanted stimulator
// ("deep brain stimulation", "spinal cord stimulation"), which the text may call "surgery"
// ("tic severity reduced substantially post-surgery").
func implantedStimulation(ws []string, i int) bool {
	return ws[i] == "stimulation" && i > 0 && (ws[i-1] == "brain" || ws[i-1] == "cord")
}

// singleForms after "single" make a course given once ("single dose", not "single agent").
var singleForms = map[string]bool{"dose": true, "injection": true, "infusion": true, "session": true,
	"application": true, "administration": true, "shot": true, "treatment": true, "course": true,
	"bolus": true, "pulse": true}

// releaseForm are the words before "release" that make it a drug's formulation
// ("extended-release nifedipine"), not an operation.
var releaseForm = map[string]bool{"extended": true, "sustained": true, "modified": true,
	"controlled": true, "slow": true, "delayed": true, "prolonged": true, "immediate": true,
	"acting": true, "rapid": true}

// surgeryName and excisionName are the canonical names (drugs.tsv, normalised) of the
// generic surgical treatments, by which a text names any operation.
var surgeryName, excisionName = normalize("surgery"), normalize("surgical excision")

// surgical reports whether the word of a treatment cell names an operation: surgery,
// surgical, resection, excision, operation, operative, an opening of a cavity (laparotomy,
// craniotomy, thoracotomy, sternotomy), what an operation does (release, reconstruction,
// repair, removal, ligation, bypass, decompression, debridement, amputation, curettage),
// or a word of surgical form (-ectomy, -ostomy, -otomy, -plasty; a phlebotomy is no
// operation), and the operations of other names (ablation, embolisation, stenting,
// implantation, transplantation).
func surgical(w string) bool {
	switch w {
	case "surgery", "surgical", "resection", "excision", "operation", "operative", "laparotomy",
		"craniotomy", "thoracotomy", "sternotomy",
		// operations named by what they do ("popliteal artery release and reconstruction",
		// "gastric band removal", "hernia repair")
		"release", "reconstruction", "repair", "removal", "ligation", "bypass", "decompression",
		"debridement", "amputation", "curettage",
		"ablation", "cryoablation", "embolization", "embolisation", "stenting", "implantation",
		"transplantation", "transplant":
		return true
	case "phlebotomy", "phlebotomies":
		return false
	}
	for _, suf := range []string{"ectomy", "ostomy", "otomy", "plasty"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
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
		if k := strings.LastIndex(asciiLower(s), w); k >= 0 && k >= len(s)-len(w)-12 {
			s = s[:k]
		}
	}
	return s
}

// asciiLower lowers the ASCII letters of s and keeps every other byte, so that byte
// offsets in the result are offsets in s (strings.ToLower may change the length).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
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
	"introduction": true, "commencement": true, "start": true, "reintroduction": true,
	"combination": true, "infusion": true, "infusions": true, "injection": true, "injections": true, "trial": true,
	"regimen": true, "pulse": true, "pulses": true, "sessions": true, "session": true, "mg": true, "g": true,
	"weeks": true, "months": true, "days": true,
	// a treatment's own outcome or stop: "after failure of diltiazem", "on withdrawal of prednisone"
	"failure": true, "withdrawal": true, "discontinuation": true, "cessation": true, "efficacy": true}

// backgroundBefore and backgroundAfter mark a treatment named as the background of a
// statement (a concomitant drug being taken or tapered), not the cause of the outcome.
var (
	backgroundBefore = map[string]bool{"on": true, "off": true}
	backgroundAfter  = map[string]bool{"dose": true, "doses": true, "taper": true, "tapered": true, "tapering": true,
		"reduced": true, "reduction": true, "withdrawal": true, "withdrawn": true, "sparing": true,
		// "steroid-free remission", "transfusion-independent": the treatment is what the
		// patient does without, not what the outcome is said of; "transfusion-dependent",
		// "dialysis-dependent": a state the patient is in, not a treatment the outcome is of
		"free": true, "independent": true, "independence": true, "dependent": true, "dependence": true,
		"dependency": true}
)

// measuredAfter, right after a treatment's name, make it a measured substance, a need or a
// cause rather than a treatment given: "oxygen saturations improved", "insulin levels",
// "oxygen requirement decreased", "heparin-induced thrombocytopenia".
var measuredAfter = map[string]bool{"level": true, "levels": true, "saturation": true, "saturations": true,
	"concentration": true, "concentrations": true, "requirement": true, "requirements": true, "need": true,
	"needs": true, "dependence": true, "dependency": true, "normalization": true, "normalisation": true,
	"elevation": true, "titer": true, "titers": true, "titre": true, "titres": true, "value": true, "values": true}

// causeAfter, right after a treatment's name, make it the cause of what follows: a cause of a
// disease or an adverse effect ("heparin-induced thrombocytopenia") is no treatment the
// outcome is said of, but an outcome it caused is ("IVIG-induced improvement").
var causeAfter = map[string]bool{"induced": true, "associated": true, "related": true}

// measuredOrCaused reports whether the treatment at toks[i:i+n] is a measured substance, a
// need or the cause of a disease or adverse effect (measuredAfter, causeAfter), rather than a
// treatment given.
func measuredOrCaused(toks []token, inTarget []bool, i, n int) bool {
	if i+n >= len(toks) {
		return false
	}
	w := toks[i+n].norm
	return measuredAfter[w] || causeAfter[w] && !(i+n+1 < len(toks) && inTarget[i+n+1])
}

// substanceVerbs, as the outcome word right after a treatment's name, make it a substance
// measured in the patient, not a treatment given: "cortisol normalized", "potassium rose".
// Verbs a treatment may be the subject of ("rituximab decreased the relapses") are not
// among them.
var substanceVerbs = map[string]bool{"normalized": true, "normalised": true, "rose": true, "fell": true}

// substanceStates after "remained" make the word before it a measured substance ("calcium
// remained elevated"); a treatment may remain something too ("rituximab remained effective").
var substanceStates = map[string]bool{"elevated": true, "high": true, "low": true, "raised": true, "normal": true,
	"undetectable": true, "detectable": true}

// substanceBefore reports whether the outcome word at toks[k] makes the treatment right before
// it a substance measured in the patient (substanceVerbs, or "remained" + substanceStates).
func substanceBefore(toks []token, k int) bool {
	w := toks[k].norm
	return substanceVerbs[w] || (w == "remained" || w == "remains") && k+1 < len(toks) && substanceStates[toks[k+1].norm]
}

// agentOn reports whether the treatment at toks[i:i+n], after "on", is what an outcome
// phrase ending right before "on" is said of ("cleared on ustekinumab") rather than a
// background treatment, which is named with its dose ("remission on prednisolone 2.5 mg").
func agentOn(toks []token, inTarget []bool, i, n int) bool {
	if i >= 2 && toks[i-1].norm == "on" && startedOnVerbs[toks[i-2].norm] && !toks[i-1].brk {
		return true // "she was started on azathioprine": a treatment begun, not a background
	}
	if i < 2 || toks[i-1].norm != "on" || !inTarget[i-2] {
		return false
	}
	return i+n >= len(toks) || !isNumber(toks[i+n].norm) && !backgroundAfter[toks[i+n].norm]
}

// startedOnVerbs before "on" begin the treatment after it ("started on", "placed on").
var startedOnVerbs = map[string]bool{"started": true, "initiated": true, "commenced": true, "put": true,
	"placed": true, "switched": true, "changed": true, "begun": true, "restarted": true, "transitioned": true}

// placeVerbs make "VERB to X" a destination, not a treatment.
var placeVerbs = map[string]bool{"discharged": true, "transferred": true, "referred": true, "admitted": true, "moved": true,
	"transitioned": true}

// placeAfter, right after a treatment's name, make it a place: "rehabilitation center",
// "dialysis unit", "transplant clinic".
var placeAfter = map[string]bool{"center": true, "centre": true, "unit": true, "units": true, "facility": true,
	"ward": true, "clinic": true, "hospital": true, "department": true}

// purposeVerbs after "to" state the aim of a treatment ("ineffective to control ACTH",
// "failed to reduce insulin requirements"), so what follows is no treatment the outcome is
// said of.
var purposeVerbs = map[string]bool{"control": true, "reduce": true, "lower": true, "achieve": true,
	"induce": true, "improve": true, "prevent": true, "normalize": true, "normalise": true, "suppress": true,
	"maintain": true, "stop": true, "halt": true, "correct": true, "decrease": true}

// mentions finds the treatments named in the text outside outcome phrases.
func (c *compiled) mentions(toks []token, inTarget, worse []bool, k *course) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		if inTarget[i] {
			i++
			continue
		}
		n, ids := c.drugTrie.longest(toks, i, nil)
		if n == 0 {
			if k.words[toks[i].norm] || toks[i].upper && k.initials[toks[i].norm] {
				out = append(out, mention{i: i, n: 1, name: toks[i].norm, course: true, word: true})
			}
			i++
			continue
		}
		e := c.drugTerms[ids[0]]
		m := c.mentionOf(toks, i, n, e, k)
		if e.kind == "exclusion" || namedNotGiven(toks, inTarget, worse, i, n, m.course) || c.measuredValue(toks, inTarget, i, n) ||
			m.generic && i+n < len(toks) && !toks[i+n].brk && kindOfEffect[toks[i+n].norm] ||
			!m.course && !otherNamed(out) && stoppedAfterResponse(toks, inTarget, worse, i, n) ||
			antibodyName(toks, i) || labValueAfter(toks, i, n) || labChangeAfter(toks, i, n) {
			i += n
			continue
		}
		out = append(out, m)
		i += n
	}
	return out
}

// measuredValue reports whether the treatment named at toks[i:i+n] is a measure of
// scores.tsv whose values an outcome phrase gives right after it ("Calcium 3.4 -> 2.4
// mmol/L", "calcium from 3.4 to 2.4"): a substance measured in the patient.
func (c *compiled) measuredValue(toks []token, inTarget []bool, i, n int) bool {
	if i+n >= len(toks) || !inTarget[i+n] && !(i+n+1 < len(toks) && toks[i+n].norm == "from" && inTarget[i+n+1]) {
		return false
	}
	_, ok := c.measureOf(toks[i : i+n])
	return ok
}

// labValueAfter reports whether the treatment named at toks[i:i+n] is a substance the body
// has (endogenousSubstances) with a laboratory value after it, a number and a unit of
// concentration ("albumin 32 g/L", "potassium 5.9 mmol/L"), and no link word making it an
// agent before it ("after albumin 200 g/L"): measured in the patient, not given. A drug's
// level ("tacrolimus 6 ng/mL") names the drug given.
func labValueAfter(toks []token, i, n int) bool {
	k := i + n
	if k >= len(toks) || !isNumber(toks[k].norm) || toks[k].brk || !endogenousSubstances[joinNorms(toks[i:k])] {
		return false
	}
	if k+1 < len(toks) && toks[k+1].brk && !clauseBreak(toks, k+1) {
		k++ // the decimal part of "3.2 g/dL", which the tokenizer splits off
	}
	if k+2 >= len(toks) {
		return false
	}
	if i > 0 && !toks[i].brk && agentLinks[toks[i-1].norm] {
		return false
	}
	return concentrationUnits[toks[k+1].norm] && (toks[k+2].norm == "l" || toks[k+2].norm == "dl" || toks[k+2].norm == "ml" && toks[k+1].norm != "mg")
}

// agentLinks before a substance with a concentration make it given ("after albumin 200
// g/L"); "with albumin 38 g/L" and "on" name a value beside the outcome as often.
var agentLinks = map[string]bool{"after": true, "following": true, "by": true, "to": true, "under": true}

// endogenousSubstances are substances measured in the blood that are also given as drugs.
var endogenousSubstances = map[string]bool{"albumin": true, "potassium": true, "sodium": true, "calcium": true,
	"magnesium": true, "phosphate": true, "phosphorus": true, "glucose": true, "iron": true, "ferritin": true,
	"bicarbonate": true, "igg": true, "cortisol": true, "testosterone": true, "estradiol": true, "thyroxine": true,
	"vitamin d": true, "folate": true, "vitamin b12": true, "zinc": true, "copper": true, "t3": true, "t4": true,
	"ft3": true, "ft4": true, "triiodothyronine": true}

// labChangeAfter reports whether the treatment named at toks[i:i+n] is a substance the body has
// (endogenousSubstances) followed in its clause by a word of a measured change ("albumin up",
// "T3 improved", "potassium normalised"): measured in the patient, not given. Words a dose
// takes ("increased", "reduced") are left out: "potassium increased to 40 mEq" is a dose.
func labChangeAfter(toks []token, i, n int) bool {
	k := i + n
	return k < len(toks) && !toks[k].brk && endogenousSubstances[joinNorms(toks[i:k])] && measuredChange[toks[k].norm]
}

// measuredChange are the words of a change of a measured value that a dose is not said to make.
var measuredChange = map[string]bool{"up": true, "down": true, "rose": true, "fell": true, "improved": true,
	"normal": true, "normalised": true, "normalized": true, "recovered": true, "rising": true, "falling": true,
	"↑": true, "↓": true}

// concentrationUnits are the amounts of a laboratory concentration ("g/L", "mmol/L");
// "mg/mL" is left out, a drug's strength as often as a level.
var concentrationUnits = map[string]bool{"g": true, "mg": true, "mmol": true, "µmol": true, "umol": true, "μmol": true,
	"µg": true, "ug": true, "μg": true, "ng": true, "pg": true, "iu": true, "u": true, "meq": true, "nmol": true, "pmol": true}

// antibodyName reports whether the treatment name at toks[i] is the end of an antibody's
// name, joined by a hyphen to an antigen written with a digit or in capitals ("AQP4-IgG",
// "MOG-IgG", "GAD65-IgG"): a test result, not immunoglobulin given.
func antibodyName(toks []token, i int) bool {
	if i == 0 || !toks[i].dash || toks[i].start != toks[i-1].end+1 {
		return false
	}
	prev := toks[i-1]
	return prev.upper || strings.ContainsAny(prev.norm, "0123456789") && !isNumber(prev.norm)
}

// failureVerbs take the treatment that failed or was refused as their object ("failed
// warfarin", "refused surgery"): the failure or refusal is that treatment's.
var failureVerbs = map[string]bool{"failed": true, "failing": true, "refused": true, "declined": true}

// failedBefore reports whether the text after a treatment named in a treatment cell makes it
// one the disease resisted before ("eltrombopag-resistant ITP", "steroid refractory"): a
// description of the patient, not the course.
func failedBefore(after string) bool {
	w := words(after)
	return len(w) > 0 && compoundAdjectives[w[0]]
}

// initialsOf returns the initials of a drug term of two to four words that a treatment cell
// names ("bv" of "brentuximab vedotin", "ecp" of "extracorporeal photopheresis"), or "" when
// the term has fewer or more words, a word of fewer than three letters or a digit, or its
// initials are a word the vocabularies know themselves (a response grade "CR", a route "SC",
// a disease "RA" or "MS", a drug or a cue), which name that.
func (v *Vocabulary) initialsOf(term string) string {
	ws := tokenize(term)
	if len(ws) < 2 || len(ws) > 4 {
		return ""
	}
	ini := ""
	for _, w := range ws {
		if len(w.norm) < 3 || strings.ContainsAny(w.norm, "0123456789") {
			return ""
		}
		ini += w.norm[:1]
	}
	if v.c.knownAbbreviation(ini) {
		return ""
	}
	return ini
}

// knownAbbreviation reports whether the word w (normalised) is itself a term of the
// outcome, cue, drug, disease or route vocabularies.
func (c *compiled) knownAbbreviation(w string) bool {
	toks := []token{{norm: w, upper: true}}
	for _, t := range []*trieNode{c.drugTrie, c.routeTrie} {
		if n, _ := t.longest(toks, 0, nil); n > 0 {
			return true
		}
	}
	return c.knownNonDrug(w) || commonInitials[w]
}

// commonInitials are abbreviations of case tables that no vocabulary holds as a term of its own:
// routes, response grades, imaging and study words ("SC methotrexate", "PD at 3 mo", "CT").
var commonInitials = map[string]bool{"sc": true, "iv": true, "im": true, "po": true, "sq": true, "cr": true, "pr": true,
	"sd": true, "pd": true, "nr": true, "ct": true, "mri": true, "pt": true, "pts": true, "fu": true, "bid": true,
	"tid": true, "qd": true, "ra": true, "ms": true, "vd": true}
