package table

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// render writes t in format f and fails the test on error.
func render(t *testing.T, tb Table, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, tb, f); err != nil {
		t.Fatalf("Write(%s): %v", f, err)
	}
	return buf.Bytes()
}

// unzipPart returns the named part of a DOCX.
func unzipPart(t *testing.T, docx []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("docx is not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("docx has no part %s", name)
	return nil
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/table -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update if the change is intended)\n--- got ---\n%s", path, got)
	}
}

func TestGolden(t *testing.T) {
	for _, fx := range fixtures() {
		for _, f := range Formats() {
			t.Run(fx.name+f.Ext(), func(t *testing.T) {
				out := render(t, fx.t, f)
				if f == DOCX {
					checkGolden(t, fx.name+".document.xml", unzipPart(t, out, "word/document.xml"))
					return
				}
				checkGolden(t, fx.name+f.Ext(), out)
			})
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, fx := range fixtures() {
		for _, f := range Formats() {
			a, b := render(t, fx.t, f), render(t, fx.t, f)
			if !bytes.Equal(a, b) {
				t.Errorf("%s %s: two writes differ", fx.name, f)
			}
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
	}{
		{"csv", CSV}, {"md", Markdown}, {"markdown", Markdown}, {"tex", LaTeX}, {"LaTeX", LaTeX},
		{"html", HTML}, {"htm", HTML}, {" DOCX ", DOCX},
	} {
		got, err := ParseFormat(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, f := range Formats() {
		if got, err := ParseFormat(f.String()); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v: does not round-trip", f.String(), got, err)
		}
	}
	var fv Format
	if err := fv.Set("tex"); err != nil || fv != LaTeX || fv.String() != "tex" || fv.Type() != "format" {
		t.Errorf("Format.Set(tex) = %v, value %v", err, fv)
	}
	if err := fv.Set("pdf"); err == nil || fv != LaTeX {
		t.Errorf("Format.Set(pdf) = %v and changed the value to %v; want an error and no change", err, fv)
	}
	_, err := ParseFormat("xlsx")
	if err == nil || !strings.Contains(err.Error(), `"xlsx"`) || !strings.Contains(err.Error(), "csv, md, tex, html, docx") {
		t.Errorf("ParseFormat(xlsx) error = %v; want it to name the input and list csv, md, tex, html, docx", err)
	}
	if err := Write(io.Discard, responseTable(), Format(99)); !errors.Is(err, ErrFormat) {
		t.Errorf("Write with Format(99) = %v; want ErrFormat", err)
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    Table
		want string // substring of the error; "" for valid
	}{
		{"ok", responseTable(), ""},
		{"short rows pad", Table{Columns: []Column{{Header: "a"}, {Header: "b"}}, Rows: []Row{{Cells: []string{"x"}}, {}}}, ""},
		{"no columns", Table{Title: "T"}, "no columns"},
		{"wide row", Table{Columns: []Column{{Header: "a"}}, Rows: []Row{{Cells: []string{"x", "y"}}}}, "row 1 has 2 cells"},
		{"group text", Table{Columns: []Column{{Header: "a"}, {Header: "b"}}, Rows: []Row{{Cells: []string{"g", "y"}, Group: true}}}, "group row"},
		{"indent", Table{Columns: []Column{{Header: "a"}}, Rows: []Row{{Cells: []string{"x"}, Indent: -1}}}, "negative indent"},
		{"align", Table{Columns: []Column{{Header: "a", Align: Align(7)}}}, "unknown alignment"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.t.Validate()
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v; want nil", err)
				}
				for _, f := range Formats() {
					render(t, tc.t, f)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate() = %v; want an error containing %q", err, tc.want)
			}
			for _, f := range Formats() {
				if err := Write(io.Discard, tc.t, f); err == nil {
					t.Errorf("Write(%s) of an invalid table returned nil", f)
				}
			}
		})
	}
}

func TestNeutralizeCSV(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`},
		{`+1+1`, `'+1+1`},
		{`-2+3`, `'-2+3`},
		{`@SUM(A1)`, `'@SUM(A1)`},
		{"\tx", "'\tx"},
		{"\rx", "'\nx"},
		{"  =1+1", "'  =1+1"},
		{" \t@x", "' \t@x"},
		{"-0.1 (-0.3, 0.2)", "'-0.1 (-0.3, 0.2)"},
		{"-", "-"},
		{"---", "---"},
		{"-0.5", "-0.5"},
		{"+3", "+3"},
		{"-Inf", "-Inf"},
		{"+inf", "+inf"},
		{"-1e-3", "-1e-3"},
		{"-12.5%", "-12.5%"},
		{"-1,234.5", "-1,234.5"},
		{" -2 ", " -2 "},
		{"-0x1p-2", "'-0x1p-2"},
		{"-1,23", "'-1,23"},
		{"a=b", "a=b"},
		{"", ""},
		{"0.75 (0.43–0.95)", "0.75 (0.43–0.95)"},
	} {
		if got := NeutralizeCSV(tc.in); got != tc.want {
			t.Errorf("NeutralizeCSV(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestCSVRoundTrip reads the CSV back: every field equals the input text,
// except that formula-like fields carry one leading quote and numbers none.
func TestCSVRoundTrip(t *testing.T) {
	tb := hostileTable()
	r := csv.NewReader(bytes.NewReader(render(t, tb, CSV)))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if want := 1 + len(tb.Rows) + 1 + len(tb.Footnotes); len(recs) != want {
		t.Fatalf("got %d records, want %d", len(recs), want)
	}
	if recs[0][0] != "'=HEADER()" {
		t.Errorf("header = %q; want it neutralised", recs[0][0])
	}
	for i, row := range tb.Rows {
		for j := range tb.Columns {
			in := cleanText(row.cell(j))
			got := recs[i+1][j]
			switch c := strings.TrimLeft(in, " \t\n"); {
			case in == "":
				if got != "" {
					t.Errorf("row %d col %d: empty cell written as %q", i+1, j+1, got)
				}
			case IsNumber(in):
				if got != in {
					t.Errorf("row %d col %d: number %q written as %q", i+1, j+1, in, got)
				}
			case strings.ContainsAny(in[:1], "=+-@\t\n") || (c != "" && strings.ContainsAny(c[:1], "=+-@")):
				if got != "'"+in {
					t.Errorf("row %d col %d: %q written as %q; want a quote prefix", i+1, j+1, in, got)
				}
			default:
				if got != in {
					t.Errorf("row %d col %d: %q written as %q", i+1, j+1, in, got)
				}
			}
		}
	}
	for _, rec := range recs[1:] {
		for _, f := range rec {
			if f != "" && !IsNumber(f) && strings.ContainsAny(f[:1], "=+-@") {
				t.Errorf("field %q starts a formula", f)
			}
		}
	}
	if last := recs[len(recs)-1][0]; last != normalizeNewlines(tb.Footnotes[1]) {
		t.Errorf("last footnote = %q", last)
	}
	if recs[len(recs)-2][0] != "'-note starting with minus" {
		t.Errorf("first footnote = %q; want it neutralised", recs[len(recs)-2][0])
	}
}

// htmlCells parses an HTML fragment leniently and returns the text of
// every th/td, in document order, with <br> read as a newline.
func htmlCells(t *testing.T, frag []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(frag))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var cells []string
	var cur *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("fragment does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "script", "b", "style", "iframe":
				t.Errorf("fragment contains a <%s> element", tok.Name.Local)
			case "td", "th":
				cur = new(strings.Builder)
			case "br":
				if cur != nil {
					cur.WriteByte('\n')
				}
			}
		case xml.EndElement:
			if (tok.Name.Local == "td" || tok.Name.Local == "th") && cur != nil {
				cells = append(cells, cur.String())
				cur = nil
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tok)
			}
		}
	}
	return cells
}

// plainText is what a writer should show for s: LF line ends, no control
// characters other than tab and LF, U+FFFD for invalid UTF-8.
func plainText(s string) string {
	return EscapeHTML(normalizeNewlines(s)) // escaping is undone by the parser
}

func TestHTMLShowsTextLiterally(t *testing.T) {
	tb := hostileTable()
	cells := htmlCells(t, render(t, tb, HTML))
	var want []string
	for _, c := range tb.Columns {
		want = append(want, c.label())
	}
	for _, r := range tb.Rows {
		if r.Group {
			want = append(want, r.label())
			continue
		}
		for j := range tb.Columns {
			want = append(want, r.cell(j))
		}
	}
	want = append(want, tb.Footnotes...)
	if len(cells) != len(want) {
		t.Fatalf("got %d cells, want %d", len(cells), len(want))
	}
	for i := range want {
		w := xmlUnescape(plainText(want[i]))
		if cells[i] != w {
			t.Errorf("cell %d = %q; want %q", i, cells[i], w)
		}
	}
}

// xmlUnescape undoes EscapeHTML's references.
func xmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(s)
}

// detex reads LaTeX produced by EscapeLaTeX back into text for ASCII
// input, failing on any special character that is not escaped.
func detex(t *testing.T, s string) string {
	t.Helper()
	back := map[string]string{
		`\textbackslash`: `\`, `\{`: "{", `\}`: "}", `\$`: "$", `\&`: "&", `\#`: "#", `\%`: "%", `\_`: "_",
		`\textasciicircum`: "^", `\textasciitilde`: "~", `\textless`: "<", `\textgreater`: ">", `\textbar`: "|", `\textasciigrave`: "`",
	}
	s = strings.ReplaceAll(s, `\kern0pt`, "") // ligature breaker
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\':
			j := i + 1
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			letter := j > i+1
			if !letter && j < len(s) {
				j++
			}
			m, ok := back[s[i:j]]
			if !ok {
				t.Fatalf("unexpected macro %q in %q", s[i:j], s)
			}
			b.WriteString(m)
			i = j
			if letter && strings.HasPrefix(s[i:], "{}") {
				i += 2
			}
		case strings.ContainsRune("{}$&#^_%~", rune(c)):
			t.Fatalf("unescaped %q at %d in %q", c, i, s)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func TestEscapeLaTeXRoundTrip(t *testing.T) {
	inputs := append([]string{`\\{}$&#^_%~<>|`, `a--b`, "``x''", `!` + "`", ",,"}, hostile...)
	for _, in := range inputs {
		ascii := true
		for _, r := range in {
			if r >= 0x7f || r < 0x20 {
				ascii = false
			}
		}
		if !ascii {
			continue
		}
		if got := detex(t, EscapeLaTeX(in)); got != in {
			t.Errorf("EscapeLaTeX(%q) = %q reads back as %q", in, EscapeLaTeX(in), got)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"≥ 5", `\ensuremath{\geq} 5`},
		{"10⁹/L", `10\ensuremath{^{9}}/L`},
		{"0.43–0.95", `0.43--0.95`},
		{"a--b", `a-\kern0pt-b`},
		{"x\x00y\x07", "xy"},
		{"bad \xff", "bad ?"},
		{"café", "café"},
	} {
		if got := EscapeLaTeX(tc.in); got != tc.want {
			t.Errorf("EscapeLaTeX(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestLaTeXRowsHaveAllCells counts the unescaped & in each body line.
func TestLaTeXRowsHaveAllCells(t *testing.T) {
	for _, fx := range fixtures() {
		out := string(render(t, fx.t, LaTeX))
		body := out[strings.Index(out, `\midrule`):strings.Index(out, `\bottomrule`)]
		for _, line := range strings.Split(body, "\n") {
			if !strings.HasSuffix(line, `\\`) || strings.HasPrefix(line, `\multicolumn`) {
				continue
			}
			amp := strings.Count(line, "&") - strings.Count(line, `\&`)
			if amp != len(fx.t.Columns)-1 {
				t.Errorf("%s: line %q has %d cell separators; want %d", fx.name, line, amp, len(fx.t.Columns)-1)
			}
		}
	}
}

// TestMarkdownRowsHaveAllCells counts the unescaped pipes on each table line.
func TestMarkdownRowsHaveAllCells(t *testing.T) {
	for _, fx := range fixtures() {
		out := string(render(t, fx.t, Markdown))
		rows := 0
		for _, line := range strings.Split(out, "\n") {
			if !strings.HasPrefix(line, "|") {
				continue
			}
			rows++
			pipes := 0
			for i := 0; i < len(line); i++ {
				switch line[i] {
				case '\\':
					i++
				case '|':
					pipes++
				}
			}
			if pipes != len(fx.t.Columns)+1 {
				t.Errorf("%s: line %q has %d unescaped pipes; want %d", fx.name, line, pipes, len(fx.t.Columns)+1)
			}
		}
		if rows != len(fx.t.Rows)+2 {
			t.Errorf("%s: %d table lines; want %d", fx.name, rows, len(fx.t.Rows)+2)
		}
		// The only markup is the writer's own: <br> for cell newlines and
		// ** for bold.
		rest := strings.ReplaceAll(out, "<br>", "")
		for i := 0; i < len(rest); i++ {
			switch {
			case rest[i] == '\\':
				i++
			case strings.HasPrefix(rest[i:], "**"):
				i++
			default:
				switch rest[i] {
				case '<', '>', '`', '*', '_', '$', '[', ']', '~':
					t.Errorf("%s: Markdown has an unescaped %q at %q", fx.name, rest[i], rest[max(0, i-20):min(len(rest), i+20)])
				}
			}
		}
	}
}

// TestLaTeXCompiles typesets every fixture with pdflatex (and the full
// hostile table with lualatex) when they are installed: a missed escape
// stops TeX with an error.
func TestLaTeXCompiles(t *testing.T) {
	// pdflatex cannot typeset CJK or Greek words with its default fonts (as
	// doc.go says); the row carrying them is left out for it.
	latin := hostileTable()
	rows := latin.Rows[:0:0]
	for _, r := range latin.Rows {
		if !strings.Contains(r.cell(0), "日本語") {
			rows = append(rows, r)
		}
	}
	latin.Rows = rows
	// fit: TeX must report no overfull box, so each table fits
	// \textwidth. The hostile tables have unbreakable 100-character words
	// that overfill their wrapped cell by design; they only must compile.
	for _, tc := range []struct {
		name, engine string
		tables       []Table
		fit          bool
	}{
		{"pdflatex", "pdflatex", []Table{responseTable(), baselineTable(), spannedTable()}, true},
		{"pdflatex-hostile", "pdflatex", []Table{latin}, false},
		{"lualatex-hostile", "lualatex", []Table{hostileTable()}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bin, err := exec.LookPath(tc.engine)
			if err != nil {
				t.Skipf("%s not installed: run `apt-get install -y texlive-latex-recommended texlive-luatex` (Debian) to check that the LaTeX compiles", tc.engine)
			}
			if testing.Short() {
				t.Skip("skipping TeX run in -short mode")
			}
			dir := t.TempDir()
			var doc bytes.Buffer
			doc.WriteString("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{graphicx}\n\\begin{document}\n")
			for _, tb := range tc.tables {
				doc.Write(render(t, tb, LaTeX))
				doc.WriteString("\\clearpage\n")
			}
			doc.WriteString("\\end{document}\n")
			if err := os.WriteFile(filepath.Join(dir, "doc.tex"), doc.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s failed: %v\n%s", tc.engine, err, out)
			}
			if st, err := os.Stat(filepath.Join(dir, "doc.pdf")); err != nil || st.Size() == 0 {
				t.Fatalf("%s made no PDF: %v", tc.engine, err)
			}
			// Every table fits the text width: TeX reports no overfull box.
			if log, err := os.ReadFile(filepath.Join(dir, "doc.log")); err != nil {
				t.Fatal(err)
			} else if i := bytes.Index(log, []byte("Overfull \\hbox")); i >= 0 && tc.fit {
				t.Errorf("%s: a table is wider than \\textwidth: %s", tc.engine, log[i:min(len(log), i+200)])
			}
			if keep := os.Getenv("TRESP_DOCX_PDF_DIR"); keep != "" {
				b, _ := os.ReadFile(filepath.Join(dir, "doc.pdf"))
				os.WriteFile(filepath.Join(keep, tc.engine+".pdf"), b, 0o644)
			}
		})
	}
}
