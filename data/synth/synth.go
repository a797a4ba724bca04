// Package synth generates realistic case tables for benchmarks and scale tests: the
// vocabularies' own spellings with skewed (Zipf) frequencies, free-text doses, durations
// and outcomes with the cardinality of real extraction sheets at registry size, missing
// cells, and a small share of malformed rows.
//
// The same options and seed give the same bytes. Dose and outcome texts repeat as real
// wording does (textPool): their distinct count grows as the square root of the rows,
// and at 10 M rows a table has more than 50,000 distinct dose strings and 20,000 distinct
// outcome strings, so that memoisation of parsers is not the whole story of a benchmark.
package synth

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/data/vocab"
)

// Format is the file format written.
type Format string

// The formats.
const (
	CSV     Format = "csv"
	Parquet Format = "parquet"
)

// Options say what to generate.
type Options struct {
	Rows      int     // data rows (courses)
	Seed      uint64  // random seed: the same seed gives the same table
	Studies   int     // number of studies; 0 chooses Rows/5000 within 10..2000
	Missing   float64 // share of optional cells left empty (default 0.03 when 0)
	Malformed float64 // share of malformed rows (default 0.001 when 0; negative for none)
}

// Header is the header row of generated tables, written the way extraction sheets are.
var Header = []string{"Study", "Pt", "Age/Sex", "Underlying disease", "Treatment", "Dose", "Duration", "Outcome", "Follow-up (months)"}

// Write generates the table into w.
func Write(w io.Writer, f Format, o Options) error {
	g := newGenerator(o)
	switch f {
	case CSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(Header); err != nil {
			return err
		}
		for i := 0; i < g.o.Rows; i++ {
			if err := cw.Write(g.row(i, true)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case Parquet:
		cols := make([]parquetio.Column, len(Header))
		for i, h := range Header {
			cols[i] = parquetio.Column{Name: h, Type: parquetio.String}
		}
		pw, err := parquetio.NewWriter(w, cols)
		if err != nil {
			return err
		}
		for i := 0; i < g.o.Rows; i++ {
			if err := pw.Write(parquetio.Row{Strings: g.row(i, false)}); err != nil {
				return err
			}
		}
		return pw.Close()
	}
	return fmt.Errorf("synth: unknown format %q (use csv or parquet)", f)
}

type generator struct {
	o                          Options
	rng                        *rand.Rand
	drugs, diseases, outcomes  []string
	zDrug, zDisease, zOutcome  *rand.Zipf
	study, patient, courseLeft int
	doses, outcomeTexts        *textPool
}

func newGenerator(o Options) *generator {
	if o.Studies <= 0 {
		o.Studies = min(2000, max(10, o.Rows/5000))
	}
	if o.Missing == 0 {
		o.Missing = 0.03
	}
	if o.Malformed == 0 {
		o.Malformed = 0.001
	}
	g := &generator{o: o, rng: rand.New(rand.NewPCG(o.Seed, 0x7265737074))}
	v := vocab.Default()
	// named regimens (R-CHOP) are several drugs, like a combination cell: not drawn as one drug
	regimens := map[string]bool{}
	for _, r := range v.Rows(vocab.KindDrugs) {
		if r["components"] != "" {
			regimens[vocab.Normalize(r["generic"])] = true
		}
	}
	for _, r := range v.Rows(vocab.KindDrugs) {
		if r["kind"] != "exclusion" && r["class"] != "procedure" && r["term"] != "" && !regimens[vocab.Normalize(r["generic"])] {
			g.drugs = append(g.drugs, r["term"])
		}
	}
	for _, r := range v.Rows(vocab.KindDiseases) {
		if r["term"] != "" {
			g.diseases = append(g.diseases, r["term"])
		}
	}
	for _, r := range v.Rows(vocab.KindOutcomes) {
		if c := r["category"]; c != "" && c != "not attributable" && len(r["phrase"]) > 3 {
			g.outcomes = append(g.outcomes, r["phrase"])
		}
	}
	// shuffle once so that the Zipf head is not the files' alphabetical start
	for _, l := range [][]string{g.drugs, g.diseases, g.outcomes} {
		g.rng.Shuffle(len(l), func(i, j int) { l[i], l[j] = l[j], l[i] })
	}
	g.zDrug = rand.NewZipf(g.rng, 1.2, 4, uint64(len(g.drugs)-1))
	g.zDisease = rand.NewZipf(g.rng, 1.3, 4, uint64(len(g.diseases)-1))
	g.zOutcome = rand.NewZipf(g.rng, 1.1, 3, uint64(len(g.outcomes)-1))
	g.doses = newTextPool(doseTheta, textDiscount, g.dose)
	g.outcomeTexts = newTextPool(outcomeTheta, textDiscount, g.outcome)
	return g
}

var (
	doseNumbers = []string{"0.5", "1", "2", "2.5", "5", "7.5", "10", "12.5", "15", "20", "25", "30", "40", "50", "60", "75", "80",
		"90", "100", "120", "150", "180", "200", "250", "300", "400", "450", "500", "600", "750", "800", "1000", "1200", "1500", "2000"}
	doseUnits = []string{"mg", "mg", "mg", "g", "mcg", "mg/kg", "mg/m2", "IU", "ml"}
	doseFreqs = []string{"daily", "once daily", "OD", "BD", "bid", "twice a day", "TDS", "thrice a day", "tid", "QID", "q8h",
		"q12h", "weekly", "once weekly", "every 2 weeks", "monthly", "every 4 weeks", "at night", "on alternate days", "stat"}
	durUnits = []string{"days", "weeks", "months", "months", "months", "years", "wk", "mo"}
	sites    = []string{"the lesions", "skin", "joints", "proteinuria", "platelet count", "symptoms", "the rash", "fatigue",
		"muscle strength", "the ulcer", "seizures", "liver enzymes", "renal function", "the nodules", "pain"}
	sexes = []string{"F", "M", "female", "male", "F", "M"}
)

// row returns data row i. A malformed row is ragged (CSV) or carries unreadable values.
func (g *generator) row(i int, csvRow bool) []string {
	if g.courseLeft == 0 {
		g.patient++
		g.courseLeft = 1 + g.rng.IntN(3)
		g.study = g.rng.IntN(g.o.Studies)
	}
	g.courseLeft--
	r := g.rng
	miss := func(s string) string {
		if r.Float64() < g.o.Missing {
			return ""
		}
		return s
	}
	treat := g.drugs[g.zDrug.Uint64()]
	if r.Float64() < 0.15 {
		treat += " + " + g.drugs[g.zDrug.Uint64()]
	}
	row := []string{
		"Study " + strconv.Itoa(g.study),
		strconv.Itoa(g.patient),
		miss(strconv.Itoa(1+r.IntN(90)) + "/" + sexes[r.IntN(len(sexes))]),
		miss(g.diseases[g.zDisease.Uint64()]),
		treat,
		miss(g.doses.draw(r)),
		miss(g.duration()),
		miss(g.outcomeTexts.draw(r)),
		miss(strconv.Itoa(1 + r.IntN(60))),
	}
	if g.o.Malformed > 0 && r.Float64() < g.o.Malformed {
		switch {
		case csvRow && r.IntN(2) == 0:
			row = append(row, "stray cell") // ragged
		default:
			row[2] = "unknown age" // unreadable
		}
	}
	return row
}

func (g *generator) dose() string {
	r := g.rng
	n := doseNumbers[r.IntN(len(doseNumbers))]
	s := n + pick(r, []string{"", " "}) + doseUnits[r.IntN(len(doseUnits))] + " " + doseFreqs[r.IntN(len(doseFreqs))]
	if r.Float64() < 0.2 {
		s += ", increased to " + doseNumbers[r.IntN(len(doseNumbers))] + " mg " + doseFreqs[r.IntN(len(doseFreqs))]
	}
	return s
}

func (g *generator) duration() string {
	r := g.rng
	if r.Float64() < 0.1 {
		return strconv.Itoa(1+r.IntN(24)) + "-" + strconv.Itoa(25+r.IntN(24)) + " " + durUnits[r.IntN(len(durUnits))]
	}
	return strconv.Itoa(1+r.IntN(36)) + " " + durUnits[r.IntN(len(durUnits))]
}

func (g *generator) outcome() string {
	r := g.rng
	p := g.outcomes[g.zOutcome.Uint64()]
	switch r.IntN(6) {
	case 0:
		return p
	case 1:
		return upperFirst(p) + " after " + strconv.Itoa(1+r.IntN(24)) + " " + durUnits[r.IntN(len(durUnits))]
	case 2:
		return upperFirst(p) + " of " + sites[r.IntN(len(sites))]
	case 3:
		return fmt.Sprintf("%s; %d%% reduction in %s at week %d", upperFirst(p), 10*(1+r.IntN(10)), sites[r.IntN(len(sites))], 2+r.IntN(50))
	case 4:
		return "There was " + p + " in " + sites[r.IntN(len(sites))] + " at follow-up"
	}
	return upperFirst(p) + ", lost to follow-up after " + strconv.Itoa(1+r.IntN(18)) + " months"
}

func pick(r *rand.Rand, l []string) string { return l[r.IntN(len(l))] }

// upperFirst capitalises the first letter of s, which may take several bytes ("évolution
// favorable" from outcomes.tsv's French phrases).
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	_, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(s[:n]) + s[n:]
}
