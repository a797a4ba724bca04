package pipeline

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// The tests below are the examples of issue 10's "Why", one each; the
// table-reading examples are in data (TestHeaderUnits,
// TestBareDurationBesideTreatment, TestMissingKeyColumn), csvio
// (TestWrongDelimiter) and cmd/tresp (TestExitCodes: a misspelled outcome
// header and an all-quarantined run exit 1), and the disease grouping in
// TestGroupUnknownDiseases and TestRatesByDiseaseGroup.

// ingestString ingests one case table given as text.
func ingestString(t *testing.T, csv string) *ingest.Ingested {
	t.Helper()
	p := writeFile(t, t.TempDir(), "cases.csv", csv)
	ing, err := ingest.Ingest([]ingest.Input{{Name: "cases.csv", Path: p}}, ingest.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ing
}

// treatmentCourses normalises one treatment cell per patient and returns
// each patient's courses, "drug" or "drug@dose mg/day", and the problems.
func treatmentCourses(t *testing.T, cells ...string) (map[string][]*cohort.Course, []string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("Study,Pt,Disease,Treatment,Outcome\n")
	for i, c := range cells {
		fmt.Fprintf(&b, "S,%d,dermatomyositis,%q,improved\n", i+1, c)
	}
	n, probs := normalise.Normalise(ingestString(t, b.String()), vocab.Default(), nil)
	by := map[string][]*cohort.Course{}
	for _, c := range n.Courses {
		by[c.CaseID] = append(by[c.CaseID], c)
	}
	var ps []string
	for _, p := range probs {
		ps = append(ps, p.Code+": "+p.Error())
	}
	return by, ps
}

func drugNames(cs []*cohort.Course) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.DrugName())
	}
	slices.Sort(out)
	return out
}

// A dotted frequency abbreviation split a dose cell and created a phantom
// procedure ("i.d" → incision and drainage) from its last letters.
func TestWhyDottedFrequency(t *testing.T) {
	by, probs := treatmentCourses(t, "Diltiazem 60 mg t.i.d. + sodium thiosulfate", "Prednisolone 10 mg b.i.d.", "Colchicine 0.5 mg q.i.d.", "Diltiazem 60 mg tid")
	for id, want := range map[string][]string{"1": {"diltiazem", "sodium thiosulfate"}, "2": {"prednisolone"}, "3": {"colchicine"}, "4": {"diltiazem"}} {
		if got := drugNames(by[id]); !slices.Equal(got, want) {
			t.Errorf("patient %s: courses %v, want %v", id, got, want)
		}
	}
	for id, want := range map[string]float64{"1": 180, "2": 20, "3": 2, "4": 180} {
		c := by[id][0]
		if math.Abs(c.Dose.Max-want) > 1e-9 || c.Dose.Unit != "mg/day" {
			t.Errorf("patient %s: %q → %v %s, want %v mg/day", id, c.DoseText, c.Dose.Max, c.Dose.Unit, want)
		}
	}
	for _, p := range probs {
		if strings.Contains(p, "no frequency") || strings.Contains(p, "unknown-term") {
			t.Errorf("unexpected problem %s", p)
		}
	}
}

// A dialysate described by its calcium content counted as the drug calcium.
func TestWhyDialysateCalcium(t *testing.T) {
	by, _ := treatmentCourses(t, "Haemodialysis with low dialysate calcium + cinacalcet 30 mg daily")
	if got := drugNames(by["1"]); !slices.Equal(got, []string{"cinacalcet", "hemodialysis"}) {
		t.Errorf("courses %v, want cinacalcet and hemodialysis, no calcium", got)
	}
}

// A procedure mentioned as having happened before the course counted as
// part of it.
func TestWhyProcedureBeforeIsPrior(t *testing.T) {
	by, probs := treatmentCourses(t, "Sodium thiosulfate after surgical excision", "Rituximab following CYC", "Surgical excision after failed diltiazem")
	for id, want := range map[string][2]string{"1": {"sodium thiosulfate", "surgical excision"}, "2": {"rituximab", "cyclophosphamide"}, "3": {"surgical excision", "diltiazem"}} {
		cs := by[id]
		if got := drugNames(cs); !slices.Equal(got, []string{want[0]}) {
			t.Errorf("patient %s: courses %v, want only %s", id, got, want[0])
			continue
		}
		if !slices.Equal(cs[0].PriorTreatments, []string{want[1]}) {
			t.Errorf("patient %s: prior %v, want %s", id, cs[0].PriorTreatments, want[1])
		}
		if cs[0].DoseText != "" {
			t.Errorf("patient %s: dose text %q from the timing words", id, cs[0].DoseText)
		}
	}
	for _, p := range probs {
		if strings.Contains(p, "after") || strings.Contains(p, "following") {
			t.Errorf("timing words in a problem: %s", p)
		}
	}
}

// Supportive care split into fragments.
func TestWhySupportiveCare(t *testing.T) {
	by, probs := treatmentCourses(t, "Supportive care, wound care and analgesia", "symptomatic treatment")
	for id, cs := range by {
		for _, c := range cs {
			if c.Drug.Canonical == "" {
				t.Errorf("patient %s: fragment %q not recognised", id, c.DrugRaw)
			}
		}
	}
	for _, p := range probs {
		if strings.HasPrefix(p, "unknown-term") {
			t.Error(p)
		}
	}
}

// Drugs common in the literature, old names and acronyms were unknown.
func TestWhyAcronyms(t *testing.T) {
	by, probs := treatmentCourses(t, "MMF 1 g bd", "CYC 750 mg IV monthly", "IVIG", "HCQ 200 mg bd", "MTX 15 mg weekly", "AZA 100 mg", "CsA", "TCZ 8 mg/kg")
	want := map[string]string{"1": "mycophenolate", "2": "cyclophosphamide", "3": "intravenous immunoglobulin", "4": "hydroxychloroquine",
		"5": "methotrexate", "6": "azathioprine", "7": "cyclosporine", "8": "tocilizumab"}
	for id, w := range want {
		if got := drugNames(by[id]); !slices.Equal(got, []string{w}) {
			t.Errorf("patient %s: %v, want %s", id, got, w)
		}
	}
	for _, p := range probs {
		if strings.HasPrefix(p, "unknown-term") {
			t.Error(p)
		}
	}
}

// TestWarningsGrouped: one warning per (code, column, value) with a row
// count and the first rows, in the user's header names; "45/F" in an
// "Age/Sex" column is no warning (issue 10).
func TestWarningsGrouped(t *testing.T) {
	var b strings.Builder
	b.WriteString("Study,Pt,Age/Sex,Dx,Rx,Outcome\n")
	for i := 1; i <= 7; i++ {
		fmt.Fprintf(&b, "S,%d,45/F,dermatomyositis,Zorbazumab 5 mg,improved\n", i)
	}
	b.WriteString("S,8,61/M,dermatomyositis,diltiazem 60 mg thrice,improved\n")
	ing := ingestString(t, b.String())
	_, probs := normalise.Normalise(ing, vocab.Default(), nil)
	groups := ingest.GroupProblems(append(ing.Problems, probs...), 1)
	var unknown *ingest.ProblemGroup
	for i, g := range groups {
		if g.Column == "Age/Sex" || g.Column == "age" || g.Code == "unit-missing" {
			t.Errorf("warning about Age/Sex: %s", g)
		}
		if g.Code == "unknown-term" && g.Value == "Zorbazumab" {
			if unknown != nil {
				t.Errorf("two groups for one term: %s / %s", unknown, g)
			}
			unknown = &groups[i]
		}
	}
	if unknown == nil {
		t.Fatalf("no unknown-term group: %v", groups)
	}
	if unknown.Rows != 7 || unknown.Column != "Rx" || len(unknown.First) != ingest.MaxGroupRows || unknown.First[0] != "cases.csv:2" {
		t.Errorf("group %+v: want 7 rows in column Rx, first cases.csv:2", *unknown)
	}
	if s := unknown.String(); !strings.Contains(s, `column "Rx": "Zorbazumab"`) || !strings.Contains(s, "7 rows: cases.csv:2, ") || !strings.HasSuffix(s, ", …") {
		t.Errorf("String() = %q", s)
	}
	for _, g := range groups {
		if g.Column == "dose" {
			t.Errorf("dose problem not in the user's column: %s", g)
		}
	}
}

// Weight-based doses were read as daily doses: with a weight column they
// are converted to mg, without one they stay per kg with a status.
func TestWhyWeightBasedDose(t *testing.T) {
	ing := ingestString(t, "Study,Pt,Weight (kg),Dx,Rx,Outcome\n"+
		"S,1,50,Kawasaki disease,IVIG 2 g/kg monthly,improved\n"+
		"S,2,,Kawasaki disease,IVIG 2 g/kg monthly,improved\n")
	n, _ := normalise.Normalise(ing, vocab.Default(), nil)
	by := map[string]*cohort.Course{}
	for _, c := range n.Courses {
		by[c.CaseID] = c
	}
	// 2 g/kg × 50 kg = 100,000 mg every 30.4375 days (a mean month).
	if c := by["1"]; c.Dose.Unit != "mg/day" || math.Abs(c.Dose.Max-100000/30.4375) > 1e-6 {
		t.Errorf("with weight: %v %s", c.Dose.Max, c.Dose.Unit)
	}
	if c := by["2"]; c.Dose.Unit != "mg/kg/day" || math.Abs(c.Dose.Max-2000/30.4375) > 1e-9 {
		t.Errorf("without weight: %v %s", c.Dose.Max, c.Dose.Unit)
	}
}
