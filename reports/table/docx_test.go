package table

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// node is a minimal XML element tree for structure checks.
type node struct {
	name     string // local name
	attrs    map[string]string
	children []*node
	text     strings.Builder
}

// parseXML parses b strictly (encoding/xml) into a tree.
func parseXML(t *testing.T, part string, b []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", part, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text.Write(tok)
		}
	}
	if len(root.children) != 1 {
		t.Fatalf("%s: %d root elements", part, len(root.children))
	}
	return root.children[0]
}

// walk calls f on n and every descendant.
func (n *node) walk(f func(*node)) {
	f(n)
	for _, c := range n.children {
		c.walk(f)
	}
}

// schemaOrder lists, for each container element this package writes, the
// order of its children in the OOXML schema (ECMA-376 Part 1, transitional),
// restricted to the children we use. A child not listed fails the test, so
// a new element forces a look at the schema.
var schemaOrder = map[string][]string{
	"body":        {"p", "tbl", "sectPr"},
	"tbl":         {"tblPr", "tblGrid", "tr"},
	"tblPr":       {"tblStyle", "tblW", "jc", "tblInd", "tblBorders", "tblLayout", "tblCellMar"},
	"tblBorders":  {"top", "left", "bottom", "right", "insideH", "insideV"},
	"tblCellMar":  {"top", "left", "bottom", "right"},
	"tblGrid":     {"gridCol"},
	"tr":          {"trPr", "tc"},
	"trPr":        {"cantSplit", "tblHeader"},
	"tc":          {"tcPr", "p"},
	"tcPr":        {"tcW", "gridSpan", "tcBorders", "vAlign"},
	"tcBorders":   {"top", "left", "bottom", "right"},
	"p":           {"pPr", "r"},
	"pPr":         {"pStyle", "keepNext", "spacing", "ind", "jc"},
	"r":           {"rPr", "t", "br", "tab"},
	"rPr":         {"rFonts", "b", "bCs", "sz", "szCs", "lang"},
	"sectPr":      {"pgSz", "pgMar"},
	"style":       {"name", "basedOn", "next", "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "pPr", "rPr", "tblPr"},
	"styles":      {"docDefaults", "style"},
	"docDefaults": {"rPrDefault", "pPrDefault"},
	"settings":    {"defaultTabStop", "characterSpacingControl", "compat"},
}

// checkOrder fails if a child of n appears out of schema order. Within a
// run, t, br and tab may interleave, and so may p and tbl in the body
// (each pair is one repeated choice).
func checkOrder(t *testing.T, part string, n *node) {
	n.walk(func(n *node) {
		order, ok := schemaOrder[n.name]
		if !ok {
			return
		}
		rank := map[string]int{}
		for i, c := range order {
			rank[c] = i
		}
		switch n.name {
		case "r":
			rank["br"], rank["tab"] = rank["t"], rank["t"]
		case "body":
			rank["tbl"] = rank["p"]
		}
		last := -1
		for _, c := range n.children {
			r, ok := rank[c.name]
			if !ok {
				t.Errorf("%s: <%s> has a child <%s> not in the checked schema order %v", part, n.name, c.name, order)
				continue
			}
			if r < last {
				t.Errorf("%s: <%s> child <%s> is out of schema order %v", part, n.name, c.name, order)
			}
			last = r
		}
	})
}

func TestDOCXParts(t *testing.T) {
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			out := render(t, fx.t, DOCX)
			zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
			if err != nil {
				t.Fatal(err)
			}
			wantNames := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/settings.xml"}
			if len(zr.File) != len(wantNames) {
				t.Fatalf("%d zip entries; want %d", len(zr.File), len(wantNames))
			}
			for i, f := range zr.File {
				if f.Name != wantNames[i] {
					t.Errorf("entry %d = %s; want %s", i, f.Name, wantNames[i])
				}
				if !f.Modified.Equal(docxTime) {
					t.Errorf("%s: modified %v; want %v", f.Name, f.Modified, docxTime)
				}
				b := unzipPart(t, out, f.Name)
				root := parseXML(t, f.Name, b)
				checkOrder(t, f.Name, root)
			}
			doc := parseXML(t, "document.xml", unzipPart(t, out, "word/document.xml"))
			checkDocument(t, fx.t, doc)
		})
	}
}

// checkDocument checks the table structure Word insists on.
func checkDocument(t *testing.T, tb Table, doc *node) {
	body := doc.children[0]
	if last := body.children[len(body.children)-1]; last.name != "sectPr" {
		t.Errorf("body ends with <%s>; want sectPr", last.name)
	}
	var tbls []*node
	doc.walk(func(n *node) {
		if n.name == "tbl" {
			tbls = append(tbls, n)
		}
	})
	if len(tbls) != 1 {
		t.Fatalf("%d tables; want 1", len(tbls))
	}
	tbl := tbls[0]
	var grid []*node
	var rows []*node
	for _, c := range tbl.children {
		switch c.name {
		case "tblGrid":
			grid = c.children
		case "tr":
			rows = append(rows, c)
		}
	}
	if len(grid) != len(tb.Columns) {
		t.Errorf("%d gridCol; want %d", len(grid), len(tb.Columns))
	}
	gridW := 0
	for _, g := range grid {
		w, _ := strconv.Atoi(g.attrs["w"])
		gridW += w
	}
	if want := portraitW; gridW > landscapeW || gridW <= 0 {
		t.Errorf("grid width %d twips; want in (0, %d]", gridW, want)
	}
	heads := 1
	if tb.spans() != nil {
		heads = 2 // the spanning header row above the column headers
	}
	if len(rows) != len(tb.Rows)+heads {
		t.Fatalf("%d rows; want %d", len(rows), len(tb.Rows)+heads)
	}
	for i, tr := range rows {
		span := 0
		for _, tc := range tr.children {
			if tc.name != "tc" {
				continue
			}
			if len(tc.children) == 0 || tc.children[0].name != "tcPr" {
				t.Errorf("row %d: a w:tc does not start with w:tcPr", i)
			}
			paras := 0
			for _, c := range tc.children {
				if c.name == "p" {
					paras++
				}
			}
			if paras == 0 {
				t.Errorf("row %d: a w:tc has no w:p", i)
			}
			s := 1
			for _, c := range tc.children[0].children {
				if c.name == "gridSpan" {
					s, _ = strconv.Atoi(c.attrs["val"])
				}
			}
			span += s
		}
		if span != len(tb.Columns) {
			t.Errorf("row %d spans %d grid columns; want %d", i, span, len(tb.Columns))
		}
	}
	header := rows[0].children[0]
	if header.name != "trPr" || len(header.children) < 2 || header.children[1].name != "tblHeader" {
		t.Errorf("header row is not marked w:tblHeader (repeated on each page)")
	}
}

// TestDOCXText checks that the text of every cell survives verbatim.
func TestDOCXText(t *testing.T) {
	tb := hostileTable()
	doc := parseXML(t, "document.xml", unzipPart(t, render(t, tb, DOCX), "word/document.xml"))
	var texts []string
	doc.walk(func(n *node) {
		if n.name != "p" {
			return
		}
		var b strings.Builder
		n.walk(func(c *node) {
			switch c.name {
			case "t":
				b.WriteString(c.text.String())
			case "br":
				b.WriteByte('\n')
			case "tab":
				b.WriteByte('\t')
			}
		})
		texts = append(texts, b.String())
	})
	joined := strings.Join(texts, "\x1e")
	for _, h := range hostile {
		if want := cleanText(h); !strings.Contains(joined, want) {
			t.Errorf("document text lacks %q", want)
		}
	}
}

func TestDOCXBytesIdentical(t *testing.T) {
	ts := []Table{responseTable(), baselineTable(), hostileTable()}
	var a, b bytes.Buffer
	if err := WriteDOCXTables(&a, ts); err != nil {
		t.Fatal(err)
	}
	if err := WriteDOCXTables(&b, ts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same tables differ")
	}
	if err := WriteDOCXTables(io.Discard, nil); err == nil {
		t.Error("WriteDOCXTables(nil) returned nil; want an error")
	}
}

func TestDOCXLandscapeForWideTables(t *testing.T) {
	wide := Table{Title: "Wide"}
	for i := 0; i < 12; i++ {
		wide.Columns = append(wide.Columns, Column{Header: "A long column header " + strconv.Itoa(i)})
	}
	for _, tc := range []struct {
		t    Table
		want bool
	}{{responseTable(), false}, {wide, true}} {
		doc := string(unzipPart(t, render(t, tc.t, DOCX), "word/document.xml"))
		if got := strings.Contains(doc, `w:orient="landscape"`); got != tc.want {
			t.Errorf("%s: landscape = %v; want %v", tc.t.Title, got, tc.want)
		}
	}
}

// TestDOCXConvertsWithLibreOffice converts a document holding every fixture
// table to PDF with LibreOffice, which rejects malformed documents. Set
// TRESP_DOCX_PDF_DIR to keep the PDF for a look.
func TestDOCXConvertsWithLibreOffice(t *testing.T) {
	bin := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("libreoffice not installed: run `apt-get install -y libreoffice-writer-nogui` (Debian) to check DOCX conversion")
	}
	if testing.Short() {
		t.Skip("skipping LibreOffice conversion in -short mode")
	}
	dir := t.TempDir()
	var ts []Table
	for _, fx := range fixtures() {
		ts = append(ts, fx.t)
	}
	var buf bytes.Buffer
	if err := WriteDOCXTables(&buf, ts); err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(dir, "tables.docx")
	if err := os.WriteFile(docx, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, docx)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("libreoffice timed out after 120 s: %s", out)
	}
	if err != nil {
		t.Fatalf("libreoffice: %v: %s", err, out)
	}
	pdf := filepath.Join(dir, "tables.pdf")
	st, err := os.Stat(pdf)
	if err != nil || st.Size() == 0 {
		t.Fatalf("no PDF from libreoffice (%v); its output: %s", err, out)
	}
	if keep := os.Getenv("TRESP_DOCX_PDF_DIR"); keep != "" {
		b, _ := os.ReadFile(pdf)
		if err := os.WriteFile(filepath.Join(keep, "tables.pdf"), b, 0o644); err != nil {
			t.Error(err)
		}
	}
	// If poppler's pdftotext is there, check that the text came through.
	if pt, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.CommandContext(ctx, pt, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		for _, want := range []string{"Response by drug", "Dupilumab", "Table 1. Baseline characteristics", "<script>alert(1)</script>", `=cmd|' /C calc'!A0`, `\textbf{x}`} {
			if !strings.Contains(string(txt), want) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
	}
}
