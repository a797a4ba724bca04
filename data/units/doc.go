// Package units turns the free text of case-report tables (doses,
// durations, ages, lesion sizes, laboratory values) into numbers with
// provenance: every result keeps the original text, the value, the unit, a
// Status (exact, converted, assumed, unknown) and Notes saying what was
// assumed.
//
// Conventions. A month is 30.4375 days and a year 365.25 days (DaysPerMonth,
// DaysPerYear: the Julian year, so 12 months make a year exactly and
// durations agree with survival software). Numbers are never rounded: values
// are float64 as computed. Unknown numeric results are NaN, never zero.
//
// Status. Exact: the value follows from the quantities written by arithmetic
// alone (60 mg × 3 a day = 180 mg/day; "10 days"). Converted: a fixed unit
// factor was applied (g → mg, weeks/months/years → days, mg/dL → mmol/L,
// an X% solution read as X g/100 mL). Assumed: something not written was
// filled in — a missing unit (assumed mg, cm, years; for labs the
// conventional unit when the value is plausible in it, else the SI unit), a
// missing frequency (the
// amount is taken as the daily total), a frequency taken from another step,
// a range's midpoint, a bound ("> 6 months") used as the value, an
// implausible unit read as the plausible one ("20 ng/dL" of 25-OH vitamin D
// read as ng/mL). Unknown: nothing usable; numeric fields are NaN and a note
// says why. A result's Status is the least trustworthy of its parts. Notes
// flagging ISMP error-prone abbreviations (QD, OD, ug, IU, SC) do not lower
// the Status: typed text gives them one reading, stated in the note.
//
// Doses. A cell is read left to right into steps: an amount with its unit
// and frequency ("60mg thrice a day"). A frequency stated once applies to
// the amounts it shares a unit with ("60→90 mg tid": both tid, not an
// assumption); a step with no frequency of its own otherwise takes the
// previous step's, else the next one's (Assumed, noted). A frequency after a
// change word with no new amount ("reduced to bid") makes a new step with the
// previous amount. Each step's amount per day is in mg (mg/kg without a
// body weight, mg/m², IU or mL when no mass is known); Start is the first
// step, Max the largest, Final the last, so "60 mg TDS increased to 90 mg
// TDS, decreased to 90 mg BD" gives 180, 270, 180 mg/day. Weekly values are
// the daily ones × 7 and are what intermittent regimens (weekly, 3×/week,
// every 4 weeks) should be reported in. Steps' directions come from the
// numbers; a change word that contradicts them is noted.
//
// Sizes. The diameter of a measurement is its largest dimension and its area
// the product of its two largest (bounding rectangle); a single dimension
// has no area. Ranges keep both ends (Min/Max).
//
// Labs. Values are converted between conventional and SI units with the
// factors documented on the analyte table (lab.go) and flagged against
// adult reference ranges from a standard clinical reference.
//
// Long cells. A parser reads at most the first MaxCellBytes (64 KiB) of a
// cell, cut at a space in the 64 bytes before the limit so that no word or
// number is split (at the last whole character when there is none), and
// adds a CodeTruncated note giving the cell's length and the bytes read;
// Text keeps the whole cell. No case-table cell is that long with
// meaningful content, and the cut bounds the work per cell: a 1 MB cell of
// any kind parses in a few milliseconds. Within the part read,
// MaxDoseSteps and MaxMeasurements still bound the steps and measurements
// kept. ParseSex and LookupAnalyte read the same prefix (they have no
// notes); SplitTreatment only splits, and reads the whole cell.
//
// Numbers. Every number is read by data.ScanNumber, the one number lexer
// of tresp (its rules are on it): read whole or refused, never partly
// read. A '-' or '−' directly before a number, at the start of the cell or
// after a space, is its minus sign ("-5", but "5-10" is a range). A cell
// holding a refused number ("1e400", "0x10", "1_000", "1.000,5", "4٥") or
// a negative one is not read at all: Status Unknown with a
// CodeNumberUnreadable or CodeNegative note, since no age, duration, dose,
// size or lab value tresp reads can be negative, and "-3 months" is not 91
// days. Plausibility: an age outside 0–MaxAgeYears (120) is not read; a
// duration above MaxDurationYears and a daily dose above its unit's bound
// in MaxDosePerDay (100 g/day, 10^7 IU/day, 10 L/day, …) are kept with a
// CodeImplausible note giving the value and the range. CheckDrugDose
// compares a daily dose in mg/day with the plausible maximum of its
// substance or ATC class (lexicon/doselimits.tsv, each row with its
// source) and gives a CodeDoseImplausible note above it.
//
// Words as data. The dose parser's route words, frequency words (fixed
// ones such as "bid", count words, period words, "every other") and dose
// unit words are read from lexicon/routes.tsv, frequencies.tsv and
// doseunits.tsv into a Lexicon; the grammar combining them is code.
// routes.tsv is also the drug vocabulary's list of routes (data/vocab
// reads it with DefaultLexiconFile). Lexicon.Extend adds a user's file;
// Lexicon.ParseDose and NewNormaliserWith read doses with the result.
//
// Cost. Every parser is linear in the length of the part it reads and
// never panics or returns an error. The lexer makes one pass into a pooled
// token slice sized so that it never grows, takes lower-case ASCII words as
// substrings of the cell (no allocation per token), and looks each word up
// once in the union of the parsers' word tables, so later per-token checks
// against a table the word is not in cost no map lookup. A Normaliser
// memoises results for large tables.
package units
