// Package pipeline runs tresp's stages — ingest, normalise, analyse,
// render — over a set of case tables and writes one output directory. It
// orchestrates: the stages themselves live in pipeline/ingest,
// pipeline/normalise, pipeline/cohort and pipeline/present, the settings
// in pipeline/config and the output directory in pipeline/outdir, and this
// is the only package that joins them (docs/architecture.md).
//
// Every input row ends as accepted or quarantined with a reason; every
// problem keeps its file, row and column. The whole configuration is
// validated before the first stage; each stage's result is cached by the
// hash of what it depends on. Output is written into a temporary directory
// beside the target and renamed into place only when every stage has
// succeeded, so a failed run never leaves a half-written directory and
// never destroys the previous one.
package pipeline
