package units

import "strings"

// SplitTreatment splits a treatment cell into one phrase per treatment.
// It splits on "+", ";", the word "plus", " & " and line breaks, outside
// parentheses and brackets, and never on commas or "and" (which occur inside
// dose phrases: "60 mg tid, increased to 90 mg"). A "+" between digits
// ("1+0+1") is not a separator. Pieces are trimmed; empty pieces are
// dropped. Time is linear in len(cell).
func SplitTreatment(cell string) []string {
	var out []string
	depth := 0
	start := 0
	emit := func(end int) {
		if p := strings.TrimSpace(cell[start:end]); p != "" {
			out = append(out, p)
		}
	}
	for i := 0; i < len(cell); i++ {
		c := cell[i]
		if !splitByte[c] {
			continue // most bytes: nothing to do
		}
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		case '\n', '\r', ';':
			if depth == 0 || c != ';' {
				emit(i)
				start = i + 1
				if c != ';' {
					depth = 0 // a new line closes unbalanced brackets
				}
			}
		case '+':
			if depth == 0 && !(i > 0 && isDigit(prevNonSpace(cell, i)) && isDigit(nextNonSpace(cell, i+1))) {
				emit(i)
				start = i + 1
			}
		case '&':
			if depth == 0 && i > 0 && cell[i-1] == ' ' && i+1 < len(cell) && cell[i+1] == ' ' {
				emit(i)
				start = i + 1
			}
		case 'p', 'P':
			// the word "plus" with a space or line edge on both sides
			if depth == 0 && i+4 <= len(cell) && strings.EqualFold(cell[i:i+4], "plus") &&
				(i == 0 || cell[i-1] == ' ' || cell[i-1] == '\t') &&
				(i+4 == len(cell) || cell[i+4] == ' ' || cell[i+4] == '\t') {
				emit(i)
				start = i + 4
				i += 3
			}
		}
	}
	emit(len(cell))
	return out
}

// splitByte marks the bytes SplitTreatment acts on.
var splitByte = [256]bool{'(': true, '[': true, '{': true, ')': true, ']': true, '}': true,
	'\n': true, '\r': true, ';': true, '+': true, '&': true, 'p': true, 'P': true}

func prevNonSpace(s string, i int) byte {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if s[k] != ' ' {
			return s[k]
		}
	}
	return 0
}

func nextNonSpace(s string, i int) byte {
	for k := i; k < len(s) && k < i+3; k++ {
		if s[k] != ' ' {
			return s[k]
		}
	}
	return 0
}
