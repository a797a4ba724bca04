package ingest

import (
	"fmt"
	"sort"

	"github.com/tresp/tresp/data"
)

// ProblemCap is the most problems of one (severity, code, column) a run
// keeps as details: summary.json's details and grouped, report.html's
// warnings and the listing of tresp validate show the first ProblemCap
// of each, in reading order. Every problem is still counted: the totals of
// summary.json's problems (errors, warnings, by_code) and its
// by_code_and_column, whose listed < total says that rows were left out.
// A table with a problem on every one of a million rows so keeps a few
// hundred problems, not a million.
const ProblemCap = 100

// ProblemCount counts the problems of one severity, code and column (the
// user's header).
type ProblemCount struct {
	Severity data.Severity `json:"severity"`
	Code     string        `json:"code"`
	Column   string        `json:"column,omitempty"`
	// Total counts every such problem, Listed those kept as details.
	Total  int `json:"total"`
	Listed int `json:"listed"`
}

type problemKey struct {
	sev          data.Severity
	code, column string
}

// ProblemSet collects problems: each is counted per (severity, code,
// column), and the first ProblemCap of each are kept.
type ProblemSet struct {
	kept   []data.Problem
	counts map[problemKey]*ProblemCount
}

// Add counts and, within the cap, keeps ps.
func (s *ProblemSet) Add(ps ...data.Problem) {
	for _, p := range ps {
		c := s.count(problemKey{p.Severity, p.Code, p.Column})
		c.Total++
		if c.Listed < ProblemCap {
			c.Listed++
			s.kept = append(s.kept, p)
		}
	}
}

func (s *ProblemSet) count(k problemKey) *ProblemCount {
	if s.counts == nil {
		s.counts = map[problemKey]*ProblemCount{}
	}
	c := s.counts[k]
	if c == nil {
		c = &ProblemCount{Severity: k.sev, Code: k.code, Column: k.column}
		s.counts[k] = c
	}
	return c
}

// Reset empties the set, keeping its storage.
func (s *ProblemSet) Reset() {
	s.kept = s.kept[:0]
	clear(s.counts)
}

// Merge adds a set already collected: its kept problems and its counts.
func (s *ProblemSet) Merge(kept []data.Problem, counts []ProblemCount) {
	s.kept = append(s.kept, kept...)
	for _, o := range counts {
		c := s.count(problemKey{o.Severity, o.Code, o.Column})
		c.Total += o.Total
		c.Listed += o.Listed
	}
}

// Total returns the number of problems counted.
func (s *ProblemSet) Total() int {
	n := 0
	for _, c := range s.counts {
		n += c.Total
	}
	return n
}

// List returns the counts, most serious first, then by code and column.
func (s *ProblemSet) List() []ProblemCount {
	out := make([]ProblemCount, 0, len(s.counts))
	for _, c := range s.counts {
		out = append(out, *c)
	}
	sortCounts(out)
	return out
}

func sortCounts(cs []ProblemCount) {
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Column < b.Column
	})
}

// UnlistedGroups are the lines that stand for the problems past the cap:
// one per (severity, code, column) with rows left out, of at least
// severity min.
func UnlistedGroups(counts []ProblemCount, min data.Severity) []ProblemGroup {
	var out []ProblemGroup
	for _, c := range counts {
		if c.Severity < min || c.Total <= c.Listed {
			continue
		}
		out = append(out, ProblemGroup{Severity: c.Severity, Code: c.Code, Column: c.Column, Rows: c.Total - c.Listed, First: []string{},
			Reason: fmt.Sprintf("%d more rows with this problem, not listed (the first %d of this code and column are)", c.Total-c.Listed, ProblemCap)})
	}
	return out
}

// Kept returns the problems kept as details, in the order added.
func (s *ProblemSet) Kept() []data.Problem { return s.kept }
