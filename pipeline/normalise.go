package pipeline

import (
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
)

// Course is one patient × drug (or procedure) after normalisation: the
// values tresp analyses, each next to the text it came from.
type Course struct {
	Rec     *data.Record
	Study   string
	CaseID  string
	Drug    vocab.Match // Canonical is "" when unknown
	DrugRaw string      // the drug as written
	// Regimen is the sorted canonical names of every drug the patient
	// received, this one included.
	Regimen []string
	// PriorTreatments are the treatments the row names as given before the
	// course ("after CYC", "previously rituximab"): recorded, not analysed.
	PriorTreatments []string
	// Protocol is the named regimen the drug was given in ("R-CHOP"), "" for none.
	Protocol  string
	DoseText  string
	Dose      units.Dose
	Route     string
	Age       units.Age
	Sex       units.Sex
	Disease   vocab.Match
	Subtypes  []vocab.Match
	Size      units.Size
	DiseaseDu units.Duration
	CondDu    units.Duration
	TreatDu   units.Duration
	TimeToRsp units.Duration
	FollowUp  units.Duration
	Outcome   vocab.OutcomeMatch
	// OutcomeText is the outcome cell, or the site-outcome cell when the
	// outcome cell is empty.
	OutcomeText string
	Labs        []units.Lab
	// OutcomeAdjudicated marks an outcome a reviewer decided: Decided is
	// the decision, and Outcome keeps the reader's own reading.
	OutcomeAdjudicated bool
	Decided            vocab.Category

	outcomeSource string // the text the outcome is read from (outcome or site-outcome cell)
	// DrugAdjudicated and DiseaseAdjudicated mark terms a reviewer
	// decided; Drug and Disease then hold the decided term.
	DrugAdjudicated, DiseaseAdjudicated bool
}

// OutcomeInput returns the text the outcome reader read: the site-outcome
// cell when it is given, else the outcome cell; "" when neither is.
func (c *Course) OutcomeInput() string {
	if c.Rec == nil {
		return strings.TrimSpace(c.OutcomeText)
	}
	if so := strings.TrimSpace(c.Rec.Values[data.FieldSiteOutcome]); so != "" {
		return so
	}
	return strings.TrimSpace(c.Rec.Values[data.FieldOutcome])
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
	Courses []*Course
	Studies []*StudyCount
	Vocab   []VocabEntry
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
	probs problemSet
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
	omitted ReviewSummary // values past ReviewCap: counted, not listed
	slab    []Course      // courses not yet handed out (newCourse)
}

// courseSlab is the number of courses allocated at once (newCourse).
const courseSlab = 256

// newCourse returns a zero course from the normaliser's current slab. A
// Course (about 1.8 KB) allocated alone takes the 2 KB size class; from a
// slab it takes its own size, 11 % less at a million courses. Courses live
// until the run ends, so a slab is never freed early anyway.
func (n *normaliser) newCourse() *Course {
	if len(n.slab) == 0 {
		n.slab = make([]Course, courseSlab)
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
	t := normText(text)
	if n.dec == nil || t == "" {
		return nil
	}
	study := strings.TrimSpace(r.Values[data.FieldStudy])
	caseID = strings.TrimSpace(caseID)
	pk := [3]string{study, caseID, field}
	if !slices.Contains(n.present[pk], t) {
		n.present[pk] = append(n.present[pk], t)
	}
	k := decisionKey{Study: study, Case: caseID, Field: field, Text: t}
	d := n.dec.byKey[k]
	if d != nil {
		n.used[k] = true
	}
	return d
}

// review adds a row to review.csv unless one with the same key is there.
func (n *normaliser) review(r *data.Record, caseID, field, text string, it ReviewItem) {
	it.Study, it.Case = strings.TrimSpace(r.Values[data.FieldStudy]), strings.TrimSpace(caseID)
	k := decisionKey{Study: it.Study, Case: it.Case, Field: field, Text: normText(text)}
	if n.items[k] != nil {
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
}

// termDecision applies the decision about a drug or disease term, if any,
// and otherwise records the lookup (vocabulary report, warnings, review).
// It reports whether a decision applied; m is then the decided term.
func (n *normaliser) termDecision(r *data.Record, caseID string, f data.Field, field string, m *vocab.Match, lookup func(string) vocab.Match) bool {
	proposed, conf, rule, ev, needs := termReview(*m)
	if d := n.decide(r, caseID, field, m.Term); d != nil {
		if !needs { // decided although the vocabulary knew it
			proposed, conf, rule = m.Canonical, "high", "vocabulary"
		}
		dm := lookup(d.value)
		if dm.Canonical == "" {
			dm.Canonical = d.value
		}
		dm.Term = m.Term
		*m = dm
		n.review(r, caseID, field, m.Term, ReviewItem{Proposed: proposed, Confidence: conf, Rule: rule, Evidence: ev, Decision: d.value})
		return true
	}
	n.term(r, f, *m)
	if needs {
		n.review(r, caseID, field, m.Term, ReviewItem{Proposed: proposed, Confidence: conf, Rule: rule, Evidence: ev})
	}
	return false
}

// loadVocabulary returns the embedded vocabulary extended by the user
// files. A file's kind comes from its name: drugs*.tsv, diseases*.csv, ….
func loadVocabulary(files []string) (*vocab.Vocabulary, error) {
	if len(files) == 0 {
		return vocab.Default(), nil
	}
	v := vocab.New()
	for _, f := range files {
		base := strings.ToLower(f[strings.LastIndexAny(f, `/\`)+1:])
		var kind vocab.Kind
		for _, k := range vocabKinds {
			if strings.HasPrefix(base, k) {
				kind, _ = vocab.ParseKind(k)
				break
			}
		}
		if kind == 0 {
			return nil, &ConfigError{Key: "vocabulary", Msg: fmt.Sprintf("%s: cannot tell the vocabulary kind from the file name (start it with drugs, diseases, subtypes, outcomes, cues, routes, sites, nofuzzy, timing, frequencies or doseunits)", f)}
		}
		r, err := os.Open(f)
		if err != nil {
			return nil, &ConfigError{Key: "vocabulary", Msg: err.Error()}
		}
		err = v.Extend(r, f, kind)
		r.Close()
		if err != nil {
			return nil, &ConfigError{Key: "vocabulary", Msg: err.Error()}
		}
	}
	return v, nil
}

// Normalise turns accepted records into courses and study counts, applies
// the reviewer's decisions dec (nil for none) and lists in Review every
// value a person should check. A decision that no longer applies (its row
// is gone, or its text changed) is a warning.
//
// The problems are the first ProblemCap of each (severity, code, column).
func Normalise(ing *Ingested, voc *vocab.Vocabulary, dec *Decisions) (*Normalised, []data.Problem) {
	n, probs, _ := normalise(context.Background(), ing, voc, dec)
	return n, probs.kept
}

// newNormaliser returns a normaliser over voc for the tables maps describes (a streaming
// caller passes an empty map and adds each table's mapping as it meets it), applying the
// decisions dec (nil for none).
func newNormaliser(voc *vocab.Vocabulary, maps map[string]*data.Mapping, dec *Decisions) *normaliser {
	return &normaliser{voc: &vocabCache{voc: voc}, units: units.NewNormaliserWith(0, voc.Lexicon()), vocab: map[[2]string]*VocabEntry{}, maps: maps,
		dec: dec, used: map[decisionKey]bool{}, present: map[[3]string][]string{}, items: map[decisionKey]*ReviewItem{}}
}

// normalise is Normalise stopping with an error wrapping ctx.Err() soon
// after ctx is done.
func normalise(ctx context.Context, ing *Ingested, voc *vocab.Vocabulary, dec *Decisions) (*Normalised, *problemSet, error) {
	n := newNormaliser(voc, ing.Mappings, dec)
	res := &Normalised{}
	labs := map[[2]string][]data.Lab{}
	for i := range ing.Labs {
		r := &ing.Labs[i]
		k := [2]string{r.Values[data.FieldStudy], r.Values[data.FieldCaseID]}
		labs[k] = append(labs[k], r.Labs...)
	}
	for i := range ing.Cases {
		if i%4096 == 4095 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("interrupted during normalise: %w", err)
			}
		}
		r := &ing.Cases[i]
		res.Courses = append(res.Courses, n.cases(r, labs[[2]string{r.Values[data.FieldStudy], r.Values[data.FieldCaseID]}])...)
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
	sort.SliceStable(res.Studies, func(i, j int) bool {
		a, b := res.Studies[i], res.Studies[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		return a.DrugName() < b.DrugName()
	})
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
	res.CacheHits, res.CacheMisses = n.units.Stats()
	n.finishReview(res)
	return res, &n.probs, nil
}

// finishReview fills the drug column of review.csv, orders it, counts it
// and warns about every decision that did not apply.
func (n *normaliser) finishReview(res *Normalised) {
	drugs := map[*data.Record][]string{}
	for _, c := range res.Courses {
		if d := c.DrugName(); !slices.Contains(drugs[c.Rec], d) {
			drugs[c.Rec] = append(drugs[c.Rec], d)
		}
	}
	type pos struct {
		file string
		line int
	}
	byPos := map[pos][]string{}
	for r, ds := range drugs {
		byPos[pos{r.File, r.Line}] = ds
	}
	for _, s := range res.Studies {
		byPos[pos{s.Rec.File, s.Rec.Line}] = []string{s.DrugName()}
	}
	rs := &res.ReviewSummary
	rs.File = ReviewFile
	for _, it := range n.items {
		if it.Field != fieldDrug {
			it.Drug = strings.Join(byPos[pos{it.File, it.Line}], " + ")
		} else if it.Decision != "" {
			it.Drug = it.Decision
		} else if it.Proposed != "" {
			it.Drug = it.Proposed
		} else {
			it.Drug = strings.ToLower(it.Original)
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
	for _, c := range res.Courses {
		if c.Unclassified() {
			rs.UnclassifiedCourses++
		}
		if c.Adjudicated() {
			rs.AdjudicatedCourses++
		}
	}
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
		n.probs.add(p)
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
	n.probs.add(data.Problem{Severity: data.DefaultSeverity(code), File: r.File, Line: r.Line,
		Column: n.header(r, f), Value: value, Code: code, Reason: reason, Hint: hint})
}

func (n *normaliser) notes(r *data.Record, f data.Field, value string, notes []units.Note) {
	for _, note := range notes {
		n.warn(r, f, value, string(note.Code), note.Msg, "")
	}
}

// term records a vocabulary lookup that was not exact.
func (n *normaliser) term(r *data.Record, f data.Field, m vocab.Match) {
	var status string
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

// cases expands one case row into its courses.
//
// A treatment cell gives one course per drug or procedure it names; a named regimen
// ("R-CHOP", "HLH-2004") gives one course per component drug, with the regimen in
// Protocol, and a component also written out ("HLH-2004 (etoposide + dex + CsA)") is one
// course. Text after a drug that holds no number ("tocilizumab sc", "posaconazole
// salvage") is not a dose: a route word in it is the route. The Dose column applies to
// the only course of the row; with several, to the drugs it names ("MMF 1 g bd; pred 40
// mg/d"), or, when it names none, to no course, with a dose-unattributed warning (unless
// all courses are one regimen's components, which share its schedule).
func (n *normaliser) cases(r *data.Record, extraLabs []data.Lab) []*Course {
	base := Course{Rec: r, Study: r.Values[data.FieldStudy], CaseID: r.Values[data.FieldCaseID]}
	n.patient(r, &base, extraLabs)
	var out []*Course
	defer func() { n.readOutcome(r, &base, out) }() // every return: the outcome needs the courses' treatments
	drugField := data.FieldDrug
	if r.Values[data.FieldDrug] == "" {
		drugField = data.FieldTreatment
	}
	add := func(name, dose, route, protocol string) {
		c := n.newCourse()
		*c = base
		c.DrugRaw = strings.TrimSpace(name)
		c.Protocol = protocol
		hints := []string{dose, r.Values[data.FieldDisease], r.Values[data.FieldFrequency]}
		c.Drug = n.voc.Drug(c.DrugRaw, route, hints...)
		c.DrugAdjudicated = n.termDecision(r, c.CaseID, drugField, fieldDrug, &c.Drug,
			func(t string) vocab.Match { return n.voc.Drug(t, route, hints...) })
		c.DoseText = strings.TrimSpace(dose)
		c.Route = route
		out = append(out, c)
	}
	route := r.Values[data.FieldRoute]
	doseCell := strings.TrimSpace(r.Values[data.FieldDose])
	if drug := r.Values[data.FieldDrug]; drug != "" {
		add(drug, doseCell, route, "")
		n.finishDoses(r, &base, out)
		return out
	}
	var prior []string
	for _, seg := range units.SplitTreatment(r.Values[data.FieldTreatment]) {
		// Dotted abbreviations ("t.i.d.", "b.i.d.", "p.o.") are hidden from
		// the drug scan, so their letters ("i.d") never make a phantom
		// procedure; offsets stay those of seg.
		ms := n.voc.ScanDrugs(maskDotted(seg), r.Values[data.FieldDisease])
		if len(ms) == 0 {
			name, dose := splitNameDose(seg)
			add(name, dose, route, "")
			continue
		}
		for i, m := range ms {
			if m.Kind == "exclusion" {
				continue // "serum calcium", "vitamin D deficiency": not a treatment
			}
			if m.Prior {
				name := m.Canonical
				if name == "" {
					name = strings.ToLower(m.Term)
				}
				if !contains(prior, name) {
					prior = append(prior, name)
				}
				continue
			}
			end := len(seg)
			if i+1 < len(ms) {
				end = ms[i+1].Start
			}
			dose := trimConnectors(seg[m.End:end])
			rt := route
			if rt == "" {
				rt = m.Route
			}
			if dose != "" && !strings.ContainsAny(dose, "0123456789") {
				// "sc", "salvage", ")": no amount, so not a dose; a route word is the route
				if d := n.units.Dose(dose); rt == "" && d.Route != units.RouteUnknown {
					rt = string(d.Route)
				}
				dose = ""
			}
			if len(m.Components) > 0 {
				for _, comp := range m.Components {
					add(comp, dose, rt, m.Canonical)
				}
				continue
			}
			add(seg[m.Start:m.End], dose, rt, "")
		}
	}
	out = mergeComponents(out)
	for _, c := range out {
		c.PriorTreatments = prior
	}
	n.attributeDoseColumn(r, out, doseCell)
	n.finishDoses(r, &base, out)
	return out
}

// mergeComponents keeps one course per drug of a row: a regimen's component that is also
// written out ("HLH-2004 (etoposide + dex + CsA)") is the written course, with the
// regimen as its protocol.
func mergeComponents(out []*Course) []*Course {
	if len(out) < 2 {
		return out
	}
	keep := out[:0:0]
	seen := map[string]*Course{}
	for _, c := range out {
		k := c.DrugName()
		prev := seen[k]
		if prev == nil || c.Drug.Canonical == "" {
			seen[k] = c
			keep = append(keep, c)
			continue
		}
		if prev.Protocol != "" && c.Protocol == "" {
			c.Protocol = prev.Protocol
			*prev = *c // the written mention replaces the component, in the component's place
		} else if prev.Protocol == "" && c.Protocol != "" {
			prev.Protocol = c.Protocol
		}
		if prev.DoseText == "" {
			prev.DoseText = c.DoseText
		}
	}
	return keep
}

// attributeDoseColumn gives the Dose column to the courses of a treatment cell: to the
// only course; with several, to the drugs the cell names; else to none, with a warning.
func (n *normaliser) attributeDoseColumn(r *data.Record, out []*Course, cell string) {
	if cell == "" || len(out) == 0 {
		return
	}
	if len(out) == 1 {
		if out[0].DoseText == "" {
			out[0].DoseText = cell
		}
		return
	}
	ms := n.voc.ScanDrugs(maskDotted(cell))
	var named []vocab.Mention
	for _, m := range ms {
		if m.Kind != "exclusion" && m.Canonical != "" {
			named = append(named, m)
		}
	}
	if len(named) == 0 {
		protocol := out[0].Protocol
		for _, c := range out {
			if c.Protocol == "" || c.Protocol != protocol {
				protocol = ""
			}
		}
		if protocol != "" { // "R-CHOP" with "x 6 cycles": the regimen's schedule
			for _, c := range out {
				if c.DoseText == "" {
					c.DoseText = cell
				}
			}
			return
		}
		names := make([]string, len(out))
		for i, c := range out {
			names[i] = c.DrugName()
		}
		n.warn(r, data.FieldDose, cell, "dose-unattributed",
			fmt.Sprintf("the dose names no drug and the row has %d treatments (%s): not attributed to any of them", len(out), strings.Join(names, ", ")),
			"write the drug before each dose (\"MMF 1 g bd; pred 40 mg/d\"), or give each treatment its own row")
		return
	}
	for i, m := range named {
		end := len(cell)
		if i+1 < len(named) {
			end = named[i+1].Start
		}
		piece := trimConnectors(cell[m.End:end])
		var to *Course
		for _, c := range out {
			if c.Drug.Canonical == m.Canonical && c.DoseText == "" {
				to = c
				break
			}
		}
		if to == nil {
			n.warn(r, data.FieldDose, cell, "dose-unattributed",
				fmt.Sprintf("the dose of %q names a drug that is not a treatment of the row (or already has a dose): not attributed", m.Term),
				"check the treatment and dose cells of the row")
			continue
		}
		to.DoseText = piece
	}
}

// finishDoses parses every course's dose text (with the frequency column), with the row's
// weight, body surface area and treatment duration, and fills the route.
func (n *normaliser) finishDoses(r *data.Record, base *Course, out []*Course) {
	opt := units.DoseOptions{WeightKg: weightKg(r.Values[data.FieldWeight]), BSA: bsaM2(r.Values[data.FieldBSA], r.Values[data.FieldHeight], r.Values[data.FieldWeight])}
	if d := base.TreatDu.Days; d > 0 && !math.IsInf(d, 0) {
		opt.CourseDays = d
	}
	for _, c := range out {
		if freq := r.Values[data.FieldFrequency]; freq != "" {
			c.DoseText = strings.TrimSpace(c.DoseText + " " + freq)
		}
		if c.DoseText != "" {
			c.Dose = n.units.DoseWith(c.DoseText, opt)
			n.notes(r, data.FieldDose, c.DoseText, c.Dose.Notes)
		} else {
			c.Dose = n.units.Dose("")
		}
		if c.Route == "" {
			c.Route = c.Drug.Route
		}
		if c.Route == "" && c.Dose.Route != units.RouteUnknown {
			c.Route = string(c.Dose.Route)
		}
		if note, ok := units.CheckDrugDose(c.Drug.Canonical, c.Drug.Code, c.Route, c.Dose); ok {
			n.notes(r, data.FieldDose, c.DoseText, []units.Note{note})
		}
	}
}

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

// readOutcome reads the row's outcome text once, knowing the row's treatments (so that a
// statement naming another treatment is history), and gives the reading to every course
// of the row.
func (n *normaliser) readOutcome(r *data.Record, base *Course, out []*Course) {
	text := base.outcomeSource
	var buf [4]string
	treatments := buf[:0]
	for _, c := range out {
		treatments = append(treatments, c.DrugRaw)
		if c.Drug.Canonical != "" {
			treatments = append(treatments, c.Drug.Canonical)
		}
	}
	first := base
	if len(out) > 0 {
		first = out[0]
	}
	first.Outcome = n.voc.OutcomeFor(text, treatments)
	n.outcome(r, first, strings.TrimSpace(text))
	for _, c := range out[min(1, len(out)):] {
		c.Outcome, c.OutcomeAdjudicated, c.Decided = first.Outcome, first.OutcomeAdjudicated, first.Decided
	}
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

// maskDotted returns s with every dotted abbreviation of two or more
// single letters ("t.i.d.", "b.i.d", "q.d.", "p.o.", "i.v.") replaced by as
// many spaces, so a scan of the result gives offsets valid in s.
func maskDotted(s string) string {
	isLetter := func(i int) bool {
		return i >= 0 && i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z')
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if !isLetter(i) || isLetter(i-1) || (i > 0 && s[i-1] == '.') {
			continue
		}
		j, n := i, 0
		for isLetter(j) && !isLetter(j+1) && j+1 < len(s) && s[j+1] == '.' {
			j += 2
			n++
		}
		if n >= 1 && isLetter(j) && !isLetter(j+1) {
			j++ // "b.i.d" without its final dot
			n++
		}
		if n < 2 {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for k := i; k < j; k++ {
			b[k] = ' '
		}
		i = j - 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

// splitNameDose splits an unrecognised treatment phrase at its first digit:
// "Zorbazumab 5 mg daily" is drug "Zorbazumab", dose "5 mg daily", so the
// same unknown drug at two doses stays one group.
func splitNameDose(seg string) (name, dose string) {
	i := strings.IndexAny(seg, "0123456789")
	if i <= 0 {
		return strings.TrimSpace(seg), ""
	}
	return strings.TrimSpace(seg[:i]), strings.TrimSpace(seg[i:])
}

// trimConnectors removes punctuation and joining words around the dose
// text between two drug mentions ("diltiazem and risedronate" leaves no
// dose "and").
func trimConnectors(s string) string {
	words := []string{"and", "with", "plus", "or", "then", "after", "following", "failed", "prior", "previously"}
	for {
		t := strings.Trim(s, " ,;:-+/&")
		for _, w := range words {
			low := strings.ToLower(t)
			if low == w {
				return ""
			}
			if strings.HasSuffix(low, " "+w) {
				t = t[:len(t)-len(w)-1]
			} else if strings.HasPrefix(low, w+" ") {
				t = t[len(w)+1:]
			}
		}
		if t == s {
			return t
		}
		s = t
	}
}

// patient fills the per-patient fields shared by every course of a row.
func (n *normaliser) patient(r *data.Record, c *Course, extraLabs []data.Lab) {
	v := &r.Values
	if v[data.FieldAge] != "" {
		text := v[data.FieldAge]
		if as := v[data.FieldAgeSex]; as != "" {
			if a, _ := data.SplitAgeSex(as); a == text {
				text = as // "45/F" is the age-sex notation: years, no assumed unit
			}
		}
		c.Age = n.units.Age(text)
		n.notes(r, data.FieldAge, text, c.Age.Notes)
	} else {
		c.Age = units.Age{Years: math.NaN(), MinYears: math.NaN(), MaxYears: math.NaN()}
	}
	c.Sex = units.ParseSex(v[data.FieldSex])
	if c.Sex == units.SexUnknown {
		c.Sex = c.Age.Sex
	}
	if v[data.FieldDisease] != "" {
		c.Disease = n.voc.Disease(v[data.FieldDisease])
		c.DiseaseAdjudicated = n.termDecision(r, c.CaseID, data.FieldDisease, fieldDisease, &c.Disease, n.voc.Disease)
	}
	if v[data.FieldSubtype] != "" {
		c.Subtypes = n.voc.Subtype("", v[data.FieldSubtype])
		if len(c.Subtypes) == 0 {
			n.term(r, data.FieldSubtype, vocab.Match{Term: v[data.FieldSubtype]})
		}
	}
	if v[data.FieldLesionSize] != "" {
		c.Size = n.units.Size(v[data.FieldLesionSize])
		n.notes(r, data.FieldLesionSize, v[data.FieldLesionSize], c.Size.Notes)
	} else {
		c.Size = units.ParseSize("")
	}
	age := c.Age.Years
	dur := func(f data.Field) units.Duration {
		t := v[f]
		d := n.units.DurationAge(t, age)
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
	c.OutcomeText = v[data.FieldOutcome]
	text := c.OutcomeText
	if so := v[data.FieldSiteOutcome]; so != "" {
		if text == "" {
			c.OutcomeText = so
		}
		text = so
	}
	c.outcomeSource = text // read in cases, once the course's treatments are known
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
}

// outcome applies the decision about the outcome text of a course, if
// any; else it warns about an unclassified or low-confidence reading and
// lists it in review.csv. An empty text is "not reported", not a reading.
func (n *normaliser) outcome(r *data.Record, c *Course, text string) {
	o := c.Outcome
	if text == "" || o.NotAttributable {
		return
	}
	needs := o.Category == vocab.Unclassified || o.Confidence != vocab.ConfidenceHigh
	rule := o.Evidence.Rule
	if rule == "" {
		rule = o.Rule
	}
	item := func() ReviewItem { // built only for rows that go to review.csv
		proposed := o.Category
		if o.Confidence == vocab.ConfidenceLow {
			proposed = o.Proposed
		}
		return ReviewItem{Proposed: proposed.String(), Confidence: o.Confidence.String(), Rule: rule, Evidence: formatOutcomeEvidence(o.Evidence)}
	}
	if d := n.decide(r, c.CaseID, fieldOutcome, text); d != nil {
		it := item()
		c.OutcomeAdjudicated, c.Decided = true, d.category
		it.Decision = d.category.String()
		n.review(r, c.CaseID, fieldOutcome, text, it)
		return
	}
	switch {
	case o.Confidence == vocab.ConfidenceLow:
		n.warn(r, data.FieldOutcome, text, "low-confidence-outcome",
			fmt.Sprintf("read as %q with low confidence (rule %q): left out of numerator and denominator until confirmed in review.csv", o.Proposed, rule),
			"confirm or correct it in the decision column of review.csv and rerun with --decisions review.csv")
	case o.Category == vocab.Unclassified:
		n.warn(r, data.FieldOutcome, text, "unclassified-outcome",
			"the outcome could not be classified: left out of numerator and denominator until decided in review.csv",
			"fill its decision column and rerun with --decisions review.csv, or extend outcomes.tsv")
		n.vocabEntry(r, data.FieldOutcome, vocab.Match{Term: text}, "unknown")
	}
	if needs {
		n.review(r, c.CaseID, fieldOutcome, text, item())
	}
}

// setRegimens records, for every course, the canonical drugs of its patient.
func setRegimens(cs []*Course) {
	by := map[[2]string]map[string]bool{}
	for _, c := range cs {
		k := [2]string{c.Study, c.CaseID}
		if by[k] == nil {
			by[k] = map[string]bool{}
		}
		by[k][c.DrugName()] = true
	}
	for _, c := range cs {
		set := by[[2]string{c.Study, c.CaseID}]
		reg := make([]string, 0, len(set))
		for d := range set {
			reg = append(reg, d)
		}
		sort.Strings(reg)
		c.Regimen = reg
	}
}

func (n *normaliser) study(r *data.Record) *StudyCount {
	v := &r.Values
	s := &StudyCount{Rec: r, Study: v[data.FieldStudy], DrugRaw: v[data.FieldDrug], Definition: v[data.FieldResponseDefinition]}
	if strings.EqualFold(strings.TrimSpace(s.DrugRaw), "all") {
		s.All = true
	} else {
		s.Drug = n.voc.Drug(s.DrugRaw, "")
		s.DrugAdjudicated = n.termDecision(r, "", data.FieldDrug, fieldDrug, &s.Drug,
			func(t string) vocab.Match { return n.voc.Drug(t, "") })
	}
	if v[data.FieldDisease] != "" {
		s.Disease = n.voc.Disease(v[data.FieldDisease])
		s.DiseaseAdjudicated = n.termDecision(r, "", data.FieldDisease, fieldDisease, &s.Disease, n.voc.Disease)
	}
	atoi := func(f data.Field) (int, bool) {
		if v[f] == "" {
			return 0, false
		}
		x, _ := data.ParseCount(v[f]) // checked at ingest (checkStudyRow)
		return x, true
	}
	s.Treated, _ = atoi(data.FieldTreated)
	s.Responders, _ = atoi(data.FieldResponders)
	s.NotEvaluable, _ = atoi(data.FieldNotEvaluable)
	for f, cat := range map[data.Field]vocab.Category{data.FieldComplete: vocab.Complete, data.FieldPartial: vocab.Partial,
		data.FieldMinimal: vocab.Minimal, data.FieldNone: vocab.None, data.FieldProgression: vocab.Progression} {
		if x, ok := atoi(f); ok {
			if s.ByCategory == nil {
				s.ByCategory = map[vocab.Category]int{}
			}
			s.ByCategory[cat] = x
		}
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// groupUnknownDiseases gives every spelling of one unknown disease the same display form:
// terms equal after folding case, accents, punctuation and spacing ("Foo-Bar disease",
// "foo bar  Disease") are shown as their most frequent spelling (the first met on a tie),
// so one disease is one row in every table.
func groupUnknownDiseases(cs []*Course) {
	type tally struct {
		count map[string]int
		order []string
	}
	by := map[string]*tally{}
	for _, c := range cs {
		t := strings.TrimSpace(c.Disease.Term)
		if c.Disease.Canonical != "" || t == "" {
			continue
		}
		k := vocab.Normalize(t)
		g := by[k]
		if g == nil {
			g = &tally{count: map[string]int{}}
			by[k] = g
		}
		if g.count[t] == 0 {
			g.order = append(g.order, t)
		}
		g.count[t]++
	}
	for _, c := range cs {
		t := strings.TrimSpace(c.Disease.Term)
		if c.Disease.Canonical != "" || t == "" {
			continue
		}
		g := by[vocab.Normalize(t)]
		best := g.order[0]
		for _, s := range g.order[1:] {
			if g.count[s] > g.count[best] {
				best = s
			}
		}
		c.Disease.Term = best
	}
}
