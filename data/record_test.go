package data

import (
	"strings"
	"testing"
)

func mustMap(t *testing.T, headers []string, opt MapOptions) *Mapping {
	t.Helper()
	m, _, err := NewMapping("t.csv", headers, opt)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNewMapping(t *testing.T) {
	m, probs, err := NewMapping("t.csv", []string{"Study", "Pt", "Age/Sex", "Drug", "Outcome", "Serum calcium (mg/dL)", "Colour", ""}, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Kind != CaseTable {
		t.Errorf("kind = %v", m.Kind)
	}
	if m.Index[FieldCaseID] != 1 || m.Index[FieldAgeSex] != 2 {
		t.Errorf("index = %v", m.Index)
	}
	if c := m.Columns[5]; c.Lab != "calcium" || c.Unit != "mg/dL" {
		t.Errorf("lab column = %+v", c)
	}
	if got := m.ExtraHeaders(); len(got) != 2 || got[0] != "Colour" {
		t.Errorf("extra = %q", got)
	}
	if len(probs) != 2 || probs[0].Code != "unknown-column" || probs[0].Column != "Colour" {
		t.Errorf("problems = %v", probs)
	}
}

func TestNewMappingErrors(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		opt     MapOptions
		want    string
	}{
		{"duplicate field", []string{"Patient", "Pt"}, MapOptions{}, "both map to field case_id"},
		{"no headers", []string{"", " "}, MapOptions{}, "no column headers"},
		{"explicit to nothing", []string{"Rx"}, MapOptions{Explicit: map[string]string{"rx": "therapyx"}}, "names no field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := NewMapping("t.csv", tt.headers, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "t.csv: ") {
				t.Errorf("error %q does not start with the file", err)
			}
		})
	}
}

func TestExplicitMapping(t *testing.T) {
	m := mustMap(t, []string{"Ref", "Pt no", "Rx", "Ca", "Misc"}, MapOptions{Explicit: map[string]string{
		"Pt no": "case_id", "rx": "treatment", "Ca": "lab:calcium", "MISC": "extra"}})
	if m.Index[FieldCaseID] != 1 || m.Index[FieldTreatment] != 2 || m.Columns[3].Lab != "calcium" || m.Columns[4].How != "config" {
		t.Errorf("mapping = %+v", m.Columns)
	}
}

func TestStudyFromFileName(t *testing.T) {
	m, _, _ := NewMapping("dir/smith_2020.cases.csv", []string{"Pt", "Drug", "Outcome"}, MapOptions{StudyFromFileName: true})
	r, probs := m.Record(2, []string{"1", "diltiazem", "improved"})
	if r.Get(FieldStudy) != "smith_2020" || len(probs) != 0 {
		t.Errorf("study = %q, problems %v", r.Get(FieldStudy), probs)
	}
}

func TestRecordChecks(t *testing.T) {
	m := mustMap(t, []string{"Study", "Pt", "Age/Sex", "Drug", "Outcome"}, MapOptions{})
	tests := []struct {
		name  string
		cells []string
		codes []string
	}{
		{"ok", []string{"S", "1", "45/F", "diltiazem", "improved"}, nil},
		{"missing study", []string{"", "1", "", "diltiazem", "x"}, []string{"missing-study"}},
		{"missing case", []string{"S", "", "", "diltiazem", "x"}, []string{"missing-case-id"}},
		{"missing drug", []string{"S", "1", "", "", "x"}, []string{"missing-treatment"}},
		{"missing outcome", []string{"S", "1", "", "d", ""}, []string{"missing-outcome"}},
		{"ragged", []string{"S", "1", "", "d", "x", "extra!"}, []string{"ragged-row"}},
		{"ragged empty tail", []string{"S", "1", "", "d", "x", ""}, nil},
		{"short", []string{"S", "1", "", "d"}, []string{"short-row", "missing-outcome"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, probs := m.Record(7, tt.cells)
			var codes []string
			for _, p := range probs {
				codes = append(codes, p.Code)
				if p.Line != 7 || p.File != "t.csv" {
					t.Errorf("problem without position: %+v", p)
				}
			}
			if strings.Join(codes, ",") != strings.Join(tt.codes, ",") {
				t.Errorf("codes = %v, want %v", codes, tt.codes)
			}
			if tt.name == "ok" && (r.Get(FieldAge) != "45" || r.Get(FieldSex) != "F") {
				t.Errorf("age/sex split = %q %q", r.Get(FieldAge), r.Get(FieldSex))
			}
		})
	}
}

func TestStudyTableChecks(t *testing.T) {
	m := mustMap(t, []string{"Study", "Drug", "Treated", "Responders", "Not evaluable", "Complete", "Partial", "Minimal", "No response", "Progression"}, MapOptions{})
	if m.Kind != StudyTable {
		t.Fatalf("kind = %v", m.Kind)
	}
	tests := []struct {
		cells []string
		code  string
	}{
		{[]string{"S", "d", "5", "3", "1", "2", "1", "1", "0", "0"}, ""},
		{[]string{"S", "d", "5", "3", "", "", "", "", "", ""}, ""},
		{[]string{"S", "d", "5", "x", "", "", "", "", "", ""}, "bad-count"},
		{[]string{"S", "d", "5", "", "", "", "", "", "", ""}, "missing-count"},
		{[]string{"S", "d", "5", "5", "1", "", "", "", "", ""}, "counts-exceed-treated"},
		{[]string{"S", "d", "5", "3", "0", "2", "1", "1", "0", "0"}, "category-sum"},
		{[]string{"S", "", "5", "3", "", "", "", "", "", ""}, "missing-drug"},
		{[]string{"S", "d", "-1", "0", "", "", "", "", "", ""}, "bad-count"},
	}
	for _, tt := range tests {
		_, probs := m.Record(3, tt.cells)
		got := ""
		if len(probs) > 0 {
			got = probs[0].Code
		}
		if got != tt.code {
			t.Errorf("%v: code %q, want %q (%v)", tt.cells, got, tt.code, probs)
		}
	}
}

func TestLabTable(t *testing.T) {
	m := mustMap(t, []string{"Study", "Case", "Analyte", "Value", "Unit"}, MapOptions{})
	if m.Kind != LabTable {
		t.Fatalf("kind = %v", m.Kind)
	}
	r, probs := m.Record(2, []string{"S", "1", "serum calcium", "8.5", "mg/dl"})
	if len(probs) != 0 || len(r.Labs) != 1 || r.Labs[0].Value != "8.5" {
		t.Errorf("lab = %+v %v", r.Labs, probs)
	}
	_, probs = m.Record(3, []string{"S", "1", "serum calcium", "", "mg/dl"})
	if len(probs) != 1 || probs[0].Code != "missing-lab_value" {
		t.Errorf("problems = %v", probs)
	}
}

func TestProblemError(t *testing.T) {
	p := Problem{File: "cases.csv", Line: 14, Column: "Dose", Value: "60 mg thrice", Reason: "unknown frequency", Hint: "add it to the vocabulary"}
	want := `cases.csv:14: column "Dose": "60 mg thrice": unknown frequency (add it to the vocabulary)`
	if got := p.Error(); got != want {
		t.Errorf("Error() = %s\nwant      %s", got, want)
	}
}
