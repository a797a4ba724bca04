package vocab

import "testing"

// TestSheetNotesOfItchAndTumours reads the notation of registry sheets met on blind probes of
// itch and skin-cancer sheets (docs/outcomes.md, twenty-seventh session), each beside a near
// miss that must keep its old reading.
func TestItchAndTumourNotes(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a value reached with its baseline in parentheses
		{"a baseline in parentheses", "wk8 NRS 5 (from 9)", "", Minimal, ConfidenceHigh},
		{"a baseline word in parentheses", "EASI 4 (baseline 20)", "", Partial, ConfidenceHigh},
		{"a later value beside a time too early", "wk4 too early; wk8 NRS 5 (from 9); wk16 not yet", "nemolizumab", Minimal, ConfidenceHigh},
		{"near miss: a parenthesis that is no baseline", "NRS 5 (patient-reported)", "", Unclassified, ConfidenceNone},
		// the baseline, or the last value, stated again before a later value
		{"the baseline again at a later time", "NRS 8→6 at 8 wk, 8→3 at 16 wk", "naltrexone", Partial, ConfidenceHigh},
		{"the last value again at a later time", "NRS 8→6 at 8 wk, 6→3 at 16 wk", "naltrexone", Partial, ConfidenceHigh},
		{"near miss: another measure after the comma", "NRS 8→6 at 8 wk, 30→25 nodules", "naltrexone", Minimal, ConfidenceHigh},
		// a denied change of what it follows
		{"neither … nor … changed", "neither itch nor nodule count changed (NRS 8, 34 nodules) at wk16", "dupilumab", None, ConfidenceHigh},
		{"no itch change", "burning ++ during application, no itch change at 1 mo", "capsaicin", None, ConfidenceHigh},
		{"near miss: no itch", "no itch at 1 mo", "", Complete, ConfidenceHigh},
		{"near miss: changed to another drug is a switch", "As the tumor did not respond, the treatment was changed to nivolumab.", "ipilimumab", None, ConfidenceHigh},
		// well-being beside the disease's own measure
		{"sleep better beside a smaller fall of the measure", "sleep better, itch NRS 7→5", "gabapentin", Minimal, ConfidenceHigh},
		{"sleep unchanged beside a fall of half", "wk16 itch NRS 3 (from 7) but sleep unchanged", "dupilumab", Partial, ConfidenceHigh},
		{"near miss: sleep alone is the disease's own", "1 mo: sleep greatly improved", "", Partial, ConfidenceHigh},
		// a response lost on the course
		{"improvement lost on the same dose", "improvement lost on same dose after 4 mo", "gabapentin", Progression, ConfidenceHigh},
		{"weak response", "weak response, KS lesion count 25 → 19", "pembrolizumab", Minimal, ConfidenceHigh},
		// a terse stop
		{"withdrawn: ceased after a symptom is the symptom's (review)", "Seizures: ceased after 3 days", "carbamazepine", Complete, ConfidenceHigh},
		{"near miss: the itch ceased", "itch ceased after 4 doses", "difelikefalin", Complete, ConfidenceHigh},
		{"still hospitalized is a stay", "Still hospitalized at time of report; response cannot be assessed yet.", "", NotEvaluable, ConfidenceHigh},
		{"near miss: still febrile", "still febrile at day 10", "", None, ConfidenceHigh},
	})
}

// TestCourseInitialsAndTerseStates reads the course named by its initials, terse states and
// notes of sheets (docs/outcomes.md, twenty-seventh session), with near misses.
func TestCourseInitialsAndTerseStates(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"the course by its initials", "refractory to BV, as previously to MTX and bexarotene", "brentuximab vedotin", None, ConfidenceHigh},
		{"near miss: initials in lower case are no name", "refractory to bv, as previously to MTX and bexarotene", "brentuximab vedotin", Unclassified, ConfidenceNone},
		{"a hedged response beside a difficulty of assessing", "Possible mild improvement in pain, difficult to assess due to concurrent opioids.", "", Minimal, ConfidenceLow},
		{"near miss: a response not assessed", "response difficult to assess", "", NotEvaluable, ConfidenceHigh},
		{"gone before a note's time", "itch NRS 0, nodules gone wk20", "", Complete, ConfidenceHigh},
		{"near miss: gone home", "he had gone home at wk 2", "", Unclassified, ConfidenceNone},
		{"barely palpable", "lichenified plaques now barely palpable; NRS 1", "", Partial, ConfidenceHigh},
		{"a review pending", "on tx; wk8 review pending", "", NotEvaluable, ConfidenceHigh},
		{"unable to assess", "unable to assess, took it intermittently", "", NotEvaluable, ConfidenceHigh},
		{"no changes", "XR: no changes", "", None, ConfidenceHigh},
		{"no changes after the course, as no change", "After treatment, no changes were observed.", "", None, ConfidenceHigh},
		{"withdrawn: stays the same after a response keeps it (review)", "PR at 3 months, stays the same at 12 months", "", Partial, ConfidenceHigh},
		{"cicatrization", "Total cicatrization in 4 months", "", Complete, ConfidenceHigh},
		{"withdrawn: advanced to a stage of a diet (review)", "Advanced to stage 3 diet by day 10", "", Unclassified, ConfidenceNone},
	})
}

// TestHairWoundAndGranulomaNotes reads forms met on blind probes of hair, wound and
// granulomatous-disease sheets (docs/outcomes.md, twenty-seventh session), with near misses.
func TestHairWoundAndGranulomaNotes(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a share of the wound closed", "wound closure approx 40%, then stalled", "B-VEC", Minimal, ConfidenceHigh},
		{"closure and its share", "closure 25% at 3 mo", "B-VEC", Minimal, ConfidenceHigh},
		{"near miss: closure without its share stays weak", "closure at 3 mo", "B-VEC", Complete, ConfidenceLow},
		{"a response kept: still closed", "healed wk 8; still healed 6 mo after the last application", "", Complete, ConfidenceHigh},
		{"a weak response before a loss to follow-up", "lost to follow-up after clearance at wk 12", "", Complete, ConfidenceLow},
		{"near miss: a response said not reported", "ongoing, response not reported", "", NotEvaluable, ConfidenceHigh},
		{"near miss: a plain response before the loss", "improved at 3 mo, later lost to follow-up", "", Partial, ConfidenceHigh},
		{"a percentage after the course's count", "The patient had 30% improvement after 16 sessions.", "excimer laser", Minimal, ConfidenceHigh},
		{"a share flatter", "lesions about 50% flatter", "", Partial, ConfidenceHigh},
		{"a relapse after finishing", "Initial good response, relapsed within 2 weeks of finishing phototherapy", "UVA1 phototherapy", Partial, ConfidenceHigh},
		{"back to baseline on the course", "itch ↓ then back to baseline wk6 on tx", "naltrexone", Progression, ConfidenceHigh},
		{"near miss: back to baseline after a worsening", "creatinine rose to 3.2 then back to baseline", "", Progression, ConfidenceLow},
		{"a value, then from its baseline", "SALT 15 from 70", "", Partial, ConfidenceHigh},
		{"near miss: from a time", "platelets 50 from day 3", "", Unclassified, ConfidenceNone},
		{"a modest change", "modest change only", "", Minimal, ConfidenceHigh},
	})
}

// TestReviewOfSheetNotes holds the near misses a reviewer found against this session's rules
// (docs/outcomes.md, twenty-seventh session): each read as it should after the mend.
func TestReviewOfSheetNotes(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"a year in parentheses is no baseline", "EDSS 4.5 (from 2017)", "", Unclassified, ConfidenceNone},
		{"later values after a baseline in parentheses", "itch NRS 6 (from 9) at wk 4, 1 at wk 16", "nemolizumab", Partial, ConfidenceHigh},
		{"two pairs side by side are two sites, not a series", "NRS itch/pain 8→2, 8→7", "", Partial, ConfidenceHigh},
		{"two pairs at the same time", "IGA 4→1 at wk 16, 4→3 at wk 16 in the other arm", "", Partial, ConfidenceHigh},
		{"an inflammatory change denied is no non-response", "MRI: no active inflammatory change in the sacroiliac joints", "infliximab", Unclassified, ConfidenceNone},
		{"a dysplastic change denied", "Repeat biopsy: no dysplastic change", "", Unclassified, ConfidenceNone},
		{"mood much improved is graded, not plain", "mood much improved, HAM-D 24→14", "sertraline", Partial, ConfidenceHigh},
		{"sleep listed with the disease", "Marked improvement in sleep and itch, NRS 8→5", "nalbuphine", Partial, ConfidenceHigh},
		{"a change barely visible is small", "Change barely visible", "", Unclassified, ConfidenceNone},
		{"initials that are a route", "Refractory to SC methotrexate", "systemic corticosteroids", Unclassified, ConfidenceNone},
		{"initials of two drugs are no name", "Previously refractory to VD", "venetoclax dexamethasone", Unclassified, ConfidenceNone},
	})
}
