// Package diff compares two output directories of tresp run — response
// rates, groups, warnings, quarantined rows, inputs, settings and version —
// and applies the gate of tresp diff to the result.
//
// It reads what a run wrote: summary.json (the response-rate rows of
// analysis.response_rates, the analysis warnings, the problem lines, the
// inputs and the effective settings), tables/response_rates.csv where
// summary.json names it instead of listing the rows
// (analysis.response_rates_unlisted) and quarantine.csv. It does not
// import the pipeline that wrote them; the names it relies on (the
// populations "itt" and "evaluable", the "example:" prefix of the embedded
// example's inputs) are part of the summary.json format.
package diff
