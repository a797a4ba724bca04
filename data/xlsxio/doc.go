// Package xlsxio reads the sheets of an Excel workbook (.xlsx) as case
// tables: each sheet whose header tresp recognises, or the sheet named,
// gives the rows of one table with their sheet row numbers. It is the only
// importer of github.com/xuri/excelize/v2, so no workbook type leaks
// upward.
//
// Cells are read as Excel displays them (a date formatted "12/03/2021"
// is that text, a number formatted "0.0" is "8.5"), so a workbook and its
// CSV export give the same cells. A value in a merged range is repeated in
// every cell of the range: a study name merged over its patients' rows
// belongs to each row. Blank rows are skipped, as the CSV reader skips
// blank lines, so blank trailing rows are not rows.
package xlsxio
