package vocab

import "regexp"

// A finding reported absent after the course: "No myoclonus was seen after the initial dose of
// cyproheptadine"; "Under this therapy, no further disturbance of electrolyte homeostasis
// occurred"; "two months later … hydronephrosis was not detected in follow-up"; "the VT
// episode did not occur". The vocabulary cannot know every manifestation of every disease,
// but a manifestation the authors report absent once the course has acted is gone. When the
// reader found no outcome phrase at all, such a statement — "no (further|more|new) X (was|
// were) seen|observed|detected|noted|occurred|reported|recorded", "X was not seen|observed|
// detected|noted", "X did not occur|recur" — with a word placing it after or under the
// course ("after", "following", "under", "since", "later", "follow-up", "post", "within")
// reads complete with high confidence, unless what is absent is a harm or a change
// ("no adverse events were observed", "no changes were noted", "no complications
// occurred"), which says nothing of the response.

var absentRE = regexp.MustCompile(`(?i)\b(?:no(?:\s+(?:further|more|new|other))?\s+((?:[\w-]+\s+){0,4}?)(?:was|were|has\s+been|have\s+been|had\s+been)?\s*(?:seen|observed|detected|noted|occurred|reported|recorded|documented)\b|((?:[\w-]+\s+){1,4}?)(?:was|were)\s+not\s+(?:seen|observed|detected|noted)\b|((?:[\w-]+\s+){1,4}?)did\s+not\s+(?:occur|recur)\b)`)

// absentAnchors place a statement after or under the course.
var absentAnchors = map[string]bool{"after": true, "following": true, "under": true, "since": true, "later": true,
	"follow": true, "followup": true, "post": true, "within": true, "subsequently": true, "thereafter": true}

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
	"nephrotoxicity": true, "allergic": true, "allergy": true, "hypersensitivity": true, "anaphylaxis": true}

// absentFinding applies the rule above to a reading res of text; it returns res unchanged
// when the rule does not apply.
func absentFinding(text string, toks []token, res OutcomeMatch) OutcomeMatch {
	if res.Category != Unclassified || res.Confidence != ConfidenceNone || res.Evidence.Rule != "" || res.NotAttributable {
		return res
	}
	m := absentRE.FindStringSubmatchIndex(text)
	if m == nil {
		return res
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
	anchored := false
	for _, tk := range toks {
		if tk.norm == "rechallenge" || tk.norm == "challenge" {
			return res // "no rash was observed after rechallenge": a test of the treatment's harm
		}
		anchored = anchored || absentAnchors[tk.norm]
	}
	if !anchored {
		return res // an absence at presentation ("no lymphadenopathy was detected") is no outcome
	}
	out := OutcomeMatch{Category: Complete, Code: categoryCodes[Complete], Status: StatusContained, Confidence: ConfidenceHigh,
		Phrase: text[m[0]:m[1]], Rule: "phrase", Truncated: res.Truncated}
	out.Evidence = Evidence{Rule: "a finding reported absent after the course", Phrase: out.Phrase, Start: m[0], End: m[1]}
	return out
}
