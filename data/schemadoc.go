package data

import (
	"fmt"
	"sort"
	"strings"
)

// SchemaMarkdown renders docs/schema.md from Specs: every field with its
// type, meaning, examples and accepted header aliases.
func SchemaMarkdown() string {
	var b strings.Builder
	b.WriteString(`# Case-table schema

<!-- Generated from data/schema.go by TestSchemaDoc; edit the Go file, then run
     go test ./data -run TestSchemaDoc -update -->

tresp reads three kinds of table, told apart by their columns:

- a **case table**: one row per patient, or one row per patient × drug (course). A
  treatment cell may hold several drugs ("Diltiazem 60 mg TDS + risedronate 35 mg weekly");
  tresp splits it into courses.
- a **study-level table**: one row per study × drug with aggregate counts, for series that
  report outcomes only in aggregate. It has the columns ` + "`treated` and `responders`" + ` and no
  ` + "`case_id`" + `. The drug ` + "`all`" + ` stands for every patient of the study.
- a **lab table** (long form): study, case_id, lab_analyte, lab_value, lab_unit.

Headers match the names and aliases below ignoring case, spaces and punctuation:
"Case no.", "case_no" and "CASE NO" are the same header. A trailing unit in brackets is
split off and used as the column's unit: "Follow-up (months)". Wide laboratory columns are
recognised by analyte name with their unit: "Serum calcium (mg/dL)". Any other column is
carried through to the outputs (column ` + "`extra`" + `) and reported, never dropped. Map a
header explicitly with ` + "`--map 'HEADER=FIELD'`" + ` (FIELD may be ` + "`lab:ANALYTE`" + ` or ` + "`extra`" + `).

Columns without a header **after the last named column** (trailing delimiters, a sheet's
formatted but empty columns) are ignored, with one note (` + "`unnamed-columns`" + `); a cell with
text in them is a warning on its row (` + "`unnamed-cell`" + `) and its text is not carried through —
give the column a header to keep it. So a header row of a million empty names costs
nothing per row. A header of more than 16,384 named columns (Excel's limit) is refused
(` + "`too-many-columns`" + `).

Cells stay text until normalisation; the normalised table keeps the original text beside
every value.

## Fields

| field | table | type | meaning | examples | header aliases |
|---|---|---|---|---|---|
`)
	for _, s := range Specs {
		level := "case"
		switch s.Level {
		case LevelStudy:
			level = "study"
		case LevelBoth:
			level = "case, study"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", s.Name, level, s.Type, s.Meaning,
			mdList(s.Examples), mdList(s.Aliases))
	}
	b.WriteString("\n## Wide laboratory columns\n\nA column whose name (unit removed) is one of these is read as a laboratory value of that analyte:\n\n| analyte | header names |\n|---|---|\n")
	for _, a := range LabAnalytes() {
		var names []string
		for k, v := range labAliases {
			if v == a {
				names = append(names, k)
			}
		}
		sort.Strings(names)
		fmt.Fprintf(&b, "| `%s` | %s |\n", a, mdList(names))
	}
	b.WriteString(`
## Row checks

A row is **quarantined** (written to quarantine.csv with its reasons, and counted) when:

- case table: study is empty (and not taken from the file name), case_id is empty, or there
  is neither a treatment nor a drug; or the row has a non-empty cell past the header's
  last column (named or not);
- study-level table: study or drug is empty; treated or responders is missing or not a whole
  number ≥ 0; responders + not_evaluable exceed treated; the outcome categories given do not
  add up to treated − not_evaluable;
- lab table: study, case_id, analyte or value is empty.

A row is accepted with a **warning** when it has fewer cells than the header (missing cells
read as empty), when its outcome is empty (counted as not evaluable), or when it repeats the
study, case_id and drug of an earlier row (duplicate).

For every input, summary.json states rows read = rows accepted + rows quarantined.
`)
	return b.String()
}

func mdList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = strings.ReplaceAll(x, "|", `\|`)
	}
	return strings.Join(q, "; ")
}
