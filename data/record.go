package data

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/tresp/tresp/internal/textsafe"
)

// Lab is one laboratory value as found: from a wide column such as
// "Serum calcium (mg/dL)" or from the long-form analyte/value/unit columns.
type Lab struct {
	Analyte string `json:"analyte"`
	Value   string `json:"value"`
	Unit    string `json:"unit"`
	Column  string `json:"column"`
}

// Record is one input row mapped onto canonical fields, still as text.
//
// A row fills a handful of the NumFields fields, so a record keeps only the
// non-empty ones (104 bytes and 16 a filled field, about 280 for a row of
// ten cells, instead of 712):
// read them with Get, change them with Set.
type Record struct {
	File string
	Line int
	// Filled has bit f set for each field f with a non-empty value, and
	// Texts holds those values in field order.
	Filled uint64
	Texts  []string
	Labs   []Lab
	Extra  []string // aligned with Mapping.Extra
}

// Filled holds a bit per field.
var _ [64 - NumFields]struct{} // NumFields ≤ 64

// Get returns the text of field f ("" when empty).
func (r *Record) Get(f Field) string {
	bit := uint64(1) << f
	if r.Filled&bit == 0 {
		return ""
	}
	return r.Texts[bits.OnesCount64(r.Filled&(bit-1))]
}

// Set sets the text of field f. Copies of a record share its texts, so
// Set gives r texts of its own and leaves the copies as they were.
func (r *Record) Set(f Field, s string) {
	var v [NumFields]string
	r.values(&v)
	v[f] = s
	r.setValues(&v)
}

// values writes the text of every field into v.
func (r *Record) values(v *[NumFields]string) {
	i := 0
	for f := range NumFields {
		if r.Filled&(uint64(1)<<f) != 0 {
			v[f] = r.Texts[i]
			i++
		}
	}
}

// setValues makes v the texts of r, in texts of its own.
func (r *Record) setValues(v *[NumFields]string) {
	r.Filled, r.Texts = 0, nil
	n := 0
	for f := range v {
		if v[f] != "" {
			n++
		}
	}
	if n == 0 {
		return
	}
	r.Texts = make([]string, 0, n)
	for f := range v {
		if v[f] != "" {
			r.Filled |= uint64(1) << f
			r.Texts = append(r.Texts, v[f])
		}
	}
}

// Position returns "file:line".
func (r *Record) Position() string { return r.File + ":" + strconv.Itoa(r.Line) }

// Record maps the cells of one row, read at line, onto canonical fields. It
// returns the record and the row's problems; a row with an Error problem is
// to be quarantined.
func (m *Mapping) Record(line int, cells []string) (Record, []Problem) {
	r := Record{File: m.File, Line: line}
	var vals [NumFields]string // the record's texts until they are kept (setValues)
	var probs []Problem
	if len(cells) > len(m.Columns) {
		width := len(m.Columns) + m.Unnamed
		warned := false
		for i, c := range cells[len(m.Columns):] {
			if strings.TrimSpace(c) == "" {
				continue
			}
			if i < m.Unnamed {
				if warned {
					continue
				}
				warned = true
				probs = append(probs, Problem{Severity: Warning, File: m.File, Line: line, Code: "unnamed-cell", Value: Truncate(c, 60),
					Reason: fmt.Sprintf("column %d has no header (nor has any after column %d): its text is ignored", len(m.Columns)+i+1, len(m.Columns)),
					Hint:   "give the column a header to keep it"})
				continue // one warning per row; a cell past the header's width is still ragged
			}
			probs = append(probs, Problem{Severity: Error, File: m.File, Line: line, Code: "ragged-row",
				Reason: fmt.Sprintf("row has %d cells but the header has %d columns", len(cells), width),
				Hint:   "check for an unquoted delimiter in a cell, or add the missing header"})
			break
		}
		cells = cells[:len(m.Columns)]
	} else if len(cells) < len(m.Columns) {
		probs = append(probs, Problem{Severity: Warning, File: m.File, Line: line, Code: "short-row",
			Reason: fmt.Sprintf("row has %d cells but the header has %d columns: missing cells read as empty", len(cells), len(m.Columns))})
	}
	cell := func(i int) string {
		if i < len(cells) {
			return strings.TrimSpace(cells[i])
		}
		return ""
	}
	for i, col := range m.Columns {
		if i < len(cells) {
			if r, at, ok := textsafe.First(cells[i]); ok {
				probs = append(probs, Problem{Severity: Warning, File: m.File, Line: line, Column: col.Header,
					Value: textsafe.Visible(cells[i]), Code: "control-character",
					Reason: fmt.Sprintf("invisible control character %s at character %d of the cell (%d in all): it can make the text display differently from what is stored; shown as [%s] in report.html",
						textsafe.Name(r), at, textsafe.Count(cells[i]), textsafe.Name(r)),
					Hint: "delete the character in the source table"})
			}
		}
		v := cell(i)
		switch {
		case col.Field != FieldUnknown:
			vals[col.Field] = withHeaderUnit(v, col.Unit)
		case col.Lab != "" && v != "":
			r.Labs = append(r.Labs, Lab{Analyte: col.Lab, Value: v, Unit: col.Unit, Column: col.Header})
		}
	}
	for _, i := range m.Extra {
		r.Extra = append(r.Extra, cell(i))
	}
	if vals[FieldStudy] == "" && m.StudyFromFile != "" {
		vals[FieldStudy] = m.StudyFromFile
	}
	if v := vals[FieldLabAnalyte]; v != "" || vals[FieldLabValue] != "" {
		r.Labs = append(r.Labs, Lab{Analyte: v, Value: vals[FieldLabValue], Unit: vals[FieldLabUnit], Column: "lab_analyte"})
	}
	switch m.Kind {
	case StudyTable:
		probs = append(probs, m.checkStudyRow(&r, &vals)...)
	case LabTable:
		probs = append(probs, m.checkLabRow(&r, &vals)...)
	default:
		probs = append(probs, m.checkCaseRow(&r, &vals)...)
	}
	r.setValues(&vals)
	return r, probs
}

func (m *Mapping) header(f Field) string {
	if i := m.Index[f]; i >= 0 {
		return m.Columns[i].Header
	}
	return f.String()
}

func (m *Mapping) checkCaseRow(r *Record, v *[NumFields]string) []Problem {
	var probs []Problem
	bad := func(f Field, code, reason, hint string) {
		probs = append(probs, Problem{Severity: Error, File: r.File, Line: r.Line, Column: m.header(f),
			Value: v[f], Code: code, Reason: reason, Hint: hint})
	}
	if v[FieldStudy] == "" {
		bad(FieldStudy, "missing-study", "study is empty", "cite the source report, or use --study-from-filename")
	}
	if v[FieldCaseID] == "" {
		bad(FieldCaseID, "missing-case-id", "case_id is empty", "give every patient an identifier within its study")
	}
	if v[FieldTreatment] == "" && v[FieldDrug] == "" {
		f := FieldTreatment
		if m.Has(FieldDrug) {
			f = FieldDrug
		}
		bad(f, "missing-treatment", "no treatment or drug: the row cannot count towards any response rate",
			"name the drug or procedure, or remove the row")
	}
	if as := v[FieldAgeSex]; as != "" {
		age, sex := SplitAgeSex(as)
		if v[FieldAge] == "" {
			v[FieldAge] = age
		}
		if v[FieldSex] == "" {
			v[FieldSex] = sex
		}
	}
	if v[FieldOutcome] == "" && v[FieldSiteOutcome] == "" {
		probs = append(probs, Problem{Severity: Warning, File: r.File, Line: r.Line, Column: m.header(FieldOutcome),
			Code: "missing-outcome", Reason: "outcome is empty: counted as not evaluable",
			Hint: "write the authors' words, or \"not reported\""})
	}
	return probs
}

func (m *Mapping) checkLabRow(r *Record, v *[NumFields]string) []Problem {
	var probs []Problem
	for _, f := range []Field{FieldStudy, FieldCaseID, FieldLabAnalyte, FieldLabValue} {
		if v[f] == "" {
			probs = append(probs, Problem{Severity: Error, File: r.File, Line: r.Line, Column: m.header(f),
				Code: "missing-" + f.String(), Reason: f.String() + " is empty",
				Hint: "a lab row needs study, case_id, analyte and value"})
		}
	}
	return probs
}

func (m *Mapping) checkStudyRow(r *Record, v *[NumFields]string) []Problem {
	var probs []Problem
	bad := func(f Field, code, reason, hint string) {
		probs = append(probs, Problem{Severity: Error, File: r.File, Line: r.Line, Column: m.header(f),
			Value: v[f], Code: code, Reason: reason, Hint: hint})
	}
	if v[FieldStudy] == "" {
		bad(FieldStudy, "missing-study", "study is empty", "cite the source report")
	}
	if v[FieldDrug] == "" {
		bad(FieldDrug, "missing-drug", "drug is empty", "name the drug these counts are for")
	}
	counts := map[Field]int{}
	for _, f := range []Field{FieldTreated, FieldResponders, FieldNotEvaluable, FieldComplete, FieldPartial, FieldMinimal, FieldNone, FieldProgression, FieldUnclassified} {
		text := v[f]
		if text == "" {
			if f == FieldTreated || f == FieldResponders {
				bad(f, "missing-count", f.String()+" is empty", "give the count reported by the study")
			}
			continue
		}
		n, err := ParseCount(text)
		if err != nil {
			bad(f, "bad-count", f.String()+" "+err.Error(), "write the count as a whole number of patients, in digits")
			continue
		}
		counts[f] = n
	}
	if len(probs) > 0 {
		return probs
	}
	treated := counts[FieldTreated]
	if counts[FieldResponders]+counts[FieldNotEvaluable] > treated {
		bad(FieldResponders, "counts-exceed-treated",
			fmt.Sprintf("responders (%d) + not_evaluable (%d) exceed treated (%d)", counts[FieldResponders], counts[FieldNotEvaluable], treated),
			"check the counts against the paper")
	}
	sum, any := 0, false
	for _, f := range []Field{FieldComplete, FieldPartial, FieldMinimal, FieldNone, FieldProgression} {
		if n, ok := counts[f]; ok {
			sum += n
			any = true
		}
	}
	if any && sum+counts[FieldNotEvaluable] != treated {
		bad(FieldTreated, "category-sum",
			fmt.Sprintf("outcome categories (%d) + not_evaluable (%d) do not add up to treated (%d)", sum, counts[FieldNotEvaluable], treated),
			"give every outcome category, or none of them")
	}
	return probs
}

// SplitAgeSex splits a combined cell such as "45/F", "45 F", "F/45" or
// "69 years male" into its age and sex parts. A part it cannot find is "".
func SplitAgeSex(s string) (age, sex string) {
	// '-' separates ("45-F") except as the minus sign of a number ("-5/F"),
	// which the age parser must see to refuse it.
	fields := strings.FieldsFunc(minusToSpace(s), func(r rune) bool { return r == '/' || r == ',' || r == ';' || r == ' ' })
	var ageParts []string
	for _, f := range fields {
		switch strings.ToLower(f) {
		case "f", "female", "woman", "girl":
			if sex == "" {
				sex = "F"
				continue
			}
		case "m", "male", "man", "boy":
			if sex == "" {
				sex = "M"
				continue
			}
		}
		ageParts = append(ageParts, f)
	}
	return strings.Join(ageParts, " "), sex
}

// minusToSpace replaces every '-' of s by a space except one that starts
// a number: at the start or after a space or '/', and before a digit.
func minusToSpace(s string) string {
	if strings.IndexByte(s, '-') < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c != '-' {
			continue
		}
		sign := (i == 0 || b[i-1] == ' ' || b[i-1] == '/') && i+1 < len(b) && isDigit(b[i+1])
		if !sign {
			b[i] = ' '
		}
	}
	return string(b)
}
