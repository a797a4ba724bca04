// Package csvio reads case tables from CSV files as clinicians export them
// and writes tresp's CSV outputs.
//
// The reader accepts UTF-8 with or without a byte-order mark, detects the
// delimiter (comma, semicolon or tab) from the header line, reads quoted
// multi-line cells, and, in semicolon-separated files, reads decimal commas
// as points, in number cells and inside text ("8,5" → "8.5", "2,5x1,5 cm"
// → "2.5x1.5 cm"; a list such as "1,2,3" is left alone). It streams one record at
// a time, so memory does not grow with the file; a single record larger
// than MaxRecordBytes is an error rather than an allocation without bound.
// Binary or non-UTF-8 input is rejected with the byte offset where it was
// found.
package csvio
