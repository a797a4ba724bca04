package csvio

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/tresp/tresp/data"
)

func readAll(t *testing.T, in string, opt Options) ([]string, [][]string, []int, error) {
	t.Helper()
	r, err := NewReader(strings.NewReader(in), "t.csv", opt)
	if err != nil {
		return nil, nil, nil, err
	}
	var rows [][]string
	var lines []int
	for {
		cells, line, err := r.Next()
		if err == io.EOF {
			return r.Header(), rows, lines, nil
		}
		if err != nil {
			return r.Header(), rows, lines, err
		}
		rows = append(rows, cells)
		lines = append(lines, line)
	}
}

func TestDialects(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		header string
		rows   string
		lines  []int
	}{
		{"comma", "a,b\n1,2\n", "a|b", "1|2", []int{2}},
		{"bom", "\ufeffStudy,Pt\nS,1\n", "Study|Pt", "S|1", []int{2}},
		{"semicolon with decimal comma", "a;b;c\n8,5;x,y;1,000\n", "a|b|c", "8.5|x,y|1.000", []int{2}},
		{"decimal commas inside text", "a;b\n2,5x1,5 cm;1,5 months\n", "a|b", "2.5x1.5 cm|1.5 months", []int{2}},
		{"tab", "a\tb\n1,5\t2\n", "a|b", "1,5|2", []int{2}},
		{"crlf", "a,b\r\n1,2\r\n3,4\r\n", "a|b", "1|2;3|4", []int{2, 3}},
		{"quoted multi-line", "a,b\n\"line one\nline two\",2\n3,4\n", "a|b", "line one\nline two|2;3|4", []int{2, 4}},
		{"quoted delimiter", "a;b\n\"x;y\";2\n", "a|b", "x;y|2", []int{2}},
		{"blank lines skipped", "a,b\n\n1,2\n\n", "a|b", "1|2", []int{3}},
		{"no trailing newline", "a,b\n1,2", "a|b", "1|2", []int{2}},
		{"ragged kept for the mapper", "a,b\n1,2,3\n4\n", "a|b", "1|2|3;4", []int{2, 3}},
		{"negative decimal comma", "a;b\n-0,25;+3,5\n", "a|b", "-0.25|+3.5", []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, rows, lines, err := readAll(t, tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(h, "|"); got != tt.header {
				t.Errorf("header = %q, want %q", got, tt.header)
			}
			var rs []string
			for _, r := range rows {
				rs = append(rs, strings.Join(r, "|"))
			}
			if got := strings.Join(rs, ";"); got != tt.rows {
				t.Errorf("rows = %q, want %q", got, tt.rows)
			}
			if len(lines) != len(tt.lines) {
				t.Fatalf("lines = %v, want %v", lines, tt.lines)
			}
			for i := range lines {
				if lines[i] != tt.lines[i] {
					t.Errorf("lines = %v, want %v", lines, tt.lines)
				}
			}
		})
	}
}

func TestDecimalCommaOption(t *testing.T) {
	_, rows, _, err := readAll(t, "a;b\n8,5;1\n", Options{DecimalComma: "off"})
	if err != nil || rows[0][0] != "8,5" {
		t.Errorf("off: %v %v", rows, err)
	}
	_, rows, _, err = readAll(t, "a,b\n\"8,5\",1\n", Options{DecimalComma: "on"})
	if err != nil || rows[0][0] != "8.5" {
		t.Errorf("on: %v %v", rows, err)
	}
	if _, err := NewReader(strings.NewReader("a\n1\n"), "t.csv", Options{DecimalComma: "maybe"}); err == nil {
		t.Error("bad option accepted")
	}
}

func TestFixDecimalComma(t *testing.T) {
	for in, want := range map[string]string{
		"8,5": "8.5", " 8,5 ": " 8.5 ", "-1,25": "-1.25", "8,": "8,", ",5": ",5", "1,2,3": "1,2,3",
		"8,5 mg": "8.5 mg", "a,b": "a,b", "-,5": "-,5", "": "",
		"2,5x1,5 cm": "2.5x1.5 cm", "1,5 months": "1.5 months", "12,5 g IV thrice weekly": "12.5 g IV thrice weekly",
		"45,5 years": "45.5 years", "doses 1,2,3 mg": "doses 1,2,3 mg", "a, 5": "a, 5", "x 10,25,": "x 10.25,",
	} {
		if got := fixDecimalComma(in); got != want {
			t.Errorf("fixDecimalComma(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMalformed(t *testing.T) {
	big := "a,b\n\"" + strings.Repeat("x", 10<<20) + "\",1\n"
	tests := []struct {
		name string
		in   string
		code string
		line int
	}{
		{"empty", "", "empty-file", 0},
		{"whitespace only", " \n\n ", "empty-file", 0},
		{"binary garbage", "PK\x03\x04\x00\x00garbage", "binary", 0},
		{"latin-1", "Pt,Outcome\n1,am\xe9lioration\n", "not-utf8", 0},
		{"10 MB cell", big, "record-too-large", 2},
		{"bare quote", "a,b\n1,x\"y\n", "csv-syntax", 2},
		{"unclosed quote", "a,b\n1,\"open\n2,3\n", "csv-syntax", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := readAll(t, tt.in, Options{})
			var ie *data.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *data.InputError", err)
			}
			if ie.Code != tt.code {
				t.Errorf("code = %q, want %q (%v)", ie.Code, tt.code, err)
			}
			if tt.line != 0 && ie.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", ie.Line, tt.line, err)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || len(msg) > 400 {
				t.Errorf("message is not one short line: %q", msg)
			}
		})
	}
}

func TestLatin1AfterSample(t *testing.T) {
	in := "a,b\n" + strings.Repeat("x,y\n", 20000) + "1,\xe9\n"
	_, _, _, err := readAll(t, in, Options{})
	var ie *data.InputError
	if !errors.As(err, &ie) || ie.Code != "not-utf8" || ie.Line != 20002 {
		t.Fatalf("err = %v", err)
	}
}

func TestDetectDelimiter(t *testing.T) {
	for in, want := range map[string]rune{
		"a,b,c\n": ',', "a;b;c\n": ';', "a\tb\n": '\t', "\"x,y\";b;c\n": ';', "single\n": ',', "a,b;c;d\n1,2\n": ';', "a|b|c\n": '|',
	} {
		if got := detectDelimiter([]byte(in)); got != want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzReader checks that no input panics the reader, that it terminates,
// and that every failure is a positioned *data.InputError.
func FuzzReader(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "\ufeffa;b\n8,5;x\n", "a\tb\n\"q\"\"\"\t2\n", "a,b\n\"multi\nline\",3\n", "\x00\x01", "a,b\n1,\"open"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		r, err := NewReader(strings.NewReader(string(in)), "f.csv", Options{MaxRecordBytes: 1 << 12})
		if err != nil {
			var ie *data.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error is %T: %v", err, err)
			}
			return
		}
		prev := 0
		for i := 0; i < len(in)+2; i++ {
			_, line, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var ie *data.InputError
				if !errors.As(err, &ie) {
					t.Fatalf("error is %T: %v", err, err)
				}
				return
			}
			if line <= prev {
				t.Fatalf("line %d after %d", line, prev)
			}
			prev = line
		}
		t.Fatal("more records than bytes")
	})
}

func BenchmarkReader(b *testing.B) {
	row := "Thakur 2017,Case 4,33/F,Dermatomyositis,diltiazem,60mg thrice a day increased to 90mg,marked improvement\n"
	in := "Study,Pt,Age/Sex,Disease,Drug,Dose,Outcome\n" + strings.Repeat(row, 10000)
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		r, err := NewReader(strings.NewReader(in), "b.csv", Options{})
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, _, err := r.Next(); err != nil {
				break
			}
		}
	}
}

// TestWrongDelimiter: a file read with the wrong delimiter is one message
// naming the delimiter it seems to use, not one error per row (issue 10).
func TestWrongDelimiter(t *testing.T) {
	for _, tt := range []struct {
		in    string
		delim rune
		want  string
	}{
		{"Study;Pt;Drug;Outcome\nS;1;d;x\n", ',', "seems to use semicolon (;)"},
		{"Study,Pt,Drug,Outcome\nS,1,d,x\n", '\t', "seems to use comma (,)"},
		{"Study\tPt\tDrug\n", ';', "seems to use tab"},
	} {
		_, err := NewReader(strings.NewReader(tt.in), "f.csv", Options{Delimiter: tt.delim})
		var ie *data.InputError
		if !errors.As(err, &ie) || ie.Code != "wrong-delimiter" || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q with %q: err = %v, want %q", tt.in, tt.delim, err, tt.want)
		}
	}
	if _, err := NewReader(strings.NewReader("Outcome\nimproved\n"), "f.csv", Options{}); err != nil {
		t.Errorf("one-column file: %v", err)
	}
}
