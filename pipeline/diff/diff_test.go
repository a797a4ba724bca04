package diff

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/example"
	"github.com/tresp/tresp/pipeline"
	"github.com/tresp/tresp/pipeline/config"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// extraPatient is a new study's diltiazem patient with complete
// resolution: the example's diltiazem ITT count goes from 4/6 to 5/7.
var extraPatient = []string{"Added S. A new case of calcinosis. 2025", "1", "40 years/F", "dermatomyositis", "", "dystrophic",
	"elbow", "2 cm", "1 year", "diltiazem", "240 mg daily", "oral", "6 months", "", "complete resolution",
	"", "", "", "", "", "", "", "", "'The lesions resolved completely.'"}

// writeExample copies the embedded example into dir, appending rows to
// cases.csv.
func writeExample(t *testing.T, dir string, rows ...[]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range example.Files {
		b, err := example.FS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if f == "cases.csv" && len(rows) > 0 {
			var buf bytes.Buffer
			cw := csv.NewWriter(&buf)
			cw.WriteAll(rows)
			if !bytes.HasSuffix(b, []byte("\n")) {
				b = append(b, '\n')
			}
			b = append(b, buf.Bytes()...)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runInto(t *testing.T, out string, inputs ...string) {
	t.Helper()
	cfg := config.Default()
	cfg.Out = out
	cfg.Inputs = inputs
	if _, err := pipeline.Run(context.Background(), cfg, nil); err != nil {
		t.Fatalf("run into %s: %v", out, err)
	}
}

// golden compares got with testdata/diff/name under the package
// directory pkg, rewriting it with -update.
func golden(t *testing.T, pkg, name string, got []byte) {
	t.Helper()
	p := filepath.Join(pkg, "testdata", "diff", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline/diff -run TestDiff -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (rerun with -update if the change is intended):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// editFirstRate replaces old by new in the first row of
// analysis.response_rates of the summary.json text sb.
func editFirstRate(t *testing.T, sb []byte, old, new string) []byte {
	t.Helper()
	at := bytes.Index(sb, []byte(`"response_rates": [`))
	if at < 0 {
		t.Fatal("summary.json has no response_rates")
	}
	end := at + bytes.Index(sb[at:], []byte("}"))
	if !bytes.Contains(sb[at:end], []byte(old)) {
		t.Fatalf("summary.json: the first response-rate row has no %s", old)
	}
	row := bytes.Replace(sb[at:end], []byte(old), []byte(new), 1)
	return append(append(append([]byte{}, sb[:at]...), row...), sb[end:]...)
}

func findRate(d *Result, drug, disease, pop string) (RateChange, bool) {
	for _, r := range d.Rates {
		if r.Drug == drug && r.Disease == disease && r.Population == pop {
			return r, true
		}
	}
	return RateChange{}, false
}

// TestDiff runs the example, the example plus one patient, and that plus
// one quarantined row, in a working directory of their own so that input
// names (and so the goldens) do not depend on the temporary path.
func TestDiff(t *testing.T) {
	root := t.TempDir()
	pkg, err := os.Getwd() // golden files live under the package directory
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)

	runInto(t, "old")
	runInto(t, "old2")
	writeExample(t, "new", extraPatient)
	runInto(t, "newout", "new")
	noStudy := slices.Clone(extraPatient)
	noStudy[0], noStudy[1] = "", "7"
	writeExample(t, "bad", extraPatient, noStudy)
	runInto(t, "badout", "bad")

	t.Run("added patient", func(t *testing.T) {
		d, err := Diff("old", "newout")
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			drug, disease, pop string
			oldN, oldR         int
			newN, newR         int
		}{
			// Hand count: the example has 6 diltiazem courses (4 responders,
			// 5 evaluable); the new patient adds one complete response.
			{"diltiazem", "", "itt", 6, 4, 7, 5},
			{"diltiazem", "", "evaluable", 5, 4, 6, 5},
			{"", "", "itt", 6, 4, 7, 5},
			// The series' case 3 (dermatomyositis, partial) counts from its
			// own row, so the group exists before the new patient.
			{"diltiazem", "dermatomyositis", "itt", 1, 1, 2, 2},
		}
		for _, tt := range tests {
			r, ok := findRate(d, tt.drug, tt.disease, tt.pop)
			if !ok {
				t.Errorf("%s/%s/%s: no rate change reported; changes: %+v", tt.drug, tt.disease, tt.pop, d.Rates)
				continue
			}
			if r.Old.N != tt.oldN || r.Old.Responders != tt.oldR || r.New.N != tt.newN || r.New.Responders != tt.newR {
				t.Errorf("%s/%s/%s: %d/%d → %d/%d, want %d/%d → %d/%d", tt.drug, tt.disease, tt.pop,
					r.Old.Responders, r.Old.N, r.New.Responders, r.New.N, tt.oldR, tt.oldN, tt.newR, tt.newN)
			}
			want := float64(tt.newR)/float64(tt.newN) - float64(tt.oldR)/float64(tt.oldN)
			if math.Abs(r.Delta-want) > 1e-12 {
				t.Errorf("%s/%s/%s: delta %v, want %v (exact fractions, tol 1e-12)", tt.drug, tt.disease, tt.pop, r.Delta, want)
			}
		}
		if _, ok := findRate(d, "methotrexate", "", "itt"); ok {
			t.Error("methotrexate reported as changed; the new patient had only diltiazem")
		}
		// 5/7 − 4/6 = 0.0476 is the largest move (6/7 − 5/6 is 0.024).
		if got, want := d.MaxRateChange(), 5.0/7-4.0/6; math.Abs(got-want) > 1e-12 {
			t.Errorf("MaxRateChange = %v, want %v", got, want)
		}
		// The all-drugs total moves as much; the drug's row is named.
		if r, ok := d.LargestRateChange(); !ok || r.Drug != "diltiazem" || r.Disease != "" || r.Population != "itt" {
			t.Errorf("LargestRateChange = %+v, %v; want diltiazem, all diseases, itt", r, ok)
		}
		for _, tt := range []struct {
			threshold float64
			exceeds   bool
		}{{0.04, true}, {0.10, false}, {0, false}, {0.0476, true}, {0.0477, false}} {
			if got := d.Exceeds(tt.threshold); got != tt.exceeds {
				t.Errorf("Exceeds(%v) = %v", tt.threshold, got)
			}
		}
		if len(d.RemovedGroups) != 0 || len(d.QuarantineAdded) != 0 || len(d.QuarantineRemoved) != 0 || len(d.Config) != 0 {
			t.Errorf("unexpected removals, quarantine or settings: %+v", d)
		}
		wantInputs := []InputChange{
			{File: "new/cases.csv", OldFile: "example:cases.csv", Status: "changed"},
			{File: "new/studies.csv", OldFile: "example:studies.csv", Status: "renamed"},
		}
		if len(d.Inputs) != len(wantInputs) {
			t.Fatalf("inputs = %+v", d.Inputs)
		}
		for i, w := range wantInputs {
			g := d.Inputs[i]
			if g.File != w.File || g.OldFile != w.OldFile || g.Status != w.Status {
				t.Errorf("input %d = %+v, want %+v", i, g, w)
			}
		}
		if c := d.Inputs[0]; c.OldRows != 13 || c.NewRows != 14 || c.OldSHA256 == c.NewSHA256 {
			t.Errorf("cases.csv change = %+v", c)
		}
		// The example's warnings are read under the new names: none of
		// them may come back as new merely because the file moved.
		for _, w := range d.NewWarnings {
			if strings.Contains(w, "new/cases.csv:") && !strings.Contains(w, "new/cases.csv:15") {
				t.Errorf("old problem reported as new after the rename: %s", w)
			}
		}

		var md, js bytes.Buffer
		if err := d.Markdown(&md, gateAt(0.10)); err != nil {
			t.Fatal(err)
		}
		if err := d.JSON(&js, gateAt(0.10)); err != nil {
			t.Fatal(err)
		}
		golden(t, pkg, "added_patient.md", md.Bytes())
		golden(t, pkg, "added_patient.json", js.Bytes())
		var back map[string]any
		if err := json.Unmarshal(js.Bytes(), &back); err != nil {
			t.Fatalf("JSON output does not parse: %v", err)
		}
		if back["threshold_exceeded"] != false {
			t.Errorf("threshold_exceeded = %v", back["threshold_exceeded"])
		}

		// Byte-identical on a second Diff of the same directories.
		d2, _ := Diff("old", "newout")
		var md2, js2 bytes.Buffer
		d2.Markdown(&md2, gateAt(0.10))
		d2.JSON(&js2, gateAt(0.10))
		if !bytes.Equal(md.Bytes(), md2.Bytes()) || !bytes.Equal(js.Bytes(), js2.Bytes()) {
			t.Error("Diff output is not deterministic")
		}

		md.Reset()
		d.Markdown(&md, gateAt(0.04))
		if !strings.Contains(md.String(), "❌ Gate failed: 1 of 4 checks") || !strings.Contains(md.String(), "**+4.8 pp**") {
			t.Errorf("Markdown at threshold 0.04 does not flag the move:\n%s", md.String())
		}
	})

	t.Run("quarantined row", func(t *testing.T) {
		d, err := Diff("newout", "badout")
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Rates) != 0 || len(d.AddedGroups) != 0 {
			t.Errorf("a quarantined row changed rates: %+v %+v", d.Rates, d.AddedGroups)
		}
		if len(d.QuarantineAdded) != 1 || d.QuarantineAdded[0].File != "bad/cases.csv" || d.QuarantineAdded[0].Line != 16 ||
			!strings.Contains(d.QuarantineAdded[0].Reasons, "bad/cases.csv:16") {
			t.Errorf("quarantine added = %+v", d.QuarantineAdded)
		}
		if len(d.NewWarnings) == 0 || !strings.HasPrefix(d.NewWarnings[0], "error: bad/cases.csv:16") {
			t.Errorf("new warnings = %q", d.NewWarnings)
		}
		back, err := Diff("badout", "newout")
		if err != nil {
			t.Fatal(err)
		}
		if len(back.QuarantineRemoved) != 1 || back.QuarantineRemoved[0].File != "new/cases.csv" || len(back.ResolvedWarnings) != len(d.NewWarnings) {
			t.Errorf("reverse diff: removed %+v, resolved %q", back.QuarantineRemoved, back.ResolvedWarnings)
		}
		var md bytes.Buffer
		d.Markdown(&md, gateAt(0.10))
		golden(t, pkg, "quarantined_row.md", md.Bytes())
	})

	t.Run("identical", func(t *testing.T) {
		for _, pair := range [][2]string{{"old", "old"}, {"old", "old2"}, {"newout", "newout/summary.json"}} {
			d, err := Diff(pair[0], pair[1])
			if err != nil {
				t.Fatal(err)
			}
			if !d.Empty() || d.MaxRateChange() != 0 || d.Exceeds(0.0001) {
				t.Errorf("%v: not empty: %+v", pair, d)
			}
			var md bytes.Buffer
			d.Markdown(&md, gateAt(0.10))
			if want := "**tresp diff:** no changes in response rates, groups, warnings, quarantined rows, inputs or settings.\n\n### ✅ Gate passed\n"; !strings.HasPrefix(md.String(), want) {
				t.Errorf("%v: Markdown = %q", pair, md.String())
			}
		}
	})

	t.Run("paths", func(t *testing.T) {
		a, err := Diff("old/summary.json", "newout/tables/response_rates.csv")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Diff("old", "newout")
		var ja, jb bytes.Buffer
		a.JSON(&ja, gateAt(0.1))
		b.JSON(&jb, gateAt(0.1))
		if !bytes.Equal(ja.Bytes(), jb.Bytes()) {
			t.Error("a summary.json or response_rates.csv path does not give the directory's diff")
		}

		os.MkdirAll("empty", 0o755)
		os.MkdirAll("foreign", 0o755)
		os.WriteFile("foreign/summary.json", []byte(`{"tool":"other"}`), 0o644)
		sb, _ := os.ReadFile("old/summary.json")
		os.MkdirAll("broken", 0o755)
		os.WriteFile("broken/summary.json", editFirstRate(t, sb, `"n": 6,`, `"n": "many",`), 0o644)
		os.MkdirAll("negative", 0o755)
		os.WriteFile("negative/summary.json", editFirstRate(t, sb, `"responders": 4,`, `"responders": -4,`), 0o644)
		os.MkdirAll("norates", 0o755)
		os.WriteFile("norates/summary.json", bytes.Replace(sb, []byte(`"response_rates":`), []byte(`"response_rates_gone":`), 1), 0o644)
		for _, tt := range []struct{ path, msg string }{
			{"missing", "does not exist"},
			{"new/cases.csv", "is a file"},
			{"empty", "no readable summary.json"},
			{"foreign", "not written by tresp"},
			{"broken", `cannot read its summary.json`},
			{"negative", `summary.json: analysis.response_rates[0]: negative count`},
			{"norates", "has no analysis.response_rates"},
		} {
			for _, args := range [][2]string{{tt.path, "old"}, {"old", tt.path}} {
				_, err := Diff(args[0], args[1])
				var ne *NotOutputError
				if !errors.As(err, &ne) || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), "is not a tresp output directory") {
					t.Errorf("Diff(%q, %q) = %v, want a NotOutputError saying %q", args[0], args[1], err, tt.msg)
				}
			}
		}
	})
}

func TestDiffStringsCountsRepeats(t *testing.T) {
	tests := []struct {
		old, new       []string
		added, removed []string
	}{
		{nil, nil, nil, nil},
		{[]string{"a", "b"}, []string{"b", "a"}, nil, nil},
		{[]string{"a"}, []string{"a", "a", "c"}, []string{"a", "c"}, nil},
		{[]string{"z", "a", "a"}, []string{"a"}, nil, []string{"a", "z"}},
	}
	for _, tt := range tests {
		a, r := diffStrings(tt.old, tt.new)
		if strings.Join(a, ",") != strings.Join(tt.added, ",") || strings.Join(r, ",") != strings.Join(tt.removed, ",") {
			t.Errorf("diffStrings(%q, %q) = %q, %q; want %q, %q", tt.old, tt.new, a, r, tt.added, tt.removed)
		}
	}
}

func TestDiffInputsPairing(t *testing.T) {
	in := func(f, h string) runInput { return runInput{File: f, SHA256: h, RowsRead: 1} }
	tests := []struct {
		name     string
		old, new []runInput
		want     string // file:status[:oldfile] joined by spaces
	}{
		{"same", []runInput{in("a.csv", "1")}, []runInput{in("a.csv", "1")}, ""},
		{"changed", []runInput{in("a.csv", "1")}, []runInput{in("a.csv", "2")}, "a.csv:changed"},
		{"moved", []runInput{in("example:a.csv", "1")}, []runInput{in("data/a.csv", "1")}, "data/a.csv:renamed:example:a.csv"},
		{"ambiguous base", []runInput{in("x/a.csv", "1")}, []runInput{in("y/a.csv", "1"), in("z/a.csv", "1")},
			"x/a.csv:removed y/a.csv:added z/a.csv:added"},
		{"added and removed", []runInput{in("a.csv", "1")}, []runInput{in("b.csv", "1")}, "a.csv:removed b.csv:added"},
	}
	for _, tt := range tests {
		got, rename := diffInputs(tt.old, tt.new)
		var parts []string
		for _, c := range got {
			s := c.File + ":" + c.Status
			if c.OldFile != "" {
				s += ":" + c.OldFile
				if rename[c.OldFile] != c.File {
					t.Errorf("%s: rename map %v", tt.name, rename)
				}
			}
			parts = append(parts, s)
		}
		if g := strings.Join(parts, " "); g != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, g, tt.want)
		}
	}
}

func TestDiffConfigLeaves(t *testing.T) {
	old := json.RawMessage(`{"out":"a","inputs":["x"],"analysis":{"responder":"partial","level":0.95},"figures":{"formats":["pdf"]}}`)
	new := json.RawMessage(`{"out":"b","inputs":[],"analysis":{"responder":"complete","level":0.95},"figures":{"formats":["pdf","png"]},"strict":true}`)
	got := diffConfig(old, new)
	want := []ConfigChange{
		{"analysis.responder", `"partial"`, `"complete"`},
		{"figures.formats", `["pdf"]`, `["pdf","png"]`},
		{"strict", "", "true"},
	}
	if len(got) != len(want) {
		t.Fatalf("diffConfig = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestExceedsIsStrict(t *testing.T) {
	// 0.6 − 0.5 is 0.09999999999999998 and 0.4 − 0.3 is 0.10000000000000003
	// in float64: both are a move of exactly 10 points, not more.
	for _, r := range [][2]float64{{0.5, 0.6}, {0.3, 0.4}, {0.4, 0.3}} {
		d := &Result{Rates: []RateChange{{Delta: r[1] - r[0]}}}
		if d.Exceeds(0.10) {
			t.Errorf("%v → %v exceeds 0.10", r[0], r[1])
		}
		if !d.Exceeds(0.0999) {
			t.Errorf("%v → %v does not exceed 0.0999", r[0], r[1])
		}
	}
	d := &Result{Rates: []RateChange{{Delta: math.NaN()}, {Delta: -0.2}}}
	if d.MaxRateChange() != 0.2 {
		t.Errorf("MaxRateChange = %v, want 0.2 (NaN ignored, sign dropped)", d.MaxRateChange())
	}
}

func TestMarkdownFormatting(t *testing.T) {
	tests := []struct{ got, want string }{
		{fmtPP(0.047619), "+4.8 pp"},
		{fmtPP(-0.1), "-10.0 pp"},
		{fmtPP(-0.00001), "0.0 pp"},
		{fmtPP(math.NaN()), "—"},
		{fmtPct(2.0 / 3), "66.7%"},
		{fmtCI(RateValue{Low: 0.2227, High: 0.9567}), "22.3–95.7%"},
		{mdText("a|b *c* <x>\nd"), `a\|b \*c\* \<x\> d`},
		{mdCode("a`b"), "`` a`b ``"},
		{mdCode("plain"), "`plain`"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

// gateAt is the gate with only the rate threshold of the older tresp diff:
// every stratum judged, no limit on the fall of evaluable n.
func gateAt(threshold float64) Gate {
	return Gate{Threshold: threshold, MinN: 0, MaxDrop: 1}
}
