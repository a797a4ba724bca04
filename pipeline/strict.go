package pipeline

import (
	"fmt"
	"math"
	"strings"

	"github.com/tresp/tresp/data"
)

// StrictConfig is [strict] of tresp.toml: whether a run is strict, and
// the policy that decides which problems fail it.
//
// A strict run fails on every problem of severity warning or error
// (data.Codes gives each code's default severity) and on every problem
// whose code is in FailOn, except the problems an allowance covers. Errors
// cannot be allowed: their rows are quarantined whatever the policy.
type StrictConfig struct {
	// Enabled makes runs and validations strict (--strict).
	Enabled bool `json:"enabled"`
	// Allow lists the accepted problems, each with the reason it is
	// accepted.
	Allow []Allowance `json:"allow,omitempty"`
	// FailOn lists codes that fail a strict run whatever their severity
	// (an info code such as "approximate").
	FailOn []string `json:"fail_on,omitempty"`
}

// Allowance accepts the problems with Code (in Column only, when Column is
// set: the header as written in the table, or the field name, compared
// without regard to case) in a strict run.
type Allowance struct {
	Code   string `json:"code"`
	Column string `json:"column,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// String returns CODE or CODE:COLUMN, as --allow takes it.
func (a Allowance) String() string {
	if a.Column == "" {
		return a.Code
	}
	return a.Code + ":" + a.Column
}

// ParseAllowance reads --allow's CODE[:COLUMN].
func ParseAllowance(s string) (Allowance, error) {
	code, col, _ := strings.Cut(s, ":")
	a := Allowance{Code: strings.TrimSpace(code), Column: strings.TrimSpace(col), Reason: "--allow " + s}
	return a, a.validate("--allow")
}

func (a Allowance) validate(key string) error {
	c, ok := data.LookupCode(a.Code)
	switch {
	case a.Code == "":
		return &ConfigError{Key: key, Msg: "an allowance needs a code (docs/ci.md lists them)"}
	case !ok:
		return &ConfigError{Key: key, Msg: fmt.Sprintf("unknown problem code %q (docs/ci.md lists them)", a.Code)}
	case c.Severity >= data.Error:
		return &ConfigError{Key: key, Msg: fmt.Sprintf("%q is an error: its rows are quarantined, it cannot be allowed (fix the rows instead)", a.Code)}
	}
	return nil
}

// Validate checks every code of the policy.
func (s *StrictConfig) Validate() error {
	for _, a := range s.Allow {
		if err := a.validate("strict.allow"); err != nil {
			return err
		}
	}
	for _, c := range s.FailOn {
		if _, ok := data.LookupCode(c); !ok {
			return &ConfigError{Key: "strict.fail_on", Msg: fmt.Sprintf("unknown problem code %q (docs/ci.md lists them)", c)}
		}
	}
	return nil
}

// covers reports whether a accepts p.
func (a Allowance) covers(p data.Problem) bool {
	return a.Code == p.Code && (a.Column == "" || strings.EqualFold(a.Column, p.Column))
}

// AllowedSummary is one allowance with the number of problems it accepted
// in the run, for summary.json and report.html.
type AllowedSummary struct {
	Code   string `json:"code"`
	Column string `json:"column,omitempty"`
	Reason string `json:"reason,omitempty"`
	Count  int    `json:"count"`
}

// Allowance returns the allowance of s.
func (s AllowedSummary) Allowance() Allowance {
	return Allowance{Code: s.Code, Column: s.Column, Reason: s.Reason}
}

// StrictSummary is "strict" of summary.json: the policy applied and what
// it accepted. Failing counts the problems that fail a strict run (whether
// or not this run was strict).
type StrictSummary struct {
	Enabled bool             `json:"enabled"`
	Allowed []AllowedSummary `json:"allowed"`
	FailOn  []string         `json:"fail_on"`
	Failing int              `json:"failing"`
}

// Judge applies the policy to probs: it returns the problems that fail a
// strict run, in order, and each allowance with the number of problems
// it accepted (the first allowance that covers a problem counts it).
func (s *StrictConfig) Judge(probs []data.Problem) (failing []data.Problem, allowed []AllowedSummary) {
	allowed = make([]AllowedSummary, len(s.Allow))
	for i, a := range s.Allow {
		allowed[i] = AllowedSummary{Code: a.Code, Column: a.Column, Reason: a.Reason}
	}
	failOn := map[string]bool{}
	for _, c := range s.FailOn {
		failOn[c] = true
	}
	for _, p := range probs {
		if p.Severity < data.Error {
			i := -1
			for j, a := range s.Allow {
				if a.covers(p) {
					i = j
					break
				}
			}
			if i >= 0 {
				allowed[i].Count++
				continue
			}
		}
		if p.Severity >= data.Warning || failOn[p.Code] {
			failing = append(failing, p)
		}
	}
	return failing, allowed
}

// judge records the policy's verdict in the summary and returns the
// problems that fail a strict run.
func (s *Summary) judge(cfg *StrictConfig) []data.Problem {
	failing, allowed := cfg.Judge(s.Details)
	s.Strict = StrictSummary{Enabled: cfg.Enabled, Allowed: allowed, FailOn: cfg.FailOn, Failing: len(failing)}
	if s.Strict.FailOn == nil {
		s.Strict.FailOn = []string{}
	}
	return failing
}

// StrictError is the error of a strict run or validation for the
// problems that fail it (nil when there are none): how many, the first,
// and how to accept a class of them.
func StrictError(failing []data.Problem) error {
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
		len(failing), p.Error(), how, ErrData)
}

// Validate checks the gates of tresp diff.
func (d *DiffConfig) Validate() error {
	switch {
	case math.IsNaN(d.Threshold) || d.Threshold < 0 || d.Threshold > 1:
		return &ConfigError{Key: "diff.threshold", Msg: fmt.Sprintf("%v is not a proportion between 0 and 1 (0.10 is 10 percentage points; 0 turns the check off)", d.Threshold)}
	case d.MinN < 0:
		return &ConfigError{Key: "diff.min_n", Msg: fmt.Sprintf("%d is negative (0 counts every stratum)", d.MinN)}
	case math.IsNaN(d.MaxDrop) || d.MaxDrop < 0 || d.MaxDrop > 1:
		return &ConfigError{Key: "diff.max_drop", Msg: fmt.Sprintf("%v is not a proportion between 0 and 1 (0.10 is 10 %%; 1 turns the check off)", d.MaxDrop)}
	}
	return nil
}
