package surv

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// same reports whether two values are equal, NaNs included, field by field
// (exactly: the weighted estimate must be the repeated rows' estimate).
func same(a, b any) bool {
	return reflect.DeepEqual(nanZero(a), nanZero(b))
}

// nanZero replaces every NaN float64 field of a slice of structs by a
// sentinel, so that DeepEqual treats two NaNs as equal.
func nanZero(v any) any {
	rv := reflect.ValueOf(v)
	out := reflect.MakeSlice(rv.Type(), rv.Len(), rv.Len())
	reflect.Copy(out, rv)
	for i := 0; i < out.Len(); i++ {
		e := out.Index(i)
		for j := 0; j < e.NumField(); j++ {
			if f := e.Field(j); f.Kind() == reflect.Float64 && math.IsNaN(f.Float()) {
				f.SetFloat(-12345.678)
			}
		}
	}
	return out.Interface()
}

// weightCases are the ways of turning a reference data set into weighted
// rows: the histogram of its (time, status) pairs, and the rows themselves
// with random weights 0–3 (compared with the rows repeated that often).
var weightCases = []struct {
	name   string
	random bool
}{{"histogram of the rows", false}, {"random weights 0-3", true}}

// weighRows turns the rows (times, events) into weighted rows and the rows those
// weights stand for: with random, each row with a random weight 0–3 and the row
// repeated that often; else the histogram of the distinct (time, event) pairs, in the
// order first met, and the rows themselves.
func weighRows[E comparable](times []float64, events []E, random bool, rng *rand.Rand) (wt []float64, we []E, w []int, rt []float64, re []E) {
	if random {
		for i := range times {
			k := rng.IntN(4)
			wt, we, w = append(wt, times[i]), append(we, events[i]), append(w, k)
			for range k {
				rt, re = append(rt, times[i]), append(re, events[i])
			}
		}
		return wt, we, w, rt, re
	}
	type key struct {
		t float64
		e E
	}
	n := map[key]int{}
	var order []key
	for i := range times {
		k := key{times[i], events[i]}
		if n[k] == 0 {
			order = append(order, k)
		}
		n[k]++
	}
	for _, k := range order {
		wt, we, w = append(wt, k.t), append(we, k.e), append(w, n[k])
	}
	return wt, we, w, times, events
}

// TestKaplanMeierWeighted: on every R reference data set (km_data.csv),
// KaplanMeierWeighted with integer counts gives exactly KaplanMeier on the
// rows repeated that often.
func TestKaplanMeierWeighted(t *testing.T) {
	sets, names := loadData(t)
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range weightCases {
		for _, name := range names {
			t.Run(tc.name+"/"+name, func(t *testing.T) {
				d := sets[name]
				wt, we, w, rt, re := weighRows(d.time, d.event, tc.random, rng)
				want := KaplanMeier(rt, re, DefaultLevel)
				got := KaplanMeierWeighted(wt, we, w, DefaultLevel)
				if !same(got.Points, want.Points) || !slices.Equal(got.Warnings, want.Warnings) {
					t.Errorf("weighted %+v\nwant %+v", got, want)
				}
			})
		}
	}
}

// TestAalenJohansenWeighted: the same for AalenJohansenWeighted on every
// reference data set of aj_data.csv.
func TestAalenJohansenWeighted(t *testing.T) {
	sets, names := loadAJData(t)
	rng := rand.New(rand.NewPCG(7, 8))
	for _, tc := range weightCases {
		for _, name := range names {
			t.Run(tc.name+"/"+name, func(t *testing.T) {
				d := sets[name]
				wt, ws, w, rt, rs := weighRows(d.time, d.status, tc.random, rng)
				want := AalenJohansen(rt, rs, DefaultLevel)
				got := AalenJohansenWeighted(wt, ws, w, DefaultLevel)
				if !same(got.Points, want.Points) || !slices.Equal(got.Warnings, want.Warnings) {
					t.Errorf("weighted %+v\nwant %+v", got, want)
				}
			})
		}
	}
}

// TestWeightedPanics: weights of the wrong length or below 0 are caller
// bugs.
func TestWeightedPanics(t *testing.T) {
	for _, tt := range []struct {
		name string
		call func()
		want string
	}{
		{"km length", func() { KaplanMeierWeighted([]float64{1}, []bool{true}, nil, 0.95) }, "1 times but 0 weights"},
		{"km negative", func() { KaplanMeierWeighted([]float64{1}, []bool{true}, []int{-1}, 0.95) }, "weights must be counts"},
		{"aj length", func() { AalenJohansenWeighted([]float64{1}, []Status{Event}, []int{1, 2}, 0.95) }, "1 times but 2 weights"},
		{"aj negative", func() { AalenJohansenWeighted([]float64{1}, []Status{Event}, []int{-2}, 0.95) }, "weights must be counts"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "surv: ") || !strings.Contains(s, tt.want) {
					t.Errorf("panic %v, want surv: … %s", r, tt.want)
				}
			}()
			tt.call()
		})
	}
}
