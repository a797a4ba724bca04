package meta_test

import (
	"fmt"

	"github.com/tresp/tresp/stats/meta"
)

func ExampleInverseVariance() {
	// Five studies (shared/reference metaprop_data.csv, dataset zero_event).
	studies := []meta.Study{{0, 15}, {4, 30}, {7, 42}, {2, 25}, {9, 50}}
	r := meta.InverseVariance(studies, meta.FreemanTukey, meta.REML, 0.95)
	fmt.Printf("%s/%s: %.4f [%.4f, %.4f], tau² %.6f, I² %.1f%%, Q %.3f (p %.3f)\n",
		r.Transform, r.Estimator, r.Estimate, r.CILow, r.CIHigh, r.Tau2, r.I2, r.Q, r.QP)
	// Output:
	// pft/REML: 0.1232 [0.0709, 0.1858], tau² 0.000944, I² 10.7%, Q 5.768 (p 0.217)
}

func ExampleInverseVariance_singleStudy() {
	r := meta.InverseVariance([]meta.Study{{3, 10}}, meta.Logit, meta.DL, 0.95)
	fmt.Println(r.Estimate, r.Warnings)
	// Output:
	// NaN [k = 1: no pooling (a single study; report its own proportion and binomial interval)]
}

func ExampleGLMM() {
	// Ten single-patient case reports (7 responders) and a 5/8 series.
	studies := []meta.Study{{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {0, 1}, {0, 1}, {0, 1}, {5, 8}}
	g := meta.GLMM(studies, meta.DefaultNodes, 0.95)
	fmt.Printf("GLMM: %.4f [%.4f, %.4f], tau² %g, singular %v, loglik %.4f\n",
		g.Estimate, g.CILow, g.CIHigh, g.Tau2, g.Singular, g.LogLik)
	iv := meta.InverseVariance(studies, meta.Logit, meta.REML, 0.95)
	fmt.Printf("logit REML: %.4f [%.4f, %.4f]\n", iv.Estimate, iv.CILow, iv.CIHigh)
	fmt.Println(iv.Warnings[0])
	// Output:
	// GLMM: 0.6667 [0.4288, 0.8420], tau² 0, singular true, loglik -7.4319
	// logit REML: 0.6138 [0.4102, 0.7841]
	// most studies have n <= 2 (10 of 11): inverse-variance pooling is unreliable here, prefer GLMM
}

func ExampleGLMM_nodes() {
	// Nielweise et al. (2007) control arm; Stijnen et al. (2010) Table II
	// reports −3.4964 (SE 0.2570), τ² 0.8124: the 7-node approximation.
	studies := []meta.Study{{3, 117}, {3, 35}, {9, 195}, {7, 136}, {6, 157}, {4, 139}, {3, 177}, {2, 39},
		{19, 103}, {2, 122}, {7, 64}, {1, 58}, {5, 175}, {11, 180}, {0, 105}, {1, 262}, {3, 362}, {1, 69}}
	for _, k := range []int{1, 7, meta.DefaultNodes} {
		g := meta.GLMM(studies, k, 0.95)
		fmt.Printf("nodes %2d: logit %.4f (SE %.4f), tau² %.4f, loglik %.4f\n", k, g.EstRaw, g.SERaw, g.Tau2, g.LogLik)
	}
	// Output:
	// nodes  1: logit -3.4958 (SE 0.2550), tau² 0.7946, loglik -48.2803
	// nodes  7: logit -3.4964 (SE 0.2570), tau² 0.8124, loglik -48.2246
	// nodes 30: logit -3.4964 (SE 0.2570), tau² 0.8122, loglik -48.2250
}

func ExampleEffectSize() {
	for _, s := range []meta.Study{{12, 40}, {0, 15}} {
		yl, vl := meta.EffectSize(s, meta.Logit)
		yf, vf := meta.EffectSize(s, meta.FreemanTukey)
		fmt.Printf("%d/%d: logit %.4f (var %.4f), pft %.4f (var %.5f)\n", s.Events, s.N, yl, vl, yf, vf)
	}
	// Output:
	// 12/40: logit -0.8473 (var 0.1190), pft 0.5849 (var 0.00617)
	// 0/15: logit -3.4340 (var 2.0645), pft 0.1263 (var 0.01613)
}

func ExampleValidateStudies() {
	err := meta.ValidateStudies([]meta.Study{{3, 10}, {12, 8}})
	fmt.Println(err)
	// Output:
	// meta: study 2: events = 12 exceed n = 8 (fix the count or the size)
}

func ExampleParseTransform() {
	t, err := meta.ParseTransform("PFT")
	fmt.Println(t, err)
	_, err = meta.ParseTransform("arcsine")
	fmt.Println(err)
	// Output:
	// pft <nil>
	// meta: unknown transform "arcsine" (use logit or pft)
}

func ExampleParseEstimator() {
	e, err := meta.ParseEstimator("dl")
	fmt.Println(e, err)
	// Output:
	// DL <nil>
}
