package csvio

import (
	"io"
	"reflect"
	"testing"
)

func TestTSVReader(t *testing.T) {
	r := NewTSVReader([]byte("# comment\na\tb\tc\r\n\n\"x\ty\"\tz\n1\t\"open quote\n2\tok\n"))
	want := [][]string{{"a", "b", "c"}, {`"x`, `y"`, "z"}, {"1", `"open quote`}, {"2", "ok"}}
	lines := []int{2, 4, 5, 6}
	for k, w := range want {
		got, err := r.Read()
		if err != nil || !reflect.DeepEqual(got, w) {
			t.Fatalf("row %d: %q, %v; want %q (quotes are text, a row is a line)", k, got, err, w)
		}
		if l, c := r.FieldPos(1); l != lines[k] || c != len(w[0])+2 {
			t.Errorf("row %d: FieldPos(1) = %d:%d, want %d:%d", k, l, c, lines[k], len(w[0])+2)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("after the last row: %v, want io.EOF", err)
	}
}
