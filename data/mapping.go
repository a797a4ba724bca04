package data

import (
	"fmt"
	"sort"
	"strings"
)

// Kind tells a case table from a study-level count table.
type Kind int

// Table kinds.
const (
	// CaseTable has one row per patient or per patient × treatment course.
	CaseTable Kind = iota
	// StudyTable has one row per study × drug with aggregate counts.
	StudyTable
	// LabTable has one row per laboratory value of a patient, in long form
	// (study, case_id, lab_analyte, lab_value, lab_unit).
	LabTable
)

// String returns "cases" or "studies".
func (k Kind) String() string {
	switch k {
	case StudyTable:
		return "studies"
	case LabTable:
		return "labs"
	}
	return "cases"
}

// Column says what one input column holds.
type Column struct {
	Header string // as in the file
	Field  Field  // FieldUnknown for extra and lab columns
	Unit   string // unit split off the header, "" if none
	Lab    string // canonical analyte for a wide lab column
	How    string // "name", "alias", "config", "lab", "unknown"
}

// Mapping is the column layout of one input file.
type Mapping struct {
	File    string
	Kind    Kind
	Columns []Column
	// Index gives the column holding each field, or -1.
	Index [NumFields]int
	// Extra lists the indices of columns mapped to no field, in file order.
	Extra []int
	// StudyFromFile is the study name taken from the file name when the
	// table has no study column, "" otherwise.
	StudyFromFile string
	// Unnamed counts the columns without a header after the last named
	// one: they are not in Columns, and a cell with text in them is a
	// warning (unnamed-cell), not carried through.
	Unnamed int
}

// MaxColumns is the most columns a table may have, after the columns
// without a header at its end are dropped: Excel's limit. A wider header
// is refused (too-many-columns) before any row is read.
const MaxColumns = 16384

// Has reports whether the mapping has a column for f.
func (m *Mapping) Has(f Field) bool { return m.Index[f] >= 0 }

// ExtraHeaders returns the headers of the extra columns in file order.
func (m *Mapping) ExtraHeaders() []string {
	h := make([]string, len(m.Extra))
	for i, c := range m.Extra {
		h[i] = m.Columns[c].Header
	}
	return h
}

// MapOptions adjusts header mapping.
type MapOptions struct {
	// Explicit maps a header (compared as NormalizeHeader does) to a field
	// name or alias, or to "lab:ANALYTE" for a wide lab column, or to
	// "extra" to carry a column through without a warning.
	Explicit map[string]string
	// StudyFromFileName fills the study of every row from the file name
	// when the table has no study column.
	StudyFromFileName bool
}

// NewMapping maps the headers of file onto canonical fields. It returns a
// fatal *InputError when the headers cannot form a table (none, a duplicate
// field, an explicit mapping naming no field) and the Info and Warning
// problems of the mapping: unknown columns are carried through and
// reported.
func NewMapping(file string, headers []string, opt MapOptions) (*Mapping, []Problem, error) {
	m := &Mapping{File: file}
	for i := range m.Index {
		m.Index[i] = -1
	}
	explicit := map[string]string{}
	for k, v := range opt.Explicit {
		explicit[NormalizeHeader(k)] = v
	}
	var probs []Problem
	headers, m.Unnamed = trimUnnamed(headers)
	if m.Unnamed > 0 {
		probs = append(probs, Problem{Severity: Info, File: file, Code: "unnamed-columns",
			Reason: fmt.Sprintf("%d columns after the last named one (column %d) have no header: ignored", m.Unnamed, len(headers)),
			Hint:   "name a column if it holds data; a cell with text in these columns is reported (unnamed-cell)"})
	}
	if len(headers) > MaxColumns {
		return nil, nil, NewInputError(file, "too-many-columns",
			fmt.Sprintf("the header has %d named columns, more than %d (Excel's limit)", len(headers), MaxColumns),
			"check that the first row is the header, and that the file is a case table")
	}
	nonEmpty := 0
	// A bare "Duration" beside a treatment column is the treatment's
	// duration: look ahead for both.
	hasTreatment, hasTreatDur := treatmentColumns(headers, explicit)
	for i, h := range headers {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		col := Column{Header: h}
		name, unit := SplitHeaderUnit(h)
		key := NormalizeHeader(h)
		keyName := NormalizeHeader(name)
		if key != "" {
			nonEmpty++
		}
		if target, ok := explicit[key]; ok {
			switch {
			case strings.EqualFold(target, "extra"):
				col.How = "config"
			case strings.HasPrefix(strings.ToLower(target), "lab:"):
				col.Lab, col.Unit, col.How = strings.TrimSpace(target[4:]), unit, "config"
			default:
				f, ok := FieldByName(target)
				if !ok {
					return nil, nil, NewInputError(file, "mapping-unknown-field",
						fmt.Sprintf("column mapping %q → %q names no field", h, target),
						"use a field name from docs/schema.md, \"lab:ANALYTE\" or \"extra\"")
				}
				col.Field, col.Unit, col.How = f, unit, "config"
			}
		} else if f, ok := aliasIndex[key]; ok {
			col.Field, col.How = f, howOf(f, key)
			if unitField[f] {
				col.Unit = unit
			}
		} else if f, ok := aliasIndex[keyName]; ok && unit != "" {
			col.Field, col.Unit, col.How = f, unit, howOf(f, keyName)
		} else if bareDuration[keyName] && hasTreatment && !hasTreatDur {
			col.Field, col.Unit, col.How = FieldTreatmentDuration, unit, "beside-treatment"
			hasTreatDur = true
			probs = append(probs, Problem{Severity: Info, File: file, Column: h, Code: "duration-is-treatment-duration",
				Reason: "a bare duration column beside the treatment column: read as the treatment's duration (treatment_duration)",
				Hint:   "map it with --map '" + h + "=FIELD' if it is another duration (disease_duration, condition_duration, follow_up)"})
		} else if a, ok := LabAnalyte(keyName); ok {
			col.Lab, col.Unit, col.How = a, unit, "lab"
		} else {
			col.How = "unknown"
		}
		if col.Field != FieldUnknown && col.Unit != "" && unitField[col.Field] {
			probs = append(probs, Problem{Severity: Info, File: file, Column: h, Value: col.Unit, Code: "header-unit",
				Reason: fmt.Sprintf("the unit %q in the header is applied to every cell that is a bare number", col.Unit)})
		}
		if col.Field != FieldUnknown {
			if prev := m.Index[col.Field]; prev >= 0 {
				return nil, nil, NewInputError(file, "duplicate-field",
					fmt.Sprintf("columns %q and %q both map to field %s", m.Columns[prev].Header, h, col.Field),
					"rename one of them or map it explicitly with --map")
			}
			m.Index[col.Field] = i
		} else if col.Lab == "" {
			m.Extra = append(m.Extra, i)
			if col.How == "unknown" {
				p := Problem{Severity: Warning, File: file, Column: h, Code: "unknown-column",
					Reason: "column matches no field: carried through as an extra column",
					Hint:   "map it with --map HEADER=FIELD if it holds a known field"}
				if key == "" {
					p.Reason = fmt.Sprintf("column %d has no header: carried through as an extra column", i+1)
				}
				probs = append(probs, p)
			}
		}
		m.Columns = append(m.Columns, col)
	}
	if nonEmpty == 0 {
		return nil, nil, NewInputError(file, "no-header", "no column headers found",
			"the first row must name the columns (see docs/schema.md)")
	}
	if m.Has(FieldTreated) && m.Has(FieldResponders) && !m.Has(FieldCaseID) {
		m.Kind = StudyTable
	} else if m.Has(FieldLabAnalyte) && m.Has(FieldLabValue) && !m.Has(FieldTreatment) && !m.Has(FieldDrug) {
		m.Kind = LabTable
	}
	if err := m.checkKeyColumns(); err != nil {
		return nil, nil, err
	}
	if !m.Has(FieldStudy) && opt.StudyFromFileName {
		m.StudyFromFile = studyFromFileName(file)
	}
	return m, probs, nil
}

// treatmentColumns looks ahead in the headers for a treatment (or drug)
// column and a treatment duration column, naming them by alias or by an
// explicit mapping (keys normalised).
func treatmentColumns(headers []string, explicit map[string]string) (hasTreatment, hasTreatDur bool) {
	for _, h := range headers {
		name, _ := SplitHeaderUnit(strings.TrimSpace(h))
		for _, k := range []string{NormalizeHeader(h), NormalizeHeader(name)} {
			f, ok := aliasIndex[k]
			if t, isExplicit := explicit[k]; isExplicit {
				f, ok = FieldByName(t)
			}
			switch {
			case !ok:
			case f == FieldTreatment || f == FieldDrug:
				hasTreatment = true
			case f == FieldTreatmentDuration:
				hasTreatDur = true
			}
		}
	}
	return hasTreatment, hasTreatDur
}

// trimUnnamed drops the columns without a header at the end of the header
// row (trailing delimiters, a sheet's formatted but empty columns), so that a
// header of a million empty names costs nothing per row, and returns how many
// it dropped. A row of no named header at all is kept whole.
func trimUnnamed(headers []string) ([]string, int) {
	named := len(headers)
	for named > 0 && strings.TrimSpace(strings.TrimPrefix(headers[named-1], "\ufeff")) == "" {
		named--
	}
	if named < len(headers) && named > 0 {
		return headers[:named], len(headers) - named
	}
	return headers, 0
}

// unitField marks the fields whose header unit ("Follow-up (months)",
// "Age (years)", "Dose (mg)") is given to a cell holding a bare number.
var unitField = map[Field]bool{
	FieldAge: true, FieldWeight: true, FieldHeight: true, FieldBSA: true, FieldLesionSize: true, FieldDiseaseDuration: true, FieldConditionDuration: true,
	FieldTreatmentDuration: true, FieldTimeToResponse: true, FieldFollowUp: true, FieldDose: true,
}

// bareDuration are the headers (normalised) of a duration column that
// names no duration: beside a treatment column, the treatment's.
var bareDuration = map[string]bool{"duration": true, "length": true, "durationtime": true, "for": true}

// withHeaderUnit returns v with the column's header unit appended when v
// is a bare number or range ("12", "2-3", "1.5"): "12" in "Follow-up
// (months)" is "12 months".
func withHeaderUnit(v, unit string) string {
	if unit == "" || !isBareNumber(v) {
		return v
	}
	return v + " " + unit
}

func isBareNumber(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	digits := false
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r == '.' || r == ',' || r == '-' || r == '–' || r == ' ' || r == '~':
		default:
			return false
		}
	}
	return digits
}

// keyFields are the columns a case table cannot do without: each entry is
// satisfied by any of its fields.
var keyFields = [][]Field{{FieldCaseID}, {FieldTreatment, FieldDrug}, {FieldOutcome, FieldSiteOutcome}}

// checkKeyColumns returns a fatal *InputError when a case table lacks a
// key column (case id, treatment, outcome), naming headers that look like
// a misspelling of it: a table without its outcome column would otherwise
// give 0 % response in every table.
func (m *Mapping) checkKeyColumns() error {
	if m.Kind != CaseTable {
		return nil
	}
	var missing []string
	var near []string
	for _, fs := range keyFields {
		found := false
		for _, f := range fs {
			found = found || m.Has(f)
		}
		if found {
			continue
		}
		missing = append(missing, fs[0].String())
		for _, i := range m.Extra {
			c := m.Columns[i]
			if c.How != "unknown" {
				continue
			}
			for _, f := range fs {
				if nearMiss(c.Header, f) {
					near = append(near, fmt.Sprintf("%q → %s", c.Header, f))
					break
				}
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	reason := "no " + strings.Join(missing, ", no ") + " column: a case table needs case_id, treatment (or drug) and outcome columns"
	hint := "rename the column or map it with --map 'HEADER=FIELD' (headers found: " + strings.Join(quoteAll(m.Headers()), ", ") + ")"
	if len(near) > 0 {
		hint = "did you mean " + strings.Join(near, ", ") + "? Rename the column or map it with --map 'HEADER=FIELD'"
	}
	e := NewInputError(m.File, "missing-key-column", reason, hint)
	return e
}

func quoteAll(s []string) []string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return q
}

// nearMiss reports whether header looks like a misspelling of one of f's
// names: within an edit distance of about a quarter of its length, or a
// prefix of at least four letters ("Outcom", "Treatm").
func nearMiss(header string, f Field) bool {
	name, _ := SplitHeaderUnit(header)
	h := NormalizeHeader(name)
	if h == "" {
		return false
	}
	s := f.Spec()
	for _, a := range append([]string{s.Name}, s.Aliases...) {
		k := NormalizeHeader(a)
		if len(k) < 3 {
			continue
		}
		if len(h) >= 4 && (strings.HasPrefix(k, h) || strings.HasPrefix(h, k)) {
			return true
		}
		if editDistance(h, k) <= max(1, len(k)/4) {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func howOf(f Field, key string) string {
	if NormalizeHeader(f.String()) == key {
		return "name"
	}
	return "alias"
}

// studyFromFileName turns "cases/thakur_2017.csv" into "thakur_2017".
func studyFromFileName(file string) string {
	base := file
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

// labAliases maps normalised wide-column header names to canonical
// analytes. The units package owns conversion; this list only recognises
// columns.
var labAliases = map[string]string{
	"calcium": "calcium", "serumcalcium": "calcium", "ca": "calcium", "totalcalcium": "calcium", "scalcium": "calcium",
	"phosphate": "phosphate", "phosphorus": "phosphate", "serumphosphate": "phosphate", "serumphosphorus": "phosphate", "po4": "phosphate", "phos": "phosphate",
	"vitamind": "vitamin_d_25oh", "25ohvitamind": "vitamin_d_25oh", "25ohd": "vitamin_d_25oh", "25hydroxyvitamind": "vitamin_d_25oh", "serum25hydroxyvitamind": "vitamin_d_25oh", "25ohvitd": "vitamin_d_25oh",
	"pth": "pth", "parathormone": "pth", "parathyroidhormone": "pth", "ipth": "pth", "intactpth": "pth",
	"alp": "alp", "alkalinephosphatase": "alp", "serumalkalinephosphatase": "alp",
	"urinecalcium": "urine_calcium_24h", "24hurinecalcium": "urine_calcium_24h", "24hoururinarycalcium": "urine_calcium_24h", "24hoururinecalcium": "urine_calcium_24h", "urinarycalcium": "urine_calcium_24h", "24hurinarycalcium": "urine_calcium_24h",
}

// LabAnalyte returns the canonical analyte for a normalised header name.
func LabAnalyte(normalized string) (string, bool) {
	a, ok := labAliases[normalized]
	return a, ok
}

// LabAnalytes returns the canonical analytes recognised as wide columns,
// sorted.
func LabAnalytes() []string {
	seen := map[string]bool{}
	for _, a := range labAliases {
		seen[a] = true
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// Headers returns every header of the file in file order.
func (m *Mapping) Headers() []string {
	h := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		h[i] = c.Header
	}
	return h
}
