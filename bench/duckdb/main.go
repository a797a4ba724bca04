// Command duckdb compares tresp with DuckDB on the same generated case tables
// (issue 12): for each size and format it generates a table with tresp synth,
// then measures, each in its own child process (wall time and peak RSS from
// getrusage):
//
//   - duckdb: DuckDB's grouped count of courses per drug × disease, with a CASE
//     mapping of the outcome text and regex parsing of dose and duration;
//   - tresp-normalise: tresp normalise, the streaming map step (docs/scale.md);
//   - tresp-stream: tresp run --stream --no-cache on the whole table, with figures
//     and tables (normalised/cases.* too unless -no-normalised);
//   - tresp-run: tresp run --no-cache on the whole table (skipped above -run-max
//     rows: a run that is not streamed holds every course in memory).
//
// It checks that DuckDB and tresp count the same number of data rows, and prints
// one table with the ratios tresp/DuckDB. It lives in its own module so that the
// main module never depends on DuckDB (github.com/marcboeker/go-duckdb v1.8.5,
// which bundles DuckDB 1.1.3).
package main

import (
	"bufio"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/marcboeker/go-duckdb"

	"github.com/tresp/tresp/data/synth"
)

func main() {
	sizes := flag.String("rows", "1000000,4000000,10000000", "comma-separated table sizes")
	formats := flag.String("formats", "csv,parquet", "comma-separated formats")
	dir := flag.String("dir", "", "where to keep the generated tables (default: a temporary directory)")
	runMax := flag.Int("run-max", 1000000, "largest table given to tresp run (it holds every course in memory)")
	tresp := flag.String("tresp", "../bin/tresp", "the tresp binary")
	noNormalised := flag.Bool("no-normalised", false, "tresp-stream: --write-normalised=false")
	child := flag.String("child", "", "internal: measure one step (duckdb FILE)")
	flag.Parse()
	if *child != "" {
		runChild(*child, flag.Args())
		return
	}
	d := *dir
	if d == "" {
		var err error
		if d, err = os.MkdirTemp("", "tresp-bench-duckdb-"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(d)
	}
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	fmt.Printf("%-9s %-8s %-16s %9s %10s %10s %s\n", "rows", "format", "step", "wall s", "peak MiB", "rows seen", "tresp/duckdb")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fail(err)
		}
		for _, f := range strings.Split(*formats, ",") {
			path := filepath.Join(d, fmt.Sprintf("cases-%d.%s", n, f))
			if _, err := os.Stat(path); err != nil {
				if err := generate(path, synth.Format(f), n); err != nil {
					fail(err)
				}
			}
			ddb := measure(self, "-child", "duckdb", path)
			report(n, f, "duckdb", ddb, ddb)
			out := filepath.Join(d, fmt.Sprintf("norm-%d-%s.parquet", n, f))
			os.Remove(out)
			norm := measure(*tresp, "normalise", "--out", out, path)
			norm.rows = parseRows(norm.stdout)
			report(n, f, "tresp-normalise", norm, ddb)
			if ddb.rows != norm.rows {
				fmt.Printf("  rows differ: duckdb %d, tresp %d\n", ddb.rows, norm.rows)
			}
			od := filepath.Join(d, fmt.Sprintf("stream-%d-%s", n, f))
			os.RemoveAll(od)
			args := []string{"run", "-q", "--no-cache", "--stream", "--out", od, path}
			if *noNormalised {
				args = append(args, "--write-normalised=false")
			}
			sr := measure(*tresp, args...)
			sr.rows = norm.rows
			report(n, f, "tresp-stream", sr, ddb)
			os.RemoveAll(od)
			if n <= *runMax {
				od := filepath.Join(d, fmt.Sprintf("out-%d-%s", n, f))
				os.RemoveAll(od)
				run := measure(*tresp, "run", "-q", "--no-cache", "--out", od, path)
				run.rows = norm.rows
				report(n, f, "tresp-run", run, ddb)
				os.RemoveAll(od)
			}
		}
	}
}

func generate(path string, f synth.Format, n int) error {
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(file, 1<<20)
	if err := synth.Write(w, f, synth.Options{Rows: n, Seed: 1}); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return file.Close()
}

type result struct {
	wall   time.Duration
	rssKiB int64
	rows   int
	stdout string
	err    error
}

// measure runs a command in a child process and returns its wall time and peak RSS.
func measure(name string, args ...string) result {
	cmd := exec.Command(name, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	t0 := time.Now()
	err := cmd.Run()
	r := result{wall: time.Since(t0), stdout: out.String(), err: err}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKiB = ru.Maxrss
	}
	r.rows = parseRows(r.stdout)
	return r
}

func report(n int, f, step string, r, ddb result) {
	status := ""
	if r.err != nil {
		status = "FAILED: " + firstLine(r.stdout)
	}
	fmt.Printf("%-9d %-8s %-16s %9.2f %10d %10d %6.2f %s\n", n, f, step, r.wall.Seconds(), r.rssKiB/1024, r.rows,
		r.wall.Seconds()/ddb.wall.Seconds(), status)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// parseRows reads "N rows" from a step's output ("rows=N" from the DuckDB child,
// "from N rows" from tresp normalise).
func parseRows(s string) int {
	for _, f := range strings.Fields(s) {
		if v, ok := strings.CutPrefix(f, "rows="); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	if i := strings.Index(s, " courses from "); i >= 0 {
		fs := strings.Fields(s[i+len(" courses from "):])
		if len(fs) > 0 {
			n, _ := strconv.Atoi(fs[0])
			return n
		}
	}
	return 0
}

// duckQuery is the grouped count the issue measured: treated, responders and
// evaluable per drug × disease, with a CASE mapping of the outcome text and regex
// parsing of dose (mg) and duration (days).
const duckQuery = `
WITH t AS (SELECT * FROM %s),
c AS (
  SELECT lower(trim("Treatment")) AS drug, lower(trim("Underlying disease")) AS disease,
    CASE
      WHEN lower("Outcome") SIMILAR TO '.*(lost to follow|died|death|discontinued).*' THEN 'ne'
      WHEN lower("Outcome") SIMILAR TO '.*(no improvement|no response|unchanged|stable|progress|worse|minimal|slight).*' THEN 'no'
      WHEN lower("Outcome") SIMILAR TO '.*(complete|resol|remission|improv|respon|partial|clear).*' THEN 'yes'
      ELSE 'unknown' END AS resp,
    try_cast(regexp_extract("Dose", '([0-9]+\.?[0-9]*)', 1) AS DOUBLE) AS dose,
    try_cast(regexp_extract("Duration", '([0-9]+)', 1) AS INTEGER) *
      CASE WHEN "Duration" ILIKE '%%month%%' OR "Duration" ILIKE '%%mo%%' THEN 30
           WHEN "Duration" ILIKE '%%week%%' OR "Duration" ILIKE '%%wk%%' THEN 7
           WHEN "Duration" ILIKE '%%year%%' THEN 365 ELSE 1 END AS days
  FROM t)
SELECT drug, disease, count(*) AS treated, count(*) FILTER (WHERE resp = 'yes') AS responders,
  count(*) FILTER (WHERE resp <> 'ne') AS evaluable, avg(dose), avg(days)
FROM c GROUP BY ALL`

func runChild(kind string, args []string) {
	if kind != "duckdb" || len(args) != 1 {
		fail(fmt.Errorf("bad child %q %v", kind, args))
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		fail(err)
	}
	path := args[0]
	src := fmt.Sprintf("read_csv('%s', header=true, all_varchar=true, ignore_errors=true, null_padding=true)", path)
	if strings.HasSuffix(path, ".parquet") {
		src = fmt.Sprintf("read_parquet('%s')", path)
	}
	rows, err := db.Query(fmt.Sprintf(duckQuery, src))
	if err != nil {
		fail(err)
	}
	groups, total := 0, 0
	for rows.Next() {
		var drug, disease sql.NullString
		var treated, responders, evaluable int
		var dose, days sql.NullFloat64
		if err := rows.Scan(&drug, &disease, &treated, &responders, &evaluable, &dose, &days); err != nil {
			fail(err)
		}
		groups++
		total += treated
	}
	if err := rows.Err(); err != nil {
		fail(err)
	}
	fmt.Printf("groups=%d rows=%d\n", groups, total)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench/duckdb:", err)
	os.Exit(1)
}
