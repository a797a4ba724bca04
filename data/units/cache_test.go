package units

import (
	"fmt"
	"strings"
	"testing"
)

func TestNormaliserMemoises(t *testing.T) {
	n := NewNormaliser(2)
	a := n.Dose("60 mg tid")
	b := n.Dose("60 mg tid")
	if fmt.Sprintf("%+v", a) != fmt.Sprintf("%+v", b) || a.Max != 180 { // %+v: NaN fields compare equal
		t.Fatalf("cached dose differs: %+v %+v", a, b)
	}
	if h, m := n.Stats(); h != 1 || m != 1 {
		t.Errorf("stats %d hits %d misses, want 1 1", h, m)
	}
	// capacity 2: a third key evicts the least recently used
	n.Dose("90 mg bd")
	n.Dose("60 mg tid") // hit, now most recent
	n.Dose("70 mg weekly")
	n.Dose("60 mg tid") // still cached
	if h, m := n.Stats(); h != 3 || m != 3 {
		t.Errorf("stats %d hits %d misses, want 3 3", h, m)
	}
	n.Dose("90 mg bd") // evicted earlier: a miss
	if _, m := n.Stats(); m != 4 {
		t.Errorf("misses %d, want 4", m)
	}
	if n.dose.Len() > 2 {
		t.Errorf("cache holds %d entries, capacity 2", n.dose.Len())
	}
}

func TestNormaliserKeysIncludeOptions(t *testing.T) {
	n := NewNormaliser(0)
	if d := n.DoseWith("15 mg/kg/day", DoseOptions{WeightKg: 20}); d.Max != 300 {
		t.Errorf("with weight: %v", d.Max)
	}
	if d := n.Dose("15 mg/kg/day"); d.Max != 15 || d.Unit != "mg/kg/day" {
		t.Errorf("without weight: %v %s", d.Max, d.Unit)
	}
	if d := n.DurationAge("since 10 years of age", 14); !near(d.Days, 4*yr) {
		t.Errorf("with age: %v", d.Days)
	}
	if d := n.Duration("since 10 years of age"); d.Status != Unknown {
		t.Errorf("without age: %v", d.Status)
	}
	if l := n.LabFor(Calcium, "8.5"); l.Analyte != Calcium {
		t.Errorf("LabFor: %v", l.Analyte)
	}
	if l := n.Lab("8.5"); l.Analyte != AnalyteUnknown {
		t.Errorf("Lab: %v", l.Analyte)
	}
	if a := n.Age("45/F"); a.Years != 45 {
		t.Errorf("Age: %v", a.Years)
	}
	if s := n.Size("3*2cm"); s.MaxAreaCm2 != 6 {
		t.Errorf("Size: %v", s.MaxAreaCm2)
	}
}

func TestNormaliserLongInputsNotCached(t *testing.T) {
	n := NewNormaliser(10)
	long := strings.Repeat("x", MaxCachedLen+1) + " 60 mg tid"
	n.Dose(long)
	n.Dose(long)
	if h, m := n.Stats(); h != 0 || m != 2 {
		t.Errorf("long input: %d hits %d misses", h, m)
	}
}

func TestCachedSlicesAppendSafe(t *testing.T) {
	n := NewNormaliser(10)
	d := n.Dose("diltiazem 60 tid")
	_ = append(d.Notes, Note{Code: "x"})
	_ = append(d.Steps, DoseStep{})
	again := n.Dose("diltiazem 60 tid")
	if len(again.Notes) != len(d.Notes) || len(again.Steps) != 1 {
		t.Errorf("append changed the cache: %v", again.Notes)
	}
	if cap(d.Notes) != len(d.Notes) {
		t.Errorf("notes cap %d len %d", cap(d.Notes), len(d.Notes))
	}
}

// TestDoseCacheOptionFree checks that a dose text whose reading looks at no option is
// cached once for every weight, BSA and course length, and that one whose reading does
// (a dose per kg or per m², a count of doses, a schedule) is read for each: every cached
// reading equals the uncached ParseDose with the same options, in any order of calls.
func TestDoseCacheOptionFree(t *testing.T) {
	opts := []DoseOptions{{}, {WeightKg: 70}, {WeightKg: 50, BSA: 1.7, CourseDays: 28}, {CourseDays: 10}, {}}
	texts := []string{
		"60 mg three times a day, increased to 90 mg",
		"2 mg/kg/day",
		"375 mg/m2 weekly",
		"1 g x 2",
		"500 mg daily for 5 days, then 250 mg daily",
		"unknown text",
	}
	n := NewNormaliser(64)
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			for _, o := range opts {
				got := n.DoseWith(s, o)
				want := ParseDoseWith(s, o)
				if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) { // %+v: NaN fields compare equal
					t.Errorf("DoseWith(%q, %+v) = %+v, want %+v", s, o, got, want)
				}
			}
		}
	}
	// the option-free text is held once; the per-kg one once per weight
	free, perKg := 0, 0
	for _, k := range n.dose.Keys() {
		switch k.s {
		case texts[0]:
			free++
			if !k.free {
				t.Errorf("%q cached with options %+v, want under the text alone", k.s, k)
			}
		case texts[1]:
			perKg++
		}
	}
	if free != 1 || perKg < 2 {
		t.Errorf("cache holds %q %d times (want 1) and %q %d times (want one per weight)", texts[0], free, texts[1], perKg)
	}
}

// TestDurationCacheAgeFree checks that a duration text without "since" is cached once for
// every age, and that every cached reading equals the uncached ParseDurationAge.
func TestDurationCacheAgeFree(t *testing.T) {
	texts := []string{"2 months", "since childhood", "SINCE AGE 12", "for the past 14 years", "Since birth", "6/12"}
	ages := []float64{-1, 30, 45.5, 30}
	n := NewNormaliser(64)
	for _, s := range texts {
		for _, a := range ages {
			got, want := n.DurationAge(s, a), ParseDurationAge(s, a)
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) { // %+v: NaN fields compare equal
				t.Errorf("DurationAge(%q, %v) = %+v, want %+v", s, a, got, want)
			}
		}
	}
	for _, k := range n.dur.Keys() {
		if k.s == "2 months" && k.age != -1 {
			t.Errorf("%q cached for age %v, want once for any age", k.s, k.age)
		}
	}
}
