package vocab

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data/csvio"

	"github.com/tresp/tresp/data/units"
)

// Kind names one vocabulary file type.
type Kind int

// The vocabulary kinds. Each kind has its own file format (columns), described in the
// package documentation and in docs/vocabulary.md.
const (
	KindDrugs       Kind = iota + 1 // drugs and procedures: term, generic, kind, class, atc, route, indication
	KindDiseases                    // diseases: term, canonical, kind, icd10, group
	KindSubtypes                    // condition subtypes: term, canonical, axis, condition
	KindOutcomes                    // outcome phrases: phrase, category, negated, role
	KindCues                        // negation and clause-boundary cues: term, role
	KindRoutes                      // routes and dosage forms: term, route, position
	KindSites                       // body sites: term, site, region
	KindNoFuzzy                     // words never fuzzy-matched: word
	KindScores                      // clinical scores: term, kind (threshold|measure|fall|below|normal), value, category, better, min_fall, unit, case, form
	KindTiming                      // timing cues of treatment cells: term, role
	KindFrequencies                 // frequency words of dose cells: term, kind, value, days (read by data/units)
	KindDoseUnits                   // dose unit words: term, unit, factor, base (read by data/units)
	numKinds        = int(KindDoseUnits)
)

var kindNames = [...]string{"", "drugs", "diseases", "subtypes", "outcomes", "cues", "routes", "sites", "nofuzzy", "scores", "timing", "frequencies", "doseunits"}

// lexiconKinds maps the kinds whose words the dose parser reads to their units.LexiconKind:
// routes (read by both), frequencies and dose units (read by the dose parser only).
var lexiconKinds = map[Kind]units.LexiconKind{
	KindRoutes: units.LexRoutes, KindFrequencies: units.LexFrequencies, KindDoseUnits: units.LexDoseUnits,
}

// String returns the kind's name, which is also the base name of its embedded file.
func (k Kind) String() string {
	if k < 1 || int(k) > numKinds {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// ParseKind returns the kind named s (case-insensitive, e.g. "drugs").
func ParseKind(s string) (Kind, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for k := 1; k <= numKinds; k++ {
		if kindNames[k] == t {
			return Kind(k), nil
		}
	}
	return 0, fmt.Errorf("unknown vocabulary kind %q (use one of: %s)", s, strings.Join(kindNames[1:], ", "))
}

// PositionError is an error in a vocabulary file, located by file, line and column
// (1-based; the column counts bytes of the line, as editors and encoding/csv do).
type PositionError = csvio.PositionError

// maxErrors bounds the errors reported for one file.
const maxErrors = 20

type fieldPos struct{ line, col int }

// record is one data row of a vocabulary file.
type record struct {
	file string
	line int
	vals map[string]string
	pos  map[string]fieldPos
}

func (r *record) get(col string) string { return r.vals[col] }

func (r *record) errf(col, format string, args ...any) *PositionError {
	p, ok := r.pos[col]
	if !ok {
		p = fieldPos{line: r.line, col: 0}
	}
	return &PositionError{File: r.file, Line: p.line, Col: p.col, Field: col, Msg: fmt.Sprintf(format, args...)}
}

// schema describes one kind's file format.
type schema struct {
	cols     []string // known columns, in documentation order
	required []string
	key      func(r *record) string
	check    func(r *record) []*PositionError
}

var schemas [numKinds + 1]*schema

// table holds the merged rows of one kind: later files override rows with the same key.
type table struct {
	rows  []*record
	index map[string]int
}

func (t *table) clone() *table {
	c := &table{rows: append([]*record(nil), t.rows...), index: make(map[string]int, len(t.index))}
	for k, v := range t.index {
		c.index[k] = v
	}
	return c
}

func (t *table) merge(recs []*record, s *schema) {
	for _, r := range recs {
		k := s.key(r)
		if i, ok := t.index[k]; ok {
			t.rows[i] = r
			continue
		}
		t.index[k] = len(t.rows)
		t.rows = append(t.rows, r)
	}
}

// parseFile reads one vocabulary file of kind k. The delimiter is a tab if the header line
// contains one, otherwise a comma. Lines starting with # are comments.
func parseFile(r io.Reader, name string, k Kind) ([]*record, error) {
	s := schemas[k]
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read %s vocabulary: %v", name, k, err)
	}
	cr := csvio.NewRowReader(data)
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &PositionError{File: name, Line: 1, Msg: fmt.Sprintf("no header line (the first non-comment line must name the columns: %s)", strings.Join(s.cols, ", "))}
	}
	if err != nil {
		return nil, csvio.ReadError(name, err)
	}
	hline, _ := cr.FieldPos(0)
	var errs []error
	colOf := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		line, col := cr.FieldPos(i)
		switch {
		case !contains(s.cols, h):
			errs = append(errs, &PositionError{File: name, Line: line, Col: col, Msg: fmt.Sprintf("unknown column %q in a %s file (known columns: %s)", h, k, strings.Join(s.cols, ", "))})
		case seen[h]:
			errs = append(errs, &PositionError{File: name, Line: line, Col: col, Msg: fmt.Sprintf("column %q appears twice in the header (remove one)", h)})
		}
		seen[h] = true
		colOf[i] = h
	}
	for _, req := range s.required {
		if !seen[req] {
			errs = append(errs, &PositionError{File: name, Line: hline, Msg: fmt.Sprintf("header lacks required column %q (a %s file needs: %s)", req, k, strings.Join(s.required, ", "))})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var recs []*record
	firstLine := map[string]int{}
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvio.ReadError(name, err))
			break
		}
		line, _ := cr.FieldPos(0)
		rec := &record{file: name, line: line, vals: map[string]string{}, pos: map[string]fieldPos{}}
		if len(fields) > len(header) {
			l, c := cr.FieldPos(len(header))
			errs = append(errs, &PositionError{File: name, Line: l, Col: c, Msg: fmt.Sprintf("row has %d fields but the header has %d (remove the extra field or stray delimiter)", len(fields), len(header))})
			continue
		}
		for i, f := range fields {
			l, c := cr.FieldPos(i)
			rec.vals[colOf[i]] = strings.TrimSpace(f)
			rec.pos[colOf[i]] = fieldPos{l, c}
		}
		if rowErrs := s.check(rec); len(rowErrs) > 0 {
			for _, e := range rowErrs {
				errs = append(errs, e)
			}
		} else {
			key := s.key(rec)
			if first, dup := firstLine[key]; dup {
				errs = append(errs, rec.errf(s.cols[0], "duplicate entry %q, first defined on line %d (remove one of the rows)", rec.get(s.cols[0]), first))
			} else {
				firstLine[key] = line
				recs = append(recs, rec)
			}
		}
		if len(errs) >= maxErrors {
			errs = append(errs, fmt.Errorf("%s: too many errors, stopped", name))
			break
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return recs, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func oneOf(list []string) string { return strings.Join(list, ", ") }

// --- per-kind schemas

var (
	drugKinds     = []string{"generic", "brand", "salt", "abbreviation", "synonym", "misspelling", "class", "exclusion"}
	verifiedNames = []string{"yes", "no"}
	diseaseKinds  = []string{"canonical", "abbreviation", "synonym", "misspelling"}
	categoryNames = []string{"complete", "partial", "minimal", "none", "progression", "not evaluable"}
	markerNames   = []string{"not attributable"}
	roleNames     = []string{rolePrimary, roleSecondary, roleRelapse, roleWeak, roleEfficacy, roleCell, roleDeath, roleUnassess, roleAdverse, roleEvent, roleNegOnly, roleAbsent, roleMeasured, roleLasting, roleLabel}
	cueRoles      = []string{"negation", "negation after", "pseudo", "hedge", "hedge after", "history", "termination", "boundary", "after course", "on course", "qualifier", "dose change", "transient", "qualifier after", "qualifier next", "other death", "report noun", "follow-up noun", "not stated", "unstated", "harm"}
	scoreKinds    = []string{"threshold", "measure", "fall", "below", "normal"}
	betterNames   = []string{"lower", "higher"}
	timingRoles   = []string{"prior", "underlying", "excluded", "none"}
	positions     = []string{"before", "after", "any"}
	routeUses     = []string{"both", "drug", "dose"}

	atcRE = regexp.MustCompile(`^[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?$`)
	icdRE = regexp.MustCompile(`^[A-Z][0-9]{2}(\.[0-9]{1,2})?$`)
)

// needText checks that col holds something with at least one letter or digit.
func needText(r *record, col string, errs []*PositionError) []*PositionError {
	if normalize(r.get(col)) == "" {
		return append(errs, r.errf(col, "empty value (every row needs a %s with at least one letter or digit)", col))
	}
	return errs
}

func needOneOf(r *record, col string, list []string, allowEmpty bool, errs []*PositionError) []*PositionError {
	v := strings.ToLower(r.get(col))
	if v == "" && allowEmpty || contains(list, v) {
		return errs
	}
	return append(errs, r.errf(col, "unknown value %q (use one of: %s)", r.get(col), oneOf(list)))
}

// indicationKey normalises an indication list into a canonical sorted key.
func indicationKey(s string) string {
	var ks []string
	for _, p := range strings.Split(s, "|") {
		if n := normalize(p); n != "" {
			ks = append(ks, n)
		}
	}
	sort.Strings(ks)
	return strings.Join(ks, "|")
}

// doseOnly reports whether a routes row is for dose cells only (use "dose").
func doseOnly(r *record) bool { return strings.EqualFold(r.get("use"), "dose") }

func routeKey(s string) string {
	n := normalize(s)
	if n == "" || s == "*" {
		return "*"
	}
	return n
}

// init registers the schema of each vocabulary kind.
func init() {
	schemas[KindDrugs] = drugsSchema()
	schemas[KindDiseases] = diseasesSchema()
	schemas[KindSubtypes] = &schema{
		cols:     []string{"term", "canonical", "axis", "condition", "note"},
		required: []string{"term", "canonical", "axis", "condition"},
		key:      func(r *record) string { return normalize(r.get("condition")) + "\x00" + normalize(r.get("term")) },
		check: func(r *record) []*PositionError {
			var errs []*PositionError
			for _, c := range []string{"term", "canonical", "axis", "condition"} {
				errs = needText(r, c, errs)
			}
			return errs
		},
	}
	schemas[KindOutcomes] = &schema{
		cols:     []string{"phrase", "category", "negated", "role", "note"},
		required: []string{"phrase", "category"},
		key:      func(r *record) string { return normalize(r.get("phrase")) },
		check: func(r *record) []*PositionError {
			var errs []*PositionError
			errs = needText(r, "phrase", errs)
			errs = needOneOf(r, "category", append(append([]string(nil), categoryNames...), markerNames...), false, errs)
			errs = needOneOf(r, "negated", categoryNames, true, errs)
			errs = needOneOf(r, "role", roleNames, true, errs)
			if contains(markerNames, strings.ToLower(r.get("category"))) && r.get("negated") != "" {
				errs = append(errs, r.errf("negated", "a %q marker row cannot be negated (leave negated empty)", r.get("category")))
			}
			return errs
		},
	}
	schemas[KindCues] = &schema{
		cols:     []string{"term", "role", "category", "note"},
		required: []string{"term", "role"},
		key:      func(r *record) string { return normalize(r.get("term")) },
		check: func(r *record) []*PositionError {
			errs := needText(r, "term", nil)
			errs = needOneOf(r, "category", categoryNames, true, errs)
			return needOneOf(r, "role", cueRoles, false, errs)
		},
	}
	schemas[KindScores] = scoresSchema()
	// The routes file is shared with the dose parser (data/units reads use and ismp; rows
	// of use "dose" are not drug-name routes, so they have a key of their own here).
	schemas[KindRoutes] = &schema{
		cols:     []string{"term", "route", "position", "use", "ismp", "note"},
		required: []string{"term", "route"},
		key: func(r *record) string {
			if doseOnly(r) {
				return normalize(r.get("term")) + "\x00dose"
			}
			return normalize(r.get("term"))
		},
		check: func(r *record) []*PositionError {
			errs := needText(r, "term", nil)
			errs = needText(r, "route", errs)
			errs = needOneOf(r, "use", routeUses, true, errs)
			return needOneOf(r, "position", positions, true, errs)
		},
	}
	schemas[KindSites] = &schema{
		cols:     []string{"term", "site", "region", "note"},
		required: []string{"term", "site"},
		key:      func(r *record) string { return normalize(r.get("term")) },
		check: func(r *record) []*PositionError {
			errs := needText(r, "term", nil)
			return needText(r, "site", errs)
		},
	}
	schemas[KindTiming] = &schema{
		cols:     []string{"term", "role", "note"},
		required: []string{"term", "role"},
		key:      func(r *record) string { return normalize(r.get("term")) },
		check: func(r *record) []*PositionError {
			errs := needText(r, "term", nil)
			return needOneOf(r, "role", timingRoles, false, errs)
		},
	}
	schemas[KindNoFuzzy] = &schema{
		cols:     []string{"word", "note"},
		required: []string{"word"},
		key:      func(r *record) string { return normalize(r.get("word")) },
		check: func(r *record) []*PositionError {
			errs := needText(r, "word", nil)
			if len(errs) == 0 && len(words(r.get("word"))) != 1 {
				errs = append(errs, r.errf("word", "%q is not a single word (write one word per row)", r.get("word")))
			}
			return errs
		},
	}
}

// drugsSchema is the schema of drugs.tsv: generics with codes by route
// and indication, and their other names; a term is keyed with its route and
// indication.
func drugsSchema() *schema {
	return &schema{
		cols:     []string{"term", "generic", "kind", "class", "atc", "route", "indication", "parent", "verified", "components", "other_atc", "note"},
		required: []string{"term", "generic", "kind"},
		key: func(r *record) string {
			return normalize(r.get("term")) + "\x00" + routeKey(r.get("route")) + "\x00" + indicationKey(r.get("indication"))
		},
		check: func(r *record) []*PositionError {
			var errs []*PositionError
			errs = needText(r, "term", errs)
			errs = needOneOf(r, "kind", drugKinds, false, errs)
			if strings.ToLower(r.get("kind")) == "exclusion" {
				if g := r.get("generic"); g != "" && g != "-" {
					errs = append(errs, r.errf("generic", "an exclusion row names no generic (write - ): %q is a phrase that contains a drug word but is not a drug", r.get("term")))
				}
				for _, c := range []string{"class", "atc", "route", "indication", "parent", "verified", "components", "other_atc"} {
					if v := r.get(c); v != "" && !(c == "route" && v == "*") {
						errs = append(errs, r.errf(c, "an exclusion row carries no %s (leave it empty)", c))
					}
				}
				return errs
			}
			errs = needText(r, "generic", errs)
			if strings.ToLower(r.get("kind")) == "generic" {
				errs = needOneOf(r, "verified", verifiedNames, true, errs)
				if normalize(r.get("term")) != normalize(r.get("generic")) {
					errs = append(errs, r.errf("generic", "a row of kind generic must repeat its term in the generic column (got term %q, generic %q); use kind synonym to map a name onto another generic", r.get("term"), r.get("generic")))
				}
				if r.get("class") == "" {
					errs = append(errs, r.errf("class", "a generic row needs a drug class (write \"procedure\" for procedures)"))
				}
				if a := r.get("atc"); a != "" && !atcRE.MatchString(a) {
					errs = append(errs, r.errf("atc", "%q is not an ATC code (letter, 2 digits, letter, letter, 2 digits, e.g. C08DB01, or a prefix of it such as M05BA)", a))
				}
				for _, a := range strings.Split(r.get("other_atc"), "|") {
					if a = strings.TrimSpace(a); a != "" && !atcRE.MatchString(a) {
						errs = append(errs, r.errf("other_atc", "%q is not an ATC code (write the substance's other codes |-separated, e.g. J01FF01|G01AA10)", a))
					}
				}
				if rt := r.get("route"); rt != "" && rt != "*" && normalize(rt) == "" {
					errs = append(errs, r.errf("route", "route %q has no letters (write a route such as oral or topical, or * for any)", rt))
				}
			} else {
				// a route here is the one the name implies ("Protopic": topical); compile checks it
				for _, c := range []string{"class", "atc", "indication", "parent", "verified", "components", "other_atc"} {
					if v := r.get(c); v != "" {
						errs = append(errs, r.errf(c, "only rows of kind generic carry %s; put %q on the generic row of %q and leave it empty here", c, v, r.get("generic")))
					}
				}
			}
			return errs
		},
	}
}

// diseasesSchema is the schema of diseases.tsv: canonical diseases with
// their ICD-10 code, group and parent, and their other names.
func diseasesSchema() *schema {
	return &schema{
		cols:     []string{"term", "canonical", "kind", "icd10", "group", "parent", "note"},
		required: []string{"term", "canonical", "kind"},
		key:      func(r *record) string { return normalize(r.get("term")) },
		check: func(r *record) []*PositionError {
			var errs []*PositionError
			errs = needText(r, "term", errs)
			errs = needText(r, "canonical", errs)
			errs = needOneOf(r, "kind", diseaseKinds, false, errs)
			if strings.ToLower(r.get("kind")) == "canonical" {
				if normalize(r.get("term")) != normalize(r.get("canonical")) {
					errs = append(errs, r.errf("canonical", "a row of kind canonical must repeat its term in the canonical column (got term %q, canonical %q); use kind synonym to map a name onto another disease", r.get("term"), r.get("canonical")))
				}
				if r.get("group") == "" {
					errs = append(errs, r.errf("group", "a canonical row needs a disease group"))
				}
				if c := r.get("icd10"); c != "" && !icdRE.MatchString(c) {
					errs = append(errs, r.errf("icd10", "%q is not an ICD-10 code (letter, 2 digits, optional . and 1-2 digits, e.g. M33.1)", c))
				}
			} else {
				for _, c := range []string{"icd10", "group", "parent"} {
					if v := r.get(c); v != "" {
						errs = append(errs, r.errf(c, "only rows of kind canonical carry %s; put %q on the canonical row of %q and leave it empty here", c, v, r.get("canonical")))
					}
				}
			}
			if strings.Contains(r.get("canonical"), "|") && strings.ToLower(r.get("kind")) != "abbreviation" {
				errs = append(errs, r.errf("canonical", "only an abbreviation may name several diseases (|-separated, e.g. HS for hidradenitis suppurativa|hereditary spherocytosis); give a %s row one canonical disease", strings.ToLower(r.get("kind"))))
			}
			return errs
		},
	}
}

// scoresSchema is the schema of scores.tsv: thresholds and measures with
// their direction of benefit.
func scoresSchema() *schema {
	return &schema{
		cols:     []string{"term", "kind", "value", "category", "better", "min_fall", "note", "unit", "case", "form"},
		required: []string{"term", "kind"},
		key: func(r *record) string {
			return normalize(r.get("term")) + "|" + strings.ToLower(r.get("kind")) + "|" + strings.TrimSpace(r.get("value"))
		},
		check: func(r *record) []*PositionError {
			errs := needText(r, "term", nil)
			errs = needOneOf(r, "kind", scoreKinds, false, errs)
			errs = needOneOf(r, "case", []string{"capitals"}, true, errs)
			errs = needOneOf(r, "form", []string{"joined"}, true, errs)
			if r.get("form") != "" && !strings.EqualFold(r.get("kind"), "threshold") {
				errs = append(errs, r.errf("form", "only threshold rows carry a form (leave it empty on a %s row)", r.get("kind")))
			}
			switch strings.ToLower(r.get("kind")) {
			case "threshold":
				if _, err := strconv.ParseFloat(r.get("value"), 64); err != nil {
					errs = append(errs, r.errf("value", "threshold %q is not a number (write the score's cut-off, e.g. 75 for PASI 75)", r.get("value")))
				}
				errs = needOneOf(r, "category", categoryNames, false, errs)
			case "measure":
				errs = needOneOf(r, "better", betterNames, false, errs)
			case "normal":
				if _, ok := parseNormalRange(r.get("value"), r.get("unit")); !ok {
					errs = append(errs, r.errf("value", "normal range %q is not LOW-HIGH with 0 <= LOW < HIGH (write the reference interval, e.g. 135-145 for sodium in mmol/L)", r.get("value")))
				}
			case "fall", "below":
				if v, err := strconv.ParseFloat(r.get("value"), 64); err != nil || v <= 0 {
					errs = append(errs, r.errf("value", "%s %q is not a positive number (write the points of the fall, or the value the score falls below, e.g. 1.2 or 2.6 for DAS28)", strings.ToLower(r.get("kind")), r.get("value")))
				}
				errs = needOneOf(r, "category", categoryNames, false, errs)
				if mf := r.get("min_fall"); mf != "" {
					if v, err := strconv.ParseFloat(mf, 64); err != nil || v < 0 {
						errs = append(errs, r.errf("min_fall", "min_fall %q is not a number of points at or above 0 (the fall a below row also needs, e.g. 0.6 for DAS28)", mf))
					}
				}
			}
			return errs
		},
	}
}
