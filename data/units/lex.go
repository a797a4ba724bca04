package units

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tkNum  tokKind = iota + 1 // a number; num holds its value
	tkWord                    // a lower-cased run of letters (abbreviation dots removed)
	tkSym                     // one punctuation symbol, normalised (see lexSym)
)

// token is one lexical unit of a cell. start and end are byte offsets into
// the original text, so results can quote what they read.
type token struct {
	kind       tokKind
	num        float64
	text       string
	start, end int
}

func (t token) isWord(w string) bool { return t.kind == tkWord && t.text == w }
func (t token) isSym(s string) bool  { return t.kind == tkSym && t.text == s }

// maxNumber bounds numbers the lexer accepts; longer digit runs become the
// symbol "#" (unreadable number), so no parser meets Inf.
const maxNumber = 1e12

// lex splits s into tokens in one pass. It never fails: every rune becomes
// part of a token or is skipped as space. Time and memory are linear in len(s).
func lex(s string) []token {
	toks := make([]token, 0, len(s)/3+1)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w <= 1:
			i++ // invalid byte: skip
		case unicode.IsSpace(r):
			i += w
		case r >= '0' && r <= '9' || r == '.' && i+1 < len(s) && isDigit(s[i+1]) && !prevDigit(s, i):
			j := scanNumber(s, i)
			v, err := strconv.ParseFloat(strings.ReplaceAll(s[i:j], ",", ""), 64)
			if err != nil || !finite(v) || v > maxNumber {
				toks = append(toks, token{kind: tkSym, text: "#", start: i, end: j})
			} else {
				toks = append(toks, token{kind: tkNum, num: v, start: i, end: j})
			}
			i = j
		case r == '½' || r == '¼' || r == '¾':
			v := 0.5
			if r == '¼' {
				v = 0.25
			} else if r == '¾' {
				v = 0.75
			}
			if n := len(toks); n > 0 && toks[n-1].kind == tkNum && toks[n-1].end == i && toks[n-1].num == math.Trunc(toks[n-1].num) {
				toks[n-1].num += v // "1½"
				toks[n-1].end = i + w
			} else {
				toks = append(toks, token{kind: tkNum, num: v, start: i, end: i + w})
			}
			i += w
		case r == '²':
			toks = append(toks, token{kind: tkNum, num: 2, start: i, end: i + w})
			i += w
		case r == '³':
			toks = append(toks, token{kind: tkNum, num: 3, start: i, end: i + w})
			i += w
		case r == '×':
			toks = append(toks, token{kind: tkWord, text: "x", start: i, end: i + w})
			i += w
		case unicode.IsLetter(r):
			j, dotted := scanWord(s, i)
			t := s[i:j]
			if dotted {
				t = strings.ReplaceAll(t, ".", "")
			}
			toks = append(toks, token{kind: tkWord, text: lower(t), start: i, end: j})
			i = j
		default:
			sym, n := lexSym(s, i, r, w)
			if sym != "" {
				toks = append(toks, token{kind: tkSym, text: sym, start: i, end: i + n})
			}
			i += n
		}
	}
	return toks
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func prevDigit(s string, i int) bool { return i > 0 && isDigit(s[i-1]) }

// scanNumber returns the end of the number starting at i: digits with at
// most one decimal point, and commas as thousands separators only when
// followed by exactly three digits ("1,000"; "60,90" is two numbers).
func scanNumber(s string, i int) int {
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

// groupLen is the number of digits before position j back to the start or
// the previous comma.
func groupLen(s string, i, j int) int {
	n := 0
	for k := j - 1; k >= i && isDigit(s[k]); k-- {
		n++
	}
	return n
}

// scanWord returns the end of a letter run starting at i. A dot between
// single letters is absorbed ("q.d.", "b.i.d", "p.o.", "q.8h"), so that
// dotted abbreviations become one word; dotted reports whether it happened.
func scanWord(s string, i int) (end int, dotted bool) {
	j := i
	seg := 0 // letters since the last absorbed dot
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) {
			j += w
			seg++
			continue
		}
		if r == '.' && (seg == 1 || dotted) {
			// absorb when a letter or digit follows (q.d / q.8h), or when this
			// is the closing dot of an already dotted abbreviation ("q.d.").
			if j+1 < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+1:])
				if unicode.IsLetter(r2) && seg == 1 {
					dotted = true
					seg = 0
					j++
					continue
				}
				if isDigit(s[j+1]) && seg == 1 && j-i == 1 && (s[i] == 'q' || s[i] == 'Q') {
					dotted = true
					return j + 1, true
				}
			}
			if dotted && seg == 1 {
				return j + 1, true
			}
		}
		return j, dotted
	}
	return j, dotted
}

// lower lower-cases a word and folds the micro sign and Greek mu to "µ".
func lower(t string) string {
	t = strings.ToLower(t)
	if strings.ContainsRune(t, 'μ') {
		t = strings.ReplaceAll(t, "μ", "µ")
	}
	return t
}

// lexSym normalises punctuation. Dashes of every kind become "-", arrows
// become "→", "->" and "=>" become "→". Unknown symbols are returned as
// themselves; quote marks are dropped.
func lexSym(s string, i int, r rune, w int) (string, int) {
	switch r {
	case '-', '–', '—', '‑', '−', '‒':
		if i+w < len(s) && s[i+w] == '>' {
			return "→", w + 1
		}
		return "-", w
	case '=':
		if i+1 < len(s) && s[i+1] == '>' {
			return "→", 2
		}
		return "=", 1
	case '→', '⇒', '➔', '➝', '⟶':
		return "→", w
	case '↑':
		return "↑", w
	case '↓':
		return "↓", w
	case '≥':
		return "≥", w
	case '≤':
		return "≤", w
	case '>':
		if i+1 < len(s) && s[i+1] == '=' {
			return "≥", 2
		}
		return ">", 1
	case '<':
		if i+1 < len(s) && s[i+1] == '=' {
			return "≤", 2
		}
		return "<", 1
	case '"', '\'', '`', '‘', '’', '“', '”':
		return "", w
	case '∼', '≈':
		return "~", w
	case '\\':
		return "/", w
	}
	return s[i : i+w], w
}

// Number words. "a"/"an" are handled by callers because they are also articles.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "single": 1, "couple": 2,
}

// readNumber reads a number at toks[i]: digits, number words ("twenty-five",
// "one and a half", "half", "a half"). It returns the value, the index after
// it and whether words were used.
func readNumber(toks []token, i int) (v float64, next int, ok bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	t := toks[i]
	switch {
	case t.kind == tkNum:
		v, next = t.num, i+1
	case t.kind == tkWord && t.text == "half":
		return 0.5, i + 1, true
	case t.kind == tkWord && (t.text == "a" || t.text == "an") && i+1 < len(toks) && toks[i+1].isWord("half"):
		return 0.5, i + 2, true
	case t.kind == tkWord:
		w, found := numberWords[t.text]
		if !found {
			return 0, i, false
		}
		v, next = w, i+1
		if t.text == "couple" && next < len(toks) && toks[next].isWord("of") {
			next++
		}
		if w >= 20 && w < 100 && w == math.Trunc(w/10)*10 {
			j := next
			if j < len(toks) && toks[j].isSym("-") {
				j++
			}
			if j < len(toks) && toks[j].kind == tkWord {
				if u, ok := numberWords[toks[j].text]; ok && u > 0 && u < 10 {
					v += u
					next = j + 1
				}
			}
		}
	default:
		return 0, i, false
	}
	// "and a half", "and half", "-and-a-half"
	j := skipDash(toks, next)
	if j < len(toks) && (toks[j].isWord("and") || toks[j].isSym("&")) {
		k := skipDash(toks, j+1)
		if k < len(toks) && toks[k].isWord("a") {
			k = skipDash(toks, k+1)
		}
		if k < len(toks) && toks[k].isWord("half") {
			v += 0.5
			next = k + 1
		}
	}
	return v, next, true
}

func skipDash(toks []token, i int) int {
	if i < len(toks) && toks[i].isSym("-") {
		return i + 1
	}
	return i
}

// text returns the original text covered by toks[i:j].
func span(s string, toks []token, i, j int) string {
	if i >= j || i >= len(toks) {
		return ""
	}
	if j > len(toks) {
		j = len(toks)
	}
	return strings.TrimSpace(s[toks[i].start:toks[j-1].end])
}

// fmtNum formats a number for note messages without trailing zeros.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', 10, 64) }
