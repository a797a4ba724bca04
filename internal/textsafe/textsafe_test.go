package textsafe

import "testing"

func TestVisible(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"diltiazem", "diltiazem"},
		{"abc\u202Efed", "abc[U+202E]fed"},
		{"a\u2066b\u2069", "a[U+2066]b[U+2069]"},
		{"x\x01y", "x[U+0001]y"},
		{"tab\there\nline", "tab\there\nline"},
		{"zero\u200Bwidth", "zero[U+200B]width"},
		{"café", "café"},
	} {
		if got := Visible(tc.in); got != tc.want {
			t.Errorf("Visible(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	if r, col, ok := First("ab\u202Ec"); !ok || r != 0x202E || col != 3 {
		t.Errorf("First = %U, %d, %v", r, col, ok)
	}
}
