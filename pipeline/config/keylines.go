package config

import (
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// keyLines maps every key of a TOML text (as toml.Key.String writes it) to
// the line where it is first defined. It is a light scanner, run after the
// text parsed without error, for positions in messages only.
func keyLines(text string) map[string]int {
	lines := map[string]int{}
	record := func(parts []string, n int) {
		for i := 1; i <= len(parts); i++ {
			k := toml.Key(parts[:i]).String()
			if _, ok := lines[k]; !ok {
				lines[k] = n
			}
		}
	}
	var table []string
	depth, inML := 0, ""
	for i, s := range strings.Split(text, "\n") {
		n := i + 1
		if inML != "" {
			j := strings.Index(s, inML)
			if j < 0 {
				continue
			}
			s, inML = s[j+3:], ""
		} else if depth == 0 {
			t := strings.TrimLeft(s, " \t")
			switch {
			case t == "" || t[0] == '#':
				continue
			case t[0] == '[':
				parts, _ := parseKey(strings.TrimLeft(t, "["))
				table = parts
				record(table, n)
				continue
			default:
				parts, rest := parseKey(t)
				rest = strings.TrimLeft(rest, " \t")
				if parts == nil || !strings.HasPrefix(rest, "=") {
					continue
				}
				record(append(append([]string{}, table...), parts...), n)
				s = rest[1:]
			}
		}
		depth, inML = scanValue(s, depth)
	}
	return lines
}

// parseKey reads a dotted TOML key from the start of s and returns its
// parts and the rest of s; nil parts when s does not start with a key.
func parseKey(s string) (parts []string, rest string) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, s
		}
		switch s[0] {
		case '"':
			j := 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, s
			}
			p, err := strconv.Unquote(s[:j+1])
			if err != nil {
				p = s[1:j]
			}
			parts, s = append(parts, p), s[j+1:]
		case '\'':
			j := strings.IndexByte(s[1:], '\'')
			if j < 0 {
				return nil, s
			}
			parts, s = append(parts, s[1:j+1]), s[j+2:]
		default:
			j := 0
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_' || s[j] == '-') {
				j++
			}
			if j == 0 {
				return nil, s
			}
			parts, s = append(parts, s[:j]), s[j:]
		}
		t := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(t, ".") {
			return parts, s
		}
		s = t[1:]
	}
}

// scanValue follows brackets and strings through a value on one line and
// returns the bracket depth and the delimiter of a multi-line string still
// open at its end.
func scanValue(s string, depth int) (int, string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '#':
			return depth, ""
		case '[', '{':
			depth++
		case ']', '}':
			if depth > 0 {
				depth--
			}
		case '"', '\'':
			if strings.HasPrefix(s[i:], strings.Repeat(string(c), 3)) {
				d := s[i : i+3]
				j := strings.Index(s[i+3:], d)
				if j < 0 {
					return depth, d
				}
				i += 3 + j + 2
				continue
			}
			for i++; i < len(s) && s[i] != c; i++ {
				if c == '"' && s[i] == '\\' {
					i++
				}
			}
		}
	}
	return depth, ""
}
