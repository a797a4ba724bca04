package vocab

import "testing"

// TestTimedValues reads a measure's values given at stated times without an arrow or "from
// … to" (rule 5), and leaves values whose times cannot be put in order unread.
func TestTimedValues(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"risankizumab", "Baseline PASI 19.4 / wk 12: PASI 0 (PASI 100) / wk 52: maintained", Complete, ConfidenceHigh},
		{"x", "PASI 19.4 at baseline, PASI 0 at week 12", Complete, ConfidenceHigh},
		{"x", "PASI 24 at baseline; 3 at week 16", Partial, ConfidenceHigh},
		{"x", "baseline EASI 32, EASI 8 at wk 16", Partial, ConfidenceHigh},
		{"x", "DLQI 20 before treatment and 2 after 3 months", Partial, ConfidenceHigh},
		{"x", "mRSS 30 at baseline; mRSS 18 at 12 months", Minimal, ConfidenceHigh},
		{"x", "EASI 24 at week 0 and EASI 30 at week 16", Progression, ConfidenceHigh},
		// the baseline written after the later value
		{"x", "at 6 months SALT 20 (baseline SALT 80)", Partial, ConfidenceHigh},
		{"x", "CDASI activity 34 at baseline; CDASI activity 10 at month 6", Partial, ConfidenceHigh},
		// near misses: two sites, two values at one time, no time stated, a threshold's
		// number, a fraction
		{"x", "mRSS 30 on the left, 18 on the right", CategoryUnknown, ConfidenceNone},
		{"x", "PASI 12 at week 4 and PASI 3 at week 4", CategoryUnknown, ConfidenceNone},
		{"x", "PASI 12, PASI 3", CategoryUnknown, ConfidenceNone},
		// a round number above the lowest threshold, higher than the value before: the level
		// reached or a worsening, which the reader cannot tell (the threshold reader reads a
		// term written twice as values, scoreThresholds)
		{"x", "PASI 20 at baseline, PASI 75 at week 16", CategoryUnknown, ConfidenceNone},
		{"x", "SALT 80 at baseline, SALT 20 at 6 months", Partial, ConfidenceHigh},
		{"x", "VAS 8/10 at baseline, VAS 2/10 at week 4", CategoryUnknown, ConfidenceNone},
		// week 0 is the baseline: a value, not a threshold ("SALT 100" at week 0 is no regrowth)
		{"x", "SALT 100 at wk 0, 100 at wk 24", None, ConfidenceHigh},
		{"x", "SALT 80 at wk 0; wk 36 SALT n/r", NotEvaluable, ConfidenceHigh},
		// a later value with no name is no threshold; a value that lost at least half the
		// gain of a better one before it is a response that did not last
		{"x", "SALT 90 at wk 0, 40 at wk 12, 80 at wk 36", Minimal, ConfidenceHigh},
		{"x", "PASI 18 bl, 3 at wk 12, 4 at wk 40", Partial, ConfidenceHigh},
		// an arrow's series goes on with a value before its time
		{"x", "UAS7 32 -> 0 at wk 4; 28 at wk 20 still on drug", Minimal, ConfidenceHigh},
		{"x", "EASI 24 -> 6 at wk 16; 5 at wk 52", Partial, ConfidenceHigh},
		{"x", "EASI 24 -> 6 at wk 16; 3 injections", Partial, ConfidenceHigh},
		// times in parentheses, after a unit, with the name before "bl", "start" as the
		// baseline, and a baseline value after the later one
		{"x", "CDASI-A 26 (m0) / 4 (m6)", Partial, ConfidenceHigh},
		{"x", "wound area 48 cm2 (wk 0), 21 cm2 (wk 8), 6 cm2 (wk 16)", Partial, ConfidenceHigh},
		{"x", "SALT bl 92; m6 SALT 38", Partial, ConfidenceHigh},
		{"x", "CDASI activity 19 at start; 0 at 12/12", Complete, ConfidenceHigh},
		{"x", "PASI 0 at wk 28 (bl 17.4)", Complete, ConfidenceHigh},
		// values listed with commas before as many times from zero
		{"x", "PASI 14, 12, 11 at wk 0, 12, 24", Minimal, ConfidenceHigh},
		{"x", "mRSS 22, 27, 31 at m0, m6, m12", Progression, ConfidenceHigh},
		{"x", "EASI 30, 12 at wk 0, 16", Partial, ConfidenceHigh},
		{"x", "PASI 14, 12, 11 at wk 12, 0, 24", CategoryUnknown, ConfidenceNone}, // times out of order
		// review's near misses: a time's number is no value, a numbered time beats "start",
		// a bare number after "prior" is no baseline, a last value worse than baseline is a
		// worsening, more values than times are not read, a serial comma
		{"x", "UAS7 32 -> 20 at wk 4; 12 weeks later stopped", Minimal, ConfidenceHigh},
		{"x", "EASI 24 -> 12; day 180", Partial, ConfidenceHigh},
		{"x", "PASI 20 at baseline, PASI 5 at 12 weeks after start of treatment", Partial, ConfidenceHigh},
		{"x", "PASI 3 at wk 16 after failure of prior 2 biologics", CategoryUnknown, ConfidenceNone},
		{"x", "PASI 18 bl, 10 at wk 12, 30 at wk 40", Progression, ConfidenceHigh},
		{"x", "PASI 20, 14, 12, 11 at wk 0, 12, 24", CategoryUnknown, ConfidenceNone},
		{"x", "PASI 14, 12, 11 at wk 0, 12, and 24", Minimal, ConfidenceHigh},
		// the patient declined: a refusal, not a fall
		{"x", "1 inj only, pt declined more (pain 9/10 on injection)", NotEvaluable, ConfidenceHigh},
	})
}

// TestWorkAndSameForms reads "did not work", "worked well", "no better than" and "the same" as
// authors write them, and keeps the patient's own work and a state kept after a response apart.
func TestWorkAndSameForms(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"prednisone", "steroids did not work", None, ConfidenceHigh},
		{"x", "didn't work", None, ConfidenceHigh},
		{"x", "the drug worked well", Partial, ConfidenceHigh},
		{"x", "no better than placebo", None, ConfidenceHigh},
		{"x", "the joint contractures and skin hardness were same at control visit", None, ConfidenceHigh},
		{"x", "Annular plaques were the same at the 6-month visit", None, ConfidenceHigh},
		// the patient's work, not the drug's
		{"sertraline", "she did not work for six months", CategoryUnknown, ConfidenceNone},
		{"x", "he returned to work after 3 months", Partial, ConfidenceHigh},
		{"prednisone", "steroids were tried but they did not work", None, ConfidenceHigh},
		{"x", "Continued at the same dose. Not changed", None, ConfidenceHigh},
		{"x", "mo 3 same as before", CategoryUnknown, ConfidenceNone},
		// "not changed" of a finding, not of the treatment
		{"x", "The complaints were not changed", None, ConfidenceHigh},
		{"x", "dose was not changed", CategoryUnknown, ConfidenceNone},
		{"x", "the treatment was not changed", CategoryUnknown, ConfidenceNone},
		{"x", "changed to terbinafine", CategoryUnknown, ConfidenceNone},
		{"x", "nil resp after 3/12 of clobetasol under occlusion", None, ConfidenceHigh},
		{"dapsone", "recurrent crops on dapsone", Progression, ConfidenceHigh},
		{"x", "the ulcer was epithelised totally after 6 weeks", Complete, ConfidenceHigh},
		{"x", "no more episodes of angioedema at 1 yr", Complete, ConfidenceHigh},
		{"x", "Six months later he had no dietary restrictions and did not report other episodes.", Complete, ConfidenceHigh},
		{"x", "she had other episodes of flushing", Progression, ConfidenceHigh},
		{"adenosine", "three doses of adenosine were given but rhythm did not revert", None, ConfidenceHigh},
		// "achieved" names what was reached, which may be short of the aim: proposed only
		{"x", "Social continence was achieved from the first injection.", CategoryUnknown, ConfidenceLow},
		{"x", "HEV RNA undetectable in plasma, but sustained viral clearance not achieved", Complete, ConfidenceHigh},
		{"dupilumab", "EASI 75 achieved wk 16", Partial, ConfidenceHigh},
		{"x", "the ulcer was closed completely in 10 weeks", Complete, ConfidenceHigh},
		{"x", "complete epithelization of all lesions", Complete, ConfidenceHigh},
		{"x", "nothing happen", None, ConfidenceHigh},
		{"x", "calcinosis spreaded to both thighs", Progression, ConfidenceHigh},
		{"x", "tendency to improve", Minimal, ConfidenceHigh}, // the whole cell: the authors' own grade
		{"x", "tendency to improvement in L thresholds at 3 mo", CategoryUnknown, ConfidenceLow},
		// words of other languages in English sheets
		{"x", "Kein Ansprechen", None, ConfidenceHigh},
		{"x", "mejoró poco", Minimal, ConfidenceHigh},
		{"x", "eritrodermi düzeldi", Partial, ConfidenceHigh},
		{"x", "regresyon yok", None, ConfidenceHigh},
		{"bexarotene", "TG high + hypothyroid, stopped, response ND", NotEvaluable, ConfidenceHigh},
		{"x", "progression was stopped", None, ConfidenceHigh},
	})
}

// TestWorkAndSameProposals checks the proposal of readings left to a reviewer.
func TestWorkAndSameProposals(t *testing.T) {
	for _, tc := range []struct {
		text     string
		proposed Category
	}{
		{"it worked", Partial}, // a benefit in a weak word
		// "the same" after a response is a state kept, as "unchanged" is (rule 8)
		{"mo 2 rings paler; mo 4 ~half flattened; mo 8 about the same", Partial},
	} {
		o := Default().OutcomeFor(tc.text, nil)
		if o.Confidence != ConfidenceLow || o.Proposed != tc.proposed {
			t.Errorf("OutcomeFor(%q) = %s, proposed %v; want low, proposed %v", tc.text, o.Confidence, o.Proposed, tc.proposed)
		}
	}
}
