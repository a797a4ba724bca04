package data

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const (
	codesBegin = "<!-- problem-codes:begin -->\n"
	codesEnd   = "<!-- problem-codes:end -->\n"
)

// TestCodesDoc keeps the section "Problem codes" of docs/ci.md in step
// with Codes.
func TestCodesDoc(t *testing.T) {
	const path = "../docs/ci.md"
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	i, j := strings.Index(s, codesBegin), strings.Index(s, codesEnd)
	if i < 0 || j < i {
		t.Fatalf("docs/ci.md has no %q … %q markers", strings.TrimSpace(codesBegin), strings.TrimSpace(codesEnd))
	}
	want := s[:i+len(codesBegin)] + CodesMarkdown() + s[j:]
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if s != want {
		t.Errorf("docs/ci.md's problem codes are out of date: run go test ./data -run TestCodesDoc -update")
	}
}

// TestCodesSorted checks the order LookupCode relies on, the severities
// and that every code is documented.
func TestCodesSorted(t *testing.T) {
	for i, c := range Codes {
		if i > 0 && Codes[i-1].Code >= c.Code {
			t.Errorf("Codes: %q is not after %q (keep the list sorted, without duplicates)", c.Code, Codes[i-1].Code)
		}
		if c.Severity > Error || c.Input && c.Severity != Error {
			t.Errorf("%s: severity %s: want info, warning or error (input codes: error)", c.Code, c.Severity)
		}
		if c.Doc == "" {
			t.Errorf("%s: no documentation", c.Code)
		}
		if got, ok := LookupCode(c.Code); !ok || got.Code != c.Code {
			t.Errorf("LookupCode(%q) = %v, %v", c.Code, got, ok)
		}
	}
	if _, ok := LookupCode("no-such-code"); ok {
		t.Error("LookupCode found a code that does not exist")
	}
}

// codePatterns find the problem codes in the source: a Code field, an
// *InputError, the csv text reader's problem, a normaliser warning, a
// row check's bad(), and the note codes of data/units.
var codePatterns = []*regexp.Regexp{
	regexp.MustCompile(`Code:\s*"([a-z0-9_-]*[a-z0-9_])"`),
	regexp.MustCompile(`NewInputError\([^,]+,\s*"([a-z0-9_-]+)"`),
	regexp.MustCompile(`\.problem\("([a-z0-9_-]+)"`),
	regexp.MustCompile(`\.Code = "([a-z0-9_-]+)"`),
	regexp.MustCompile(`n\.warn\([^"\n]*"([a-z0-9_-]+)"`),
	regexp.MustCompile(`\bbad\([^,]+,\s*"([a-z0-9_-]+)"`),
	regexp.MustCompile(`\bCode = "([a-z0-9_-]+)"`),
}

// TestEveryEmittedCodeListed scans the packages that make problems for
// their codes: every code found must be in Codes, and every code of Codes
// must be emitted somewhere (the codes built from a field name, "missing-"
// + the field of a lab row, are listed by hand).
func TestEveryEmittedCodeListed(t *testing.T) {
	found := map[string]string{}
	for _, dir := range []string{".", "csvio", "parquetio", "xlsxio", "units", "../pipeline", "../pipeline/ingest", "../pipeline/normalise"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") || filepath.Base(f) == "codes.go" {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, re := range codePatterns {
				for _, m := range re.FindAllStringSubmatch(string(b), -1) {
					found[m[1]] = f
				}
			}
		}
	}
	for _, f := range []Field{FieldStudy, FieldCaseID, FieldLabAnalyte, FieldLabValue} {
		found["missing-"+f.String()] = "data/record.go (checkLabRow)"
	}
	var missing []string
	for c, f := range found {
		if _, ok := LookupCode(c); !ok {
			missing = append(missing, c+" ("+f+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("code %s is emitted but not in data.Codes (add it with its default severity)", m)
	}
	for _, c := range Codes {
		if _, ok := found[c.Code]; !ok {
			t.Errorf("data.Codes lists %q, which no package emits (remove it, or teach codePatterns where it comes from)", c.Code)
		}
	}
	if len(found) < 60 {
		t.Errorf("found only %d codes: the patterns no longer match the source", len(found))
	}
}
