package csvio

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tresp/tresp/data"
)

// TestLineEndings: CR, LF, CRLF and any mix end records alike; the rows
// read are the file's data rows, and line numbers count every ending.
func TestLineEndings(t *testing.T) {
	rows := []string{"h1,h2", "a,1", "b,2", "c,3", "d,4", "e,5"}
	join := func(ends ...string) string {
		var b strings.Builder
		for i, r := range rows {
			b.WriteString(r)
			b.WriteString(ends[i%len(ends)])
		}
		return b.String()
	}
	for _, tt := range []struct {
		name string
		in   string
	}{
		{"LF", join("\n")},
		{"CRLF", join("\r\n")},
		{"CR", join("\r")},
		{"mixed CR LF CRLF", join("\n", "\r", "\r\n")},
		{"mixed CR then CRLF", join("\r", "\r\n")},
		{"CR, no final ending", strings.TrimSuffix(join("\r"), "\r")},
		{"mixed, no final ending", strings.TrimSuffix(join("\r\n", "\r"), "\r\n")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h, got, lines, err := readAll(t, tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(h) != 2 || len(got) != 5 {
				t.Fatalf("header %q, %d rows read, want 2 columns and 5 rows: %q", h, len(got), got)
			}
			for i, r := range got {
				if want := rows[i+1]; strings.Join(r, ",") != want {
					t.Errorf("row %d = %q, want %q", i, r, want)
				}
				if lines[i] != i+2 {
					t.Errorf("row %d on line %d, want %d", i, lines[i], i+2)
				}
			}
		})
	}
	// A quoted cell keeps its line break (as LF) and the lines after it
	// are numbered on.
	_, got, lines, err := readAll(t, "a,b\r\"x\ry\",1\rz,2\r", Options{})
	if err != nil || len(got) != 2 || got[0][0] != "x\ny" || lines[1] != 4 {
		t.Errorf("quoted CR: rows %q lines %v err %v", got, lines, err)
	}
}

// TestNULAndInvalidUTF8Anywhere: a NUL byte or invalid UTF-8 past the
// sniffed first 64 KiB is refused with its line and byte offset.
func TestNULAndInvalidUTF8Anywhere(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,value\n")
	n := 1
	for b.Len() < sniffBytes+1000 {
		fmt.Fprintf(&b, "row%d,%d\n", n, n)
		n++
	}
	body := b.String()
	lineOf := strings.Count(body, "\n") + 1
	for _, tt := range []struct {
		name, bad, code string
	}{
		{"NUL", "x\x00y", "binary"},
		{"invalid byte", "x\xffy", "not-utf8"},
		{"truncated rune at end", "x\xe2\x82", "not-utf8"},
		{"overlong", "\xc0\xaf", "not-utf8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := body + "bad," + tt.bad
			_, _, _, err := readAll(t, in, Options{})
			var ie *data.InputError
			if !errors.As(err, &ie) || ie.Code != tt.code {
				t.Fatalf("err = %v, want an InputError %s", err, tt.code)
			}
			if ie.Line != lineOf {
				t.Errorf("line %d, want %d", ie.Line, lineOf)
			}
			off := strings.Index(in, tt.bad) + strings.IndexFunc(tt.bad, func(r rune) bool { return r == 0 || r == '\uFFFD' })
			if !strings.Contains(ie.Reason, fmt.Sprintf("offset %d", off)) {
				t.Errorf("reason %q lacks offset %d", ie.Reason, off)
			}
		})
	}
	// Valid multi-byte text across read boundaries is read unchanged.
	var v strings.Builder
	v.WriteString("name\n")
	for v.Len() < 200<<10 {
		v.WriteString("é€😀\n")
	}
	_, rows, _, err := readAll(t, v.String(), Options{})
	if err != nil || len(rows) == 0 || rows[len(rows)-1][0] != "é€😀" {
		t.Errorf("multi-byte text: %d rows, err %v", len(rows), err)
	}
}

// FuzzLineEndings: rows of plain cells joined by any mix of CR, LF and
// CRLF read back as exactly those rows, on the right lines.
func FuzzLineEndings(f *testing.F) {
	f.Add([]byte{0, 1, 2, 1, 0}, "a,b")
	f.Add([]byte{1, 1, 1}, "x;y;z")
	f.Add([]byte{2, 0, 2, 0, 1, 1, 2}, "é,€")
	f.Fuzz(func(t *testing.T, ends []byte, cells string) {
		if len(ends) == 0 || len(ends) > 200 || strings.ContainsAny(cells, "\"\r\n\x00") || strings.TrimSpace(cells) == "" ||
			!utf8.ValidString(cells) || strings.ContainsRune(cells, '\ufeff') {
			return
		}
		var b strings.Builder
		for i, e := range ends {
			fmt.Fprintf(&b, "%s%d%s", cells, i, []string{"\n", "\r", "\r\n"}[e%3])
		}
		r, err := NewReader(strings.NewReader(b.String()), "f.csv", Options{Delimiter: ','})
		if err != nil {
			return // e.g. a cell too odd for a header
		}
		n := 0
		for {
			_, line, err := r.Next()
			if err != nil {
				break
			}
			n++
			if line != n+1 {
				t.Fatalf("row %d on line %d", n, line)
			}
		}
		if n != len(ends)-1 {
			t.Fatalf("%d rows read, file has %d", n, len(ends)-1)
		}
	})
}
