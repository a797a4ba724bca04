package numtext

import (
	"math"
	"testing"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {1515, "1,515"}, {10668, "10,668"},
		{123456, "123,456"}, {1234567, "1,234,567"}, {-999, "-999"}, {-1234, "-1,234"},
		{math.MaxInt64, "9,223,372,036,854,775,807"},
	} {
		if got := Count(tc.n); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
