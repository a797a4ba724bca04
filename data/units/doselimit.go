package units

import (
	"fmt"
	"math"
	"strings"
	"sync"
)

// DoseLimit is the plausible maximum daily dose of a substance, or of an
// ATC class for substances without a row of their own, from the embedded
// lexicon/doselimits.tsv.
type DoseLimit struct {
	Substance   string  // generic name; "" for a class row
	ATC         string  // ATC code prefix of a class row; "" for a substance row
	Route       string  // canonical route the row applies to; "*" for any
	MaxMgPerDay float64 // the plausible maximum in mg/day
	Source      string  // where the maximum comes from
}

type doseLimitTable struct {
	bySubstance map[string][]DoseLimit // lower-cased generic name → rows
	byATC       map[string][]DoseLimit // ATC prefix → rows
}

var doseLimits = sync.OnceValue(func() *doseLimitTable {
	t := &doseLimitTable{bySubstance: map[string][]DoseLimit{}, byATC: map[string][]DoseLimit{}}
	b, err := lexiconFiles.ReadFile("lexicon/doselimits.tsv")
	if err != nil {
		panic(fmt.Sprintf("units: embedded lexicon/doselimits.tsv missing: %v", err))
	}
	for n, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if line == "" || line[0] == '#' || f[0] == "substance" {
			continue
		}
		var l DoseLimit
		if len(f) == 5 {
			l = DoseLimit{Substance: f[0], ATC: f[1], Route: f[2], Source: f[4]}
			_, err = fmt.Sscan(f[3], &l.MaxMgPerDay)
		}
		if len(f) != 5 || err != nil || !(l.MaxMgPerDay > 0) || (l.Substance == "") == (l.ATC == "") || l.Route == "" {
			panic(fmt.Sprintf("units: lexicon/doselimits.tsv:%d: want substance or atc, route, max_mg_day > 0, source (a bug in data/units/lexicon)", n+1))
		}
		if l.Substance != "" {
			k := strings.ToLower(l.Substance)
			t.bySubstance[k] = append(t.bySubstance[k], l)
		} else {
			t.byATC[l.ATC] = append(t.byATC[l.ATC], l)
		}
	}
	return t
})

// pick returns the row for route, else the row for any route.
func pickRoute(rows []DoseLimit, route string) (DoseLimit, bool) {
	var any DoseLimit
	found := false
	for _, l := range rows {
		if route != "" && l.Route == route {
			return l, true
		}
		if l.Route == "*" {
			any, found = l, true
		}
	}
	return any, found
}

// DrugDoseLimit returns the plausible maximum daily dose of a substance
// (its generic name, case-insensitive) given by route ("" when not
// stated): the substance's row for the route, else its row for any route,
// else the row of the longest prefix of its ATC code atc that has one.
func DrugDoseLimit(substance, atc, route string) (DoseLimit, bool) {
	t := doseLimits()
	if rows, ok := t.bySubstance[strings.ToLower(strings.TrimSpace(substance))]; ok {
		return pickRoute(rows, route)
	}
	for n := len(atc); n > 0; n-- {
		if rows, ok := t.byATC[atc[:n]]; ok {
			if l, ok := pickRoute(rows, route); ok {
				return l, true
			}
		}
	}
	return DoseLimit{}, false
}

// localRoutes are routes whose doses act where they are applied: their
// amounts are not systemic daily doses and are not checked.
var localRoutes = map[string]bool{string(RouteTopical): true, string(RouteIntralesional): true}

// CheckDrugDose returns a CodeDoseImplausible note when the highest daily
// dose of d, in mg/day, is above DrugDoseLimit(substance, atc, route). The
// note gives the value, the maximum and its source, and what the reading
// assumed (a frequency not stated, the route, a class maximum). Doses
// written per kg or per m² (whose conversion depends on the patient),
// doses of local routes (topical, intralesional) and doses without a
// daily rate are not checked. An intermittent regimen is checked by its
// mean per day, so 25 mg weekly of methotrexate is 3.6 mg/day.
func CheckDrugDose(substance, atc, route string, d Dose) (Note, bool) {
	if d.Unit != "mg/day" || math.IsNaN(d.Max) || localRoutes[route] {
		return Note{}, false
	}
	for _, st := range d.Steps {
		if strings.Contains(st.Unit, "/kg") || strings.Contains(st.Unit, "/m²") {
			return Note{}, false
		}
	}
	l, ok := DrugDoseLimit(substance, atc, route)
	if !ok || d.Max <= l.MaxMgPerDay {
		return Note{}, false
	}
	of, rt := substance, "any route"
	if l.ATC != "" {
		of = "ATC class " + l.ATC + " (no row for " + substance + ")"
	}
	if l.Route != "*" {
		rt = l.Route
	}
	var assumed []string
	for _, st := range d.Steps {
		if st.FreqAssumed && st.PerDay == d.Max {
			assumed = append(assumed, "no frequency stated for \""+st.Text+"\": read as "+freqWords(st.Freq))
			break
		}
	}
	if route == "" {
		assumed = append(assumed, "route not stated: the maximum for any route")
	}
	msg := "dose " + fmtNum(roundSig(d.Max, 4)) + " mg/day of " + substance + " is above the plausible maximum of " +
		fmtNum(l.MaxMgPerDay) + " mg/day for " + of + ", " + rt + " (" + l.Source + "): kept, check the amount, unit and frequency"
	if len(assumed) > 0 {
		msg += "; assumed: " + strings.Join(assumed, "; ")
	}
	return Note{Code: CodeDoseImplausible, Msg: msg}, true
}
