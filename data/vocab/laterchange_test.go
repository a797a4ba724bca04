package vocab

import "testing"

// TestChangesAtLaterTimes reads changes whose subject or time is carried over from a statement
// before them (docs/outcomes.md, twenty-sixth session), each beside a near miss that must keep
// its old reading.
func TestChangesAtLaterTimes(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a change word whose subject is left out takes the measure of the change before it
		{"a rise, then a fall of the same measure on the taper", "plt rose and SDH resolved, but fell on steroid taper", "prednisolone", Progression, ConfidenceHigh},
		{"a rise, then a fall at no stated time", "platelets rose, then fell again", "prednisolone", Partial, ConfidenceLow},
		{"a fall on the taper, the measure named", "platelets fell again on taper", "prednisolone", Progression, ConfidenceLow},
		{"near miss: a worsening, then a rise after another drug", "Haemoglobin fell despite iron supplementation, but rose after darbepoetin", "", Progression, ConfidenceLow},
		{"near miss: a change word with its own object", "disease progression with further increased dyspnoea, reduced exercise tolerance", "", Progression, ConfidenceHigh},
		// a percentage at a later time continues the change of the one before
		{"percentages at two times: the later", "~40% smaller at wk 6, ~65% at wk 12", "", Partial, ConfidenceHigh},
		{"near miss: one percentage", "~40% smaller at wk 6", "", Minimal, ConfidenceHigh},
		// lesions back, new or again after a response: a relapse, read by time
		{"ulcers back on the course", "healed wk 8, ulcers back by wk 20 on warfarin (INR in range)", "warfarin", Progression, ConfidenceHigh},
		{"ulcers back at no stated time", "healed, ulcers back by wk 20", "warfarin", Complete, ConfidenceLow},
		{"any lesion noun that came back (cameBackPhrase)", "papules cleared by wk 6; papules came back at wk 14 on the same dose", "isotretinoin", Progression, ConfidenceHigh},
		{"were back", "healed, ulcers were back by wk 20 on warfarin", "warfarin", Progression, ConfidenceHigh},
		{"near miss: pain returned to normal is no relapse", "pain returned to normal levels", "", Complete, ConfidenceHigh},
		{"new ulcers later on the same dose", "cleared at 3 mo; new ulcers at mo 7 on the same dose", "tofacitinib", Progression, ConfidenceHigh},
		{"lesions again, a time before them", "After 3 months complete disappearance of oral and genital ulcers, but on month 7 again some aphthae on the same dose", "tofacitinib", Progression, ConfidenceHigh},
		{"new lesions later, time not stated", "marked improvement, then new lesions", "", Partial, ConfidenceLow},
		{"near miss: new lesions at another site at no later time", "marked improvement but new lesions on the legs", "", Partial, ConfidenceLow},
		{"near miss: again before a response word", "again the ulcers healed", "", Complete, ConfidenceHigh},
		// the authors' "only" before a minority of the sites
		{"only a minority of the lesions cleared", "only 5 of 25 lesions cleared", "", Minimal, ConfidenceHigh},
		{"near miss: a minority without only (rule 8)", "2/5 healed", "", Partial, ConfidenceHigh},
	})
}

// TestGroupsAndShares reads cells about several patients and percentages stated in
// non-native or colour words (docs/outcomes.md, twenty-sixth session), with near misses.
func TestGroupsAndShares(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a cell that opens with its group", "of 12 infants in the series, 10 showed an excellent response", "propranolol", Unclassified, ConfidenceNone},
		{"a median and its range", "Median LPPAI reduction 60% (range 20–90)", "", Unclassified, ConfidenceNone},
		{"near miss: a mean and its SD may be one patient's", "mean PASI reduction 70% (SD 12)", "", Partial, ConfidenceHigh},
		{"near miss: a normal range", "mean ammonia 75 vs 140 umol/L before (normal range 50–80), he had fewer episodes", "", Partial, ConfidenceHigh},
		{"near miss: the mother of two children", "a mother of two children; lesions cleared", "", Complete, ConfidenceHigh},
		{"a share of lightening", "~35% lighter, family satisfied", "", Minimal, ConfidenceHigh},
		{"a colour word as the change", "lightening 25%", "", Minimal, ConfidenceHigh},
		{"of for by", "nail dystrophy ameliorated of around 30% in 4 months", "", Minimal, ConfidenceHigh},
		{"near miss: of names what changed", "reduction of 30% of the lesions", "", Minimal, ConfidenceHigh},
	})
}

// TestTerseNonNativeNotes reads terse notes in non-native English (docs/outcomes.md,
// twenty-sixth session), with near misses.
func TestTerseNonNativeNotes(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a base form for the past", "aggravate after 1 mo", "", Progression, ConfidenceHigh},
		{"a terse stop with its reason", "conjunctivitis, stop after 2 injection", "dupilumab", NotEvaluable, ConfidenceHigh},
		{"near miss: stop as an infinitive", "The patient was advised to stop the peanut OIT three days after symptom onset, but the vomiting continued for another 8 days.", "peanut OIT", None, ConfidenceLow},
		{"lost f/u", "herpes zoster at wk3, JAKi hold, lost f/u", "baricitinib", NotEvaluable, ConfidenceHigh},
		{"other for another", "transferred to other hospital", "", NotEvaluable, ConfidenceHigh},
		{"on same dose: a relapse on the course", "PR at wk12, then flare on same dose at wk20", "rituximab", Progression, ConfidenceHigh},
		{"a manifestation of the skin fell by a share", "rash decreased about 60%", "", Partial, ConfidenceHigh},
		{"a softening by a share", "partial softening ~20%", "", Minimal, ConfidenceHigh},
	})
}

// TestRegistryNotes reads a registry's notes of scores, returns and deaths (docs/outcomes.md,
// twenty-sixth session), with near misses.
func TestRegistryNotes(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"an auxiliary between a measure and its change", "anaphylaxis 40 min after 2nd dose → stopped. Before that UAS7 had fallen 26→15", "omalizumab", Minimal, ConfidenceHigh},
		{"a manifestation returned at lower doses: no stated time", "settled, but urticaria returned on doses <10 mg", "prednisolone", Partial, ConfidenceLow},
		{"near miss: returned to normal", "swelling returned to normal within 3 days", "", Complete, ConfidenceHigh},
		{"near miss: the back as a site", "warts back of hand resolved", "", Complete, ConfidenceHigh},
		{"a relapse on the same dose, then a response again", "relapsed on the same dose, responded again on 20 mg", "prednisolone", Partial, ConfidenceHigh},
		{"a mean time in a group", "In the cyclosporine group, mean time to clinical resolution was 8 days.", "ciclosporin", Unclassified, ConfidenceNone},
		{"near miss: returned to normal", "platelets returned to normal", "", Complete, ConfidenceHigh},
	})
}

// TestExtentsFractionsAndSeries reads the extent of a surface before and after, falls written
// as fractions in words, and a later value of a series after "then" (docs/outcomes.md,
// twenty-sixth session), with near misses.
func TestExtentsFractionsAndSeries(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"an affected area in percent", "Affected nail area 60% → 20% at wk 36", "itraconazole", Partial, ConfidenceHigh},
		{"an extent beside a test still positive", "Affected nail area 60% → 20% at wk 36, KOH still positive", "itraconazole", Partial, ConfidenceLow},
		{"percent of the body surface", "erosion area 20% BSA -> 5% BSA", "", Partial, ConfidenceHigh},
		{"near miss: a share that is well", "clear nail 20% → 90% at wk 48", "", Unclassified, ConfidenceNone},
		{"near miss: a percentage of a measure", "LVEF 30% → 50%", "", Partial, ConfidenceLow},
		{"new blisters that stopped", "blisters stopped by 6 mo", "", Partial, ConfidenceHigh},
		{"a fraction in words", "lesions roughly one third fewer at 3 mo", "", Minimal, ConfidenceHigh},
		{"two thirds", "ulcer two thirds smaller", "", Partial, ConfidenceHigh},
		{"near miss: a third of the patients", "a third of the patients improved", "", Unclassified, ConfidenceNone},
		{"a later value after then", "UAS7 21 → 14 at 3 mo, then 7 at 6 mo", "", Partial, ConfidenceHigh},
		{"near miss: then new wheals", "UAS7 21 → 14 at 3 mo, then new wheals at 6 mo", "", Minimal, ConfidenceLow},
	})
}

// TestProbeSixtyThree reads the forms the session's last blind probes found (docs/outcomes.md,
// twenty-sixth session), with near misses.
func TestProbeSixtyThree(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"reactivated on the course", "Responded, then reactivated at month 10 while still on 200 mg/d", "itraconazole", Progression, ConfidenceHigh},
		{"a lesion and its change, the number in parentheses", "Lesion smaller (~30%)", "", Minimal, ConfidenceHigh},
		{"residents are people", "All 5 residents cleared after the outbreak protocol", "ivermectin", Unclassified, ConfidenceNone},
		{"percentages are no time", "50% at 3 mo → 85% at 9 mo", "tacrolimus", Unclassified, ConfidenceNone},
		{"near miss: a time only", "6 months", "", NotEvaluable, ConfidenceHigh},
		{"a denied change and its object", "no reduction in flares over 2 summers", "nicotinamide", None, ConfidenceLow},
		{"near miss: no flares", "no flares over 2 summers", "nicotinamide", Complete, ConfidenceHigh},
	})
}

// TestReviewNearMisses keeps the readings a reviewer's probes of the session's rules found
// wrong (docs/outcomes.md, twenty-sixth session, "Review").
func TestReviewNearMisses(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"an area that is well grew", "granulation area 4 cm2 → 12 cm2", "NPWT", Unclassified, ConfidenceNone},
		{"a share that is well grew", "affected area with terminal hair 10% → 70%", "baricitinib", Unclassified, ConfidenceNone},
		{"a strength is no extent", "affected hand grip strength 40% → 80%", "IVIG", Unclassified, ConfidenceNone},
		{"an area that grew", "epithelialised area 1 → 5 cm2", "", Complete, ConfidenceHigh},
		{"a drug's strength is no change", "Scars softened with 0.05% tretinoin", "tretinoin", Partial, ConfidenceHigh}, // a lesion that softened: lesionChangeSaid
		{"a preparation's strength is no change", "plaques softened with 10% urea cream", "urea", Partial, ConfidenceHigh},
		{"a share of the sites (rule 8)", "30% of lesions cleared", "", Partial, ConfidenceHigh},
		{"a later value off the course", "UAS7 30 → 0 at 3 mo, then 28 at 9 mo off omalizumab", "omalizumab", Complete, ConfidenceHigh},
		{"a later value after the last dose", "UAS7 28 → 4 at 3 mo, then 20 at 9 mo, 6 mo after last dose", "omalizumab", Partial, ConfidenceHigh},
		{"a later value off the course, a semicolon between", "EASI 30 → 6 at wk 16; 25 at wk 40 off drug", "dupilumab", Partial, ConfidenceHigh},
		{"a later value in a pause (cues.tsv)", "UAS7 28 → 4 at 3 mo, then 20 at 6 mo during pregnancy pause", "omalizumab", Partial, ConfidenceHigh},
		{"a later value after a switch (cues.tsv)", "IGA 4 → 1 at wk 16, then 3 at wk 40 after switch to tralokinumab", "dupilumab", Partial, ConfidenceHigh},
		{"a later value after a stop in parentheses", "DLQI 20 → 5 at wk 16, then 12 at wk 40 (drug stopped at wk 24)", "dupilumab", Partial, ConfidenceHigh},
		{"a strength after with, its drug not named in the vocabulary", "melasma lighter with 4% HQ", "hydroquinone", Unclassified, ConfidenceNone},
		{"the rest of the sites stated", "only 2 of 6 lesions cleared completely; the rest flattened", "", Partial, ConfidenceHigh},
		{"the own patient among siblings", "Of 2 siblings, this patient cleared completely", "", Complete, ConfidenceHigh},
		{"symptoms back to normal", "symptoms back to normal within a week", "", Complete, ConfidenceHigh},
		{"the back and the trunk", "Rash back and trunk cleared", "", Complete, ConfidenceHigh},
	})
}
