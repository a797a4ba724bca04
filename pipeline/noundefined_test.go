package pipeline

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// undefinedRE matches what a reader must never see: NaN, ±Inf, empty
// parentheses, and placeholders such as "no data" or "no patients" that
// hide why a number is missing.
var undefinedRE = regexp.MustCompile(`NaN|\b[+-]?Inf\b|\(\s*\)|(?i)no data\b|\bno patients\b`)

// TestNoUndefinedText runs on a table with the edge cases of a small review
// — a drug whose one patient is not evaluable (0 evaluable), a drug whose
// patients are all unclassified, single patients, a patient with no
// disease or age — and scans every text output (tables in every format,
// captions, SVG text, report.html, summary.json, the DOCX body) for NaN,
// Inf, "()" and "no data".
func TestNoUndefinedText(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "edge.csv", `Study,Pt,Age/Sex,Drug,Disease,Treatment duration,Follow-up,Outcome
Smith A 2020,1,40/F,methylprednisolone,lupus,,3 months,lost to follow-up
Jones B 2021,1,50/M,rituximab,vasculitis,2 months,6 months,blurfled wibble
Jones B 2021,2,51/M,rituximab,vasculitis,,,zorp quux
Lee C 2019,1,60/F,cyclophosphamide,scleroderma,1 month,4 months,complete resolution
Kim D 2018,1,,azathioprine,,,,died of sepsis
`)
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, in); err != nil {
		t.Fatal(err)
	}
	scanned := 0
	check := func(name string, b []byte) {
		scanned++
		s := string(b)
		if strings.HasSuffix(name, ".svg") {
			s = svgText(s)
		}
		for _, m := range undefinedRE.FindAllStringIndex(s, 5) {
			lo, hi := max(0, m[0]-60), min(len(s), m[1]+40)
			t.Errorf("%s: %q in %q", name, s[m[0]:m[1]], s[lo:hi])
		}
	}
	err := filepath.Walk(out, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		switch filepath.Ext(p) {
		case ".csv", ".md", ".tex", ".html", ".json", ".svg", ".txt":
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			check(rel, b)
		case ".docx":
			z, err := zip.OpenReader(p)
			if err != nil {
				return err
			}
			defer z.Close()
			for _, f := range z.File {
				if f.Name != "word/document.xml" {
					continue
				}
				r, err := f.Open()
				if err != nil {
					return err
				}
				b, _ := io.ReadAll(r)
				r.Close()
				check(rel, b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned < 20 {
		t.Errorf("only %d text outputs scanned", scanned)
	}
	rep, _ := os.ReadFile(filepath.Join(out, "report.html"))
	if !strings.Contains(string(rep), "methylprednisolone (evaluable): no rate: 1 patient treated, none evaluable.") {
		t.Error("report.html does not say why methylprednisolone has no evaluable rate")
	}
}

var svgTextRE = regexp.MustCompile(`(?s)<text[^>]*>(.*?)</text>`)

// svgText is the drawn text of an SVG: the embedded font and path data
// could contain any byte sequence.
func svgText(s string) string {
	var b strings.Builder
	for _, m := range svgTextRE.FindAllStringSubmatch(s, -1) {
		b.WriteString(m[1] + "\n")
	}
	return b.String()
}
