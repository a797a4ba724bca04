package config

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Load reads the TOML configuration file at path over Default and
// validates the result. Keys are the json names of Config; every key is
// optional, and a key left out keeps its default.
//
// Relative paths in inputs, vocabulary and out are relative to the
// directory of path and must stay inside it: an absolute path or one that
// climbs out with ".." is an error (pass such paths on the command line).
// Defaults that the file leaves alone stay relative to the current
// directory.
//
// Every problem is an *Error naming the key and, when the key is in
// the file, its line: a syntax error, an unknown key, a value of the wrong
// type, an illegal value. The error is wrapped with path.
func Load(path string) (Config, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return Config{}, &Error{Key: "--config", Msg: fmt.Sprintf("cannot read the config file: %v", err)}
	}
	cfg, err := decodeConfig(text, filepath.Dir(path))
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// decodeConfig overlays the TOML text on Default, resolving relative
// paths against dir.
func decodeConfig(text []byte, dir string) (Config, error) {
	if !utf8.Valid(text) {
		return Config{}, &Error{Key: "encoding", Msg: "the file is not UTF-8 text (save it as UTF-8)"}
	}
	cfg := Default()
	var raw map[string]any
	md, err := toml.Decode(string(text), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			key := pe.LastKey
			if key == "" {
				key = "syntax"
			}
			return cfg, &Error{Key: key, Line: pe.Position.Line, Msg: pe.Message + " (TOML syntax: https://toml.io)"}
		}
		return cfg, &Error{Key: "syntax", Msg: err.Error()}
	}
	lines := keyLines(string(text))
	lineOf := func(key string) int { return lines[key] }
	set := map[string]bool{}
	for _, k := range md.Keys() {
		ks := k.String()
		v := lookup(raw, k)
		switch {
		case len(k) == 1 && k[0] == "strict" && !isMap(v):
			// strict = true, the short form of [strict] enabled = true.
			b, ok := v.(bool)
			if !ok {
				return cfg, &Error{Key: ks, Line: lineOf(ks), Msg: fmt.Sprintf("want true or false (no quotes), or a table ([strict]), got %s", describe(v))}
			}
			cfg.Strict.Enabled = b
		case len(k) >= 3 && k[0] == "strict" && k[1] == "allow":
			// the fields of an allowance: checked with strict.allow
		case len(k) == 1 && isSection(k[0]) || len(k) == 2 && k[0] == "read" && k[1] == "columns":
			if _, ok := v.(map[string]any); !ok {
				return cfg, &Error{Key: ks, Line: lineOf(ks), Msg: fmt.Sprintf("want a table ([%s]), got %s", ks, describe(v))}
			}
		case len(k) >= 3 && k[0] == "read" && k[1] == "columns":
			s, ok := v.(string)
			if !ok || len(k) > 3 {
				return cfg, &Error{Key: ks, Line: lineOf(ks), Msg: fmt.Sprintf(`want a field name in quotes ("HEADER" = "FIELD"), got %s`, describe(v))}
			}
			if cfg.Read.Columns == nil {
				cfg.Read.Columns = map[string]string{}
			}
			cfg.Read.Columns[k[2]] = s
		default:
			st := findSetting(strings.Join(k, "."))
			if st == nil {
				return cfg, &Error{Key: ks, Line: lineOf(ks), Msg: unknownKeyMsg(k)}
			}
			if msg := assign(st, &cfg, v); msg != "" {
				return cfg, &Error{Key: ks, Line: lineOf(ks), Msg: msg}
			}
			set[st.key] = true
		}
	}
	if len(cfg.Read.Columns) == 0 {
		cfg.Read.Columns = nil
	}
	if len(cfg.Inputs) == 0 {
		cfg.Inputs = nil
	}
	if len(cfg.Vocabulary) == 0 {
		cfg.Vocabulary = nil
	}
	if len(cfg.Strict.Allow) == 0 {
		cfg.Strict.Allow = nil
	}
	if len(cfg.Strict.FailOn) == 0 {
		cfg.Strict.FailOn = nil
	}
	for _, st := range settings {
		if !st.path || !set[st.key] {
			continue
		}
		var ps []string
		switch p := st.ptr(&cfg).(type) {
		case *string:
			ps = []string{*p}
		case *[]string:
			ps = *p
		}
		for i, p := range ps {
			if p == "" && st.key == "decisions" {
				continue // none
			}
			if !filepath.IsLocal(filepath.FromSlash(p)) {
				return cfg, &Error{Key: st.key, Line: lineOf(st.key), Msg: escapeMsg(st.key, p)}
			}
			ps[i] = filepath.Join(dir, filepath.FromSlash(p))
		}
		if p, ok := st.ptr(&cfg).(*string); ok {
			*p = ps[0]
		}
	}
	if err := cfg.Validate(); err != nil {
		var ce *Error
		if errors.As(err, &ce) && ce.Line == 0 {
			c := *ce
			c.Line = lineOf(toml.Key(strings.Split(c.Key, ".")).String())
			return cfg, &c
		}
		return cfg, err
	}
	return cfg, nil
}

func isMap(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

func isSection(s string) bool {
	for _, t := range sections {
		if s == t {
			return true
		}
	}
	return false
}

// lookup returns the value of key k in the decoded document.
func lookup(doc map[string]any, k toml.Key) any {
	var v any = doc
	for _, p := range k {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

// assign stores v in the field of st, or says why it cannot.
func assign(st *setting, cfg *Config, v any) string {
	switch p := st.ptr(cfg).(type) {
	case choice:
		s, ok := v.(string)
		if !ok {
			return fmt.Sprintf("want a string in quotes, %s, got %s", legalWords(st), describe(v))
		}
		if err := p.Set(s); err != nil {
			return err.Error()
		}
	case choiceList:
		ss, msg := stringList(st, v)
		if msg != "" {
			return msg
		}
		if err := p.SetStrings(ss); err != nil {
			return err.Error()
		}
	case *string:
		s, ok := v.(string)
		if !ok {
			return fmt.Sprintf("want a string in quotes, %s, got %s", legalWords(st), describe(v))
		}
		*p = s
	case *bool:
		b, ok := v.(bool)
		if !ok {
			return fmt.Sprintf("want true or false (no quotes), got %s", describe(v))
		}
		*p = b
	case *int:
		n, ok := v.(int64)
		if !ok {
			return fmt.Sprintf("want %s, got %s", st.vals, describe(v))
		}
		if n < math.MinInt32 || n > math.MaxInt32 {
			return fmt.Sprintf("%d is out of range (%s)", n, st.vals)
		}
		*p = int(n)
	case *float64:
		switch n := v.(type) {
		case float64:
			*p = n
		case int64:
			*p = float64(n)
		default:
			return fmt.Sprintf("want %s, got %s", st.vals, describe(v))
		}
	case *[]string:
		ss, msg := stringList(st, v)
		if msg != "" {
			return msg
		}
		*p = ss
	case *[]Allowance:
		var elems []any
		switch a := v.(type) {
		case []any:
			elems = a
		case []map[string]any:
			for _, m := range a {
				elems = append(elems, m)
			}
		default:
			return fmt.Sprintf(`want a list of tables, e.g. [{code = "unparsed", column = "Dose", reason = "…"}], got %s`, describe(v))
		}
		out := make([]Allowance, 0, len(elems))
		for i, e := range elems {
			m, ok := e.(map[string]any)
			if !ok {
				return fmt.Sprintf(`element %d: want a table {code = "CODE", column = "HEADER", reason = "WHY"}, got %s`, i+1, describe(e))
			}
			var a Allowance
			for _, key := range slices.Sorted(maps.Keys(m)) {
				s, ok := m[key].(string)
				if !ok {
					return fmt.Sprintf("element %d: %s: want a string in quotes, got %s", i+1, key, describe(m[key]))
				}
				switch key {
				case "code":
					a.Code = s
				case "column":
					a.Column = s
				case "reason":
					a.Reason = s
				default:
					return fmt.Sprintf("element %d: unknown key %q (an allowance has code, column and reason)", i+1, key)
				}
			}
			if err := a.validate("strict.allow"); err != nil {
				return fmt.Sprintf("element %d: %s", i+1, err.(*Error).Msg)
			}
			out = append(out, a)
		}
		*p = out
	default:
		// read.columns is a table; a value here is a scalar in its place.
		return fmt.Sprintf("want a table ([%s]), got %s", st.key, describe(v))
	}
	return ""
}

// stringList reads a TOML list of strings, or says why it cannot.
func stringList(st *setting, v any) ([]string, string) {
	a, ok := v.([]any)
	if !ok {
		return nil, fmt.Sprintf("want a list of strings in brackets, e.g. [%s], got %s", exampleList(st), describe(v))
	}
	out := make([]string, 0, len(a))
	for i, e := range a {
		s, ok := e.(string)
		if !ok {
			return nil, fmt.Sprintf("element %d: want a string in quotes, got %s", i+1, describe(e))
		}
		out = append(out, s)
	}
	return out, ""
}

func legalWords(st *setting) string {
	if st.legal() != nil && st.vals == "" {
		return "one of " + quoteList(st.legal())
	}
	return st.vals
}

func exampleList(st *setting) string {
	if len(st.legal()) > 0 {
		return strconv.Quote(st.legal()[0])
	}
	return `"cases.csv"`
}

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// describe names the TOML type of a decoded value and shows it briefly.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return "the string " + tomlString(shorten(x))
	case bool:
		return fmt.Sprintf("the boolean %t", x)
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return "the number " + tomlFloat(x)
	case []any:
		return "a list"
	case []map[string]any:
		return "an array of tables"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("a date or time (%v)", v)
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:39]) + "…"
}

// unknownKeyMsg says a key is unknown and suggests the right place when the
// last part of the key is known elsewhere.
func unknownKeyMsg(k toml.Key) string {
	last := k[len(k)-1]
	for _, st := range settings {
		parts := strings.Split(st.key, ".")
		if parts[len(parts)-1] == last {
			if len(parts) == 1 {
				return fmt.Sprintf("unknown key; %q is a top-level key (write it before the first [table])", st.key)
			}
			return fmt.Sprintf("unknown key; did you mean %s (key %q under [%s])?", st.key, last, strings.Join(parts[:len(parts)-1], "."))
		}
	}
	prefix := ""
	if len(k) > 1 {
		prefix = strings.Join(k[:len(k)-1], ".") + "."
	}
	var known []string
	for _, st := range settings {
		if rest, ok := strings.CutPrefix(st.key, prefix); ok && !strings.Contains(rest, ".") {
			known = append(known, rest)
		}
	}
	if prefix == "" {
		known = append(known, sections...)
	}
	if len(known) == 0 {
		return "unknown key (the tables are " + strings.Join(sections, ", ") + ")"
	}
	where := "at the top level"
	if prefix != "" {
		where = "in [" + strings.TrimSuffix(prefix, ".") + "]"
	}
	return fmt.Sprintf("unknown key (keys %s: %s; see docs/config.md)", where, strings.Join(known, ", "))
}

func escapeMsg(key, p string) string {
	flag := map[string]string{"out": "--out DIR", "inputs": "the INPUT arguments", "vocabulary": "--vocab FILE", "decisions": "--decisions FILE"}[key]
	why := "is absolute"
	if p == "" {
		why = "is empty"
	} else if !filepath.IsAbs(filepath.FromSlash(p)) {
		why = "leaves the config file's directory"
	}
	return fmt.Sprintf("path %q %s; a config file may only name paths inside its own directory, so pass this one on the command line instead (%s)", p, why, flag)
}
