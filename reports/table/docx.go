package table

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// docxTime is the fixed modification time of every DOCX zip entry (the
// earliest a zip can hold), so that the same tables give the same bytes.
var docxTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Page geometry in twentieths of a point (twips): A4 with 2 cm margins.
const (
	a4Short     = 11906
	a4Long      = 16838
	pageMargin  = 1134
	portraitW   = a4Short - 2*pageMargin
	landscapeW  = a4Long - 2*pageMargin
	charTwips   = 105 // average advance of a 10 pt sans-serif character
	cellPadding = 2 * 85
	indentTwips = 284 // 0.5 cm per Indent level
	maxColChars = 48  // longer cells wrap rather than widen the column
	minColChars = 3
)

// WriteDOCX writes t as a complete Word document (Office Open XML,
// .docx): the title in bold, the caption, a three-line table (a heavy rule
// above and below the table, a thin rule under the header row, no other
// borders) whose header row repeats on every page, and the footnotes in a
// smaller size. The page is A4 with 2 cm margins, landscape when the columns
// need it.
//
// The output is deterministic: the zip entries have a fixed order, a fixed
// modification time (1980-01-01) and no dates inside. Text is XML-escaped
// and characters XML 1.0 forbids are dropped.
func WriteDOCX(w io.Writer, t Table) error {
	return WriteDOCXTables(w, []Table{t})
}

// WriteDOCXTables writes several tables into one Word document, in order,
// each laid out as by WriteDOCX. The document title (core properties) is
// the first table's title.
func WriteDOCXTables(w io.Writer, ts []Table) error {
	if len(ts) == 0 {
		return fmt.Errorf("table: WriteDOCXTables: no tables (pass at least one)")
	}
	for _, t := range ts {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"docProps/core.xml", docxCore(ts[0].Title)},
		{"word/_rels/document.xml.rels", docxDocumentRels},
		{"word/document.xml", docxDocument(ts)},
		{"word/styles.xml", docxStyles},
		{"word/settings.xml", docxSettings},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: docxTime})
		if err != nil {
			return fmt.Errorf("table: docx part %s: %w", p.name, err)
		}
		if _, err := io.WriteString(fw, p.body); err != nil {
			return fmt.Errorf("table: docx part %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("table: docx: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const wNS = `http://schemas.openxmlformats.org/wordprocessingml/2006/main`

const docxContentTypes = xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>` + "\n"

const docxRels = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>` + "\n"

const docxDocumentRels = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`</Relationships>` + "\n"

const docxSettings = xmlDecl + `<w:settings xmlns:w="` + wNS + `">` +
	`<w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>` + "\n"

// docxStyles defines the fonts, the default table style and the paragraph
// styles the document uses. Element order follows the OOXML schema.
const docxStyles = xmlDecl + `<w:styles xmlns:w="` + wNS + `">` +
	`<w:docDefaults>` +
	`<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
	`</w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableTitle"><w:name w:val="Table Title"/><w:basedOn w:val="Normal"/><w:next w:val="TableCaption"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCaption"><w:name w:val="Table Caption"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:after="120"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableGroup"><w:name w:val="Table Group"/><w:basedOn w:val="TableText"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="100" w:after="20"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableNote"><w:name w:val="Table Note"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="40"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>` +
	`</w:styles>` + "\n"

// docxCore returns the core properties part with the document title.
func docxCore(title string) string {
	return xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + xmlText(oneLine(title)) + `</dc:title><dc:creator>tresp</dc:creator>` +
		`</cp:coreProperties>` + "\n"
}

// docxLayout is the column grid of one table.
type docxLayout struct {
	cols  []int // gridCol widths in twips
	total int
}

// layoutDOCX sizes the columns from their longest line of text and reports
// whether the table needs a landscape page.
func layoutDOCX(t Table) (docxLayout, bool) {
	chars := make([]int, len(t.Columns))
	lineLen := func(s string) int {
		m := 0
		for _, l := range strings.Split(normalizeNewlines(s), "\n") {
			m = max(m, utf8.RuneCountInString(l))
		}
		return m
	}
	extra := make([]int, len(t.Columns))
	for j, c := range t.Columns {
		// Headers are bold, about a sixth wider than body text; one
		// character of slack keeps a header word from breaking.
		chars[j] = lineLen(c.label())*7/6 + 1
	}
	for _, r := range t.Rows {
		if r.Group {
			continue
		}
		for j := range chars {
			chars[j] = max(chars[j], lineLen(r.cell(j)))
		}
		extra[0] = max(extra[0], r.Indent*indentTwips)
	}
	natural := make([]int, len(chars))
	sum := 0
	for j, n := range chars {
		natural[j] = min(max(n, minColChars), maxColChars)*charTwips + cellPadding + extra[j]
		sum += natural[j]
	}
	landscape := sum > portraitW
	width := portraitW
	if landscape {
		width = landscapeW
	}
	// Narrow tables take at least 60% of the text width; wide ones are
	// scaled down to the text width and wrap.
	target := min(max(sum, width*6/10), width)
	l := docxLayout{cols: make([]int, len(chars))}
	acc := 0
	for j, n := range natural {
		l.cols[j] = n * target / sum
		acc += l.cols[j]
	}
	l.cols[len(l.cols)-1] += target - acc
	l.total = target
	return l, landscape
}

// docxDocument returns the main document part for the tables.
func docxDocument(ts []Table) string {
	var b strings.Builder
	b.WriteString(xmlDecl)
	b.WriteString(`<w:document xmlns:w="` + wNS + `"><w:body>` + "\n")
	landscape := false
	for _, t := range ts {
		l, land := layoutDOCX(t)
		landscape = landscape || land
		docxTable(&b, t, l)
	}
	if landscape {
		fmt.Fprintf(&b, `<w:sectPr><w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, a4Long, a4Short)
	} else {
		fmt.Fprintf(&b, `<w:sectPr><w:pgSz w:w="%d" w:h="%d"/>`, a4Short, a4Long)
	}
	fmt.Fprintf(&b, `<w:pgMar w:top="%[1]d" w:right="%[1]d" w:bottom="%[1]d" w:left="%[1]d" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`, pageMargin)
	b.WriteString("\n</w:body></w:document>\n")
	return b.String()
}

// docxTable writes the title, caption, table and footnotes of t.
func docxTable(b *strings.Builder, t Table, l docxLayout) {
	if t.Title != "" {
		docxPara(b, "TableTitle", "", 0, false, oneLine(t.Title))
	}
	if t.Caption != "" {
		docxPara(b, "TableCaption", "", 0, false, oneLine(t.Caption))
	}
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/>`, l.total)
	b.WriteString(`<w:tblBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="000000"/><w:left w:val="nil"/>` +
		`<w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/><w:right w:val="nil"/>` +
		`<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`)
	b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	b.WriteString(`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`</w:tblPr>` + "\n<w:tblGrid>")
	for _, c := range l.cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, c)
	}
	b.WriteString("</w:tblGrid>\n")

	// Spanning header row, when columns have groups: centred, rule below
	// each group.
	if sp := t.spans(); sp != nil {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for _, s := range sp {
			w := 0
			for j := s.from; j <= s.to; j++ {
				w += l.cols[j]
			}
			rule := ""
			if s.label != "" {
				rule = `<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>`
			}
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/>%s</w:tcPr>`, w, s.to-s.from+1, rule)
			docxPara(b, "TableText", "center", 0, true, s.label)
			b.WriteString(`</w:tc>`)
		}
		b.WriteString("</w:tr>\n")
	}
	// Header row: repeated on each page, bold, thin rule below.
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	for j, c := range t.Columns {
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders><w:vAlign w:val="bottom"/></w:tcPr>`, l.cols[j])
		docxPara(b, "TableText", docxJc(c.align()), 0, true, c.label())
		b.WriteString(`</w:tc>`)
	}
	b.WriteString("</w:tr>\n")

	for _, r := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		if r.Group {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/></w:tcPr>`, l.total, len(t.Columns))
			docxPara(b, "TableGroup", "left", r.Indent, true, r.label())
			b.WriteString(`</w:tc></w:tr>` + "\n")
			continue
		}
		for j, c := range t.Columns {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, l.cols[j])
			indent := 0
			if j == 0 {
				indent = r.Indent
			}
			docxPara(b, "TableText", docxJc(c.align()), indent, r.Bold, r.cell(j))
			b.WriteString(`</w:tc>`)
		}
		b.WriteString("</w:tr>\n")
	}
	b.WriteString("</w:tbl>\n")
	if len(t.Footnotes) == 0 {
		// A table must not end the document body: Word wants a paragraph
		// between a table and the section properties.
		b.WriteString(`<w:p/>` + "\n")
	}
	for _, f := range t.Footnotes {
		docxPara(b, "TableNote", "", 0, false, f)
	}
}

// docxJc returns the paragraph justification for a.
func docxJc(a Align) string {
	switch a {
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	}
	return "left"
}

// docxPara writes one paragraph (always at least an empty w:p) with style,
// justification, indentation level and bold text; newlines become w:br and
// tabs w:tab.
func docxPara(b *strings.Builder, style, jc string, indent int, bold bool, text string) {
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>`)
	if indent > 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d"/>`, indent*indentTwips)
	}
	if jc != "" {
		b.WriteString(`<w:jc w:val="` + jc + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	text = normalizeNewlines(text)
	if text != "" {
		b.WriteString(`<w:r>`)
		if bold {
			b.WriteString(`<w:rPr><w:b/><w:bCs/></w:rPr>`)
		}
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				b.WriteString(`<w:br/>`)
			}
			for k, seg := range strings.Split(line, "\t") {
				if k > 0 {
					b.WriteString(`<w:tab/>`)
				}
				if seg != "" {
					b.WriteString(`<w:t xml:space="preserve">` + xmlText(seg) + `</w:t>`)
				}
			}
		}
		b.WriteString(`</w:r>`)
	}
	b.WriteString("</w:p>")
}

// xmlText escapes s for XML character data and attribute values and drops
// characters XML 1.0 does not allow (and C1 controls); invalid UTF-8
// becomes U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteRune('\ufffd')
				continue
			}
		}
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfffe || r == 0xffff:
			// not allowed (or discouraged) in XML 1.0: drop
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
