package normalise

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
)

// bsaM2 reads a body-surface-area cell ("1.8", "1.8 m2", "1.8 m²"), or, without one,
// computes the Mosteller BSA √(height cm × weight kg / 3600) from the height ("165",
// "165 cm", "1.65 m") and weight cells; 0 when neither is usable.
func bsaM2(bsa, height, weight string) float64 {
	if strings.TrimSpace(bsa) == "" && (strings.TrimSpace(height) == "" || strings.TrimSpace(weight) == "") {
		return 0 // most rows: nothing to read, and no parse errors to allocate
	}
	s := strings.ToLower(strings.TrimSpace(bsa))
	for _, u := range []string{"m²", "m2", "sqm", "m^2"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, u))
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0.1 && v < 4 {
		return v
	}
	w := weightKg(weight)
	h := strings.ToLower(strings.TrimSpace(height))
	scale := 1.0
	switch {
	case strings.HasSuffix(h, "cm"):
		h = strings.TrimSuffix(h, "cm")
	case strings.HasSuffix(h, "m"):
		h, scale = strings.TrimSuffix(h, "m"), 100
	}
	hv, err := strconv.ParseFloat(strings.TrimSpace(h), 64)
	if err != nil || !(hv > 0) || w == 0 {
		return 0
	}
	hv *= scale
	if hv < 3 {
		hv *= 100 // "1.65": metres
	}
	if hv < 30 || hv > 250 {
		return 0
	}
	return math.Sqrt(hv * w / 3600)
}

// weightKg reads a body-weight cell ("70", "62 kg", "62.5kg", "140 lb")
// in kg; 0 when it is empty or not a weight, so that a weight-based dose
// stays per kg with its status.
func weightKg(s string) float64 {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0 // most rows: no weight, and no parse error to allocate
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	w, err := strconv.ParseFloat(s[:i], 64)
	if err != nil || !(w > 0) {
		return 0
	}
	switch strings.TrimSpace(s[i:]) {
	case "", "kg", "kgs", "kilograms", "kilogram":
	case "lb", "lbs", "pounds", "pound":
		w *= 0.45359237
	default:
		return 0
	}
	if w > 500 {
		return 0
	}
	return w
}

// The readings of empty cells, shared by every course without the value
// (read-only, as every reading of a course).
var (
	noAge  = &units.Age{Years: math.NaN(), MinYears: math.NaN(), MaxYears: math.NaN()}
	noSize = func() *units.Size { s := units.ParseSize(""); return &s }()
	noTerm = &vocab.Match{}
)

// patient fills the per-patient fields shared by every course of a row.
// patient reads the patient's values into c and returns the text the
// outcome is read from (the outcome or the site-outcome cell).
func (n *normaliser) patient(r *data.Record, c *cohort.Course, extraLabs []data.Lab) string {
	v := r.Get
	if v(data.FieldAge) != "" {
		text := v(data.FieldAge)
		if as := v(data.FieldAgeSex); as != "" {
			if a, _ := data.SplitAgeSex(as); a == text {
				text = as // "45/F" is the age-sex notation: years, no assumed unit
			}
		}
		c.Age = n.units.SharedAge(text)
		n.notes(r, data.FieldAge, text, c.Age.Notes)
	} else {
		c.Age = noAge
	}
	c.Sex = units.ParseSex(v(data.FieldSex))
	if c.Sex == units.SexUnknown {
		c.Sex = c.Age.Sex
	}
	c.Disease = noTerm
	if v(data.FieldDisease) != "" {
		c.Disease, c.DiseaseAdjudicated = n.termDecision(r, c.CaseID, data.FieldDisease, fieldDisease, n.voc.Disease(v(data.FieldDisease)), n.voc.Disease)
	}
	if v(data.FieldSubtype) != "" {
		c.Subtypes = n.voc.Subtype("", v(data.FieldSubtype))
		if len(c.Subtypes) == 0 {
			n.term(r, data.FieldSubtype, vocab.Match{Term: v(data.FieldSubtype)})
		}
	}
	if v(data.FieldLesionSize) != "" {
		c.Size = n.units.SharedSize(v(data.FieldLesionSize))
		n.notes(r, data.FieldLesionSize, v(data.FieldLesionSize), c.Size.Notes)
	} else {
		c.Size = noSize
	}
	age := c.Age.Years
	dur := func(f data.Field) *units.Duration {
		t := v(f)
		d := n.units.SharedDurationAge(t, age)
		if t != "" {
			n.notes(r, f, t, d.Notes)
		}
		return d
	}
	c.DiseaseDu = dur(data.FieldDiseaseDuration)
	c.CondDu = dur(data.FieldConditionDuration)
	c.TreatDu = dur(data.FieldTreatmentDuration)
	c.TimeToRsp = dur(data.FieldTimeToResponse)
	c.FollowUp = dur(data.FieldFollowUp)
	c.OutcomeText = v(data.FieldOutcome)
	text := c.OutcomeText
	if so := v(data.FieldSiteOutcome); so != "" {
		if text == "" {
			c.OutcomeText = so
		}
		text = so
	}
	for _, l := range append(append([]data.Lab(nil), r.Labs...), extraLabs...) {
		a := units.LookupAnalyte(l.Analyte)
		if a == units.AnalyteUnknown {
			a = units.LookupAnalyte(l.Column)
		}
		text := strings.TrimSpace(l.Value + " " + l.Unit)
		lab := n.units.LabFor(a, text)
		n.notes(r, data.FieldLabValue, text, lab.Notes)
		c.Labs = append(c.Labs, lab)
	}
	return text // read in cases, once the course's treatments are known
}

// outcome applies the decision about the outcome text of a course, if
// any; else it warns about an unclassified or low-confidence reading and
// lists it in review.csv. An empty text is "not reported", not a reading.
func (n *normaliser) outcome(r *data.Record, c *cohort.Course, text string) {
	o := c.Outcome
	if text == "" {
		return
	}
	needs := o.Category == vocab.Unclassified || o.Confidence != vocab.ConfidenceHigh
	rule := o.Evidence.Rule
	if rule == "" {
		rule = o.Rule
	}
	if o.NotAttributable && rule == "" {
		rule = "other patients: the text reports several patients"
	}
	item := func() ReviewItem { // built only for rows that go to review.csv
		proposed := o.Category
		if o.Confidence == vocab.ConfidenceLow {
			proposed = o.Proposed
		}
		return ReviewItem{Proposed: proposed.String(), Confidence: o.Confidence.String(), Rule: rule, Evidence: formatOutcomeEvidence(o.Evidence),
			several: o.NotAttributable}
	}
	if d := n.decide(r, c.CaseID, fieldOutcome, text); d != nil {
		it := item()
		c.OutcomeAdjudicated, c.Decided = true, d.category
		it.Decision = d.category.String()
		n.review(r, c.CaseID, fieldOutcome, text, it)
		return
	}
	if o.NotAttributable {
		// "2 of 3 patients improved" in one patient's row: the analysis counts it from the
		// study's study-level row, or as not evaluable where there is none; in the latter
		// case review.csv lists it, so that a person decides this patient's outcome
		n.review(r, c.CaseID, fieldOutcome, text, item())
		return
	}
	if len(o.Spelling) > 0 {
		// "improvment" read as improvement: counted as read, and listed for a person to check,
		// as a misspelt drug name is
		n.warn(r, data.FieldOutcome, text, "fuzzy-match", "read "+spellings(o.Spelling),
			"correct the spelling, or correct the reading in the decision column of review.csv")
		needs = true
	}
	switch {
	case o.Confidence == vocab.ConfidenceLow:
		n.warn(r, data.FieldOutcome, text, "low-confidence-outcome",
			fmt.Sprintf("read as %q with low confidence (rule %q): left out of numerator and denominator until confirmed in review.csv", o.Proposed, rule),
			"confirm or correct it in the decision column of review.csv and rerun with --decisions review.csv")
	case o.Category == vocab.Unclassified:
		hint := "fill its decision column and rerun with --decisions review.csv, or extend outcomes.tsv"
		if sheetCode(text) {
			hint = "a code only the table's legend defines: give the legend as an outcomes file with role cell (docs/vocabulary.md, \"A sheet's own outcome grades\"), or decide it in review.csv"
		}
		n.warn(r, data.FieldOutcome, text, "unclassified-outcome",
			"the outcome could not be classified: left out of numerator and denominator until decided in review.csv", hint)
		n.vocabEntry(r, data.FieldOutcome, vocab.Match{Term: text}, "unknown")
	}
	if needs {
		n.review(r, c.CaseID, fieldOutcome, text, item())
	}
}

// spellings lists spelling fixes as "\"improvment\" as \"improvement\", …".
func spellings(fixes []vocab.SpellingFix) string {
	parts := make([]string, len(fixes))
	for i, f := range fixes {
		parts[i] = fmt.Sprintf("%q as %q", f.Written, f.ReadAs)
	}
	return strings.Join(parts, ", ")
}

// sheetCode reports whether an outcome cell looks like a table's own code ("R", "NR", "MCR",
// "Y/N", "D†", "NRa"): at most four capital letters, perhaps joined by a slash, and a
// footnote mark or one footnote letter.
func sheetCode(text string) bool {
	text = strings.TrimRight(text, "†‡*§¶#")
	if n := len(text); n >= 2 && text[n-1] >= 'a' && text[n-1] <= 'c' && text[n-2] >= 'A' && text[n-2] <= 'Z' {
		text = text[:n-1] // one footnote letter after the code ("NRa")
	}
	letters := 0
	for _, r := range text {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '/' || r == ' ':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 4
}
