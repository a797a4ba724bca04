// Package normalise turns ingested records into the cohort: each case row
// into its courses (one per drug, with dose, route, durations, labs and
// the outcome read by the vocabulary), each study-level row into a
// StudyCount, every term tresp did not know exactly into the vocabulary
// report, and every reading a reviewer should check into review.csv,
// whose filled decisions it applies on the next run. It also writes the
// normalised cases (normalised/cases.csv and .parquet) and runs the map
// step of the distributed path (Partition), the streaming Scan and the
// Streamer of a streaming run (tresp run --stream).
package normalise
