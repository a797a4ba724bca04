package vocab

// Numbers as sheets write them: decimal commas and thousands separators, and a number
// graded by the authors in parentheses after it.

import (
	"strconv"
	"strings"
)

// commaFree writes the commas of a number the expressions took as its decimal point or
// thousands separators: one comma followed by one or two digits is a decimal comma ("6,1",
// "11,85": a European sheet's decimals), any other comma separates thousands ("4,500",
// "1,200,000").
func commaFree(s string) string {
	if i := strings.IndexByte(s, ','); i >= 0 && len(s)-i-1 <= 2 && len(s)-i-1 >= 1 && isNumber(s[i+1:]) && isNumber(s[:i]) {
		return s[:i] + "." + s[i+1:]
	}
	return strings.ReplaceAll(s, ",", "")
}

// numberValue is the value of a number the expressions took, its commas read by commaFree.
func numberValue(s string) float64 {
	v, _ := strconv.ParseFloat(commaFree(s), 64)
	return v
}

// gradesQuantityBefore reports whether targets[k], inside a parenthesis, is the authors'
// grade of the quantity right before it: a primary response word of an ordered category
// opening the parenthesis that follows a percentage or before/after values ("decreased by
// 35% (partial response by RECIST)"). The grade, not the number, then states the outcome.
func gradesQuantityBefore(text string, targets []target, k int) bool {
	t := targets[k]
	if k == 0 || t.entry.weak() || t.entry.secondary || !t.category.Ordered() {
		return false
	}
	q := targets[k-1]
	if !q.quantity || q.j > t.i {
		return false
	}
	// "(partial response)", "(drastic improvement)": a word of degree may open the grade
	between := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[q.end:t.start]), "%"))
	rest, open := strings.CutPrefix(between, "(")
	return open && len(strings.Fields(rest)) <= 1 && !strings.ContainsAny(rest, "()")
}
