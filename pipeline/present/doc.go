// Package present turns an analysis into the figures and publication
// tables of a run: Figures and Tables take an *Input (the analysis, with
// its per-patient views, and plain Options) and return values
// of reports/figure and reports/table, which pipeline renders and writes.
//
// It is pure: it reads no file and writes none, and computes no
// statistic of its own — rates, intervals, pooled estimates and
// quantiles come from the analysis (cohort), which computes them once with
// stats; present imports no statistics package. What it decides is presentation:
// which rows a page holds (the largest groups when there are too many,
// named in a note), labels, footnotes and captions.
package present
