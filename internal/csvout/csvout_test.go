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

// TestWriterMatchesEncodingCSV checks that Writer writes what encoding/csv's Writer writes
// for the neutralised cells: quoting (commas, quotes, line ends, a leading space, "\."),
// doubled quotes, empty cells and records, and non-ASCII text.
func TestWriterMatchesEncodingCSV(t *testing.T) {
	recs := [][]string{
		{"plain", "", "with, comma", `with "quote"`, "line\nend", "cr\rreturn", " leading space", "\u00a0nbsp first", `\.`, `\.x`},
		{"=SUM(A1)", "-2+3", "+1", "@x", "'quoted", "ünïcödé, text", "tab\tinside", "\"\"", ","},
		{},
		{""},
		{"a\r\nb", "\x01control", "trailing space ", "\"starts", "ends\""},
	}
	var got, want bytes.Buffer
	w := NewWriter(&got)
	ref := csv.NewWriter(&want)
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		n := make([]string, len(r))
		for i, c := range r {
			n[i] = Neutralize(c)
		}
		if err := ref.Write(n); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	ref.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("Writer wrote\n%q\nencoding/csv wrote\n%q", got.String(), want.String())
	}
}

// FuzzWriterMatchesEncodingCSV is TestWriterMatchesEncodingCSV on any two cells.
func FuzzWriterMatchesEncodingCSV(f *testing.F) {
	f.Add("a", "b,c")
	f.Add(" x", "\"y\"")
	f.Fuzz(func(t *testing.T, a, b string) {
		var got, want bytes.Buffer
		w := NewWriter(&got)
		w.Write([]string{a, b})
		w.Flush()
		ref := csv.NewWriter(&want)
		ref.Write([]string{Neutralize(a), Neutralize(b)})
		ref.Flush()
		if got.String() != want.String() {
			t.Errorf("Writer wrote %q, encoding/csv %q", got.String(), want.String())
		}
	})
}

// FuzzFormulaShortcut checks formula's first-byte shortcut against the rule without it.
func FuzzFormulaShortcut(f *testing.F) {
	for _, s := range []string{"", "=1+1", "'=x", " =x", "\t-", "\n@a", "-5", "--", "abc", "'", "\r=x", "+ 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := formula(s), formulaRule(s); got != want {
			t.Errorf("formula(%q) = %v, want %v", s, got, want)
		}
	})
}
