package cohort

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tresp/tresp/stats"
	"github.com/tresp/tresp/stats/meta"
	"gonum.org/v1/gonum/stat/distuv"
)

// predInterval is expit(est ± z·√(τ² + se²)), NaN when any input is.
func predInterval(est, se, tau2, level float64) (lo, hi float64) {
	if math.IsNaN(est) || math.IsNaN(se) || math.IsNaN(tau2) || math.IsInf(se, 0) {
		return math.NaN(), math.NaN()
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	h := z * math.Sqrt(tau2+se*se)
	return 1 / (1 + math.Exp(-(est - h))), 1 / (1 + math.Exp(-(est + h)))
}

// pool pools each drug with at least two studies.
func (a *analyser) pool(rows []StudyRow) (pooled, sens []PooledRow) {
	groups := a.poolGroups(rows)
	fits := make([]drugFits, len(groups))
	// the fits are pure functions of a drug's studies: they run on every core, and the
	// rows and warnings below are made in drug order, so the output does not depend on it
	parallelEach(len(groups), func(i int) {
		g := groups[i]
		if g.studies == nil {
			return
		}
		fits[i] = drugFits{
			glmm: glmmRow(g.drug, g.studies, a.cfg.Nodes, a.level),
			lr:   ivRow(g.drug, g.studies, meta.Logit, meta.REML, a.level),
			pr:   ivRow(g.drug, g.studies, meta.FreemanTukey, meta.REML, a.level),
			cp:   cpRow(g.drug, g.studies, a.level),
		}
		fits[i].chosen = a.chosenFit(g, fits[i].glmm)
	})
	for i, g := range groups {
		if g.studies == nil {
			a.warnf("%s: one study only (k = 1): no pooling", g.drug)
			continue
		}
		d, f := g.drug, fits[i]
		glmm, lr, pr, cp := f.glmm, f.lr, f.pr, f.cp
		pooled = append(pooled, f.chosen)
		sens = append(sens, glmm, lr, pr, cp)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range []PooledRow{glmm, lr, pr, cp} {
			if !math.IsNaN(r.Estimate) {
				lo, hi = math.Min(lo, r.Estimate), math.Max(hi, r.Estimate)
			}
		}
		if hi-lo > 0.10 {
			a.warnf("%s: pooled estimates disagree by %.1f percentage points across GLMM, logit-REML, PFT-REML and pooled Clopper–Pearson: read the sensitivity table", d, 100*(hi-lo))
		}
		if 2*g.small > len(g.studies) {
			advice := "prefer the GLMM"
			if math.IsNaN(glmm.Estimate) {
				advice = "and the GLMM has no estimate here: report the pooled Clopper–Pearson rate"
			}
			a.warnf("%s: %d of %d studies have n ≤ 2: inverse-variance pooling depends mostly on the transformation; %s", d, g.small, len(g.studies), advice)
		}
		for _, r := range []PooledRow{glmm, lr, pr} {
			for _, w := range r.Warnings {
				if strings.Contains(w, "n <= 2") {
					continue // said once above, for all three methods
				}
				a.warnf("%s, %s %s pooling: %s", d, r.Method, r.Transform, w)
			}
		}
	}
	return pooled, sens
}

// chosenFit is the pooled row of the method the configuration chose for group g: the GLMM
// (glmm, already fitted) or an inverse-variance fit with the chosen transform and estimator.
func (a *analyser) chosenFit(g poolGroup, glmm PooledRow) PooledRow {
	if a.cfg.Pooling == "glmm" {
		return glmm
	}
	t := meta.Logit
	if a.cfg.Transform == "pft" {
		t = meta.FreemanTukey
	}
	e := meta.REML
	if a.cfg.Pooling == "dl" {
		e = meta.DL
	}
	return ivRow(g.drug, g.studies, t, e, a.level)
}

// poolGroup is one drug's studies with patients, in the order of the study rows; studies is
// nil for a drug with one study only (no pooling, a warning), and small counts its
// studies of n ≤ 2.
type poolGroup struct {
	drug    string
	studies []meta.Study
	small   int
}

// drugFits are the pooled fits of one drug: the four of the sensitivity table and the one
// the configuration chose.
type drugFits struct {
	glmm, lr, pr, cp, chosen PooledRow
}

// poolGroups splits rows, sorted by drug, into the drugs with patients in any study, in order.
func (a *analyser) poolGroups(rows []StudyRow) []poolGroup {
	// rows come sorted by drug (studyCounts): each drug's studies are one run
	// of them, read in place instead of copied into a map of every study row
	if !sort.SliceIsSorted(rows, func(i, j int) bool { return rows[i].Drug < rows[j].Drug }) {
		panic("cohort: pool needs the study rows sorted by drug")
	}
	var groups []poolGroup
	for start := 0; start < len(rows); {
		end := start
		for end < len(rows) && rows[end].Drug == rows[start].Drug {
			end++
		}
		g := poolGroup{drug: rows[start].Drug}
		n := 0
		for _, r := range rows[start:end] {
			if r.N != 0 {
				n++
			}
		}
		if n >= 2 {
			g.studies = make([]meta.Study, 0, n)
			for _, r := range rows[start:end] {
				if r.N != 0 {
					g.studies = append(g.studies, meta.Study{Events: r.Events, N: r.N})
					if r.N <= 2 {
						g.small++
					}
				}
			}
		}
		start = end
		if n > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// parallelEach calls f(i) for i in [0, n) on every core and returns when all calls have.
func parallelEach(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		}()
	}
	wg.Wait()
}

func glmmRow(d string, s []meta.Study, nodes int, level float64) PooledRow {
	r := meta.GLMM(s, nodes, level)
	row := PooledRow{Drug: d, K: r.K, Events: r.Events, N: r.N, Estimate: r.Estimate, Low: r.CILow, High: r.CIHigh,
		Tau2: r.Tau2, I2: math.NaN(), Q: math.NaN(), QP: math.NaN(), Transform: "logit", Method: "GLMM", Warnings: r.Warnings}
	row.PredLow, row.PredHigh = predInterval(r.EstRaw, r.SERaw, r.Tau2, level)
	return row
}

func ivRow(d string, s []meta.Study, t meta.Transform, e meta.Estimator, level float64) PooledRow {
	r := meta.InverseVariance(s, t, e, level)
	row := PooledRow{Drug: d, K: r.K, Events: r.Events, N: r.N, Estimate: r.Estimate, Low: r.CILow, High: r.CIHigh,
		Tau2: r.Tau2, I2: r.I2, Q: r.Q, QP: r.QP, Transform: t.String(), Method: e.String(), Warnings: r.Warnings,
		PredLow: math.NaN(), PredHigh: math.NaN()}
	if t == meta.Logit {
		row.PredLow, row.PredHigh = predInterval(r.EstRaw, r.SERaw, r.Tau2, level)
	}
	return row
}

func cpRow(d string, s []meta.Study, level float64) PooledRow {
	x, n := 0, 0
	for _, st := range s {
		x += st.Events
		n += st.N
	}
	iv := stats.BinomialCI(x, n, level, stats.ClopperPearson)
	return PooledRow{Drug: d, K: len(s), Events: x, N: n, Estimate: iv.Estimate, Low: iv.Low, High: iv.High,
		Tau2: math.NaN(), I2: math.NaN(), Q: math.NaN(), QP: math.NaN(), Transform: "none", Method: "pooled Clopper-Pearson", Warnings: iv.Warnings,
		PredLow: math.NaN(), PredHigh: math.NaN()}
}

// ForestWeights returns the weight of each study of a pooled drug in
// percent: the inverse-variance random-effects weights 1/(vᵢ + τ²) on the
// logit scale, vᵢ the variance of escalc's logit transform
// (meta.EffectSize), τ² = tau2 of the pooled fit (0 when NaN).
func ForestWeights(ss []StudyRow, tau2 float64) []float64 {
	if math.IsNaN(tau2) {
		tau2 = 0
	}
	w := make([]float64, len(ss))
	sum := 0.0
	for i, s := range ss {
		_, v := meta.EffectSize(meta.Study{Events: s.Events, N: s.N}, meta.Logit)
		w[i] = 1 / (v + tau2)
		sum += w[i]
	}
	for i := range w {
		w[i] = 100 * w[i] / sum
	}
	return w
}
