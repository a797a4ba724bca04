package normalise

import "testing"

func TestSheetCode(t *testing.T) {
	for _, tc := range []struct {
		cell string
		want bool
	}{
		{"R", true}, {"NR", true}, {"MCR", true}, {"Y/N", true}, {"D†", true}, {"NRa", true},
		{"abc", false},      // no capital: not a code
		{"Rabc", false},     // one footnote letter at most
		{"IMPROVED", false}, // more than four letters: a word
		{"Improved", false}, // lower case
		{"odd words", false},
	} {
		if got := sheetCode(tc.cell); got != tc.want {
			t.Errorf("sheetCode(%q) = %v, want %v", tc.cell, got, tc.want)
		}
	}
}
