package normalise

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/internal/stablehash"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/ingest"
)

// Streamer normalises the records of a streaming run (tresp run --stream) and hands
// each patient's courses on once the patient's rows end, so that memory is bounded by a
// few batches of rows, the parse caches and the capped reports, not by the table.
//
// Records are cut into batches of whole patients. With Workers > 1 the batches are
// normalised in parallel, each worker with its own parse caches, batch i by worker
// i mod Workers; a worker logs the problems, vocabulary entries, review rows and
// decisions it meets instead of reporting them, and the Streamer replays the logs in
// reading order. So every report is what one normaliser reading the rows in order
// would make, and the same input gives the same bytes whatever the scheduling (only
// the parse caches' hit counts depend on Workers).
//
// A patient's rows must be consecutive (as extraction sheets and sorted registries
// have them). The Streamer keeps a 64-bit hash of every patient it handed on, and Finish
// reports a *SplitPatientsError when a patient came back after other patients' rows:
// counted twice, such a patient would be wrong in every rate, so the run stops instead.
//
// What differs from Run, which holds every course: a patient's courses come in the
// order Run gives them (drug name, then source position), but patients come in input
// order; the display form of an unknown disease written in several ways is the first
// spelling met, not the most frequent; a duplicated row (same study, case and drug) is
// found within the patient's rows.
type Streamer struct {
	// g holds the reports (problems, vocabulary, review rows, decisions):
	// the workers' logs are replayed into it in reading order.
	g       *normaliser
	labs    map[[2]string][]data.Lab
	workers []*streamWorker
	// sink receives each patient's courses; they are valid only during the call.
	sink func([]*cohort.Course) error
	// OnStudy, when set, receives each study-level row as it is replayed (in
	// reading order: before the patients of the case tables read after it).
	OnStudy func(*cohort.StudyCount)

	// maps are the mappings of the tables read, by file (the reader's own;
	// g.maps, which the collector reads, is kept from the batches).
	maps     map[string]*data.Mapping
	cur      *batch
	lastKey  [2]string
	seq      int
	flushed  []uint64 // hash of every patient handed on
	shown    map[string]*vocab.Match
	res      Normalised
	patients int

	// freeLogs hands replayed batches' event logs back to the reader for new batches: a
	// log grows to thousands of events per batch, and growing a new one for each batch
	// was some 0.6 GB of allocation per million rows.
	freeLogs chan []event

	started   bool
	collected chan struct{} // closed when the collector has replayed every batch
	mu        sync.Mutex
	err       error // the first error of the sink
}

// streamBatchRows is the least number of rows of a batch (a batch ends with a patient).
const streamBatchRows = 2048

// batch is a run of whole patients' records and, once normalised, the log of what
// their normalisation reported.
type batch struct {
	recs []data.Record
	maps []*data.Mapping
	log  eventLog
}

// streamWorker normalises batches with parse caches of its own.
type streamWorker struct {
	n       *normaliser
	in, out chan *batch
}

// NewStreamer returns a Streamer over voc applying the decisions dec (nil for none)
// with the given number of workers (at least 1). sink receives each patient's
// courses, valid only during the call; it is called from one goroutine at a time.
func NewStreamer(voc *vocab.Vocabulary, dec *Decisions, workers int, sink func([]*cohort.Course) error) *Streamer {
	g := newNormaliser(voc, map[string]*data.Mapping{}, dec)
	g.replayed = true
	s := &Streamer{g: g, labs: map[[2]string][]data.Lab{}, sink: sink, shown: map[string]*vocab.Match{},
		maps: map[string]*data.Mapping{}, freeLogs: make(chan []event, 2*max(1, workers)+2)}
	for range max(1, workers) {
		s.workers = append(s.workers, &streamWorker{n: newNormaliser(voc, map[string]*data.Mapping{}, dec)})
	}
	return s
}

// SetLabs sets the lab rows by study and case that join the case rows to come. The
// map must not change once case rows are given.
func (s *Streamer) SetLabs(labs map[[2]string][]data.Lab) { s.labs = labs }

// AddMapping records the mapping of a table whose rows are not given to Record (a lab table).
func (s *Streamer) AddMapping(m *data.Mapping) { s.maps[m.File] = m }

// Mappings are the mappings of the tables read, by file: the one map the sink's
// courses are written with (normalised/cases.* read it as patients are handed on);
// complete after Finish.
func (s *Streamer) Mappings() map[string]*data.Mapping { return s.g.maps }

// Record adds one accepted record of a case or study table with mapping m.
func (s *Streamer) Record(m *data.Mapping, rec *data.Record) error {
	if err := s.sinkErr(); err != nil {
		return err
	}
	s.maps[m.File] = m
	k := [2]string{rec.Get(data.FieldStudy), rec.Get(data.FieldCaseID)}
	if s.cur != nil && len(s.cur.recs) >= streamBatchRows && (m.Kind == data.StudyTable || k != s.lastKey) {
		s.dispatch()
	}
	if s.cur == nil {
		s.cur = &batch{recs: make([]data.Record, 0, streamBatchRows+16)}
		select {
		case ev := <-s.freeLogs:
			s.cur.log.events = ev
		default:
		}
	}
	s.cur.recs = append(s.cur.recs, *rec)
	s.cur.maps = append(s.cur.maps, m)
	if m.Kind != data.StudyTable {
		s.lastKey = k
	}
	return nil
}

// dispatch sends the current batch to its worker (or, with one worker, normalises and
// replays it at once).
func (s *Streamer) dispatch() {
	b := s.cur
	s.cur = nil
	if b == nil {
		return
	}
	if len(s.workers) == 1 {
		s.workers[0].process(b, s.labs)
		s.setErr(s.replay(b))
		return
	}
	if !s.started {
		s.start()
	}
	s.workers[s.seq%len(s.workers)].in <- b
	s.seq++
}

// start starts the workers and the collector, which replays their batches in order.
func (s *Streamer) start() {
	s.started = true
	s.collected = make(chan struct{})
	for _, w := range s.workers {
		w.in, w.out = make(chan *batch, 2), make(chan *batch, 2)
		go func() {
			for b := range w.in {
				w.process(b, s.labs)
				w.out <- b
			}
			close(w.out)
		}()
	}
	go func() {
		defer close(s.collected)
		for seq := 0; ; seq++ {
			b, ok := <-s.workers[seq%len(s.workers)].out
			if !ok {
				return
			}
			if s.sinkErr() == nil {
				s.setErr(s.replay(b))
			}
		}
	}()
}

func (s *Streamer) setErr(err error) {
	if err == nil {
		return
	}
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.mu.Unlock()
}

func (s *Streamer) sinkErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// process normalises the records of b, logging what the normaliser reports and a
// patient event per patient with its courses in Run's order.
func (w *streamWorker) process(b *batch, labs map[[2]string][]data.Lab) {
	n := w.n
	n.log = &b.log
	var courses []*cohort.Course
	first := 0 // the first record of the current patient
	var key [2]string
	end := func(upTo int) {
		if len(courses) > 0 || upTo > first {
			endPatient(n, b, courses, b.recs[first:upTo], key)
		}
		courses, first = nil, upTo
	}
	for i := range b.recs {
		r, m := &b.recs[i], b.maps[i]
		n.maps[m.File] = m
		if m.Kind == data.StudyTable {
			end(i)
			first = i + 1
			b.log.add(event{kind: eventStudy, study: n.study(r)})
			continue
		}
		k := [2]string{r.Get(data.FieldStudy), r.Get(data.FieldCaseID)}
		if i > first && k != key {
			end(i)
		}
		key = k
		courses = append(courses, n.cases(r, labs[k])...)
	}
	end(len(b.recs))
	n.log = nil
}

// endPatient logs the patient whose records are recs and whose courses are cs: the
// courses sorted as Run sorts them, with their regimens, and a warning per duplicated row.
func endPatient(n *normaliser, b *batch, cs []*cohort.Course, recs []data.Record, key [2]string) {
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
	first := map[string]*data.Record{}
	for i := range recs {
		r := &recs[i]
		drug := r.Get(data.FieldDrug)
		if drug == "" {
			drug = r.Get(data.FieldTreatment)
		}
		drug = strings.ToLower(drug)
		if p, ok := first[drug]; ok {
			n.problem(data.Problem{Severity: data.Warning, File: r.File, Line: r.Line,
				Column: "case_id", Value: key[1], Code: "duplicate-row",
				Reason: fmt.Sprintf("same study, case_id and drug as %s", p.Position()),
				Hint:   "remove the copy, or give the second course its own case_id"})
			continue
		}
		first[drug] = r
	}
	b.log.add(event{kind: eventPatient, courses: cs, patient: key})
}

// replay applies a normalised batch's log to the reports, in order, and hands its
// patients on.
func (s *Streamer) replay(b *batch) error {
	g := s.g
	for _, m := range b.maps {
		g.maps[m.File] = m
	}
	for i := range b.log.events {
		e := &b.log.events[i]
		switch e.kind {
		case eventProblem:
			g.probs.Add(*e.prob)
		case eventVocab:
			g.vocabEntry(e.rec, e.field, *e.match, e.status)
		case eventReview:
			g.review(e.rec, e.rev.caseID, e.rev.field, e.rev.text, e.rev.item)
		case eventDecided:
			g.decided(*e.key, e.used)
		case eventStudy:
			s.res.Studies = append(s.res.Studies, e.study)
			if s.OnStudy != nil {
				s.OnStudy(e.study)
			}
		case eventPatient:
			if err := s.handOn(e.courses, e.patient); err != nil {
				return err
			}
		}
	}
	s.recycleLog(b)
	return nil
}

// recycleLog offers b's replayed log to the next batches, emptied so that it keeps
// nothing alive.
func (s *Streamer) recycleLog(b *batch) {
	clear(b.log.events)
	select {
	case s.freeLogs <- b.log.events[:0]:
	default:
	}
	b.log.events = nil
}

// handOn hands one patient's courses to the sink, with the display forms of unknown
// diseases and the drugs of its review rows.
func (s *Streamer) handOn(cs []*cohort.Course, key [2]string) error {
	s.showUnknownDiseases(cs)
	s.g.fillReviewDrugs(cs)
	for _, c := range cs {
		s.g.countCourse(c)
	}
	s.flushed = append(s.flushed, stablehash.Of(key[0], key[1]))
	s.patients++
	return s.sink(cs)
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

// eventKind tells what a worker's log entry reports.
type eventKind uint8

const (
	eventProblem eventKind = iota
	eventVocab
	eventReview
	eventDecided
	eventStudy
	eventPatient
)

// event is one entry of a worker's log: what a normaliser would have reported
// directly (see normaliser.log), a study-level row, or a finished patient. The
// payloads are pointers, so that an event is small (a log holds a few per row).
type event struct {
	kind  eventKind
	used  bool       // decision: it applied
	field data.Field // vocabulary entry
	rec   *data.Record
	prob  *data.Problem
	match *vocab.Match // vocabulary entry, with status
	rev   *reviewEvent
	key   *decisionKey // decision looked up
	study *cohort.StudyCount
	// the patient's courses, and its study and case
	courses []*cohort.Course
	patient [2]string
	status  string
}

// reviewEvent is a review row as normaliser.review receives it.
type reviewEvent struct {
	caseID, field, text string
	item                ReviewItem
}

// eventLog is the ordered log of one batch.
type eventLog struct{ events []event }

func (l *eventLog) add(e event) { l.events = append(l.events, e) }

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
	s.dispatch()
	if s.started {
		for _, w := range s.workers {
			close(w.in)
		}
		<-s.collected
	}
	if err := s.sinkErr(); err != nil {
		return nil, nil, err
	}
	for f, m := range s.maps {
		s.g.maps[f] = m
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
	res := s.res // a copy: the result must not keep the Streamer, its workers and their parse caches alive
	n := s.g
	sortStudies(res.Studies)
	n.finishVocab(&res)
	for _, w := range s.workers {
		h, m := w.n.units.Stats()
		res.CacheHits += h
		res.CacheMisses += m
	}
	n.finishReview(&res)
	probs := n.probs
	s.workers, s.g, s.res = nil, nil, Normalised{} // the analysis that follows needs none of them
	return &res, &probs, nil
}

// Patients counts the patients handed on so far.
func (s *Streamer) Patients() int { return s.patients }
