package config

import (
	"fmt"
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
		return &Error{Key: key, Msg: "an allowance needs a code (docs/ci.md lists them)"}
	case !ok:
		return &Error{Key: key, Msg: fmt.Sprintf("unknown problem code %q (docs/ci.md lists them)", a.Code)}
	case c.Severity >= data.Error:
		return &Error{Key: key, Msg: fmt.Sprintf("%q is an error: its rows are quarantined, it cannot be allowed (fix the rows instead)", a.Code)}
	}
	return nil
}

// checkCode says why code is not a problem code, "" when it is one.
func checkCode(code string) string {
	if _, ok := data.LookupCode(code); !ok {
		return fmt.Sprintf("unknown problem code %q (docs/ci.md lists them)", code)
	}
	return ""
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

// Judge applies the policy to probs: it returns the problems that fail a
// strict run, in order, and each allowance with the number of problems
// it accepted (the first allowance that covers a problem counts it).
func (s *StrictConfig) Judge(probs []data.Problem) (failing []data.Problem, allowed []AllowedSummary) {
	allowed = s.AllowedSummaries()
	failOn := s.FailOnSet()
	for _, p := range probs {
		i, fails := s.Verdict(p, failOn)
		if i >= 0 {
			allowed[i].Count++
		}
		if fails {
			failing = append(failing, p)
		}
	}
	return failing, allowed
}

// AllowedSummaries returns the allowances of s, each with a count of 0.
func (s *StrictConfig) AllowedSummaries() []AllowedSummary {
	allowed := make([]AllowedSummary, len(s.Allow))
	for i, a := range s.Allow {
		allowed[i] = AllowedSummary{Code: a.Code, Column: a.Column, Reason: a.Reason}
	}
	return allowed
}

// FailOnSet returns the codes of FailOn as a set, for Verdict.
func (s *StrictConfig) FailOnSet() map[string]bool {
	failOn := map[string]bool{}
	for _, c := range s.FailOn {
		failOn[c] = true
	}
	return failOn
}

// Verdict returns the allowance that accepts p (-1 for none) and whether p
// fails a strict run, failOn being FailOnSet. It depends only on p's
// severity, code and column.
func (s *StrictConfig) Verdict(p data.Problem, failOn map[string]bool) (int, bool) {
	if p.Severity < data.Error {
		for j, a := range s.Allow {
			if a.covers(p) {
				return j, false
			}
		}
	}
	return -1, p.Severity >= data.Warning || failOn[p.Code]
}
