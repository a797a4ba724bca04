package vocab

import "testing"

// TestLesionChangesStopsAndMeasures reads what blind probes of photodermatoses, keloids
// and skin infections showed the reader missing (docs/outcomes.md, twenty-ninth session),
// each beside a near miss that must keep its reading.
func TestLesionChangesStopsAndMeasures(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		// a weak word of change said of a lesion at its clause's start
		{"papules flattened, with a residue", "Papules flattened, a few deep nodules remain at wk 8", "itraconazole", Partial, ConfidenceHigh},
		{"the lesions flattened and faded", "the lesions flattened and faded over 6 weeks", "", Partial, ConfidenceHigh},
		{"near miss: no lesion named", "flattened markedly by wk 8", "", Partial, ConfidenceLow},
		{"near miss: a curve is no lesion", "the curve flattened", "", Partial, ConfidenceLow},
		{"near miss: a lesion that seemed smaller", "the wart seemed smaller at 4 weeks", "", Partial, ConfidenceLow},
		{"near miss: a noun of regrowth", "Keloid regrowth at 4 mo despite monthly injections", "triamcinolone", Partial, ConfidenceLow},
		{"near miss: faded at the margins only", "Lesions faded at the margins only", "", Partial, ConfidenceLow},
		// sizes written with decimals inside their dimensions
		{"two dimensions with a decimal", "ulcer 2x1 cm → 1x0.5 cm at 6 wk", "", Partial, ConfidenceHigh},
		// a drug of the course's class named in a compound adjective
		{"another of the class resistant", "Terbinafine-resistant tinea. Itraconazole cleared it in 8 weeks", "itraconazole", Complete, ConfidenceHigh},
		{"near miss: the course resistant", "Terbinafine-resistant tinea", "terbinafine", None, ConfidenceHigh},
		// a stop of the course before a relapse
		{"stopped, then the itch back", "NRS 9→0 wk12; stopped at 1 yr, itch back 3 mo later", "dupilumab", Complete, ConfidenceHigh},
		{"stopped for a harm, then relapse", "Cleared within 6 wk. Stopped at 5 mo for creatinine rise; relapsed 2 mo later.", "", Complete, ConfidenceHigh},
		{"tapered off, then relapse", "All 3 ulcers completely healed in 10 wk. Tapered off over 3 mo; relapse 4 mo later.", "", Complete, ConfidenceHigh},
		{"near miss: the relapse is the stop's cause", "Pain improved. The drug was stopped because the pain recurred", "", Partial, ConfidenceLow},
		{"near miss: the disease stopped", "Blisters stopped in 1 wk; relapse at 3 mo", "", Partial, ConfidenceLow},
		{"near miss: a named drug stopped", "Lesions cleared. Prednisone stopped at 2 mo; relapse 3 mo later", "methotrexate", Complete, ConfidenceLow},
		{"near miss: we stopped another drug", "Clear skin by mo 4. We stopped prednisone at mo 5; flare 6 wk later", "methotrexate", Complete, ConfidenceLow},
		{"near miss: another drug's dose tapered off", "Clear skin by mo 4. Prednisone dose tapered off at 4 mo; flare 2 mo later", "methotrexate", Complete, ConfidenceLow},
		{"near miss: the disease ceased", "Itch improved, then ceased by wk 6; recurred at wk 14", "adalimumab", Complete, ConfidenceLow},
		{"near miss: it stopped working", "CR at 6 mo; it stopped working after 2 yr; relapse at 26 mo", "ibrutinib", Complete, ConfidenceLow},
		{"near miss: stopped smoking", "DAS28 5.1 → 2.3 at 6 mo. Stopped smoking at 7 mo; flare at 9 mo", "methotrexate", Complete, ConfidenceLow},
		// words of return
		{"reoccurred on the course", "lesions cleared, reoccurred at wk 6 on drug", "", Progression, ConfidenceHigh},
		{"crusts re-formed despite the course", "improved dramatically in 10 days but crusts re-formed on hands at wk 4 despite continued weekly ivermectin", "", Progression, ConfidenceHigh},
		// another treatment managed beside the course, or named as a disease's cause
		{"another treatment held", "rash slightly improved at 4 wk, panitumumab held anyway", "doxycycline", Minimal, ConfidenceHigh},
		{"another treatment's dose reduced", "gradual improvement over 6 mo, dapsone reduced 100 → 25 mg", "gluten-free diet", Partial, ConfidenceHigh},
		{"another treatment never interrupted", "acneiform eruption: total clearance at wk 8, osimertinib never interrupted", "doxycycline", Complete, ConfidenceHigh},
		{"a drug named as the cause", "Erlotinib acneiform eruption completely cleared at 6 wk FU", "minocycline", Complete, ConfidenceHigh},
		{"near miss: another treatment that worked", "lesions cleared after methotrexate was added", "prednisone", Unclassified, ConfidenceNone},
		{"near miss: with another treatment", "With methotrexate lesions cleared by 3 mo", "adalimumab", Unclassified, ConfidenceNone},
		{"near miss: after another treatment", "After PUVA mycosis fungoides cleared", "bexarotene", Unclassified, ConfidenceNone},
		// a response that escaped
		{"escaped by a later infusion", "good response at first, escaped by the 5th infusion", "infliximab", Partial, ConfidenceLow},
		// a lesion gone, joined to "free"
		{"keloid-free", "Keloid-free at 5 years.", "excision + radiotherapy", Complete, ConfidenceHigh},
		{"free of eruptions", "free of eruptions all summer", "hydroxychloroquine", Complete, ConfidenceHigh},
		// rule 8: a finding gone beside one that persisted is proposed partial
		{"a finding gone beside one unchanged", "Digital ulcers healed, calcinosis present unchanged", "", Partial, ConfidenceLow},
		// measures of scores.tsv
		{"a patch's size", "patch 3 cm → 2.5 cm", "", Minimal, ConfidenceHigh},
		{"time in the sun", "sun time 15 → 120 min", "", Partial, ConfidenceHigh},
		{"hyperhidrosis severity", "HDSS 4 → 1", "", Partial, ConfidenceHigh},
		{"porphyrins", "porphyrins 1800 → 1250 µg/g creat", "", Minimal, ConfidenceHigh},
		{"near miss: a fall of a higher-is-better dose", "MUD 0.5 → 0.4 J/cm2", "", None, ConfidenceLow},
		{"near miss: hair shafts thicker", "Hair thickness 40 → 70 µm", "minoxidil", Unclassified, ConfidenceNone},
		{"near miss: medical students", "med students 4 → 6", "", Unclassified, ConfidenceNone},
	})
}
