package normalise

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/internal/stablehash"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/ingest"
)

// Streamer normalises the records of a streaming run (tresp run --stream) one at a
// time and hands each patient's courses on as soon as the patient's rows end, so that
// memory is bounded by one patient's rows, the parse caches and the capped reports,
// not by the table.
//
// A patient's rows must be consecutive (as extraction sheets and sorted registries
// have them). The Streamer keeps a 64-bit hash of every patient it handed on and Finish
// reports a *SplitPatientsError when a patient came back after other patients' rows:
// counted twice, such a patient would be wrong in every rate, so the run stops instead.
//
// What differs from Run, which holds every course: a patient's courses come in the
// order Run gives them (drug name, then source position), but patients come in input
// order; the display form of an unknown disease written in several ways is the first
// spelling met, not the most frequent; a duplicated row (same study, case and drug) is
// found within the patient's rows.
type Streamer struct {
	n    *normaliser
	labs map[[2]string][]data.Lab
	// sink receives each patient's courses; they are valid only during the call.
	sink func([]*cohort.Course) error

	key     [2]string
	started bool
	recs    []data.Record // the current patient's records (copies: ingest reuses its own)
	courses []*cohort.Course
	flushed []uint64 // hash of every patient handed on

	// shown is the display form of each unknown disease, by its folded spelling.
	shown map[string]*vocab.Match

	res      Normalised
	patients int
}

// NewStreamer returns a Streamer over voc applying the decisions dec (nil for none);
// labs are the rows of the lab tables by study and case (read before the case tables).
// sink receives each patient's courses, valid only during the call.
func NewStreamer(voc *vocab.Vocabulary, dec *Decisions, labs map[[2]string][]data.Lab, sink func([]*cohort.Course) error) *Streamer {
	n := newNormaliser(voc, map[string]*data.Mapping{}, dec)
	n.streaming, n.perPatient = true, true
	return &Streamer{n: n, labs: labs, sink: sink, shown: map[string]*vocab.Match{}}
}

// SetLabs sets the lab rows by study and case that join the case rows to come.
func (s *Streamer) SetLabs(labs map[[2]string][]data.Lab) { s.labs = labs }

// Mappings are the mappings of the tables read so far, by file.
func (s *Streamer) Mappings() map[string]*data.Mapping { return s.n.maps }

// Record normalises one accepted record of a case or study table with mapping m.
func (s *Streamer) Record(m *data.Mapping, rec *data.Record) error {
	s.n.maps[m.File] = m
	if m.Kind == data.StudyTable {
		r := *rec
		s.res.Studies = append(s.res.Studies, s.n.study(&r))
		return nil
	}
	k := [2]string{rec.Get(data.FieldStudy), rec.Get(data.FieldCaseID)}
	if s.started && k != s.key {
		if err := s.flush(); err != nil {
			return err
		}
	}
	s.key, s.started = k, true
	if len(s.recs) == cap(s.recs) {
		// the courses of the patient point at its records: grow into a new
		// array and leave the old one to the courses that point into it
		s.recs = make([]data.Record, 0, max(8, 2*cap(s.recs)))
	}
	s.recs = append(s.recs, *rec)
	r := &s.recs[len(s.recs)-1]
	s.courses = append(s.courses, s.n.cases(r, s.labs[k])...)
	return nil
}

// flush hands the current patient on: its courses in Run's order, with their
// regimens and the display forms of unknown diseases.
func (s *Streamer) flush() error {
	cs := s.courses
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.DrugName() != b.DrugName() {
			return a.DrugName() < b.DrugName()
		}
		if a.Rec.File != b.Rec.File {
			return a.Rec.File < b.Rec.File
		}
		return a.Rec.Line < b.Rec.Line
	})
	setRegimens(cs)
	s.showUnknownDiseases(cs)
	s.flagDuplicates(cs)
	s.n.fillReviewDrugs(cs)
	for _, c := range cs {
		s.n.countCourse(c)
	}
	s.flushed = append(s.flushed, stablehash.Of(s.key[0], s.key[1]))
	s.patients++
	err := s.sink(cs)
	clear(s.courses)
	s.courses = s.courses[:0]
	s.recs = s.recs[:0]
	s.n.scratchN = 0
	return err
}

// showUnknownDiseases gives every spelling of one unknown disease the display form
// first met (groupUnknownDiseases, without the whole table to count spellings in).
func (s *Streamer) showUnknownDiseases(cs []*cohort.Course) {
	for _, c := range cs {
		t := strings.TrimSpace(c.Disease.Term)
		if c.Disease.Canonical != "" || t == "" {
			continue
		}
		k := vocab.Normalize(t)
		m, ok := s.shown[k]
		if !ok {
			if len(s.shown) >= VocabCap {
				continue // bounded: past the cap a spelling is shown as written
			}
			cp := *c.Disease
			cp.Term = t
			s.shown[k] = &cp
			m = &cp
		}
		if m.Term != c.Disease.Term {
			cp := *c.Disease
			cp.Term = m.Term
			c.Disease = &cp
		}
	}
}

// flagDuplicates warns about rows of the patient that share its study, case and drug
// (ingest's duplicate-row warning, within the patient's rows).
func (s *Streamer) flagDuplicates(cs []*cohort.Course) {
	first := map[string]*data.Record{}
	for i := range s.recs {
		r := &s.recs[i]
		drug := r.Get(data.FieldDrug)
		if drug == "" {
			drug = r.Get(data.FieldTreatment)
		}
		drug = strings.ToLower(drug)
		if p, ok := first[drug]; ok {
			s.n.probs.Add(data.Problem{Severity: data.Warning, File: r.File, Line: r.Line,
				Column: "case_id", Value: s.key[1], Code: "duplicate-row",
				Reason: fmt.Sprintf("same study, case_id and drug as %s", p.Position()),
				Hint:   "remove the copy, or give the second course its own case_id"})
			continue
		}
		first[drug] = r
	}
}

// SplitPatientsError is a streaming run whose table gives some patient's rows apart,
// with other patients' rows between them.
type SplitPatientsError struct {
	Patients int // patients whose rows are split
}

func (e *SplitPatientsError) Error() string {
	return fmt.Sprintf("%d patients' rows are not consecutive (the same study and case_id again after other patients' rows): a streaming run counts each patient when its rows end; sort the table by study and case_id, or run without --stream", e.Patients)
}

// Finish hands the last patient on and returns what Run returns, without the courses
// (Courses is empty: they went to the sink), and the problems of normalisation.
func (s *Streamer) Finish() (*Normalised, *ingest.ProblemSet, error) {
	if s.started {
		if err := s.flush(); err != nil {
			return nil, nil, err
		}
	}
	slices.Sort(s.flushed)
	split := 0
	for i := 1; i < len(s.flushed); i++ {
		if s.flushed[i] == s.flushed[i-1] && (i == 1 || s.flushed[i-1] != s.flushed[i-2]) {
			split++
		}
	}
	if split > 0 {
		return nil, nil, &SplitPatientsError{Patients: split}
	}
	res := &s.res
	n := s.n
	sort.SliceStable(res.Studies, func(i, j int) bool {
		a, b := res.Studies[i], res.Studies[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		return a.DrugName() < b.DrugName()
	})
	n.finishVocab(res)
	res.CacheHits, res.CacheMisses = n.units.Stats()
	n.finishReview(res)
	return res, &n.probs, nil
}

// Patients counts the patients handed on so far.
func (s *Streamer) Patients() int { return s.patients }
