// Package numtext writes counts for readers: with a comma between groups of
// three digits from 1,000 on ("1,515 patients", "N = 10,668"), as the AMA and
// Vancouver styles set numbers in text and tables. Data files (CSV, JSON) keep
// plain integers; this package is for captions, titles, footnotes and the cells
// of publication tables.
package numtext

import "strconv"

// Count returns n with its digits grouped by three: 999, 1,000, -12,345.
func Count(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	if len(s) <= 3 {
		if neg {
			return "-" + s
		}
		return s
	}
	b := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		b = append(b, '-')
	}
	lead := len(s) % 3
	if lead == 0 {
		lead = 3
	}
	b = append(b, s[:lead]...)
	for i := lead; i < len(s); i += 3 {
		b = append(b, ',')
		b = append(b, s[i:i+3]...)
	}
	return string(b)
}
