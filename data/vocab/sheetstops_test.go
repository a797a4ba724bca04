package vocab

import "testing"

// TestStopAfterItsReasons checks a stop that follows its reasons: a list of harms, an arrow
// from harms, a stop written "suspended" or dated "J5", and later clauses that say only
// that nothing was assessed. A later clause with an outcome word, a leaving ("discharged")
// and an arrow from a disease word are near misses.
func TestStopAfterItsReasons(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"harms listed", "nausea, dysgeusia, stopped W5", "nifedipine", NotEvaluable, ConfidenceHigh},
		{"an arrow from harms", "nausea, dysgeusia -> stopped W5", "nifedipine", NotEvaluable, ConfidenceHigh},
		{"suspended", "diarrhoea and vomiting, suspended at J5", "apremilast", NotEvaluable, ConfidenceHigh},
		{"a day as J", "headache, stopped J3", "nifedipine", NotEvaluable, ConfidenceHigh},
		{"an application-site harm", "irritation, stopped wk 2", "tazarotene", NotEvaluable, ConfidenceHigh},
		{"nothing assessed after", "romidepsin: fatigue + nausea, stopped after cycle 1; mSWAT not repeated", "romidepsin", NotEvaluable, ConfidenceHigh},
		{"not reported after", "neutropenia, stopped; NR", "interferon alfa", NotEvaluable, ConfidenceHigh},
		{"a value after the stop's clause", "nausea, stopped wk 4; PASI 2 at wk 12", "methotrexate", NotEvaluable, ConfidenceLow},
		// near misses
		{"a response after the stop's clause", "neuropathy mo 2, stopped; skin was slightly better by then", "thalidomide", NotEvaluable, ConfidenceLow},
		{"a response before the stop", "paradoxical eczema wk 8, stopped, psoriasis better before stop - extent NR", "ixekizumab", NotEvaluable, ConfidenceLow},
		{"a leaving is no stop", "successful control of haemorrhage, discharged; no AE at 6 mo", "", NotEvaluable, ConfidenceLow},
		{"an arrow from a disease word", "psoriasis flare -> stopped", "dapsone", Progression, ConfidenceLow},
	})
}

// TestSheetWordsOfLittleChange checks words of no change and of small change met in sheets
// written by European extractors, a zero kept to a later time, and a counted subject of
// "gone".
func TestSheetWordsOfLittleChange(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"stationary", "after 6 sessions the lesions were stationary", "PDT", None, ConfidenceHigh},
		{"no modification", "no modification of the plaques after 40 sessions", "UVA1", None, ConfidenceHigh},
		{"slightly less", "skin slightly less red, peeling as before", "acitretin", Minimal, ConfidenceHigh},
		{"a little less", "a little less scale", "urea", Minimal, ConfidenceHigh},
		{"a zero kept", "PASI 0 at wk 12, maintained to wk 52", "secukinumab", Complete, ConfidenceHigh},
		{"a zero, then its later time", "PASI 0 at wk 12, wk 52", "secukinumab", Complete, ConfidenceHigh},
		{"a zero, then another value", "PASI 0 at wk 12, PASI 4 at wk 52", "secukinumab", Unclassified, ConfidenceNone},
		{"a zero, then a bare value", "PASI 0 at wk 12, 4 at wk 52", "secukinumab", Unclassified, ConfidenceNone},
		{"all of a count gone", "all 4 warts gone after 3 sessions", "cryotherapy", Complete, ConfidenceHigh},
		{"an activity score in capitals", "HAS 4 -> 3.5", "atenolol", Minimal, ConfidenceHigh},
		{"has is a word", "the lesion has improved", "", Partial, ConfidenceHigh},
		{"a relapse after suspension", "ulcer healed in 4 months, recurrence 2 months after suspension", "ciclosporin", Complete, ConfidenceHigh},
		{"a suspension as a dose form", "relapse after nystatin suspension", "", Progression, ConfidenceLow},
		{"a relapse at the stop", "at M3 no chilblains, remission; relapse at withdrawal (M9)", "anifrolumab", Complete, ConfidenceHigh},
		{"every lesion healed", "Healing of all DUs after 4 months of therapy. No new DUs at M12.", "sildenafil", Complete, ConfidenceHigh},
		{"a wound reopened on the course is no clean healing", "Target wound closed by week 12 but reopened at week 20 while weekly application continued.", "", Complete, ConfidenceLow},
		{"not continued is a stop", "skin necrosis after the 1st session, not continued; VM outcome not reported", "", NotEvaluable, ConfidenceHigh},
		// a benefit gone is no lesion gone
		{"an effect gone", "J7 fingers warmer; W4 attacks less painful; W12 effect gone, re-injection planned", "botulinum toxin", Partial, ConfidenceLow},
		// a power of ten written on one value only is the unit of both: 90 -> 20, not 90 -> 2e10
		{"a fall in a count whose unit is a power", "platelets dropped from 90 to 20 x10^9/L at mo 4", "sirolimus", Progression, ConfidenceLow},
		{"a power on the first value is its own", "viral load from 2 x 10^6 to 400 copies/mL", "", Partial, ConfidenceHigh},
		{"a bare power on the first value", "HBV DNA from 10^6 to 500 IU/mL", "entecavir", Partial, ConfidenceHigh},
	})
}

// TestFindingUnchangedBesideUnreadChange checks that in a terse cell a finding named
// unchanged beside a change the reader could not read (an arrow between values, a word of
// change) is a low-confidence non-response, rule 8 maybe reading it as partial; near misses:
// the finding alone, and an unread part without a change.
func TestFindingUnchangedBesideUnreadChange(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"an unread arrow between values", "ABSIS skin 40 -> 8, mucosa unchanged", "immunoadsorption", None, ConfidenceLow},
		{"an unread word of change", "nose less oedematous, phyma unchanged", "isotretinoin", None, ConfidenceLow},
		// near misses
		{"the finding alone", "phyma unchanged at 6 mo", "isotretinoin", None, ConfidenceHigh},
		{"an unread part without a change", "calcinosis unchanged; no hypotension", "diltiazem", None, ConfidenceHigh},
	})
}

// TestCriterionLostAndAssessmentNames checks a response criterion named as a phrase and then
// lost on the course ("HiSCR lost at wk 36"), read as a score threshold lost is, and an
// outcome word that names an assessment ("No HiSCR assessment was made"), which states no
// result; near misses: the criterion reached, and denied without an assessment noun.
func TestCriterionLostAndAssessmentNames(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a criterion lost on the course", "HiSCR lost at wk 36 on drug; AN back to baseline 12", "adalimumab", Progression, ConfidenceHigh},
		{"an assessment not made", "The patient died of a myocardial infarction before the week-16 visit. No HiSCR assessment was made.", "secukinumab", NotEvaluable, ConfidenceHigh},
		{"a response evaluation pending", "response evaluation pending", "dupilumab", NotEvaluable, ConfidenceHigh},
		// near misses
		{"a criterion reached", "HiSCR achieved wk 12", "adalimumab", Partial, ConfidenceHigh},
		{"a criterion denied", "no HiSCR at wk 16", "secukinumab", None, ConfidenceHigh},
	})
}
