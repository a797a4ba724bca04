package synth

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"unicode/utf8"
)

// TestWriteDeterministicAndRealistic checks that a seed gives the same bytes, that the
// table has the rows asked for, and that doses and outcomes are varied enough that
// memoisation is not the whole story (the cardinality grows with the rows).
func TestWriteDeterministicAndRealistic(t *testing.T) {
	var a, b bytes.Buffer
	o := Options{Rows: 60000, Seed: 42}
	if err := Write(&a, CSV, o); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, CSV, o); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("the same seed gave different tables")
	}
	if !utf8.Valid(a.Bytes()) {
		t.Fatal("the table is not valid UTF-8")
	}
	r := csv.NewReader(bytes.NewReader(a.Bytes()))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != o.Rows+1 {
		t.Fatalf("%d records, want header + %d", len(recs), o.Rows)
	}
	doses, outcomes, ragged := map[string]bool{}, map[string]bool{}, 0
	for _, rec := range recs[1:] {
		if len(rec) != len(Header) {
			ragged++
			continue
		}
		doses[rec[5]] = true
		outcomes[rec[7]] = true
	}
	if len(doses) < 5000 || len(outcomes) < 5000 {
		t.Errorf("%d distinct doses and %d distinct outcomes in %d rows: too few to test memoisation", len(doses), len(outcomes), o.Rows)
	}
	if ragged == 0 || ragged > o.Rows/200 {
		t.Errorf("%d ragged rows of %d: want a small non-zero share", ragged, o.Rows)
	}
}

func TestWriteParquet(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Parquet, Options{Rows: 1000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if b.Len() == 0 || !bytes.HasPrefix(b.Bytes(), []byte("PAR1")) {
		t.Fatal("not a Parquet file")
	}
	if err := Write(&b, Format("xlsx"), Options{Rows: 1}); err == nil {
		t.Fatal("an unknown format was accepted")
	}
}

// TestTextPoolGrowsAsSquareRoot checks the Pitman–Yor pool against the expected number of
// distinct texts after n draws, E[K_n] = (θ/d)·((θ+d)_n/(θ)_n − 1) with rising factorials
// (the two-parameter Chinese restaurant process; Pitman, Combinatorial Stochastic
// Processes, 2006), which grows as n^d: with θ = 100 and d = 0.5 about 1,800, 3,800 and
// 7,800 texts at 10,000, 40,000 and 160,000 draws. The tolerance, 10 %, is about two
// standard deviations of K_n (40 seeds at 10,000 draws gave a mean of 1,819 and a standard
// deviation of 86); the seed is fixed. A pool without the discount (d = 0) would give about
// 460, 600 and 740.
func TestTextPoolGrowsAsSquareRoot(t *testing.T) {
	const theta, d = 100.0, 0.5
	r := rand.New(rand.NewPCG(1, 2))
	next := 0
	p := newTextPool(theta, d, func() string { next++; return strconv.Itoa(next) })
	distinctAt := map[int]int{}
	for n := 1; n <= 160000; n++ {
		if s := p.draw(r); s == "" {
			t.Fatal("an empty text")
		}
		if n == 10000 || n == 40000 || n == 160000 {
			distinctAt[n] = next
		}
	}
	lgamma := func(x float64) float64 { v, _ := math.Lgamma(x); return v }
	for _, n := range []int{10000, 40000, 160000} {
		rising := math.Exp(lgamma(theta+d+float64(n)) - lgamma(theta+d) - lgamma(theta+float64(n)) + lgamma(theta))
		want := theta / d * (rising - 1)
		if got := float64(distinctAt[n]); math.Abs(got-want) > 0.1*want {
			t.Errorf("%d draws gave %v distinct texts, want %.0f ± 10 %%", n, got, want)
		}
	}
	var total float64
	for _, c := range p.counts {
		total += c
	}
	if total != 160000 || len(p.texts) != next { // every draw counted once, every text kept
		t.Errorf("counts sum to %v over %d texts, want 160000 over %d", total, len(p.texts), next)
	}
}

// TestUpperFirstKeepsUTF8: a phrase that opens with a letter of several bytes stays valid
// text (outcomes.tsv holds French and Spanish phrases).
func TestUpperFirstKeepsUTF8(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"", ""}, {"cleared", "Cleared"}, {"évolution favorable", "Évolution favorable"}, {"sin cambios", "Sin cambios"}} {
		if got := upperFirst(tc.in); got != tc.want {
			t.Errorf("upperFirst(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
