package normalise

import "testing"

// TestSplitNameDose: a treatment segment without a known drug splits at
// its first number into name and dose; connectors around a dose go.
func TestSplitNameDose(t *testing.T) {
	for _, tt := range []struct{ in, name, dose string }{
		{"Zorbazumab 5 mg daily", "Zorbazumab", "5 mg daily"},
		{"Zorbazumab", "Zorbazumab", ""},
		{"5 mg daily", "5 mg daily", ""},
	} {
		if n, d := splitNameDose(tt.in); n != tt.name || d != tt.dose {
			t.Errorf("splitNameDose(%q) = %q, %q", tt.in, n, d)
		}
	}
	for in, want := range map[string]string{" and ": "", ", 60 mg tid and": "60 mg tid", "with 35 mg weekly;": "35 mg weekly", "": "", "60 mg tid": "60 mg tid"} {
		if got := trimConnectors(in); got != want {
			t.Errorf("trimConnectors(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFormatDose: doses in normalised/cases.csv keep four significant
// digits, whole numbers above that as they are.
func TestFormatDose(t *testing.T) {
	for v, want := range map[float64]string{375.0 / 7: "53.57", 5.0 / 56: "0.08929", 1500: "1500", 12345.6: "12346", 180: "180", 2.5: "2.5"} {
		if got := formatDose(v); got != want {
			t.Errorf("formatDose(%v) = %q, want %q", v, got, want)
		}
	}
}
