package figure

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// sampleForest is the realistic small case from the brief: Clopper–Pearson
// 95% intervals computed in R 4.2.2 with binom.test(x, n)$conf.int.
func sampleForest() Forest {
	return Forest{
		Title: "Response rate by drug",
		Rows: []ForestRow{
			{Label: "diltiazem", Events: 3, N: 5, Estimate: 0.6, Low: 0.1466, High: 0.9473},
			{Label: "risedronate", Events: 2, N: 4, Estimate: 0.5, Low: 0.0676, High: 0.9324},
			{Label: "sodium thiosulfate", Events: 7, N: 9, Estimate: 7.0 / 9, Low: 0.3999, High: 0.9719},
			{Label: "methotrexate", Events: 1, N: 1, Estimate: 1, Low: 0.025, High: 1},
			{Label: "rituximab", Events: 4, N: 6, Estimate: 4.0 / 6, Low: 0.2228, High: 0.9567},
			{Label: "Pooled (random effects)", Events: 17, N: 25, Estimate: 0.68, Low: 0.48, High: 0.83, Pooled: true},
		},
		Sort:    SortNone,
		RefLine: 0.68, RefLabel: "the pooled response rate",
		Method: "Clopper–Pearson", Pooling: "random effects, DerSimonian–Laird, logit scale",
		Studies: 14,
	}
}

// stressNames are 30 drugs, some with long names, for the legibility case.
var stressNames = []string{
	"diltiazem", "risedronate", "sodium thiosulfate", "methotrexate", "rituximab",
	"intravenous immunoglobulin (high-dose, 2 g/kg per cycle)", "hydroxychloroquine", "mycophenolate mofetil",
	"cyclophosphamide", "tocilizumab", "abatacept", "anakinra", "colchicine", "pentoxifylline",
	"etidronate disodium", "alendronate", "pamidronate", "zoledronic acid", "sodium thiosulfate + hyperbaric oxygen therapy",
	"topical sodium metabisulfite", "cinacalcet", "vitamin K2 (menaquinone-7)", "warfarin discontinuation",
	"probenecid", "minocycline", "infliximab", "adalimumab", "Supercalifragilisticexpialidociousmab-xyzw", "prednisolone", "tacrolimus",
}

func stressForest() Forest {
	f := Forest{Title: "Stress", Sort: SortEstimate, Method: "Clopper–Pearson", RefLine: 0.5}
	for i, n := range stressNames {
		N := 1 + (i*7)%13
		x := (i * 5) % (N + 1)
		row := ForestRow{Label: n, Events: x, N: N, Estimate: float64(x) / float64(N)}
		row.Low = math.Max(0, row.Estimate-0.3)
		row.High = math.Min(1, row.Estimate+0.25)
		if i == 7 {
			row = ForestRow{Label: n, Estimate: math.NaN(), Low: math.NaN(), High: math.NaN()}
		}
		f.Rows = append(f.Rows, row)
	}
	return f
}

func sampleFigures() map[string]Figure {
	return map[string]Figure{
		"forest":        sampleForest(),
		"forest_stress": stressForest(),
		"bars":          sampleBars(),
		"bars_stress":   stressBars(),
		"swimmer":       sampleSwimmer(),
		"swimmer_cap":   stressSwimmer(),
		"cumresp":       sampleCum(),
		"dose":          sampleDose(false),
		"dose_panels":   sampleDose(true),
	}
}

// TestWriteSamples writes every sample figure at every preset and format to
// the directory in $FIGURE_SAMPLES, for looking at them; it is skipped
// otherwise.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("FIGURE_SAMPLES")
	if dir == "" {
		t.Skip("set FIGURE_SAMPLES=/tmp/figs to write sample figures")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	only := os.Getenv("FIGURE_ONLY")
	for name, fig := range sampleFigures() {
		if only != "" && !strings.Contains(name, only) {
			continue
		}
		for _, sz := range Presets {
			for _, f := range []Format{PDF, PNG, SVG} {
				var b bytes.Buffer
				if err := Render(&b, fig, sz, f); err != nil {
					t.Fatalf("%s %s %s: %v", name, sz, f, err)
				}
				fn := filepath.Join(dir, fmt.Sprintf("%s_%s%s", name, sz.Name, f.Ext()))
				if err := os.WriteFile(fn, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name+"_caption.md"), []byte(fig.Caption()+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func sampleBars() OutcomeBars {
	return OutcomeBars{
		Title:   "Best response by drug",
		GroupBy: "drug",
		Groups: []OutcomeGroup{
			{Label: "diltiazem", Counts: [NumOutcomes]int{1, 2, 0, 1, 1, 0}},
			{Label: "risedronate", Counts: [NumOutcomes]int{0, 2, 1, 1, 0, 0}},
			{Label: "sodium thiosulfate", Counts: [NumOutcomes]int{4, 3, 1, 0, 0, 1}},
			{Label: "methotrexate", Counts: [NumOutcomes]int{1, 0, 0, 0, 0, 0}},
			{Label: "rituximab", Counts: [NumOutcomes]int{2, 2, 0, 1, 0, 1}},
		},
		OutcomeDef: "Outcomes were graded from the case descriptions by two reviewers",
		Studies:    14,
	}
}

func stressBars() OutcomeBars {
	o := OutcomeBars{GroupBy: "drug"}
	for i, n := range stressNames {
		var c [NumOutcomes]int
		for k := range c {
			c[k] = (i*(k+3) + k) % 4
		}
		if i == 7 {
			c = [NumOutcomes]int{}
		}
		o.Groups = append(o.Groups, OutcomeGroup{Label: n, Counts: c})
	}
	return o
}

func sampleSwimmer() Swimmer {
	return Swimmer{
		Title: "Time on treatment", Unit: "months", SortByDuration: true,
		Lanes: []Lane{
			{Study: "Smith 2019", Case: "1", Regimen: "sodium thiosulfate", Duration: 6, Events: []LaneEvent{{2, EventPartial}, {5, EventComplete}}},
			{Study: "Smith 2019", Case: "2", Regimen: "sodium thiosulfate", Duration: 3.5, LostToFollowUp: true, Events: []LaneEvent{{1.5, EventPartial}}},
			{Study: "Okafor 2021", Case: "A", Regimen: "diltiazem", Duration: 12, Ongoing: true, Events: []LaneEvent{{4, EventResponse}}},
			{Study: "Lee 2020", Case: "1", Regimen: "rituximab", Duration: 9, Events: []LaneEvent{{3, EventComplete}, {8, EventProgression}}},
			{Study: "Lee 2020", Case: "2", Regimen: "rituximab", Duration: 2},
			{Study: "García-Márquez 2018", Case: "index patient", Regimen: "methotrexate", Duration: 7.5, Ongoing: true, Events: []LaneEvent{{2.5, EventPartial}}},
			{Study: "Novak 2022", Case: "3", Regimen: "risedronate", Duration: 4, Events: []LaneEvent{{4, EventPartial}}},
		},
	}
}

func stressSwimmer() Swimmer {
	s := Swimmer{Unit: "days", SortByDuration: true}
	for i := 0; i < 93; i++ {
		ln := Lane{
			Study:    stressNames[i%len(stressNames)] + " study " + string(rune('A'+i%26)),
			Case:     "case " + fmt.Sprint(i+1),
			Regimen:  stressNames[(i*3)%9],
			Duration: float64(10 + (i*37)%400),
			Ongoing:  i%5 == 0, LostToFollowUp: i%7 == 3,
		}
		if i%3 == 0 {
			ln.Events = []LaneEvent{{ln.Duration / 3, EventPartial}}
		}
		s.Lanes = append(s.Lanes, ln)
	}
	return s
}

// sampleCum builds 1 − KM curves with Greenwood log–log style bands from
// small made-up follow-up data (times in days; the layout, not the numbers,
// is under test here).
func sampleCum() CumResponse {
	mk := func(label string, resp, cens []float64) CumCurve {
		c := CumCurve{Label: label}
		type ev struct {
			t    float64
			resp bool
		}
		var evs []ev
		for _, t := range resp {
			evs = append(evs, ev{t, true})
		}
		for _, t := range cens {
			evs = append(evs, ev{t, false})
			c.Censored = append(c.Censored, t)
		}
		sort.Slice(evs, func(i, j int) bool { return evs[i].t < evs[j].t || evs[i].t == evs[j].t && evs[i].resp })
		n := len(evs)
		s := 1.0
		for _, e := range evs {
			c.FollowUp = append(c.FollowUp, e.t)
		}
		for i, e := range evs {
			if e.resp {
				s *= 1 - 1/float64(n-i)
				est := 1 - s
				c.Steps = append(c.Steps, CumStep{Time: e.t, Est: est, Low: math.Max(0, est-0.25), High: math.Min(1, est+0.2)})
			}
		}
		return c
	}
	return CumResponse{
		Title: "Time to response", Unit: "days", Method: "log–log transformed Greenwood", Studies: 11,
		Curves: []CumCurve{
			mk("sodium thiosulfate", []float64{14, 21, 30, 45, 60, 90, 120}, []float64{35, 150}),
			mk("diltiazem", []float64{30, 60, 100}, []float64{20, 80}),
			mk("rituximab", []float64{7, 28, 56, 84}, []float64{40, 180}),
		},
	}
}

func sampleDose(panels bool) DoseResponse {
	d := DoseResponse{Title: "Dose and outcome", LogDose: true, Panels: panels, Studies: 12}
	drugs := []struct {
		name string
		base float64
	}{{"diltiazem", 120}, {"risedronate", 35}, {"sodium thiosulfate", 25000}, {"methotrexate", 15}, {"rituximab", 1000}}
	for i := 0; i < 40; i++ {
		dr := drugs[i%len(drugs)]
		d.Points = append(d.Points, DosePoint{
			ID:      fmt.Sprintf("case-%02d", i),
			Drug:    dr.name,
			Dose:    dr.base * (0.3 + float64((i*13)%17)/5),
			Outcome: Outcome((i*5 + i/5) % int(NumOutcomes)),
		})
	}
	return d
}
