package pipeline

import (
	"bytes"
	"math"
	"path/filepath"
	"testing"

	"github.com/tresp/tresp/internal/jsonout"
)

// TestWriteSafeJSONSameBytes: the streaming writer of summary.json writes
// what jsonout.Write(jsonout.Safe(v)) wrote, byte for byte, for the example's
// summary and for values with the awkward cases (NaN, ±Inf, nil and empty
// slices and maps, omitempty, HTML characters, pointers, map keys).
func TestWriteSafeJSONSameBytes(t *testing.T) {
	type inner struct {
		F  float64 `json:"f"`
		S  string  `json:"s,omitempty"`
		Is []int   `json:"is,omitempty"`
	}
	type odd struct {
		Z      float64            `json:"z"`
		A      []float64          `json:"a"`
		Nil    []string           `json:"nil"`
		Empty  map[string]int     `json:"empty"`
		NilMap map[string]int     `json:"nil_map"`
		M      map[string]*inner  `json:"m"`
		P      *inner             `json:"p"`
		Q      *inner             `json:"q"`
		Any    any                `json:"any"`
		Html   string             `json:"html"`
		Skip   string             `json:"-"`
		Plain  int                //
		Nested map[string][]inner `json:"nested,omitempty"`
		hidden int
	}
	cases := []any{
		odd{Z: math.NaN(), A: []float64{math.Inf(1), math.Inf(-1), 1e-7, 1e21, 0.1}, Empty: map[string]int{},
			M: map[string]*inner{"b": {F: 2}, "a": nil, "<&>": {S: "x", Is: []int{1}}},
			P: &inner{F: math.NaN()}, Any: map[string]any{"k": []any{1, "two", nil}}, Html: "<a href=\"x\">&amp;</a> \u2028",
			Nested: map[string][]inner{"n": {{}, {F: 3}}}, hidden: 7},
		[]any{}, map[string]any{}, nil, 3.5,
	}
	dir := t.TempDir()
	res, err := runTo(t, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, res.Summary)
	for i, v := range cases {
		var want, got bytes.Buffer
		if err := jsonout.Write(&want, jsonout.Safe(v)); err != nil {
			t.Fatal(err)
		}
		if err := jsonout.WriteSafe(&got, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want.Bytes(), got.Bytes()) {
			w, g := want.String(), got.String()
			n := 0
			for n < len(w) && n < len(g) && w[n] == g[n] {
				n++
			}
			t.Errorf("case %d: differs at byte %d:\nwant …%q\n got …%q", i, n, w[max(0, n-40):min(len(w), n+40)], g[max(0, n-40):min(len(g), n+40)])
		}
	}
}
