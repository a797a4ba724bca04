package config

import "math"

// setting is one key of tresp.toml: where it lives in Config, the comment
// the starter file gives it and the check of its value. The table below
// is the single list of keys: Load, Write, Starter, Validate and the test
// of docs/config.md all read it. The legal values of a typed setting
// (a choice or choiceList) are its Names.
type setting struct {
	key  string // dotted key, the json tag path: "analysis.level"
	doc  string // what it sets, for the comment
	vals string // legal values in words, for a setting that is not a choice
	md   string // what it sets, for the table of docs/config.md (Markdown)
	// mdLegal is the legal values in docs/config.md: for a setting that is
	// not a choice all of them, for a choice the forms beyond its Names.
	mdLegal string
	path    bool // a path: relative to the config file, must stay inside its directory
	ptr     func(c *Config) any
	check   func(ptr any) string // extra check of the value at ptr; "" means fine
}

// legal returns the legal values of a typed setting, nil for others.
func (st *setting) legal() []string {
	switch p := st.ptr(&Config{}).(type) {
	case choice:
		return p.Names()
	case choiceList:
		return p.Names()
	}
	return nil
}

var settings = []setting{
	{key: "inputs", md: "case tables: files, or directories (every `.csv`, `.tsv`, `.txt`, `.parquet` inside); `[]` runs the embedded example", mdLegal: "paths inside the config file's directory", path: true, doc: "case tables: files or directories (every .csv, .tsv, .txt, .parquet inside)",
		vals: "paths relative to this file; [] runs the embedded example", ptr: func(c *Config) any { return &c.Inputs }},
	{key: "out", md: "output directory, replaced atomically by every run", mdLegal: "a path inside the config file's directory", path: true, doc: "output directory, replaced atomically by every run",
		vals: "a path relative to this file", ptr: func(c *Config) any { return &c.Out }},
	{key: "vocabulary", md: "vocabulary files extending or overriding the built-in terms ([vocabulary.md](vocabulary.md))", mdLegal: "paths inside the config file's directory; the name gives the kind: `drugs*`, `diseases*`, `subtypes*`, `outcomes*`, `cues*`, `routes*`, `sites*`, `nofuzzy*`", path: true, doc: "vocabulary files extending the built-in terms, kind from the name (drugs*.tsv, diseases*.csv, …)",
		vals: "paths relative to this file", ptr: func(c *Config) any { return &c.Vocabulary }},
	{key: "decisions", md: "a `review.csv` whose `decision` column a reviewer filled, applied to the run (like `--decisions`; see [outcomes.md](outcomes.md#reviewcsv-and-decisions))", mdLegal: "a path inside the config file's directory; `\"\"` for none", path: true, doc: "a review.csv whose decision column a reviewer filled, applied to the run",
		vals: `a path relative to this file; "" for none`, ptr: func(c *Config) any { return &c.Decisions }},
	{key: "read.columns", md: "map a header onto a field (like `--map`)", mdLegal: "`\"HEADER\" = \"FIELD\"`: a field name from [schema.md](schema.md), `\"lab:ANALYTE\"` or `\"extra\"`", doc: "map a header onto a field",
		vals: `"HEADER" = "FIELD", FIELD a field name, "lab:ANALYTE" or "extra"`, ptr: func(c *Config) any { return &c.Read.Columns }},
	{key: "read.study_from_filename", md: "take the study from the file name when a table has no study column", mdLegal: "`true`, `false`", doc: "take the study from the file name when a table has no study column",
		vals: "true or false", ptr: func(c *Config) any { return &c.Read.StudyFromFileName }},
	{key: "read.delimiter", md: "CSV delimiter; `\"\"` detects it", doc: `CSV delimiter, "" to detect it`,
		ptr: func(c *Config) any { return &c.Read.Delimiter }},
	{key: "read.decimal_comma", md: "read `8,5` as 8.5; `auto`: in semicolon-separated files", doc: "read 8,5 as 8.5 (auto: in semicolon-separated files)",
		ptr: func(c *Config) any { return &c.Read.DecimalComma }},
	{key: "read.sheet", md: "the one sheet to read from every `.xlsx` workbook (like `--sheet`)", mdLegal: "a sheet name; `\"\"` reads every sheet with a recognisable header", doc: "the sheet to read from every .xlsx workbook",
		vals: `a sheet name; "" reads every sheet with a recognisable header`, ptr: func(c *Config) any { return &c.Read.Sheet }},
	{key: "analysis.responder", md: "lowest outcome counted as response", doc: "lowest outcome counted as response",
		ptr: func(c *Config) any { return &c.Analysis.Responder }},
	{key: "analysis.attribution", md: "what an outcome is attributed to: every drug taken, the whole regimen, or single-drug courses only",
		doc: "what an outcome is attributed to: every drug taken, the whole regimen, or single-drug courses only",
		ptr: func(c *Config) any { return &c.Analysis.Attribution }},
	{key: "analysis.ci_method", md: "interval of response rates", doc: "interval of response rates",
		ptr: func(c *Config) any { return &c.Analysis.CIMethod }},
	{key: "analysis.level", md: "confidence level of every interval", mdLegal: "between 0 and 1, exclusive (`0.95` for 95%)", doc: "confidence level of every interval",
		vals: "a number between 0 and 1, exclusive (0.95 for 95%)", ptr: func(c *Config) any { return &c.Analysis.Level },
		check: floatIn(0, 1, true, "%v is not between 0 and 1 (write 0.95 for 95%%)")},
	{key: "analysis.pooling", md: "pooled estimate: binomial GLMM, or inverse-variance REML or DerSimonian–Laird",
		doc: "pooled estimate: binomial GLMM, or inverse-variance REML or DerSimonian–Laird",
		ptr: func(c *Config) any { return &c.Analysis.Pooling }},
	{key: "analysis.transform", md: "proportion transform of `reml` and `dl` pooling (`pft`: Freeman–Tukey)", doc: "proportion transform of reml and dl pooling (pft: Freeman–Tukey)",
		ptr: func(c *Config) any { return &c.Analysis.Transform }},
	{key: "analysis.nodes", md: "adaptive Gauss–Hermite nodes of the GLMM", mdLegal: "1 to 100", doc: "adaptive Gauss–Hermite nodes of the GLMM",
		vals: "a whole number from 1 to 100", ptr: func(c *Config) any { return &c.Analysis.Nodes },
		check: intIn(1, 100, "%d is not between 1 and 100")},
	{key: "analysis.small_group", md: "flag groups with fewer patients than this", mdLegal: "0 or more (0: flag none)", doc: "flag groups with fewer patients than this",
		vals: "a whole number, 0 or more (0: flag none)", ptr: func(c *Config) any { return &c.Analysis.SmallGroup },
		check: intIn(0, math.MaxInt32, "%d is negative (write 0 to flag no group)")},
	{key: "analysis.min_compare_n", md: "smallest group (evaluable patients) a comparison tests; smaller groups are listed without a test, as the table's footnote says", mdLegal: "1 or more", doc: "smallest group (evaluable patients) a comparison tests",
		vals: "a whole number, 1 or more", ptr: func(c *Config) any { return &c.Analysis.MinCompareN },
		check: intIn(1, math.MaxInt32, "%d is less than 1 (a group needs at least one patient)")},
	{key: "analysis.max_compare_groups", md: "most groups compared pairwise — drugs, and the diseases of each of the compared drugs: those with the most evaluable patients (ties by name); the others are not compared, and the table's footnote counts them", mdLegal: "2 to 200", doc: "most groups compared pairwise (drugs, or diseases of a drug): those with the most evaluable patients",
		vals: "a whole number from 2 to 200", ptr: func(c *Config) any { return &c.Analysis.MaxCompareGroups },
		check: intIn(2, 200, "%d is not between 2 and 200")},
	{key: "analysis.disease_level", md: "what the publication tables (Table 1, Table 3) and the outcome-by-disease figure group patients by: the disease as recognised, or its disease group from the vocabulary (limited and diffuse SSc and CREST → connective tissue disease); a disease without a group, or a term the vocabulary does not know, is its own group. `tables/response_rates_by_disease_group.csv` is written either way. Flag: `--disease-level`", doc: "what the publication tables and figures group patients by: the disease, or its disease group (connective tissue disease, …)",
		ptr: func(c *Config) any { return &c.Analysis.DiseaseLevel }},
	{key: "analysis.drug_level", md: "whether Table 2 shows drugs or drug classes (the `All` row stays); `tables/response_rates_by_class.csv` is written either way. Flag: `--drug-level`", doc: "whether the publication tables show drugs or drug classes",
		ptr: func(c *Config) any { return &c.Analysis.DrugLevel }},
	{key: "analysis.pool_population", md: "denominator of pooled rates: evaluable patients, or intention to treat (deaths and losses count as failures); named in every pooled table's footnote and the forest caption",
		doc: "denominator of pooled rates: evaluable patients, or intention to treat (deaths and losses count as failures)",
		ptr: func(c *Config) any { return &c.Analysis.PoolPopulation }},
	{key: "analysis.time_estimator", md: "cumulative response: Aalen–Johansen with death as a competing event, or 1 − Kaplan–Meier (death censored)",
		doc: "cumulative response: Aalen–Johansen with death as a competing event, or 1 − Kaplan–Meier (death censored)",
		ptr: func(c *Config) any { return &c.Analysis.TimeEstimator }},
	{key: "analysis.min_time_known", md: "draw a drug's cumulative response only when the time to response is known for at least this share of its responders", mdLegal: "0 to 1 (`0.8` for 80%)", doc: "draw a drug's cumulative response only when the time to response is known for at least this share of its responders",
		vals: "a number from 0 to 1 (0.8 for 80%)", ptr: func(c *Config) any { return &c.Analysis.MinTimeKnown },
		check: floatIn(0, 1, false, "%v is not between 0 and 1 (write 0.8 for 80%%)")},
	{key: "figures.formats", md: "figure file formats", doc: "figure file formats",
		ptr: func(c *Config) any { return &c.Figures.Formats }},
	{key: "figures.size", md: "figure size; a forest plot or outcome bars taller than the page (Nature 170 mm, Elsevier 240 mm, or HEIGHT) are split into pages: one PDF, `NAME_pK.png`/`.svg` per page (docs/figures.md)", mdLegal: "`PRESET:HEIGHT`, `WIDTHxHEIGHT` or `WIDTH` in mm", doc: "figure size",
		vals: `"nature-single", "nature-double", "elsevier-single", "elsevier-double", "PRESET:HEIGHT", "WIDTHxHEIGHT" or "WIDTH" in mm`,
		ptr:  func(c *Config) any { return &c.Figures.Size }},
	{key: "figures.forest_max_drugs", md: "most drugs in the forest plot; beyond it the drugs with the most patients, and a note", mdLegal: "1 or more", doc: "most drugs in the forest plot; beyond it the drugs with the most patients, and a note",
		vals: "a whole number, 1 or more", ptr: func(c *Config) any { return &c.Figures.ForestMaxDrugs },
		check: intIn(1, math.MaxInt32, "%d is not 1 or more")},
	{key: "tables.formats", md: "table file formats", doc: "table file formats",
		ptr: func(c *Config) any { return &c.Tables.Formats }},
	{key: "tables.table1_by", md: "Table 1 columns per drug or per study after the overall column (at most 8: those with the most patients)", doc: "Table 1 columns per drug or per study after the overall column (at most 8: those with the most patients)",
		ptr: func(c *Config) any { return &c.Tables.Table1By }},
	{key: "strict.enabled", md: "fail on every warning no allowance covers, and while an outcome is unclassified or read with low confidence and not decided (`--strict`); `strict = true` at the top level says the same", mdLegal: "`true`, `false`", doc: "fail on warnings no allowance covers, and while outcomes await a decision (like --strict)",
		vals: "true or false", ptr: func(c *Config) any { return &c.Strict.Enabled }},
	{key: "strict.allow", md: "problems a strict run accepts; each reason is kept in summary.json and report.html (like `--allow CODE[:COLUMN]`)", mdLegal: "`{code = \"CODE\", column = \"HEADER\", reason = \"WHY\"}`; `column` optional, a code of warning or info severity ([ci.md](ci.md#problem-codes))", doc: "problems a strict run accepts, each with the reason (docs/ci.md lists the codes)",
		vals: `a list of {code = "CODE", column = "HEADER", reason = "WHY"}; column is optional`, ptr: func(c *Config) any { return &c.Strict.Allow }},
	{key: "strict.fail_on", md: "codes that fail a strict run whatever their severity, e.g. the info code `approximate` (like `--fail-on CODE`)", mdLegal: "problem codes ([ci.md](ci.md#problem-codes))", doc: "codes that fail a strict run whatever their severity",
		vals: `a list of codes, e.g. ["approximate"]`, ptr: func(c *Config) any { return &c.Strict.FailOn }},
	{key: "diff.threshold", md: "`tresp diff` fails when the response rate of a stratum of at least `diff.min_n` patients moves by more than this", mdLegal: "0 to 1 (`0.10` = 10 percentage points; `0`: off)", doc: "tresp diff fails when a stratum's response rate moves by more than this proportion",
		vals: "a number from 0 to 1 (0.10 = 10 percentage points; 0 turns the check off)", ptr: func(c *Config) any { return &c.Diff.Threshold },
		check: floatIn(0, 1, false, "%v is not a proportion between 0 and 1 (0.10 is 10 percentage points; 0 turns the check off)")},
	{key: "diff.min_n", md: "strata with fewer patients than this in both runs do not count against `diff.threshold`", mdLegal: "0 or more", doc: "strata with fewer patients than this (in both runs) do not count against diff.threshold",
		vals: "a whole number, 0 or more", ptr: func(c *Config) any { return &c.Diff.MinN },
		check: intIn(0, math.MaxInt32, "%d is negative (0 counts every stratum)")},
	{key: "diff.max_drop", md: "`tresp diff` fails when the total evaluable n falls by more than this proportion", mdLegal: "0 to 1 (`0.10` = 10 %; `1`: off)", doc: "tresp diff fails when the total evaluable n falls by more than this proportion",
		vals: "a number from 0 to 1 (0.10 = 10 %; 1 turns the check off)", ptr: func(c *Config) any { return &c.Diff.MaxDrop },
		check: floatIn(0, 1, false, "%v is not a proportion between 0 and 1 (0.10 is 10 %%; 1 turns the check off)")},
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
