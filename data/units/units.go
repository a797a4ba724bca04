package units

import "math"

// Status says how a parsed number was obtained from the text.
// The zero value is Unknown.
type Status int

const (
	// Unknown means no usable value could be read; the numeric fields are NaN.
	Unknown Status = iota
	// Exact means the value follows from quantities stated in the text by
	// arithmetic only (for example 60 mg × 3 a day = 180 mg/day).
	Exact
	// Converted means a fixed, documented unit factor was applied
	// (g → mg, months → days, mg/dL → mmol/L).
	Converted
	// Assumed means something the text did not state was filled in:
	// a missing unit, a missing frequency, a range midpoint, an implausible
	// unit read as a plausible one. The Notes say what was assumed.
	Assumed
)

// String returns "exact", "converted", "assumed" or "unknown".
func (s Status) String() string {
	switch s {
	case Exact:
		return "exact"
	case Converted:
		return "converted"
	case Assumed:
		return "assumed"
	default:
		return "unknown"
	}
}

// rank orders statuses from most to least trustworthy.
func (s Status) rank() int {
	switch s {
	case Exact:
		return 0
	case Converted:
		return 1
	case Assumed:
		return 2
	default:
		return 3
	}
}

// worse returns the less trustworthy of a and b.
func worse(a, b Status) Status {
	if b.rank() > a.rank() {
		return b
	}
	return a
}

// Code is a stable machine-readable identifier of a Note.
type Code string

// Note codes. They are stable identifiers: pipelines may count or filter on them.
const (
	// CodeUnparsed: nothing usable was recognised in the text.
	CodeUnparsed Code = "unparsed"
	// CodeUnitMissing: no unit was written; a default unit was assumed.
	CodeUnitMissing Code = "unit-missing"
	// CodeUnitImplausible: the unit written is implausible for the quantity.
	CodeUnitImplausible Code = "unit-implausible"
	// CodeUnitUnknown: a unit was written but is not known for the quantity.
	CodeUnitUnknown Code = "unit-unknown"
	// CodeUnitMixed: values in incompatible units cannot be compared.
	CodeUnitMixed Code = "unit-mixed"
	// CodeISMP: an abbreviation on the ISMP list of error-prone abbreviations.
	CodeISMP Code = "ismp-abbreviation"
	// CodeFreqMissing: a dose has no frequency.
	CodeFreqMissing Code = "frequency-missing"
	// CodeFreqInherited: a dose step took its frequency from another step.
	CodeFreqInherited Code = "frequency-inherited"
	// CodeFreqAmbiguous: a frequency word has two common readings.
	CodeFreqAmbiguous Code = "frequency-ambiguous"
	// CodeOneOff: a single (stat) dose has no daily rate.
	CodeOneOff Code = "one-off-dose"
	// CodeRange: a range was written; its midpoint is the headline value.
	CodeRange Code = "range-midpoint"
	// CodeBound: only a bound was written ("> 6 months").
	CodeBound Code = "bound-only"
	// CodeApprox: the text marks the value as approximate.
	CodeApprox Code = "approximate"
	// CodeVague: a vague quantity ("several months") that has no number.
	CodeVague Code = "vague"
	// CodeWeightMissing: a weight-based dose without a body weight.
	CodeWeightMissing Code = "weight-missing"
	// CodeWeightApplied: a weight-based dose was multiplied by the given weight.
	CodeWeightApplied Code = "weight-applied"
	// CodeBSA: a dose per body surface area (mg/m²) is kept per m².
	CodeBSA Code = "bsa-dose"
	// CodeBSAApplied: a dose per m² was multiplied by the body surface area.
	CodeBSAApplied Code = "bsa-applied"
	// CodeSchedule: a dose count ("x 4"), loading weeks or a course schedule was read;
	// the message says how the mean daily dose over the course was obtained, or why not.
	CodeSchedule Code = "schedule"
	// CodePercentWV: an X% solution was read as weight/volume (X g per 100 mL).
	CodePercentWV Code = "percent-wv"
	// CodeAgeMissing: a time "since N years of age" needs the current age.
	CodeAgeMissing Code = "age-missing"
	// CodeDateMissing: a time "since 2015" needs the report date.
	CodeDateMissing Code = "date-missing"
	// CodeMultiple: several values were found; the Msg says which was used.
	CodeMultiple Code = "multiple-values"
	// CodeChangeDirection: a change word contradicts the numbers.
	CodeChangeDirection Code = "change-direction"
	// CodeAreaUnknown: a single dimension gives no area.
	CodeAreaUnknown Code = "area-unknown"
	// CodeCensored: a value written as "< x" or "> x".
	CodeCensored Code = "censored"
	// CodeImplausible: the value is outside the plausible range for the quantity.
	CodeImplausible Code = "value-implausible"
	// CodeDoseImplausible: the daily dose is above the plausible maximum of
	// its substance or drug class (CheckDrugDose).
	CodeDoseImplausible Code = "dose-implausible"
	// CodeAnalyteUnknown: no known analyte name was found.
	CodeAnalyteUnknown Code = "analyte-unknown"
	// CodeSexConflict: the text names both sexes.
	CodeSexConflict Code = "sex-conflict"
	// CodeTruncated: a cell held more items than a parser keeps, or was
	// longer than MaxCellBytes and only its start was read.
	CodeTruncated Code = "truncated"
	// CodeNumberUnreadable: a number the lexer refuses ("1e400", "0x10",
	// "1_000", "1.000,5", digits of mixed scripts); the cell is not read.
	CodeNumberUnreadable Code = "number-unreadable"
	// CodeNegative: a negative number where the quantity cannot be
	// negative (age, duration, dose, size, lab value); the cell is not read.
	CodeNegative Code = "negative-value"
	// CodeTooManyDims: more than three dimensions in one size.
	CodeTooManyDims Code = "too-many-dimensions"
)

// Note is one warning attached to a parse result: a stable Code and a human
// message saying what was read or assumed.
type Note struct {
	Code Code
	Msg  string
}

// String returns "code: message".
func (n Note) String() string { return string(n.Code) + ": " + n.Msg }

// notes collects notes without duplicates (same code and message).
// Parsers call add a bounded number of times per token, so the set stays
// linear in the input; the seen map makes the check O(1).
type notes struct {
	list []Note
	seen map[Note]struct{}
}

func (ns *notes) add(c Code, msg string) {
	n := Note{Code: c, Msg: msg}
	if ns.seen == nil {
		ns.seen = make(map[Note]struct{})
	}
	if _, ok := ns.seen[n]; ok {
		return
	}
	ns.seen[n] = struct{}{}
	ns.list = append(ns.list, n)
}

// out returns the notes with cap == len, so a caller's append never writes
// into a slice shared with a cache.
func (ns *notes) out() []Note {
	if len(ns.list) == 0 {
		return nil
	}
	return ns.list[:len(ns.list):len(ns.list)]
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// clip shortens s for use inside a note message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	// cut at a rune boundary
	i := max
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}
