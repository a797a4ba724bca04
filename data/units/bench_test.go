package units

import (
	"sort"
	"testing"
)

// realisticMix is a sample of dose cells as they occur in case tables;
// repeated cells are the norm in large tables.
var realisticMix = []string{
	"60mg TDS", "60 mg tid", "diltiazem 60 mg TDS increased to 90 mg TDS", "180mg/d", "25 g IV 3x/week",
	"70mg weekly", "0.6 mg bid", "60→90 mg tid", "15 mg/kg/day", "2.5 mg/kg IV every 4 weeks",
	"10 mL of 25% sodium thiosulfate", "Diltiazem 90mg/ day increased, under close cardiologic monitoring, to 180 mg/ day",
	"tablet diltiazem 60mg thrice a day that was increased to 90mg thrice a day, due to poor response. Thereafter, the dose of diltiazem was decreased to 90mg twice a day.",
	"risedronate 35 mg weekly", "methotrexate 15 mg/week", "colchicine 0.5 mg bd", "warfarin 1 mg/day",
	"probenecid 500 mg twice daily", "minocycline 100 mg/d", "IVIG 2 g/kg monthly",
}

func BenchmarkParseDose(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ParseDose(realisticMix[i%len(realisticMix)])
	}
}

// BenchmarkParseDoseMemoised parses the same mix through a Normaliser: after
// the first pass every cell is a cache hit.
func BenchmarkParseDoseMemoised(b *testing.B) {
	b.ReportAllocs()
	n := NewNormaliser(1024)
	for i := 0; i < b.N; i++ {
		n.Dose(realisticMix[i%len(realisticMix)])
	}
}

func BenchmarkParseDuration(b *testing.B) {
	cells := []string{"2 months", "one and half years", "for the past 14 years", "2-3 months", "since 10 years of age", "16 weeks"}
	for i := 0; i < b.N; i++ {
		ParseDurationAge(cells[i%len(cells)], 14)
	}
}

func BenchmarkParseLab(b *testing.B) {
	cells := []string{"serum calcium (8.5mg/dl, normal: 8.5-10.3 mg/dl)", "25-hydroxy vitamin D (20 ng/dl)", "PTH 35 pg/dl", "24-hour urinary calcium (122.6mg/24h)"}
	for i := 0; i < b.N; i++ {
		ParseLab(cells[i%len(cells)])
	}
}

// BenchmarkHugeCells parses every 1 MB cell of bigInputs with every parser,
// one sub-benchmark per input and parser (input/parser), so a slow pair
// shows by name. Run with -benchtime 5x: each op is one 1 MB cell.
func BenchmarkHugeCells(b *testing.B) {
	in := bigInputs()
	names := make([]string, 0, len(in))
	for k := range in {
		names = append(names, k)
	}
	sort.Strings(names)
	parsers := []struct {
		name string
		f    func(string)
	}{
		{"dose", func(s string) { ParseDose(s) }},
		{"duration", func(s string) { ParseDuration(s) }},
		{"age", func(s string) { ParseAge(s) }},
		{"size", func(s string) { ParseSize(s) }},
		{"lab", func(s string) { ParseLab(s) }},
		{"split", func(s string) { SplitTreatment(s) }},
	}
	for _, name := range names {
		s := in[name]
		for _, p := range parsers {
			b.Run(name+"/"+p.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(s)))
				for i := 0; i < b.N; i++ {
					p.f(s)
				}
			})
		}
	}
}
