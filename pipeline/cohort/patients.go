package cohort

import (
	"math"

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

// patientBuffer keeps the first PatientTableMax patient rows by study
// label and case while it reads the patients (ties in the order they come,
// as a stable sort of them all), and counts every patient.
type patientBuffer struct {
	rows  []patientEntry
	total int
}

type patientEntry struct {
	study string
	cas   caseOrder
	row   PatientRow
}

// before orders the rows: by study label (studyLess), then case (naturalLess).
func (e *patientEntry) before(o *patientEntry) bool {
	if e.study != o.study {
		return studyLess(e.study, o.study)
	}
	return e.cas.less(o.cas)
}

// addPatient adds the patient of courses (its courses in course order:
// the first gives age, sex, disease and outcome).
func (b *patientBuffer) addPatient(courses []*Course, short shortStudies) {
	b.total++
	c := courses[0]
	e := patientEntry{study: short.of(c.Study), cas: newCaseOrder(c.CaseID)}
	i, ok := boundedSlot(b.rows, &e, PatientTableMax, (*patientEntry).before) // a later patient loses ties
	if !ok {
		return
	}
	e.row = PatientRow{Study: e.study, CaseID: c.CaseID, Age: c.Age.Years, Sex: string(c.Sex), Disease: c.DiseaseName(),
		Duration: math.NaN(), NotAttributable: c.Outcome.NotAttributable && !c.OutcomeAdjudicated,
		Category: c.Category(), Unclassified: c.Unclassified(), TimeToResponse: c.TimeToRsp.Days,
		Treatments: make([]PatientTreatment, 0, len(courses))}
	for _, k := range courses {
		e.row.Treatments = append(e.row.Treatments, PatientTreatment{Drug: k.DrugName(), DoseStart: k.Dose.Start, DoseMax: k.Dose.Max, DoseUnit: k.Dose.Unit})
		if !math.IsNaN(k.TreatDu.Days) && math.IsNaN(e.row.Duration) {
			e.row.Duration = k.TreatDu.Days
		}
	}
	b.rows = insertBounded(b.rows, i, e, PatientTableMax)
}

// table returns the per-patient table.
func (b *patientBuffer) table() PatientTable {
	t := PatientTable{Total: b.total}
	for _, e := range b.rows {
		t.Rows = append(t.Rows, e.row)
	}
	return t
}

// patientTable computes the per-patient table of courses (each patient's
// courses together, in course order) by the fold.
func patientTable(courses []*Course, short shortStudies) PatientTable {
	var b patientBuffer
	eachPatient(courses, func(cs []*Course) { b.addPatient(cs, short) })
	return b.table()
}
