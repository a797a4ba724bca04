package units

import "testing"

// Diameter = largest dimension, area = product of the two largest, in cm
// (1 mm = 0.1 cm, 1 in = 2.54 cm exactly).
func TestParseSize(t *testing.T) {
	tests := []struct {
		text                   string
		minD, maxD, minA, maxA float64
		n                      int
		status                 Status
	}{
		// seed papers
		{"1*1cm to 5*5 cm", 1, 5, 1, 25, 2, Exact},
		{"plaques of size varying from 1*1cm to 5*5 cm approximately", 1, 5, 1, 25, 2, Exact},
		{"1.5*1.5cm to 2*2.5cm", 1.5, 2.5, 2.25, 5, 2, Exact},
		{"3*2cm", 3, 3, 6, 6, 1, Exact},
		{"1x1 cm to 10x7 cm", 1, 10, 1, 70, 2, Exact},
		// brief
		{"1*1cm", 1, 1, 1, 1, 1, Exact},
		{"10x7 cm", 10, 10, 70, 70, 1, Exact},
		{"15 mm", 1.5, 1.5, nan, nan, 1, Converted},
		{"3 × 2 cm", 3, 3, 6, 6, 1, Exact},
		{"2 cm", 2, 2, nan, nan, 1, Exact},
		{"0.5-2 cm", 0.5, 2, nan, nan, 2, Exact},
		// further
		{"2 x 3 cm", 3, 3, 6, 6, 1, Exact},
		{"2 by 3 cm", 3, 3, 6, 6, 1, Exact},
		{"4 cm x 3 cm", 4, 4, 12, 12, 1, Exact},
		{"2cm*3cm", 3, 3, 6, 6, 1, Exact},
		{"10×7cm", 10, 10, 70, 70, 1, Exact},
		{"2.5 X 1.5 cm", 2.5, 2.5, 3.75, 3.75, 1, Exact},
		{"5 mm to 2 cm", 0.5, 2, nan, nan, 2, Converted},
		{"20x15 mm", 2, 2, 3, 3, 1, Converted},
		{"1x1x0.5 cm", 1, 1, 1, 1, 1, Exact},
		{"2 inches", 5.08, 5.08, nan, nan, 1, Converted},
		{"ranging from 0.5 to 3 cm", 0.5, 3, nan, nan, 2, Exact},
		{"measuring 4.5 cm in diameter", 4.5, 4.5, nan, nan, 1, Exact},
		{"3 lesions of 2 cm", 2, 2, nan, nan, 1, Exact},
		{"2x3 cm, 4x5 cm", 3, 5, 6, 20, 2, Exact},
		{"3x2", 3, 3, 6, 6, 1, Assumed},
		{"1 x 1 to 5 x 5 cm", 1, 5, 1, 25, 2, Exact},
		{"pea-sized", nan, nan, nan, nan, 0, Unknown},
		{"", nan, nan, nan, nan, 0, Unknown},
	}
	for _, tc := range tests {
		s := ParseSize(tc.text)
		if !near(s.MinDiameterCm, tc.minD) || !near(s.MaxDiameterCm, tc.maxD) || !near(s.MinAreaCm2, tc.minA) || !near(s.MaxAreaCm2, tc.maxA) ||
			len(s.Dims) != tc.n || s.Status != tc.status {
			t.Errorf("ParseSize(%q) = diam [%v, %v] area [%v, %v] dims %v %v, want [%v, %v] [%v, %v] n=%d %v (notes %v)",
				tc.text, s.MinDiameterCm, s.MaxDiameterCm, s.MinAreaCm2, s.MaxAreaCm2, s.Dims, s.Status, tc.minD, tc.maxD, tc.minA, tc.maxA, tc.n, tc.status, s.Notes)
		}
	}
	if s := ParseSize("2 cm"); !hasCode(s.Notes, CodeAreaUnknown) {
		t.Errorf("single dimension without area note: %v", s.Notes)
	}
	if s := ParseSize("1x2x3x4 cm"); !hasCode(s.Notes, CodeTooManyDims) || s.MaxDiameterCm != 3 {
		t.Errorf("four dimensions: %+v", s)
	}
}
