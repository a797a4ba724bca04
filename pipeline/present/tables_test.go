package present

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/reports/table"
	"github.com/tresp/tresp/stats"
)

// TestTable4NoNaN: a pooled row without an estimate (the GLMM failed)
// shows the pooled count with its exact interval and a footnote saying why,
// never NaN, Inf or empty parentheses.
func TestTable4NoNaN(t *testing.T) {
	nan := math.NaN()
	in := &Input{Options: Options{SmallGroup: 5, MinCompareN: 3, MaxCompareGroups: 30, ReviewFile: "review.csv"}, Analysis: &cohort.Analysis{
		Responder: "partial", CIMethod: stats.ClopperPearson, Level: 0.95, PoolPopulation: cohort.PopITT,
		Sensitivity: []cohort.PooledRow{
			{Drug: "diltiazem", K: 2, Events: 3, N: 4, Estimate: nan, Low: nan, High: nan, Tau2: nan, I2: nan,
				Method: "GLMM", Transform: "logit", Warnings: []string{"the likelihood is flat in τ: no maximum"},
				Count: stats.BinomialCI(3, 4, 0.95, stats.ClopperPearson)}, // as cohort computes it
			{Drug: "diltiazem", K: 2, Events: 3, N: 4, Estimate: 0.7, Low: math.Inf(-1), High: nan, Tau2: math.Inf(1), I2: 0,
				Method: "REML", Transform: "logit"},
		}}}
	var t4 table.Table
	for _, pt := range Tables(in) {
		if pt.Name == "table4_pooled" {
			t4 = pt.Table
		}
	}
	var buf bytes.Buffer
	if err := table.WriteMarkdown(&buf, t4); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if m := badCell.FindString(md); m != "" {
		t.Errorf("table4 shows %q:\n%s", m, md)
	}
	// binom.test(3, 4)$conf.int = 0.1941204 0.9936905 (R 4.2.2)
	for _, want := range []string{"75% (19–99) †", "| 70%", "diltiazem, GLMM: the likelihood is flat", "intention to treat"} {
		if !strings.Contains(md, want) {
			t.Errorf("table4 lacks %q:\n%s", want, md)
		}
	}
}

// badCell matches what no table cell may show: NaN, Inf or empty
// parentheses.
var badCell = regexp.MustCompile(`NaN|Inf|\(\s*[–-]?\s*\)`)
