package cohort

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	yearRE    = regexp.MustCompile(`\b(19|20)\d{2}\b`)
	etAlRE    = regexp.MustCompile(`(?i)\bet\s+al\b`)
	surnameRE = regexp.MustCompile(`^[\p{L}][\p{L}'’\-]*(\s+(van|von|de|der|den|da|del|di|le|la|du)\s+[\p{L}][\p{L}'’\-]*)?`)
)

// ShortStudy turns a citation into the "First author et al. year" label of
// a forest plot: the first author's surname, "et al." when the citation
// names more than one author (a comma or "and" before the title, or "et
// al." written out), and the last four-digit year; parts it cannot find
// are left out, never invented. A short name that is no citation (no year,
// one author, no comma or full stop: "Study 5", "Cohort B") is kept whole,
// so that such studies stay apart in the figures.
func ShortStudy(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 30 && !yearRE.MatchString(s) && !etAlRE.MatchString(s) &&
		!strings.ContainsAny(s, ",;.&") && !strings.Contains(" "+s+" ", " and ") {
		return s
	}
	name := surnameRE.FindString(s)
	if name == "" {
		if i := strings.IndexAny(s, " ,;."); i > 0 {
			name = s[:i]
		} else {
			name = s
		}
	}
	rest := strings.TrimSpace(s[len(name):])
	authors := rest
	if i := strings.Index(authors, ". "); i >= 0 {
		authors = authors[:i] // the author list ends at the first ". "
	}
	many := etAlRE.MatchString(s)
	if !many {
		// "Rao A, Smith B" or "Rao and Smith": another author before the title.
		a := strings.TrimLeft(authors, " ")
		if i := strings.IndexAny(a, ",;&"); i >= 0 && i < len(a)-1 {
			next := strings.TrimSpace(a[i+1:])
			many = next != "" && !yearRE.MatchString(next[:min(len(next), 4)])
		}
		many = many || strings.Contains(" "+a+" ", " and ")
	}
	out := name
	if many {
		out += " et al."
	}
	if ys := yearRE.FindAllString(s, -1); len(ys) > 0 {
		out += " " + ys[len(ys)-1]
	}
	return out
}

// naturalLess orders case labels with numbers by value ("Case 2" before
// "Case 10").
func naturalLess(a, b string) bool {
	return newCaseOrder(a).less(newCaseOrder(b))
}

// caseOrder is a case label with its number read once, for naturalLess.
type caseOrder struct {
	label  string
	num    int
	hasNum bool
}

func newCaseOrder(label string) caseOrder {
	o := caseOrder{label: label}
	n := strings.TrimLeft(label, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ #")
	if v, ok := plainNumber(n); ok {
		o.num, o.hasNum = v, true // the common case, without fmt's scanner
	} else if _, err := fmt.Sscan(n, &o.num); err == nil {
		o.hasNum = true
	}
	return o
}

// plainNumber reads the decimal number that starts n when fmt.Sscan would read it the same
// way: a first digit 1–9 and at most 18 digits, not followed by another digit or an
// underscore (fmt reads "010" as octal and "1_000" with its underscore). Otherwise ok is
// false and the caller asks fmt.
func plainNumber(n string) (v int, ok bool) {
	if n == "" || n[0] < '1' || n[0] > '9' {
		return 0, false
	}
	i := 0
	for i < len(n) && n[i] >= '0' && n[i] <= '9' {
		v = v*10 + int(n[i]-'0')
		i++
	}
	if i > 18 || i < len(n) && n[i] == '_' {
		return 0, false
	}
	return v, true
}

// less is naturalLess: by number when both labels have a different one,
// else by label.
func (o caseOrder) less(p caseOrder) bool {
	if o.hasNum && p.hasNum && o.num != p.num {
		return o.num < p.num
	}
	return o.label < p.label
}

// studyLess orders study labels: as text, except that labels that differ only in the
// number after a common prefix order by that number ("Study 2" before "Study 10"); author
// and year labels ("Adams 2021", "Zhang 2001") keep the order of their names.
func studyLess(a, b string) bool {
	pa, na, okA := splitTrailingNumber(a)
	pb, nb, okB := splitTrailingNumber(b)
	if okA && okB && pa == pb && na != nb {
		return na < nb
	}
	return a < b
}

// splitTrailingNumber splits "Study 12" into "Study " and 12; ok is false when the label
// does not end in a number of at most nine digits.
func splitTrailingNumber(s string) (prefix string, n int, ok bool) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) || len(s)-i > 9 {
		return s, 0, false
	}
	for _, c := range s[i:] {
		n = n*10 + int(c-'0')
	}
	return s[:i], n, true
}
