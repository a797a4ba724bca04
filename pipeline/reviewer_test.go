package pipeline

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/normalise"
)

// The findings of a reviewer who ran real-style sheets through tresp (issue 10), one test
// each; the vocabulary findings are in data/vocab (TestDiseaseReviewerCells,
// TestDrugReviewerTerms) and the dose findings in data/units (TestDoseSchedules).

// reviewerCourses normalises a case table and returns the courses by case id, each as
// "drug@dose text", and the problem codes with their values.
func reviewerCourses(t *testing.T, csv string) (map[string][]*cohort.Course, []data.Problem) {
	t.Helper()
	n, probs := normalise.Normalise(ingestString(t, csv), vocab.Default(), nil)
	by := map[string][]*cohort.Course{}
	for _, c := range n.Courses {
		by[c.CaseID] = append(by[c.CaseID], c)
	}
	return by, probs
}

func courseOf(cs []*cohort.Course, drug string) *cohort.Course {
	for _, c := range cs {
		if c.DrugName() == drug {
			return c
		}
	}
	return nil
}

// "HLH-2004 (etoposide + dex + CsA)" dropped dexamethasone and gave the dose texts ")"
// and "dex"; "posaconazole salvage after L-AmB" lost amphotericin and had the dose text
// "salvage after"; "tocilizumab sc" had the dose text "sc" and its Dosage cell was
// ignored; with several drugs in the treatment cell the Dose column was dropped for all.
func TestReviewerTreatmentCells(t *testing.T) {
	by, probs := reviewerCourses(t, `Study,Pt,Disease,Treatment,Dosage,Weight,Outcome
S,1,HLH,HLH-2004 (etoposide + dex + CsA),,,complete response
S,2,"Rhino-orbital mucormycosis, AML",posaconazole salvage after L-AmB,300 mg daily,,improved
S,3,RA,tocilizumab sc,162 mg qw,,improved
S,4,SLE,MMF + pred,"MMF 1 g bd; pred 40 mg/d",,improved
S,5,TTP,PE + pred,1 g x2,,improved
S,6,DLBCL,R-CHOP,x 6 cycles,,complete response
S,7,ITP,IVIG,1 g/kg x2,60,improved
S,8,zygomycosis,POS,300 mg daily,,improved
`)
	want := map[string][]string{
		"1": {"cyclosporine", "dexamethasone", "etoposide"},
		"2": {"posaconazole"},
		"3": {"tocilizumab"},
		"4": {"mycophenolate", "prednisone"},
		"5": {"plasma exchange", "prednisone"},
		"6": {"cyclophosphamide", "doxorubicin", "prednisone", "rituximab", "vincristine"},
		"7": {"intravenous immunoglobulin"},
		"8": {"posaconazole"},
	}
	for id, w := range want {
		if got := drugNames(by[id]); strings.Join(got, ",") != strings.Join(w, ",") {
			t.Errorf("patient %s: courses %v, want %v", id, got, w)
		}
	}
	for _, c := range by["1"] {
		if c.DoseText != "" || c.Protocol != "HLH-2004" {
			t.Errorf("patient 1: %s dose text %q protocol %q, want none and HLH-2004", c.DrugName(), c.DoseText, c.Protocol)
		}
	}
	if c := by["2"][0]; c.DoseText != "300 mg daily" || strings.Join(c.PriorTreatments, ";") != "amphotericin B" || c.Dose.Max != 300 {
		t.Errorf("patient 2: dose %q (%v mg/day), prior %q; want the Dosage cell and prior amphotericin B", c.DoseText, c.Dose.Max, c.PriorTreatments)
	}
	if c := by["3"][0]; c.DoseText != "162 mg qw" || c.Route != "subcutaneous" || math.Abs(c.Dose.Max-162.0/7) > 1e-9 {
		t.Errorf("patient 3: dose %q route %q %v mg/day; want 162 mg qw, subcutaneous, 23.14", c.DoseText, c.Route, c.Dose.Max)
	}
	if m, p := courseOf(by["4"], "mycophenolate"), courseOf(by["4"], "prednisone"); m == nil || p == nil || m.Dose.Max != 2000 || p.Dose.Max != 40 {
		t.Errorf("patient 4: the Dosage cell naming both drugs is not attributed to each")
	}
	for _, c := range by["5"] {
		if c.DoseText != "" {
			t.Errorf("patient 5: %s got the dose %q that names no drug", c.DrugName(), c.DoseText)
		}
	}
	for _, c := range by["6"] {
		if c.Dose.Schedule != "x 6 cycles" || c.Protocol != "R-CHOP" {
			t.Errorf("patient 6: %s schedule %q protocol %q", c.DrugName(), c.Dose.Schedule, c.Protocol)
		}
	}
	// the Dose column of a single course is parsed with the weight (60 kg): 2 × 60 g
	if c := by["7"][0]; c.Dose.Total != 120000 || c.Dose.Unit != "mg/day" {
		t.Errorf("patient 7: total %v %s, want 120000 mg (weight applied)", c.Dose.Total, c.Dose.Unit)
	}
	unattributed := 0
	for _, p := range probs {
		switch p.Code {
		case "unknown-term":
			t.Errorf("unexpected %s", p.Error())
		case "dose-unattributed":
			unattributed++
			if p.Line != 6 || p.Column != "Dosage" {
				t.Errorf("dose-unattributed at line %d column %q, want 6 Dosage", p.Line, p.Column)
			}
		}
	}
	if unattributed != 1 {
		t.Errorf("%d dose-unattributed warnings, want 1 (patient 5)", unattributed)
	}
}

// "Disease / comorbidities", "Rx duration" and "Sessions/Dose" were unknown columns; a
// BSA, or a height beside the weight, turns mg/m² into mg.
func TestReviewerHeaders(t *testing.T) {
	for h, f := range map[string]data.Field{"Disease / comorbidities": data.FieldDisease, "Rx duration": data.FieldTreatmentDuration,
		"Sessions/Dose": data.FieldDose, "BSA": data.FieldBSA, "Height (cm)": data.FieldHeight, "Schedule": data.FieldFrequency} {
		name, _ := data.SplitHeaderUnit(h)
		if got, ok := data.FieldByName(name); !ok || got != f {
			t.Errorf("header %q → %v, want %v", h, got, f)
		}
	}
	by, probs := reviewerCourses(t, `Study,Pt,Disease / comorbidities,Treatment,Sessions/Dose,Rx duration,Weight,Height (cm),BSA,Outcome
S,1,"RA, T2DM",RTX,375mg/m2 x4,4 weeks,70,170,,improved
S,2,GPA,RTX,375 mg/m2 weekly x 4,,,,1.8,improved
`)
	for _, p := range probs {
		if p.Code == "unknown-column" {
			t.Errorf("unexpected %s", p.Error())
		}
	}
	// Mosteller: √(170 × 70 / 3600) m²; 4 doses over the 28 days of the course
	bsa := math.Sqrt(170.0 * 70 / 3600)
	if c := by["1"][0]; c.DiseaseName() != "rheumatoid arthritis" || math.Abs(c.Dose.Mean-375*bsa*4/28) > 1e-9 || c.Dose.Unit != "mg/day" {
		t.Errorf("patient 1: %s, mean %v %s; want rheumatoid arthritis, %v mg/day", c.DiseaseName(), c.Dose.Mean, c.Dose.Unit, 375*bsa*4/28)
	}
	if c := by["2"][0]; math.Abs(c.Dose.Max-375*1.8/7) > 1e-9 || c.Dose.Schedule != "weekly × 4" {
		t.Errorf("patient 2: %v %s schedule %q", c.Dose.Max, c.Dose.Unit, c.Dose.Schedule)
	}
}

// Daily doses were printed with 16 digits in normalised/cases.csv; mg/kg courses were
// left out of the dose–response figure without a word.
func TestReviewerDoseOutputs(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Inputs = []string{writeFile(t, dir, "cases.csv", `Study,Pt,Disease,Treatment,Dose,Outcome
S,1,ITP,romiplostim,3 mcg/kg weekly,complete response
S,2,ITP,eltrombopag,50 mg daily,partial response
S,3,AIHA,RTX,375 mg/m2 weekly x 4,complete response
S,4,ITP,eltrombopag,75 mg daily,no response
`)}
	cfg.Out = filepath.Join(dir, "out")
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	for _, r := range readCSV(t, filepath.Join(cfg.Out, "normalised", "cases.csv")) {
		if r["drug"] == "rituximab" && (r["dose_max_per_day"] != "53.57" || r["dose_mean_per_day"] != "53.57" || r["dose_course_total"] != "1500" || r["dose_schedule"] != "weekly × 4") {
			t.Errorf("rituximab row: max %q mean %q total %q schedule %q", r["dose_max_per_day"], r["dose_mean_per_day"], r["dose_course_total"], r["dose_schedule"])
		}
	}
	for name, want := range map[string]string{
		"dose_response.caption.md":        "Not shown here: 1 course dosed in mg/kg/day (in the mg/kg figure); 1 course dosed in mg/m²/day.",
		"dose_response_per_kg.caption.md": "Not shown here: 2 courses dosed in mg/day (in the mg/day figure); 1 course dosed in mg/m²/day.",
	} {
		b, err := os.ReadFile(filepath.Join(cfg.Out, "figures", name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s does not say %q:\n%s", name, want, b)
		}
	}
}
