package units

import "testing"

// Expected days use DaysPerMonth = 30.4375 and DaysPerYear = 365.25.
func TestParseDuration(t *testing.T) {
	tests := []struct {
		text           string
		days, min, max float64
		status         Status
		code           Code
	}{
		// seed papers
		{"2 months", 2 * mo, 2 * mo, 2 * mo, Converted, ""},
		{"one and half years", 1.5 * yr, 1.5 * yr, 1.5 * yr, Converted, ""},
		{"16 weeks", 112, 112, 112, Converted, ""},
		{"after 16 weeks of treatment with oral diltiazem", 112, 112, 112, Converted, ""},
		{"6 yrs", 6 * yr, 6 * yr, 6 * yr, Converted, ""},
		{"past 6 years", 6 * yr, 6 * yr, 6 * yr, Converted, ""},
		{"3 mo", 3 * mo, 3 * mo, 3 * mo, Converted, ""},
		{"for the past 14 years", 14 * yr, 14 * yr, 14 * yr, Converted, ""},
		{"after 4 month period", 4 * mo, 4 * mo, 4 * mo, Converted, ""},
		{"5 years of therapy", 5 * yr, 5 * yr, 5 * yr, Converted, ""},
		{"even after 5 years of therapy", 5 * yr, 5 * yr, 5 * yr, Converted, ""},
		{"since 10 years of age", nan, nan, nan, Unknown, CodeAgeMissing},
		{"10 days", 10, 10, 10, Exact, ""},
		{"1.5 y", 1.5 * yr, 1.5 * yr, 1.5 * yr, Converted, ""},
		{"2-3 months", 2.5 * mo, 2 * mo, 3 * mo, Assumed, CodeRange},
		{"for 4 months", 4 * mo, 4 * mo, 4 * mo, Converted, ""},
		{"8 months", 8 * mo, 8 * mo, 8 * mo, Converted, ""},
		{"six months history", 6 * mo, 6 * mo, 6 * mo, Converted, ""},
		{"started about 3 years ago", 3 * yr, 3 * yr, 3 * yr, Converted, CodeApprox},
		{"since 10years", 10 * yr, 10 * yr, 10 * yr, Converted, ""},
		{"lesions over lower back and thighs for 2 months", 2 * mo, 2 * mo, 2 * mo, Converted, ""},
		// further phrasings
		{"a year", yr, yr, yr, Converted, ""},
		{"1 year", yr, yr, yr, Converted, ""},
		{"18 months", 18 * mo, 18 * mo, 18 * mo, Converted, ""},
		{"3 weeks", 21, 21, 21, Converted, ""},
		{"3 wks", 21, 21, 21, Converted, ""},
		{"4/52", 28, 28, 28, Converted, ""},
		{"6/12", 6 * mo, 6 * mo, 6 * mo, Converted, ""},
		{"3/7", 3, 3, 3, Exact, ""},
		{"48 hours", 2, 2, 2, Converted, ""},
		{"12 h", 0.5, 0.5, 0.5, Converted, ""},
		{"1 year 6 months", yr + 6*mo, yr + 6*mo, yr + 6*mo, Converted, ""},
		{"2 years and 3 months", 2*yr + 3*mo, 2*yr + 3*mo, 2*yr + 3*mo, Converted, ""},
		{"> 6 months", 6 * mo, 6 * mo, 6 * mo, Assumed, CodeBound},
		{"more than 2 years", 2 * yr, 2 * yr, 2 * yr, Assumed, CodeBound},
		{"less than 1 month", mo, mo, mo, Assumed, CodeBound},
		{"within 2 weeks", 14, 14, 14, Assumed, CodeBound},
		{"about 3 months", 3 * mo, 3 * mo, 3 * mo, Converted, CodeApprox},
		{"~3 months", 3 * mo, 3 * mo, 3 * mo, Converted, CodeApprox},
		{"2 to 3 weeks", 17.5, 14, 21, Assumed, CodeRange},
		{"2–3 years", 2.5 * yr, 2 * yr, 3 * yr, Assumed, CodeRange},
		{"x 6 months", 6 * mo, 6 * mo, 6 * mo, Converted, ""},
		{"16-week course", 112, 112, 112, Converted, ""},
		{"twelve weeks", 84, 84, 84, Converted, ""},
		{"twenty-four months", 24 * mo, 24 * mo, 24 * mo, Converted, ""},
		{"1 decade", 10 * yr, 10 * yr, 10 * yr, Converted, ""},
		{"a fortnight", 14, 14, 14, Converted, ""},
		{"7 d", 7, 7, 7, Exact, ""},
		{"6 mos", 6 * mo, 6 * mo, 6 * mo, Converted, ""},
		{"2 yr", 2 * yr, 2 * yr, 2 * yr, Converted, ""},
		{"since childhood", nan, nan, nan, Unknown, CodeVague},
		{"since 2015", nan, nan, nan, Unknown, CodeDateMissing},
		{"several months", nan, nan, nan, Unknown, CodeVague},
		{"a few weeks", nan, nan, nan, Unknown, CodeVague},
		{"chronic", nan, nan, nan, Unknown, CodeUnparsed},
		{"", nan, nan, nan, Unknown, CodeUnparsed},
		{"dermatomyositis for 10 years, plaques for 8 months", 10 * yr, 10 * yr, 10 * yr, Converted, CodeMultiple},
	}
	for _, tc := range tests {
		d := ParseDuration(tc.text)
		if !near(d.Days, tc.days) || !near(d.MinDays, tc.min) || !near(d.MaxDays, tc.max) || d.Status != tc.status {
			t.Errorf("ParseDuration(%q) = %v [%v, %v] %v, want %v [%v, %v] %v (notes %v)", tc.text, d.Days, d.MinDays, d.MaxDays, d.Status, tc.days, tc.min, tc.max, tc.status, d.Notes)
		}
		if tc.code != "" && !hasCode(d.Notes, tc.code) {
			t.Errorf("ParseDuration(%q): no %s note in %v", tc.text, tc.code, d.Notes)
		}
	}
}

func TestParseDurationAge(t *testing.T) {
	tests := []struct {
		text   string
		age    float64
		days   float64
		status Status
	}{
		// seed 000 case 3: 14 years old, systemic sclerosis since 10 years of age
		{"since 10 years of age", 14, 4 * yr, Converted},
		{"since age 5", 20, 15 * yr, Converted},
		{"since the age of 12 years", 30, 18 * yr, Converted},
		{"since 12 yrs old", 30, 18 * yr, Converted},
		{"since birth", 14, 14 * yr, Converted},
		{"since 10 years of age", nan, nan, Unknown},
		{"since 20 years of age", 14, nan, Unknown},
		{"2 months", 14, 2 * mo, Converted},
	}
	for _, tc := range tests {
		d := ParseDurationAge(tc.text, tc.age)
		if !near(d.Days, tc.days) || d.Status != tc.status {
			t.Errorf("ParseDurationAge(%q, %v) = %v %v, want %v %v (notes %v)", tc.text, tc.age, d.Days, d.Status, tc.days, tc.status, d.Notes)
		}
	}
}

func TestParseAge(t *testing.T) {
	tests := []struct {
		text            string
		years, min, max float64
		sex             Sex
		status          Status
	}{
		// seed papers
		{"69 years", 69, 69, 69, SexUnknown, Exact},
		{"A 69 years male", 69, 69, 69, SexMale, Exact},
		{"A 62 years female", 62, 62, 62, SexFemale, Exact},
		{"14 years female", 14, 14, 14, SexFemale, Exact},
		{"54-year-old", 54, 54, 54, SexUnknown, Exact},
		{"a healthy 54-year-old female", 54, 54, 54, SexFemale, Exact},
		{"54yr old", 54, 54, 54, SexUnknown, Exact},
		{"54 year old female", 54, 54, 54, SexFemale, Exact},
		// brief
		{"14 y", 14, 14, 14, SexUnknown, Exact},
		{"18 months", 1.5, 1.5, 1.5, SexUnknown, Converted},
		{"45/F", 45, 45, 45, SexFemale, Exact},
		{"62 yrs", 62, 62, 62, SexUnknown, Exact},
		// further phrasings
		{"F/45", 45, 45, 45, SexFemale, Exact},
		{"45 M", 45, 45, 45, SexMale, Exact},
		{"45M", 45, 45, 45, SexMale, Exact},
		{"45 y/o M", 45, 45, 45, SexMale, Exact},
		{"32 yo F", 32, 32, 32, SexFemale, Exact},
		{"female, 32 yrs", 32, 32, 32, SexFemale, Exact},
		{"3 weeks", 21 / yr, 21 / yr, 21 / yr, SexUnknown, Converted},
		{"6 days old boy", 6 / yr, 6 / yr, 6 / yr, SexMale, Converted},
		{"in her 40s", 45, 40, 50, SexFemale, Assumed},
		{"2 years 3 months", 2.25, 2.25, 2.25, SexUnknown, Converted},
		{"40-50 years", 45, 40, 50, SexUnknown, Assumed},
		{"twenty-five years", 25, 25, 25, SexUnknown, Exact},
		{"45", 45, 45, 45, SexUnknown, Assumed},
		{"aged 45", 45, 45, 45, SexUnknown, Assumed},
		{"11-year-old girl", 11, 11, 11, SexFemale, Exact},
		{"7 yr old boy", 7, 7, 7, SexMale, Exact},
		{"", nan, nan, nan, SexUnknown, Unknown},
		{"adult", nan, nan, nan, SexUnknown, Unknown},
		{"150 years", nan, nan, nan, SexUnknown, Unknown},
		{"female", nan, nan, nan, SexFemale, Unknown},
	}
	for _, tc := range tests {
		a := ParseAge(tc.text)
		if !near(a.Years, tc.years) || !near(a.MinYears, tc.min) || !near(a.MaxYears, tc.max) || a.Sex != tc.sex || a.Status != tc.status {
			t.Errorf("ParseAge(%q) = %v [%v, %v] %q %v, want %v [%v, %v] %q %v (notes %v)", tc.text, a.Years, a.MinYears, a.MaxYears, a.Sex, a.Status, tc.years, tc.min, tc.max, tc.sex, tc.status, a.Notes)
		}
	}
}

func TestParseSex(t *testing.T) {
	tests := []struct {
		text string
		want Sex
	}{
		{"F", SexFemale}, {"female", SexFemale}, {"Female", SexFemale}, {"45/F", SexFemale},
		{"woman", SexFemale}, {"M", SexMale}, {"male", SexMale}, {"Male", SexMale},
		{"boy", SexMale}, {"45/M", SexMale}, {"", SexUnknown}, {"M/F", SexUnknown}, {"unknown", SexUnknown},
	}
	for _, tc := range tests {
		if got := ParseSex(tc.text); got != tc.want {
			t.Errorf("ParseSex(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	if a := ParseAge("45 M/F"); !hasCode(a.Notes, CodeSexConflict) || a.Sex != SexUnknown {
		t.Errorf("ParseAge(\"45 M/F\") = %+v", a)
	}
}
