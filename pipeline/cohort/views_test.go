package cohort

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/config"
)

// course makes a course of a patient with a mg/day dose (NaN: none) and a
// classified outcome.
func course(study, cas, drug string, dose float64, cat vocab.Category) *Course {
	unknown := func() *units.Duration { return &units.Duration{Days: math.NaN()} }
	c := &Course{Study: study, CaseID: cas, Drug: &vocab.Match{Canonical: drug}, DrugRaw: drug, Disease: &vocab.Match{},
		Dose: &units.Dose{Unit: "mg/day", Max: dose, Start: dose}, Age: &units.Age{Years: math.NaN()}, Size: &units.Size{},
		DiseaseDu: unknown(), CondDu: unknown(), TreatDu: unknown(), FollowUp: unknown(), TimeToRsp: unknown(),
		Outcome: &vocab.OutcomeMatch{Category: cat}}
	c.OutcomeText = cat.String()
	return c
}

// TestDoseSample: a drug with more than DoseSample courses shows exactly
// DoseSample of them, the same ones whatever the order of the rows, in
// course order; the counts are of every course; implausible doses are
// left out and counted; at most DoseMaxDrugs drugs are shown.
func TestDoseSample(t *testing.T) {
	var cs []*Course
	for i := 0; i < 1000; i++ {
		cs = append(cs, course(fmt.Sprintf("S%d", i%7), fmt.Sprint(i), "prednisolone", float64(5+i%60), vocab.Partial))
	}
	for i := 0; i < 40; i++ {
		cs = append(cs, course("S1", fmt.Sprint(2000+i), "prednisolone", 5000, vocab.Complete)) // above 250 mg/day
	}
	for d := 0; d < DoseMaxDrugs+3; d++ {
		for i := 0; i <= d; i++ {
			cs = append(cs, course("S2", fmt.Sprintf("d%d-%d", d, i), fmt.Sprintf("drug%02d", d), 10, vocab.None))
		}
	}
	ids := func(v DoseView) []string {
		var out []string
		for _, p := range v.Units[0].Points {
			out = append(out, p.Study+"/"+p.CaseID+"/"+p.Drug)
		}
		return out
	}
	v := doseView(cs)
	if len(v.Units) != 1 || v.Units[0].Unit != "mg/day" {
		t.Fatalf("units = %+v, want mg/day only", v.Units)
	}
	du := v.Units[0]
	if v.Implausible != 40 {
		t.Errorf("Implausible = %d, want 40", v.Implausible)
	}
	if du.Drugs != DoseMaxDrugs+4 || len(du.Shown) != DoseMaxDrugs {
		t.Errorf("Drugs = %d, shown %d; want %d of %d", du.Drugs, len(du.Shown), DoseMaxDrugs, DoseMaxDrugs+4)
	}
	if !slices.IsSortedFunc(du.Shown, func(a, b DoseDrug) int { return compareStrings(a.Drug, b.Drug) }) {
		t.Errorf("shown drugs not in name order: %+v", du.Shown)
	}
	perDrug := map[string]int{}
	for _, p := range du.Points {
		perDrug[p.Drug]++
	}
	for _, d := range du.Shown {
		want := d.Courses
		if d.Drug == "prednisolone" {
			if d.Courses != 1000 || !d.Sampled() {
				t.Errorf("prednisolone: %+v, want 1000 courses, sampled", d)
			}
			want = DoseSample
		}
		if d.Drawn != want || perDrug[d.Drug] != want {
			t.Errorf("%s: drawn %d, %d points; want %d", d.Drug, d.Drawn, perDrug[d.Drug], want)
		}
	}
	if perDrug["drug00"]+perDrug["drug01"]+perDrug["drug02"] != 0 {
		t.Errorf("the smallest drugs are drawn: %v", perDrug)
	}
	// by study and case (course order within a patient), and the same points after
	// shuffling the rows
	want := ids(v)
	for _, du := range v.Units {
		if !slices.IsSortedFunc(du.Points, func(a, b DosePoint) int {
			return compareStrings(a.Study+"\x00"+a.CaseID, b.Study+"\x00"+b.CaseID)
		}) {
			t.Error("points are not in study and case order")
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 3; k++ {
		sh := slices.Clone(cs)
		r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		got := ids(doseView(sh))
		slices.Sort(got)
		w := slices.Clone(want)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Fatalf("shuffle %d: a different sample (%d points, want %d)", k, len(got), len(w))
		}
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestSwimmerLanes: the lanes kept are the SwimmerMaxLanes first of a
// sort of every patient's lane by length, longest first, ties by study and
// case (what the figure drew from all lanes), whatever order the patients
// come in; Total counts them all.
func TestSwimmerLanes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var cs []*Course
	for i := 0; i < 500; i++ {
		c := course("S", fmt.Sprint(i), "x", math.NaN(), vocab.Partial)
		switch i % 4 {
		case 0: // neither time: no lane
		case 1:
			c.TreatDu.Days = float64(r.IntN(50)) // many ties
		case 2:
			c.FollowUp.Days = float64(r.IntN(50))
		default:
			c.TreatDu.Days, c.FollowUp.Days = float64(r.IntN(50)), float64(r.IntN(50))
		}
		cs = append(cs, c)
		cs = append(cs, course("S", fmt.Sprint(i), "y", math.NaN(), vocab.Partial)) // a second course: one lane per patient
	}
	r.Shuffle(len(cs)/2, func(i, j int) { // patients in any order, each patient's courses together
		cs[2*i], cs[2*j] = cs[2*j], cs[2*i]
		cs[2*i+1], cs[2*j+1] = cs[2*j+1], cs[2*i+1]
	})
	got := swimmerLanes(cs, newShortStudies())
	var ref []*Course
	for _, c := range cs {
		if c.DrugName() == "x" && !(math.IsNaN(c.TreatDu.Days) && math.IsNaN(c.FollowUp.Days)) {
			ref = append(ref, c)
		}
	}
	sort.Slice(ref, func(i, j int) bool {
		ei, ej := laneEnd(ref[i].TreatDu.Days, ref[i].FollowUp.Days), laneEnd(ref[j].TreatDu.Days, ref[j].FollowUp.Days)
		if ei != ej {
			return ei > ej
		}
		a, _ := strconv.Atoi(ref[i].CaseID) // one study; ties by case number, as the patient table
		b, _ := strconv.Atoi(ref[j].CaseID)
		return a < b
	})
	if got.Total != len(ref) || len(got.Lanes) != SwimmerMaxLanes {
		t.Fatalf("Total %d, %d lanes; want %d, %d", got.Total, len(got.Lanes), len(ref), SwimmerMaxLanes)
	}
	for i, l := range got.Lanes {
		if l.CaseID != ref[i].CaseID {
			t.Fatalf("lane %d: case %s, want %s", i, l.CaseID, ref[i].CaseID)
		}
	}
}

// TestTable1Views: quartiles by stats.Quantile (R's type 7), levels capped
// at Table1MaxLevels with the rest one count, group columns the largest
// Table1MaxGroups in name order.
func TestTable1Views(t *testing.T) {
	var cs []*Course
	for i := 0; i < Table1MaxLevels+20; i++ {
		for k := 0; k <= i%3; k++ {
			c := course(fmt.Sprintf("S%02d", i%10), fmt.Sprintf("%d-%d", i, k), fmt.Sprintf("drug%02d", i%11), math.NaN(), vocab.Partial)
			c.Disease = &vocab.Match{Canonical: fmt.Sprintf("disease %03d", i)}
			c.Age.Years = float64(20 + i%50)
			c.Sex = units.Sex([]string{"F", "M"}[i%2])
			cs = append(cs, c)
		}
	}
	n := &Cohort{Courses: cs}
	v := views(n, config.Default().Analysis)
	all := v.Table1.Overall
	if all.Patients != len(cs) || v.Patients != len(cs) {
		t.Fatalf("patients %d (views %d), want %d", all.Patients, v.Patients, len(cs))
	}
	// R 4.2.2: quantile(c(rep(...)), c(.25,.5,.75)) — checked here against
	// the definition on the same values instead of literals.
	var ages []float64
	for _, c := range cs {
		ages = append(ages, c.Age.Years)
	}
	sort.Float64s(ages)
	q := func(p float64) float64 {
		h := float64(len(ages)-1) * p
		lo := math.Floor(h)
		return ages[int(lo)] + (h-lo)*(ages[min(int(lo)+1, len(ages)-1)]-ages[int(lo)])
	}
	if all.Age.Known != len(cs) || all.Age.Median != q(.5) || all.Age.Q1 != q(.25) || all.Age.Q3 != q(.75) {
		t.Errorf("age %+v, want median %v Q1 %v Q3 %v", all.Age, q(.5), q(.25), q(.75))
	}
	if all.DiseaseDuration.Known != 0 || !math.IsNaN(all.DiseaseDuration.Median) {
		t.Errorf("disease duration %+v, want none known", all.DiseaseDuration)
	}
	d := all.Disease
	if len(d.Counts) != Table1MaxLevels || d.Unlisted != 20 || d.Known != len(cs) {
		t.Errorf("disease levels: %d listed, %d unlisted, %d known", len(d.Counts), d.Unlisted, d.Known)
	}
	listedN := 0
	for _, c := range d.Counts {
		listedN += c
	}
	if listedN+d.Other != d.Known {
		t.Errorf("listed %d + other %d != known %d", listedN, d.Other, d.Known)
	}
	// 40 diseases each of 1, 2 and 3 patients: those of 2 and 3 are
	// listed, and 20 of 1 (ties by name); the other 20 are one count.
	for i := 0; i < Table1MaxLevels+20; i++ {
		k := fmt.Sprintf("disease %03d", i)
		if _, ok := d.Counts[k]; i%3 > 0 && !ok {
			t.Errorf("%s (%d patients) not listed", k, i%3+1)
		}
	}
	if d.Other != 20 {
		t.Errorf("Other = %d patients, want 20", d.Other)
	}
	for _, g := range []Table1Groups{v.Table1.ByDrug, v.Table1.ByStudy} {
		if len(g.Groups) != Table1MaxGroups || g.Total <= Table1MaxGroups {
			t.Errorf("groups %d of %d, want %d of more", len(g.Groups), g.Total, Table1MaxGroups)
		}
		if !slices.IsSortedFunc(g.Groups, func(a, b Baseline) int { return compareStrings(a.Label, b.Label) }) {
			t.Error("group columns not in name order")
		}
		for _, b := range g.Groups {
			if len(b.Disease.Counts) != Table1MaxLevels {
				t.Errorf("%s: %d disease keys, want the overall's %d", b.Label, len(b.Disease.Counts), Table1MaxLevels)
			}
		}
	}
}

// TestPatientTableCapped: at most PatientTableMax rows, by study label and
// case with numbers by value, and the total.
func TestPatientTableCapped(t *testing.T) {
	var cs []*Course
	for i := PatientTableMax + 50; i > 0; i-- {
		cs = append(cs, course("Smith J, Rao A. Title. 2019", fmt.Sprintf("Case %d", i), "a", 10, vocab.Partial))
		cs = append(cs, course("Smith J, Rao A. Title. 2019", fmt.Sprintf("Case %d", i), "b", math.NaN(), vocab.Partial))
	}
	pt := patientTable(cs, newShortStudies())
	if pt.Total != PatientTableMax+50 || len(pt.Rows) != PatientTableMax {
		t.Fatalf("%d rows of %d, want %d of %d", len(pt.Rows), pt.Total, PatientTableMax, PatientTableMax+50)
	}
	if r := pt.Rows[1]; r.CaseID != "Case 2" || r.Study != "Smith et al. 2019" || len(r.Treatments) != 2 || r.Treatments[0].DoseMax != 10 {
		t.Errorf("row 2 = %+v", r)
	}
}

// TestTable1GroupsKept: the Accumulator folds only the Table 1 column groups
// the run shows (Table1Groups), and those it folds equal a fold of both.
func TestTable1GroupsKept(t *testing.T) {
	n := genCohort(7, 300)
	fold := func(by config.Table1By) Table1 {
		acc := NewAccumulator(config.Default().Analysis)
		acc.Table1Groups = by
		a, err := AnalyseFold(context.Background(), n, acc)
		if err != nil {
			t.Fatal(err)
		}
		return a.Views.Table1
	}
	both := fold("")
	if len(both.ByDrug.Groups) == 0 || len(both.ByStudy.Groups) == 0 {
		t.Fatalf("the generated cohort has %d drug and %d study groups; want some of each", len(both.ByDrug.Groups), len(both.ByStudy.Groups))
	}
	tests := []struct {
		by              config.Table1By
		byDrug, byStudy bool
	}{
		{config.Table1ByNone, false, false},
		{config.Table1ByDrug, true, false},
		{config.Table1ByStudy, false, true},
	}
	for _, tc := range tests {
		got := fold(tc.by)
		if !reflect.DeepEqual(got.Overall, both.Overall) {
			t.Errorf("%s: the overall column differs from a fold of both groupings", tc.by)
		}
		for _, g := range []struct {
			name      string
			kept      bool
			got, want Table1Groups
		}{{"drug", tc.byDrug, got.ByDrug, both.ByDrug}, {"study", tc.byStudy, got.ByStudy, both.ByStudy}} {
			switch {
			case g.kept && !reflect.DeepEqual(g.got, g.want):
				t.Errorf("%s: the %s groups differ from a fold of both groupings", tc.by, g.name)
			case !g.kept && (g.got.Total != 0 || len(g.got.Groups) != 0):
				t.Errorf("%s: %d %s groups folded, want none", tc.by, g.got.Total, g.name)
			}
		}
	}
}
