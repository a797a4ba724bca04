// Package data owns tresp's case-table model: the canonical fields of a case
// table and of a study-level count table, the header aliases that map a
// clinician's column names onto those fields, and positioned problems that
// say which file, row and column a value came from.
//
// A case table has one row per patient, or one row per patient × treatment
// course. Cells are kept as the text the clinician typed; parsing that text
// into numbers is the job of the units and vocab packages, which keep the
// original text beside every value. Nothing here reads files: the csvio and
// parquetio packages do, and hand rows to a Mapper.
//
// Header matching ignores case, spaces and punctuation, so "Case no.",
// "case_no" and "CASE NO" are one header. A trailing parenthesised unit, as
// in "Follow-up (months)" or "Serum calcium (mg/dL)", is split off and kept
// as the column's unit. Unknown columns are never dropped: they travel with
// each row as extra fields and are reported once per file.
package data
