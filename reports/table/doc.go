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
//     spreadsheet formula injection (CWE-1236) by tresp's one CSV writer,
//     internal/csvout, whose package doc states the rule: a field that
//     could start a formula ("=cmd|' /C calc'!A0", "+1+1", "-2+3",
//     "@SUM(A1)") gets a single quote prefixed; plain numbers ("-0.5",
//     "-Inf"; see IsNumber) and "-" placeholders stay as they are.
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
