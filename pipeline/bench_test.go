package pipeline

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkRunExample runs the whole pipeline on the embedded example data
// set, figures and report included: the wall time of `make run`.
func BenchmarkRunExample(b *testing.B) {
	dir := b.TempDir()
	cfg := DefaultConfig()
	cfg.Out = filepath.Join(dir, "out")
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			b.Fatal(err)
		}
	}
}
