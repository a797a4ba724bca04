package units

import "math"

// Size is a parsed lesion size or size range, in centimetres.
//
// Each measurement ("3*2cm") is a list of dimensions; its diameter is the
// largest dimension and its area the product of the two largest dimensions
// (the bounding rectangle, not an ellipse: no shape is assumed). A single
// dimension has no area (NaN, with a note). Min and Max run over all
// measurements in the text, so "1*1cm to 5*5 cm" gives diameters 1 and 5 and
// areas 1 and 25 cm².
type Size struct {
	Text          string
	Dims          [][]float64 // each measurement's dimensions in cm, in text order
	MinDiameterCm float64     // smallest largest-dimension; NaN when unknown
	MaxDiameterCm float64     // largest dimension stated; NaN when unknown
	MinAreaCm2    float64     // smallest area over measurements with two or more dimensions; NaN when none
	MaxAreaCm2    float64     // largest such area; NaN when none
	Status        Status
	Notes         []Note
}

var lengthUnits = map[string]struct {
	name string
	cm   float64
}{
	"cm": {"cm", 1}, "cms": {"cm", 1}, "centimeter": {"cm", 1}, "centimeters": {"cm", 1},
	"centimetre": {"cm", 1}, "centimetres": {"cm", 1},
	"mm": {"mm", 0.1}, "mms": {"mm", 0.1}, "millimeter": {"mm", 0.1}, "millimeters": {"mm", 0.1},
	"millimetre": {"mm", 0.1}, "millimetres": {"mm", 0.1},
	"inch": {"in", 2.54}, "inches": {"in", 2.54},
}

// MaxMeasurements bounds the measurements read from one size cell.
const MaxMeasurements = 1000

// maxDims bounds the dimensions read in one measurement; more is noise.
const maxDims = 3

type measurement struct {
	dims   []float64 // as written
	unit   string    // "" when not written
	cm     float64   // factor to cm
	ti, te int
	joined bool // joined to the next measurement by "to", "-", ",", "and", "or"
}

// ParseSize parses a lesion size: "1*1cm", "10x7 cm", "1.5*1.5cm to
// 2*2.5cm", "15 mm", "3 × 2 cm", "0.5-2 cm". A measurement without a unit
// takes the unit of the next measurement it is joined to by "to" or "-"
// ("1*1 to 5*5 cm"); a cell with no unit at all is read in cm (Assumed).
// It never fails.
func ParseSize(text string) Size {
	sz := Size{Text: text, MinDiameterCm: math.NaN(), MaxDiameterCm: math.NaN(),
		MinAreaCm2: math.NaN(), MaxAreaCm2: math.NaN()}
	var ns notes
	read, toks, tb := lexCell(text)
	defer tb.release()
	noteCut(&ns, text, read)
	if n, ok := refused(read, toks, "size"); ok {
		ns.add(n.Code, n.Msg)
		sz.Notes = ns.out()
		return sz
	}
	var ms []measurement
	for i := 0; i < len(toks); {
		if len(ms) >= MaxMeasurements {
			ns.add(CodeTruncated, "more than "+fmtNum(MaxMeasurements)+" measurements: the rest of the cell is ignored")
			break
		}
		if toks[i].kind != tkNum {
			i++
			continue
		}
		m, j := readMeasurement(&ns, text, toks, i)
		ms = append(ms, m)
		i = j
	}
	// Units: a measurement without one takes that of the next joined
	// measurement that has one.
	anyUnit := shareUnits(ms)
	status := Exact
	first := true
	for _, m := range ms {
		if m.unit == "" {
			if anyUnit || len(m.dims) < 2 && len(ms) > 1 {
				continue // a count or an unrelated number
			}
			m.unit, m.cm = "cm", 1
			status = worse(status, Assumed)
			ns.add(CodeUnitMissing, "unit missing for \""+span(text, toks, m.ti, m.te)+"\": assumed cm")
		}
		if m.cm != 1 {
			status = worse(status, Converted)
		}
		dims := make([]float64, len(m.dims))
		big1, big2 := 0.0, 0.0
		for k, v := range m.dims {
			dims[k] = v * m.cm
			if dims[k] > big1 {
				big1, big2 = dims[k], big1
			} else if dims[k] > big2 {
				big2 = dims[k]
			}
		}
		sz.Dims = append(sz.Dims, dims[:len(dims):len(dims)])
		area := math.NaN()
		if len(dims) >= 2 {
			area = big1 * big2
		}
		if first {
			sz.MinDiameterCm, sz.MaxDiameterCm = big1, big1
			first = false
		}
		sz.MinDiameterCm = math.Min(sz.MinDiameterCm, big1)
		sz.MaxDiameterCm = math.Max(sz.MaxDiameterCm, big1)
		if !math.IsNaN(area) {
			if math.IsNaN(sz.MinAreaCm2) {
				sz.MinAreaCm2, sz.MaxAreaCm2 = area, area
			}
			sz.MinAreaCm2 = math.Min(sz.MinAreaCm2, area)
			sz.MaxAreaCm2 = math.Max(sz.MaxAreaCm2, area)
		}
	}
	if first {
		if len(toks) == 0 {
			ns.add(CodeUnparsed, "empty size")
		} else {
			ns.add(CodeUnparsed, "no size found in \""+clip(text)+"\"")
		}
		sz.Notes = ns.out()
		return sz
	}
	if math.IsNaN(sz.MaxAreaCm2) {
		ns.add(CodeAreaUnknown, "single dimension: area not computed (no shape assumed)")
	}
	sz.Dims = sz.Dims[:len(sz.Dims):len(sz.Dims)]
	sz.Status = status
	sz.Notes = ns.out()
	return sz
}

// readMeasurement reads the measurement starting at the number toks[i]
// ("10x7 cm", "2 cm x 3 cm") and returns it with the index after it.
func readMeasurement(ns *notes, text string, toks []token, i int) (measurement, int) {
	m := measurement{ti: i}
	j := i
	tooMany := false
	for {
		if j >= len(toks) || toks[j].kind != tkNum {
			break
		}
		if len(m.dims) < maxDims {
			m.dims = append(m.dims, toks[j].num)
		} else {
			tooMany = true
		}
		j++
		// a unit after each dimension ("2 cm x 3 cm")
		if j < len(toks) && toks[j].kind == tkWord {
			if u, ok := look(toks[j], vLength, lengthUnits); ok {
				if m.unit != "" && m.unit != u.name {
					break // "1 cm 5 mm": stop here
				}
				m.unit, m.cm = u.name, u.cm
				j++
			}
		}
		if j+1 < len(toks) && (toks[j].isWord("x") || toks[j].isSym("*") || toks[j].isWord("by")) && toks[j+1].kind == tkNum {
			j++
			continue
		}
		break
	}
	if tooMany {
		ns.add(CodeTooManyDims, "more than three dimensions in \""+clip(span(text, toks, i, j))+"\": the first three are used")
	}
	m.te = j
	if j < len(toks) && (toks[j].isWord("to") || toks[j].isSym("-") || toks[j].isSym(",") || toks[j].isWord("and") || toks[j].isWord("or")) {
		m.joined = true
	}
	return m, j
}

// shareUnits gives a measurement without a unit that of the next joined
// measurement that has one (walking backwards to stay linear) and reports
// whether any measurement has a unit of its own.
func shareUnits(ms []measurement) (anyUnit bool) {
	nextUnit, nextCm := "", 0.0
	for k := len(ms) - 1; k >= 0; k-- {
		m := &ms[k]
		if m.unit != "" {
			anyUnit = true
			nextUnit, nextCm = m.unit, m.cm
			continue
		}
		if m.joined && nextUnit != "" && k+1 < len(ms) && ms[k+1].ti <= m.te+1 {
			m.unit, m.cm = nextUnit, nextCm
			continue
		}
		nextUnit = ""
	}
	return anyUnit
}
