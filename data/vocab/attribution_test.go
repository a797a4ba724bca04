package vocab

import "testing"

// courseReading is a text read for a course of one treatment (none when course is ""), and
// the category and confidence wanted.
type courseReading struct {
	course, text string
	want         Category
	conf         Confidence
}

func checkCourseReadings(t *testing.T, cases []courseReading) {
	t.Helper()
	v := Default()
	for _, tc := range cases {
		var treatments []string
		if tc.course != "" {
			treatments = []string{tc.course}
		}
		m := v.OutcomeFor(tc.text, treatments)
		if m.Category != tc.want || m.Confidence != tc.conf {
			t.Errorf("OutcomeFor(%q, %s) = %v/%s (%q); want %v/%s", tc.text, tc.course, m.Category, m.Confidence, m.Evidence.Rule, tc.want, tc.conf)
		}
	}
}

func TestLostResponseWithModifiers(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// a lost response is a relapse, read by time (rule 3)
		{"imatinib", "Lost hematologic response while on imatinib", Progression, ConfidenceHigh},
		{"imatinib", "Loss of CCyR on therapy", Progression, ConfidenceHigh},
		{"imatinib", "lost hematologic and cytogenetic response on treatment", Progression, ConfidenceHigh},
		{"imatinib", "Lost complete cytogenetic response", CategoryUnknown, ConfidenceLow},
		{"rituximab", "Lost her complete response 2 years off therapy", CategoryUnknown, ConfidenceLow},
		// a loss denied is a response kept
		{"imatinib", "Never lost her clinical response", Partial, ConfidenceHigh},
		{"imatinib", "No loss of clinical response at 2 years", Partial, ConfidenceHigh},
		// not a lost response: a lost follow-up, weight, consciousness
		{"rituximab", "Lost to follow-up after initial response", Partial, ConfidenceHigh}, // best response (rule 6)
		{"rituximab", "Lost weight; good response", Partial, ConfidenceHigh},
		{"rituximab", "Lost consciousness and improved", Partial, ConfidenceHigh},
		{"rituximab", "Loss of vision and marked improvement on treatment", Partial, ConfidenceHigh},
		// a stop that came of the loss does not move it after the course
		{"infliximab", "Initial response; lost response after 1 year and was stopped", Progression, ConfidenceHigh},
		{"rituximab", "Complete response", Complete, ConfidenceHigh},
	})
}

func TestTreatmentNamedAsNextStep(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"mesalamine", "Worsened, required dialysis", Progression, ConfidenceHigh},
		{"mesalamine", "Worsening requiring plasma exchange", Progression, ConfidenceHigh},
		{"mesalamine", "Progressed, started IVIG", Progression, ConfidenceHigh},
		{"mesalamine", "Failed, needed infliximab rescue", None, ConfidenceHigh},
		{"mesalamine", "No improvement, switched to rituximab", None, ConfidenceHigh},
		{"ceftriaxone", "Treatment failure requiring change to meropenem", None, ConfidenceHigh},
		// a response before the next step may not have sufficed, or be the next step's
		{"cyclophosphamide", "Renal function improved, needed dialysis", CategoryUnknown, ConfidenceNone},
		{"prednisone", "Complete remission, required rituximab", CategoryUnknown, ConfidenceNone},
		{"steroids", "Improved within 48 hours of starting IVIG", CategoryUnknown, ConfidenceNone},
		// an outcome after the next step in its statement may be that step's: not the course's
		{"mesalamine", "Worsened, required infliximab with remission", CategoryUnknown, ConfidenceNone},
		// an outcome said of another treatment stays that treatment's
		{"mesalamine", "Responded to infliximab", CategoryUnknown, ConfidenceNone},
	})
}

func TestTreatmentDoneWithout(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"mesalamine", "Steroid-free remission at week 52", Complete, ConfidenceHigh},
		{"mesalamine", "Corticosteroid-free clinical remission", Complete, ConfidenceHigh},
		{"mesalamine", "Steroid-sparing remission", Complete, ConfidenceHigh},
		{"mesalamine", "Remission off prednisone", Complete, ConfidenceHigh},
		// a remission named as another treatment's stays that treatment's
		{"mesalamine", "Remission with prednisone", CategoryUnknown, ConfidenceNone},
	})
}

func TestScoreCriteria(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"DAS28 5.8 -> 3.1", Partial, ConfidenceHigh},                    // a fall of 2.7 points (47 %): EULAR response
		{"DAS28 from 5.8 to 2.3", Complete, ConfidenceHigh},              // below 2.6: DAS28 remission
		{"DAS28 5.1 -> 4.6", Minimal, ConfidenceHigh},                    // 0.5 points, 10 %: rule 5
		{"DAS28-CRP decreased from 6.1 to 4.5", Partial, ConfidenceHigh}, // DAS28-CRP's, not CRP's
		{"DAS28 2.2 -> 2.0", Minimal, ConfidenceHigh},                    // already below the cut-off: no remission reached
		{"DAS28 3.1 -> 5.8", Progression, ConfidenceHigh},
		{"SLEDAI 12 -> 8", Partial, ConfidenceHigh},         // SRI-4: a fall of 4 points
		{"SLEDAI-2K from 10 to 8", Minimal, ConfidenceHigh}, // 2 points
		{"EDSS 6.5 -> 5.5", Partial, ConfidenceHigh},
		{"Mayo score 9 -> 2", Complete, ConfidenceHigh},      // at most 2: remission
		{"Mayo score from 10 to 7", Partial, ConfidenceHigh}, // a fall of 3
		{"Mayo score from 10 to 8", Minimal, ConfidenceHigh},
		{"HBI 12 -> 4", Complete, ConfidenceHigh},
		{"DAS 28 from 5.6 to 2.4", Complete, ConfidenceHigh},         // the longest measure name: not DAS44's cut-off
		{"DAS28 2.62 -> 2.58", None, ConfidenceHigh},                 // below 2.6 without a response is no remission
		{"DAS28 3.0 -> 2.5", Minimal, ConfidenceHigh},                // 0.5 points: rule 5
		{"DAS28 decreased from 6.4 to 5.2", Minimal, ConfidenceHigh}, // EULAR: more than 1.2
		{"endoscopic Mayo score from 3 to 2", Minimal, ConfidenceHigh},
		{"Total DAS28 5.8 -> 3.1", Partial, ConfidenceHigh}, // no qualifier grades a number
		{"NIHSS 22 -> 18", Minimal, ConfidenceHigh},
		{"NIHSS 22 -> 12", Partial, ConfidenceHigh},
	})
}

func TestScoresAtZero(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"BVAS 0 at 6 months", Complete, ConfidenceHigh},
		{"SLEDAI score of 0", Complete, ConfidenceHigh},
		{"SLEDAI-2K 0", Complete, ConfidenceHigh},
		{"pain VAS 0/10", Complete, ConfidenceHigh},
		{"BVAS: 0", Complete, ConfidenceHigh},
		// not a value reached: a range, a change, a decimal, a baseline, a higher-is-better score
		{"VAS 0 to 3", CategoryUnknown, ConfidenceNone},
		{"BVAS 0 → 6", CategoryUnknown, ConfidenceNone},
		{"PASI 0.5", CategoryUnknown, ConfidenceNone},
		{"MRC sum score 0", CategoryUnknown, ConfidenceNone},
		{"CRP 0.5 mg/dL", CategoryUnknown, ConfidenceNone},
		// a zero among other values may be the state before the course
		{"Pre-stroke mRS 0; mRS 4 at 90 days", CategoryUnknown, ConfidenceNone},
		{"SLEDAI 0 at start; SLEDAI 10 at 6 months", CategoryUnknown, ConfidenceNone},
		{"Pain NRS 0 at rest, 7/10 on walking", CategoryUnknown, ConfidenceNone},
		{"DAS28 5.1 → 3.6, HAQ 0", Partial, ConfidenceHigh},
		// the last value of a measure given before: the value the course reached
		{"15 mg: EASI 30 -> 20; 30 mg: EASI 0 at wk 16", Complete, ConfidenceHigh},
	})
}

func TestResponseReachedLater(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"bortezomib", "SD → PR", Partial, ConfidenceHigh},
		{"bortezomib", "SD then PR", Partial, ConfidenceHigh},
		{"bortezomib", "stable disease, later partial response", Partial, ConfidenceHigh},
		{"bortezomib", "1 mo: no response; 3 mo: partial response", Partial, ConfidenceHigh},
		// no order of time: a disagreement a person decides
		{"bortezomib", "stable disease; partial response", CategoryUnknown, ConfidenceLow},
		// another step, or none, between or after: the later response may not be the course's
		// … and an outcome right after another treatment's arrow is that treatment's
		{"infliximab", "No response → adalimumab → remission", None, ConfidenceHigh},
		{"infliximab", "No response at week 2; then complete remission after rescue colectomy", CategoryUnknown, ConfidenceLow},
		{"bortezomib", "No response, then spontaneous remission", CategoryUnknown, ConfidenceLow},
		{"nivolumab", "SD -> PR after SBRT", CategoryUnknown, ConfidenceLow},
		// time stamps order statements only when nothing but the time follows each
		{"nivolumab", "PR at 3 months, PD at 9 months", Progression, ConfidenceHigh},
		// a worsening after the course stopped is a relapse after it: the best response stands
		{"nivolumab", "PR at 3 months, PD at 9 months after treatment was stopped for colitis", Partial, ConfidenceHigh},
		// the course failed; the remission after it may be another treatment's
		{"bortezomib", "Refractory to bortezomib, then complete remission", CategoryUnknown, ConfidenceLow},
		// a state adjective before a disease name across a comma is the outcome
		{"bortezomib", "Refractory, PD after 2 cycles", Progression, ConfidenceHigh}, // and the progression after it ends the course (rule 3),
	})
}

func TestMeasuredNotGiven(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// a measure that is also a drug's name, with its values after it, is measured
		{"octreotide", "Calcium 3.4 -> 2.4 mmol/L", Complete, ConfidenceHigh}, // back under the upper limit of normal
		{"octreotide", "calcium from 3.4 to 2.4 mmol/L", Complete, ConfidenceHigh},
		{"octreotide", "Calcium from 13.5 to 9.8 mg/dL", Complete, ConfidenceHigh},
		{"octreotide", "Calcium 2.7 -> 2.55 mmol/L", Complete, ConfidenceHigh}, // into the reference interval (2.15-2.6)
		{"octreotide", "Calcium 3.4 -> 2.9 mmol/L", Partial, ConfidenceHigh},   // more than half-way to it
		// a percentage after "to" is the level reached, not a change by it
		{"amiodarone", "LVEF decreased to 20%", CategoryUnknown, ConfidenceLow},
		{"dapsone", "methemoglobin level decreased to 1.2%", CategoryUnknown, ConfidenceLow},
		{"amiodarone", "LVEF decreased by 20%", Progression, ConfidenceHigh},
		// so is a range after "to": "25-30%" is no fall of 30 % (corpus ag38, held out)
		{"cardiac resynchronization therapy", "the EF increased to 25-30%", Partial, ConfidenceHigh},
		{"amiodarone", "LVEF decreased to 20-25%", CategoryUnknown, ConfidenceLow},
		{"rituximab", "a 25-30% reduction in proteinuria", Minimal, ConfidenceHigh}, // a change by a range: under rule 5's 50 %
		// a higher-is-better measure in another clause turns no direction
		{"amiodarone", "LVEF 60%, LVOT gradient decreased by 70%", Partial, ConfidenceHigh},
		{"ruxolitinib", "Hb stable; spleen volume decreased by 35%", Minimal, ConfidenceHigh},
	})
}

func TestWholeCellWithAnchoredTime(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Asymptomatic 4+ mth after the last infusion", Complete, ConfidenceHigh},
		{"Stable 2 years after treatment", None, ConfidenceHigh},
		// a named procedure may be another step than the row's course
		{"Asymptomatic 6 months after HSCT", CategoryUnknown, ConfidenceLow},
		// not a death (rule 4), a later event, or another step
		{"Died 3 days after surgery", CategoryUnknown, ConfidenceLow},
		{"Asymptomatic 2 years after surgery but recurred", CategoryUnknown, ConfidenceLow},
		{"Afebrile 24 h after switching to canakinumab", CategoryUnknown, ConfidenceLow},
		{"Asymptomatic at 6 months", Complete, ConfidenceHigh},
		// no number: the anchor is no follow-up time
		{"Asymptomatic after BMT", CategoryUnknown, ConfidenceLow},
		// more words after the anchor: no longer a grade with its time
		{"Asymptomatic 4 mth after BMT and two further courses of chemotherapy", CategoryUnknown, ConfidenceLow},
	})
}

func TestSurvivalCells(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Event-free at 2 years", Complete, ConfidenceHigh},
		// a length of event-free survival may end in the event
		{"Event-free survival (months): 8", CategoryUnknown, ConfidenceNone},
		{"Survival with tumor", None, ConfidenceHigh},
		{"Alive with tumour", None, ConfidenceHigh},
		// a survival rate is a statement about several patients
		{"Event-free survival was 60% at 2 years", CategoryUnknown, ConfidenceNone},
		{"Relapse-free survival was 60% at 2 years", CategoryUnknown, ConfidenceNone},
		// an overall survival rate beside a grade leaves the grade standing
		{"CR; expected 5-year survival of 90%", Complete, ConfidenceHigh},
	})
}

func TestAntibodyNamesAreTests(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// "IgG" after an antigen is a test result, not immunoglobulin given
		{"rituximab", "AQP4-IgG negative, no relapses", Complete, ConfidenceHigh},
		{"rituximab", "NEDA at 2 years", Complete, ConfidenceHigh},
		{"rituximab", "Annualized relapse rate 2.5 -> 0", Complete, ConfidenceHigh},
		// immunoglobulin named as a treatment still is one
		{"rituximab", "Responded to IVIG", CategoryUnknown, ConfidenceNone},
	})
}

func TestSpecialtyGradesAsWholeCells(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Engel class I", Complete, ConfidenceHigh},
		{"Engel IIa", Partial, ConfidenceHigh},
		{"ILAE class 1", Complete, ConfidenceHigh},
		{"BNI I", Complete, ConfidenceHigh},
		{"MLFS", Partial, ConfidenceHigh},
		{"CR1", Complete, ConfidenceHigh},
		// a grade before the course, a later grade, a denial: left to a person
		{"BNI V → I", CategoryUnknown, ConfidenceNone},
		{"Preoperative BNI V", CategoryUnknown, ConfidenceNone},
		{"Engel IA at 1 yr → Engel IIIA at 4 yrs", CategoryUnknown, ConfidenceNone},
		{"Did not achieve CR1", CategoryUnknown, ConfidenceNone},
		{"Transplanted in CR2", CategoryUnknown, ConfidenceNone},
	})
}

func TestLabValuesAreMeasured(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// albumin with a concentration is a lab value, not albumin given
		{"tacrolimus", "Partial remission (proteinuria 1.2 g/d, albumin 32 g/L)", Partial, ConfidenceHigh},
		{"tacrolimus", "Complete remission, potassium 5.9 mmol/L", Complete, ConfidenceHigh},
	})
}

func TestDegreesThatAllButDeny(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Hardly any improvement", None, ConfidenceHigh},
		{"Scarcely any response", None, ConfidenceHigh},
		{"Barely improved", Minimal, ConfidenceHigh},
		{"Response unclear", NotEvaluable, ConfidenceHigh},
		{"Response difficult to assess", NotEvaluable, ConfidenceHigh},
		{"Unfavourable outcome", None, ConfidenceHigh},
		{"Modest", Minimal, ConfidenceHigh},
	})
}

func TestYesWithItsDegree(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Yes (partial)", Partial, ConfidenceHigh},
		{"Yes, complete", Complete, ConfidenceHigh},
		{"Yes", CategoryUnknown, ConfidenceNone}, // without its column's header
	})
}

func TestReviewFourMends(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// "barely" alone is time or a state before the course
		{"IVIG", "Within barely two weeks complete recovery", Complete, ConfidenceHigh},
		{"IVIG", "He could barely walk and made a full recovery after IVIG", Complete, ConfidenceHigh},
		// a drug level names the drug given; a lab value after an agent link is a dose
		{"prednisone", "Persistent proteinuria on prednisone; CR after tacrolimus 6 ng/mL", CategoryUnknown, ConfidenceLow},
		{"furosemide", "Diuresis improved after albumin 200 g/L", CategoryUnknown, ConfidenceNone},
		// a Yes before a state or a death is left to a person
		{"x", "Yes, stable", CategoryUnknown, ConfidenceLow},
		{"x", "Yes, died", CategoryUnknown, ConfidenceLow},
		// NEDA only as the whole cell
		{"x", "NEDA lost at 12 months", CategoryUnknown, ConfidenceNone},
		{"x", "No unfavourable outcome at 2 years", Partial, ConfidenceHigh},
	})
}

func TestEyeMeasures(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"IOP 35 → 14 mmHg", Complete, ConfidenceHigh}, // back to the normal range
		{"IOP 35 → 28 mmHg", Minimal, ConfidenceHigh},  // a fall of 20 %, still raised
		{"CMT 520 → 280 µm", Partial, ConfidenceHigh},  // near-normal thickness: a responder
		{"CMT 520 → 400 µm", Minimal, ConfidenceHigh},
	})
}

func TestBoneHealing(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Nonunion", None, ConfidenceHigh},
		{"Union at 6 months", Complete, ConfidenceHigh},
		{"Delayed union", Minimal, ConfidenceHigh},
		{"Returned to sport", Partial, ConfidenceHigh},
		// the nonunion treated is the condition, not the outcome
		{"Satisfactory healing of fracture nonunion was obtained", CategoryUnknown, ConfidenceLow},
	})
}

func TestNextStepAfterAnInsufficientResponse(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"prednisolone", "His initial response was not sustained requiring a change to cyclophosphamide", Minimal, ConfidenceHigh},
		{"mesalamine", "Slight improvement, switched to rituximab", Minimal, ConfidenceHigh},
	})
}

func TestReviewFiveMends(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"x", "Hardly responded", Minimal, ConfidenceHigh},
		{"x", "Seizures barely reduced", Minimal, ConfidenceHigh},
		{"natalizumab", "Remained NEDA", Complete, ConfidenceHigh},
		{"rituximab", "Complete remission with albumin 38 g/L", Complete, ConfidenceHigh},
		{"x", "Yes, minimal", Minimal, ConfidenceHigh},
		// a short abbreviation after a link word stays weak evidence: "CR after AZA" in an
		// azacitidine row is the row's own (AZA is also azathioprine)
		{"azacitidine", "CR after AZA", Complete, ConfidenceHigh},
	})
}

func TestRegainedAfterARelapse(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// a response stated again after the relapse: the loss is not the course's last word
		{"rituximab", "Initial improvement after 2 infusions; relapse at 9 mo, retreated with good response", CategoryUnknown, ConfidenceLow},
		{"rituximab", "Initial improvement after 2 infusions; relapse at 9 mo", Progression, ConfidenceHigh},
		// a unit with a slash before an arrow is not read: "3.5 g/d → 200 mg/d" would compare
		// numbers in two units
		{"rituximab", "Proteinuria 3.5 g/d → 200 mg/d", CategoryUnknown, ConfidenceNone},
	})
}

// TestStopJoinedByAnd checks that an "and" joining the treatments stopped keeps a relapse
// after the course (a proposal of the best response), while an "and" before the stop's verb
// makes the stop a consequence of the loss.
func TestStopJoinedByAnd(t *testing.T) {
	v := Default()
	m := v.OutcomeFor("Relapsed after rituximab and prednisone were stopped", []string{"rituximab"})
	if m.Confidence != ConfidenceLow || m.Proposed != Partial {
		t.Errorf("relapse after both were stopped = %v/%v/%s (%q); want a low proposal of partial (after the course)", m.Category, m.Proposed, m.Confidence, m.Evidence.Rule)
	}
	checkCourseReadings(t, []courseReading{
		{"infliximab", "Initial response; lost response after 1 year and was stopped", Progression, ConfidenceHigh},
	})
}

func TestLabValueWithADecimal(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// the tokenizer splits "3.2" in two: the unit follows the decimal part
		{"tacrolimus", "Partial remission, albumin 3.2 g/dL", Partial, ConfidenceHigh},
		{"tacrolimus", "Partial remission (proteinuria 1.2 g/d, albumin 32 g/L)", Partial, ConfidenceHigh},
		// a dose of albumin after its agent link names albumin given
		{"furosemide", "Diuresis improved after albumin 3.5 g/L", CategoryUnknown, ConfidenceNone},
	})
}

func TestFailureBeforeTheCourseStarted(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// the failure that made the authors start the course is the earlier treatment's
		{"tacrolimus", "Due to absence of remission, tacrolimus was started.", CategoryUnknown, ConfidenceNone},
		{"rituximab", "Given the lack of improvement, she was switched to rituximab.", CategoryUnknown, ConfidenceNone},
		{"rituximab", "Because of lack of response, rituximab was added.", CategoryUnknown, ConfidenceNone},
		{"rituximab", "Because of disease progression, rituximab was started and led to partial response.", Partial, ConfidenceHigh},
		// the reason given after the course's start is the earlier treatment's failure too
		{"adalimumab", "switched to adalimumab due to inefficacy", CategoryUnknown, ConfidenceNone},
		{"methotrexate", "switched to adalimumab due to inefficacy", None, ConfidenceHigh},
		{"tacrolimus", "changed to tacrolimus because of lack of response", CategoryUnknown, ConfidenceNone},
		{"adalimumab", "switched to adalimumab for primary non-response; PASI 90 at wk 16", Partial, ConfidenceHigh},
		{"adalimumab", "adalimumab stopped due to inefficacy", None, ConfidenceHigh},
		// a treatment named between the failure and the start is the one that failed
		{"rituximab", "Due to lack of response to rituximab, tacrolimus was started.", None, ConfidenceHigh},
		{"tacrolimus", "Due to lack of response to rituximab, tacrolimus was started.", CategoryUnknown, ConfidenceNone},
		// no start: the failure stays the course's
		{"rituximab", "Due to disease progression, rituximab was discontinued.", Progression, ConfidenceHigh},
		{"rituximab", "Because of lack of response, the dose of rituximab was increased.", None, ConfidenceHigh},
		{"rituximab", "No response; rituximab was then started elsewhere.", None, ConfidenceHigh},
		// with no word of reason too: the statement comes before the course began
		{"nintedanib", "His condition deteriorated and he was switched to nintedanib.", CategoryUnknown, ConfidenceNone},
		{"rituximab", "She did not improve, and rituximab was started with complete remission.", Complete, ConfidenceHigh},
		// ... unless dated to the start, or the course is the one switched from
		{"interferon", "The disease markedly worsened when interferon was started.", Progression, ConfidenceHigh},
		{"pirfenidone", "His condition deteriorated and he was switched from pirfenidone to nintedanib.", Progression, ConfidenceHigh},
		{"plasma exchange", "Because of deterioration refractory to steroids, plasma exchange was performed, resulting in marked improvement.", Partial, ConfidenceHigh},
		{"rituximab", "She failed to respond to steroids and was started on rituximab, with marked improvement.", Partial, ConfidenceHigh},
		// the start as the statement's explanation, or a restart: the statement stays the course's
		{"eculizumab", "Kidney function did not recover, possibly because eculizumab was administered too late.", None, ConfidenceHigh},
		{"IVIG", "His fever quickly resolved, but recurred and IVIG was administered again.", CategoryUnknown, ConfidenceLow},
		// a drug of the course's class named as the earlier one; a dose or a list with the course
		{"sunitinib", "The tumour progressed on imatinib, and sunitinib was started.", CategoryUnknown, ConfidenceNone},
		{"rituximab", "The patient did not respond, and rituximab (375 mg/m2 weekly for 4 doses) was initiated.", CategoryUnknown, ConfidenceNone},
		{"valproate", "Seizures did not improve, and valproate and clobazam were added.", CategoryUnknown, ConfidenceNone},
		{"lacosamide", "Seizures did not decrease despite levetiracetam, and lacosamide was added.", CategoryUnknown, ConfidenceNone},
		// the course switched from, added to, or conceded: its own failure
		{"azathioprine", "She relapsed, and azathioprine was switched to mycophenolate.", CategoryUnknown, ConfidenceLow},
		{"azathioprine", "She did not improve, and azathioprine was switched to mycophenolate.", None, ConfidenceHigh},
		{"hydroxychloroquine", "The rash did not improve, so quinacrine was added to hydroxychloroquine.", None, ConfidenceHigh},
		{"cyclosporine", "The disease did not improve although cyclosporine was administered for 3 months.", None, ConfidenceHigh},
		// a place is not the treatment started
		{"supportive care", "The patient continued to deteriorate and was moved to the intensive care unit and started on albumin.", Progression, ConfidenceHigh},
	})
}

// TestHistoryCueNamingTheCourseIsTheCourses checks that a history cue whose scope names the
// course ("resistant to prednisone") is a statement of the course's own, beside which a
// response said in the same sentence of a treatment started later does not decide.
func TestHistoryCueNamingTheCourseIsTheCourses(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		course, text string
		want         Category // the category, or the proposal when low
		confidence   Confidence
	}{
		// the response is the IVIG's, started on ("started on IVIG"), so the failure decides
		{"prednisone", "Myositis resistant to prednisone, and she was started on IVIG with improvement.", None, ConfidenceHigh},
		{"prednisone", "Relapsed disease, resistant to prednisone and azathioprine, with a mediastinal mass.", None, ConfidenceLow},
	} {
		m := v.OutcomeFor(tc.text, []string{tc.course})
		got := m.Category
		if m.Confidence == ConfidenceLow {
			got = m.Proposed
		}
		if got != tc.want || m.Confidence != tc.confidence {
			t.Errorf("OutcomeFor(%q, %s) = %v (%s, %q); want %v, %s", tc.text, tc.course, got, m.Confidence, m.Evidence.Rule, tc.want, tc.confidence)
		}
	}
}

func TestStopForAWorsening(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// a worsening of something named, the reason of a stop: a harm or the disease's
		{"cinacalcet", "Subsequently discontinued due to worsening renal function (Cr 3.3 mg/dl).", CategoryUnknown, ConfidenceLow},
		{"insulin", "There was concern for worsening hypokalemia so insulin was suspended.", CategoryUnknown, ConfidenceLow},
		// the disease's by its words, or a worsening with no object: progression
		{"rituximab", "Discontinued because of worsening of the disease", Progression, ConfidenceHigh},
		{"rituximab", "Discontinued due to disease progression", Progression, ConfidenceHigh},
		{"rituximab", "Worsening, so rituximab was stopped", Progression, ConfidenceHigh},
		{"rituximab", "Worsening skin lesions, drug discontinued", Progression, ConfidenceHigh},
		{"lithium", "Lithium was discontinued because her renal function worsened.", CategoryUnknown, ConfidenceLow},
		{"lithium", "Because of deteriorating renal function, lithium was stopped.", CategoryUnknown, ConfidenceLow},
		{"tacrolimus", "The tacrolimus dose was reduced because of worsening tremor.", CategoryUnknown, ConfidenceLow},
		{"bosentan", "Worsening dyspnoea and reduced exercise capacity on bosentan.", Progression, ConfidenceHigh},
		// no stop: the worsening stands
		{"cinacalcet", "Worsening renal function on cinacalcet", Progression, ConfidenceHigh},
	})
}

func TestDuringATreatment(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"prednisolone", "During low-dose prednisolone maintenance therapy, the disease relapsed.", Progression, ConfidenceHigh},
		{"natalizumab", "Under natalizumab, he continued to present relapses.", Progression, ConfidenceHigh},
		// not the time on a treatment: off it, an earlier one, no treatment
		{"prednisolone", "Relapsed during follow-up after stopping therapy.", CategoryUnknown, ConfidenceLow},
		{"prednisolone", "Relapse during pregnancy.", CategoryUnknown, ConfidenceLow},
		{"prednisolone", "Relapsed during the previous therapy with azathioprine.", CategoryUnknown, ConfidenceNone},
		// an event of new onset is not placed by it: perhaps a harm
		{"dasatinib", "During dasatinib treatment a pleural effusion occurred.", CategoryUnknown, ConfidenceNone},
	})
}

func TestHistoryCueDenied(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"fluconazole", "The Candida isolate was not resistant to fluconazole; candidaemia cleared after 5 days.", Complete, ConfidenceHigh},
		{"fluconazole", "The Candida isolate was resistant to fluconazole.", None, ConfidenceHigh},
	})
}

func TestFailureBeforeAnotherTreatmentStarted(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// the failure before another treatment's start is of what came before: the course's
		{"corticosteroids", "She received corticosteroids. Unfortunately, she did not improve, and rituximab was started.", None, ConfidenceHigh},
		{"methotrexate", "Methotrexate was added; when no improvement was seen, it was replaced with rituximab.", None, ConfidenceHigh},
		// a response after the start is the new treatment's
		{"prednisone", "No improvement, and rituximab was started with complete remission.", None, ConfidenceHigh},
		// another treatment named as what failed: that treatment's
		{"azathioprine", "Steroids failed, and rituximab was started.", CategoryUnknown, ConfidenceNone},
	})
}

func TestResponseAfterAnotherTreatmentStarted(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// the response after an add-on is the new treatment's or the combination's
		{"valproate", "Seizures persisted, so lamotrigine was added, with seizure freedom.", None, ConfidenceHigh},
		{"prednisone", "She did not improve on prednisone, so cyclophosphamide was started, resulting in complete remission.", None, ConfidenceHigh},
		{"cyclophosphamide", "She did not improve on prednisone, so cyclophosphamide was started, resulting in complete remission.", Complete, ConfidenceHigh},
		// the course's class named as the treatment started: perhaps the course, perhaps
		// another treatment of its class; the reader does not decide
		{"prednisone", "Her vision worsened and high-dose steroids were started, with full recovery of vision.", CategoryUnknown, ConfidenceLow},
		// no start: begun to change, or a start denied
		{"radiotherapy", "After the radiotherapy, the lung lesions previously refractory to nivolumab started to decrease.", CategoryUnknown, ConfidenceLow},
		{"amphotericin B", "No orbital debridement was performed and the patient had resolution of his orbital findings with amphotericin B.", Complete, ConfidenceHigh},
	})
}

func TestDuringAnotherTreatmentOrOffIt(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// the time on another treatment, after a course given once: after the course
		{"IVIG", "Recovered fully after IVIG; relapse during steroid therapy 2 months later.", Complete, ConfidenceHigh},
		// the time off a treatment
		{"infliximab", "Remission; flare during an infliximab interruption.", CategoryUnknown, ConfidenceLow},
		{"cyclophosphamide", "Complete remission; relapse during treatment-free follow-up.", Complete, ConfidenceHigh},
		// the course's own early time
		{"IVIG", "Relapsed during the first month of IVIG therapy.", Progression, ConfidenceHigh},
	})
}

func TestTreatmentAfterAWordOfStart(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// "introduction of X" names X as given, as "initiation of X" does
		{"benralizumab", "Introduction of benralizumab led to marked improvement and reduced the amount of systemic corticosteroids.", Partial, ConfidenceHigh},
	})
}

func TestCellsOfSeveralTreatments(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// "Drug: outcome" parts are each their drug's, not sites
		{"adalimumab", "MTX: NR; ADA: CR", Complete, ConfidenceHigh},
		{"methotrexate", "MTX: no response; adalimumab: complete response", None, ConfidenceHigh},
		// an outcome after another treatment's arrow, or after a switch to it
		{"infliximab", "IFX: no resp; switched to UST → remission", None, ConfidenceHigh},
		{"ganciclovir", "GCV → VL rising; FCN → undetectable", CategoryUnknown, ConfidenceLow}, // not foscarnet's response
		// another drug of the course's class, when the course's own drug is named too
		{"ganciclovir", "Resistant to ganciclovir; cleared on foscarnet", None, ConfidenceHigh},
		// … but the course's pulse and its taper are one course
		{"methylprednisolone", "IV methylprednisolone followed by oral prednisolone with complete resolution", Complete, ConfidenceHigh},
	})
}

func TestRelapseAfterTheCourseIsNoDisagreement(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// a relapse after the course, in a statement not naming it, does not disagree with the
		// course's response (rule 3 keeps the best response)
		{"corticosteroids", "In the initial stage, corticosteroid treatment was effective, but symptoms relapsed after drug withdrawal.", Partial, ConfidenceHigh},
		{"fecal microbiota transplantation", "She underwent FMT with resolution of her diarrhea but relapsed 2 weeks later.", Complete, ConfidenceHigh},
		// a relapse on the course, in a statement not naming it: set aside, and the reader
		// leaves the reading to a person
		{"corticosteroids", "Corticosteroid treatment was effective, but symptoms relapsed on tapering.", CategoryUnknown, ConfidenceLow},
		// a spaced slash between labelled parts
		{"prednisone", "Pred: NR / CsA: PR", CategoryUnknown, ConfidenceNone},
		{"cyclosporine", "Pred: NR / CsA: PR", Partial, ConfidenceHigh},
	})
}

func TestSwitchesAndConcededChanges(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		// the outcome after a switch away from the course is the new treatment's
		{"azathioprine", "Switching from azathioprine to mycophenolate led to a fall in proteinuria from 4.2 g/day to 1.1 g/day.", CategoryUnknown, ConfidenceNone},
		{"lamotrigine", "Replacing lamotrigine with valproate reduced seizure frequency by 80%.", CategoryUnknown, ConfidenceNone},
		{"valproate", "Replacing lamotrigine with valproate reduced seizure frequency by 80%.", Partial, ConfidenceHigh},
		// a change for the better set against the treatment was not its aim
		{"hydroxyurea", "Despite hydroxyurea the platelet count rose to 1,500 x10^9/L.", Progression, ConfidenceHigh},
		{"eltrombopag", "The platelet count rose to 80 x10^9/L.", Partial, ConfidenceHigh},
	})
}

func TestNoneOfTheTreatmentsNamedBefore(t *testing.T) {
	text := "Several agents including topiramate, gabapentin and amitriptyline were tried but none had any beneficial effect."
	checkCourseReadings(t, []courseReading{
		{"topiramate", text, None, ConfidenceHigh},
		// the course given before them is not among those "none" stands for
		{"carbamazepine", text, CategoryUnknown, ConfidenceNone},
		{"rituximab", "Neither rituximab nor IVIG produced improvement.", None, ConfidenceHigh},
	})
}

func TestResponseRegainedOnReescalation(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"IVIG", "Responded; relapsed on tapering, responded again on re-escalation", Partial, ConfidenceHigh},
		{"steroids", "Headache eased; visual field defect persisted", CategoryUnknown, ConfidenceLow},
	})
}

// TestSizeOfALesion checks that a qualifier of size before a lesion, whose response word
// follows as a verb, describes the lesion, not the response; before a noun of response, or
// as a count ("most lesions"), it still grades it.
func TestSizeOfALesion(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"mFOLFOX6", "Abdominal CT revealed that the small nodule disappeared 7 months after surgery.", Complete, ConfidenceHigh}, // corpus ah39 (held out)
		{"imiquimod", "Minor ulcers healed.", Complete, ConfidenceHigh},
		{"imiquimod", "Small nodules decreased slightly in size.", Minimal, ConfidenceHigh},
		{"imiquimod", "A small improvement of the nodules.", Minimal, ConfidenceHigh},
		{"imiquimod", "Minimal lesion regression.", Minimal, ConfidenceHigh},
		{"imiquimod", "Most lesions resolved.", Partial, ConfidenceHigh},
	})
}

// TestResultClause checks that a participle of result after a comma opens a clause a
// negation before the comma does not reach.
func TestResultClause(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"anti-tuberculosis therapy", "The patient was closely monitored without modifying treatment or adding corticosteroids, showing improvement on the 34th day of anti-tuberculosis therapy.", Partial, ConfidenceHigh}, // corpus af27
		{"prednisone", "Without any improvement, resulting in death.", None, ConfidenceHigh},
		{"prednisone", "There was no pain, swelling or bleeding, showing a complete response.", Complete, ConfidenceHigh},
	})
}

// TestRefractoryToGenericTreatment checks genericObject: a history cue whose object is every
// treatment or a generic one, in a statement naming no other treatment, states the course's
// outcome; a qualifier that may place the treatment before the course, "other", or a
// treatment named after it leaves the cue to history.
func TestRefractoryToGenericTreatment(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"amiodarone", "SVT resistant to all", None, ConfidenceHigh},
		{"indomethacin", "refractory to all", None, ConfidenceHigh},
		{"sertraline + quetiapine", "resistant to combination treatment", None, ConfidenceHigh},
		{"carbimazole", "refractory to drug tx -> emergency total thyroidectomy", None, ConfidenceHigh},
		{"rosuvastatin and fenofibrate", "was refractory to pharmacologic therapy", None, ConfidenceHigh},
		// a qualifier, "other", or another treatment named: history, not this course
		{"rituximab", "refractory to conventional therapy", CategoryUnknown, ConfidenceNone},
		{"rituximab", "refractory to all other treatments", CategoryUnknown, ConfidenceNone},
		{"rituximab", "refractory to treatment with steroids", CategoryUnknown, ConfidenceNone},
		{"rituximab", "refractory to steroids and IVIG", CategoryUnknown, ConfidenceNone},
		// a course named before it is what it refers to; one named after it is a next step
		{"rosuvastatin and fenofibrate", "treated with rosuvastatin and fenofibrate but was refractory to pharmacologic therapy", None, ConfidenceHigh},
		{"rituximab", "resistant to all, then CR on rituximab", Complete, ConfidenceHigh},
		{"rituximab", "refractory to all prior lines, CR on rituximab", Complete, ConfidenceHigh},
		// another outcome stated: the generic object is the indication
		{"rituximab", "refractory to treatment; CR after 4 doses", Complete, ConfidenceHigh},
		{"rituximab", "previously refractory to all treatments, now in CR", Complete, ConfidenceHigh},
		// a procedure's indication; "medical" therapy; a susceptibility test
		{"deep brain stimulation", "refractory to maximal drug therapy", CategoryUnknown, ConfidenceNone},
		{"infliximab", "refractory to medical treatment", CategoryUnknown, ConfidenceNone},
		{"bedaquiline", "isolate resistant to all drugs tested", CategoryUnknown, ConfidenceNone},
		// a denial states no failure
		{"rituximab", "not resistant to treatment", CategoryUnknown, ConfidenceNone},
		{"rituximab", "no longer resistant to treatment, in CR", Complete, ConfidenceHigh},
	})
}

// TestDosedAbbreviationLabels: an abbreviated drug that opens its statement with a dose or a
// duration names that statement's treatment, as a label does.
func TestDosedAbbreviationLabels(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"adalimumab", "MTX 15 mg x16 wk PASI 20->14, stopped; adalimumab mono -> PASI 1 at wk 12", CategoryUnknown, ConfidenceLow},
		{"methotrexate", "MTX 15 mg x16 wk PASI 20->14, stopped; adalimumab mono -> PASI 1 at wk 12", Minimal, ConfidenceHigh},
		{"mycophenolate", "MTX 6 mo mRSS 28 -> 30, swapped to MMF; mRSS 15 a yr later", CategoryUnknown, ConfidenceNone},
		// an abbreviation without a dose stays weak evidence of another treatment
		{"mycophenolate", "MTX, mRSS 28 -> 30", None, ConfidenceHigh},
	})
}
