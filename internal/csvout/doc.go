// Package csvout is the one CSV writer of tresp: every CSV file tresp
// writes (normalised/cases.csv, tables/*.csv, vocabulary_report.csv,
// review.csv, quarantine.csv, the publication tables) goes through Writer,
// so every cell gets the same treatment.
//
// Formula neutralisation (CWE-1236). Spreadsheets evaluate a cell that
// starts with = + - @ (and some, a tab or CR before one). A cell whose
// first character is = + - @ tab CR or LF, or whose first character after
// leading spaces, tabs and line ends is = + - @, is written with a single
// quote prefixed: "=HYPERLINK(…)" → "'=HYPERLINK(…)", "+cmd|' /C
// calc'!A0" → "'+cmd|' /C calc'!A0", "-2+3" → "'-2+3". Exempt, so that
// spreadsheets keep them numeric, are cells that read as a plain number
// ("-0.5", "+3", "-1,234.5", "1e-3", "-12.5%", "-Inf", "NaN"; see
// IsNumber) and cells made only of '-' (a "not applicable" placeholder).
// The rule looks at the text alone, so a hostile value in a numeric
// column is neutralised too, and a real negative number in a text column
// stays a number. A cell that already starts with quotes before such a
// text gets one more quote (so "'=x" is written with two quotes), so the rule is reversible:
// Unneutralize gives back the original text, and tresp's own readers of
// its outputs (tresp diff, --decisions) use it.
//
// Cleaning. CRLF and lone CR inside a cell become LF; control characters
// other than tab and LF (C0, DEL, C1) are dropped and invalid UTF-8
// becomes U+FFFD. Records end with LF and are quoted per RFC 4180.
package csvout
