package vocab

import (
	"regexp"
	"strings"
)

// A finding reported absent after the course: "No myoclonus was seen after the initial dose of
// cyproheptadine"; "Under this therapy, no further disturbance of electrolyte homeostasis
// occurred"; "two months later … hydronephrosis was not detected in follow-up"; "the VT
// episode did not occur". The vocabulary cannot know every manifestation of every disease,
// but a manifestation the authors report absent once the course has acted is gone. When the
// reader found no outcome phrase at all, such a statement — "no (further|more|new) X (was|
// were) seen|observed|detected|noted|occurred|reported|recorded", "X was not seen|observed|
// detected|noted", "X did not occur|recur", "no episodes of X", "did not experience any
// episodes of X" — with a word placing it after or under the course ("after", "following",
// "under", "since", "later", "follow-up", "post", "within", "until the present") is proposed as complete with low confidence: what is absent may be the disease's
// manifestation, but it may as well be a harm ("no neutropenia was observed after …"), a
// response that did not come ("no seroconversion was detected after vaccination") or a test
// result ("no pathogen was detected after extensive work-up"), which the vocabulary cannot
// tell apart; a person decides in review.csv. Not proposed when what is absent is a harm,
// change, event or response word of absentNotFinding ("no adverse events were observed", "no
// changes were noted"), after a rechallenge, or when the word of time is not in the
// statement's own sentence or is one of work-up, admission or diagnosis.

var absentRE = regexp.MustCompile(`(?i)\b(?:no(?:[ \t]+(?:further|more|new|other))?[ \t]+((?:[\w-]+[ \t]+){1,4}?)(?:was|were|has[ \t]+been|have[ \t]+been|had[ \t]+been)?[ \t]*(?:seen|observed|detected|noted|occurred|reported|recorded|documented)\b|((?:[\w-]+[ \t]+){1,4}?)(?:was|were)[ \t]+not[ \t]+(?:seen|observed|detected|noted)\b|((?:[\w-]+[ \t]+){1,4}?)did[ \t]+not[ \t]+(?:occur|recur)\b|(?:no|not[ \t]+(?:experience|have|had|report)[ \t]+any)[ \t]+(?:(?:further|more|new|other)[ \t]+)?episodes?[ \t]+of[ \t]+((?:[\w-]+[ \t]+){0,3}[\w-]+))`)

// absentAnchors place a statement after or under the course ("present": "from 2008 until
// the present").
var absentAnchors = map[string]bool{"after": true, "following": true, "under": true, "since": true, "later": true,
	"present": true, "follow": true, "followup": true, "post": true, "within": true, "subsequently": true, "thereafter": true}

// wordRE finds the words of a finding.
var wordRE = regexp.MustCompile(`[\w-]+`)

// findingEnds end the finding after "no episodes of" ("no episodes of bleeding during the
// 20 month period"): a preposition of time or place.
var findingEnds = map[string]bool{"during": true, "for": true, "in": true, "at": true, "on": true, "since": true,
	"until": true, "over": true, "throughout": true}

// absentNotFinding are words of what may be absent without saying anything of the response.
var absentNotFinding = map[string]bool{"adverse": true, "side": true, "toxicity": true, "toxicities": true, "complication": true,
	"complications": true, "reaction": true, "reactions": true, "effect": true, "effects": true, "event": true, "events": true,
	"change": true, "changes": true, "difference": true, "differences": true, "improvement": true, "response": true,
	"benefit": true, "patient": true, "patients": true, "case": true, "cases": true, "treatment": true, "therapy": true,
	"drug": true, "dose": true, "sign": true, "signs": true, "evidence": true, "abnormality": true, "abnormalities": true,
	"interaction": true, "interactions": true, "problem": true, "problems": true, "issue": true, "issues": true, "death": true,
	"deaths": true, "mortality": true, "infection": true, "infections": true,
	// harms that are usually the treatment's, not the disease's
	"rash": true, "nausea": true, "vomiting": true, "diarrhea": true, "diarrhoea": true, "hepatotoxicity": true,
	"nephrotoxicity": true, "allergic": true, "allergy": true, "hypersensitivity": true, "anaphylaxis": true,
	// responses that did not come, and tests
	"seroconversion": true, "clearance": true, "loss": true, "pathogen": true, "pathogens": true, "mutation": true,
	"mutations": true, "workup": true, "work": true, "data": true, "antibodies": true}

// absentNotAnchor are the words after "after" that place a statement at the diagnosis, not
// after the course.
var absentNotAnchor = map[string]bool{"admission": true, "work": true, "workup": true, "diagnosis": true, "staging": true,
	"presentation": true, "sequencing": true, "testing": true, "biopsy": true, "examination": true}

// absentFinding applies the rule above to a reading res of text; it returns res unchanged
// when the rule does not apply.
func absentFinding(text string, toks []token, res OutcomeMatch) OutcomeMatch {
	if res.Category != Unclassified || res.Confidence != ConfidenceNone || res.Evidence.Rule != "" || res.NotAttributable {
		return res
	}
	denial := false
	for _, tk := range toks {
		denial = denial || tk.norm == "no" || tk.norm == "not"
	}
	if !denial {
		return res // the expression cannot match: skip it on long texts
	}
	m := absentRE.FindStringSubmatchIndex(text)
	if m == nil {
		return res
	}
	if m[8] >= 0 {
		// "no episodes of fever after treatment": the finding ends before its time or place
		for _, w := range wordRE.FindAllStringIndex(text[m[8]:m[9]], -1) {
			if x := strings.ToLower(text[m[8]+w[0] : m[8]+w[1]]); absentAnchors[x] || findingEnds[x] {
				m[1] = len(strings.TrimRight(text[:m[8]+w[0]], " \t"))
				m[9] = m[1]
				break
			}
		}
	}
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] < 0 {
			continue
		}
		for _, w := range words(text[m[g]:m[g+1]]) {
			if absentNotFinding[w] {
				return res
			}
		}
	}
	// the word of time must stand in the statement's sentence
	ends := sentenceEnds(text, toks)
	first, last := 0, len(toks)
	for k, tk := range toks {
		if tk.start <= m[0] && (k == 0 || ends[k]) {
			first = k
		}
		if tk.start >= m[1] && ends[k] {
			last = k
			break
		}
	}
	anchored := false
	for k := first; k < last; k++ {
		switch {
		case toks[k].norm == "rechallenge" || toks[k].norm == "challenge":
			return res // "no rash was observed after rechallenge": a test of the treatment's harm
		case toks[k].norm == "present" && (k < 2 || toks[k-1].norm != "the" || toks[k-2].norm != "until" && toks[k-2].norm != "to"):
			// "caseating granulomas were present": the adjective, not "until the present"
		case absentAnchors[toks[k].norm]:
			if k+1 < len(toks) && absentNotAnchor[toks[k+1].norm] || k+2 < len(toks) && absentNotAnchor[toks[k+2].norm] {
				return res // "after admission", "after extensive work-up": at the diagnosis
			}
			anchored = true
		}
	}
	if !anchored {
		return res // an absence at presentation ("no lymphadenopathy was detected") is no outcome
	}
	phrase := text[m[0]:m[1]]
	out := OutcomeMatch{Category: Unclassified, Proposed: Complete, Status: StatusContained, Confidence: ConfidenceLow,
		Phrase: phrase, Rule: "phrase", Truncated: res.Truncated, Spelling: res.Spelling,
		Phrases: []PhraseMatch{{Phrase: phrase, Matched: "finding absent", Category: Complete, Start: m[0], End: m[1]}}}
	out.Evidence = Evidence{Rule: "a finding reported absent after the course; low confidence: it may be a harm, a response that did not come or a test",
		Phrase: phrase, Start: m[0], End: m[1]}
	return out
}
