// Command memprofile runs `tresp run` in this process (pipeline.Run with
// the default settings) and writes the heap profile taken when the heap in
// use was largest, for go tool pprof. It is a measurement aid, not a test.
//
//	go run ./scripts/memprofile -out /tmp/o -heap /tmp/peak.heap cases.csv
//	go tool pprof -sample_index=inuse_space -top /tmp/peak.heap
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/tresp/tresp/pipeline"
	"github.com/tresp/tresp/pipeline/config"
)

func main() {
	out := flag.String("out", "", "output `DIR` of the run (required)")
	heapFile := flag.String("heap", "peak.heap", "write the peak heap profile to `FILE`")
	noCache := flag.Bool("no-cache", false, "neither read nor write the stage cache (default: .tresp-cache beside DIR, as tresp run)")
	stream := flag.Bool("stream", false, "a streaming run (tresp run --stream)")
	cpuFile := flag.String("cpuprofile", "", "also write a CPU profile of the run to `FILE`")
	noNormalised := flag.Bool("no-normalised", false, "leave out normalised/cases.* (--write-normalised=false)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: memprofile -out DIR [-heap FILE] [-no-cache] INPUT...")
		os.Exit(2)
	}
	runtime.MemProfileRate = 64 << 10
	var peak uint64
	var heap bytes.Buffer
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak+peak/10 {
				peak = ms.HeapInuse
				heap.Reset()
				pprof.Lookup("heap").WriteTo(&heap, 0)
			}
		}
	}()
	cfg := config.Default()
	cfg.Inputs = flag.Args()
	cfg.Out = *out
	cfg.Stream = *stream
	if !*noCache { // as tresp run does
		cfg.CacheDir = filepath.Join(filepath.Dir(filepath.Clean(cfg.Out)), ".tresp-cache")
	}
	cfg.SkipNormalised = *noNormalised
	if *cpuFile != "" {
		f, err := os.Create(*cpuFile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "memprofile:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	t0 := time.Now()
	_, err := pipeline.Run(context.Background(), cfg, nil)
	wall := time.Since(t0)
	close(done)
	wg.Wait()
	fmt.Printf("wall %s, peak heap in use %d MB; profile %s\n", wall.Round(time.Millisecond), peak>>20, *heapFile)
	if werr := os.WriteFile(*heapFile, heap.Bytes(), 0o644); werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "memprofile:", err)
		os.Exit(1)
	}
}
