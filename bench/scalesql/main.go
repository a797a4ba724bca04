// Command scalesql runs the distributed path of docs/scale.md with DuckDB as the engine,
// using the SQL exactly as the document prints it: a generated case table split by study
// into partitions, `tresp normalise` on each, the document's DuckDB `COPY (…) TO
// 'counts.csv'` statement, and `tresp run` on the counts. It checks that the counts equal
// `tresp run --emit-counts` on the whole table and that every response rate of the run on
// the counts equals the single run's. It lives in the bench module so that the main module
// never depends on DuckDB. SCALESQL_KEEP=1 keeps its working directory.
package main

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	_ "github.com/marcboeker/go-duckdb"
)

func main() {
	rows := flag.Int("rows", 20000, "rows of the generated case table")
	parts := flag.Int("parts", 3, "partitions (split by study)")
	doc := flag.String("doc", "../docs/scale.md", "the document whose SQL is run")
	tresp := flag.String("tresp", "../bin/tresp", "the tresp binary")
	flag.Parse()
	dir, err := os.MkdirTemp("", "tresp-scalesql-")
	check(err)
	if os.Getenv("SCALESQL_KEEP") == "" {
		defer os.RemoveAll(dir)
	} else {
		fmt.Println("working directory kept:", dir)
	}
	bin, err := filepath.Abs(*tresp)
	check(err)
	run := func(args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			check(fmt.Errorf("tresp %s: %v\n%s", strings.Join(args, " "), err, out))
		}
	}

	// the table, and its partitions by study
	run("synth", "--rows", strconv.Itoa(*rows), "--seed", "5", "--out", "whole.csv")
	f, err := os.Open(filepath.Join(dir, "whole.csv"))
	check(err)
	cr := csv.NewReader(f)
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true // the generator writes a few malformed rows on purpose
	recs, err := cr.ReadAll()
	check(err)
	f.Close()
	byPart := make([][][]string, *parts)
	for _, r := range recs[1:] {
		h := fnv.New32a()
		h.Write([]byte(r[0]))
		p := int(h.Sum32() % uint32(*parts))
		byPart[p] = append(byPart[p], r)
	}
	for i, rs := range byPart {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write(recs[0])
		w.WriteAll(rs)
		w.Flush()
		check(os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%d.csv", i)), b.Bytes(), 0o644))
		run("normalise", "--out", fmt.Sprintf("norm-%d.parquet", i), fmt.Sprintf("part-%d.csv", i))
	}

	// the document's SQL, as printed
	text, err := os.ReadFile(*doc)
	check(err)
	m := regexp.MustCompile(`(?s)duckdb -c "(COPY \(.*?\) TO 'counts\.csv' \(HEADER\))"`).FindSubmatch(text)
	if m == nil {
		check(fmt.Errorf("%s: no `duckdb -c \"COPY (…) TO 'counts.csv' (HEADER)\"` statement found", *doc))
	}
	stmt := strings.NewReplacer("'norm-*.parquet'", "'"+filepath.Join(dir, "norm-*.parquet")+"'",
		"'counts.csv'", "'"+filepath.Join(dir, "counts.csv")+"'").Replace(string(m[1]))
	db, err := sql.Open("duckdb", "")
	check(err)
	_, err = db.Exec(stmt)
	check(err)
	db.Close()

	// the counts equal --emit-counts of one run on the whole table
	run("run", "-q", "--no-cache", "--emit-counts", "--out", "single", "whole.csv")
	want := sortedRows(filepath.Join(dir, "single", "counts", "counts.csv"))
	got := sortedRows(filepath.Join(dir, "counts.csv"))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		check(fmt.Errorf("the document's SQL gives other counts than --emit-counts (%d rows against %d); first difference:\n%s", len(got), len(want), firstDiff(got, want)))
	}

	// the rates of the run on the counts equal the single run's
	run("run", "-q", "--no-cache", "--out", "distributed", "counts.csv")
	rs := sortedRows(filepath.Join(dir, "single", "tables", "response_rates.csv"))
	rd := sortedRows(filepath.Join(dir, "distributed", "tables", "response_rates.csv"))
	if strings.Join(rs, "\n") != strings.Join(rd, "\n") {
		check(fmt.Errorf("response rates differ between the single and the distributed run:\n%s", firstDiff(rd, rs)))
	}
	fmt.Printf("docs/scale.md's DuckDB SQL on %d rows in %d partitions: %d count rows equal --emit-counts; %d response-rate rows equal the single run's\n",
		*rows, *parts, len(got)-1, len(rs)-1)
}

// sortedRows returns the records of a CSV file as lines of fields joined by " | ",
// header first, the rest sorted (DuckDB quotes an empty string, tresp does not).
func sortedRows(path string) []string {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	check(err)
	lines := make([]string, len(recs))
	for i, r := range recs {
		lines[i] = strings.Join(r, " | ")
	}
	sort.Strings(lines[1:])
	return lines
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return "  " + a[i] + "\n  " + b[i]
		}
	}
	return fmt.Sprintf("  (one has %d lines, the other %d)", len(a), len(b))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "scalesql:", err)
		os.Exit(1)
	}
}
