package vocab

import (
	"strings"
	"testing"

	"github.com/tresp/tresp/data/units"
)

// TestRoutesSharedWithDoseParser: one routes file teaches both readers: the
// drug-name reader ("rectal diltiazem") and the dose parser ("10 mg pr").
// Frequency and dose-unit files teach the dose parser only.
func TestRoutesSharedWithDoseParser(t *testing.T) {
	v := New()
	if err := v.Extend(strings.NewReader("term\troute\tposition\tuse\nrectal\trectal\tbefore\t\npr\trectal\t\tdose\n"), "routes-local.tsv", KindRoutes); err != nil {
		t.Fatal(err)
	}
	if err := v.Extend(strings.NewReader("term\tkind\tvalue\tdays\nmwf\tfixed\t3\t7\n"), "frequencies-local.tsv", KindFrequencies); err != nil {
		t.Fatal(err)
	}
	if m := v.Drug("rectal diltiazem", ""); m.Route != "rectal" || m.Canonical != "diltiazem" {
		t.Errorf("Drug(rectal diltiazem) = %q route %q, want diltiazem, rectal", m.Canonical, m.Route)
	}
	if m := v.Drug("pr diltiazem", ""); m.Route == "rectal" {
		t.Errorf("a dose-only route word is read in a drug name: %+v", m)
	}
	d := v.Lexicon().ParseDose("7 mg pr mwf", units.DoseOptions{})
	if d.Route != "rectal" || d.Max != 3 {
		t.Errorf("ParseDose with the vocabulary's lexicon = route %q, %v mg/day; want rectal, 3", d.Route, d.Max)
	}
	if d := Default().Lexicon().ParseDose("7 mg pr mwf", units.DoseOptions{}); d.Route != "" {
		t.Errorf("the default lexicon learnt a user route: %q", d.Route)
	}
	// Errors of the dose parser's columns name the file and position; nothing changes.
	before := v.Lexicon()
	err := v.Extend(strings.NewReader("term\tkind\tvalue\nfour times\tcount\t4\n"), "frequencies-bad.tsv", KindFrequencies)
	if err == nil || !strings.Contains(err.Error(), `frequencies-bad.tsv:2:1: column "term"`) || v.Lexicon() != before {
		t.Errorf("bad frequency file: %v (lexicon changed: %v)", err, v.Lexicon() != before)
	}
	err = v.Extend(strings.NewReader("term\troute\tuse\nrectally\trectal\tsometimes\n"), "routes-bad.tsv", KindRoutes)
	if err == nil || !strings.Contains(err.Error(), "routes-bad.tsv:2:17") || v.Lexicon() != before {
		t.Errorf("bad routes file: %v", err)
	}
}
