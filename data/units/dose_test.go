package units

import (
	"strings"
	"testing"
)

// Expected values are hand-computed: amount × unit factor (1 g = 1000 mg,
// 1 mcg = 0.001 mg) × administrations per day (tid = 3, q8h = 24/8,
// weekly = 1/7, every 4 weeks = 1/28, monthly = 1/30.4375).
func TestParseDose(t *testing.T) {
	const seed4 = "The patient was also prescribed tablet diltiazem 60mg thrice a day that was increased to 90mg thrice a day, due to poor response. But the patient developed side effects such as headache, dizziness, flushing and stomach upset. Thereafter, the dose of diltiazem was decreased to 90mg twice a day."
	tests := []struct {
		text              string
		start, max, final float64
		unit              string
		status            Status
		steps             int
		code              Code // a note code that must be present ("" none required)
	}{
		// seed papers (shared/seeds 000, 003)
		{seed4, 180, 270, 180, "mg/day", Exact, 3, ""},
		{"tablet diltiazem 60mg thrice a day that was increased to 90mg thrice a day ... decreased to 90mg twice a day", 180, 270, 180, "mg/day", Exact, 3, ""},
		{"60mg TDS", 180, 180, 180, "mg/day", Exact, 1, ""},
		{"tablet diltiazem 60mg TDS but owing to poor response, the dose was increased to 90mg TDS", 180, 270, 270, "mg/day", Exact, 2, ""},
		{"Diltiazem 90mg/ day increased, under close cardiologic monitoring, to 180 mg/ day", 90, 180, 180, "mg/day", Exact, 2, ""},
		{"90mg/ day increased ... to 180 mg/ day", 90, 180, 180, "mg/day", Exact, 2, ""},
		{"weekly doses of methotrexate and diltiazem", nan, nan, nan, "", Unknown, 0, CodeUnparsed},
		{"60 mg TDS increased to 90 mg TDS", 180, 270, 270, "mg/day", Exact, 2, ""},
		{"reduced to 90mg twice a day", 180, 180, 180, "mg/day", Exact, 1, ""},
		// real sheets, quoted in the brief
		{"60 mg tid", 180, 180, 180, "mg/day", Exact, 1, ""},
		{"180mg/d", 180, 180, 180, "mg/day", Exact, 1, ""},
		{"25 g IV 3x/week", 75000.0 / 7, 75000.0 / 7, 75000.0 / 7, "mg/day", Converted, 1, ""},
		{"70mg weekly", 10, 10, 10, "mg/day", Exact, 1, ""},
		{"0.6 mg bid", 1.2, 1.2, 1.2, "mg/day", Exact, 1, ""},
		{"60→90 mg tid", 180, 270, 270, "mg/day", Exact, 2, ""},
		{"15 mg/kg/day", 15, 15, 15, "mg/kg/day", Exact, 1, CodeWeightMissing},
		{"2.5 mg/kg IV every 4 weeks", 2.5 / 28, 2.5 / 28, 2.5 / 28, "mg/kg/day", Exact, 1, CodeWeightMissing},
		{"10 mL of 25% sodium thiosulfate", 2500, 2500, 2500, "mg/day", Assumed, 1, CodePercentWV},
		// once daily and its spellings
		{"60 mg OD", 60, 60, 60, "mg/day", Exact, 1, CodeISMP},
		{"60 mg QD", 60, 60, 60, "mg/day", Exact, 1, CodeISMP},
		{"60 mg q.d.", 60, 60, 60, "mg/day", Exact, 1, CodeISMP},
		{"60 mg once daily", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"60 mg once a day", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"60 mg od", 60, 60, 60, "mg/day", Exact, 1, CodeISMP},
		{"60 mg daily", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"60 mg per day", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"60 mg a day", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"240 mg/day", 240, 240, 240, "mg/day", Exact, 1, ""},
		{"240mg/24h", 240, 240, 240, "mg/day", Exact, 1, ""},
		{"120 mg at night", 120, 120, 120, "mg/day", Exact, 1, ""},
		{"120 mg nocte", 120, 120, 120, "mg/day", Exact, 1, ""},
		// twice, thrice, four times a day
		{"30 mg BD", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"30 mg b.i.d.", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"30 mg twice a day", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"30 mg twice daily", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"30 mg bds", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"30 mg t.i.d.", 90, 90, 90, "mg/day", Exact, 1, ""},
		{"30 mg three times a day", 90, 90, 90, "mg/day", Exact, 1, ""},
		{"30 mg thrice daily", 90, 90, 90, "mg/day", Exact, 1, ""},
		{"30 mg three times daily", 90, 90, 90, "mg/day", Exact, 1, ""},
		{"30 mg 3 times/day", 90, 90, 90, "mg/day", Exact, 1, ""},
		{"30 mg x3/day", 90, 90, 90, "mg/day", Exact, 1, ""},
		{"30 mg three times per day", 90, 90, 90, "mg/day", Exact, 1, ""},
		{"30 mg QID", 120, 120, 120, "mg/day", Exact, 1, ""},
		{"30 mg four times a day", 120, 120, 120, "mg/day", Exact, 1, ""},
		{"30 mg qds", 120, 120, 120, "mg/day", Exact, 1, ""},
		{"diltiazem 30 mg 1-0-1", 60, 60, 60, "mg/day", Exact, 1, ""},
		{"diltiazem 30 mg 1-1-1", 90, 90, 90, "mg/day", Exact, 1, ""},
		// hourly intervals
		{"500 mg q6h", 2000, 2000, 2000, "mg/day", Exact, 1, ""},
		{"500 mg q8h", 1500, 1500, 1500, "mg/day", Exact, 1, ""},
		{"500 mg q12h", 1000, 1000, 1000, "mg/day", Exact, 1, ""},
		{"500 mg every 8 hours", 1500, 1500, 1500, "mg/day", Exact, 1, ""},
		{"500 mg 8 hourly", 1500, 1500, 1500, "mg/day", Exact, 1, ""},
		{"500 mg 8-hourly", 1500, 1500, 1500, "mg/day", Exact, 1, ""},
		{"500 mg every 12 hrs", 1000, 1000, 1000, "mg/day", Exact, 1, ""},
		{"60mg q.8h", 180, 180, 180, "mg/day", Exact, 1, ""},
		{"1 g q8h", 3000, 3000, 3000, "mg/day", Converted, 1, ""},
		// weekly and intermittent
		{"70 mg once a week", 10, 10, 10, "mg/day", Exact, 1, ""},
		{"70 mg QW", 10, 10, 10, "mg/day", Exact, 1, ""},
		{"70 mg/week", 10, 10, 10, "mg/day", Exact, 1, ""},
		{"70 mg per week", 10, 10, 10, "mg/day", Exact, 1, ""},
		{"alendronate 70 mg once weekly", 10, 10, 10, "mg/day", Exact, 1, ""},
		{"risedronate 35 mg weekly", 5, 5, 5, "mg/day", Exact, 1, ""},
		{"methotrexate 15 mg/week", 15.0 / 7, 15.0 / 7, 15.0 / 7, "mg/day", Exact, 1, ""},
		{"MTX 7.5 mg weekly increased to 15 mg weekly", 7.5 / 7, 15.0 / 7, 15.0 / 7, "mg/day", Exact, 2, ""},
		{"25 g 3 times a week", 75000.0 / 7, 75000.0 / 7, 75000.0 / 7, "mg/day", Converted, 1, ""},
		{"sodium thiosulfate 25 g IV three times weekly", 75000.0 / 7, 75000.0 / 7, 75000.0 / 7, "mg/day", Converted, 1, ""},
		{"sodium thiosulfate 25 g IV thrice weekly", 75000.0 / 7, 75000.0 / 7, 75000.0 / 7, "mg/day", Converted, 1, ""},
		{"sodium thiosulfate 12.5 g IV three times per week", 37500.0 / 7, 37500.0 / 7, 37500.0 / 7, "mg/day", Converted, 1, ""},
		{"12.5 g twice weekly", 25000.0 / 7, 25000.0 / 7, 25000.0 / 7, "mg/day", Converted, 1, ""},
		{"25 g TIW", 75000.0 / 7, 75000.0 / 7, 75000.0 / 7, "mg/day", Converted, 1, CodeISMP},
		{"1000 mg every 2 weeks", 1000.0 / 14, 1000.0 / 14, 1000.0 / 14, "mg/day", Exact, 1, ""},
		{"1000 mg fortnightly", 1000.0 / 14, 1000.0 / 14, 1000.0 / 14, "mg/day", Exact, 1, ""},
		{"1000 mg biweekly", 1000.0 / 14, 1000.0 / 14, 1000.0 / 14, "mg/day", Assumed, 1, CodeFreqAmbiguous},
		{"4 mg monthly", 4 / mo, 4 / mo, 4 / mo, "mg/day", Exact, 1, ""},
		{"zoledronic acid 5 mg yearly", 5 / yr, 5 / yr, 5 / yr, "mg/day", Exact, 1, ""},
		{"pamidronate 60 mg IV every 3 months", 60 / (3 * mo), 60 / (3 * mo), 60 / (3 * mo), "mg/day", Exact, 1, ""},
		{"diltiazem 60 mg every other day", 30, 30, 30, "mg/day", Exact, 1, ""},
		{"diltiazem 60 mg on alternate days", 30, 30, 30, "mg/day", Exact, 1, ""},
		{"60 mg QOD", 30, 30, 30, "mg/day", Exact, 1, CodeISMP},
		{"10 mL of 25% sodium thiosulfate weekly", 2500.0 / 7, 2500.0 / 7, 2500.0 / 7, "mg/day", Converted, 1, CodePercentWV},
		{"25% sodium thiosulfate 10 mL intralesional", 2500, 2500, 2500, "mg/day", Assumed, 1, CodePercentWV},
		// units
		{"1 g/day", 1000, 1000, 1000, "mg/day", Converted, 1, ""},
		{"0.5 g bid", 1000, 1000, 1000, "mg/day", Converted, 1, ""},
		{"aluminium hydroxide 1.8 g/day", 1800, 1800, 1800, "mg/day", Converted, 1, ""},
		{"1,000 mg daily", 1000, 1000, 1000, "mg/day", Exact, 1, ""},
		{"500 mcg daily", 0.5, 0.5, 0.5, "mg/day", Converted, 1, ""},
		{"500 µg daily", 0.5, 0.5, 0.5, "mg/day", Converted, 1, CodeISMP},
		{"500 ug daily", 0.5, 0.5, 0.5, "mg/day", Converted, 1, CodeISMP},
		{"1000 IU daily", 1000, 1000, 1000, "IU/day", Exact, 1, CodeISMP},
		{"60000 IU weekly", 60000.0 / 7, 60000.0 / 7, 60000.0 / 7, "IU/day", Exact, 1, ""},
		{"60,000 IU weekly", 60000.0 / 7, 60000.0 / 7, 60000.0 / 7, "IU/day", Exact, 1, ""},
		{"10 units daily", 10, 10, 10, "IU/day", Exact, 1, ""},
		{"prednisolone 1 mg/kg/day", 1, 1, 1, "mg/kg/day", Exact, 1, CodeWeightMissing},
		{"15 mg/kg/day in 3 divided doses", 15, 15, 15, "mg/kg/day", Exact, 1, ""},
		{"IVIG 2 g/kg every 4 weeks", 2000.0 / 28, 2000.0 / 28, 2000.0 / 28, "mg/kg/day", Converted, 1, CodeWeightMissing},
		{"IVIG 2 g/kg monthly", 2000 / mo, 2000 / mo, 2000 / mo, "mg/kg/day", Converted, 1, ""},
		{"rituximab 375 mg/m2 weekly x 4", 375.0 / 7, 375.0 / 7, 375.0 / 7, "mg/m²/day", Exact, 1, CodeBSA},
		// drugs of the calcinosis literature
		{"colchicine 0.5 mg bd", 1, 1, 1, "mg/day", Exact, 1, ""},
		{"warfarin 1 mg/day", 1, 1, 1, "mg/day", Exact, 1, ""},
		{"probenecid 500 mg twice daily", 1000, 1000, 1000, "mg/day", Exact, 1, ""},
		{"minocycline 100 mg/d", 100, 100, 100, "mg/day", Exact, 1, ""},
		{"etidronate 400 mg daily for 14 days", 400, 400, 400, "mg/day", Exact, 1, ""},
		{"diltiazem SR 90 mg bd", 180, 180, 180, "mg/day", Exact, 1, ""},
		// changes
		{"60 mg tid → 90 mg tid", 180, 270, 270, "mg/day", Exact, 2, ""},
		{"60 mg tid -> 90 mg tid -> 120 mg tid", 180, 360, 360, "mg/day", Exact, 3, ""},
		{"90 mg bd reduced to 60 mg bd", 180, 180, 120, "mg/day", Exact, 2, ""},
		{"60 mg tid, reduced to bid", 180, 180, 120, "mg/day", Exact, 2, ""},
		{"increased from 60 to 90 mg tid", 180, 270, 270, "mg/day", Exact, 2, ""},
		{"60 mg tid increased to 90", 180, 270, 270, "mg/day", Assumed, 2, CodeUnitMissing},
		{"prednisolone 40 mg OD tapered to 10 mg OD", 40, 40, 10, "mg/day", Exact, 2, ""},
		{"diltiazem 180 mg/day increased to 240 mg/day then 360 mg/day", 180, 360, 360, "mg/day", Exact, 3, ""},
		{"90 mg bid → 120 mg bid", 180, 240, 240, "mg/day", Exact, 2, ""},
		{"60 mg TDS (increased to 90 mg TDS)", 180, 270, 270, "mg/day", Exact, 2, ""},
		{"60 mg tid increased to 90 mg", 180, 270, 270, "mg/day", Assumed, 2, CodeFreqInherited},
		{"90 mg tid increased to 60 mg tid", 270, 270, 180, "mg/day", Exact, 2, CodeChangeDirection},
		// counts of tablets
		{"2 tablets of 30 mg tid", 180, 180, 180, "mg/day", Exact, 1, ""},
		{"one and a half tablets of 60 mg bd", 180, 180, 180, "mg/day", Exact, 1, ""},
		{"half tablet of 60 mg daily", 30, 30, 30, "mg/day", Exact, 1, ""},
		// assumptions
		{"diltiazem 60 tid", 180, 180, 180, "mg/day", Assumed, 1, CodeUnitMissing},
		{"diltiazem 240", 240, 240, 240, "mg/day", Assumed, 1, CodeUnitMissing},
		{"diltiazem 240 mg", 240, 240, 240, "mg/day", Assumed, 1, CodeFreqMissing},
		{"60-90 mg tid", 225, 225, 225, "mg/day", Assumed, 1, CodeRange},
		// nothing usable
		{"", nan, nan, nan, "", Unknown, 0, CodeUnparsed},
		{"not given", nan, nan, nan, "", Unknown, 0, CodeUnparsed},
		{"topical sodium thiosulfate 25% ointment bd", nan, nan, nan, "", Unknown, 0, CodeUnparsed},
		{"500 mg stat", nan, nan, nan, "mg/day", Unknown, 1, CodeOneOff},
		{"2 tablets tid", 6, 6, 6, "tablet/day", Exact, 1, CodeUnitUnknown},
	}
	for _, tc := range tests {
		d := ParseDose(tc.text)
		if !near(d.Start, tc.start) || !near(d.Max, tc.max) || !near(d.Final, tc.final) {
			t.Errorf("ParseDose(%q): start/max/final = %v/%v/%v, want %v/%v/%v (notes %v)", tc.text, d.Start, d.Max, d.Final, tc.start, tc.max, tc.final, d.Notes)
		}
		if d.Unit != tc.unit || d.Status != tc.status || len(d.Steps) != tc.steps {
			t.Errorf("ParseDose(%q): unit %q status %v steps %d, want %q %v %d (notes %v)", tc.text, d.Unit, d.Status, len(d.Steps), tc.unit, tc.status, tc.steps, d.Notes)
		}
		if tc.code != "" && !hasCode(d.Notes, tc.code) {
			t.Errorf("ParseDose(%q): no %s note in %v", tc.text, tc.code, d.Notes)
		}
		if d.Text != tc.text {
			t.Errorf("ParseDose(%q): Text %q", tc.text, d.Text)
		}
		if finiteAll(d.Start, d.Max, d.Final) && !near(d.MaxWeek, d.Max*7) {
			t.Errorf("ParseDose(%q): MaxWeek %v != 7 × %v", tc.text, d.MaxWeek, d.Max)
		}
	}
}

func finiteAll(xs ...float64) bool {
	for _, x := range xs {
		if !finite(x) {
			return false
		}
	}
	return true
}

func TestParseDoseSeedSteps(t *testing.T) {
	d := ParseDose("tablet diltiazem 60mg thrice a day that was increased to 90mg thrice a day, due to poor response. Thereafter, the dose of diltiazem was decreased to 90mg twice a day.")
	want := []struct {
		amount float64
		times  float64
		perDay float64
		change Change
	}{{60, 3, 180, ChangeStart}, {90, 3, 270, ChangeIncrease}, {90, 2, 180, ChangeDecrease}}
	if len(d.Steps) != len(want) {
		t.Fatalf("steps = %+v", d.Steps)
	}
	for i, w := range want {
		s := d.Steps[i]
		if s.Amount != w.amount || s.Freq.Times != w.times || s.Freq.PeriodDays != 1 || !near(s.PerDay, w.perDay) || s.Change != w.change || s.Unit != "mg" {
			t.Errorf("step %d = %+v, want %+v", i, s, w)
		}
	}
	if d.Route != RouteOral {
		t.Errorf("route = %q, want oral (\"tablet\")", d.Route)
	}
	if d.Steps[0].Text != "60mg thrice a day" {
		t.Errorf("step text %q", d.Steps[0].Text)
	}
}

func TestParseDoseRoutesAndIntermittent(t *testing.T) {
	tests := []struct {
		text         string
		route        Route
		intermittent bool
	}{
		{"25 g IV 3x/week", RouteIV, true},
		{"diltiazem 60 mg PO tid", RouteOral, false},
		{"diltiazem 60 mg orally tid", RouteOral, false},
		{"capsule diltiazem 90 mg bd", RouteOral, false},
		{"intralesional sodium thiosulfate 0.5 mL weekly", RouteIntralesional, true},
		{"IL triamcinolone 10 mg monthly", RouteIntralesional, true},
		{"sodium thiosulfate 25% cream bd", RouteTopical, false},
		{"topical STS 10% ointment", RouteTopical, false},
		{"methotrexate 15 mg SC weekly", RouteSC, true},
		{"methotrexate 15 mg subcutaneous weekly", RouteSC, true},
		{"vitamin D 600000 IU IM once", RouteIM, false},
		{"2.5 mg/kg intravenous every 4 weeks", RouteIV, true},
		{"weekly doses of methotrexate", RouteUnknown, true},
		{"60 mg tid", RouteUnknown, false},
	}
	for _, tc := range tests {
		d := ParseDose(tc.text)
		if d.Route != tc.route || d.Intermittent != tc.intermittent {
			t.Errorf("ParseDose(%q): route %q intermittent %v, want %q %v", tc.text, d.Route, d.Intermittent, tc.route, tc.intermittent)
		}
	}
}

func TestParseDoseWithWeight(t *testing.T) {
	tests := []struct {
		text   string
		kg     float64
		perDay float64
		week   float64
	}{
		{"2.5 mg/kg IV every 4 weeks", 70, 175.0 / 28, 175.0 / 4},
		{"15 mg/kg/day", 20, 300, 2100},
		{"5 mg/kg IV every 4 weeks", 60, 300.0 / 28, 300.0 / 4},
		{"IVIG 2 g/kg monthly", 50, 100000 / mo, 700000 / mo},
	}
	for _, tc := range tests {
		d := ParseDoseWith(tc.text, DoseOptions{WeightKg: tc.kg})
		if !near(d.Max, tc.perDay) || !near(d.MaxWeek, tc.week) || d.Unit != "mg/day" || d.Status != Converted {
			t.Errorf("ParseDoseWith(%q, %v kg) = %v mg/day %v/week unit %q %v, want %v, %v", tc.text, tc.kg, d.Max, d.MaxWeek, d.Unit, d.Status, tc.perDay, tc.week)
		}
		if !hasCode(d.Notes, CodeWeightApplied) || hasCode(d.Notes, CodeWeightMissing) {
			t.Errorf("ParseDoseWith(%q): notes %v", tc.text, d.Notes)
		}
	}
}

func TestParseDoseNotesName(t *testing.T) {
	d := ParseDose("60 mg QD")
	found := false
	for _, n := range d.Notes {
		if n.Code == CodeISMP && strings.Contains(n.Msg, `"QD"`) && strings.Contains(n.Msg, "read as once daily") {
			found = true
		}
	}
	if !found {
		t.Errorf("no ISMP note naming QD: %v", d.Notes)
	}
	d = ParseDose("diltiazem 60 tid")
	if len(d.Notes) == 0 || d.Notes[0].Msg != `unit missing for "60": assumed mg` {
		t.Errorf("unit note = %v", d.Notes)
	}
}

func TestParseDoseMultipleTreatments(t *testing.T) {
	d := ParseDose("Diltiazem 60 mg TDS + risedronate 35 mg weekly")
	if !hasCode(d.Notes, CodeMultiple) {
		t.Errorf("no multiple-values note: %v", d.Notes)
	}
}

func TestFrequency(t *testing.T) {
	tests := []struct {
		f            Frequency
		perDay       float64
		intermittent bool
		str          string
	}{
		{Frequency{Times: 3, PeriodDays: 1}, 3, false, "3/day"},
		{Frequency{Times: 1, PeriodDays: 1.0 / 3}, 3, false, "1/8 h"},
		{Frequency{Times: 3, PeriodDays: 7}, 3.0 / 7, true, "3/7 days"},
		{Frequency{Times: 1, PeriodDays: 0}, nan, false, "once"},
		{Frequency{}, nan, false, ""},
	}
	for _, tc := range tests {
		if !near(tc.f.PerDay(), tc.perDay) || tc.f.Intermittent() != tc.intermittent || tc.f.String() != tc.str {
			t.Errorf("%+v: PerDay %v Intermittent %v String %q", tc.f, tc.f.PerDay(), tc.f.Intermittent(), tc.f.String())
		}
	}
}
