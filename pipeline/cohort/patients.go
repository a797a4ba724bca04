package cohort

import (
	"math"
	"sort"

	"github.com/tresp/tresp/data/vocab"
)

// PatientTableMax caps the per-patient table: the first PatientTableMax
// patients by study label and case (cases with numbers by value) are
// listed, and PatientTable.Total counts them all.
const PatientTableMax = 200

// PatientTable is the per-patient table: at most PatientTableMax rows, of
// Total patients with individual data.
type PatientTable struct {
	Rows  []PatientRow
	Total int
}

// PatientRow is one patient of the per-patient table, from its courses in
// course order (the first gives age, sex, disease and outcome).
type PatientRow struct {
	// Study is the study's short label (ShortStudy).
	Study, CaseID string
	// Age in years (NaN: not reported); Sex as reported.
	Age     float64
	Sex     string
	Disease string
	// Treatments are the patient's courses, in course order.
	Treatments []PatientTreatment
	// Duration is the time on treatment in days of the first course that
	// gives one; NaN when none does.
	Duration float64
	// NotAttributable marks an outcome reported for several patients
	// (counted at study level) that no reviewer decided; Category and
	// Unclassified are then not the patient's.
	NotAttributable bool
	Category        vocab.Category
	Unclassified    bool
	// TimeToResponse is the time to first response in days; NaN when
	// not reported.
	TimeToResponse float64
}

// PatientTreatment is one drug of a patient with its normalised daily
// dose: DoseMax NaN or DoseUnit "" when none was read; DoseStart NaN when
// the dose has one step.
type PatientTreatment struct {
	Drug               string
	DoseStart, DoseMax float64
	DoseUnit           string
}

// patientTable computes the per-patient table.
func patientTable(courses []*Course, short shortStudies) PatientTable {
	type patient struct {
		study, cas string
		courses    []*Course
	}
	idx := map[PatientKey]*patient{}
	var list []*patient
	for _, c := range courses {
		k := c.Patient()
		p := idx[k]
		if p == nil {
			p = &patient{study: short.of(c.Study), cas: c.CaseID}
			idx[k] = p
			list = append(list, p)
		}
		p.courses = append(p.courses, c)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if a, b := list[i].study, list[j].study; a != b {
			return a < b
		}
		return naturalLess(list[i].cas, list[j].cas)
	})
	t := PatientTable{Total: len(list)}
	if len(list) > PatientTableMax {
		list = list[:PatientTableMax]
	}
	for _, p := range list {
		c := p.courses[0]
		r := PatientRow{Study: p.study, CaseID: p.cas, Age: c.Age.Years, Sex: string(c.Sex), Disease: c.DiseaseName(),
			Duration: math.NaN(), NotAttributable: c.Outcome.NotAttributable && !c.OutcomeAdjudicated,
			Category: c.Category(), Unclassified: c.Unclassified(), TimeToResponse: c.TimeToRsp.Days}
		for _, k := range p.courses {
			r.Treatments = append(r.Treatments, PatientTreatment{Drug: k.DrugName(), DoseStart: k.Dose.Start, DoseMax: k.Dose.Max, DoseUnit: k.Dose.Unit})
			if !math.IsNaN(k.TreatDu.Days) && math.IsNaN(r.Duration) {
				r.Duration = k.TreatDu.Days
			}
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}
