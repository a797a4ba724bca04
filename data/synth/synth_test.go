package synth

import (
	"bytes"
	"encoding/csv"
	"testing"
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
