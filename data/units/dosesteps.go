package units

// The second phase of dose parsing: the tokens of a cell read, left to
// right, into raw steps (amounts with their frequencies, counts and
// loading days), the routes named, and the change words between steps.

type amount struct {
	v, hi  float64
	u      unitInfo
	hasU   bool
	perKg  bool
	perM2  bool
	ti, te int // token range
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

// pctMark is a percent strength ("2%") at token idx.
type pctMark struct {
	v   float64
	idx int // token index of the number
}

// stepReader holds the state of the left-to-right reading of a dose cell.
type stepReader struct {
	l    *Lexicon
	text string
	toks []token
	ns   *notes

	steps         []rawStep
	pcts          []pctMark
	pending       Change   // change word since the last step
	stash         *freqHit // a frequency seen before its amount
	lastAmountEnd int      // token index just after the last amount; -1 none
	sepBetween    bool     // a treatment separator after the last step
	multiple      bool     // several treatments in the cell
	truncated     bool     // more than MaxDoseSteps steps
	group         int
	route         Route          // first route named
	routes        map[Route]bool // every route named
	orphanCount   []string       // counts met before any amount ("x 6 cycles" alone)
}

// readSteps reads the tokens of text into raw steps.
func (l *Lexicon) readSteps(text string, toks []token, ns *notes) *stepReader {
	r := &stepReader{l: l, text: text, toks: toks, ns: ns, lastAmountEnd: -1, routes: map[Route]bool{}}
	for i := 0; i < len(toks); {
		if len(r.steps) > MaxDoseSteps {
			r.truncated = true
			r.steps = r.steps[:MaxDoseSteps]
			break
		}
		i = r.next(i)
	}
	return r
}

// next reads what starts at toks[i] and returns the index after it.
func (r *stepReader) next(i int) int {
	toks := r.toks
	t := toks[i]
	// A symbol that is not a separator, a change symbol or "/" starts
	// nothing below (routes, frequencies, amounts and numbers start
	// with words, numbers or "/"): skip it at once.
	if t.kind == tkSym && t.voc == 0 && t.text != "+" && t.text != ";" && t.text != "&" && t.text != "/" {
		return i + 1
	}
	if end, ok := r.readRoute(i); ok {
		return end
	}
	if t.isSym("+") || t.isSym(";") || t.isWord("plus") || t.isSym("&") {
		if len(r.steps) > 0 {
			r.sepBetween = true
		}
		return i + 1
	}
	if t.kind == tkWord || t.kind == tkSym {
		if c, ok := look(t, vChange, changeWords); ok {
			if r.pending == "" || r.pending == ChangeSame {
				r.pending = c
			}
			return i + 1
		}
	}
	// loading weeks ("at weeks 0, 2, 6") and counts ("x 4", "x2", "6 cycles")
	if days, end, ok := parseLoading(toks, i); ok {
		if n := len(r.steps); n > 0 {
			r.steps[n-1].loading = days
		}
		return end
	}
	if cnt, end, ok := r.l.parseCount(toks, i); ok {
		if n := len(r.steps); n > 0 && r.steps[n-1].count == 0 {
			r.steps[n-1].count = cnt
		} else {
			r.orphanCount = append(r.orphanCount, span(r.text, toks, i, end))
		}
		return end
	}
	if h, end, ok := r.l.parseFreq(r.text, toks, i, r.lastAmountEnd == i); ok {
		r.addFreq(h)
		return end
	}
	// percent strength
	if t.kind == tkNum && i+1 < len(toks) && toks[i+1].isSym("%") {
		r.pcts = append(r.pcts, pctMark{t.num, i})
		return i + 2
	}
	if a, end, ok := r.l.parseAmount(toks, i); ok {
		r.addAmount(a, i, end)
		return end
	}
	// durations ("for 3 months", "x 2 weeks") are not doses
	if _, j, ok := readNumber(toks, i); ok && j < len(toks) && toks[j].kind == tkWord && toks[j].voc&vDurUnit != 0 && durationUnits[toks[j].text] {
		return j + 1
	}
	if t.kind == tkNum {
		r.addBare(i)
	}
	return i + 1
}

// readRoute reads a route at toks[i]: one word ("po", "iv") or several
// tokens ("per os", "by mouth", "intra-lesional", "i/v").
func (r *stepReader) readRoute(i int) (int, bool) {
	rw, end, ok := r.l.routeAt(r.toks, i, r.lastAmountEnd == i)
	if !ok {
		return i, false
	}
	if r.route == RouteUnknown {
		r.route = rw.r
	}
	r.routes[rw.r] = true
	if rw.ismp != "" {
		as := r.text[r.toks[i].start:r.toks[i].end]
		if end-i > 1 {
			as = rw.term
		}
		r.ns.add(CodeISMP, "ISMP error-prone abbreviation \""+as+"\" ("+rw.ismp+"): read as "+string(rw.r))
	}
	return end, true
}

// addFreq attaches a frequency to the last step, starts a step with the
// last amount ("reduced to twice daily"), or keeps it for the next amount.
func (r *stepReader) addFreq(h freqHit) {
	r.lastAmountEnd = -1
	n := len(r.steps)
	switch {
	case n > 0 && !r.steps[n-1].hasFreq && r.stash == nil:
		r.steps[n-1].freq, r.steps[n-1].hasFreq = h, true
	case n > 0 && r.pending != "" && r.steps[n-1].hasFreq:
		prev := r.steps[n-1]
		r.steps = append(r.steps, rawStep{am: prev.am, freq: h, hasFreq: true, change: r.pending,
			copiedFrom: n - 1, unitFrom: prev.unitFrom, bare: prev.bare, pct: prev.pct, group: -1})
		r.pending = ""
	default:
		hh := h
		r.stash = &hh
	}
}

// addAmount adds a step for an amount with a unit at toks[i:end].
func (r *stepReader) addAmount(a amount, i, end int) {
	n := len(r.steps)
	r.lastAmountEnd = end
	// "2 tablets of 30 mg": a count times a strength
	if n > 0 && r.steps[n-1].am.u.base == "tablet" && a.u.base != "tablet" && !r.steps[n-1].bare && r.steps[n-1].am.te >= i-1 &&
		(r.steps[n-1].am.te == i || r.toks[r.steps[n-1].am.te].isWord("of") || r.toks[r.steps[n-1].am.te].isWord("x")) {
		cnt := r.steps[n-1].am
		a.v *= cnt.v
		a.hi *= cnt.hi
		a.ti = cnt.ti
		r.steps[n-1].am = a
		return
	}
	if r.sepBetween {
		r.multiple = true
	}
	r.group++
	st := rawStep{am: a, change: r.pending, copiedFrom: -1, group: r.group}
	if r.stash != nil {
		st.freq, st.hasFreq = *r.stash, true
		r.stash = nil
	}
	// bare numbers just before, joined by "→", "to", "then" or ",",
	// share this amount's unit ("60→90 mg").
	nextTi := a.ti
	for k := n - 1; k >= 0; k-- {
		b := &r.steps[k]
		if !b.bare || b.unitFrom != "" || !b.chainNext || b.am.te+1 != nextTi {
			break
		}
		b.am.u, b.am.perKg, b.am.perM2, b.unitFrom, b.group = a.u, a.perKg, a.perM2, "chain", r.group
		nextTi = b.am.ti
	}
	r.steps = append(r.steps, st)
	r.pending = ""
	r.sepBetween = false
}

// addBare adds a bare number: kept when followed by a frequency, chained
// to an amount, or after a change word; decided by decideBare.
func (r *stepReader) addBare(i int) {
	toks := r.toks
	chainNext := i+1 < len(toks) && (toks[i+1].isSym("→") || toks[i+1].isWord("to") || toks[i+1].isWord("then") || toks[i+1].isSym(","))
	st := rawStep{am: amount{v: toks[i].num, hi: toks[i].num, ti: i, te: i + 1}, bare: true, change: r.pending,
		copiedFrom: -1, group: -1, chainNext: chainNext}
	if r.stash != nil {
		st.freq, st.hasFreq = *r.stash, true
		r.stash = nil
	}
	if r.sepBetween {
		r.multiple = true
	}
	r.steps = append(r.steps, st)
	r.pending = ""
	r.lastAmountEnd = i + 1
}

// parseAmount reads "60 mg", "60-90 mg", "2.5 mg/kg", "1.5 g/m2" at toks[i].
func (l *Lexicon) parseAmount(toks []token, i int) (amount, int, bool) {
	v, j, ok := readNumber(toks, i)
	if !ok {
		return amount{}, i, false
	}
	a := amount{v: v, hi: v, ti: i}
	if j+2 < len(toks) && (toks[j].isSym("-") || toks[j].isWord("to")) && toks[j+1].kind == tkNum &&
		toks[j+1].num >= v && toks[j+2].kind == tkWord && toks[j].isSym("-") {
		if _, ok := l.units[toks[j+2].text]; ok {
			a.hi = toks[j+1].num
			j += 2
		}
	}
	if j >= len(toks) || toks[j].kind != tkWord {
		return amount{}, i, false
	}
	u, ok := look(toks[j], vMass, l.units)
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
