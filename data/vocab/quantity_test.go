package vocab

import (
	"strings"
	"testing"
)

// checkPrefilters fails when a cheap scan of quantities says an expression cannot match
// text but the expression finds what quantities would use.
func checkPrefilters(t *testing.T, c *compiled, text string) {
	t.Helper()
	for _, m := range scoreRE.FindAllStringSubmatchIndex(text, -1) {
		if c.scoreTerms[strings.ToLower(text[m[2]:m[3]])] && !c.mayHoldScore(text) {
			t.Fatalf("mayHoldScore(%q) = false, but scoreRE finds the term %q", text, text[m[2]:m[3]])
		}
	}
	if got, want := len(fromToMatches(text)), len(fromToRE.FindAllStringSubmatchIndex(text, -1)); got != want {
		t.Fatalf("fromToMatches(%q): %d matches, the expression %d", text, got, want)
	}
	hasPercent := strings.IndexByte(text, '%') >= 0
	if got, want := len(percentMatches(text, hasPercent)), len(percentRE.FindAllStringSubmatchIndex(text, -1)); got != want {
		t.Fatalf("percentMatches(%q): %d matches, the expression %d", text, got, want)
	}
	if got, want := percentCellMatch(text, hasPercent) != nil, signedPercentCellRE.MatchString(text); got != want {
		t.Fatalf("percentCellMatch(%q) = %v, the expression %v", text, got, want)
	}
}

func TestQuantityPrefilters(t *testing.T) {
	c := Default().c
	tests := []struct {
		text      string
		mayScore  bool
		fromTo    int
		percents  int
		cellMatch bool
	}{
		{"PASI 75 at week 16", true, 0, 0, false},
		{"pasi-90 reached", true, 0, 0, false},
		{"achieved EASI75", true, 0, 0, false},
		{"(PASI 100)", true, 0, 0, false},
		{"xPASI 75", false, 0, 0, false},     // no word start: the expression cannot match either
		{"2PASI 75", false, 0, 0, false},     // a digit before the term is a word character
		{"PASI  75", false, 0, 0, false},     // two spaces: the expression allows one
		{"ABCDEFGHI 75", false, 0, 0, false}, // nine letters
		{"Hb 12 g/dL", false, 0, 0, false},   // not a threshold term of scores.tsv
		{"reduced FROM 4 cm to 1 cm", false, 1, 0, false},
		{"from 4 to 1", false, 1, 0, false},
		{"reduced by 50%", false, 0, 1, false},
		{"reduced by 50 per cent", false, 0, 1, false},
		{"reduced by 50 percent", false, 0, 1, false},
		{"−73%", false, 0, 1, true},
		{"no number at all", false, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			hasPercent := strings.IndexByte(tt.text, '%') >= 0
			if got := c.mayHoldScore(tt.text); got != tt.mayScore {
				t.Errorf("mayHoldScore = %v, want %v", got, tt.mayScore)
			}
			if got := len(fromToMatches(tt.text)); got != tt.fromTo {
				t.Errorf("fromToMatches: %d, want %d", got, tt.fromTo)
			}
			if got := len(percentMatches(tt.text, hasPercent)); got != tt.percents {
				t.Errorf("percentMatches: %d, want %d", got, tt.percents)
			}
			if got := percentCellMatch(tt.text, hasPercent) != nil; got != tt.cellMatch {
				t.Errorf("percentCellMatch = %v, want %v", got, tt.cellMatch)
			}
			checkPrefilters(t, c, tt.text)
		})
	}
}

// TestQuantityPrefiltersOnCorpora checks the scans against their expressions on every
// text of both labelled corpora.
func TestQuantityPrefiltersOnCorpora(t *testing.T) {
	c := Default().c
	for _, p := range []string{"testdata/outcome_corpus.tsv", "testdata/outcome_cells.tsv"} {
		for _, r := range readCorpus(t, p) {
			checkPrefilters(t, c, r.text)
			checkPrefilters(t, c, strings.ToUpper(r.text))
		}
	}
}

func FuzzQuantityPrefilters(f *testing.F) {
	for _, s := range append(fuzzSeeds, "PASI 75", "from 3 x 4 cm to 1 cm", "-50 %", "SALT-50 and 20 per cent", "VAS 8→3", "7/10 to 2/10") {
		f.Add(s)
	}
	c := Default().c
	f.Fuzz(func(t *testing.T, text string) {
		checkPrefilters(t, c, text)
	})
}

func TestSizePairs(t *testing.T) {
	checkReadings(t, []reading{
		{"4x3 cm to 2x1 cm", Partial}, // an area: 12 → 2 cm²
		{"4 × 3 cm → 2 × 1 cm", Partial},
		{"30 mm to 10 mm", Partial},
		{"1.5 cm to 8 mm", Minimal}, // 47 % smaller in diameter
		{"2 cm to 0 cm", Complete},
		{"From 5 cm to 4.5 cm", Minimal},
		{"2 cm → 3 cm", Progression},      // a rise with an arrow
		{"2 cm to 3 cm", CategoryUnknown}, // a range as often as a rise
		{"4 x 3 cm to 2 cm", CategoryUnknown},
		{"4 cm to 2 weeks", CategoryUnknown},
		{"Dose 20 mg to 10 mg", CategoryUnknown}, // not a size
		{"Abscess 6 cm → 2 cm → 0 cm", Complete}, // the first size and the last
		{"Tumour 3 cm to 1 cm after 2 cycles", Partial},
		{"Schirmer 3 mm → 10 mm", CategoryUnknown},         // bigger is better there
		{"Excision margins 2 cm to 1 cm", CategoryUnknown}, // not the disease
	})
}

// TestCommaFree checks the reading of commas in numbers: a decimal comma before one or two
// digits, thousands separators otherwise.
func TestCommaFree(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"6,1", 6.1},
		{"11,85", 11.85},
		{"4,500", 4500},
		{"1,200,000", 1200000},
		{"12", 12},
		{"2.5", 2.5},
	} {
		if got := numberValue(c.in); got != c.want {
			t.Errorf("numberValue(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
