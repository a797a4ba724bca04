package vocab

import "testing"

// TestSheetNotes reads the session's forms of extraction-sheet notes (docs/outcomes.md,
// twenty-third session), each beside a near miss that must keep its old reading.
func TestSheetNotes(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"minimal change", "minimal change", "", Minimal, ConfidenceHigh},
		{"minimal change disease is a disease name", "minimal change disease relapsed", "", Progression, ConfidenceLow},
		{"chg abbreviates change", "no chg at 6/12", "", None, ConfidenceHigh},
		{"no better after", "no better after 30 dives", "", None, ConfidenceHigh},
		{"follow-up too short", "too short f/u to assess", "", NotEvaluable, ConfidenceHigh},
		{"moved to another centre", "pt had 3 infusions then moved to another centre", "", NotEvaluable, ConfidenceHigh},
		{"did not return for further treatment", "The patient received one injection and did not return for further treatment.", "", NotEvaluable, ConfidenceHigh},
		{"symptoms did not return", "the symptoms did not return after the course", "", Unclassified, ConfidenceNone},
		{"too recent", "Treatment too recent to judge.", "", NotEvaluable, ConfidenceHigh},
		{"was much better", "the itch was much better", "", Partial, ConfidenceHigh},
		{"much better beside unchanged lesions", `the itch was "much better"; no change in nodules or blisters`, "", Partial, ConfidenceLow},
		{"a receding hairline", "The frontal hairline continued to recede, by about 2 mm over the 12 months", "", Progression, ConfidenceHigh},
		{"receding lesions", "the lesions receded", "", Partial, ConfidenceHigh},
	})
}

// TestAdjectiveGradesNoVerb checks that a qualifier written as an adjective describes the noun
// after it, not a verb further on, and still grades a response noun right after it.
func TestAdjectiveGradesNoVerb(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"small lesions, a verb of two words", "the two small ulcers re-epithelialised", "", Complete, ConfidenceHigh},
		{"minor crops far before the verb", "two minor crops during intercurrent infections settled without changing the dose", "", Partial, ConfidenceHigh},
		{"complete before its noun", "complete alleviation of pain was achieved", "", Complete, ConfidenceHigh},
		{"mild before its noun", "Only mild softening was occured after 6 injections", "", Minimal, ConfidenceHigh},
		{"slight improvement", "slight improvement of the skin lesions", "", Minimal, ConfidenceHigh},
		{"an adverb grades the verb", "the ulcers slightly improved", "", Minimal, ConfidenceHigh},
	})
}

// TestBackgroundAndNextSteps checks treatments named beside the course that are neither the
// course nor the subject of its statements: a therapy the patient still needs, the content of
// a background phrase, and a next step the patient asked for.
func TestBackgroundAndNextSteps(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"still needs another drug", "mild improvement, still needs pred 20mg", "mycophenolate", Minimal, ConfidenceHigh},
		{"a step the response may be of", "improved, required dialysis", "mycophenolate", Unclassified, ConfidenceNone},
		{"minimal therapy named in brackets", "Complete remission on minimal therapy (prednisolone 5 mg) was reached at month 6.", "rituximab", Complete, ConfidenceHigh},
		{"remission said of another drug", "complete remission after switch to prednisolone", "rituximab", Unclassified, ConfidenceNone},
		{"asked for surgery", "After four doses the number of draining tunnels was unchanged and the patient asked for surgery.", "ustekinumab", None, ConfidenceHigh},
		{"a next step in the passive", "Daily wound care and STS were continued for 6 weeks. The ulcers enlarged and became infected despite this, and IV antibiotics were needed.", "IV STS", Progression, ConfidenceHigh},
		{"a treatment given beside a response", "the ulcers healed and IV antibiotics were given", "IV STS", Unclassified, ConfidenceNone},
		{"closed the defect", "Granulation covered the whole bed by week 8 and a split-skin graft closed the defect at week 12.", "", Complete, ConfidenceHigh},
		{"where opens a clause of its own", "The ulcer healed completely after 10 weeks of timolol drops, where compression alone had failed for 2 years.", "topical timolol", Complete, ConfidenceHigh},
		{"gone in", "gone in 3 wk", "", Complete, ConfidenceHigh},
		{"extending is weak", "the active edge kept extending", "", Progression, ConfidenceLow},
		{"gone after", "gone after 1 session", "cryotherapy", Complete, ConfidenceHigh},
		// a clearance after the next treatment, named by a name without an ATC code, is that treatment's
		{"then another treatment cleared it", "imiquimod 6 wk, warts same; then cantharidin x2, cleared", "imiquimod", None, ConfidenceHigh},
		{"the next treatment is the course", "imiquimod 6 wk, warts same; then cantharidin x2, cleared", "cantharidin", Complete, ConfidenceHigh},
		{"clr abbreviates cleared", "clr wk 4", "", Complete, ConfidenceHigh},
		{"not clear from the report", "Outcome - not clear from report", "", NotEvaluable, ConfidenceHigh},
		{"looked the same", "The plaque on the nose looked the same at 4 months.", "", None, ConfidenceHigh},
		{"no follow-up visit", "lost, no f/u visit", "", NotEvaluable, ConfidenceHigh},
		{"never started", "TPMT activity was low and azathioprine was never started.", "azathioprine", NotEvaluable, ConfidenceHigh},
	})
}

// TestStopAfterHarm checks stops whose reason is a harm named after "after", or which the
// patient made, as stops with their reason (rule 4), and near misses that state a response.
func TestStopAfterHarm(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"after a harm", "Discontinued after an anaphylactoid reaction at the second injection.", "dupilumab", NotEvaluable, ConfidenceHigh},
		{"the patient stopped", "pt self-discontinued at wk 3 (breast tenderness)", "spironolactone", NotEvaluable, ConfidenceHigh},
		{"a harm of cues.tsv before the stop", "Methaemoglobinaemia, stopped day 5.", "dapsone", NotEvaluable, ConfidenceHigh},
		{"a harm after a comma", "stopped, seizure in child after 1st application", "lindane", NotEvaluable, ConfidenceHigh},
		{"a harm before, the occasion after", "burning, stopped after 1st application", "benzyl benzoate", NotEvaluable, ConfidenceHigh},
		{"a list of harms", "stopped wk 2 - ankle swelling, headache", "nifedipine", NotEvaluable, ConfidenceHigh},
		{"a harm, then a switch", "stopped - drug-induced hepatitis; switched to MTX", "", NotEvaluable, ConfidenceHigh},
		{"a harm, then what may be a worsening", "stopped day 4 - bleeding, thrombus extended", "", NotEvaluable, ConfidenceLow},
		{"a response after a comma", "stopped, lesions healed", "", Complete, ConfidenceHigh},
		{"after a time only", "stopped after 3 weeks", "", NotEvaluable, ConfidenceLow},
		{"after a response", "discontinued after improvement of the rash", "", Partial, ConfidenceHigh},
	})
}

// TestSlashFraction checks that a complete response said of A/B lesions with A < B is partial
// (rule 8), and that a time in the clinical notation ("at 3/12") is no count.
func TestSlashFraction(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"some lesions", "3/4 ulcers healed", "", Partial, ConfidenceHigh},
		{"a count then the rest", "2/5 healed, 3 still active at 3 mo", "", Partial, ConfidenceHigh},
		{"every lesion", "4/4 lesions healed", "", Complete, ConfidenceHigh},
		{"a few lesions", "a few AKs cleared", "imiquimod", Minimal, ConfidenceHigh},
		{"a few days", "A few days later the ulcer healed", "", Complete, ConfidenceHigh},
		{"some lesions", "some nodules resolved", "", Partial, ConfidenceHigh},
		{"a named lesion count", "AK count 24 -> 15 at 8 wk", "", Minimal, ConfidenceHigh},
		{"a time in months", "healed at 3/12", "", Complete, ConfidenceHigh},
		{"a time in weeks", "lesions healed by 6/52", "", Complete, ConfidenceHigh},
	})
}
