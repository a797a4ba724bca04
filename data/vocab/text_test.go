package vocab

import (
	"strings"
	"testing"
)

func TestSlashAbbreviations(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"w/o relapse", []string{"without", "relapse"}},
		{"resolved W/O sequelae", []string{"resolved", "without", "sequelae"}},
		{"resolved w/i 48 h", []string{"resolved", "within", "48", "h"}},
		{"improved w/ steroids", []string{"improved", "with", "steroids"}},
		{"kw/o", []string{"kw", "o"}},             // not at a word's start
		{"w/os", []string{"w", "os"}},             // not at a word's end
		{"w/steroids", []string{"w", "steroids"}}, // "w/" only before a space
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.text) {
			got = append(got, tk.norm)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
