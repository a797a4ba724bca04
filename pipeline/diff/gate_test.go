package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
)

// fakeOutput writes a minimal output directory for Diff: summary.json
// whose analysis.response_rates are the given rows (drug, disease,
// population, n, responders, unclassified; the rate null when n is 0, as
// tresp writes NaN) and quarantine.csv.
func fakeOutput(t *testing.T, rows [][]any, quarantine ...string) string {
	t.Helper()
	dir := t.TempDir()
	var rates []string
	for _, r := range rows {
		n, x := r[3].(int), r[4].(int)
		rate := "null"
		if n > 0 {
			rate = fmt.Sprint(float64(x) / float64(n))
		}
		rates = append(rates, fmt.Sprintf(`{"drug":%q,"disease":%q,"population":%q,"n":%d,"responders":%d,"unclassified":%d,"rate":%s,"ci_low":0,"ci_high":1,"ci_method":"clopper-pearson"}`,
			r[0], r[1], r[2], n, x, r[5], rate))
	}
	sum := `{"tool":"tresp","version":"x","inputs":[],"config":{},"analysis":{"warnings":[],"response_rates":[` + strings.Join(rates, ",") + `]}}`
	if err := os.WriteFile(filepath.Join(dir, summaryFile), []byte(sum), 0o644); err != nil {
		t.Fatal(err)
	}
	q := "file,line,reasons,cells\n"
	for i, f := range quarantine {
		q += fmt.Sprintf("%s,%d,%s: bad,{}\n", f, i+2, f)
	}
	if err := os.WriteFile(filepath.Join(dir, "quarantine.csv"), []byte(q), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// ratesOf returns the rows of a run with a total of n evaluable patients,
// resp responders among them, u unclassified, and the one-patient stratum
// "methotrexate" responding or not.
func ratesOf(n, resp, u int, mtx bool) [][]any {
	m := 0
	if mtx {
		m = 1
	}
	return [][]any{
		{"", "", "itt", n, resp, u}, {"", "", "evaluable", n, resp, 0},
		{"diltiazem", "", "itt", n - 1, resp - m, 0}, {"diltiazem", "", "evaluable", n - 1, resp - m, 0},
		{"methotrexate", "", "itt", 1, m, 0}, {"methotrexate", "", "evaluable", 1, m, 0},
	}
}

func failedRules(d *Result, g Gate) string {
	var r []string
	for _, c := range d.Failures(g) {
		r = append(r, c.Rule)
	}
	return strings.Join(r, ",")
}

// TestDiffGate is issue 15's diff bullets as tests: a one-patient stratum
// edit does not fail the gate; a broad change of outcomes does; a change
// that zeroes the evaluable n (a renamed outcome header) fails; rows that
// become quarantined fail; outcomes that become unclassified fail.
func TestDiffGate(t *testing.T) {
	g := Gate(config.Default().Diff)
	base := fakeOutput(t, ratesOf(20, 10, 0, true))
	tests := []struct {
		name   string
		new    string
		failed string
	}{
		{"identical", fakeOutput(t, ratesOf(20, 10, 0, true)), ""},
		// methotrexate 100% → 0%: its stratum has one patient; the totals move 5 pp.
		{"one-patient stratum edit", fakeOutput(t, ratesOf(20, 9, 0, false)), ""},
		{"broad change of outcomes", fakeOutput(t, ratesOf(20, 4, 0, true)), "rates"},
		// A renamed outcome header: every outcome empty, nobody evaluable.
		{"renamed outcome header", fakeOutput(t, [][]any{{"", "", "itt", 20, 0, 0}, {"", "", "evaluable", 0, 0, 0},
			{"diltiazem", "", "itt", 19, 0, 0}, {"diltiazem", "", "evaluable", 0, 0, 0}}), "rates,evaluable"},
		{"evaluable n falls 15 %", fakeOutput(t, ratesOf(17, 9, 0, true)), "evaluable"},
		{"evaluable n falls 10 %", fakeOutput(t, ratesOf(18, 9, 0, true)), ""},
		{"row made invalid", fakeOutput(t, ratesOf(20, 10, 0, true), "data/cases.csv"), "quarantine"},
		{"outcome becomes unclassified", fakeOutput(t, ratesOf(20, 10, 1, true)), "unclassified"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Diff(base, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			if got := failedRules(d, g); got != tt.failed {
				var md strings.Builder
				d.Markdown(&md, g)
				t.Errorf("failed rules %q, want %q\n%s", got, tt.failed, md.String())
			}
		})
	}
	// The same one-patient edit fails when every stratum is judged
	// (the gate before issue 15).
	d, _ := Diff(base, fakeOutput(t, ratesOf(20, 9, 0, false)))
	if got := failedRules(d, Gate{Threshold: 0.10, MinN: 0, MaxDrop: 1}); got != "rates" {
		t.Errorf("min_n 0: failed %q, want rates", got)
	}
	var md strings.Builder
	d.Markdown(&md, g)
	if !strings.Contains(md.String(), "| methotrexate | all diseases | itt | 1 | 1 → 0 | 0 | 100.0% → 0.0% | 0.0–100.0% | -100.0 pp (small) |") {
		t.Errorf("the one-patient stratum is not marked small:\n%s", md.String())
	}
}

// TestDiffReadsUnclassified: the unclassified count of a rate row is
// read, and a change of it alone is a rate change.
func TestDiffReadsUnclassified(t *testing.T) {
	d, err := Diff(fakeOutput(t, ratesOf(20, 10, 0, true)), fakeOutput(t, ratesOf(20, 10, 2, true)))
	if err != nil {
		t.Fatal(err)
	}
	if d.Totals.OldUnclassified != 0 || d.Totals.NewUnclassified != 2 || len(d.Rates) != 1 || d.Rates[0].New.Unclassified != 2 {
		t.Errorf("totals %+v, rates %+v", d.Totals, d.Rates)
	}
}
