package vocab

import (
	"slices"
	"strings"
	"testing"
)

// TestAbbreviationSenses checks that an abbreviation of several diseases is read as the
// first its row lists, with the others in Senses, whole or inside longer text, and that a
// user row of one sense decides it.
func TestAbbreviationSenses(t *testing.T) {
	v := Default()
	tests := []struct {
		term, canonical string
		senses          []string
	}{
		{"HS", "hereditary spherocytosis", []string{"hidradenitis suppurativa"}},
		{"HS, Hurley stage III", "hereditary spherocytosis", []string{"hidradenitis suppurativa"}},
		{"MF", "primary myelofibrosis", []string{"mycosis fungoides"}},
		{"MCD", "minimal change disease", []string{"Castleman disease"}},
		{"hidradenitis suppurativa", "hidradenitis suppurativa", nil},
		{"mycosis fungoides (MF)", "mycosis fungoides", nil},
		{"AD", "atopic dermatitis", nil}, // a curated row gives it one sense
		{"DM", "dermatomyositis", nil},
		{"PWS", "Prader-Willi syndrome", []string{"port-wine stain"}},
	}
	for _, tt := range tests {
		m := v.Disease(tt.term)
		if m.Canonical != tt.canonical || !slices.Equal(m.Senses, tt.senses) {
			t.Errorf("Disease(%q) = %q senses %q, want %q senses %q", tt.term, m.Canonical, m.Senses, tt.canonical, tt.senses)
		}
	}

	u := New()
	if err := u.Extend(strings.NewReader("term\tcanonical\tkind\nHS\thidradenitis suppurativa\tabbreviation\n"), "derm.tsv", KindDiseases); err != nil {
		t.Fatal(err)
	}
	if m := u.Disease("HS"); m.Canonical != "hidradenitis suppurativa" || m.Senses != nil {
		t.Errorf("after a user row of one sense, Disease(HS) = %q senses %q, want hidradenitis suppurativa and none", m.Canonical, m.Senses)
	}
	err := u.Extend(strings.NewReader("term\tcanonical\tkind\nacne inversa\thidradenitis suppurativa|acne\tsynonym\n"), "bad.tsv", KindDiseases)
	if err == nil || !strings.Contains(err.Error(), "only an abbreviation may name several diseases") {
		t.Errorf("a synonym of several diseases: error %v, want one saying only an abbreviation may", err)
	}
}

// TestDermatologyDiseaseNames checks names of skin disease met in case tables that were
// unknown, matched fuzzily to another disease ("Bowen's disease" to bone disease, "cutaneous
// larva migrans" to migraine) or coded wrongly, with their ICD-10 code and group.
func TestDermatologyDiseaseNames(t *testing.T) {
	v := Default()
	tests := []struct{ term, canonical, code, group string }{
		{"calciphylaxis", "calciphylaxis", "E83.5", "skin disease"},
		{"calcific uraemic arteriolopathy", "calciphylaxis", "E83.5", "skin disease"},
		{"CUA", "calciphylaxis", "E83.5", "skin disease"},
		{"non-uremic calciphylaxis", "non-uremic calciphylaxis", "E83.5", "skin disease"},
		{"calcinosis cutis", "calcinosis cutis", "L94.2", "skin disease"},
		{"Bowen's disease", "Bowen disease", "D04.9", "solid tumour"},
		{"cutaneous larva migrans", "cutaneous larva migrans", "B76.9", "infection"},
		{"erythema migrans", "Lyme disease", "A69.2", "infection"},
		{"Grover disease", "Grover disease", "L11.1", "skin disease"},
		{"lupus vulgaris", "cutaneous tuberculosis", "A18.4", "infection"},
		{"cutaneous leishmaniasis", "cutaneous leishmaniasis", "B55.1", "infection"},
		{"lentigo maligna", "melanoma in situ", "D03.9", "solid tumour"},
		{"eczema herpeticum", "eczema herpeticum", "B00.0", "skin disease"},
		{"eosinophilic fasciitis", "eosinophilic fasciitis", "M35.4", "connective tissue disease"},
		{"PMLE", "polymorphic light eruption", "L56.4", "skin disease"},
		{"lupus pernio", "cutaneous sarcoidosis", "D86.3", "skin disease"},
		{"paronychia", "paronychia", "L03.0", "skin disease"},
		{"PIH", "post-inflammatory hyperpigmentation", "L81.0", "skin disease"},
		{"IH", "infantile hemangioma", "D18.0", "skin disease"},
		{"LPP", "lichen planopilaris", "L66.1", "skin disease"},
		{"AGA", "androgenetic alopecia", "L64.9", "skin disease"},
		{"NL", "necrobiosis lipoidica", "L92.1", "skin disease"},
		{"PLEVA", "pityriasis lichenoides et varioliformis acuta", "L41.0", "skin disease"},
		{"CLE", "cutaneous lupus erythematosus", "L93.2", "connective tissue disease"},
	}
	for _, tt := range tests {
		m := v.Disease(tt.term)
		if m.Canonical != tt.canonical || m.Code != tt.code || m.Class != tt.group || m.Status == StatusFuzzy {
			t.Errorf("Disease(%q) = %q %s %q (%v), want %q %s %q", tt.term, m.Canonical, m.Code, m.Class, m.Status, tt.canonical, tt.code, tt.group)
		}
	}
}

// TestDermatologyDrugCodes checks drugs whose default code was a route case tables rarely
// mean, and a class named for a route the drugs do not share.
func TestDermatologyDrugCodes(t *testing.T) {
	v := Default()
	tests := []struct{ term, code, class string }{
		{"isotretinoin", "D10BA01", "systemic anti-acne agent"},
		{"Roaccutane", "D10BA01", "systemic anti-acne agent"},
		{"topical isotretinoin", "D10AD04", "anti-acne agent"},
		{"dupilumab", "D11AH05", "agent for dermatitis"},
		{"abrocitinib", "D11AH08", "agent for dermatitis"},
		// a brand of one form implies its route: the topical code, not the generic's default
		{"Protopic", "D11AH01", "calcineurin inhibitor"},
		{"Prograf", "L04AD02", "calcineurin inhibitor"},
		{"Rogaine", "D11AX01", "other dermatological"},
		{"Loniten", "C02DC01", "vasodilator antihypertensive"},
	}
	for _, tt := range tests {
		if m := v.Drug(tt.term, ""); m.Code != tt.code || m.Class != tt.class {
			t.Errorf("Drug(%q) = %s %q, want %s %q", tt.term, m.Code, m.Class, tt.code, tt.class)
		}
	}
}

// TestNumberVariant checks the singular and plural a whole-term lookup tries when the term
// itself is not listed, and the words it leaves alone: Latin and Greek singulars in s,
// short abbreviations and words with digits.
func TestNumberVariant(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"wart", "warts"},
		{"plantar wart", "plantar warts"},
		{"keloids", "keloid"},
		{"psoriasis", ""},
		{"pemphigus", ""},
		{"herpes zoster", "herpes zosters"},
		{"abscess", ""},
		{"aa", ""},
		{"ssc", ""},
		{"type2", ""},
	} {
		got := strings.Join(numberVariant(strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("numberVariant(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	v := Default()
	for term, want := range map[string]string{"wart": "viral warts", "Plantar wart": "viral warts", "psoriasi": "psoriasis"} {
		// a variant is a fuzzy match, so it is reviewed: "psoriasi" may be a typo of another word
		if m := v.Disease(term); m.Canonical != want || m.Status != StatusFuzzy {
			t.Errorf("Disease(%q) = %q (%v), want %q (fuzzy)", term, m.Canonical, m.Status, want)
		}
	}
}
