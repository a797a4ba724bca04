package units

import (
	"math"
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"tablet diltiazem 60mg thrice a day that was increased to 90mg thrice a day ... decreased to 90mg twice a day",
	"60mg TDS", "90mg/ day increased ... to 180 mg/ day", "60→90 mg tid", "25 g IV 3x/week", "15 mg/kg/day",
	"2.5 mg/kg IV every 4 weeks", "10 mL of 25% sodium thiosulfate", "one and half years", "since 10 years of age",
	"for the past 14 years", "2-3 months", "45/F", "54-year-old", "1*1cm to 5*5 cm", "1.5*1.5cm to 2*2.5cm",
	"serum calcium (8.5mg/dl)", "25-hydroxy vitamin D (20 ng/dl)", "PTH 35 pg/dl", "122.6mg/24h", "1-0-1",
	"q4-6h", "every 2-3 weeks", "½ tab", "1,000,000 mg", "99999999999999999999 mg", "\xff\xfe", "q.", "a.b.c.",
	"-> -> ->", "((((", "x x x", "1x1x1x1x1", "since since", "< > ≤ ≥", "µg μg", "4/52 6/12 3/7",
}

func checkDose(t *testing.T, s string, d Dose) {
	t.Helper()
	if d.Status == Unknown {
		if !math.IsNaN(d.Start) || !math.IsNaN(d.Max) || !math.IsNaN(d.Final) {
			t.Fatalf("%q: unknown with values %v %v %v", s, d.Start, d.Max, d.Final)
		}
	} else {
		if !finiteAll(d.Start, d.Max, d.Final, d.StartWeek, d.MaxWeek, d.FinalWeek) {
			t.Fatalf("%q: %v status with non-finite values", s, d.Status)
		}
		if d.Start < 0 || d.Final < 0 || d.Start > d.Max || d.Final > d.Max {
			t.Fatalf("%q: start %v max %v final %v", s, d.Start, d.Max, d.Final)
		}
	}
	for _, st := range d.Steps {
		if st.PerDay < 0 || st.AmountHigh < st.Amount || st.Amount < 0 {
			t.Fatalf("%q: bad step %+v", s, st)
		}
		if !math.IsNaN(st.PerDay) && st.PerDay > d.Max && d.Status != Unknown {
			t.Fatalf("%q: step %v above max %v", s, st.PerDay, d.Max)
		}
	}
	for _, n := range d.Notes {
		if n.Code == "" || n.Msg == "" {
			t.Fatalf("%q: empty note %+v", s, n)
		}
	}
}

func checkDuration(t *testing.T, s string, d Duration) {
	t.Helper()
	if d.Status == Unknown {
		if !math.IsNaN(d.Days) {
			t.Fatalf("%q: unknown with %v days", s, d.Days)
		}
		return
	}
	if !finiteAll(d.Days, d.MinDays, d.MaxDays) || d.MinDays < 0 || d.MinDays > d.Days || d.Days > d.MaxDays {
		t.Fatalf("%q: days %v [%v, %v]", s, d.Days, d.MinDays, d.MaxDays)
	}
}

func checkAge(t *testing.T, s string, a Age) {
	t.Helper()
	if a.Status == Unknown {
		if !math.IsNaN(a.Years) {
			t.Fatalf("%q: unknown with %v years", s, a.Years)
		}
		return
	}
	if !finiteAll(a.Years, a.MinYears, a.MaxYears) || a.MinYears < 0 || a.MaxYears > 140 || a.MinYears > a.Years || a.Years > a.MaxYears {
		t.Fatalf("%q: years %v [%v, %v]", s, a.Years, a.MinYears, a.MaxYears)
	}
	if a.Sex != SexUnknown && a.Sex != SexFemale && a.Sex != SexMale {
		t.Fatalf("%q: sex %q", s, a.Sex)
	}
}

func checkSize(t *testing.T, s string, z Size) {
	t.Helper()
	if z.Status == Unknown {
		if !math.IsNaN(z.MaxDiameterCm) || len(z.Dims) != 0 {
			t.Fatalf("%q: unknown with %v", s, z.MaxDiameterCm)
		}
		return
	}
	if !finiteAll(z.MinDiameterCm, z.MaxDiameterCm) || z.MinDiameterCm < 0 || z.MinDiameterCm > z.MaxDiameterCm {
		t.Fatalf("%q: diameters %v %v", s, z.MinDiameterCm, z.MaxDiameterCm)
	}
	if !math.IsNaN(z.MaxAreaCm2) && (z.MinAreaCm2 < 0 || z.MinAreaCm2 > z.MaxAreaCm2) {
		t.Fatalf("%q: areas %v %v", s, z.MinAreaCm2, z.MaxAreaCm2)
	}
	for _, d := range z.Dims {
		if len(d) == 0 || len(d) > maxDims {
			t.Fatalf("%q: dims %v", s, d)
		}
	}
}

func checkLab(t *testing.T, s string, l Lab) {
	t.Helper()
	if l.Status == Unknown {
		if !math.IsNaN(l.Conv) || !math.IsNaN(l.SI) || l.Flag != FlagUnknown {
			t.Fatalf("%q: unknown with conv %v si %v flag %q", s, l.Conv, l.SI, l.Flag)
		}
		return
	}
	if !finiteAll(l.Value, l.Conv, l.SI) || l.Conv < 0 || l.SI < 0 || l.Flag == FlagUnknown || l.Analyte == AnalyteUnknown {
		t.Fatalf("%q: %+v", s, l)
	}
}

func FuzzParseDose(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0.0)
	}
	f.Add("2.5 mg/kg every 4 weeks", 70.0)
	f.Fuzz(func(t *testing.T, s string, kg float64) {
		d := ParseDoseWith(s, DoseOptions{WeightKg: kg})
		if d.Text != s {
			t.Fatalf("Text changed")
		}
		checkDose(t, s, d)
		for _, p := range SplitTreatment(s) {
			if strings.TrimSpace(p) != p || p == "" {
				t.Fatalf("SplitTreatment(%q) piece %q", s, p)
			}
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 14.0)
	}
	f.Fuzz(func(t *testing.T, s string, age float64) {
		checkDuration(t, s, ParseDurationAge(s, age))
		checkDuration(t, s, ParseDuration(s))
	})
}

func FuzzParseAge(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAge(t, s, ParseAge(s))
		_ = ParseSex(s)
	})
}

func FuzzParseSize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSize(t, s, ParseSize(s))
	})
}

func FuzzParseLab(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0)
	}
	f.Add("8.5", int(Calcium))
	f.Fuzz(func(t *testing.T, s string, a int) {
		an := Analyte(a)
		if an < AnalyteUnknown || an > UrineCalcium24h {
			an = AnalyteUnknown
		}
		checkLab(t, s, ParseLabFor(an, s))
	})
}

// bigInputs are 1 MB cells: realistic text repeated, and pathological runs
// that would expose quadratic loops.
func bigInputs() map[string]string {
	const mb = 1 << 20
	rep := func(s string) string { return strings.Repeat(s, mb/len(s)+1)[:mb] }
	return map[string]string{
		"dose-text":   rep("diltiazem 60 mg tid increased to 90 mg tid, reduced to bid; "),
		"chain":       rep("60 → "),
		"bare-freq":   "60 mg tid " + rep("90 mg "),
		"percent-ml":  rep("10 mL of 25% "),
		"digits":      rep("1"),
		"mnn":         rep("1-0-"),
		"dims":        rep("1x"),
		"durations":   rep("for 2-3 months and 1 year 6 months, "),
		"since":       rep("since "),
		"words":       rep("a"),
		"dots":        rep("q.d."),
		"half":        rep("one and a half "),
		"labs":        rep("serum calcium (8.5mg/dl, normal: 8.5-10.3 mg/dl) "),
		"parens":      rep("(("),
		"sizes":       rep("1*1cm to 5*5 cm, "),
		"ages":        rep("45/F "),
		"invalid-utf": rep("\xff"),
	}
}

// TestHugeCells parses a 1 MB cell of each kind with each parser; the
// matching benchmark (BenchmarkHugeCells) shows the time is linear.
func TestHugeCells(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB inputs")
	}
	for name, s := range bigInputs() {
		checkDose(t, name, ParseDose(s))
		checkDuration(t, name, ParseDuration(s))
		checkAge(t, name, ParseAge(s))
		checkSize(t, name, ParseSize(s))
		checkLab(t, name, ParseLab(s))
		_ = SplitTreatment(s)
	}
	d := ParseDose(bigInputs()["dose-text"])
	if len(d.Steps) != MaxDoseSteps || d.Max != 270 || !hasCode(d.Notes, CodeTruncated) {
		t.Errorf("1 MB dose cell: %d steps, max %v, notes %v", len(d.Steps), d.Max, d.Notes)
	}
	if z := ParseSize(bigInputs()["sizes"]); len(z.Dims) != MaxMeasurements || z.MaxAreaCm2 != 25 || !hasCode(z.Notes, CodeTruncated) {
		t.Errorf("1 MB size cell: %d dims, max area %v", len(z.Dims), z.MaxAreaCm2)
	}
}
