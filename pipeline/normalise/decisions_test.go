package normalise

import (
	"errors"
	"strings"
	"testing"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
)

func TestReadDecisions(t *testing.T) {
	h := "study,case,field,original_text,decision\n"
	tests := []struct {
		name string
		in   string
		n    int    // distinct decisions
		err  string // "" for none; else the whole error
	}{
		{"empty decisions skipped", h + "S,1,outcome,banana,\nS,2,outcome,kiwi,  \n", 0, ""},
		{"outcome and terms", h + "S,1,outcome,banana,partial\nS,1,drug,zorbazumab,methotrexate\nS,1,disease,dm,dermatomyositis\n", 3, ""},
		{"any column order, extra columns, case_id", "decision,original_text,note,field,case_id,study\nCR,banana,x,Outcome,1,S\n", 1, ""},
		{"BOM and semicolons", "\ufeffstudy;case;field;original_text;decision\nS;1;outcome;banana;none\n", 1, ""},
		{"CRLF and spaces in text", h + "S,1,outcome,\" two\r\nlines \",none\r\n", 1, ""},
		{"duplicate, same category spelt two ways", h + "S,1,outcome,banana,partial\nS,1,outcome, banana ,PR\n", 1, ""},
		{"conflict", h + "S,1,outcome,banana,partial\nS,1,outcome,banana,none\n", 0,
			`d.csv:3:20: conflicting decisions for study "S", case "1", outcome "banana": "none" here, "partial" on line 2 (keep one)`},
		{"term conflict", h + "S,1,drug,zorb,methotrexate\nS,1,drug,zorb,diltiazem\n", 0,
			`d.csv:3:15: conflicting decisions for study "S", case "1", drug "zorb": "diltiazem" here, "methotrexate" on line 2 (keep one)`},
		{"unknown category", h + "S,1,outcome,banana,great\n", 0,
			`d.csv:2:20: column "decision": unknown outcome category "great" (use one of: complete, partial, minimal, none, progression, not evaluable)`},
		{"missing column", "study,case,field,decision\n", 0,
			`d.csv:1:1: missing column "original_text" (a decisions file is a review.csv with its decision column filled; it needs study, case, field, original_text and decision)`},
		{"bad field", h + "S,1,route,oral,iv\n", 0, `d.csv:2:5: column "field": "route" is not a field a decision can be about (outcome, drug or disease)`},
		{"no study", h + ",1,outcome,banana,none\n", 0, `d.csv:2:19: a decision needs the study and the original_text of its row (copy the row from review.csv)`},
		{"quote error", h + "S,1,outcome,ba\"na,none\n", 0, `d.csv:2:15: bare " in non-quoted-field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadDecisions(strings.NewReader(tt.in), "d.csv")
			if tt.err != "" {
				var de *DecisionsError
				if !errors.As(err, &de) || err.Error() != tt.err {
					t.Fatalf("err = %v (%T)\nwant %s", err, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Len() != tt.n {
				t.Errorf("%d decisions, want %d", d.Len(), tt.n)
			}
		})
	}
	d, err := ReadDecisions(strings.NewReader(h+"S,1,outcome,\" two\r\nlines \",none\n"), "d.csv")
	if err != nil {
		t.Fatal(err)
	}
	if dec := d.byKey[decisionKey{"S", "1", "outcome", "two\nlines"}]; dec == nil || dec.category != vocab.None {
		t.Errorf("key with normalised text not found: %v", d.byKey)
	}
}

// TestOutcomeReview checks how each kind of reading enters review.csv and
// the warnings and the rates: a low-confidence reading is a proposal,
// unclassified until decided.
func TestOutcomeReview(t *testing.T) {
	high := vocab.OutcomeMatch{Category: vocab.Partial, Confidence: vocab.ConfidenceHigh, Evidence: vocab.Evidence{Rule: "phrase", Phrase: "improved", Start: 0, End: 8}}
	low := vocab.OutcomeMatch{Category: vocab.Unclassified, Proposed: vocab.Partial, Confidence: vocab.ConfidenceLow,
		Evidence: vocab.Evidence{Rule: "hedge", Cue: "possibly", Phrase: "improved", Start: 9, End: 17}}
	none := vocab.OutcomeMatch{Category: vocab.Unclassified, Confidence: vocab.ConfidenceNone}
	agg := vocab.OutcomeMatch{NotAttributable: true}
	tests := []struct {
		name     string
		text     string
		m        vocab.OutcomeMatch
		decision string // "" none, else an outcome decision for the text
		review   string // "" no row; else proposed/confidence/rule/evidence/decision
		code     string // warning code, "" none
		cat      vocab.Category
		unclass  bool
	}{
		{"high", "improved", high, "", "", "", vocab.Partial, false},
		{"low", "possibly improved", low, "", `partial/low/hedge/"improved" at 9-17; cue "possibly"/`, "low-confidence-outcome", vocab.Unclassified, true},
		{"low, decided", "possibly improved", low, "minimal", `partial/low/hedge/"improved" at 9-17; cue "possibly"/minimal`, "", vocab.Minimal, false},
		{"unclassified", "banana", none, "", "unclassified/none///", "unclassified-outcome", vocab.Unclassified, true},
		{"unclassified, decided", "banana", none, "NE", "unclassified/none///not evaluable", "", vocab.NotEvaluable, false},
		{"high, decided anyway", "improved", high, "complete", `partial/high/phrase/"improved" at 0-8/complete`, "", vocab.Complete, false},
		{"empty: not reported", "", none, "", "", "", vocab.NotEvaluable, false},
		{"not attributable", "3 of 5 improved", agg, "", "unclassified/none/other patients: the text reports several patients//", "", vocab.Unclassified, false},
		{"not attributable, decided", "3 of 5 improved", agg, "partial", "unclassified/none/other patients: the text reports several patients//partial", "", vocab.Partial, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &data.Record{File: "c.csv", Line: 2}
			r.Set(data.FieldStudy, "S")
			r.Set(data.FieldCaseID, "1")
			r.Set(data.FieldOutcome, tt.text)
			n := &normaliser{vocab: map[[2]string]*VocabEntry{}, used: map[decisionKey]bool{}, present: map[[3]string][]string{}, items: map[decisionKey]*ReviewItem{}}
			if tt.decision != "" {
				d, err := ReadDecisions(strings.NewReader("study,case,field,original_text,decision\nS,1,outcome,\""+tt.text+"\","+tt.decision+"\n"), "d.csv")
				if err != nil {
					t.Fatal(err)
				}
				n.dec = d
			}
			c := &cohort.Course{Rec: r, Study: "S", CaseID: "1", OutcomeText: tt.text, Outcome: &tt.m}
			n.outcome(r, c, tt.text)
			var got string
			for _, it := range n.items {
				got = strings.Join([]string{it.Proposed, it.Confidence, it.Rule, it.Evidence, it.Decision}, "/")
			}
			if got != tt.review || len(n.items) > 1 {
				t.Errorf("review row %q, want %q", got, tt.review)
			}
			var codes []string
			for _, p := range n.probs.Kept() {
				codes = append(codes, p.Code)
			}
			if strings.Join(codes, ",") != tt.code {
				t.Errorf("warnings %v, want %q", codes, tt.code)
			}
			if c.Category() != tt.cat || c.Unclassified() != tt.unclass {
				t.Errorf("Category() = %v, Unclassified() = %v; want %v, %v", c.Category(), c.Unclassified(), tt.cat, tt.unclass)
			}
		})
	}
}

// TestReviewRowWithDifferingProposals: one review.csv row stands for every course of a
// patient with the same text; when the courses propose different readings, the row
// proposes none, so that "accept" cannot silently pick the first course's.
func TestReviewRowWithDifferingProposals(t *testing.T) {
	r := &data.Record{File: "c.csv", Line: 2}
	r.Set(data.FieldStudy, "S")
	n := &normaliser{items: map[decisionKey]*ReviewItem{}}
	n.review(r, "1", fieldOutcome, "possibly improved", ReviewItem{Proposed: "partial", Confidence: "low", Rule: "hedge"})
	n.review(r, "1", fieldOutcome, "possibly improved", ReviewItem{Proposed: "partial", Confidence: "low", Rule: "hedge"})
	k := decisionKey{Study: "S", Case: "1", Field: fieldOutcome, Text: normText("possibly improved")}
	if got := n.items[k].Proposed; got != "partial" {
		t.Fatalf("same proposals: proposed %q, want partial", got)
	}
	n.review(r, "1", fieldOutcome, "possibly improved", ReviewItem{Proposed: "none", Confidence: "low", Rule: "history"})
	if it := n.items[k]; it.Proposed != "" || !strings.Contains(it.Rule, "differently") {
		t.Errorf("differing proposals: proposed %q, rule %q; want none and a rule saying why", it.Proposed, it.Rule)
	}
}
