package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// progressLogger reports stage progress on stderr: plain "tresp: stage:
// message" lines by default, one JSON object per line with --log-format
// json (for CI log parsers), a single self-overwriting status line when
// stderr is a terminal, and nothing with --quiet.
type progressLogger struct {
	w      io.Writer
	quiet  bool
	json   bool
	tty    bool
	stages int
	n      int
}

// newProgress chooses the style for w.
func newProgress(w io.Writer, quiet bool, format string) *progressLogger {
	p := &progressLogger{w: w, quiet: quiet, json: format == "json", stages: 4}
	if f, ok := w.(*os.File); ok && !p.json {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

// Stage reports that a stage finished (or was up to date).
func (p *progressLogger) Stage(name, msg string) {
	if p.quiet {
		return
	}
	if name != "output" { // notes on the output directory are not stages
		p.n++
	}
	switch {
	case p.json:
		b, _ := json.Marshal(map[string]any{"level": "info", "stage": name, "msg": msg, "step": p.n, "steps": p.stages})
		fmt.Fprintf(p.w, "%s\n", b)
	case p.tty:
		done := p.n * 20 / p.stages
		if done > 20 {
			done = 20
		}
		bar := make([]byte, 20)
		for i := range bar {
			bar[i] = '.'
			if i < done {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(p.w, "\r\x1b[K[%s] %d/%d %s: %s", bar, p.n, p.stages, name, msg)
	default:
		fmt.Fprintf(p.w, "tresp: %s: %s\n", name, msg)
	}
}

// Done ends a terminal status line.
func (p *progressLogger) Done() {
	if p.tty && !p.quiet && p.n > 0 {
		fmt.Fprintln(p.w)
	}
}

// checkLogFormat validates --log-format.
func checkLogFormat(f string) error {
	if f != "text" && f != "json" {
		return usagef("--log-format %q: use text or json", f)
	}
	return nil
}
