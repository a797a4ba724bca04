package data

import (
	"strings"
	"unicode"
)

// Field is a canonical column of a case table or of a study-level table.
type Field int

// The canonical fields. The order is the column order of tresp's outputs.
const (
	FieldUnknown Field = iota
	FieldStudy
	FieldCaseID
	FieldAge
	FieldSex
	FieldAgeSex
	FieldWeight
	FieldHeight
	FieldBSA
	FieldDisease
	FieldSubtype
	FieldSites
	FieldLesionSize
	FieldDiseaseDuration
	FieldConditionDuration
	FieldTreatment
	FieldDrug
	FieldDose
	FieldFrequency
	FieldRoute
	FieldTreatmentDuration
	FieldTimeToResponse
	FieldOutcome
	FieldSiteOutcome
	FieldFollowUp
	FieldConcomitant
	FieldLabAnalyte
	FieldLabValue
	FieldLabUnit
	FieldNotes
	// Study-level table fields.
	FieldTreated
	FieldResponders
	FieldNotEvaluable
	FieldComplete
	FieldPartial
	FieldMinimal
	FieldNone
	FieldProgression
	FieldUnclassified
	FieldResponseDefinition
	numFields
)

// NumFields is the number of canonical fields, FieldUnknown included; it
// sizes arrays indexed by Field.
const NumFields = int(numFields)

// FieldSpec documents one canonical field: its output name, value type,
// meaning, examples and the header aliases that map onto it.
type FieldSpec struct {
	Field    Field
	Name     string   // output column name, snake_case
	Type     string   // value type after normalisation
	Meaning  string   // one sentence
	Examples []string // typical cell texts
	Aliases  []string // accepted headers besides Name
	Level    Level    // which table the field belongs to
}

// Level says whether a field belongs to the case table, the study-level
// table or both.
type Level int

// Levels of a field.
const (
	LevelCase Level = 1 << iota
	LevelStudy
	LevelBoth = LevelCase | LevelStudy
)

// Specs lists every canonical field in output order. docs/schema.md is
// generated from it (see TestSchemaDoc).
var Specs = []FieldSpec{
	{FieldStudy, "study", "text", "Source citation of the case report or series; taken from the file name when the column is absent.",
		[]string{"Thakur 2017, Calcinosis cutis: case series of five patients"},
		[]string{"source", "reference", "citation", "paper", "author", "author year", "publication", "ref", "study id"}, LevelBoth},
	{FieldCaseID, "case_id", "text", "Identifier of the patient within the study.",
		[]string{"1", "Case 3", "P2"},
		[]string{"case", "case no", "case number", "pt", "pt no", "patient", "patient id", "patient no", "id", "subject", "subject id"}, LevelCase},
	{FieldAge, "age", "years", "Age at presentation.", []string{"69 years", "14 y", "18 months"},
		[]string{"age years", "age yrs", "age at presentation", "age at diagnosis"}, LevelCase},
	{FieldSex, "sex", "F | M", "Sex of the patient.", []string{"F", "female", "M"},
		[]string{"gender"}, LevelCase},
	{FieldAgeSex, "age_sex", "years + sex", "Combined age and sex cell, split into age and sex.", []string{"45/F", "69 M"},
		[]string{"age/sex", "age sex", "age gender", "sex age", "age and sex"}, LevelCase},
	{FieldWeight, "weight", "kg", "Body weight, which turns a weight-based dose (mg/kg) into mg.", []string{"70", "62 kg", "140 lb"},
		[]string{"body weight", "weight kg", "wt", "bw"}, LevelCase},
	{FieldHeight, "height", "cm", "Body height; with the weight it gives the body surface area (Mosteller) for doses per m².", []string{"165", "165 cm", "1.65 m"},
		[]string{"body height", "height cm", "ht", "stature"}, LevelCase},
	{FieldBSA, "bsa", "m²", "Body surface area, which turns a dose per m² into mg.", []string{"1.7", "1.82 m2"},
		[]string{"body surface area", "bsa m2", "surface area"}, LevelCase},
	{FieldDisease, "disease", "vocabulary term", "Primary (underlying) diagnosis.",
		[]string{"Dermatomyositis", "diffuse cutaneous SSc", "MCTD"},
		[]string{"underlying disease", "diagnosis", "dx", "primary diagnosis", "diagnoses", "disease name", "condition", "underlying diagnosis", "associated disease", "underlying condition", "ctd", "connective tissue disease", "indication",
			"disease / comorbidities", "disease and comorbidities", "diagnosis / comorbidities", "diagnosis and comorbidities", "diseases", "disease comorbidity", "dx / comorbidities"}, LevelBoth},
	{FieldSubtype, "subtype", "vocabulary term", "Subtype of the treated condition.", []string{"dystrophic", "idiopathic"},
		[]string{"condition subtype", "type", "calcinosis type", "condition type", "category", "classification"}, LevelCase},
	{FieldSites, "sites", "text", "Lesion sites.", []string{"lower back, thighs", "both knees"},
		[]string{"site", "lesion sites", "lesion site", "location", "locations", "distribution", "sites involved"}, LevelCase},
	{FieldLesionSize, "lesion_size", "cm", "Lesion size; largest diameter and area after normalisation.", []string{"1*1cm to 5*5 cm", "10x7 cm"},
		[]string{"size", "lesion size", "size of lesions", "size of lesion"}, LevelCase},
	{FieldDiseaseDuration, "disease_duration", "days", "Duration of the underlying disease at presentation.", []string{"one and half years", "since 10 years of age"},
		[]string{"duration of disease", "duration of illness", "disease duration years", "ctd duration"}, LevelCase},
	{FieldConditionDuration, "condition_duration", "days", "Duration of the treated condition (the lesions) at presentation.", []string{"2 months", "for past 6 years"},
		[]string{"lesion duration", "duration of lesions", "duration of calcinosis", "duration of condition"}, LevelCase},
	{FieldTreatment, "treatment", "drugs + doses", "Treatment cell: one or more drugs or procedures, each with dose text.", []string{"Diltiazem 60 mg TDS + risedronate 35 mg weekly"},
		[]string{"therapy", "therapies", "rx", "tx", "treatment regimen", "treatments", "regimen", "drugs", "medication", "medications", "intervention", "interventions", "treatment given"}, LevelCase},
	{FieldDrug, "drug", "vocabulary term", "One drug or procedure (patient × drug layout, and study-level table).", []string{"diltiazem", "risedronate"},
		[]string{"agent", "drug name", "medicine", "molecule"}, LevelBoth},
	{FieldDose, "dose", "mg/day", "Dose text of the drug, possibly with changes.", []string{"60mg thrice a day, increased to 90mg"},
		[]string{"dosage", "dose regimen", "dosing", "sessions/dose", "dose/sessions", "sessions", "dose/schedule"}, LevelCase},
	{FieldFrequency, "frequency", "per day", "Dosing frequency when kept apart from the dose.", []string{"TDS", "weekly"},
		[]string{"freq", "dosing frequency", "schedule", "dosing schedule", "interval"}, LevelCase},
	{FieldRoute, "route", "vocabulary term", "Route of administration.", []string{"oral", "IV", "intralesional"},
		[]string{"route of administration", "roa"}, LevelCase},
	{FieldTreatmentDuration, "treatment_duration", "days", "Time on treatment.", []string{"5 years", "16 weeks"},
		[]string{"duration of treatment", "therapy duration", "duration of therapy", "treatment length", "rx duration", "tx duration", "duration of rx", "course duration", "course length"}, LevelCase},
	{FieldTimeToResponse, "time_to_response", "days", "Time from start of treatment to first response.", []string{"4 months"},
		[]string{"response time", "time to improvement", "time to first response"}, LevelCase},
	{FieldOutcome, "outcome", "ordinal scale", "Outcome in the authors' words.", []string{"marked improvement", "lost to followup"},
		[]string{"response", "outcomes", "result", "results", "responses", "outcome response", "response to treatment", "treatment response", "clinical outcome"}, LevelCase},
	{FieldSiteOutcome, "site_outcome", "site: outcome; …", "Outcome per lesion site, rolled up to one patient outcome.", []string{"thigh: responded well; sacrum: poor response"},
		[]string{"outcome by site", "site outcomes", "outcome per site", "site level outcome"}, LevelCase},
	{FieldFollowUp, "follow_up", "days", "Time from start of treatment to last follow-up.", []string{"5 years", "16 weeks"},
		[]string{"follow up", "followup duration", "fu", "follow up duration", "follow up period", "last follow up", "duration of follow up"}, LevelCase},
	{FieldConcomitant, "concomitant", "text", "Background therapy not given for the treated condition: carried through, not analysed.", []string{"oral steroids and azathioprine for dermatomyositis"},
		[]string{"concomitant therapy", "concomitant medication", "background therapy", "other treatment", "co medication"}, LevelCase},
	{FieldLabAnalyte, "lab_analyte", "text", "Long-form laboratory analyte name.", []string{"serum calcium"},
		[]string{"analyte", "lab test", "laboratory test", "lab"}, LevelCase},
	{FieldLabValue, "lab_value", "number", "Long-form laboratory value.", []string{"8.5"},
		[]string{"lab result", "value"}, LevelCase},
	{FieldLabUnit, "lab_unit", "unit", "Long-form laboratory unit.", []string{"mg/dL"},
		[]string{"unit", "units"}, LevelCase},
	{FieldNotes, "notes", "text", "Free notes, such as the sentence an outcome was taken from.", []string{"\"there was marked improvement\""},
		[]string{"note", "comments", "comment", "remarks", "quote", "source quote", "source sentence"}, LevelBoth},
	{FieldTreated, "treated", "count", "Study-level: patients treated with the drug.", []string{"5"},
		[]string{"n treated", "n", "total", "patients", "number treated"}, LevelStudy},
	{FieldResponders, "responders", "count", "Study-level: responders as the authors define them.", []string{"3"},
		[]string{"n responders", "responded", "number responded", "events"}, LevelStudy},
	{FieldNotEvaluable, "not_evaluable", "count", "Study-level: treated patients without an evaluable outcome (lost to follow-up, …).", []string{"1"},
		[]string{"ne", "lost", "lost to follow up", "unevaluable", "not evaluable"}, LevelStudy},
	{FieldComplete, "complete", "count", "Study-level, optional: patients with complete response.", []string{"2"},
		[]string{"cr", "complete response", "n complete"}, LevelStudy},
	{FieldPartial, "partial", "count", "Study-level, optional: patients with partial response.", []string{"1"},
		[]string{"pr", "partial response", "n partial"}, LevelStudy},
	{FieldMinimal, "minimal", "count", "Study-level, optional: patients with minimal response.", []string{"1"},
		[]string{"minimal response", "n minimal"}, LevelStudy},
	{FieldNone, "no_response", "count", "Study-level, optional: patients with no response.", []string{"0"},
		[]string{"none", "no response", "nr", "n none"}, LevelStudy},
	{FieldProgression, "progression", "count", "Study-level, optional: patients whose condition progressed.", []string{"0"},
		[]string{"pd", "progressed", "worsened"}, LevelStudy},
	{FieldUnclassified, "unclassified", "count", "Study-level, optional: patients whose outcome was not read with confidence and awaits a decision; in no numerator and no denominator (not part of treated).", []string{"0"},
		[]string{"undecided", "n unclassified"}, LevelStudy},
	{FieldResponseDefinition, "response_definition", "text", "Study-level: the authors' definition of response.", []string{"improvement with resolution of lesions"},
		[]string{"definition", "definition of response", "responder definition"}, LevelStudy},
}

var (
	specByField [NumFields]*FieldSpec
	aliasIndex  = map[string]Field{}
)

func init() {
	for i := range Specs {
		s := &Specs[i]
		specByField[s.Field] = s
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			k := NormalizeHeader(a)
			if prev, ok := aliasIndex[k]; ok && prev != s.Field {
				panic("data: header alias " + a + " maps to two fields")
			}
			aliasIndex[k] = s.Field
		}
	}
}

// Spec returns the specification of f, or nil for FieldUnknown.
func (f Field) Spec() *FieldSpec {
	if f <= FieldUnknown || f >= numFields {
		return nil
	}
	return specByField[f]
}

// String returns the field's output column name.
func (f Field) String() string {
	if s := f.Spec(); s != nil {
		return s.Name
	}
	return "unknown"
}

// FieldByName returns the field whose output name or alias is name,
// compared as NormalizeHeader does.
func FieldByName(name string) (Field, bool) {
	f, ok := aliasIndex[NormalizeHeader(name)]
	return f, ok
}

// NormalizeHeader folds a header for alias matching: lower case, letters and
// digits only. "Case no." and "case_no" both become "caseno".
func NormalizeHeader(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for _, r := range h {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// SplitHeaderUnit splits a trailing parenthesised or bracketed unit off a
// header: "Serum calcium (mg/dL)" gives "Serum calcium" and "mg/dL". A header
// without one is returned whole with an empty unit.
func SplitHeaderUnit(h string) (name, unit string) {
	t := strings.TrimSpace(h)
	if t == "" {
		return t, ""
	}
	closeCh := t[len(t)-1]
	var openCh byte
	switch closeCh {
	case ')':
		openCh = '('
	case ']':
		openCh = '['
	default:
		return t, ""
	}
	i := strings.LastIndexByte(t, openCh)
	if i <= 0 {
		return t, ""
	}
	return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1 : len(t)-1])
}
