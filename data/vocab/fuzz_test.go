package vocab

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"No myoclonus was seen after the dose.", // absent.go
	"Hiccups lasted for eight days, despite treatment with rituximab.", // despite.go
	"Response: no", "Healed? No", "PR → PD", "improvment", "4x3 cm to 2x1 cm",
	"oral steroids and azathioprine for Dermatomyositis and oral calcium and risodronate",
	"The lesions over thigh responded well whereas the lesions over sacrum showed poor response",
	"thigh: responded well; sacrum: poor response",
	"did not show any improvement",
	"Diltiazem’s effect, Sjögren's; MTX 15 mg/week; i.v. STS",
	"no no no not without improvement",
	"\xff\xfe invalid utf8 \xc3",
	"thigh thigh thigh: : ; , and and but",
}

func checkMentionSpans(t *testing.T, text string, ms []Mention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span [%d:%d] after %d in %q", m.Start, m.End, prev, text)
		}
		if text[m.Start:m.End] != m.Term {
			t.Fatalf("Term %q != text[%d:%d] %q", m.Term, m.Start, m.End, text[m.Start:m.End])
		}
		if m.Status == StatusUnknown || (m.Status == StatusAmbiguous) != (m.Canonical == "") {
			t.Fatalf("mention %+v: inconsistent status", m)
		}
		prev = m.End
	}
}

func FuzzScanDrugs(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	v := Default()
	f.Fuzz(func(t *testing.T, text string) {
		checkMentionSpans(t, text, v.ScanDrugs(text, text))
		checkMentionSpans(t, text, v.ScanDiseases(text))
		_ = v.Drug(text, text, text)
		_ = v.Disease(text)
		_ = v.Subtype("", text)
	})
}

func FuzzOutcome(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "")
		f.Add(s, "rituximab")
	}
	v := Default()
	f.Fuzz(func(t *testing.T, text, treatment string) {
		o := v.OutcomeFor(text, []string{treatment})
		if (o.Confidence == ConfidenceHigh) == (o.Category == Unclassified) {
			t.Fatalf("confidence %v with category %v: only a high-confidence reading is counted", o.Confidence, o.Category)
		}
		if (o.Confidence == ConfidenceLow) != (o.Proposed != CategoryUnknown) {
			t.Fatalf("confidence %v with proposal %v: exactly the low-confidence readings carry one", o.Confidence, o.Proposed)
		}
		if e := o.Evidence; e.Phrase != "" && (e.Start < 0 || e.End > len(text) || text[e.Start:e.End] != e.Phrase) {
			t.Fatalf("bad evidence span %+v", e)
		}
		if o.Code != o.Category.Code() {
			t.Fatalf("Code %q != Category.Code() %q", o.Code, o.Category.Code())
		}
		if o.NotAttributable && o.Category != CategoryUnknown {
			t.Fatalf("not attributable with category %v", o.Category)
		}
		if (o.Status == StatusUnknown) != (len(o.Phrases) == 0) {
			t.Fatalf("status %v with %d phrases", o.Status, len(o.Phrases))
		}
		for _, p := range o.Phrases {
			if p.Start < 0 || p.End > len(text) || p.Start >= p.End || text[p.Start:p.End] != p.Phrase {
				t.Fatalf("bad phrase span %+v", p)
			}
		}
		for _, s := range o.Sites {
			if s.Start < 0 || s.End > len(text) || text[s.Start:s.End] != s.Term {
				t.Fatalf("bad site span %+v", s)
			}
		}
		if o.Phrase != "" && !strings.Contains(text, o.Phrase) {
			t.Fatalf("phrase %q not in text", o.Phrase)
		}
		_ = utf8.ValidString(o.Phrase)
	})
}

// bigText returns about n bytes of case-report prose built from the seed excerpts.
func bigText(tb testing.TB, n int) string {
	b, err := os.ReadFile("testdata/seed_excerpts.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < n {
		sb.Write(b)
	}
	return sb.String()
}

// TestLargeCellIsLinear guards against quadratic behaviour: a 1 MB cell must be handled
// by every scanner (the benchmarks give the figures).
func TestLargeCellIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	v := Default()
	text := bigText(t, 1<<20)
	if ms := v.ScanDrugs(text); len(ms) < 1000 {
		t.Errorf("ScanDrugs on 1 MB found %d mentions, want many", len(ms))
	}
	o := v.Outcome(text)
	if len(o.Phrases) < 100 || !o.Truncated {
		t.Errorf("Outcome on 1 MB found %d phrases (truncated %v), want the phrases of its first 64 KiB", len(o.Phrases), o.Truncated)
	}
	sites := strings.Repeat("thigh: resolved; sacrum: no change, knee and elbow ", 20000)
	if o := v.Outcome(sites); len(o.Sites) != 4 || o.Category != Partial {
		t.Errorf("Outcome on many sites = %v with %d sites", o.Category, len(o.Sites))
	}
}

func BenchmarkScanDrugs1MB(b *testing.B) {
	v := Default()
	text := bigText(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		v.ScanDrugs(text)
	}
}

func BenchmarkScanDrugsCell(b *testing.B) {
	v := Default()
	text := "oral steroids and azathioprine for Dermatomyositis and oral calcium and risodronate"
	for b.Loop() {
		v.ScanDrugs(text)
	}
}

func BenchmarkOutcome1MB(b *testing.B) {
	v := Default()
	text := bigText(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		v.Outcome(text)
	}
}

// BenchmarkOutcomeManyStatements reads the longest cell the reader reads, 64 KB of short
// statements that each weigh against the others ("No response → PR → PD."): the worst case
// of its time (it was cubic in the statements until 2026-12-07: a minute).
func BenchmarkOutcomeManyStatements(b *testing.B) {
	v := Default()
	unit := "No response → PR → PD. "
	text := strings.Repeat(unit, maxOutcomeBytes/len(unit))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		v.OutcomeFor(text, []string{"rituximab"})
	}
}

func BenchmarkOutcomeCell(b *testing.B) {
	v := Default()
	text := "The lesions over thigh responded well whereas the lesions over sacrum showed poor response"
	for b.Loop() {
		v.Outcome(text)
	}
}

func BenchmarkExtend(b *testing.B) {
	user := "term\tgeneric\tkind\tclass\nfoo\tfoo\tgeneric\tx\n"
	for b.Loop() {
		if err := New().Extend(strings.NewReader(user), "u.tsv", KindDrugs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOutcomeCorpus reads every excerpt of the labelled corpus with its course: the
// mix of lengths and phrasings real outcome cells have (reported per excerpt).
func BenchmarkOutcomeCorpus(b *testing.B) {
	v := Default()
	rows := readCorpus(b, "testdata/outcome_corpus.tsv")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := rows[i%len(rows)]
		v.OutcomeFor(r.text, []string{r.treatment})
	}
}

// FuzzMayNameCourseASCII checks the fast path of mayNameCourse against the words the slow
// path reads.
func FuzzMayNameCourseASCII(f *testing.F) {
	for _, s := range []string{"diltiazem 60mg (oral)", "MMF + pred", "surgical excision(left)ectomy", "R-CHOP x6", "abc(def)ghi", "single dose", "Infiltration"} {
		f.Add(s, "diltiazem improved after excision abcghi")
	}
	v := Default()
	f.Fuzz(func(t *testing.T, tr, text string) {
		p := v.ProbeCourse(text)
		may, ok := mayNameCourseASCII(p, tr)
		if !ok {
			return
		}
		slow := false
		for _, w := range words(noParens(tr)) {
			if surgical(w) { // a finite course ("single dose") is mayNameCourse's own check
				slow = true
			}
			if len(w) < 3 || courseWordStop[w] || isNumber(w) {
				continue
			}
			for _, pw := range p.words {
				slow = slow || pw == w
			}
		}
		if may != slow {
			t.Fatalf("mayNameCourseASCII(%q) with text %q = %v, the words give %v", tr, text, may, slow)
		}
	})
}
