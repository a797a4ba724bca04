package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tresp/tresp/reports/figure"
	"github.com/tresp/tresp/reports/table"
)

// choice is a setting with a fixed list of legal values: the typed
// settings below and stats.CIMethod. Each is a pflag.Value (String, Set,
// Type) and an encoding.TextUnmarshaler; Names lists the legal values,
// from which the TOML codec, the flag help, the validation messages and
// docs/config.md take them.
type choice interface {
	Names() []string
	String() string
	Set(string) error
}

// choiceList is a list setting whose elements are choices.
type choiceList interface {
	Names() []string
	Strings() []string
	SetStrings([]string) error
	Check(string) error
}

// setChoice sets *p to s when s is one of p's names; the error lists them.
func setChoice[T interface {
	~string
	Names() []string
}](p *T, s string) error {
	if !slices.Contains((*p).Names(), s) {
		return notOneOf(s, (*p).Names())
	}
	*p = T(s)
	return nil
}

func notOneOf(s string, names []string) error {
	return fmt.Errorf("%q is not one of %s", s, strings.Join(names, ", "))
}

// Delimiter is read.delimiter: the CSV delimiter, "" to detect it.
type Delimiter string

// Names returns the legal values.
func (Delimiter) Names() []string { return []string{"", ",", ";", "tab"} }

// Rune returns the delimiter as a rune, 0 for "detect".
func (d Delimiter) Rune() rune {
	switch d {
	case ",":
		return ','
	case ";":
		return ';'
	case "tab":
		return '\t'
	}
	return 0
}

// DecimalComma is read.decimal_comma: whether 8,5 reads as 8.5.
type DecimalComma string

// Names returns the legal values.
func (DecimalComma) Names() []string { return []string{"auto", "on", "off"} }

// Responder is analysis.responder: the lowest outcome category counted
// as response.
type Responder string

// Names returns the legal values.
func (Responder) Names() []string { return []string{"complete", "partial", "minimal"} }

// Attribution is analysis.attribution: what an outcome is attributed to.
type Attribution string

// Names returns the legal values.
func (Attribution) Names() []string { return []string{"exposure", "regimen", "monotherapy"} }

// Pooling is analysis.pooling: the model of pooled rates.
type Pooling string

// Names returns the legal values.
func (Pooling) Names() []string { return []string{"glmm", "reml", "dl"} }

// Transform is analysis.transform: the proportion transform of reml and
// dl pooling.
type Transform string

// Names returns the legal values.
func (Transform) Names() []string { return []string{"logit", "pft"} }

// Population is a denominator: evaluable patients or intention to treat.
type Population string

// The populations of a rate.
const (
	PopITT       Population = "itt"
	PopEvaluable Population = "evaluable"
)

// Names returns the legal values.
func (Population) Names() []string { return []string{"evaluable", "itt"} }

// TimeEstimator is analysis.time_estimator: the estimate of cumulative
// response.
type TimeEstimator string

// Names returns the legal values.
func (TimeEstimator) Names() []string { return []string{"aalen-johansen", "kaplan-meier"} }

// DiseaseLevel is the disease level of the publication tables and
// figures: "disease" (as recognised, subtypes kept) or "group" (the
// disease group of the vocabulary: connective tissue disease, …).
type DiseaseLevel string

// The disease levels.
const (
	DiseaseLevelDisease DiseaseLevel = "disease"
	DiseaseLevelGroup   DiseaseLevel = "group"
)

// Names returns the legal values.
func (DiseaseLevel) Names() []string { return []string{"disease", "group"} }

// DrugLevel is the treatment level of the publication tables: "drug" or
// "class" (the drug class of the vocabulary).
type DrugLevel string

// The drug levels.
const (
	DrugLevelDrug  DrugLevel = "drug"
	DrugLevelClass DrugLevel = "class"
)

// Names returns the legal values.
func (DrugLevel) Names() []string { return []string{"drug", "class"} }

// Table1By is tables.table1_by: Table 1 columns per drug or per study
// after the overall column.
type Table1By string

// Table 1 column groupings.
const (
	Table1ByNone  Table1By = "none"
	Table1ByDrug  Table1By = "drug"
	Table1ByStudy Table1By = "study"
)

// Names returns the legal values.
func (Table1By) Names() []string { return []string{"none", "drug", "study"} }

// FigureFormat is a figure file format, as reports/figure names them.
type FigureFormat string

// Names returns the legal values: the formats of reports/figure.
func (FigureFormat) Names() []string {
	var out []string
	for f := figure.Format(0); ; f++ {
		if _, err := figure.ParseFormat(f.String()); err != nil {
			return out
		}
		out = append(out, f.String())
	}
}

// Format returns the format; Validate has checked it.
func (f FigureFormat) Format() figure.Format {
	ff, err := figure.ParseFormat(string(f))
	if err != nil {
		panic("config: unvalidated figure format " + string(f))
	}
	return ff
}

// TableFormat is a table file format, as reports/table names them.
type TableFormat string

// Names returns the legal values: the formats of reports/table.
func (TableFormat) Names() []string {
	var out []string
	for _, f := range table.Formats() {
		out = append(out, f.String())
	}
	return out
}

// Format returns the format; Validate has checked it.
func (f TableFormat) Format() table.Format {
	tf, err := table.ParseFormat(string(f))
	if err != nil {
		panic("config: unvalidated table format " + string(f))
	}
	return tf
}

// FigureSize is figures.size: a preset of reports/figure, optionally
// with a height, or a size in mm. Names lists the presets; Set accepts
// every form figure.ParsePreset reads.
type FigureSize string

// Names returns the presets.
func (FigureSize) Names() []string {
	var out []string
	for _, p := range figure.Presets {
		out = append(out, p.Name)
	}
	return out
}

// Set sets the size from s; the error says what sizes are legal.
func (z *FigureSize) Set(s string) error {
	if _, err := figure.ParsePreset(s); err != nil {
		return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "figure: "))
	}
	*z = FigureSize(s)
	return nil
}

// Size returns the size; Validate has checked it.
func (z FigureSize) Size() figure.Size {
	sz, err := figure.ParsePreset(string(z))
	if err != nil {
		panic("config: unvalidated figure size " + string(z))
	}
	return sz
}

// FigureFormats is a list of figure formats (figures.formats).
type FigureFormats []FigureFormat

// TableFormats is a list of table formats (tables.formats).
type TableFormats []TableFormat
