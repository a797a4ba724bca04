package figure

import (
	"bytes"
	"fmt"
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
	// methotrexate has no bar, so no style of its own
	if a["alendronate"] != 0 || a["zoledronate"] != 1 {
		t.Errorf("styles not by sorted name of the regimens with bars: %v", a)
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
// render at once; the legend keys at most SwimmerKeys regimens — those
// with the most lanes, each with a style of its own — and the others are
// grey, keyed once as "other regimens" and named in the caption.
func TestSwimmerManyRegimens(t *testing.T) {
	var s Swimmer
	for i := 0; i < 500; i++ {
		s.Lanes = append(s.Lanes, Lane{Study: "S", Case: string(rune('a' + i%26)), Regimen: "drug" + strings.Repeat("x", i%7) + string(rune('A'+i/26)) + string(rune('a'+i%26)), Duration: float64(i%13 + 1)})
	}
	// two regimens with three lanes each among the first 40: keyed
	for i := 0; i < 3; i++ {
		s.Lanes[10+i].Regimen = "popular one"
		s.Lanes[20+i].Regimen = "popular two"
	}
	th := newTheme(mm(89))
	l, err := s.build(th)
	if err != nil {
		t.Fatal(err)
	}
	sl := l.(*swimLayout)
	if len(sl.regIdx) != 2 { // the others tie at one lane each
		t.Errorf("%d regimens keyed, want 2: %v", len(sl.regIdx), sl.regIdx)
	}
	for _, r := range []string{"popular one", "popular two"} {
		if _, ok := sl.regIdx[r]; !ok {
			t.Errorf("%q (3 lanes) not keyed: %v", r, sl.regIdx)
		}
	}
	styles := map[int]string{}
	for r, k := range sl.regIdx {
		if o, ok := styles[k]; ok {
			t.Fatalf("%s and %s share style %d", o, r, k)
		}
		styles[k] = r
		if sl.other[r] {
			t.Errorf("%s both keyed and grey", r)
		}
	}
	var b bytes.Buffer
	if err := Render(&b, s, NatureSingle, SVG); err != nil {
		t.Fatal(err)
	}
	if n := len(sl.other); !strings.Contains(b.String(), fmt.Sprintf(">other regimens (%d)<", n)) {
		t.Errorf("legend lacks \"other regimens (%d)\"", n)
	}
	if rows := len(sl.legend); rows > 4 {
		t.Errorf("legend of %d rows at 89 mm, want at most 4", rows)
	}
	c := s.Caption()
	if !strings.Contains(c, "the bars of the other") || !strings.Contains(c, "drugxAb; drugxAi") {
		t.Errorf("caption does not say which regimens are grey: %s", c)
	}
	if err := Render(&bytes.Buffer{}, s, NatureSingle, PDF); err != nil {
		t.Fatal(err)
	}
	// Pages key the regimens of the whole swimmer: the same style on every page.
	pages := s.Pages()
	var first map[string]int
	for _, pg := range pages {
		l, err := pg.build(th)
		if err != nil {
			t.Fatal(err)
		}
		idx := l.(*swimLayout).regIdx
		if first == nil {
			first = idx
		}
		if fmt.Sprint(idx) != fmt.Sprint(first) {
			t.Errorf("pages key different regimens: %v and %v", first, idx)
		}
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

func TestKeyRegimens(t *testing.T) {
	cases := []struct {
		name          string
		bars          map[string]int
		keyed, others string
	}{
		{"few", map[string]int{"b": 1, "a": 3}, "[a b]", "[]"},
		{"exactly SwimmerKeys", map[string]int{"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1, "h": 1}, "[a b c d e f g h]", "[]"},
		{"all tied", map[string]int{"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1, "h": 1, "i": 1}, "[]", "[a b c d e f g h i]"},
		{"top by lanes", map[string]int{"a": 1, "b": 9, "c": 1, "d": 8, "e": 7, "f": 6, "g": 5, "h": 4, "i": 3, "j": 2}, "[b d e f g h i]", "[a c j]"},
		{"tie at the cut", map[string]int{"a": 1, "b": 9, "c": 2, "d": 8, "e": 7, "f": 6, "g": 5, "h": 4, "i": 2, "j": 2}, "[b d e f g h]", "[a c i j]"},
	}
	for _, c := range cases {
		k, o := keyRegimens(c.bars)
		if fmt.Sprint(k) != c.keyed || fmt.Sprint(o) != c.others {
			t.Errorf("%s: keyRegimens = %v, %v; want %s, %s", c.name, k, o, c.keyed, c.others)
		}
	}
}
