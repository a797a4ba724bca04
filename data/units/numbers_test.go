package units

import (
	"math"
	"strings"
	"testing"
)

// TestNumbersNeverPartlyRead covers the silent misreads of issue 13: each
// cell is read correctly or refused with a note, never partly read.
func TestNumbersNeverPartlyRead(t *testing.T) {
	type res struct {
		v      float64
		status Status
		notes  []Note
	}
	age := func(s string) res { a := ParseAge(s); return res{a.Years, a.Status, a.Notes} }
	dur := func(s string) res { d := ParseDuration(s); return res{d.Days, d.Status, d.Notes} }
	dose := func(s string) res { d := ParseDose(s); return res{d.Max, d.Status, d.Notes} }
	size := func(s string) res { z := ParseSize(s); return res{z.MaxDiameterCm, z.Status, z.Notes} }
	lab := func(s string) res { l := ParseLabFor(Calcium, s); return res{l.Value, l.Status, l.Notes} }
	for _, tc := range []struct {
		name  string
		parse func(string) res
		in    string
		want  float64 // NaN: refused
		code  Code    // a note with this code is required ("" none)
	}{
		{"age", age, "-5", math.NaN(), CodeNegative},
		{"age", age, "-5 years", math.NaN(), CodeNegative},
		{"age", age, "−5", math.NaN(), CodeNegative},
		{"age", age, "1e400", math.NaN(), CodeNumberUnreadable},
		{"age", age, "0x10", math.NaN(), CodeNumberUnreadable},
		{"age", age, "1.000,5", math.NaN(), CodeNumberUnreadable},
		{"age", age, "1_000", math.NaN(), CodeNumberUnreadable},
		{"age", age, "4٥ years", math.NaN(), CodeNumberUnreadable},
		{"age", age, "٤٥ years", 45, ""},
		{"age", age, "150 years", math.NaN(), CodeImplausible},
		{"age", age, "5-10 years", 7.5, CodeRange},
		{"age", age, "45-year-old", 45, ""},
		{"duration", dur, "-3 months", math.NaN(), CodeNegative},
		{"duration", dur, "1e400 days", math.NaN(), CodeNumberUnreadable},
		{"duration", dur, "0x10 weeks", math.NaN(), CodeNumberUnreadable},
		{"duration", dur, "1_000 days", math.NaN(), CodeNumberUnreadable},
		{"duration", dur, "٣ months", 3 * DaysPerMonth, ""},
		{"duration", dur, "3-6 months", 4.5 * DaysPerMonth, CodeRange},
		{"duration", dur, "500 years", 500 * DaysPerYear, CodeImplausible},
		{"dose", dose, "-50 mg", math.NaN(), CodeNegative},
		{"dose", dose, "1e400 mg", math.NaN(), CodeNumberUnreadable},
		{"dose", dose, "0x10 mg", math.NaN(), CodeNumberUnreadable},
		{"dose", dose, "1.000,5 mg", math.NaN(), CodeNumberUnreadable},
		{"dose", dose, "1_000 mg", math.NaN(), CodeNumberUnreadable},
		{"dose", dose, "٥٠ mg daily", 50, ""},
		{"dose", dose, "1e3 mg daily", 1000, ""},
		{"dose", dose, "999999999 g daily", 999999999e3, CodeImplausible},
		{"dose", dose, "60-90 mg", 75, CodeRange},
		{"dose", dose, "50 mg -> 100 mg daily", 100, ""},
		{"size", size, "-2 cm", math.NaN(), CodeNegative},
		{"size", size, "0x10 cm", math.NaN(), CodeNumberUnreadable},
		{"size", size, "10x7 cm", 10, ""},
		{"lab", lab, "-8.5 mg/dL", math.NaN(), CodeNegative},
		{"lab", lab, "8.5 mg/dL", 8.5, ""},
	} {
		r := tc.parse(tc.in)
		same := r.v == tc.want || math.IsNaN(r.v) && math.IsNaN(tc.want)
		if math.IsNaN(tc.want) && r.status != Unknown {
			same = false
		}
		found := tc.code == ""
		for _, n := range r.notes {
			if n.Code == tc.code {
				found = true
				if tc.code == CodeImplausible && !strings.Contains(n.Msg, "range") {
					t.Errorf("%s %q: note %q does not give the range", tc.name, tc.in, n)
				}
			}
		}
		if !same || !found {
			t.Errorf("%s %q = %v (%v, %v); want %v with a %q note", tc.name, tc.in, r.v, r.status, r.notes, tc.want, tc.code)
		}
	}
}
