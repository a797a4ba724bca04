// Package table owns tresp's publication tables: a format-neutral Table
// model (title, caption, columns, rows with group/indent/bold flags,
// footnotes) and writers for CSV, GitHub Markdown, LaTeX (booktabs), HTML
// fragments and Word documents (.docx).
//
// Cells are strings: numbers are formatted by the caller (the pipeline
// decides digits and interval notation), so every format shows exactly the
// same text. Every writer escapes every piece of text for its format, so
// any string, however hostile, is shown literally and never interpreted:
//
//   - CSV: fields are quoted per RFC 4180 and neutralised against
//     spreadsheet formula injection (CWE-1236). A field whose first
//     character is = + - @ tab CR or LF, or whose first character after
//     leading blanks is = + - @, gets a single quote prefixed
//     ("'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1)"). Exempt, and
//     so kept numeric for spreadsheets, are fields that read as plain
//     numbers ("-0.5", "+3", "-1,234.5", "1e-3", "-12.5%", "-Inf", "NaN";
//     see IsNumber) and fields made only of '-' (a "not applicable"
//     placeholder). The rule looks at the text alone: a column marked
//     Numeric gets no exemption for a cell that is not a number, because
//     an interval such as "-0.1 (-0.3, 0.2)" or a hostile value in a
//     numeric column would otherwise be evaluated as a formula.
//   - Markdown: | \ ` * _ [ ] < > ~ $ & get a backslash, cell newlines
//     become <br>, and paragraph lines cannot open a block.
//   - LaTeX: \ { } $ & # ^ _ % ~ < > | ` become escapes or macros, and
//     the ligatures of "--", two apostrophes and ",," are broken with
//     \kern0pt; common
//     Unicode (≥ ≤ ± × − – — ° µ ² curly quotes, lone Greek letters) becomes
//     kernel macros that need no package; other characters stay UTF-8,
//     which LaTeX 2018+ reads by default (\usepackage[utf8]{inputenc}
//     before that). Only \usepackage{booktabs} is required;
//     \usepackage[T1]{fontenc} is recommended (straight double quotes).
//     pdflatex cannot set CJK or Greek words: use LuaLaTeX or XeLaTeX.
//   - HTML: & < > " ' become character references.
//   - DOCX: text is XML-escaped; characters XML 1.0 forbids are dropped.
//
// All writers are deterministic: the same Table gives the same bytes (the
// DOCX zip has a fixed entry order and a fixed 1980-01-01 timestamp).
package table
