package cohort

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
)

// TestCompareBoundedGroups (issue 13, bounded memory): with more drugs
// than analysis.max_compare_groups only the largest groups are compared
// with each other, diseases only within those drugs, and the rest are
// counted, not compared; no pair is built for a drug left out. On the old
// code 5,000 distinct drugs made 12.5 million comparisons (5 GB).
func TestCompareBoundedGroups(t *testing.T) {
	var units []*unit
	add := func(drug, disease string, n, resp int) {
		for i := 0; i < n; i++ {
			c := Counts{Treated: 1}
			if i < resp {
				c.Responders = 1
			}
			units = append(units, &unit{drug: drug, disease: disease, counts: c})
		}
	}
	// drugs d00..d09 of 21, 20, 19, … 12 patients over three diseases;
	// then 500 drugs of one patient, and one of three patients.
	for i := 0; i < 10; i++ {
		add(fmt.Sprintf("d%02d", i), "dermatomyositis", 10-i/2, 3)
		add(fmt.Sprintf("d%02d", i), "systemic sclerosis", 10-i/2-i%2, 2)
		add(fmt.Sprintf("d%02d", i), "other", 1, 1)
	}
	for i := 0; i < 500; i++ {
		add(fmt.Sprintf("x%03d", i), "dermatomyositis", 1, i%2)
	}
	add("y", "dermatomyositis", 3, 1)
	cfg := config.Default().Analysis
	cfg.MaxCompareGroups = 4
	a := &analyser{cfg: cfg, level: 0.95}
	got, omitted := a.compare(units)

	drugs := map[string]bool{}
	byDim := map[string]int{}
	for _, c := range got {
		byDim[c.By]++
		if c.By == "drug" {
			drugs[c.GroupA], drugs[c.GroupB] = true, true
		}
	}
	// the four largest: d00, d01, d02, d03 (21, 20, 19, 18 patients)
	if want := "d00 d01 d02 d03"; strings.Join(slices.Sorted(maps.Keys(drugs)), " ") != want {
		t.Errorf("drugs compared: %v, want %s", slices.Sorted(maps.Keys(drugs)), want)
	}
	if byDim["drug"] != 6 {
		t.Errorf("%d drug comparisons, want 6 (4 groups, all pairs)", byDim["drug"])
	}
	// each compared drug has three diseases: three pairs, one of them with
	// "other" (n = 1) listed untested.
	for _, d := range []string{"d00", "d01", "d02", "d03"} {
		if byDim["disease within "+d] != 3 {
			t.Errorf("disease within %s: %d comparisons, want 3", d, byDim["disease within "+d])
		}
	}
	if n := len(byDim); n != 5 {
		t.Errorf("comparison dimensions %v, want the drugs and the diseases of the 4 compared drugs", byDim)
	}
	if len(omitted) != 1 || omitted[0] != (CompareOmitted{By: "drug", Groups: 507, Patients: 17 + 16 + 15 + 14 + 13 + 12 + 500 + 3, Largest: 17}) {
		t.Errorf("omitted = %+v, want 507 drugs (590 patients, the largest 17)", omitted)
	}
	if w := strings.Join(a.warn, "\n"); !strings.Contains(w, "507 groups") || !strings.Contains(w, "analysis.max_compare_groups") {
		t.Errorf("warnings lack the omitted groups:\n%s", w)
	}
}
