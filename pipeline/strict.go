package pipeline

import (
	"fmt"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/pipeline/config"
)

// StrictSummary is "strict" of summary.json: the policy applied and what
// it accepted. Failing counts the problems that fail a strict run (whether
// or not this run was strict).
type StrictSummary struct {
	Enabled bool                    `json:"enabled"`
	Allowed []config.AllowedSummary `json:"allowed"`
	FailOn  []string                `json:"fail_on"`
	Failing int                     `json:"failing"`
}

// JudgeSummary is s.Judge over a summary whose details keep only the first
// ingest.ProblemCap problems of each severity, code and column: the failing
// problems are those of the details, and the counts (the number failing,
// the problems each allowance accepted) come from
// problems.by_code_and_column, so they count every problem.
func JudgeSummary(s *config.StrictConfig, sum *Summary) (failing []data.Problem, nFailing int, allowed []config.AllowedSummary) {
	failing, allowed = s.Judge(sum.Details)
	counts := sum.Problems.ByCodeAndColumn
	if counts == nil {
		return failing, len(failing), allowed
	}
	allowed = s.AllowedSummaries()
	failOn := s.FailOnSet()
	for _, c := range counts {
		i, fails := s.Verdict(data.Problem{Severity: c.Severity, Code: c.Code, Column: c.Column}, failOn)
		if i >= 0 {
			allowed[i].Count += c.Total
		}
		if fails {
			nFailing += c.Total
		}
	}
	return failing, nFailing, allowed
}

// judge records the policy's verdict in the summary and returns the
// problems that fail a strict run (the first ingest.ProblemCap of each severity,
// code and column; Strict.Failing counts them all).
func (s *Summary) judge(cfg *config.StrictConfig) []data.Problem {
	failing, n, allowed := JudgeSummary(cfg, s)
	s.Strict = StrictSummary{Enabled: cfg.Enabled, Allowed: allowed, FailOn: cfg.FailOn, Failing: n}
	if s.Strict.FailOn == nil {
		s.Strict.FailOn = []string{}
	}
	return failing
}

// StrictError is the error of a strict run or validation for the
// problems that fail it (nil when there are none): how many, the first,
// and how to accept a class of them.
//
// total counts the failing problems, of which failing may list only the
// first ingest.ProblemCap of each severity, code and column.
func StrictError(failing []data.Problem, total int) error {
	if len(failing) == 0 {
		return nil
	}
	p := failing[0]
	how := fmt.Sprintf("fix them, or accept a class with --allow %s", p.Code)
	if p.Column != "" {
		how = fmt.Sprintf("fix them, or accept a class with --allow '%s:%s' or [strict] allow = [{code = %q, column = %q, reason = \"…\"}] in tresp.toml",
			p.Code, p.Column, p.Code, p.Column)
	}
	return fmt.Errorf("strict: %d warnings no allowance covers (or codes of fail_on); the first: %s: %s (docs/ci.md): %w",
		max(total, len(failing)), p.Error(), how, ErrData)
}
