package figure

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// SwimmerCap is the default number of patient lanes per swimmer page.
const SwimmerCap = 40

// EventKind is a kind of event marked on a swimmer lane.
type EventKind int

// Lane events.
const (
	EventResponse    EventKind = iota // first response: open triangle
	EventComplete                     // best response complete: filled black circle
	EventPartial                      // best response partial: open circle
	EventProgression                  // relapse or progression: filled black downward triangle
	EventDeath                        // death: filled black square
	EventAdverse                      // treatment stopped for adverse effects: filled vermillion diamond
	numEventKinds
)

var eventNames = [numEventKinds]string{"first response", "best response: complete", "best response: partial",
	"relapse or progression", "death", "stopped for adverse effects"}

// String returns the legend label of the event kind.
func (k EventKind) String() string {
	if k < 0 || k >= numEventKinds {
		return "EventKind(" + strconv.Itoa(int(k)) + ")"
	}
	return eventNames[k]
}

// LaneEvent is an event at a time on a lane, in the swimmer's time unit.
type LaneEvent struct {
	Time float64
	Kind EventKind
}

// Lane is one patient of a swimmer plot.
type Lane struct {
	Study   string // study (case report) label
	Case    string // case label within the study
	Regimen string // drug or regimen; sets the bar colour
	// Duration is the time on treatment, ≥ 0, in the swimmer's unit: the
	// bar. NaN when not reported: the lane is a follow-up line only.
	Duration float64
	// FollowUp is the time from the start of treatment to the last
	// follow-up: a thin line after the bar. 0 or NaN when not reported.
	FollowUp       float64
	Ongoing        bool        // treatment ongoing at last follow-up: arrow at the lane end
	LostToFollowUp bool        // lost to follow-up: cross at the lane end
	Events         []LaneEvent // responses, relapses, death, stops, at times ≥ 0
}

// end is the time the lane ends: the later of time on treatment and
// follow-up.
func (l Lane) end() float64 {
	e := 0.0
	if finite(l.Duration) {
		e = l.Duration
	}
	if finite(l.FollowUp) && l.FollowUp > e {
		e = l.FollowUp
	}
	return e
}

// sortKey orders lanes by their length.
func (l Lane) sortKey() float64 { return l.end() }

func (l Lane) label() string {
	s, c := clean(l.Study), clean(l.Case)
	switch {
	case s == "":
		return c
	case c == "":
		return s
	}
	return s + " – " + c
}

// Swimmer is a swimmer plot: a lane per patient, bar length = time on
// treatment, colour = regimen, markers for responses, an arrow where
// treatment is ongoing and a cross for loss to follow-up. At most MaxLanes
// lanes (SwimmerCap by default) are drawn; the figure then says "Showing N of
// M patients". Pages splits a long swimmer into pages that show all lanes.
type Swimmer struct {
	Title          string // caption title; not drawn on the figure
	Unit           string // time unit for the axis and caption: "days" (default), "weeks" or "months"
	Lanes          []Lane
	MaxLanes       int  // lanes per page; 0 means SwimmerCap
	SortByDuration bool // longest time on treatment on top; otherwise input order
	Patients       int  // for the caption; 0 counts lanes
	// Total is the number of patients in the data when Lanes are a selection of them
	// (the figure then says "Showing N of Total patients."); 0 means len(Lanes).
	Total   int
	Studies int // for the caption; 0 counts distinct Study labels
	Abbrev  []string

	page *swimPage // set by Pages
}

// swimPage records where a page sits in the whole swimmer.
type swimPage struct {
	first, total, index, pages int
	regimens                   []string
	maxT                       float64
	// bars counts the lanes with a bar per regimen, over the whole
	// swimmer, so that pages key the same regimens.
	bars map[string]int
}

// SwimmerKeys is the most regimens a swimmer plot keys with a colour of
// their own: with more, the SwimmerKeys−1 regimens with the most lanes
// keep their colours and the bars of the others are grey, keyed as "other
// regimens" and named in the caption, so that the legend stays a few
// lines tall.
const SwimmerKeys = 8

// otherFill is the fill of the bars of regimens without a key.
var otherFill = greyLight

// barCounts counts the lanes with a bar (a time on treatment > 0) per
// cleaned regimen name.
func barCounts(ls []Lane) map[string]int {
	n := map[string]int{}
	for _, l := range ls {
		if finite(l.Duration) && l.Duration > 0 {
			n[clean(l.Regimen)]++
		}
	}
	return n
}

// keyRegimens splits the regimens with bars into those keyed with a style
// of their own, sorted by name (the style goes by that order), and the
// others, sorted by name: all are keyed up to SwimmerKeys, else at most
// SwimmerKeys−1 with more lanes than any other (a tie at the cut keys
// neither, so no regimen gets a colour for its name alone).
func keyRegimens(bars map[string]int) (keyed, others []string) {
	names := make([]string, 0, len(bars))
	for r := range bars {
		names = append(names, r)
	}
	sort.Strings(names)
	if len(names) <= SwimmerKeys {
		return names, nil
	}
	byN := append([]string(nil), names...)
	sort.SliceStable(byN, func(i, j int) bool { return bars[byN[i]] > bars[byN[j]] })
	cut := SwimmerKeys - 1
	for cut > 0 && bars[byN[cut-1]] == bars[byN[cut]] {
		cut--
	}
	keyed = append(keyed, byN[:cut]...)
	others = append(others, byN[cut:]...)
	sort.Strings(keyed)
	sort.Strings(others)
	return keyed, others
}

// drawn returns the lanes the figure draws and the bar counts its regimen
// keys go by: a page's lanes with the counts of the whole swimmer, or the
// first MaxLanes lanes in display order.
func (s Swimmer) drawn() ([]Lane, map[string]int) {
	if s.page != nil {
		return s.Lanes, s.page.bars
	}
	ls := s.sorted()
	if len(ls) > s.cap() {
		ls = ls[:s.cap()]
	}
	return ls, barCounts(ls)
}

func (s Swimmer) cap() int {
	if s.MaxLanes > 0 {
		return s.MaxLanes
	}
	return SwimmerCap
}

func (s Swimmer) unit() string {
	u := clean(s.Unit)
	if u == "" {
		return "days"
	}
	return u
}

func (s Swimmer) validate() error {
	if len(s.Lanes) == 0 {
		return fmt.Errorf("%w: swimmer plot has no lanes (pass at least one Lane)", ErrEmpty)
	}
	for i, l := range s.Lanes {
		fu := finite(l.FollowUp) && l.FollowUp > 0
		if !fu && !finite(l.Duration) || finite(l.Duration) && l.Duration < 0 || math.IsInf(l.Duration, 0) || math.IsInf(l.FollowUp, 0) || l.FollowUp < 0 {
			return fmt.Errorf("figure: swimmer lane %d (%q): duration %g, follow-up %g: need a finite time ≥ 0 on treatment or of follow-up (drop patients with neither)", i+1, l.label(), l.Duration, l.FollowUp)
		}
		for _, e := range l.Events {
			if !finite(e.Time) || e.Time < 0 {
				return fmt.Errorf("figure: swimmer lane %d (%q): event time %g: need a finite time ≥ 0", i+1, l.label(), e.Time)
			}
			if e.Kind < 0 || e.Kind >= numEventKinds {
				return fmt.Errorf("figure: swimmer lane %d (%q): unknown event kind %d", i+1, l.label(), e.Kind)
			}
		}
	}
	return nil
}

// sorted returns the lanes in display order.
func (s Swimmer) sorted() []Lane {
	ls := append([]Lane(nil), s.Lanes...)
	if s.SortByDuration {
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].sortKey() > ls[j].sortKey() })
	}
	return ls
}

func (s Swimmer) whole() swimPage {
	p := swimPage{total: len(s.Lanes), pages: 1}
	seen := map[string]bool{}
	for _, l := range s.sorted() {
		r := clean(l.Regimen)
		if !seen[r] {
			seen[r] = true
			p.regimens = append(p.regimens, r)
		}
		p.maxT = math.Max(p.maxT, l.end())
		for _, e := range l.Events {
			p.maxT = math.Max(p.maxT, e.Time)
		}
	}
	// Styles go by sorted regimen name, so a regimen keeps its colour
	// whatever the lane order, page or run.
	sort.Strings(p.regimens)
	p.bars = barCounts(s.Lanes)
	return p
}

// Pages splits the swimmer into pages of at most MaxLanes lanes (SwimmerCap
// by default), in display order. Pages share the time axis and regimen
// colours, and each says which patients it shows ("Patients 41–80 of 93,
// page 2 of 3"). A swimmer that fits one page is returned as is.
func (s Swimmer) Pages() []Swimmer {
	if len(s.Lanes) <= s.cap() || s.validate() != nil {
		return []Swimmer{s}
	}
	w := s.whole()
	all := s.sorted()
	w.pages = (len(all) + s.cap() - 1) / s.cap()
	var out []Swimmer
	for i := 0; i < len(all); i += s.cap() {
		pg := s
		pg.Lanes = all[i:min(i+s.cap(), len(all))]
		pg.SortByDuration = false
		wp := w
		wp.first, wp.index = i, len(out)
		pg.page = &wp
		if pg.Patients == 0 {
			pg.Patients = len(all)
		}
		if pg.Studies == 0 {
			pg.Studies = countStudies(all)
		}
		out = append(out, pg)
	}
	return out
}

func countStudies(ls []Lane) int {
	seen := map[string]bool{}
	for _, l := range ls {
		if st := clean(l.Study); st != "" {
			seen[st] = true
		}
	}
	return len(seen)
}

// Caption returns a draft Markdown caption for the swimmer plot.
func (s Swimmer) Caption() string {
	var b strings.Builder
	title := clean(s.Title)
	if title == "" {
		title = "Time on treatment, follow-up and response per patient"
	}
	_, bars := s.drawn()
	keyed, others := keyRegimens(bars)
	style := "its colour"
	if len(keyed) > len(seriesColors) {
		style = "its colour (and beyond seven regimens its hatching)"
	}
	fmt.Fprintf(&b, "**%s.** Swimmer plot: each lane is one patient (study – case), drawn from the start of treatment; the bar is the time on treatment in %s, %s the regimen, assigned by regimen name.", title, s.unit(), style)
	if len(others) > 0 {
		const maxNamed = 12
		named := others
		more := ""
		if len(named) > maxNamed {
			named, more = named[:maxNamed], fmt.Sprintf(" and %d more", len(others)-maxNamed)
		}
		switch {
		case len(keyed) == 1:
			fmt.Fprintf(&b, " To keep the legend readable only %s, the regimen with the most patients, has a colour of its own; the bars of the other %d are grey (\"other regimens\"): %s%s.",
				keyed[0], len(others), strings.Join(named, "; "), more)
		case len(keyed) > 1:
			fmt.Fprintf(&b, " To keep the legend readable only the %d regimens with the most patients have a colour of their own; the bars of the other %d are grey (\"other regimens\"): %s%s.",
				len(keyed), len(others), strings.Join(named, "; "), more)
		default:
			fmt.Fprintf(&b, " The %d regimens are more than a legend can key (%d) and none has more patients than the others, so every bar is grey: %s%s.",
				len(others), SwimmerKeys, strings.Join(named, "; "), more)
		}
	}
	used := map[EventKind]bool{}
	ongoing, lost, followUp, noDur := false, false, false, false
	for _, ln := range s.Lanes {
		for _, e := range ln.Events {
			used[e.Kind] = true
		}
		ongoing = ongoing || ln.Ongoing
		lost = lost || ln.LostToFollowUp
		followUp = followUp || ln.hasFollowUpLine()
		noDur = noDur || !finite(ln.Duration)
	}
	var marks []string
	if followUp {
		marks = append(marks, "a thin line continues to the last follow-up after treatment")
	}
	if noDur {
		marks = append(marks, "lanes with a thin line only have no reported time on treatment")
	}
	sym := map[EventKind]string{EventComplete: "filled circles", EventPartial: "open circles", EventResponse: "open triangles",
		EventProgression: "filled downward triangles", EventDeath: "filled squares", EventAdverse: "vermillion diamonds"}
	what := map[EventKind]string{EventResponse: "the first response", EventComplete: "a best response of complete response, at the last assessment",
		EventPartial: "a best response of partial response, at the last assessment", EventProgression: "relapse or progression",
		EventDeath: "death", EventAdverse: "a stop for adverse effects"}
	for k := EventKind(0); k < numEventKinds; k++ {
		if used[k] {
			marks = append(marks, sym[k]+" mark "+what[k])
		}
	}
	if lost {
		marks = append(marks, "crosses mark loss to follow-up")
	}
	if ongoing {
		marks = append(marks, "arrows mark treatment ongoing at last follow-up")
	}
	if len(marks) > 0 {
		b.WriteString(" " + capFirst(strings.Join(marks, "; ")) + ".")
	}
	if s.SortByDuration {
		b.WriteString(" Patients are ordered by the length of their lane.")
	}
	if s.page != nil {
		fmt.Fprintf(&b, " Page %d of %d shows patients %d–%d of %d.", s.page.index+1, s.page.pages, s.page.first+1, s.page.first+len(s.Lanes), s.page.total)
	} else if len(s.Lanes) > s.cap() {
		fmt.Fprintf(&b, " Only the first %d of %d patients are shown.", s.cap(), len(s.Lanes))
	}
	patients, studies := s.Patients, s.Studies
	if patients == 0 {
		patients = len(s.Lanes)
	}
	if studies == 0 {
		studies = countStudies(s.Lanes)
	}
	b.WriteString(" " + countPhrase(patients, studies))
	b.WriteString(abbrevPhrase(s.Abbrev))
	return b.String()
}
