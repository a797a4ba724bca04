package units

import "math"

// near compares floats with relative tolerance 1e-9 (values here are exact
// products of the written numbers and documented factors); NaN equals NaN.
func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func hasCode(ns []Note, c Code) bool {
	for _, n := range ns {
		if n.Code == c {
			return true
		}
	}
	return false
}

var nan = math.NaN()

const (
	mo = DaysPerMonth
	yr = DaysPerYear
)
