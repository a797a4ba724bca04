package figure

import (
	"fmt"
	"github.com/tresp/tresp/internal/numtext"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// Caption returns a draft Markdown caption for the forest plot.
func (f Forest) Caption() string {
	var b strings.Builder
	title := clean(f.Title)
	if title == "" {
		title = "Response rate by drug"
	}
	fmt.Fprintf(&b, "**%s.** Forest plot of the proportion of patients who responded to each drug. ", title)
	marker := "with area proportional to n, the patients of the population analysed (see Population)"
	if f.FixedMarkers {
		marker = "all of the same size"
	}
	fmt.Fprintf(&b, "Squares show the observed response rate (x responders of n patients), %s; whiskers show %s confidence intervals", marker, levelPct(f.level()))
	if m := clean(f.Method); m != "" {
		fmt.Fprintf(&b, " (%s)", m)
	}
	b.WriteString(".")
	if p := clean(f.Population); p != "" {
		b.WriteString(" " + p)
		if !strings.HasSuffix(p, ".") {
			b.WriteString(".")
		}
	}
	var pooled, study, nodata, noest, pi, note bool
	patients := 0
	rows := f.Rows
	if f.page != nil {
		rows = f.page.all // a page's caption describes the whole plot
	}
	for _, r := range rows {
		pooled = pooled || r.Pooled
		study = study || r.Study && !r.Note && !r.Pooled
		nodata = nodata || !r.hasData() && !r.Heading && !r.Note && r.N == 0
		noest = noest || !r.hasData() && !r.Heading && !r.Note && r.N > 0
		pi = pi || r.hasPI()
		note = note || r.Note
	}
	for i, r := range rows {
		// count patients once: study rows, and drug rows without study rows.
		hasChildren := i+1 < len(rows) && rows[i+1].Study && !r.Study
		if !r.Pooled && !hasChildren && !r.Note && !r.Heading {
			patients += r.N
		}
	}
	if study {
		b.WriteString(" Indented grey rows are individual studies.")
	}
	if pooled {
		b.WriteString(" Diamonds show pooled estimates and their confidence intervals")
		if m := clean(f.Pooling); m != "" {
			fmt.Fprintf(&b, " (%s)", m)
		}
		b.WriteString(".")
		if pi {
			b.WriteString(" The dotted line through a diamond is the prediction interval: where the response rate of a new study would lie.")
		}
		if note {
			b.WriteString(" The line under each diamond gives the between-study variance τ², I² and the p-value of Cochran's Q.")
		}
	}
	if f.hasWeights() {
		b.WriteString(" Weight is each study's share of the pooled estimate")
		if w := clean(f.Weights); w != "" {
			b.WriteString(" (" + w + ")")
		}
		b.WriteString(".")
	}
	for _, n := range f.Notes {
		if n = clean(n); n != "" {
			b.WriteString(" " + n)
		}
	}
	if f.RefLine > 0 && f.RefLine <= 1 {
		ref := clean(f.RefLabel)
		if ref == "" {
			ref = "a response rate of " + strconv.FormatFloat(f.RefLine, 'f', 2, 64)
		}
		fmt.Fprintf(&b, " The dashed vertical line marks %s.", ref)
	}
	if nodata {
		b.WriteString(" Rows marked \"not estimable\" have no patient in the population.")
	}
	if noest {
		b.WriteString(" Rows marked \"no estimate\" have patients (x/n) but no estimate.")
	}
	if pg := f.page; pg != nil {
		fmt.Fprintf(&b, " The plot is split over %d pages no taller than %.0f mm, each with the column headings and the axis;", pg.pages, float64(pg.limit/vg.Millimeter))
		if len(pg.split) == 0 {
			b.WriteString(" a drug's rows stay on one page.")
		} else {
			fmt.Fprintf(&b, " a drug's rows stay on one page, except those of %s, too many for one page, which continue on the next.", andList(pg.split))
		}
	}
	if f.Patients > 0 {
		patients = f.Patients
	}
	fmt.Fprintf(&b, " %s", countPhrase(patients, f.Studies))
	b.WriteString(abbrevPhrase(append([]string{"CI, confidence interval", "x/n, responders/patients of the population analysed"}, f.Abbrev...)))
	return b.String()
}

// andList joins names as "a", "a and b", "a, b and c".
func andList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// countPhrase is "Data from 23 patients in 9 studies." (studies omitted when 0).
func countPhrase(patients, studies int) string {
	s := "Data from " + plural(patients, "patient", "patients")
	if studies > 0 {
		s += " in " + plural(studies, "study", "studies")
	}
	return s + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return numtext.Count(n) + " " + many
}

func abbrevPhrase(ab []string) string {
	var keep []string
	for _, a := range ab {
		if a = clean(a); a != "" {
			keep = append(keep, a)
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return " Abbreviations: " + strings.Join(keep, "; ") + "."
}
