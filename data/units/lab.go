package units

import (
	"math"
	"strings"
)

// Analyte is a laboratory quantity this package can convert and flag.
type Analyte int

// Supported analytes. The zero value is AnalyteUnknown.
const (
	AnalyteUnknown  Analyte = iota
	Calcium                 // serum total calcium
	Phosphate               // serum inorganic phosphate ("phosphorus")
	VitaminD25OH            // serum 25-hydroxyvitamin D
	PTH                     // serum intact parathyroid hormone
	ALP                     // serum alkaline phosphatase
	UrineCalcium24h         // 24-hour urine calcium excretion
)

// String returns the analyte's name.
func (a Analyte) String() string {
	if a > AnalyteUnknown && int(a) < len(specs) {
		return specs[a].name
	}
	return "unknown analyte"
}

// Flag places a value against the adult reference range.
type Flag string

// Flags. The zero value means the value could not be placed.
const (
	FlagUnknown Flag = ""
	FlagLow     Flag = "low"
	FlagNormal  Flag = "normal"
	FlagHigh    Flag = "high"
)

// analyteSpec holds an analyte's units, conversion and ranges.
//
// Conversion factors (conventional × ToSI = SI) follow from molar masses and
// are those of the AMA Manual of Style SI conversion table and Young DS,
// "Implementation of SI units for clinical laboratory data", Ann Intern Med
// 1987;106:114-129:
//
//	calcium        mg/dL  × 0.2495  = mmol/L   (10 / 40.078 g/mol)
//	phosphate (P)  mg/dL  × 0.3229  = mmol/L   (10 / 30.974 g/mol)
//	25-OH vit. D   ng/mL  × 2.496   = nmol/L   (1000 / 400.64 g/mol, 25(OH)D3)
//	PTH (1-84)     pg/mL  × 0.106   = pmol/L   (1000 / 9425 g/mol); pg/mL = ng/L
//	ALP            U/L    × 1/60    = µkat/L   (1 U = 1 µmol/min = 16.67 nkat; µkat/L × 60 = U/L)
//	urine calcium  mg/24h × 0.02495 = mmol/24h (1 / 40.078 g/mol)
//
// Adult reference ranges (conventional units), from Harrison's Principles of
// Internal Medicine, 21st ed. (2022), appendix "Laboratory Values of
// Clinical Importance", except where noted: calcium 8.7–10.2 mg/dL;
// phosphorus 2.5–4.3 mg/dL; ALP 33–96 U/L; urine calcium 100–300 mg/24h
// (unrestricted diet); PTH 10–65 pg/mL (the interval usually quoted for
// intact-PTH immunoassays; laboratories differ); 25-OH vitamin D 20–100
// ng/mL (below 20 is deficiency for both the IOM 2011 report and the
// Endocrine Society guideline, Holick et al., J Clin Endocrinol Metab
// 2011;96:1911-30; above 100 is that guideline's upper safety limit).
//
// Plausible windows bound values a human can have (or a lab can report);
// they decide between readings of a missing or implausible unit.
type analyteSpec struct {
	name             string
	conv, si         string
	toSI             float64
	refLo, refHi     float64
	plausLo, plausHi float64
	units            map[string]labUnit // display unit → reading
	missing          []string           // units to try, in order, when none is written
}

// labUnit is how a written unit is read for one analyte.
type labUnit struct {
	toConv float64 // face-value factor to the conventional unit
	alt    string  // for an implausible unit: the unit it is probably a slip for
	why    string  // why it is implausible
}

const (
	caToSI  = 0.2495   // mg/dL → mmol/L
	pToSI   = 0.3229   // mg/dL → mmol/L
	vdToSI  = 2.496    // ng/mL → nmol/L
	pthToSI = 0.106    // pg/mL → pmol/L
	alpToSI = 1.0 / 60 // U/L → µkat/L
	uCaToSI = 0.02495  // mg/24h → mmol/24h
)

var specs = [...]analyteSpec{
	AnalyteUnknown: {},
	Calcium: {name: "calcium", conv: "mg/dL", si: "mmol/L", toSI: caToSI,
		refLo: 8.7, refHi: 10.2, plausLo: 3, plausHi: 20,
		units: map[string]labUnit{
			"mg/dL": {toConv: 1}, "mg%": {toConv: 1}, "mg/L": {toConv: 0.1},
			"mmol/L": {toConv: 1 / caToSI},
			"mEq/L":  {toConv: 0.5 / caToSI}, // Ca²⁺: 2 mEq = 1 mmol
			"mg/24h": {toConv: 1, alt: "mg/dL", why: "a 24-hour total"},
		},
		missing: []string{"mg/dL", "mmol/L"}},
	Phosphate: {name: "phosphate", conv: "mg/dL", si: "mmol/L", toSI: pToSI,
		refLo: 2.5, refHi: 4.3, plausLo: 0.5, plausHi: 20,
		units: map[string]labUnit{
			"mg/dL": {toConv: 1}, "mg%": {toConv: 1}, "mg/L": {toConv: 0.1},
			"mmol/L": {toConv: 1 / pToSI},
		},
		missing: []string{"mg/dL", "mmol/L"}},
	VitaminD25OH: {name: "25-OH vitamin D", conv: "ng/mL", si: "nmol/L", toSI: vdToSI,
		refLo: 20, refHi: 100, plausLo: 2, plausHi: 250,
		units: map[string]labUnit{
			"ng/mL": {toConv: 1}, "µg/L": {toConv: 1}, "nmol/L": {toConv: 1 / vdToSI},
			"ng/dL": {toConv: 0.01, alt: "ng/mL", why: "25-OH vitamin D is reported in ng/mL or nmol/L"},
			"pg/mL": {toConv: 0.001, alt: "ng/mL", why: "pg/mL is the unit of 1,25-dihydroxyvitamin D"},
		},
		missing: []string{"ng/mL", "nmol/L"}},
	PTH: {name: "PTH", conv: "pg/mL", si: "pmol/L", toSI: pthToSI,
		refLo: 10, refHi: 65, plausLo: 1, plausHi: 5000,
		units: map[string]labUnit{
			"pg/mL": {toConv: 1}, "ng/L": {toConv: 1}, "pmol/L": {toConv: 1 / pthToSI},
			"ng/mL": {toConv: 1000, alt: "pg/mL", why: "PTH is reported in pg/mL or pmol/L"},
			"pg/dL": {toConv: 0.01, alt: "pg/mL", why: "PTH is reported in pg/mL or pmol/L"},
		},
		missing: []string{"pg/mL", "pmol/L"}},
	ALP: {name: "alkaline phosphatase", conv: "U/L", si: "µkat/L", toSI: alpToSI,
		refLo: 33, refHi: 96, plausLo: 5, plausHi: 10000,
		units: map[string]labUnit{
			"U/L": {toConv: 1}, "µkat/L": {toConv: 60},
		},
		missing: []string{"U/L"}},
	UrineCalcium24h: {name: "24-h urine calcium", conv: "mg/24h", si: "mmol/24h", toSI: uCaToSI,
		refLo: 100, refHi: 300, plausLo: 5, plausHi: 2000,
		units: map[string]labUnit{
			"mg/24h": {toConv: 1}, "mg": {toConv: 1}, "mmol/24h": {toConv: 1 / uCaToSI},
			"mg/dL":  {toConv: 1, alt: "mg/24h", why: "a 24-hour excretion is an amount per day, not a concentration"},
			"mmol/L": {toConv: 1 / uCaToSI, alt: "mmol/24h", why: "a 24-hour excretion is an amount per day, not a concentration"},
		},
		missing: []string{"mg/24h", "mmol/24h"}},
}

// labUnitKeys maps a written unit (lower-cased, spaces removed, hours
// folded) to its display spelling.
var labUnitKeys = map[string]string{
	"mg/dl": "mg/dL", "mg%": "mg/dL", "mg/100ml": "mg/dL", "mgs/dl": "mg/dL", "mg/l": "mg/L",
	"mmol/l": "mmol/L", "mmol/lit": "mmol/L", "meq/l": "mEq/L",
	"ng/ml": "ng/mL", "µg/l": "µg/L", "ug/l": "µg/L", "mcg/l": "µg/L", "nmol/l": "nmol/L",
	"ng/dl": "ng/dL", "pg/ml": "pg/mL", "ng/l": "ng/L", "pmol/l": "pmol/L", "pg/dl": "pg/dL",
	"u/l": "U/L", "iu/l": "U/L", "units/l": "U/L", "unit/l": "U/L", "iu/litre": "U/L",
	"µkat/l": "µkat/L", "ukat/l": "µkat/L",
	"mg/24h": "mg/24h", "mg/d": "mg/24h", "mg/day": "mg/24h", "mg/24hours": "mg/24h",
	"mg/24hour": "mg/24h", "mg/24hr": "mg/24h", "mg/24hrs": "mg/24h", "mg/24hrurine": "mg/24h",
	"mg":       "mg",
	"mmol/24h": "mmol/24h", "mmol/d": "mmol/24h", "mmol/day": "mmol/24h", "mmol/24hours": "mmol/24h",
	"mmol/24hr": "mmol/24h", "mmol/24hrs": "mmol/24h",
}

// analyteWords map words to the analyte they name. Order of precedence is
// decided in detectAnalyte.
var analyteWords = map[string]Analyte{
	"calcium": Calcium, "ca": Calcium, "calcaemia": Calcium, "calcemia": Calcium,
	"phosphate": Phosphate, "phosphorus": Phosphate, "phosphorous": Phosphate, "phos": Phosphate,
	"po": Phosphate, "phosphates": Phosphate, "inorganic": Phosphate,
	"vitamin": VitaminD25OH, "vit": VitaminD25OH, "hydroxyvitamin": VitaminD25OH, "hydroxy": VitaminD25OH,
	"calcidiol": VitaminD25OH, "ohd": VitaminD25OH, "hydroxycholecalciferol": VitaminD25OH, "vitd": VitaminD25OH,
	"pth": PTH, "ipth": PTH, "parathormone": PTH, "parathyroid": PTH, "paratharmone": PTH,
	"alp": ALP, "alkaline": ALP, "alk": ALP, "sap": ALP,
}

var urineWords = map[string]bool{"urine": true, "urinary": true, "uca": true, "calciuria": true}

// Lab is a parsed laboratory value.
type Lab struct {
	Text                  string
	Analyte               Analyte
	Value                 float64 // the number as written; NaN when none
	Unit                  string  // the unit as written, in display spelling ("mg/dL"); "" when none
	ReadUnit              string  // the unit the value was read in (differs from Unit when implausible or missing)
	Conv                  float64 // value in the conventional unit; NaN when unknown
	ConvUnit              string  // "mg/dL", "ng/mL", "pg/mL", "U/L", "mg/24h"
	SI                    float64 // value in the SI unit; NaN when unknown
	SIUnit                string  // "mmol/L", "nmol/L", "pmol/L", "µkat/L", "mmol/24h"
	Flag                  Flag    // against RefLow–RefHigh
	RefLow, RefHigh       float64 // adult reference range in ConvUnit (see ReferenceRange)
	StatedLow, StatedHigh float64 // reference range written in the text, in Unit; NaN when none
	Censored              string  // "<" or ">" when the value was written as a limit
	Status                Status
	Notes                 []Note
}

// ReferenceRange returns the adult reference range of a in its conventional
// unit. ok is false for AnalyteUnknown.
func ReferenceRange(a Analyte) (low, high float64, unit string, ok bool) {
	if a <= AnalyteUnknown || int(a) >= len(specs) {
		return math.NaN(), math.NaN(), "", false
	}
	s := specs[a]
	return s.refLo, s.refHi, s.conv, true
}

// ToSI converts v in a's conventional unit to its SI unit.
func ToSI(a Analyte, v float64) (si float64, unit string) {
	if a <= AnalyteUnknown || int(a) >= len(specs) {
		return math.NaN(), ""
	}
	return v * specs[a].toSI, specs[a].si
}

// FromSI converts v in a's SI unit to its conventional unit.
func FromSI(a Analyte, v float64) (conv float64, unit string) {
	if a <= AnalyteUnknown || int(a) >= len(specs) {
		return math.NaN(), ""
	}
	return v / specs[a].toSI, specs[a].conv
}

// LookupAnalyte names the analyte of a column header or label such as
// "serum calcium", "25-hydroxy vitamin D", "PTH", "24-hour urinary calcium".
func LookupAnalyte(name string) Analyte {
	_, toks, tb := lexCell(name)
	defer tb.release()
	a, _ := detectAnalyte(toks, len(toks))
	return a
}

// detectAnalyte reads analyte words in toks[:upto]. reason explains an
// unsupported analyte (ionised calcium, 1,25-dihydroxyvitamin D).
func detectAnalyte(toks []token, upto int) (a Analyte, reason string) {
	var has [7]bool
	urine, ionised, dihydroxy := false, false, false
	for k := 0; k < upto && k < len(toks); k++ {
		t := toks[k]
		if t.kind == tkNum && t.num == 24 && k+1 < len(toks) && toks[k+1].kind == tkWord && durationWords[toks[k+1].text].name == "hour" {
			urine = true
		}
		if t.kind == tkNum && t.num == 24 && k+2 < len(toks) && toks[k+1].isSym("-") && toks[k+2].kind == tkWord && durationWords[toks[k+2].text].name == "hour" {
			urine = true
		}
		if t.kind != tkWord {
			continue
		}
		switch {
		case urineWords[t.text]:
			urine = true
		case t.text == "ionised" || t.text == "ionized" || t.text == "ica" || t.text == "free":
			ionised = true
		case t.text == "dihydroxy" || t.text == "dihydroxyvitamin" || t.text == "calcitriol":
			dihydroxy = true
		case t.text == "d" && k > 0 && (toks[k-1].isWord("vitamin") || toks[k-1].isWord("vit") || toks[k-1].isSym(")") || toks[k-1].isWord("oh")):
			has[VitaminD25OH] = true
		case t.text == "po" && k+1 < len(toks) && toks[k+1].kind == tkNum && toks[k+1].num == 4:
			has[Phosphate] = true
		case t.text == "po":
			// "po" alone is a route, not phosphate
		default:
			if an, ok := analyteWords[t.text]; ok {
				has[an] = true
			}
		}
	}
	switch {
	case dihydroxy:
		return AnalyteUnknown, "1,25-dihydroxyvitamin D is not supported"
	case has[PTH]:
		return PTH, ""
	case has[VitaminD25OH]:
		return VitaminD25OH, ""
	case has[ALP]:
		return ALP, ""
	case has[Calcium] && urine:
		return UrineCalcium24h, ""
	case has[Calcium] && ionised:
		return AnalyteUnknown, "ionised calcium is not supported"
	case has[Phosphate]:
		return Phosphate, ""
	case has[Calcium]:
		return Calcium, ""
	}
	return AnalyteUnknown, ""
}

// readLabUnit reads a unit at toks[i]: words, "/", numbers and "%"
// ("mg/dl", "mg/24h", "mg/24 hours", "µkat/L", "mg%"), at most a few
// tokens. It returns the display unit ("" when none is recognised) and the
// raw text.
func readLabUnit(s string, toks []token, i int) (unit, raw string, next int) {
	var b strings.Builder
	j := i
	for j < len(toks) && j-i < 6 {
		t := toks[j]
		switch {
		case t.kind == tkWord:
			if j > i && !toks[j-1].isSym("/") && toks[j-1].kind != tkNum {
				// a second word only after "/" or a number ("24 hours")
				goto done
			}
			b.WriteString(t.text)
		case t.isSym("/") && j > i:
			b.WriteString("/")
		case t.isSym("%") && j > i:
			b.WriteString("%")
			j++
			goto done
		case t.kind == tkNum && j > i && toks[j-1].isSym("/"):
			b.WriteString(fmtNum(t.num))
		default:
			goto done
		}
		j++
	}
done:
	key := b.String()
	// drop a trailing "/" and fold "hours" spellings
	key = strings.TrimSuffix(key, "/")
	for j > i && toks[j-1].isSym("/") {
		j--
	}
	// find the longest prefix that is a known unit
	for j > i {
		if u, ok := labUnitKeys[key]; ok {
			return u, span(s, toks, i, j), j
		}
		// shorten by one token
		j--
		key = rebuildKey(toks, i, j)
	}
	if i < len(toks) && toks[i].kind == tkWord {
		// an unknown unit word: report it raw
		return "", s[toks[i].start:toks[i].end], i + 1
	}
	return "", "", i
}

func rebuildKey(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		switch toks[k].kind {
		case tkWord:
			b.WriteString(toks[k].text)
		case tkNum:
			b.WriteString(fmtNum(toks[k].num))
		default:
			b.WriteString(toks[k].text)
		}
	}
	return strings.TrimSuffix(b.String(), "/")
}

// ParseLab parses a lab string naming its analyte: "serum calcium
// (8.5mg/dl)", "phosphorus 4.2 mg/dl", "PTH 35 pg/dl", "24-hour urinary
// calcium (122.6mg/24h, normal: 100-300mg mg/dl)". See ParseLabFor.
func ParseLab(text string) Lab { return ParseLabFor(AnalyteUnknown, text) }

// ParseLabFor parses a lab value whose analyte may be known from the
// column (a != AnalyteUnknown): "8.5 mg/dl", "8.5", "< 5 ng/mL". When a is
// AnalyteUnknown the text must name the analyte. The value is converted to
// conventional and SI units and flagged against the adult reference range.
// A unit implausible for the analyte is read as the plausible unit when the
// value is plausible in it (Status Assumed, with a note). It never fails.
func ParseLabFor(a Analyte, text string) Lab {
	l := Lab{Text: text, Analyte: a, Value: math.NaN(), Conv: math.NaN(), SI: math.NaN(),
		RefLow: math.NaN(), RefHigh: math.NaN(), StatedLow: math.NaN(), StatedHigh: math.NaN()}
	var ns notes
	read, toks, tb := lexCell(text)
	defer tb.release()
	noteCut(&ns, text, read)
	if n, ok := refused(read, toks, "lab value"); ok {
		ns.add(n.Code, n.Msg)
		l.Notes = ns.out()
		return l
	}
	vi := labValueIndex(toks)
	detected, reason := detectAnalyte(toks, max(vi, 0))
	if vi < 0 {
		detected, reason = detectAnalyte(toks, len(toks))
	}
	if l.Analyte == AnalyteUnknown {
		l.Analyte = detected
	} else if detected != AnalyteUnknown && detected != l.Analyte && !(l.Analyte == UrineCalcium24h && detected == Calcium) {
		ns.add(CodeAnalyteUnknown, "text names "+detected.String()+" but the column is "+l.Analyte.String()+": column used")
	}
	if reason != "" && a == AnalyteUnknown {
		ns.add(CodeAnalyteUnknown, reason)
	}
	if vi < 0 {
		if len(toks) == 0 {
			ns.add(CodeUnparsed, "empty lab value")
		} else {
			ns.add(CodeUnparsed, "no value found in \""+clip(text)+"\"")
		}
		l.Notes = ns.out()
		return l
	}
	l.Value = toks[vi].num
	if vi > 0 {
		switch p := toks[vi-1]; {
		case p.isSym("<") || p.isSym("≤"):
			l.Censored = "<"
		case p.isSym(">") || p.isSym("≥"):
			l.Censored = ">"
		}
	}
	unit, raw, after := readLabUnit(text, toks, vi+1)
	l.Unit = unit
	if l.Analyte == Calcium && (unit == "mg/24h" || unit == "mmol/24h") {
		l.Analyte = UrineCalcium24h
	}
	if l.Analyte == AnalyteUnknown {
		if reason == "" {
			ns.add(CodeAnalyteUnknown, "no known analyte named in \""+clip(text)+"\"")
		}
		l.Notes = ns.out()
		return l
	}
	sp := specs[l.Analyte]
	l.ConvUnit, l.SIUnit, l.RefLow, l.RefHigh = sp.conv, sp.si, sp.refLo, sp.refHi
	conv, status, ok := convertLab(&l, &ns, &sp, unit, raw)
	if !ok {
		l.Notes = ns.out()
		return l
	}
	if l.Censored != "" {
		status = worse(status, Assumed)
		ns.add(CodeCensored, "value written as \""+l.Censored+" "+fmtNum(l.Value)+"\": the limit is used")
	}
	l.Conv = conv
	l.SI = conv * sp.toSI
	if l.ReadUnit == sp.si {
		l.SI = l.Value // no round trip through the conventional unit
	}
	switch {
	case conv < sp.refLo:
		l.Flag = FlagLow
	case conv > sp.refHi:
		l.Flag = FlagHigh
	default:
		l.Flag = FlagNormal
	}
	l.StatedLow, l.StatedHigh = statedRange(toks, after)
	l.Status = status
	l.Notes = ns.out()
	return l
}

// labValueIndex returns the index of the value among toks: the first number
// not part of a name ("25-hydroxy", "24-hour", "D3", "PO4", "1,25"), or -1.
func labValueIndex(toks []token) int {
	for k, t := range toks {
		if t.kind != tkNum {
			continue
		}
		if k > 0 && toks[k-1].kind == tkWord && toks[k-1].end == t.start {
			continue // D3, PO4, B12
		}
		if k+1 < len(toks) && (toks[k+1].isSym("-") || toks[k+1].isSym("(")) && k+2 < len(toks) && toks[k+2].kind == tkWord &&
			toks[k+1].end == toks[k+2].start {
			if _, unit := labUnitKeys[toks[k+2].text]; !unit {
				continue // 25-hydroxy, 24-hour, 25(OH)
			}
		}
		if k+1 < len(toks) && toks[k+1].kind == tkWord && (toks[k+1].text == "hydroxy" || toks[k+1].text == "hydroxyvitamin" || toks[k+1].text == "oh" || toks[k+1].text == "ohd" ||
			durationWords[toks[k+1].text].name == "hour" && t.num == 24 && !(k+2 < len(toks) && toks[k+2].kind == tkNum)) {
			continue // 25 hydroxy, 24 h urine
		}
		if k+1 < len(toks) && toks[k+1].isSym(",") && k+2 < len(toks) && toks[k+2].kind == tkNum && toks[k+1].end == toks[k+2].start {
			continue // 1,25
		}
		return k
	}
	return -1
}

// convertLab reads l.Value in unit (raw as written when unit is not known)
// for the analyte sp and returns it in the conventional unit with the
// reading's status, setting l.Unit and l.ReadUnit and adding notes. It
// returns ok false, with l.Status Unknown, when the value cannot be read.
func convertLab(l *Lab, ns *notes, sp *analyteSpec, unit, raw string) (conv float64, status Status, ok bool) {
	plausible := func(c float64) bool { return c >= sp.plausLo && c <= sp.plausHi }
	status = Exact
	switch {
	case unit == "" && raw != "":
		ns.add(CodeUnitUnknown, "unit \""+raw+"\" is not known for "+sp.name)
		l.Unit = raw
		l.Status = Unknown
		return 0, 0, false
	case unit == "":
		// no unit: the first candidate (the conventional unit) in which the
		// value is plausible. Not the reading closest to the reference range:
		// that would bias flags towards normal.
		best, also := "", ""
		for _, u := range sp.missing {
			if !plausible(l.Value * sp.units[u].toConv) {
				continue
			}
			if best == "" {
				best = u
			} else if also == "" {
				also = u
			}
		}
		if best == "" {
			ns.add(CodeImplausible, "value "+fmtNum(l.Value)+" without a unit is implausible for "+sp.name+" in "+strings.Join(sp.missing, " or "))
			l.Status = Unknown
			return 0, 0, false
		}
		l.ReadUnit = best
		conv = l.Value * sp.units[best].toConv
		status = Assumed
		if also != "" {
			ns.add(CodeUnitMissing, "unit missing: assumed "+best+" ("+also+" would also be plausible)")
		} else {
			ns.add(CodeUnitMissing, "unit missing: assumed "+best)
		}
	default:
		lu, known := sp.units[unit]
		if !known {
			ns.add(CodeUnitUnknown, "unit "+unit+" is not known for "+sp.name)
			l.Status = Unknown
			return 0, 0, false
		}
		face := l.Value * lu.toConv
		switch {
		case lu.alt == "":
			l.ReadUnit, conv = unit, face
			if lu.toConv != 1 {
				status = Converted
			}
			if !plausible(face) {
				ns.add(CodeImplausible, "value "+fmtNum(l.Value)+" "+unit+" is implausible for "+sp.name)
				status = Assumed
			}
		default:
			alt := l.Value * sp.units[lu.alt].toConv
			switch {
			case plausible(alt):
				l.ReadUnit, conv, status = lu.alt, alt, Assumed
				ns.add(CodeUnitImplausible, "implausible unit "+unit+" for "+sp.name+" ("+lu.why+"): read as "+lu.alt)
			case plausible(face):
				l.ReadUnit, conv, status = unit, face, Converted
				ns.add(CodeUnitImplausible, "unusual unit "+unit+" for "+sp.name+" ("+lu.why+"): converted at face value")
			default:
				ns.add(CodeUnitImplausible, "implausible unit "+unit+" for "+sp.name+" ("+lu.why+") and the value is implausible either way")
				l.Status = Unknown
				return 0, 0, false
			}
		}
	}
	return conv, status, true
}

// statedRange reads "normal: 8.5-10.3", "N 17-54", "ref range 11 to 54" after
// position i, looking at most a few tokens past the keyword.
func statedRange(toks []token, i int) (lo, hi float64) {
	for k := i; k < len(toks) && k < i+6; k++ {
		t := toks[k]
		if t.kind != tkWord {
			continue
		}
		switch t.text {
		case "normal", "reference", "ref", "range", "nr", "rr", "n", "norm":
		default:
			continue
		}
		for j := k + 1; j < len(toks) && j < k+5; j++ {
			if toks[j].kind != tkNum {
				continue
			}
			if j+2 < len(toks) && (toks[j+1].isSym("-") || toks[j+1].isWord("to")) && toks[j+2].kind == tkNum && toks[j+2].num >= toks[j].num {
				return toks[j].num, toks[j+2].num
			}
			return math.NaN(), math.NaN()
		}
		return math.NaN(), math.NaN()
	}
	return math.NaN(), math.NaN()
}
