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
