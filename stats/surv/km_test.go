package surv

import (
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[1:]
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	if s == "NA" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// near reports whether got and want agree to tol relative to max(|want|, 1),
// treating equal infinities and two NaNs as equal.
func near(got, want, tol float64) bool {
	if got == want || math.IsNaN(got) && math.IsNaN(want) {
		return true
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

type dataset struct {
	time  []float64
	event []bool
}

func loadData(t *testing.T) (map[string]dataset, []string) {
	sets := map[string]dataset{}
	var names []string
	for _, r := range readCSV(t, "km_data.csv") {
		d, ok := sets[r[0]]
		if !ok {
			names = append(names, r[0])
		}
		d.time = append(d.time, num(t, r[1]))
		d.event = append(d.event, r[2] == "1")
		sets[r[0]] = d
	}
	return sets, names
}

// TestKaplanMeierReference checks every row of testdata/km.csv:
// R 4.2.2, survival 3.5-3: survfit(Surv(time, status) ~ 1) with defaults
// (log interval, 95%, Greenwood) for no_ties, ties, last_event (S reaches 0)
// and random_n25. tol 1e-9 relative to max(|want|, 1); NA = NaN.
func TestKaplanMeierReference(t *testing.T) {
	const tol = 1e-9
	sets, names := loadData(t)
	want := map[string][][]string{}
	for _, r := range readCSV(t, "km.csv") {
		want[r[0]] = append(want[r[0]], r[1:])
	}
	if len(names) != 4 || len(want) != 4 {
		t.Fatalf("got %d data sets and %d result sets, want 4 and 4", len(names), len(want))
	}
	for _, name := range names {
		d := sets[name]
		c := KaplanMeier(d.time, d.event, DefaultLevel)
		rows := want[name]
		if len(c.Points) != len(rows) {
			t.Errorf("%s: %d points, want %d", name, len(c.Points), len(rows))
			continue
		}
		for i, r := range rows {
			p := c.Points[i]
			got := []float64{p.Time, float64(p.NRisk), float64(p.NEvent), float64(p.NCensor), p.Surv, p.StdErr, p.Lower, p.Upper}
			for j, g := range got {
				if w := num(t, r[j]); !near(g, w, tol) {
					t.Errorf("%s row %d: got %+v, want %v", name, i+1, p, r)
					break
				}
			}
		}
	}
}

// TestKaplanMeierEdges checks small curves whose values follow by hand from
// the product-limit and Greenwood formulas, tol 1e-12.
func TestKaplanMeierEdges(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	z := 1.959963984540054 // qnorm(0.975)
	tests := []struct {
		name  string
		time  []float64
		event []bool
		want  []Point
		warn  string
	}{
		{"empty", nil, nil, nil, "no subjects"},
		{"all censored", []float64{5, 3, 5}, []bool{false, false, false},
			[]Point{{3, 3, 0, 1, 1, 0, 1, 1}, {5, 2, 0, 2, 1, 0, 1, 1}}, ""},
		{"single event", []float64{4}, []bool{true},
			[]Point{{4, 1, 1, 0, 0, inf, nan, nan}}, "reaches 0 at time 4"},
		// Two subjects at time 2: one event and one censoring. Both are at
		// risk at 2, so S = 1/2 and se = √(1/(2·1)); then the event at 7
		// with one at risk takes S to 0.
		{"event and censoring tied", []float64{7, 2, 2}, []bool{true, false, true},
			[]Point{
				{2, 3, 1, 1, 2.0 / 3, math.Sqrt(1.0 / 6), 2.0 / 3 * math.Exp(-z*math.Sqrt(1.0/6)), 1},
				{7, 1, 1, 0, 0, inf, nan, nan},
			}, "reaches 0 at time 7"},
		// Tied events: d = 2 of n = 4 at time 1, S = 1/2, se = √(2/(4·2)).
		{"tied events", []float64{1, 1, 3, 9}, []bool{true, true, false, false},
			[]Point{
				{1, 4, 2, 0, 0.5, 0.5, 0.5 * math.Exp(-z*0.5), math.Min(1, 0.5*math.Exp(z*0.5))},
				{3, 2, 0, 1, 0.5, 0.5, 0.5 * math.Exp(-z*0.5), math.Min(1, 0.5*math.Exp(z*0.5))},
				{9, 1, 0, 1, 0.5, 0.5, 0.5 * math.Exp(-z*0.5), math.Min(1, 0.5*math.Exp(z*0.5))},
			}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := KaplanMeier(tt.time, tt.event, 0.95)
			if len(c.Points) != len(tt.want) {
				t.Fatalf("got %d points %+v, want %d", len(c.Points), c.Points, len(tt.want))
			}
			for i, w := range tt.want {
				p := c.Points[i]
				g := []float64{p.Time, float64(p.NRisk), float64(p.NEvent), float64(p.NCensor), p.Surv, p.StdErr, p.Lower, p.Upper}
				e := []float64{w.Time, float64(w.NRisk), float64(w.NEvent), float64(w.NCensor), w.Surv, w.StdErr, w.Lower, w.Upper}
				for j := range g {
					if !near(g[j], e[j], 1e-12) {
						t.Errorf("point %d: got %+v, want %+v", i, p, w)
						break
					}
				}
			}
			switch {
			case tt.warn == "" && len(c.Warnings) != 0:
				t.Errorf("unexpected warnings %q", c.Warnings)
			case tt.warn != "" && (len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], tt.warn)):
				t.Errorf("warnings %q, want one containing %q", c.Warnings, tt.warn)
			}
		})
	}
}

// TestKaplanMeierLevel checks that the level changes only the bounds, and
// that they are S·exp(∓z·se) with z = qnorm(0.95) = 1.6448536269514722
// (R 4.2.2) for level 0.90, tol 1e-12.
func TestKaplanMeierLevel(t *testing.T) {
	sets, _ := loadData(t)
	d := sets["random_n25"]
	a, b := KaplanMeier(d.time, d.event, 0.95), KaplanMeier(d.time, d.event, 0.90)
	if b.Level != 0.90 {
		t.Errorf("Level = %v", b.Level)
	}
	for i := range a.Points {
		p, q := a.Points[i], b.Points[i]
		if p.Surv != q.Surv || p.StdErr != q.StdErr {
			t.Fatalf("point %d: level changed S or se: %+v vs %+v", i, p, q)
		}
		if p.StdErr == 0 {
			continue
		}
		if zl := math.Log(q.Surv/q.Lower) / q.StdErr; math.Abs(zl-1.6448536269514722) > 1e-12 {
			t.Errorf("point %d: lower bound implies z = %v", i, zl)
		}
		if q.Upper < 1 {
			if zu := math.Log(q.Upper/q.Surv) / q.StdErr; math.Abs(zu-1.6448536269514722) > 1e-12 {
				t.Errorf("point %d: upper bound implies z = %v", i, zu)
			}
		}
		if !(q.Lower >= p.Lower && q.Upper <= p.Upper) {
			t.Errorf("point %d: 90%% [%v, %v] not inside 95%% [%v, %v]", i, q.Lower, q.Upper, p.Lower, p.Upper)
		}
	}
}

// TestKaplanMeierOrder checks that the input order does not matter.
func TestKaplanMeierOrder(t *testing.T) {
	sets, names := loadData(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for _, name := range names {
		d := sets[name]
		want := KaplanMeier(d.time, d.event, 0.95)
		tm, ev := append([]float64(nil), d.time...), append([]bool(nil), d.event...)
		rng.Shuffle(len(tm), func(i, j int) { tm[i], tm[j] = tm[j], tm[i]; ev[i], ev[j] = ev[j], ev[i] })
		got := KaplanMeier(tm, ev, 0.95)
		for i := range want.Points {
			w, g := want.Points[i], got.Points[i]
			if !(w.Time == g.Time && w.NRisk == g.NRisk && w.NEvent == g.NEvent && w.NCensor == g.NCensor &&
				near(g.Surv, w.Surv, 0) && near(g.StdErr, w.StdErr, 0) && near(g.Lower, w.Lower, 0) && near(g.Upper, w.Upper, 0)) {
				t.Errorf("%s point %d: shuffled input gives %+v, want %+v", name, i, g, w)
			}
		}
	}
}

// TestCumulative checks the cumulative-response view of every reference
// curve: cum = 1 − S, low = 1 − upper, high = 1 − lower (reference README).
func TestCumulative(t *testing.T) {
	sets, names := loadData(t)
	for _, name := range names {
		c := KaplanMeier(sets[name].time, sets[name].event, 0.95)
		cum := c.Cumulative()
		if len(cum) != len(c.Points) {
			t.Fatalf("%s: %d cumulative points, want %d", name, len(cum), len(c.Points))
		}
		for i, p := range c.Points {
			q := cum[i]
			if q.Time != p.Time || q.NRisk != p.NRisk || q.NEvent != p.NEvent || q.NCensor != p.NCensor ||
				!near(q.Cum, 1-p.Surv, 0) || !near(q.Low, 1-p.Upper, 0) || !near(q.High, 1-p.Lower, 0) {
				t.Errorf("%s point %d: %+v from %+v", name, i, q, p)
			}
			if !math.IsNaN(q.Low) && !(q.Low <= q.Cum && q.Cum <= q.High) {
				t.Errorf("%s point %d: %+v not ordered", name, i, q)
			}
		}
	}
}

func TestKaplanMeierPanics(t *testing.T) {
	tests := []struct {
		name  string
		time  []float64
		event []bool
		level float64
	}{
		{"length", []float64{1, 2}, []bool{true}, 0.95},
		{"negative", []float64{1, -2}, []bool{true, true}, 0.95},
		{"NaN", []float64{math.NaN()}, []bool{true}, 0.95},
		{"Inf", []float64{math.Inf(1)}, []bool{true}, 0.95},
		{"level 0", []float64{1}, []bool{true}, 0},
		{"level 1", []float64{1}, []bool{true}, 1},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "surv: KaplanMeier: ") {
					t.Errorf("%s: recovered %v, want a surv: panic", tt.name, r)
				}
			}()
			KaplanMeier(tt.time, tt.event, tt.level)
		}()
	}
}
