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
//
// first is the first labeller's category (the file's gold column), second the blind second
// labeller's and third a blind third labeller's, made only where the first two disagree.
// gold is what the reader is measured against: the category two of the three labellings
// agree on, or the first where there is no third labelling or no majority (docs/outcomes.md,
// "The corpus").
type corpusRow struct {
	id, specialty, source, treatment, text, reason, split string
	first, second, third, gold                            Category
	hasSecond, hasThird                                   bool
}

// adjudicated returns the category two of the three labellings of r agree on, or the first
// labeller's when there is no third labelling or the three differ.
func (r corpusRow) adjudicated() Category {
	if r.hasThird && r.hasSecond && r.third == r.second {
		return r.second
	}
	return r.first
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
		if r.first, err = ParseCategory(get("gold")); err != nil || r.first == Unclassified {
			t.Fatalf("%s:%d: gold %q: %v", name, line, get("gold"), err)
		}
		if i, ok := cols["second"]; ok && fs[i] != "" {
			if r.second, err = ParseCategory(fs[i]); err != nil {
				t.Fatalf("%s:%d: second %q: %v", name, line, fs[i], err)
			}
			r.hasSecond = true
		}
		if i, ok := cols["third"]; ok && fs[i] != "" {
			if r.third, err = ParseCategory(fs[i]); err != nil {
				t.Fatalf("%s:%d: third %q: %v", name, line, fs[i], err)
			}
			if !r.hasSecond || r.second == r.first {
				t.Fatalf("%s:%d: a third label is made only where the first two disagree", name, line)
			}
			r.hasThird = true
		}
		r.gold = r.adjudicated()
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

// corpusFloors are regression floors, set just below what the reader reaches today; they
// fail the build when a change makes the reader worse. The figures of each round, measured
// before tuning, and at the end of each session are in docs/outcomes.md ("How well it
// reads"), with the held-out sentences that were in view when a rule was written. Since the
// blind third labelling of 2026-12-07 the gold is the majority of three where the first two
// labels differed (corpusRow.adjudicated); the floors were set against the first labels and
// are kept (the reader reads 97.1 % and 96.2 % against the adjudicated labels, 96.7 % and
// 95.4 % against the first).
var corpusFloors = map[string]floors{
	// rounds 38-43 (2026-12-06, evening) arrived reading about 90 % right before tuning;
	// with them the tuning part reads 96.5 % (96.48), so the floor moved 96.5 → 96.3
	"tune": {highClassPrecision: 96.3, coverage: 68, flips: 1.2},
	// the held-out fifths of rounds 38-46 (never tuned on) read about 90 % right as they
	// arrived; with them the held-out part read 95.0 %, 67.3 %, 1.9 %, so the floors moved
	// (95 → 94.5, 68 → 67, 2 → 2.2) with the new data, not with a change of the reader
	"heldout": {highClassPrecision: 94.5, coverage: 67, flips: 2.2},
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
		if r.first == r.second {
			agree++
		}
		a[r.first]++
		b[r.second]++
		g, s := responderClass(r.first)+1, responderClass(r.second)+1
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
	var third, second, first, none int
	for _, r := range rows {
		switch {
		case !r.hasThird:
		case r.third == r.first:
			third++
			first++
		case r.third == r.second:
			third++
			second++
		default:
			third++
			none++
		}
	}
	if third > 0 {
		fmt.Fprintf(w, "A blind third labelling of %d of the %d disagreements: gold is the majority of three — the first label in %d, the second in %d; "+
			"%d without a majority keep the first\n", third, n-agree, first, second, none)
	}
}

// TestOutcomeCells measures the reader on the table-cell corpus
// (testdata/outcome_cells.tsv: short outcome cells as written in published case-summary
// tables) and holds it to cellFloors; OUTCOMES_REPORT=1 prints its report after the
// sentence corpus's (make outcomes-report).
func TestOutcomeCells(t *testing.T) {
	measureCellCorpus(t, "testdata/outcome_cells.tsv", "table-cell", "tables", "cells ", cellFloors)
}

// measureCellCorpus measures the reader on a corpus of short cells (file), prints its report
// when OUTCOMES_REPORT is set, titled by what the corpus is and what its sources are, with
// label before each part's name, and holds it to fl. A corpus of fewer than 90 cells is an
// error: its figures would move by more than a point per reading.
func measureCellCorpus(t *testing.T, file, what, sourcesAre, label string, fl map[string]floors) {
	t.Helper()
	v := Default()
	rows := readCorpus(t, file)
	if len(rows) < 90 {
		t.Fatalf("%s has %d cells, want at least 90", file, len(rows))
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
	fmt.Fprintf(w, "\n# Outcome reader on the %s corpus (%d cells from %d %s)\n", what, len(rows), len(sources), sourcesAre)
	writeAgreement(w, rows)
	holdToFloors(t, w, v, rows, label, fl, report)
	if prefix := os.Getenv("OUTCOMES_PREFIX"); report && prefix != "" {
		writePrefixReport(w, v, rows, prefix, os.Getenv("OUTCOMES_MISSES") != "")
	}
}

// cellFloors are the regression floors of TestOutcomeCells, set just below what the reader
// reaches today on the cell corpus; they fail the build when a change makes the reader
// worse on short table cells. The figures of each round are in docs/outcomes.md.
var cellFloors = map[string]floors{
	// round 31 (62 cells, most of them codes only the tables' legends define: BILAG grades,
	// Y/N, "Yes (…)") read 22 with high confidence, all right: the coverage floors moved with
	// the new data (70.5 → 70, 69.5 → 68.5), not with a change of the reader
	"tune": {highClassPrecision: 97, coverage: 70, flips: 0.6},
	// the held-out cells are few (268): one reading moves a figure by about half a point.
	// Round 26's held-out table (cryoablation, cells of an imaging and a clinical part)
	// brought a flip and a wrong class as it arrived; the floor moved with the new data
	// (95 → 94.5), not with a change of the reader.
	// Round 32 (29 cells of 4 tables) brought a held-out table of grades with side effects
	// ("Good/paraesthesia"), half of them read: the floor moved with the new data (68.5 → 68).
	"heldout": {highClassPrecision: 94.5, coverage: 68, flips: 2},
}

// TestOutcomeSheets measures the reader on the extraction-sheet corpus
// (testdata/outcome_sheets.tsv: outcome cells an extractor wrote from published case
// reports, the kind of sheet tresp reads) and holds it to sheetFloors; OUTCOMES_REPORT=1
// prints its report after the cell corpus's (make outcomes-report).
func TestOutcomeSheets(t *testing.T) {
	measureCellCorpus(t, "testdata/outcome_sheets.tsv", "extraction-sheet", "reports", "sheets ", sheetFloors)
}

// sheetFloors are the regression floors of TestOutcomeSheets. The corpus is small (rounds
// 36–47: 2,449 cells, 479 held out), so one reading moves a held-out figure
// by about 0.4 point; the floors sit just below what the reader reached when round 44 was
// added (docs/outcomes.md gives each round's figures on arrival).
var sheetFloors = map[string]floors{
	"tune": {highClassPrecision: 96, coverage: 70, flips: 2},
	// round 46 brought a held-out part read 58.3 % on arrival: the coverage floor moved with
	// the new data (71 → 70), not with a change of the reader; round 47's held-out part read
	// 50.0 % on arrival (21 of 42 cells), and the whole part 68.7 %: the floor moved again (70 → 68)
	"heldout": {highClassPrecision: 94, coverage: 68, flips: 4},
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

// TestCorpusTextsAreNotRepeated checks the sentence corpus for the same sentence gathered
// twice (from a mirror of a source already used): an excerpt and its course appear once,
// and a sentence labelled for two courses sits in one split, so that no held-out reading
// is one the reader was tuned on.
func TestCorpusTextsAreNotRepeated(t *testing.T) {
	first := map[string]corpusRow{}
	for _, r := range readCorpus(t, "testdata/outcome_corpus.tsv") {
		k := strings.ToLower(strings.TrimSpace(r.text))
		p, ok := first[k]
		if !ok {
			first[k] = r
			continue
		}
		if strings.EqualFold(strings.TrimSpace(p.treatment), strings.TrimSpace(r.treatment)) {
			t.Errorf("%s repeats %s: the same sentence for the same course", r.id, p.id)
		}
		if p.split != r.split {
			t.Errorf("%s (%s) repeats the sentence of %s (%s): one sentence in two splits", r.id, r.split, p.id, p.split)
		}
	}
}

// TestCellsAreNotGatheredTwice checks the cell corpus for a table's cell gathered again in
// a later round (the same text, longer than a bare grade, from another round): a cell of
// the same patient appears once, and one text from two rounds sits in one split. Cells of
// one table may repeat for different patients ("Recovered and discharged").
func TestCellsAreNotGatheredTwice(t *testing.T) {
	round := func(id string) string { return strings.TrimRight(id, "0123456789") }
	first := map[string]corpusRow{}
	for _, r := range readCorpus(t, "testdata/outcome_cells.tsv") {
		k := strings.ToLower(strings.TrimSpace(r.text))
		if len(k) <= 20 {
			continue
		}
		p, ok := first[k]
		if !ok {
			first[k] = r
			continue
		}
		if round(p.id) == round(r.id) {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(p.treatment), strings.TrimSpace(r.treatment)) {
			t.Errorf("%s repeats %s from another round: the same cell for the same course", r.id, p.id)
		}
		if p.split != r.split {
			t.Errorf("%s (%s) repeats the cell of %s (%s): one cell in two splits", r.id, r.split, p.id, p.split)
		}
	}
}
