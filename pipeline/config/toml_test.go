package config

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/stats"
)

func TestLoadConfigGood(t *testing.T) {
	dir := filepath.Join("testdata", "config")
	got, err := Load(filepath.Join(dir, "good.toml"))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{
		Inputs: []string{filepath.Join(dir, "cases.csv"), filepath.Join(dir, "sheets"), filepath.Join(dir, "extra.tsv")},
		Out:    filepath.Join(dir, "results"),
		Strict: StrictConfig{Enabled: true, Allow: []Allowance{{Code: "unparsed", Column: "Dose", Reason: "the paper gives no amount"}, {Code: "fuzzy-match"}},
			FailOn: []string{"approximate"}},
		Diff: DiffConfig{Threshold: 0.2, MinN: 8, MaxDrop: 0.25},
		Read: ReadConfig{
			Columns: map[string]string{"Pt no": "case_id", "Ca (mg/dL)": "lab:calcium",
				`Rx "given"`: "treatment", "dots.in.header": "extra"},
			StudyFromFileName: true,
			Delimiter:         ";",
			DecimalComma:      "on",
			Sheet:             "cases",
		},
		Vocabulary: []string{filepath.Join(dir, "vocab", "drugs-local.tsv")},
		Decisions:  filepath.Join(dir, "review-decided.csv"),
		Analysis: AnalysisConfig{Responder: "complete", Attribution: "monotherapy", CIMethod: stats.Wilson,
			Level: 0.9, Pooling: "reml", Transform: "pft", Nodes: 12, SmallGroup: 3, MinCompareN: 4, MaxCompareGroups: 20,
			PoolPopulation: PopITT, TimeEstimator: "kaplan-meier", MinTimeKnown: 0.5,
			DiseaseLevel: DiseaseLevelGroup, DrugLevel: DrugLevelClass},
		Figures: FigureConfig{Formats: FigureFormats{"svg", "png"}, Size: "120x80", ForestMaxDrugs: 12},
		Tables:  TableConfig{Formats: TableFormats{"md"}, Table1By: "study"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load(good.toml) =\n%+v\nwant\n%+v", got, want)
	}
	// good.toml must really set every key away from its default, or this
	// test would not show that the key is read.
	def := Default()
	for _, st := range settings {
		if reflect.DeepEqual(st.ptr(&got), st.ptr(&def)) {
			t.Errorf("good.toml leaves %s at its default", st.key)
		}
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		key  string
		line int
		msg  string // in Msg
	}{
		{"unknown top-level key", "out = \"o\"\nfrobnicate = 1\n", "frobnicate", 2, "keys at the top level: inputs, out, vocabulary, decisions, read, analysis, figures, tables, strict, diff"},
		{"unknown key in table", "[analysis]\nlevel = 0.9\n\n# comment\nci = \"wilson\"\n", "analysis.ci", 5, "keys in [analysis]: responder, attribution, ci_method"},
		{"unknown table", "[plots]\nsize = \"x\"\n", "plots", 1, "unknown key"},
		{"key outside its table", "level = 0.9\n", "level", 1, "did you mean analysis.level"},
		{"top-level key inside a table", "[read]\nout = \"x\"\n", "read.out", 2, `"out" is a top-level key`},
		{"dotted unknown key", "analysis.levle = 0.9\n", "analysis.levle", 1, "keys in [analysis]"},
		{"string for float", "[analysis]\nlevel = \"95%\"\n", "analysis.level", 2, `want a number between 0 and 1, exclusive (0.95 for 95%), got the string "95%"`},
		{"float for int", "[analysis]\nnodes = 7.5\n", "analysis.nodes", 2, "want a whole number from 1 to 100, got the number 7.5"},
		{"string for bool", "strict = \"yes\"\n", "strict", 1, `want true or false (no quotes), or a table ([strict]), got the string "yes"`},
		{"int for string", "[analysis]\nresponder = 2\n", "analysis.responder", 2, `want a string in quotes, one of "complete", "partial", "minimal", got the integer 2`},
		{"string for list", "[figures]\nformats = \"pdf\"\n", "figures.formats", 2, `want a list of strings in brackets, e.g. ["pdf"]`},
		{"list element type", "inputs = [\"a.csv\",\n  3]\n", "inputs", 1, "element 2: want a string in quotes, got the integer 3"},
		{"scalar for table", "read = 5\n", "read", 1, "want a table ([read]), got the integer 5"},
		{"scalar for column table", "[read]\ncolumns = \"Pt=case_id\"\n", "read.columns", 2, "want a table ([read.columns])"},
		{"column to non-string", "[read.columns]\n\"Pt no\" = 1\n", `read.columns."Pt no"`, 2, "want a field name in quotes"},
		{"empty column field", "[read.columns]\n\"Pt no\" = \"\"\n", "read.columns", 1, "has an empty side"},
		{"bad enum", "\n[analysis]\nci_method = \"wald\"\n", "analysis.ci_method", 3, `"wald" is not one of clopper-pearson, wilson, jeffreys`},
		{"bad list element", "[tables]\nformats = [\"csv\", \"xlsx\"]\n", "tables.formats", 2, `"xlsx" is not one of csv, md, tex, html, docx`},
		{"bad delimiter", "[read]\ndelimiter = \"|\"\n", "read.delimiter", 2, `"|" is not one of , ,, ;, tab`},
		{"level out of range", "[analysis]\nlevel = 95\n", "analysis.level", 2, "95 is not between 0 and 1"},
		{"nodes out of range", "[analysis]\nnodes = 0\n", "analysis.nodes", 2, "0 is not between 1 and 100"},
		{"huge int", "[analysis]\nnodes = 99999999999\n", "analysis.nodes", 2, "out of range"},
		{"negative small group", "[analysis]\nsmall_group = -1\n", "analysis.small_group", 2, "negative"},
		{"bad figure size", "[figures]\nsize = \"a4\"\n", "figures.size", 2, "unknown size \"a4\""},
		{"syntax error", "out = \"o\"\nstrict = \n", "strict", 2, "TOML syntax"},
		{"unterminated string", "[figures]\nsize = \"nature\n", "figures.size", 2, ""},
		{"duplicate key", "out = \"a\"\nout = \"b\"\n", "out", 2, "already been defined"},
		{"absolute out", "out = \"/tmp/x\"\n", "out", 1, `path "/tmp/x" is absolute; a config file may only name paths inside its own directory, so pass this one on the command line instead (--out DIR)`},
		{"out climbing out", "\nout = \"../results\"\n", "out", 2, "leaves the config file's directory"},
		{"out climbing out after cleaning", "out = \"a/../../b\"\n", "out", 1, "leaves the config file's directory"},
		{"out is the directory's parent", "out = \"..\"\n", "out", 1, "leaves"},
		{"empty out", "out = \"\"\n", "out", 1, `path "" is empty`},
		{"input climbing out", "inputs = [\"cases.csv\", \"../other/cases.csv\"]\n", "inputs", 1, "the INPUT arguments"},
		{"absolute vocabulary", "vocabulary = [\"/etc/drugs.tsv\"]\n", "vocabulary", 1, "--vocab FILE"},
		{"not UTF-8", "out = \"\xff\"\n", "encoding", 0, "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tresp.toml")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is not a *Error", err)
			}
			if ce.Key != tt.key || ce.Line != tt.line || !strings.Contains(ce.Msg, tt.msg) {
				t.Errorf("got key %q line %d msg %q\nwant key %q line %d msg containing %q", ce.Key, ce.Line, ce.Msg, tt.key, tt.line, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), path+": config: ") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

func TestLoadConfigMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.toml"))
	var ce *Error
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "none.toml") {
		t.Errorf("error %v: want a *Error naming the file", err)
	}
}

func TestLoadConfigPaths(t *testing.T) {
	tests := []struct {
		text string
		dir  string
		want Config
	}{
		// A key the file leaves alone keeps the default, relative to the
		// current directory.
		{"strict = true\n", "proj", func() Config { c := Default(); c.Strict.Enabled = true; return c }()},
		{"inputs = []\nvocabulary = []\n", "proj", Default()},
		{"inputs = [\"a.csv\", \"./b/../c.csv\", \"sheets/\"]\nout = \"res/run1\"\n", "proj",
			func() Config {
				c := Default()
				c.Inputs = []string{"proj/a.csv", "proj/c.csv", "proj/sheets"}
				c.Out = "proj/res/run1"
				return c
			}()},
		{"out = \"o\"\nvocabulary = [\"v/drugs.tsv\"]\n", ".", func() Config {
			c := Default()
			c.Out = "o"
			c.Vocabulary = []string{"v/drugs.tsv"}
			return c
		}()},
	}
	for _, tt := range tests {
		got, err := decodeConfig([]byte(tt.text), tt.dir)
		if err != nil {
			t.Errorf("%q: %v", tt.text, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q in %s:\ngot  %+v\nwant %+v", tt.text, tt.dir, got, tt.want)
		}
	}
}

func TestStarterConfigLoadsToDefaults(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tresp.toml")
	if err := os.WriteFile(path, Starter(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Inputs = []string{filepath.Join(dir, "cases.csv")}
	want.Out = filepath.Join(dir, "out")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("starter config loads to\n%+v\nwant\n%+v", got, want)
	}
	// Every key is in the starter, each after a comment listing its legal
	// values.
	lines := strings.Split(string(Starter()), "\n")
	for _, st := range settings {
		sec, k := "", st.key
		if i := strings.LastIndexByte(st.key, '.'); i >= 0 {
			sec, k = st.key[:i], st.key[i+1:]
		}
		found, cur := false, ""
		for i, l := range lines {
			if strings.HasPrefix(l, "[") {
				cur = strings.Trim(l, "[]")
			}
			if cur == sec && strings.HasPrefix(l, k+" = ") || l == "["+st.key+"]" {
				found = true
				if i == 0 || !strings.HasPrefix(lines[i-1], "# ") || st.legal() != nil && !strings.Contains(lines[i-1], quoteList(st.legal())) {
					t.Errorf("%s: no comment with legal values before line %q", st.key, l)
				}
			}
		}
		if !found {
			t.Errorf("starter config has no line for %s", st.key)
		}
	}
}

func TestWriteConfigRoundTrip(t *testing.T) {
	cfg, err := Load(filepath.Join("testdata", "config", "good.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Read.Columns["tab\there"] = "extra"
	cfg.Read.Columns[`back\slash "quoted"`] = "notes"
	cfg.Read.Columns["Âge / sexe"] = "age_sex"
	cfg.Analysis.Level = 0.999
	for _, comments := range []bool{false, true} {
		var a, b bytes.Buffer
		if err := Write(&a, cfg, comments); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, cfg, comments); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Fatal("WriteConfig is not deterministic")
		}
		got, err := decodeConfig(a.Bytes(), "")
		if err != nil {
			t.Fatalf("comments %v: %v\n%s", comments, err, a.String())
		}
		if !reflect.DeepEqual(got, cfg) {
			t.Errorf("comments %v: round trip gives\n%+v\nwant\n%+v\n%s", comments, got, cfg, a.String())
		}
		if !strings.Contains(a.String(), "\n[read.columns]\n\"Ca (mg/dL)\" = \"lab:calcium\"\n\"Pt no\" = \"case_id\"\n") {
			t.Errorf("columns are not sorted by header:\n%s", a.String())
		}
	}
}

func TestTomlFloat(t *testing.T) {
	for _, f := range []float64{0.95, 1, 1e-7, 0.1 + 0.2, 123456789012} {
		s := tomlFloat(f)
		cfg, err := decodeConfig([]byte("[analysis]\nlevel = "+s+"\n"), "")
		if err != nil && !strings.Contains(err.Error(), "not between 0 and 1") {
			t.Errorf("%v: %q does not parse: %v", f, s, err)
			continue
		}
		if err == nil && cfg.Analysis.Level != f {
			t.Errorf("%v: %q reads back as %v", f, s, cfg.Analysis.Level)
		}
		if !strings.ContainsAny(s, ".e") {
			t.Errorf("%v: %q would read as an integer", f, s)
		}
	}
}

// TestSettingsCoverConfig checks that every field of Config has a key in
// tresp.toml, named by its json tag, except fields tagged json:"-" or
// toml:"-".
func TestSettingsCoverConfig(t *testing.T) {
	var walk func(prefix string, typ reflect.Type) []string
	walk = func(prefix string, typ reflect.Type) []string {
		var keys []string
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" || f.Tag.Get("toml") == "-" {
				continue // run-time only (cache, force): not a file setting
			}
			if f.Type.Kind() == reflect.Struct {
				keys = append(keys, walk(prefix+name+".", f.Type)...)
				continue
			}
			keys = append(keys, prefix+name)
		}
		return keys
	}
	fields := walk("", reflect.TypeOf(Config{}))
	have := map[string]bool{}
	for _, st := range settings {
		have[st.key] = true
	}
	for _, f := range fields {
		if !have[f] {
			t.Errorf("Config field %s has no key in tresp.toml (add it to settings in settings.go and to docs/config.md)", f)
		}
		delete(have, f)
	}
	for k := range have {
		t.Errorf("setting %s is not a Config field", k)
	}
}

// TestSettingsLegalValuesMatchValidate checks the legal values the starter
// file and docs list against Config.Validate.
func TestSettingsLegalValuesMatchValidate(t *testing.T) {
	for _, st := range settings {
		if st.legal() == nil {
			continue
		}
		for _, v := range append(st.legal(), "bogus") {
			cfg := Default()
			p := reflect.ValueOf(st.ptr(&cfg)).Elem()
			switch {
			case p.Kind() == reflect.String:
				p.SetString(v)
			case p.Kind() == reflect.Slice && p.Type().Elem().Kind() == reflect.String:
				l := reflect.MakeSlice(p.Type(), 1, 1)
				l.Index(0).SetString(v)
				p.Set(l)
			case p.Kind() == reflect.Int && v == "bogus":
				p.SetInt(int64(len(st.legal()))) // one past the last method
			case p.Kind() == reflect.Int:
				if err := st.ptr(&cfg).(choice).Set(v); err != nil {
					t.Fatalf("%s: Set(%q): %v", st.key, v, err)
				}
			default:
				t.Fatalf("%s: legal values for a %s", st.key, p.Type())
			}
			err := cfg.Validate()
			if v == "bogus" {
				var ce *Error
				if !errors.As(err, &ce) || ce.Key != st.key {
					t.Errorf("%s = %q: Validate gives %v, want an error for the key", st.key, v, err)
				}
			} else if err != nil {
				t.Errorf("%s = %q is listed as legal, but Validate says %v", st.key, v, err)
			}
		}
	}
}

func TestKeyLines(t *testing.T) {
	text := `# comment = 1
a = 1
arr = [
  "x = 1",
  'y = [',
]
s = """
b = 2
"""
lit = '''b = 3'''
[t1]   # trailing comment
"quoted key" = 1
dotted.part = { inner = 2 }
[ t2 . "sub" ]
'lit key' = 4
c = 5 # d = 6
`
	got := keyLines(text)
	want := map[string]int{
		"a": 2, "arr": 3, "s": 7, "lit": 10, "t1": 11, `t1."quoted key"`: 12, "t1.dotted": 13, "t1.dotted.part": 13,
		"t2": 14, "t2.sub": 14, `t2.sub."lit key"`: 15, "t2.sub.c": 16,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keyLines =\n%v\nwant\n%v", got, want)
	}
}

var update = flag.Bool("update", false, "rewrite the table of keys in docs/config.md")

// TestDocsKeysTable: the table of keys in docs/config.md is KeysMarkdown,
// generated from the settings; -update rewrites it.
func TestDocsKeysTable(t *testing.T) {
	p := filepath.Join("..", "..", "docs", "config.md")
	doc, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- keys: generated from pipeline/config/settings.go by go test ./pipeline/config -run TestDocsKeysTable -update -->\n", "<!-- keys: end -->"
	i, j := bytes.Index(doc, []byte(begin)), bytes.Index(doc, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("docs/config.md has no %q … %q section", begin, end)
	}
	got, want := string(doc[i+len(begin):j]), KeysMarkdown()+"\n"
	if got == want {
		return
	}
	if *update {
		out := append(append(append([]byte{}, doc[:i+len(begin)]...), want...), doc[j:]...)
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the table of keys in docs/config.md is not KeysMarkdown() (rerun with -update):\n--- docs\n%s\n--- generated\n%s", got, want)
}

func TestCaseTemplate(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(string(CaseTemplate()), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("template has %d lines, want a header and two rows", len(lines))
	}
	for _, h := range strings.Split(lines[0], ",") {
		f, ok := data.FieldByName(h)
		if !ok || f.String() != h {
			t.Errorf("template header %q is not a canonical column name", h)
		}
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "EXAMPLE ") || !strings.Contains(l, "delete it") {
			t.Errorf("template row does not say it is an example: %q", l)
		}
	}
}
