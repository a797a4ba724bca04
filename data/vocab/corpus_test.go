package vocab

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusRow is one labelled excerpt of testdata/outcome_corpus.tsv or one labelled cell of
// testdata/outcome_cells.tsv (the two files share their columns).
type corpusRow struct {
	id, specialty, source, treatment, text, reason, split string
	gold, second                                          Category
	hasSecond                                             bool
}

// readCorpus reads a labelled corpus file (testdata/outcome_corpus.tsv or
// testdata/outcome_cells.tsv).
func readCorpus(t testing.TB, path string) []corpusRow {
	t.Helper()
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var cols map[string]int
	var rows []corpusRow
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		fs := strings.Split(l, "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, c := range fs {
				cols[c] = i
			}
			continue
		}
		if len(fs) != len(cols) {
			t.Fatalf("%s:%d: %d fields, want %d", name, line, len(fs), len(cols))
		}
		get := func(c string) string { return fs[cols[c]] }
		r := corpusRow{id: get("id"), specialty: get("specialty"), source: get("source"), treatment: get("treatment"),
			text: get("text"), reason: get("reason"), split: get("split")}
		if r.gold, err = ParseCategory(get("gold")); err != nil || r.gold == Unclassified {
			t.Fatalf("%s:%d: gold %q: %v", name, line, get("gold"), err)
		}
		if i, ok := cols["second"]; ok && fs[i] != "" {
			if r.second, err = ParseCategory(fs[i]); err != nil {
				t.Fatalf("%s:%d: second %q: %v", name, line, fs[i], err)
			}
			r.hasSecond = true
		}
		rows = append(rows, r)
	}
	return rows
}

// responderClass is 1 for responders, 0 for non-responders, -1 for not evaluable and -2
// for unclassified.
func responderClass(c Category) int {
	switch {
	case c == Unclassified:
		return -2
	case c == NotEvaluable:
		return -1
	case c.Responder():
		return 1
	}
	return 0
}

// corpusMetrics are the figures of `make outcomes-report` for one part of the corpus.
type corpusMetrics struct {
	n, classAgree, classified, flips, highFlips, high, highCorrect, highClassCorrect int
	confusion                                                                        [7][7]int // gold × predicted (index = Category)
	// byReason counts the low-confidence readings per reason: n, responder-class
	// agreement and flips, so that a reason whose readings are mostly wrong shows.
	byReason map[string]*[3]int
}

func (m corpusMetrics) pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func measureCorpus(v *Vocabulary, rows []corpusRow, split string) (corpusMetrics, []string) {
	var m corpusMetrics
	var misses []string
	for _, r := range rows {
		if split != "" && r.split != split {
			continue
		}
		o := v.OutcomeFor(r.text, []string{r.treatment})
		pred := o.Category
		m.n++
		m.confusion[r.gold][pred]++
		gc, pc := responderClass(r.gold), responderClass(pred)
		if pred != Unclassified {
			m.classified++
			if gc == pc {
				m.classAgree++
			}
		}
		if gc >= 0 && pc >= 0 && gc != pc {
			m.flips++
			if o.Confidence == ConfidenceHigh {
				m.highFlips++
			}
		}
		if o.Confidence == ConfidenceNone && os.Getenv("OUTCOMES_LOW") != "" {
			misses = append(misses, fmt.Sprintf("NONE %s [%s] gold %s (%s): %s", r.id, r.split, r.gold, o.Evidence.Rule, r.text))
		}
		if o.Confidence == ConfidenceLow && os.Getenv("OUTCOMES_LOW") != "" {
			misses = append(misses, fmt.Sprintf("LOW %s [%s] gold %s, proposed %s (%s; %s): %s", r.id, r.split, r.gold, o.Proposed, o.Evidence.Rule, o.Evidence.Phrase, r.text))
		}
		if o.Confidence == ConfidenceLow {
			reason := o.Evidence.Rule
			if i := strings.Index(reason, "low confidence: "); i >= 0 {
				reason = reason[i+len("low confidence: "):]
			}
			if m.byReason == nil {
				m.byReason = map[string]*[3]int{}
			}
			if m.byReason[reason] == nil {
				m.byReason[reason] = new([3]int)
			}
			c := m.byReason[reason]
			c[0]++
			if pp := responderClass(o.Proposed); gc == pp {
				c[1]++
			} else if gc >= 0 && pp >= 0 {
				c[2]++
			}
		}
		if o.Confidence == ConfidenceHigh {
			m.high++
			if pred == r.gold {
				m.highCorrect++
			}
			if gc == pc {
				m.highClassCorrect++
			}
		}
		if gc != pc && (o.Confidence == ConfidenceHigh || gc >= 0 && pc >= 0) {
			misses = append(misses, fmt.Sprintf("%s [%s, %s] gold %s, read %s (%s; %s): %s", r.id, r.split, o.Confidence, r.gold, pred, o.Evidence.Rule, o.Evidence.Phrase, r.text))
		}
	}
	return m, misses
}

func (m corpusMetrics) write(w io.Writer, name string) {
	fmt.Fprintf(w, "\n## %s: %d excerpts\n\n", name, m.n)
	fmt.Fprintf(w, "gold \\ read      ")
	order := []Category{Complete, Partial, Minimal, None, Progression, NotEvaluable, Unclassified}
	short := map[Category]string{Complete: "compl", Partial: "part", Minimal: "min", None: "none", Progression: "prog", NotEvaluable: "NE", Unclassified: "uncl"}
	for _, c := range order {
		fmt.Fprintf(w, "%6s", short[c])
	}
	fmt.Fprintln(w)
	for _, g := range order[:6] {
		fmt.Fprintf(w, "%-16s", g)
		for _, p := range order {
			fmt.Fprintf(w, "%6d", m.confusion[g][p])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nresponder-class agreement (classified excerpts)  %5.1f %%  (%d of %d)\n", m.pct(m.classAgree, m.classified), m.classAgree, m.classified)
	fmt.Fprintf(w, "responder <-> non-responder flips (all excerpts)  %5.1f %%  (%d of %d)\n", m.pct(m.flips, m.n), m.flips, m.n)
	fmt.Fprintf(w, "  of which read with high confidence (not sent to review.csv) %5.1f %%  (%d of %d)\n", m.pct(m.highFlips, m.n), m.highFlips, m.n)
	fmt.Fprintf(w, "high-confidence coverage                          %5.1f %%  (%d of %d)\n", m.pct(m.high, m.n), m.high, m.n)
	fmt.Fprintf(w, "precision among high-confidence, category         %5.1f %%  (%d of %d)\n", m.pct(m.highCorrect, m.high), m.highCorrect, m.high)
	fmt.Fprintf(w, "precision among high-confidence, responder class  %5.1f %%  (%d of %d)\n", m.pct(m.highClassCorrect, m.high), m.highClassCorrect, m.high)
	reasons := make([]string, 0, len(m.byReason))
	for r := range m.byReason {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	fmt.Fprintf(w, "\nlow-confidence proposals (unclassified until decided), by reason\n%-50s %4s %6s %6s\n", "", "n", "right", "flips")
	for _, r := range reasons {
		c := m.byReason[r]
		fmt.Fprintf(w, "  %-48.48s %4d %6d %6d\n", r, c[0], c[1], c[2])
	}
}

// TestOutcomeCorpus measures the reader on the labelled corpus (docs/outcomes.md) and
// holds it to the floors below; OUTCOMES_REPORT=1 prints the report (make outcomes-report).
func TestOutcomeCorpus(t *testing.T) {
	v := Default()
	rows := readCorpus(t, "testdata/outcome_corpus.tsv")
	if len(rows) < 400 {
		t.Fatalf("corpus has %d excerpts, want at least 400", len(rows))
	}
	report := os.Getenv("OUTCOMES_REPORT") != ""
	var w io.Writer = io.Discard
	if report {
		w = os.Stdout
	}
	fmt.Fprintf(w, "# Outcome reader on the development corpus (%d excerpts)\n", len(rows))
	writeAgreement(w, rows)
	holdToFloors(t, w, v, rows, "", corpusFloors, report)
	if prefix := os.Getenv("OUTCOMES_PREFIX"); report && prefix != "" {
		writePrefixReport(w, v, rows, prefix, os.Getenv("OUTCOMES_MISSES") != "")
	}
}

// writePrefixReport reports the excerpts whose id starts with prefix (one gathering round, such as
// "i" for round 4) on their own, all splits together and then each split: a new round can be
// measured before anyone tunes the reader on it. It holds the reader to no floor.
func writePrefixReport(w io.Writer, v *Vocabulary, rows []corpusRow, prefix string, misses bool) {
	var sub []corpusRow
	for _, r := range rows {
		if strings.HasPrefix(r.id, prefix) {
			sub = append(sub, r)
		}
	}
	fmt.Fprintf(w, "\n# Excerpts whose id starts with %q (%d)\n", prefix, len(sub))
	writeAgreement(w, sub)
	for _, split := range []string{"", "tune", "heldout"} {
		m, ms := measureCorpus(v, sub, split)
		name := prefix + "* " + split
		if split == "" {
			name = prefix + "* all"
		}
		m.write(w, name)
		if misses && split == "" {
			fmt.Fprintln(w)
			for _, s := range ms {
				fmt.Fprintln(w, "  "+s)
			}
		}
	}
}

// corpusFloors are regression floors, set just below what the reader reaches today (see
// the closing figures in docs/outcomes.md); they fail the build when a change makes the
// reader worse.
var corpusFloors = map[string]floors{
	// with round 6 (j*, 147 sentences from 106 sources, measured before tuning: 85.6 %
	// precision, 5.4 % flips, 66.0 % coverage), 2026-12-06: tune 96.5 %, 71.2 %, 1.3 % of 951;
	// held-out 98.2 %, 66.1 %, 0.8 % of 248
	// with round 7 (k*, 146 sentences from 98 sources, measured before tuning: 85.3 %,
	// 5.5 %, 65.1 %; the reader at the start of the day: 84.4 %, 6.2 %, 65.8 %): tune 96.6 %,
	// 70.9 %, 1.3 % of 1069; held-out 96.2 %, 66.7 %, 1.4 % of 276
	// with round 8 (m*, 122 sentences from 89 sources, measured with the reader of the end
	// of the day before tuning: 87.1 %, 6.6 %, 57.4 %; the reader of the morning: 85.9 %,
	// 6.6 %, 58.2 %): tune 96.3 %, 69.8 %, 1.6 % of 1170; held-out 95.4 %, 66.0 %, 1.7 % of 297
	// with round 9 (n*, 121 sentences from 85 sources, measured before tuning: 93.4 %, 2.5 %,
	// 62.8 %; second label agreement 94.2 %): tune 96.6 %, 69.1 %, 1.3 % of 1268; held-out
	// 95.3 %, 67.2 %, 1.9 % of 320
	// after the predicates ("remained asymptomatic", "was relieved") and "successfully
	// managed": tune 96.6 %, 69.6 %, 1.3 %; held-out 94.9 %, 67.8 %, 1.9 % (one held-out
	// sentence, "… were relieved with oral acetazolamide" in another course's row, is now
	// read as a response: the outcome names another treatment after "with")
	// with round 10 (p*, 103 sentences from 65 sources, measured before tuning: 92.1 %,
	// 2.9 %, 73.8 %; second label agreement 92.2 %, responder class 96.1 %; its held-out
	// fifth read 87.5 %, 9.1 % flips) and "managed successfully": tune 96.4 %, 70.1 %, 1.3 %
	// of 1349; held-out 94.4 %, 68.1 %, 2.3 % of 342
	// with round 11 (q*, 101 sentences from 62 sources, measured before tuning: 91.7 %,
	// 4.0 %, 71.3 %; second label agreement 94.1 %, responder class 98.0 %; its held-out fifth
	// read 78.6 % of 14, with one flip) and the rules it prompted: tune 96.7 %, 70.0 %, 1.2 % of
	// 1431; held-out 93.5 %, 68.4 %, 2.5 % of 361
	// with round 12 (u*, 98 sentences from 58 sources, measured before tuning: 98.5 %, 1.0 %,
	// 66.3 %; second label agreement 92.9 %, most disagreements "both/all patients" read by
	// rule 6) and the rules it prompted: tune 96.9 %, 70.1 %, 1.1 % of 1510; held-out 93.9 %,
	// 68.9 %, 2.4 % of 380
	// with round 13 (v*, 81 sentences from 42 sources, measured before tuning: 93.6 %, 3.7 %,
	// 58.0 %; second label agreement 93.8 %) and fluid that reaccumulated: tune 96.9 %, 69.6 %,
	// 1.1 % of 1580; held-out 93.7 %, 69.3 %, 2.6 % of 391
	// with round 14 (w*, 87 sentences from 53 sources, measured before tuning: 92.5 %, 2.3 %,
	// 77.0 %; second label agreement 96.6 %) and the negation of a degree ("not fully
	// normalised" = partial): tune 96.8 %, 69.6 %, 1.2 % of 1647; held-out 94.1 %, 70.6 %, 2.4 %
	// of 411
	// with rounds 15 (x*, 110 sentences from 69 sources, measured before tuning: 91.2 %, 2.7 %,
	// 61.8 %; second label agreement 95.5 %) and 16 (y*, 110 from 78 sources: 92.2 %, 1.8 %,
	// 58.2 %; agreement 95.5 %), before any rule they prompted: tune 96.4 %, 68.7 %, 1.2 % of
	// 1828; held-out 93.6 %, 69.8 %, 2.7 % of 450
	// after a degree in predicate position ("the response was poor"), the object of a change
	// and persistence before a treatment: tune 96.5 %, 68.8 %, 1.1 %; held-out 94.3 %, 69.8 %,
	// 2.2 % (two held-out flips, "his response was poor" and "the response was unsatisfactory",
	// were in view when the predicate rule was written)
	// after "All responded" / "Both improved" as statements about several patients: tune 96.5 %,
	// 68.8 %, 1.1 %; held-out 94.9 %, 69.3 %, 2.2 % (two of the held-out sentences it reads
	// apart, "All responded …" and "All failed …", had been seen on the second day)
	// with rounds 17 (o*, 105 sentences from 62 sources, measured before tuning: 90.9 %, 1.9 %,
	// 62.9 %; second label agreement 82.9 %, most disagreements "all/both patients" by rule 6)
	// and 18 (s*, 108 from 76 sources: 94.9 %, 0.9 %, 73.1 %; agreement 91.7 %): tune 96.3 %,
	// 68.5 %, 1.1 % of 1998; held-out 95.1 %, 69.8 %, 2.0 % of 493
	// after "temporarily" before its response word, "nearly completely", "reappeared" as a
	// relapse, "uneventful recovery" (rule 7) and a few phrases: tune 96.5 %, 68.6 %, 1.0 %;
	// held-out 95.0 %, 69.6 %, 2.0 %
	// with round 19 (z*, 109 sentences from 86 sources, measured before tuning: 91.5 %, 2.8 %,
	// 65.1 %; second label agreement 97.2 %): tune 96.2 %, 68.4 %, 1.1 % of 2086; held-out
	// 95.3 %, 69.6 %, 1.9 % of 514
	// with round 20 (l*, 69 sentences from 50 sources, the search budget ran out; measured
	// before tuning: 78.0 % (32 of 41), 4.3 %, 59.4 %; second label agreement 95.7 %; most
	// errors were sentences about a series: "all tumors", "81.8% (n = 27)", "mean ±
	// standard deviation"): tune 95.8 %, 68.3 %, 1.2 % of 2137; held-out 95.1 %, 69.0 %, 1.9 %
	// of 532
	// after "(n = 27)", "percentage of", "recipients" and "standard deviation" as statements
	// about several patients: tune 96.0 %, 68.1 %, 1.2 %; held-out unchanged
	// after a death inside a sentence is read with high confidence only when its cause is
	// stated as other than the disease (cues.tsv, other death): tune 96.6 %, 67.7 %, 1.1 %;
	// held-out 96.1 %, 68.2 %, 1.9 % (one held-out sentence it changes, "despite benznidazole,
	// the patient died of sepsis", had been seen in the list of held-out errors)
	// with rounds 21 (aa*, 112 sentences from 72 sources, measured before tuning: 97.5 %
	// (77 of 79), 1.8 %, 70.5 %; second label agreement 97.3 %) and 22 (bb*, 116 from 97
	// sources: 100 % (82 of 82), 0 %, 70.7 %; second label agreement 100 %), then one modifier
	// inside "further"/"new" phrases and a treatment's name before a measure ("oxygen
	// saturations"): tune 96.8 %, 68.2 %, 1.1 % of 2320; held-out 96.4 %, 68.3 %, 1.7 % of 577
	// with round 23 (cc*, 115 sentences from 89 sources, mostly from the body of case reports;
	// measured before tuning: 95.1 % (78 of 82), 0.9 %, 71.3 %; second label agreement 91.3 %)
	// and compound abbreviations ("anti-PD-1"): tune 96.8 %, 68.3 %, 1.1 % of 2412; held-out
	// 96.4 %, 69.0 %, 1.8 % of 600
	// with round 24 (dd*, 107 sentences from 86 sources: obstetrics, cardiology, dentistry,
	// orthopaedics, geriatrics and other fields new to the corpus; measured before tuning: 93.3 %
	// (56 of 60), 3.7 %, 56.1 %; second label agreement 98.1 %) and the rules it prompted: tune
	// 96.8 %, 68.1 %, 1.1 % of 2499; held-out 96.2 %, 68.7 %, 1.9 % of 620
	// with round 25 (ee*, 78 sentences from 62 sources, measured before tuning: 98.2 % (54 of
	// 55), 1.3 %, 70.5 %; second label agreement 92.3 %): tune 96.8 %, 68.1 %, 1.1 % of 2558;
	// held-out 96.4 %, 69.0 %, 1.9 % of 639
	"tune":    {highClassPrecision: 96.5, coverage: 67.5, flips: 1.5},
	"heldout": {highClassPrecision: 95.5, coverage: 68, flips: 3},
}

// writeAgreement reports the agreement of the two blind labellings (observed agreement and
// Cohen's kappa over the six categories and over the responder class).
func writeAgreement(w io.Writer, rows []corpusRow) {
	var n, agree, classAgree int
	var a, b [7]int
	var ca, cb [4]int
	for _, r := range rows {
		if !r.hasSecond {
			continue
		}
		n++
		if r.gold == r.second {
			agree++
		}
		a[r.gold]++
		b[r.second]++
		g, s := responderClass(r.gold)+1, responderClass(r.second)+1
		ca[g]++
		cb[s]++
		if g == s {
			classAgree++
		}
	}
	if n == 0 {
		return
	}
	kappa := func(obs int, x, y []int) float64 {
		pe := 0.0
		for i := range x {
			pe += float64(x[i]) * float64(y[i]) / float64(n) / float64(n)
		}
		po := float64(obs) / float64(n)
		return (po - pe) / (1 - pe)
	}
	fmt.Fprintf(w, "\nTwo blind labellings of %d excerpts: category agreement %.1f %% (Cohen's kappa %.2f); responder-class agreement %.1f %% (kappa %.2f)\n",
		n, 100*float64(agree)/float64(n), kappa(agree, a[:], b[:]), 100*float64(classAgree)/float64(n), kappa(classAgree, ca[:], cb[:]))
}

// TestOutcomeCells measures the reader on the table-cell corpus
// (testdata/outcome_cells.tsv: short outcome cells as written in published case-summary
// tables) and holds it to cellFloors; OUTCOMES_REPORT=1 prints its report after the
// sentence corpus's (make outcomes-report).
func TestOutcomeCells(t *testing.T) {
	v := Default()
	rows := readCorpus(t, "testdata/outcome_cells.tsv")
	if len(rows) < 90 {
		t.Fatalf("outcome_cells.tsv has %d cells, want at least 90", len(rows))
	}
	sources := map[string]bool{}
	for _, r := range rows {
		sources[r.source] = true
	}
	report := os.Getenv("OUTCOMES_REPORT") != ""
	var w io.Writer = io.Discard
	if report {
		w = os.Stdout
	}
	fmt.Fprintf(w, "\n# Outcome reader on the table-cell corpus (%d cells from %d tables)\n", len(rows), len(sources))
	writeAgreement(w, rows)
	holdToFloors(t, w, v, rows, "cells ", cellFloors, report)
	if prefix := os.Getenv("OUTCOMES_PREFIX"); report && prefix != "" {
		writePrefixReport(w, v, rows, prefix, os.Getenv("OUTCOMES_MISSES") != "")
	}
}

// cellFloors are the regression floors of TestOutcomeCells, set a little below what the
// reader reached on the cell corpus when it was added; they fail the build when a change
// makes the reader worse on short table cells.
var cellFloors = map[string]floors{
	// measured when added: precision 91.1 %, coverage 60.0 %, flips 2.7 % of 75 cells;
	// after t94-t137 (36 more tune cells, 12 of them statements about several patients,
	// which the reader leaves unclassified by design), reader of main 6a7821c: precision
	// 93.5 %, coverage 55.9 %, flips 0.9 % of 111 cells; 2026-12-06 evening: 94.2 %, 62.2 %, 0.9 %.
	// Round 5 (r5c*, 154 cells from 19 more tables) measured before tuning: tune 89.3 %,
	// 45.9 %, 0 %; held-out 76.5 %, 53.1 %, 9.4 %. After the whole-cell rules it prompted
	// (2026-12-06): tune 94.9 %, 67.0 %, 0.4 % of 233; held-out 86.8 %, 65.5 %, 5.2 % of 58.
	// Round 6 (r6c*, 80 cells from 12 tables) measured before tuning: 82.7 %, 65.0 %, 2.5 %.
	// With it: tune 93.8 %, 66.4 %, 0.3 % of 289; held-out 84.6 %, 63.4 %, 3.7 % of 82.
	// Round 7 (r7c*, 105 cells from 17 tables) measured before tuning: 94.0 %, 79.0 %, 0 %
	// (the reader at the start of the day: 81.3 %, 71.4 %, 0 %). With it: tune 93.5 %,
	// 70.4 %, 0.3 % of 371; held-out 89.0 %, 69.5 %, 2.9 % of 105.
	// After the persistence adjectives stay weak and shares of patients ("in 81%") are
	// statements about several: tune 94.9 %, 69.3 %, 0 %; held-out 94.2 %, 65.7 %, 0 %.
	// Round 8 (r8c*, 86 cells from 18 tables) measured before tuning: 92.5 %, 61.6 %, 4.7 %
	// (the reader of the morning: 83.7 %, 50.0 %, 4.7 %). With it: tune 95.9 %, 68.0 %, 0 % of
	// 428; held-out 92.0 %, 64.9 %, 2.2 % of 134.
	// Round 9 (r9c*, 29 cells from 5 tables; the second label agrees on all 29) measured
	// before tuning: 90.9 %, 75.9 %, 0 %. With it: tune 96.1 %, 69.0 %, 0 % of 448; held-out
	// 91.4 %, 65.0 %, 2.1 % of 143.
	// Round 13 (r13c*, 62 cells from 6 tables; second label agreement 96.8 %) measured before
	// tuning: 100 % (49 of 49), 79.0 %, 0 %. With it and "success under": tune 96.6 %, 71.5 %,
	// 0 % of 495; held-out 92.5 %, 67.1 %, 1.9 % of 158.
	// Round 17 (r17c*, 67 cells from 9 tables; second label agreement 95.5 %) measured before
	// tuning: 94.7 % (36 of 38), 56.7 %, 0 %. With it: tune 96.6 %, 69.8 %, 0 % of 546; held-out
	// 93.1 %, 66.7 %, 1.7 % of 174.
	// Round 18 (r18c*, 11 cells from 2 tables, all for tuning; the second label agrees on all)
	// measured before tuning: 100 % (10 of 10), 90.9 %, 0 %.
	// After a death with no cause stated as other than the disease is read with low
	// confidence: tune 97.7 %, 69.8 %, 0 %; held-out 93.8 %, 64.9 %, 1.7 %.
	// Round 19 (r19c*, 62 cells from 8 tables; second label agreement 98.4 %) measured before
	// tuning: 95.6 % (43 of 45), 72.6 %, 1.6 %. With it and "None" / "DED" as whole cells:
	// tune 97.4 %, 71.0 %, 0.2 % of 607; held-out 94.3 %, 66.1 %, 1.6 % of 186.
	"tune": {highClassPrecision: 97, coverage: 70, flips: 1},
	// the held-out cells are few (174): one reading moves a figure by about 1 point
	"heldout": {highClassPrecision: 93, coverage: 65, flips: 3},
}

// floors are the least responder-class precision and coverage and the most flips (in %)
// a part of a corpus may show before a test fails.
type floors struct{ highClassPrecision, coverage, flips float64 }

// holdToFloors measures the tune and heldout parts of rows, writes their report to w
// (with the misses when OUTCOMES_MISSES is set and report is on) and fails t where a part
// falls below its floors; label prefixes the part's name.
func holdToFloors(t *testing.T, w io.Writer, v *Vocabulary, rows []corpusRow, label string, fl map[string]floors, report bool) {
	t.Helper()
	for _, split := range []string{"tune", "heldout"} {
		m, misses := measureCorpus(v, rows, split)
		m.write(w, label+split)
		if report && os.Getenv("OUTCOMES_MISSES") != "" {
			fmt.Fprintln(w)
			for _, s := range misses {
				fmt.Fprintln(w, "  "+s)
			}
		}
		floor := fl[split]
		if got := m.pct(m.highClassCorrect, m.high); got < floor.highClassPrecision {
			t.Errorf("%s%s: responder-class precision among high-confidence readings %.1f %% < floor %.1f %%", label, split, got, floor.highClassPrecision)
		}
		if got := m.pct(m.high, m.n); got < floor.coverage {
			t.Errorf("%s%s: high-confidence coverage %.1f %% < floor %.1f %%", label, split, got, floor.coverage)
		}
		if got := m.pct(m.flips, m.n); got > floor.flips {
			t.Errorf("%s%s: flips %.1f %% > ceiling %.1f %%", label, split, got, floor.flips)
		}
	}
}
