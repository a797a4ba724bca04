package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The review repository of the script: 23 patients in three studies.
// Smith 2020: 12 patients on diltiazem (some written as the brand
// "Dilzem", which only vocab/drugs-local.tsv knows), 8 responding; Lee
// 2021: 10 on sodium thiosulfate, 5 responding; Kim 2022: one patient on
// methotrexate, responding.
const casesHeader = "Study,Pt,Age,Sex,Disease,Drug,Outcome\n"

func baseRows() []string {
	var rows []string
	for i := 1; i <= 12; i++ {
		disease, drug, outcome := "dermatomyositis", "diltiazem", "complete resolution"
		if i > 6 {
			disease = "systemic sclerosis"
		}
		if i%3 == 0 {
			drug = "Dilzem"
		}
		switch {
		case i%3 == 1 && i > 6:
			outcome = "marked improvement"
		case i%3 == 2 && i > 4:
			outcome = "no improvement"
		}
		rows = append(rows, fmt.Sprintf("Smith 2020,%d,%d years,%s,%s,%s,%s", i, 40+i, sex(i), disease, drug, outcome))
	}
	for i := 1; i <= 10; i++ {
		outcome := "partial response"
		if i > 5 {
			outcome = "no change"
		}
		rows = append(rows, fmt.Sprintf("Lee 2021,%d,%d years,%s,systemic sclerosis,sodium thiosulfate,%s", i, 30+i, sex(i), outcome))
	}
	return append(rows, "Kim 2022,1,29 years,F,systemic lupus erythematosus,methotrexate,complete resolution")
}

func sex(i int) string {
	if i%2 == 0 {
		return "M"
	}
	return "F"
}

const vocabTSV = "term\tgeneric\tkind\nDilzem\tdiltiazem\tbrand\n"

const reviewTOML = `# The review's tresp settings (read by the workflow with --config).
[figures]
formats = ["svg"]

[tables]
formats = ["csv"]

[diff]
threshold = 0.10
min_n = 5
max_drop = 0.10
`

func writeFiles(dir string, files map[string]string) error {
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// editCases rewrites data/cases.csv through f (header, rows).
func editCases(f func(header string, rows []string) (string, []string)) func(string) error {
	return func(dir string) error {
		p := filepath.Join(dir, "data", "cases.csv")
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		h, rows := f(lines[0]+"\n", lines[1:])
		return os.WriteFile(p, []byte(h+strings.Join(rows, "\n")+"\n"), 0o644)
	}
}

// history replays the script and reports the events that did not end as
// they should.
func (r *replay) history() error {
	events := []event{
		{name: "main: case tables, vocabulary, settings", kind: "push", branch: "main", want: "pass", edit: func(dir string) error {
			return writeFiles(dir, map[string]string{
				".github/workflows/tresp.yml": string(r.workflowText),
				"data/cases.csv":              casesHeader + strings.Join(baseRows(), "\n") + "\n",
				"vocab/drugs-local.tsv":       vocabTSV,
				"tresp.toml":                  reviewTOML,
				"README.md":                   "# Calcinosis review\n",
			})
		}},
		{name: "clean change: two patients added", kind: "pull_request", branch: "add-patients", want: "pass",
			edit: editCases(func(h string, rows []string) (string, []string) {
				return h, append(rows, "Smith 2020,13,61 years,F,dermatomyositis,diltiazem,complete resolution",
					"Smith 2020,14,62 years,M,dermatomyositis,diltiazem,no improvement")
			})},
		{name: "a row made invalid", kind: "pull_request", branch: "invalid-row", want: "fail", failStep: "Validate",
			edit: editCases(func(h string, rows []string) (string, []string) {
				rows[3] = strings.Replace(rows[3], "Smith 2020,", ",", 1) // no study: quarantined
				return h, rows
			})},
		{name: "renamed outcome header", kind: "pull_request", branch: "rename-header", want: "fail", failStep: "Validate",
			edit: editCases(func(h string, rows []string) (string, []string) {
				return strings.Replace(h, ",Outcome", ",Evolution", 1), rows
			})},
		{name: "one-patient stratum edit", kind: "pull_request", branch: "kim-outcome", want: "pass",
			edit: editCases(func(h string, rows []string) (string, []string) {
				rows[len(rows)-1] = strings.Replace(rows[len(rows)-1], "complete resolution", "no improvement", 1)
				return h, rows
			})},
		{name: "broad change of outcomes", kind: "pull_request", branch: "smith-outcomes", want: "fail", failStep: "Gate",
			edit: editCases(func(h string, rows []string) (string, []string) {
				for i := 0; i < 12; i++ {
					rows[i] = strings.Replace(strings.Replace(rows[i], "complete resolution", "no improvement", 1), "marked improvement", "no improvement", 1)
				}
				return h, rows
			})},
		{name: "vocabulary edit", kind: "pull_request", branch: "vocab", want: "pass", edit: func(dir string) error {
			return writeFiles(dir, map[string]string{"vocab/drugs-local.tsv": vocabTSV + "Dilzem retard\tdiltiazem\tbrand\n"})
		}},
		{name: "README edit", kind: "pull_request", branch: "readme", want: "skip", edit: func(dir string) error {
			return writeFiles(dir, map[string]string{"README.md": "# Calcinosis review\n\nCase tables in data/.\n"})
		}},
		{name: "main: two patients added", kind: "push", branch: "main", want: "pass",
			edit: editCases(func(h string, rows []string) (string, []string) {
				return h, append(rows, "Smith 2020,13,61 years,F,dermatomyositis,diltiazem,complete resolution",
					"Smith 2020,14,62 years,M,dermatomyositis,diltiazem,no improvement")
			})},
		{name: "main: outcome header renamed", kind: "push", branch: "main", want: "fail", failStep: "Validate",
			edit: editCases(func(h string, rows []string) (string, []string) {
				return strings.Replace(h, ",Outcome", ",Evolution", 1), rows
			})},
		{name: "main: header restored", kind: "push", branch: "main", want: "pass",
			edit: editCases(func(h string, rows []string) (string, []string) {
				return strings.Replace(h, ",Evolution", ",Outcome", 1), rows
			})},
		{name: "one-patient edit against the surviving baseline", kind: "pull_request", branch: "kim-outcome-2", want: "pass",
			edit: editCases(func(h string, rows []string) (string, []string) {
				i := len(rows) - 3 // Kim's row, before the two added patients
				rows[i] = strings.Replace(rows[i], "complete resolution", "no improvement", 1)
				return h, rows
			})},
	}
	for _, e := range events {
		if err := r.do(e); err != nil {
			return fmt.Errorf("%s: %w", e.name, err)
		}
	}
	if len(r.mismatches) > 0 {
		return fmt.Errorf("%d of %d events did not end as the script says:\n  %s", len(r.mismatches), len(events), strings.Join(r.mismatches, "\n  "))
	}
	fmt.Fprintf(r.out, "all %d events ended as the script says (%d workflow runs)\n", len(events), r.runs)
	return nil
}
