// Package ingest reads the case tables of a run — CSV, TSV, Parquet and
// Excel files, or the embedded example — into records through the data
// boundary: each row mapped onto the schema, each bad value a positioned
// problem, each unusable row quarantined with its reasons. It also holds
// the problem set of a run (every problem counted, the first ProblemCap
// of each severity, code and column kept) and the grouping of problems
// for summary.json and tresp validate.
package ingest
