package units

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data/csvio"
)

// LexiconError is an error in a lexicon file, located by file, line and column (1-based;
// the column counts bytes, as encoding/csv does).
type LexiconError = csvio.PositionError

// lexColumns are the columns of each kind, required ones first.
var lexColumns = [numLexKinds + 1]struct{ cols, required []string }{
	LexRoutes:      {[]string{"term", "route", "position", "use", "ismp", "note"}, []string{"term", "route"}},
	LexFrequencies: {[]string{"term", "kind", "value", "days", "ismp", "note"}, []string{"term", "kind"}},
	LexDoseUnits:   {[]string{"term", "unit", "factor", "base", "ismp", "reading", "note"}, []string{"term", "unit", "factor", "base"}},
}

// lexRow is one row of a lexicon file, checked.
type lexRow struct {
	toks          []seqTok // the term as the lexer reads it
	term          string
	route         Route // routes
	use           string
	kind          string // frequencies: fixed, count, period, every
	value, days   float64
	unit, base    string // dose units
	factor        float64
	ismp, reading string
}

var (
	lexUses      = []string{"", "both", "drug", "dose"}
	lexPositions = []string{"", "before", "after", "any"}
	lexFreqKinds = []string{"fixed", "count", "period", "every"}
	lexBases     = []string{"mg", "IU", "mL", "mEq", "mmol", "tablet"}
)

// maxLexErrors bounds the errors reported for one file.
const maxLexErrors = 20

// readLexFile reads a lexicon file of kind k: a header naming the columns, # comment
// lines, tab-separated (comma-separated when the header has no tab).
func readLexFile(r io.Reader, name string, k LexiconKind) ([]lexRow, error) {
	spec := lexColumns[k]
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read %s file: %v", name, k, err)
	}
	cr := csvio.NewRowReader(data)
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &LexiconError{File: name, Line: 1, Msg: "no header line (the first non-comment line must name the columns: " + strings.Join(spec.cols, ", ") + ")"}
	}
	if err != nil {
		return nil, csvio.ReadError(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		line, c := cr.FieldPos(i)
		if !contains(spec.cols, h) {
			return nil, &LexiconError{File: name, Line: line, Col: c, Msg: fmt.Sprintf("unknown column %q in a %s file (known columns: %s)", h, k, strings.Join(spec.cols, ", "))}
		}
		if _, dup := col[h]; dup {
			return nil, &LexiconError{File: name, Line: line, Col: c, Msg: fmt.Sprintf("column %q appears twice in the header (remove one)", h)}
		}
		col[h] = i
	}
	for _, req := range spec.required {
		if _, ok := col[req]; !ok {
			line, _ := cr.FieldPos(0)
			return nil, &LexiconError{File: name, Line: line, Msg: fmt.Sprintf("header lacks required column %q (a %s file needs: %s)", req, k, strings.Join(spec.required, ", "))}
		}
	}
	var rows []lexRow
	var errs []error
	for len(errs) < maxLexErrors {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvio.ReadError(name, err))
			break
		}
		if len(fields) > len(header) {
			l, c := cr.FieldPos(len(header))
			errs = append(errs, &LexiconError{File: name, Line: l, Col: c, Msg: fmt.Sprintf("row has %d fields but the header has %d (remove the extra field or stray delimiter)", len(fields), len(header))})
			continue
		}
		c := lexCells{fields: fields, col: col, cr: cr, name: name}
		row := c.row(k)
		if len(c.errs) > 0 {
			errs = append(errs, c.errs...)
			continue
		}
		rows = append(rows, row)
	}
	return rows, errors.Join(errs...)
}

// lexCells reads the cells of one row, collecting its errors.
type lexCells struct {
	fields []string
	col    map[string]int
	cr     csvio.RowReader
	name   string
	errs   []error
}

func (c *lexCells) get(name string) string {
	if i, ok := c.col[name]; ok && i < len(c.fields) {
		return strings.TrimSpace(c.fields[i])
	}
	return ""
}

func (c *lexCells) errf(name, format string, args ...any) {
	i, ok := c.col[name]
	if !ok || i >= len(c.fields) {
		i = 0
	}
	l, col := c.cr.FieldPos(i)
	c.errs = append(c.errs, &LexiconError{File: c.name, Line: l, Col: col, Field: name, Msg: fmt.Sprintf(format, args...)})
}

func (c *lexCells) oneOf(name string, list []string) string {
	v := c.get(name)
	for _, x := range list {
		if strings.EqualFold(v, x) {
			return x
		}
	}
	var legal []string
	for _, x := range list {
		if x != "" {
			legal = append(legal, x)
		}
	}
	c.errf(name, "unknown value %q (use one of: %s)", v, strings.Join(legal, ", "))
	return ""
}

// number reads a positive number, or a fraction a/b ("1/24"); zero is allowed when zeroOK.
func (c *lexCells) number(name string, zeroOK bool) float64 {
	v := c.get(name)
	num, den, frac := strings.Cut(v, "/")
	x, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err == nil && frac {
		var d float64
		if d, err = strconv.ParseFloat(strings.TrimSpace(den), 64); err == nil {
			x /= d
		}
	}
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 || x == 0 && !zeroOK {
		c.errf(name, "%q is not a positive number (write e.g. 2, 0.5 or 1/24)", v)
		return 0
	}
	return x
}

// term lexes the term as dose text is lexed: one word (single is set), or words and
// symbols starting with a word.
func (c *lexCells) term(single bool) []seqTok {
	v := c.get("term")
	var toks []seqTok
	for _, t := range lexInto(nil, v) {
		if t.kind != tkWord && t.kind != tkSym || t.bad != "" {
			c.errf("term", "%q holds a number: a term is words (and symbols such as / or -); numbers are read by the grammar", v)
			return nil
		}
		toks = append(toks, seqTok{t.kind, t.text})
	}
	switch {
	case len(toks) == 0:
		c.errf("term", "empty term (every row needs a term with at least one letter)")
	case toks[0].kind != tkWord:
		c.errf("term", "%q starts with a symbol: a term starts with a word", v)
	case single && len(toks) > 1:
		c.errf("term", "%q is not a single word (this kind of row is one word)", v)
	default:
		return toks
	}
	return nil
}

// row checks the cells of a row of kind k.
func (c *lexCells) row(k LexiconKind) lexRow {
	r := lexRow{term: c.get("term"), ismp: c.get("ismp")}
	switch k {
	case LexRoutes:
		r.toks = c.term(false)
		r.route = Route(strings.ToLower(c.get("route")))
		if r.route == "" {
			c.errf("route", "empty route (name the canonical route, e.g. oral or topical)")
		}
		c.oneOf("position", lexPositions)
		r.use = c.oneOf("use", lexUses)
	case LexFrequencies:
		r.kind = c.oneOf("kind", lexFreqKinds)
		r.toks = c.term(r.kind != "fixed")
		switch r.kind {
		case "fixed":
			r.value, r.days = c.number("value", false), c.number("days", true)
		case "count", "every":
			r.value = c.number("value", false)
		case "period":
			r.days = c.number("days", false)
		}
	case LexDoseUnits:
		r.toks = c.term(true)
		r.unit, r.reading = c.get("unit"), c.get("reading")
		if r.unit == "" {
			c.errf("unit", "empty unit (write the normalised spelling, e.g. mg)")
		}
		r.factor = c.number("factor", false)
		r.base = c.oneOf("base", lexBases)
	}
	return r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
