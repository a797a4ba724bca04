package vocab

import (
	"errors"
	"strings"
	"testing"
)

func TestExtendOverrideAndExtend(t *testing.T) {
	v := New()
	user := `# my drugs
term	generic	kind	class	atc	route	indication
# override: "laser" now means pulsed dye laser
laser	pulsed dye laser	synonym
pulsed dye laser	pulsed dye laser	generic	procedure		*
# extend: a new drug with a brand
sevelamerx	sevelamerx	generic	phosphate binder	V03AE99	*
Fosfix	sevelamerx	brand
# override the default methotrexate code row
methotrexate	methotrexate	generic	immunosuppressant	L04AX03	*
`
	if err := v.Extend(strings.NewReader(user), "my_drugs.tsv", KindDrugs); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ term, canonical, code, class string }{
		{"laser", "pulsed dye laser", "", "procedure"},
		{"Fosfix", "sevelamerx", "V03AE99", "phosphate binder"},
		{"methotrexate", "methotrexate", "L04AX03", "immunosuppressant"},
		{"CO2 laser", "CO2 laser", "", "procedure"}, // untouched rows stay
		{"diltiazem", "diltiazem", "C08DB01", "calcium channel blocker"},
	}
	for _, tt := range tests {
		m := v.Drug(tt.term, "")
		if m.Canonical != tt.canonical || m.Code != tt.code || m.Class != tt.class {
			t.Errorf("after Extend: Drug(%q) = {%q %q %q}, want {%q %q %q}", tt.term, m.Canonical, m.Code, m.Class, tt.canonical, tt.code, tt.class)
		}
	}
	// the shared default is untouched
	if m := Default().Drug("laser", ""); m.Canonical != "CO2 laser" {
		t.Errorf("Default changed by Extend on a copy: %+v", m)
	}
	if m := Default().Drug("Fosfix", ""); m.Status != StatusUnknown {
		t.Errorf("Default changed by Extend on a copy: %+v", m)
	}
}

func TestExtendOtherKindsCSV(t *testing.T) {
	v := New()
	steps := []struct {
		kind Kind
		body string
	}{
		{KindOutcomes, "phrase,category,negated,role\n\"gone, fully\",complete,none,\nmarked improvement,complete,none,\n"},
		{KindDiseases, "term,canonical,kind,icd10,group\nmorphea-like,morphea,synonym,,\nDermatoX,DermatoX,canonical,L99.1,test\n"},
		{KindSites, "term,site,region\ncheek,face,head and neck\n"},
		{KindSubtypes, "term,canonical,axis,condition\ntophaceous,tophaceous,type,gout\n"},
		{KindCues, "term,role\nseldom,negation\n"},
		{KindRoutes, "term,route,position\nnasal,nasal,before\nspray,nasal,after\n"},
		{KindNoFuzzy, "word\ndiltiazam\n"},
	}
	for _, s := range steps {
		if err := v.Extend(strings.NewReader(s.body), "user."+s.kind.String()+".csv", s.kind); err != nil {
			t.Fatalf("Extend %v: %v", s.kind, err)
		}
	}
	if o := v.Outcome("gone, fully"); o.Category != Complete || o.Status != StatusExact {
		t.Errorf("user phrase: %+v", o)
	}
	if o := v.Outcome("marked improvement"); o.Category != Complete {
		t.Errorf("user override of marked improvement: %v, want complete", o.Category)
	}
	if o := v.Outcome("seldom improved"); o.Category != None {
		t.Errorf("user negation cue: %v, want none", o.Category)
	}
	if o := v.Outcome("cheek: resolved; thigh: no change"); len(o.Sites) != 2 || o.Sites[0].Site != "face" {
		t.Errorf("user site: %+v", o.Sites)
	}
	if m := v.Disease("morphea-like"); m.Canonical != "morphea" || m.Code != "L94.0" {
		t.Errorf("user disease synonym: %+v", m)
	}
	if m := v.Disease("DermatoX"); m.Code != "L99.1" {
		t.Errorf("user disease: %+v", m)
	}
	if ms := v.Subtype("gout", "tophaceous gout"); len(ms) != 1 || ms[0].Canonical != "tophaceous" {
		t.Errorf("user subtype: %+v", ms)
	}
	if m := v.Drug("diltiazem spray", ""); m.Route != "nasal" || m.Code != "C08DB01" || m.Basis != "default" {
		t.Errorf("user route: %+v", m)
	}
	if m := Default().Drug("diltiazam", ""); m.Status != StatusFuzzy {
		t.Errorf("default: diltiazam = %v, want fuzzy", m.Status)
	}
	if m := v.Drug("diltiazam", ""); m.Status != StatusUnknown {
		t.Errorf("user nofuzzy word still matched: %+v", m)
	}
}

func TestExtendErrors(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		body string
		want []string // each must appear in the error text
	}{
		{"empty", KindDrugs, "# only a comment\n", []string{"empty.tsv:1: no header line"}},
		{"unknown column", KindDrugs, "term\tgeneric\tkind\tdose\n", []string{`unknown column.tsv:1:19: unknown column "dose" in a drugs file (known columns: term, generic, kind, class, atc, route, indication, parent, verified, components, other_atc, note)`}},
		{"missing column", KindDiseases, "term\tcanonical\n", []string{`missing column.tsv:1: header lacks required column "kind"`}},
		{"dup column", KindSites, "term\tsite\tterm\n", []string{`dup column.tsv:1:11: column "term" appears twice`}},
		{"bad kind", KindDrugs, "term\tgeneric\tkind\nfoo\tfoo\tbrnd\n", []string{`bad kind.tsv:2:9: column "kind": unknown value "brnd" (use one of: generic, brand, salt, abbreviation, synonym, misspelling, class, exclusion)`}},
		{"bad atc", KindDrugs, "term\tgeneric\tkind\tclass\tatc\nfoo\tfoo\tgeneric\tx\tC8DB01\n", []string{`bad atc.tsv:2:19: column "atc": "C8DB01" is not an ATC code`}},
		{"bad other atc", KindDrugs, "term\tgeneric\tkind\tclass\tother_atc\nfoo\tfoo\tgeneric\tx\tJ01FF01|J1FF01\n", []string{`bad other atc.tsv:2:19: column "other_atc": "J1FF01" is not an ATC code`}},
		{"other atc on brand", KindDrugs, "term\tgeneric\tkind\tclass\tother_atc\nfoo\tdiltiazem\tbrand\t\tC08DB01\n", []string{`column "other_atc": only rows of kind generic carry other_atc`}},
		{"generic mismatch", KindDrugs, "term\tgeneric\tkind\tclass\nfoo\tbar\tgeneric\tx\n", []string{`generic mismatch.tsv:2:5: column "generic": a row of kind generic must repeat its term`}},
		{"no class", KindDrugs, "term\tgeneric\tkind\nfoo\tfoo\tgeneric\n", []string{`no class.tsv:2: column "class": a generic row needs a drug class`}},
		{"code on synonym", KindDrugs, "term\tgeneric\tkind\tclass\tatc\nfoo\tdiltiazem\tbrand\t\tC08DB01\n", []string{`code on synonym.tsv:2:22: column "atc": only rows of kind generic carry atc`}},
		{"unknown generic", KindDrugs, "term\tgeneric\tkind\nfoo\tbarbarin\tbrand\n", []string{`unknown generic.tsv:2:5: column "generic": "barbarin" has no row of kind generic`}},
		{"form on a measure", KindScores, "term\tkind\tbetter\tform\nFOO\tmeasure\tlower\tjoined\n", []string{`column "form": only threshold rows carry a form`}},
		{"unknown form", KindScores, "term\tkind\tvalue\tcategory\tform\nFOO\tthreshold\t50\tpartial\tglued\n", []string{`column "form": unknown value "glued"`}},
		{"unknown route on brand", KindDrugs, "term\tgeneric\tkind\troute\nfoo\tdiltiazem\tbrand\tnasal\n", []string{`column "route": unknown route "nasal" (a brand row may name the route its name implies`}},
		{"unknown route", KindDrugs, "term\tgeneric\tkind\tclass\tatc\troute\nfoo\tfoo\tgeneric\tx\t\tnasal\n", []string{`unknown route.tsv:2:20: column "route": unknown route "nasal"`}},
		{"too many fields", KindCues, "term\trole\nno\tnegation\textra\n", []string{`too many fields.tsv:2:13: row has 3 fields but the header has 2`}},
		{"duplicate", KindCues, "term\trole\nhardly\tnegation\nHardly\tnegation\n", []string{`duplicate.tsv:3:1: column "term": duplicate entry "Hardly", first defined on line 2`}},
		{"bad category", KindOutcomes, "phrase\tcategory\ngone\tcomplet\n", []string{`bad category.tsv:2:6: column "category": unknown value "complet" (use one of: complete, partial, minimal, none, progression, not evaluable, not attributable)`}},
		{"bad icd", KindDiseases, "term\tcanonical\tkind\ticd10\tgroup\nfoo\tfoo\tcanonical\tM331\tx\n", []string{`bad icd.tsv:2:19: column "icd10": "M331" is not an ICD-10 code`}},
		{"empty term", KindSites, "term\tsite\n--\tthigh\n", []string{`empty term.tsv:2:1: column "term": empty value`}},
		{"csv quote", KindSites, "term,site\n\"thigh,thigh\n", []string{`csv quote.tsv:2:`, "quote the whole field"}},
		{"two words", KindNoFuzzy, "word\nlater on\n", []string{`two words.tsv:2:1: column "word": "later on" is not a single word`}},
		{"route no row", KindRoutes, "term\troute\nspray\tnasal\n", []string{`route no row.tsv:2:7: column "route": route "nasal" is not defined by a row of its own`}},
		{"conflict", KindDrugs, "term\tgeneric\tkind\tclass\tatc\troute\ndiltiazem\tnifedipine\tsynonym\n", []string{`term "diltiazem" maps to`}},
		{"several", KindCues, "term\trole\na\tnegation\nb\tfoo\nc\tbar\n", []string{"several.tsv:3:3", "several.tsv:4:3"}},
	}
	for _, tt := range tests {
		v := New()
		before := v.Drug("diltiazem", "")
		err := v.Extend(strings.NewReader(tt.body), tt.name+".tsv", tt.kind)
		if err == nil {
			t.Errorf("%s: Extend succeeded, want an error", tt.name)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error\n  %v\ndoes not contain\n  %s", tt.name, err, w)
			}
		}
		if after := v.Drug("diltiazem", ""); after.Canonical != before.Canonical || after.Code != before.Code {
			t.Errorf("%s: failed Extend changed the vocabulary", tt.name)
		}
	}
}

func TestExtendPositionErrorType(t *testing.T) {
	err := New().Extend(strings.NewReader("term\trole\nno\tfoo\n"), "cues.tsv", KindCues)
	var pe *PositionError
	if !errors.As(err, &pe) || pe.File != "cues.tsv" || pe.Line != 2 || pe.Col != 4 || pe.Field != "role" {
		t.Errorf("error = %#v, want *PositionError at cues.tsv:2:4 role", pe)
	}
}

func TestExtendPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"default":  func() { _ = Default().Extend(strings.NewReader(""), "x", KindDrugs) },
		"bad kind": func() { _ = New().Extend(strings.NewReader(""), "x", Kind(42)) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "vocab: ") {
					t.Errorf("%s: recover() = %v, want a vocab: panic", name, r)
				}
			}()
			f()
		}()
	}
}

func TestKind(t *testing.T) {
	for k := KindDrugs; k <= KindNoFuzzy; k++ {
		p, err := ParseKind(strings.ToUpper(k.String()))
		if err != nil || p != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.String(), p, err)
		}
	}
	if _, err := ParseKind("drug"); err == nil || !strings.Contains(err.Error(), "use one of: drugs, diseases") {
		t.Errorf("ParseKind(drug) error = %v", err)
	}
	if Kind(0).String() != "Kind(0)" {
		t.Errorf("Kind(0).String() = %q", Kind(0).String())
	}
}

func TestMatchStatusString(t *testing.T) {
	want := []string{"unknown", "exact", "synonym", "fuzzy", "ambiguous", "contained"}
	for i, w := range want {
		if got := MatchStatus(i).String(); got != w {
			t.Errorf("MatchStatus(%d) = %q, want %q", i, got, w)
		}
	}
}

// TestDocExample checks the extension example and error messages of docs/vocabulary.md.
func TestDocExample(t *testing.T) {
	v := New()
	doc := "# my_drugs.tsv\nterm\tgeneric\tkind\tclass\tatc\troute\tindication\npulsed dye laser\tpulsed dye laser\tgeneric\tprocedure\t\t*\nlaser\tpulsed dye laser\tsynonym\nFosfix\tsevelamer\tbrand\n"
	if err := v.Extend(strings.NewReader(doc), "my_drugs.tsv", KindDrugs); err != nil {
		t.Fatal(err)
	}
	if m := v.Drug("laser", ""); m.Canonical != "pulsed dye laser" || m.Class != "procedure" {
		t.Errorf("laser = %+v", m)
	}
	if m := v.Drug("Fosfix", ""); m.Canonical != "sevelamer" || m.Code != "V03AE02" {
		t.Errorf("Fosfix = %+v", m)
	}
	for body, want := range map[string]string{
		"term\tgeneric\tkind\tclass\tatc\troute\tindication\npulsed dye laser\tpulsed dye laser\tgeneric\tprocedure\t\t*\nlaser\tpulsed dye laser\tsynonym\nFosfix\tsevelamerx\tbrand\n": `my_drugs.tsv:4:8: column "generic": "sevelamerx" has no row of kind generic (add one with its class and ATC code, or map "Fosfix" onto an existing generic)`,
		"term\tgeneric\tkind\nFosfix\tsevelamer\tbrnd\n": `my_drugs.tsv:2:18: column "kind": unknown value "brnd" (use one of: generic, brand, salt, abbreviation, synonym, misspelling, class, exclusion)`,
	} {
		if err := New().Extend(strings.NewReader(body), "my_drugs.tsv", KindDrugs); err == nil || err.Error() != want {
			t.Errorf("error = %v\nwant    %s", err, want)
		}
	}
}

// TestTSVQuotesAreText checks that a TSV field beginning with a quotation mark is text: it
// once opened a quoted field that silently swallowed every row up to the next quote.
func TestTSVQuotesAreText(t *testing.T) {
	v := New()
	user := "phrase\tcategory\tnegated\trole\tnote\n" +
		"zorbified\tcomplete\tnone\t\t\"as in: the lesions zorbified\n" +
		"blorped\tprogression\tnone\t\tlater row that must survive\n" +
		"\"quoted\"\tpartial\tnone\t\t\n"
	if err := v.Extend(strings.NewReader(user), "my_outcomes.tsv", KindOutcomes); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want Category
	}{{"zorbified", Complete}, {"blorped", Progression}, {`"quoted"`, Partial}} {
		if got := v.Outcome(tt.text).Category; got != tt.want {
			t.Errorf("Outcome(%q) = %v, want %v (a quote in the file swallowed a row)", tt.text, got, tt.want)
		}
	}
}
