package main

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// nonsense are outcome cells that say nothing about a response: every one
// must read as unclassified, never as not evaluable.
var nonsense = []string{
	"banana",
	"qwerty asdf zxcv",
	"Lorem ipsum dolor sit amet",
	"the weather was sunny that week",
	"purple elephant",
	"see the attached spreadsheet",
	"patient enjoys football",
	"see figure 3",
}

// reviewCases writes a case table: one complete response, one empty
// outcome (not evaluable) and one row per nonsense cell, all diltiazem in
// dermatomyositis, so that only outcomes need review. Case i+3 has cell i;
// removed marks a cell whose row is left out.
func reviewCases(t *testing.T, dir string, cells []string) string {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"Study", "Pt", "Drug", "Disease", "Outcome"})
	w.Write([]string{"Smith 2020", "1", "diltiazem", "dermatomyositis", "complete resolution"})
	w.Write([]string{"Smith 2020", "2", "diltiazem", "dermatomyositis", ""})
	for i, c := range cells {
		if c == removed {
			continue
		}
		w.Write([]string{"Smith 2020", itoa(i + 3), "diltiazem", "dermatomyositis", c})
	}
	w.Flush()
	p := filepath.Join(dir, "cases.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const removed = "\x00removed"

func itoa(i int) string { return strconv.Itoa(i) }

// readCSV reads a CSV file into maps keyed by header.
func readCSV(t *testing.T, p string) []map[string]string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// rateRow returns the response_rates.csv row of a drug (overall disease)
// and population.
func rateRow(t *testing.T, out, drug, pop string) map[string]string {
	t.Helper()
	for _, r := range readCSV(t, filepath.Join(out, "tables", "response_rates.csv")) {
		if r["drug"] == drug && r["disease"] == "" && r["population"] == pop {
			return r
		}
	}
	t.Fatalf("no rate row for %q %s", drug, pop)
	return nil
}

// writeDecisions writes review rows (header first) with decisions filled
// by original text.
func writeDecisions(t *testing.T, p string, header []string, rows [][]string) {
	t.Helper()
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(header)
	w.WriteAll(rows)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// decide returns review.csv's rows with the decision column set for the
// texts in dec, in reverse order (decisions must not depend on row order).
func decide(t *testing.T, review string, dec map[string]string) (header []string, rows [][]string) {
	t.Helper()
	f, err := os.Open(review)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header = recs[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for i := len(recs) - 1; i >= 1; i-- {
		r := append([]string(nil), recs[i]...)
		if d, ok := dec[r[col["original_text"]]]; ok {
			r[col["decision"]] = d
		}
		rows = append(rows, r)
	}
	return header, rows
}

func summaryOf(t *testing.T, out string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func problemCodes(s map[string]any) map[string]int {
	codes := map[string]int{}
	for _, d := range s["details"].([]any) {
		codes[d.(map[string]any)["code"].(string)]++
	}
	return codes
}

// TestNonsenseOutcomesAreUnclassified feeds nonsense and off-topic outcome
// cells through the CLI: each is unclassified (not not-evaluable), counted
// apart in response_rates.csv and listed in review.csv.
func TestNonsenseOutcomesAreUnclassified(t *testing.T) {
	dir := t.TempDir()
	in := reviewCases(t, dir, nonsense)
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, in); code != 0 {
		t.Fatalf("run: code %d: %s", code, stderr)
	}
	cases := readCSV(t, filepath.Join(out, "normalised", "cases.csv"))
	byText := map[string]map[string]string{}
	for _, c := range cases {
		byText[c["outcome_text"]] = c
	}
	for _, text := range nonsense {
		c := byText[text]
		if c == nil {
			t.Fatalf("no course for %q", text)
		}
		if c["outcome"] != "unclassified" || c["outcome_confidence"] != "none" || c["outcome_status"] != "read" {
			t.Errorf("%q: outcome %q, confidence %q, status %q; want unclassified, none, read", text, c["outcome"], c["outcome_confidence"], c["outcome_status"])
		}
	}
	if c := byText[""]; c["outcome"] != "not evaluable" || c["outcome_confidence"] != "" {
		t.Errorf("empty outcome: %q (confidence %q), want not evaluable", c["outcome"], c["outcome_confidence"])
	}
	review := readCSV(t, filepath.Join(out, "review.csv"))
	if len(review) != len(nonsense) {
		t.Errorf("review.csv has %d rows, want %d", len(review), len(nonsense))
	}
	listed := map[string]bool{}
	for _, r := range review {
		listed[r["original_text"]] = true
		if r["field"] != "outcome" || r["proposed_value"] != "unclassified" || r["confidence"] != "none" || r["decision"] != "" ||
			r["study"] != "Smith 2020" || r["drug"] != "diltiazem" || r["line"] == "" || !strings.HasSuffix(r["file"], "cases.csv") {
			t.Errorf("review row %v", r)
		}
	}
	for _, text := range nonsense {
		if !listed[text] {
			t.Errorf("%q not in review.csv", text)
		}
	}
	// ITT: the complete response and the empty outcome; evaluable: the
	// complete response only; every nonsense cell in its own column.
	n := itoa(len(nonsense))
	for pop, want := range map[string][3]string{"itt": {"2", "1", n}, "evaluable": {"1", "1", n}} {
		r := rateRow(t, out, "diltiazem", pop)
		if got := [3]string{r["n"], r["responders"], r["unclassified"]}; got != want {
			t.Errorf("diltiazem %s: n, responders, unclassified = %v, want %v", pop, got, want)
		}
	}
	s := summaryOf(t, out)
	warned := 0
	for _, w := range s["analysis"].(map[string]any)["warnings"].([]any) {
		if strings.HasPrefix(w.(string), "diltiazem: "+n+" unclassified outcomes left out") {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d warnings for the diltiazem group, want 1: %v", warned, s["analysis"].(map[string]any)["warnings"])
	}
	if got := problemCodes(s)["unclassified-outcome"]; got != len(nonsense) {
		t.Errorf("%d unclassified-outcome warnings, want %d", got, len(nonsense))
	}
	md, _ := os.ReadFile(filepath.Join(out, "tables", "table2_response_by_drug.md"))
	if !strings.Contains(string(md), "Unclassified") ||
		!strings.Contains(string(md), n+" courses whose outcome was not read with confidence (unclassified, or a low-confidence reading proposed for review) are left out of numerator and denominator until decided in review.csv") {
		t.Errorf("table 2 lacks the unclassified column or footnote:\n%s", md)
	}
}

// TestDecisionsRoundTrip is review.csv → decisions → run, through the CLI:
// decisions applied, row order irrelevant, a changed text and a removed
// row warned about, duplicates accepted, conflicts and malformed files
// rejected with a position, and the cache rerun when decisions change.
func TestDecisionsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	in := reviewCases(t, dir, nonsense)
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, in); code != 0 {
		t.Fatalf("run: code %d: %s", code, stderr)
	}
	header, rows := decide(t, filepath.Join(out, "review.csv"), map[string]string{"banana": "partial", "purple elephant": "None"})
	dec := filepath.Join(dir, "decided.csv")
	writeDecisions(t, dec, header, rows)

	code, _, stderr := tresp(t, "run", "--out", out, "--decisions", dec, in)
	if code != 0 {
		t.Fatalf("run --decisions: code %d: %s", code, stderr)
	}
	if strings.Contains(stderr, "normalise: up to date") {
		t.Error("normalise reused its cache although decisions were added")
	}
	byText := map[string]map[string]string{}
	for _, c := range readCSV(t, filepath.Join(out, "normalised", "cases.csv")) {
		byText[c["outcome_text"]] = c
	}
	for text, want := range map[string]string{"banana": "partial", "purple elephant": "none"} {
		if c := byText[text]; c["outcome"] != want || c["outcome_status"] != "adjudicated" {
			t.Errorf("%q: outcome %q status %q, want %q adjudicated", text, c["outcome"], c["outcome_status"], want)
		}
	}
	n := len(nonsense)
	r := rateRow(t, out, "diltiazem", "itt")
	if got, want := [3]string{r["n"], r["responders"], r["unclassified"]}, [3]string{"4", "2", itoa(n - 2)}; got != want {
		t.Errorf("diltiazem itt after decisions: %v, want %v", got, want)
	}
	s := summaryOf(t, out)
	rv := s["review"].(map[string]any)
	if rv["adjudicated"] != 2.0 || rv["undecided"] != float64(n-2) {
		t.Errorf("summary review = %v", rv)
	}
	decided := 0
	for _, r := range readCSV(t, filepath.Join(out, "review.csv")) {
		if r["decision"] != "" {
			decided++
		}
	}
	if decided != 2 {
		t.Errorf("review.csv carries %d decisions, want the 2 applied", decided)
	}
	b, _ := os.ReadFile(dec)
	sum := sha256.Sum256(b)
	var man struct {
		Decisions struct{ Path, SHA256 string }
	}
	mb, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err := json.Unmarshal(mb, &man); err != nil || man.Decisions.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("manifest decisions = %+v (%v), want sha256 %x", man.Decisions, err, sum)
	}
	html, _ := os.ReadFile(filepath.Join(out, "report.html"))
	md, _ := os.ReadFile(filepath.Join(out, "tables", "table2_response_by_drug.md"))
	if !strings.Contains(string(html), "Adjudicated: 2 decisions") || !strings.Contains(string(md), "2 courses count with an outcome decided by a reviewer") {
		t.Errorf("report or table 2 does not say what was adjudicated")
	}

	// The same decisions again: every stage up to date.
	if code, _, stderr := tresp(t, "run", "--out", out, "--decisions", dec, in); code != 0 || !strings.Contains(stderr, "normalise: up to date") {
		t.Errorf("rerun with the same decisions: code %d, stderr:\n%s", code, stderr)
	}
	// One more decision: the cache reruns normalise.
	header, rows = decide(t, filepath.Join(out, "review.csv"), map[string]string{"see figure 3": "not evaluable"})
	writeDecisions(t, dec, header, rows)
	code, _, stderr = tresp(t, "run", "--out", out, "--decisions", dec, in)
	if code != 0 || strings.Contains(stderr, "normalise: up to date") {
		t.Errorf("changed decisions: code %d, stderr:\n%s", code, stderr)
	}
	if r := rateRow(t, out, "diltiazem", "itt"); r["unclassified"] != itoa(n-3) {
		t.Errorf("after a third decision: unclassified %s, want %d", r["unclassified"], n-3)
	}

	// The text changed after the decision, and a decided row was removed.
	changed := append([]string(nil), nonsense...)
	for i, c := range changed {
		if c == "banana" {
			changed[i] = "bananas"
		}
	}
	for i, c := range changed {
		if c == "purple elephant" {
			changed[i] = removed
		}
	}
	in2 := reviewCases(t, t.TempDir(), changed)
	out2 := filepath.Join(dir, "out2")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out2, "--decisions", dec, in2); code != 0 {
		t.Fatalf("run after edits: code %d: %s", code, stderr)
	}
	codes := problemCodes(summaryOf(t, out2))
	if codes["decision-text-changed"] != 1 || codes["decision-row-gone"] != 1 {
		t.Errorf("warnings %v, want one decision-text-changed and one decision-row-gone", codes)
	}
	for _, c := range readCSV(t, filepath.Join(out2, "normalised", "cases.csv")) {
		if c["outcome_text"] == "bananas" && (c["outcome"] != "unclassified" || c["outcome_status"] != "read") {
			t.Errorf("decision applied to a changed text: %v", c)
		}
	}
}

// TestDecisionsFileErrors checks duplicate, conflicting and malformed
// decisions files through the CLI.
func TestDecisionsFileErrors(t *testing.T) {
	dir := t.TempDir()
	in := reviewCases(t, dir, nonsense[:2])
	h := "file,line,study,case,drug,field,original_text,proposed_value,confidence,rule,evidence,decision\n"
	row := func(caseID, text, decision string) string {
		return "cases.csv,9,Smith 2020," + caseID + ",diltiazem,outcome," + text + ",unclassified,none,,," + decision + "\n"
	}
	tests := []struct {
		name    string
		content string
		code    int
		stderr  string
	}{
		{"duplicate identical decisions", h + row("3", "banana", "partial") + row("3", "banana", "PR"), exitOK, ""},
		{"undecided rows only", h + row("3", "banana", ""), exitOK, ""},
		{"conflicting decisions", h + row("3", "banana", "partial") + row("3", "banana", "none"), exitUsage,
			"decisions.csv:3:71: conflicting decisions for study \"Smith 2020\", case \"3\", outcome \"banana\": \"none\" here, \"partial\" on line 2"},
		{"unknown category", h + row("3", "banana", "parital"), exitUsage, "decisions.csv:2:71: column \"decision\": unknown outcome category \"parital\""},
		{"unclassified is no decision", h + row("3", "banana", "unclassified"), exitUsage, "decisions.csv:2:71: column \"decision\": \"unclassified\" is not a decision"},
		{"SD is ambiguous", h + row("3", "banana", "SD"), exitUsage, "decisions.csv:2:71: column \"decision\": category code \"SD\" is ambiguous"},
		{"missing column", "study,case,field,original_text\nSmith 2020,3,outcome,banana\n", exitUsage, "decisions.csv:1:1: missing column \"decision\""},
		{"unknown field", h + "cases.csv,9,Smith 2020,3,diltiazem,dose,banana,,,,,5 mg\n", exitUsage, "decisions.csv:2:36: column \"field\": \"dose\" is not a field"},
		{"ragged row", h + "cases.csv,9,Smith 2020\n", exitUsage, "decisions.csv:2:1: wrong number of fields"},
		{"bare quote", h + "cases.csv,9,Smith \"2020,3,diltiazem,outcome,banana,,,,,partial\n", exitUsage, "decisions.csv:2:"},
		{"empty file", "", exitUsage, "decisions.csv:1:1: the decisions file is empty"},
		{"accept without a proposal", h + row("3", "banana", "accept"), exitUsage, "decisions.csv:2:71: column \"decision\": \"accept\" confirms the proposed value, but this row proposes none"},
		{"no such file", "", exitUsage, "config: decisions:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := t.TempDir()
			dec := filepath.Join(sub, "decisions.csv")
			if tt.name != "no such file" {
				if err := os.WriteFile(dec, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := tresp(t, "run", "-q", "--no-cache", "--out", filepath.Join(sub, "out"), "--decisions", dec, in)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("code %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
			if code != 0 && strings.Count(stderr, "tresp: ") != 1 {
				t.Errorf("want one error line, got %q", stderr)
			}
		})
	}
}

// TestStrictUndecidedOutcomes checks that validate --strict and run
// --strict fail while an outcome awaits a decision, and pass once decided.
func TestStrictUndecidedOutcomes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "cases.csv")
	os.WriteFile(in, []byte("Study,Pt,Drug,Disease,Outcome\nS,1,diltiazem,dermatomyositis,complete resolution\nS,2,diltiazem,dermatomyositis,banana\n"), 0o644)
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{{"validate", "--strict", "--out", out, in}, {"run", "-q", "--strict", "--out", out, in}} {
		if args[0] == "validate" {
			args = []string{"validate", "--strict", in}
		}
		code, _, stderr := tresp(t, args...)
		if code != exitData || !strings.Contains(stderr, "strict: 1 outcomes are unclassified or read with low confidence and not decided (1 unclassified, 0 low confidence; the first at "+in+":3)") ||
			!strings.Contains(stderr, filepath.Join("out", "review.csv")) {
			t.Errorf("%v: code %d, stderr %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("run --strict wrote an output directory")
	}
	// A hedged reading is low confidence: counted as read, but listed and
	// a strict failure until decided.
	hedged := filepath.Join(dir, "hedged.csv")
	os.WriteFile(hedged, []byte("Study,Pt,Drug,Disease,Outcome\nS,1,diltiazem,dermatomyositis,possibly improved\n"), 0o644)
	if code, _, stderr := tresp(t, "validate", "--strict", hedged); code != exitData || !strings.Contains(stderr, "(0 unclassified, 1 low confidence; the first at "+hedged+":2)") {
		t.Errorf("validate --strict of a hedged outcome: code %d, stderr %q", code, stderr)
	}
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, in); code != 0 {
		t.Fatalf("run: %d %s", code, stderr)
	}
	header, rows := decide(t, filepath.Join(out, "review.csv"), map[string]string{"banana": "complete"})
	dec := filepath.Join(dir, "decided.csv")
	writeDecisions(t, dec, header, rows)
	for _, args := range [][]string{{"validate", "--strict", "--decisions", dec, in}, {"run", "-q", "--strict", "--out", out, "--decisions", dec, in}} {
		if code, stdout, stderr := tresp(t, args...); code != 0 {
			t.Errorf("%v: code %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

// TestAcceptProposal: a low-confidence reading is proposed in review.csv and counted in no
// rate; "accept" in its decision column confirms the proposal, which then counts.
func TestAcceptProposal(t *testing.T) {
	dir := t.TempDir()
	in := reviewCases(t, dir, []string{"possibly improved"})
	out := filepath.Join(dir, "out")
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, in); code != 0 {
		t.Fatalf("run: code %d: %s", code, stderr)
	}
	var proposed map[string]string
	for _, r := range readCSV(t, filepath.Join(out, "review.csv")) {
		if r["original_text"] == "possibly improved" {
			proposed = r
		}
	}
	if proposed == nil || proposed["proposed_value"] != "partial" || proposed["confidence"] != "low" {
		t.Fatalf("review row = %v, want proposed partial with low confidence", proposed)
	}
	if r := rateRow(t, out, "diltiazem", "itt"); r["n"] != "2" || r["unclassified"] != "1" {
		t.Errorf("before the decision: n %s, unclassified %s; want 2 and 1 (a proposal is not counted)", r["n"], r["unclassified"])
	}
	header, rows := decide(t, filepath.Join(out, "review.csv"), map[string]string{"possibly improved": "accept"})
	dec := filepath.Join(dir, "decided.csv")
	writeDecisions(t, dec, header, rows)
	if code, _, stderr := tresp(t, "run", "-q", "--out", out, "--decisions", dec, in); code != 0 {
		t.Fatalf("run --decisions: code %d: %s", code, stderr)
	}
	if r := rateRow(t, out, "diltiazem", "itt"); r["n"] != "3" || r["responders"] != "2" || r["unclassified"] != "0" {
		t.Errorf("after accepting: n %s, responders %s, unclassified %s; want 3, 2, 0", r["n"], r["responders"], r["unclassified"])
	}
}

// TestFigureHeightTooSmallIsAConfigError: a figure height the content cannot fit is the
// user's setting to change (exit 2 naming figures.size), not an internal error (exit 3).
func TestFigureHeightTooSmallIsAConfigError(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "tresp.toml")
	if err := os.WriteFile(cfg, []byte("inputs = []\n[figures]\nsize = \"nature-double:20\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := tresp(t, "run", "-q", "--no-cache", "--config", cfg, "--out", filepath.Join(dir, "out"))
	if code != exitUsage || !strings.Contains(stderr, "figures.size") || !strings.Contains(stderr, "too small") {
		t.Errorf("code %d, stderr %q; want %d and a figures.size message", code, stderr, exitUsage)
	}
}
