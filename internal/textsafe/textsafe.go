// Package textsafe names the characters of a cell that change how text
// is displayed without being seen: C0 and C1 control characters (other
// than tab and line ends), DEL, the bidirectional embeddings, overrides,
// isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C: "Trojan Source", CVE-2021-42574) and the zero-width characters
// (U+200B–U+200D, U+2060, U+FEFF). Ingest reports them as
// control-character warnings with their position; report.html shows them
// escaped, as "[U+202E]", so that a drug name cannot display as another.
package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Hidden reports whether r is one of the characters the package names.
func Hidden(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r < 0x7f:
		return false
	case r < 0xa0:
		return true // DEL, C1
	}
	switch r {
	case 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF:
		return true
	}
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// mayHide is a fast pre-check: a string of printable ASCII has none.
func mayHide(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return true
		}
	}
	return false
}

// First returns the first hidden character of s and its position in
// characters (1-based, as editors count columns); ok is false if none.
func First(s string) (r rune, col int, ok bool) {
	if !mayHide(s) {
		return 0, 0, false
	}
	n := 0
	for _, r := range s {
		n++
		if Hidden(r) {
			return r, n, true
		}
	}
	return 0, 0, false
}

// Count returns the number of hidden characters in s.
func Count(s string) int {
	if !mayHide(s) {
		return 0
	}
	n := 0
	for _, r := range s {
		if Hidden(r) {
			n++
		}
	}
	return n
}

// Name returns "U+202E" for r.
func Name(r rune) string { return fmt.Sprintf("U+%04X", r) }

// Visible returns s with every hidden character replaced by "[U+XXXX]"
// (invalid UTF-8 is left to the caller's escaping).
func Visible(s string) string {
	if !mayHide(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteByte(s[i])
				continue
			}
		}
		if Hidden(r) {
			b.WriteString("[" + Name(r) + "]")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
