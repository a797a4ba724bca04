package vocab

import (
	"math"
	"strconv"
	"strings"
)

// pairValues reads the values before and after of a change ("from A to B"), each followed
// by its text (after1, after2): a count times a power of ten written on the second value only
// is the unit of both ("platelets from 90 to 20 x10^9/L" is 90 -> 20, not 90 -> 2e10); a
// power on the first value is its own ("viral load from 2 x 10^6 to 400 copies/mL").
func pairValues(v1, after1, v2, after2 string) (a, b float64) {
	if !unitPower(v1, after1) && unitPower(v2, after2) && len(dimSplit.Split(strings.TrimSpace(v2), -1)) > 1 {
		return mantissa(v1), mantissa(v2)
	}
	return powerValue(v1, after1), powerValue(v2, after2)
}

// sizeValue reads "3", "3 x 2" or "3×2×1" as a number, area or volume.
func sizeValue(s string) float64 {
	p := 1.0
	for _, f := range dimSplit.Split(strings.TrimSpace(s), -1) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return math.NaN()
		}
		p *= v
	}
	return p
}

// unitPower reports whether the value s, followed by after, is written with a power of ten
// ("20 x10^9", "20 × 10^9/L", "10^3").
func unitPower(s, after string) bool {
	fs := dimSplit.Split(strings.TrimSpace(s), -1)
	return fs[len(fs)-1] == "10" && strings.HasPrefix(after, "^")
}

// mantissa is the value s without a power of ten written after it ("20 x10" of "20 x10^9/L").
func mantissa(s string) float64 {
	if strings.Contains(s, ",") {
		s = commaFree(s)
	}
	fs := dimSplit.Split(strings.TrimSpace(s), -1)
	if len(fs) > 1 && fs[len(fs)-1] == "10" {
		fs = fs[:len(fs)-1]
	}
	return sizeValue(strings.Join(fs, " x "))
}

// powerValue is sizeValue of s, with an exponent written right after it ("10^6", "2 x
// 10^9": the last factor raised to it), as viral loads and counts are written; after is the
// text that follows s.
func powerValue(s, after string) float64 {
	if strings.Contains(s, ",") {
		s = commaFree(s) // "4,500": a thousands separator; "6,1": a decimal comma
	}
	if len(after) < 2 || after[0] != '^' {
		return sizeValue(s)
	}
	k := 1
	if after[k] == '-' || after[k] == '+' {
		k++
	}
	start := k
	for k < len(after) && after[k] >= '0' && after[k] <= '9' {
		k++
	}
	exp, err := strconv.Atoi(after[start:k])
	if err != nil {
		return math.NaN()
	}
	if after[1] == '-' {
		exp = -exp
	}
	fs := dimSplit.Split(strings.TrimSpace(s), -1)
	last, err := strconv.ParseFloat(fs[len(fs)-1], 64)
	if err != nil || last == 0 {
		return math.NaN()
	}
	return sizeValue(s) / last * math.Pow(last, float64(exp)) // the last factor raised to exp
}
