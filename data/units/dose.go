package units

import (
	"math"
	"strings"
)

// Route is the route of administration. The zero value means not stated.
type Route string

// Routes recognised in dose text.
const (
	RouteUnknown       Route = ""
	RouteOral          Route = "oral"
	RouteIV            Route = "intravenous"
	RouteIntralesional Route = "intralesional"
	RouteTopical       Route = "topical"
	RouteSC            Route = "subcutaneous"
	RouteIM            Route = "intramuscular"
)

// Change says how a dose step relates to the step before it.
type Change string

// Step changes. The direction comes from the per-day amounts, not the words.
const (
	ChangeStart    Change = "start"
	ChangeIncrease Change = "increase"
	ChangeDecrease Change = "decrease"
	ChangeSame     Change = "same"
)

// DoseStep is one regimen in a dose cell ("60 mg TDS").
type DoseStep struct {
	Text        string    // the original text of the amount (and its frequency when adjacent)
	Amount      float64   // amount per administration as written (low end of a range)
	AmountHigh  float64   // high end of a range ("60-90 mg"); equal to Amount otherwise
	Unit        string    // unit as written, normalised: "mg", "g", "mcg", "µg", "IU", "mL", "mg/kg", "mg/m²"
	Percent     float64   // strength of an X% solution for a mL amount (w/v); 0 when none
	Freq        Frequency // frequency read or, when FreqAssumed, inherited or defaulted
	FreqAssumed bool      // Freq was not stated for this step
	PerDay      float64   // amount per day in the Dose's Unit; NaN when unknown
	PerWeek     float64   // PerDay × 7; NaN when unknown
	Change      Change    // start, increase, decrease or same, from the per-day amounts
	Status      Status    // how PerDay was obtained
	// Count is the number of administrations stated ("x 4", "6 cycles"); 0 when not stated.
	Count float64
	// Loading are the days of loading doses ("at weeks 0, 2, 6" is 0, 14, 42); the step's
	// frequency is then the maintenance interval that follows the last of them.
	Loading []float64
}

// Dose is a parsed dose cell: its steps in text order and the start, highest
// and final daily amounts.
type Dose struct {
	Text              string
	Steps             []DoseStep
	Route             Route   // first route named; RouteUnknown when none
	Unit              string  // unit of Start, Max and Final: "mg/day", "mg/kg/day", "IU/day", "mL/day", "mg/m²/day"
	Start, Max, Final float64 // per day, from the first, the largest and the last step; NaN when unknown
	StartWeek         float64 // Start × 7
	MaxWeek           float64 // Max × 7
	FinalWeek         float64 // Final × 7
	Intermittent      bool    // some step is given less often than daily (weekly, 3×/week, every 4 weeks)
	// Schedule describes an interval schedule in words ("weekly × 4", "weeks 0, 2, 6, then
	// every 8 weeks", "× 2"); "" for a daily regimen without counts.
	Schedule string
	// Mean is the mean amount per day over the course, in Unit: the doses given within the
	// course length (DoseOptions.CourseDays, else the length the schedule itself defines)
	// divided by that length; for an open-ended schedule without a course length, the
	// maintenance rate. Equal to Max for a one-step daily regimen; NaN when unknown.
	Mean float64
	// Total is the amount given over the course in Unit without "/day" (NaN when unknown).
	Total  float64
	Status Status // the least trustworthy status of the steps used
	Notes  []Note
}

// MaxDoseSteps bounds the steps read from one dose cell; a cell with more
// is not a regimen, and the rest of it is ignored with a CodeTruncated note.
const MaxDoseSteps = 1000

// DoseOptions adjusts dose parsing.
type DoseOptions struct {
	// WeightKg, when > 0, turns weight-based doses (mg/kg) into mg.
	WeightKg float64
	// BSA, when > 0, is the body surface area in m² that turns doses per m² into mg.
	BSA float64
	// CourseDays, when > 0, is the length of the course (the treatment duration): the
	// mean daily dose of a schedule counts the doses given within it.
	CourseDays float64

	// consulted, when set, is set to true once the reading looks at any option: a
	// reading that never does is the same for every weight, BSA and course length, and
	// the Normaliser caches it under its text alone.
	consulted *bool
}

// weight, bsa and courseDays read an option and note that the reading depends on it.
func (o DoseOptions) weight() float64     { o.note(); return o.WeightKg }
func (o DoseOptions) bsa() float64        { o.note(); return o.BSA }
func (o DoseOptions) courseDays() float64 { o.note(); return o.CourseDays }

func (o DoseOptions) note() {
	if o.consulted != nil {
		*o.consulted = true
	}
}

// unitInfo describes a dose unit word (Lexicon.units, from doseunits.tsv).
type unitInfo struct {
	unit    string  // normalised spelling
	factor  float64 // multiply to reach base
	base    string  // "mg", "IU", "mL", "mEq", "mmol", "tablet"
	ismp    string  // why ISMP lists it; "" when not listed
	reading string  // how an ISMP-listed unit is read
}

// mgUnit is the unit a bare number is assumed to be in when the cell names none.
var mgUnit = unitInfo{unit: "mg", factor: 1, base: "mg"}

// changeWords maps words that introduce a new dose step to their stated direction.
var changeWords = map[string]Change{
	"increased": ChangeIncrease, "increase": ChangeIncrease, "increasing": ChangeIncrease,
	"escalated": ChangeIncrease, "escalation": ChangeIncrease, "raised": ChangeIncrease,
	"uptitrated": ChangeIncrease, "upped": ChangeIncrease, "↑": ChangeIncrease,
	"decreased": ChangeDecrease, "decrease": ChangeDecrease, "reduced": ChangeDecrease,
	"reduce": ChangeDecrease, "reducing": ChangeDecrease, "reduction": ChangeDecrease,
	"tapered": ChangeDecrease, "taper": ChangeDecrease, "tapering": ChangeDecrease,
	"lowered": ChangeDecrease, "weaned": ChangeDecrease, "↓": ChangeDecrease,
	"→": ChangeSame, "to": ChangeSame, "then": ChangeSame, "changed": ChangeSame,
	"switched": ChangeSame, "later": ChangeSame, "followed": ChangeSame,
	"subsequently": ChangeSame, "thereafter": ChangeSame, "titrated": ChangeSame,
	"adjusted": ChangeSame,
}

// durationUnits are words that make a preceding number a duration, not a dose.
var durationUnits = map[string]bool{
	"day": true, "days": true, "week": true, "weeks": true, "wk": true, "wks": true,
	"month": true, "months": true, "mo": true, "mos": true, "mth": true, "mths": true,
	"year": true, "years": true, "yr": true, "yrs": true, "y": true, "hour": true,
	"hours": true, "hr": true, "hrs": true, "h": true, "min": true, "mins": true,
	"minutes": true, "sessions": true, "session": true, "cycles": true, "cycle": true,
	"doses": true, "dose": true, "divided": true, "injections": true, "injection": true,
}

// ParseDose parses a dose cell without a body weight. See ParseDoseWith.
func ParseDose(text string) Dose { return ParseDoseWith(text, DoseOptions{}) }

// ParseDoseWith parses a dose cell with the words of DefaultLexicon. See
// Lexicon.ParseDose.
func ParseDoseWith(text string, opt DoseOptions) Dose { return DefaultLexicon().ParseDose(text, opt) }

// ParseDose parses a dose cell: amounts with units, frequencies, routes
// and dose changes, in text order, reading routes, frequency words and
// unit words from l. It never fails: text without a recognisable amount
// gives Status Unknown and a note. Time is linear in len(text).
//
// The phases: the cell is lexed; its tokens are read into raw steps
// (readSteps); bare numbers are kept or dropped (decideBare); percent
// strengths and shared frequencies are attached (attachPercents,
// shareFrequencies); each step gets its amount per day in one canonical
// unit (perDay) and its direction (directions); the steps give the
// start, highest, final and mean daily doses (summarise).
func (l *Lexicon) ParseDose(text string, opt DoseOptions) Dose {
	d := Dose{Text: text, Start: math.NaN(), Max: math.NaN(), Final: math.NaN(),
		StartWeek: math.NaN(), MaxWeek: math.NaN(), FinalWeek: math.NaN(), Mean: math.NaN(), Total: math.NaN()}
	var ns notes
	read, toks, tb := lexCellWith(text, l.vocab)
	defer tb.release()
	noteCut(&ns, text, read)
	if n, ok := refused(read, toks, "dose"); ok {
		ns.add(n.Code, n.Msg)
		d.Notes = ns.out()
		return d
	}
	r := l.readSteps(text, toks, &ns)
	d.Route = r.route
	steps := decideBare(r.steps, &ns)
	r.cellNotes(&d, len(steps))
	attachPercents(steps, r.pcts)
	out := shareFrequencies(text, toks, steps, &ns)
	unit, perDose := perDay(&d, out, steps, opt, &ns)
	directions(out, steps, &ns)
	d.Steps = out[:len(out):len(out)]
	summarise(&d, r, len(toks), unit, perDose, opt, &ns)
	d.Notes = ns.out()
	return d
}

// decideBare keeps bare numbers chained to a unit, those with a frequency
// and those after a change word, and drops the rest unless the cell has no
// unit anywhere. A kept bare number takes the previous step's unit, else mg.
func decideBare(steps []rawStep, ns *notes) []rawStep {
	anyUnit := false
	for _, st := range steps {
		if !st.bare {
			anyUnit = true
			break
		}
	}
	kept := steps[:0] // filtered in place: kept never overtakes the range
	var prevUnit *amount
	for _, st := range steps {
		if !st.bare {
			a := st.am
			prevUnit = &a
			kept = append(kept, st)
			continue
		}
		if st.unitFrom == "chain" || st.copiedFrom >= 0 {
			kept = append(kept, st)
			continue
		}
		keep := st.hasFreq || st.change != "" || !anyUnit
		if !keep {
			continue
		}
		if prevUnit != nil {
			st.am.u, st.am.perKg, st.am.perM2 = prevUnit.u, prevUnit.perKg, prevUnit.perM2
			st.unitFrom = "prev"
			ns.add(CodeUnitMissing, "unit missing for \""+fmtNum(st.am.v)+"\": assumed "+unitLabel(st.am)+" as in the previous step")
		} else {
			st.am.u = mgUnit
			st.unitFrom = "default"
			ns.add(CodeUnitMissing, "unit missing for \""+fmtNum(st.am.v)+"\": assumed mg")
		}
		kept = append(kept, st)
	}
	return kept
}

// cellNotes adds the notes about the cell as a whole: truncated, several
// treatments or routes, a frequency attached to no amount.
func (r *stepReader) cellNotes(d *Dose, nsteps int) {
	if r.truncated {
		r.ns.add(CodeTruncated, "more than "+fmtNum(MaxDoseSteps)+" dose steps: the rest of the cell is ignored")
	}
	if r.multiple {
		r.ns.add(CodeMultiple, "several treatments in one cell: split it with SplitTreatment before parsing doses")
	}
	if len(r.routes) > 1 {
		r.ns.add(CodeMultiple, "several routes named: first used ("+string(d.Route)+")")
	}
	if r.stash != nil && r.stash.f.Intermittent() {
		d.Intermittent = true
	}
	if r.stash != nil && nsteps > 0 {
		r.ns.add(CodeMultiple, "frequency \""+r.stash.f.Text+"\" not attached to any amount: ignored")
	}
}

// attachPercents gives mL amounts their percent strength: the nearest
// percent after the amount (within 4 tokens) or before it (within 6
// tokens). pcts is in token order, so one forward pointer keeps this linear.
func attachPercents(steps []rawStep, pcts []pctMark) {
	p := 0
	for k := range steps {
		st := &steps[k]
		for p < len(pcts) && pcts[p].idx < st.am.ti-6 {
			p++
		}
		if st.am.u.base != "mL" {
			continue
		}
		for q := p; q < len(pcts) && pcts[q].idx <= st.am.te+4; q++ {
			if pcts[q].idx >= st.am.te || pcts[q].idx < st.am.ti {
				st.pct = pcts[q].v
				break
			}
		}
	}
}

// shareFrequencies turns the raw steps into DoseSteps with frequencies: a
// step without one inherits from its chain, then from the previous step,
// then from the next; with none at all, the amount is taken as the daily
// total.
func shareFrequencies(text string, toks []token, steps []rawStep, ns *notes) []DoseStep {
	anyFreq := false
	for _, st := range steps {
		if st.hasFreq {
			anyFreq = true
			break
		}
	}
	inh := inheritTable(steps)
	out := make([]DoseStep, 0, len(steps))
	for k := range steps {
		st := &steps[k]
		ds := DoseStep{
			Amount: st.am.v, AmountHigh: st.am.hi, Unit: unitLabel(st.am), Percent: st.pct,
			Status: Exact, PerDay: math.NaN(), PerWeek: math.NaN(),
		}
		ds.Text = stepText(text, toks, st)
		if st.unitFrom == "prev" || st.unitFrom == "default" {
			ds.Status = Assumed
		}
		switch {
		case st.hasFreq:
			ds.Freq = st.freq.f
			if st.freq.ismp != "" {
				ns.add(CodeISMP, "ISMP error-prone abbreviation \""+st.freq.ismp+"\" ("+st.freq.ismpWhy+"): read as "+freqWords(st.freq.f))
			}
			if st.freq.ambiguous != "" {
				ns.add(CodeFreqAmbiguous, st.freq.ambiguous)
				ds.Status = worse(ds.Status, Assumed)
			}
		case st.count > 0:
			// "1 g x 2": two doses at an interval not stated; no daily rate is assumed
		case anyFreq:
			if src := inh[k].src; src >= 0 {
				ds.Freq, ds.FreqAssumed = steps[src].freq.f, true
				if !inh[k].grammatical {
					ns.add(CodeFreqInherited, "no frequency for \""+ds.Text+"\": assumed \""+steps[src].freq.f.Text+"\" from a neighbouring step")
					ds.Status = worse(ds.Status, Assumed)
				}
			}
		default:
			ds.Freq, ds.FreqAssumed = Frequency{Times: 1, PeriodDays: 1}, true
			ns.add(CodeFreqMissing, "no frequency for \""+ds.Text+"\": amount taken as the daily total")
			ds.Status = worse(ds.Status, Assumed)
		}
		if ds.Freq.OneOff() {
			ns.add(CodeOneOff, "single dose \""+ds.Text+"\": no daily rate")
		}
		ds.Count, ds.Loading = st.count, st.loading
		out = append(out, ds)
	}
	return out
}

// perDay fills each step's amount per day in one canonical unit and returns
// that unit ("!" when the steps' units are incompatible) and each step's
// amount per administration in it.
func perDay(d *Dose, out []DoseStep, steps []rawStep, opt DoseOptions, ns *notes) (string, []float64) {
	var unit string
	perDose := make([]float64, len(out))
	for k := range out {
		ds := &out[k]
		st := steps[k]
		amt, u := canonicalAmount(ds, st, opt, ns)
		if u == "tablet" {
			ns.add(CodeUnitUnknown, "amount in tablets without a strength: no mg dose")
		}
		if unit == "" {
			unit = u
		} else if u != unit {
			ns.add(CodeUnitMixed, "steps in incompatible units ("+unit+", "+u+"): no start/max/final")
			unit = "!"
		}
		perDose[k] = amt
		switch {
		case ds.Freq.Known():
			ds.PerDay = amt * ds.Freq.PerDay()
			ds.PerWeek = ds.PerDay * 7
			if ds.Freq.Intermittent() {
				d.Intermittent = true
			}
		case st.count > 0 && len(out) == 1 && opt.courseDays() > 0 && finite(opt.CourseDays):
			ds.PerDay = amt * st.count / opt.CourseDays
			ds.PerWeek = ds.PerDay * 7
			ds.Status = worse(ds.Status, Assumed)
			d.Intermittent = true
			ns.add(CodeSchedule, "\""+ds.Text+" × "+fmtNum(st.count)+"\": "+fmtNum(st.count)+" doses spread over the course of "+fmtNum(math.Round(opt.CourseDays))+" days")
		case st.count > 0:
			ns.add(CodeSchedule, "\""+ds.Text+" × "+fmtNum(st.count)+"\" read as "+fmtNum(st.count)+" doses (course total "+fmtNum(amt*st.count)+" "+u+"); no interval or course length stated: no daily rate")
		}
		if !finite(ds.PerDay) {
			ds.PerDay, ds.PerWeek = math.NaN(), math.NaN()
			ds.Status = Unknown
		}
	}
	return unit, perDose
}

// canonicalAmount returns a step's amount per administration in its base
// unit: a range's midpoint, the unit factor, a percent strength of a mL
// amount, and the body weight or surface area of per-kg and per-m² doses
// (kept in mg/kg or mg/m² without them).
func canonicalAmount(ds *DoseStep, st rawStep, opt DoseOptions, ns *notes) (float64, string) {
	a := st.am
	u := a.u.base
	amt := (a.v + a.hi) / 2
	if a.hi != a.v {
		ns.add(CodeRange, "dose range \""+fmtNum(a.v)+"-"+fmtNum(a.hi)+" "+a.u.unit+"\": midpoint "+fmtNum(amt)+" used")
		ds.Status = worse(ds.Status, Assumed)
	}
	amt *= a.u.factor
	if a.u.factor != 1 {
		ds.Status = worse(ds.Status, Converted)
	}
	if a.u.ismp != "" && !st.bare {
		ns.add(CodeISMP, "ISMP error-prone abbreviation \""+a.u.unit+"\" ("+a.u.ismp+"): read as "+a.u.reading)
	}
	if u == "mL" && st.pct > 0 {
		// X% w/v = X g per 100 mL = 10·X mg per mL (USP convention for
		// solutions of solids in liquids).
		amt *= st.pct * 10
		u = "mg"
		ds.Status = worse(ds.Status, Converted)
		ns.add(CodePercentWV, fmtNum(st.pct)+"% read as weight/volume ("+fmtNum(st.pct)+" g per 100 mL)")
	}
	if a.perKg {
		if opt.weight() > 0 && finite(opt.WeightKg) {
			amt *= opt.WeightKg
			ds.Status = worse(ds.Status, Converted)
			ns.add(CodeWeightApplied, "weight-based dose multiplied by "+fmtNum(opt.WeightKg)+" kg")
		} else {
			u += "/kg"
			ns.add(CodeWeightMissing, "weight-based dose without a body weight: kept in "+u+"/day")
		}
	}
	if a.perM2 {
		if opt.bsa() > 0 && finite(opt.BSA) {
			amt *= opt.BSA
			ds.Status = worse(ds.Status, Converted)
			ns.add(CodeBSAApplied, "dose per m² multiplied by a body surface area of "+fmtNum(math.Round(opt.BSA*100)/100)+" m²")
		} else {
			u += "/m²"
			ns.add(CodeBSA, "dose per body surface area without a BSA (or height and weight): kept in "+u+"/day")
		}
	}
	return amt, u
}

// directions sets each step's Change from the per-day amounts, and notes
// a change word that says the opposite.
func directions(out []DoseStep, steps []rawStep, ns *notes) {
	prev := math.NaN()
	for k := range out {
		ds := &out[k]
		switch {
		case k == 0:
			ds.Change = ChangeStart
		case math.IsNaN(ds.PerDay) || math.IsNaN(prev):
			ds.Change = ChangeSame
			if steps[k].change == ChangeIncrease || steps[k].change == ChangeDecrease {
				ds.Change = steps[k].change
			}
		case ds.PerDay > prev:
			ds.Change = ChangeIncrease
		case ds.PerDay < prev:
			ds.Change = ChangeDecrease
		default:
			ds.Change = ChangeSame
		}
		if k > 0 && (steps[k].change == ChangeIncrease && ds.Change == ChangeDecrease ||
			steps[k].change == ChangeDecrease && ds.Change == ChangeIncrease) {
			ns.add(CodeChangeDirection, "text says "+string(steps[k].change)+" but \""+ds.Text+"\" is a "+string(ds.Change)+": numbers used")
		}
		if !math.IsNaN(ds.PerDay) {
			prev = ds.PerDay
		}
	}
}

// summarise fills the dose's unit, status, start, highest and final daily
// amounts and its schedule from the steps (d.Steps), with the notes for a
// cell without a usable daily rate and for an implausible one.
func summarise(d *Dose, r *stepReader, ntoks int, unit string, perDose []float64, opt DoseOptions, ns *notes) {
	out := d.Steps
	if len(out) == 0 {
		switch {
		case len(r.orphanCount) > 0:
			d.Schedule = strings.Join(r.orphanCount, ", ")
			ns.add(CodeSchedule, "schedule \""+d.Schedule+"\" without a dose amount: no daily dose")
		case ntoks == 0:
			ns.add(CodeUnparsed, "empty dose")
		default:
			ns.add(CodeUnparsed, "no dose amount found in \""+clip(d.Text)+"\"")
		}
		return
	}
	if unit == "!" {
		d.Status = Unknown
		return
	}
	d.Unit = unit + "/day"
	d.Status = Exact
	first := true
	for _, ds := range out {
		if math.IsNaN(ds.PerDay) {
			continue
		}
		d.Status = worse(d.Status, ds.Status)
		if first {
			d.Start, d.Max = ds.PerDay, ds.PerDay
			first = false
		}
		d.Max = math.Max(d.Max, ds.PerDay)
		d.Final = ds.PerDay
	}
	courseSchedule(d, out, perDose, opt, ns)
	switch {
	case first && !math.IsNaN(d.Total):
		d.Status = Unknown // the course total is known, the daily rate is not
	case first:
		d.Status = Unknown
		ns.add(CodeUnparsed, "no step has a daily rate")
	default:
		d.StartWeek, d.MaxWeek, d.FinalWeek = d.Start*7, d.Max*7, d.Final*7
		if hi, ok := MaxDosePerDay[d.Unit]; ok && d.Max > hi {
			ns.add(CodeImplausible, "dose "+fmtNum(d.Max)+" "+d.Unit+" is outside the plausible range 0–"+fmtNum(hi)+" "+d.Unit+": kept, check the amount and unit")
		}
	}
}

type inherit struct {
	src         int
	grammatical bool
}

// inheritTable picks, for every step, the step whose frequency it would
// take: a stated frequency in the same chain ("60→90 mg tid": grammatical,
// not an assumption), else the nearest earlier stated one, else the nearest
// later. Three linear passes.
func inheritTable(steps []rawStep) []inherit {
	res := make([]inherit, len(steps))
	// nearest later stated frequency, and the first one within each chain
	next := -1
	groupFreq := map[int]int{}
	for k := len(steps) - 1; k >= 0; k-- {
		res[k] = inherit{src: next}
		if g := steps[k].group; g >= 0 {
			if j, ok := groupFreq[g]; ok {
				res[k] = inherit{src: j, grammatical: true}
			}
			if steps[k].hasFreq {
				groupFreq[g] = k
			}
		}
		if steps[k].hasFreq {
			next = k
		}
	}
	prev := -1
	for k := range steps {
		if !res[k].grammatical && prev >= 0 {
			res[k] = inherit{src: prev}
		}
		if steps[k].hasFreq {
			prev = k
		}
	}
	return res
}

func unitLabel(a amount) string {
	u := a.u.unit
	if a.perKg {
		u += "/kg"
	}
	if a.perM2 {
		u += "/m²"
	}
	return u
}

func stepText(s string, toks []token, st *rawStep) string {
	if st.copiedFrom >= 0 {
		return st.freq.f.Text
	}
	if st.hasFreq && st.freq.ti >= st.am.te && st.freq.ti-st.am.te <= 3 {
		return span(s, toks, st.am.ti, st.freq.te)
	}
	t := span(s, toks, st.am.ti, st.am.te)
	if st.hasFreq && st.freq.f.Text != "" {
		t += " " + st.freq.f.Text
	}
	return t
}

// freqWords renders a frequency in words for note messages.
func freqWords(f Frequency) string {
	switch {
	case f.PeriodDays == 1 && f.Times == 1:
		return "once daily"
	case f.PeriodDays == 1 && f.Times == 2:
		return "twice daily"
	case f.PeriodDays == 2 && f.Times == 1:
		return "every other day"
	case f.PeriodDays == 7:
		return fmtNum(f.Times) + " times a week"
	}
	return f.String()
}
