package vocab

import "testing"

func TestNormalRangeCategory(t *testing.T) {
	sodium := normalRange{low: 135, high: 145}
	tests := []struct {
		name     string
		a, b     float64
		want     Category
		weak, ok bool
	}{
		{"into the interval from below", 118, 138, Complete, false, true},
		{"into the interval from above", 160, 144, Complete, false, true},
		{"more than half-way from below", 115, 128, Partial, false, true},
		{"less than half-way", 115, 120, Minimal, false, true},
		{"no nearer", 120, 120, None, false, true},
		{"further below: the disease worse or a harm, weak", 130, 115, Progression, true, true},
		{"out of the interval: weak", 140, 128, Progression, true, true},
		{"past the interval to its other side: weak", 115, 152, Partial, true, true},
		{"normal before and after says nothing", 137, 141, CategoryUnknown, false, false},
	}
	for _, tt := range tests {
		got, weak, ok := sodium.category(tt.a, tt.b)
		if got != tt.want || weak != tt.weak || ok != tt.ok {
			t.Errorf("%s: category(%v, %v) = %v, %v, %v; want %v, %v, %v", tt.name, tt.a, tt.b, got, weak, ok, tt.want, tt.weak, tt.ok)
		}
	}
}

func TestPickNormalRange(t *testing.T) {
	gdl, _ := parseNormalRange("12-17.5", "g/dL")
	gl, _ := parseNormalRange("120-175", "g/L")
	hb := []normalRange{gdl, gl}
	tsh, _ := parseNormalRange("0.4-4.0", "mU/L|mIU/L")
	tests := []struct {
		name string
		rs   []normalRange
		near string
		a, b float64
		want float64 // the low end of the interval picked; -1 for none
	}{
		{"the unit named", hb, "7.8 -> 12.8 g/dL", 7.8, 12.8, 12},
		{"the other unit named", hb, "78 -> 128 g/L", 78, 128, 120},
		{"g/L is not inside mg/L", hb, "8 -> 12 mg/L", 8, 12, -1},
		{"no unit: the scale tells", hb, "6.1 -> 11.8", 6.1, 11.8, 12},
		{"no unit: the other scale", hb, "61 -> 118", 61, 118, 120},
		{"no unit and both scales fit", hb, "40 -> 60", 40, 60, -1},
		{"one interval, no unit", []normalRange{tsh}, "0.01 -> 2.3", 0.01, 2.3, 0.4},
		{"one interval, another unit", []normalRange{tsh}, "0.01 -> 2.3 ng/dL", 0.01, 2.3, -1},
	}
	for _, tt := range tests {
		r, ok := pickNormalRange(tt.rs, tt.near, tt.a, tt.b)
		got := -1.0
		if ok {
			got = r.low
		}
		if got != tt.want {
			t.Errorf("%s: pickNormalRange(%q) picked the interval from %v, want %v", tt.name, tt.near, got, tt.want)
		}
	}
}

func TestParseNormalRange(t *testing.T) {
	for _, bad := range []string{"135", "145-135", "a-b", "-1-4", "5-5"} {
		if _, ok := parseNormalRange(bad, ""); ok {
			t.Errorf("parseNormalRange(%q) accepted a value that is not LOW-HIGH", bad)
		}
	}
	r, ok := parseNormalRange(" 3.5 - 5.0 ", "mmol/L| mEq/L")
	if !ok || r.low != 3.5 || r.high != 5 || len(r.units) != 2 || r.units[1] != "meq/l" {
		t.Errorf("parseNormalRange(3.5 - 5.0) = %+v, %v", r, ok)
	}
}
