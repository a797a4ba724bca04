// Package pipeline runs tresp's stages — ingest, normalise, analyse,
// render — over a set of case tables and writes one output directory. It is
// the only package that joins data, stats and reports.
//
// Every input row ends as accepted or quarantined with a reason; every
// problem keeps its file, row and column. Output is written into a
// temporary directory beside the target and renamed into place only when
// every stage has succeeded, so a failed run never leaves a half-written
// directory and never destroys the previous one.
package pipeline
