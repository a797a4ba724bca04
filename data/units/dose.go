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
}

// unitInfo describes a dose unit word.
type unitInfo struct {
	unit   string  // normalised spelling
	factor float64 // multiply to reach base
	base   string  // "mg", "IU", "mL", "mEq", "mmol", "tablet"
	ismp   string  // why ISMP lists it; "" when not listed
}

// massUnits maps dose unit words to their base units. Factors are exact SI
// prefixes (1 g = 1000 mg, 1 mcg = 0.001 mg).
var massUnits = map[string]unitInfo{
	"mg": {"mg", 1, "mg", ""}, "mgs": {"mg", 1, "mg", ""}, "milligram": {"mg", 1, "mg", ""},
	"milligrams": {"mg", 1, "mg", ""}, "milligramme": {"mg", 1, "mg", ""}, "milligrammes": {"mg", 1, "mg", ""},
	"g": {"g", 1000, "mg", ""}, "gm": {"g", 1000, "mg", ""}, "gms": {"g", 1000, "mg", ""},
	"gram": {"g", 1000, "mg", ""}, "grams": {"g", 1000, "mg", ""}, "gramme": {"g", 1000, "mg", ""},
	"grammes": {"g", 1000, "mg", ""}, "grm": {"g", 1000, "mg", ""},
	"mcg": {"mcg", 0.001, "mg", ""}, "microgram": {"mcg", 0.001, "mg", ""}, "micrograms": {"mcg", 0.001, "mg", ""},
	"µg": {"µg", 0.001, "mg", "mistaken for \"mg\""}, "ug": {"ug", 0.001, "mg", "mistaken for \"mg\""},
	"ng": {"ng", 1e-6, "mg", ""},
	"iu": {"IU", 1, "IU", "mistaken for \"IV\" or \"10\""}, "ius": {"IU", 1, "IU", "mistaken for \"IV\" or \"10\""},
	"units": {"units", 1, "IU", ""}, "unit": {"units", 1, "IU", ""},
	"u":  {"U", 1, "IU", "mistaken for \"0\", \"4\" or \"cc\""},
	"ml": {"mL", 1, "mL", ""}, "mls": {"mL", 1, "mL", ""}, "millilitre": {"mL", 1, "mL", ""},
	"milliliter": {"mL", 1, "mL", ""}, "millilitres": {"mL", 1, "mL", ""}, "milliliters": {"mL", 1, "mL", ""},
	"cc":  {"cc", 1, "mL", "mistaken for \"U\""},
	"meq": {"mEq", 1, "mEq", ""}, "mmol": {"mmol", 1, "mmol", ""},
	"tab": {"tablet", 1, "tablet", ""}, "tabs": {"tablet", 1, "tablet", ""}, "tablet": {"tablet", 1, "tablet", ""},
	"tablets": {"tablet", 1, "tablet", ""}, "cap": {"tablet", 1, "tablet", ""}, "caps": {"tablet", 1, "tablet", ""},
	"capsule": {"tablet", 1, "tablet", ""}, "capsules": {"tablet", 1, "tablet", ""},
}

// ismpReading says how an ISMP-listed unit is read.
var ismpReading = map[string]string{
	"µg": "micrograms (mcg)", "ug": "micrograms (mcg)", "IU": "international units",
	"U": "units", "cc": "millilitres (mL)",
}

// routeWords maps one-word routes; ismp marks ISMP-listed spellings.
var routeWords = map[string]struct {
	r    Route
	ismp string
}{
	"oral": {RouteOral, ""}, "orally": {RouteOral, ""}, "po": {RouteOral, ""}, "tablet": {RouteOral, ""},
	"tablets": {RouteOral, ""}, "tab": {RouteOral, ""}, "tabs": {RouteOral, ""}, "capsule": {RouteOral, ""},
	"capsules": {RouteOral, ""}, "cap": {RouteOral, ""}, "caps": {RouteOral, ""}, "syrup": {RouteOral, ""},
	"iv": {RouteIV, ""}, "intravenous": {RouteIV, ""}, "intravenously": {RouteIV, ""}, "infusion": {RouteIV, ""},
	"infusions": {RouteIV, ""}, "ivi": {RouteIV, ""},
	"intralesional": {RouteIntralesional, ""}, "intralesionally": {RouteIntralesional, ""}, "il": {RouteIntralesional, ""},
	"topical": {RouteTopical, ""}, "topically": {RouteTopical, ""}, "cream": {RouteTopical, ""},
	"ointment": {RouteTopical, ""}, "gel": {RouteTopical, ""}, "lotion": {RouteTopical, ""}, "paste": {RouteTopical, ""},
	"sc": {RouteSC, "mistaken for \"SL\" (sublingual)"}, "sq": {RouteSC, "mistaken for \"5 every\""},
	"subcutaneous": {RouteSC, ""}, "subcutaneously": {RouteSC, ""}, "subcut": {RouteSC, ""},
	"im": {RouteIM, ""}, "intramuscular": {RouteIM, ""}, "intramuscularly": {RouteIM, ""},
}

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

type amount struct {
	v, hi  float64
	u      unitInfo
	hasU   bool
	perKg  bool
	perM2  bool
	ti, te int // token range
}

// parseAmount reads "60 mg", "60-90 mg", "2.5 mg/kg", "1.5 g/m2" at toks[i].
func parseAmount(toks []token, i int) (amount, int, bool) {
	v, j, ok := readNumber(toks, i)
	if !ok {
		return amount{}, i, false
	}
	a := amount{v: v, hi: v, ti: i}
	if j+2 < len(toks) && (toks[j].isSym("-") || toks[j].isWord("to")) && toks[j+1].kind == tkNum &&
		toks[j+1].num >= v && toks[j+2].kind == tkWord && toks[j].isSym("-") {
		if _, ok := massUnits[toks[j+2].text]; ok {
			a.hi = toks[j+1].num
			j += 2
		}
	}
	if j >= len(toks) || toks[j].kind != tkWord {
		return amount{}, i, false
	}
	u, ok := look(toks[j], vMass, massUnits)
	if !ok {
		return amount{}, i, false
	}
	a.u, a.hasU = u, true
	j++
	if u.base != "tablet" && j+1 < len(toks) && (toks[j].isSym("/") || toks[j].isWord("per")) {
		switch {
		case toks[j+1].isWord("kg"):
			a.perKg = true
			j += 2
		case toks[j+1].isWord("m2") || toks[j+1].isWord("sqm"):
			a.perM2 = true
			j += 2
		case toks[j+1].isWord("m") && j+2 < len(toks) && toks[j+2].kind == tkNum && toks[j+2].num == 2:
			a.perM2 = true
			j += 3
		}
	}
	a.te = j
	return a, j, true
}

type rawStep struct {
	am         amount
	freq       freqHit
	hasFreq    bool
	bare       bool   // no unit written
	unitFrom   string // "chain", "prev", "default" for bare steps
	group      int    // chain id: bare numbers sharing the next step's unit and frequency
	change     Change // change word seen before this step ("" none)
	pct        float64
	copiedFrom int       // index of the step whose amount a frequency-only change copied; -1 none
	chainNext  bool      // bare number followed by "→", "to", "then" or ","
	count      float64   // administrations stated ("x 4"); 0 none
	loading    []float64 // loading-dose days ("at weeks 0, 2, 6")
}

// ParseDose parses a dose cell without a body weight. See ParseDoseWith.
func ParseDose(text string) Dose { return ParseDoseWith(text, DoseOptions{}) }

// ParseDoseWith parses a dose cell: amounts with units, frequencies, routes
// and dose changes, in text order. It never fails: text without a
// recognisable amount gives Status Unknown and a note. Time is linear in
// len(text).
func ParseDoseWith(text string, opt DoseOptions) Dose {
	d := Dose{Text: text, Start: math.NaN(), Max: math.NaN(), Final: math.NaN(),
		StartWeek: math.NaN(), MaxWeek: math.NaN(), FinalWeek: math.NaN(), Mean: math.NaN(), Total: math.NaN()}
	var orphanCount []string // counts met before any amount ("x 6 cycles" alone)
	var ns notes
	read, toks, tb := lexCell(text)
	defer tb.release()
	noteCut(&ns, text, read)
	if n, ok := refused(read, toks, "dose"); ok {
		ns.add(n.Code, n.Msg)
		d.Notes = ns.out()
		return d
	}
	var steps []rawStep
	type pctMark struct {
		v   float64
		idx int // token index of the number
	}
	var pcts []pctMark
	var pending Change // change word since the last step
	var stash *freqHit // a frequency seen before its amount
	lastAmountEnd := -1
	sepBetween := false // a treatment separator after the last step
	multiple := false
	group := 0
	routes := map[Route]bool{}

	truncated := false
	for i := 0; i < len(toks); {
		if len(steps) > MaxDoseSteps {
			truncated = true
			steps = steps[:MaxDoseSteps]
			break
		}
		t := toks[i]
		// A symbol that is not a separator, a change symbol or "/" starts
		// nothing below (routes, frequencies, amounts and numbers start
		// with words, numbers or "/"): skip it at once.
		if t.kind == tkSym && t.voc == 0 && t.text != "+" && t.text != ";" && t.text != "&" && t.text != "/" {
			i++
			continue
		}
		// two-token routes: "per os", "by mouth", "intra-lesional", "i/v", "s/c"
		if i+1 < len(toks) && t.kind == tkWord {
			r := RouteUnknown
			n := 0
			switch {
			case t.text == "per" && toks[i+1].isWord("os"):
				r, n = RouteOral, 2
				ns.add(CodeISMP, "ISMP error-prone abbreviation \"per os\" (mistaken for \"left eye\"): read as oral")
			case t.text == "by" && toks[i+1].isWord("mouth"):
				r, n = RouteOral, 2
			case t.text == "intra" && i+2 < len(toks) && toks[i+1].isSym("-") && toks[i+2].isWord("lesional"):
				r, n = RouteIntralesional, 3
			case (t.text == "i" || t.text == "s") && toks[i+1].isSym("/") && i+2 < len(toks) && (toks[i+2].isWord("v") || toks[i+2].isWord("c") || toks[i+2].isWord("m")):
				switch t.text + toks[i+2].text {
				case "iv":
					r, n = RouteIV, 3
				case "sc":
					r, n = RouteSC, 3
				case "im":
					r, n = RouteIM, 3
				}
			}
			if n > 0 {
				if d.Route == RouteUnknown {
					d.Route = r
				}
				routes[r] = true
				i += n
				continue
			}
		}
		if t.kind == tkWord {
			if rw, ok := look(t, vRoute, routeWords); ok && !(lastAmountEnd == i && massUnits[t.text].base == "tablet") {
				if d.Route == RouteUnknown {
					d.Route = rw.r
				}
				routes[rw.r] = true
				if rw.ismp != "" {
					ns.add(CodeISMP, "ISMP error-prone abbreviation \""+text[t.start:t.end]+"\" ("+rw.ismp+"): read as "+string(rw.r))
				}
				i++
				continue
			}
		}
		if t.isSym("+") || t.isSym(";") || t.isWord("plus") || t.isSym("&") {
			if len(steps) > 0 {
				sepBetween = true
			}
			i++
			continue
		}
		if t.kind == tkWord || t.kind == tkSym {
			if c, ok := look(t, vChange, changeWords); ok {
				if pending == "" || pending == ChangeSame {
					pending = c
				}
				i++
				continue
			}
		}
		// loading weeks ("at weeks 0, 2, 6") and counts ("x 4", "x2", "6 cycles")
		if days, end, ok := parseLoading(toks, i); ok {
			if n := len(steps); n > 0 {
				steps[n-1].loading = days
			}
			i = end
			continue
		}
		if cnt, end, ok := parseCount(toks, i); ok {
			if n := len(steps); n > 0 && steps[n-1].count == 0 {
				steps[n-1].count = cnt
			} else {
				orphanCount = append(orphanCount, span(text, toks, i, end))
			}
			i = end
			continue
		}
		// frequency
		if h, end, ok := parseFreq(text, toks, i, lastAmountEnd == i); ok {
			lastAmountEnd = -1
			n := len(steps)
			switch {
			case n > 0 && !steps[n-1].hasFreq && stash == nil:
				steps[n-1].freq, steps[n-1].hasFreq = h, true
			case n > 0 && pending != "" && steps[n-1].hasFreq:
				// "reduced to twice daily": a new step with the previous amount.
				prev := steps[n-1]
				steps = append(steps, rawStep{am: prev.am, freq: h, hasFreq: true, change: pending,
					copiedFrom: n - 1, unitFrom: prev.unitFrom, bare: prev.bare, pct: prev.pct, group: -1})
				pending = ""
			default:
				hh := h
				stash = &hh
			}
			i = end
			continue
		}
		// percent strength
		if t.kind == tkNum && i+1 < len(toks) && toks[i+1].isSym("%") {
			pcts = append(pcts, pctMark{t.num, i})
			i += 2
			continue
		}
		// amount with a unit
		if a, end, ok := parseAmount(toks, i); ok {
			n := len(steps)
			// "2 tablets of 30 mg": a count times a strength
			if n > 0 && steps[n-1].am.u.base == "tablet" && a.u.base != "tablet" && !steps[n-1].bare &&
				steps[n-1].am.te >= i-1 && (steps[n-1].am.te == i || toks[steps[n-1].am.te].isWord("of") || toks[steps[n-1].am.te].isWord("x")) {
				cnt := steps[n-1].am
				a.v *= cnt.v
				a.hi *= cnt.hi
				a.ti = cnt.ti
				steps[n-1].am = a
				lastAmountEnd = end
				i = end
				continue
			}
			if sepBetween {
				multiple = true
			}
			group++
			st := rawStep{am: a, change: pending, copiedFrom: -1, group: group}
			if stash != nil {
				st.freq, st.hasFreq = *stash, true
				stash = nil
			}
			// bare numbers just before, joined by "→", "to", "then" or ",",
			// share this amount's unit ("60→90 mg").
			nextTi := a.ti
			for k := n - 1; k >= 0; k-- {
				b := &steps[k]
				if !b.bare || b.unitFrom != "" || !b.chainNext || b.am.te+1 != nextTi {
					break
				}
				b.am.u, b.am.perKg, b.am.perM2, b.unitFrom, b.group = a.u, a.perKg, a.perM2, "chain", group
				nextTi = b.am.ti
			}
			steps = append(steps, st)
			pending = ""
			sepBetween = false
			lastAmountEnd = end
			i = end
			continue
		}
		// durations ("for 3 months", "x 2 weeks") are not doses
		if _, j, ok := readNumber(toks, i); ok && j < len(toks) && toks[j].kind == tkWord && toks[j].voc&vDurUnit != 0 && durationUnits[toks[j].text] {
			i = j + 1
			continue
		}
		// a bare number: kept when followed by a frequency, chained to an
		// amount, or after a change word; decided below.
		if t.kind == tkNum {
			chainNext := i+1 < len(toks) && (toks[i+1].isSym("→") || toks[i+1].isWord("to") || toks[i+1].isWord("then") || toks[i+1].isSym(","))
			st := rawStep{am: amount{v: t.num, hi: t.num, ti: i, te: i + 1}, bare: true, change: pending,
				copiedFrom: -1, group: -1, chainNext: chainNext}
			if stash != nil {
				st.freq, st.hasFreq = *stash, true
				stash = nil
			}
			if sepBetween {
				multiple = true
			}
			steps = append(steps, st)
			pending = ""
			lastAmountEnd = i + 1
			i++
			continue
		}
		i++
	}
	// Decide bare numbers: keep those chained to a unit, those with a
	// frequency, those after a change word; drop the rest unless the cell has
	// no unit anywhere.
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
			st.am.u = massUnits["mg"]
			st.unitFrom = "default"
			ns.add(CodeUnitMissing, "unit missing for \""+fmtNum(st.am.v)+"\": assumed mg")
		}
		kept = append(kept, st)
	}
	steps = kept

	if truncated {
		ns.add(CodeTruncated, "more than "+fmtNum(MaxDoseSteps)+" dose steps: the rest of the cell is ignored")
	}
	if multiple {
		ns.add(CodeMultiple, "several treatments in one cell: split it with SplitTreatment before parsing doses")
	}
	if len(routes) > 1 {
		ns.add(CodeMultiple, "several routes named: first used ("+string(d.Route)+")")
	}
	if stash != nil && stash.f.Intermittent() {
		d.Intermittent = true
	}
	if stash != nil && len(steps) > 0 {
		ns.add(CodeMultiple, "frequency \""+stash.f.Text+"\" not attached to any amount: ignored")
	}

	// Percent strengths for mL amounts: the nearest percent after the amount
	// (within 4 tokens) or before it (within 6 tokens). pcts is in token
	// order, so one forward pointer keeps this linear.
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

	// Frequencies: a step without one inherits from its chain, then from the
	// previous step, then from the next; with none at all, the amount is
	// taken as the daily total.
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
		if st.hasFreq {
			ds.Freq = st.freq.f
			if st.freq.ismp != "" {
				ns.add(CodeISMP, "ISMP error-prone abbreviation \""+st.freq.ismp+"\" ("+st.freq.ismpWhy+"): read as "+freqWords(st.freq.f))
			}
			if st.freq.ambiguous != "" {
				ns.add(CodeFreqAmbiguous, st.freq.ambiguous)
				ds.Status = worse(ds.Status, Assumed)
			}
		} else if st.count > 0 {
			// "1 g x 2": two doses at an interval not stated; no daily rate is assumed
		} else if anyFreq {
			src, grammatical := inh[k].src, inh[k].grammatical
			if src >= 0 {
				ds.Freq, ds.FreqAssumed = steps[src].freq.f, true
				if !grammatical {
					ns.add(CodeFreqInherited, "no frequency for \""+ds.Text+"\": assumed \""+steps[src].freq.f.Text+"\" from a neighbouring step")
					ds.Status = worse(ds.Status, Assumed)
				}
			}
		} else {
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

	// Per-day amounts in a canonical unit.
	var unit string
	perDose := make([]float64, len(out)) // amount per administration in the canonical unit
	for k := range out {
		ds := &out[k]
		st := steps[k]
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
			ns.add(CodeISMP, "ISMP error-prone abbreviation \""+a.u.unit+"\" ("+a.u.ismp+"): read as "+ismpReading[a.u.unit])
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
			if opt.WeightKg > 0 && finite(opt.WeightKg) {
				amt *= opt.WeightKg
				ds.Status = worse(ds.Status, Converted)
				ns.add(CodeWeightApplied, "weight-based dose multiplied by "+fmtNum(opt.WeightKg)+" kg")
			} else {
				u += "/kg"
				ns.add(CodeWeightMissing, "weight-based dose without a body weight: kept in "+u+"/day")
			}
		}
		if a.perM2 {
			if opt.BSA > 0 && finite(opt.BSA) {
				amt *= opt.BSA
				ds.Status = worse(ds.Status, Converted)
				ns.add(CodeBSAApplied, "dose per m² multiplied by a body surface area of "+fmtNum(math.Round(opt.BSA*100)/100)+" m²")
			} else {
				u += "/m²"
				ns.add(CodeBSA, "dose per body surface area without a BSA (or height and weight): kept in "+u+"/day")
			}
		}
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
		if ds.Freq.Known() {
			ds.PerDay = amt * ds.Freq.PerDay()
			ds.PerWeek = ds.PerDay * 7
			if ds.Freq.Intermittent() {
				d.Intermittent = true
			}
		} else if st.count > 0 && len(out) == 1 && opt.CourseDays > 0 && finite(opt.CourseDays) {
			ds.PerDay = amt * st.count / opt.CourseDays
			ds.PerWeek = ds.PerDay * 7
			ds.Status = worse(ds.Status, Assumed)
			d.Intermittent = true
			ns.add(CodeSchedule, "\""+ds.Text+" × "+fmtNum(st.count)+"\": "+fmtNum(st.count)+" doses spread over the course of "+fmtNum(math.Round(opt.CourseDays))+" days")
		} else if st.count > 0 {
			ns.add(CodeSchedule, "\""+ds.Text+" × "+fmtNum(st.count)+"\" read as "+fmtNum(st.count)+" doses (course total "+fmtNum(amt*st.count)+" "+u+"); no interval or course length stated: no daily rate")
		}
		if !finite(ds.PerDay) {
			ds.PerDay, ds.PerWeek = math.NaN(), math.NaN()
			ds.Status = Unknown
		}
	}
	// Directions.
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
	d.Steps = out[:len(out):len(out)]
	if len(out) == 0 {
		if len(orphanCount) > 0 {
			d.Schedule = strings.Join(orphanCount, ", ")
			ns.add(CodeSchedule, "schedule \""+d.Schedule+"\" without a dose amount: no daily dose")
			d.Notes = ns.out()
			return d
		}
		if len(toks) == 0 {
			ns.add(CodeUnparsed, "empty dose")
		} else {
			ns.add(CodeUnparsed, "no dose amount found in \""+clip(text)+"\"")
		}
		d.Notes = ns.out()
		return d
	}
	if unit == "!" {
		d.Status = Unknown
		d.Notes = ns.out()
		return d
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
	courseSchedule(&d, out, perDose, opt, &ns)
	if first && !math.IsNaN(d.Total) {
		d.Status = Unknown // the course total is known, the daily rate is not
	} else if first {
		d.Status = Unknown
		ns.add(CodeUnparsed, "no step has a daily rate")
	} else {
		d.StartWeek, d.MaxWeek, d.FinalWeek = d.Start*7, d.Max*7, d.Final*7
		if hi, ok := MaxDosePerDay[d.Unit]; ok && d.Max > hi {
			ns.add(CodeImplausible, "dose "+fmtNum(d.Max)+" "+d.Unit+" is outside the plausible range 0–"+fmtNum(hi)+" "+d.Unit+": kept, check the amount and unit")
		}
	}
	d.Notes = ns.out()
	return d
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
