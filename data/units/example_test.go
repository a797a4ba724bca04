package units_test

import (
	"fmt"

	"github.com/tresp/tresp/data/units"
)

func ExampleParseDose() {
	d := units.ParseDose("tablet diltiazem 60mg thrice a day that was increased to 90mg thrice a day, then decreased to 90mg twice a day")
	for _, s := range d.Steps {
		fmt.Printf("%-20s %g %s/day (%s)\n", s.Text, s.PerDay, "mg", s.Change)
	}
	fmt.Println(d.Start, d.Max, d.Final, d.Unit, d.Route, d.Status)
	// Output:
	// 60mg thrice a day    180 mg/day (start)
	// 90mg thrice a day    270 mg/day (increase)
	// 90mg twice a day     180 mg/day (decrease)
	// 180 270 180 mg/day oral exact
}

func ExampleParseDoseWith() {
	d := units.ParseDoseWith("2.5 mg/kg IV every 4 weeks", units.DoseOptions{WeightKg: 70})
	fmt.Println(d.Max, d.MaxWeek, d.Unit, d.Intermittent, d.Status)
	// Output: 6.25 43.75 mg/day true converted
}

func ExampleParseDurationAge() {
	d := units.ParseDurationAge("since 10 years of age", 14)
	fmt.Println(d.Days, d.Status)
	d = units.ParseDuration("since 10 years of age")
	fmt.Println(d.Days, d.Status, d.Notes[0])
	// Output:
	// 1461 converted
	// NaN unknown age-missing: "since 10 years of age" needs the patient's current age
}

func ExampleParseAge() {
	a := units.ParseAge("45/F")
	fmt.Println(a.Years, a.Sex, a.Status)
	// Output: 45 F exact
}

func ExampleParseSize() {
	s := units.ParseSize("1.5*1.5cm to 2*2.5cm")
	fmt.Println(s.Dims, s.MinDiameterCm, s.MaxDiameterCm, s.MinAreaCm2, s.MaxAreaCm2)
	// Output: [[1.5 1.5] [2 2.5]] 1.5 2.5 2.25 5
}

func ExampleParseLab() {
	l := units.ParseLab("serum 25-hydroxy vitamin D (20 ng/dl, normal: 17-54 ng/dl)")
	fmt.Println(l.Analyte, l.Value, l.Unit, "->", l.Conv, l.ConvUnit, l.SI, l.SIUnit, l.Flag, l.Status)
	fmt.Println(l.Notes[0])
	// Output:
	// 25-OH vitamin D 20 ng/dL -> 20 ng/mL 49.92 nmol/L normal assumed
	// unit-implausible: implausible unit ng/dL for 25-OH vitamin D (25-OH vitamin D is reported in ng/mL or nmol/L): read as ng/mL
}

func ExampleSplitTreatment() {
	fmt.Printf("%q\n", units.SplitTreatment("Diltiazem 60 mg TDS + risedronate 35 mg weekly"))
	// Output: ["Diltiazem 60 mg TDS" "risedronate 35 mg weekly"]
}

func ExampleNormaliser() {
	n := units.NewNormaliser(1024)
	for i := 0; i < 3; i++ {
		n.Dose("60 mg tid")
	}
	hits, misses := n.Stats()
	fmt.Println(n.Dose("60 mg tid").Max, hits, misses)
	// Output: 180 2 1
}
