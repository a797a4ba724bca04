package pipeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tresp/tresp/data"
)

// Config is the effective configuration of a run: what to read, how to
// read it, how to analyse it and what to render. The zero value is not
// valid; start from DefaultConfig.
type Config struct {
	// Inputs are files or directories; empty means the embedded example.
	Inputs []string `json:"inputs"`
	// Out is the output directory.
	Out string `json:"out"`
	// Read adjusts ingest.
	Read ReadConfig `json:"read"`
	// Vocabulary lists user vocabulary files that extend or override the
	// embedded ones.
	Vocabulary []string `json:"vocabulary,omitempty"`
	// Analysis sets the statistics.
	Analysis AnalysisConfig `json:"analysis"`
	// Figures sets figure formats and size.
	Figures FigureConfig `json:"figures"`
	// Tables sets table formats.
	Tables TableConfig `json:"tables"`
	// Diff sets the gates of tresp diff.
	Diff DiffConfig `json:"diff"`
	// Strict makes warnings that no allowance covers (and the codes of
	// FailOn) errors, and fails while any outcome is unclassified or
	// low-confidence and undecided.
	Strict StrictConfig `json:"strict"`
	// Decisions is a filled review.csv whose decisions the run applies;
	// "" for none.
	Decisions string `json:"decisions,omitempty"`
	// EmitCounts also writes counts/counts.csv and counts/counts.parquet: the
	// mergeable counts per study × drug × disease × outcome category, in the
	// columns of a study-level table (docs/scale.md).
	EmitCounts bool `json:"emit_counts,omitempty" toml:"-"`
	// CacheDir keeps each stage's result keyed by the hash of what it
	// depends on; "" disables caching. It does not change any output.
	CacheDir string `json:"-" toml:"-"`
	// Force reruns every stage, ignoring the cache. It never lets a run
	// replace files tresp did not write.
	Force bool `json:"-" toml:"-"`
	// Clean moves entries of the output directory that its manifest does
	// not list (or that changed since) into a backup directory beside it
	// before the run, instead of stopping with an *OutputError.
	Clean bool `json:"-" toml:"-"`
}

// ReadConfig adjusts how inputs are read and mapped.
type ReadConfig struct {
	// Columns maps a header to a field name, "lab:ANALYTE" or "extra".
	Columns map[string]string `json:"columns,omitempty"`
	// StudyFromFileName fills a missing study column from the file name.
	StudyFromFileName bool `json:"study_from_filename"`
	// Delimiter forces the CSV delimiter: "", ",", ";" or "tab".
	Delimiter string `json:"delimiter,omitempty"`
	// DecimalComma is auto, on or off.
	DecimalComma string `json:"decimal_comma"`
	// Sheet names the one sheet to read from every .xlsx workbook; ""
	// reads every sheet with a recognisable header.
	Sheet string `json:"sheet,omitempty"`
}

// AnalysisConfig sets responder definition, attribution and statistics.
type AnalysisConfig struct {
	// Responder is the lowest outcome counted as response: complete,
	// partial or minimal.
	Responder string `json:"responder"`
	// Attribution is exposure, regimen or monotherapy.
	Attribution string `json:"attribution"`
	// CIMethod is clopper-pearson, wilson or jeffreys.
	CIMethod string `json:"ci_method"`
	// Level is the confidence level of every interval.
	Level float64 `json:"level"`
	// Pooling is glmm, reml or dl.
	Pooling string `json:"pooling"`
	// Transform is logit or pft, for reml and dl pooling.
	Transform string `json:"transform"`
	// Nodes is the number of adaptive Gauss–Hermite nodes of the GLMM.
	Nodes int `json:"nodes"`
	// SmallGroup flags groups with fewer patients than this.
	SmallGroup int `json:"small_group"`
	// MinCompareN is the smallest group (evaluable patients) a
	// comparison tests; smaller groups are listed without a test.
	MinCompareN int `json:"min_compare_n"`
	// MaxCompareGroups is the most groups (drugs, or diseases of a drug)
	// compared pairwise: the groups with the most evaluable patients;
	// the others are counted in the table's footnote, not compared.
	MaxCompareGroups int `json:"max_compare_groups"`
	// PoolPopulation is the denominator of pooled rates: evaluable
	// (deaths and losses leave it) or itt (they count as failures).
	PoolPopulation string `json:"pool_population"`
	// TimeEstimator is the estimate of cumulative response:
	// aalen-johansen (death a competing event) or kaplan-meier (1 − KM,
	// death censored).
	TimeEstimator string `json:"time_estimator"`
	// MinTimeKnown is the share of a drug's responders whose time to
	// response must be known for its cumulative response to be estimated.
	MinTimeKnown float64 `json:"min_time_known"`
	// DiseaseLevel chooses what the publication tables and figures group
	// patients by: the disease, or the disease group above it.
	DiseaseLevel DiseaseLevel `json:"disease_level"`
	// DrugLevel chooses whether the publication tables show drugs or drug
	// classes.
	DrugLevel DrugLevel `json:"drug_level"`
}

// DiseaseLevel is the disease level of the publication tables and
// figures: "disease" (as recognised, subtypes kept) or "group" (the
// disease group of the vocabulary: connective tissue disease, …). It is a
// pflag.Value and an encoding.TextUnmarshaler.
type DiseaseLevel string

// The disease levels.
const (
	DiseaseLevelDisease DiseaseLevel = "disease"
	DiseaseLevelGroup   DiseaseLevel = "group"
)

// Names returns the legal values.
func (DiseaseLevel) Names() []string { return []string{"disease", "group"} }

// String returns the level.
func (l DiseaseLevel) String() string { return string(l) }

// Type names the legal values for flag help.
func (DiseaseLevel) Type() string { return "disease|group" }

// Set sets the level from s; an illegal value is an error listing the
// legal ones.
func (l *DiseaseLevel) Set(s string) error {
	if err := oneOf("analysis.disease_level", s, l.Names()...); err != nil {
		return err
	}
	*l = DiseaseLevel(s)
	return nil
}

// UnmarshalText is Set, except that empty text (a summary.json or
// manifest written before the setting existed) is the default, "disease".
func (l *DiseaseLevel) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = DiseaseLevelDisease
		return nil
	}
	return l.Set(string(b))
}

// DrugLevel is the treatment level of the publication tables: "drug" or
// "class" (the drug class of the vocabulary). It is a pflag.Value and an
// encoding.TextUnmarshaler.
type DrugLevel string

// The drug levels.
const (
	DrugLevelDrug  DrugLevel = "drug"
	DrugLevelClass DrugLevel = "class"
)

// Names returns the legal values.
func (DrugLevel) Names() []string { return []string{"drug", "class"} }

// String returns the level.
func (l DrugLevel) String() string { return string(l) }

// Type names the legal values for flag help.
func (DrugLevel) Type() string { return "drug|class" }

// Set sets the level from s; an illegal value is an error listing the
// legal ones.
func (l *DrugLevel) Set(s string) error {
	if err := oneOf("analysis.drug_level", s, l.Names()...); err != nil {
		return err
	}
	*l = DrugLevel(s)
	return nil
}

// UnmarshalText is Set, except that empty text (a summary.json or
// manifest written before the setting existed) is the default, "drug".
func (l *DrugLevel) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = DrugLevelDrug
		return nil
	}
	return l.Set(string(b))
}

// DiffConfig sets what makes tresp diff fail (exit 1).
type DiffConfig struct {
	// Threshold is the largest move of a response rate, as a proportion,
	// that passes; 0 turns the rate check off.
	Threshold float64 `json:"threshold"`
	// MinN is the smallest stratum (patients, in either run) whose rate
	// move counts against Threshold.
	MinN int `json:"min_n"`
	// MaxDrop is the largest fall of the total evaluable n, as a
	// proportion of the old total, that passes.
	MaxDrop float64 `json:"max_drop"`
}

// FigureConfig sets the figures.
type FigureConfig struct {
	Formats []string `json:"formats"`
	// Size is a preset (nature-single, nature-double, elsevier-single,
	// elsevier-double) or WIDTHxHEIGHT in mm.
	Size string `json:"size"`
	// ForestMaxDrugs caps the drugs of the forest plot: beyond it, the
	// drugs with the most patients are drawn and a note says so.
	ForestMaxDrugs int `json:"forest_max_drugs"`
}

// TableConfig sets the tables.
type TableConfig struct {
	Formats []string `json:"formats"`
	// Table1By adds Table 1 columns per drug or per study ("none", "drug",
	// "study").
	Table1By string `json:"table1_by"`
}

// DefaultConfig returns the defaults documented in docs/config.md.
func DefaultConfig() Config {
	return Config{
		Out:  "out",
		Read: ReadConfig{DecimalComma: "auto"},
		Analysis: AnalysisConfig{
			Responder:        "partial",
			Attribution:      "exposure",
			CIMethod:         "clopper-pearson",
			Level:            0.95,
			Pooling:          "glmm",
			Transform:        "logit",
			Nodes:            30,
			SmallGroup:       5,
			PoolPopulation:   PopEvaluable,
			TimeEstimator:    "aalen-johansen",
			MinTimeKnown:     0.8,
			MinCompareN:      3,
			MaxCompareGroups: 30,
			DiseaseLevel:     DiseaseLevelDisease,
			DrugLevel:        DrugLevelDrug,
		},
		Diff:    DiffConfig{Threshold: 0.10, MinN: 5, MaxDrop: 0.10},
		Figures: FigureConfig{Formats: []string{"pdf", "png", "svg"}, Size: "nature-double", ForestMaxDrugs: 30},
		Tables:  TableConfig{Formats: []string{"csv", "md", "tex", "html", "docx"}, Table1By: Table1ByNone},
	}
}

// oneOf checks that v is one of legal, naming the setting in the error.
func oneOf(setting, v string, legal ...string) error {
	for _, l := range legal {
		if v == l {
			return nil
		}
	}
	return &ConfigError{Key: setting, Msg: fmt.Sprintf("%q is not one of %s", v, strings.Join(legal, ", "))}
}

// ConfigError is an invalid setting: which key, and why.
type ConfigError struct {
	Key  string
	Line int
	Msg  string
}

// Error returns "config: KEY: MSG", with the line when known.
func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("config: line %d: %s: %s", e.Line, e.Key, e.Msg)
	}
	return fmt.Sprintf("config: %s: %s", e.Key, e.Msg)
}

// Validate checks every setting and returns the first problem as a
// *ConfigError.
func (c *Config) Validate() error {
	if strings.TrimSpace(c.Out) == "" {
		return &ConfigError{Key: "out", Msg: "output directory is empty"}
	}
	if err := oneOf("read.decimal_comma", c.Read.DecimalComma, "auto", "on", "off"); err != nil {
		return err
	}
	if err := oneOf("read.delimiter", c.Read.Delimiter, "", ",", ";", "tab"); err != nil {
		return err
	}
	a := c.Analysis
	for _, chk := range []error{
		oneOf("analysis.responder", a.Responder, "complete", "partial", "minimal"),
		oneOf("analysis.attribution", a.Attribution, "exposure", "regimen", "monotherapy"),
		oneOf("analysis.ci_method", a.CIMethod, "clopper-pearson", "wilson", "jeffreys"),
		oneOf("analysis.pooling", a.Pooling, "glmm", "reml", "dl"),
		oneOf("analysis.transform", a.Transform, "logit", "pft"),
		oneOf("analysis.disease_level", string(a.DiseaseLevel), DiseaseLevel("").Names()...),
		oneOf("analysis.drug_level", string(a.DrugLevel), DrugLevel("").Names()...),
		oneOf("analysis.pool_population", a.PoolPopulation, PopEvaluable, PopITT),
		oneOf("analysis.time_estimator", a.TimeEstimator, "aalen-johansen", "kaplan-meier"),
	} {
		if chk != nil {
			return chk
		}
	}
	if !(a.Level > 0 && a.Level < 1) {
		return &ConfigError{Key: "analysis.level", Msg: fmt.Sprintf("%v is not between 0 and 1 (write 0.95 for 95%%)", a.Level)}
	}
	if a.MinCompareN < 1 {
		return &ConfigError{Key: "analysis.min_compare_n", Msg: fmt.Sprintf("%d is less than 1 (a group needs at least one patient)", a.MinCompareN)}
	}
	if a.MaxCompareGroups < 2 || a.MaxCompareGroups > 200 {
		return &ConfigError{Key: "analysis.max_compare_groups", Msg: fmt.Sprintf("%d is not between 2 and 200", a.MaxCompareGroups)}
	}
	if err := c.Diff.Validate(); err != nil {
		return err
	}
	if err := c.Strict.Validate(); err != nil {
		return err
	}
	if !(a.MinTimeKnown >= 0 && a.MinTimeKnown <= 1) {
		return &ConfigError{Key: "analysis.min_time_known", Msg: fmt.Sprintf("%v is not between 0 and 1 (write 0.8 for 80%%)", a.MinTimeKnown)}
	}
	if a.Nodes < 1 || a.Nodes > 100 {
		return &ConfigError{Key: "analysis.nodes", Msg: fmt.Sprintf("%d is not between 1 and 100", a.Nodes)}
	}
	if c.Figures.ForestMaxDrugs < 1 {
		return &ConfigError{Key: "figures.forest_max_drugs", Msg: fmt.Sprintf("%d is not 1 or more", c.Figures.ForestMaxDrugs)}
	}
	for _, f := range c.Figures.Formats {
		if err := oneOf("figures.formats", f, "pdf", "png", "svg"); err != nil {
			return err
		}
	}
	if err := oneOf("tables.table1_by", c.Tables.Table1By, Table1ByNone, Table1ByDrug, Table1ByStudy); err != nil {
		return err
	}
	for _, f := range c.Tables.Formats {
		if err := oneOf("tables.formats", f, "csv", "md", "tex", "html", "docx"); err != nil {
			return err
		}
	}
	for h, f := range c.Read.Columns {
		if strings.TrimSpace(h) == "" || strings.TrimSpace(f) == "" {
			return &ConfigError{Key: "read.columns", Msg: fmt.Sprintf("mapping %q = %q has an empty side", h, f)}
		}
	}
	return nil
}

// readOptions turns the read settings into ingest options.
func (c *Config) readOptions() ReadOptions {
	var d rune
	switch c.Read.Delimiter {
	case ",":
		d = ','
	case ";":
		d = ';'
	case "tab":
		d = '\t'
	}
	return ReadOptions{
		Map:          mapOptions(c.Read),
		Delimiter:    d,
		DecimalComma: c.Read.DecimalComma,
	}
}

func mapOptions(r ReadConfig) (m data.MapOptions) {
	m.Explicit = r.Columns
	m.StudyFromFileName = r.StudyFromFileName
	return m
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	k := make([]string, 0, len(m))
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}
