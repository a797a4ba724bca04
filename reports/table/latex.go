package table

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// latexHeader is the comment that opens every LaTeX table.
const latexHeader = `% Written by tresp. Needs \usepackage{booktabs} and \usepackage{graphicx}. The source is UTF-8:
% LaTeX 2018 and later read UTF-8 by default (older: \usepackage[utf8]{inputenc});
% \usepackage[T1]{fontenc} is recommended (straight " and accented letters);
% scripts other than Latin (CJK, Greek words) need LuaLaTeX/XeLaTeX.
`

// WriteLaTeX writes t as a LaTeX table float: \caption (title, then
// caption) and \label, a tabular in \small with booktabs rules (\toprule,
// \midrule, \bottomrule), spanning headers over column groups with
// \cmidrule, and the column alignments (l, c, r), and the footnotes in
// \footnotesize in a full-width minipage below the tabular. The tabular is
// set in a box first and scaled down to \linewidth when wider, so the table
// never overflows the text width. booktabs and graphicx are needed. Group rows span all columns in bold, preceded by \addlinespace
// except at the top; each Indent level is \hspace{1em}; a newline inside a
// cell makes a nested one-column tabular. LaTeX numbers the caption itself
// ("Table 2: ..."), so a Title should not carry its own "Table N.".
//
// Every character is escaped (see EscapeLaTeX).
func WriteLaTeX(w io.Writer, t Table) error {
	if err := t.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(latexHeader)
	bw.WriteString("\\begin{table}[htbp]\n\\centering\n")
	title := strings.TrimSpace(EscapeLaTeX(oneLine(t.Title)))
	caption := strings.TrimSpace(EscapeLaTeX(oneLine(t.Caption)))
	switch {
	case title != "" && caption != "":
		sep := ". "
		if strings.HasSuffix(t.Title, ".") || strings.HasSuffix(t.Title, "?") || strings.HasSuffix(t.Title, "!") || strings.HasSuffix(t.Title, ":") {
			sep = " "
		}
		fmt.Fprintf(bw, "\\caption[{%s}]{%s%s%s}\n\\smallskip\n", title, title, sep, caption)
	case title != "":
		fmt.Fprintf(bw, "\\caption{%s}\n\\smallskip\n", title)
	case caption != "":
		fmt.Fprintf(bw, "\\caption{%s}\n\\smallskip\n", caption)
	}
	if lbl := texLabel(t.Label); lbl != "" {
		fmt.Fprintf(bw, "\\label{%s}\n", lbl)
	}
	spec := make([]byte, len(t.Columns))
	wrap := make([]bool, len(t.Columns))
	for j, c := range t.Columns {
		spec[j] = texAlign(c.align())
		// A left-aligned column with a line longer than texWrapAt
		// characters wraps in a 0.3\linewidth paragraph box instead of
		// widening the table until it must be scaled down.
		for _, r := range t.Rows {
			if !r.Group && spec[j] == 'l' && utf8.RuneCountInString(r.cell(j)) > texWrapAt {
				wrap[j] = true
			}
		}
	}
	bw.WriteString("\\small\\setlength{\\tabcolsep}{4pt}%\n\\ifdefined\\trespbox\\else\\newsavebox{\\trespbox}\\fi\n\\sbox{\\trespbox}{%\n")
	fmt.Fprintf(bw, "\\begin{tabular}{%s}\n\\toprule\n", spec)
	if sp := t.spans(); sp != nil {
		var heads, rules []string
		for _, s := range sp {
			if s.label == "" {
				for j := s.from; j <= s.to; j++ {
					heads = append(heads, "")
				}
				continue
			}
			heads = append(heads, fmt.Sprintf("\\multicolumn{%d}{c}{%s}", s.to-s.from+1, texCell(s.label, 'c', false)))
			rules = append(rules, fmt.Sprintf("\\cmidrule(lr){%d-%d}", s.from+1, s.to+1))
		}
		bw.WriteString(strings.Join(heads, " & ") + " \\\\\n" + strings.Join(rules, " ") + "\n")
	}
	cells := make([]string, len(t.Columns))
	for j, c := range t.Columns {
		cells[j] = texCell(c.label(), spec[j], false)
	}
	bw.WriteString(strings.Join(cells, " & ") + " \\\\\n\\midrule\n")
	for i, r := range t.Rows {
		indent := strings.Repeat(`\hspace{1em}`, r.Indent)
		if r.Group {
			if i > 0 {
				bw.WriteString("\\addlinespace\n")
			}
			fmt.Fprintf(bw, "\\multicolumn{%d}{l}{%s%s} \\\\\n", len(t.Columns), indent, texCell(r.label(), 'l', true))
			continue
		}
		for j := range cells {
			cells[j] = texCell(r.cell(j), spec[j], r.Bold)
			if wrap[j] && cells[j] != "" && !strings.Contains(cells[j], "\\begin{tabular}") {
				cells[j] = `\parbox[t]{0.3\linewidth}{\raggedright ` + cells[j] + `}`
			}
		}
		if cells[0] != "" {
			cells[0] = indent + cells[0]
		}
		bw.WriteString(strings.Join(cells, " & ") + " \\\\\n")
	}
	bw.WriteString("\\bottomrule\n\\end{tabular}}%\n")
	bw.WriteString("\\ifdim\\wd\\trespbox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\trespbox}}\\else\\usebox{\\trespbox}\\fi\n")
	if len(t.Footnotes) > 0 {
		bw.WriteString("\\par\\smallskip\n\\begin{minipage}{\\linewidth}\\footnotesize\\raggedright\n")
		for i, f := range t.Footnotes {
			lines := strings.Split(normalizeNewlines(f), "\n")
			for k, l := range lines {
				lines[k] = strings.TrimSpace(EscapeLaTeX(l))
			}
			bw.WriteString(strings.Join(lines, "\\newline\n"))
			if i < len(t.Footnotes)-1 {
				bw.WriteString("\\par")
			}
			bw.WriteString("\n")
		}
		bw.WriteString("\\end{minipage}\n")
	}
	bw.WriteString("\\end{table}\n")
	return bw.Flush()
}

// texWrapAt is the longest cell line a left-aligned LaTeX column keeps on
// one line.
const texWrapAt = 40

// texLabel keeps the characters of a \label key that are safe in any
// LaTeX setup: letters, digits and : - . (_ and space become -, others are
// dropped).
func texLabel(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ':', r == '-', r == '.':
			b.WriteRune(r)
		case r == '_' || r == ' ':
			b.WriteRune('-')
		}
	}
	return b.String()
}

// texAlign returns the tabular column letter for a.
func texAlign(a Align) byte {
	switch a {
	case AlignCenter:
		return 'c'
	case AlignRight:
		return 'r'
	}
	return 'l'
}

// oneLine replaces line ends with spaces.
func oneLine(s string) string {
	return strings.ReplaceAll(normalizeNewlines(s), "\n", " ")
}

// texCell escapes a cell; several lines become a nested tabular.
func texCell(s string, align byte, bold bool) string {
	lines := strings.Split(normalizeNewlines(s), "\n")
	for k, l := range lines {
		lines[k] = strings.TrimSpace(EscapeLaTeX(l))
	}
	out := lines[0]
	if len(lines) > 1 {
		out = fmt.Sprintf("\\begin{tabular}[t]{@{}%c@{}}%s\\end{tabular}", align, strings.Join(lines, " \\\\ "))
	}
	if out == "" {
		return ""
	}
	// A cell must not start with [ or *: after \\ or a booktabs rule they
	// would be read as an optional argument or a star.
	if out[0] == '[' || out[0] == '*' {
		out = "{}" + out
	}
	if bold {
		out = `\textbf{` + out + `}`
	}
	return out
}

// texMacros maps characters to LaTeX text that compiles with the standard
// kernel and fonts, without extra packages.
var texMacros = map[rune]string{
	'\\': `\textbackslash{}`,
	'{':  `\{`,
	'}':  `\}`,
	'$':  `\$`,
	'&':  `\&`,
	'#':  `\#`,
	'%':  `\%`,
	'_':  `\_`,
	'^':  `\textasciicircum{}`,
	'~':  `\textasciitilde{}`,
	'<':  `\textless{}`,
	'>':  `\textgreater{}`,
	'|':  `\textbar{}`,
	'`':  `\textasciigrave{}`,
	'\t': ` `,

	'\u00a0': `~`,             // no-break space
	'\u2009': `\,`,            // thin space
	'\u202f': `\,`,            // narrow no-break space
	'\u2013': `--`,            // en dash
	'\u2014': `---`,           // em dash
	'\u2018': "`",             // left single quote
	'\u2019': `'`,             // right single quote
	'\u201c': "``",            // left double quote
	'\u201d': `''`,            // right double quote
	'\u2026': `\ldots{}`,      // ellipsis
	'\u2020': `\dag{}`,        // dagger
	'\u2021': `\ddag{}`,       // double dagger
	'\u00a7': `\S{}`,          // section sign
	'\u00b6': `\P{}`,          // pilcrow
	'\u2022': `\textbullet{}`, // bullet
	'\u00a9': `\textcopyright{}`,
	'\u00ae': `\textregistered{}`,
	'\ufffd': `?`, // replacement character (invalid UTF-8)

	'\u2265': `\ensuremath{\geq}`,
	'\u2264': `\ensuremath{\leq}`,
	'\u2260': `\ensuremath{\neq}`,
	'\u2248': `\ensuremath{\approx}`,
	'\u00d7': `\ensuremath{\times}`,
	'\u00f7': `\ensuremath{\div}`,
	'\u00b1': `\ensuremath{\pm}`,
	'\u2212': `\ensuremath{-}`, // minus sign
	'\u00b7': `\ensuremath{\cdot}`,
	'\u22c5': `\ensuremath{\cdot}`,
	'\u2192': `\ensuremath{\rightarrow}`,
	'\u2190': `\ensuremath{\leftarrow}`,
	'\u2191': `\ensuremath{\uparrow}`,
	'\u2193': `\ensuremath{\downarrow}`,
	'\u221e': `\ensuremath{\infty}`,
	'\u00b0': `\ensuremath{^{\circ}}`,
	'\u00b9': `\ensuremath{^{1}}`,
	'\u00b2': `\ensuremath{^{2}}`,
	'\u00b3': `\ensuremath{^{3}}`,
	'\u2070': `\ensuremath{^{0}}`,
	'\u2074': `\ensuremath{^{4}}`,
	'\u2075': `\ensuremath{^{5}}`,
	'\u2076': `\ensuremath{^{6}}`,
	'\u2077': `\ensuremath{^{7}}`,
	'\u2078': `\ensuremath{^{8}}`,
	'\u2079': `\ensuremath{^{9}}`,
	'\u207b': `\ensuremath{^{-}}`,
	'\u00b5': `\ensuremath{\mu}`, // micro sign
	'\u03b1': `\ensuremath{\alpha}`,
	'\u03b2': `\ensuremath{\beta}`,
	'\u03b3': `\ensuremath{\gamma}`,
	'\u03b4': `\ensuremath{\delta}`,
	'\u03b5': `\ensuremath{\varepsilon}`,
	'\u03ba': `\ensuremath{\kappa}`,
	'\u03bb': `\ensuremath{\lambda}`,
	'\u03bc': `\ensuremath{\mu}`,
	'\u03c0': `\ensuremath{\pi}`,
	'\u03c3': `\ensuremath{\sigma}`,
	'\u03c4': `\ensuremath{\tau}`,
	'\u03c7': `\ensuremath{\chi}`,
	'\u03c9': `\ensuremath{\omega}`,
	'\u0394': `\ensuremath{\Delta}`,
	'\u03a3': `\ensuremath{\Sigma}`,
}

// ligature reports whether TeX fonts would join a and b into one glyph
// ("--" en dash, two apostrophes, ",," low quote); backquotes are macros,
// so "!`" and "?`" cannot form inverted marks.
func ligature(a, b rune) bool {
	switch b {
	case '-', '\'', ',':
		return a == b
	}
	return false
}

// isGreek reports whether r is in the Greek and Coptic block.
func isGreek(r rune) bool { return r >= 0x370 && r <= 0x3ff }

// nextRune returns the rune after the one starting at byte i of s, or 0.
func nextRune(s string, i int) rune {
	_, size := utf8.DecodeRuneInString(s[i:])
	if i+size >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i+size:])
	return r
}

// EscapeLaTeX returns s as LaTeX text that typesets s literally: the ten
// special characters \ { } $ & # ^ _ % ~ and < > | ` become macros or escaped
// forms, common typographic and mathematical Unicode characters (≥ ≤ ≠ ≈ ×
// ± − · ° µ ² ³ ⁹ ⁻ – — curly quotes, …, lone Greek letters as in α or χ²)
// become kernel macros, ligatures ("--", two apostrophes, ",,") are broken
// with \kern0pt, control characters are dropped, tabs become spaces, and
// other characters stay UTF-8. Newlines are not handled here (writers split lines first).
func EscapeLaTeX(s string) string {
	var b strings.Builder
	var prev rune
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				r = '\ufffd'
			}
		}
		switch {
		case isGreek(r) && (isGreek(prev) || isGreek(nextRune(s, i))):
			// Greek words stay UTF-8; only lone letters (α, χ²) become math.
			b.WriteRune(r)
		case texMacros[r] != "":
			b.WriteString(texMacros[r])
		case ligature(prev, r):
			// An empty group does not stop LuaTeX's ligatures; a kern does.
			b.WriteString(`\kern0pt`)
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// control character: drop
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
