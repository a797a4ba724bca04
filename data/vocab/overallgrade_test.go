package vocab

import "testing"

// TestOverallGradeAndTranslatedDegrees reads what blind probes of psoriasis and eczema
// registries, calcinosis reports, translated vasculitis reports and graft-versus-host sheets
// showed the reader missing (docs/outcomes.md, twenty-eighth session), each beside a near
// miss that must keep its reading.
func TestOverallGradeAndTranslatedDegrees(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// the authors' overall grade short of complete beside a finding gone
		{"partial response beside a site cleared", "partial response; the lesions on the arms cleared", "", Partial, ConfidenceHigh},
		{"a minimal overall grade beside a finding gone", "mild improvement; itch resolved", "", Minimal, ConfidenceLow},
		{"near miss: praise beside a finding gone", "good response; lesions cleared", "", Complete, ConfidenceHigh},
		{"near miss: the grade at an earlier time", "partial response at 3 mo; lesions cleared at 6 mo", "", Complete, ConfidenceHigh},
		{"near miss: then orders them", "partial response, then the lesions cleared", "", Complete, ConfidenceHigh},
		{"near miss: a function's degree is no overall grade", "remained seizure-free for six months and is also experiencing mild motor improvement", "", Complete, ConfidenceHigh},
		// degrees in translated reports
		{"discrete improvement", "Discrete improvement", "SSKI", Minimal, ConfidenceHigh},
		{"improved discretely", "The pustules improved discretely in 12 weeks", "adalimumab", Minimal, ConfidenceHigh},
		{"withdrawn after review: light is also light therapy", "narrowband UVB light cleared the plaques", "NB-UVB", Complete, ConfidenceHigh},
		{"subtle reduction", "Subtle reduction in the density of the deposits on radiographs", "probenecid", Minimal, ConfidenceHigh},
		{"near miss: discrete lesions", "discrete papules resolved", "dapsone", Complete, ConfidenceHigh},
		// several patients
		{"they all responded", "They all responded to colchicine", "colchicine", Unclassified, ConfidenceNone},
		{"in the cohort", "median NIH skin score fell from 2 to 1 in the cohort", "ruxolitinib", Unclassified, ConfidenceNone},
		// a manifestation that stopped
		{"drainage from a site stopped", "Drainage from the sinuses stopped completely", "minocycline", Complete, ConfidenceHigh},
		{"seizures stopped", "the seizures stopped", "", Complete, ConfidenceHigh},
		{"near miss: the disease stopped progressing", "the disease stopped progressing", "", None, ConfidenceHigh},
		{"near miss: a stop of the course", "stopped after 2 weeks", "", NotEvaluable, ConfidenceLow},
		// what remains beside a finding gone (rule 8)
		{"hives persisted, with a note", "angioedema resolved, hives persisted (UAS7 8)", "omalizumab", Partial, ConfidenceHigh},
		{"near miss: remained asymptomatic", "angioedema resolved and she remained asymptomatic", "omalizumab", Complete, ConfidenceHigh},
		// thresholds, scores and returns to baseline
		{"withdrawn after review: a threshold beside the score's values may be a goal", "Goal PASI75; PASI 14 → 10 at wk 16", "ustekinumab", Minimal, ConfidenceHigh},
		{"near miss: the score's values alone", "SALT 100 at baseline, SALT 80 at week 24", "baricitinib", Minimal, ConfidenceHigh},
		{"the NIH skin score", "NIH skin 3 → 1", "ruxolitinib", Partial, ConfidenceHigh},
		{"withdrawn after review: a harm that returned to baseline", "creatinine rose but returned to baseline after dose reduction; lesions healed", "sodium thiosulfate", Complete, ConfidenceHigh},
		{"near miss: the patient back to her baseline", "she returned to her baseline after 2 weeks", "", Complete, ConfidenceHigh},
		{"a relapse after tapering off", "cleared (PASI 0) at 6 mo, relapsed after tapering off", "methotrexate", Complete, ConfidenceHigh},
		{"near miss: a relapse while tapering", "cleared at 6 mo, relapsed while tapering", "methotrexate", Progression, ConfidenceHigh},
		// the size of a change in parentheses after its object
		{"fewer pustules (~30%)", "fewer pustules (~30%)", "doxycycline", Minimal, ConfidenceHigh},
		{"less itch (about 40 %)", "less itch (about 40 %)", "", Minimal, ConfidenceHigh},
		{"near miss: counts in parentheses", "fewer flares (2 vs 6 per year)", "", Partial, ConfidenceHigh},
		// a response in a concession after a stop; a pending response with its time
		{"much better after although", "stopped wk 2 (pt choice) although itch already much better", "abrocitinib", Partial, ConfidenceHigh},
		{"response pending with its visit", "response pending (wk 4 visit)", "dupilumab", NotEvaluable, ConfidenceHigh},
	})
}

// TestSeriesWorseThanBest reads a series of a lower-is-better measure whose last value is
// worse than its best (docs/outcomes.md, twenty-eighth session).
func TestSeriesWorseThanBest(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"back above the first value", "PASI 12 → 6 → 14 (wk 0/12/24)", "secukinumab", Progression, ConfidenceHigh},
		{"back to the first value at a later time", "EASI 20→4 at wk 16, 22 at wk 40 on drug", "dupilumab", Progression, ConfidenceHigh},
		{"more than half the gain lost", "PASI 15 → 3 → 10", "ustekinumab", Progression, ConfidenceHigh},
		{"near miss: a loss told beside a stop may be after the course", "PASI 12→6→14 after MTX was stopped at wk 12", "methotrexate", Partial, ConfidenceLow},
		{"near miss: a percentage that is an extent", "fewer pustules (30% of BSA at baseline)", "", Partial, ConfidenceHigh},
		{"near miss: a stop of the course after a symptom", "pain in the chest so methotrexate stopped", "methotrexate", NotEvaluable, ConfidenceLow},
		{"near miss: one finding's slight grade", "slight improvement of nail psoriasis; skin completely clear", "", Complete, ConfidenceHigh},
		{"near miss: grades at two doses", "slight improvement on 20 mg; resolved on 40 mg", "", Complete, ConfidenceHigh},
		{"a little of the gain lost", "EASI 27 → 13 (wk 16) → 15 (wk 24)", "dupilumab", Partial, ConfidenceLow},
		{"near miss: still falling", "mRSS 35→20; mo 12 10; mo 24 6", "", Partial, ConfidenceHigh},
		{"near miss: a higher-is-better measure reads its last value", "plt 6 -> 98 -> 40", "", Partial, ConfidenceHigh},
	})
}

// TestFailedAbbreviationsAndKeptDoses reads what blind probes of autoinflammatory and
// blistering-disease registries showed (docs/outcomes.md, twenty-eighth session).
func TestFailedAbbreviationsAndKeptDoses(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"abbreviations that failed are other treatments", "failed AZA and MTX before.", "mycophenolate", Unclassified, ConfidenceNone},
		{"near miss: the course itself failed", "failed after 3 months", "mycophenolate", None, ConfidenceHigh},
		{"a dose kept is no outcome", "questionable benefit, pred dose unchanged at 40 mg", "IVIG", Partial, ConfidenceLow},
		{"near miss: lesions unchanged", "dose was unchanged; lesions unchanged", "", None, ConfidenceHigh},
		{"a terse comparative before but", "itch better but blisters continued at about the same rate", "dupilumab", Partial, ConfidenceLow},
		{"near miss: better than expected", "better than expected", "", Unclassified, ConfidenceNone},
	})
}
