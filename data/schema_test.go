package data

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestEveryAlias checks that every documented alias, written the ways
// clinicians write headers, maps to its field.
func TestEveryAlias(t *testing.T) {
	variants := func(a string) []string {
		return []string{a, strings.ToUpper(a), titleCase(a), strings.ReplaceAll(a, " ", "_"),
			strings.ReplaceAll(a, " ", "."), " " + a + ". ", strings.ReplaceAll(a, " ", "-")}
	}
	n := 0
	for _, s := range Specs {
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			for _, v := range variants(a) {
				got, ok := FieldByName(v)
				if !ok || got != s.Field {
					t.Errorf("FieldByName(%q) = %v, %v; want %v", v, got, ok, s.Field)
				}
				n++
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d alias variants checked", n)
	}
}

func TestHeaderExamples(t *testing.T) {
	tests := []struct {
		header string
		want   Field
	}{
		{"Pt", FieldCaseID},
		{"Patient", FieldCaseID},
		{"Case no.", FieldCaseID},
		{"Age/Sex", FieldAgeSex},
		{"Underlying disease", FieldDisease},
		{"Treatment", FieldTreatment},
		{"Outcome", FieldOutcome},
		{"Follow-up", FieldFollowUp},
		{"\ufeffStudy", FieldStudy}, // a BOM is not a letter
	}
	for _, tt := range tests {
		got, _ := FieldByName(tt.header)
		if got != tt.want {
			t.Errorf("FieldByName(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestSplitHeaderUnit(t *testing.T) {
	tests := []struct{ in, name, unit string }{
		{"Serum calcium (mg/dL)", "Serum calcium", "mg/dL"},
		{"Follow-up [months]", "Follow-up", "months"},
		{"Age", "Age", ""},
		{"(mg)", "(mg)", ""},
		{"", "", ""},
		{"Dose (mg) (per day)", "Dose (mg)", "per day"},
	}
	for _, tt := range tests {
		n, u := SplitHeaderUnit(tt.in)
		if n != tt.name || u != tt.unit {
			t.Errorf("SplitHeaderUnit(%q) = %q, %q; want %q, %q", tt.in, n, u, tt.name, tt.unit)
		}
	}
}

func TestSplitAgeSex(t *testing.T) {
	tests := []struct{ in, age, sex string }{
		{"45/F", "45", "F"},
		{"69 years/M", "69 years", "M"},
		{"F/45", "45", "F"},
		{"69 M", "69", "M"},
		{"54 years female", "54 years", "F"},
		{"18 months", "18 months", ""},
		{"45-F", "45", "F"},
		{"-5/F", "-5", "F"}, // the sign stays for the age parser to refuse
		{"F-45", "45", "F"},
		{"male", "", "M"},
		{"", "", ""},
	}
	for _, tt := range tests {
		a, s := SplitAgeSex(tt.in)
		if a != tt.age || s != tt.sex {
			t.Errorf("SplitAgeSex(%q) = %q, %q; want %q, %q", tt.in, a, s, tt.age, tt.sex)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("abcdef", 3); got != "abc…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("aé", 2); got != "a…" {
		t.Errorf("Truncate on a rune boundary = %q", got)
	}
}

// TestSchemaDoc keeps docs/schema.md in step with Specs.
func TestSchemaDoc(t *testing.T) {
	const path = "../docs/schema.md"
	want := SchemaMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./data -run TestSchemaDoc -update)", err)
	}
	if string(got) != want {
		t.Errorf("docs/schema.md is out of date: run go test ./data -run TestSchemaDoc -update")
	}
}

// titleCase upper-cases the first letter of every space-separated word.
func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		w[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return strings.Join(w, " ")
}
