package figure

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestParsePreset(t *testing.T) {
	cases := []struct {
		in      string
		want    Size
		wantErr string
	}{
		{"nature-single", NatureSingle, ""},
		{" Nature-Double ", NatureDouble, ""},
		{"elsevier-single", ElsevierSingle, ""},
		{"elsevier-double:120", Size{Name: "elsevier-double", WidthMM: 190, HeightMM: 120, PageHeightMM: ElsevierPageHeightMM}, ""},
		{"120x80", Size{Name: "custom", WidthMM: 120, HeightMM: 80}, ""},
		{"150mm", Size{Name: "custom", WidthMM: 150}, ""},
		{"a4", Size{}, "legal values: nature-single, nature-double, elsevier-single, elsevier-double"},
		{"", Size{}, "legal values"},
		{"10x10", Size{}, "out of range"},
		{"nature-single:abc", Size{}, "cannot read"},
		{"120x", Size{}, "legal values"},
	}
	for _, c := range cases {
		got, err := ParsePreset(c.in)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("ParsePreset(%q) err = %v, want %q", c.in, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParsePreset(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
		// String round-trips.
		if back, err := ParsePreset(got.String()); err != nil || back != got {
			t.Errorf("ParsePreset(%q.String() = %q) = %+v, %v", c.in, got.String(), back, err)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Format
		ok   bool
	}{{"pdf", PDF, true}, {".PNG", PNG, true}, {"svg", SVG, true}, {"eps", 0, false}, {"", 0, false}} {
		got, err := ParseFormat(c.in)
		if c.ok != (err == nil) || c.ok && got != c.want {
			t.Errorf("ParseFormat(%q) = %v, %v", c.in, got, err)
		}
		if !c.ok && (err == nil || !strings.Contains(err.Error(), "legal values: pdf, png, svg")) {
			t.Errorf("ParseFormat(%q) error %v does not list legal values", c.in, err)
		}
	}
	if err := Render(&bytes.Buffer{}, sampleForest(), NatureSingle, Format(9)); err == nil {
		t.Error("Render with an unknown format: no error")
	}
}

// TestLayoutChecker makes sure the layout checks used above can fail.
func TestLayoutChecker(t *testing.T) {
	th := newTheme(mm(89))
	c := newTextCanvas(mm(89), mm(30))
	p := pen{c, th}
	p.text(th.body, Black, 10, 20, 0, "diltiazem")
	p.text(th.body, Black, 15, 21, 0, "risedronate")            // overlaps
	p.text(th.body, Black, mm(88), 40, 0, "sodium thiosulfate") // clipped
	p.textUp(th.body, Black, 200, 40, "Outcome")                // rotated, clear
	got := problems(c)
	if len(got) != 2 {
		t.Errorf("checker found %d problems, want 2 (one overlap, one clip): %q", len(got), got)
	}
}

func TestHostileLabels(t *testing.T) {
	hostile := []string{
		"", " ", "\x00\x01\x1b[31mred", "line1\nline2\r\n\tline3", strings.Repeat("W", 400),
		strings.Repeat("verylongword ", 60), "<script>alert(1)</script> & \"quotes\"", "≥ 2 g/kg α-interferon 🙂 中文",
		"\xff\xfe invalid utf8", "–––––", "a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/aa/bb/cc/dd/ee/ff",
	}
	var figs []Figure
	f := Forest{RefLine: 0.3, Method: hostile[7], Abbrev: hostile}
	o := OutcomeBars{GroupBy: hostile[4]}
	s := Swimmer{Unit: hostile[3]}
	cr := CumResponse{}
	d := DoseResponse{DoseLabel: hostile[4]}
	for i, h := range hostile {
		f.Rows = append(f.Rows, ForestRow{Label: h, Events: 1, N: 2, Estimate: 0.5, Low: 0.1, High: 0.9, Study: i%3 == 2})
		o.Groups = append(o.Groups, OutcomeGroup{Label: h, Counts: [NumOutcomes]int{i, 1, 0, 2, 0, 1}})
		s.Lanes = append(s.Lanes, Lane{Study: h, Case: h, Regimen: h, Duration: float64(i)})
		cr.Curves = append(cr.Curves, CumCurve{Label: h, Steps: []CumStep{{Time: float64(i), Est: 0.3, Low: math.NaN(), High: 0.5}}, FollowUp: []float64{float64(i), 3}})
		d.Points = append(d.Points, DosePoint{ID: h, Drug: h, Dose: float64(i + 1), Outcome: Outcome(i % int(NumOutcomes))})
	}
	dp := d
	dp.Panels = true
	figs = append(figs, f, o, s, cr, d, dp)
	for _, fig := range figs {
		for _, sz := range Presets {
			c, err := layoutTexts(t, fig, sz)
			if err != nil {
				t.Errorf("%T at %s: %v", fig, sz, err)
				continue
			}
			checkLayout(t, fmt.Sprintf("hostile %T@%s", fig, sz), c)
			for _, tx := range c.texts {
				for _, r := range tx.s {
					if !inCP1252(r) && !isGreek(r) {
						t.Errorf("%T: drawn text %q has rune %U outside cp1252 and the Greek letters", fig, tx.s, r)
					}
				}
			}
		}
		for _, ft := range []Format{PDF, SVG} {
			if err := Render(&bytes.Buffer{}, fig, NatureSingle, ft); err != nil {
				t.Errorf("%T %s: %v", fig, ft, err)
			}
		}
		if c := fig.Caption(); strings.ContainsAny(c, "\x00\x1b\n") {
			t.Errorf("%T caption has control characters: %q", fig, c)
		}
	}
}

func TestForestNoData(t *testing.T) {
	nan := math.NaN()
	f := Forest{Rows: []ForestRow{
		{Label: "no patients", N: 0, Estimate: nan, Low: nan, High: nan},
		{Label: "no interval", Events: 2, N: 4, Estimate: 0.5, Low: nan, High: nan},
		{Label: "ok", Events: 3, N: 5, Estimate: 0.6, Low: 0.15, High: 0.95},
		{Label: "pooled, no interval", Events: 5, N: 9, Estimate: 0.55, Low: nan, High: nan, Pooled: true},
	}}
	var b bytes.Buffer
	if err := Render(&b, f, NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	if got := len(whiskerRE.FindAll(b.Bytes(), -1)); got != 1 {
		t.Errorf("%d whiskers, want 1 (only the row with an interval)", got)
	}
	if n := bytes.Count(b.Bytes(), []byte(">not estimable<")); n != 1 {
		t.Errorf("%d \"not estimable\" marks, want 1", n)
	}
	if !strings.Contains(f.Caption(), `"not estimable"`) {
		t.Errorf("caption does not explain \"not estimable\": %s", f.Caption())
	}
}

func TestValidationErrors(t *testing.T) {
	cases := []struct {
		fig  Figure
		want string
	}{
		{Forest{Rows: []ForestRow{{Label: "x", Events: 3, N: 2, Estimate: 1}}}, "events 3 of n 2"},
		{Forest{Rows: []ForestRow{{Label: "x", Events: 1, N: 2, Estimate: 1.5}}}, "outside [0, 1]"},
		{Forest{Rows: []ForestRow{{Label: "x", Events: 1, N: 2, Estimate: 0.5, Low: 0.6, High: 0.9}}}, "does not contain"},
		{OutcomeBars{Groups: []OutcomeGroup{{Label: "g", Counts: [NumOutcomes]int{-1}}}}, "negative count"},
		{Swimmer{Lanes: []Lane{{Duration: math.NaN()}}}, "duration NaN"},
		{CumResponse{Curves: []CumCurve{{Steps: []CumStep{{Time: 5, Est: 0.2}, {Time: 3, Est: 0.4}}}}}, "non-decreasing"},
		{DoseResponse{LogDose: true, Points: []DosePoint{{ID: "p1", Dose: 0}}}, "log axis"},
	}
	for _, c := range cases {
		err := Render(&bytes.Buffer{}, c.fig, NatureSingle, PNG)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%T: err = %v, want %q", c.fig, err, c.want)
		}
	}
}

func TestExplicitHeight(t *testing.T) {
	f := stressForest()
	if err := Render(&bytes.Buffer{}, f, Size{Name: "custom", WidthMM: 89, HeightMM: 30}, PDF); err == nil || !strings.Contains(err.Error(), "too small") {
		t.Errorf("30 mm for 30 rows: err = %v, want a too-small error", err)
	}
	sz := Size{Name: "custom", WidthMM: 89, HeightMM: 200}
	_, h, err := Measure(f, sz)
	if err != nil || math.Abs(h-200) > 1e-9 {
		t.Fatalf("Measure = %g, %v; want 200 mm", h, err)
	}
	c, err := layoutTexts(t, f, sz)
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, "forest 200 mm", c)
}

func TestSwimmerCapAndPages(t *testing.T) {
	s := stressSwimmer() // 93 lanes
	var b bytes.Buffer
	if err := Render(&b, s, NatureDouble, SVG); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("Showing 40 of 93 patients.")) {
		t.Error("capped swimmer lacks the \"Showing 40 of 93 patients.\" note")
	}
	if !strings.Contains(s.Caption(), "first 40 of 93") {
		t.Errorf("caption does not mention the cap: %s", s.Caption())
	}
	pages := s.Pages()
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	sizes := []int{40, 40, 13}
	seen := map[string]bool{}
	for i, pg := range pages {
		if len(pg.Lanes) != sizes[i] {
			t.Errorf("page %d has %d lanes, want %d", i+1, len(pg.Lanes), sizes[i])
		}
		for _, l := range pg.Lanes {
			seen[l.Case] = true
		}
		b.Reset()
		if err := Render(&b, pg, NatureDouble, SVG); err != nil {
			t.Fatal(err)
		}
		if i == 1 && !bytes.Contains(b.Bytes(), []byte("Patients 41–80 of 93 (page 2 of 3).")) {
			t.Error("page 2 lacks its \"Patients 41–80 of 93\" note")
		}
		c, err := layoutTexts(t, pg, NatureSingle)
		if err != nil {
			t.Fatal(err)
		}
		checkLayout(t, "swimmer page", c)
	}
	if len(seen) != 93 {
		t.Errorf("pages show %d distinct patients, want 93", len(seen))
	}
	// sorted by duration across pages.
	if pages[0].Lanes[39].Duration < pages[1].Lanes[0].Duration {
		t.Error("pages are not in duration order")
	}
}

func TestJitterDeterministic(t *testing.T) {
	p := DosePoint{ID: "Smith 2019/2", Drug: "diltiazem", Dose: 120}
	j := p.jitter(0)
	if j != p.jitter(7) {
		t.Error("jitter of a point with an ID depends on its position")
	}
	if j < -JitterWidth/2 || j >= JitterWidth/2 {
		t.Errorf("jitter %g outside [−%g, %g)", j, JitterWidth/2, JitterWidth/2)
	}
	// ids differing in the last character spread over the range.
	lo, hi := 1.0, -1.0
	for i := 0; i < 20; i++ {
		v := DosePoint{ID: "case-" + string(rune('a'+i))}.jitter(0)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if hi-lo < JitterWidth/2 {
		t.Errorf("jitter of 20 similar ids spans only %g of %g", hi-lo, JitterWidth)
	}
}

func TestCaptions(t *testing.T) {
	f := sampleForest()
	c := f.Caption()
	for _, want := range []string{"**Response rate by drug.**", "95% confidence intervals (Clopper–Pearson)", "DerSimonian–Laird", "25 patients in 14 studies", "the pooled response rate", "CI, confidence interval"} {
		if !strings.Contains(c, want) {
			t.Errorf("forest caption lacks %q:\n%s", want, c)
		}
	}
	for name, fig := range sampleFigures() {
		c := fig.Caption()
		if !strings.HasPrefix(c, "**") || !strings.Contains(c, "Data from ") {
			t.Errorf("%s caption malformed: %s", name, c)
		}
	}
	if c := sampleSwimmer().Caption(); !strings.Contains(c, "7 patients in 5 studies") {
		t.Errorf("swimmer caption does not count lanes and studies: %s", c)
	}
}

func TestCleanAndCP1252(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\tb\n c", "a b c"},
		{"≥ 2 µg", ">= 2 µg"},
		{"Sjögren – x", "Sjögren – x"},
		{"中", "?"},
		{"  x  ", "x"},
	}
	for _, c := range cases {
		if got := clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := toCP1252("é–€"); got != "\xe9\x96\x80" {
		t.Errorf("toCP1252 = %x", got)
	}
}

var _ = vg.Millimeter

// TestDoseStyleOrder: with a shared StyleOrder a drug has the same colour
// and marker in two dose figures whose drug sets differ (the 400-row
// table drew chlorpropamide as a blue circle in one, an orange diamond in
// the other).
func TestDoseStyleOrder(t *testing.T) {
	order := []string{"a", "b", "c", "d"}
	one := DoseResponse{StyleOrder: order, Points: []DosePoint{{Drug: "a", Dose: 1}, {Drug: "c", Dose: 2}}}
	two := DoseResponse{StyleOrder: order, Points: []DosePoint{{Drug: "b", Dose: 1}, {Drug: "c", Dose: 2}, {Drug: "d", Dose: 3}}}
	th := newTheme(mm(89))
	style := func(d DoseResponse) map[string]int {
		l, err := d.build(th)
		if err != nil {
			t.Fatal(err)
		}
		return l.(*doseLayout).style
	}
	s1, s2 := style(one), style(two)
	if s1["c"] != s2["c"] || s1["c"] != 2 {
		t.Errorf("c has style %d in one figure, %d in the other (want 2)", s1["c"], s2["c"])
	}
	if style(DoseResponse{Points: one.Points})["c"] != 1 {
		t.Error("without StyleOrder, styles are not by the sorted drugs drawn")
	}
}

// TestForestCaptionDenominator: n is the population analysed (evaluable
// patients by default), not every patient treated; the caption said
// "responders/patients treated" beside 4/5 for a drug given to 6.
func TestForestCaptionDenominator(t *testing.T) {
	c := Forest{Rows: []ForestRow{{Label: "a", Events: 4, N: 5}}}.Caption()
	if strings.Contains(c, "patients treated") {
		t.Errorf("caption calls n the patients treated: %s", c)
	}
	if !strings.Contains(c, "x/n, responders/patients of the population analysed") {
		t.Errorf("caption lacks the x/n abbreviation: %s", c)
	}
}

// TestLogTickLabels: log-axis labels are plain decimals: the 400-row
// table's dose axis read "10000" then "1e+06".
func TestLogTickLabels(t *testing.T) {
	var got []string
	for _, tk := range logTicks(1e-4, 1e6) {
		got = append(got, tk.label)
	}
	if s := strings.Join(got, " "); s != "0.0001 0.001 0.01 0.1 1 10 100 1000 10000 100000 1000000" {
		t.Errorf("log ticks %q", s)
	}
}
