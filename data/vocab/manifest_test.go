package vocab

import "testing"

// TestDeniedManifestations: a generic sign or symptom of disease denied after the course is a
// complete response when nothing else is stated, with its near misses.
func TestDeniedManifestations(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"denied after the course", "One year after surgery, the patient has had no vaginal bleeding.", "hysterectomy", Complete, ConfidenceHigh},
		{"a list of manifestations", "no dizziness or vertigo at all after 1 mo", "", Complete, ConfidenceHigh},
		{"a known manifestation, seen no more", "No myoclonus was seen after the initial dose of cyproheptadine.", "cyproheptadine", Complete, ConfidenceHigh},
		{"a backward negation", "seizures absent at 6 months", "", Complete, ConfidenceHigh},
		{"the skin's own signs", "swims in the sea again w/o hives", "omalizumab", Complete, ConfidenceHigh},
		{"active lesions", "scarring residual, no active lesions", "", Complete, ConfidenceHigh},
		{"not new lesions", "no new lesions at wk 12", "", None, ConfidenceLow}, // only the absence of worsening
		{"at presentation", "No lymphadenopathy was detected on admission.", "", Unclassified, ConfidenceNone},
		{"after a rechallenge", "No fever was observed after rechallenge.", "", Unclassified, ConfidenceNone},
		{"not denied", "pain at 6 months", "", Unclassified, ConfidenceNone},
		// a negated verb denies the manifestation only through a verb of presence
		{"a verb of presence denied", "did not have any pain at 6 mo", "", Complete, ConfidenceHigh},
		{"a finding verb denied", "Follow-up examinations did not reveal any signs of disease recurrence.", "", Complete, ConfidenceHigh},
		{"another verb denied", "unable to tolerate beyond day 10 (headache, diarrhoea)", "", Unclassified, ConfidenceNone},
		{"a report's silence", "the report does not say how the lesions fared", "", Unclassified, ConfidenceNone},
		{"a relapse after another denied verb", "did not reduce the flares at all", "", Progression, ConfidenceLow},
		// the subject of an outcome word: the word is denied
		{"neither … nor … with a verb: the change is denied", "neither the ulcers nor the deposits changed", "", None, ConfidenceHigh},
		{"neither … nor … without one", "neither pain nor swelling at 6 mo", "", Complete, ConfidenceHigh},
		{"the subject of a response word", "no ulcers healed", "", None, ConfidenceHigh},
		{"a word of occurrence", "No additional thromboses occurred during the stay.", "", Complete, ConfidenceHigh},
		{"a harm is not in the list", "no rash after 2 weeks", "", Unclassified, ConfidenceNone},
		{"a measure's name", "no pain scores reported", "", Unclassified, ConfidenceNone},
		{"a non-response stated", "no improvement in pain", "", None, ConfidenceHigh},
		{"a degree before a manifestation", "minimal symptom improvement", "", Minimal, ConfidenceHigh},
		{"a degree after the object", "Pregabalin improved the pain marginally.", "pregabalin", Minimal, ConfidenceHigh},
		{"a treatment's name", "The PLP was resistant to pain medication and mirror therapy.", "pain medication and mirror therapy", None, ConfidenceHigh},
		{"a new statement after the comma", "no pain, ulcer 50% smaller", "", Partial, ConfidenceHigh},
		{"its subject before the phrase", "no fever since d2, erythema receding", "", Partial, ConfidenceHigh},
		{"a manifestation said after the comma", "says no flatter, painful blisters after each session", "", Unclassified, ConfidenceNone},
		{"a list goes on", "no pain, redness or new lesions", "", None, ConfidenceLow}, // only the absence of worsening
		{"a participle goes on the list", "no hypoglycaemia, worsened renal function or weight gain", "", None, ConfidenceLow},
		{"what was not reported", "no itch data", "", Unclassified, ConfidenceNone},
		{"another statement decides", "coagulation parameters remained deranged, without any active bleeding", "", None, ConfidenceLow},
	})
}

// TestFunctionRegained: an everyday activity done again is a partial response, proposed with
// low confidence beside nothing else; denied or attempted, it is no response.
func TestFunctionRegained(t *testing.T) {
	checkCaseReadings(t, Default(), []readingCase{
		{"the whole cell", "walks again", "", Partial, ConfidenceHigh},
		{"beside nothing else", "can type on a keyboard again", "", Partial, ConfidenceLow},
		{"a treatment held again is no activity", "MTX held again at wk 6", "", Unclassified, ConfidenceNone},
		{"a wound dressing is no activity", "dressing changed again on day 3", "", Unclassified, ConfidenceNone},
		{"a stated outcome decides", "swims again, plaques unchanged", "", None, ConfidenceHigh},
		{"denied", "still can't walk again", "", None, ConfidenceHigh},
		{"attempted", "tried to play again but had to stop", "", Unclassified, ConfidenceNone},
		{"no activity", "itching again after stopping", "", Unclassified, ConfidenceNone},
	})
}
