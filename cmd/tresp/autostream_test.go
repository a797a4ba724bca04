package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAutoStream: above --stream-above-mb a run streams without --stream; when a patient's
// rows turn out not to be consecutive it reads the inputs again holding the rows, and its
// outputs are those of a held run (--stream=false).
func TestAutoStream(t *testing.T) {
	dir := t.TempDir()
	table := filepath.Join(dir, "cases.csv")
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"synth", "--rows", "5000", "--seed", "3", "--out", table}, &out, &errb); code != 0 {
		t.Fatalf("synth: exit %d: %s", code, errb.String())
	}
	b, err := os.ReadFile(table)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 1<<19 {
		t.Fatalf("the table holds %d bytes: the test needs more than 0.5 MB", len(b))
	}
	// the same table with the second row of a patient of several rows moved to the end: that
	// patient's rows no longer touch
	lines := strings.SplitAfter(string(b), "\n")
	key := func(l string) string { f := strings.SplitN(l, ",", 3); return f[0] + "," + f[1] }
	at := 0
	for i := 2; i < len(lines)-1 && at == 0; i++ {
		if key(lines[i]) == key(lines[i-1]) {
			at = i
		}
	}
	if at == 0 {
		t.Fatal("no patient with two rows in the generated table")
	}
	moved := strings.Join(lines[:at], "") + strings.Join(lines[at+1:], "") + lines[at]
	split := filepath.Join(dir, "split.csv")
	if err := os.WriteFile(split, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		input    string
		args     []string
		messages []string // in stderr
	}{
		{table, []string{"--stream-above-mb", "0.5"}, []string{"a streaming run"}},
		{table, []string{"--stream-above-mb", "100"}, nil},
		{table, []string{"--stream-above-mb", "0.5", "--stream=false"}, nil},
		{split, []string{"--stream-above-mb", "0.5"}, []string{"a streaming run", "reading the inputs again, holding every row"}},
	} {
		errb.Reset()
		o := filepath.Join(dir, "out")
		os.RemoveAll(o)
		args := append([]string{"run", "--no-cache", "--out", o}, append(tc.args, tc.input)...)
		if code := run(context.Background(), args, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		streamed := strings.Contains(errb.String(), "a streaming run")
		if (len(tc.messages) > 0) != streamed {
			t.Errorf("%v: streamed %v; stderr %q", args, streamed, errb.String())
		}
		for _, m := range tc.messages {
			if !strings.Contains(errb.String(), m) {
				t.Errorf("%v: stderr lacks %q: %q", args, m, errb.String())
			}
		}
		if tc.input == split {
			// with a stage cache, the fallback is remembered: the next run holds the rows at once
			cache := filepath.Join(dir, "cache")
			for i, want := range []string{"reading the inputs again", "an earlier run found these inputs' patients' rows apart"} {
				errb.Reset()
				args := []string{"run", "--cache-dir", cache, "--out", filepath.Join(dir, "cached"), "--stream-above-mb", "0.5", split}
				if code := run(context.Background(), args, &out, &errb); code != 0 {
					t.Fatalf("cached run %d: exit %d: %s", i, code, errb.String())
				}
				if !strings.Contains(errb.String(), want) {
					t.Errorf("cached run %d: stderr lacks %q: %q", i, want, errb.String())
				}
			}
			// the fallback's outputs are a held run's
			held := filepath.Join(dir, "held")
			os.RemoveAll(held)
			if code := run(context.Background(), []string{"run", "--no-cache", "--stream=false", "--out", held, split}, &out, &errb); code != 0 {
				t.Fatalf("held run: exit %d", code)
			}
			for _, f := range []string{"normalised/cases.csv", "tables/response_rates.csv", "review.csv"} {
				a, _ := os.ReadFile(filepath.Join(o, f))
				h, _ := os.ReadFile(filepath.Join(held, f))
				if len(a) == 0 || !bytes.Equal(a, h) {
					t.Errorf("%s of the fallback differs from a held run's (%d and %d bytes)", f, len(a), len(h))
				}
			}
		}
	}
}
