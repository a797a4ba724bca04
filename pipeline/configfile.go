package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/example"
	"github.com/tresp/tresp/reports/figure"
)

// setting is one key of tresp.toml: where it lives in Config, its legal
// values and the comment the starter file gives it. The table below is the
// single list of keys: LoadConfig, WriteConfig, StarterConfig and the test
// of docs/config.md all read it.
type setting struct {
	key   string   // dotted key, the json tag path: "analysis.level"
	legal []string // legal values of a string or of a list's elements; nil: free
	doc   string   // what it sets, for the comment
	vals  string   // legal values in words when legal is nil
	path  bool     // a path: relative to the config file, must stay inside its directory
	ptr   func(c *Config) any
	check func(v any) string // extra check of a decoded value; "" means fine
}

var settings = []setting{
	{key: "inputs", path: true, doc: "case tables: files or directories (every .csv, .tsv, .txt, .parquet inside)",
		vals: "paths relative to this file; [] runs the embedded example", ptr: func(c *Config) any { return &c.Inputs }},
	{key: "out", path: true, doc: "output directory, replaced atomically by every run",
		vals: "a path relative to this file", ptr: func(c *Config) any { return &c.Out }},
	{key: "vocabulary", path: true, doc: "vocabulary files extending the built-in terms, kind from the name (drugs*.tsv, diseases*.csv, …)",
		vals: "paths relative to this file", ptr: func(c *Config) any { return &c.Vocabulary }},
	{key: "decisions", path: true, doc: "a review.csv whose decision column a reviewer filled, applied to the run",
		vals: `a path relative to this file; "" for none`, ptr: func(c *Config) any { return &c.Decisions }},
	{key: "read.columns", doc: "map a header onto a field",
		vals: `"HEADER" = "FIELD", FIELD a field name, "lab:ANALYTE" or "extra"`, ptr: func(c *Config) any { return &c.Read.Columns }},
	{key: "read.study_from_filename", doc: "take the study from the file name when a table has no study column",
		vals: "true or false", ptr: func(c *Config) any { return &c.Read.StudyFromFileName }},
	{key: "read.delimiter", legal: []string{"", ",", ";", "tab"}, doc: `CSV delimiter, "" to detect it`,
		ptr: func(c *Config) any { return &c.Read.Delimiter }},
	{key: "read.decimal_comma", legal: []string{"auto", "on", "off"}, doc: "read 8,5 as 8.5 (auto: in semicolon-separated files)",
		ptr: func(c *Config) any { return &c.Read.DecimalComma }},
	{key: "read.sheet", doc: "the sheet to read from every .xlsx workbook",
		vals: `a sheet name; "" reads every sheet with a recognisable header`, ptr: func(c *Config) any { return &c.Read.Sheet }},
	{key: "analysis.responder", legal: []string{"complete", "partial", "minimal"}, doc: "lowest outcome counted as response",
		ptr: func(c *Config) any { return &c.Analysis.Responder }},
	{key: "analysis.attribution", legal: []string{"exposure", "regimen", "monotherapy"},
		doc: "what an outcome is attributed to: every drug taken, the whole regimen, or single-drug courses only",
		ptr: func(c *Config) any { return &c.Analysis.Attribution }},
	{key: "analysis.ci_method", legal: []string{"clopper-pearson", "wilson", "jeffreys"}, doc: "interval of response rates",
		ptr: func(c *Config) any { return &c.Analysis.CIMethod }},
	{key: "analysis.level", doc: "confidence level of every interval",
		vals: "a number between 0 and 1, exclusive (0.95 for 95%)", ptr: func(c *Config) any { return &c.Analysis.Level }},
	{key: "analysis.pooling", legal: []string{"glmm", "reml", "dl"},
		doc: "pooled estimate: binomial GLMM, or inverse-variance REML or DerSimonian–Laird",
		ptr: func(c *Config) any { return &c.Analysis.Pooling }},
	{key: "analysis.transform", legal: []string{"logit", "pft"}, doc: "proportion transform of reml and dl pooling (pft: Freeman–Tukey)",
		ptr: func(c *Config) any { return &c.Analysis.Transform }},
	{key: "analysis.nodes", doc: "adaptive Gauss–Hermite nodes of the GLMM",
		vals: "a whole number from 1 to 100", ptr: func(c *Config) any { return &c.Analysis.Nodes }},
	{key: "analysis.small_group", doc: "flag groups with fewer patients than this",
		vals: "a whole number, 0 or more (0: flag none)", ptr: func(c *Config) any { return &c.Analysis.SmallGroup },
		check: func(v any) string {
			if v.(int) < 0 {
				return fmt.Sprintf("%d is negative (write 0 to flag no group)", v.(int))
			}
			return ""
		}},
	{key: "analysis.min_compare_n", doc: "smallest group (evaluable patients) a comparison tests",
		vals: "a whole number, 1 or more", ptr: func(c *Config) any { return &c.Analysis.MinCompareN },
		check: func(v any) string {
			if v.(int) < 1 {
				return fmt.Sprintf("%d is less than 1", v.(int))
			}
			return ""
		}},
	{key: "analysis.max_compare_groups", doc: "most groups compared pairwise (drugs, or diseases of a drug): those with the most evaluable patients",
		vals: "a whole number from 2 to 200", ptr: func(c *Config) any { return &c.Analysis.MaxCompareGroups },
		check: func(v any) string {
			if n := v.(int); n < 2 || n > 200 {
				return fmt.Sprintf("%d is not between 2 and 200", n)
			}
			return ""
		}},
	{key: "analysis.disease_level", legal: DiseaseLevelDisease.Names(),
		doc: "what the publication tables and figures group patients by: the disease, or its disease group (connective tissue disease, …)",
		ptr: func(c *Config) any { return (*string)(&c.Analysis.DiseaseLevel) }},
	{key: "analysis.drug_level", legal: DrugLevelDrug.Names(),
		doc: "whether the publication tables show drugs or drug classes",
		ptr: func(c *Config) any { return (*string)(&c.Analysis.DrugLevel) }},
	{key: "analysis.pool_population", legal: []string{"evaluable", "itt"},
		doc: "denominator of pooled rates: evaluable patients, or intention to treat (deaths and losses count as failures)",
		ptr: func(c *Config) any { return &c.Analysis.PoolPopulation }},
	{key: "analysis.time_estimator", legal: []string{"aalen-johansen", "kaplan-meier"},
		doc: "cumulative response: Aalen–Johansen with death as a competing event, or 1 − Kaplan–Meier (death censored)",
		ptr: func(c *Config) any { return &c.Analysis.TimeEstimator }},
	{key: "analysis.min_time_known", doc: "draw a drug's cumulative response only when the time to response is known for at least this share of its responders",
		vals: "a number from 0 to 1 (0.8 for 80%)", ptr: func(c *Config) any { return &c.Analysis.MinTimeKnown }},
	{key: "figures.formats", legal: []string{"pdf", "png", "svg"}, doc: "figure file formats",
		ptr: func(c *Config) any { return &c.Figures.Formats }},
	{key: "figures.size", doc: "figure size",
		vals: `"nature-single", "nature-double", "elsevier-single", "elsevier-double", "PRESET:HEIGHT", "WIDTHxHEIGHT" or "WIDTH" in mm`,
		ptr:  func(c *Config) any { return &c.Figures.Size },
		check: func(v any) string {
			if _, err := figure.ParsePreset(v.(string)); err != nil {
				return strings.TrimPrefix(err.Error(), "figure: ")
			}
			return ""
		}},
	{key: "figures.forest_max_drugs", doc: "most drugs in the forest plot; beyond it the drugs with the most patients, and a note",
		vals: "a whole number, 1 or more", ptr: func(c *Config) any { return &c.Figures.ForestMaxDrugs },
		check: func(v any) string {
			if v.(int) < 1 {
				return fmt.Sprintf("%d is not 1 or more", v.(int))
			}
			return ""
		}},
	{key: "tables.formats", legal: []string{"csv", "md", "tex", "html", "docx"}, doc: "table file formats",
		ptr: func(c *Config) any { return &c.Tables.Formats }},
	{key: "tables.table1_by", legal: []string{"none", "drug", "study"}, doc: "Table 1 columns per drug or per study after the overall column (at most 8: those with the most patients)",
		ptr: func(c *Config) any { return &c.Tables.Table1By }},
	{key: "strict.enabled", doc: "fail on warnings no allowance covers, and while outcomes await a decision (like --strict)",
		vals: "true or false", ptr: func(c *Config) any { return &c.Strict.Enabled }},
	{key: "strict.allow", doc: "problems a strict run accepts, each with the reason (docs/ci.md lists the codes)",
		vals: `a list of {code = "CODE", column = "HEADER", reason = "WHY"}; column is optional`, ptr: func(c *Config) any { return &c.Strict.Allow }},
	{key: "strict.fail_on", doc: "codes that fail a strict run whatever their severity",
		vals: `a list of codes, e.g. ["approximate"]`, ptr: func(c *Config) any { return &c.Strict.FailOn }},
	{key: "diff.threshold", doc: "tresp diff fails when a stratum's response rate moves by more than this proportion",
		vals: "a number from 0 to 1 (0.10 = 10 percentage points; 0 turns the check off)", ptr: func(c *Config) any { return &c.Diff.Threshold }},
	{key: "diff.min_n", doc: "strata with fewer patients than this (in both runs) do not count against diff.threshold",
		vals: "a whole number, 0 or more", ptr: func(c *Config) any { return &c.Diff.MinN }},
	{key: "diff.max_drop", doc: "tresp diff fails when the total evaluable n falls by more than this proportion",
		vals: "a number from 0 to 1 (0.10 = 10 %; 1 turns the check off)", ptr: func(c *Config) any { return &c.Diff.MaxDrop }},
}

// sections are the tables of tresp.toml, in file order.
var sections = []string{"read", "analysis", "figures", "tables", "strict", "diff"}

func findSetting(key string) *setting {
	for i := range settings {
		if settings[i].key == key {
			return &settings[i]
		}
	}
	return nil
}

// LoadConfig reads the TOML configuration file at path over DefaultConfig
// and validates the result. Keys are the json names of Config; every key is
// optional, and a key left out keeps its default.
//
// Relative paths in inputs, vocabulary and out are relative to the
// directory of path and must stay inside it: an absolute path or one that
// climbs out with ".." is an error (pass such paths on the command line).
// Defaults that the file leaves alone stay relative to the current
// directory.
//
// Every problem is a *ConfigError naming the key and, when the key is in
// the file, its line: a syntax error, an unknown key, a value of the wrong
// type, an illegal value. The error is wrapped with path.
func LoadConfig(path string) (Config, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return Config{}, &ConfigError{Key: "--config", Msg: fmt.Sprintf("cannot read the config file: %v", err)}
	}
	cfg, err := decodeConfig(text, filepath.Dir(path))
	if err != nil {
		return Config{}, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// decodeConfig overlays the TOML text on DefaultConfig, resolving relative
// paths against dir.
func decodeConfig(text []byte, dir string) (Config, error) {
	if !utf8.Valid(text) {
		return Config{}, &ConfigError{Key: "encoding", Msg: "the file is not UTF-8 text (save it as UTF-8)"}
	}
	cfg := DefaultConfig()
	var raw map[string]any
	md, err := toml.Decode(string(text), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			key := pe.LastKey
			if key == "" {
				key = "syntax"
			}
			return cfg, &ConfigError{Key: key, Line: pe.Position.Line, Msg: pe.Message + " (TOML syntax: https://toml.io)"}
		}
		return cfg, &ConfigError{Key: "syntax", Msg: err.Error()}
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
				return cfg, &ConfigError{Key: ks, Line: lineOf(ks), Msg: fmt.Sprintf("want true or false (no quotes), or a table ([strict]), got %s", describe(v))}
			}
			cfg.Strict.Enabled = b
		case len(k) >= 3 && k[0] == "strict" && k[1] == "allow":
			// the fields of an allowance: checked with strict.allow
		case len(k) == 1 && isSection(k[0]) || len(k) == 2 && k[0] == "read" && k[1] == "columns":
			if _, ok := v.(map[string]any); !ok {
				return cfg, &ConfigError{Key: ks, Line: lineOf(ks), Msg: fmt.Sprintf("want a table ([%s]), got %s", ks, describe(v))}
			}
		case len(k) >= 3 && k[0] == "read" && k[1] == "columns":
			s, ok := v.(string)
			if !ok || len(k) > 3 {
				return cfg, &ConfigError{Key: ks, Line: lineOf(ks), Msg: fmt.Sprintf(`want a field name in quotes ("HEADER" = "FIELD"), got %s`, describe(v))}
			}
			if cfg.Read.Columns == nil {
				cfg.Read.Columns = map[string]string{}
			}
			cfg.Read.Columns[k[2]] = s
		default:
			st := findSetting(strings.Join(k, "."))
			if st == nil {
				return cfg, &ConfigError{Key: ks, Line: lineOf(ks), Msg: unknownKeyMsg(k)}
			}
			if msg := assign(st, &cfg, v); msg != "" {
				return cfg, &ConfigError{Key: ks, Line: lineOf(ks), Msg: msg}
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
				return cfg, &ConfigError{Key: st.key, Line: lineOf(st.key), Msg: escapeMsg(st.key, p)}
			}
			ps[i] = filepath.Join(dir, filepath.FromSlash(p))
		}
		if p, ok := st.ptr(&cfg).(*string); ok {
			*p = ps[0]
		}
	}
	if err := cfg.Validate(); err != nil {
		var ce *ConfigError
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
	case *string:
		s, ok := v.(string)
		if !ok {
			return fmt.Sprintf("want a string in quotes, %s, got %s", legalWords(st), describe(v))
		}
		if st.check != nil {
			if msg := st.check(s); msg != "" {
				return msg
			}
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
		if st.check != nil {
			if msg := st.check(int(n)); msg != "" {
				return msg
			}
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
		a, ok := v.([]any)
		if !ok {
			return fmt.Sprintf("want a list of strings in brackets, e.g. [%s], got %s", exampleList(st), describe(v))
		}
		out := make([]string, 0, len(a))
		for i, e := range a {
			s, ok := e.(string)
			if !ok {
				return fmt.Sprintf("element %d: want a string in quotes, got %s", i+1, describe(e))
			}
			out = append(out, s)
		}
		*p = out
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
			for _, key := range sortedKeys(m) {
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
				return fmt.Sprintf("element %d: %s", i+1, err.(*ConfigError).Msg)
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

func legalWords(st *setting) string {
	if st.legal != nil {
		return "one of " + quoteList(st.legal)
	}
	return st.vals
}

func exampleList(st *setting) string {
	if len(st.legal) > 0 {
		return strconv.Quote(st.legal[0])
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

// WriteConfig writes cfg as TOML to w: every key of tresp.toml, top-level
// keys first, then the tables in the order of docs/config.md, the column
// map sorted by header. With comments, a one-line comment before each key
// says what it sets and lists its legal values. The output loads back with
// LoadConfig to cfg, paths aside (they are written as they are in cfg).
func WriteConfig(w io.Writer, cfg Config, comments bool) error {
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
			for _, h := range sortedKeys(m) {
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
	panic(fmt.Sprintf("pipeline: no TOML form for %T", p))
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

// StarterConfig returns the commented tresp.toml that tresp init writes:
// every key at its default, inputs = ["cases.csv"].
func StarterConfig() []byte {
	var b bytes.Buffer
	b.WriteString(`# tresp.toml: the settings of a tresp run (every key is explained in docs/config.md).
# Use it with:  tresp run --config tresp.toml
# Every key is optional; a key left out keeps the default shown here.
# Flags given on the command line override this file. Relative paths are relative to
# this file's directory and must stay inside it: give other paths on the command line.

`)
	cfg := DefaultConfig()
	cfg.Inputs = []string{"cases.csv"}
	if err := WriteConfig(&b, cfg, true); err != nil {
		panic("pipeline: " + err.Error()) // a bytes.Buffer does not fail
	}
	return b.Bytes()
}

// templateFields are the columns of the case-table template, patient × drug
// layout.
var templateFields = []data.Field{
	data.FieldStudy, data.FieldCaseID, data.FieldAge, data.FieldSex, data.FieldDisease, data.FieldSubtype,
	data.FieldSites, data.FieldLesionSize, data.FieldDiseaseDuration, data.FieldConditionDuration,
	data.FieldDrug, data.FieldDose, data.FieldRoute, data.FieldTreatmentDuration, data.FieldTimeToResponse,
	data.FieldOutcome, data.FieldFollowUp, data.FieldConcomitant, data.FieldNotes,
}

// CaseTemplate returns the cases.csv that tresp init writes: a header of
// canonical column names (docs/schema.md) and two example rows, marked as
// examples in their study and notes, to be replaced.
func CaseTemplate() []byte {
	var b bytes.Buffer
	for i, f := range templateFields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f.String())
	}
	b.WriteString("\n")
	b.WriteString(`EXAMPLE Author 2020 (replace this row),1,54 years,F,dermatomyositis,dystrophic,both elbows,2 x 3 cm,3 years,6 months,diltiazem,60 mg three times daily,oral,12 months,4 months,marked improvement,18 months,prednisolone 10 mg daily,"EXAMPLE row: one row per patient and drug; delete it"` + "\n")
	b.WriteString(`EXAMPLE Author 2020 (replace this row),2,61 years,M,systemic sclerosis,dystrophic,fingers,1 x 1 cm,10 years,2 years,sodium thiosulfate,12.5 g twice weekly,intravenous,6 months,,no change,1 year,,"EXAMPLE row: blank cells are fine where the report is silent; delete it"` + "\n")
	return b.Bytes()
}

// ExampleConfig returns the settings of the embedded example data set
// (data/example/tresp.toml over the defaults): what a run with no input
// and no --config uses.
func ExampleConfig() Config {
	cfg, err := decodeConfig(example.Config, ".")
	if err != nil {
		panic("pipeline: the embedded example's tresp.toml: " + err.Error()) // a test loads it
	}
	return cfg
}
