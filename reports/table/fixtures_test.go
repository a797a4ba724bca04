package table

// Fixtures shared by the tests. The numbers are illustrative text, not
// results: the writers never compute, they only lay out strings.

// hostile lists strings that break naive writers of some format.
var hostile = []string{
	`=cmd|' /C calc'!A0`,
	`+1+1`,
	`-2+3`,
	`@SUM(A1)`,
	`<script>alert(1)</script>`,
	`a & b`,
	`100%`,
	`$x_1^2$`,
	`\textbf{x}`,
	`{}`,
	`~#`,
	`"double" and 'single' quotes`,
	"line one\nline two",
	"crlf\r\nline",
	"\ttab first",
	"  =padded formula",
	`a | b \| c`,
	"≥ 5 mg × 2 – 3 ± 0.5 −1 µg 10⁹/L α=0.05 “q” …",
	`[1] *star* _under_ ` + "`code`",
	`# heading? - list? 1. list?`,
	"--- -- ``quotes'' !` ?`",
	"null\x00byte and bell\x07",
	"bad utf8 \xff\xfe end",
	"日本語 Ελληνικά",
}

// responseTable is a typical response-rate-by-drug table.
func responseTable() Table {
	return Table{
		Title:   "Response by drug",
		Caption: "Complete or partial response among evaluable cases; exact (Clopper–Pearson) 95% CI.",
		Columns: []Column{
			{Key: "drug", Header: "Drug"},
			{Key: "n", Header: "n", Numeric: true},
			{Key: "resp", Header: "Responders", Numeric: true},
			{Key: "rate", Header: "Rate (95% CI)", Numeric: true},
		},
		Rows: []Row{
			{Cells: []string{"Dupilumab", "12", "9", "0.75 (0.43–0.95)"}},
			{Cells: []string{"Methotrexate", "7", "3", "0.43 (0.10–0.82)"}},
			{Cells: []string{"Ciclosporin", "3", "3", "1.00 (0.29–1.00)"}},
			{Cells: []string{"Total", "22", "15", "0.68 (0.45–0.86)"}, Bold: true},
		},
		Footnotes: []string{
			"CI, confidence interval.",
			"Warning: Ciclosporin has fewer than 5 cases; its interval is wide.",
		},
	}
}

// baselineTable is a Table 1 with group rows and indented levels.
func baselineTable() Table {
	return Table{
		Title: "Table 1. Baseline characteristics",
		Columns: []Column{
			{Key: "char", Header: "Characteristic"},
			{Key: "all", Header: "All cases\n(n = 22)", Numeric: true},
			{Key: "missing", Header: "Missing", Numeric: true, Align: AlignCenter},
		},
		Rows: []Row{
			{Cells: []string{"Age, years, median (IQR)", "54 (41–63)", "0"}},
			{Cells: []string{"Sex"}, Group: true},
			{Cells: []string{"Female", "13 (59%)", "1"}, Indent: 1},
			{Cells: []string{"Male", "8 (36%)", ""}, Indent: 1},
			{Cells: []string{"Dose, mg/kg/day"}, Group: true},
			{Cells: []string{"≥ 2", "10 (45%)", "2"}, Indent: 1},
			{Cells: []string{"< 2", "10 (45%)"}, Indent: 1},
			{Cells: []string{"-", "-", "-"}},
		},
		Footnotes: []string{"IQR, interquartile range. Percentages of non-missing values."},
	}
}

// hostileTable puts every hostile string in every place text can go.
func hostileTable() Table {
	t := Table{
		Title:   "Hostile <b>title</b> & $x_1^2$ 100% =1+1",
		Caption: "Caption with \\textbf{x} {} ~# and a\nnewline",
		Columns: []Column{
			{Key: "k", Header: "=HEADER()"},
			{Key: "v", Header: "Value | $", Numeric: true},
			{Key: "n", Header: "<th>", Align: AlignCenter},
		},
		Footnotes: []string{"-note starting with minus", "<script>alert(1)</script> & 100% $ _ ^ ~"},
	}
	for i, h := range hostile {
		t.Rows = append(t.Rows, Row{Cells: []string{h, numbersForHostile[i%len(numbersForHostile)], h}})
	}
	t.Rows = append(t.Rows, Row{Cells: []string{"=group <label> & $"}, Group: true})
	t.Rows = append(t.Rows, Row{Cells: []string{"[indented]", "-Inf", "*"}, Indent: 2, Bold: true})
	return t
}

// numbersForHostile are numeric cells that must stay unprefixed in CSV.
var numbersForHostile = []string{"-0.5", "+3", "-Inf", "1e-3", "-12.5%", "-1,234.5", "NaN", "0"}

// fixtures are the golden tables, by name.
func fixtures() []struct {
	name string
	t    Table
} {
	return []struct {
		name string
		t    Table
	}{
		{"response", responseTable()},
		{"baseline", baselineTable()},
		{"hostile", hostileTable()},
		{"spanned", spannedTable()},
	}
}

// spannedTable has spanning headers (ITT | Evaluable), a \label and a row
// wide enough to overflow \textwidth unless scaled.
func spannedTable() Table {
	return Table{
		Title: "Response by drug",
		Label: "tab:response_by drug",
		Columns: []Column{
			{Key: "drug", Header: "Drug"},
			{Key: "itt_n", Header: "n", Numeric: true, Group: "ITT"},
			{Key: "itt_r", Header: "Responders", Numeric: true, Group: "ITT"},
			{Key: "itt_rate", Header: "Rate (95% CI)", Numeric: true, Group: "ITT"},
			{Key: "ev_n", Header: "n", Numeric: true, Group: "Evaluable"},
			{Key: "ev_r", Header: "Responders", Numeric: true, Group: "Evaluable"},
			{Key: "ev_rate", Header: "Rate (95% CI)", Numeric: true, Group: "Evaluable"},
		},
		Rows: []Row{
			{Cells: []string{"Dupilumab", "12", "9", "75% (43–95)", "11", "9", "82% (48–98)"}},
			{Cells: []string{"Sodium thiosulfate with hyperbaric oxygen therapy and intravenous bisphosphonate", "7", "3", "43% (10–82)", "7", "3", "43% (10–82)"}},
		},
		Footnotes: []string{"Patients given a combination count under each drug they received."},
	}
}
