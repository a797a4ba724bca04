package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSynthAndNormaliseNeverReplaceAFile: tresp synth and tresp normalise write one
// new file each; a path that exists is refused with exit 2 and left as it was.
func TestSynthAndNormaliseNeverReplaceAFile(t *testing.T) {
	dir := t.TempDir()
	table := filepath.Join(dir, "cases.csv")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"synth", "--rows", "50", "--out", table}, &out, &errb); code != 0 {
		t.Fatalf("synth: exit %d: %s", code, errb.String())
	}
	norm := filepath.Join(dir, "norm.parquet")
	if code := run(context.Background(), []string{"normalise", "--out", norm, table}, &out, &errb); code != 0 {
		t.Fatalf("normalise: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "courses from 50 rows") {
		t.Errorf("normalise said %q, want the courses of 50 rows", out.String())
	}
	mine := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(mine, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"synth", "--rows", "5", "--out", mine}, {"normalise", "--out", mine, table}} {
		errb.Reset()
		if code := run(context.Background(), args, &out, &errb); code != 2 || !strings.Contains(errb.String(), "never replaces a file") {
			t.Errorf("%v: exit %d, %q; want 2 and a refusal", args, code, errb.String())
		}
		if b, _ := os.ReadFile(mine); string(b) != "my notes" {
			t.Fatalf("%v replaced a file it did not write", args)
		}
	}
}
