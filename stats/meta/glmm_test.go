package meta

import (
	"math"
	"strings"
	"testing"
)

// glmmTol is a tolerance set of README.md (shared/reference) for glmm.csv.
type glmmTol struct{ est, seRel, ll float64 }

var (
	// generate.R's own AGHQ Newton (own_newton rows): est/tau2 1e-7 abs, se 1e-6 rel, loglik 1e-8.
	tolOwn = glmmTol{1e-7, 1e-6, 1e-8}
	// lme4 1.1-31 via metafor 3.8-1 rma.glmm, tight control: est/tau2 1e-6, se 5e-6 rel, loglik 1e-8.
	tolTight = glmmTol{1e-6, 5e-6, 1e-8}
)

func checkGLMM(t *testing.T, name string, got GLMMResult, row map[string]string, tol glmmTol) {
	t.Helper()
	tau2 := num(t, row, "tau2")
	if tau2 < 1e-10 { // README: lme4 writes boundary tau2 as ~1e-16
		tau2 = 0
	}
	for _, c := range []struct {
		col      string
		got, tol float64
		rel      bool
	}{
		{"est", got.EstRaw, tol.est, false},
		{"tau2", got.Tau2, tol.est, false},
		{"se", got.SERaw, tol.seRel, true},
		{"ci_lb", got.CILowRaw, tol.est + 2*tol.seRel*got.SERaw, false},
		{"ci_ub", got.CIHighRaw, tol.est + 2*tol.seRel*got.SERaw, false},
		{"estimate", got.Estimate, tol.est, false},
		{"ci_low", got.CILow, tol.est + 2*tol.seRel*got.SERaw, false},
		{"ci_high", got.CIHigh, tol.est + 2*tol.seRel*got.SERaw, false},
		{"loglik", got.LogLik, tol.ll, false},
	} {
		want := num(t, row, c.col)
		if c.col == "tau2" {
			want = tau2
		}
		ok := closeAbs(c.got, want, c.tol)
		if c.rel {
			ok = closeRel(c.got, want, c.tol)
		}
		if !ok {
			t.Errorf("%s %s: got %.15g, want %.15g (diff %.3g, tol %.3g)", name, c.col, c.got, want, c.got-want, c.tol)
		}
	}
	if wantSing := row["singular"] == "TRUE"; got.Singular != wantSing {
		t.Errorf("%s: singular %v, want %v", name, got.Singular, wantSing)
	}
	if !got.Converged {
		t.Errorf("%s: not converged (%d iterations, warnings %q)", name, got.Iterations, got.Warnings)
	}
}

// R 4.2.2: glmm.csv (testdata) rows fit = own_newton (generate.R's AGHQ damped Newton, nAGQ
// 1/7/50) at tolOwn, and fit = rma.glmm with control tight (lme4 1.1-31, metafor 3.8-1, nAGQ
// 1/7/50) at tolTight, for all 10 datasets.
func TestGLMMMatchesReference(t *testing.T) {
	sets := allDatasets(t)
	rows := readTable(t, "glmm.csv")
	seen := map[string]int{}
	for _, row := range rows {
		var tol glmmTol
		switch {
		case row["fit"] == "own_newton":
			tol = tolOwn
		case row["fit"] == "rma.glmm" && strings.HasPrefix(row["control"], "tight"):
			tol = tolTight
		default:
			continue // rma.glmm defaults: optimizer-limited, see TestGLMMDefaultRows
		}
		studies, ok := sets[row["dataset"]]
		if !ok {
			t.Fatalf("no data for %s", row["dataset"])
		}
		k := int(num(t, row, "nAGQ"))
		name := row["dataset"] + "/" + row["fit"] + "/" + row["nAGQ"]
		got := GLMM(studies, k, 0.95)
		checkGLMM(t, name, got, row, tol)
		seen[row["fit"]]++
	}
	if seen["own_newton"] != 30 || seen["rma.glmm"] != 30 {
		t.Errorf("compared %v rows, want 30 own_newton and 30 rma.glmm tight", seen)
	}
}

// R 4.2.2, metafor 3.8-1 rma.glmm with all defaults (nAGQ 7): README tolerance ~1e-4 (the
// default Nelder–Mead stops early); homogeneous fails in R (NA) and is skipped.
func TestGLMMDefaultRows(t *testing.T) {
	sets := allDatasets(t)
	for _, row := range readTable(t, "glmm.csv") {
		if row["control"] != "default" || row["est"] == "NA" {
			continue
		}
		got := GLMM(sets[row["dataset"]], 7, 0.95)
		checkGLMM(t, row["dataset"]+"/default", got, row, glmmTol{1e-4, 1e-4, 1e-4})
	}
}

// R 4.2.2: sensitivity.csv row glmm_ml_nagq50 (= glmm.csv rma.glmm tight nAGQ 50 for
// case_reports), at tolTight; and the production rule (DefaultNodes) gives the same boundary fit.
func TestGLMMSensitivityCaseReports(t *testing.T) {
	_, sets := datasets(t, "glmm_data.csv")
	for _, row := range readTable(t, "sensitivity.csv") {
		if row["method"] != "glmm_ml_nagq50" {
			continue
		}
		for _, k := range []int{50, DefaultNodes} {
			got := GLMM(sets["case_reports"], k, 0.95)
			for _, c := range []struct {
				col      string
				got, tol float64
			}{
				{"estimate", got.Estimate, 1e-6}, {"ci_low", got.CILow, 1e-6}, {"ci_high", got.CIHigh, 1e-6},
				{"tau2", got.Tau2, 1e-6}, {"est_raw", got.EstRaw, 1e-6}, {"se_raw", got.SERaw, 5e-6 * 0.5},
				{"ci_lb_raw", got.CILowRaw, 1e-5}, {"ci_ub_raw", got.CIHighRaw, 1e-5},
			} {
				if want := num(t, row, c.col); !closeAbs(c.got, want, c.tol) {
					t.Errorf("K=%d %s: got %.15g, want %.15g", k, c.col, c.got, want)
				}
			}
			if !got.Singular || got.Tau2 != 0 || len(got.Warnings) != 0 {
				t.Errorf("K=%d: singular %v tau2 %g warnings %q", k, got.Singular, got.Tau2, got.Warnings)
			}
		}
	}
}

// README: the homogeneous dataset has its ML on the boundary: p = 0.2 exactly, tau2 = 0,
// se = 1/sqrt(sum n p (1-p)) = 1/sqrt(48) (closed form, exact).
func TestGLMMHomogeneousBoundary(t *testing.T) {
	studies := []Study{{10, 50}, {20, 100}, {30, 150}}
	for _, k := range []int{1, 7, DefaultNodes, 100} {
		got := GLMM(studies, k, 0.95)
		if got.Estimate != 0.2 && math.Abs(got.Estimate-0.2) > 1e-15 || got.Tau2 != 0 || !got.Singular || !got.Converged {
			t.Errorf("K=%d: estimate %.17g tau2 %g singular %v converged %v", k, got.Estimate, got.Tau2, got.Singular, got.Converged)
		}
		if math.Abs(got.SERaw-1/math.Sqrt(48)) > 1e-15 {
			t.Errorf("K=%d: se %.17g, want 1/sqrt(48)", k, got.SERaw)
		}
	}
}

func TestGLMMUndefined(t *testing.T) {
	for _, c := range []struct {
		name    string
		studies []Study
		warn    string
	}{
		{"k=1", []Study{{3, 10}}, "k = 1: no pooling"},
		{"all zero", []Study{{0, 10}, {0, 20}, {0, 5}}, "no events in any study"},
		{"all events", []Study{{10, 10}, {20, 20}}, "every patient had the event"},
		{"only 0 or n", []Study{{0, 10}, {10, 10}, {0, 20}, {20, 20}}, "every study has 0 or all events"},
	} {
		got := GLMM(c.studies, DefaultNodes, 0.95)
		if !math.IsNaN(got.EstRaw) || !math.IsNaN(got.Estimate) || !math.IsNaN(got.Tau2) || !math.IsNaN(got.SERaw) {
			t.Errorf("%s: got est %g tau2 %g se %g, want NaN", c.name, got.EstRaw, got.Tau2, got.SERaw)
		}
		if len(got.Warnings) != 1 || !strings.HasPrefix(got.Warnings[0], c.warn) {
			t.Errorf("%s: warnings %q, want prefix %q", c.name, got.Warnings, c.warn)
		}
	}
}

// Single-patient reports only: the marginal is Bernoulli(E expit(μ+τz)), τ is not identified.
func TestGLMMAllSinglePatients(t *testing.T) {
	got := GLMM([]Study{{1, 1}, {1, 1}, {0, 1}, {1, 1}}, DefaultNodes, 0.95)
	if math.Abs(got.Estimate-0.75) > 1e-15 || got.Tau2 != 0 || !got.Singular {
		t.Errorf("estimate %g tau2 %g singular %v", got.Estimate, got.Tau2, got.Singular)
	}
	if len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "not identified") {
		t.Errorf("warnings %q", got.Warnings)
	}
}

// The Gauss–Hermite rule integrates z^(2m) against φ exactly: E z^(2m) = (2m−1)!!.
func TestHermiteRuleMoments(t *testing.T) {
	for _, k := range []int{1, 2, 3, 7, 20, 30, 50, 100} {
		r := hermiteRule(k)
		for m := 0; m < k && m <= 10; m++ {
			var got float64
			for j := range r.z {
				got += r.w[j] * math.Pow(r.z[j], float64(2*m))
			}
			want := 1.0
			for i := 2*m - 1; i > 1; i -= 2 {
				want *= float64(i)
			}
			if !closeRel(got, want, 1e-12) {
				t.Errorf("K=%d: E z^%d = %.16g, want %g", k, 2*m, got, want)
			}
		}
	}
}

// The analytic and the finite-difference derivatives agree where both are valid (K = 50).
func TestGLMMDerivativesAgree(t *testing.T) {
	sets := allDatasets(t)
	m := newModel(sets["nielweise_control"], hermiteRule(50))
	ll, g, h := m.derivs(-3.4, 0.9)
	ll2, g2, h2 := m.fdDerivs(-3.4, 0.9)
	if ll != ll2 {
		t.Errorf("loglik %g vs %g", ll, ll2)
	}
	for i := 0; i < 2; i++ {
		if math.Abs(g[i]-g2[i]) > 1e-7 {
			t.Errorf("gradient %d: %g vs %g", i, g[i], g2[i])
		}
		for j := 0; j < 2; j++ {
			if !closeRel(h[i][j], h2[i][j], 1e-6) {
				t.Errorf("hessian %d%d: %g vs %g", i, j, h[i][j], h2[i][j])
			}
		}
	}
}

// Stijnen, Hamza & Özdemir (2010), Stat Med 29:3046, Table II, binomial–normal model on
// Nielweise et al. (2007); printed to 4 decimals, which is the 7-node approximation
// (shared/reference README). tol 5e-5 (half a unit in the last printed digit).
func TestGLMMStijnen2010(t *testing.T) {
	sets := allDatasets(t)
	for _, c := range []struct {
		dataset       string
		est, se, tau2 float64
	}{
		{"nielweise_control", -3.4964, 0.2570, 0.8124},
		{"nielweise_treated", -4.8121, 0.3555, 0.8265},
	} {
		g := GLMM(sets[c.dataset], 7, 0.95)
		if math.Abs(g.EstRaw-c.est) > 5e-5 || math.Abs(g.SERaw-c.se) > 5e-5 || math.Abs(g.Tau2-c.tau2) > 5e-5 {
			t.Errorf("%s: %.5f (SE %.5f) tau2 %.5f, published %.4f (%.4f) %.4f", c.dataset, g.EstRaw, g.SERaw, g.Tau2, c.est, c.se, c.tau2)
		}
	}
}
