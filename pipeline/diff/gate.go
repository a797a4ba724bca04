package diff

import (
	"fmt"
	"math"
	"strconv"
)

// Gate sets what makes tresp diff fail (exit 1). Its fields are those of
// the [diff] table of the configuration file.
type Gate struct {
	// Threshold is the largest move of a response rate, as a proportion,
	// that passes; 0 turns the rate check off.
	Threshold float64
	// MinN is the smallest stratum (patients, in either run) whose rate
	// move counts against Threshold.
	MinN int
	// MaxDrop is the largest fall of the total evaluable n, as a
	// proportion of the old total, that passes.
	MaxDrop float64
}

// Check is one rule of the gate of tresp diff, with its verdict and
// the evidence.
type Check struct {
	// Rule is "rates", "quarantine", "unclassified" or "evaluable".
	Rule   string `json:"rule"`
	Passed bool   `json:"passed"`
	// Check says what the rule requires, Result what the runs show.
	Check  string `json:"check"`
	Result string `json:"result"`
}

// Checks applies the rules of g to the diff, in this order:
//
//   - rates: no stratum with at least g.MinN patients (in the old or the
//     new run) moves its response rate by more than g.Threshold (off when
//     g.Threshold is 0). Strata present in only one run are listed, not
//     judged;
//   - quarantine: no row is newly quarantined;
//   - unclassified: the outcomes the reader cannot classify (the
//     unclassified count of the all-drugs, all-diseases ITT rate row)
//     do not increase;
//   - evaluable: the total evaluable n (the all-drugs, all-diseases
//     evaluable row) does not fall by more than g.MaxDrop of the old total.
func (d *Result) Checks(g Gate) []Check {
	var checks []Check

	rates := Check{Rule: "rates", Passed: true}
	if g.Threshold <= 0 {
		rates.Check = "response rates (check off: threshold 0)"
	} else {
		rates.Check = fmt.Sprintf("no stratum of ≥ %d patients moves by more than %s", g.MinN, fmtPPAbs(g.Threshold))
	}
	var best *RateChange
	beyond, small := 0, 0
	for i := range d.Rates {
		r := &d.Rates[i]
		if math.IsNaN(r.Delta) {
			continue
		}
		if max(r.Old.N, r.New.N) < g.MinN {
			if g.Threshold > 0 && math.Abs(r.Delta) > g.Threshold+thresholdTol {
				small++
			}
			continue
		}
		if g.Threshold > 0 && math.Abs(r.Delta) > g.Threshold+thresholdTol {
			beyond++
		}
		if best == nil || math.Abs(r.Delta) > math.Abs(best.Delta)+1e-12 || math.Abs(r.Delta) >= math.Abs(best.Delta)-1e-12 && best.Drug == "" && r.Drug != "" {
			best = r
		}
	}
	switch {
	case best == nil:
		rates.Result = "no stratum of that size changed"
	default:
		rates.Result = fmt.Sprintf("largest move %s (%s, %s, %s: %s → %s, n %s)", fmtPP(best.Delta), groupDrug(best.Drug), groupDisease(best.Disease),
			best.Population, fmtPct(best.Old.Rate), fmtPct(best.New.Rate), arrowInt(best.Old.N, best.New.N))
	}
	if beyond > 0 {
		rates.Passed = false
		rates.Result = fmt.Sprintf("%s beyond the threshold; %s", plural(beyond, "stratum", "strata"), rates.Result)
	}
	if small > 0 {
		rates.Result += fmt.Sprintf("; %s of fewer than %d patients moved further, not judged", plural(small, "stratum", "strata"), g.MinN)
	}
	checks = append(checks, rates)

	q := Check{Rule: "quarantine", Passed: len(d.QuarantineAdded) == 0, Check: "no row becomes quarantined"}
	if q.Passed {
		q.Result = "none"
	} else {
		first := d.QuarantineAdded[0]
		q.Result = fmt.Sprintf("%s newly quarantined (first: %s:%d)", plural(len(d.QuarantineAdded), "row", "rows"), first.File, first.Line)
	}
	checks = append(checks, q)

	t := d.Totals
	u := Check{Rule: "unclassified", Passed: t.NewUnclassified <= t.OldUnclassified, Check: "no outcome becomes unclassified",
		Result: "unclassified outcomes " + arrowInt(t.OldUnclassified, t.NewUnclassified)}
	checks = append(checks, u)

	e := Check{Rule: "evaluable", Passed: true, Check: fmt.Sprintf("total evaluable n falls by at most %s", fmtPercent(g.MaxDrop)),
		Result: "evaluable n " + arrowInt(t.OldEvaluable, t.NewEvaluable)}
	if t.OldEvaluable > 0 && t.NewEvaluable < t.OldEvaluable {
		drop := float64(t.OldEvaluable-t.NewEvaluable) / float64(t.OldEvaluable)
		e.Result += fmt.Sprintf(" (−%.1f %%)", 100*drop)
		e.Passed = drop <= g.MaxDrop+thresholdTol
	}
	checks = append(checks, e)
	return checks
}

// Failures returns the checks of Checks(g) that failed.
func (d *Result) Failures(g Gate) []Check {
	var out []Check
	for _, c := range d.Checks(g) {
		if !c.Passed {
			out = append(out, c)
		}
	}
	return out
}

// fmtPercent formats a proportion as a percentage: 0.1 → "10 %".
func fmtPercent(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e6)/1e4, 'f', -1, 64) + " %"
}

// gateMarkdown is the gate's verdict and table of checks.
func gateMarkdown(checks []Check) string {
	failed := 0
	for _, c := range checks {
		if !c.Passed {
			failed++
		}
	}
	s := "\n### ✅ Gate passed\n"
	if failed > 0 {
		s = fmt.Sprintf("\n### ❌ Gate failed: %d of %d checks\n", failed, len(checks))
	}
	s += "\n| | check | result |\n|---|---|---|\n"
	for _, c := range checks {
		mark := "✅"
		if !c.Passed {
			mark = "❌"
		}
		s += fmt.Sprintf("| %s | %s | %s |\n", mark, mdText(c.Check), mdText(c.Result))
	}
	return s
}
