package meta

import (
	"math"
	"strings"
	"testing"
)

// R 4.2.2, metafor 3.8-1: escalc(measure = "PLO"|"PFT", xi, ni) (add = 1/2, to = "only0"),
// testdata/metaprop_data.csv and glmm_data.csv; tol 1e-13 relative.
func TestEffectSizeMatchesEscalc(t *testing.T) {
	for _, file := range []string{"metaprop_data.csv", "glmm_data.csv"} {
		for _, r := range readTable(t, file) {
			s := Study{Events: int(num(t, r, "events")), N: int(num(t, r, "n"))}
			for _, c := range []struct {
				tr     Transform
				yc, vc string
			}{{Logit, "yi_plo", "vi_plo"}, {FreemanTukey, "yi_pft", "vi_pft"}} {
				y, v := EffectSize(s, c.tr)
				if !closeRel(y, num(t, r, c.yc), 1e-13) || !closeRel(v, num(t, r, c.vc), 1e-13) {
					t.Errorf("%s %s study %s %v: got (%.15g, %.15g), want (%s, %s)",
						file, c.tr, r["study"], s, y, v, r[c.yc], r[c.vc])
				}
			}
		}
	}
}

// R 4.2.2, metafor 3.8-1: rma(measure, xi, ni, method, control = list(threshold = 1e-12,
// maxiter = 10000)) and predict(transf = transf.ilogit | transf.ipft.hm), testdata/metaprop.csv.
// tol 1e-9 absolute (R prints 15 digits; the tight control converges to ~1e-12). The one
// exception is all_events/PLO/REML, where the optimum is the boundary tau² = 0 and metafor stops
// at tau² = 3.9e-13: tau², I² and H² get 1e-9 there too, which covers that.
func TestInverseVarianceMatchesMetafor(t *testing.T) {
	_, sets := datasets(t, "metaprop_data.csv")
	rows := readTable(t, "metaprop.csv")
	if len(rows) != 28 {
		t.Fatalf("metaprop.csv: %d rows, want 28", len(rows))
	}
	const tol = 1e-9
	for _, row := range rows {
		name := row["dataset"] + "/" + row["measure"] + "/" + row["method"]
		tr, err := ParseTransform(row["measure"])
		if err != nil {
			t.Fatal(err)
		}
		est, err := ParseEstimator(row["method"])
		if err != nil {
			t.Fatal(err)
		}
		studies := sets[row["dataset"]]
		res := InverseVariance(studies, tr, est, 0.95)
		if res.K != int(num(t, row, "k")) || res.Events != int(num(t, row, "events")) || res.N != int(num(t, row, "n")) {
			t.Errorf("%s: k/events/n = %d/%d/%d", name, res.K, res.Events, res.N)
		}
		// I² is in percent and multiplies a tau² difference by 100/s² (1e4 for
		// zero_event/PFT): metafor's threshold 1e-12 on the tau² step leaves 7.7e-13 in
		// tau² there, 7.8e-9 in I², so I² is compared relative (or absolute near 0).
		// QEp goes down to 8e-12 and is compared relative only.
		const (
			abs = iota
			rel
			relOrAbs
		)
		for _, c := range []struct {
			col  string
			got  float64
			kind int
		}{
			{"estimate", res.Estimate, abs}, {"ci_lb", res.CILow, abs}, {"ci_ub", res.CIHigh, abs},
			{"tau2", res.Tau2, abs}, {"I2", res.I2, relOrAbs}, {"H2", res.H2, abs},
			{"QE", res.Q, abs}, {"QEp", res.QP, rel},
			{"est_raw", res.EstRaw, abs}, {"se_raw", res.SERaw, abs},
			{"ci_lb_raw", res.CILowRaw, abs}, {"ci_ub_raw", res.CIHighRaw, abs},
		} {
			want := num(t, row, c.col)
			var ok bool
			switch c.kind {
			case abs:
				ok = closeAbs(c.got, want, tol)
			case rel:
				ok = closeRel(c.got, want, tol)
			case relOrAbs:
				ok = closeRel(c.got, want, tol) || closeAbs(c.got, want, tol)
			}
			if !ok {
				t.Errorf("%s %s: got %.15g, want %.15g (diff %.3g)", name, c.col, c.got, want, c.got-want)
			}
		}
		if res.Tau2 < 0 || res.I2 < 0 || res.I2 > 100 {
			t.Errorf("%s: tau2 %g, I2 %g out of range", name, res.Tau2, res.I2)
		}
		if len(res.Warnings) != 0 {
			t.Errorf("%s: unexpected warnings %q", name, res.Warnings)
		}
	}
}

// The REML estimate is a stationary point of the restricted likelihood to
// machine precision (README: metafor's default control stops 0.5% early for
// zero_event/PFT, 0.00094369 tight vs 0.0009483 default).
func TestREMLConvergesFully(t *testing.T) {
	_, sets := datasets(t, "metaprop_data.csv")
	res := InverseVariance(sets["zero_event"], FreemanTukey, REML, 0.95)
	// R 4.2.2, metafor 3.8-1, tight control: tau2 0.000943687171415927, tol 1e-12.
	if math.Abs(res.Tau2-0.000943687171415927) > 1e-12 {
		t.Errorf("zero_event PFT REML tau2 = %.15g", res.Tau2)
	}
	y := make([]float64, len(sets["zero_event"]))
	v := make([]float64, len(y))
	for i, s := range sets["zero_event"] {
		y[i], v[i] = EffectSize(s, FreemanTukey)
	}
	// The score changes sign within a few ulps of the root.
	lo, hi := remlScore(y, v, res.Tau2*(1-1e-12)), remlScore(y, v, res.Tau2*(1+1e-12))
	if !(lo > 0 && hi < 0) {
		t.Errorf("score around tau2: %g, %g; want + then -", lo, hi)
	}
}

// R 4.2.2, metafor 3.8-1: sensitivity.csv rows plo_reml and pft_reml (case_reports), tol 1e-9.
func TestInverseVarianceSensitivity(t *testing.T) {
	_, sets := datasets(t, "glmm_data.csv")
	studies := sets["case_reports"]
	for _, row := range readTable(t, "sensitivity.csv") {
		var tr Transform
		switch row["method"] {
		case "plo_reml":
			tr = Logit
		case "pft_reml":
			tr = FreemanTukey
		default:
			continue
		}
		res := InverseVariance(studies, tr, REML, 0.95)
		for _, c := range []struct {
			col string
			got float64
		}{
			{"estimate", res.Estimate}, {"ci_low", res.CILow}, {"ci_high", res.CIHigh}, {"tau2", res.Tau2},
			{"est_raw", res.EstRaw}, {"se_raw", res.SERaw}, {"ci_lb_raw", res.CILowRaw}, {"ci_ub_raw", res.CIHighRaw},
		} {
			if want := num(t, row, c.col); !closeAbs(c.got, want, 1e-9) {
				t.Errorf("%s %s: got %.15g, want %.15g", row["method"], c.col, c.got, want)
			}
		}
		// 10 of 11 studies have n = 1.
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "n <= 2") {
			t.Errorf("%s: warnings %q, want the n <= 2 warning", row["method"], res.Warnings)
		}
	}
}

func TestInverseVarianceSingleStudy(t *testing.T) {
	for _, tr := range []Transform{Logit, FreemanTukey} {
		for _, e := range []Estimator{REML, DL} {
			res := InverseVariance([]Study{{3, 10}}, tr, e, 0.95)
			for name, v := range map[string]float64{"Estimate": res.Estimate, "CILow": res.CILow, "EstRaw": res.EstRaw,
				"SERaw": res.SERaw, "Tau2": res.Tau2, "I2": res.I2, "Q": res.Q} {
				if !math.IsNaN(v) {
					t.Errorf("%s %s k=1: %s = %g, want NaN", tr, e, name, v)
				}
			}
			if res.K != 1 || res.Events != 3 || res.N != 10 {
				t.Errorf("%s %s k=1: counts %d %d %d", tr, e, res.K, res.Events, res.N)
			}
			if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "k = 1: no pooling") {
				t.Errorf("%s %s k=1: warnings %q", tr, e, res.Warnings)
			}
		}
	}
}

// Extreme but valid data never panics and stays in range.
func TestInverseVarianceExtremes(t *testing.T) {
	cases := map[string][]Study{
		"all zero":       {{0, 10}, {0, 20}, {0, 5}},
		"all events":     {{10, 10}, {20, 20}},
		"zero and full":  {{0, 1}, {1, 1}, {0, 1}, {1, 1}},
		"huge n":         {{1, 1000000}, {500000, 1000000}},
		"identical k=2":  {{5, 10}, {5, 10}},
		"single patient": {{1, 1}, {1, 1}},
	}
	for name, studies := range cases {
		for _, tr := range []Transform{Logit, FreemanTukey} {
			for _, e := range []Estimator{REML, DL} {
				res := InverseVariance(studies, tr, e, 0.9)
				if !(res.Estimate >= 0 && res.Estimate <= 1 && res.CILow >= 0 && res.CIHigh <= 1 &&
					res.CILow <= res.Estimate && res.Estimate <= res.CIHigh) {
					t.Errorf("%s %s %s: estimate %g [%g, %g]", name, tr, e, res.Estimate, res.CILow, res.CIHigh)
				}
				if !(res.Tau2 >= 0) || !(res.I2 >= 0 && res.I2 <= 100) || !(res.QP >= 0 && res.QP <= 1) {
					t.Errorf("%s %s %s: tau2 %g I2 %g QP %g", name, tr, e, res.Tau2, res.I2, res.QP)
				}
			}
		}
	}
}

func TestPanicsOnCallerBugs(t *testing.T) {
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"empty", func() { InverseVariance(nil, Logit, REML, 0.95) }, "meta: InverseVariance: no studies"},
		{"events > n", func() { InverseVariance([]Study{{1, 2}, {3, 2}}, Logit, REML, 0.95) }, "meta: InverseVariance: study 2"},
		{"n = 0", func() { InverseVariance([]Study{{0, 0}}, Logit, DL, 0.95) }, "meta: InverseVariance: study 1"},
		{"level", func() { InverseVariance([]Study{{1, 2}}, Logit, DL, 95) }, "meta: InverseVariance: confidence level"},
		{"transform", func() { InverseVariance([]Study{{1, 2}}, Transform(7), DL, 0.95) }, "meta: InverseVariance: unknown transform"},
		{"glmm empty", func() { GLMM(nil, 30, 0.95) }, "meta: GLMM: no studies"},
		{"glmm nodes", func() { GLMM([]Study{{1, 2}, {1, 3}}, 0, 0.95) }, "meta: GLMM: nodes"},
		{"glmm negative", func() { GLMM([]Study{{-1, 2}}, 7, 0.95) }, "meta: GLMM: study 1"},
	}
	for _, c := range cases {
		func() {
			defer func() {
				r := recover()
				s, _ := r.(string)
				if !strings.HasPrefix(s, c.want) {
					t.Errorf("%s: panic %v, want prefix %q", c.name, r, c.want)
				}
			}()
			c.f()
		}()
	}
}

func TestValidateStudies(t *testing.T) {
	for _, c := range []struct {
		studies []Study
		want    string
	}{
		{nil, "meta: no studies to pool"},
		{[]Study{{1, 1}, {0, 0}}, "meta: study 2: n = 0"},
		{[]Study{{-1, 3}}, "meta: study 1: events = -1 is negative"},
		{[]Study{{4, 3}}, "meta: study 1: events = 4 exceed n = 3"},
		{[]Study{{0, 1}, {3, 3}}, ""},
	} {
		err := ValidateStudies(c.studies)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if c.want == "" && got != "" || c.want != "" && !strings.HasPrefix(got, c.want) {
			t.Errorf("ValidateStudies(%v) = %q, want prefix %q", c.studies, got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tr := range []Transform{Logit, FreemanTukey} {
		if got, err := ParseTransform(tr.String()); err != nil || got != tr {
			t.Errorf("ParseTransform(%q) = %v, %v", tr, got, err)
		}
	}
	for _, e := range []Estimator{REML, DL} {
		if got, err := ParseEstimator(strings.ToLower(e.String())); err != nil || got != e {
			t.Errorf("ParseEstimator(%q) = %v, %v", e, got, err)
		}
	}
	if _, err := ParseTransform("arcsine"); err == nil || !strings.Contains(err.Error(), "use logit or pft") {
		t.Errorf("ParseTransform(arcsine) error = %v", err)
	}
	if _, err := ParseEstimator("PM"); err == nil || !strings.Contains(err.Error(), "use REML or DL") {
		t.Errorf("ParseEstimator(PM) error = %v", err)
	}
}
