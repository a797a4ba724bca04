package present

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/figure"
	"github.com/tresp/tresp/stats"
)

// TestForestNeverTooLarge: 200 drugs, each from 40 studies, every drug
// pooled, plus a drug with 0/0: the forest plot keeps the 30 largest drugs,
// caps the study rows, leaves out the 0/0 row with a note, and renders.
func TestForestNeverTooLarge(t *testing.T) {
	a := &cohort.Analysis{CIMethod: stats.ClopperPearson, Level: 0.95, PoolPopulation: cohort.PopEvaluable}
	for d := 0; d < 200; d++ {
		drug := fmt.Sprintf("drug %03d", d)
		x, n := 0, 0
		for s := 0; s < 40; s++ {
			sn := 1 + (d+s)%7
			sx := (d * s) % (sn + 1)
			a.StudyCounts = append(a.StudyCounts, cohort.StudyRow{Study: fmt.Sprintf("Author%d A, Other B. Title. %d", s, 1990+s%30), Drug: drug, Events: sx, N: sn})
			x, n = x+sx, n+sn
		}
		a.StudyCounts = append(a.StudyCounts, cohort.StudyRow{Study: "Lost L. 2001", Drug: drug}) // 0/0
		a.Rates = append(a.Rates, cohort.RateRow{Drug: drug, Population: cohort.PopEvaluable, N: n, Responders: x, Rate: float64(x) / float64(n), Low: 0, High: 1})
		a.Pooled = append(a.Pooled, cohort.PooledRow{Drug: drug, K: 40, Events: x, N: n, Estimate: float64(x) / float64(n), Low: 0, High: 1,
			Tau2: 0.1, Method: "GLMM", PredLow: 0, PredHigh: 1})
		a.Sensitivity = append(a.Sensitivity, cohort.PooledRow{Drug: drug, K: 40, Method: "REML", Transform: "logit", Tau2: 0.1, I2: 12, Q: 40, QP: 0.4})
	}
	a.Rates = append(a.Rates, cohort.RateRow{Drug: "empty", Population: cohort.PopEvaluable, Rate: math.NaN(), Low: math.NaN(), High: math.NaN()})
	f, notes := forestFigure(a, Options{Pooling: "glmm", Transform: "logit", Nodes: 30, ForestMaxDrugs: 30})
	f.Notes = notes
	heads := 0
	for _, r := range f.Rows {
		if r.Heading {
			heads++
		}
	}
	if heads != 30 {
		t.Errorf("%d drugs drawn, want 30", heads)
	}
	capt := f.Caption()
	for _, want := range []string{"30 drugs with the most patients of 201", "Left out as 0/0", "prediction interval", "Population: evaluable"} {
		if !strings.Contains(capt, want) {
			t.Errorf("caption lacks %q:\n%s", want, capt)
		}
	}
	for _, size := range []string{"nature-double", "nature-single"} {
		sz, err := figure.ParsePreset(size)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := figure.Render(&buf, f, sz, figure.SVG); err != nil {
			t.Errorf("%s: %v", size, err)
		}
	}
}
