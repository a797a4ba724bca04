package ingest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
)

// MaxGroupRows is how many positions a problem group lists.
const MaxGroupRows = 5

// ProblemGroup is one line a person reads: every problem with the same
// code, column (the user's header) and value, with how many rows have it
// and the first of them.
type ProblemGroup struct {
	Severity data.Severity `json:"severity"`
	Code     string        `json:"code"`
	Column   string        `json:"column,omitempty"`
	Value    string        `json:"value,omitempty"`
	Reason   string        `json:"reason"`
	Hint     string        `json:"hint,omitempty"`
	Rows     int           `json:"rows"`
	First    []string      `json:"first_rows"`
}

// String formats the group as one line:
//
//	column "Treatment": "Pred": not in the treatment vocabulary (…) — 3 rows: cases.csv:4, cases.csv:9, cases.csv:12
func (g ProblemGroup) String() string {
	var b strings.Builder
	if g.Column != "" {
		fmt.Fprintf(&b, "column %q: ", g.Column)
	}
	if g.Value != "" {
		b.WriteString(strconv.Quote(data.Truncate(g.Value, 80)))
		b.WriteString(": ")
	}
	b.WriteString(g.Reason)
	if g.Hint != "" {
		b.WriteString(" (" + g.Hint + ")")
	}
	rows := "rows"
	if g.Rows == 1 {
		rows = "row"
	}
	if len(g.First) == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, " — %d %s: %s", g.Rows, rows, strings.Join(g.First, ", "))
	if g.Rows > len(g.First) {
		b.WriteString(", …")
	}
	return b.String()
}

// GroupProblems groups problems of at least severity min by (code,
// column, value), most serious first, then by code, column and value. The
// reason and hint are those of the first problem of the group.
func GroupProblems(probs []data.Problem, min data.Severity) []ProblemGroup {
	type key struct{ code, column, value string }
	idx := map[key]int{}
	var out []ProblemGroup
	for _, p := range probs {
		if p.Severity < min {
			continue
		}
		k := key{p.Code, p.Column, p.Value}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, ProblemGroup{Severity: p.Severity, Code: p.Code, Column: p.Column, Value: p.Value, Reason: p.Reason, Hint: p.Hint})
		}
		g := &out[i]
		g.Rows++
		if p.Severity > g.Severity {
			g.Severity = p.Severity
		}
		if len(g.First) < MaxGroupRows {
			pos := p.File
			if p.Line > 0 {
				pos += ":" + strconv.Itoa(p.Line)
			}
			g.First = append(g.First, pos)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Value < b.Value
	})
	return out
}
