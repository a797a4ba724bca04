package data

import (
	"fmt"
	"sort"
	"strings"
)

// CodeInfo documents one problem code: its default severity, what the
// severity does to the row or the run, and what the code means.
type CodeInfo struct {
	Code     string
	Severity Severity // Info, Warning or Error
	// Input marks codes of an input that cannot be read at all
	// (*InputError): the run stops.
	Input bool
	Doc   string
}

// Codes is the one list of problem codes tresp emits, sorted by code.
// Every Problem carries one of them, with the severity given here (an
// *InputError carries Fatal: it is an error that stops the run). The
// section "Problem codes" of docs/ci.md is generated from it (CodesMarkdown),
// and tests check that every code the packages emit is listed.
var Codes = []CodeInfo{
	{"age-missing", Warning, false, `a time "since N years of age" needs the current age`},
	{"ambiguous-abbreviation", Warning, false, "a disease abbreviation of several diseases (HS, AA, PV, MF) was read as the first its vocabulary row lists; listed in review.csv"},
	{"ambiguous-term", Warning, false, "a drug or disease term could be any of several vocabulary entries; kept as written"},
	{"analyte-unknown", Warning, false, "no known laboratory analyte name was found"},
	{"approximate", Info, false, `the value is marked approximate ("about 3 years"); used as written`},
	{"area-unknown", Info, false, "a lesion size has a single dimension: no area computed"},
	{"bad-count", Error, false, "a count of a study-level row is not a whole number ≥ 0"},
	{"bad-option", Error, true, "a read option has an illegal value"},
	{"bad-parquet", Error, true, "not a readable Parquet file"},
	{"binary", Error, true, "not a text file (a NUL byte), or a binary Parquet column"},
	{"bound-only", Warning, false, `only a bound was written ("> 6 months")`},
	{"bsa-applied", Info, false, "a dose per m² was multiplied by the body surface area (BSA column, or Mosteller from height and weight)"},
	{"bsa-dose", Info, false, "a dose per body surface area is kept per m²"},
	{"category-sum", Error, false, "the outcome categories of a study-level row do not add up to treated"},
	{"censored", Warning, false, `a value written as "< x" or "> x"`},
	{"change-direction", Warning, false, "a word such as increased contradicts the numbers of a dose change; the numbers are used"},
	{"control-character", Warning, false, "a cell holds a control character; shown escaped"},
	{"counts-exceed-treated", Error, false, "responders plus not evaluable exceed treated in a study-level row"},
	{"csv-syntax", Error, true, "the CSV cannot be parsed (an unclosed quote, …)"},
	{"date-missing", Warning, false, `a time "since 2015" needs the report date`},
	{"decision-row-gone", Warning, false, "a decision of the --decisions file names a row that no longer exists; not applied"},
	{"decision-text-changed", Warning, false, "a decision of the --decisions file was made for a text that has changed; not applied"},
	{"dose-implausible", Warning, false, "the daily dose is above the plausible maximum of its substance or drug class (data/units/lexicon/doselimits.tsv)"},
	{"dose-unattributed", Warning, false, "a Dose cell beside a treatment cell of several drugs names none of them: not given to any"},
	{"duplicate-field", Error, true, "two columns map to the same field"},
	{"duplicate-row", Warning, false, "the same study, case and drug appear on two rows"},
	{"duration-is-treatment-duration", Info, false, "a column headed only \"Duration\" is read as the treatment duration"},
	{"empty-file", Error, true, "the file is empty"},
	{"frequency-ambiguous", Warning, false, "a frequency word has two common readings"},
	{"frequency-inherited", Warning, false, "a dose step took its frequency from a neighbouring step"},
	{"frequency-missing", Warning, false, "a dose has no frequency: the amount is taken as the daily total"},
	{"fuzzy-match", Warning, false, `a term or outcome word was read by fuzzy match ("risodronate" as risedronate, "remision" as remission)`},
	{"header-unit", Info, false, "a unit in a header (\"Follow-up (months)\") is used for the column's cells"},
	{"ismp-abbreviation", Warning, false, "an abbreviation on the ISMP list of error-prone abbreviations"},
	{"low-confidence-outcome", Warning, false, "an outcome was read with low confidence: its reading is proposed in review.csv and left out of every rate until confirmed"},
	{"mapping-unknown-field", Error, true, "--map or [read.columns] names a field that does not exist"},
	{"missing-case-id", Error, false, "case_id is empty"},
	{"missing-case_id", Error, false, "case_id of a lab row is empty"},
	{"missing-count", Error, false, "treated or responders of a study-level row is empty"},
	{"missing-drug", Error, false, "the drug of a study-level row is empty"},
	{"missing-key-column", Error, true, "a table lacks a column its kind needs (a case table without case_id, …)"},
	{"missing-lab_analyte", Error, false, "the analyte of a lab row is empty"},
	{"missing-lab_value", Error, false, "the value of a lab row is empty"},
	{"missing-outcome", Warning, false, "the outcome is empty: counted as not evaluable"},
	{"missing-study", Error, false, "the study is empty"},
	{"missing-treatment", Error, false, "no treatment or drug: the row cannot count towards any rate"},
	{"multiple-values", Warning, false, "several values in one cell; the message says which is used"},
	{"negative-value", Warning, false, "a value that cannot be negative (age, duration, dose, size, lab value) is; the cell is not read"},
	{"no-header", Error, true, "no column headers found"},
	{"no-input", Error, true, "an input path does not exist, or a directory holds no table"},
	{"no-rows", Error, true, "the table has a header but no data rows"},
	{"no-sheet", Error, true, "the workbook has no sheet of the name given with --sheet"},
	{"not-a-file", Error, true, "an input is a device, FIFO or socket"},
	{"not-utf8", Error, true, "the file or a cell is not UTF-8 text"},
	{"not-xlsx", Error, true, "not a readable .xlsx workbook"},
	{"number-unreadable", Warning, false, "a number written ambiguously (\"1.000,5\", mixed scripts); the cell is not read"},
	{"one-off-dose", Warning, false, "a single (stat) dose has no daily rate"},
	{"percent-wv", Warning, false, "an X% solution was read as weight/volume (X g per 100 mL)"},
	{"ragged-row", Error, false, "a row has more cells than the header"},
	{"range-midpoint", Warning, false, "a range was written; its midpoint is used"},
	{"read-error", Error, true, "the file cannot be opened or read"},
	{"record-too-large", Error, true, "a record is larger than tresp reads"},
	{"schedule", Info, false, `a dose count ("x 4"), loading weeks or a course schedule was read; says how the mean daily dose over the course was obtained, or why not`},
	{"sex-conflict", Warning, false, "the text names both sexes"},
	{"short-row", Warning, false, "a row has fewer cells than the header; the missing cells are empty"},
	{"too-many-columns", Error, true, "the header has more than 16,384 named columns (Excel's limit): the input is refused"},
	{"too-many-dimensions", Warning, false, "more than three dimensions in one size; the first three are used"},
	{"truncated", Warning, false, "a cell held more items than tresp keeps, or was too long; the rest is ignored"},
	{"unclassified-outcome", Warning, false, "an outcome could not be classified: left out of every rate until decided in review.csv"},
	{"unit-implausible", Warning, false, "the unit written is implausible for the quantity; read as the plausible unit"},
	{"unit-missing", Warning, false, "no unit was written; a default unit was assumed"},
	{"unit-mixed", Warning, false, "values in incompatible units cannot be compared"},
	{"unit-unknown", Warning, false, "a unit was written but is not known for the quantity"},
	{"unknown-column", Warning, false, "a column matches no field; carried through as extra"},
	{"unknown-term", Warning, false, "a drug or disease term is not in the vocabulary; kept as written"},
	{"unnamed-cell", Warning, false, "a cell has text in a column without a header after the last named one; the text is ignored"},
	{"unnamed-columns", Info, false, "columns without a header after the last named one are ignored"},
	{"unparsed", Warning, false, "nothing usable was recognised in the cell"},
	{"unsupported", Error, true, "an input kind tresp cannot read (an embedded Parquet file)"},
	{"unsupported-type", Error, true, "a Parquet column of a type tresp cannot read"},
	{"vague", Warning, false, `a vague quantity ("several months") that has no number`},
	{"value-implausible", Warning, false, "the value is outside the plausible range for the quantity"},
	{"vocabulary-in-data", Error, true, "a file named like a vocabulary (drugs*.tsv, …) sits among the case tables without being given as a vocabulary"},
	{"weight-applied", Info, false, "a weight-based dose was multiplied by the body weight"},
	{"weight-missing", Warning, false, "a weight-based dose without a body weight: kept per kg"},
	{"wrong-delimiter", Error, true, "the CSV delimiter given does not split the header"},
}

// LookupCode returns the documentation of code, and false for a code tresp
// does not emit.
func LookupCode(code string) (CodeInfo, bool) {
	i := sort.Search(len(Codes), func(i int) bool { return Codes[i].Code >= code })
	if i < len(Codes) && Codes[i].Code == code {
		return Codes[i], true
	}
	return CodeInfo{}, false
}

// DefaultSeverity is the severity of a problem with code, from Codes. It
// panics for a code that is not listed: every emitter must use a listed
// code.
func DefaultSeverity(code string) Severity {
	c, ok := LookupCode(code)
	if !ok {
		panic(fmt.Sprintf("data: problem code %q is not in data.Codes", code))
	}
	return c.Severity
}

// CodesMarkdown renders the table of problem codes for docs/ci.md.
func CodesMarkdown() string {
	var b strings.Builder
	b.WriteString("<!-- Generated from data/codes.go by TestCodesDoc; edit the Go file, then run\n     go test ./data -run TestCodesDoc -update -->\n\n")
	b.WriteString("| code | default severity | effect | meaning |\n|---|---|---|---|\n")
	for _, c := range Codes {
		effect := ""
		switch {
		case c.Input:
			effect = "the input cannot be read: nothing runs (exit 1)"
		case c.Severity == Error:
			effect = "the row is quarantined; `validate` exits 1"
		case c.Severity == Warning:
			effect = "the value is used as stated; `--strict` fails unless allowed"
		default:
			effect = "recorded; `--strict` fails only with `fail_on`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Code, c.Severity, effect, c.Doc)
	}
	return b.String()
}
