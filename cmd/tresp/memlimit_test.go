package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// TestSetMemoryLimit holds the soft memory limit of a run to its rule: the
// flag's size when given, streamMemoryLimitMB for a streaming run without
// it, none for a run that holds its rows, and GOMEMLIMIT over both; a streaming
// run under the limit collects at streamGCPercent unless GOGC is set; the returned
// function puts both settings back.
func TestSetMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	tests := []struct {
		name      string
		env       string
		gogc      string
		mb        int64
		stream    bool
		wantBytes int64
		wantGC    int
	}{
		{"streaming run, default", "", "", 0, true, streamMemoryLimitMB << 20, streamGCPercent},
		{"held run, default: no limit", "", "", 0, false, math.MaxInt64, gcPercent},
		{"flag given", "", "", 600, false, 600 << 20, gcPercent},
		{"flag given, streaming", "", "", 2000, true, 2000 << 20, streamGCPercent},
		{"GOMEMLIMIT wins", "1GiB", "", 600, true, math.MaxInt64, gcPercent},
		{"GOGC wins over the streaming target", "", "80", 0, true, streamMemoryLimitMB << 20, gcPercent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetMemoryLimit(math.MaxInt64)
			debug.SetGCPercent(gcPercent)
			for name, value := range map[string]string{"GOMEMLIMIT": tc.env, "GOGC": tc.gogc} {
				t.Setenv(name, value) // restored after the test
				if value == "" {
					os.Unsetenv(name)
				}
			}
			restore := setMemoryLimit(tc.mb, tc.stream)
			if got := debug.SetMemoryLimit(-1); got != tc.wantBytes {
				t.Errorf("limit %d bytes, want %d", got, tc.wantBytes)
			}
			if got := debug.SetGCPercent(gcPercent); got != tc.wantGC {
				t.Errorf("GC percent %d, want %d", got, tc.wantGC)
			}
			debug.SetGCPercent(tc.wantGC)
			restore()
			if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
				t.Errorf("after restore: limit %d bytes, want none", got)
			}
			if got := debug.SetGCPercent(gcPercent); got != gcPercent {
				t.Errorf("after restore: GC percent %d, want %d", got, gcPercent)
			}
		})
	}
}
