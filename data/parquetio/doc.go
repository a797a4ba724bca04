// Package parquetio reads case tables from Parquet files and writes tresp's
// Parquet outputs. It is the only package that imports Apache Arrow, so no
// Arrow type leaks into the rest of tresp.
//
// Reading streams record batches (BatchSize rows at a time) through
// pqarrow, and column chunks are read ReadBufferSize bytes at a time, so
// memory depends on the batch size, not on the file or row-group size: a
// file of one row group of a million rows reads as cheaply as one of many
// small groups. Every
// supported column is handed upward as text, exactly as a CSV cell would
// be: strings and dictionary-encoded strings as they are, integers in
// decimal, floats in the shortest form that round-trips, booleans as
// true/false, dates as YYYY-MM-DD. Nulls become empty cells. A column of any
// other type is an error naming the column and its type.
package parquetio
