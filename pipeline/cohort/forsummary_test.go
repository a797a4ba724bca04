package cohort

import (
	"fmt"
	"slices"
	"testing"
)

// TestForSummary: each rate list of more than the limit is left out of what
// summary.json writes and named with its table and row count instead, alone
// of the other lists; a kept list is the same rows (never nil); the analysis
// itself keeps every row.
func TestForSummary(t *testing.T) {
	rows := func(drugs ...string) []RateRow {
		var out []RateRow
		for _, d := range drugs {
			out = append(out, RateRow{Drug: d, Population: PopITT})
		}
		return out
	}
	tests := []struct {
		name                     string
		rates, class, group      []RateRow
		limit                    int
		wantRates, wantClass     *UnlistedRows // nil: listed
		wantGroup                *UnlistedRows
		ratesListed, classListed int
		groupListed              int
	}{
		{name: "all listed", rates: rows("", "a"), class: rows("x"), group: rows("", "a"), limit: 2,
			ratesListed: 2, classListed: 1, groupListed: 2},
		{name: "nil and empty lists are listed empty", rates: nil, class: []RateRow{}, group: nil, limit: 0},
		{name: "one past the limit", rates: rows("", "a", "b"), class: rows("x"), group: rows("", "a"), limit: 2,
			wantRates: &UnlistedRows{RatesFile, 3}, classListed: 1, groupListed: 2},
		{name: "every list past it", rates: rows("", "a"), class: rows("x", "y"), group: rows("", "a"), limit: 1,
			wantRates: &UnlistedRows{RatesFile, 2}, wantClass: &UnlistedRows{ClassRatesFile, 2}, wantGroup: &UnlistedRows{GroupRatesFile, 2}},
		// response_rates_by_class.csv leaves out a row without a drug class
		{name: "class rows as the table has them", rates: rows(""), class: rows("", "x", "y"), group: rows(""), limit: 2,
			wantClass: &UnlistedRows{ClassRatesFile, 2}, ratesListed: 1, groupListed: 1},
	}
	for _, tt := range tests {
		a := &Analysis{Rates: tt.rates, ClassRates: tt.class, GroupRates: tt.group, Warnings: []string{"w"}}
		s := a.ForSummary(tt.limit)
		for _, l := range []struct {
			what     string
			full     []RateRow
			got      []RateRow
			unlisted *UnlistedRows
			want     *UnlistedRows
			listed   int
		}{
			{"rates", tt.rates, s.Rates, s.RatesUnlisted, tt.wantRates, tt.ratesListed},
			{"class rates", tt.class, s.ClassRates, s.ClassRatesUnlisted, tt.wantClass, tt.classListed},
			{"group rates", tt.group, s.GroupRates, s.GroupRatesUnlisted, tt.wantGroup, tt.groupListed},
		} {
			switch {
			case l.want == nil && (l.unlisted != nil || l.got == nil || len(l.got) != l.listed || !slices.EqualFunc(l.got, l.full, sameRateKey)):
				t.Errorf("%s: %s: unlisted %+v, %d rows listed (nil %v); want the %d rows listed", tt.name, l.what, l.unlisted, len(l.got), l.got == nil, l.listed)
			case l.want != nil && (l.got != nil || l.unlisted == nil || *l.unlisted != *l.want):
				t.Errorf("%s: %s: unlisted %+v, %d rows listed; want none listed and %+v", tt.name, l.what, l.unlisted, len(l.got), *l.want)
			}
		}
		if len(a.Rates) != len(tt.rates) || len(a.ClassRates) != len(tt.class) || a.RatesUnlisted != nil || a.ClassRatesUnlisted != nil || a.GroupRatesUnlisted != nil {
			t.Errorf("%s: ForSummary changed the analysis: %+v", tt.name, a)
		}
		if len(s.Warnings) != 1 {
			t.Errorf("%s: the summary's copy lost the other fields: %+v", tt.name, s)
		}
	}
}

func sameRateKey(a, b RateRow) bool {
	return a.Drug == b.Drug && a.Disease == b.Disease && a.Population == b.Population
}

// TestForSummaryStudyCounts: the study counts are bounded as a rate list,
// judged alone: more than the limit are left out of what summary.json
// writes and tables/study_counts.csv is named with its row count instead;
// at most the limit are listed as they are (never nil); the analysis itself
// keeps every row.
func TestForSummaryStudyCounts(t *testing.T) {
	studies := func(n int) []StudyRow {
		var out []StudyRow
		for i := range n {
			out = append(out, StudyRow{Study: fmt.Sprintf("Study %d", i+1), Drug: "a", Events: i, N: 2 * i})
		}
		return out
	}
	tests := []struct {
		name    string
		studies []StudyRow
		rates   []RateRow
		limit   int
		want    *UnlistedRows // nil: listed
		rateOut bool          // the rate list is unlisted
	}{
		{name: "nil is listed empty", studies: nil, limit: 0},
		{name: "empty is listed empty", studies: []StudyRow{}, limit: 0},
		{name: "at the limit", studies: studies(3), limit: 3},
		{name: "one past the limit", studies: studies(4), limit: 3, want: &UnlistedRows{StudyCountsFile, 4}},
		{name: "past it, the rates listed", studies: studies(3), rates: []RateRow{{Drug: "a"}}, limit: 2,
			want: &UnlistedRows{StudyCountsFile, 3}},
		{name: "listed, the rates past it", studies: studies(2), rates: []RateRow{{Drug: "a"}, {Drug: "b"}, {Drug: "c"}}, limit: 2,
			rateOut: true},
	}
	for _, tt := range tests {
		a := &Analysis{StudyCounts: tt.studies, Rates: tt.rates}
		s := a.ForSummary(tt.limit)
		switch {
		case tt.want == nil && (s.StudyCountsUnlisted != nil || s.StudyCounts == nil || !slices.EqualFunc(s.StudyCounts, tt.studies, sameStudyCount)):
			t.Errorf("%s: unlisted %+v, %d rows listed (nil %v); want the %d rows listed", tt.name, s.StudyCountsUnlisted, len(s.StudyCounts), s.StudyCounts == nil, len(tt.studies))
		case tt.want != nil && (s.StudyCounts != nil || s.StudyCountsUnlisted == nil || *s.StudyCountsUnlisted != *tt.want):
			t.Errorf("%s: unlisted %+v, %d rows listed; want none listed and %+v", tt.name, s.StudyCountsUnlisted, len(s.StudyCounts), *tt.want)
		}
		if (s.RatesUnlisted != nil) != tt.rateOut {
			t.Errorf("%s: rates unlisted %+v, want unlisted %v", tt.name, s.RatesUnlisted, tt.rateOut)
		}
		if len(a.StudyCounts) != len(tt.studies) || a.StudyCountsUnlisted != nil {
			t.Errorf("%s: ForSummary changed the analysis: %+v", tt.name, a)
		}
	}
}

func sameStudyCount(a, b StudyRow) bool {
	return a.Study == b.Study && a.Drug == b.Drug && a.Events == b.Events && a.N == b.N
}
