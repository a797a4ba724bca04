package stats

import (
	"fmt"
	"math"
	"testing"
)

func TestQuantile(t *testing.T) {
	tests := []struct {
		x    []float64
		p    float64
		want float64
	}{
		// R 4.2.2: quantile(c(1, 2, 3, 4, 10), c(0.25, 0.5, 0.75)) = 2, 3, 4
		{[]float64{1, 2, 3, 4, 10}, 0.25, 2},
		{[]float64{1, 2, 3, 4, 10}, 0.5, 3},
		{[]float64{1, 2, 3, 4, 10}, 0.75, 4},
		// R 4.2.2: quantile(c(1, 2, 4, 7), c(0, 0.25, 0.5, 1)) = 1, 1.75, 3, 7
		{[]float64{1, 2, 4, 7}, 0, 1},
		{[]float64{1, 2, 4, 7}, 0.25, 1.75},
		{[]float64{1, 2, 4, 7}, 0.5, 3},
		{[]float64{1, 2, 4, 7}, 1, 7},
		// R 4.2.2: quantile(c(1.5, 2.5, 10), 0.1) = 1.7
		{[]float64{1.5, 2.5, 10}, 0.1, 1.7},
		// R 4.2.2: quantile(42, 0.9) = 42
		{[]float64{42}, 0.9, 42},
	}
	for _, tt := range tests {
		if got := Quantile(tt.p, tt.x); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Quantile(%v, %v) = %v, want %v (tol 1e-12)", tt.p, tt.x, got, tt.want)
		}
	}
	if got := Quantile(0.5, nil); !math.IsNaN(got) {
		t.Errorf("Quantile of an empty sample = %v, want NaN", got)
	}
	for _, bad := range []func(){func() { Quantile(1.5, []float64{1}) }, func() { Quantile(0.5, []float64{2, 1}) }} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic for a caller bug")
				}
			}()
			bad()
		}()
	}
}

func ExampleQuantile() {
	ages := []float64{23, 31, 40, 47, 58, 66}
	fmt.Printf("median %.1f (IQR %.2f–%.2f)\n", Quantile(0.5, ages), Quantile(0.25, ages), Quantile(0.75, ages))
	// Output: median 43.5 (IQR 33.25–55.25)
}
