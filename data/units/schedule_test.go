package units

import (
	"math"
	"testing"
)

// The reviewer's dose cells (issue 10): "x N" is a count of doses, never a frequency, so
// "375 mg/m2 weekly x 4" and "375mg/m2 x4" no longer disagree (53.57 against 375 per
// day), and "1 g x2" is two doses, not 1000 mg/day; interval schedules give a mean daily
// dose over the course and their schedule in words.
func TestDoseSchedules(t *testing.T) {
	nan := math.NaN()
	for _, tt := range []struct {
		text      string
		opt       DoseOptions
		max, mean float64 // per day
		total     float64
		unit      string
		schedule  string
	}{
		// 4 weekly doses of 375 over 28 days: 1500/28
		{"375 mg/m2 weekly x 4", DoseOptions{}, 375.0 / 7, 1500.0 / 28, 1500, "mg/m²/day", "weekly × 4"},
		// no interval: the count gives the total; the treatment duration gives the mean
		{"375mg/m2 x4", DoseOptions{}, nan, nan, 1500, "mg/m²/day", "× 4"},
		{"375mg/m2 x4", DoseOptions{CourseDays: 28}, 1500.0 / 28, 1500.0 / 28, 1500, "mg/m²/day", "× 4"},
		{"1 g x2", DoseOptions{}, nan, nan, 2000, "mg/day", "× 2"},
		{"1 g x2", DoseOptions{CourseDays: 14}, 2000.0 / 14, 2000.0 / 14, 2000, "mg/day", "× 2"},
		// BSA 1.8 m²
		{"375 mg/m2 weekly x 4", DoseOptions{BSA: 1.8}, 375 * 1.8 / 7, 375 * 1.8 * 4 / 28, 375 * 1.8 * 4, "mg/day", "weekly × 4"},
		// infliximab loading at weeks 0, 2, 6 then every 8 weeks: over a year (365.25 days)
		// doses on days 0, 14, 42, 98, 154, 210, 266, 322 = 8 doses of 5 mg/kg
		{"5 mg/kg at weeks 0, 2, 6 then every 8 weeks", DoseOptions{CourseDays: 365.25}, 5.0 / 56, 40 / 365.25, 40, "mg/kg/day", "weeks 0, 2, 6, then every 8 weeks"},
		// without a course length: the maintenance rate
		{"5 mg/kg at weeks 0, 2, 6 then every 8 weeks", DoseOptions{}, 5.0 / 56, 5.0 / 56, nan, "mg/kg/day", "weeks 0, 2, 6, then every 8 weeks"},
		{"5 mg/kg at weeks 0, 2, 6 then every 8 weeks", DoseOptions{WeightKg: 70}, 350.0 / 56, 350.0 / 56, nan, "mg/day", "weeks 0, 2, 6, then every 8 weeks"},
		// eculizumab: 900 mg weekly × 4, then 1200 mg every 2 weeks, over 84 days:
		// 4 × 900 by day 28, then 1200 on days 28, 42, 56, 70 → 3600 + 4800 = 8400
		{"900 mg weekly x 4 then 1200 mg every 2 weeks", DoseOptions{CourseDays: 84}, 900.0 / 7, 8400.0 / 84, 8400, "mg/day", "weekly × 4, then every 2 weeks"},
		// cycles every 3 weeks × 6: 6 doses over 126 days
		{"750 mg/m2 every 3 weeks x 6 cycles", DoseOptions{}, 750.0 / 21, 4500.0 / 126, 4500, "mg/m²/day", "every 3 weeks × 6"},
		// a duration is not a count
		{"1 g/day x 3 days", DoseOptions{}, 1000, 1000, nan, "mg/day", ""},
		{"60 mg tid", DoseOptions{}, 180, 180, nan, "mg/day", ""},
	} {
		d := ParseDoseWith(tt.text, tt.opt)
		same := func(a, b float64) bool {
			return math.IsNaN(a) && math.IsNaN(b) || math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
		}
		if !same(d.Max, tt.max) || !same(d.Mean, tt.mean) || !same(d.Total, tt.total) || d.Unit != tt.unit || d.Schedule != tt.schedule {
			t.Errorf("ParseDoseWith(%q, %+v) = max %v mean %v total %v %s schedule %q, want %v %v %v %s %q; notes %v",
				tt.text, tt.opt, d.Max, d.Mean, d.Total, d.Unit, d.Schedule, tt.max, tt.mean, tt.total, tt.unit, tt.schedule, d.Notes)
		}
	}
	// a schedule without an amount ("x 6 cycles" in a Dose column beside R-CHOP)
	if d := ParseDose("x 6 cycles"); d.Schedule != "x 6 cycles" || !math.IsNaN(d.Max) {
		t.Errorf("ParseDose(x 6 cycles) = schedule %q max %v", d.Schedule, d.Max)
	}
}
