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
package cohort
