package main

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// node is a value of the YAML subset the workflow is written in: a
// mapping (keys in order), a sequence or a scalar.
type node struct {
	keys   []string
	m      map[string]*node
	list   []*node
	scalar string
	isMap  bool
	isList bool
}

func (n *node) get(path ...string) *node {
	for _, k := range path {
		if n == nil || !n.isMap {
			return nil
		}
		n = n.m[k]
	}
	return n
}

func (n *node) str() string {
	if n == nil {
		return ""
	}
	return n.scalar
}

func (n *node) strings() []string {
	if n == nil {
		return nil
	}
	if !n.isList {
		return []string{n.scalar}
	}
	var out []string
	for _, e := range n.list {
		out = append(out, e.scalar)
	}
	return out
}

type line struct {
	indent int
	text   string // without indentation
	raw    string
	no     int
}

// parseYAML reads the subset of YAML GitHub workflows use here: block
// mappings and sequences, "key: value", quoted and plain scalars, flow
// sequences of scalars, comments, and block scalars (| and >-). It is not a
// YAML parser: it fails loudly on anything else, so that the replay never
// silently reads the workflow differently from GitHub.
func parseYAML(text string) (*node, error) {
	var lines []line
	for i, raw := range strings.Split(text, "\n") {
		t := strings.TrimLeft(raw, " ")
		lines = append(lines, line{indent: len(raw) - len(t), text: t, raw: raw, no: i + 1})
	}
	p := &yparser{lines: lines}
	p.skip()
	n, err := p.block(0)
	if err != nil {
		return nil, err
	}
	p.skip()
	if p.i < len(p.lines) {
		return nil, fmt.Errorf("line %d: unexpected %q", p.lines[p.i].no, p.lines[p.i].text)
	}
	return n, nil
}

type yparser struct {
	lines []line
	i     int
}

// skip passes blank and comment-only lines.
func (p *yparser) skip() {
	for p.i < len(p.lines) && (p.lines[p.i].text == "" || strings.HasPrefix(p.lines[p.i].text, "#")) {
		p.i++
	}
}

// block reads the mapping or sequence starting at the current line, whose
// lines are indented by indent.
func (p *yparser) block(indent int) (*node, error) {
	p.skip()
	if p.i >= len(p.lines) {
		return &node{}, nil
	}
	l := p.lines[p.i]
	if l.indent != indent {
		return nil, fmt.Errorf("line %d: indentation %d, want %d", l.no, l.indent, indent)
	}
	if strings.HasPrefix(l.text, "- ") || l.text == "-" {
		return p.sequence(indent)
	}
	return p.mapping(indent, "")
}

func (p *yparser) sequence(indent int) (*node, error) {
	n := &node{isList: true}
	for {
		p.skip()
		if p.i >= len(p.lines) || p.lines[p.i].indent != indent || !strings.HasPrefix(p.lines[p.i].text, "- ") {
			return n, nil
		}
		l := p.lines[p.i]
		rest := strings.TrimPrefix(l.text, "- ")
		if k, _, ok := cutKey(rest); ok && k != "" {
			// "- key: value" starts a mapping whose keys are at indent+2.
			m, err := p.mapping(indent+2, rest)
			if err != nil {
				return nil, err
			}
			n.list = append(n.list, m)
			continue
		}
		p.i++
		v, err := scalar(stripComment(rest), l.no)
		if err != nil {
			return nil, err
		}
		n.list = append(n.list, v)
	}
}

// mapping reads "key: value" lines at indent; first, when not "", is the
// first entry's text, found after a "- " on the current line.
func (p *yparser) mapping(indent int, first string) (*node, error) {
	n := &node{isMap: true, m: map[string]*node{}}
	for {
		var l line
		if first != "" {
			l = p.lines[p.i]
			l.text, l.indent = first, indent
			first = ""
		} else {
			p.skip()
			if p.i >= len(p.lines) || p.lines[p.i].indent != indent || strings.HasPrefix(p.lines[p.i].text, "- ") {
				return n, nil
			}
			l = p.lines[p.i]
		}
		k, v, ok := cutKey(l.text)
		if !ok {
			return nil, fmt.Errorf("line %d: want key: value, got %q", l.no, l.text)
		}
		if _, dup := n.m[k]; dup {
			return nil, fmt.Errorf("line %d: key %q twice", l.no, k)
		}
		p.i++
		v = stripComment(v)
		var val *node
		switch {
		case v == "|" || v == ">-" || v == ">":
			val = &node{scalar: p.blockScalar(indent, v)}
		case v == "":
			p.skip()
			if p.i < len(p.lines) && p.lines[p.i].indent > indent {
				var err error
				if val, err = p.block(p.lines[p.i].indent); err != nil {
					return nil, err
				}
			} else if p.i < len(p.lines) && p.lines[p.i].indent == indent && strings.HasPrefix(p.lines[p.i].text, "- ") {
				var err error
				if val, err = p.sequence(indent); err != nil {
					return nil, err
				}
			} else {
				val = &node{}
			}
		default:
			var err error
			if val, err = scalar(v, l.no); err != nil {
				return nil, err
			}
		}
		n.keys = append(n.keys, k)
		n.m[k] = val
	}
}

// blockScalar reads the lines of a | or >- scalar indented deeper than
// indent.
func (p *yparser) blockScalar(indent int, style string) string {
	var body []string
	ind := -1
	for p.i < len(p.lines) {
		l := p.lines[p.i]
		if l.text != "" && l.indent <= indent {
			break
		}
		if l.text != "" && ind < 0 {
			ind = l.indent
		}
		if len(l.raw) >= ind && ind >= 0 {
			body = append(body, l.raw[ind:])
		} else {
			body = append(body, "")
		}
		p.i++
	}
	for len(body) > 0 && body[len(body)-1] == "" {
		body = body[:len(body)-1]
	}
	if style == "|" {
		return strings.Join(body, "\n") + "\n"
	}
	return strings.Join(body, " ") // folded; the workflow folds single lines only
}

// cutKey splits "key: value" (or "key:") outside quotes.
func cutKey(s string) (key, value string, ok bool) {
	if strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "'") || strings.HasPrefix(s, "[") {
		return "", "", false
	}
	i := strings.Index(s, ":")
	if i <= 0 || i+1 < len(s) && s[i+1] != ' ' {
		return "", "", false
	}
	return s[:i], strings.TrimSpace(s[i+1:]), true
}

// stripComment removes a " # comment" outside quotes.
func stripComment(s string) string {
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#' && (i == 0 || s[i-1] == ' '):
			return strings.TrimSpace(s[:i])
		}
	}
	return strings.TrimSpace(s)
}

func scalar(s string, no int) (*node, error) {
	switch {
	case strings.HasPrefix(s, "["):
		if !strings.HasSuffix(s, "]") {
			return nil, fmt.Errorf("line %d: a flow sequence must end on its line", no)
		}
		n := &node{isList: true}
		for _, e := range strings.Split(s[1:len(s)-1], ",") {
			if e = strings.TrimSpace(e); e == "" {
				continue
			}
			v, err := scalar(e, no)
			if err != nil {
				return nil, err
			}
			n.list = append(n.list, v)
		}
		return n, nil
	case strings.HasPrefix(s, "{"):
		return nil, fmt.Errorf("line %d: flow mappings are not supported", no)
	case strings.HasPrefix(s, "\""):
		v, err := strconv.Unquote(s)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", no, err)
		}
		return &node{scalar: v}, nil
	case strings.HasPrefix(s, "'"):
		if len(s) < 2 || !strings.HasSuffix(s, "'") {
			return nil, fmt.Errorf("line %d: unclosed quote", no)
		}
		return &node{scalar: strings.ReplaceAll(s[1:len(s)-1], "''", "'")}, nil
	}
	return &node{scalar: s}, nil
}

// workflow is what the replay needs of .github/workflows/tresp.yml.
type workflow struct {
	pushBranches []string
	pushPaths    []string
	prPaths      []string
	env          [][2]string
	steps        []step
}

type step struct {
	name, id, cond, uses, run string
	env                       [][2]string
	with                      map[string]string
}

func (s step) label() string {
	if s.name != "" {
		return s.name
	}
	return s.uses
}

func readWorkflow(text string) (*workflow, error) {
	root, err := parseYAML(text)
	if err != nil {
		return nil, err
	}
	w := &workflow{
		pushBranches: root.get("on", "push", "branches").strings(),
		pushPaths:    root.get("on", "push", "paths").strings(),
		prPaths:      root.get("on", "pull_request", "paths").strings(),
	}
	pairs := func(n *node) [][2]string {
		var out [][2]string
		if n != nil {
			for _, k := range n.keys {
				out = append(out, [2]string{k, n.m[k].scalar})
			}
		}
		return out
	}
	w.env = pairs(root.get("env"))
	jobs := root.get("jobs")
	if jobs == nil || len(jobs.keys) != 1 {
		return nil, fmt.Errorf("want exactly one job")
	}
	steps := jobs.m[jobs.keys[0]].get("steps")
	if steps == nil || !steps.isList {
		return nil, fmt.Errorf("the job has no steps")
	}
	for _, s := range steps.list {
		st := step{name: s.get("name").str(), id: s.get("id").str(), cond: s.get("if").str(),
			uses: s.get("uses").str(), run: s.get("run").str(), env: pairs(s.get("env")), with: map[string]string{}}
		for _, kv := range pairs(s.get("with")) {
			st.with[kv[0]] = kv[1]
		}
		for _, k := range s.keys {
			switch k {
			case "name", "id", "if", "uses", "run", "env", "with":
			default:
				return nil, fmt.Errorf("step %q: key %q is not replayed", st.label(), k)
			}
		}
		if (st.uses == "") == (st.run == "") {
			return nil, fmt.Errorf("step %q: want one of uses and run", st.label())
		}
		w.steps = append(w.steps, st)
	}
	return w, nil
}

// matchPaths reports whether any changed file matches a workflow paths
// filter: "dir/**" matches everything under dir, other patterns as
// path.Match.
func matchPaths(patterns, files []string) bool {
	for _, f := range files {
		for _, p := range patterns {
			if prefix, ok := strings.CutSuffix(p, "/**"); ok {
				if strings.HasPrefix(f, prefix+"/") {
					return true
				}
				continue
			}
			if ok, _ := path.Match(p, f); ok {
				return true
			}
		}
	}
	return false
}
