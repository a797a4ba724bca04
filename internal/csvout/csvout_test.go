package csvout

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestNeutralize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`},
		{`+cmd|' /C calc'!A0`, `'+cmd|' /C calc'!A0`},
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{`+1+1`, `'+1+1`},
		{`-2+3`, `'-2+3`},
		{`@SUM(A1)`, `'@SUM(A1)`},
		{"\tx", "'\tx"},
		{"\rx", "'\nx"},
		{"  =1+1", "'  =1+1"},
		{"'=x", "''=x"},
		{"'abc", "'abc"},
		{"-", "-"},
		{"-0.5", "-0.5"},
		{"+3", "+3"},
		{"-Inf", "-Inf"},
		{"-1e-3", "-1e-3"},
		{"-0x1p-2", "'-0x1p-2"},
		{"a=b", "a=b"},
		{"", ""},
		{"diltiazem", "diltiazem"},
	} {
		got := Neutralize(tc.in)
		if got != tc.want {
			t.Errorf("Neutralize(%q) = %q; want %q", tc.in, got, tc.want)
		}
		if back := Unneutralize(got); back != Clean(tc.in) {
			t.Errorf("Unneutralize(%q) = %q; want %q", got, back, Clean(tc.in))
		}
	}
}

func TestWriterRoundTrip(t *testing.T) {
	in := [][]string{{"drug", "n"}, {"=HYPERLINK(\"x\")", "-3"}, {"+cmd|' /C calc'!A0", "0.5"}, {"plain", ""}}
	var b bytes.Buffer
	if err := NewWriter(&b).WriteAll(in); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[1][0] != `'=HYPERLINK("x")` || recs[1][1] != "-3" || recs[2][0][0] != '\'' {
		t.Errorf("records = %q", recs)
	}
	for i := range in {
		for j := range in[i] {
			if got := Unneutralize(recs[i][j]); got != in[i][j] {
				t.Errorf("cell %d,%d: read back %q; want %q", i, j, got, in[i][j])
			}
		}
	}
}

// FuzzNeutralize checks the rule's promises for any text: the written cell
// never starts a formula and Unneutralize restores the cleaned text.
func FuzzNeutralize(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''+x", "-0.5", " @a", "\r=", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Neutralize(s)
		if formula(n) && n[0] != '\'' {
			t.Fatalf("Neutralize(%q) = %q starts a formula", s, n)
		}
		if back := Unneutralize(n); back != Clean(s) {
			t.Fatalf("Unneutralize(Neutralize(%q)) = %q; want %q", s, back, Clean(s))
		}
	})
}

func FuzzCleanFastPath(f *testing.F) {
	for _, s := range []string{"", "plain text", "tab\tand\nline", "cr\r\n", "\x00\x1f\x7f", "é \u0085 \xff", "~"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Clean(s), cleanRunes(s); got != want {
			t.Fatalf("Clean(%q) = %q, want %q", s, got, want)
		}
	})
}
