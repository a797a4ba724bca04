package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAbbrevLen is the longest upper-case term that must be upper case in scanned text.
const maxAbbrevLen = 5

// token is one word of normalised text with its byte span in the original.
type token struct {
	norm       string // lower-cased, diacritics folded, apostrophes dropped
	start, end int    // byte offsets into the original text
	upper      bool   // the original word has letters and all of them are upper case
	brk        bool   // clause punctuation (. ; , : ! ? | line break, an arrow) stands between this token and the previous one
	dash       bool   // a dash (- – — ‐ ‑ ‒ −) stands between this token and the previous one
	comma      bool   // a comma or colon stands between this token and the previous one
	arrow      bool   // an arrow (→ ⟶ ⇒ -> =>) stands between this token and the previous one
}

// fold maps a lower-case Latin letter with a diacritic to its ASCII base.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae",
	'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'œ': "oe",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss",
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘'
}

func isClauseBreak(r rune) bool {
	switch r {
	case '.', ';', ',', ':', '!', '?', '|', '\n', '\r', '•',
		'→', '⟶', '⇒', '➔', '➜': // "gait with aid→gait without aid": an arrow separates two states in time
		return true
	}
	return false
}

// tokenize splits s into normalised words. Letters and digits form words; apostrophes are
// dropped inside words ("didn't" → "didnt"); every other character separates words.
// It runs in time linear in len(s).
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/6+1)
	// A word whose every character is its own normal form (lower-case ASCII letters and digits,
	// the common case) is a slice of s; the builder holds a word from its first changed character.
	var b strings.Builder
	start, built, hasLetter, allUpper, brk, dash, comma, arrow := -1, false, false, true, false, false, false, false
	// emit appends a token with the separators seen since the last one (none before the first)
	emit := func(norm string, start, end int, upper bool) {
		first := len(toks) == 0
		toks = append(toks, token{norm: norm, start: start, end: end, upper: upper, brk: brk && !first, dash: dash && !first, comma: comma && !first, arrow: arrow && !first})
		brk, dash, comma, arrow = false, false, false, false
	}
	flush := func(end int) {
		if start >= 0 {
			norm := s[start:end]
			if built {
				norm = b.String()
			}
			if norm != "" {
				emit(norm, start, end, hasLetter && allUpper)
			}
		}
		b.Reset()
		start, built = -1, false
		hasLetter, allUpper = false, true
	}
	// build switches the current word to the builder, with its text so far up to i.
	build := func(i int) {
		if !built {
			b.WriteString(s[start:i])
			built = true
		}
	}
	for i := 0; i < len(s); {
		if start < 0 { // a word's start: "w/o relapse" is without, "at 3/12" three months
			if norm, n := slashWord(s, i, toks); n > 0 {
				emit(norm, i, i+n, false)
				i += n
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII: the same decisions as below, without the Unicode tables
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				if start < 0 {
					start = i
				}
				if c >= 'a' {
					hasLetter, allUpper = true, false
				}
				if built {
					b.WriteByte(c)
				}
			case 'A' <= c && c <= 'Z':
				if start < 0 {
					start = i
				}
				hasLetter = true
				build(i)
				b.WriteByte(c + 'a' - 'A')
			case (c == '\'' || c == '`') && start >= 0:
				build(i) // the apostrophe is dropped
				if skip, ok := apostrophe(s, i, 1); ok {
					i = skip
					continue
				}
			default:
				flush(i)
				if c == '.' && len(toks) > 0 && abbreviationDot(s, toks[len(toks)-1], i) {
					// "no sig. improvement": the word the abbreviation stands for, and no break
					toks[len(toks)-1].norm = dottedModifiers[toks[len(toks)-1].norm]
				} else if isClauseBreak(rune(c)) || (c == '-' || c == '/') && spacedAt(s, i) {
					brk = true // " - ", " / " between statements ("not optimal - only PR", "Efficacy: no / Recurrence: n/a")
				}
				dash = dash || c == '-'
				comma = comma || c == ',' || c == ':'
				arrow = arrow || c == '>' && i > 0 && (s[i-1] == '-' || s[i-1] == '=')
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			hasLetter = hasLetter || unicode.IsLetter(r)
			allUpper = allUpper && !(unicode.IsLower(r) && !unicode.IsUpper(r))
			build(i)
			lr := unicode.ToLower(r)
			if f, ok := fold[lr]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(lr)
			}
		case arrowWords[r] != "":
			// "↓ exacerbation rate", "↑ FEV1": a table's arrow is a word of change
			flush(i)
			emit(arrowWords[r], i, i+size, false)
		case isApostrophe(r) && start >= 0:
			build(i)
			if skip, ok := apostrophe(s, i, size); ok {
				i = skip
				continue
			}
		default:
			flush(i)
			if isClauseBreak(r) || isDash(r) && spacedAt(s, i) && size > 1 {
				brk = true
			}
			dash = dash || isDash(r)
			arrow = arrow || strings.ContainsRune(arrowRunes, r)
		}
		i += size
	}
	flush(len(s))
	return toks
}

// abbreviationDot reports whether the full stop at s[dot] ends an abbreviation of a
// modifier right before it ("no sig. improvement", "approx. 50 %"), with a lower-case word
// or a number after it: it is no clause break, so that a negation's scope goes on.
func abbreviationDot(s string, prev token, dot int) bool {
	if prev.end != dot || dottedModifiers[prev.norm] == "" {
		return false
	}
	for x := dot + 1; x < len(s); x++ {
		switch c := s[x]; {
		case c == ' ':
			continue
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			return true
		default:
			return false
		}
	}
	return false
}

// dottedModifiers are abbreviations written with a full stop that qualify the words after
// them, with the word each stands for; abbreviations of time ("mo.", "wk.", "min.") are left
// out, as they often end a sentence.
var dottedModifiers = map[string]string{"sig": "significant", "signif": "significant", "approx": "approximately",
	"incl": "including", "vs": "versus", "mod": "moderate", "sev": "severe", "pt": "patient", "pts": "patients",
	"clin": "clinical", "rad": "radiological"}

// apostrophe reads an apostrophe of size bytes at s[i] inside a word: the word goes on
// without it, and a possessive 's is dropped with it ("Diltiazem's" → "diltiazem",
// "Sjögren's" → "sjogren"). It returns where reading goes on when the 's is dropped.
func apostrophe(s string, i, size int) (int, bool) {
	if i+size < len(s) && (s[i+size] == 's' || s[i+size] == 'S') {
		if j := i + size + 1; j == len(s) || !isWordByte(s, j) {
			return j, true
		}
	}
	return 0, false
}

// isDash reports whether r is a dash other than the ASCII hyphen: en and em dashes, the
// Unicode hyphens and the minus sign that tables set between a number and a grade.
func isDash(r rune) bool {
	switch r {
	case '–', '—', '‐', '‑', '‒', '−':
		return true
	}
	return false
}

// arrowWords are the arrows of clinical tables read as words of change.
var arrowWords = map[rune]string{'↓': "decreased", '⇓': "decreased", '↑': "increased", '⇑': "increased"}

// isWordByte reports whether the rune starting at s[j] is a letter or digit.
func isWordByte(s string, j int) bool {
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normalize returns the normalised form of s: its words joined by single spaces.
func normalize(s string) string {
	toks := tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// words returns the normalised words of s.
func words(s string) []string {
	toks := tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.norm
	}
	return out
}

// isUpperAbbrev reports whether a term as written in a vocabulary file is a short
// upper-case abbreviation (one word, at most 5 characters, letters all upper case, e.g. "RA",
// "MTX", "CREST", "CR"). Such terms only match upper-case words when scanning free text.
func isUpperAbbrev(term string) bool {
	t := strings.TrimSpace(term)
	if utf8.RuneCountInString(t) > maxAbbrevLen || len(tokenize(t)) != 1 {
		return false
	}
	letters := false
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		} else if !unicode.IsDigit(r) {
			return false
		}
	}
	return letters
}

// trieNode is a node of a word trie: the path from the root spells a normalised term.
type trieNode struct {
	next map[string]*trieNode
	ids  []int // entries whose term ends here, in file order
}

func (n *trieNode) insert(ws []string, id int) {
	for _, w := range ws {
		if n.next == nil {
			n.next = make(map[string]*trieNode)
		}
		c := n.next[w]
		if c == nil {
			c = &trieNode{}
			n.next[w] = c
		}
		n = c
	}
	n.ids = append(n.ids, id)
}

// lookup returns the ids of the entries whose term is exactly ws.
func (n *trieNode) lookup(ws []string) []int {
	for _, w := range ws {
		n = n.next[w]
		if n == nil {
			return nil
		}
	}
	return n.ids
}

// longest returns the length in tokens and the accepted ids of the longest term starting at
// toks[i]. accept filters the ids of a terminal (it may return nil to reject it); a nil
// accept keeps all ids.
func (n *trieNode) longest(toks []token, i int, accept func(ids []int, toks []token) []int) (int, []int) {
	bestN, bestIDs := 0, []int(nil)
	for j := i; j < len(toks) && n != nil; j++ {
		n = n.next[toks[j].norm]
		if n == nil {
			break
		}
		if len(n.ids) > 0 {
			ids := n.ids
			if accept != nil {
				ids = accept(ids, toks[i:j+1])
			}
			if len(ids) > 0 {
				bestN, bestIDs = j-i+1, ids
			}
		}
	}
	return bestN, bestIDs
}

// Normalize returns the form in which the vocabularies compare text: words of letters and
// digits, lower-cased, Latin diacritics folded, apostrophes and a possessive 's dropped,
// joined by single spaces ("Sjögren's  Syndrome" → "sjogren syndrome").
func Normalize(s string) string { return normalize(s) }

// wordIn reports whether a word of set stands among the tokens from a to b (exclusive).
func wordIn(toks []token, a, b int, set map[string]bool) bool {
	for k := max(a, 0); k < b && k < len(toks); k++ {
		if set[toks[k].norm] {
			return true
		}
	}
	return false
}

// onlyWords reports whether every token from a to b (exclusive) is in set.
func onlyWords(toks []token, a, b int, set map[string]bool) bool {
	for x := a; x < b; x++ {
		if !set[toks[x].norm] {
			return false
		}
	}
	return true
}

// mixedCaseCode reports whether a term is one short word of letters in mixed case with an
// upper-case letter after the first ("sCR", "nCR"): a code whose case is part of it.
func mixedCaseCode(term string) bool {
	t := strings.TrimSpace(term)
	if utf8.RuneCountInString(t) > maxAbbrevLen || len(tokenize(t)) != 1 {
		return false
	}
	lower, upperLater := false, false
	for i, r := range t {
		switch {
		case !unicode.IsLetter(r):
			return false
		case unicode.IsLower(r):
			lower = true
		case i > 0:
			upperLater = true
		}
	}
	return lower && upperLater
}

// spacedAt reports whether the character at byte i of s (a dash) has a space on each side:
// a dash between two statements ("not tolerated - switched"), not one inside a word or a
// range ("anti-TNF", "3-5 mm", "3 -5").
func spacedAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return i > 0 && s[i-1] == ' ' && i+size < len(s) && s[i+size] == ' '
}

// slashAbbreviation returns the word a clinical note's slash abbreviation at byte i of s
// stands for, and its length: "w/o" without, "w/i" within, "w/" with (before a space);
// n is 0 when none starts there. s[i] is a "w" that starts a word; the abbreviation must
// end one.
func slashAbbreviation(s string, i int) (norm string, n int) {
	if i+1 >= len(s) || s[i+1] != '/' || i > 0 && isWordByte(s, i-1) {
		return "", 0
	}
	if i+2 < len(s) && (i+3 == len(s) || !isWordByte(s, i+3)) {
		switch s[i+2] | 0x20 {
		case 'o':
			return "without", 3
		case 'i':
			return "within", 3
		}
	}
	if i+2 < len(s) && s[i+2] == ' ' {
		return "with", 2
	}
	return "", 0
}

// slashWord reads a word with a slash at a word's start s[i], after the tokens toks: an
// abbreviation ("w/o", slashAbbreviation) or a time over 12, 52 or 7 (slashTime).
func slashWord(s string, i int, toks []token) (norm string, n int) {
	switch {
	case s[i]|0x20 == 'w':
		return slashAbbreviation(s, i)
	case '0' <= s[i] && s[i] <= '9' && (i == 0 || !isWordByte(s, i-1)):
		prev := ""
		if len(toks) > 0 {
			prev = toks[len(toks)-1].norm
		}
		return slashTime(s, i, prev)
	}
	return "", 0
}

// slashTime reads the clinical notation of a time at s[i]: a count of months over 12, of
// weeks over 52 or of days over 7 ("at 3/12" three months, "after 6/52" six weeks, "2/7" two
// days), returned as one token ("3mo", "6wk", "2d") and its length in bytes. Such a fraction
// is read as a time only where a time stands: after a word of time (prev: "at", "after",
// "by", "within", "post", "for", "over", "x", "until", "since", "from", a stop "d/c", "w/d";
// not "in": "remission in 4/7" is as often four of seven patients) or before one ("4/12 post",
// "2/52 later"). Elsewhere it stays two numbers ("3/12 patients", "responded in 3/12").
func slashTime(s string, i int, prev string) (norm string, n int) {
	j := i
	for j < len(s) && j-i < 3 && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j == i || j >= len(s) || s[j] != '/' {
		return "", 0
	}
	k := j + 1
	for k < len(s) && '0' <= s[k] && s[k] <= '9' {
		k++
	}
	if k < len(s) && (isWordByte(s, k) || s[k] == '/' || s[k] == '.' && k+1 < len(s) && '0' <= s[k+1] && s[k+1] <= '9') {
		return "", 0
	}
	var unit string
	switch s[j+1 : k] {
	case "12":
		unit = "mo"
	case "52":
		unit = "wk"
	case "7":
		unit = "d"
	}
	if unit == "" || unit != "wk" && j-i > 2 {
		return "", 0
	}
	before := slashTimeBefore[prev]
	if !before {
		next := strings.TrimLeft(s[k:], " ")
		w := 0
		for w < len(next) && isWordByte(next, w) {
			w++
		}
		before = slashTimeAfter[strings.ToLower(next[:w])]
	}
	if !before {
		return "", 0
	}
	return s[i:j] + unit, k - i
}

// slashTimeBefore and slashTimeAfter are the words beside which a fraction over 12, 52 or 7
// is a time (slashTime).
var (
	slashTimeBefore = map[string]bool{"at": true, "after": true, "by": true, "within": true, "post": true, "for": true,
		"over": true, "x": true, "until": true, "till": true, "since": true, "from": true, "approx": true, "c": true,
		"d": true, "stopped": true, "died": true, "relapsed": true, "recurred": true, "relapse": true, "recurrence": true}
	slashTimeAfter = map[string]bool{"post": true, "later": true, "ago": true, "postop": true, "pi": true}
)
