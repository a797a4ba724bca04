// Command tresp turns case tables extracted from published case reports into
// response rates, pooled estimates, figures and tables.
//
// Exit codes: 0 success; 1 data errors (an unreadable input, or rows that
// fail validation); 2 usage, configuration or output-path errors (including
// a locked, foreign, unwritable or full output directory); 130 interrupted
// by SIGINT or SIGTERM; 3 internal errors (bugs) only.
package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// Exit codes, documented in README.md and docs/ci.md.
const (
	exitOK          = 0
	exitData        = 1
	exitUsage       = 2
	exitInternal    = 3
	exitInterrupted = 130
)

// gcPercent is the garbage collector's target unless GOGC is set. A run
// holds every record and course until it ends (about 3.7 GB live at a
// million rows); with Go's default of 100 the heap grows to twice the live
// heap before a collection, and peak RSS was about 2.3 times the live heap.
// 50 lets it grow by half instead: about a sixth less peak RSS at 200,000
// and 1,000,000 rows for about the same wall time (docs/scale.md).
const gcPercent = 50

// streamMemoryLimitMB is the Go runtime's soft memory limit, in MiB, of a streaming run
// unless GOMEMLIMIT or --memory-limit-mb is set: as the heap nears it the
// collector runs more often, instead of letting the heap grow by half again
// the live heap (gcPercent). At 10 M generated rows it held peak RSS to
// 878 MiB instead of 1,335 MiB for 7 % more time (docs/scale.md). A run that
// holds its rows has a live heap far above any such limit (the collector
// would run without pause), so it gets none.
const streamMemoryLimitMB = 850

// streamGCPercent is the collector's target of a streaming run under a memory limit
// unless GOGC is set (with GOMEMLIMIT set, tresp sets neither, and gcPercent stays).
// Its live heap is the groups' aggregates (about 270 MB at a million generated rows),
// and it allocates about 11 GB per million rows while reading them; at gcPercent the
// collector ran every 135 MB of allocation and marked the whole live heap each time. With 400 the heap may grow to five times the
// live heap, but the memory limit caps it, so the collector runs when the heap nears
// the limit instead: 1 M generated CSV rows 38.6 s → 29.6 s, peak RSS 567 → 894 MB,
// still under the limit (docs/scale.md).
const streamGCPercent = 400

// checkMemoryLimit checks the size given with --memory-limit-mb: 0 (the default) or a
// positive number of MiB that does not overflow in bytes.
func checkMemoryLimit(mb int64) error {
	if mb < 0 {
		return usagef("--memory-limit-mb %d: give a size in MiB, or 0 for the default", mb)
	}
	if mb > math.MaxInt64>>20 { // in bytes it would overflow
		return usagef("--memory-limit-mb %d: at most %d MiB", mb, int64(math.MaxInt64>>20))
	}
	return nil
}

// setMemoryLimit sets the runtime's soft memory limit of a run: mb when
// given, else streamMemoryLimitMB for a streaming run; GOMEMLIMIT, when
// set, wins. A streaming run under the limit collects at streamGCPercent
// unless GOGC is set. It returns the function that puts both settings back,
// for the commands run after it in the same process (tests run many).
func setMemoryLimit(mb int64, stream bool) (restore func()) {
	limit, percent := debug.SetMemoryLimit(-1), debug.SetGCPercent(-1)
	debug.SetGCPercent(percent) // SetGCPercent(-1) turned collection off: back on
	restore = func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return restore
	}
	if mb == 0 && stream {
		mb = streamMemoryLimitMB
	}
	if mb > 0 {
		debug.SetMemoryLimit(mb << 20)
		if _, set := os.LookupEnv("GOGC"); stream && !set {
			debug.SetGCPercent(streamGCPercent)
		}
	}
	return restore
}

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one tresp command and returns its exit code. Every error is
// printed to stderr as one line starting with "tresp: ".
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "tresp: internal error: %v (please report this with the command you ran)\n", p)
			code = exitInternal
		}
	}()
	err := dispatch(ctx, args, stdout, stderr)
	if err == nil {
		return exitOK
	}
	code = exitCode(err)
	if msg := err.Error(); msg != "" {
		fmt.Fprintln(stderr, "tresp: "+msg)
	}
	return code
}
