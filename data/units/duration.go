package units

import "math"

// Duration is a parsed length of time, in days.
type Duration struct {
	Text             string
	Days             float64 // headline value: the stated value, or a range's midpoint; NaN when unknown
	MinDays, MaxDays float64 // range ends; both equal Days when one value was written
	Value, ValueHigh float64 // the numbers as written, in Unit (ValueHigh == Value unless a range)
	Unit             string  // "hour", "day", "week", "fortnight", "month", "year", "decade"; "day" for a compound; "" when unknown
	Status           Status
	Notes            []Note
}

// timeUnit is a normalised time unit and its length in days.
type timeUnit struct {
	name string
	days float64
}

// durationWords maps time-unit words to units. "m" is read as months in a
// duration (ParseAge reads a lone "m" as male).
var durationWords = map[string]timeUnit{
	"hour": {"hour", 1.0 / 24}, "hours": {"hour", 1.0 / 24}, "hr": {"hour", 1.0 / 24},
	"hrs": {"hour", 1.0 / 24}, "h": {"hour", 1.0 / 24},
	"day": {"day", 1}, "days": {"day", 1}, "d": {"day", 1}, "dys": {"day", 1},
	"week": {"week", 7}, "weeks": {"week", 7}, "wk": {"week", 7}, "wks": {"week", 7}, "w": {"week", 7},
	"fortnight": {"fortnight", 14}, "fortnights": {"fortnight", 14},
	"month": {"month", DaysPerMonth}, "months": {"month", DaysPerMonth}, "mo": {"month", DaysPerMonth},
	"mos": {"month", DaysPerMonth}, "mth": {"month", DaysPerMonth}, "mths": {"month", DaysPerMonth},
	"mon": {"month", DaysPerMonth}, "mons": {"month", DaysPerMonth}, "m": {"month", DaysPerMonth},
	"year": {"year", DaysPerYear}, "years": {"year", DaysPerYear}, "yr": {"year", DaysPerYear},
	"yrs": {"year", DaysPerYear}, "y": {"year", DaysPerYear}, "yrly": {"year", DaysPerYear},
	"decade": {"decade", 10 * DaysPerYear}, "decades": {"decade", 10 * DaysPerYear},
}

// quantity is a number (or range) with a time unit found in tokens.
type quantity struct {
	v, hi  float64
	u      timeUnit
	mult   float64 // unit multiplier (10 for decade)
	ti, te int
	vague  bool // "several months"
}

var vagueWords = map[string]bool{"few": true, "several": true, "many": true, "some": true, "couple": false}

// readQuantity reads "2 months", "one and half years", "2-3 months",
// "2 to 3 months", "16-week", "a year", "6/12" at toks[i]. ub is the
// vocabBit of units.
func readQuantity(toks []token, i int, units map[string]timeUnit, ub vocabBit) (quantity, int, bool) {
	unit := func(t token) (timeUnit, bool) { return look(t, ub, units) }
	if i >= len(toks) {
		return quantity{}, i, false
	}
	// UK shorthand: 3/7 days, 4/52 weeks, 6/12 months.
	if toks[i].kind == tkNum && i+2 < len(toks) && toks[i+1].isSym("/") && toks[i+2].kind == tkNum &&
		toks[i].end == toks[i+1].start && toks[i+1].end == toks[i+2].start {
		var u timeUnit
		switch toks[i+2].num {
		case 7:
			u = timeUnit{"day", 1}
		case 52:
			u = timeUnit{"week", 7}
		case 12:
			u = timeUnit{"month", DaysPerMonth}
		}
		if u.name != "" && (i+3 >= len(toks) || toks[i+3].kind != tkWord || !hasUnit(toks[i+3], ub, units)) {
			return quantity{v: toks[i].num, hi: toks[i].num, u: u, mult: 1, ti: i, te: i + 3}, i + 3, true
		}
	}
	t := toks[i]
	if t.kind == tkWord && (t.text == "a" || t.text == "an" || t.voc&vVague != 0 && vagueWords[t.text]) && i+1 < len(toks) && toks[i+1].kind == tkWord {
		if u, ok := unit(toks[i+1]); ok && toks[i+1].text != "m" && toks[i+1].text != "y" && toks[i+1].text != "d" && toks[i+1].text != "h" && toks[i+1].text != "w" {
			q := quantity{v: 1, hi: 1, u: u, mult: 1, ti: i, te: i + 2, vague: t.text != "a" && t.text != "an"}
			return q, i + 2, true
		}
		return quantity{}, i, false
	}
	v, j, ok := readNumber(toks, i)
	if !ok || v < 0 {
		return quantity{}, i, false
	}
	hi := v
	// range: "2-3 months", "2 to 3 months", "2 or 3 months"
	if j+1 < len(toks) && (toks[j].isSym("-") || toks[j].isWord("to") || toks[j].isWord("or")) {
		if v2, k, ok := readNumber(toks, j+1); ok && v2 >= v && k < len(toks) && toks[k].kind == tkWord {
			if _, isU := unit(toks[k]); isU {
				hi, j = v2, k
			}
		}
	}
	if j < len(toks) && toks[j].isSym("-") {
		j++ // "16-week"
	}
	if j < len(toks) && toks[j].kind == tkWord {
		if u, ok := unit(toks[j]); ok {
			return quantity{v: v, hi: hi, u: u, mult: 1, ti: i, te: j + 1}, j + 1, true
		}
	}
	return quantity{}, i, false
}

// hasUnit reports whether t names a unit of units (whose vocabBit is ub).
func hasUnit(t token, ub vocabBit, units map[string]timeUnit) bool {
	u, _ := look(t, ub, units)
	return u.name != ""
}

// ParseDuration parses a duration without knowing the patient's age; a time
// "since N years of age" is then Unknown. See ParseDurationAge.
func ParseDuration(text string) Duration { return ParseDurationAge(text, math.NaN()) }

// ParseDurationAge parses a duration ("2 months", "one and half years",
// "for the past 14 years", "2-3 months", "6/12") into days. ageYears is the
// patient's current age, used for "since 10 years of age" and "since birth";
// pass NaN when unknown. The first duration in the text is used; a
// compound "1 year 6 months" is summed. It never fails.
func ParseDurationAge(text string, ageYears float64) Duration {
	d := Duration{Text: text, Days: math.NaN(), MinDays: math.NaN(), MaxDays: math.NaN(),
		Value: math.NaN(), ValueHigh: math.NaN()}
	var ns notes
	read, toks, tb := lexCell(text)
	defer tb.release()
	noteCut(&ns, text, read)
	if n, ok := refused(read, toks, "duration"); ok {
		ns.add(n.Code, n.Msg)
		d.Notes = ns.out()
		return d
	}
	haveAge := finite(ageYears) && ageYears >= 0
	found := false
	for i := 0; i < len(toks); {
		t := toks[i]
		switch {
		case t.isWord("since"):
			i = durationSince(&d, &ns, text, toks, i, ageYears, haveAge, &found)
			continue
		}
		q, end, ok := readQuantity(toks, i, durationWords, vDuration)
		if !ok {
			i++
			continue
		}
		if found {
			ns.add(CodeMultiple, "several durations: the first is used")
			break
		}
		found = true
		if q.vague {
			d.Status = Unknown
			d.Unit = q.u.name
			ns.add(CodeVague, "\""+span(text, toks, q.ti, q.te)+"\" has no number")
			i = end
			continue
		}
		d.Value, d.ValueHigh, d.Unit = q.v, q.hi, q.u.name
		lo, hi := q.v*q.u.days, q.hi*q.u.days
		// compound: "1 year 6 months", "1 year and 6 months", "2 years, 3 months"
		for end < len(toks) {
			k := end
			if toks[k].isWord("and") || toks[k].isSym(",") || toks[k].isSym("&") {
				k++
			}
			q2, e2, ok := readQuantity(toks, k, durationWords, vDuration)
			if !ok || q2.vague || q2.hi != q2.v || q2.u.days >= q.u.days || q.hi != q.v {
				break
			}
			lo += q2.v * q2.u.days
			hi += q2.v * q2.u.days
			d.Value, d.ValueHigh, d.Unit = math.NaN(), math.NaN(), "compound"
			q = q2
			end = e2
		}
		d.MinDays, d.MaxDays = lo, hi
		d.Days = (lo + hi) / 2
		d.Status = Exact
		if d.Unit != "day" {
			d.Status = Converted
		}
		if lo != hi {
			d.Status = Assumed
			ns.add(CodeRange, "range \""+span(text, toks, q.ti, end)+"\": midpoint "+fmtNum(d.Days)+" days used")
		}
		if d.Unit == "compound" {
			d.Unit = "day"
			d.Value, d.ValueHigh = lo, hi
		}
		bound, approx := qualifiers(toks, q.ti)
		if bound != "" {
			d.Status = Assumed
			ns.add(CodeBound, "only a "+bound+" bound was written: the bound is used")
		}
		if approx {
			ns.add(CodeApprox, "marked approximate")
		}
		i = end
	}
	if !found {
		if len(toks) == 0 {
			ns.add(CodeUnparsed, "empty duration")
		} else {
			ns.add(CodeUnparsed, "no duration found in \""+clip(text)+"\"")
		}
	}
	if d.Status == Unknown {
		d.Days, d.MinDays, d.MaxDays = math.NaN(), math.NaN(), math.NaN()
	} else if d.MaxDays > MaxDurationYears*DaysPerYear {
		ns.add(CodeImplausible, "duration "+fmtNum(d.MaxDays)+" days ("+fmtNum(math.Round(d.MaxDays/DaysPerYear))+" years) is outside the plausible range 0–"+
			fmtNum(MaxDurationYears)+" years: kept, check it")
	}
	d.Notes = ns.out()
	return d
}

// durationSince reads the "since" at toks[i]: "since 10 years of age" and
// "since birth" (days from ageYears, when haveAge), "since 2015" and "since
// childhood" (Unknown, with a note). It sets *found at the first duration and
// returns the index of the next token to read.
func durationSince(d *Duration, ns *notes, text string, toks []token, i int, ageYears float64, haveAge bool, found *bool) int {
	if res, end, ok := sinceAge(toks, i+1); ok {
		if *found {
			ns.add(CodeMultiple, "several durations: the first is used")
			return end
		}
		*found = true
		d.Text = text
		if res.birth {
			d.Unit, d.Value, d.ValueHigh = "year", 0, 0
		} else {
			d.Unit, d.Value, d.ValueHigh = "year", res.age, res.age
		}
		if !haveAge {
			ns.add(CodeAgeMissing, "\""+span(text, toks, i, end)+"\" needs the patient's current age")
			d.Status = Unknown
		} else if res.age > ageYears {
			ns.add(CodeImplausible, "onset age "+fmtNum(res.age)+" is above the current age "+fmtNum(ageYears))
			d.Status = Unknown
		} else {
			days := (ageYears - res.age) * DaysPerYear
			d.Days, d.MinDays, d.MaxDays = days, days, days
			d.Status = Converted
		}
		return end
	}
	if i+1 < len(toks) && toks[i+1].kind == tkNum && toks[i+1].num >= 1900 && toks[i+1].num <= 2100 && toks[i+1].num == math.Trunc(toks[i+1].num) {
		if !*found {
			*found = true
			d.Status = Unknown
			ns.add(CodeDateMissing, "\""+span(text, toks, i, i+2)+"\" needs the date of the report")
		}
		return i + 2
	}
	if i+1 < len(toks) && (toks[i+1].isWord("childhood") || toks[i+1].isWord("adolescence") || toks[i+1].isWord("youth")) {
		if !*found {
			*found = true
			d.Status = Unknown
			ns.add(CodeVague, "\""+span(text, toks, i, i+2)+"\" has no number")
		}
		return i + 2
	}
	return i + 1
}

// Plausibility bounds. An age outside 0–MaxAgeYears is not read (Unknown,
// with a note); a duration longer than MaxDurationYears and a daily dose
// above its unit's bound in MaxDosePerDay are kept with a
// CodeImplausible note giving the value and the range.
const (
	MaxAgeYears      = 120
	MaxDurationYears = 120
)

// MaxDosePerDay is the plausible upper bound of a daily dose per dose
// unit: generous (100 g/day of any drug; 10 million IU; 10 L), so that a
// dose above it is a unit or typing error ("999999999 g daily").
var MaxDosePerDay = map[string]float64{
	"mg/day":    100_000,
	"mg/kg/day": 2_000,
	"mg/m²/day": 100_000,
	"IU/day":    10_000_000,
	"mL/day":    10_000,
}

// qualifiers looks at the words just before a quantity at toks[i]:
// "more than", "over", ">" make it a lower bound; "less than", "under",
// "within", "up to", "<" an upper bound; "about", "~" mark it approximate.
// Only adjacent words count, so "lesions over thighs for 2 months" has no bound.
func qualifiers(toks []token, i int) (bound string, approx bool) {
	w := func(k int) string {
		if k < 0 || k >= len(toks) || toks[k].kind == tkNum {
			return ""
		}
		return toks[k].text
	}
	k := i - 1
	if approxWords[w(k)] {
		approx = true
		k--
	}
	switch w(k) {
	case ">", "≥", "over", "beyond", "exceeding":
		bound = "lower"
	case "<", "≤", "under", "within", "upto":
		bound = "upper"
	case "than":
		switch w(k - 1) {
		case "more", "greater", "longer":
			bound = "lower"
		case "less", "shorter", "fewer":
			bound = "upper"
		}
	case "least":
		if w(k-1) == "at" {
			bound = "lower"
		}
	case "to":
		if w(k-1) == "up" {
			bound = "upper"
		}
	}
	if !approx && approxWords[w(k-1)] && bound == "" {
		approx = true
	}
	return bound, approx
}

var approxWords = map[string]bool{
	"about": true, "approximately": true, "approx": true, "~": true, "around": true,
	"nearly": true, "almost": true, "circa": true, "roughly": true, "appr": true, "some": false,
}

type sinceRes struct {
	age   float64
	birth bool
}

// sinceAge reads what follows "since" when it names an age: "10 years of
// age", "age 10", "the age of 10", "10 yrs old", "birth". A plain "since 10
// years" (Indian English for "for 10 years") is not an age.
func sinceAge(toks []token, i int) (sinceRes, int, bool) {
	if i < len(toks) && toks[i].isWord("the") {
		i++
	}
	if i < len(toks) && (toks[i].isWord("birth") || toks[i].isWord("infancy") || toks[i].isWord("neonatal")) {
		return sinceRes{birth: true}, i + 1, true
	}
	if i < len(toks) && toks[i].isWord("age") {
		j := i + 1
		if j < len(toks) && toks[j].isWord("of") {
			j++
		}
		if v, k, ok := readNumber(toks, j); ok {
			if k < len(toks) && toks[k].kind == tkWord && durationWords[toks[k].text].name == "year" {
				k++
			}
			return sinceRes{age: v}, k, true
		}
		return sinceRes{}, i, false
	}
	if v, j, ok := readNumber(toks, i); ok {
		if j < len(toks) && toks[j].isSym("-") {
			j++
		}
		if j < len(toks) && toks[j].kind == tkWord && durationWords[toks[j].text].name == "year" {
			k := j + 1
			if k < len(toks) && toks[k].isSym("-") {
				k++
			}
			if k+1 < len(toks) && toks[k].isWord("of") && toks[k+1].isWord("age") {
				return sinceRes{age: v}, k + 2, true
			}
			if k < len(toks) && toks[k].isWord("old") {
				return sinceRes{age: v}, k + 1, true
			}
		}
	}
	return sinceRes{}, i, false
}

// Sex is a patient's sex as written in a case table.
type Sex string

// Sexes. The zero value means not stated (or contradictory).
const (
	SexUnknown Sex = ""
	SexFemale  Sex = "F"
	SexMale    Sex = "M"
)

var sexWords = map[string]Sex{
	"f": SexFemale, "female": SexFemale, "females": SexFemale, "woman": SexFemale, "women": SexFemale,
	"girl": SexFemale, "lady": SexFemale, "fem": SexFemale, "she": SexFemale, "her": SexFemale,
	"m": SexMale, "male": SexMale, "males": SexMale, "man": SexMale, "men": SexMale, "boy": SexMale,
	"gentleman": SexMale, "he": SexMale, "his": SexMale,
}

// sexIn scans tokens for sex words. It reports the sex, and whether both
// were named. skip marks token indexes that are not sex words (a month "m").
func sexIn(toks []token, skip map[int]bool) (Sex, bool) {
	sex := SexUnknown
	conflict := false
	for i, t := range toks {
		if t.kind != tkWord || skip[i] {
			continue
		}
		if s, ok := look(t, vSex, sexWords); ok {
			if sex != SexUnknown && sex != s {
				conflict = true
			}
			if sex == SexUnknown {
				sex = s
			}
		}
	}
	if conflict {
		return SexUnknown, true
	}
	return sex, false
}

// ParseSex reads a sex from "F", "female", "45/F", "male", "M", "woman".
// Contradictory or missing text gives SexUnknown.
func ParseSex(text string) Sex {
	_, toks, tb := lexCell(text)
	defer tb.release()
	s, _ := sexIn(toks, nil)
	return s
}

// Age is a parsed patient age in years, with the sex when the same cell names it.
type Age struct {
	Text               string
	Years              float64 // headline age; a range's midpoint; NaN when unknown
	MinYears, MaxYears float64 // range ends; equal to Years for one value
	Sex                Sex
	Status             Status
	Notes              []Note
}

// ageWords are the time units of an age. "m" is not among them: in an age
// cell "45 M" is male.
var ageWords = map[string]timeUnit{
	"year": {"year", DaysPerYear}, "years": {"year", DaysPerYear}, "yr": {"year", DaysPerYear},
	"yrs": {"year", DaysPerYear}, "y": {"year", DaysPerYear}, "yo": {"year", DaysPerYear},
	"yro": {"year", DaysPerYear}, "yoa": {"year", DaysPerYear}, "yearold": {"year", DaysPerYear},
	"month": {"month", DaysPerMonth}, "months": {"month", DaysPerMonth}, "mo": {"month", DaysPerMonth},
	"mos": {"month", DaysPerMonth}, "mth": {"month", DaysPerMonth}, "mths": {"month", DaysPerMonth},
	"week": {"week", 7}, "weeks": {"week", 7}, "wk": {"week", 7}, "wks": {"week", 7},
	"day": {"day", 1}, "days": {"day", 1},
}

// ParseAge parses an age cell ("69 years", "14 y", "18 months", "45/F",
// "54-year-old", "54yr old", "in her 40s") into years, and the sex when the
// cell names it. A bare number is read as years (Assumed); the age/sex
// notation "45/F" is read as years without a note, as that is its meaning.
func ParseAge(text string) Age {
	a := Age{Text: text, Years: math.NaN(), MinYears: math.NaN(), MaxYears: math.NaN()}
	var ns notes
	read, toks, tb := lexCell(text)
	defer tb.release()
	noteCut(&ns, text, read)
	if n, ok := refused(read, toks, "age"); ok {
		ns.add(n.Code, n.Msg)
		a.Sex, _ = sexIn(toks, nil)
		a.Notes = ns.out()
		return a
	}
	skip := map[int]bool{}
	found := false
	for i := 0; i < len(toks); {
		q, end, ok := readQuantity(toks, i, ageWords, vAge)
		if ok && !q.vague && !(toks[i].isWord("a") || toks[i].isWord("an")) {
			if found {
				ns.add(CodeMultiple, "several ages: the first is used")
				break
			}
			found = true
			lo, hi := q.v*q.u.days/DaysPerYear, q.hi*q.u.days/DaysPerYear
			if q.u.name == "year" {
				lo, hi = q.v, q.hi
			}
			a.Status = Exact
			if q.u.name != "year" {
				a.Status = Converted
			}
			// compound "2 years 3 months", "1 y 6 m"
			if q.u.name == "year" && q.v == q.hi && end < len(toks) {
				k := end
				if toks[k].isWord("and") || toks[k].isSym(",") {
					k++
				}
				if v2, k2, ok := readNumber(toks, k); ok && k2 < len(toks) && toks[k2].kind == tkWord {
					if u2, ok := durationWords[toks[k2].text]; ok && u2.name == "month" {
						lo += v2 / 12
						hi += v2 / 12
						skip[k2] = true
						end = k2 + 1
						a.Status = Converted
					}
				}
			}
			a.MinYears, a.MaxYears, a.Years = lo, hi, (lo+hi)/2
			if lo != hi {
				a.Status = Assumed
				ns.add(CodeRange, "age range \""+span(text, toks, q.ti, end)+"\": midpoint used")
			}
			i = end
			continue
		}
		t := toks[i]
		// decades: "40s", "in her 40s"
		if t.kind == tkNum && i+1 < len(toks) && toks[i+1].isWord("s") && toks[i+1].start == t.end && t.num >= 10 && t.num == math.Trunc(t.num/10)*10 {
			if !found {
				found = true
				a.MinYears, a.MaxYears, a.Years = t.num, t.num+10, t.num+5 // "40s" is [40, 50)
				a.Status = Assumed
				ns.add(CodeRange, "decade \""+span(text, toks, i, i+2)+"\": midpoint used")
			}
			skip[i+1] = true
			i += 2
			continue
		}
		if v, end, ok := readNumber(toks, i); ok && !found && !(t.kind == tkWord && (t.text == "half" || t.text == "a" || t.text == "single")) {
			found = true
			a.MinYears, a.MaxYears, a.Years = v, v, v
			// "45/F", "45 F", "F/45", "45F": the age/sex notation.
			notation := false
			if end < len(toks) && toks[end].kind == tkWord {
				_, notation = look(toks[end], vSex, sexWords)
			}
			if end+1 < len(toks) && toks[end].isSym("/") && toks[end+1].kind == tkWord {
				_, notation = look(toks[end+1], vSex, sexWords)
			}
			if i >= 2 && toks[i-1].isSym("/") && toks[i-2].kind == tkWord {
				if _, ok := look(toks[i-2], vSex, sexWords); ok {
					notation = true
				}
			}
			if notation {
				a.Status = Exact
			} else {
				a.Status = Assumed
				ns.add(CodeUnitMissing, "unit missing for \""+span(text, toks, i, end)+"\": assumed years")
			}
			i = end
			continue
		}
		i++
	}
	sex, conflict := sexIn(toks, skip)
	a.Sex = sex
	if conflict {
		ns.add(CodeSexConflict, "both sexes named: sex left unknown")
	}
	if found && (a.MaxYears > MaxAgeYears || a.MinYears < 0) {
		ns.add(CodeImplausible, "age "+fmtNum(a.Years)+" years is outside the plausible range 0–"+fmtNum(MaxAgeYears)+" years: not read")
		a.Status = Unknown
	}
	if !found {
		if len(toks) == 0 {
			ns.add(CodeUnparsed, "empty age")
		} else {
			ns.add(CodeUnparsed, "no age found in \""+clip(text)+"\"")
		}
	}
	if a.Status == Unknown {
		a.Years, a.MinYears, a.MaxYears = math.NaN(), math.NaN(), math.NaN()
	}
	a.Notes = ns.out()
	return a
}
