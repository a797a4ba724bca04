package vocab

// Numbers as sheets write them: decimal commas and thousands separators.

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
