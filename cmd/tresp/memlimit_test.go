package main

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// TestSetMemoryLimit holds the soft memory limit of a run to its rule: the
// flag's size when given, streamMemoryLimitMB for a streaming run without
// it, none for a run that holds its rows, and GOMEMLIMIT over both.
func TestSetMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	tests := []struct {
		name      string
		env       string
		mb        int64
		stream    bool
		wantBytes int64
	}{
		{"streaming run, default", "", 0, true, streamMemoryLimitMB << 20},
		{"held run, default: no limit", "", 0, false, math.MaxInt64},
		{"flag given", "", 600, false, 600 << 20},
		{"flag given, streaming", "", 2000, true, 2000 << 20},
		{"GOMEMLIMIT wins", "1GiB", 600, true, math.MaxInt64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetMemoryLimit(math.MaxInt64)
			t.Setenv("GOMEMLIMIT", tc.env) // restored after the test
			if tc.env == "" {
				os.Unsetenv("GOMEMLIMIT")
			}
			setMemoryLimit(tc.mb, tc.stream)
			if got := debug.SetMemoryLimit(-1); got != tc.wantBytes {
				t.Errorf("limit %d bytes, want %d", got, tc.wantBytes)
			}
		})
	}
}
