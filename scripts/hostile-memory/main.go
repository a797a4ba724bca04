// Command hostile-memory generates the hostile table shapes of issue 13
// ("bounded memory on hostile shapes") and measures `tresp run` on each:
// wall time and peak RSS, read from /usr/bin/time -v. It is a measurement,
// not a timed test; the caps it exercises are tested in pipeline
// (TestHostileShapeCaps and friends) without timing.
//
//	go run ./scripts/hostile-memory                      every shape, with bin/tresp
//	go run ./scripts/hostile-memory -shape drugs         one shape
//	go run ./scripts/hostile-memory -shape drugs -profile DIR
//	                                                     run in this process instead, writing
//	                                                     DIR/SHAPE.cpu and DIR/SHAPE.heap (the heap
//	                                                     at its peak) for go tool pprof
//
// The shapes:
//
//	drugs     100,000 rows, each naming a different unknown drug (half of
//	          them near-misses of real names, so fuzzy matching has work)
//	diseases  20,000 rows over 200 distinct diseases (100 unknown)
//	parquet   200,000 synthetic rows in one Parquet row group (12 read
//	          batches; the writer's groups hold 65,536 rows)
//	stream    1,000,000 synthetic rows in one row group, ingested and
//	          normalised by normalise.Scan (streaming, keeping only counts):
//	          the memory of the Parquet reader itself
//	columns   a header of 1,000,000 empty column names (and rows as wide)
//	baseline  100,000 synthetic rows of the vocabularies' own names, for
//	          comparison: what tresp run costs per row on any table
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/data/synth"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline"
	"github.com/tresp/tresp/pipeline/config"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

var shapes = []string{"drugs", "diseases", "parquet", "stream", "columns", "baseline"}

var nDrugs, nParquet int

func main() {
	shape := flag.String("shape", "all", "`SHAPE` to run: drugs, diseases, parquet, columns or all")
	dir := flag.String("dir", "", "where to write the tables and outputs (default: a temporary directory, removed)")
	bin := flag.String("bin", "bin/tresp", "the tresp `BINARY` to measure")
	timeout := flag.Duration("timeout", 10*time.Minute, "stop a run after `D`")
	flag.IntVar(&nDrugs, "drugs", 100000, "distinct drug names (rows) of the drugs shape")
	flag.IntVar(&nParquet, "parquet-rows", 200000, "rows of the parquet shape (all in one row group)")
	scan := flag.String("scan", "", "(child) ingest and normalise `FILE` with normalise.Scan and print the rows")
	genOnly := flag.Bool("gen", false, "only generate the tables into -dir and print their paths")
	profile := flag.String("profile", "", "run in this process and write CPU and peak-heap profiles into `DIR`")
	streamRun := flag.Bool("stream-run", false, "measure tresp run --stream instead of tresp run")
	flag.Parse()
	if *scan != "" {
		st, err := normalise.Scan(normalise.FileInput(*scan), ingest.ReadOptions{}, true)
		if err != nil {
			fail(err)
		}
		fmt.Printf("%d rows, %d courses\n", st.Account.RowsRead, st.Courses)
		return
	}
	run := shapes
	if *shape != "all" {
		run = []string{*shape}
	}
	d := *dir
	if d == "" {
		var err error
		if d, err = os.MkdirTemp("", "tresp-hostile-"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(d)
	}
	if *profile != "" {
		if len(run) != 1 {
			fail(fmt.Errorf("-profile takes one -shape"))
		}
		if err := os.MkdirAll(*profile, 0o755); err != nil {
			fail(err)
		}
	}
	fmt.Printf("%-9s %-12s %10s %12s  %s\n", "shape", "input", "wall", "peak RSS", "result")
	for _, s := range run {
		in, err := generate(s, d)
		if err != nil {
			fail(err)
		}
		if *genOnly {
			fmt.Println(in)
			continue
		}
		st, _ := os.Stat(in)
		size := fmt.Sprintf("%.0f MB", float64(st.Size())/1e6)
		out := filepath.Join(d, s+"-out")
		if *profile != "" {
			wall, err := inProcess(in, out, filepath.Join(*profile, s))
			res := "ok"
			if err != nil {
				res = err.Error()
			}
			fmt.Printf("%-9s %-12s %9.1fs %12s  %s\n", s, size, wall.Seconds(), "-", res)
			continue
		}
		args := []string{*bin, "run", "-q", "--out", out, in}
		if *streamRun {
			args = []string{*bin, "run", "-q", "--stream", "--no-cache", "--out", out, in}
		}
		if s == "stream" {
			self, _ := os.Executable()
			args = []string{self, "-scan", in}
		}
		wall, rss, res := measure(*timeout, args)
		fmt.Printf("%-9s %-12s %9.1fs %9d MB  %s\n", s, size, wall.Seconds(), rss/1024, res)
		os.RemoveAll(out)
		os.Remove(in)
	}
}

// measure runs args (`tresp run`, or this program's -scan) under
// /usr/bin/time -v and returns the wall time, the peak RSS in KiB and a
// one-line result.
func measure(timeout time.Duration, args []string) (time.Duration, int64, string) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/usr/bin/time", append([]string{"-v"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	var rss int64
	if m := regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`).FindSubmatch(stderr.Bytes()); m != nil {
		fmt.Sscan(string(m[1]), &rss)
	}
	res := "exit 0"
	if err != nil {
		res = err.Error()
		if ctx.Err() != nil {
			res = "timed out after " + timeout.String()
		}
		// the first line tresp wrote, for the reason
		for _, l := range strings.Split(stderr.String(), "\n") {
			if l != "" && !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, "Command") {
				res += ": " + l
				break
			}
		}
	}
	return wall, rss, res
}

// inProcess runs the pipeline in this process with a CPU profile, and
// writes the heap profile taken when the heap in use was largest.
func inProcess(in, out, prefix string) (time.Duration, error) {
	cf, err := os.Create(prefix + ".cpu")
	if err != nil {
		return 0, err
	}
	defer cf.Close()
	runtime.MemProfileRate = 64 << 10
	if err := pprof.StartCPUProfile(cf); err != nil {
		return 0, err
	}
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
	cfg.Inputs = []string{in}
	cfg.Out = out
	cfg.Figures.Formats = config.FigureFormats{"svg"}
	t0 := time.Now()
	_, err = pipeline.Run(context.Background(), cfg, nil)
	wall := time.Since(t0)
	close(done)
	wg.Wait()
	pprof.StopCPUProfile()
	fmt.Printf("peak heap in use %d MB; profiles %s.cpu, %s.heap\n", peak>>20, prefix, prefix)
	return wall, errors(os.WriteFile(prefix+".heap", heap.Bytes(), 0o644), err)
}

func errors(a, b error) error {
	if b != nil {
		return b
	}
	return a
}

// generate writes the table of one shape into dir and returns its path.
func generate(shape, dir string) (string, error) {
	switch shape {
	case "drugs":
		return rewrite(dir, "drugs.csv", nDrugs, func(r *rand.Rand, i int, row []string, names *nameGen) {
			row[4] = names.next(r)
		})
	case "diseases":
		diseases := vocabTerms(vocab.KindDiseases, 100)
		names := &nameGen{seen: map[string]bool{}}
		r := rand.New(rand.NewPCG(2, 2))
		for len(diseases) < 200 {
			diseases = append(diseases, names.next(r)+" syndrome")
		}
		return rewrite(dir, "diseases.csv", 20000, func(r *rand.Rand, i int, row []string, _ *nameGen) {
			row[3] = diseases[i%len(diseases)]
		})
	case "parquet":
		return oneGroup(filepath.Join(dir, "onegroup.parquet"), nParquet)
	case "stream":
		return oneGroup(filepath.Join(dir, "onegroup-1m.parquet"), 1000000)
	case "baseline":
		path := filepath.Join(dir, "baseline.csv")
		f, err := os.Create(path)
		if err != nil {
			return "", err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		if err := synth.Write(w, synth.CSV, synth.Options{Rows: 100000, Seed: 1}); err != nil {
			return "", err
		}
		if err := w.Flush(); err != nil {
			return "", err
		}
		return path, f.Close()
	case "columns":
		path := filepath.Join(dir, "columns.csv")
		f, err := os.Create(path)
		if err != nil {
			return "", err
		}
		w := bufio.NewWriterSize(f, 1<<20)
		pad := strings.Repeat(",", 1000000)
		w.WriteString("Study,Pt,Disease,Drug,Outcome" + pad + "\n")
		for i := 0; i < 20; i++ {
			fmt.Fprintf(w, "S%d,%d,dermatomyositis,diltiazem,complete resolution%s\n", i%3, i, pad)
		}
		if err := w.Flush(); err != nil {
			return "", err
		}
		return path, f.Close()
	}
	return "", fmt.Errorf("unknown shape %q (one of %s)", shape, strings.Join(shapes, ", "))
}

// oneGroup writes rows synthetic rows into a Parquet file of one row group.
func oneGroup(path string, rows int) (string, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.CSV, synth.Options{Rows: rows, Seed: 3, Malformed: -1}); err != nil {
		return "", err
	}
	cols := make([]parquetio.Column, len(synth.Header))
	for i, h := range synth.Header {
		cols[i] = parquetio.Column{Name: h, Type: parquetio.String}
	}
	w, err := parquetio.NewWriter(f, cols)
	if err != nil {
		return "", err
	}
	w.SetRowGroupRows(rows + 1) // one row group
	cr := csv.NewReader(&buf)
	if _, err := cr.Read(); err != nil {
		return "", err
	}
	for {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		if err := w.Write(parquetio.Row{Strings: rec}); err != nil {
			return "", err
		}
	}
	return path, w.Close() // closes f too
}

// rewrite generates n synthetic rows and lets edit change each before it
// is written to dir/name.
func rewrite(dir, name string, n int, edit func(*rand.Rand, int, []string, *nameGen)) (string, error) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.CSV, synth.Options{Rows: n, Seed: 1, Malformed: -1}); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	cr := csv.NewReader(&buf)
	cw := csv.NewWriter(f)
	hdr, err := cr.Read()
	if err != nil {
		return "", err
	}
	cw.Write(hdr)
	r := rand.New(rand.NewPCG(1, 1))
	names := &nameGen{seen: map[string]bool{}, real: vocabTerms(vocab.KindDrugs, 0)}
	for i := 0; ; i++ {
		row, err := cr.Read()
		if err != nil {
			break
		}
		edit(r, i, row, names)
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return "", err
	}
	return path, f.Close()
}

// nameGen makes distinct drug-like names: invented words, and near-misses
// of real names (one letter changed, a suffix added).
type nameGen struct {
	seen map[string]bool
	real []string
}

func (g *nameGen) next(r *rand.Rand) string {
	const cons, vows = "bcdfgklmnprstvxz", "aeiou"
	for {
		var s string
		if len(g.real) > 0 && r.IntN(2) == 0 {
			b := []byte(g.real[r.IntN(len(g.real))])
			b[r.IntN(len(b))] = vows[r.IntN(len(vows))]
			s = string(b) + []string{"", "ine", "ol", "ab", "mab"}[r.IntN(5)]
		} else {
			var sb strings.Builder
			for k := 0; k < 3+r.IntN(3); k++ {
				sb.WriteByte(cons[r.IntN(len(cons))])
				sb.WriteByte(vows[r.IntN(len(vows))])
			}
			sb.WriteString([]string{"mab", "nib", "stat", "pril", "olol", "azole", "cillin"}[r.IntN(7)])
			s = sb.String()
		}
		if !g.seen[s] {
			g.seen[s] = true
			return s
		}
	}
}

// vocabTerms returns up to n terms of a vocabulary (0: all).
func vocabTerms(k vocab.Kind, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range vocab.Default().Rows(k) {
		t := r["term"]
		if t == "" || seen[t] || r["kind"] == "exclusion" {
			continue
		}
		seen[t] = true
		out = append(out, t)
		if n > 0 && len(out) == n {
			break
		}
	}
	return out
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "hostile-memory:", err)
	os.Exit(1)
}
