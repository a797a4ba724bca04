package normalise

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/internal/csvout"
	"github.com/tresp/tresp/pipeline/config"
)

// ReviewFile is the name of the review list at the top of every output
// directory.
const ReviewFile = "review.csv"

// The fields a review row or a decision can be about.
const (
	fieldOutcome = "outcome"
	fieldDrug    = "drug"
	fieldDisease = "disease"
)

// reviewHeader is the header of review.csv, which is also the format of a
// decisions file.
var reviewHeader = []string{"file", "line", "study", "case", "drug", "field", "original_text",
	"proposed_value", "confidence", "rule", "evidence", "decision"}

// ReviewItem is one row of review.csv: a value tresp could not read with
// confidence (an unclassified or low-confidence outcome, an unknown, fuzzy
// or ambiguous drug or disease term), or one a reviewer decided.
type ReviewItem struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Study      string `json:"study"`
	Case       string `json:"case"`
	Drug       string `json:"drug"`
	Field      string `json:"field"` // outcome, drug or disease
	Original   string `json:"original_text"`
	Proposed   string `json:"proposed_value"` // what tresp read ("unclassified", a canonical term, or "")
	Confidence string `json:"confidence"`     // none, low or high
	Rule       string `json:"rule"`
	Evidence   string `json:"evidence"`
	Decision   string `json:"decision"` // the decision applied, "" while undecided
	// several marks an outcome text about several patients ("2 of 3 improved"): listed
	// only when its study has no study-level row to count it from (finishReview)
	several bool
}

// ReviewSummary is the review section of summary.json: what review.csv
// lists and which decisions a run applied.
type ReviewSummary struct {
	File  string `json:"file"`  // review.csv, at the top of the output directory
	Items int    `json:"items"` // rows of review.csv
	// Omitted counts the rows past ReviewCap that needed review but are not
	// listed (counted per input row); they are included in the counts below.
	Omitted int `json:"omitted,omitempty"`
	// Undecided counts the rows without a decision; the three counts
	// below split them.
	Undecided             int `json:"undecided"`
	UnclassifiedOutcomes  int `json:"unclassified_outcomes"`
	LowConfidenceOutcomes int `json:"low_confidence_outcomes"`
	Terms                 int `json:"terms"`
	// UnclassifiedCourses counts the courses left out of every numerator
	// and denominator because their outcome is unclassified.
	UnclassifiedCourses int `json:"unclassified_courses"`
	// FirstUndecided is the position (FILE:LINE) of the first outcome
	// that awaits a decision, "" when none does.
	FirstUndecided string `json:"first_undecided_outcome,omitempty"`
	// Decisions is the decisions file read, nil when none was given.
	Decisions *DecisionsFile `json:"decisions,omitempty"`
	// Adjudicated counts the decisions applied and AdjudicatedCourses the
	// courses that carry at least one adjudicated value.
	Adjudicated        int `json:"adjudicated"`
	AdjudicatedCourses int `json:"adjudicated_courses"`
	// NotApplied counts decisions whose row or text no longer exists.
	NotApplied int `json:"decisions_not_applied"`
}

// DecisionsFile identifies the decisions file of a run.
type DecisionsFile struct {
	Path      string `json:"path"`
	SHA256    string `json:"sha256"`
	Decisions int    `json:"decisions"` // rows with a non-empty decision
}

// DecisionsError is a malformed decisions file: the file, the 1-based line
// and column (in bytes) of the offending cell, and what is wrong.
type DecisionsError struct {
	File         string
	Line, Column int
	Msg          string
}

// Error returns "FILE:LINE:COLUMN: MSG".
func (e *DecisionsError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// decisionKey identifies what a decision is about: study, case, field and
// the original text, so that a decision survives reordered rows and stops
// applying when the text changes.
type decisionKey struct {
	Study, Case, Field, Text string
}

// decision is one filled row of a decisions file.
type decision struct {
	line, column int
	value        string         // as written, trimmed
	category     vocab.Category // for the outcome field
}

// Decisions are a reviewer's decisions, read from a filled review.csv.
type Decisions struct {
	Path   string
	SHA256 string
	byKey  map[decisionKey]*decision
	keys   []decisionKey // in file order
}

// Len returns the number of distinct decisions.
func (d *Decisions) Len() int {
	if d == nil {
		return 0
	}
	return len(d.keys)
}

// LoadDecisions reads the decisions file at path; "" means none (nil, nil).
// A file that cannot be opened is a *config.Error; a malformed one a
// *DecisionsError.
func LoadDecisions(path string) (*Decisions, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &config.Error{Key: "decisions", Msg: fmt.Sprintf("cannot read the decisions file: %v", err)}
	}
	defer f.Close()
	return ReadDecisions(f, path)
}

// normText is how original texts are compared: trimmed and cleaned as
// tresp's CSV writer cleans cells (csvout.Clean: line ends read as LF,
// control characters dropped), since a spreadsheet may rewrite either.
func normText(s string) string {
	return strings.TrimSpace(csvout.Clean(s))
}

// acceptWords in the decision column confirm the row's proposed_value.
var acceptWords = map[string]bool{"accept": true, "accepted": true, "ok": true, "yes": true, "y": true}

// ReadDecisions reads a decisions file: a review.csv whose decision column
// a reviewer filled. The columns study, case, field, original_text and
// decision are required, in any order; others are ignored, and so are rows
// with an empty decision. An outcome decision is a category name
// (vocab.ParseCategory) other than unclassified; a drug or disease
// decision is the term to use; "accept" (or "ok", "yes") confirms the
// row's proposed_value. The same decision twice is fine; two different
// decisions for one study, case, field and text are an error.
func ReadDecisions(r io.Reader, name string) (*Decisions, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, &config.Error{Key: "decisions", Msg: fmt.Sprintf("%s: cannot read: %v", name, err)}
	}
	sum := sha256.Sum256(b)
	d := &Decisions{Path: name, SHA256: hex.EncodeToString(sum[:]), byKey: map[decisionKey]*decision{}}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a BOM, as spreadsheets write
	fail := func(line, col int, format string, a ...any) error {
		return &DecisionsError{File: name, Line: line, Column: col, Msg: fmt.Sprintf(format, a...)}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, fail(1, 1, "the decisions file is empty (pass a review.csv whose decision column is filled)")
	}
	cr := csv.NewReader(bytes.NewReader(b))
	if first, _, _ := bytes.Cut(b, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';' // saved by a spreadsheet in a decimal-comma locale
	}
	posErr := func(err error) error {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return fail(pe.Line, pe.Column, "%v", pe.Err)
		}
		return fail(1, 1, "%v", err)
	}
	header, err := cr.Read()
	if err != nil {
		return nil, posErr(err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "case_id" {
			h = "case"
		}
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	for _, need := range []string{"study", "case", "field", "original_text", "decision"} {
		if _, ok := col[need]; !ok {
			return nil, fail(1, 1, "missing column %q (a decisions file is a review.csv with its decision column filled; it needs study, case, field, original_text and decision)", need)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, posErr(err)
		}
		value := strings.TrimSpace(rec[col["decision"]])
		if value == "" {
			continue
		}
		if acceptWords[strings.ToLower(value)] {
			// "accept": the reviewer confirms what tresp proposed on this row
			pc, ok := col["proposed_value"]
			proposed := ""
			if ok {
				proposed = strings.TrimSpace(csvout.Unneutralize(rec[pc]))
			}
			if proposed == "" || strings.EqualFold(proposed, vocab.Unclassified.String()) {
				l, c := cr.FieldPos(col["decision"])
				return nil, fail(l, c, "column \"decision\": %q confirms the proposed value, but this row proposes none (write the value itself)", value)
			}
			value = proposed
		}
		line, _ := cr.FieldPos(0)
		pos := func(c int) (int, int) { return cr.FieldPos(c) }
		dl, dc := pos(col["decision"])
		fld := strings.ToLower(strings.TrimSpace(rec[col["field"]]))
		// study, case and original_text were written by tresp's CSV writer:
		// a formula-like cell carries a quote to remove (csvout.Unneutralize).
		k := decisionKey{Study: strings.TrimSpace(csvout.Unneutralize(rec[col["study"]])), Case: strings.TrimSpace(csvout.Unneutralize(rec[col["case"]])),
			Field: fld, Text: normText(csvout.Unneutralize(rec[col["original_text"]]))}
		dec := &decision{line: line, column: dc, value: value}
		switch fld {
		case fieldOutcome:
			cat, err := vocab.ParseCategory(value)
			if err != nil {
				return nil, fail(dl, dc, "column \"decision\": %v", err)
			}
			if cat == vocab.Unclassified {
				return nil, fail(dl, dc, "column \"decision\": %q is not a decision (leave the cell empty to keep the course undecided)", value)
			}
			dec.category = cat
		case fieldDrug, fieldDisease:
		default:
			l, c := pos(col["field"])
			return nil, fail(l, c, "column \"field\": %q is not a field a decision can be about (outcome, drug or disease)", rec[col["field"]])
		}
		if k.Study == "" || k.Text == "" {
			return nil, fail(dl, dc, "a decision needs the study and the original_text of its row (copy the row from review.csv)")
		}
		if prev, ok := d.byKey[k]; ok {
			same := prev.value == value || fld == fieldOutcome && prev.category == dec.category
			if !same {
				return nil, fail(dl, dc, "conflicting decisions for study %q, case %q, %s %q: %q here, %q on line %d (keep one)",
					k.Study, k.Case, fld, data.Truncate(k.Text, 60), value, prev.value, prev.line)
			}
			continue
		}
		d.byKey[k] = dec
		d.keys = append(d.keys, k)
	}
	return d, nil
}

// formatOutcomeEvidence describes the evidence of an outcome reading for
// review.csv: the decisive phrase with its byte span, and the cue.
func formatOutcomeEvidence(e vocab.Evidence) string {
	var parts []string
	if e.Phrase != "" {
		parts = append(parts, fmt.Sprintf("%q at %d-%d", e.Phrase, e.Start, e.End))
	}
	if e.Cue != "" {
		parts = append(parts, fmt.Sprintf("cue %q", e.Cue))
	}
	return strings.Join(parts, "; ")
}

// termReview describes a term lookup that needs a person: its proposed
// value, confidence, rule and evidence. ok is false for a term read with
// confidence.
func termReview(m vocab.Match) (proposed, confidence, rule, evidence string, ok bool) {
	if other := otherSenses(m); other != "" {
		return m.Canonical, "low", "ambiguous abbreviation", other, true
	}
	switch m.Status {
	case vocab.StatusExact, vocab.StatusSynonym:
		return "", "", "", "", false
	case vocab.StatusContained:
		if m.Canonical != "" {
			return "", "", "", "", false
		}
	case vocab.StatusFuzzy:
		return m.Canonical, "low", "fuzzy match", fmt.Sprintf("edit distance %d to %q", m.Distance, m.Matched), true
	case vocab.StatusAmbiguous:
		return "", "low", "ambiguous term", "could be any of " + strings.Join(m.Candidates, ", "), true
	}
	return "", "none", "unknown term", "not in the vocabulary", true
}

// otherSenses says what else an abbreviation of several diseases read as its first sense may
// stand for ("could also be hidradenitis suppurativa"), or "" for a term of one sense.
func otherSenses(m vocab.Match) string {
	if len(m.Senses) == 0 || m.Canonical == "" {
		return ""
	}
	return "could also be " + strings.Join(m.Senses, ", ")
}

// WriteReview writes review.csv.
func WriteReview(w *bufio.Writer, items []ReviewItem) error {
	cw := csvout.NewWriter(w)
	cw.Write(reviewHeader)
	for _, it := range items {
		cw.Write([]string{it.File, strconv.Itoa(it.Line), it.Study, it.Case, it.Drug, it.Field, it.Original,
			it.Proposed, it.Confidence, it.Rule, it.Evidence, it.Decision})
	}
	cw.Flush()
	return cw.Error()
}

// fieldRank orders the rows of one source line in review.csv.
var fieldRank = map[string]int{fieldDrug: 0, fieldDisease: 1, fieldOutcome: 2}

// sortReview orders review rows by source file, line, field and text, so
// that review.csv is the same for the same inputs.
func sortReview(items []ReviewItem) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Field != b.Field {
			return fieldRank[a.Field] < fieldRank[b.Field]
		}
		if a.Original != b.Original {
			return a.Original < b.Original
		}
		return a.Study+"\x00"+a.Case < b.Study+"\x00"+b.Case
	})
}
