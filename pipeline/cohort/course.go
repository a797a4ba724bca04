package cohort

import (
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
)

// Course is one patient × drug (or procedure) after normalisation: the
// values tresp analyses, each next to the text it came from.
//
// The readings (Drug, Disease, Dose, Age, Size, the durations and Outcome)
// are pointers to values shared by every course read from the same text
// (normalise memoises them per distinct input), so that a course costs a
// few hundred bytes instead of about 1.8 KB. They are never nil in a course
// that normalise made (nor in one loaded from the stage cache), and they are
// never modified in place: to change a reading, point the course at a copy.
type Course struct {
	Rec     *data.Record
	Study   string
	CaseID  string
	Drug    *vocab.Match // Canonical is "" when unknown
	DrugRaw string       // the drug as written
	// Regimen is the sorted canonical names of every drug the patient
	// received, this one included (shared by the courses of equal regimens:
	// read-only).
	Regimen []string
	// PriorTreatments are the treatments the row names as given before the
	// course ("after CYC", "previously rituximab"): recorded, not analysed.
	PriorTreatments []string
	// Protocol is the named regimen the drug was given in ("R-CHOP"), "" for none.
	Protocol  string
	DoseText  string
	Dose      *units.Dose
	Route     string
	Age       *units.Age
	Sex       units.Sex
	Disease   *vocab.Match
	Subtypes  []vocab.Match
	Size      *units.Size
	DiseaseDu *units.Duration
	CondDu    *units.Duration
	TreatDu   *units.Duration
	TimeToRsp *units.Duration
	FollowUp  *units.Duration
	Outcome   *vocab.OutcomeMatch
	// OutcomeText is the outcome cell, or the site-outcome cell when the
	// outcome cell is empty.
	OutcomeText string
	Labs        []units.Lab
	// OutcomeAdjudicated marks an outcome a reviewer decided: Decided is
	// the decision, and Outcome keeps the reader's own reading.
	OutcomeAdjudicated bool
	Decided            vocab.Category

	// DrugAdjudicated and DiseaseAdjudicated mark terms a reviewer
	// decided; Drug and Disease then hold the decided term.
	DrugAdjudicated, DiseaseAdjudicated bool
}

// Complete reports whether every reading of c is set (see Course), as a
// course loaded from a cache must be before the analysis reads it.
func (c *Course) Complete() bool {
	return c.Drug != nil && c.Disease != nil && c.Dose != nil && c.Age != nil && c.Size != nil &&
		c.DiseaseDu != nil && c.CondDu != nil && c.TreatDu != nil && c.TimeToRsp != nil && c.FollowUp != nil &&
		c.Outcome != nil
}

// OutcomeInput returns the text the outcome reader read: the site-outcome
// cell when it is given, else the outcome cell; "" when neither is.
func (c *Course) OutcomeInput() string {
	if c.Rec == nil {
		return strings.TrimSpace(c.OutcomeText)
	}
	if so := strings.TrimSpace(c.Rec.Get(data.FieldSiteOutcome)); so != "" {
		return so
	}
	return strings.TrimSpace(c.Rec.Get(data.FieldOutcome))
}

// Unclassified reports whether the course has an outcome text that the
// reader could not classify and no reviewer has decided. Such a course is
// left out of every numerator and denominator, never counted as not
// evaluable.
func (c *Course) Unclassified() bool {
	return !c.OutcomeAdjudicated && !c.Outcome.NotAttributable &&
		c.Outcome.Category == vocab.Unclassified && c.OutcomeInput() != ""
}

// Adjudicated reports whether a reviewer decided any value of the course.
func (c *Course) Adjudicated() bool {
	return c.OutcomeAdjudicated || c.DrugAdjudicated || c.DiseaseAdjudicated
}

// DrugName returns the canonical drug, or the text as written (lower-cased)
// when the drug is unknown.
func (c *Course) DrugName() string {
	if c.Drug.Canonical != "" {
		return c.Drug.Canonical
	}
	return strings.ToLower(strings.TrimSpace(c.DrugRaw))
}

// DiseaseName returns the canonical disease, "" when none was written, or
// the text as written when unknown.
func (c *Course) DiseaseName() string {
	if c.Disease.Canonical != "" {
		return c.Disease.Canonical
	}
	return strings.TrimSpace(c.Disease.Term)
}

// Category is the patient-level outcome: the reviewer's decision when the
// outcome was adjudicated; NotEvaluable when no outcome is reported (the
// cells are empty); Unclassified when the reader could not classify the
// text (see Unclassified) and when the text reports several patients'
// outcomes (NotAttributable), which the analysis counts from the study
// level instead.
func (c *Course) Category() vocab.Category {
	switch {
	case c.OutcomeAdjudicated:
		return c.Decided
	case c.Outcome.NotAttributable:
		return vocab.Unclassified
	case c.Outcome.Category == vocab.Unclassified && c.OutcomeInput() == "":
		return vocab.NotEvaluable
	}
	return c.Outcome.Category
}

// StudyCount is one row of a study-level table, normalised.
type StudyCount struct {
	Rec          *data.Record
	Study        string
	Drug         vocab.Match
	DrugRaw      string
	All          bool // drug "all": every patient of the study
	Disease      vocab.Match
	Treated      int
	Responders   int
	NotEvaluable int
	// Unclassified counts the patients whose outcome awaits a decision (optional
	// column; not part of Treated).
	Unclassified int
	// ByCategory holds the optional category counts; nil when not given.
	ByCategory map[vocab.Category]int
	Definition string
	// DrugAdjudicated and DiseaseAdjudicated mark terms a reviewer
	// decided (the row's case is empty in review.csv).
	DrugAdjudicated, DiseaseAdjudicated bool
}

// DrugName returns the canonical drug, or the text as written.
func (s *StudyCount) DrugName() string {
	if s.All {
		return ""
	}
	if s.Drug.Canonical != "" {
		return s.Drug.Canonical
	}
	return strings.ToLower(strings.TrimSpace(s.DrugRaw))
}

// NotReported labels patients whose disease cell is empty, so that they
// form their own by-disease group instead of merging into the totals.
const NotReported = "not reported"

func DiseaseLabel(c *Course) string {
	if d := c.DiseaseName(); d != "" {
		return d
	}
	return NotReported
}

// DiseaseGroupLabel is the disease group of a course for the by-group
// rates: the vocabulary's group of the disease; a known disease without a
// group, or an unknown term, is its own group; an empty cell is "not
// reported".
func DiseaseGroupLabel(c *Course) string {
	if g := c.Disease.Class; g != "" {
		return g
	}
	return DiseaseLabel(c)
}

// Unspecified labels counts whose disease is not known per patient (a
// study-level row without a disease).
const Unspecified = "unspecified (study-level counts)"

// PatientKey identifies a patient: the study and the case within it.
// Several courses (one per drug) share a patient's key.
type PatientKey struct {
	Study, CaseID string
}

// Patient returns the key of the course's patient.
func (c *Course) Patient() PatientKey { return PatientKey{c.Study, c.CaseID} }

// Cohort is what the analysis reads: the normalised courses and the
// study-level counts.
type Cohort struct {
	Courses []*Course
	Studies []*StudyCount
}
