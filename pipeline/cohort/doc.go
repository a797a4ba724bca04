// Package cohort owns the course model and the analysis of a cohort: a
// Course is one patient × drug after normalisation, a StudyCount one row
// of a study-level table, and Analyse turns them into every result the
// outputs show — response rates by drug, class, disease and disease
// group, study counts, pooled rates, comparisons, time to response and
// outcome tallies.
//
// Attribution decides what a course's outcome counts for: every drug
// taken (exposure), the whole regimen, or single-drug courses only
// (monotherapy). A study that reports both patients and a study-level
// row is counted from its patients plus the residue of the row
// (reconcile); outcomes the reader could not classify are left out of
// every numerator and denominator. Intervals, pooling and estimators are
// the functions of stats, stats/meta and stats/surv; this package only
// orchestrates them.
//
// The analysis is a fold: an Accumulator takes the courses of one patient
// at a time (AddPatient) and the study-level rows (AddStudy), keeps only
// state bounded by the number of groups — counts by study, drug or
// regimen, class, disease and disease group; histograms of ages, disease
// durations and times to response; the bounded buffers of the patient
// table, the swimmer lanes and the dose sample — and computes the Analysis
// at the end (Accumulator.Analyse). What the attribution can decide only
// at the end (is a study × drug counted from its patients, from its
// attributable patients plus the residue of its study-level row, or from
// the row alone?) is folded under every choice, each aggregate tagged with
// the choices it counts under. Only a study × drug with a study-level row
// (a study with an "all" row) has a choice: when the caller adds the
// study-level rows first (Accumulator.StudiesFirst), the patients of every
// other study × drug are added to aggregates without the study, plus a
// tally per study × drug for pooling (and per study × drug × disease for
// Analysis.Counts unless SkipCounts). Analyse is the same fold fed from a
// Cohort held in memory, study-level rows first.
package cohort
