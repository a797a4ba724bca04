package config

import (
	"bytes"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/example"
)

// templateFields are the columns of the case-table template, patient × drug
// layout.
var templateFields = []data.Field{
	data.FieldStudy, data.FieldCaseID, data.FieldAge, data.FieldSex, data.FieldDisease, data.FieldSubtype,
	data.FieldSites, data.FieldLesionSize, data.FieldDiseaseDuration, data.FieldConditionDuration,
	data.FieldDrug, data.FieldDose, data.FieldRoute, data.FieldTreatmentDuration, data.FieldTimeToResponse,
	data.FieldOutcome, data.FieldFollowUp, data.FieldConcomitant, data.FieldNotes,
}

// CaseTemplate returns the cases.csv that tresp init writes: a header of
// canonical column names (docs/schema.md) and two example rows, marked as
// examples in their study and notes, to be replaced.
func CaseTemplate() []byte {
	var b bytes.Buffer
	for i, f := range templateFields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f.String())
	}
	b.WriteString("\n")
	b.WriteString(`EXAMPLE Author 2020 (replace this row),1,54 years,F,dermatomyositis,dystrophic,both elbows,2 x 3 cm,3 years,6 months,diltiazem,60 mg three times daily,oral,12 months,4 months,marked improvement,18 months,prednisolone 10 mg daily,"EXAMPLE row: one row per patient and drug; delete it"` + "\n")
	b.WriteString(`EXAMPLE Author 2020 (replace this row),2,61 years,M,systemic sclerosis,dystrophic,fingers,1 x 1 cm,10 years,2 years,sodium thiosulfate,12.5 g twice weekly,intravenous,6 months,,no change,1 year,,"EXAMPLE row: blank cells are fine where the report is silent; delete it"` + "\n")
	return b.Bytes()
}

// Example returns the settings of the embedded example data set
// (data/example/tresp.toml over the defaults): what a run with no input
// and no --config uses.
func Example() Config {
	cfg, err := decodeConfig(example.Config, ".")
	if err != nil {
		panic("config: the embedded example's tresp.toml: " + err.Error()) // a test loads it
	}
	return cfg
}
