// Package stats owns tresp's small-sample inference on counts: binomial
// confidence intervals for response rates, Fisher's exact test with the
// conditional odds ratio for two groups, and Benjamini–Hochberg adjustment
// of many p-values.
//
// Every function is pure and reproduces a named R 4.2.2 function; the tests
// compare against R reference vectors copied into testdata/ (see
// testdata/README). Response rates use the Clopper–Pearson interval unless
// the caller asks otherwise: it is exact (never below nominal coverage), the
// interval of binom.test and the one clinical case series usually report.
// Wilson (score, no continuity correction, = prop.test(correct = FALSE)) and
// Jeffreys (equal-tailed, Brown–Cai–DasGupta boundary convention) are
// offered for closer-to-nominal coverage. Fisher's test follows fisher.test
// exactly: its p-value sums all tables no more likely than the observed one
// (with R's 1e-7 relative tolerance for ties), and its odds ratio is the
// conditional maximum-likelihood estimate, not the sample ad/bc. The odds
// ratio and its exact conditional interval are solved to full double
// precision (a bracketed Newton iteration on log ψ), while fisher.test
// stops uniroot at its default tolerance of about 1.2e-4, which moves the
// printed odds ratio by up to 2.5e-4 and a bound by up to 1% relative
// (1,1,1,1: R prints 155.93, the exact bound is 156.2496). Results therefore
// agree with fisher.test to about 1e-2 and with a tightly converged run of
// the same algorithm to about 1e-13. Probabilities are handled in log space,
// so tables with thousands of subjects per group are fine.
//
// A caller bug (a count out of range, a level outside (0, 1)) panics with a
// "stats:" prefix; an undefined result (no subjects, a zero margin) is
// reported as NaN or R's conventional value together with a Warnings entry.
package stats
