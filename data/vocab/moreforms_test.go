package vocab

import "testing"

// TestMoreSheetForms holds the reader to the forms that the rules of the eighteenth session of
// 2026-12-07 read: a response that lasted ("no recurrence") as the only statement of the
// outcome; " / " between a cell's statements; "Resp" as a label, and "N" or a "[Y/N]" in a
// label and its answer; no evaluation, assessment or statement of the outcome; a history cue's
// scope that ends at a start; findings apart from the sites in rule 8's roll-up; a response in
// the sentence after another treatment's start; "instead of"; an outcome another treatment
// gave. Most rows have a near miss beside them, which must keep its old reading.
func TestMoreSheetForms(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a response that lasted: alone it decides, beside a graded response the grade does
		{"no recurrence alone", "No recurrence was observed during a 49-month follow-up.", "", Complete, ConfidenceHigh},
		{"no recurrence of the lesion", "no recurrence of the nodules at 1 yr", "", Complete, ConfidenceHigh},
		{"no recurrence beside a graded response", "dramatic improvement, no recurrence at 1 yr", "", Partial, ConfidenceHigh},
		{"no recurrence hedged", "possibly no recurrence", "", Complete, ConfidenceLow},
		{"no recurrence not reported in detail", "no recurrence of symptoms was reported, but details of outcome were not provided", "", NotEvaluable, ConfidenceHigh},
		// " / " parts a cell's statements as " - " does: no phrase across it
		{"a label answered, then another label", "Efficacy: no / Recurrence: n/a / ulcers static", "", None, ConfidenceHigh},
		{"a slash inside a phrase", "no recurrence/relapse at 1 yr", "", Complete, ConfidenceHigh},
		// "Resp" as a label a yes or a no answers; "N" answering a label; a "[Y/N]" in it
		{"Resp answered no", "Resp: N -- rituximab added mo 6", "", None, ConfidenceHigh},
		{"Resp answered none", "Resp: none ; insomnia", "", None, ConfidenceHigh},
		{"Resp answered yes", "Resp: Y", "", Partial, ConfidenceHigh},
		{"a Y/N in the label", "Response [Y/N]: N after 3 monthly doses", "", None, ConfidenceHigh},
		{"N after an equals sign", "Response = N", "", None, ConfidenceHigh},
		{"recurrence answered N", "Recurrence: N ; f/u 24 mo", "", Complete, ConfidenceHigh},
		{"resp is no word in prose", "resp failure on day 3", "", None, ConfidenceLow},
		{"resp before a number is no label", "Resp: 20/min", "", Unclassified, ConfidenceNone},
		{"a count n is no answer", "Response: n = 5", "", Unclassified, ConfidenceNone},
		// no evaluation, assessment or statement of the outcome: not evaluable
		{"no evaluation of efficacy", "No evaluation of efficacy was possible.", "", NotEvaluable, ConfidenceHigh},
		{"no assessment of a finding, then more", "No assessment of hair regrowth was made before she switched.", "", NotEvaluable, ConfidenceHigh},
		{"no statement on the response", "no statement on the skin response is given in the report.", "", NotEvaluable, ConfidenceHigh},
		{"no effect on a finding stays a non-response", "no effect of the treatment on the nodules was seen", "", None, ConfidenceHigh},
		{"no improvement of a finding stays a non-response", "no improvement of the ulcers", "", None, ConfidenceHigh},
		// a history cue's scope ends at a new statement of a start
		{"a start after the failed list", "psoriasis resistant to topical treatment and NB-UVB was given etanercept 0.8 mg/kg weekly", "etanercept", Unclassified, ConfidenceNone},
		{"a dosed course after a comma", "After failure of adalimumab and secukinumab, bimekizumab 320 mg was begun. It cleared the skin.", "bimekizumab", Complete, ConfidenceHigh},
		{"a dosed course in the failed list", "refractory to steroids and rituximab 375 mg/m2 weekly", "rituximab", None, ConfidenceHigh},
		// rule 8: a finding apart from the sites counts; a listed site is its statement's
		{"a finding improved beside unchanged sites", "Muscle strength normalised and the rash faded within 4 months, but the calcified nodules on the buttocks and elbows did not change on CT.", "", Partial, ConfidenceHigh},
		{"unchanged sites alone", "the calcified nodules on the buttocks and elbows did not change on CT.", "", None, ConfidenceHigh},
		{"a listed site is its statement's", "the HS worsened with new abscesses in the perineum and buttocks, while the Crohn disease stayed quiescent.", "", Progression, ConfidenceHigh},
		// a response after another treatment's start, in the next sentence
		{"a response in the sentence after another start", "She had taken diltiazem for two years with no discernible change. Pamidronate infusions every three months were then started. After four cycles the deposits were smaller on radiographs.", "diltiazem", None, ConfidenceHigh},
		{"the same in the started treatment's row", "She had taken diltiazem for two years with no discernible change. Pamidronate infusions every three months were then started. After four cycles the deposits were smaller on radiographs.", "pamidronate", Partial, ConfidenceHigh},
		{"a response two sentences after the start", "Pamidronate was started. Calcium fell. After four cycles the deposits were smaller.", "diltiazem", Partial, ConfidenceHigh},
		{"used with good effect", "Lesions remained unchanged in number and size, and intralesional triamcinolone was subsequently used with good effect.", "hydroxychloroquine", None, ConfidenceHigh},
		// "instead of" denies what it governs, a noun phrase
		{"instead of improving", "Instead of improving, the dermatitis spread to the face and hands over the first 8 weeks.", "", Progression, ConfidenceHigh},
		{"instead of another treatment", "IVIG was given instead of steroids, with remission", "", Complete, ConfidenceHigh},
		// an outcome given by another treatment before it, over a time
		{"another treatment gave no benefit", "HCQ alone for 6 months had given no benefit in this smoker with widespread DLE. Mepacrine 100 mg daily was added.", "mepacrine", Unclassified, ConfidenceNone},
		{"the course gave no benefit", "HCQ alone for 6 months had given no benefit in this smoker with widespread DLE.", "hydroxychloroquine", None, ConfidenceHigh},
		// a finding or a score not measured again
		{"a score not repeated after a stop", "d/c wk 2 : diarrhoea + headache ; PASI not repeated", "", NotEvaluable, ConfidenceHigh},
		{"no score recorded", "eczema herpeticum wk 6 -> MMF held; no EASI recorded", "", NotEvaluable, ConfidenceHigh},
		{"not re-imaged", "d/c mo 2 - epistaxis; calcinosis not re-imaged", "", NotEvaluable, ConfidenceHigh},
		{"a response beside a score not recorded", "PASI 20 -> 4; DLQI not recorded", "", Partial, ConfidenceHigh},
		{"no episodes is no missing report", "No episodes of febrile neutropenia were observed.", "chemotherapy", Unclassified, ConfidenceNone},
		// a label's choices, and a weak label affirmed
		{"the choices of a label", "CR/PR/SD/PD: PD (new deposits both thumbs, 12 mo)", "", Progression, ConfidenceHigh},
		{"grades joined by a slash are no choices", "PR/CR", "", Complete, ConfidenceHigh},
		{"a weak label affirmed", "Clearance: yes, after 24 Tx ; recurrence: none at 6 mo", "", Complete, ConfidenceHigh},
		// a score's part between its name and its values; skin scores and lesion counts
		{"a score's activity part", "CDASI-A 34 -> 6 (wk 24)", "", Partial, ConfidenceHigh},
		{"a sarcoidosis score", "CSAMI-A 40 -> 0", "", Complete, ConfidenceHigh},
		{"a count of papules", "papules/pustules 14 -> 13 @ wk 12", "", Minimal, ConfidenceHigh},
		{"a new digital ulcer after a count fell", "DU count 4 -> 0 wk 12 / new DU R index wk 20, still on sildenafil", "", Complete, ConfidenceLow},
		{"an unknown part is no score's", "PASI b 20 -> 5", "", Unclassified, ConfidenceNone},
		// follow-up lost or none, the words inverted
		{"follow-up lost", "f/u lost after 3 mo (family moved abroad)", "", NotEvaluable, ConfidenceHigh},
		{"follow-up none", "f/u: none after inj. #1 (LTFU)", "", NotEvaluable, ConfidenceHigh},
		{"a response before follow-up was lost", "PR at wk 8; f/u lost after", "", Partial, ConfidenceHigh},
		// a next step contemplated after a failure; a procedure as an occasion; a schedule
		{"a failure before a step discussed", "Because of the lack of response, autologous stem cell transplantation was discussed.", "methotrexate", None, ConfidenceHigh},
		{"a finding at surgery", "Oral flucloxacillin was given. Within 36 hours the erythema spread rapidly, and necrotising fasciitis was confirmed at surgery.", "flucloxacillin", Progression, ConfidenceLow},
		{"the days of a schedule", "Rituximab 1 g on days 1 and 15 was given. All oral and skin erosions had healed by month 4.", "", Complete, ConfidenceHigh},
		{"a count of patients stays one", "2 and 3 improved", "", Unclassified, ConfidenceNone},
		// new lesions that fell are a measure that fell
		{"new blister formation decreased", "After 4 cycles new blister formation decreased markedly.", "", Partial, ConfidenceHigh},
		{"the number of new blisters fell", "the number of new blisters fell markedly", "", Partial, ConfidenceHigh},
		{"new lesions appeared stays a worsening", "new lesions appeared", "", Progression, ConfidenceHigh},
		// "down" with an approximate percentage; a graft's take; a residue after a comma
		{"down by an approximate percentage", "pustule count down ~30%", "", Minimal, ConfidenceHigh},
		{"a measure down alone", "CRP down", "", Partial, ConfidenceHigh},
		{"a graft's take", "graft take ~40%, remaining areas open", "", Minimal, ConfidenceHigh},
		{"a residue after a comma is another statement's", "take 95%, a residual 1 cm area still healing", "", Partial, ConfidenceHigh},
		{"a residue right after the percentage", "10% residual disease", "", Partial, ConfidenceHigh},
		// a death from an infection of the wounds; an outcome to be determined
		{"wound sepsis", "died 2 wks post debridement of wound sepsis", "", Progression, ConfidenceLow},
		{"sepsis alone stays another cause", "died of sepsis", "", NotEvaluable, ConfidenceHigh},
		{"to be determined", "Outcome: TBD", "", NotEvaluable, ConfidenceHigh},
		// a stop after its reason: more harms, an ordinal, the course as the stop's object
		{"a harm in a numbered session, then the stop", "hypotension during 1st session, stopped", "", NotEvaluable, ConfidenceHigh},
		{"a harm, then the course stopped", "eczema herpeticum wk 4, course stopped", "", NotEvaluable, ConfidenceHigh},
		{"a burn, then the stop", "phototoxic burn wk 2, stopped", "", NotEvaluable, ConfidenceHigh},
		{"a result before the stop stays unread", "negative at 1 mo, stopped", "", NotEvaluable, ConfidenceLow},
		// no difference in other words; a wound closed, a lesion inactive as the whole cell
		{"no visible difference", "no visible difference, pt disappointed", "", None, ConfidenceHigh},
		{"no diff against a control", "no diff vs control side", "", None, ConfidenceHigh},
		{"closed as a wound's grade", "closed at 8 wk", "", Complete, ConfidenceHigh},
		{"closed elsewhere is no grade", "the clinic closed", "", Unclassified, ConfidenceNone},
		{"fully pigmented", "treated patch fully pigmented, stable at 18 mo", "", Complete, ConfidenceHigh},
	})
}
