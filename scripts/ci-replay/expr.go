package main

import (
	"fmt"
	"regexp"
	"strings"
)

// context is what ${{ … }} expressions of the workflow can read.
type context struct {
	values map[string]string // "github.event_name", "env.ARTIFACT", "steps.diff.outputs.code", …
	failed bool              // an earlier step failed
}

// lookup returns a context value; unknown names of known contexts are "",
// as in GitHub Actions, and unknown contexts are an error.
func (c *context) lookup(name string) (string, error) {
	if v, ok := c.values[name]; ok {
		return v, nil
	}
	for _, p := range []string{"env.", "steps.", "github."} {
		if strings.HasPrefix(name, p) {
			return "", nil
		}
	}
	return "", fmt.Errorf("unknown context %q", name)
}

var exprRe = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// expand replaces every ${{ expr }} of s by its value.
func (c *context) expand(s string) (string, error) {
	var err error
	out := exprRe.ReplaceAllStringFunc(s, func(m string) string {
		v, e := c.eval(exprRe.FindStringSubmatch(m)[1])
		if e != nil && err == nil {
			err = e
		}
		return v
	})
	return out, err
}

// cond evaluates a step's if: (empty: success()). A condition that calls
// none of success(), failure() and always() is joined with success().
func (c *context) cond(s string) (bool, error) {
	s = strings.TrimSpace(s)
	if m := exprRe.FindStringSubmatch(s); m != nil && m[0] == s {
		s = m[1]
	}
	if s == "" {
		return !c.failed, nil
	}
	v, err := c.eval(s)
	if err != nil {
		return false, err
	}
	status := strings.Contains(s, "success()") || strings.Contains(s, "failure()") || strings.Contains(s, "always()")
	return truthy(v) && (status || !c.failed), nil
}

func truthy(v string) bool { return v != "" && v != "false" && v != "0" }

// eval evaluates an expression: ||, &&, !, == and != over string literals
// in single quotes, true, false, the status functions, parentheses and
// context names.
func (c *context) eval(s string) (string, error) {
	toks, err := lex(s)
	if err != nil {
		return "", err
	}
	p := &eparser{toks: toks, c: c}
	v, err := p.or()
	if err == nil && p.i < len(p.toks) {
		err = fmt.Errorf("unexpected %q", p.toks[p.i])
	}
	if err != nil {
		return "", fmt.Errorf("expression %q: %w", s, err)
	}
	return v, nil
}

func lex(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\n' || c == '\t':
			i++
		case strings.HasPrefix(s[i:], "||"), strings.HasPrefix(s[i:], "&&"), strings.HasPrefix(s[i:], "=="), strings.HasPrefix(s[i:], "!="):
			toks = append(toks, s[i:i+2])
			i += 2
		case c == '!' || c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		case c == '\'':
			j := i + 1
			for j < len(s) && s[j] != '\'' {
				j++
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unclosed string")
			}
			toks = append(toks, s[i:j+1])
			i = j + 1
		default:
			j := i
			for j < len(s) && (s[j] == '.' || s[j] == '_' || s[j] == '-' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			if j == i {
				return nil, fmt.Errorf("unexpected %q", s[i:])
			}
			if strings.HasPrefix(s[j:], "()") {
				j += 2
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks, nil
}

type eparser struct {
	toks []string
	i    int
	c    *context
}

func (p *eparser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *eparser) or() (string, error) {
	v, err := p.and()
	for err == nil && p.peek() == "||" {
		p.i++
		var w string
		w, err = p.and()
		if !truthy(v) {
			v = w
		}
	}
	return v, err
}

func (p *eparser) and() (string, error) {
	v, err := p.cmp()
	for err == nil && p.peek() == "&&" {
		p.i++
		var w string
		w, err = p.cmp()
		if truthy(v) {
			v = w
		}
	}
	return v, err
}

func (p *eparser) cmp() (string, error) {
	v, err := p.unary()
	if err != nil {
		return "", err
	}
	if op := p.peek(); op == "==" || op == "!=" {
		p.i++
		w, err := p.unary()
		if err != nil {
			return "", err
		}
		if (v == w) == (op == "==") {
			return "true", nil
		}
		return "false", nil
	}
	return v, nil
}

func (p *eparser) unary() (string, error) {
	t := p.peek()
	p.i++
	switch {
	case t == "":
		return "", fmt.Errorf("unexpected end")
	case t == "!":
		v, err := p.unary()
		if truthy(v) {
			return "false", err
		}
		return "true", err
	case t == "(":
		v, err := p.or()
		if err == nil && p.peek() != ")" {
			err = fmt.Errorf("missing )")
		}
		p.i++
		return v, err
	case strings.HasPrefix(t, "'"):
		return t[1 : len(t)-1], nil
	case t == "true" || t == "false":
		return t, nil
	case t == "success()":
		return fmt.Sprint(!p.c.failed), nil
	case t == "failure()":
		return fmt.Sprint(p.c.failed), nil
	case t == "always()":
		return "true", nil
	}
	return p.c.lookup(t)
}
