package vocab

import "testing"

// TestTimedValues reads a measure's values given at stated times without an arrow or "from
// … to" (rule 5), and leaves values whose times cannot be put in order unread. The cells come
// from the probe sets (/work/gather/probe48–56) or are near misses written beside them; each
// read as unclassified before the rule that reads it.
func TestTimedValues(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a threshold's term twice: values", "Baseline PASI 19.4 / wk 12: PASI 0 (PASI 100) / wk 52: maintained", "risankizumab", Complete, ConfidenceHigh},
		{"values at baseline and a week", "PASI 19.4 at baseline, PASI 0 at week 12", "", Complete, ConfidenceHigh},
		{"a later value without the name", "PASI 24 at baseline; 3 at week 16", "", Partial, ConfidenceHigh},
		{"the baseline before the name", "baseline EASI 32, EASI 8 at wk 16", "", Partial, ConfidenceHigh},
		{"before treatment and after months", "DLQI 20 before treatment and 2 after 3 months", "", Partial, ConfidenceHigh},
		{"a fall under half", "mRSS 30 at baseline; mRSS 18 at 12 months", "", Minimal, ConfidenceHigh},
		{"a rise", "EASI 24 at week 0 and EASI 30 at week 16", "", Progression, ConfidenceHigh},
		{"the baseline after the later value", "at 6 months SALT 20 (baseline SALT 80)", "", Partial, ConfidenceHigh},
		{"a score's part", "CDASI activity 34 at baseline; CDASI activity 10 at month 6", "", Partial, ConfidenceHigh},
		{"two sites", "mRSS 30 on the left, 18 on the right", "", Unclassified, ConfidenceNone},
		{"two values at one time", "PASI 12 at week 4 and PASI 3 at week 4", "", Unclassified, ConfidenceNone},
		{"no time stated", "PASI 12, PASI 3", "", Unclassified, ConfidenceNone},
		// a round number above the lowest threshold, higher than the value before: the level
		// reached or a worsening, which the reader cannot tell (the threshold reader reads a
		// term written twice as values, scoreThresholds)
		{"a threshold's number after a value", "PASI 20 at baseline, PASI 75 at week 16", "", Unclassified, ConfidenceNone},
		{"round values that fall", "SALT 80 at baseline, SALT 20 at 6 months", "", Partial, ConfidenceHigh},
		{"fractions are the arrow reader's", "VAS 8/10 at baseline, VAS 2/10 at week 4", "", Unclassified, ConfidenceNone},
		{"week 0 is the baseline", "SALT 100 at wk 0, 100 at wk 24", "", None, ConfidenceHigh},
		{"week 0 then not reported", "SALT 80 at wk 0; wk 36 SALT n/r", "", NotEvaluable, ConfidenceHigh},
		{"half the gain lost", "SALT 90 at wk 0, 40 at wk 12, 80 at wk 36", "", Minimal, ConfidenceHigh},
		{"a little of the gain lost", "PASI 18 bl, 3 at wk 12, 4 at wk 40", "", Partial, ConfidenceHigh},
		{"worse than baseline at last", "PASI 18 bl, 10 at wk 12, 30 at wk 40", "", Progression, ConfidenceHigh},
		{"an arrow series, value before its time: most of the gain lost on the course", "UAS7 32 -> 0 at wk 4; 28 at wk 20 still on drug", "", Progression, ConfidenceHigh},
		{"an arrow series, a later value", "EASI 24 -> 6 at wk 16; 5 at wk 52", "", Partial, ConfidenceHigh},
		{"an arrow, then a count", "EASI 24 -> 6 at wk 16; 3 injections", "", Partial, ConfidenceHigh},
		{"a time's number is no value", "UAS7 32 -> 20 at wk 4; 12 weeks later stopped", "", Minimal, ConfidenceHigh},
		{"a time's last digits are no value", "EASI 24 -> 12; day 180", "", Partial, ConfidenceHigh},
		{"a numbered time beats start", "PASI 20 at baseline, PASI 5 at 12 weeks after start of treatment", "", Partial, ConfidenceHigh},
		{"prior is no baseline of a bare number", "PASI 3 at wk 16 after failure of prior 2 biologics", "", Unclassified, ConfidenceNone},
		{"time in parentheses", "CDASI-A 26 (m0) / 4 (m6)", "", Partial, ConfidenceHigh},
		{"time in parentheses after a unit", "wound area 48 cm2 (wk 0), 21 cm2 (wk 8), 6 cm2 (wk 16)", "", Partial, ConfidenceHigh},
		{"bl between name and value", "SALT bl 92; m6 SALT 38", "", Partial, ConfidenceHigh},
		{"start and the clinical notation", "CDASI activity 19 at start; 0 at 12/12", "", Complete, ConfidenceHigh},
		{"the baseline in parentheses", "PASI 0 at wk 28 (bl 17.4)", "", Complete, ConfidenceHigh},
		{"a comma series", "PASI 14, 12, 11 at wk 0, 12, 24", "", Minimal, ConfidenceHigh},
		{"a comma series rising", "mRSS 22, 27, 31 at m0, m6, m12", "", Progression, ConfidenceHigh},
		{"a comma series of two", "EASI 30, 12 at wk 0, 16", "", Partial, ConfidenceHigh},
		{"a serial comma", "PASI 14, 12, 11 at wk 0, 12, and 24", "", Minimal, ConfidenceHigh},
		{"times out of order", "PASI 14, 12, 11 at wk 12, 0, 24", "", Unclassified, ConfidenceNone},
		{"more values than times", "PASI 20, 14, 12, 11 at wk 0, 12, 24", "", Unclassified, ConfidenceNone},
		{"the patient declined", "1 inj only, pt declined more (pain 9/10 on injection)", "", NotEvaluable, ConfidenceHigh},
	})
}

// TestPlainWordForms reads the twenty-second session's plain words: "did not work", "worked
// well", "no better than", "the same", "not changed", words of other languages; it keeps the
// patient's own work and the treatment's unchanged dose apart, and proposes weak words only.
func TestPlainWordForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"did not work", "steroids did not work", "prednisone", None, ConfidenceHigh},
		{"didn't work", "didn't work", "", None, ConfidenceHigh},
		{"worked well", "the drug worked well", "", Partial, ConfidenceHigh},
		{"worked alone is weak", "it worked", "", Partial, ConfidenceLow},
		{"no better than", "no better than placebo", "", None, ConfidenceHigh},
		{"were same", "the joint contractures and skin hardness were same at control visit", "", None, ConfidenceHigh},
		{"were the same", "Annular plaques were the same at the 6-month visit", "", None, ConfidenceHigh},
		{"the patient's work", "she did not work for six months", "sertraline", Unclassified, ConfidenceNone},
		{"back to work", "he returned to work after 3 months", "", Partial, ConfidenceHigh},
		{"they are the drugs", "steroids were tried but they did not work", "prednisone", None, ConfidenceHigh},
		{"the same after a response", "mo 2 rings paler; mo 4 ~half flattened; mo 8 about the same", "", Partial, ConfidenceLow},
		{"same as before is the last visit", "mo 3 same as before", "", Unclassified, ConfidenceNone},
		{"not changed", "The complaints were not changed", "", None, ConfidenceHigh},
		{"not changed in its own clause", "Continued at the same dose. Not changed", "", None, ConfidenceHigh},
		{"the dose not changed", "dose was not changed", "", Unclassified, ConfidenceNone},
		{"the treatment not changed", "the treatment was not changed", "", Unclassified, ConfidenceNone},
		{"changed to, a switch", "changed to terbinafine", "", Unclassified, ConfidenceNone},
		{"nil resp", "nil resp after 3/12 of clobetasol under occlusion", "", None, ConfidenceHigh},
		{"recurrent crops on the course", "recurrent crops on dapsone", "dapsone", Progression, ConfidenceHigh},
		{"epithelised", "the ulcer was epithelised totally after 6 weeks", "", Complete, ConfidenceHigh},
		{"no more episodes", "no more episodes of angioedema at 1 yr", "", Complete, ConfidenceHigh},
		{"did not report other episodes", "Six months later he had no dietary restrictions and did not report other episodes.", "", Complete, ConfidenceHigh},
		{"other episodes", "she had other episodes of flushing", "", Progression, ConfidenceHigh},
		{"did not revert", "three doses of adenosine were given but rhythm did not revert", "adenosine", None, ConfidenceHigh},
		{"achieved is weak", "Social continence was achieved from the first injection.", "", Partial, ConfidenceLow},
		{"not achieved after a response", "HEV RNA undetectable in plasma, but sustained viral clearance not achieved", "", Complete, ConfidenceHigh},
		{"a threshold achieved", "EASI 75 achieved wk 16", "dupilumab", Partial, ConfidenceHigh},
		{"closed completely", "the ulcer was closed completely in 10 weeks", "", Complete, ConfidenceHigh},
		{"epithelization", "complete epithelization of all lesions", "", Complete, ConfidenceHigh},
		{"nothing happen", "nothing happen", "", None, ConfidenceHigh},
		{"spreaded", "calcinosis spreaded to both thighs", "", Progression, ConfidenceHigh},
		{"tendency to improve, the whole cell", "tendency to improve", "", Minimal, ConfidenceHigh},
		{"tendency to improvement, weak", "tendency to improvement in L thresholds at 3 mo", "", Minimal, ConfidenceLow},
		{"German", "Kein Ansprechen", "", None, ConfidenceHigh},
		{"Spanish", "mejoró poco", "", Minimal, ConfidenceHigh},
		{"Turkish", "eritrodermi düzeldi", "", Partial, ConfidenceHigh},
		{"Turkish negation", "regresyon yok", "", None, ConfidenceHigh},
		{"response not done", "TG high + hypothyroid, stopped, response ND", "bexarotene", NotEvaluable, ConfidenceHigh},
		{"progression stopped", "progression was stopped", "", None, ConfidenceHigh},
	})
}
