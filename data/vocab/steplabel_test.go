package vocab

import "testing"

// TestStepsOfATreatmentHistory checks cells that paste a whole treatment history while the
// row names one course: a part opened by another treatment, its dose and an arrow is that
// treatment's step; a step of the course with another drug joined by "+" is the course's; a
// statement opened by "but" after one naming only another treatment, and a relative clause
// after a treatment named as history, go on telling of it. Near misses: a change of dose
// ("pred 60 -> 20 mg") is no step, a colon before other words is no arrow, a "but" that
// leads to the course named later in its sentence stays the course's, a "but" after a
// background therapy continued is no outcome of it, a comma after a drug's dose starts a
// sequence, not a combination, a symptom's state after an arrow is no grade, and a relative
// after a treatment given with the course shares it.
func TestStepsOfATreatmentHistory(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"an earlier step with its dose", "Prednisone 40 mg -> no response. IVIG -> PDAI 4", "IVIG", Unclassified, ConfidenceNone},
		{"a relapse in an earlier step", "pred 1mg/kg -> relapse x3 on taper; CsA -> nephrotox, stopped; tofacitinib 5 bd -> rash cleared", "tofacitinib", Complete, ConfidenceHigh},
		{"the course's step names another drug", "steroids 1mg/kg -> relapse twice on taper; CsA 5 mg/kg -> rash cleared 2 wk, steroids off", "ciclosporin", Complete, ConfidenceHigh},
		{"the course's step, a later one's outcome", "dapsone 100 mg 3 wk -> no effect; CsA 3 mg/kg -> plaques cleared by wk 2", "dapsone", None, ConfidenceHigh},
		{"a combination step", "IVIG + pred -> partial response; RTX -> continued new blisters on hands", "IVIG", Partial, ConfidenceHigh},
		{"the course's own first step", "pred 1mg/kg -> relapse x3 on taper; CsA -> nephrotox, stopped; tofacitinib 5 bd -> rash cleared", "prednisolone", Progression, ConfidenceHigh},
		{"but goes on telling of another", "clobetasol controlled it but relapsed on taper x2. MTX added, cleared at M12", "methotrexate", Complete, ConfidenceHigh},
		{"a relative after a failed one", "refractory to oral tetracyclines, which had given only partial control for a year; moved away after one month", "isotretinoin", NotEvaluable, ConfidenceHigh},
		{"partial control", "sulfapyridine 1 g bd -> partial control, occasional vesicles on elbows", "sulfapyridine", Partial, ConfidenceHigh},
		// near misses
		{"a change of dose is no step", "palmar papules and ulcers cleared; pred 40 -> 7.5 mg without flare", "tofacitinib", Complete, ConfidenceHigh},
		{"a colon before other words", "CsA + pred 0.5 mg/kg: ulcer 6 cm -> healed by wk 14", "prednisolone", Complete, ConfidenceHigh},
		{"but leads to the course", "did not respond to lorazepam and phenytoin but responded only after giving intravenous pyridoxine", "pyridoxine", Partial, ConfidenceHigh},
		{"a background continued, then a contrast", "Dupilumab 300 mg q2w: itch much better at wk 4; topical steroids continued but eczema flared to baseline by wk 16", "dupilumab", Partial, ConfidenceLow},
		{"a sequence after a dose is no combination", "MTX 3 mo, adalimumab -> PASI 90", "methotrexate", Unclassified, ConfidenceNone},
		{"a symptom's state after an arrow is no grade", "pruritus: severe -> none", "dupilumab", Unclassified, ConfidenceNone},
		{"a relative after a drug given with the course", "treated with penicillin V for 6 weeks along with hyperbaric oxygen, which resulted in complete healing", "penicillin V", Complete, ConfidenceHigh},
	})
}
