package vocab

import (
	"reflect"
	"strings"
	"testing"
)

func TestOutcomePhrasings(t *testing.T) {
	v := Default()
	tests := []struct {
		text   string
		cat    Category
		code   string
		status MatchStatus
		phrase string
	}{
		// a phrase that starts inside a negation cue and runs past it keeps its own
		// reading: "was not" + "not evaluable"
		{"Response was not evaluable", NotEvaluable, "NE", StatusExact, "Response was not evaluable"}, // an unreported outcome (unreported.go)
		{"treatment was not successful", None, "SD", StatusContained, "not successful"},
		{"the response was not yet evaluable", NotEvaluable, "NE", StatusContained, "response was not yet evaluable"},
		{"Clinical conditions are ameliorating to date", Partial, "PR", StatusContained, "ameliorating"},
		// wounds and nodules in plain words
		{"nodules became softer", Partial, "PR", StatusContained, "softer"},
		{"wound closure achieved at 8 weeks", Complete, "CR", StatusContained, "wound closure"},
		{"New nodules", Progression, "PD", StatusExact, "New nodules"},
		// praise of a procedure (rule 7), a modest success, an effect negated
		{"The patient had an uneventful recovery.", Unclassified, "", StatusContained, "uneventful recovery"}, // praise of a procedure, or the recovery from the disease after a medicine: a person decides
		{"The postoperative course was uneventful.", NotEvaluable, "NE", StatusContained, "uneventful"},
		{"methylprednisolone was used, with some success", Minimal, "SD", StatusContained, "some success"},
		{"it couldn't suppress frequent VT episodes", None, "SD", StatusContained, "suppress"},
		{"symptoms did not reappear", Complete, "CR", StatusContained, "reappear"},
		{"imatinib was stopped for non-optimal response", Minimal, "SD", StatusContained, "response"},
		{"The patient failed to attend his follow-up reviews", NotEvaluable, "NE", StatusContained, "failed to attend"},
		// fewer events of the disease; a weaker effect
		{"attacks became less frequent", Partial, "PR", StatusContained, "less frequent"},
		{"fewer seizures since the second month", Partial, "PR", StatusContained, "fewer seizures"},
		{"The second infusion was less efficacious", Minimal, "SD", StatusContained, "less efficacious"},
		// a manifestation that can no longer be found; a shrinking that goes on
		{"seizures stopped and she has remained free of seizures", Complete, "CR", StatusContained, "seizures stopped"},
		{"the nodule was no longer visible on imaging", Complete, "CR", StatusContained, "no longer visible"},
		{"the tumour continued to shrink", Partial, "PR", StatusContained, "continued to shrink"},
		// infectious-disease response criteria, fluid that came back
		{"Success under voriconazole therapy, discharged from hospital in good condition", Partial, "PR", StatusContained, "Success under"},
		{"no reaccumulation of pleural fluid occurred", Complete, "CR", StatusContained, "reaccumulation"},
		// function regained
		{"He returned to work after 3 months", Partial, "PR", StatusContained, "returned to work"},
		// wound and lesion healing in plain words
		{"complete re-epithelialization of the ulcer", Complete, "CR", StatusContained, "re-epithelialization"},
		{"near-complete clearance", Partial, "PR", StatusExact, "near-complete clearance"},
		// seed phrasings (shared/seeds 000 and 003)
		{"marked improvement", Partial, "PR", StatusExact, "marked improvement"},
		{"On follow up visits, there was marked improvement in the lesions", Partial, "PR", StatusContained, "marked improvement"},
		{"responded well", Partial, "PR", StatusExact, "responded well"},
		{"poor response", None, "SD", StatusExact, "poor response"},
		{"minimal improvement", Minimal, "SD", StatusExact, "minimal improvement"},
		{"On follow-up visits, there was minimal improvement in the lesions.", Minimal, "SD", StatusContained, "minimal improvement"},
		{"minimal response", Minimal, "SD", StatusExact, "minimal response"},
		{"lost to followup", NotEvaluable, "NE", StatusExact, "lost to followup"},
		{"Lost to follow-up", NotEvaluable, "NE", StatusExact, "Lost to follow-up"},
		{"lost to follow up", NotEvaluable, "NE", StatusExact, "lost to follow up"},
		{"noticeable clinical improvement", Partial, "PR", StatusExact, "noticeable clinical improvement"},
		{"mild clearance", Minimal, "SD", StatusExact, "mild clearance"},
		{"resolution", Complete, "CR", StatusExact, "resolution"},
		{"resolution of lesions", Complete, "CR", StatusExact, "resolution of lesions"},
		{"no improvement", None, "SD", StatusExact, "no improvement"},
		{"improvement", Partial, "PR", StatusExact, "improvement"},
		{"improvement with resolution of lesions", Complete, "CR", StatusContained, "resolution of lesions"},
		{"noticeable clinical improvement noted by reduction in stiffness and pain. Repeat skeletal survey also shows mild clearance of the calcification", Partial, "PR", StatusContained, "noticeable clinical improvement"},
		// literature phrasings
		{"Complete resolution", Complete, "CR", StatusExact, "Complete resolution"},
		{"complete remission after 6 months", Complete, "CR", StatusContained, "complete remission"},
		{"PARTIAL RESPONSE", Partial, "PR", StatusExact, "PARTIAL RESPONSE"},
		{"partial improvement", Partial, "PR", StatusExact, "partial improvement"},
		{"significant improvement", Partial, "PR", StatusExact, "significant improvement"},
		{"near-complete resolution", Partial, "PR", StatusExact, "near-complete resolution"},
		{"stable disease", None, "SD", StatusExact, "stable disease"},
		{"no change", None, "SD", StatusExact, "no change"},
		{"Unchanged.", None, "SD", StatusExact, "Unchanged"},
		{"worsened", Progression, "PD", StatusExact, "worsened"},
		{"progression", Progression, "PD", StatusExact, "progression"},
		{"new lesions", Progression, "PD", StatusExact, "new lesions"},         // a secondary phrase as the whole cell: the authors' grade
		{"with new lesions", Unclassified, "", StatusContained, "new lesions"}, // a secondary phrase in passing: proposed, not counted
		{"died", Progression, "PD", StatusExact, "died"},                       // a death as the whole outcome cell: from the disease (rule 4)
		{"the patient died", Unclassified, "", StatusContained, "died"},        // no cause stated: low confidence (rule 4)
		{"discontinued due to side effects", NotEvaluable, "NE", StatusExact, "discontinued due to side effects"},
		{"CR", Complete, "CR", StatusExact, "CR"},
		{"PD", Progression, "PD", StatusExact, "PD"},
		{"cr", CategoryUnknown, "", StatusUnknown, ""}, // two-letter codes must be upper case
		{"", CategoryUnknown, "", StatusUnknown, ""},
		{"treated with diltiazem 60 mg", CategoryUnknown, "", StatusUnknown, ""},
		// negation
		{"not improved", None, "SD", StatusExact, "not improved"},
		{"without improvement", None, "SD", StatusExact, "without improvement"},
		{"did not show any improvement", None, "SD", StatusContained, "improvement"},
		{"no significant improvement", None, "SD", StatusExact, "no significant improvement"},
		{"no marked improvement", None, "SD", StatusContained, "marked improvement"},
		// the absence of worsening alone: stable or responding, left to a person (low confidence)
		{"there was no further progression", Unclassified, "", StatusContained, "progression"},
		{"no new lesions", Unclassified, "", StatusContained, "new lesions"},
		{"not, however, improvement", Partial, "PR", StatusContained, "improvement"},          // punctuation ends the negation's scope
		{"no pain and improvement of nodules", Partial, "PR", StatusContained, "improvement"}, // "and" ends it too
		// a negated quantity states no response (it read as the response it denies)
		{"did not achieve PASI 75", None, "SD", StatusContained, "PASI 75"},
		{"failed to reach PASI 75", None, "SD", StatusContained, "PASI 75"},
		{"no 50% reduction", None, "SD", StatusContained, "50"},
		{"did not decrease by 50%", None, "SD", StatusContained, "50"},
		// best overall response across phrases
		{"poor response to 60 mg; after increase to 90 mg responded well", Partial, "PR", StatusContained, "responded well"},
		{"marked improvement but new lesions", Unclassified, "", StatusContained, "marked improvement"}, // progression (new lesions) or a site that did not respond: a person decides
		{"initial improvement, lost to follow-up later", Partial, "PR", StatusContained, "improvement"},
		{"improvement was slow, but therapy was effective in preventing new lesions", Partial, "PR", StatusContained, "improvement"},
		{"resolved after excision, no recurrence", Complete, "CR", StatusContained, "resolved"},
		// a word of persistence followed by a level or by the treatment says nothing bad persisted
		// (each read as a non-response with high confidence)
		{"platelets remained above 100", Unclassified, "", StatusContained, "remained"},
		{"remained off treatment", Unclassified, "", StatusContained, "remained"},
		{"still receiving treatment", Unclassified, "", StatusContained, "still"},
		{"continued treatment for 6 months", Unclassified, "", StatusContained, "continued"},
		{"fever persisted", None, "SD", StatusContained, "persisted"},
		{"response lost", Unclassified, "", StatusExact, "response lost"}, // a relapse without time: proposed progression (it read "response": partial)
	}
	for _, tt := range tests {
		o := v.Outcome(tt.text)
		if o.Category != tt.cat || o.Code != tt.code || o.Status != tt.status || o.Phrase != tt.phrase {
			t.Errorf("Outcome(%q) = {Category:%v Code:%q Status:%v Phrase:%q}, want {%v %q %v %q}", tt.text, o.Category, o.Code, o.Status, o.Phrase, tt.cat, tt.code, tt.status, tt.phrase)
		}
		if o.Phrase != "" && !strings.Contains(tt.text, o.Phrase) {
			t.Errorf("Outcome(%q).Phrase %q is not text from the input", tt.text, o.Phrase)
		}
	}
}

func TestOutcomeNegationFlags(t *testing.T) {
	o := Default().Outcome("did not show any improvement")
	// a negated response is primary evidence: "did not improve" is as clear as "no improvement"
	if len(o.Phrases) != 1 || !o.Phrases[0].Negated || o.Phrases[0].Secondary || o.Phrases[0].Category != None || o.Confidence != ConfidenceHigh {
		t.Errorf("phrases = %+v (confidence %v), want one negated primary none read with high confidence", o.Phrases, o.Confidence)
	}
	o = Default().Outcome("no improvement")
	if len(o.Phrases) != 1 || o.Phrases[0].Negated || o.Phrases[0].Matched != "no improvement" {
		t.Errorf("phrases = %+v, want the explicit phrase, not a negation", o.Phrases)
	}
}

func TestOutcomeMixed(t *testing.T) {
	v := Default()
	if o := v.Outcome("noticeable clinical improvement; mild clearance"); !o.Mixed {
		t.Errorf("partial + minimal: Mixed = false, want true")
	}
	if o := v.Outcome("marked improvement"); o.Mixed {
		t.Errorf("single phrase: Mixed = true")
	}
}

func TestOutcomeNotAttributable(t *testing.T) {
	v := Default()
	// seed 000, Case Reports summary: aggregate counts, no individual outcome
	for _, text := range []string{
		"Our two patients showed improvement with resolution of lesions",
		"three patients showed response to risedronate and diltiazem therapy",
		"Response rate 60%",
	} {
		o := v.Outcome(text)
		if !o.NotAttributable || o.Category != CategoryUnknown || o.Code != "" || o.Rule != "not attributable" {
			t.Errorf("Outcome(%q) = {NotAttributable:%v Category:%v Rule:%q}, want not attributable, unknown", text, o.NotAttributable, o.Category, o.Rule)
		}
	}
	if o := v.Outcome("the patient showed improvement"); o.NotAttributable {
		t.Errorf("singular patient marked not attributable")
	}
}

func TestOutcomeSites(t *testing.T) {
	v := Default()
	type site struct {
		name string
		cat  Category
	}
	tests := []struct {
		text  string
		sites []site
		cat   Category
		rule  string
	}{
		{"thigh: responded well; sacrum: poor response", []site{{"thigh", Partial}, {"sacrum", None}}, Partial, "site roll-up"},
		// seed 000, case 4
		{"The lesions over thigh responded well whereas the lesions over sacrum showed poor response", []site{{"thigh", Partial}, {"sacrum", None}}, Partial, "site roll-up"},
		// seed 000, summary sentence about case 4
		{"one patient had resolution only in thigh lesions and no improvement over sacral lesions", []site{{"thigh", Complete}, {"sacrum", None}}, Partial, "site roll-up"},
		{"thigh and buttock lesions resolved", []site{{"thigh", Complete}, {"buttock", Complete}}, Complete, "site roll-up"},
		{"resolved in thighs and buttocks", []site{{"thigh", Complete}, {"buttock", Complete}}, Complete, "site roll-up"},
		{"knees: minimal improvement; elbows: no change", []site{{"knee", Minimal}, {"elbow", None}}, None, "site roll-up"},
		{"hands: progression; feet: no change", []site{{"hand", Progression}, {"foot", None}}, Progression, "site roll-up"},
		{"hands: progression; feet: complete resolution", []site{{"hand", Progression}, {"foot", Complete}}, Partial, "site roll-up"},
		{"thigh: lost to follow-up; sacrum: lost to follow-up", []site{{"thigh", NotEvaluable}, {"sacrum", NotEvaluable}}, NotEvaluable, "best overall response"}, // no site evaluable: no roll-up
		{"thigh: resolved; sacrum: not assessed", []site{{"thigh", Complete}, {"sacrum", NotEvaluable}}, Complete, "site roll-up"},
		{"marked improvement in the lesions of the knees", []site{{"knee", Partial}}, Partial, "phrase"},
	}
	for _, tt := range tests {
		o := v.Outcome(tt.text)
		var got []site
		for _, s := range o.Sites {
			got = append(got, site{s.Site, s.Category})
			if tt.text[s.Start:s.End] != s.Term || s.Code != s.Category.Code() {
				t.Errorf("Outcome(%q): site %+v has inconsistent span or code", tt.text, s)
			}
		}
		if len(got) != len(tt.sites) || o.Category != tt.cat || o.Rule != tt.rule {
			t.Errorf("Outcome(%q) = sites %v, %v by %q; want sites %v, %v by %q", tt.text, got, o.Category, o.Rule, tt.sites, tt.cat, tt.rule)
			continue
		}
		for i := range got {
			if got[i] != tt.sites[i] {
				t.Errorf("Outcome(%q) site %d = %v, want %v", tt.text, i, got[i], tt.sites[i])
			}
		}
	}
}

func TestRollUp(t *testing.T) {
	s := func(cs ...Category) []SiteOutcome {
		var out []SiteOutcome
		for _, c := range cs {
			out = append(out, SiteOutcome{Category: c})
		}
		return out
	}
	tests := []struct {
		sites []SiteOutcome
		want  Category
	}{
		{s(Complete, Complete), Complete},
		{s(Complete, Partial), Partial},
		{s(Complete, None), Partial},
		{s(Partial, Progression), Partial},
		{s(Minimal, None), None},
		{s(Minimal, Minimal), Minimal},
		{s(None, Progression), Progression},
		{s(NotEvaluable, Complete), Complete},
		{s(NotEvaluable, NotEvaluable), NotEvaluable},
		{s(), NotEvaluable},
	}
	for _, tt := range tests {
		if got := rollUp(tt.sites, nil); got != tt.want {
			t.Errorf("rollUp(%v) = %v, want %v", tt.sites, got, tt.want)
		}
	}
}

func TestCategory(t *testing.T) {
	tests := []struct {
		c             Category
		name, code    string
		ordered, resp bool
	}{
		{CategoryUnknown, "unclassified", "", false, false},
		{NotEvaluable, "not evaluable", "NE", false, false},
		{Progression, "progression", "PD", true, false},
		{None, "none", "SD", true, false},
		{Minimal, "minimal", "SD", true, false},
		{Partial, "partial", "PR", true, true},
		{Complete, "complete", "CR", true, true},
	}
	for _, tt := range tests {
		if tt.c.String() != tt.name || tt.c.Code() != tt.code || tt.c.Ordered() != tt.ordered || tt.c.Responder() != tt.resp {
			t.Errorf("%d: got %q %q ordered=%v responder=%v", int(tt.c), tt.c.String(), tt.c.Code(), tt.c.Ordered(), tt.c.Responder())
		}
		p, err := ParseCategory(strings.ToUpper(tt.name))
		if err != nil || p != tt.c {
			t.Errorf("ParseCategory(%q) = %v, %v", strings.ToUpper(tt.name), p, err)
		}
	}
	if !Complete.AtLeast(Partial) || !Partial.AtLeast(Partial) || Minimal.AtLeast(Partial) || !Minimal.AtLeast(Minimal) {
		t.Error("AtLeast order wrong among ordered categories")
	}
	if NotEvaluable.AtLeast(Progression) || Complete.AtLeast(NotEvaluable) || CategoryUnknown.AtLeast(Progression) {
		t.Error("AtLeast must be false outside the order")
	}
	for s, want := range map[string]Category{"CR": Complete, "pr": Partial, "PD": Progression, "NE": NotEvaluable, "not-evaluable": NotEvaluable, "not_evaluable": NotEvaluable} {
		if got, err := ParseCategory(s); err != nil || got != want {
			t.Errorf("ParseCategory(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if _, err := ParseCategory("SD"); err == nil || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("ParseCategory(SD) error = %v, want ambiguous", err)
	}
	if _, err := ParseCategory("good"); err == nil || !strings.Contains(err.Error(), "use one of") {
		t.Errorf("ParseCategory(good) error = %v", err)
	}
	if Category(99).String() != "Category(99)" || Category(99).Code() != "" {
		t.Error("out-of-range category")
	}
}

// TestOutcomeVocabularySize checks the promise of at least 60 outcome phrasings.
func TestOutcomeVocabularySize(t *testing.T) {
	n := 0
	for _, e := range Default().c.outcomes {
		if !e.marker {
			n++
		}
	}
	if n < 60 {
		t.Errorf("outcome vocabulary has %d phrases, want >= 60", n)
	}
}

// TestOutcomeContextRules checks each rule of docs/outcomes.md "The reader" on one
// sentence: scope, course context, time, quantities, qualifiers and confidence. The
// corpus (TestOutcomeCorpus) measures the reader; these pin the mechanisms.
func TestOutcomeContextRules(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"negation beyond three words", "did not lead to any meaningful clinical improvement", "", None, ConfidenceHigh},
		// base verbs of improvement: a non-response when negated, weak alone; an improvement under way
		{"a base verb negated", "the hydronephrosis did not regress", "", None, ConfidenceHigh},
		{"an initial response, then something unread", "He initially responded well to dilatation, but four months later developed a marked, unyielding subglottic stenosis requiring tracheostomy.", "", Partial, ConfidenceLow},
		{"an initial response, then after \"then\" something unread", "good initial regression after 3 pulses, then sudden compressive optic neuropathy", "", Partial, ConfidenceLow},
		{"an initial response, then a state read", "initial improvement, then complete remission", "", Complete, ConfidenceHigh},
		{"an initial response, then an unread sentence", "Treatment led to initial clinical improvement. However, refractory heart failure necessitated urgent heart transplantation.", "", Partial, ConfidenceLow},
		{"an initial response, then another site denied", "She was started on UDCA with initial improvement in ALP but not Tbil.", "", Partial, ConfidenceHigh},
		{"initially as the time of the treatment", "He was treated initially with corticosteroids and satisfactory improvement was achieved in the lungs but not in the heart.", "", Partial, ConfidenceHigh},
		{"a response not called initial, then something unread", "He responded well to dilatation, but four months later he moved to another city.", "", Partial, ConfidenceHigh},
		{"a death of infection on an antifungal course", "However, the patient died within seven days of septic shock with multiorgan failure.", "liposomal amphotericin B", Progression, ConfidenceLow},
		{"a death of infection on a course of antibiotics", "She developed severe sepsis and succumbed to death.", "intravenous antibiotics", Progression, ConfidenceLow},
		{"a death of infection on a course that treats no infection", "The patient died of sepsis during a neutropenic period.", "cytarabine", NotEvaluable, ConfidenceHigh},
		{"a death of another cause on an anti-infective course", "The patient died of a myocardial infarction.", "vancomycin", NotEvaluable, ConfidenceHigh},
		{"little success", "Over the years, the patient tried various medications, with little success.", "", Minimal, ConfidenceHigh},
		{"optimal control denied", "A woman with NMOSD was treated with azathioprine and then rituximab, without optimal control of the disease.", "rituximab", None, ConfidenceHigh},
		{"helped: weak alone", "Unresponsive to levodopa, helped with CLNZ", "CLNZ", Partial, ConfidenceLow},
		{"a relapse on the course a response is said of", "Under natalizumab, the relapse resolved without sequelae.", "natalizumab", Progression, ConfidenceHigh},
		{"a flare controlled by another treatment named is that treatment's outcome", "The hepatitis B flare was controlled with antiviral therapy.", "R-CHOP", Unclassified, ConfidenceNone},
		{"a response that vanished: a loss a person places in time", "Her response to IVIG vanished after four weeks, requiring repeat infusions.", "IVIG", Partial, ConfidenceLow},
		{"a response gone, then the ulcer gone: two statements", "Good response and the ulcer disappeared.", "", Complete, ConfidenceHigh},
		{"almost vanished", "The hemangioma had almost vanished by 12 months.", "propranolol", Partial, ConfidenceHigh},
		{"a number after a figure label is no count", "Follow-up MRI (Fig. 3) showed complete resolution of the orbital mass.", "rituximab", Complete, ConfidenceHigh},
		{"a number after a case label is no count", "Case no. 3 improved.", "rituximab", Partial, ConfidenceHigh},
		{"a fraction as the subject", "2/3 improved.", "", Unclassified, ConfidenceNone},
		{"a count after a drug's plural name", "Of the five treated with corticosteroids, four showed complete resolution.", "", Unclassified, ConfidenceNone},
		{"a count reaching a state", "Three remain in remission at last follow-up.", "", Unclassified, ConfidenceNone},
		{"a death of infection on an antimalarial given for an immune disease", "The patient died of septic shock 3 months later.", "hydroxychloroquine", NotEvaluable, ConfidenceHigh},
		{"a death of infection on a course with an anti-infective prophylaxis", "Died of sepsis during cycle 3.", "R-CHOP + entecavir prophylaxis", NotEvaluable, ConfidenceHigh},
		{"present as an adjective is no time", "No acid-fast bacilli were seen, but caseating granulomas were present.", "antituberculous therapy", Unclassified, ConfidenceNone},
		{"no episodes of a finding, then its time", "No episodes of serositis after treatment.", "colchicine", Complete, ConfidenceLow},
		{"a response at first, then something unread", "She improved at first, but two months later she required mechanical ventilation.", "IVIG", Partial, ConfidenceLow},
		{"treated at first: the time of the treatment", "She was treated at first with IVIG and improved markedly.", "IVIG", Partial, ConfidenceHigh},
		{"hyperprogression", "The patient developed hyperprogression with a large pericardial effusion after 2 treatments of pembrolizumab.", "pembrolizumab", Progression, ConfidenceHigh},
		{"total names the measure, not the degree", "The PANSS total score was reduced by 19 points.", "", Partial, ConfidenceHigh},
		{"total names the operation", "Total thyroidectomy was performed and the symptoms improved.", "", Partial, ConfidenceHigh},
		{"a paradoxical response is no response", "Two months later she developed a paradoxical response.", "antituberculosis therapy", Progression, ConfidenceLow},
		{"a disease's own response going down is no loss", "During anakinra treatment the febrile response decreased and attacks stopped.", "anakinra", Complete, ConfidenceHigh},
		{"a mass effect going down is no loss", "The mass effect decreased on follow-up MRI and the headache resolved.", "", Complete, ConfidenceHigh},
		{"side effects gone are no response lost", "Under etanercept, the erythema diminished and the side effects declined.", "etanercept", Partial, ConfidenceHigh},
		{"full count recovery is a degree", "He achieved full count recovery by week 6.", "eltrombopag", Complete, ConfidenceHigh},
		{"one patient's median", "Her median monthly seizure frequency decreased from 30 to 4.", "cannabidiol", Partial, ConfidenceHigh},
		{"a standard deviation is no stable disease", "The mean reduction in seizure frequency was 62% (SD 21).", "", Partial, ConfidenceHigh},
		{"stable disease for ten months", "SD (10 m)", "", None, ConfidenceHigh},
		{"no evidence of disease progression is stable", "There was no evidence of disease progression; the disease remained stable.", "", None, ConfidenceHigh},
		{"initially before a treatment verb times the treatment", "Initially treated with prednisone, she improved; she was later maintained on azathioprine.", "prednisone", Partial, ConfidenceHigh},
		{"a death of infection on a drug whose anti-infective code is its second one", "Died of septic shock on day 9.", "clindamycin", Progression, ConfidenceLow},
		{"a death of infection on an antiparasitic filed under dermatologicals", "died of septic shock with multiorgan failure", "oral ivermectin", Progression, ConfidenceLow},
		{"a death of infection on a tetracycline given for an immune disease", "The patient died of sepsis after 6 weeks.", "doxycycline", NotEvaluable, ConfidenceHigh},
		{"a harm that resolved is no response", "Hepatotoxicity resolved after dose reduction.", "methotrexate", NotEvaluable, ConfidenceHigh},
		{"a harm that resolved beside a response", "The adverse effects resolved within a week and the arthritis improved.", "methotrexate", Partial, ConfidenceHigh},
		{"a named poisoning is the condition treated", "Signs of lithium toxicity improved after withdrawal of lithium.", "withdrawal of lithium", Partial, ConfidenceHigh},
		{"a qualifier does not reach past a new statement", "Toxicity was mild and the lesions completely resolved.", "", Complete, ConfidenceHigh},
		{"a qualifier after the object", "Pregabalin improved the pain marginally.", "pregabalin", Minimal, ConfidenceHigh},
		{"a qualifier after a long object", "Octreotide reduced the flushing episodes only modestly.", "octreotide", Minimal, ConfidenceHigh},
		{"a qualifier after the treatment named", "The improvement after IVIG was not sustained.", "IVIG", Minimal, ConfidenceHigh},
		{"a predicate after the treatment named", "The response to methotrexate was poor.", "methotrexate", None, ConfidenceHigh},
		{"a qualifier after a new statement is its own", "The lesions improved and the pain decreased slightly.", "", Partial, ConfidenceHigh},
		{"a fall of a third in words", "Valproate reduced the seizure frequency by about a third.", "valproate", Minimal, ConfidenceHigh},
		{"a fall of half in words", "Octreotide reduced the fistula output by half.", "octreotide", Partial, ConfidenceHigh},
		{"before/after values with a unit each", "Seizures decreased from 12 per week to 8 per week on clobazam.", "clobazam", Minimal, ConfidenceHigh},
		{"a response not assessed before the stop", "Tofacitinib was discontinued after two weeks because of herpes zoster, before any response could be assessed.", "tofacitinib", NotEvaluable, ConfidenceHigh},
		{"a response not reported", "The response to nivolumab has not yet been reported.", "nivolumab", NotEvaluable, ConfidenceHigh},
		{"no longer responded: a response lost", "He no longer responded to infliximab after the tenth infusion.", "infliximab", Progression, ConfidenceLow},
		{"a response to a sibling drug of the class after a switch", "NR → CR after switch to romiplostim", "eltrombopag", Unclassified, ConfidenceNone},
		{"a response with a sibling drug", "Seizures persisted; seizure-free with lamotrigine", "valproate", None, ConfidenceHigh},
		{"glucocorticoids stand for one another", "After methylprednisolone pulses, the patient improved.", "prednisone", Partial, ConfidenceHigh},
		{"a response said of another treatment right after it", "Thrombocytopenia, switched after 10 d; resolved on daptomycin", "linezolid", Unclassified, ConfidenceNone},
		{"a response said of the course right after it", "CR with rituximab.", "rituximab", Complete, ConfidenceHigh},
		{"a response said of the course after an amount of it", "Although she was refractory to plasma exchange, her platelet count returned to normal after 6 d of treatment with rituximab.", "rituximab", Complete, ConfidenceHigh},
		{"a response said of another treatment after an amount of it", "Her platelet count returned to normal after 6 days of plasma exchange.", "rituximab", Unclassified, ConfidenceNone},
		{"values that went back", "plt 6 -> 98 d5, back to 10 by d21", "IVIG", Minimal, ConfidenceHigh},
		{"values that went on", "plt 6 -> 98 d5, 150 by d21", "IVIG", Partial, ConfidenceHigh},
		{"a negation ends before a new subject", "After drug withdrawal, without corticosteroid therapy, we observed clinical and radiological improvement.", "drug withdrawal", Partial, ConfidenceHigh},
		{"a response after another treatment and then", "no effect, haloperidol then settled", "quetiapine", None, ConfidenceHigh},
		{"a share of obliteration is a fall", "70% obliteration, residual nidus", "AVM embolisation", Partial, ConfidenceHigh},
		{"a failure adjective before another treatment", "Rituximab was given after unsuccessful plasma exchange.", "rituximab", Unclassified, ConfidenceNone},
		{"a failure adjective before the course", "Rituximab was given after unsuccessful plasma exchange.", "plasma exchange", None, ConfidenceHigh},
		{"a failure adjective before a list with the course", "After failed rituximab, azathioprine and IVIG, she received bortezomib.", "IVIG", None, ConfidenceHigh},
		{"a failure adjective before a trial of the course", "She reported a previously unsuccessful trial of spinal cord stimulation.", "spinal cord stimulation", None, ConfidenceHigh},
		{"a failure adjective before other interventions", "Mutism remitted with fluoxetine, following unsuccessful behavioural interventions.", "fluoxetine", Complete, ConfidenceLow},
		{"a treatment started on is no background", "She was started on azathioprine with improvement.", "rituximab", Unclassified, ConfidenceNone},
		{"a response before a restart of another treatment", "Treated with IVIG with transient response and restarted on romiplostim.", "IVIG", Minimal, ConfidenceHigh},
		{"a response timed from another treatment", "The nodule disappeared 7 months after surgery.", "mFOLFOX6", Complete, ConfidenceHigh},
		{"the course named as the subject of its start", "Anakinra was initiated, prompting a successful prednisolone wean and disease remission.", "anakinra", Complete, ConfidenceHigh},
		{"another treatment named as the subject of its start", "Prednisolone was initiated, prompting disease remission.", "anakinra", Unclassified, ConfidenceNone},
		{"a later statement naming no treatment goes on with the course", "On day 33, ruxolitinib was started, and on day 39 the patient gradually improved. Complete resolution by day 60.", "ruxolitinib", Complete, ConfidenceHigh},
		{"a later statement of another class is left to a person", "She responded well to steroids at first. Later, a relapse and worsening weakness.", "prednisone", Partial, ConfidenceLow},
		{"new lesions beside a response disagree", "Complete remission; new lesions at 6 months", "", Complete, ConfidenceLow},
		{"sCr is serum creatinine, sCR a response", "sCr 2.8 → 2.0 mg/dL", "terlipressin", Minimal, ConfidenceHigh},
		{"sCR as written", "sCR after 4 cycles", "bortezomib", Complete, ConfidenceHigh},
		{"PCR is the test, not pCR", "PCR positive at the end of treatment", "ganciclovir", Unclassified, ConfidenceNone},
		{"pCR as written", "pCR after 6 cycles", "neoadjuvant FOLFIRINOX", Complete, ConfidenceHigh},
		{"a PCR turned negative", "CMV PCR negative at week 3", "ganciclovir", Complete, ConfidenceHigh},
		{"a rate of events is a measure", "Exacerbation frequency halved", "azithromycin", Partial, ConfidenceLow},
		{"a response after re-escalation", "Relapse on taper below 10 mg, responded to re-escalation", "prednisolone", Partial, ConfidenceHigh},
		{"a history cue's scope ends at a new start", "The patient, who had been refractory to corticosteroids, IVIG and rituximab, achieved a platelet count above 50 × 10^9/L within three weeks of starting eltrombopag.", "eltrombopag", Unclassified, ConfidenceNone},
		{"a drug that reduced something is no dose reduced", "Replacing lamotrigine with valproate reduced seizure frequency by 80%.", "valproate", Partial, ConfidenceHigh},
		{"a persistence beside an unread part of a cell", "Na corrected; confusion persisted", "tolvaptan", None, ConfidenceLow},
		{"a persistence alone", "Proteinuria persisted.", "", None, ConfidenceHigh},
		{"a spaced dash ends a negation", "courses not optimal - only PR", "prednisolone", Partial, ConfidenceHigh},
		{"a stop with a reason the reader read too", "stopped - GI intolerance", "mesalazine", NotEvaluable, ConfidenceHigh},
		{"a whole response denied is partial", "not 100 % better, but some quiet periods now", "Kampo", Partial, ConfidenceHigh},
		{"a half response denied is none", "no 50% reduction", "", None, ConfidenceHigh},
		{"a whole cure denied is partial", "not 100% cured", "", Partial, ConfidenceHigh},
		{"a stop and its reason after a dash is no halted progression", "stopped - progression", "", Progression, ConfidenceHigh},
		{"a stop that halted progression", "stopped progression", "", None, ConfidenceHigh},
		{"scant improvement is minimal", "scant improvement", "methylprednisolone", Minimal, ConfidenceHigh},
		{"sx are symptoms: a fall", "asthma-related sx decreased significantly at 2 wk", "mepolizumab", Partial, ConfidenceHigh},
		{"almost gone is short of gone", "jaundice, oedema and ascites almost gone; back at work after 40 d", "Kampo", Partial, ConfidenceHigh},
		{"easing graded by a qualifier", "seizures easing somewhat (early)", "DBS", Minimal, ConfidenceHigh},
		{"sx are symptoms: a persistence", "neuro sx persisted", "IVIG", None, ConfidenceHigh},
		{"a person relieved is no response", "family relieved; agitation continued", "haloperidol", Partial, ConfidenceLow},
		{"a dash, then no and one word, denies the word", "Response - no fever", "valaciclovir", Partial, ConfidenceHigh},
		{"a worsening set against a procedure placed", "EVD placed, but hydrocephalus worsened", "", Progression, ConfidenceHigh},
		{"a worsening set against a course tolerated", "tolerated well but symptoms worsened", "", Progression, ConfidenceHigh},
		{"a change word's measure is in its clause", "VA better, SRF reduced", "ranibizumab", Partial, ConfidenceHigh},
		{"a change word after a relative pronoun speaks of the noun before", "the platelet count, which rose within a week", "", Partial, ConfidenceHigh},
		{"a measure named in another clause is not the change word's", "after 1 wk VA better, SRF reduced", "", Partial, ConfidenceLow},
		{"a substance the body has, measured, is no treatment named", "early clinical improvement, albumin up, ascites disappeared", "low-fat diet", Complete, ConfidenceHigh},
		{"T3 improved is a measure", "clinically stabilised, T3 improved", "plasma exchange", Partial, ConfidenceHigh},
		{"an organ's function normal after a denied finding", "no ascites at 4 wk, liver function normal", "", Complete, ConfidenceHigh},
		{"renal function normal", "renal function normal at 3 months", "", Complete, ConfidenceHigh},
		{"a symptom that began to ease after none at first", "no change in pain at 1 mo; from 3 mo pain began to ease", "", Partial, ConfidenceLow},
		{"sites of which none is evaluable make no roll-up", "extubated; neck flexors 1/5 -> 5/5, legs 4/5 -> 5/5; discharged", "", NotEvaluable, ConfidenceLow},
		{"a denial after a dash before a noun phrase denies the finding", "pCR - no tumour cells in the resected specimen", "", Complete, ConfidenceHigh},
		{"a denial alone after a dash answers the label", "CR - no", "", None, ConfidenceHigh},
		{"a label answered by a non-response", "Response: no improvement", "", None, ConfidenceHigh},
		{"a label answered by a worsening", "Response - worsened", "", Progression, ConfidenceHigh},
		{"a label answered in its own class", "Healed? no recurrence", "", Complete, ConfidenceHigh},
		{"a worsening set against an unread statement", "lung lesions and blood counts better, but intracranial lesions worse", "", Progression, ConfidenceLow},
		{"a worsening set against a procedure", "Tracheal intubation was performed but the patient continued to deteriorate", "", Progression, ConfidenceHigh},
		{"relieved in a terse cell", "tearing relieved within 3 days", "", Partial, ConfidenceHigh},
		{"relieved inside a longer sentence stays weak", "she reported that her headaches relieved gradually over the following several months of treatment", "", Partial, ConfidenceLow},
		{"a decimal comma before and after an arrow", "creatinine 2,8 -> 1,1 mg/dL", "", Partial, ConfidenceHigh},
		{"a decimal comma into a reference interval", "Na 118 -> 138,5 mmol/L", "tolvaptan", Complete, ConfidenceHigh},
		{"a decimal comma from and to", "hemoglobin rose from 6,1 to 11,8 g/dL", "", Partial, ConfidenceHigh},
		{"a finding halved beside one unchanged is a proposed partial", "vertigo + tinnitus about halved; oedema unchanged", "Kampo", Partial, ConfidenceLow},
		{"a lab normal beside a finding unchanged", "euthyroid; hypothalamic features unchanged", "levothyroxine", Partial, ConfidenceLow},
		{"a course that failed beside a weak relief stays none", "failed; itch relieved", "", None, ConfidenceHigh},
		{"an effect not stated is not reported", "marked drowsiness; effect on rhinitis not stated", "", NotEvaluable, ConfidenceHigh},
		{"an early stop with its reason", "stopped early (rash)", "lamotrigine", NotEvaluable, ConfidenceHigh},
		{"a stop with a reason of two clauses stays weak", "stopped early - falling neutrophil count, parents request", "", NotEvaluable, ConfidenceLow},
		{"discharged home is the whole cell", "Discharged home", "", NotEvaluable, ConfidenceHigh},
		{"discharged home beside a response", "Improved, discharged home", "", Partial, ConfidenceHigh},
		{"a hyphen inside a word does not", "not anti-TNF responsive", "adalimumab", None, ConfidenceHigh},
		{"sodium into its reference interval", "Na 115 -> 137 mEq/L", "tolvaptan", Complete, ConfidenceHigh},
		{"sodium more than half-way to its interval", "serum sodium rose from 112 to 128 mmol/L", "", Partial, ConfidenceHigh},
		{"sodium further from its interval: worse or a harm", "Na 130 -> 115 mmol/L", "", Progression, ConfidenceLow},
		{"potassium further from its interval on a drug that lowers it", "potassium 3.2 -> 2.4 mmol/L", "amphotericin B", Progression, ConfidenceLow},
		{"a dose of a drug named after a measure", "valproate sodium increased from 500 to 1000 mg", "", Progression, ConfidenceLow},
		{"a dose of a supplement is no lab value", "calcium 1 -> 2 g daily", "", Unclassified, ConfidenceNone},
		{"another fluid than blood", "vaginal pH 5.8 -> 4.2", "metronidazole", Unclassified, ConfidenceNone},
		{"normal before and after is not read", "Hb 12 -> 14", "", Unclassified, ConfidenceNone},
		{"sodium out of its interval: a harm or a worsening", "Na 140 -> 128", "", Progression, ConfidenceLow},
		{"a suppressed TSH back to normal", "TSH 0.01 -> 2.3 mU/L", "methimazole", Complete, ConfidenceHigh},
		{"haemoglobin into the interval", "Hb 7.8 -> 12.8 g/dL", "iron", Complete, ConfidenceHigh},
		{"haemoglobin most of the way", "Hb 6.1 -> 11.8 g/dL", "iron", Partial, ConfidenceHigh},
		{"a percentage of a measure read by its interval", "fT4 decreased by 48 %", "", Partial, ConfidenceLow},
		{"free T4 without its unit: the scale tells", "fT4 3.2 -> 1.1", "", Complete, ConfidenceHigh},
		{"free T4 in a unit the scale cannot tell", "fT4 5 -> 3", "", Unclassified, ConfidenceNone},
		{"low calcium corrected", "calcium 6.2 -> 8.9 mg/dL", "calcitriol", Complete, ConfidenceHigh},
		{"a symptom gone beside a value short of its interval: rule 8", "oedema resolved, Hb 6.1 -> 10.2 g/dL", "iron", Partial, ConfidenceHigh},
		{"a symptom gone beside a value brought into its interval", "oedema resolved, Hb 6.1 -> 12.8 g/dL", "iron", Complete, ConfidenceHigh},
		{"a persistence after a contrast with an unread statement", "At 3 months she tasted foods again, but smells were still distorted.", "olfactory training", None, ConfidenceLow},
		{"a persistence after a contrast with an unread effect of the course", "Plasmapheresis resulted in a return of swallowing, but diplopia persisted.", "plasmapheresis", None, ConfidenceLow},
		{"a persistence after a contrast with the course given", "Prednisone was increased to 10 mg, however symptoms persisted.", "prednisone", None, ConfidenceHigh},
		{"a persistence after a contrast in a new sentence", "She was treated with high-dose steroids. However, the nephritic syndrome persisted.", "", None, ConfidenceHigh},
		{"a persistence after a contrast opening the text", "However, the girl still suffers from recurrent hemoptysis.", "", None, ConfidenceHigh},
		{"a persistence after a contrast with an unread new sentence", "Her appetite came back. However, the fatigue persisted.", "", None, ConfidenceLow},
		{"a response that had not come", "Lost to follow-up before hCG normalised", "methotrexate", NotEvaluable, ConfidenceHigh},
		{"a response before a later event", "The rash resolved before discharge.", "", Complete, ConfidenceHigh},
		{"sizes with the unit written once", "Sac shrinkage 62 → 48 mm", "EVAR", Minimal, ConfidenceHigh},
		{"a range with the unit written once is no change", "Lesions of 3 to 5 cm", "", Unclassified, ConfidenceNone},
		{"short of the response criterion", "DBS for refractory OCD reduced the Y-BOCS by 35% at 12 months, short of the response criterion.", "deep brain stimulation", Minimal, ConfidenceHigh},
		{"short of breath is no denial", "He was short of breath and improved after diuresis.", "", Partial, ConfidenceHigh},
		{"numbers after a change in size state it", "On isavuconazole, the cavitary lesion decreased in size from 4.2 cm to 3.6 cm.", "isavuconazole", Minimal, ConfidenceHigh},
		{"a small rise of a higher-is-better measure", "Serum albumin rose from 2.1 to 2.6 g/dL.", "", Minimal, ConfidenceHigh},
		{"a doubling of a higher-is-better measure", "The platelet count rose from 8 to 245 × 10^9/L.", "", Partial, ConfidenceHigh},
		{"a large rise the authors call slight", "Her platelet count improved slightly from 3 to 16 × 10^9/L.", "", Minimal, ConfidenceHigh},
		{"a chain of values: the first and the last", "Left ventricular ejection fraction increased from 32% to 40% and to 50% at 48 hours.", "", Partial, ConfidenceHigh},
		{"a response that did not last, after a comma", "improvement, not sustained", "IVIG", Minimal, ConfidenceHigh},
		{"a response that did not last, after which", "improvement which was not sustained", "IVIG", Minimal, ConfidenceHigh},
		{"lasting said of another statement", "The lesions improved, and the pain was not sustained.", "", Partial, ConfidenceHigh},
		{"all three: several patients", "all three responded", "prednisolone", Unclassified, ConfidenceNone},
		{"N of M: several patients", "2 of 3 responded", "", Unclassified, ConfidenceNone},
		{"a rebleed is a relapse", "bleeding stopped; rebled day 4", "octreotide", Complete, ConfidenceLow},
		{"episodes denied: a finding absent, proposed", "From 2008 until the present, he did not experience any episodes of ACS.", "", Complete, ConfidenceLow},
		{"episodes denied after a time: proposed", "He has had no episodes of encephalopathy for 8 months after surgery.", "", Complete, ConfidenceLow},
		{"episodes denied at presentation", "At presentation she had no episodes of syncope.", "", Unclassified, ConfidenceNone},
		{"episodes alone say nothing", "Episodes were not reduced.", "", None, ConfidenceHigh},
		{"vanished as disappeared", "The primary lesion vanished after nivolumab.", "", Complete, ConfidenceHigh},
		{"a base verb of stability negated", "The treatment with PSL, CyA, and CPA failed to stabilize the hemolysis.", "", None, ConfidenceHigh},
		{"a base verb of stability alone is a purpose", "Cyclosporine was given to stabilise the hemolysis.", "", None, ConfidenceLow},
		{"work is no outcome word", "She did not work for six months after the onset of her depression.", "sertraline", Unclassified, ConfidenceNone},
		{"a base verb negated, recover", "kidney function did not recover", "", None, ConfidenceHigh},
		{"a base verb alone is weak", "the lesions may regress", "", Partial, ConfidenceLow},
		{"an improvement under way", "his mental status began to improve on the second day", "", Partial, ConfidenceHigh},
		{"an improvement going on", "creatinine continued to improve", "", Partial, ConfidenceHigh},
		{"not fully, before the verb", "the patient did not fully recover", "", Partial, ConfidenceHigh},
		{"not fully, after the verb", "the uveitis did not regress completely", "", Partial, ConfidenceHigh},
		{"not … until: a later response", "he did not recover until plasma exchange had been given", "", Partial, ConfidenceLow},
		{"two sides are two sites", "while the right side did not recover, the left side improved partially", "", Partial, ConfidenceHigh},
		// general phrasings of response and non-response
		{"progress made is improvement", "the patient made significant progress after the second cycle", "", Partial, ConfidenceHigh},
		{"a cure named by its kind", "Microbiological cure at 6 weeks", "", Complete, ConfidenceHigh},
		{"relief graded by an adjective", "marked relief of the pain", "", Partial, ConfidenceHigh},
		{"a responder graded", "Poor responder", "", None, ConfidenceHigh},
		{"dependence that went on", "the patient remained dependent on transfusions", "", None, ConfidenceHigh},
		{"back to usual life", "she resumed her normal activities", "", Complete, ConfidenceHigh},
		{"symptoms returning on the course", "symptoms returned while on treatment", "", Progression, ConfidenceHigh},
		{"symptoms returning after the course", "symptoms returned after discontinuation", "", Partial, ConfidenceLow},
		{"success said of the treatment", "the treatment was successful", "", Partial, ConfidenceHigh},
		{"a death from the illness", "she succumbed to her illness", "", Progression, ConfidenceHigh},
		{"bleeding that stopped is no stop of the course", "bleeding stopped within a day", "", Complete, ConfidenceHigh},
		{"a range before an arrow, from its nearer end", "proteinuria 3-4 g/d -> 2.5 g/d", "", Minimal, ConfidenceHigh},
		{"a range before an arrow, risen past it", "VAS 8-9 -> 3", "", Partial, ConfidenceHigh},
		{"a value reached inside the range before is no change read", "VAS 6-9 -> 7", "", Unclassified, ConfidenceNone},
		{"down after a lower-is-better measure", "afebrile from d3, inflammatory markers down", "", Partial, ConfidenceHigh},
		{"down in a phrasal verb is no fall", "steroids tapered down; no change", "", None, ConfidenceHigh},
		{"a fall of a marker denied", "hCG did not fall", "", None, ConfidenceHigh},
		{"a fall in a lower-is-better measure", "a fall in CRP", "", Partial, ConfidenceHigh},
		{"no sequelae of a kind", "discharged POD13, no neurological sequelae", "", Complete, ConfidenceHigh},
		{"a sharp fall of a lower-is-better measure", "viral load plummeted", "", Partial, ConfidenceHigh},
		{"a response, then a sharp rise of a measure", "rapid improvement, then LFTs + ferritin surged (GOT 1759, ferritin 13200)", "", Partial, ConfidenceLow},
		{"a fall of a higher-is-better measure", "the ejection fraction fell from 50% to 30%", "", Progression, ConfidenceLow},
		{"a table's grade, well", "Well at 2 years", "", Partial, ConfidenceHigh},
		{"nearly gone is short of complete", "the effusion had nearly resolved by week 4", "", Partial, ConfidenceHigh},
		{"a resolution under way", "resolving hemophagocytosis on the repeat biopsy", "", Partial, ConfidenceHigh},
		{"a table's grade, satisfactory", "Satisfactory", "", Partial, ConfidenceHigh},
		{"a table's grade, minimal", "Minimal", "", Minimal, ConfidenceHigh},
		{"a grade word inside a sentence is none", "moderate anaemia persisted", "", None, ConfidenceHigh},
		{"a determiner's negation ends at 'with' before it covers an outcome", "treated at no sign of infection with a good response", "", Partial, ConfidenceHigh},
		{"a determiner's negation that covered an outcome is no longer in play at 'with'", "no improvement with rituximab", "", None, ConfidenceHigh},
		{"a verb's negation reaches past 'with'", "was not associated with any improvement", "", None, ConfidenceHigh},
		// a degree said of the response word in predicate position
		{"predicate degree", "the response was poor", "", None, ConfidenceHigh},
		{"predicate degree after an adverb", "the improvement has been only minimal", "", Minimal, ConfidenceHigh},
		{"predicate degree of two words", "the improvement was short-lived", "", Minimal, ConfidenceHigh},
		{"predicate degree before a comma", "the response was unsatisfactory, with persistent pancytopenia", "", None, ConfidenceHigh},
		{"predicate degree is not an attribute of what follows", "the response was limited to the skin", "", Partial, ConfidenceHigh},
		// a whole cell with its time before it; a stop word after a comma has no agent
		{"time before a whole-cell grade", "1 month, dead", "", Progression, ConfidenceHigh},
		{"time before a whole-cell grade, colon", "6 mo: stable", "", None, ConfidenceHigh},
		{"follow-up number before a grade, dash", "32—ANED", "", Complete, ConfidenceHigh},
		{"follow-up number before a grade, hyphen", "24 - DED", "", Progression, ConfidenceHigh},
		{"follow-up not available before a grade", "n/a—AWD", "", None, ConfidenceHigh},
		{"follow-up number before a grade, comma", "15, NED", "", Complete, ConfidenceHigh},
		{"a word before a dash is no follow-up", "surgery—ANED", "", Unclassified, ConfidenceNone},
		{"a number without a separator is no follow-up", "3 DED", "", Unclassified, ConfidenceNone},
		{"a number before a full stop may be a patient's", "2. Dead", "", NotEvaluable, ConfidenceLow},
		{"a Unicode hyphen between follow-up and grade", "32‐ANED", "", Complete, ConfidenceHigh},
		{"a transient response graded alone", "Transitory", "", Minimal, ConfidenceHigh},
		{"no course given", "Untreated", "", NotEvaluable, ConfidenceHigh},
		{"untreated inside a sentence is no grade", "untreated lesions elsewhere", "", Unclassified, ConfidenceNone},
		{"a missing value graded alone", "Not specified", "", NotEvaluable, ConfidenceHigh},
		{"an assessment not done", "Not done", "", NotEvaluable, ConfidenceHigh},
		{"no follow-up graded alone", "No follow-up", "", NotEvaluable, ConfidenceHigh},
		{"inactive disease in other words", "Quiescence of uveitis", "", Complete, ConfidenceHigh},
		{"quiescent after the course", "the colitis became quiescent on vedolizumab", "", Complete, ConfidenceHigh},
		{"abolition of the disease", "the block resulted in abolition of electrical storm", "", Complete, ConfidenceHigh},
		// a response conceded ("despite …") and a worsening set against it
		{"worsening despite a response", "The disease had progressed despite a favourable initial response to IVIG.", "", Progression, ConfidenceHigh},
		{"worsening after a conceded response", "In spite of a partial response, the tumour progressed on treatment.", "", Progression, ConfidenceHigh},
		{"a non-response against a conceded response: two sites", "Despite improvement in his skin ulcers, he continued to report dyspnea.", "", Partial, ConfidenceHigh},
		{"a relapse after the course does not undo a conceded response", "Despite improvement in serum titers, he had a recurrence of symptoms 2 days after completion of treatment.", "", Partial, ConfidenceHigh},
		{"a concession with nothing set against it", "Despite a slow start, she improved markedly.", "", Partial, ConfidenceHigh},
		{"a main clause without a comma is no concession", "Despite the severity of the disease the skin ulcers healed completely, but the neuropathy worsened.", "", Complete, ConfidenceLow},
		{"a conceded response that names its site stays", "Despite improvement of purpura, neuropathy worsened.", "", Partial, ConfidenceLow},
		{"a weak change of a measure is no worsening set against", "Despite a good initial response, the platelet count fell.", "", Partial, ConfidenceLow},
		{"failed is a non-response", "Initial therapy with levetiracetam and lacosamide failed.", "levetiracetam", None, ConfidenceHigh},
		{"failed to attend is no non-response", "He failed to attend his follow-up visits.", "", NotEvaluable, ConfidenceHigh},
		// a weak word of benefit that a qualifier grades is the authors' grade
		{"minimal relief", "Exchange transfusion led to only minimal relief.", "", Minimal, ConfidenceHigh},
		{"complete relief", "She experienced complete relief of neck pain.", "", Complete, ConfidenceHigh},
		{"temporarily effective", "Thereafter, a daily dose was temporarily effective.", "", Minimal, ConfidenceHigh},
		{"relief without a grade stays weak", "The injection provided relief.", "", Partial, ConfidenceLow},
		{"a grade of the word's own degree", "The regimen was partially effective.", "", Partial, ConfidenceHigh},
		{"partial relief", "She reported partial relief of the pain.", "", Partial, ConfidenceHigh},
		// named scores of scores.tsv read by their direction of benefit (rule 5)
		{"a higher-is-better index rose", "The Barthel index increased from 30 to 100.", "", Partial, ConfidenceHigh},
		{"a lower-is-better index fell by more than half", "The AHI decreased from 37 to 5 events/h.", "", Partial, ConfidenceHigh},
		{"a higher-is-better score fell", "The MMSE score fell from 28 to 20.", "", Progression, ConfidenceLow},
		// a count of people: several patients (rule 6)
		{"a count of adults", "We present two adults with thyrotoxicosis successfully treated with plasmapheresis.", "", Unclassified, ConfidenceNone},
		{"each case", "In each case, a significant improvement was seen after the third cycle of IVIG.", "", Unclassified, ConfidenceNone},
		{"both with a person noun", "Both children recovered fully.", "", Unclassified, ConfidenceNone},
		{"a count with a word between", "Three elderly women improved markedly.", "", Unclassified, ConfidenceNone},
		{"both … and joins two groups", "She was cured with antibiotics; the disease occurs in both children and adults.", "", Complete, ConfidenceHigh},
		{"a count of doses is no count of people", "Two doses later she improved markedly.", "", Partial, ConfidenceHigh},
		{"a count of the patient's family", "Her two sisters had the same disease; she achieved complete remission.", "", Complete, ConfidenceHigh},
		{"a count after of is the family", "The first of three children of healthy parents, he had complete remission.", "", Complete, ConfidenceHigh},
		{"a count after has is the family", "She achieved complete remission; she has 2 children.", "", Complete, ConfidenceHigh},
		{"a share of a count of people", "five of seven children became afebrile", "", Unclassified, ConfidenceNone},
		{"a share of the count of people", "5 of the 7 children became afebrile", "", Unclassified, ConfidenceNone},
		{"a hyphenated modifier between a count and its people", "five of the seven IVIG-treated children became afebrile", "", Unclassified, ConfidenceNone},
		{"stop after a comma is not the course's: a dialysis stopped is a recovery", "negative at 1 mo therapy, stopped dialysis", "", Partial, ConfidenceHigh},
		{"stop after a comma is not the course's", "negative at 1 mo therapy, stopped at 2 mo", "", NotEvaluable, ConfidenceLow},
		// "all" or "both" as the subject: several patients; after a noun: a quantifier
		{"quantifier as subject", "Both responded with no recurrences", "", Unclassified, ConfidenceNone},
		{"quantifier as subject after a sentence", "Treated with IVIG. All improved within a week", "", Unclassified, ConfidenceNone},
		{"quantifier after its noun", "octreotide and verapamil all failed to control his episodes", "", None, ConfidenceHigh},
		{"one of several as subject", "One recovered completely, but the other showed lung fibrosis", "", Unclassified, ConfidenceNone},
		// a word of persistence before a treatment: the course went on, not the disease
		{"persistence of the course is weak", "he continued methotrexate", "", None, ConfidenceLow},
		{"the absence of worsening alone", "No new lesions", "", None, ConfidenceLow},
		{"a stop of progression denied", "the therapy did not halt the progression of the disease", "", Progression, ConfidenceHigh},
		{"a response right after a dose change", "No response at 60 mg; improved after increase to 90 mg", "", Partial, ConfidenceHigh},
		{"a fall below a cut-off", "< 50% reduction", "", Minimal, ConfidenceHigh},
		{"complete at some of several sites", "3 of 4 lesions resolved", "", Partial, ConfidenceHigh},
		{"a count after the complete word", "clinical cure 1/3 nails", "", Partial, ConfidenceHigh},
		{"a count of after the verb", "cleared 3 of 4 warts, 1 persisting", "", Partial, ConfidenceHigh},
		{"a whole count after the verb", "cleared 4/4 warts", "", Complete, ConfidenceHigh},
		{"a visual acuity reached is no count", "the eye was quiet and the vision had recovered to 20/100", "", Complete, ConfidenceHigh},
		{"complete at some of the several sites", "Two of the three lesions resolved", "", Partial, ConfidenceHigh},
		{"symptoms named and gone", "No further symptoms at the 2-year follow-up", "", Complete, ConfidenceHigh},
		{"a change of a measure said to be transient", "The increase in the platelet count was temporary.", "", Minimal, ConfidenceHigh},
		{"a change of a measure that lasted", "The increase in the platelet count was sustained.", "", Partial, ConfidenceHigh},
		{"progressed to a good state", "The patient progressed to full oral intake.", "", Unclassified, ConfidenceNone},
		{"progressed to a bad state that starts with complete", "Ptosis progressed to complete eye closure.", "", Progression, ConfidenceLow},
		{"a transient change, adjective", "Transient increase in platelet count.", "", Minimal, ConfidenceHigh},
		{"a transient change, adverb", "Platelet count increased transiently.", "", Minimal, ConfidenceHigh},
		{"a transient change, referred back", "Proteinuria decreased, but the effect was transient.", "", Minimal, ConfidenceHigh},
		{"a transient change, which", "Bilirubin decreased, which was only temporary.", "", Minimal, ConfidenceHigh},
		{"something else was transient", "Serum calcium decreased and the nausea was only transient.", "", Partial, ConfidenceHigh},
		{"a share of a group", "Improvement was seen in two of them.", "", Unclassified, ConfidenceNone},
		{"kin are several patients", "Both sisters improved with prednisone.", "", Unclassified, ConfidenceNone},
		{"one treatment before is no referent", "The twins were treated with IVIG; both of them recovered fully.", "", Unclassified, ConfidenceNone},
		{"a stop for the disease's growth", "Sunitinib was stopped because of enlarging liver metastases.", "", Progression, ConfidenceHigh},
		{"a percent change of a measure of unknown direction", "Grip strength increased by 80%.", "", Progression, ConfidenceLow},
		{"a percent rise of a higher-is-better measure", "Walking distance increased by 80%.", "", Partial, ConfidenceLow},
		{"a percent fall of a measure of unknown direction", "Grip strength decreased by 50%.", "", Partial, ConfidenceLow},
		{"a percent fall of the disease", "Tumour size decreased by 60%.", "", Partial, ConfidenceHigh},
		{"a percent fall alone", "Reduced by 70%", "", Partial, ConfidenceHigh},
		{"a higher-is-better measure named", "Creatinine clearance decreased by 50%.", "", Progression, ConfidenceHigh},
		{"a rise called small", "Slight increase in haemoglobin, still transfusion dependent.", "", Minimal, ConfidenceHigh},
		{"a rise called small after it", "Platelets increased slightly from 10 to 25 x10^9/L.", "", Minimal, ConfidenceHigh},
		{"an adverb between a measure and its change grades the change", "attacks slightly reduced", "", Minimal, ConfidenceHigh},
		{"an adverb between a measure and its comparative grades it", "breathlessness and attacks somewhat fewer at 2 wk", "", Minimal, ConfidenceHigh},
		{"no response assessment", "No response assessment was performed.", "", NotEvaluable, ConfidenceHigh},
		{"a recovery from the operation", "Uneventful postoperative recovery", "", NotEvaluable, ConfidenceHigh},
		{"a weak response beside a death of another cause", "Died (sepsis), tumour responding", "", Partial, ConfidenceLow},
		{"flare free", "Flare free at 6 months", "", Complete, ConfidenceHigh},
		{"counts per year", "Attacks 12/yr → 2/yr", "", Partial, ConfidenceHigh},
		{"counts per year to none", "Attacks 12/yr → 0", "", Complete, ConfidenceHigh},
		{"a fall under one log10", "HBV DNA ↓ 0.5 log", "", Minimal, ConfidenceHigh},
		{"a fall of two log10", "HBV DNA ↓ 2 log", "", Partial, ConfidenceHigh},
		{"values in log10", "HBV DNA fell from 8.1 to 5.0 log10 IU/mL at 6 months.", "", Partial, ConfidenceHigh},
		{"values in log10, a small fall", "HBV DNA fell from 7.5 to 7.0 log10 IU/mL.", "", Minimal, ConfidenceHigh},
		{"thousands separators", "AFP rose from 200 to 4,500 ng/mL during sorafenib treatment.", "", Progression, ConfidenceHigh},
		{"a fall under half called large", "Plasma ammonia decreased dramatically from 1,089 to 567 µmol/l.", "", Partial, ConfidenceHigh},
		{"a response said not to have lasted", "LDH decreased; the improvement was brief.", "", Minimal, ConfidenceHigh},
		{"a response, but transient", "Good platelet response, but transient.", "", Minimal, ConfidenceHigh},
		{"a response, sustained", "Good platelet response, sustained.", "", Partial, ConfidenceHigh},
		{"none of the agents tried", "Several agents were tried but none had any beneficial effect.", "", None, ConfidenceHigh},
		{"a transient adverb before the change", "IVIG transiently raised the platelet count to 40 x10^9/L.", "", Minimal, ConfidenceHigh},
		{"a disease named transient", "After clopidogrel was added the transient ischaemic attacks stopped.", "", NotEvaluable, ConfidenceLow},
		{"a replaced substance rising into its reference interval", "Ferritin 4 → 60", "", Complete, ConfidenceHigh},
		{"a replaced substance rising out of its interval", "Ferritin 100 → 900", "", Progression, ConfidenceLow},
		{"a replaced substance rising in an unknown unit", "Cortisol 2 → 18", "", Progression, ConfidenceLow},
		{"a replaced substance falling", "Ferritin 1200 → 400", "", Partial, ConfidenceHigh},
		{"brief periods of remission", "The patient continued having episodes of fever with brief periods of remission.", "", Minimal, ConfidenceHigh},
		{"recovered from the surgery, not the disease", "Recovered well from surgery", "", NotEvaluable, ConfidenceHigh},
		{"a glycaemic target reached", "HbA1c fell from 11% to 6.5%.", "", Partial, ConfidenceHigh},
		{"not observed until", "Improvement was not observed until tacrolimus was started.", "", Partial, ConfidenceLow},
		{"progressed to a worse state", "The disease progressed to ESRD.", "", Progression, ConfidenceHigh},
		{"no recurrent disease", "5 years after resection there was no evidence of recurrent disease", "", Complete, ConfidenceHigh},
		{"recurrent disease named as the disease treated", "Radiotherapy failed to control the recurrent disease", "", None, ConfidenceHigh},
		// a count of a subset of a group: several patients
		{"a subset of those spoken of", "Twelve of these progressed to graft failure.", "", Unclassified, ConfidenceNone},
		{"a subset named by them", "Two of them improved.", "", Unclassified, ConfidenceNone},
		{"one of several", "One of these achieved complete remission.", "", Unclassified, ConfidenceNone},
		{"a subset of sites is no group", "Two of these lesions regressed.", "", Partial, ConfidenceHigh},
		{"a subset of sites named before", "She had five warts; two of them improved.", "", Partial, ConfidenceHigh},
		{"a subset of things named before", "Infliximab and adalimumab were tried; both of them failed.", "", None, ConfidenceHigh},
		{"a subset of cycles", "Six cycles were given; two of them were delayed, and the lymphoma resolved completely.", "", Complete, ConfidenceHigh},
		{"half of a group", "Half of them improved.", "", Unclassified, ConfidenceNone},
		{"a count past twelve", "Thirteen of them responded.", "", Unclassified, ConfidenceNone},
		{"a count inside its clause is no subset", "She had the first two of them resected and improved.", "", Partial, ConfidenceHigh},
		{"a bare count as the subject", "Of the five treated with toxin, four showed complete resolution of symptoms.", "", Unclassified, ConfidenceNone},
		{"a bare count after and", "One was managed without antivenom, and three were treated successfully with antivenin.", "", Unclassified, ConfidenceNone},
		{"a bare count of sites named before", "She had five warts; two improved.", "", Partial, ConfidenceHigh},
		{"a ratio is no count", "The repeat titer (1:4) was the same as at initial diagnosis, despite appropriate treatment.", "", None, ConfidenceHigh},
		{"complete at most sites", "most lesions resolved", "", Partial, ConfidenceHigh},
		{"complete at all sites", "all lesions resolved", "", Complete, ConfidenceHigh},
		{"a rise of a higher-is-better measure, raised", "platelets raised to 102,000/µL after eight weeks", "", Partial, ConfidenceHigh},
		{"a transient change of a measure keeps its degree", "a transient decrease in proteinuria", "", Minimal, ConfidenceHigh},
		{"a level that became normal", "her ammonia level became normal", "", Complete, ConfidenceHigh},
		{"back to full function", "the athlete returned to full sporting capacity", "", Complete, ConfidenceHigh},
		{"efficacy graded", "the drug had substantial efficacy", "", Partial, ConfidenceHigh},
		{"a death after a response", "the lesions improved, but he died of heart failure two months later", "", Partial, ConfidenceLow},
		{"a death of another cause after a response", "the lesions improved; he died in a car accident two years later", "", Partial, ConfidenceHigh},
		{"control said of the disease", "the pain was controlled", "", Partial, ConfidenceHigh},
		{"a fever that settled", "became afebrile within 48 hours", "", Complete, ConfidenceHigh},
		{"a fistula that closed", "resulting in closure of the fistula", "", Complete, ConfidenceHigh},
		{"a muscle enzyme falling", "CK decreased from 5000 to 200", "", Partial, ConfidenceHigh},
		{"a table's plus grades need its legend", "++", "", Unclassified, ConfidenceNone},
		{"a dash is a placeholder", "-", "", NotEvaluable, ConfidenceHigh},
		{"a table's grade, marked", "Marked", "", Partial, ConfidenceHigh},
		{"a table's grade, lost", "Lost", "", NotEvaluable, ConfidenceHigh},
		{"lost inside a sentence is no grade", "he lost 5 kg", "", Unclassified, ConfidenceNone},
		{"a share of relief", "100% pain relief for six months", "", Complete, ConfidenceHigh},
		{"a share of relief, half", "about 50% pain relief", "", Partial, ConfidenceHigh},
		{"a level not lowered", "fibrates and diet did not lower triglyceride levels", "", None, ConfidenceHigh},
		{"refractive, as refractory", "tachycardia refractive to adenosine", "adenosine", None, ConfidenceHigh},
		{"pain control achieved", "the patient then achieved pain control", "", Partial, ConfidenceHigh},
		{"the authors' grade of a percentage in parentheses", "tumour size decreased by 35% (partial response by RECIST)", "", Partial, ConfidenceHigh},
		{"the authors' grade of a percentage, lower than it", "size decreased by 60% (stable disease)", "", None, ConfidenceHigh},
		{"powers of ten before and after", "viral load decreased from 10^6 to 10^3", "", Partial, ConfidenceHigh},
		{"scientific notation before and after", "viral load fell from 2 x 10^6 to 0", "", Complete, ConfidenceHigh},
		{"a sustained virological response", "SVR12 achieved", "", Complete, ConfidenceHigh},
		{"an eradication that failed", "eradication failed", "", None, ConfidenceHigh},
		{"a relapse after the end of treatment", "relapse after end of treatment", "", Partial, ConfidenceLow},
		{"no relevant change", "we did not observe any clinically relevant change in the size of the nodules", "", None, ConfidenceHigh},
		{"a degree after 'only'", "the nodules improved only marginally", "", Minimal, ConfidenceHigh},
		{"a hedge after the response", "the improvement may have been spontaneous", "", Partial, ConfidenceLow},
		{"a failure that led to the next treatment ('resorted to')", "Due to lack of clinical improvement, we resorted to plasmapheresis.", "methimazole", None, ConfidenceHigh},
		{"an implanted stimulator's operation named 'surgery'", "Tic severity reduced substantially post-surgery.", "deep brain stimulation", Partial, ConfidenceHigh},
		{"later values of the same unit, each at its time: the last is read", "Corneal edema decreased from 1479 µm to 991 µm at day 7, 670 µm at month 1, and 530 µm at 2 years.", "", Partial, ConfidenceHigh},
		{"later values of a score without a unit, the last joined by 'and'", "EASI decreased from 30 to 20 at week 4, 8 at week 16 and 2 at week 52.", "", Partial, ConfidenceHigh},
		{"a later value of another unit is another measure", "CRP decreased from 120 mg/L to 80 mg/L at day 3, 40 mmHg at day 10.", "", Minimal, ConfidenceHigh},
		{"a share of regrowth after the word, with a word before it", "Hair regrowth of 30% at 6 months.", "", Minimal, ConfidenceHigh},
		{"a range of shares of regrowth across a cut-off", "Hair regrowth of 40-60% at 6 months.", "", Minimal, ConfidenceLow},
		{"a range of percentages across a cut-off", "Repigmentation 25-50%", "", Minimal, ConfidenceLow},
		{"a range of percentages within a band", "Repigmentation 50-75%", "", Partial, ConfidenceHigh},
		{"a global assessment's grade in a cell, with its score", "Almost clear (IGA 1)", "", Partial, ConfidenceHigh},
		{"a global assessment before and after", "PGA 3 → 1", "", Partial, ConfidenceHigh},
		{"a cardiac arrest is how a patient died, not why", "Thirty-nine hours after intake, the patient developed sudden cardiac arrest and died.", "", NotEvaluable, ConfidenceLow},
		{"a smooth recovery, from the operation or the disease", "Later, the patient was discharged after a smooth recovery.", "", NotEvaluable, ConfidenceLow},
		{"a recovery without complications, said after the word", "Recovery was uneventful and she was discharged on day 5.", "", NotEvaluable, ConfidenceLow},
		{"a result kept: a response kept, of no stated degree", "The result remained stable for 10 months.", "", Partial, ConfidenceLow},
		{"a poor result kept", "The poor result persisted.", "", None, ConfidenceHigh},
		{"results unchanged are no response", "The results remained unchanged after three sessions.", "", None, ConfidenceHigh},
		{"a change to a normal value beside a lesser response is a change", "ALP decreased to the normal range and pruritus improved slightly.", "", Partial, ConfidenceHigh},
		{"'on' and its treatment end at a contrast", "On rituximab she remained in remission, but she relapsed 6 months after the last dose.", "", Complete, ConfidenceHigh},
		{"a withdrawal after 'on' is after the course", "On rituximab maintenance she remained in remission, but on withdrawal she relapsed.", "", Complete, ConfidenceHigh},
		{"a threshold reached, then lost", "PASI 75 lost by wk 40", "", Progression, ConfidenceLow},
		{"values of a response said not to have lasted", "Plt 8 → 45 x10^9/L, transient, back to 10 by d14", "", Minimal, ConfidenceHigh},
		{"a threshold beside a loss to follow-up is kept", "PASI 75 at week 16; lost to follow-up", "", Partial, ConfidenceHigh},
		{"a score's value before an arrow is no threshold", "SALT 95 → 75 at wk 24", "", Minimal, ConfidenceHigh},
		{"a score's value before 'to' is no threshold", "PASI 100 to 70", "", Minimal, ConfidenceHigh},
		{"a threshold reached is still one", "PASI 75 at week 16", "", Partial, ConfidenceHigh},
		{"a response not recorded", "Response not documented", "", NotEvaluable, ConfidenceHigh},
		{"no response recorded: missing, or none recorded", "D/c wk 3 (neuropathy); no response documented", "", NotEvaluable, ConfidenceLow},
		{"fewer new lesions is fewer", "Fewer new blisters, still active", "", Partial, ConfidenceHigh},
		{"a new onset despite the course, beside a response stated apart", "Despite rituximab she developed hypogammaglobulinaemia, but the pemphigus was in complete remission.", "rituximab", Complete, ConfidenceLow},
		{"a course stopped because of its response", "Infliximab was stopped after the third infusion because the fistula had closed.", "", Complete, ConfidenceHigh},
		{"a course stopped after the response", "Propranolol was discontinued at 12 months after complete involution of the haemangioma.", "", Complete, ConfidenceHigh},
		{"sinus rhythm kept while the seizures go on is no response", "The ECG remained in sinus rhythm throughout, but the seizures continued.", "", None, ConfidenceLow},
		{"a failure 'in achieving' denies what follows", "The treatments with prednisolone and methotrexate failed in achieving a complete remission.", "", None, ConfidenceHigh},
		{"a persistence while on the course", "The SVT continued while on digoxin and amiodarone.", "", None, ConfidenceHigh},
		{"a return to sinus rhythm", "He reverted to sinus rhythm with a higher dose of adenosine.", "", Complete, ConfidenceHigh},
		{"a statement naming the row's own patient beside one about several", "Both underwent plasma exchange; our patient improved markedly.", "", Partial, ConfidenceHigh},
		{"a median with its range is a summary over several patients", "DAS28 decreased from 5.62 (3.75–8.28) [median (range)] at baseline to 1.61 (0.49–3.5) at month 12.", "", Unclassified, ConfidenceNone},
		{"one patient's median is his", "His median seizure frequency fell from 10 to 2 per week.", "", Partial, ConfidenceHigh},
		{"'they' as the subject of a response is several patients", "They responded well to rituximab (induction and maintenance) therapy.", "", Unclassified, ConfidenceNone},
		{"our patients are several", "Two of our patients improved markedly.", "", Unclassified, ConfidenceNone},
		{"the own patient among several is several", "Our patient and the two previously reported patients all improved.", "", Unclassified, ConfidenceNone},
		{"the disease's process stopped is no stop of the course", "Under this treatment the septic process was stopped.", "", NotEvaluable, ConfidenceLow},
		{"a bleeding not stopped is no stop of the course", "The bleeding could not be stopped despite transfusions.", "", NotEvaluable, ConfidenceLow},
		{"a course stopped, with its dose", "Methotrexate 15 mg weekly was stopped.", "", NotEvaluable, ConfidenceHigh},
		{"a treatment escalated is no worsening", "Anti-fungal treatment was escalated for a suspected cryptococcoma.", "", Unclassified, ConfidenceNone},
		{"a relapse not excluded is a possibility", "We could not exclude a relapse.", "", Progression, ConfidenceLow},
		{"a recurrence ruled out is denied", "Recurrence was ruled out by MRI at 2 years.", "", Complete, ConfidenceHigh},
		{"'whether or not' asks nothing of the outcome", "Whether or not she adhered, the ulcer healed completely.", "", Complete, ConfidenceHigh},
		{"a new onset merely while on the course may be a harm", "While on isotretinoin she developed cheilitis.", "", Progression, ConfidenceLow},
		{"an event despite the course", "Despite treatment with steroids she repeatedly experienced myasthenic crises.", "", Progression, ConfidenceHigh},
		{"an event word introducing a good state", "While taking this combination, the patient experienced stable mood and fewer paranoid thoughts.", "", Partial, ConfidenceLow}, // "fewer" proposes the fall of a count
		{"a lesion growing", "Another had expansion of the lesion after treatment, requiring excision.", "", Progression, ConfidenceHigh},
		{"a change to a normal value, alone", "Serum transaminases went down to normal 3 months later.", "", Complete, ConfidenceLow},
		{"a change to a normal value beside the disease's own response", "His hypothyroid state gradually ameliorated and his antibody titre decreased to the normal range.", "", Partial, ConfidenceHigh},
		{"a flare on the course, 'on' and its treatment before it", "On azathioprine, the disease flared.", "", Progression, ConfidenceHigh},
		{"a flare on the course, 'on' and its treatment after it", "The disease flared on azathioprine.", "", Progression, ConfidenceHigh},
		{"a flare on the treatment's withdrawal is not on it", "The disease flared on azathioprine withdrawal.", "", Progression, ConfidenceLow},
		{"a question, not an observation", "Whether the remission was due to tocilizumab remains unclear.", "", Complete, ConfidenceLow},
		{"a possibility not excluded", "A response could not be excluded.", "", Partial, ConfidenceLow},
		{"a response still to be confirmed", "Further follow-up is needed to confirm the response.", "", Partial, ConfidenceLow},
		{"a response word after what was not assessed", "too early to evaluate response", "", NotEvaluable, ConfidenceHigh},
		{"an evaluation not possible", "evaluation was not possible because the patient moved away", "", NotEvaluable, ConfidenceHigh},
		{"a stop the patient asked for", "stopped at the patient's request", "", NotEvaluable, ConfidenceHigh},
		{"a response beside a growth elsewhere", "while pain decreased, the deposits grew larger", "", Partial, ConfidenceLow},
		{"a failure to respond", "failure to respond to several treatments", "", None, ConfidenceHigh},
		{"no recurrence after an operation", "Excised; no recurrence at 2 years", "excision", Complete, ConfidenceHigh},
		{"no recurrence without an operation named: a response that lasted", "Treated; no recurrence at 2 years", "", Complete, ConfidenceHigh},
		// review cases: the clause breaks and lists the new rules must respect
		{"a course noun before a comma is no subject", "Despite antibiotic therapy, remained febrile", "", None, ConfidenceHigh},
		{"a count across a colon is no count of sites", "After cycle 2 of 6: complete response", "", Complete, ConfidenceHigh},
		{"a count of the course's cycles is no count of sites", "after 2 of 6 cycles complete response", "", Complete, ConfidenceHigh},
		{"a stop in the next sentence is not the relapse's time", "She flared. When prednisone was withdrawn the rash cleared.", "", Complete, ConfidenceLow},
		{"a dose after a listed treatment keeps the list", "Refractory to prednisone, IVIG 2 g/kg and rituximab", "rituximab", None, ConfidenceHigh},
		{"a drug's strength is no share of relief", "Capsaicin 0.075% cream relieved the pain", "", Partial, ConfidenceLow},
		{"a strength before complete relief", "Complete relief of itching with 0.1% tacrolimus ointment", "", Complete, ConfidenceHigh},
		{"a level reached is no fall below a cut-off", "decreased to less than 50% of baseline", "", Partial, ConfidenceHigh},
		{"a remission lost is no remission", "Loss of remission", "", Progression, ConfidenceLow},
		{"a remission lost on the course", "remission was lost while on maintenance", "", Progression, ConfidenceHigh},
		{"a relapse on a steroid taper", "relapsed on steroid taper", "", Progression, ConfidenceHigh},
		{"dialysis no longer needed", "dialysis was discontinued at 2 months", "", Partial, ConfidenceHigh},
		{"transfusions no longer needed", "no further transfusions required", "", Partial, ConfidenceHigh},
		{"a response that did not last", "improvement was not maintained", "", Minimal, ConfidenceHigh},
		{"a response that did not last, short", "Response not sustained", "", Minimal, ConfidenceHigh},
		{"an effect that was lost", "the drug lost its effect after 3 months", "", Progression, ConfidenceLow},
		{"a transient response, then a weak failure", "Initial response, then failure", "", Partial, ConfidenceLow},
		{"before/after values with an arrow", "VAS 8→3", "", Partial, ConfidenceHigh},
		{"before/after values with a date between", "CEA 93.8 (Nov 99) -> 240.3 (Dec 99)", "", Progression, ConfidenceHigh},
		{"before/after values, the last called normal", "ALT 980 -> 32 U/L (normal)", "", Complete, ConfidenceHigh},
		{"before/after values, the last called normalised", "creatinine from 3.2 to 1.1 mg/dL, normalised", "", Complete, ConfidenceHigh},
		{"before/after values, the last back to the patient's baseline", "Cr 1.8 -> 1.3 mg/dL (back to baseline)", "", Complete, ConfidenceHigh},
		{"before/after values, the last returned to normal", "ALT 300 -> 40 U/L, returned to normal", "", Complete, ConfidenceHigh},
		{"a value back to another number is a response that did not last", "plt 6 -> 98 d5, back to 10 by d21", "", Minimal, ConfidenceHigh},
		{"a reference range after the values is not the value's state", "ALT 980 -> 320, normal range 10-40", "", Partial, ConfidenceHigh},
		{"a reference limit in parentheses is not the value's state", "ALT 980 -> 320 (normal <40)", "", Partial, ConfidenceHigh},
		{"the value in the normal range", "BAI 49 -> 16 (normal range)", "", Complete, ConfidenceHigh},
		{"before/after values with baseline between", "CRP 120 (baseline) -> 4", "", Partial, ConfidenceHigh},
		{"before/after values on one scale", "Pain 7/10 -> 2/10", "", Partial, ConfidenceHigh},
		{"before/after values with thousands separators", "Platelets 12,000 → 145,000/µL", "", Partial, ConfidenceHigh},
		{"before/after values with a unit per volume", "Eosinophils 3,500/µL to 200/µL", "", Partial, ConfidenceHigh},
		{"Snellen fractions rising, with 'from'", "BCVA improved from 20/200 to 20/40", "", Partial, ConfidenceHigh},
		{"Snellen fractions rising, metric, with an arrow", "Visual acuity 6/60 → 6/9", "", Partial, ConfidenceHigh},
		{"Snellen fractions falling: a fall of a higher-is-better measure", "Visual acuity from 20/40 to 20/200", "", Progression, ConfidenceLow},
		{"two values of a pressure are no fraction", "Blood pressure fell from 160/100 to 120/80", "", Partial, ConfidenceLow},
		{"before/after values with 'to' after the measure", "mRSS 30 to 15", "", Partial, ConfidenceHigh},
		{"values without a measure named", "8 → 2", "", Unclassified, ConfidenceNone},
		{"a change and the level reached are not two values", "IGF-1 decreased by > 50% to 434 ng/mL", "", Partial, ConfidenceHigh},
		{"a number in parentheses supersedes nothing", "Improved (VAS 8→3)", "", Partial, ConfidenceHigh},
		{"a course graded good", "The course was favorable", "", Partial, ConfidenceHigh},
		{"an evolution graded poor", "Evolution: unfavourable", "", None, ConfidenceHigh},
		{"a symptom no longer present", "he no longer had pain", "", Complete, ConfidenceHigh},
		{"nothing helped", "Nothing helped", "", None, ConfidenceHigh},
		{"non-responsive", "Non-responsive", "", None, ConfidenceHigh},
		{"an endoscopic endpoint", "Endoscopy showed mucosal healing", "", Complete, ConfidenceHigh},
		{"asymptomatic now", "Currently asymptomatic", "", Complete, ConfidenceHigh},
		{"new lesions that stopped appearing are no worsening", "stopped the appearance of new lesions", "", None, ConfidenceLow},
		{"new lesions that stopped appearing, backwards", "appearance of new lesions stopped", "", None, ConfidenceLow},
		{"fewer new lesions", "fewer new lesions", "", Partial, ConfidenceHigh},
		{"function regained in full", "regained full range of motion", "", Complete, ConfidenceHigh},
		{"stiffness as a measure", "stiffness reduced", "", Partial, ConfidenceHigh},
		{"a rhythm restored", "sinus rhythm was restored after cardioversion", "", Complete, ConfidenceHigh},
		{"thyroid function normal", "the patient became euthyroid", "", Complete, ConfidenceHigh},
		{"euthyroid alone is a state", "she was euthyroid at presentation", "", Complete, ConfidenceLow},
		{"growth caught up", "catch-up growth", "", Partial, ConfidenceHigh},
		{"a growth velocity rising", "increase of height velocity from 1.8 cm/year to 11.3 cm/year", "", Partial, ConfidenceHigh},
		{"normal glucose reached", "leading to the attainment of euglycemia within five days", "", Complete, ConfidenceHigh},
		{"a rhythm converted", "the rhythm converted to normal", "", Complete, ConfidenceHigh},
		{"a response graded low", "ICARS: 61→51 Low response (18 months)", "", Minimal, ConfidenceHigh},
		{"walking without aid is no negation", "Gait with aid→gait without aid High response", "", Partial, ConfidenceHigh},
		{"a response lost later", "achieved major molecular response, which was lost in December", "", Partial, ConfidenceLow},
		{"an arrow separates two states", "no response → complete response", "", Complete, ConfidenceHigh}, // best response, reached later (rule 6)
		{"a stop said as a discontinuation", "leading to discontinuation due to nausea", "", NotEvaluable, ConfidenceHigh},
		{"a discontinuation after a response keeps it", "partial response, leading to discontinuation due to nausea", "", Partial, ConfidenceHigh},
		{"present-tense persistence", "symptoms persist", "", None, ConfidenceHigh},
		{"a Latin death as the whole cell", "Exitus", "", Progression, ConfidenceHigh},
		{"a table's grade, stationary", "Stationary", "", None, ConfidenceHigh},
		{"a failure of the course named after 'of'", "Improved on minocycline after failure of diltiazem", "diltiazem", None, ConfidenceHigh},
		{"the other course of the same cell", "Improved on minocycline after failure of diltiazem", "minocycline", Partial, ConfidenceHigh},
		{"visual acuity rising, then stable", "The BCVA increased to 3/10 after the injections and remained stable", "", Partial, ConfidenceHigh},
		{"resolving as an action", "After resolving the congestion with diuretics, bisoprolol resulted in re-exacerbation of the HF", "bisoprolol", Progression, ConfidenceHigh},
		{"transitory, as transient", "a transitory remission of the symptoms", "", Minimal, ConfidenceHigh},
		{"the patient's own report", "she felt much better", "", Partial, ConfidenceHigh},
		{"disease activity as a measure", "disease activity decreased", "", Partial, ConfidenceHigh},
		{"active disease gone", "At 2 years there were no signs of active disease", "", Complete, ConfidenceHigh},
		{"labels before colons are sites", "Skin: CR; muscle: PR", "", Partial, ConfidenceHigh},
		{"labels before colons, a site unchanged", "Skin: improved; muscle: unchanged", "", Partial, ConfidenceHigh},
		{"complete at every labelled site", "Skin: resolved; muscle: complete remission", "", Complete, ConfidenceHigh},
		{"one label is no site roll-up", "Outcome: complete response", "", Complete, ConfidenceHigh},
		{"times before colons are no sites", "3 mo: PR; 6 mo: CR", "", Complete, ConfidenceHigh},
		{"times with a digit before colons are no sites", "M3: PR; M6: CR", "", Complete, ConfidenceHigh},
		{"phases before colons are no sites", "Initial: PR; final: CR", "", Complete, ConfidenceHigh},
		{"a range after a measure is no before/after values", "Pain resolved within 2 to 3 weeks", "", Complete, ConfidenceHigh},
		{"denominators are no before/after values", "his bone pain had risen from a VAS score of 20 out of 100 to 60 out of 100", "", Unclassified, ConfidenceNone},
		{"'=>' separates two states", "no response => complete response", "", Complete, ConfidenceHigh},
		{"stable after an initial response: it lasted", "Initial response; progression free at 2 years", "", Partial, ConfidenceHigh},
		{"a number in parentheses after its change word states it", "proteinuria reduced (30 %)", "", Minimal, ConfidenceHigh},
		// a vague word of change under way is read by the measure beside it, not as an improvement
		{"a count that began to fall", "platelets began to decrease", "", Progression, ConfidenceLow},
		{"a symptom that began to fall", "pain began to decrease", "", Partial, ConfidenceHigh},
		// two treatments in one cell
		{"a failed treatment before a comma, the course after it", "After failure of methotrexate, rituximab induced complete remission", "rituximab", Complete, ConfidenceHigh},
		{"a failed list goes on after a comma", "refractory to methotrexate, rituximab and IVIG", "rituximab", None, ConfidenceHigh},
		{"the course failed, another helped", "Colchicine was ineffective; dapsone led to improvement", "colchicine", None, ConfidenceHigh},
		{"another failed, the course helped", "Colchicine was ineffective; dapsone led to improvement", "dapsone", Partial, ConfidenceHigh},
		{"a relapse after the course was stopped keeps the response", "Improved on IVIG, relapsed after IVIG was stopped", "IVIG", Partial, ConfidenceHigh},
		{"a worsening after the course stopped keeps the response", "cleared; worsened off drug", "", Complete, ConfidenceHigh},
		{"a worsening after the course stopped keeps the response, written with arrows", "CR -> PD 4 months after ipilimumab stopped", "", Complete, ConfidenceHigh},
		{"a worsening at the course's completion is on it", "After completing 3 cycles, progression of liver lesions and regression of lung lesions", "", Partial, ConfidenceHigh},
		{"a worsening after the course with no response stated stays", "disease progressed after discontinuation", "", Progression, ConfidenceHigh},
		{"a relapse after a taper is on the course", "Improved on IVIG, relapsed after IVIG was tapered", "IVIG", Partial, ConfidenceLow},
		{"continued to take the course is weak", "he continued to take melatonin daily", "", None, ConfidenceLow},
		{"a treatment as the subject of persistence is weak", "antimicrobial therapy was continued for 16 months", "", None, ConfidenceLow},
		{"a drug as the subject of persistence is weak", "rituximab has been continued since", "", None, ConfidenceLow},
		{"a treatment before the subject is not the subject", "with topical treatment IOP remained high", "", None, ConfidenceHigh},
		{"a term the drug list excludes is no subject", "the calcium levels remained elevated", "", None, ConfidenceHigh},
		{"an operation named by what it does is the surgery", "Four months after surgery, the symptoms had resolved.", "popliteal artery release and reconstruction", Complete, ConfidenceHigh},
		{"a removal is an operation", "One month after the operation she was symptom free.", "gastric band removal", Complete, ConfidenceHigh},
		{"an extended release is no operation", "She was refractory to surgery.", "extended-release nifedipine", Unclassified, ConfidenceNone},
		{"continued to take across a sentence is no course", "She continued to use. Methotrexate was stopped.", "", None, ConfidenceHigh},
		{"surgery is no drug's course", "Four months after surgery, the symptoms had resolved.", "rituximab", Unclassified, ConfidenceNone},
		{"continued to worsen is no course", "symptoms continued to worsen despite melatonin", "", Progression, ConfidenceHigh},
		{"persistence of the disease despite the course", "he remained febrile after etoposide", "", None, ConfidenceHigh},
		{"persistence of a change for the better", "her symptoms continued to ameliorate", "", Partial, ConfidenceHigh},
		// an adverb of a short time right before its response word; "nearly completely"
		{"short time before the response word", "the mass temporarily decreased in size", "", Minimal, ConfidenceHigh},
		{"nearly completely", "the lesions had nearly completely disappeared", "", Partial, ConfidenceHigh},
		{"response lost: symptoms reappeared", "after initial improvement his symptoms reappeared before the next dose", "", Progression, ConfidenceHigh},
		// a good state that persisted is the proposal of a weak reading, not a non-response
		{"persisting good state", "serum IGF-I remained normal during the following 2.5 years", "", Complete, ConfidenceLow},
		// the object of a change is not a second outcome
		{"object of a change", "minimal improvement in her motor recovery", "", Minimal, ConfidenceHigh},
		{"not the object of a persistence word", "she remained in complete remission", "", Complete, ConfidenceHigh},
		{"negation ends at but", "no improvement in the first month but complete remission at six months", "", Complete, ConfidenceLow},
		{"backward negation", "EASI 50 not reached", "", None, ConfidenceHigh},
		{"backward negation of a phrase", "remission could not be achieved", "", None, ConfidenceHigh},
		{"backward negation cue before its phrase", "had not reached complete remission", "", None, ConfidenceHigh},
		{"negation reaches a list", "there was no improvement in symptoms or radiological response", "", None, ConfidenceHigh},
		{"pseudo-trigger", "there was no recurrence at 2 years of follow-up", "", Complete, ConfidenceHigh},
		{"pseudo-trigger as the whole cell", "no recurrence at 2 years of follow-up", "", Complete, ConfidenceHigh},
		{"history names another drug", "refractory to steroids and methotrexate; complete remission with rituximab", "rituximab", Complete, ConfidenceHigh},
		{"earlier treatments as the object of a non-response", "no response to previous therapies", "infliximab", Unclassified, ConfidenceNone},
		{"earlier treatments as the object of a failure", "failed previous treatments", "", Unclassified, ConfidenceNone},
		{"earlier treatments as the object, then the course's response", "no response to prior treatments; complete remission on infliximab", "infliximab", Complete, ConfidenceHigh},
		{"history cue names the course", "the patient was refractory to rituximab", "rituximab", None, ConfidenceHigh},
		{"clause about another treatment", "did not respond to steroids; platelet count normalized after four doses of rituximab", "rituximab", Complete, ConfidenceHigh},
		{"background treatment", "remains in remission on prednisolone 2.5 mg", "tocilizumab", Complete, ConfidenceHigh},
		{"outcome said of the treatment it is on", "failed methotrexate; cleared on ustekinumab", "methotrexate", None, ConfidenceHigh},
		{"object of an outcome phrase", "she no longer required dialysis", "rituximab", Partial, ConfidenceHigh},
		{"treatment-refractory compound names the course", "a boy with IVIG-refractory Kawasaki disease", "IVIG", None, ConfidenceHigh},
		{"treatment and adjective joined by a space", "IVIG resistant", "IVIG", None, ConfidenceHigh},
		{"a word of the treatment cell before the adjective is no treatment", "severe refractory PAP treated with WLL", "whole lung lavage for severe refractory PAP", Unclassified, ConfidenceNone},
		{"compound after a list names the course", "SSc with steroid and cyclophosphamide-resistant ILD", "cyclophosphamide", None, ConfidenceHigh},
		{"compound naming another treatment is history", "a boy with IVIG-refractory Kawasaki disease", "infliximab", Unclassified, ConfidenceNone},
		{"outcome linked by a termination cue to another treatment", "complete remission after rituximab", "cyclophosphamide", Unclassified, ConfidenceNone},
		{"non-response of the course, response of the next", "no response to cyclophosphamide; complete remission after rituximab", "cyclophosphamide", None, ConfidenceHigh},
		{"new onset on the course", "she developed retinal detachment in the other eye despite steroid treatment", "", Progression, ConfidenceHigh},
		{"new onset after a termination cue is not placed", "no flares while on voriconazole but developed eosinophilic colitis", "", Complete, ConfidenceHigh},
		{"new onset without a time", "she developed retinal detachment", "", Unclassified, ConfidenceNone},
		{"new onset beside an adverse effect", "developed drug-induced hepatitis while on isoniazid", "", Unclassified, ConfidenceNone},
		{"a death as the whole cell", "Dead 16 months later", "", Progression, ConfidenceHigh},
		{"a death with its cause", "Died of sepsis", "", NotEvaluable, ConfidenceHigh},
		{"a stated non-response beside a death of another cause", "the fever persisted and the patient died of sepsis", "", None, ConfidenceHigh},
		{"a subordinate clause's comma ends its negation", "While the hearing on the right side did not recover, the left side improved partially", "", Partial, ConfidenceHigh},
		{"a persistence verb despite the course", "symptoms persisted despite treatment with benztropine", "", None, ConfidenceHigh},
		{"even with is despite", "even with this prevention, meningitis occurred within six weeks", "", Progression, ConfidenceHigh},
		{"a backward negation: not found", "evidence of recurrence of the thymoma is not found 39 months after surgery", "", Complete, ConfidenceHigh},
		{"no further events", "she did not experience further thrombotic events during the follow up", "", Complete, ConfidenceHigh},
		{"a negation of the degree", "serum creatinine was not fully normalised", "", Partial, ConfidenceHigh},
		{"a backward negation of the degree", "remission was not fully achieved", "", Partial, ConfidenceHigh},
		{"study subjects are several patients", "four subjects showed significantly improved renal function", "", Unclassified, ConfidenceNone},
		{"a stop beside an adverse effect", "Discontinued (side effects)", "", NotEvaluable, ConfidenceHigh},
		{"a stop alone stays weak", "Discontinued", "", NotEvaluable, ConfidenceLow},
		{"healing of a lesion", "Healing of ulcers", "", Partial, ConfidenceHigh},
		{"a change of lesions named in the plural", "marked reduction of nodules", "", Partial, ConfidenceHigh},
		{"a transient adverb after its response", "which improved her symptoms transiently", "", Minimal, ConfidenceHigh},
		{"initially after a response is another time", "a complete response to initial gefitinib that lasted for 12 months", "", Complete, ConfidenceHigh},
		{"a response then a worsening", "symptoms improved for a few days but then progressed", "", Progression, ConfidenceHigh},
		{"a worsening after a stop is after the course", "partial response; treatment was stopped and the disease then progressed", "", Partial, ConfidenceLow},
		{"a word of sequence far from the worsening", "remission was achieved, but 15 days later the course was complicated by sepsis with deteriorating renal function", "", Complete, ConfidenceLow},
		{"a death despite the course", "Despite aggressive treatment, the patient died shortly after", "", Progression, ConfidenceHigh},
		{"a negation ends at a new noun phrase after and", "no focal deficits and the disease in complete remission", "", Complete, ConfidenceHigh},
		{"the disease treated is no event", "the benefit of caplacizumab in refractory TTP", "", Partial, ConfidenceLow},
		{"a death with the worsening as its cause", "Died (disease progression)", "", Progression, ConfidenceHigh},
		{"a death after a worsening in a sentence", "died from progressive multifocal leukoencephalopathy", "", Progression, ConfidenceLow},
		{"a responder column", "Responder", "", Partial, ConfidenceHigh},
		{"a count of responders is no grade", "1 responder", "", Unclassified, ConfidenceNone},
		{"a death in a sentence, no cause", "the patient died at home", "", NotEvaluable, ConfidenceLow},
		{"a death with a named cause", "the patient died from liver failure", "", Progression, ConfidenceLow},
		{"a death with a cause in parentheses", "Deceased (severe respiratory failure)", "", Progression, ConfidenceLow},
		{"a death of another cause in a sentence", "on day 15 he died of septic shock", "", NotEvaluable, ConfidenceHigh},
		{"another cause before the death", "she developed a pulmonary embolism and died", "", NotEvaluable, ConfidenceHigh},
		{"a death of another cause despite the course", "despite appropriate antibiotics, the patient died of a myocardial infarction", "", NotEvaluable, ConfidenceHigh},
		{"an abbreviation inside a compound name is no grade", "he was treated with anti-PD-1 antibody", "", Unclassified, ConfidenceNone},
		{"an abbreviation before a hyphen is no grade", "developed AE-IPF on day 10", "", Unclassified, ConfidenceNone},
		{"an abbreviation in parentheses stays a grade", "Discontinued (AE)", "", NotEvaluable, ConfidenceHigh},
		{"and, a word and a verb in the past is a statement of its own", "no fever and chills resolved", "", Complete, ConfidenceHigh},
		{"an operation named by its kind", "blood glucose levels normalized after surgery", "subtotal pancreatectomy", Complete, ConfidenceHigh},
		{"none as the whole cell of a response column", "None", "", None, ConfidenceHigh},
		{"none inside a cell is no grade", "Complications: none", "", Unclassified, ConfidenceNone},
		{"and, an adverb and a verb in the past is a statement of its own", "it halted the storm and promptly achieved full recovery", "", Complete, ConfidenceHigh},
		{"a denied relief", "the treatment did not relieve his symptoms", "", None, ConfidenceHigh},
		{"a backward negation without a copula", "repigmentation absent", "", None, ConfidenceHigh},
		{"nil after its phrase", "hair regrowth nil", "", None, ConfidenceHigh},
		{"a relapse on the unnamed drug", "relapsed on drug", "", Progression, ConfidenceHigh},
		{"a relapse on tx", "healed; recurred on tx at 4 mo", "", Progression, ConfidenceHigh},
		// a reviewer's probes of the rules above
		{"a relapse when the taper reached zero is after the course", "remission; relapse when PSL was tapered to zero", "", Complete, ConfidenceHigh},
		{"a relapse as the taper finished is after the course", "remission; relapsed as taper finished", "", Complete, ConfidenceHigh},
		{"a relapse on a dose reduction, then regained", "headache recurred when dose reduced, resolved again on 20 mg", "", Complete, ConfidenceLow},
		{"fewer events than before despite the course", "despite HU, crises now every 6 mo instead of monthly", "hydroxyurea", Unclassified, ConfidenceNone},
		{"a marker detected despite the course is no bad event", "despite rituximab, B cells detected at 6 mo", "rituximab", None, ConfidenceLow},
		{"a terse word beside a concession stays weak", "candida detected despite fluconazole, asymptomatic", "fluconazole", Complete, ConfidenceLow},
		{"down by an amount without its baseline", "EDSS down 0.5", "", Unclassified, ConfidenceNone},
		{"a stop whose reason goes on in another clause", "stopped day 4 - bleeding, thrombus extended", "", NotEvaluable, ConfidenceLow},
		{"a relapse as the steroid was tapered is on the course", "remission with pulse, but relapsed x3 as steroid tapered (new MRI lesions)", "", Progression, ConfidenceHigh},
		{"a relapse whenever the dose was reduced is on the course", "TFTs normal after 4 mo; relapsed whenever steroid dose reduced", "", Progression, ConfidenceHigh},
		{"a relapse each time the drug stopped is after the course", "remission induced; flared at once each time PSL stopped", "", Complete, ConfidenceHigh},
		{"a relapse when the drug was tapered off is after the course", "improved; relapsed when prednisolone tapered off", "", Partial, ConfidenceHigh},
		{"a relapse after the course's drug was stopped is after the course", "Lesions cleared within 4 weeks; recurrence occurred 3 months after dapsone was stopped.", "dapsone", Complete, ConfidenceHigh},
		{"the course named as the object of a stop is its time", "remission; relapsed <1 wk after PSL stopped, then 6 relapses", "prednisolone", Complete, ConfidenceHigh},
		{"a time of a stop whose course is named, after a contrast", "Steroid therapy initially yielded improvement; however, after steroids were stopped, there was disease recurrence.", "prednisolone", Partial, ConfidenceHigh},
		{"\"after\" then a statement whose verb is a stop is no time of a stop", "after a week bleeding stopped", "dapsone", Complete, ConfidenceHigh},
		{"a relapse after the dose was reduced is not after the course", "Lesions cleared; relapsed after the dose was reduced.", "dapsone", Complete, ConfidenceLow},
		{"a response lost by a time on the course", "response at wk 4, lost by wk 8 despite continued dosing", "", Progression, ConfidenceHigh},
		{"a response lost within a time, no time of the course", "good response, lost within 3 months", "", Partial, ConfidenceLow},
		{"a relapse off tx keeps the best response", "CR -> relapse 9 mo off tx", "", Complete, ConfidenceHigh},
		{"a relapse after the last dose implies a response", "relapse after last dose", "", Partial, ConfidenceLow},
		{"flares between injections are on the course", "flares between injections", "", Progression, ConfidenceHigh},
		{"a bit is a degree", "itch a bit better", "", Minimal, ConfidenceHigh},
		{"a stop with its reason in parentheses", "stopped (dizziness)", "", NotEvaluable, ConfidenceHigh},
		{"stable disease after a response keeps it", "PR -> SD", "", Partial, ConfidenceHigh},
		{"stable disease after a stated response keeps it", "SD after PR", "", Partial, ConfidenceHigh},
		{"stable disease then a response later is the best response", "partial response, then stable disease for 8 mo", "", Partial, ConfidenceHigh},
		{"stable disease beside a response, in no order, disagrees", "PR; SD", "", Partial, ConfidenceLow},
		{"the skin clear", "skin clear", "", Complete, ConfidenceHigh},
		{"an anxiety inventory's fall", "BAI 37 -> 12", "", Partial, ConfidenceHigh},
		{"creatinine abbreviated", "Cr 2.1 -> 1.8 mg/dL", "", Minimal, ConfidenceHigh},
		{"an activity index's fall to zero through times", "PUCAI 35 -> 15 (6 mo) -> 10 (18 mo) -> 0", "", Complete, ConfidenceHigh},
		{"a tumour marker written without spaces", "CA19-9 200 -> 50", "", Partial, ConfidenceHigh},
		{"urine albumin is not serum albumin", "urine albumin 300 -> 30 mg/g", "", Partial, ConfidenceHigh},
		{"a wound fully epithelialised", "fully epithelialised", "", Complete, ConfidenceHigh},
		{"no real change", "no real change", "", None, ConfidenceHigh},
		{"moved away is lost to follow-up", "moved away; no f/u", "", NotEvaluable, ConfidenceHigh},
		{"a stop with its time and reason after a dash", "stopped at wk 3 - cholecystitis", "", NotEvaluable, ConfidenceHigh},
		{"d/c with its reason after a colon", "d/c after 3 wk: pancreatitis", "", NotEvaluable, ConfidenceHigh},
		{"d/c because of", "d/c because of rash", "", NotEvaluable, ConfidenceHigh},
		{"a stop alone stays weak", "stopped", "", NotEvaluable, ConfidenceLow},
		{"a stop after something unread stays weak", "OCS down to 10 mg/d at 6 mo; stopped - MTX alveolitis", "", NotEvaluable, ConfidenceLow},
		{"a stop whose reason is a response word", "stopped (ineffective)", "", None, ConfidenceLow},
		{"hair patches that regrew are a response", "patches regrew fully by 3 mo", "", Complete, ConfidenceHigh},
		{"a median with its interquartile range is several patients", "median SALT 90 -> 20 (IQR 5-40)", "", Unclassified, ConfidenceNone},
		{"in two cases is several patients", "in two cases remission", "", Unclassified, ConfidenceNone},
		{"two bare counts after in are patients", "complete response in 3, partial in 2", "", Unclassified, ConfidenceNone},
		{"one bare count after in stays the row's", "remission in 3", "", Complete, ConfidenceHigh},
		{"a course called a favourable progression", "progression was favorable at 1 yr", "", Partial, ConfidenceHigh},
		{"in one patient singles out a patient", "remission with RTX in one case", "", Complete, ConfidenceHigh},
		{"a relapse on a drug holiday is after the course", "responded; relapsed on a drug holiday", "", Partial, ConfidenceHigh},
		{"nil before its phrase", "nil improvement", "", None, ConfidenceHigh},
		{"a response column's label, then a weak word's grade", "effect: partial", "", Partial, ConfidenceHigh},
		{"a response column's label, then its value", "outcome: poor", "", None, ConfidenceHigh},
		{"a backward negation without a copula, after a noun phrase", "clinical response lacking", "", None, ConfidenceHigh},
		{"a backward negation without a copula: not seen", "improvement not seen", "", None, ConfidenceHigh},
		{"a backward negation without a copula is said of what is next to it", "improvement with fever absent", "", Partial, ConfidenceHigh},
		{"a backward negation with a verb reaches over the clause", "complete response to the treatment was not achieved", "", None, ConfidenceHigh},
		{"a transient response, then a weak worsening", "initially the child responded well, but with time the disease became progressive", "", Partial, ConfidenceLow},
		{"a response, then new lesions", "improved, then new nodules appeared", "", Partial, ConfidenceLow},
		{"a response, a contrast and new lesions: progression or a site that did not respond", "symptoms better, but CT: multiple new lung nodules", "", Partial, ConfidenceLow},
		{"a response, an arrow, then new lesions", "marked improvement -> new plaques at 6 mo", "", Partial, ConfidenceLow},
		{"a response, then a progressive symptom", "partial response, then progressive dysphagia on treatment", "", Partial, ConfidenceLow},
		{"a response and no new lesions", "improved; no new nodules", "", Partial, ConfidenceHigh},
		{"new lesions after the course stopped", "lesions regressed, then new lesions after stopping", "", Partial, ConfidenceHigh},
		{"the course's treatment as the object of the outcome", "The condition responded to neither methotrexate nor etanercept.", "methotrexate", None, ConfidenceHigh},
		{"a treatment's name before a place is a place", "She gained partial improvement and was transitioned to an acute rehabilitation center.", "intravenous immunoglobulin", Partial, ConfidenceHigh},
		{"a treatment's aim is no treatment", "Postoperative pituitary irradiation was ineffective to control ACTH.", "postoperative pituitary irradiation", None, ConfidenceHigh},
		{"rule 8: one manifestation gone, another only improved after it", "the uveitis resolved, improving the neurological symptoms", "", Partial, ConfidenceHigh},
		{"rule 8: a lesser response after a complete one, across clauses", "Complete resolution of ulcer; calcinosis reduced", "", Partial, ConfidenceHigh},
		{"rule 8: a site's percentage after a complete one", "ulcer healed, calcinosis 30% smaller", "", Partial, ConfidenceHigh},
		{"rule 8: a site's percentage before a complete one", "calcinosis reduced by 30%, ulcer healed", "", Partial, ConfidenceHigh},
		{"rule 8: a site's size beside a complete one", "ulcer healed, calcinosis 3 cm -> 2 cm", "", Partial, ConfidenceHigh},
		{"rule 8: a graded minimal response after a complete one", "Complete recovery of the bladder and mild recovery of sensory function", "", Partial, ConfidenceHigh},
		{"rule 8: one finding at two times is not two sites", "lesion 50% smaller at 3 mo, resolved at 6 mo", "", Complete, ConfidenceHigh},
		{"rule 8: a laboratory value beside a symptom gone is the same recovery", "CRP 80 -> 2, fever resolved", "", Complete, ConfidenceHigh},
		{"rule 8: a laboratory value's percentage is no site", "lesions cleared; CRP fell 30%", "", Complete, ConfidenceHigh},
		{"a share cleared is read from its percentage", "pigment ~70% cleared", "", Partial, ConfidenceHigh},
		{"a share fewer is read from its percentage", "30% fewer seizures", "", Minimal, ConfidenceHigh},
		{"a share less is read from its percentage", "30% less pain", "", Minimal, ConfidenceHigh},
		{"rule 8: an improvement before the complete response is the way there", "Proteinuria improved and then disappeared on day 17.", "", Complete, ConfidenceHigh},
		{"rule 8: a summary response word restates the complete one", "normalization of the serum aminotransferases and sustained virology response was achieved", "", Complete, ConfidenceHigh},
		{"rule 8: a function regained supports the complete response", "The patient made a complete recovery and was able to return to work.", "", Complete, ConfidenceHigh},
		{"rule 8: a change to a normal value may be a return to normal", "the headache disappeared, while the paraparesis improved to normal ambulatory status", "", Complete, ConfidenceHigh},
		{"rule 8: the patient as subject sums the course up", "The rash cleared and the patient improved.", "", Complete, ConfidenceHigh},
		{"a non-response, then a worsening on the course: progression", "Despite the combination therapy, he failed to respond and his perianal disease worsened.", "", Progression, ConfidenceHigh},
		{"a worsening before the non-response is where the course began", "The disease worsened, and she failed to respond to steroids.", "", None, ConfidenceHigh},
		{"a share of a response given as a percentage is read by rule 5", "Repigmentation <25%", "", Minimal, ConfidenceHigh},
		{"a share of healing given as a percentage", "ulcer 80% healed at 3 months", "", Partial, ConfidenceHigh},
		{"a complete response of only part of its object is partial", "Colonoscopy revealed resolution or healing of most ulcerations.", "", Partial, ConfidenceHigh},
		{"a complete response of the whole object stays complete", "Colonoscopy revealed resolution of the ulcerations.", "", Complete, ConfidenceHigh},
		{"rule 8: the patient's general state is not the disease", "Complete remission; quality of life improved markedly.", "", Complete, ConfidenceHigh},
		{"rule 8: a harm of the treatment that improved is not the disease", "Complete response; the treatment-related neutropenia improved after dose reduction.", "", Complete, ConfidenceHigh},
		{"rule 8: time labels order the two grades", "3 mo: CR; 12 mo: PR.", "", Complete, ConfidenceHigh},
		{"almost all sites gone is partial", "Almost all lesions disappeared on follow-up CT.", "", Partial, ConfidenceHigh},
		{"all but one site gone is partial", "Resolution of all but one of the liver lesions.", "", Partial, ConfidenceHigh},
		{"none of the lesions denies the response", "None of the lesions disappeared.", "", None, ConfidenceHigh},
		{"a treatment no longer needed is no other treatment", "the kidney function recovered, without the need for renal replacement therapy", "intravenous immunoglobulin", Complete, ConfidenceHigh},
		{"a substance before its normalization is measured", "1 month, improvement of LFTs and IgG normalization", "prednisolone 60 mg/day", Complete, ConfidenceHigh},
		{"a substance measured in the patient is no treatment", "The patient's calcium remained elevated on discharge.", "denosumab 60 mg s.c.", None, ConfidenceHigh},
		{"a treatment named as stopped is no treatment the patient no longer needs", "she responded to rituximab; steroids could be stopped", "azathioprine", Unclassified, ConfidenceNone},
		{"a treatment as the subject of a verb of change is a treatment", "rituximab decreased the number of relapses", "prednisone", Unclassified, ConfidenceNone},
		{"an outcome a treatment induced is said of that treatment", "IVIG-induced improvement", "azathioprine", Unclassified, ConfidenceNone},
		{"a transient response that persisted", "initial partial response, which persisted at 6 months", "", Partial, ConfidenceHigh},
		{"a death with a time after it, no cause", "the patient died two weeks after the start of treatment", "", NotEvaluable, ConfidenceLow},
		{"a death with company, no cause", "she died at home with her family", "", NotEvaluable, ConfidenceLow},
		{"succumbed to names a cause", "he succumbed to liver failure", "", Progression, ConfidenceLow},
		{"transitioned to a place", "she improved and was transitioned to rehabilitation", "intravenous immunoglobulin", Partial, ConfidenceHigh},
		{"a phlebotomy is no operation", "ferritin normalized after surgery", "phlebotomy", Unclassified, ConfidenceNone},
		{"two grades joined by a hyphen", "PR-CR", "", Complete, ConfidenceHigh},
		{"two grades joined by a hyphen, response then progression", "CR-PD", "", Complete, ConfidenceLow},
		{"some with a modifier is small", "with some clinical improvement", "", Minimal, ConfidenceHigh},
		{"a phrase with one modifier inside", "no further hypoglycemic episodes", "", Complete, ConfidenceHigh},
		{"a phrase with one modifier inside, on the course", "despite rituximab two further LETM episodes occurred", "", Progression, ConfidenceHigh},
		{"a denied phrase of further episodes", "she did not have any further episodes", "", Complete, ConfidenceHigh},
		{"a treatment's name before a measure is no treatment", "Oxygen saturations gradually improved.", "veno-venous ECMO", Partial, ConfidenceHigh},
		{"a worsening beside a death of another cause", "progressive interstitial lesions; he died of sepsis a few days later", "", Progression, ConfidenceHigh},
		{"survival as the whole cell", "Alive at 1month", "", NotEvaluable, ConfidenceHigh},
		{"a grade with a time", "No recurrence after 3 cycles", "", Complete, ConfidenceHigh},
		{"a time only", "14 days follow-up", "", NotEvaluable, ConfidenceHigh},
		{"a share of patients", "clinical response was observed in 81%", "", Unclassified, ConfidenceNone},
		{"a count of patients", "81.8% (n = 27) obtained an improvement in hematuria", "", Unclassified, ConfidenceNone},
		{"a summary of several patients", "therapy significantly improved mean ± standard deviation cardiac T2*", "", Unclassified, ConfidenceNone},
		{"one patient of several", "full renal recovery was seen in 1 patient", "", Unclassified, ConfidenceNone},
		{"a date is no share", "symptoms completely remitted in 08/2004", "", Complete, ConfidenceHigh},
		{"a persistence verb reads strongly", "she remained febrile", "", None, ConfidenceHigh},
		{"a persistence verb in the present reads as in the past", "remains paraplegic", "", None, ConfidenceHigh},
		{"stayed is a persistence verb", "PRL stayed elevated at 80 ng/mL", "", None, ConfidenceHigh},
		{"stayed before a good state stays weak", "stayed in remission", "", Complete, ConfidenceHigh},
		{"a base form after failed to", "failed to settle", "", None, ConfidenceHigh},
		{"a failure said by an adverb", "treated unsuccessfully", "", None, ConfidenceHigh},
		{"a state said of the patient", "she remained asymptomatic", "", Complete, ConfidenceHigh},
		{"a mood said of the patient", "he has remained euthymic during the past 21 months", "", Complete, ConfidenceHigh},
		{"a state said of a symptom", "the headache was relieved", "", Partial, ConfidenceHigh},
		{"an attributive state stays weak", "asymptomatic hypoxia was detected", "", Complete, ConfidenceLow},
		{"a past state may be before the course", "she was asymptomatic until March", "", Complete, ConfidenceLow},
		{"a persistence verb before a good state stays weak", "his asthma control has remained without exacerbation", "", None, ConfidenceLow},
		{"a negation ends at , and with a time", "No donor heart was offered, and within a few days a significant recovery of myocardial function was observed", "", Partial, ConfidenceHigh},
		{"a persistence adjective stays weak", "persistent coughing", "", None, ConfidenceLow},
		{"a determiner's negation does not reach a verb after a comma", "no complications, recovered well", "", Partial, ConfidenceHigh},
		{"nor one after a comma and an adverb", "no fever, quickly improved", "", Partial, ConfidenceHigh},
		{"nor one after a degree word", "no fever, much improved", "", Partial, ConfidenceHigh},
		{"a participle before a noun goes on the negated list", "no hypoglycaemia, worsened renal function or weight gain", "", None, ConfidenceLow},
		{"a persistence word before a place is no state", "stayed at home", "", None, ConfidenceLow},
		{"an attempt at another step is not the course's failure", "cardioversion attempted unsuccessfully; sinus rhythm restored with amiodarone", "amiodarone", Complete, ConfidenceHigh},
		{"a number only is no time", "2", "", Unclassified, ConfidenceNone},
		{"a discharge as the whole cell", "Discharged after 2 days", "", NotEvaluable, ConfidenceHigh},
		{"a discharge beside a response", "improved and discharged home", "", Partial, ConfidenceHigh},
		{"a response column's grade", "Partial", "", Partial, ConfidenceHigh},
		{"a grade word inside a sentence says nothing", "the partial thromboplastin time was normal", "", Unclassified, ConfidenceNone},
		{"a negation ends where a new clause starts", "treated without chemotherapy and has been in complete remission for 8 years", "", Complete, ConfidenceHigh},
		{"a negation ends at a comma before a new subject", "no tumour was seen on CT, the patient remains in complete remission", "", Complete, ConfidenceHigh},
		{"a table's arrow is a word of change", "↓ exacerbation rate ↓ oral steroid use ↑ FEV1", "", Partial, ConfidenceHigh},
		{"adverse effect alone", "after 4 weeks he developed agranulocytosis and severe hepatotoxicity", "", NotEvaluable, ConfidenceHigh},
		{"adverse effect after a response", "marked improvement, but grade 3 toxicity", "", Partial, ConfidenceHigh},
		{"adverse effect called mild", "treatment was given with minor side effects", "", NotEvaluable, ConfidenceLow},
		{"adverse effect denied", "no side effects", "", Unclassified, ConfidenceNone},
		{"adverse effect denied beside a weak word", "disease stable, without toxicity", "", None, ConfidenceLow},
		{"relapse on the course", "complete remission, then relapse while on maintenance azathioprine", "", Progression, ConfidenceHigh},
		{"relapse on the course, response regained at another dose", "relapsed during taper; responded again after dose increase", "", Partial, ConfidenceHigh},
		{"relapse after the course", "complete remission; relapsed six months after discontinuation", "", Complete, ConfidenceHigh},
		{"relapse without time", "partial response, later relapse", "", Partial, ConfidenceLow},
		{"response after a dose change", "no improvement on 2 mg/kg; after dose escalation to 4 mg/kg complete remission", "", Complete, ConfidenceHigh},
		{"response, then a dose change, then worse", "complete remission; after dose escalation the disease progressed", "", Complete, ConfidenceLow},
		{"transient response, then worse on the course", "initial improvement, then progression of the lesions", "", Progression, ConfidenceHigh},
		{"escape is a loss of response, read by time", "initial response, then escape after 6 months on therapy", "", Progression, ConfidenceHigh},
		{"transient response, relapse after stopping", "initial improvement; relapse after discontinuation", "", Partial, ConfidenceHigh},
		{"outcome said of another treatment", "refractory to antibiotics and steroids, she responded well to bisphosphonate", "steroids", None, ConfidenceHigh},
		{"outcome said of the course", "refractory to antibiotics and steroids, she responded well to bisphosphonate", "bisphosphonate", Partial, ConfidenceHigh},
		{"outcome said of a list naming the course", "marked improvement with rituximab and prednisone", "prednisone", Partial, ConfidenceHigh},
		{"rise of a higher-is-better measure", "the platelet count rose steadily", "", Partial, ConfidenceHigh},
		{"fall of a lower-is-better measure", "marked reduction in the size of the pulmonary metastases", "", Partial, ConfidenceHigh},
		{"fall of a dose is no outcome", "the prednisolone dose was reduced", "", Unclassified, ConfidenceNone},
		{"adverse change stays weak", "the platelet count decreased", "", Progression, ConfidenceLow},
		{"signed percentage cell, fall", "−73%", "", Partial, ConfidenceHigh},
		{"signed percentage cell, rise", "+20 %", "", Progression, ConfidenceLow},
		{"death alone", "the patient died", "", NotEvaluable, ConfidenceLow},
		{"death after a worsening", "progressive interstitial lesions; he passed away a few days later", "", Progression, ConfidenceLow},
		// the score's values at two times, read as before/after values (a fall of a fifth)
		{"score values are no threshold", "SALT 100 at baseline, SALT 80 at week 24", "", Minimal, ConfidenceHigh},
		{"score threshold at a time", "achieved PASI 75 at week 16", "", Partial, ConfidenceHigh},
		{"percentage remaining", "less than 10% residual disease", "", Partial, ConfidenceHigh},
		{"a response column's value", "response: none", "", None, ConfidenceHigh},
		{"hair regrowth is a response", "complete hair regrowth", "", Complete, ConfidenceHigh},
		{"a tumour's regrowth is progression", "regrowth of the tumour after 6 months", "", Progression, ConfidenceHigh},
		{"repigmentation is a response", "significant repigmentation", "", Partial, ConfidenceHigh},
		{"regrowth of an unknown object is proposed only", "Regrowth of >50% of scalp", "", Partial, ConfidenceLow}, // the share read by rule 5, still only proposed,
		{"a symptom that stopped is no stop of the course", "seizures stopped", "", Complete, ConfidenceHigh},
		{"a stop of the course", "we discontinued eculizumab due to anaphylaxis", "", NotEvaluable, ConfidenceHigh},
		{"halted progression", "disease progression halted", "", None, ConfidenceHigh},
		{"a scar is no persisting disease", "the ulcer healed; a scar remained", "", Complete, ConfidenceHigh},
		{"something else persisted beside a complete response", "itch resolved, rash persisted", "", Partial, ConfidenceHigh},
		{"a manifestation stable beside a complete response", "ulcers healed, calcinosis stable", "", Partial, ConfidenceHigh},
		{"a good state that persisted keeps the complete response", "lesions resolved and she remained asymptomatic", "", Complete, ConfidenceHigh},
		{"a value under a detection limit", "VL 45,000 → <50 copies/mL", "", Complete, ConfidenceHigh},
		{"a value under a limit that is no tenth", "CRP 80 -> <50", "", Minimal, ConfidenceHigh},
		{"percentages of a list state the change", "HDRS and BDI were reduced by 43 and 35%, respectively", "", Minimal, ConfidenceHigh},
		{"a molecular response code as the whole cell", "MMR at 12 mo", "", Partial, ConfidenceHigh},
		{"a deep molecular response", "MR4.5", "", Complete, ConfidenceHigh},
		{"MMR in a sentence is not the response", "MMR-deficient tumour progressed", "", Progression, ConfidenceHigh},
		{"a Deauville score of a complete metabolic response", "Deauville 2 after 2 cycles", "", Complete, ConfidenceHigh},
		{"a death's cause in parentheses after its time", "died 4 mo (PD)", "", Progression, ConfidenceHigh},
		{"another cause in parentheses after the time", "died 4 mo (sepsis)", "", NotEvaluable, ConfidenceHigh},
		{"involution is regression", "marked involution of the haemangioma", "", Partial, ConfidenceHigh},
		{"fewer of a counted manifestation", "fewer lesions", "", Partial, ConfidenceHigh},
		{"less of a lower-is-better manifestation", "X-ray: less calcification", "", Partial, ConfidenceHigh},
		{"less of a symptom", "less dyspnoea, less fatigue", "", Partial, ConfidenceHigh},
		{"a prefix with a hyphen is read as the word", "complete re-pigmentation", "", Complete, ConfidenceHigh},
		{"a prefix with a hyphen before a known word", "Re-growth of hair at 3 months", "", Partial, ConfidenceHigh},
		{"a term written with its hyphen stays as written", "re-epithelialization at 6 weeks", "", Complete, ConfidenceHigh},
		{"new mets after a site", "new liver mets 8 mo later", "", Progression, ConfidenceHigh},
		{"METs are exercise units, not metastases", "METs improved from 4 to 7", "", Partial, ConfidenceHigh},
		{"less than a number is a bound", "Less than 50% reduction in cough frequency", "", Minimal, ConfidenceHigh},
		{"more or less is about", "Cough more or less the same", "", Unclassified, ConfidenceNone},
		{"a negating prefix with a hyphen", "Non-remission", "", None, ConfidenceHigh},
		{"a negating prefix before a phrase of two words is left", "achieved non-sustained remission", "", Complete, ConfidenceHigh},
		// the change word before a clause break keeps no measure after it: only a weak proposal
		{"a measure after a clause break is another's", "Reduced infusion rate. Increased itching", "", Partial, ConfidenceLow},
		{"by and a percentage take the nearest change word", "Proteinuria decreased and creatinine rose by 30%", "", Progression, ConfidenceHigh},
		{"the children are several patients", "the children improved", "", Unclassified, ConfidenceNone},
		{"a share out of a count of people", "three out of four children improved", "", Unclassified, ConfidenceNone},
		{"an unmentioned response", "No mention of response", "", NotEvaluable, ConfidenceHigh},
		{"uncorrected visual acuity in Snellen fractions", "UCVA 20/100 -> 20/40 by POD 12", "", Partial, ConfidenceHigh},
		{"a relapse when drug-free follows the course", "remission; drug-free ~4 y, relapsed at age 21", "", Complete, ConfidenceHigh},
		{"an extractor's note of a group", "improved to HBGS 1-2 (stated for the group)", "", Unclassified, ConfidenceNone},
		{"a share of patients that stayed", "4/5 stayed dialysis-dependent", "", Unclassified, ConfidenceNone},
		{"two sizes, the first at baseline", "5 cm at baseline, 2.5 cm at 6 mo", "", Partial, ConfidenceHigh},
		{"two sizes, the second now", "size 4 cm, now 2 cm", "", Partial, ConfidenceHigh},
		{"two sizes in a list are two lesions", "two nodules, 3 cm, 2 cm", "", Unclassified, ConfidenceNone},
		{"an area in cm2 to none", "ulcer area 10 cm2 -> 0", "", Complete, ConfidenceHigh},
		{"an adverb before a percentage names no measure", "radiologically 30% smaller", "", Minimal, ConfidenceHigh},
		{"the response as what was evaluated", "response assessed at 3 months", "", Unclassified, ConfidenceNone},
		{"evaluated for response", "evaluated for response", "", Unclassified, ConfidenceNone},
		{"a graded response assessed", "good response assessed at 3 months", "", Partial, ConfidenceHigh},
		{"in response to is a preposition", "PAP fell in response to chemotherapy but his clinical status continued to deteriorate", "", Progression, ConfidenceHigh},
		{"a response that could not be determined", "response could not be determined", "", NotEvaluable, ConfidenceHigh},
		{"a response called not significant in predicate", "improvement was not significant", "", Minimal, ConfidenceHigh},
		{"a response called not clinically significant", "the reduction in size was not clinically significant", "", Minimal, ConfidenceHigh},
		{"a group label with a colon opens the cell", "all three: spontaneous disappearance of the mass", "", Unclassified, ConfidenceNone},
		{"both and an adverb open the cell", "both successfully managed with stenting", "", Unclassified, ConfidenceNone},
		{"both inside a text may be two flares", "2 flares, both successfully treated with prednisone", "", Partial, ConfidenceLow},
		{"a graded weak response outranks an adverse effect", "effect only temporary; many side effects", "", Minimal, ConfidenceHigh},
		{"less alone stays weak", "less active than his peers", "", Unclassified, ConfidenceNone},
		{"a measure taken by the change word before it", "progression with increased dyspnoea, reduced exercise tolerance", "", Progression, ConfidenceHigh},
		{"a named clinical response", "HiSCR achieved at week 12", "", Partial, ConfidenceHigh},
		{"a named clinical response not reached", "HiSCR not achieved", "", None, ConfidenceHigh},
		{"complete in some of several lesions, counted after", "resolved in 2 of 3 lesions", "", Partial, ConfidenceHigh},
		{"a count of cycles is no count of sites", "resolved in 2 of 6 cycles", "", Complete, ConfidenceHigh},
		{"a fall of a measure a little after the change word", "decrease in the number of lesions", "", Partial, ConfidenceHigh},
		{"a lesion that grew", "the area of the ulcer had increased", "", Progression, ConfidenceHigh},
		{"a measure called normal as the whole cell", "CRP normal at 3 months", "", Complete, ConfidenceHigh},
		{"free of a symptom of the disease", "TIA-free at 1 year", "", Complete, ConfidenceHigh},
		{"an abbreviation's full stop keeps the negation's scope", "no sig. improvement", "", None, ConfidenceHigh},
		{"an abbreviated modifier is read as its word", "mod. improvement", "", Partial, ConfidenceHigh},
		{"a time's full stop ends the sentence", "CR at 3 mo. relapse at 9 mo", "", Complete, ConfidenceLow},
		{"a response that fell off on the course", "initial improvement, response fell off after 4 yrs despite dose increase", "", Progression, ConfidenceHigh},
		{"a new episode on the course", "rapid resolution, but new episode 2 mo later while still on colchicine", "", Progression, ConfidenceHigh},
		{"a relapse when tapered is on the course", "effective but severe relapse when tapered to 40 mg/d", "", Progression, ConfidenceHigh},
		{"a comma inside a parenthesis does not end the clause around it", "recurred (TSH suppressed, FT4 5.5xN) while still on BTU", "", Progression, ConfidenceHigh},
		{"complete beside another finding that did not improve", "complete hematological response but renal function was not improved", "", Partial, ConfidenceHigh},
		{"no improvement of another finding beside a complete response", "rash resolved; no improvement in arthritis", "", Partial, ConfidenceHigh},
		{"a response that did not improve further is no other finding", "complete remission, but did not improve further", "", Complete, ConfidenceLow},
		{"a measure named after its values", "30 -> 10 seizures/day", "", Partial, ConfidenceHigh},
		{"a count after its values from and to", "from 12 to 2 attacks per month", "", Partial, ConfidenceHigh},
		{"a measure and its signed change in percent", "QMGS -75% at 9 mo", "", Partial, ConfidenceHigh},
		{"a measure that went down by a share", "QMGS down 59%", "", Partial, ConfidenceHigh},
		{"a higher-is-better measure that fell by a share", "LVEF -20%", "", Progression, ConfidenceHigh},
		{"values chained through their times", "eosinophils 55% -> 41% at 1 mo -> 14.5%", "", Partial, ConfidenceHigh},
		{"values chained through times in parentheses", "eos 8,830 -> 627 (1 mo) -> 512/µL (5 mo)", "", Partial, ConfidenceHigh},
		{"a response in all of several patients", "clinical remission in all three", "", Unclassified, ConfidenceNone},
		{"a response not reported", "response NR", "", NotEvaluable, ConfidenceHigh},
		{"did not help as the whole cell", "did not help", "", None, ConfidenceHigh},
		{"a good state no longer held is a response lost", "no longer in remission", "", Progression, ConfidenceLow},
		{"a response lost on the course", "complete remission; no longer in remission at 12 mo while on drug", "", Progression, ConfidenceHigh},
		{"no longer inside a phrase of need", "no longer required dialysis", "", Partial, ConfidenceHigh},
		{"out of remission is a remission lost", "out of remission", "", Progression, ConfidenceLow},
		{"ceased to respond is a response lost", "ceased to respond", "", Progression, ConfidenceLow},
		{"a symptom that ceased is gone", "seizures ceased", "", Complete, ConfidenceHigh},
		{"minor response as the whole cell", "MR at 3 mo", "", Minimal, ConfidenceHigh},
		{"MR in a sentence is not the response", "severe MR", "", Unclassified, ConfidenceNone},
		{"complete response unconfirmed", "CRu", "", Complete, ConfidenceHigh},
		{"a treatment the response allowed is not its subject", "rapid platelet rise, allowed splenectomy", "IVIG", Partial, ConfidenceHigh},
		{"an eye between the measure and its values", "VA OD 20/200 → 20/40", "", Partial, ConfidenceHigh},
		{"a nadir after the arrow", "PRL 13,597 -> nadir 1,665 at 17 mo", "", Partial, ConfidenceHigh},
		{"downstaging is a response", "significant downstaging of the tumour", "", Partial, ConfidenceHigh},
		{"a rise by a share of a higher-is-better measure maps to no category", "FEV1 increased by 15%", "", Minimal, ConfidenceLow},
		{"a relapse each time the dose was tapered", "relapsed each time steroid dose tapered", "", Progression, ConfidenceHigh},
		{"approximate values and a range after the arrow", "proteinuria ~13 g/24h -> ~1.5-2 g/24h", "", Partial, ConfidenceHigh},
		{"two units are not compared", "proteinuria 3.5 g/d → 200 mg/d", "", Unclassified, ConfidenceNone},
		{"a stop early for a reason", "HD-MTX stopped early for AKI", "", NotEvaluable, ConfidenceHigh},
		{"a benefit called large", "spectacularly effective after 2 cycles", "", Partial, ConfidenceHigh},
		{"a disease that calmed", "disease calmed on tocilizumab", "", Partial, ConfidenceHigh},
		{"not free of a symptom", "not headache-free", "", None, ConfidenceHigh},
		{"a measure within normal limits after a colon", "proteinuria: WNL by week 8", "", Complete, ConfidenceHigh},
		{"a measure called normal at admission is no outcome", "CRP normal on admission", "", Unclassified, ConfidenceNone},
		{"a measure called normal in a sentence is no outcome", "CRP was normal", "", Unclassified, ConfidenceNone},
		{"measures called normal as a clause of a terse cell", "no thyrotoxic signs; TSH, fT4, fT3 normal", "", Complete, ConfidenceHigh},
		{"a treatment not needed is no other treatment", "good response, no dialysis needed", "prednisone", Partial, ConfidenceHigh},
		{"a class named by its ATC group is the course's drug", "fever resolved on antibiotics", "ceftriaxone", Complete, ConfidenceHigh},
		{"unresponsive to both names the course among them", "unresponsive to both", "IVIG 2 g/kg then extra IVIG 1 g/kg", None, ConfidenceHigh},
		{"a response said not to be obvious", "relief not obvious", "", None, ConfidenceHigh},
		{"a clinical outcome called satisfactory", "satisfactory clinical outcome, FU q2mo x16 mo", "mesalamine", Partial, ConfidenceHigh},
		{"a medication not working", "the medication is not working", "", None, ConfidenceHigh},
		{"a drug of the course's class named by its group", "cleared on ceftriaxone", "antibiotics", Complete, ConfidenceHigh},
		{"another class is another treatment", "no response to NSAIDs", "colchicine", Unclassified, ConfidenceNone},
		{"a relapse on the course's class abbreviation", "ulcers relapsed repeatedly on PPI", "PPI for >2 years", Progression, ConfidenceHigh},
		{"a class as the kind of an effect is no treatment named", "a rapid antidepressant effect and partial response", "ketamine", Partial, ConfidenceHigh},
		{"a treatment stopped after the response is not what responded", "ascites resolved, diuretics stopped", "daikenchuto", Complete, ConfidenceHigh},
		{"a treatment stopped before the response may be what the response followed", "prednisone was stopped and the rash resolved", "methotrexate", Unclassified, ConfidenceNone},
		{"a course written with a hyphen names the joined word", "died despite anti-fungal treatment", "anti-fungal treatment", Progression, ConfidenceHigh},
		{"a treatment said not needed after its name", "satisfactory evolution, dialysis not needed", "prednisone", Partial, ConfidenceHigh},
		{"a treatment the patient did without", "improved without surgery", "prednisone", Partial, ConfidenceHigh},
		{"a treatment not added is no other treatment", "monitored without adding corticosteroids, showing improvement on day 34 of antibiotics", "antibiotics", Partial, ConfidenceHigh},
		{"a treatment added is another treatment", "monitored, then adding corticosteroids, showing improvement on day 34", "antibiotics", Unclassified, ConfidenceNone},
		{"no treatment effect is the course's effect denied", "no treatment effect", "corticosteroids", None, ConfidenceHigh},
		{"went away is gone", "the pain went away", "", Complete, ConfidenceHigh},
		{"did not go away", "disease did not go away", "", None, ConfidenceHigh},
		{"did not reduce what the course was for", "did not significantly reduce attack frequency", "tranexamic acid", None, ConfidenceHigh},
		{"a non-response so stated outranks an adverse effect", "symptoms persisted despite prednisone; steroid side effects", "prednisone", None, ConfidenceHigh},
		{"an adverse effect alone is not evaluable", "stopped for steroid side effects", "prednisone", NotEvaluable, ConfidenceHigh},
		{"still no findings is no confident non-response", "still no SLE criteria", "", None, ConfidenceLow},
		{"beta hCG written as one word", "bhCG 1809 -> 3142 -> 3932", "methotrexate", Progression, ConfidenceHigh},
		{"the Mayo score written without its noun", "Mayo 9 -> 1", "adalimumab", Complete, ConfidenceHigh},
		{"a good treatment outcome is a good outcome", "good treatment outcome", "amphotericin B", Partial, ConfidenceHigh},
		{"regained is a response of its own", "the patient regained independence", "", Partial, ConfidenceHigh},
		{"responsive to the course is a response", "responsive to doxorubicin/ifosfamide", "doxorubicin", Partial, ConfidenceHigh},
		{"not relieved is no response", "pain not relieved", "", None, ConfidenceHigh},
		{"joined degrees: the lower one", "temporarily and partially relieved", "", Minimal, ConfidenceHigh},
		{"standard deviations of a signed number are no stable disease", "Ht -3 SD -> +0.67 SD", "growth hormone", Unclassified, ConfidenceNone},
		{"a death after a weak non-response is the disease's", "poor effect; died", "", Progression, ConfidenceHigh},
		{"a word of degree opening a grade in parentheses grades the number", "PANSS 108 -> 72 (drastic improvement)", "clozapine", Partial, ConfidenceHigh},
		{"a response not assessed", "lost graft 1.0 mo (rejection); FSGS response NA", "plasma exchange", NotEvaluable, ConfidenceHigh},
		{"a measure persistently elevated", "LFTs and PT/INR persistently elevated after 4 TPE", "plasma exchange", None, ConfidenceHigh},
		{"a persisting marker after a contrast with an unread statement stays a proposal", "she felt stronger but CK remained elevated", "steroids", None, ConfidenceLow},
		{"a marker still high beside a statement the reader could not read", "urine normal after ~10 mo; anti-dsDNA still high", "immunoadsorption", None, ConfidenceLow},
		{"failed to correct", "failed to correct thrombocytopenia", "platelet transfusion", None, ConfidenceHigh},
		{"remains euthyroid is a lasting state", "off drug at 7 wk, remains euthyroid", "carbimazole", Complete, ConfidenceHigh},
		{"euthyroid alone stays weak", "euthyroid at presentation", "carbimazole", Complete, ConfidenceLow},
		{"excellent glycaemic control", "excellent glycaemic control x 15 yrs", "glibenclamide", Partial, ConfidenceHigh},
		{"a persistence read strongly beside a death decides", "fever and nodes persisted; died 4 mo later", "", None, ConfidenceHigh},
		{"an organ's failure before a death is no non-response", "developed multiple-organ failure and died on day 8", "", NotEvaluable, ConfidenceLow},
		{"a death of another cause after a weak non-response stays apart", "poor effect; died of myocardial infarction", "", NotEvaluable, ConfidenceHigh},
		{"SD after a cycle is stable disease", "SD after 4 cycles", "", None, ConfidenceHigh},
		{"a share of the series is several patients", "4/6 of series recovered", "haemoperfusion", Unclassified, ConfidenceNone},
		{"an adjective of degree before a finding says what the finding was", "inadequate breast milk flow resolved after placental removal", "", Complete, ConfidenceHigh},
		{"an adjective of degree before one noun", "poor appetite improved", "", Partial, ConfidenceHigh},
		{"most counts lesions and stays partial", "most lesions resolved", "", Partial, ConfidenceHigh},
		{"a gain of a measure higher when better", "dramatic VA gain CF -> 20/40", "methylprednisolone", Partial, ConfidenceHigh},
		{"a gain of no known measure is nothing", "weight gain", "", Unclassified, ConfidenceNone},
		{"joined degrees in the other order", "partially and temporarily relieved", "", Minimal, ConfidenceHigh},
		{"mPSL is methylprednisolone", "resistant nephrotic syndrome despite mPSL", "IV methylprednisolone", None, ConfidenceHigh},
		{"vision is a measure higher when better: its fall is proposed as a worsening", "the vision in the left eye decreased to count fingers", "", Progression, ConfidenceLow},
		{"a function back to the patient's baseline is a recovery", "the patient's function returned to baseline", "", Complete, ConfidenceHigh},
		{"a score back to baseline is no recovery", "HDRS returned to baseline by day 7", "ketamine", Unclassified, ConfidenceNone},
		{"a comparative before a follow-up time", "hearing much better at 2 wk", "", Partial, ConfidenceHigh},
		{"a comparative before more than a time", "pain better than expected", "", Unclassified, ConfidenceNone},
		{"a measure called normal in a clause, after a value of another", "plt 194 by day 5; steroids off, plt normal for 2 yr", "", Complete, ConfidenceHigh},
		{"a measure called normal in a clause of a cell that names a baseline", "CRP normal at baseline; rash unchanged", "", None, ConfidenceHigh},
		{"a measure called normal in a clause of a sentence is no outcome", "CRP normal; the pain persisted for weeks and weeks despite all the infusions that were given", "", None, ConfidenceHigh},
		{"a rise of something else beside a lesion", "increased radiopacity of the lesion", "", Progression, ConfidenceLow},
		{"negated efficacy word", "rituximab was not effective", "", None, ConfidenceHigh},
		{"efficacy word alone", "the infusions were beneficial", "", Partial, ConfidenceLow},
		{"percent change beside a vague word", "proteinuria reduced by 30%", "", Minimal, ConfidenceHigh},
		{"percent change", "tumour size decreased by 70%", "", Partial, ConfidenceHigh},
		{"a percentage after by states a change named earlier in its clause", "There was a reduction of calcinosis on CT scan by approximately 30%.", "", Minimal, ConfidenceHigh},
		{"a percentage before better is the size of the improvement", "symptoms 30 % better", "", Minimal, ConfidenceHigh},
		{"and decides over the vague word", "pain about 70% better", "", Partial, ConfidenceHigh},
		{"percent change beside a response verb of size", "tumour shrank by 30%", "", Minimal, ConfidenceHigh},
		{"score threshold", "achieved PASI 90 at week 16", "", Partial, ConfidenceHigh},
		{"qualifier raises", "complete clinical and radiological response", "", Complete, ConfidenceHigh},
		{"qualifier lowers", "insufficient platelet response", "", None, ConfidenceHigh},
		{"qualifier of dissatisfaction", "unsatisfactory response", "", None, ConfidenceHigh},
		{"qualifier after the response word", "acne improved slightly", "", Minimal, ConfidenceHigh},
		{"qualifier after the response word, not complete", "remission not complete", "", Partial, ConfidenceHigh},
		{"qualifier after with nothing before it", "not complete remission", "", Partial, ConfidenceHigh},
		{"an approximator before a word of resolution", "almost cleared at 3 mo", "", Partial, ConfidenceHigh},
		{"a determiner's negation of a finding ends at a comma before a response", "asymptomatic, no deficits, complete remission at 32 mo", "", Complete, ConfidenceHigh},
		{"a determiner's negation of a list of outcome words goes on past a comma", "without clinical, radiological or biochemical improvement", "", None, ConfidenceHigh},
		{"a degree after a linking verb and an adverb in -ly", "the improvement was unexpectedly poor", "", None, ConfidenceHigh},
		{"a degree after an adverb in -ly, without a verb", "PAP improvement unexpectedly poor", "", None, ConfidenceHigh},
		{"a risk is a possibility, not an event", "thyroidectomy planned: risk of exacerbation", "", Progression, ConfidenceLow},
		{"a response in all is of several patients", "treatment effective in all", "", Unclassified, ConfidenceNone},
		{"a day written with its number after the letter is a time of the cell", "symptoms better by d5", "", Partial, ConfidenceHigh},
		{"a rhythm converted", "converted to sinus rhythm", "procainamide", Complete, ConfidenceHigh},
		{"a rhythm not converted", "not converted to sinus rhythm", "procainamide", None, ConfidenceHigh},
		{"a vessel open again", "RHV patency restored", "urokinase", Complete, ConfidenceHigh},
		{"in all of the response's parts is no count", "treatment effective in all aspects", "", Partial, ConfidenceHigh},
		{"thyroid hormones normal, then a stop for an adverse effect", "thyroid hormones normal by wk 2; MMI stopped for hepatotoxicity", "methimazole", Complete, ConfidenceHigh},
		{"an approximator before a weak word of resolution grades it", "alert by d3, almost asymptomatic d5", "", Partial, ConfidenceHigh},
		{"an approximator before a normalised measure", "liver function almost normalized within 3 months", "", Partial, ConfidenceHigh},
		{"an approximator of time reaches no response word", "after almost 2 months the lesions resolved", "", Complete, ConfidenceHigh},
		{"an approximator after the response word is of its time", "symptom resolution occurred almost immediately", "", Complete, ConfidenceHigh},
		{"an approximator leaves a non-response alone", "almost unchanged", "", None, ConfidenceHigh},
		{"a finding absent, joined by a hyphen", "urticaria-free by week 4", "", Complete, ConfidenceHigh},
		{"backward negation, never", "remission never achieved", "", None, ConfidenceHigh},
		{"not assessed", "response could not be assessed", "", NotEvaluable, ConfidenceHigh},
		{"a response assessment is a visit, not a response", "died of pneumonia before response assessment", "", NotEvaluable, ConfidenceHigh},
		{"hedge", "possible improvement of the lesions", "", Partial, ConfidenceLow},
		{"purpose is not an observation", "rituximab was given to achieve remission; the disease remained active", "", None, ConfidenceHigh},
		{"disease name is not an outcome", "relapsing polychondritis", "", Unclassified, ConfidenceNone},
		{"several patients", "two of five patients improved", "", Unclassified, ConfidenceNone},
		{"no patient: a statement about each of several", "no patient developed a recurrence during treatment", "", Unclassified, ConfidenceNone},
		{"off-topic text", "the patient lives alone and works as a teacher", "", Unclassified, ConfidenceNone},
		// skin, wound and deposit outcomes (outcomes.tsv, scores.tsv)
		// a halt of a worsening is stable disease said outright (rule 3), not only the absence of worsening
		{"a backward stop of progression", "disease progression was arrested", "", None, ConfidenceHigh},
		{"a backward halt of progression", "progression of the nodules was halted", "", None, ConfidenceHigh},
		{"a forward halt of progression", "treatment halted the progression of the disease", "", None, ConfidenceHigh},
		{"an arrest of progression", "Arrest of progression", "", None, ConfidenceHigh},
		{"a halt beside a response: the response", "it halted disease progression and the lesions improved", "", Partial, ConfidenceHigh},
		{"a halting cue does not make a relapse stable", "prevented relapses", "", Complete, ConfidenceHigh},
		{"the absence of worsening alone stays low", "no further progression", "", None, ConfidenceLow},
		{"a slowed worsening is hedged", "slowed the progression of the disease", "", Progression, ConfidenceLow},
		{"a symptom the course did not halt", "failed to halt rectal bleeding", "", None, ConfidenceHigh},
		{"a relief graded total", "totally relieved of diarrhoea and oedema", "", Complete, ConfidenceHigh},
		{"a benefit verb denied", "did not alleviate symptoms", "", None, ConfidenceHigh},
		{"treatment-resistant said of the course", "clusters of seizures, treatment-resistant", "", None, ConfidenceHigh},
		{"treatment-resistant before an arrow", "treatment-resistant -> switched to foscarnet", "", None, ConfidenceHigh},
		{"treatment-resistant naming the disease", "a patient with treatment-resistant depression improved with ECT", "", Partial, ConfidenceHigh},
		{"a kind of disease after 'a case of'", "We report a case of refractory GPA with pulmonary involvement, which was successfully treated with rituximab.", "", Partial, ConfidenceHigh},
		{"a stop at a day with its reason after a dash", "stopped day 5 - massive lower GI bleed", "", NotEvaluable, ConfidenceHigh},
		{"a stop with its reason after a colon, beside words not read", "stopped on day 5: massive GI bleed", "", NotEvaluable, ConfidenceHigh},
		{"effective as a terse cell's predicate", "therapy effective", "", Partial, ConfidenceHigh},
		{"asymptomatic opening a terse cell", "asymptomatic, normal LFTs at 2 y", "", Complete, ConfidenceHigh},
		{"controlled ending a terse cell", "symptoms controlled", "", Partial, ConfidenceHigh},
		{"resistant as a terse cell", "steroid-resistant", "steroid", None, ConfidenceHigh},
		{"asymptomatic inside a longer sentence stays weak", "She was asymptomatic at presentation and the diagnosis was made on routine blood tests", "", Complete, ConfidenceLow},
		{"effective for what it treated, in a terse cell", "IVIG effective for refractory abdominal pain (title)", "", Partial, ConfidenceHigh},
		{"an effective dose is no response", "titrated up to an effective dose", "", Partial, ConfidenceLow},
		{"effective inside a long sentence stays weak", "We demonstrate that this approach can in fact be effective in a patient with refractory disease and severe comorbidity", "", Partial, ConfidenceLow},
		{"a hedged diagnosis is no hedged outcome", "antibiotics for a presumed urinary tract infection with no resolution", "", None, ConfidenceHigh},
		{"a possible diagnosis, then a response", "steroid taper for possible seronegative arthritis slightly improved his arthralgias", "", Minimal, ConfidenceHigh},
		{"an expectation met is an observation", "As expected, the attacks ceased within a few days.", "", Complete, ConfidenceHigh},
		{"an expectation after the response is hedged", "improvement was expected", "", Partial, ConfidenceLow},
		{"able to achieve is no purpose", "was able to achieve remission with dupilumab", "", Complete, ConfidenceHigh},
		{"a regression under way", "oedema receding", "", Partial, ConfidenceHigh},
		{"a disappearance under way is short of complete", "the nodules are disappearing", "", Partial, ConfidenceHigh},
		// change words that say something only when denied (role "negated only")
		{"a denied change of a kind", "No radiological change", "", None, ConfidenceHigh},
		{"a denied change with an article", "without any change", "", None, ConfidenceHigh},
		{"a change of a kind, not denied", "radiological change was seen", "", Unclassified, ConfidenceNone},
		{"a denied change beside a response", "Clinical improvement, no radiological change", "", Partial, ConfidenceHigh},
		{"a change of treatment is no outcome", "No change in therapy was made", "", Unclassified, ConfidenceNone},
		{"a dose change is no outcome", "No dose change; lesions improved", "", Partial, ConfidenceHigh},
		{"no further change after a response keeps it", "The lesions improved, with no further change at 6 months", "", Partial, ConfidenceHigh},
		{"an opening without-phrase ends at its comma", "Without further treatment, symptoms resolved", "", Complete, ConfidenceHigh},
		{"an opening without-phrase, then a response", "Without steroids, the lesions improved", "", Partial, ConfidenceHigh},
		// backward hedges with nothing before them hedge forward, as backward negations do
		{"a doubtful response", "Doubtful response", "", Partial, ConfidenceLow},
		{"a response that was doubtful", "Response was doubtful", "", Partial, ConfidenceLow},
		{"an unclear response, the hedge after", "The response was unclear", "", Partial, ConfidenceLow},
		{"a mixed response: some sites improved (rule 8)", "Mixed response", "", Partial, ConfidenceHigh},
		{"declining treatment is no fall", "Patient declined treatment", "", NotEvaluable, ConfidenceHigh},
		{"no follow-up, said with another word", "No follow-up available", "", NotEvaluable, ConfidenceHigh},
		{"an outcome not stated", "Outcome not stated", "", NotEvaluable, ConfidenceHigh},
		{"no data as the whole cell", "No data", "", NotEvaluable, ConfidenceHigh},
		{"the same size is unchanged", "The nodule was the same size", "", None, ConfidenceHigh},
		// names of time-to-event measures and treatments named by their aim state no outcome
		{"a duration of response is a measure", "SD Duration of response 10.8 months", "", None, ConfidenceHigh},
		{"a time to progression is a measure", "Time to progression 4 months", "", Unclassified, ConfidenceNone},
		{"a therapy named by its aim", "she died of sepsis after remission induction therapy", "", NotEvaluable, ConfidenceHigh},
		{"a no after its phrase ends at with", "no recurrence with remarkable shrinkage of the tumor", "", Partial, ConfidenceHigh},
		{"several patients as 'both of them'", "Both of them received steroids with limited benefit", "", Unclassified, ConfidenceNone},
		{"a benefit that only lasted", "the positive effects only lasted up to one month", "", Minimal, ConfidenceHigh},
		{"a course that could not go on", "She could not continue this therapy", "", NotEvaluable, ConfidenceLow},
		{"resistant against the course", "the lesions were resistant against rituximab", "rituximab", None, ConfidenceHigh},
		{"intractable to the course", "The dysphagia was intractable to methylprednisolone pulse therapy", "methylprednisolone pulses", None, ConfidenceHigh},
		{"an operation of -otomy form is the course's", "After the operation, day time incontinence was resolved.", "endoscopic urethrotomy", Complete, ConfidenceHigh},
		{"a phlebotomy is no operation", "After the operation, the anaemia resolved.", "phlebotomy", Unclassified, ConfidenceNone},
		{"a typed recurrence-free", "the patient has remained recurrent free for 18 months", "", Complete, ConfidenceHigh},
		{"a denied change in the plural", "there had been no clinical or radiological changes", "", None, ConfidenceHigh},
		// everyday cell and sentence wording (probing)
		{"a near-complete response is partial", "Near CR", "", Partial, ConfidenceHigh},
		{"dialysis dependence is no recovery", "Dialysis dependent", "", None, ConfidenceHigh},
		{"a complete haematological response as a cell", "CHR", "", Complete, ConfidenceHigh},
		{"an ulcer that closed", "The ulcer closed.", "", Complete, ConfidenceHigh},
		{"the authors' disappointment", "The results were disappointing.", "", None, ConfidenceHigh},
		{"a recurrence when the dose was lowered is on the course", "The rash recurred when the dose was lowered.", "", Progression, ConfidenceHigh},
		// course attribution: an outcome said of the treatment right before it
		{"a switch: the new drug's response is not the old one's", "Switched from infliximab to adalimumab with good response", "infliximab", Unclassified, ConfidenceNone},
		{"a switch, read for the new drug", "Switched from infliximab to adalimumab with good response", "adalimumab", Partial, ConfidenceHigh},
		{"a failure, then a switch to a drug of the same class", "No response to infliximab; switched to adalimumab with good response", "infliximab", None, ConfidenceHigh},
		{"a drug of the course's class stands for it when the course's own is not named", "Responded to methylprednisolone pulses", "prednisone", Partial, ConfidenceHigh},
		{"a failure takes its drug as object", "Failed warfarin, then responded to IVIG", "IVIG", Partial, ConfidenceHigh},
		{"a failure of the course as object", "Failed warfarin, then responded to IVIG", "warfarin", None, ConfidenceHigh},
		{"a list that holds the course keeps the outcome", "Rituximab and IVIG with good response", "rituximab", Partial, ConfidenceHigh},
		// a course given once is over when a relapse comes after a stated response (rule 3)
		{"a relapse after a one-off procedure keeps the response", "She underwent FMT with resolution of her diarrhea but relapsed 2 weeks later.", "fecal microbiota transplantation", Complete, ConfidenceHigh},
		{"a relapse after an excision keeps the response", "Complete resolution after excision; recurred 2 years later.", "surgical excision", Complete, ConfidenceHigh},
		{"a relapse on a continuing drug stays without a time", "Complete resolution; recurred 2 years later.", "methotrexate", Complete, ConfidenceLow},
		{"a relapse after a one-off procedure with no response stated", "recurrence 6 months after excision", "surgical excision", Progression, ConfidenceLow},
		{"a worsening the course did not slow", "did not slow down the progression rate", "", Progression, ConfidenceHigh},
		{"no further events", "She has not had any further syncopal events.", "", Complete, ConfidenceHigh},
		{"effectively suppressed", "This effectively suppressed ventricular ectopy.", "", Complete, ConfidenceHigh},
		{"resistance after a response is read by time", "A remarkable response was achieved, but drug resistance occurred in the sixth month.", "", Partial, ConfidenceLow},
		// a denied complete response beside a stated response is that response short of complete (rule 9)
		{"markedly less agitated but not resolved", "Although her symptoms have not resolved, she is markedly less agitated.", "", Partial, ConfidenceHigh},
		{"a vague word of change may name a dose", "Dose reduced because of side effects; the rash did not resolve", "", None, ConfidenceHigh},
		{"a vague word of change whose object is a measure of the disease", "The drugs had reduced the proteinuria but had not resolved the nephrotic syndrome.", "", Partial, ConfidenceHigh},
		{"a vague word of change whose object the vocabulary does not know", "The intensivists reduced the sedation, but the delirium did not resolve.", "", None, ConfidenceHigh},
		{"a dose as the object of the change", "reduced the dose; the rash did not resolve", "", None, ConfidenceHigh},
		{"a number beside a denied remission decides", "Proteinuria reduced by 30%, but did not achieve remission", "", Minimal, ConfidenceHigh},
		{"slight improvement, not resolved", "slight improvement, but the lesions did not resolve", "", Minimal, ConfidenceHigh},
		{"not resolved alone is none", "the lesions did not resolve", "", None, ConfidenceHigh},
		{"none of these treatments", "none of these treatments normalized IGF-1 or resolved symptoms", "", None, ConfidenceHigh},
		{"a refusal takes its treatment as object", "Since the patient refused surgery, he was started on prednisone however the hypoglycemia persisted.", "prednisone", None, ConfidenceHigh},
		{"no spontaneous bleeding", "The patient has no spontaneous bleeding since then.", "", Complete, ConfidenceHigh},
		{"platelets abbreviated", "PLT increased to 51,000.", "", Partial, ConfidenceHigh},
		{"insufficient as a predicate", "The treatments were initially insufficient.", "", None, ConfidenceHigh},
		{"a worsening after a transient response, told in reverse", "Worsened after initial improvement", "", Progression, ConfidenceHigh},
		{"smaller nodules beside an unchanged symptom", "Nodules smaller, pain unchanged", "", Partial, ConfidenceLow},
		{"no information on the response", "no information on response", "", NotEvaluable, ConfidenceHigh},
		{"events counted despite the course", "4 myasthenic crises in 17 mo despite treatment", "", Progression, ConfidenceHigh},
		{"a recurrent course despite the course", "Inflammation was recurrent despite oral prednisone and methotrexate.", "methotrexate", Progression, ConfidenceHigh},
		{"a value that stayed despite the course", "Serum calcium remained high (corrected 3.09 mmol/L), despite 40 mg prednisolone daily.", "prednisolone", None, ConfidenceHigh},
		{"a new event suffered despite the course", "Despite treatment with topical antibiotics, he ultimately suffered bilateral corneal perforation.", "", Progression, ConfidenceHigh},
		{"regardless of the course, as despite", "Regardless of rituximab therapy, the patient developed lethal cardiogenic shock.", "", Progression, ConfidenceHigh},
		{"a new event with no on-course cue stays out", "He suffered a fall at home.", "", Unclassified, ConfidenceNone},
		{"a without-phrase ends at with", "She tolerated the therapy without complications with a drastic improvement in her cardiac function.", "", Partial, ConfidenceHigh},
		{"another drug as the subject of a failure", "Initial ganciclovir treatment did not improve the patient's symptoms and therapy was then switched to foscarnet which ultimately resulted in resolution of infection.", "foscarnet", Complete, ConfidenceHigh},
		{"the course as the subject of its failure", "Ganciclovir treatment did not improve the symptoms.", "ganciclovir", None, ConfidenceHigh},
		{"a brief period of improvement", "She had a brief period of improvement in alertness.", "", Minimal, ConfidenceHigh},
		{"cultures that failed to clear", "Blood cultures failed to clear despite tailored antibiotics.", "", None, ConfidenceHigh},
		// cases a review found (each had read wrongly with an earlier version of this session's rules)
		{"a without-list goes on past its commas", "Without clinical, radiological or biochemical improvement", "", None, ConfidenceHigh},
		{"a without-list with a serial comma", "Without clinical, radiological, or laboratory response", "", None, ConfidenceHigh},
		{"a hedge before the noun it doubts", "Partial response with a questionable new lesion in the liver", "", Partial, ConfidenceHigh},
		{"a hedged progression beside stable disease", "Stable disease with uncertain progression", "", None, ConfidenceHigh},
		{"combination therapy shares its outcome", "IVIG 2 g/kg and aspirin with resolution of fever", "IVIG", Complete, ConfidenceHigh},
		{"a pulse then a taper of the course's class", "IV methylprednisolone followed by oral prednisolone with complete resolution", "methylprednisolone", Complete, ConfidenceHigh},
		{"an add-on shares the outcome", "Tocilizumab added to methotrexate with remission", "tocilizumab", Complete, ConfidenceHigh},
		{"a denied halt is progression", "Could not halt the disease progression", "", Progression, ConfidenceHigh},
		{"a denied arrest is progression", "Treatment did not arrest the progression", "", Progression, ConfidenceHigh},
		{"halting the treatment is no halt of the disease", "Halting treatment resulted in rapid deterioration", "", Progression, ConfidenceHigh},
		{"a halted drug, then worsening", "Prednisone was halted with worsening of symptoms", "", Progression, ConfidenceHigh},
		{"single-agent is no single dose", "Complete remission; relapsed at 18 months", "single-agent rituximab maintenance", Complete, ConfidenceLow},
		{"an operation with an adjuvant drug is no one-off course", "Response, relapse at 1 year", "surgical resection followed by adjuvant imatinib", Partial, ConfidenceLow},
		{"a finding is no change", "No radiological changes suggestive of recurrence", "", Complete, ConfidenceLow},
		{"a verb of change", "No need to change the treatment", "", Unclassified, ConfidenceNone},
		{"a change of a named drug's dose", "Without change of the prednisone dose", "", Unclassified, ConfidenceNone},
		{"a safety remark", "No clinically significant changes in laboratory values", "", Unclassified, ConfidenceNone},
		{"dialysis dependence before the course", "Dialysis-dependent at presentation; became dialysis-free after plasma exchange", "", Partial, ConfidenceHigh},
		{"a disease named mixed", "Mixed cryoglobulinemic vasculitis went into complete remission", "", Complete, ConfidenceHigh},
		{"all of them, lesions", "She had five warts; all of them cleared after three sessions", "", Complete, ConfidenceHigh},
		{"a dose that was insufficient", "Dose was insufficient and was increased; TSH normalized", "", Complete, ConfidenceHigh},
		{"monitored for further events", "She remains in remission and is being monitored for further events", "", Complete, ConfidenceHigh},
		{"symptoms that did not change", "his symptoms didn't change", "", None, ConfidenceHigh},
		{"resistance to the course", "She also presented resistance to corticosteroid therapy.", "corticosteroids", None, ConfidenceHigh},
		{"nearly euthyroid", "she became nearly euthyroid biochemically", "", Partial, ConfidenceHigh},
		{"not salvageable", "The patient was ultimately not salvageable.", "", Progression, ConfidenceHigh},
		// a change by an amount without its baseline cannot be graded by rule 5
		{"a shrinkage by an amount", "the tumor shrunk 13 mm in maximum diameter", "", Partial, ConfidenceLow},
		{"a size in parentheses after the change", "the nodule had decreased in size (17cm)", "", Partial, ConfidenceLow},
		{"the value reached is no amount", "the mass had shrunk to 30 mm", "", Partial, ConfidenceHigh},
		{"a percentage is graded", "the tumor shrank by 50%", "", Partial, ConfidenceHigh},
		{"full range of motion", "Full ROM at 10 weeks", "", Complete, ConfidenceHigh},
		{"back to sports", "he was able to return to sports", "", Partial, ConfidenceHigh},
		{"back to normal activity", "Full recovery and return to normal activity at 3 weeks", "", Complete, ConfidenceHigh},
		{"a dose that could not be tapered is weak: it may be the state before the course", "We could not taper the prednisolone dose because of frequent exacerbations.", "", None, ConfidenceLow},
		// cases a second review found
		{"a drug's dose reduced beside a denied remission", "Prednisone reduced; no remission", "prednisone", None, ConfidenceHigh},
		{"a drug reduced, as subject", "Tacrolimus was reduced; rejection did not resolve", "tacrolimus", None, ConfidenceHigh},
		{"a worsened function beside a denied resolution", "Decreased vision persisted and the uveitis did not resolve", "adalimumab", None, ConfidenceHigh},
		{"a drop of an unnamed direction", "Significant drop in platelet count", "IVIG", Unclassified, ConfidenceNone},
		{"function restored, denied", "Return to work was not possible", "", None, ConfidenceHigh},
		{"full range of motion, denied", "Full range of motion was not regained", "", None, ConfidenceHigh},
		{"a regimen called less aggressive", "A less aggressive regimen was chosen", "", Unclassified, ConfidenceNone},
		{"cessation of the therapy is no cessation of the disease", "Relapse after complete cessation of therapy", "tacrolimus", Partial, ConfidenceLow},
		{"a residual size after a grade", "Partial response; 3 cm residual mass", "", Partial, ConfidenceHigh},
		{"a size after a grade", "PR 25 mm", "", Partial, ConfidenceHigh},
		{"a regression with a size in parentheses", "Marked regression (about 4 cm)", "", Partial, ConfidenceHigh},
		{"a recurrent disease before the course", "Her uveitis was recurrent and steroid dependent; adalimumab induced remission", "adalimumab", Complete, ConfidenceHigh},
		{"an arrest is no halt across a comma", "Respiratory arrest, progression of disease", "chemotherapy", Progression, ConfidenceHigh},
		{"a halted treatment, then progression", "Treatment halted, disease progression", "", Progression, ConfidenceHigh},
		{"a course tapered off, then a relapse", "Prednisone could be tapered off, but the disease relapsed 2 months later.", "prednisone", Partial, ConfidenceLow},
		{"complete cessation", "resulting in complete cessation of the attack", "", Complete, ConfidenceHigh},
		{"an evolution called bad", "Bad evolution", "", None, ConfidenceHigh},
		{"no episodes of: also said of side effects", "No episodes of febrile neutropenia were observed.", "chemotherapy", Unclassified, ConfidenceNone},
		{"not possible to: no denial", "Improvement was not possible to quantify.", "", Partial, ConfidenceHigh},
		{"a recidive denied", "No recidive after 2 years.", "surgical excision", Complete, ConfidenceHigh},
		{"an assessment that was not possible", "Evaluation of response was not possible.", "", NotEvaluable, ConfidenceHigh},
		{"a surgery that was not possible is no negation of the course's response", "Surgery was not possible because of comorbidities, but the tumour shrank after chemotherapy.", "chemotherapy", Partial, ConfidenceHigh},
		{"an evolution called satisfactory", "Satisfactory evolution", "", Partial, ConfidenceHigh},
		{"a recidive is a relapse", "Recidive", "", Progression, ConfidenceLow},
		{"recurrent-free is not recurrent", "the patient has remained recurrent free for 18 months", "", Complete, ConfidenceHigh},
		{"a wound that did not heal", "the ulcer did not heal", "", None, ConfidenceHigh},
		{"a wound that failed to heal", "the ulcer failed to heal", "", None, ConfidenceHigh},
		{"deposits gone", "the deposits dissolved", "", Complete, ConfidenceHigh},
		{"a dissolution graded", "partial dissolution of the deposits", "", Partial, ConfidenceHigh},
		{"a dissolution ungraded", "dissolution of the deposits", "", Complete, ConfidenceLow},
		{"fading said of the lesions is their response", "the lesions faded", "", Partial, ConfidenceHigh},
		{"fading said of the effect is a lost response", "the effect faded", "", Progression, ConfidenceLow},
		{"a weak word of change said of a lesion, as the whole cell", "nodules softened", "", Partial, ConfidenceHigh},
		{"a weak word of change said of a lesion, then more", "lesions softened, then recurred", "", Partial, ConfidenceLow},
		{"a weak word of persistence said of a lesion stays as it is", "lesions stable", "", None, ConfidenceLow},
		{"lesions extending", "extension of the lesions", "", Progression, ConfidenceHigh},
		{"a quality-of-life index falling", "DLQI decreased from 20 to 4", "", Partial, ConfidenceHigh},
		{"involved body surface read as before/after, not as a percent change", "BSA decreased from 30% to 5%", "", Partial, ConfidenceHigh},
		{"a graded whole cell, better", "Much better", "", Partial, ConfidenceHigh},
		{"a graded whole cell, slightly better", "Slightly better", "", Minimal, ConfidenceHigh},
		{"a clearance grade as the whole cell", "Almost clear", "", Partial, ConfidenceHigh},
		{"clear inside a sentence is no grade", "clear fluid was drained", "", Unclassified, ConfidenceNone},
		{"a response threshold of a vitiligo index", "VASI75 at week 24", "", Partial, ConfidenceHigh},
		{"leaving the study", "Dropped out after 2 weeks", "", NotEvaluable, ConfidenceHigh},
		{"a death whose cause is the disease", "Dead of disease at 4 y", "", Progression, ConfidenceHigh},
		{"a death from disease progression", "death from disease progression on day 40", "", Progression, ConfidenceHigh},
		// a graded weak response beside a worsening is a disagreement, as a strong one is
		{"graded weak response beside a worsening", "partial efficacy on the arthritis; worsening of the nephritis", "", Progression, ConfidenceLow},
		{"an ungraded weak word beside a worsening", "effective on the arthritis; worsening of the nephritis", "", Progression, ConfidenceHigh},
	})
}

// TestPercentCategory holds percentCategory to the bands docs/outcomes.md
// states ("Quantities"): a fall of at most 5 % or a rise of at most 20 % is
// no change.
func TestPercentCategory(t *testing.T) {
	for _, tt := range []struct {
		fall float64
		want Category
	}{
		{1, Complete}, {0.999, Complete}, {0.5, Partial}, {0.49, Minimal}, {0.06, Minimal},
		{0.05, None}, {0, None}, {-0.2, None}, {-0.21, Progression},
	} {
		if got := percentCategory(tt.fall); got != tt.want {
			t.Errorf("percentCategory(%v) = %v, want %v", tt.fall, got, tt.want)
		}
	}
}

// TestCourseFree: whenever FreeOf says a text's reading cannot depend on the course,
// the reading with the course's treatments equals the reading without them, on every
// excerpt and cell of the corpora (with their own treatments and with another's).
func TestCourseFree(t *testing.T) {
	v := Default()
	rows := append(readCorpus(t, "testdata/outcome_corpus.tsv"), readCorpus(t, "testdata/outcome_cells.tsv")...)
	free := 0
	for i, r := range rows {
		for _, tr := range []string{r.treatment, rows[(i+7)%len(rows)].treatment} {
			if !v.FreeOf(v.ProbeCourse(r.text), []string{tr}) {
				continue
			}
			free++
			with, without := v.OutcomeFor(r.text, []string{tr}), v.OutcomeFor(r.text, nil)
			if !reflect.DeepEqual(with, without) {
				t.Errorf("%s with %q: FreeOf, but the reading differs:\n with    %+v\n without %+v", r.id, tr, with, without)
			}
		}
	}
	if free == 0 {
		t.Fatal("no course-free text in the corpora: the test checks nothing")
	}
	t.Logf("%d course-free readings checked", free)
}

// TestProbeAndRead: the probe and the reading ProbeAndRead makes with one tokenizing are
// ProbeCourse's and Outcome's, on every excerpt and cell of the corpora and on a text longer
// than the reader reads.
func TestProbeAndRead(t *testing.T) {
	v := Default()
	rows := append(readCorpus(t, "testdata/outcome_corpus.tsv"), readCorpus(t, "testdata/outcome_cells.tsv")...)
	texts := []string{strings.Repeat("The lesions improved markedly. ", maxOutcomeBytes/20)}
	for _, r := range rows {
		texts = append(texts, r.text)
	}
	read := 0
	for _, text := range texts {
		p, reading, ok := v.ProbeAndRead(text)
		if want := v.ProbeCourse(text); !reflect.DeepEqual(p, want) {
			t.Errorf("ProbeAndRead(%q) probe = %+v, want %+v", text, p, want)
		}
		if ok == p.names {
			t.Errorf("ProbeAndRead(%q): ok = %v with names = %v", text, ok, p.names)
		}
		if !ok {
			continue
		}
		read++
		if want := v.Outcome(text); !reflect.DeepEqual(reading, want) {
			t.Errorf("ProbeAndRead(%q) reading = %+v, want %+v", text, reading, want)
		}
	}
	if read == 0 {
		t.Fatal("no text read: the test checks nothing")
	}
}

// TestMayNameCourse checks the cheap superset test FreeOf runs before reading the course.
func TestMayNameCourse(t *testing.T) {
	v := Default()
	tests := []struct {
		text       string
		treatments []string
		want       bool
	}{
		{"lesions improved", []string{"diltiazem 60 mg"}, false},
		{"improved on diltiazem", []string{"diltiazem 60 mg"}, true},
		{"recurred 2 years later", []string{"surgical excision"}, true},         // a course given once
		{"recurred 2 years later", []string{"a single dose of baclofen"}, true}, // likewise
		{"improved after the infusions", []string{"monthly infusions of IVIG"}, true},
		{"improved", []string{"rituximab (after failure of IVIG)"}, false},
	}
	for _, tc := range tests {
		if got := mayNameCourse(v.ProbeCourse(tc.text), tc.treatments); got != tc.want {
			t.Errorf("mayNameCourse(%q, %q) = %v, want %v", tc.text, tc.treatments, got, tc.want)
		}
	}
}

// TestCourseCellNotASCII reads a treatment cell whose letters change byte length when
// lowered: the prior-treatment cut must not slice inside the cell.
func TestCourseCellNotASCII(t *testing.T) {
	v := Default()
	for _, cell := range []string{"ȺȺȺȺȺȺȺȺȺȺ rituximab after IVIG", "İİİİ rituximab following IVIG", "rituximab after IVIG"} {
		o := v.OutcomeFor("Improved.", []string{cell})
		if o.Category != Partial {
			t.Errorf("OutcomeFor(%q, %q) = %v, want partial", "Improved.", cell, o.Category)
		}
	}
}

// "helped (to) improve": the help the authors credit is the effect; "to improve" alone is an aim.
func TestHelpedToImprove(t *testing.T) {
	checkReadings(t, []reading{
		{"Antiandrogens helped to improve his symptoms.", Partial},
		{"Insulin helped control her A1c levels.", Partial},
		{"Colchicine has helped resolve the effusion.", Complete},
		{"Methotrexate was started to improve his symptoms.", Unclassified},
	})
}

// A measure's worsening is weak alone (perhaps an adverse effect), but not when the authors
// set it against the treatment.
func TestWorseningDespiteTreatment(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Her bilirubin steadily climbed despite maximum medical therapy.", Progression, ConfidenceHigh},
		{"Creatinine rose despite treatment", Progression, ConfidenceHigh},
		{"Liver enzymes increased despite dose reduction", Unclassified, ConfidenceLow}, // a change of the course
		{"Haemoglobin fell despite iron supplementation, but rose after darbepoetin", Unclassified, ConfidenceLow},
		{"Creatinine rose despite treatment, attributed to the drug", Unclassified, ConfidenceLow}, // a harm
		{"The platelet count fell.", Unclassified, ConfidenceLow},
		{"lesions spreading despite treatment", Progression, ConfidenceHigh}, // a weak word of worsening on the course
		{"new lesions while on treatment", Progression, ConfidenceHigh},      // a secondary one
		{"progressive despite therapy", Progression, ConfidenceHigh},
		{"new lesions after stopping", Unclassified, ConfidenceLow},
	})
}

func TestSetAgainstTheTreatment(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		text, treatment string
		want            Category
		conf            Confidence
	}{
		{"The repeat CSF RPR titer was the same as at initial diagnosis, despite appropriate treatment.", "benzathine penicillin", None, ConfidenceHigh},
		// a word of worsening or a bad event, and none of persistence: progression
		{"The patient gradually developed quadriplegia and facial diplegia despite treatment.", "IVIG", Progression, ConfidenceHigh},
		{"Inflammation was recurrent despite oral prednisone and methotrexate.", "methotrexate", Progression, ConfidenceHigh},
		// no word of what was not stopped: proposed only
		{"Hiccups lasted for eight days, despite treatment with phenobarbital and diazepam.", "phenobarbital", Unclassified, ConfidenceLow},
		// a hint of a response in words the vocabulary does not know: proposed only
		{"Despite treatment, the weakness was severe at first but she walked again.", "IVIG", Unclassified, ConfidenceNone},
		// the course is named elsewhere, where its own effect may be stated
		{"Mute and immobile for a week despite neuroleptic therapy, he became freely conversant within 30 minutes of the administration of lorazepam.", "lorazepam", Unclassified, ConfidenceNone},
		{"Mute and immobile for a week despite neuroleptic therapy, he became freely conversant within 30 minutes of lorazepam.", "lorazepam", Unclassified, ConfidenceNone},
		// the concession names another treatment only: its failure is history
		{"Hiccups persisted despite chlorpromazine.", "metoclopramide", Unclassified, ConfidenceNone},
		// a stop, a change, earlier treatments, adherence, a treatment of something else
		{"Despite suboptimal adherence to mitotane, the tumour progressed.", "mitotane", Progression, ConfidenceHigh},
		// ("stayed" is a persistence word, as "remained": before a good state it is weak, a proposal only)
		{"Despite dose reduction, her platelet count stayed above 100,000/uL.", "eltrombopag", Unclassified, ConfidenceLow},
		{"Despite previous treatments, hiccups lasted for eight days.", "chlorpromazine", Unclassified, ConfidenceNone},
		{"Despite the change of therapy, the outcome was fatal.", "rituximab", Unclassified, ConfidenceNone},
		{"Despite treatment of her diabetes, she required insulin.", "dapagliflozin", Unclassified, ConfidenceNone},
		// a word of the concession that would make it another treatment is the course's own word
		{"persistent pain despite conventional therapy", "conventional therapy", None, ConfidenceHigh},
		{"persistent pain despite conventional therapy", "rituximab", Unclassified, ConfidenceLow},
		// two words besides the concession are enough when one says what was not stopped
		{"recurrent deficits despite ASA", "aspirin", Progression, ConfidenceHigh},
		{"headache unremitting despite 3 doses", "sumatriptan", None, ConfidenceHigh},
		// one word beside it is too few for this rule; a death despite the course is read by rule 4
		{"died despite treatment", "aspirin", Progression, ConfidenceHigh},
		// a response stated: the rule does not apply
		{"Despite the severity of the disease, the ulcers healed.", "", Complete, ConfidenceHigh},
		{"Despite ongoing therapy with lanadelumab, she has been attack-free for 18 months.", "lanadelumab", Complete, ConfidenceHigh},
	} {
		var tr []string
		if tc.treatment != "" {
			tr = []string{tc.treatment}
		}
		if m := v.OutcomeFor(tc.text, tr); m.Category != tc.want || m.Confidence != tc.conf {
			t.Errorf("OutcomeFor(%q, %q) = %v/%s (%q); want %v/%s", tc.text, tc.treatment, m.Category, m.Confidence, m.Evidence.Rule, tc.want, tc.conf)
		}
	}
}

func TestFindingAbsentAfterTheCourse(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		text     string
		proposed Category // read with low confidence; CategoryUnknown: nothing proposed
	}{
		{"No opsoclonus was seen after the initial dose of cyproheptadine.", Complete}, // a finding the vocabulary does not know (TestDeniedManifestations)
		{"Under this therapy, no further disturbance of electrolyte homeostasis occurred.", Complete},
		{"Following surgery, no tumor was detected.", Complete},
		{"No lymphadenopathy was detected on admission.", CategoryUnknown}, // at presentation
		{"No adverse events were observed after the infusion.", CategoryUnknown},
		{"No fever was observed after rechallenge.", CategoryUnknown},
		{"No masses were detected on the CT scan performed after admission.", CategoryUnknown},
		{"No seroconversion was detected after vaccination.", CategoryUnknown},
		{"On admission, no pericardial effusion was seen. Colchicine was started after 2 days.", CategoryUnknown}, // another sentence
		{"No drug interactions were observed after switching.", CategoryUnknown},
		{"The drug was given after surgery\nmasses were not seen on MRI", CategoryUnknown}, // the word of time is on another line
	} {
		m := v.OutcomeFor(tc.text, nil)
		want := ConfidenceLow
		if tc.proposed == CategoryUnknown {
			want = ConfidenceNone
		}
		if m.Category != Unclassified || m.Proposed != tc.proposed || m.Confidence != want {
			t.Errorf("OutcomeFor(%q) = %v/%v/%s (%q); want unclassified/%v/%s", tc.text, m.Category, m.Proposed, m.Confidence, m.Evidence.Rule, tc.proposed, want)
		}
	}
}

// A change for the better of a measure, denied, is a non-response; a denied change word
// without a measure beside it stays weak.
func TestDeniedBenefitOfAMeasure(t *testing.T) {
	checkSureReadings(t, []sureReading{
		{"Proteinuria did not decrease.", None, ConfidenceHigh},
		{"Platelet transfusions did not raise the platelet counts.", None, ConfidenceHigh},
		{"It did not raise concerns.", Unclassified, ConfidenceLow},
	})
}

func TestLabMarkerMeasures(t *testing.T) {
	checkReadings(t, []reading{
		{"Within 48 hours serum ammonia levels gradually reduced.", Partial},
		{"Lactate fell from 8.2 to 1.1 mmol/L.", Partial},
		{"Lipase decreased from 1357 to 300 U/L.", Partial},
		{"Beta hCG rose from 2300 to 4100 mIU/mL.", Progression},
	})
}
