package config

import (
	"fmt"
	"reflect"
	"strings"
)

// KeysMarkdown returns the table of keys of docs/config.md: every setting
// with its TOML type, its default, its legal values (a choice's Names)
// and what it sets. A test keeps docs/config.md equal to it.
func KeysMarkdown() string {
	var b strings.Builder
	b.WriteString("| key | type | default | legal values | what it sets |\n|---|---|---|---|---|\n")
	def := Default()
	for i := range settings {
		st := &settings[i]
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", st.key, st.tomlType(), st.mdDefault(&def), st.mdLegalValues(), st.md)
	}
	return b.String()
}

// tomlType names the TOML type of the setting's value.
func (st *setting) tomlType() string {
	p := st.ptr(&Config{})
	switch p.(type) {
	case choice:
		return "string"
	case choiceList, *[]string:
		if st.path {
			return "list of paths"
		}
		return "list of strings"
	case *string:
		if st.path {
			return "path"
		}
		return "string"
	case *bool:
		return "boolean"
	case *int:
		return "integer"
	case *float64:
		return "number"
	case *map[string]string:
		return "table"
	case *[]Allowance:
		return "list of tables"
	}
	panic(fmt.Sprintf("config: no TOML type for %s (%s)", st.key, reflect.TypeOf(p)))
}

// mdDefault is the default value of the setting, as TOML, in a code span.
func (st *setting) mdDefault(def *Config) string {
	if m, ok := st.ptr(def).(*map[string]string); ok && len(*m) == 0 {
		return "empty"
	}
	return "`" + tomlValue(st.ptr(def)) + "`"
}

// mdLegalValues lists a choice's names as code spans, followed by
// mdLegal; for other settings it is mdLegal.
func (st *setting) mdLegalValues() string {
	names := st.legal()
	if names == nil {
		return st.mdLegal
	}
	q := make([]string, len(names))
	for i, n := range names {
		if n == "" {
			n = `""`
		}
		q[i] = "`" + n + "`"
	}
	if st.mdLegal != "" {
		q = append(q, st.mdLegal)
	}
	return strings.Join(q, ", ")
}
