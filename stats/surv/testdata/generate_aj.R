#!/usr/bin/env Rscript
# Reference values for surv.AalenJohansen (tresp, stats/surv).
# Writes aj_data.csv and aj.csv into the directory of this script (or the
# first argument). Deterministic: every random draw follows set.seed().
# Needs: R >= 4.2 and survival (apt-get install -y r-base-core r-cran-survival).
#
# The estimate is survfit(Surv(time, state) ~ 1) with a factor status whose
# first level is censoring: a multi-state fit, here competing risks with the
# states "response" (the event of interest) and "death" (the competing
# event). survfit's defaults: std.err by the infinitesimal jackknife, the
# "log" confidence interval p·exp(±z·se/p) at 95 %.
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else {
  fa <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  if (length(fa)) dirname(normalizePath(sub("^--file=", "", fa[1]))) else "."
}

fmt <- function(v) {
  if (is.numeric(v)) {
    out <- sprintf("%.15g", v)
    out[is.na(v) & !is.nan(v)] <- "NA"
    out
  } else as.character(v)
}
write_ref <- function(df, name) {
  df[] <- lapply(df, fmt)
  write.csv(df, file.path(outdir, name), row.names = FALSE, quote = FALSE)
  cat(sprintf("%-12s %5d rows\n", name, nrow(df)))
}

# status: 0 = censored, 1 = response, 2 = death
sets <- list(
  no_ties = list(time = c(2, 3, 4, 5, 6, 7, 8, 9, 10, 12),
                 status = c(1, 2, 0, 1, 1, 0, 2, 1, 0, 1)),
  ties = list(time = c(2, 2, 3, 3, 3, 5, 6, 6, 6, 8, 9, 10, 10, 12),
              status = c(1, 2, 1, 0, 1, 1, 2, 0, 1, 2, 1, 0, 1, 1)),
  # no competing event: the response curve is 1 - Kaplan-Meier
  no_death = list(time = c(2, 4, 4, 6, 9, 9, 12),
                  status = c(1, 0, 1, 1, 1, 0, 1)),
  # every subject responds: the curve reaches 1
  all_respond = list(time = c(1, 3, 3, 7), status = c(1, 1, 1, 1)),
  # a death takes the last subject at risk: the event-free probability is 0
  # while the response incidence stays below 1
  last_death = list(time = c(1, 2, 4, 5, 5, 9), status = c(1, 0, 2, 1, 0, 2))
)
set.seed(11)
n <- 60
ev <- round(rexp(n, 1 / 60))
cens <- round(runif(n, 10, 240))
st <- sample(c(1, 2), n, replace = TRUE, prob = c(0.75, 0.25))
sets$random_n60 <- list(time = pmin(ev, cens), status = ifelse(ev <= cens, st, 0))

dat <- list(); res <- list()
for (ds in names(sets)) {
  d <- sets[[ds]]
  dat[[ds]] <- data.frame(dataset = ds, time = d$time, status = d$status)
  df <- data.frame(time = d$time,
                   state = factor(d$status, 0:2, c("censor", "response", "death")))
  sf <- survfit(Surv(time, state) ~ 1, data = df)
  stopifnot(identical(sf$states, c("(s0)", "response", "death")), sf$conf.type == "log")
  ne <- sf$n.event   # one column per state; events into each state
  res[[ds]] <- data.frame(dataset = ds, time = sf$time, n.risk = sf$n.risk[, 1],
    n.response = ne[, 2], n.death = ne[, 3], n.censor = sf$n.censor,
    p_free = sf$pstate[, 1], p_response = sf$pstate[, 2], p_death = sf$pstate[, 3],
    se_response = sf$std.err[, 2], se_death = sf$std.err[, 3],
    lower_response = sf$lower[, 2], upper_response = sf$upper[, 2],
    lower_death = sf$lower[, 3], upper_death = sf$upper[, 3])
  if (ds == "no_death") {  # the response incidence is 1 - KM here
    km <- survfit(Surv(time, status == 1) ~ 1, data = d)
    stopifnot(max(abs((1 - km$surv) - sf$pstate[, 2])) < 1e-14)
  }
}
write_ref(do.call(rbind, dat), "aj_data.csv")
write_ref(do.call(rbind, res), "aj.csv")
cat(R.version.string, "survival", as.character(packageVersion("survival")), "\n")
