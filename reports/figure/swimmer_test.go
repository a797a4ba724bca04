package figure

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// TestRegimenStylesUnique: no two of the first numRegimenStyles regimens
// share fill, hatch and spacing (beyond, styles go by page: a page has at
// most 40 lanes).
func TestRegimenStylesUnique(t *testing.T) {
	type style struct {
		r, g, b uint8
		h       int
		sp      float64
	}
	seen := map[style]int{}
	for k := 0; k < numRegimenStyles; k++ {
		f, h, sp := regimenStyle(k)
		s := style{f.R, f.G, f.B, h, float64(sp)}
		if j, ok := seen[s]; ok {
			t.Fatalf("regimens %d and %d share a style %+v", j, k, s)
		}
		seen[s] = k
	}
}

// TestSwimmerStyleByName: a regimen's style depends on its name among the
// sorted names, not on the order of the lanes, so figures stay the same
// between runs and pages.
func TestSwimmerStyleByName(t *testing.T) {
	lanes := []Lane{{Study: "A", Regimen: "zoledronate", Duration: 3}, {Study: "B", Regimen: "alendronate", Duration: 2}, {Study: "C", Regimen: "methotrexate", Duration: math.NaN(), FollowUp: 4}}
	rev := []Lane{lanes[2], lanes[1], lanes[0]}
	th := newTheme(mm(89))
	idx := func(ls []Lane) map[string]int {
		l, err := Swimmer{Lanes: ls}.build(th)
		if err != nil {
			t.Fatal(err)
		}
		return l.(*swimLayout).regIdx
	}
	a, b := idx(lanes), idx(rev)
	for _, r := range []string{"alendronate", "methotrexate", "zoledronate"} {
		if a[r] != b[r] {
			t.Errorf("%s: style %d in one order, %d in the other", r, a[r], b[r])
		}
	}
	if a["alendronate"] != 0 || a["zoledronate"] != 2 {
		t.Errorf("styles not by sorted name: %v", a)
	}
}

// TestSwimmerEvents: every kind of lane end has its own legend entry, the
// follow-up line is labelled, and the axis says time from the start of
// treatment (not "time on treatment", which the bars alone show).
func TestSwimmerEvents(t *testing.T) {
	s := Swimmer{Unit: "months", Lanes: []Lane{
		{Study: "A", Regimen: "x", Duration: 2, FollowUp: 6, Events: []LaneEvent{{1, EventResponse}, {6, EventComplete}}},
		{Study: "B", Regimen: "x", Duration: 3, FollowUp: 5, Events: []LaneEvent{{5, EventPartial}}, Ongoing: true},
		{Study: "C", Regimen: "y", Duration: 1, FollowUp: 4, Events: []LaneEvent{{1, EventAdverse}}},
		{Study: "D", Regimen: "y", Duration: 4, Events: []LaneEvent{{4, EventDeath}}},
		{Study: "E", Regimen: "z", Duration: math.NaN(), FollowUp: 3, Events: []LaneEvent{{3, EventProgression}}},
		{Study: "F", Regimen: "z", Duration: 2, FollowUp: 3, LostToFollowUp: true},
	}}
	var b bytes.Buffer
	if err := Render(&b, s, NatureDouble, SVG); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	for _, want := range []string{"first response", "best response: complete", "best response: partial", "relapse or progression",
		"death", "stopped for adverse effects", "lost to follow-up", "ongoing", "follow-up", "Time from start of treatment (months)"} {
		if !strings.Contains(svg, ">"+want+"<") {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if strings.Contains(svg, "Time on treatment (") {
		t.Error("axis labelled time on treatment")
	}
	c := s.Caption()
	for _, want := range []string{"thin line continues to the last follow-up", "filled squares mark death", "vermillion diamonds mark a stop for adverse effects", "no reported time on treatment"} {
		if !strings.Contains(c, want) {
			t.Errorf("caption lacks %q: %s", want, c)
		}
	}
}

// TestSwimmerManyRegimens: 500 regimens (a 200-drug table's combinations)
// render at once, each page's lanes with distinct styles.
func TestSwimmerManyRegimens(t *testing.T) {
	var s Swimmer
	for i := 0; i < 500; i++ {
		s.Lanes = append(s.Lanes, Lane{Study: "S", Case: string(rune('a' + i%26)), Regimen: "drug" + strings.Repeat("x", i%7) + string(rune('A'+i/26)) + string(rune('a'+i%26)), Duration: float64(i%13 + 1)})
	}
	th := newTheme(mm(89))
	l, err := s.build(th)
	if err != nil {
		t.Fatal(err)
	}
	sl := l.(*swimLayout)
	styles := map[int]string{}
	for _, ln := range sl.lanes {
		k := sl.regIdx[clean(ln.Regimen)]
		if o, ok := styles[k]; ok && o != ln.Regimen {
			t.Fatalf("%s and %s share style %d on one page", o, ln.Regimen, k)
		}
		styles[k] = ln.Regimen
	}
	if err := Render(&bytes.Buffer{}, s, NatureSingle, PDF); err != nil {
		t.Fatal(err)
	}
}

// TestSwimmerLegendBarsOnly: a regimen whose lanes have no bar (no
// reported time on treatment) has no colour in the plot and so no legend
// entry; the example's "diltiazem" swatch keyed nothing drawn.
func TestSwimmerLegendBarsOnly(t *testing.T) {
	s := Swimmer{Unit: "months", Lanes: []Lane{
		{Study: "A", Regimen: "calcium + diltiazem", Duration: 60},
		{Study: "B", Regimen: "diltiazem", Duration: math.NaN(), FollowUp: 6},
		{Study: "C", Regimen: "risedronate", Duration: 0, FollowUp: 3},
	}}
	var b bytes.Buffer
	if err := Render(&b, s, NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	if !strings.Contains(svg, ">calcium + diltiazem<") {
		t.Error("legend lacks the regimen of the bar drawn")
	}
	for _, r := range []string{"diltiazem", "risedronate"} {
		if strings.Contains(svg, ">"+r+"<") {
			t.Errorf("legend names %q, whose lanes have no bar", r)
		}
	}
}
