// Command benchingest measures ingest and normalisation throughput and peak
// memory on a generated case table, for `make bench`.
//
//	benchingest -rows 1000000            generate CSV and Parquet, then measure each in a child process
//	benchingest -measure FILE [-normalise]  (child) ingest FILE and print rows/s and peak RSS
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"

	"github.com/tresp/tresp/pipeline/normalise"

	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/pipeline/ingest"
)

var header = []string{"Study", "Pt", "Age/Sex", "Underlying disease", "Drug", "Dose", "Lesion size", "Treatment duration", "Outcome", "Serum calcium (mg/dL)"}

// row returns a realistic row; values repeat as they do in real sheets.
func row(i int) []string {
	drugs := []string{"diltiazem", "risedronate", "sodium thiosulfate", "methotrexate", "Cardizem", "risodronate"}
	doses := []string{"60mg TDS", "60mg thrice a day increased to 90mg thrice a day", "35 mg weekly", "25 g IV 3x/week", "15 mg weekly", "90mg/ day increased to 180 mg/ day"}
	diseases := []string{"dermatomyositis", "SSc", "MCTD", "JDM", "SLE", "idiopathic"}
	outcomes := []string{"marked improvement", "minimal response", "lost to followup", "complete resolution", "no improvement", "partial response"}
	sizes := []string{"1*1cm to 5*5 cm", "10x7 cm", "3*2cm", "15 mm"}
	durs := []string{"6 months", "one and half years", "16 weeks", "2 yrs"}
	return []string{"Study " + strconv.Itoa(i%500), strconv.Itoa(i), strconv.Itoa(20+i%60) + "/" + []string{"F", "M"}[i%2],
		diseases[i%len(diseases)], drugs[i%len(drugs)], doses[(i/7)%len(doses)], sizes[i%len(sizes)], durs[(i/3)%len(durs)],
		outcomes[(i/5)%len(outcomes)], strconv.FormatFloat(8+float64(i%30)/10, 'f', 1, 64)}
}

func main() {
	rows := flag.Int("rows", 1000000, "rows to generate")
	measure := flag.String("measure", "", "ingest this `FILE` and report (child mode)")
	normalise := flag.Bool("normalise", false, "normalise too (child mode)")
	dir := flag.String("dir", "", "where to write the generated tables (default: a temporary directory)")
	cpuProfile := flag.String("cpuprofile", "", "child mode: write a CPU profile to `FILE`")
	memProfile = flag.String("memprofile", "", "child mode: write a heap profile to `FILE` at the end")
	flag.Parse()
	if *measure != "" {
		if *cpuProfile != "" {
			f, err := os.Create(*cpuProfile)
			if err != nil {
				fail(err)
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				fail(err)
			}
			defer pprof.StopCPUProfile()
		}
		child(*measure, *normalise)
		return
	}
	d := *dir
	if d == "" {
		var err error
		if d, err = os.MkdirTemp("", "tresp-bench-"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(d)
	}
	csvPath := filepath.Join(d, "cases.csv")
	pqPath := filepath.Join(d, "cases.parquet")
	t0 := time.Now()
	if err := writeCSV(csvPath, *rows); err != nil {
		fail(err)
	}
	if err := writeParquet(pqPath, *rows); err != nil {
		fail(err)
	}
	fmt.Printf("generated %d rows as CSV and Parquet in %.1fs\n", *rows, time.Since(t0).Seconds())
	self, _ := os.Executable()
	for _, args := range [][]string{{"-measure", csvPath}, {"-measure", pqPath}, {"-measure", csvPath, "-normalise"}, {"-measure", pqPath, "-normalise"}} {
		cmd := exec.Command(self, args...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			fail(err)
		}
	}
}

var memProfile *string

func child(path string, withNormalise bool) {
	if *memProfile != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			f, err := os.Create(*memProfile)
			if err != nil {
				fail(err)
			}
			if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
				fail(err)
			}
			f.Close()
		}()
	}
	t0 := time.Now()
	st, err := normalise.Scan(normalise.FileInput(path), ingest.ReadOptions{}, withNormalise)
	if err != nil {
		fail(err)
	}
	el := time.Since(t0).Seconds()
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	what := "ingest"
	if withNormalise {
		what = "ingest+normalise"
	}
	fmt.Printf("%-17s %-8s %9d rows  %7.2fs  %10.0f rows/s  peak RSS %4d MiB\n", what, filepath.Ext(path)[1:],
		st.Account.RowsRead, el, float64(st.Account.RowsRead)/el, ru.Maxrss/1024)
}

func writeCSV(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString(c)
		}
		w.WriteByte('\n')
	}
	line(header)
	for i := 0; i < n; i++ {
		line(row(i))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func writeParquet(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cols := make([]parquetio.Column, len(header))
	for i, h := range header {
		cols[i] = parquetio.Column{Name: h, Type: parquetio.String}
	}
	w, err := parquetio.NewWriter(f, cols)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := w.Write(parquetio.Row{Strings: row(i)}); err != nil {
			return err
		}
	}
	return w.Close()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchingest:", err)
	os.Exit(1)
}
