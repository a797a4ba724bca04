package units

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestVocabKeys checks the invariants the lexer's table marks rely on:
// symVocab skips one-byte ASCII symbols, so no table may have one as a key,
// and every table key carries its table's bit.
func TestVocabKeys(t *testing.T) {
	for k := range vocab {
		if len(k) == 1 && k[0] < utf8.RuneSelf && !unicode.IsLetter(rune(k[0])) {
			t.Errorf("table key %q is a one-byte ASCII symbol: symVocab would miss it", k)
		}
	}
	for k := range changeWords {
		if vocab[k].bits&vChange == 0 {
			t.Errorf("change word %q not marked", k)
		}
	}
	toks := lexInto(nil, "TID → ↑ mg Twenty")
	want := []vocabBit{vFreq, vChange, vChange, vMass, vNumber}
	for i, w := range want {
		if toks[i].voc&w == 0 {
			t.Errorf("token %q: voc %b lacks %b", toks[i].text, toks[i].voc, w)
		}
	}
}

func TestCellPrefix(t *testing.T) {
	pad := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name string
		text string
		want int // length read
	}{
		{"short", "60 mg tid", 9},
		{"exactly the limit", pad(MaxCellBytes), MaxCellBytes},
		{"space at the limit", pad(MaxCellBytes) + " 60 mg", MaxCellBytes},
		{"space before the limit", pad(MaxCellBytes-10) + " 123456789012345", MaxCellBytes - 10},
		{"space too far back", pad(MaxCellBytes-100) + " " + pad(200), MaxCellBytes},
		// "é" is 2 bytes: with an odd prefix the limit falls inside one
		{"rune boundary", "a" + strings.Repeat("é", MaxCellBytes), MaxCellBytes - 1},
	}
	for _, tc := range tests {
		s, cut := cellPrefix(tc.text)
		if len(s) != tc.want || cut != (tc.want < len(tc.text)) || !strings.HasPrefix(tc.text, s) || !utf8.ValidString(s) {
			t.Errorf("%s: read %d bytes (cut %v), want %d", tc.name, len(s), cut, tc.want)
		}
	}
}

// TestLongCellReadsPrefix: a cell longer than MaxCellBytes parses as its
// prefix would, keeps its whole Text, and says it was cut; what follows the
// cut is not read.
func TestLongCellReadsPrefix(t *testing.T) {
	long := func(head, tail string) (text, read string, cutMsg string) {
		text = head + strings.Repeat(" .", MaxCellBytes/2) + tail
		read, _ = cellPrefix(text)
		return text, read, fmt.Sprintf("cell of %d bytes is longer than %d: only its first %d bytes were read", len(text), MaxCellBytes, len(read))
	}
	check := func(kind, text, cutMsg, gotText string, got, want []Note) {
		t.Helper()
		if gotText != text {
			t.Errorf("%s: Text is not the whole cell", kind)
		}
		if len(got) != len(want)+1 || got[0] != (Note{CodeTruncated, cutMsg}) {
			t.Fatalf("%s: notes %v, want the cut note then %v", kind, got, want)
		}
		for i := range want {
			if got[i+1] != want[i] {
				t.Errorf("%s: note %d is %v, want %v", kind, i+1, got[i+1], want[i])
			}
		}
	}

	text, read, msg := long("60 mg tid increased to 90 mg tid", " reduced to 30 mg bid")
	d, dp := ParseDose(text), ParseDose(read)
	check("dose", text, msg, d.Text, d.Notes, dp.Notes)
	if d.Final != 270 || dp.Final != 270 || len(d.Steps) != 2 {
		t.Errorf("dose: final %v (prefix %v), %d steps", d.Final, dp.Final, len(d.Steps))
	}

	text, read, msg = long("for 2 months", " and 3 years")
	du, dup := ParseDuration(text), ParseDuration(read)
	check("duration", text, msg, du.Text, du.Notes, dup.Notes)
	if du.Days != 2*DaysPerMonth || dup.Days != du.Days {
		t.Errorf("duration: %v days, prefix %v", du.Days, dup.Days)
	}

	text, read, msg = long("45 years", " male")
	a, ap := ParseAge(text), ParseAge(read)
	check("age", text, msg, a.Text, a.Notes, ap.Notes)
	if a.Years != 45 || a.Sex != SexUnknown || ap.Years != 45 {
		t.Errorf("age: %v %q, prefix %v", a.Years, a.Sex, ap.Years)
	}
	if ParseSex(text) != SexUnknown || ParseSex(strings.Repeat(" .", MaxCellBytes/2)+" female") != SexUnknown {
		t.Error("ParseSex read past MaxCellBytes")
	}

	text, read, msg = long("1*1cm to 5*5 cm", " and 10 x 10 cm")
	z, zp := ParseSize(text), ParseSize(read)
	check("size", text, msg, z.Text, z.Notes, zp.Notes)
	if z.MaxAreaCm2 != 25 || zp.MaxAreaCm2 != 25 || len(z.Dims) != 2 {
		t.Errorf("size: max area %v (prefix %v), %d dims", z.MaxAreaCm2, zp.MaxAreaCm2, len(z.Dims))
	}

	text, read, msg = long("serum calcium (8.5mg/dl)", " PTH 300 pg/ml")
	l, lp := ParseLab(text), ParseLab(read)
	check("lab", text, msg, l.Text, l.Notes, lp.Notes)
	if l.Analyte != Calcium || l.Conv != 8.5 || lp.Conv != 8.5 {
		t.Errorf("lab: %v %v, prefix %v", l.Analyte, l.Conv, lp.Conv)
	}
	if LookupAnalyte(strings.Repeat(" .", MaxCellBytes/2)+" calcium") != AnalyteUnknown {
		t.Error("LookupAnalyte read past MaxCellBytes")
	}
}

// TestLexNoAllocs: lexing into a reused slice allocates nothing when every
// word is lower-case or a known word (capitals and dots folded to the
// table's key), and one string per unknown word needing a change.
func TestLexNoAllocs(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"diltiazem 60 mg tid increased to 90 mg tid, reduced to bid; 1,000 mg", 0},
		{"60MG TDS Q.D. b.i.d 45/F PO IV → ½ µg", 0},
		{"Diltiazem 60 mg", 1},
	}
	buf := make([]token, 0, 128)
	for _, tc := range tests {
		got := testing.AllocsPerRun(50, func() { buf = lexInto(buf, tc.text) })
		if got != tc.want {
			t.Errorf("lex %q: %v allocations, want %v", tc.text, got, tc.want)
		}
	}
	toks := lexInto(nil, "TDS Q.D. Diltiazem")
	for i, w := range []string{"tds", "qd", "diltiazem"} {
		if toks[i].text != w {
			t.Errorf("token %d: %q, want %q", i, toks[i].text, w)
		}
	}
}

// TestParsersConcurrent: the pooled token buffers are not shared between
// concurrent calls (run with -race).
func TestParsersConcurrent(t *testing.T) {
	cells := append([]string{strings.Repeat("60 mg tid ", MaxCellBytes/8)}, fuzzSeeds...)
	want := make([]string, len(cells))
	parseAll := func(s string) string {
		return fmt.Sprintf("%v|%v|%v|%v|%v|%v|%v", ParseDose(s), ParseDuration(s), ParseAge(s),
			ParseSize(s), ParseLab(s), ParseSex(s), LookupAnalyte(s))
	}
	for i, s := range cells {
		want[i] = parseAll(s)
	}
	errs := make(chan string, 4*len(cells))
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for k := range cells {
				i := (k + g*7) % len(cells)
				if got := parseAll(cells[i]); got != want[i] {
					errs <- cells[i]
				}
			}
			done <- true
		}(g)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for s := range errs {
		t.Errorf("concurrent parse of %q differs from the sequential one", clip(s))
	}
}
