package units

import (
	"math"
	"strings"
	"testing"
)

// TestLexiconExtendTeachesDoseParser: words from user files of each kind
// are read by the dose parser, and the default lexicon is left unchanged.
func TestLexiconExtendTeachesDoseParser(t *testing.T) {
	l := DefaultLexicon()
	var err error
	for _, f := range []struct {
		kind LexiconKind
		text string
	}{
		{LexRoutes, "term\troute\tismp\nrectal\trectal\t\npr\trectal\tmistaken for \"per\"\nper rectum\trectal\t\n"},
		{LexFrequencies, "term,kind,value,days\nmwf,fixed,3,7\non alternate mornings,fixed,1,2\nsennight,period,,7\nfourth,every,4,\n"},
		{LexDoseUnits, "term\tunit\tfactor\tbase\ntsp\ttsp\t5\tmL\n"},
	} {
		if l, err = l.Extend(strings.NewReader(f.text), f.kind.String()+".tsv", f.kind); err != nil {
			t.Fatalf("%s: %v", f.kind, err)
		}
	}
	tests := []struct {
		text   string
		route  Route
		perDay float64 // in the dose's unit
		unit   string
		note   string // a note the taught parse carries; "" none
	}{
		{"10 mg pr nocte", "rectal", 10, "mg/day", `ISMP error-prone abbreviation "pr" (mistaken for "per"): read as rectal`},
		{"10 mg per rectum bd", "rectal", 20, "mg/day", ""},
		{"7.5 mg mwf", "", 7.5 * 3 / 7, "mg/day", ""},
		{"5 mg on alternate mornings", "", 2.5, "mg/day", ""},
		{"14 mg twice a sennight", "", 4, "mg/day", ""},
		{"8 mg every other sennight", "", 8.0 / 14, "mg/day", ""},
		{"8 mg every fourth day", "", 2, "mg/day", ""},
		{"1 tsp tid", "", 15, "mL/day", ""},
	}
	for _, tc := range tests {
		d := l.ParseDose(tc.text, DoseOptions{})
		if d.Route != tc.route || math.Abs(d.Max-tc.perDay) > 1e-12 || d.Unit != tc.unit {
			t.Errorf("taught ParseDose(%q) = route %q, %v %s; want %q, %v %s; notes %v", tc.text, d.Route, d.Max, d.Unit, tc.route, tc.perDay, tc.unit, d.Notes)
		}
		if tc.note != "" && !hasNote(d.Notes, tc.note) {
			t.Errorf("taught ParseDose(%q): notes %v lack %q", tc.text, d.Notes, tc.note)
		}
		// The default parser does not know the words: a different reading.
		if o := ParseDose(tc.text); o.Route == d.Route && o.Max == d.Max && o.Unit == d.Unit {
			t.Errorf("ParseDose(%q) reads the taught words without the user file: %v %s", tc.text, o.Max, o.Unit)
		}
	}
	// A normaliser reads doses with the lexicon it is given, and its cache
	// does not mix the two readings.
	n := NewNormaliserWith(0, l)
	if d := n.Dose("10 mg pr nocte"); d.Route != "rectal" {
		t.Errorf("NewNormaliserWith(lexicon).Dose: route %q, want rectal", d.Route)
	}
	if d := NewNormaliser(0).Dose("10 mg pr nocte"); d.Route != RouteUnknown {
		t.Errorf("NewNormaliser(0).Dose: route %q, want none", d.Route)
	}
}

// TestLexiconUserRowReplaces: a user row for a known word changes its meaning.
func TestLexiconUserRowReplaces(t *testing.T) {
	l, err := DefaultLexicon().Extend(strings.NewReader("term\tkind\tvalue\tdays\nbd\tfixed\t1\t1\n"), "f.tsv", LexFrequencies)
	if err != nil {
		t.Fatal(err)
	}
	if d := l.ParseDose("10 mg bd", DoseOptions{}); d.Max != 10 {
		t.Errorf("bd redefined as once daily: %v mg/day, want 10", d.Max)
	}
	if d := ParseDose("10 mg bd"); d.Max != 20 {
		t.Errorf("default bd: %v mg/day, want 20", d.Max)
	}
}

func TestLexiconFileErrors(t *testing.T) {
	tests := []struct {
		name string
		kind LexiconKind
		text string
		want string
	}{
		{"unknown column", LexRoutes, "term\troute\tcolour\nx\ty\tz\n", `f.tsv:1:12: unknown column "colour" in a routes file`},
		{"missing column", LexDoseUnits, "term\tunit\nx\ty\n", `f.tsv:1: header lacks required column "factor"`},
		{"bad kind", LexFrequencies, "term\tkind\nx\toften\n", `f.tsv:2:3: column "kind": unknown value "often" (use one of: fixed, count, period, every)`},
		{"bad number", LexFrequencies, "term\tkind\tvalue\tdays\nx\tfixed\t2\tsome\n", `f.tsv:2:11: column "days": "some" is not a positive number`},
		{"zero period", LexFrequencies, "term\tkind\tdays\nx\tperiod\t0\n", `column "days": "0" is not a positive number`},
		{"count of two words", LexFrequencies, "term\tkind\tvalue\nfour times\tcount\t4\n", `column "term": "four times" is not a single word`},
		{"number in term", LexRoutes, "term\troute\n2 puffs\tinhaled\n", `column "term": "2 puffs" holds a number`},
		{"bad base", LexDoseUnits, "term\tunit\tfactor\tbase\ndrop\tdrop\t1\tdrops\n", `column "base": unknown value "drops" (use one of: mg, IU, mL, mEq, mmol, tablet)`},
		{"bad use", LexRoutes, "term\troute\tuse\nx\ty\tsome\n", `column "use": unknown value "some" (use one of: both, drug, dose)`},
		{"empty", LexRoutes, "# only a comment\n", `f.tsv:1: no header line`},
	}
	for _, tc := range tests {
		l, err := DefaultLexicon().Extend(strings.NewReader(tc.text), "f.tsv", tc.kind)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
		if l != DefaultLexicon() {
			t.Errorf("%s: a failed Extend returned a changed lexicon", tc.name)
		}
	}
}

func hasNote(ns []Note, msg string) bool {
	for _, n := range ns {
		if n.Msg == msg {
			return true
		}
	}
	return false
}
