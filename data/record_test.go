package data

import (
	"errors"
	"strconv"
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
	// the unnamed last column is dropped (issue 13), said once
	if got := m.ExtraHeaders(); len(got) != 1 || got[0] != "Colour" || m.Unnamed != 1 {
		t.Errorf("extra = %q, unnamed = %d", got, m.Unnamed)
	}
	if len(probs) != 2 || probs[0].Code != "unnamed-columns" || probs[1].Code != "unknown-column" || probs[1].Column != "Colour" {
		t.Errorf("problems = %v", probs)
	}
}

// TestUnnamedColumnsCheap (issue 13): a header of a million empty names
// after the named ones costs nothing per row: the unnamed columns are
// dropped from the mapping, a cell with text in them is one warning per
// row, a cell past the header's width is still a ragged row, and a header
// of more than MaxColumns named columns is refused.
func TestUnnamedColumnsCheap(t *testing.T) {
	h := append([]string{"Study", "Pt", "Drug", "Outcome"}, make([]string, 1000000)...)
	m, probs, err := NewMapping("t.csv", h, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Columns) != 4 || m.Unnamed != 1000000 || len(m.Extra) != 0 {
		t.Fatalf("%d columns, %d unnamed, %d extra; want 4, 1000000, 0", len(m.Columns), m.Unnamed, len(m.Extra))
	}
	if len(probs) != 1 || probs[0].Code != "unnamed-columns" || probs[0].Severity != Info {
		t.Errorf("header problems = %v, want one unnamed-columns note", probs)
	}
	row := make([]string, len(h))
	copy(row, []string{"S", "1", "diltiazem", "improved"})
	row[10], row[20] = "stray", "text"
	rec, probs := m.Record(2, row)
	if len(probs) != 1 || probs[0].Code != "unnamed-cell" || probs[0].Severity != Warning || probs[0].Value != "stray" {
		t.Errorf("row problems = %v, want one unnamed-cell warning", probs)
	}
	if rec.Get(FieldDrug) != "diltiazem" {
		t.Errorf("drug = %q", rec.Get(FieldDrug))
	}
	_, probs = m.Record(3, append(row, "past the end"))
	if len(probs) != 2 || probs[1].Code != "ragged-row" {
		t.Errorf("row past the header's width: %v, want unnamed-cell and ragged-row", probs)
	}
	wide := make([]string, MaxColumns+1)
	for i := range wide {
		wide[i] = "c" + strconv.Itoa(i)
	}
	if _, _, err := NewMapping("t.csv", append([]string{"Study", "Pt", "Drug"}, wide...), MapOptions{}); err == nil || !strings.Contains(err.Error(), "more than 16384") {
		t.Errorf("a header of %d columns: %v, want too-many-columns", MaxColumns+4, err)
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
	m := mustMap(t, []string{"Ref", "Pt no", "Rx", "Ca", "Misc", "Outcome"}, MapOptions{Explicit: map[string]string{
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

// TestHeaderUnits: a unit in the header is given to every bare number of a
// numeric column, and reported once per column (issue 10: "Follow-up
// (months)" and "Age (years)" were ignored).
func TestHeaderUnits(t *testing.T) {
	m, probs, err := NewMapping("t.csv", []string{"Pt", "Age (years)", "Rx", "Duration (weeks)", "Follow-up (months)", "Dose (mg)", "Outcome"}, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	units := 0
	for _, p := range probs {
		if p.Code == "header-unit" {
			units++
		}
	}
	if units != 4 {
		t.Errorf("%d header-unit reports, want 4 (age, duration, follow-up, dose): %v", units, probs)
	}
	r, _ := m.Record(2, []string{"1", "45", "diltiazem", "16", "12", "60", "improved"})
	for f, want := range map[Field]string{FieldAge: "45 years", FieldTreatmentDuration: "16 weeks", FieldFollowUp: "12 months", FieldDose: "60"} {
		if f == FieldDose {
			want = "60 mg"
		}
		if got := r.Get(f); got != want {
			t.Errorf("%s = %q, want %q", f, got, want)
		}
	}
	// A cell with its own unit keeps it.
	r, _ = m.Record(3, []string{"1", "18 months", "diltiazem", "2 years", "6 weeks", "", "improved"})
	if r.Get(FieldAge) != "18 months" || r.Get(FieldTreatmentDuration) != "2 years" || r.Get(FieldFollowUp) != "6 weeks" {
		t.Errorf("cells with units changed: %q %q %q", r.Get(FieldAge), r.Get(FieldTreatmentDuration), r.Get(FieldFollowUp))
	}
}

// TestBareDurationBesideTreatment: a bare "Duration" beside the treatment
// is the treatment's duration, with a note; without a treatment column it
// stays an unknown column.
func TestBareDurationBesideTreatment(t *testing.T) {
	m, probs, err := NewMapping("t.csv", []string{"Pt", "Treatment", "Duration", "Outcome"}, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Index[FieldTreatmentDuration] != 2 {
		t.Errorf("Duration mapped to %v", m.Columns[2])
	}
	noted := false
	for _, p := range probs {
		noted = noted || p.Code == "duration-is-treatment-duration" && p.Column == "Duration"
		if p.Code == "unknown-column" {
			t.Errorf("unexpected %v", p)
		}
	}
	if !noted {
		t.Errorf("no note about Duration: %v", probs)
	}
	m, _, _ = NewMapping("t.csv", []string{"Study", "Drug", "Treated", "Responders", "Duration"}, MapOptions{})
	if m.Index[FieldTreatmentDuration] != 4 {
		t.Errorf("study table: Duration mapped to %v", m.Columns[4])
	}
}

// TestNewAliases: the headers clinicians use for outcome, treatment and
// diagnosis.
func TestNewAliases(t *testing.T) {
	for h, want := range map[string]Field{"Outcomes": FieldOutcome, "Result": FieldOutcome, "Response": FieldOutcome,
		"Rx": FieldTreatment, "Tx": FieldTreatment, "Therapy": FieldTreatment, "Intervention": FieldTreatment,
		"Dx": FieldDisease, "Diagnosis": FieldDisease, "Follow up (months)": FieldUnknown} {
		if want == FieldUnknown {
			continue
		}
		if f, ok := FieldByName(h); !ok || f != want {
			t.Errorf("%q → %v, want %v", h, f, want)
		}
	}
}

// TestMissingKeyColumn: a case table without its outcome (or treatment, or
// case id) column is one file-level error naming the near-miss header,
// never a run of 0 % (issue 10).
func TestMissingKeyColumn(t *testing.T) {
	for _, tt := range []struct {
		headers []string
		want    string
	}{
		{[]string{"Study", "Pt", "Drug", "Outcom"}, `did you mean "Outcom" → outcome?`},
		{[]string{"Study", "Pt", "Treatmnt", "Outcome"}, `"Treatmnt" → treatment`},
		{[]string{"Study", "Name", "Drug", "Outcome"}, "no case_id column"},
		{[]string{"Study", "Pt", "Drug", "Notes"}, "no outcome column"},
	} {
		_, _, err := NewMapping("t.csv", tt.headers, MapOptions{})
		var ie *InputError
		if !errors.As(err, &ie) || ie.Code != "missing-key-column" || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: err = %v, want missing-key-column with %q", tt.headers, err, tt.want)
		}
	}
}

// TestAgeSexNoWarning: "45/F" in an "Age/Sex" column is read, with no
// problem.
func TestAgeSexNoWarning(t *testing.T) {
	m := mustMap(t, []string{"Study", "Pt", "Age/Sex", "Drug", "Outcome"}, MapOptions{})
	r, probs := m.Record(2, []string{"S", "1", "45/F", "diltiazem", "improved"})
	if len(probs) != 0 || r.Get(FieldAge) != "45" || r.Get(FieldSex) != "F" {
		t.Errorf("age %q sex %q problems %v", r.Get(FieldAge), r.Get(FieldSex), probs)
	}
}

// TestRecordGetSet checks the compact record: every field reads back what
// was set, in any order, an empty text removes the field, and Set leaves a
// copy of the record as it was.
func TestRecordGetSet(t *testing.T) {
	tests := []struct {
		name string
		sets []Field // set in this order, each to its own name
		drop []Field // then set to ""
	}{
		{"none", nil, nil},
		{"in order", []Field{FieldStudy, FieldCaseID, FieldDrug}, nil},
		{"out of order", []Field{FieldOutcome, FieldStudy, Field(NumFields - 1), FieldAge}, nil},
		{"emptied", []Field{FieldStudy, FieldDrug, FieldOutcome}, []Field{FieldDrug}},
		{"all", func() (fs []Field) {
			for f := range NumFields {
				fs = append(fs, Field(f))
			}
			return fs
		}(), []Field{0, Field(NumFields - 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Record
			want := map[Field]string{}
			for _, f := range tt.sets {
				r.Set(f, "v"+f.String())
				want[f] = "v" + f.String()
			}
			before := r
			for _, f := range tt.drop {
				r.Set(f, "")
				delete(want, f)
			}
			for f := range NumFields {
				if got := r.Get(Field(f)); got != want[Field(f)] {
					t.Errorf("Get(%s) = %q, want %q", Field(f), got, want[Field(f)])
				}
			}
			if len(r.Texts) != len(want) {
				t.Errorf("%d texts kept for %d filled fields", len(r.Texts), len(want))
			}
			for _, f := range tt.drop {
				if got := before.Get(f); got != "v"+f.String() {
					t.Errorf("a copy taken before Set(%s, \"\") reads %q", f, got)
				}
			}
		})
	}
}
