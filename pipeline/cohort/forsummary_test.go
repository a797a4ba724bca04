package cohort

import (
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
