package vocab

import "strings"

// FiniteCourse reports whether a course's treatment, dose or schedule texts say it was a
// finite course that ended soon after it began: a count of doses or sessions ("375 mg/m2
// weekly x4", "3 pulses", "five sessions"; not cycles, see finiteCountNouns), a single dose
// ("single infusion", "once", "one-off", "infiltration"), a numbered course ("IVIG 2 g/kg
// (2nd course)") or neoadjuvant treatment. A schedule without a count ("weekly", "daily")
// is a course that goes on, as is one whose counted part is followed by more ("x3 then
// taper", "maintenance"). Such a course is given once (course.oneOff): rule 3 takes a
// relapse or a loss of response whose time the text does not give as after the course,
// which leaves the best response standing.
func FiniteCourse(texts ...string) bool {
	for _, s := range texts {
		if !strings.ContainsAny(s, "0123456789×- \t") {
			// one word without a digit ("rituximab", the usual treatment name): finite only
			// as a word that says so alone; checked without allocating (FreeOf runs per row)
			if oneWordFinite(s) {
				return true
			}
			continue
		}
		if finiteText(strings.ToLower(s)) {
			return true
		}
	}
	return false
}

// oneWordFinite reports whether the single word s says a course is finite by itself.
func oneWordFinite(s string) bool {
	for _, w := range []string{"neoadjuvant", "infiltration", "once"} {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// finiteCountNouns are what a finite course counts. Cycles and courses are not among them:
// chemotherapy is often given until progression, and the count says when it stopped.
var finiteCountNouns = map[string]bool{
	"dose": true, "doses": true, "session": true, "sessions": true, "infusion": true, "infusions": true, "injection": true,
	"injections": true, "fraction": true, "fractions": true, "pulse": true, "pulses": true,
	"treatments": true, "applications": true, "shots": true,
}

// ongoingWords after "once" make it a schedule ("once daily"), not a single dose.
var ongoingWords = map[string]bool{
	"daily": true, "a": true, "per": true, "weekly": true, "monthly": true, "every": true,
	"nightly": true, "yearly": true, "each": true,
}

// doseCountWords count doses in words ("three pulses").
var doseCountWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
}

// ordinalWords number a course in words ("first course").
var ordinalWords = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true,
}

// continuingWords say the course went on after its counted part ("x3 then prednisone
// taper", "x6 then maintenance").
var continuingWords = map[string]bool{"then": true, "followed": true, "maintenance": true,
	"continued": true, "continuous": true, "ongoing": true, "taper": true, "tapered": true,
	"tapering": true}

// finiteText is FiniteCourse of one lower-cased text.
func finiteText(s string) bool {
	w := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '×' || r == '-' || r == '/' || r == '%' || r == '.')
	})
	for _, x := range w {
		if continuingWords[x] {
			return false
		}
	}
	for i, x := range w {
		if x == "x" && i > 0 && isNumber(w[i-1]) {
			continue // "1 x 10^6 cells": a product
		}
		next := ""
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case oneWordFinite(x) && (x != "once" || !ongoingWords[next] && !strings.HasPrefix(next, "q")),
			x == "one-off", x == "one-time", x == "single-dose":
			return true
		case x == "single" && singleForms[next]:
			return true
		case timesCount(x, next):
			return true
		case (isNumber(x) || doseCountWords[x]) && finiteCountNouns[next]:
			return true
		case (ordinalWords[x] || isOrdinal(x)) && (next == "course" || next == "cycle"):
			return true
		}
	}
	return false
}

// timesCount reports whether x (and the word after it) is a count of doses: "x4", "×4",
// "x 4" — not "x 4/day", "x14 days" nor "2x daily".
func timesCount(x, next string) bool {
	n := ""
	switch {
	case strings.HasPrefix(x, "×"):
		n = strings.TrimPrefix(x, "×")
	case strings.HasPrefix(x, "x") && len(x) > 1:
		n = x[1:]
	case x == "x" || x == "×":
		n = next
		next = ""
	default:
		return false
	}
	if !isNumber(n) {
		return false
	}
	return !ongoingWords[next] && !timeUnitWords[next]
}

// timeUnitWords after a count make it a length of time ("x14 days", "x3 months"), which
// says nothing of a course's end.
var timeUnitWords = map[string]bool{"d": true, "day": true, "days": true, "wk": true, "wks": true,
	"week": true, "weeks": true, "mo": true, "mos": true, "month": true, "months": true, "y": true,
	"yr": true, "yrs": true, "year": true, "years": true, "h": true, "hours": true}

// isOrdinal reports whether s is a numeral ordinal: "1st", "2nd", "3rd", "4th".
func isOrdinal(s string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(s, suf); ok && isNumber(n) {
			return true
		}
	}
	return false
}
