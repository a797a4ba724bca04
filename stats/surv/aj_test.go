package surv

import (
	"math"
	"strings"
	"testing"
)

// TestAalenJohansenReference checks every row of testdata/aj.csv:
// ajSet is one reference data set of aj_data.csv.
type ajSet struct {
	time   []float64
	status []Status
}

// loadAJData reads testdata/aj_data.csv: the data sets by name, and their names
// in file order.
func loadAJData(t *testing.T) (map[string]*ajSet, []string) {
	t.Helper()
	sets := map[string]*ajSet{}
	var names []string
	for _, r := range readCSV(t, "aj_data.csv") {
		d := sets[r[0]]
		if d == nil {
			d = &ajSet{}
			sets[r[0]] = d
			names = append(names, r[0])
		}
		d.time = append(d.time, num(t, r[1]))
		d.status = append(d.status, Status(num(t, r[2])))
	}
	return sets, names
}

// R 4.2.2, survival 3.5-3: survfit(Surv(time, state) ~ 1) with a factor
// state (censor, response, death), defaults (infinitesimal-jackknife
// std.err, log interval, 95%), written by testdata/generate_aj.R for
// no_ties, ties, no_death (= 1 − KM), all_respond (F reaches 1),
// last_death (S reaches 0 through a death) and random_n60.
// tol 1e-9 relative to max(|want|, 1); NA = NaN.
func TestAalenJohansenReference(t *testing.T) {
	const tol = 1e-9
	sets, names := loadAJData(t)
	want := map[string][][]string{}
	for _, r := range readCSV(t, "aj.csv") {
		want[r[0]] = append(want[r[0]], r[1:])
	}
	if len(names) != 6 || len(want) != 6 {
		t.Fatalf("got %d data sets and %d result sets, want 6 and 6", len(names), len(want))
	}
	for _, name := range names {
		d := sets[name]
		c := AalenJohansen(d.time, d.status, DefaultLevel)
		rows := want[name]
		if len(c.Points) != len(rows) {
			t.Errorf("%s: %d points, want %d", name, len(c.Points), len(rows))
			continue
		}
		cols := strings.Split("time,n.risk,n.response,n.death,n.censor,p_free,p_response,p_death,se_response,se_death,lower_response,upper_response,lower_death,upper_death", ",")
		for i, r := range rows {
			p := c.Points[i]
			got := []float64{p.Time, float64(p.NRisk), float64(p.NEvent), float64(p.NCompeting), float64(p.NCensor),
				p.EventFree, p.Cum, p.CumCompeting, p.StdErr, p.StdErrCompeting, p.Lower, p.Upper, p.LowerCompeting, p.UpperCompeting}
			for j, g := range got {
				if w := num(t, r[j]); !near(g, w, tol) {
					t.Errorf("%s row %d: %s = %v, want %v", name, i+1, cols[j], g, w)
				}
			}
		}
	}
}

// TestAalenJohansenNoCompeting checks that without competing events the
// incidence is 1 − KaplanMeier at every time (tol 1e-14).
func TestAalenJohansenNoCompeting(t *testing.T) {
	sets, _ := loadData(t)
	for name, d := range sets {
		st := make([]Status, len(d.event))
		for i, e := range d.event {
			if e {
				st[i] = Event
			}
		}
		aj, km := AalenJohansen(d.time, st, 0.95), KaplanMeier(d.time, d.event, 0.95)
		for i, p := range aj.Points {
			if math.Abs(p.Cum-(1-km.Points[i].Surv)) > 1e-14 || p.EventFree != km.Points[i].Surv {
				t.Errorf("%s point %d: F = %v, 1 − KM = %v", name, i, p.Cum, 1-km.Points[i].Surv)
			}
		}
	}
}

func TestAalenJohansenPanics(t *testing.T) {
	for _, tt := range []struct {
		name   string
		time   []float64
		status []Status
		level  float64
		want   string
	}{
		{"lengths", []float64{1}, nil, 0.95, "1 times but 0"},
		{"negative", []float64{-1}, []Status{Event}, 0.95, "non-negative"},
		{"nan", []float64{math.NaN()}, []Status{Event}, 0.95, "non-negative"},
		{"status", []float64{1}, []Status{7}, 0.95, "want Censored"},
		{"level", []float64{1}, []Status{Event}, 1, "outside (0, 1)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "surv: ") || !strings.Contains(s, tt.want) {
					t.Errorf("panic %v, want surv: … %s", r, tt.want)
				}
			}()
			AalenJohansen(tt.time, tt.status, tt.level)
		})
	}
	if c := AalenJohansen(nil, nil, 0.95); len(c.Points) != 0 || len(c.Warnings) != 1 {
		t.Errorf("empty: %+v", c)
	}
}
