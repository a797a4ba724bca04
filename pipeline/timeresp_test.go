package pipeline

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// ajCases writes a case table: diltiazem carries the no_ties data set of
// stats/surv/testdata/aj_data.csv (status 1 = response at the time, 2 =
// death at the time, 0 = no response, followed until the time), every
// responder with a known time; risedronate has five responders of whom one
// has a time.
func ajCases(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("study,case_id,treatment,outcome,time_to_response,follow_up\n")
	days := []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 12}
	status := []int{1, 2, 0, 1, 1, 0, 2, 1, 0, 1}
	for i, d := range days {
		switch status[i] {
		case 1:
			fmt.Fprintf(&b, "Lee 2020,%d,diltiazem,complete response,%d days,\n", i+1, d)
		case 2:
			fmt.Fprintf(&b, "Lee 2020,%d,diltiazem,died,,%d days\n", i+1, d)
		default:
			fmt.Fprintf(&b, "Lee 2020,%d,diltiazem,no response,,%d days\n", i+1, d)
		}
	}
	for i := 0; i < 5; i++ {
		ttr := ""
		if i == 0 {
			ttr = "3 weeks"
		}
		fmt.Fprintf(&b, "Kim 2021,%d,risedronate,complete response,%s,6 months\n", i+1, ttr)
	}
	b.WriteString("Kim 2021,6,risedronate,no response,,6 months\n")
	return writeFile(t, dir, "cases.csv", b.String())
}

func csvRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestCumulativeResponseAalenJohansen runs the pipeline on ajCases and
// checks diltiazem's curve in tables/time_to_response.csv against R:
// stats/surv/testdata/aj.csv, data set no_ties (R 4.2.2, survival 3.5-3,
// survfit(Surv(time, state) ~ 1) with a factor state), p_response, lower
// and upper, tol 1e-9. Risedronate, with a time for 1 of 5 responders, has
// no curve; the caption says which drug is left out and why.
func TestCumulativeResponseAalenJohansen(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, ajCases(t, dir)); err != nil {
		t.Fatal(err)
	}
	var want [][]string
	for _, r := range csvRows(t, filepath.Join("..", "stats", "surv", "testdata", "aj.csv"))[1:] {
		if r[0] == "no_ties" {
			want = append(want, r)
		}
	}
	rows := csvRows(t, filepath.Join(out, "tables", "time_to_response.csv"))
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var got [][]string
	for _, r := range rows[1:] {
		switch r[col["drug"]] {
		case "diltiazem":
			got = append(got, r)
		case "risedronate":
			t.Errorf("risedronate has a curve: %v", r)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("diltiazem: %d points, want %d (R)", len(got), len(want))
	}
	f := func(s string) float64 {
		if s == "NA" || s == "" {
			return math.NaN()
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	close := func(a, b float64) bool {
		return math.IsNaN(a) && math.IsNaN(b) || math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
	}
	for i, g := range got {
		w := want[i]
		if g[col["estimator"]] != "aalen-johansen" {
			t.Errorf("estimator %q", g[col["estimator"]])
		}
		// aj.csv: dataset,time,n.risk,n.response,n.death,n.censor,p_free,p_response,p_death,se_response,se_death,lower_response,upper_response
		pairs := [][2]string{{"time_days", w[1]}, {"n_risk", w[2]}, {"n_event", w[3]}, {"n_death", w[4]}, {"n_censor", w[5]},
			{"cum_response", w[7]}, {"ci_low", w[11]}, {"ci_high", w[12]}}
		for _, p := range pairs {
			if a, b := f(g[col[p[0]]]), f(p[1]); !close(a, b) {
				t.Errorf("point %d: %s = %v, R says %v", i+1, p[0], a, b)
			}
		}
	}
	capt, err := os.ReadFile(filepath.Join(out, "figures", "cumulative_response.caption.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Aalen–Johansen", "competing event", "Not drawn", "risedronate (time to response known for 1 of 5 responders, 20%, below analysis.min_time_known = 80%)"} {
		if !strings.Contains(string(capt), s) {
			t.Errorf("caption lacks %q:\n%s", s, capt)
		}
	}
}

// TestCumulativeResponseFewTimesNoCurve: when no drug has its response
// time for at least 80 % of its responders, there is no curve and no
// cumulative-response figure, and a warning names the drugs.
func TestCumulativeResponseFewTimesNoCurve(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("study,case_id,treatment,outcome,time_to_response,follow_up\n")
	for i := 0; i < 10; i++ {
		ttr := ""
		if i < 7 { // 7 of 10: below 80 %
			ttr = fmt.Sprintf("%d weeks", i+2)
		}
		fmt.Fprintf(&b, "Lee 2020,%d,diltiazem,partial response,%s,1 year\n", i+1, ttr)
	}
	b.WriteString("Lee 2020,11,diltiazem,no response,,1 year\n")
	out := filepath.Join(dir, "out")
	res, err := runTo(t, out, writeFile(t, dir, "cases.csv", b.String()))
	if err != nil {
		t.Fatal(err)
	}
	rows := csvRows(t, filepath.Join(out, "tables", "time_to_response.csv"))
	if len(rows) != 1 {
		t.Errorf("time_to_response.csv has %d points, want none: %v", len(rows)-1, rows[1:])
	}
	if _, err := os.Stat(filepath.Join(out, "figures", "cumulative_response.svg")); !os.IsNotExist(err) {
		t.Errorf("cumulative_response.svg written (err %v)", err)
	}
	found := false
	for _, w := range res.Summary.Analysis.Warnings {
		found = found || strings.Contains(w, "no cumulative response for 1 drugs") && strings.Contains(w, "diltiazem")
	}
	if !found {
		t.Errorf("no warning names diltiazem: %q", res.Summary.Analysis.Warnings)
	}
}

// TestCumulativeResponseFlatNotDrawn: when the only drugs with a curve had
// no response (those with responders lack their times), every curve lies
// at zero; the figure would read as "nobody responds" and is not drawn.
// The synthetic 400-row table drew twelve such flat lines.
func TestCumulativeResponseFlatNotDrawn(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("study,case_id,treatment,outcome,time_to_response,follow_up\n")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "Lee 2020,%d,diltiazem,partial response,,1 year\n", i+1)
		fmt.Fprintf(&b, "Lee 2020,%d,risedronate,no response,,%d months\n", i+6, i+3)
	}
	out := filepath.Join(dir, "out")
	if _, err := runTo(t, out, writeFile(t, dir, "cases.csv", b.String())); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "figures", "cumulative_response.svg")); !os.IsNotExist(err) {
		t.Errorf("cumulative_response.svg written with every curve at zero (err %v)", err)
	}
}
