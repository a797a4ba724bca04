package vocab

import "testing"

// TestTimeCourseForms holds the reader to the forms that the rules of the nineteenth session of
// 2026-12-07 read, most of them in cells that summarise a long follow-up: a measure's values
// over time, each after its time ("mRSS 31 → 24 mo 6 → 17 mo 12", "EASI 24→15; wk 32 EASI
// 11"), read from the first value to the last; a response regained on the same course after a
// relapse on it ("cleared again", "dose increased"); "same" as the grade of a time point ("mo 3
// same; mo 6 same; stopped"). Most rows have a near miss beside them, which
// must keep its old reading.
func TestTimeCourseForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a series of values: the first against the last
		{"a series with times after the values", "mRSS 31 → 24 mo 6 → 17 mo 12 → 12 mo 24; FVC stable", "", Partial, ConfidenceHigh},
		{"a series after a time each", "mo 6 mRSS 35→20; mo 12 10; mo 24 6; mo 36 4", "", Partial, ConfidenceHigh},
		{"a series down to zero", "wk 4 papules 20→12; wk 12 3; wk 16 0", "", Complete, ConfidenceHigh},
		{"a series with the measure repeated", "mo 1 EASI 40→18; mo 3 EASI 9", "", Partial, ConfidenceHigh},
		{"a series of decimals", "wk 12 F-VASI 1.8→1.5; wk 24 1.0; wk 52 0.4", "", Partial, ConfidenceHigh},
		{"no series: a count of something else after the time", "PASI 20→10; wk 12 3 new plaques", "", Partial, ConfidenceLow},
		{"no series: another measure after the time", "EASI 24→15; wk 32 DLQI 2", "", Minimal, ConfidenceHigh},
		{"one pair", "mRSS 31 → 24 at 6 mo", "", Minimal, ConfidenceHigh},
		// a response regained on the same course after a relapse on it
		{"cleared again after a dose increase", "cleared; flare on taper; dose increased and cleared again", "prednisone", Complete, ConfidenceHigh},
		{"cleared again", "lesions cleared; flare on taper, cleared again", "", Complete, ConfidenceHigh},
		{"cleared again after another drug was added", "improved on azathioprine, relapsed on taper, cleared again after rituximab was added", "azathioprine", Progression, ConfidenceHigh},
		{"a relapse on the course, not regained", "improved, then relapsed on treatment", "", Progression, ConfidenceHigh},
		// "same" as a time point's grade: the whole of its clause but for a time and a subject
		{"same at each time point, then a stop", "mo 1 same; mo 3 same; mo 4 drug rash -> stopped", "", None, ConfidenceHigh},
		{"same after a subject", "mo 1 blisters same; mo 3 same; mo 4 stopped", "", None, ConfidenceHigh},
		{"same beside a part not read", "mo 3 plaque same; mo 6 same; mo 9 two shiny papules", "", None, ConfidenceLow},
		{"same, then a satellite lesion", "mo 3 plaque same; mo 6 same; mo 9 satellite nodule", "", Progression, ConfidenceHigh},
		{"same, then a new area", "mo 3 same; mo 6 new erosive area L buccal", "", Progression, ConfidenceHigh},
		{"same yields to a stated response", "Pain improved; lesions same", "", Partial, ConfidenceHigh},
		{"same after responses", "wk 2 itch halved; wk 4 fewer vesicles; wk 12 same", "", Partial, ConfidenceHigh}, // as "fewer papules": vesicles are a measure (scores.tsv)
		{"same dose is no grade", "same dose continued", "", None, ConfidenceLow},
		{"same as before is no clause grade", "mo 3 same as before", "", Unclassified, ConfidenceNone},
	})
}

// TestNumericCellForms holds the reader to the numeric forms the nineteenth session's rules
// read: a long arrow ("-->"), a score's value at baseline written "bl" (no response
// threshold), the measures of lesion areas, volumes, thicknesses, foci and skin scores added
// to scores.tsv, measures named only in capitals, slash-separated lists of values and sizes
// after a lesion's name, several measures each at zero, counts of new lesions per time.
func TestNumericCellForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a long arrow", "PASI 24 --> 1.2", "", Partial, ConfidenceHigh},
		{"a double arrow", "PASI 24 ==> 20", "", Minimal, ConfidenceHigh},
		{"a threshold's number at baseline", "SALT 100 at bl; \"encouraging\" at 6 mo, no score", "", Unclassified, ConfidenceNone},
		{"a threshold's number at bl, then a stop", "PASI 18 bl; stopped after dose 1 (cost)", "", NotEvaluable, ConfidenceLow},
		{"a threshold reached", "SALT90 at wk 24", "", Partial, ConfidenceHigh},
		{"a threshold with its response word", "SALT 90 response at wk 24", "", Partial, ConfidenceHigh},
		// SALT's own values reach its thresholds: "SALT 90" spaced is 90 % of the scalp bare
		{"a spaced SALT is the score's value", "SALT 90 at wk 24", "", Unclassified, ConfidenceNone},
		{"a spaced SALT 100 is a bare scalp", "wk 48 SALT 100; fine vellus only", "", Unclassified, ConfidenceNone},
		{"a spaced SALT not achieved", "did not achieve SALT 50 by wk 36", "", None, ConfidenceHigh},
		{"a spaced SALT not reached", "SALT 50 not reached at wk 36", "", None, ConfidenceHigh},
		{"a lesion volume on CT", "CT vol 22 → 21 cm3", "", None, ConfidenceHigh},
		{"a calcified area to zero", "XR calcified area 18 cm2 -> 0 at 2 yrs", "", Complete, ConfidenceHigh},
		{"foci of uptake", "99mTc-MDP: 7 foci → 2 foci", "", Partial, ConfidenceHigh},
		{"an acne grade", "GAGS 28 → 10", "", Partial, ConfidenceHigh},
		{"a localized scleroderma activity index", "LoSAI 12 → 4", "", Partial, ConfidenceHigh},
		{"an area, as a size is read (sizeContext)", "area 12.5 cm² → 5.0 cm²", "", Partial, ConfidenceHigh},
		{"an area, its unit written once", "Eschars lifted, granulation underneath; 35 → 16 cm2 at wk 10", "", Partial, ConfidenceHigh},
		{"a series of areas: the first and the last", "area 18 cm2 → 11 cm2 (wk 8) → 4 cm2 (wk 12)", "", Partial, ConfidenceHigh},
		{"an area after an unknown name", "PG 18 cm2 → 11 cm2 (wk 8) → 9 cm2 (wk 12)", "", Unclassified, ConfidenceNone},
		{"an area that grew, with an arrow", "ulcer area 4 cm2 → 9 cm2", "", Progression, ConfidenceHigh},
		{"a series of areas, the unit on the last value", "12.6 → 6.1 → 2.0 cm2", "", Partial, ConfidenceHigh},
		{"an area to nothing, the unit on the first value", "3.2 cm2 → 0 at wk 12", "", Complete, ConfidenceHigh},
		{"near miss: areas with to may be a range", "lesions of 2 to 6 cm2", "", Unclassified, ConfidenceNone},
		{"near miss: two units of area", "4 cm2 → 90 mm2", "", Unclassified, ConfidenceNone},
		{"an onychomycosis severity index", "OSI 12 → 4", "", Partial, ConfidenceHigh},
		{"an oral lichen planus score", "Thongprasom score 5 → 3", "", Minimal, ConfidenceHigh},
		{"AN is a word in prose", "Her status declined—an arterial blood gas showed 7.20/107/78.", "", Partial, ConfidenceLow},
		// measures named in capitals only (scores.tsv case "capitals")
		{"AN in capitals", "AN 20 -> 8 at end of course", "", Partial, ConfidenceHigh},
		{"UP (urine protein) in capitals", "24h UP 7 -> 2.7 g at 4 wk, still dipstick-positive", "", Partial, ConfidenceHigh},
		{"up is a word", "dose up 10 -> 20 mg", "", Unclassified, ConfidenceNone},
		{"IGA in capitals", "IGA 3 -> 1", "", Partial, ConfidenceHigh},
		{"IgA is immunoglobulin A", "IgA 300 -> 100", "", Unclassified, ConfidenceNone},
		{"a score in lower case", "pasi 18 -> 2", "", Partial, ConfidenceHigh},
		// slash-separated lists: values at as many times, and several lesions' sizes
		{"values at as many times", "UAS7 40/22/17 at wk 0/4/12", "", Partial, ConfidenceHigh},
		{"values rising at as many times", "nodule count 9 / 9 / 12 at mo 0 / 6 / 12", "", Progression, ConfidenceHigh},
		{"values at baseline and a time", "US plaque thickness 6.1 mm / 5.9 mm (bl / mo 6)", "", None, ConfidenceHigh},
		{"a threshold's number first in a list", "SALT 100/60/15 at 0/3/6 mo", "", Partial, ConfidenceHigh},
		{"times that do not rise are no list", "UAS7 40/22/17 at wk 12/4/0", "", Unclassified, ConfidenceNone},
		{"several lesions' sizes", "3 nodules 15/10/8 mm → 6/4/0 mm", "", Partial, ConfidenceHigh},
		{"a denominator is no list", "pain 7/10 → 2/10", "", Partial, ConfidenceHigh},
		{"Snellen fractions are no list", "BCVA 20/200 → 20/40", "", Partial, ConfidenceHigh},
		// sizes after a lesion's name; a size to zero in fewer dimensions
		{"a size after a lesion's name", "deposit 2 cm -> 0.8cm", "", Partial, ConfidenceHigh},
		{"a size to zero", "ulcer 6 x 4 cm -> 0 x 0 at wk 10", "", Complete, ConfidenceHigh},
		{"a size to a bare zero", "ulcer 30 x 25 mm → 0, scar at d90", "", Complete, ConfidenceHigh},
		{"a size of another measure", "Schirmer 3 mm → 10 mm", "", Unclassified, ConfidenceNone},
		// several measures each at zero; counts of new lesions per time
		{"two scores at zero", "EASI 0, vIGA-AD 0 at wk 8", "", Complete, ConfidenceHigh},
		{"a score at zero beside one not", "EASI 0, itch NRS 3", "", Unclassified, ConfidenceNone},
		{"new blisters per week falling", "new blisters/wk 30 → 5", "", Partial, ConfidenceHigh},
		{"new lesions per month falling", "New lesions/month: 20 -> 3 (mo 4)", "", Partial, ConfidenceHigh},
		{"new blisters per week rising", "new blisters/wk 5 → 30", "", Progression, ConfidenceHigh},
		{"new lesions alone", "new lesions", "", Progression, ConfidenceHigh},
		{"attacks per month", "attacks per month 4 -> 1", "", Partial, ConfidenceHigh},
	})
}

// TestMessyCellForms holds the reader to the forms of hurried or shared sheets that the
// nineteenth session's rules read: a question mark on the deciding phrase is a hedge (low
// confidence), but not the question of a label a yes or a no answers; "maybe", "perhaps",
// "seems" hedge; outcome words of other languages, whose negations are whole phrases; "not
// yet" negates, and a response not yet reached, a non-response "yet" or a small change before
// loss to follow-up is read with low confidence.
func TestMessyCellForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a question mark after the phrase", "CR??", "", Complete, ConfidenceLow},
		{"a question mark before the phrase", "?PR", "", Partial, ConfidenceLow},
		{"a question mark after a change", "PASI 21 -> 9 ?", "", Partial, ConfidenceLow},
		{"a label's question answered no", "Improved? No", "", None, ConfidenceHigh},
		{"a question mark ending a label", "Response? PR", "", Partial, ConfidenceHigh},
		{"maybe", "vertigo maybe slightly better", "", Minimal, ConfidenceLow},
		{"seems", "seems better", "", Partial, ConfidenceLow},
		{"Spanish", "mejoría parcial de las úlceras", "", Partial, ConfidenceHigh},
		{"Spanish negation", "sin cambios", "", None, ConfidenceHigh},
		{"Portuguese", "repigmentação completa da face", "", Complete, ConfidenceHigh},
		{"Italian negation", "nessun miglioramento", "", None, ConfidenceHigh},
		{"German", "leichte Besserung", "", Minimal, ConfidenceHigh},
		{"German negation", "keine Besserung der Kalzinose", "", None, ConfidenceHigh},
		{"French", "rémission complète", "", Complete, ConfidenceHigh},
		{"an English slip stays English", "Complete remision after 3 months", "", Complete, ConfidenceHigh},
		// "not yet" negates; a non-response "yet" may be too early to judge
		{"not yet improved", "not yet improved", "", None, ConfidenceLow},
		{"have not yet healed", "lesions have not yet healed", "", None, ConfidenceLow},
		{"have not healed", "lesions have not healed", "", None, ConfidenceHigh},
		{"no change yet", "wk 4 no change yet", "", None, ConfidenceLow},
		{"no change", "wk 4 no change", "", None, ConfidenceHigh},
		// a small change before loss to follow-up
		{"a small measured change, then lost", "PASI 15 → 9 at wk 4, then LTFU", "", Minimal, ConfidenceLow},
		{"a clear change, then lost", "PASI 20 → 4, then lost to follow-up", "", Partial, ConfidenceHigh},
		{"no response said outright, then lost", "no response after 3 doses, then lost to follow-up", "", None, ConfidenceHigh},
		// "more" lesions, as "new" lesions: secondary
		{"more blisters in capitals", "MORE BLISTERS", "", Progression, ConfidenceHigh},
		{"more lesions in a sentence", "more lesions than baseline", "", Progression, ConfidenceLow},
		{"more lesions healed", "more lesions healed", "", Complete, ConfidenceLow},
	})
}
