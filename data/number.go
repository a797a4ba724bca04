package data

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers in cells. ScanNumber is the one reader of numbers in case-table
// cells: the unit parsers (data/units) lex every number with it, and
// ParseCount reads study-level counts with it. A number is read whole or
// refused with a reason, never partly read:
//
//   - decimal digits with at most one decimal point, and commas as
//     thousands separators only before exactly three digits ("1,000";
//     "60,90" is two numbers);
//   - an exponent is read ("1e3" is 1000, "2.5E-1" is 0.25); a value above
//     MaxNumber ("1e400", a 20-digit run) is refused as out of range;
//   - digits of another script are read when every digit of the number is
//     of one script with a known zero (Arabic-Indic "٤٥" is 45, with "٫" as
//     the decimal point); digits of mixed scripts ("4٥") or of another
//     script are refused;
//   - hexadecimal ("0x10"), '_' digit separators ("1_000"), a point as a
//     thousands separator before a decimal comma ("1.000,5") and several
//     decimal points ("1.000.000", "12.03.2015") are refused: each has two
//     readings, or none a clinician means.
//
// Signs are not part of the number: the unit lexer reads a '-' or '−'
// directly before a number, and not after another number or a word
// character, as a minus sign.

// MaxNumber bounds the numbers ScanNumber reads: no cell of a case table
// holds a larger meaningful quantity (10^12 mg is a tonne a day), and
// every parser past it can multiply by a unit factor without overflow.
const MaxNumber = 1e12

// MaxCount bounds study-level counts (patients treated, responders): a
// count above it is an error, so sums of counts never overflow an int.
const MaxCount = 1_000_000_000

// digitZeros are the zero digits of the scripts whose digits are read.
var digitZeros = []rune{
	'0',      // ASCII
	'\u0660', // Arabic-Indic
	'\u06F0', // Extended Arabic-Indic (Persian, Urdu)
	'\u0966', // Devanagari
	'\u09E6', // Bengali
	'\uFF10', // fullwidth
}

// digitValue returns the value of a decimal digit rune and the zero of its
// script; ok is false for a rune that is not a digit of a known script.
func digitValue(r rune) (v int, zero rune, ok bool) {
	for _, z := range digitZeros {
		if r >= z && r <= z+9 {
			return int(r - z), z, true
		}
	}
	return 0, 0, false
}

// IsNumberStart reports whether a number starts at s[i]: a digit of any
// script, or '.' followed by an ASCII digit.
func IsNumberStart(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]) {
		return true
	}
	if c < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isHex(b byte) bool { return isDigit(b) || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F' }

// ScanNumber reads the unsigned number starting at s[i] (IsNumberStart
// must hold) and returns its end, its value and, when the number is
// refused, the reason (value 0). See the rules above. Time is linear in
// the length of the number.
func ScanNumber(s string, i int) (end int, v float64, reason string) {
	if s[i] >= utf8.RuneSelf {
		return scanScript(s, i)
	}
	j := scanDecimal(s, i)
	core := s[i:j]
	run := func(k int, ok func(byte) bool) int {
		for k < len(s) && ok(s[k]) {
			k++
		}
		return k
	}
	if j < len(s) {
		c := s[j]
		next := func(k int) byte {
			if k < len(s) {
				return s[k]
			}
			return 0
		}
		switch {
		case c >= utf8.RuneSelf:
			if r, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsDigit(r) {
				k := j
				for k < len(s) {
					r, w := utf8.DecodeRuneInString(s[k:])
					if !unicode.IsDigit(r) {
						break
					}
					k += w
				}
				return k, 0, "digits of mixed scripts"
			}
		case (c == 'e' || c == 'E') && (isDigit(next(j+1)) || (next(j+1) == '+' || next(j+1) == '-') && isDigit(next(j+2))):
			k := j + 1
			if !isDigit(s[k]) {
				k++
			}
			k = run(k, isDigit)
			f, err := strconv.ParseFloat(strings.ReplaceAll(core, ",", "")+s[j:k], 64)
			if err != nil || f > MaxNumber {
				return k, 0, "out of range (above " + strconv.FormatFloat(MaxNumber, 'g', -1, 64) + ")"
			}
			return k, f, ""
		case (c == 'x' || c == 'X') && core == "0" && isHex(next(j+1)):
			return run(j+1, isHex), 0, "hexadecimal notation is not read"
		case c == '_' && isDigit(next(j+1)):
			return run(j, func(b byte) bool { return isDigit(b) || b == '_' }), 0, "'_' digit separators are not read (write 1000)"
		case c == '.' && isDigit(next(j+1)):
			return run(j, func(b byte) bool { return isDigit(b) || b == '.' }), 0, "several decimal points"
		case c == ',' && isDigit(next(j+1)) && strings.IndexByte(core, '.') >= 0 && dottedThousands(core):
			return run(j+1, isDigit), 0, "'.' as a thousands separator before a decimal comma (write 1000.5)"
		}
	}
	v, ok := decimalValue(core)
	if !ok {
		return j, 0, "out of range (above " + strconv.FormatFloat(MaxNumber, 'g', -1, 64) + ")"
	}
	return j, v, ""
}

// dottedThousands reports whether t is digits grouped by dots in threes
// ("1.000", "12.345.678").
func dottedThousands(t string) bool {
	parts := strings.Split(t, ".")
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return len(parts) > 1
}

// maxExactDigits is the longest digit run read by integer arithmetic: any
// 15-digit integer is below 2^53, so the float64 is exact and equals what
// strconv.ParseFloat returns.
const maxExactDigits = 15

// decimalValue is the value of a decimal number of digits, thousands
// commas and at most one point; ok is false above MaxNumber.
func decimalValue(t string) (float64, bool) {
	n, digits := uint64(0), 0
	plain := true
	for k := 0; k < len(t); k++ {
		c := t[k]
		if c == ',' {
			continue
		}
		if !isDigit(c) || digits == maxExactDigits {
			plain = false
			break
		}
		n = n*10 + uint64(c-'0')
		digits++
	}
	var v float64
	if plain {
		v = float64(n)
	} else {
		if strings.IndexByte(t, ',') >= 0 {
			t = strings.ReplaceAll(t, ",", "")
		}
		var err error
		v, err = strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, false
		}
	}
	return v, v <= MaxNumber
}

// scanDecimal returns the end of the ASCII decimal number starting at i:
// digits with at most one decimal point, and commas as thousands
// separators only when followed by exactly three digits ("1,000"; "60,90"
// is two numbers).
func scanDecimal(s string, i int) int {
	j := i
	dot := false
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			j++
		case c == '.' && !dot && j+1 < len(s) && isDigit(s[j+1]):
			dot = true
			j++
		case c == ',' && !dot && j > i && j+3 < len(s) &&
			isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 >= len(s) || !isDigit(s[j+4])) && groupLen(s, i, j) <= 3:
			j += 4
		default:
			return j
		}
	}
	return j
}

// groupLen is the number of digits before position j back to i or the
// previous comma.
func groupLen(s string, i, j int) int {
	n := 0
	for k := j - 1; k >= i && isDigit(s[k]); k-- {
		n++
	}
	return n
}

// scanScript reads a number written in the digits of one non-ASCII script
// (Arabic-Indic, Persian, Devanagari, Bengali, fullwidth), with '.' or the
// Arabic decimal separator U+066B as its point.
func scanScript(s string, i int) (end int, v float64, reason string) {
	var b strings.Builder
	var zero rune
	mixed, unknown, dot := false, false, false
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '.' || r == '\u066B' {
			if dot || j+w >= len(s) || !IsNumberStart(s, j+w) || s[j+w] == '.' {
				break
			}
			dot = true
			b.WriteByte('.')
			j += w
			continue
		}
		if !unicode.IsDigit(r) {
			break
		}
		d, z, ok := digitValue(r)
		switch {
		case !ok:
			unknown = true
		case zero == 0:
			zero = z
		case z != zero:
			mixed = true
		}
		b.WriteByte(byte('0' + d))
		j += w
	}
	switch {
	case unknown:
		return j, 0, "digits of a script tresp does not read"
	case mixed || zero == '0':
		return j, 0, "digits of mixed scripts"
	}
	if j < len(s) && (isDigit(s[j]) || s[j] == '_' || s[j] == ',') {
		k := j
		for k < len(s) && (isDigit(s[k]) || s[k] == '_' || s[k] == ',') {
			k++
		}
		return k, 0, "digits of mixed scripts"
	}
	v, ok := decimalValue(b.String())
	if !ok {
		return j, 0, "out of range (above " + strconv.FormatFloat(MaxNumber, 'g', -1, 64) + ")"
	}
	return j, v, ""
}

// ParseCount reads a study-level count: one whole number ≥ 0 and at most
// MaxCount, read by ScanNumber, with nothing else in the cell but spaces.
// The error says why a cell is not a count.
func ParseCount(s string) (int, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, &countError{"is empty"}
	}
	neg := false
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		neg = true
		_, w := utf8.DecodeRuneInString(t)
		t = t[w:]
	}
	if !IsNumberStart(t, 0) {
		return 0, &countError{"is not a number"}
	}
	end, v, reason := ScanNumber(t, 0)
	switch {
	case reason != "":
		return 0, &countError{"cannot be read: " + reason}
	case end != len(t):
		return 0, &countError{"is not a whole number (" + strconv.Quote(t[end:]) + " follows the number)"}
	case neg && v != 0:
		return 0, &countError{"is negative"}
	case v != float64(int64(v)):
		return 0, &countError{"is not a whole number"}
	case v > MaxCount:
		return 0, &countError{"is above " + strconv.Itoa(MaxCount) + ", more patients than any study has"}
	}
	return int(v), nil
}

type countError struct{ msg string }

func (e *countError) Error() string { return e.msg }
