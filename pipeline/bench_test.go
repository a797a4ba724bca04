package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
)

// BenchmarkRunExample runs the whole pipeline on the embedded example data
// set, figures and report included: the wall time of `make run`.
func BenchmarkRunExample(b *testing.B) {
	dir := b.TempDir()
	cfg := config.Default()
	cfg.Out = filepath.Join(dir, "out")
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunCached is a rerun with nothing changed: every stage is up to
// date, so the run hashes the inputs, copies the cached outputs and writes
// the manifest (target: under 50 ms).
func BenchmarkRunCached(b *testing.B) {
	dir := b.TempDir()
	cfg := config.Default()
	cfg.Out = filepath.Join(dir, "out")
	cfg.CacheDir = filepath.Join(dir, "cache")
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(context.Background(), cfg, nil); err != nil {
			b.Fatal(err)
		}
	}
}
