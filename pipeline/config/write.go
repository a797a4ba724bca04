package config

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Write writes cfg as TOML to w: every key of tresp.toml, top-level
// keys first, then the tables in the order of docs/config.md, the column
// map sorted by header. With comments, a one-line comment before each key
// says what it sets and lists its legal values. The output loads back with
// Load to cfg, paths aside (they are written as they are in cfg).
func Write(w io.Writer, cfg Config, comments bool) error {
	var b bytes.Buffer
	emit := func(st *setting) {
		if comments {
			fmt.Fprintf(&b, "# %s; %s\n", st.doc, legalWords(st))
		}
		fmt.Fprintf(&b, "%s = %s\n", st.key[strings.LastIndexByte(st.key, '.')+1:], tomlValue(st.ptr(&cfg)))
	}
	for i := range settings {
		if !strings.Contains(settings[i].key, ".") {
			emit(&settings[i])
		}
	}
	for _, sec := range sections {
		fmt.Fprintf(&b, "\n[%s]\n", sec)
		var sub []*setting
		for i := range settings {
			st := &settings[i]
			if !strings.HasPrefix(st.key, sec+".") {
				continue
			}
			if _, isMap := st.ptr(&cfg).(*map[string]string); isMap {
				sub = append(sub, st)
				continue
			}
			emit(st)
		}
		for _, st := range sub {
			b.WriteString("\n")
			if comments {
				fmt.Fprintf(&b, "# %s; %s\n", st.doc, legalWords(st))
			}
			fmt.Fprintf(&b, "[%s]\n", st.key)
			m := *st.ptr(&cfg).(*map[string]string)
			if comments && len(m) == 0 {
				b.WriteString("# \"Pt no\" = \"case_id\"\n# \"Ca (mg/dL)\" = \"lab:calcium\"\n")
			}
			for _, h := range slices.Sorted(maps.Keys(m)) {
				fmt.Fprintf(&b, "%s = %s\n", tomlString(h), tomlString(m[h]))
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// tomlValue formats a pointer from setting.ptr as a TOML value.
func tomlValue(p any) string {
	switch v := p.(type) {
	case choice:
		return tomlString(v.String())
	case choiceList:
		q := make([]string, 0)
		for _, s := range v.Strings() {
			q = append(q, tomlString(s))
		}
		return "[" + strings.Join(q, ", ") + "]"
	case *string:
		return tomlString(*v)
	case *bool:
		return strconv.FormatBool(*v)
	case *int:
		return strconv.Itoa(*v)
	case *float64:
		return tomlFloat(*v)
	case *[]string:
		q := make([]string, len(*v))
		for i, s := range *v {
			q[i] = tomlString(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case *[]Allowance:
		if len(*v) == 0 {
			return "[]"
		}
		var b strings.Builder
		b.WriteString("[\n")
		for _, a := range *v {
			fmt.Fprintf(&b, "  {code = %s", tomlString(a.Code))
			if a.Column != "" {
				fmt.Fprintf(&b, ", column = %s", tomlString(a.Column))
			}
			if a.Reason != "" {
				fmt.Fprintf(&b, ", reason = %s", tomlString(a.Reason))
			}
			b.WriteString("},\n")
		}
		b.WriteString("]")
		return b.String()
	}
	panic(fmt.Sprintf("config: no TOML form for %T", p))
}

// tomlFloat formats f so that TOML reads it back as the same float.
func tomlFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Starter returns the commented tresp.toml that tresp init writes:
// every key at its default, inputs = ["cases.csv"].
func Starter() []byte {
	var b bytes.Buffer
	b.WriteString(`# tresp.toml: the settings of a tresp run (every key is explained in docs/config.md).
# Use it with:  tresp run --config tresp.toml
# Every key is optional; a key left out keeps the default shown here.
# Flags given on the command line override this file. Relative paths are relative to
# this file's directory and must stay inside it: give other paths on the command line.

`)
	cfg := Default()
	cfg.Inputs = []string{"cases.csv"}
	if err := Write(&b, cfg, true); err != nil {
		panic("config: " + err.Error()) // a bytes.Buffer does not fail
	}
	return b.Bytes()
}
