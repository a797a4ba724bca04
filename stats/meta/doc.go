// Package meta pools proportions (events out of patients) across studies:
// inverse-variance random-effects meta-analysis on the logit or Freeman–Tukey
// scale (InverseVariance), and the binomial–normal random-intercept model
// fitted by maximum likelihood (GLMM).
//
// Methodological choices. GLMM is the method to prefer for tresp's typical
// input, sparse case-report data with many n = 1 or 0/n studies. It models the
// counts exactly (binomial within studies, normal logits between studies), so
// it needs no continuity correction, and single-patient reports contribute
// what they carry: information about the mean, none about heterogeneity. The
// inverse-variance methods treat each study's transformed proportion as normal
// with a known variance. On the logit scale a study with 0 or n events gets ½
// added to both cells (metafor's escalc add = 1/2, to = "only0"), which turns
// every single-patient report into 0.25 or 0.75 and pulls the pool toward ½.
// For the 12/18 case-report set, the GLMM and the pooled binomial give 0.667;
// logit REML gives 0.614. InverseVariance therefore warns when most studies
// have n <= 2. The Freeman–Tukey double arcsine needs no correction. Its pooled
// value is back-transformed with the inverse of Miller (1978) at the harmonic
// mean of the study sizes (metafor's transf.ipft.hm), clamped to 0 or 1 beyond
// the transforms of 0 and 1. That makes the back-transform depend on the
// sizes, and with tiny sizes it is crude. The between-study variance is
// DerSimonian–Laird or REML. REML is solved to machine precision, not to
// metafor's default step threshold 1e-5, which stops up to 0.5% early. I² is
// metafor's: 100·tau²/(tau² + s²) with the typical within-study variance s²,
// not (Q − df)/Q. Intervals are Wald z intervals on the transformed scale.
//
// GLMM integrates each study's random effect with adaptive Gauss–Hermite
// quadrature. The rule is centred at the mode of the study's integrand and
// scaled by its curvature there, which is exactly lme4's nAGQ rule, so 1 node
// is the Laplace approximation and 7 is metafor's rma.glmm default. On the
// reference datasets, 7 nodes still sit up to 1.2e-3 from the converged
// optimum and Laplace up to 0.03 in τ². The production default,
// DefaultNodes = 30, is within 2e-9 of the converged (50-node) optimum on the
// reference datasets. The likelihood is maximised by damped Newton in (μ, τ).
// The standard error comes from the inverse Hessian in (μ, τ), not from the
// μ-only curvature. When τ̂ falls on the boundary 0 (Singular), the fit is
// the pooled binomial, with μ̂ = logit(Σx/Σn) and SE = 1/√(Σnp(1−p)).
//
// Degenerate input gives no panic. No events at all, only events, or only
// 0-or-n studies have no finite MLE, and one study pools nothing. These give
// NaN plus a warning. An empty or invalid study list is a caller bug and
// panics; ValidateStudies reports it as an error beforehand.
package meta
