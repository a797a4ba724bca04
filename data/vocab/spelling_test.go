package vocab

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"os"
	"strings"
	"testing"
)

func TestOutcomeSpelling(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		word, want string // want "" = not read as a slip
	}{
		{"improvment", "improvement"}, // a letter left out
		{"remision", "remission"},
		{"imporved", "improved"}, // two letters swapped
		{"resloved", "resolved"},
		{"progresion", "progression"},
		{"respone", "response"}, // "respond" differs at the end: not a candidate
		{"worsend", "worsened"}, // "worsens" differs at the end: not a candidate
		{"Remisson", "remission"},
		{"presented", ""},              // an English word one edit from "prevented"
		{"hearing", ""},                // from "healing"
		{"showing", ""},                // from "slowing"
		{"resolves", ""},               // an inflection: the last letter differs
		{"arrhythmias", ""},            // a plural
		{"neutropenic", ""},            // another word of the stem
		{"helaed", ""},                 // too short to read (6 letters)
		{"mprovement", ""},             // the first letter differs
		{"improvemenr", ""},            // the last letter differs
		{"improvemnet", "improvement"}, // a swap before the last letter is read
		{"diltiazem", ""},              // a word of the drug vocabulary
		{"remission", ""},              // spelt right: nothing to read
		{"improvment2", ""},            // not letters only
		{"amelioration", ""},           // no outcome word within one edit
		{"relased", ""},                // as near "relapsed" as "released": not read
		{"rlapse", ""},                 // six letters: too short
		{"relapsers", ""},              // an agent noun's plural, not "relapses"
		{"improvers", ""},
		{"subsite", ""}, // a word of oncology (nofuzzy.tsv), not "subside"
	} {
		got, ok := v.OutcomeSpelling(tc.word)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("OutcomeSpelling(%q) = %q, %v; want %q", tc.word, got, ok, tc.want)
		}
	}
}

func TestOutcomeForReadsSlips(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		text string
		want Category
		rule string
	}{
		{"Marked improvment", Partial, "phrase; spelling: improvment read as improvement"},
		{"no improvment", None, "phrase; spelling: improvment read as improvement"},
		{"Complete remision after 3 months", Complete, "phrase; spelling: remision read as remission"},
		{"Progresion of disease", Progression, "phrase; spelling: Progresion read as progression"},
		{"She presented with marked improvement", Partial, "phrase"}, // no slip, nothing said
	} {
		m := v.OutcomeFor(tc.text, nil)
		if m.Category != tc.want || m.Evidence.Rule != tc.rule {
			t.Errorf("OutcomeFor(%q) = %v (%q); want %v (%q)", tc.text, m.Category, m.Evidence.Rule, tc.want, tc.rule)
		}
	}
}

func TestSpellingAndTheCourse(t *testing.T) {
	v := Default()
	for _, tc := range []struct {
		text, treatment string
		want            Category
	}{
		// a treatment misspelt alike in both cells still names the course
		{"Refractory to steriod", "steriod", None},
		// a slip of a cue word that names the course is read with the course
		{"Refractory to chemotheraphy", "chemotherapy", None},
		{"Refractory to chemotheraphy, then complete remission", "chemotherapy", CategoryUnknown},
	} {
		m := v.OutcomeFor(tc.text, []string{tc.treatment})
		if m.Category != tc.want {
			t.Errorf("OutcomeFor(%q, %q) = %v (%s, %q); want %v", tc.text, tc.treatment, m.Category, m.Confidence, m.Evidence.Rule, tc.want)
		}
		// the pipeline reads a text without its course when FreeOf says the course plays
		// no part: that must give the same reading
		if v.FreeOf(v.ProbeCourse(tc.text), []string{tc.treatment}) {
			if free := v.OutcomeFor(tc.text, nil); free.Category != m.Category || free.Confidence != m.Confidence {
				t.Errorf("%q: FreeOf says the course %q plays no part, but it reads %v/%s with it and %v/%s without",
					tc.text, tc.treatment, m.Category, m.Confidence, free.Category, free.Confidence)
			}
		}
	}
}

// slip makes one typing slip in w at a random position: a letter left out, doubled,
// replaced by its neighbour on the keyboard row, or swapped with the next.
func slip(r *rand.Rand, w string) string {
	const row = "qwertyuiopasdfghjklzxcvbnm"
	i := r.Intn(len(w))
	switch r.Intn(4) {
	case 0:
		return w[:i] + w[i+1:]
	case 1:
		return w[:i+1] + w[i:]
	case 2:
		k := strings.IndexByte(row, w[i])
		if k < 0 {
			return w[:i] + w[i+1:]
		}
		n := row[(k+1)%len(row)]
		return w[:i] + string(n) + w[i+1:]
	default:
		if i == len(w)-1 {
			i--
		}
		return w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]
	}
}

// TestSpellingSlipsOnCorpus misspells one outcome word of each corpus text the reader reads
// with high confidence (a word of at least minSpellLen letters of the deciding phrase) and
// counts the readings that stay the same, with and without reading slips. Slips of the first
// or last letter are not read (see spelling.go), so not every reading can stay.
func TestSpellingSlipsOnCorpus(t *testing.T) {
	v := Default()
	plain, err := compile(defaultTables())
	if err != nil {
		t.Fatal(err)
	}
	plain.spellFuzzy = nil
	noSpell := &Vocabulary{tables: defaultTables(), c: plain, lex: v.lex}
	var n, kept, keptPlain, interior, interiorKept int
	for _, path := range []string{"testdata/outcome_corpus.tsv", "testdata/outcome_cells.tsv"} {
		for _, row := range readCorpus(t, path) {
			clean := v.OutcomeFor(row.text, []string{row.treatment})
			if clean.Confidence != ConfidenceHigh || clean.Evidence.End <= clean.Evidence.Start {
				continue
			}
			var target *token
			toks := tokenize(row.text)
			for k := range toks {
				tk := &toks[k]
				if tk.start >= clean.Evidence.Start && tk.end <= clean.Evidence.End && len(tk.norm) >= minSpellLen &&
					!tk.upper && row.text[tk.start:tk.end] == tk.norm && v.c.knownWords[tk.norm] {
					target = tk
					break
				}
			}
			if target == nil {
				continue
			}
			// each excerpt draws its slip from its own seed, so that two readers (or two
			// versions of the corpus) misspell the same excerpts the same way
			h := fnv.New64a()
			h.Write([]byte(row.id))
			w := slip(rand.New(rand.NewSource(int64(h.Sum64()))), target.norm)
			if v.c.knownWords[w] || v.c.noFuzzy[w] {
				continue // the slip made another word the vocabulary knows
			}
			text := row.text[:target.start] + w + row.text[target.end:]
			n++
			same := func(m OutcomeMatch) bool { return m.Category == clean.Category && m.Confidence == clean.Confidence }
			ok := same(v.OutcomeFor(text, []string{row.treatment}))
			if ok {
				kept++
			}
			if same(noSpell.OutcomeFor(text, []string{row.treatment})) {
				keptPlain++
			}
			if w[0] == target.norm[0] && w[len(w)-1] == target.norm[len(target.norm)-1] {
				interior++
				if ok {
					interiorKept++
				}
			}
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(b) }
	report := fmt.Sprintf("spelling slips: %d confident readings with one outcome word misspelt: %.1f %% kept (%.1f %% without reading slips); slips that keep the first and last letter (%d): %.1f %% kept",
		n, pct(kept, n), pct(keptPlain, n), interior, pct(interiorKept, interior))
	if os.Getenv("OUTCOMES_REPORT") != "" {
		fmt.Println(report)
	} else {
		t.Log(report)
	}
	if n < 1000 {
		t.Fatalf("only %d texts misspelt; the corpus should give well over 1000", n)
	}
	// Floors a little under the measured figures (2026-12-07, each excerpt's slip from its own
	// seed: 3,389 texts after the session's rounds 28, 48 and 49, 82.1 % kept, 95.7 % of the
	// interior slips, 18.6 % without reading slips; on the corpora before them the reader of
	// 9ea5ec5 kept the same 82.1 % and 95.7 %).
	if pct(kept, n) < 80 || pct(interiorKept, interior) < 95 || pct(kept, n)-pct(keptPlain, n) < 50 {
		t.Errorf("%s; floors: 80 %% kept, 95 %% of interior slips, 50 points above the reader without slips", report)
	}
}

// TestNofuzzyGeneratedPartIsFresh checks that the generated part of nofuzzy.tsv is what
// scripts/gen-nofuzzy writes from today's outcome phrases and cues: a phrase added without
// rerunning it would let its English neighbours be read as slips. It needs the word list the
// script reads (Debian's wamerican-large) and skips without it.
func TestNofuzzyGeneratedPartIsFresh(t *testing.T) {
	const dict = "/usr/share/dict/american-english-large"
	b, err := os.ReadFile(dict)
	if err != nil {
		t.Skipf("%s: %v (apt-get install wamerican-large)", dict, err)
	}
	var list []string
	for _, w := range strings.Fields(string(b)) {
		ok := true
		for i := 0; i < len(w) && ok; i++ {
			c := w[i] | 0x20
			ok = c >= 'a' && c <= 'z'
		}
		if ok {
			list = append(list, strings.ToLower(w))
		}
	}
	file, err := os.ReadFile("terms/nofuzzy.tsv")
	if err != nil {
		t.Fatal(err)
	}
	hand, generated, found := strings.Cut(string(file), "# generated by scripts/gen-nofuzzy")
	if !found {
		t.Fatal("nofuzzy.tsv has no generated part")
	}
	handWords := map[string]bool{}
	for _, line := range strings.Split(hand, "\n") {
		handWords[strings.SplitN(line, "\t", 2)[0]] = true
	}
	var want []string
	for _, w := range Default().OutcomeWordsNear(list) {
		if !handWords[w.Word] {
			want = append(want, w.Word+"\tnear "+w.Near)
		}
	}
	lines := strings.Split(strings.TrimSpace(generated), "\n")[1:] // after the marker line
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("the generated part of nofuzzy.tsv is stale (%d rows, want %d): run go run ./scripts/gen-nofuzzy", len(lines), len(want))
	}
}
