package units

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tresp/tresp/data"
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
	voc        vocabBit // the word tables text is a key of (see look)
	num        float64
	bad        string // tkSym "#": why the lexer refused the number (data.ScanNumber)
	text       string
	start, end int
}

// vocabBit names a word table the parsers consult with a token's text.
// The lexer looks every word and symbol up once in vocab, so the parsers'
// per-token checks against tables a token is not in cost no map lookup.
type vocabBit uint16

const (
	vNumber   vocabBit = 1 << iota // numberWords
	vRoute                         // Lexicon.routes
	vChange                        // changeWords
	vFreq                          // Lexicon.fixed
	vVague                         // vagueWords
	vSex                           // sexWords
	vDurUnit                       // durationUnits (dose text)
	vDuration                      // durationWords
	vAge                           // ageWords
	vPeriod                        // Lexicon.periods
	vMass                          // Lexicon.units
	vLength                        // lengthUnits
	vRouteSeq                      // first word of a route of several tokens (Lexicon.routeSeqs)
	vFreqSeq                       // first word of a frequency of several words (Lexicon.fixedSeqs)
	vCount                         // Lexicon.counts
	vEvery                         // Lexicon.every
)

// vocabEntry is a word of some table: the tables it is a key of, and the
// key itself, which tokens spelling the word in capitals share instead of
// allocating a lower-cased copy each.
type vocabEntry struct {
	bits vocabBit
	word string
}

// codeVocab marks the words of the tables written in Go; a Lexicon adds
// its words to a copy of it.
var codeVocab = map[string]vocabEntry{}

// vocab maps a word to the tables it is a key of: codeVocab and the words
// of DefaultLexicon, so look(t, b, m) always equals m[t.text] for tokens
// lexed with it. A parser reading with another Lexicon lexes with that
// lexicon's map (lexCellWith).
var vocab = codeVocab

func init() {
	markKeys(codeVocab, vNumber, numberWords)
	markKeys(codeVocab, vChange, changeWords)
	markKeys(codeVocab, vVague, vagueWords)
	markKeys(codeVocab, vSex, sexWords)
	markKeys(codeVocab, vDurUnit, durationUnits)
	markKeys(codeVocab, vDuration, durationWords)
	markKeys(codeVocab, vAge, ageWords)
	markKeys(codeVocab, vLength, lengthUnits)
	vocab = defaultLexicon().vocab
}

// markKeys marks the keys of m with the bit b in voc.
func markKeys[V any](voc map[string]vocabEntry, b vocabBit, m map[string]V) {
	for k := range m {
		e := voc[k]
		e.bits |= b
		e.word = k
		voc[k] = e
	}
}

// look returns m[t.text] for the table m marked by b, skipping the map
// lookup when the lexer found the text is not one of m's keys.
func look[V any](t token, b vocabBit, m map[string]V) (V, bool) {
	if t.voc&b == 0 {
		var zero V
		return zero, false
	}
	v, ok := m[t.text]
	return v, ok
}

func (t token) isWord(w string) bool { return t.kind == tkWord && t.text == w }
func (t token) isSym(s string) bool  { return t.kind == tkSym && t.text == s }

// MaxCellBytes bounds the part of a cell the parsers read. A case-table
// cell is never this long with meaningful content: a longer one is read up
// to the last space among the 64 bytes before the limit (or, with none
// there, up to the last whole character before it), and the result carries
// a CodeTruncated note saying the rest was not read. Result Text fields
// still hold the whole cell.
const MaxCellBytes = 64 << 10

// cutWindow is how far back from MaxCellBytes a cell is cut at a space, so
// that no word or number is split in two.
const cutWindow = 64

// cellPrefix returns the part of text the parsers read and whether it is
// shorter than text (see MaxCellBytes).
func cellPrefix(text string) (s string, cut bool) {
	if len(text) <= MaxCellBytes {
		return text, false
	}
	for j := MaxCellBytes; j > MaxCellBytes-cutWindow; j-- {
		switch text[j] {
		case ' ', '\t', '\n', '\r':
			return text[:j], true
		}
	}
	k := MaxCellBytes
	for k > 0 && !utf8.RuneStart(text[k]) {
		k--
	}
	return text[:k], true
}

// noteCut adds a CodeTruncated note when the part read, s, is shorter
// than the cell text.
func noteCut(ns *notes, text, s string) {
	if len(s) == len(text) {
		return
	}
	ns.add(CodeTruncated, "cell of "+strconv.Itoa(len(text))+" bytes is longer than "+strconv.Itoa(MaxCellBytes)+
		": only its first "+strconv.Itoa(len(s))+" bytes were read")
}

// tokBuf is a reusable token slice; tokPool recycles them across calls so
// that parsing a cell allocates no token storage in the steady state.
type tokBuf struct{ toks []token }

var tokPool = sync.Pool{New: func() any { return new(tokBuf) }}

// lexCell lexes the part of text the parsers read (cellPrefix, returned as
// read) into a pooled buffer. The caller must call release on buf when it
// no longer uses toks (no parse result refers to the token slice).
func lexCell(text string) (read string, toks []token, buf *tokBuf) {
	return lexCellWith(text, vocab)
}

// lexCellWith is lexCell marking words with voc, a Lexicon's word marks.
func lexCellWith(text string, voc map[string]vocabEntry) (read string, toks []token, buf *tokBuf) {
	read, _ = cellPrefix(text)
	buf = tokPool.Get().(*tokBuf)
	buf.toks = lexWith(buf.toks[:0], read, voc)
	return read, buf.toks, buf
}

// release clears the buffer (so it keeps no strings alive) and returns it
// to the pool.
func (b *tokBuf) release() {
	clear(b.toks)
	b.toks = b.toks[:0]
	tokPool.Put(b)
}

// lexInto splits s into tokens in one pass, reusing toks' storage (it
// appends to toks[:0], growing it when needed). It never fails: every rune
// becomes part of a token or is skipped as space. Time and memory are linear
// in len(s).
func lexInto(toks []token, s string) []token { return lexWith(toks, s, vocab) }

// lexWith is lexInto marking words with voc.
func lexWith(toks []token, s string, voc map[string]vocabEntry) []token {
	// Every token consumes at least one byte, so len(s)+1 tokens never
	// grow the slice: one allocation (none with a pooled buffer), no copying.
	if need := len(s) + 1; cap(toks) < need {
		toks = make([]token, 0, need)
	}
	toks = toks[:0]
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII fast paths; the same readings as the general cases below.
			switch {
			case asciiSpace[c]:
				i++
				continue
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				j, dotted := scanWord(s, i)
				toks = appendWord(toks, s[i:j], dotted, i, j, voc)
				i = j
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w <= 1:
			i++ // invalid byte: skip
		case unicode.IsSpace(r):
			i += w
		case r >= '0' && r <= '9' || r == '.' && i+1 < len(s) && isDigit(s[i+1]) && !prevDigit(s, i) || r >= utf8.RuneSelf && unicode.IsDigit(r):
			j, v, reason := data.ScanNumber(s, i)
			start := i
			if n := len(toks); n > 0 && minusSign(s, toks, n-1, i) {
				// "-5": the sign belongs to the number, so that no parser
				// reads 5 (they refuse negative numbers, see refused)
				start, v = toks[n-1].start, -v
				toks = toks[:n-1]
			}
			if reason != "" {
				toks = append(toks, token{kind: tkSym, text: "#", bad: reason, start: start, end: j})
			} else {
				toks = append(toks, token{kind: tkNum, num: v, start: start, end: j})
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
			toks = appendWord(toks, "x", false, i, i+w, voc)
			i += w
		case unicode.IsLetter(r):
			j, dotted := scanWord(s, i)
			toks = appendWord(toks, s[i:j], dotted, i, j, voc)
			i = j
		default:
			sym, n := lexSym(s, i, r, w)
			if sym != "" {
				toks = append(toks, token{kind: tkSym, voc: symVocab(sym, voc), text: sym, start: i, end: i + n})
			}
			i += n
		}
	}
	return toks
}

// symVocab is voc[sym] for a symbol token. No table has a one-byte
// ASCII symbol as a key (TestVocabKeys), so those skip the lookup.
func symVocab(sym string, voc map[string]vocabEntry) vocabBit {
	if len(sym) == 1 && sym[0] < utf8.RuneSelf {
		return 0
	}
	return voc[sym].bits
}

// appendWord appends the word token of raw, the text s[start:end] (see
// wordText), marking the tables it is a key of.
func appendWord(toks []token, raw string, dotted bool, start, end int, voc map[string]vocabEntry) []token {
	text, bits := wordText(raw, dotted, voc)
	return append(toks, token{kind: tkWord, voc: bits, text: text, start: start, end: end})
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func prevDigit(s string, i int) bool { return i > 0 && isDigit(s[i-1]) }

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// minusSign reports whether toks[k], the token before a number starting
// at i, is a minus sign of that number: a '-' or '−' directly before it,
// itself at the start of the cell or after a space or one of ( [ : ; =,
// and not after a number ("5 -10" and "5-10" are ranges).
func minusSign(s string, toks []token, k, i int) bool {
	t := toks[k]
	if !t.isSym("-") || t.end != i {
		return false
	}
	if raw := s[t.start:t.end]; raw != "-" && raw != "−" {
		return false
	}
	if t.start > 0 && !strings.ContainsRune(" \t\n([:;=", rune(s[t.start-1])) {
		return false
	}
	return k == 0 || toks[k-1].kind != tkNum
}

// refused returns the note that makes a parser give up on a cell: a
// number the lexer could not read (data.ScanNumber's reason) or a
// negative number, which no quantity tresp reads can be (what names the
// quantity: "age", "dose", …). A cell is never partly read: "1.000,5 mg"
// is not 1 mg nor 5 mg, and "-3 months" is not 91 days.
func refused(s string, toks []token, what string) (Note, bool) {
	for _, t := range toks {
		switch {
		case t.kind == tkSym && t.bad != "":
			return Note{CodeNumberUnreadable, "cannot read the number \"" + s[t.start:t.end] + "\" in the " + what + ": " + t.bad}, true
		case t.kind == tkNum && t.num < 0:
			return Note{CodeNegative, "negative " + what + " \"" + s[t.start:t.end] + "\": not read (it cannot be negative)"}, true
		}
	}
	return Note{}, false
}

// scanWord returns the end of a letter run starting at i. A dot between
// single letters is absorbed ("q.d.", "b.i.d", "p.o.", "q.8h"), so that
// dotted abbreviations become one word; dotted reports whether it happened.
func scanWord(s string, i int) (end int, dotted bool) {
	j := i
	seg := 0 // letters since the last absorbed dot
	for j < len(s) {
		if c := s[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			j++ // ASCII letter: the common case
			seg++
			continue
		}
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

// wordText is the text of a word token, dots of a dotted abbreviation
// removed and lower-cased (see lower), and the tables it is a key of. It
// allocates only for an unknown word that needed changing: a lower-case
// ASCII word is the substring of the cell, and a known word written with
// capitals or dots ("TID", "q.d.") is the table's own key.
func wordText(t string, dotted bool, vocab map[string]vocabEntry) (string, vocabBit) {
	var buf [32]byte
	n, changed := 0, dotted
	for k := 0; k < len(t); k++ {
		c := t[k]
		if c >= utf8.RuneSelf || n == len(buf) {
			// non-ASCII or long: the general path
			if dotted {
				t = strings.ReplaceAll(t, ".", "")
			}
			w := lower(t)
			return w, vocab[w].bits
		}
		if c == '.' && dotted {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			changed = true
		}
		buf[n] = c
		n++
	}
	if !changed {
		return t, vocab[t].bits
	}
	if e, ok := vocab[string(buf[:n])]; ok { // no allocation for the lookup
		return e.word, e.bits
	}
	return string(buf[:n]), 0
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

// NumberWord returns the value of a number written as a word ("three", "twelve",
// "couple"), lower case, and whether w is one.
func NumberWord(w string) (float64, bool) {
	v, ok := numberWords[w]
	return v, ok
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
		w, found := look(t, vNumber, numberWords)
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
				if u, ok := look(toks[j], vNumber, numberWords); ok && u > 0 && u < 10 {
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
