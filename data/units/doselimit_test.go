package units

import (
	"strings"
	"testing"
)

// TestCheckDrugDose: real-world doses from case reports and labels, read by
// the dose parser and checked against the substance's (or class's) plausible
// maximum (lexicon/doselimits.tsv).
func TestCheckDrugDose(t *testing.T) {
	tests := []struct {
		substance, atc, route string
		dose                  string
		opt                   DoseOptions
		flagged               bool
		want                  []string // parts of the note
	}{
		// implausible: unit or decimal slips
		{"prednisolone", "H02AB06", "", "6000 mg/day", DoseOptions{}, true,
			[]string{"dose 6000 mg/day of prednisolone", "plausible maximum of 250 mg/day for prednisolone, any route", "route not stated"}},
		{"methotrexate", "L04AX03", "", "250 mg daily", DoseOptions{}, true,
			[]string{"dose 250 mg/day of methotrexate", "maximum of 50 mg/day"}},
		{"methotrexate", "L04AX03", "oral", "25 mg", DoseOptions{}, false, nil}, // weekly dose, frequency not written: 25 ≤ 50
		{"prednisolone", "H02AB06", "oral", "6 g", DoseOptions{}, true,
			[]string{"dose 6000 mg/day", `no frequency stated for "6 g": read as once daily`}},
		{"levothyroxine", "H03AA01", "oral", "100 mg daily", DoseOptions{}, true, []string{"maximum of 0.5 mg/day"}}, // mcg written as mg
		{"diltiazem", "C08DB01", "oral", "600 mg tid", DoseOptions{}, true, []string{"dose 1800 mg/day of diltiazem"}},
		{"colchicine", "M04AC01", "oral", "5 mg bd", DoseOptions{}, true, []string{"dose 10 mg/day"}},
		// a class maximum for a substance without a row
		{"nitrendipine", "C08CA08", "oral", "2 g daily", DoseOptions{}, true, []string{"ATC class C08 (no row for nitrendipine)"}},
		// plausible: legitimate high doses
		{"methylprednisolone", "H02AB04", "intravenous", "1000 mg IV daily x 3 days", DoseOptions{}, false, nil}, // pulse
		{"methylprednisolone", "H02AB04", "", "1 g iv for 3 days", DoseOptions{}, false, nil},
		{"methylprednisolone", "H02AB04", "", "500 mg bid", DoseOptions{}, false, nil},
		{"methotrexate", "L04AX03", "", "25 mg weekly", DoseOptions{}, false, nil},
		{"methotrexate", "L04AX03", "subcutaneous", "15 mg once a week", DoseOptions{}, false, nil},
		{"methotrexate", "L01BA01", "intravenous", "8 g", DoseOptions{}, false, nil}, // high-dose IV: its own row
		{"methotrexate", "L01BA01", "", "3 g/m2", DoseOptions{BSA: 1.8}, false, nil}, // per m²: not checked
		{"prednisolone", "H02AB06", "", "2 mg/kg/day", DoseOptions{WeightKg: 70}, false, nil},
		{"prednisolone", "H02AB06", "", "200 mg/kg", DoseOptions{}, false, nil}, // per kg without a weight: mg/kg/day, not mg/day
		{"prednisolone", "H02AB06", "oral", "60 mg daily, tapered to 5 mg", DoseOptions{}, false, nil},
		{"diltiazem", "C08DB01", "oral", "60 mg thrice a day, increased to 90mg", DoseOptions{}, false, nil},
		{"diltiazem", "C05AE03", "topical", "2% cream bd", DoseOptions{}, false, nil},
		{"cetirizine", "R06AE07", "oral", "10 mg qid", DoseOptions{}, false, nil}, // urticaria up-dosing
		{"acetylsalicylic acid", "N02BA01", "oral", "75 mg daily", DoseOptions{}, false, nil},
		{"hydroxychloroquine", "P01BA02", "oral", "200 mg bid", DoseOptions{}, false, nil},
		{"ivermectin", "P02CF01", "oral", "12 mg stat", DoseOptions{}, false, nil}, // single dose: no daily rate
		{"unknownumab", "", "", "9000 mg daily", DoseOptions{}, false, nil},        // no row, no class
	}
	for _, tc := range tests {
		d := ParseDoseWith(tc.dose, tc.opt)
		n, ok := CheckDrugDose(tc.substance, tc.atc, tc.route, d)
		if ok != tc.flagged {
			t.Errorf("%s %q (%s): flagged %v, want %v (%v %s; %q)", tc.substance, tc.dose, tc.route, ok, tc.flagged, d.Max, d.Unit, n.Msg)
			continue
		}
		if ok && n.Code != CodeDoseImplausible {
			t.Errorf("%s %q: code %q", tc.substance, tc.dose, n.Code)
		}
		for _, w := range tc.want {
			if !strings.Contains(n.Msg, w) {
				t.Errorf("%s %q: note %q lacks %q", tc.substance, tc.dose, n.Msg, w)
			}
		}
	}
}

// TestDoseLimitsWellFormed: every row parses (doseLimits panics otherwise),
// substance rows win over class rows, and a route row over the any-route row.
func TestDoseLimitsWellFormed(t *testing.T) {
	if l, ok := DrugDoseLimit("Methotrexate", "L01BA01", "intravenous"); !ok || l.Route != "intravenous" || l.MaxMgPerDay < 10000 {
		t.Errorf("methotrexate IV: %+v, %v", l, ok)
	}
	if l, ok := DrugDoseLimit("methotrexate", "L01BA01", "oral"); !ok || l.Route != "*" || l.MaxMgPerDay != 50 {
		t.Errorf("methotrexate oral: %+v, %v", l, ok)
	}
	if l, ok := DrugDoseLimit("prednisolone", "H02AB06", ""); !ok || l.Substance != "prednisolone" {
		t.Errorf("prednisolone: %+v, %v", l, ok)
	}
	if l, ok := DrugDoseLimit("budesonide", "H02AB16", ""); !ok || l.ATC != "H02AB" {
		t.Errorf("budesonide falls back on H02AB: %+v, %v", l, ok)
	}
	n := 0
	for _, rows := range doseLimits().bySubstance {
		n += len(rows)
		for _, l := range rows {
			if l.Source == "" {
				t.Errorf("%s: no source", l.Substance)
			}
		}
	}
	if n < 100 {
		t.Errorf("%d substance rows, want at least 100", n)
	}
}
