package config

import (
	"fmt"
	"strings"

	"github.com/tresp/tresp/stats"
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
	// Stream runs ingest, normalise and analyse as one pass over the inputs,
	// holding no rows (docs/scale.md): memory is bounded by the number of
	// groups. A patient's rows must be consecutive; normalised/cases.* follow
	// the input order.
	Stream bool `json:"stream,omitempty" toml:"-"`
	// SkipNormalised leaves out normalised/cases.csv and cases.parquet
	// (--write-normalised=false).
	SkipNormalised bool `json:"skip_normalised,omitempty" toml:"-"`
	// CacheDir keeps each stage's result keyed by the hash of what it
	// depends on; "" disables caching. It does not change any output.
	CacheDir string `json:"-" toml:"-"`
	// CacheMaxBytes bounds the stage cache: after a run stores its entries,
	// the oldest entries of other runs are removed until the cache is no
	// larger (0: DefaultCacheMaxBytes). It does not change any output.
	CacheMaxBytes int64 `json:"-" toml:"-"`
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
	Delimiter Delimiter `json:"delimiter,omitempty"`
	// DecimalComma is auto, on or off.
	DecimalComma DecimalComma `json:"decimal_comma"`
	// Sheet names the one sheet to read from every .xlsx workbook; ""
	// reads every sheet with a recognisable header.
	Sheet string `json:"sheet,omitempty"`
}

// AnalysisConfig sets responder definition, attribution and statistics.
type AnalysisConfig struct {
	// Responder is the lowest outcome counted as response: complete,
	// partial or minimal.
	Responder Responder `json:"responder"`
	// Attribution is exposure, regimen or monotherapy.
	Attribution Attribution `json:"attribution"`
	// CIMethod is the interval of response rates (stats.CIMethodNames).
	CIMethod stats.CIMethod `json:"ci_method"`
	// Level is the confidence level of every interval.
	Level float64 `json:"level"`
	// Pooling is glmm, reml or dl.
	Pooling Pooling `json:"pooling"`
	// Transform is logit or pft, for reml and dl pooling.
	Transform Transform `json:"transform"`
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
	PoolPopulation Population `json:"pool_population"`
	// TimeEstimator is the estimate of cumulative response:
	// aalen-johansen (death a competing event) or kaplan-meier (1 − KM,
	// death censored).
	TimeEstimator TimeEstimator `json:"time_estimator"`
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
	// Formats are the file formats of every figure.
	Formats FigureFormats `json:"formats"`
	// Size is a preset (nature-single, nature-double, elsevier-single,
	// elsevier-double), optionally with a height, or WIDTHxHEIGHT in mm.
	Size FigureSize `json:"size"`
	// ForestMaxDrugs caps the drugs of the forest plot: beyond it, the
	// drugs with the most patients are drawn and a note says so.
	ForestMaxDrugs int `json:"forest_max_drugs"`
}

// TableConfig sets the tables.
type TableConfig struct {
	// Formats are the file formats of every publication table.
	Formats TableFormats `json:"formats"`
	// Table1By adds Table 1 columns per drug or per study ("none", "drug",
	// "study").
	Table1By Table1By `json:"table1_by"`
}

// Default returns the defaults documented in docs/config.md.
func Default() Config {
	return Config{
		Out:  "out",
		Read: ReadConfig{DecimalComma: "auto"},
		Analysis: AnalysisConfig{
			Responder:        "partial",
			Attribution:      "exposure",
			CIMethod:         stats.ClopperPearson,
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
		Figures: FigureConfig{Formats: FigureFormats{"pdf", "png", "svg"}, Size: "nature-double", ForestMaxDrugs: 30},
		Tables:  TableConfig{Formats: TableFormats{"csv", "md", "tex", "html", "docx"}, Table1By: Table1ByNone},
	}
}

// Error is an invalid setting: which key, on which line of the file when
// known, and why.
type Error struct {
	Key  string
	Line int
	Msg  string
}

// Error returns "config: KEY: MSG", with the line when known.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("config: line %d: %s: %s", e.Line, e.Key, e.Msg)
	}
	return fmt.Sprintf("config: %s: %s", e.Key, e.Msg)
}

// Validate checks every setting and returns the first problem as an
// *Error: the legal values of every typed setting (Names), the range of
// every number, then the column map. A run validates its configuration
// before the first stage.
func (c *Config) Validate() error {
	if strings.TrimSpace(c.Out) == "" {
		return &Error{Key: "out", Msg: "output directory is empty"}
	}
	for i := range settings {
		st := &settings[i]
		if msg := st.validate(c); msg != "" {
			return &Error{Key: st.key, Msg: msg}
		}
	}
	for h, f := range c.Read.Columns {
		if strings.TrimSpace(h) == "" || strings.TrimSpace(f) == "" {
			return &Error{Key: "read.columns", Msg: fmt.Sprintf("mapping %q = %q has an empty side", h, f)}
		}
	}
	return nil
}

// validate checks the value of st in c: a typed value must be one of its
// Names (or pass its own check), a number must pass st.check.
func (st *setting) validate(c *Config) string {
	switch p := st.ptr(c).(type) {
	case choice:
		if err := p.Set(p.String()); err != nil {
			return err.Error()
		}
	case choiceList:
		for _, s := range p.Strings() {
			if err := p.Check(s); err != nil {
				return err.Error()
			}
		}
	case *[]Allowance:
		for _, a := range *p {
			if err := a.validate(st.key); err != nil {
				return err.(*Error).Msg
			}
		}
	case *[]string:
		if st.key == "strict.fail_on" {
			for _, code := range *p {
				if msg := checkCode(code); msg != "" {
					return msg
				}
			}
		}
	}
	if st.check != nil {
		if msg := st.check(st.ptr(c)); msg != "" {
			return msg
		}
	}
	return ""
}

// floatIn checks that a float setting is within [lo, hi] (exclusive when
// open); msg formats the value otherwise.
func floatIn(lo, hi float64, open bool, msg string) func(any) string {
	return func(p any) string {
		v := *p.(*float64)
		ok := v >= lo && v <= hi
		if open {
			ok = v > lo && v < hi
		}
		if !ok {
			return fmt.Sprintf(msg, v)
		}
		return ""
	}
}

// intIn checks that an int setting is within [lo, hi]; msg formats the
// value otherwise.
func intIn(lo, hi int, msg string) func(any) string {
	return func(p any) string {
		if v := *p.(*int); v < lo || v > hi {
			return fmt.Sprintf(msg, v)
		}
		return ""
	}
}

// DefaultCacheMaxBytes is the stage cache's size bound when
// Config.CacheMaxBytes is 0: 2 GiB.
const DefaultCacheMaxBytes = 2 << 30
