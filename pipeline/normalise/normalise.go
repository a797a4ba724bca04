package normalise

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
)

// VocabEntry is one line of vocabulary_report.csv: a term tresp did not
// know exactly.
type VocabEntry struct {
	Field   string
	Term    string
	Status  string
	Matched string
	Count   int
	Rows    []string
}

// VocabCap is the most distinct terms per field that the vocabulary
// report (vocabulary_report.csv, summary.json's vocabulary) lists: the
// first in reading order. Rows whose term is not exact and not among them
// are counted per field and status in Normalised.VocabUnlisted, and the
// report ends with a "not-listed" line per field and status that says how
// many; so a table of a hundred thousand made-up names keeps ten thousand
// entries.
const VocabCap = 10000

// VocabUnlisted counts the rows of one field and status whose term the
// vocabulary report does not list (past VocabCap).
type VocabUnlisted struct {
	Field  string `json:"field"`
	Status string `json:"status"`
	Rows   int    `json:"rows"`
}

// Normalised is the output of the normalise stage.
type Normalised struct {
	// Cohort holds the courses and the study-level counts.
	cohort.Cohort
	Vocab []VocabEntry
	// VocabUnlisted counts the rows of terms past VocabCap.
	VocabUnlisted []VocabUnlisted
	// Review is review.csv, in order, and ReviewSummary its counts.
	Review        []ReviewItem
	ReviewSummary ReviewSummary
	// CacheHits and CacheMisses count memoised parses.
	CacheHits, CacheMisses int
}

// normaliser carries the state of one normalise pass.
type normaliser struct {
	voc   *vocabCache
	units *units.Normaliser
	probs ingest.ProblemSet
	vocab map[[2]string]*VocabEntry
	// vocabN counts the distinct terms of vocab per field, unlisted the
	// rows of terms past VocabCap per field and status.
	vocabN   map[string]int
	unlisted map[[2]string]int
	maps     map[string]*data.Mapping
	// dec are the reviewer's decisions (nil: none); used marks those
	// applied and present the texts seen per study, case and field.
	dec     *Decisions
	used    map[decisionKey]bool
	present map[[3]string][]string
	items   map[decisionKey]*ReviewItem
	omitted ReviewSummary   // values past ReviewCap: counted, not listed
	slab    []cohort.Course // courses not yet handed out (newCourse)
	// streaming is set by Scan and Partition, whose callers are done with a
	// record's courses before the next record: newCourse then reuses the
	// courses of the record before instead of allocating (344 B a course).
	streaming bool
	scratch   []cohort.Course
	scratchN  int // courses of scratch handed out for the current record
	// replayed marks the Streamer's normaliser, into which its workers' logs are
	// replayed: it fills the review rows' drug column patient by patient (pending).
	replayed bool
	// pending are the review rows added since the Streamer last handed a
	// patient on: it fills their drug column from the patient's courses.
	pending []*ReviewItem
	// log, in a Streamer's worker, receives the problems, vocabulary and
	// review entries and decisions instead of the normaliser's own reports:
	// the Streamer replays them in reading order (nil: report directly).
	log *eventLog
	// unclassifiedCourses and adjudicatedCourses are counted by the
	// Streamer as patients pass (Run counts them from its courses).
	unclassifiedCourses, adjudicatedCourses int
}

// courseSlab is the number of courses allocated at once (newCourse).
const courseSlab = 256

// newCourse returns a zero course from the normaliser's current slab. A
// cohort.Course (344 B) allocated alone takes the 352 B size class; from a
// slab it takes its own size. Courses live
// until the run ends, so a slab is never freed early anyway.
func (n *normaliser) newCourse() *cohort.Course {
	if n.streaming {
		if n.scratchN == len(n.scratch) {
			n.scratch = append(n.scratch, make([]cohort.Course, max(4, len(n.scratch)))...)
		}
		c := &n.scratch[n.scratchN]
		*c = cohort.Course{}
		n.scratchN++
		return c
	}
	if len(n.slab) == 0 {
		n.slab = make([]cohort.Course, courseSlab)
	}
	c := &n.slab[0]
	n.slab = n.slab[1:]
	return c
}

// ReviewCap is the most rows review.csv lists; further values to check are counted in
// ReviewSummary.Omitted (per row, not per distinct value) so that memory stays bounded.
const ReviewCap = 20000

// decide returns the decision about one value, nil when there is none, and
// records that the value exists.
func (n *normaliser) decide(r *data.Record, caseID, field, text string) *decision {
	if n.dec == nil {
		return nil // no decisions file: nothing to look up (and no text to normalise)
	}
	k := keyOf(r, caseID, field, text)
	if k.Text == "" {
		return nil
	}
	d := n.dec.byKey[k]
	if n.log != nil {
		n.log.add(event{kind: eventDecided, key: &k, used: d != nil})
		return d
	}
	n.decided(k, d != nil)
	return d
}

// keyOf is the key of a decision on the text of field of case caseID of r's study.
func keyOf(r *data.Record, caseID, field, text string) decisionKey {
	return decisionKey{Study: strings.TrimSpace(r.Get(data.FieldStudy)), Case: strings.TrimSpace(caseID), Field: field, Text: normText(text)}
}

// decided records that the text of k exists, and that its decision applied when used.
func (n *normaliser) decided(k decisionKey, used bool) {
	pk := [3]string{k.Study, k.Case, k.Field}
	if !slices.Contains(n.present[pk], k.Text) {
		n.present[pk] = append(n.present[pk], k.Text)
	}
	if used {
		n.used[k] = true
	}
}

// review adds a row to review.csv unless one with the same key is there.
func (n *normaliser) review(r *data.Record, caseID, field, text string, it ReviewItem) {
	if n.log != nil {
		n.log.add(event{kind: eventReview, rec: r, rev: &reviewEvent{caseID: caseID, field: field, text: text, item: it}})
		return
	}
	it.Study, it.Case = strings.TrimSpace(r.Get(data.FieldStudy)), strings.TrimSpace(caseID)
	k := decisionKey{Study: it.Study, Case: it.Case, Field: field, Text: normText(text)}
	if prev := n.items[k]; prev != nil {
		if prev.Proposed != it.Proposed && prev.Proposed != "" && prev.Decision == "" {
			// one row stands for every course of the patient with this text; when the
			// courses read it differently (a course's own treatment changes the reading),
			// there is no one proposal to accept
			prev.Proposed = ""
			prev.Rule = "the patient's courses read this text differently (" + prev.Rule + "; " + it.Rule + "): decide it"
		}
		return
	}
	if len(n.items) >= ReviewCap && it.Decision == "" {
		// memory stays bounded on registries: the rest is counted, not listed
		switch {
		case field != fieldOutcome:
			n.omitted.Terms++
		case it.Confidence == vocab.ConfidenceLow.String():
			n.omitted.LowConfidenceOutcomes++
		default:
			n.omitted.UnclassifiedOutcomes++
		}
		return
	}
	it.File, it.Line, it.Field, it.Original = r.File, r.Line, field, strings.TrimSpace(text)
	n.items[k] = &it
	if n.replayed {
		n.pending = append(n.pending, &it)
	}
}

// termDecision applies the decision about a drug or disease term, if any,
// and otherwise records the lookup (vocabulary report, warnings, review).
// It returns the term to use and whether a decision applied: the decided
// term in a new value (m, which may be shared, is never modified), else m.
func (n *normaliser) termDecision(r *data.Record, caseID string, f data.Field, field string, m *vocab.Match, lookup func(string) *vocab.Match) (*vocab.Match, bool) {
	proposed, conf, rule, ev, needs := termReview(*m)
	if d := n.decide(r, caseID, field, m.Term); d != nil {
		if !needs { // decided although the vocabulary knew it
			proposed, conf, rule = m.Canonical, "high", "vocabulary"
		}
		dm := *lookup(d.value)
		if dm.Canonical == "" {
			dm.Canonical = d.value
		}
		dm.Term = m.Term
		n.review(r, caseID, field, m.Term, ReviewItem{Proposed: proposed, Confidence: conf, Rule: rule, Evidence: ev, Decision: d.value})
		return &dm, true
	}
	n.term(r, f, *m)
	if needs {
		n.review(r, caseID, field, m.Term, ReviewItem{Proposed: proposed, Confidence: conf, Rule: rule, Evidence: ev})
	}
	return m, false
}

// LoadVocabulary returns the embedded vocabulary extended by the user
// files. A file's kind comes from its name: drugs*.tsv, diseases*.csv, ….
func LoadVocabulary(files []string) (*vocab.Vocabulary, error) {
	if len(files) == 0 {
		return vocab.Default(), nil
	}
	v := vocab.New()
	for _, f := range files {
		base := strings.ToLower(f[strings.LastIndexAny(f, `/\`)+1:])
		var kind vocab.Kind
		for _, k := range VocabKinds {
			if strings.HasPrefix(base, k) {
				kind, _ = vocab.ParseKind(k)
				break
			}
		}
		if kind == 0 {
			return nil, &config.Error{Key: "vocabulary", Msg: fmt.Sprintf("%s: cannot tell the vocabulary kind from the file name (start it with drugs, diseases, subtypes, outcomes, cues, routes, sites, nofuzzy, timing, frequencies or doseunits)", f)}
		}
		r, err := os.Open(f)
		if err != nil {
			return nil, &config.Error{Key: "vocabulary", Msg: err.Error()}
		}
		err = v.Extend(r, f, kind)
		r.Close()
		if err != nil {
			return nil, &config.Error{Key: "vocabulary", Msg: err.Error()}
		}
	}
	return v, nil
}

// Normalise turns accepted records into courses and study counts, applies
// the reviewer's decisions dec (nil for none) and lists in Review every
// value a person should check. A decision that no longer applies (its row
// is gone, or its text changed) is a warning.
//
// The problems are the first ingest.ProblemCap of each (severity, code, column).
func Normalise(ing *ingest.Ingested, voc *vocab.Vocabulary, dec *Decisions) (*Normalised, []data.Problem) {
	n, probs, _ := Run(context.Background(), ing, voc, dec)
	return n, probs.Kept()
}

// newNormaliser returns a normaliser over voc for the tables maps describes (a streaming
// caller passes an empty map and adds each table's mapping as it meets it), applying the
// decisions dec (nil for none).
func newNormaliser(voc *vocab.Vocabulary, maps map[string]*data.Mapping, dec *Decisions) *normaliser {
	return &normaliser{voc: &vocabCache{voc: voc}, units: units.NewNormaliserWith(0, voc.Lexicon()), vocab: map[[2]string]*VocabEntry{}, maps: maps,
		dec: dec, used: map[decisionKey]bool{}, present: map[[3]string][]string{}, items: map[decisionKey]*ReviewItem{}}
}

// Run is Normalise stopping with an error wrapping ctx.Err() soon
// after ctx is done.
func Run(ctx context.Context, ing *ingest.Ingested, voc *vocab.Vocabulary, dec *Decisions) (*Normalised, *ingest.ProblemSet, error) {
	n := newNormaliser(voc, ing.Mappings, dec)
	res := &Normalised{}
	labs := map[[2]string][]data.Lab{}
	for i := range ing.Labs {
		r := &ing.Labs[i]
		k := [2]string{r.Get(data.FieldStudy), r.Get(data.FieldCaseID)}
		labs[k] = append(labs[k], r.Labs...)
	}
	for i := range ing.Cases {
		if i%4096 == 4095 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("interrupted during normalise: %w", err)
			}
		}
		r := &ing.Cases[i]
		res.Courses = append(res.Courses, n.cases(r, labs[[2]string{r.Get(data.FieldStudy), r.Get(data.FieldCaseID)}])...)
	}
	setRegimens(res.Courses)
	groupUnknownDiseases(res.Courses)
	// A fixed order, so that shuffling rows or input files changes no
	// output: by study, case, drug, then source position.
	sort.SliceStable(res.Courses, func(i, j int) bool {
		a, b := res.Courses[i], res.Courses[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		if a.CaseID != b.CaseID {
			return a.CaseID < b.CaseID
		}
		if a.DrugName() != b.DrugName() {
			return a.DrugName() < b.DrugName()
		}
		if a.Rec.File != b.Rec.File {
			return a.Rec.File < b.Rec.File
		}
		return a.Rec.Line < b.Rec.Line
	})
	for i := range ing.Studies {
		res.Studies = append(res.Studies, n.study(&ing.Studies[i]))
	}
	sortStudies(res.Studies)
	n.finishVocab(res)
	res.CacheHits, res.CacheMisses = n.units.Stats()
	n.finishReview(res)
	return res, &n.probs, nil
}

// finishReview fills the drug column of review.csv, orders it, counts it
// and warns about every decision that did not apply.
func (n *normaliser) finishReview(res *Normalised) {
	if !n.replayed { // the Streamer filled the drugs as patients passed
		n.fillReviewDrugs(res.Courses)
		for _, c := range res.Courses {
			n.countCourse(c)
		}
	}
	byPos := map[[2]string]string{}
	for _, s := range res.Studies {
		byPos[[2]string{s.Rec.File, strconv.Itoa(s.Rec.Line)}] = s.DrugName()
	}
	for _, it := range n.items {
		if d, ok := byPos[[2]string{it.File, strconv.Itoa(it.Line)}]; ok && it.Field != fieldDrug {
			it.Drug = d
		}
	}
	counted := map[string]bool{} // studies with a study-level row
	for _, s := range res.Studies {
		counted[s.Study] = true
	}
	rs := &res.ReviewSummary
	rs.File = ReviewFile
	for _, it := range n.items {
		if it.several && it.Decision == "" && counted[it.Study] {
			continue // counted from the study-level row: nothing to decide
		}
		res.Review = append(res.Review, *it)
		if it.Decision != "" {
			rs.Adjudicated++
			continue
		}
		rs.Undecided++
		switch {
		case it.Field != fieldOutcome:
			rs.Terms++
		case it.Confidence == vocab.ConfidenceLow.String():
			rs.LowConfidenceOutcomes++
		default:
			rs.UnclassifiedOutcomes++
		}
	}
	sortReview(res.Review)
	rs.Items = len(res.Review)
	rs.Omitted = n.omitted.Terms + n.omitted.LowConfidenceOutcomes + n.omitted.UnclassifiedOutcomes
	rs.Undecided += rs.Omitted
	rs.Terms += n.omitted.Terms
	rs.LowConfidenceOutcomes += n.omitted.LowConfidenceOutcomes
	rs.UnclassifiedOutcomes += n.omitted.UnclassifiedOutcomes
	for _, it := range res.Review {
		if it.Field == fieldOutcome && it.Decision == "" {
			rs.FirstUndecided = it.File + ":" + strconv.Itoa(it.Line)
			break
		}
	}
	rs.UnclassifiedCourses, rs.AdjudicatedCourses = n.unclassifiedCourses, n.adjudicatedCourses
	if n.dec == nil {
		return
	}
	rs.Decisions = &DecisionsFile{Path: n.dec.Path, SHA256: n.dec.SHA256, Decisions: n.dec.Len()}
	for _, k := range n.dec.keys {
		if n.used[k] {
			continue
		}
		rs.NotApplied++
		d := n.dec.byKey[k]
		what := fmt.Sprintf("decision %q about the %s of study %q, case %q", d.value, k.Field, k.Study, k.Case)
		p := data.Problem{Severity: data.Warning, File: n.dec.Path, Line: d.line, Column: "decision", Value: k.Text}
		if now := n.present[[3]string{k.Study, k.Case, k.Field}]; len(now) > 0 {
			q := make([]string, len(now))
			for i, t := range now {
				q[i] = strconv.Quote(data.Truncate(t, 60))
			}
			p.Code = "decision-text-changed"
			p.Reason = fmt.Sprintf("%s not applied: the text it was made for is no longer there (the %s now reads %s)", what, k.Field, strings.Join(q, ", "))
			p.Hint = "decide the new text in review.csv"
		} else {
			p.Code = "decision-row-gone"
			p.Reason = fmt.Sprintf("%s not applied: no such row any more", what)
			p.Hint = "delete the decision, or check the study and case"
		}
		n.probs.Add(p)
	}
}

// sortStudies orders study-level rows by study, then drug.
func sortStudies(ss []*cohort.StudyCount) {
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := ss[i], ss[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		return a.DrugName() < b.DrugName()
	})
}

// finishVocab lists the vocabulary report's terms and unlisted counts in res, sorted.
func (n *normaliser) finishVocab(res *Normalised) {
	for _, e := range n.vocab {
		res.Vocab = append(res.Vocab, *e)
	}
	sort.Slice(res.Vocab, func(i, j int) bool {
		a, b := res.Vocab[i], res.Vocab[j]
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Term < b.Term
	})
	for k, rows := range n.unlisted {
		res.VocabUnlisted = append(res.VocabUnlisted, VocabUnlisted{Field: k[0], Status: k[1], Rows: rows})
	}
	sort.Slice(res.VocabUnlisted, func(i, j int) bool {
		a, b := res.VocabUnlisted[i], res.VocabUnlisted[j]
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Status < b.Status
	})
}

// fillReviewDrugs fills the drug column of the review rows of the
// courses' records: the drugs of the row, in course order, or for a row
// about the drug term itself its decision, proposal or text.
func (n *normaliser) fillReviewDrugs(courses []*cohort.Course) {
	type pos struct {
		file string
		line int
	}
	byPos := map[pos][]string{}
	for _, c := range courses {
		k := pos{c.Rec.File, c.Rec.Line}
		if d := c.DrugName(); !slices.Contains(byPos[k], d) {
			byPos[k] = append(byPos[k], d)
		}
	}
	items := n.pending
	if !n.replayed {
		items = items[:0]
		for _, it := range n.items {
			items = append(items, it)
		}
	}
	for _, it := range items {
		switch {
		case it.Field != fieldDrug:
			it.Drug = strings.Join(byPos[pos{it.File, it.Line}], " + ")
		case it.Decision != "":
			it.Drug = it.Decision
		case it.Proposed != "":
			it.Drug = it.Proposed
		default:
			it.Drug = strings.ToLower(it.Original)
		}
	}
	n.pending = n.pending[:0]
}

// countCourse counts c in the review summary's course counts.
func (n *normaliser) countCourse(c *cohort.Course) {
	if c.Unclassified() {
		n.unclassifiedCourses++
	}
	if c.Adjudicated() {
		n.adjudicatedCourses++
	}
}

// header returns the user's header of field f in r's file. A dose,
// frequency or route read from the treatment (or drug) cell is reported
// against that column.
func (n *normaliser) header(r *data.Record, f data.Field) string {
	m := n.maps[r.File]
	if m != nil && m.Index[f] >= 0 {
		return m.Columns[m.Index[f]].Header
	}
	if m != nil && (f == data.FieldDose || f == data.FieldFrequency || f == data.FieldRoute) {
		for _, g := range []data.Field{data.FieldDrug, data.FieldTreatment} {
			if m.Index[g] >= 0 {
				return m.Columns[m.Index[g]].Header
			}
		}
	}
	return f.String()
}

func (n *normaliser) warn(r *data.Record, f data.Field, value, code, reason, hint string) {
	n.problem(data.Problem{Severity: data.DefaultSeverity(code), File: r.File, Line: r.Line,
		Column: n.header(r, f), Value: value, Code: code, Reason: reason, Hint: hint})
}

// problem adds p to the problems (or to the log of a Streamer's worker).
func (n *normaliser) problem(p data.Problem) {
	if n.log != nil {
		n.log.add(event{kind: eventProblem, prob: &p})
		return
	}
	n.probs.Add(p)
}

func (n *normaliser) notes(r *data.Record, f data.Field, value string, notes []units.Note) {
	for _, note := range notes {
		n.warn(r, f, value, string(note.Code), note.Msg, "")
	}
}

// term records a vocabulary lookup that was not exact.
func (n *normaliser) term(r *data.Record, f data.Field, m vocab.Match) {
	var status string
	if other := otherSenses(m); other != "" {
		n.warn(r, f, m.Term, "ambiguous-abbreviation", fmt.Sprintf("read as %q, the first sense the vocabulary lists; %s", m.Canonical, other),
			"write the full name, decide it in review.csv, or give the abbreviation one sense in a vocabulary file (--vocab)")
		n.vocabEntry(r, f, m, "ambiguous abbreviation")
		return
	}
	switch m.Status {
	case vocab.StatusExact, vocab.StatusSynonym:
		return
	case vocab.StatusContained:
		if m.Canonical != "" {
			return
		}
		status = "unknown"
	case vocab.StatusFuzzy:
		status = "fuzzy"
		n.warn(r, f, m.Term, "fuzzy-match", fmt.Sprintf("read as %q (edit distance %d)", m.Canonical, m.Distance),
			"correct the spelling, or add the term to the vocabulary")
	case vocab.StatusAmbiguous:
		status = "ambiguous"
		n.warn(r, f, m.Term, "ambiguous-term", "could be any of "+strings.Join(m.Candidates, ", "),
			"write the full name, or add the term to the vocabulary")
	default:
		status = "unknown"
		n.warn(r, f, m.Term, "unknown-term", "not in the "+f.String()+" vocabulary: kept as written",
			"add it to a vocabulary file (--vocab) if it is a synonym of a known term")
	}
	n.vocabEntry(r, f, m, status)
}

// vocabEntry counts a term in vocabulary_report.csv.
func (n *normaliser) vocabEntry(r *data.Record, f data.Field, m vocab.Match, status string) {
	if n.log != nil {
		n.log.add(event{kind: eventVocab, rec: r, field: f, match: &m, status: status})
		return
	}
	k := [2]string{f.String(), strings.ToLower(m.Term)}
	e := n.vocab[k]
	if e == nil {
		if n.vocabN == nil {
			n.vocabN, n.unlisted = map[string]int{}, map[[2]string]int{}
		}
		if n.vocabN[k[0]] >= VocabCap {
			n.unlisted[[2]string{k[0], status}]++
			return
		}
		n.vocabN[k[0]]++
		e = &VocabEntry{Field: f.String(), Term: m.Term, Status: status, Matched: m.Canonical}
		n.vocab[k] = e
	}
	e.Count++
	if len(e.Rows) < 3 {
		e.Rows = append(e.Rows, r.Position())
	}
}

// VocabKinds are the file-name prefixes that give a vocabulary file its
// kind (LoadVocabulary).
var VocabKinds = []string{"drugs", "diseases", "subtypes", "outcomes", "cues", "routes", "sites", "nofuzzy", "timing", "frequencies", "doseunits"}
