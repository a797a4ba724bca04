// Package example embeds tresp's example data set: every patient of two
// published calcinosis-cutis case reports, transcribed as a clinician
// would, and the aggregate counts of the series whose outcomes are not
// attributable to single patients. `tresp run` with no input runs on it.
//
// cases.csv has one row per patient × drug, keeping the papers' own wording
// for doses, durations, sizes, labs and outcomes, with a Notes column
// quoting the sentence each outcome comes from. studies.csv holds the
// series' aggregate outcome counts (drug "all" covers every patient of the
// series). docs/example.md explains each transcription decision.
package example

import "embed"

// FS holds cases.csv and studies.csv.
//
//go:embed cases.csv studies.csv
var FS embed.FS

// Config is the example's own tresp.toml: the settings a run on the
// example uses when it is given no --config (the strict allowances, each
// with its reason, for the warnings that come from the papers' wording).
//
//go:embed tresp.toml
var Config []byte

// Files lists the embedded tables in the order tresp reads them.
var Files = []string{"cases.csv", "studies.csv"}
