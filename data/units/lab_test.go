package units

import (
	"math"
	"testing"
)

// Conversion factors follow from molar masses (IUPAC 2021 standard atomic
// weights: Ca 40.078, P 30.973762; 25(OH)D3 C27H44O2 400.64 g/mol; PTH(1-84)
// 9424.7 g/mol) and the definition 1 kat = 1 mol/s. The constants in lab.go
// are the rounded values printed in the AMA Manual of Style SI table and
// Young DS, Ann Intern Med 1987;106:114-129; tolerance is their rounding.
func TestConversionFactors(t *testing.T) {
	tests := []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"calcium mg/dL→mmol/L = 10/40.078", caToSI, 10 / 40.078, 5e-5},
		{"phosphate mg/dL→mmol/L = 10/30.974", pToSI, 10 / 30.973762, 5e-5},
		{"25-OH D ng/mL→nmol/L = 1000/400.64", vdToSI, 1000 / 400.64, 5e-4},
		{"PTH pg/mL→pmol/L = 1000/9424.7", pthToSI, 1000 / 9424.7, 5e-4},
		{"ALP U/L→µkat/L: 1 U = 1 µmol/min = 1/60 µkat", alpToSI, 1.0 / 60, 1e-15},
		{"urine Ca mg/24h→mmol/24h = 1/40.078", uCaToSI, 1 / 40.078, 5e-6},
	}
	for _, tc := range tests {
		if math.Abs(tc.got-tc.want) > tc.tol {
			t.Errorf("%s: %v, want %v ± %v", tc.name, tc.got, tc.want, tc.tol)
		}
	}
	// Values stated in the brief (same sources): ALP U/L × 0.01667 = µkat/L;
	// PTH pg/mL = ng/L; 24-h urine calcium 100 mg/24h = 2.495 mmol/24h.
	if si, u := ToSI(ALP, 100); math.Abs(si-1.667) > 5e-4 || u != "µkat/L" {
		t.Errorf("ToSI(ALP, 100) = %v %s", si, u)
	}
	if l := ParseLabFor(PTH, "35 ng/L"); l.Conv != 35 || l.Status != Exact {
		t.Errorf("PTH ng/L: %+v", l)
	}
	if si, u := ToSI(UrineCalcium24h, 100); !near(si, 2.495) || u != "mmol/24h" {
		t.Errorf("ToSI(UrineCalcium24h, 100) = %v %s", si, u)
	}
	for a := Calcium; a <= UrineCalcium24h; a++ {
		si, _ := ToSI(a, 7.3)
		back, _ := FromSI(a, si)
		if !near(back, 7.3) {
			t.Errorf("%v: FromSI(ToSI(7.3)) = %v", a, back)
		}
	}
	if v, u := ToSI(AnalyteUnknown, 1); !math.IsNaN(v) || u != "" {
		t.Errorf("ToSI(unknown) = %v %q", v, u)
	}
}

func TestParseLab(t *testing.T) {
	tests := []struct {
		text     string
		analyte  Analyte
		value    float64
		unit     string
		readUnit string
		conv, si float64
		flag     Flag
		status   Status
		code     Code
	}{
		// seed 003 (factors as in TestConversionFactors)
		{"serum calcium (8.5mg/dl, normal: 8.5-10.3 mg/dl)", Calcium, 8.5, "mg/dL", "mg/dL", 8.5, 8.5 * caToSI, FlagLow, Exact, ""},
		{"serum calcium (8.5mg/dl)", Calcium, 8.5, "mg/dL", "mg/dL", 8.5, 8.5 * caToSI, FlagLow, Exact, ""},
		{"phosphorus (4.2 mg/dl, normal: 3.0-6.0 mg/dl)", Phosphate, 4.2, "mg/dL", "mg/dL", 4.2, 4.2 * pToSI, FlagNormal, Exact, ""},
		{"serum 25-hydroxy vitamin D (20 ng/dl, normal: 17-54 ng/dl)", VitaminD25OH, 20, "ng/dL", "ng/mL", 20, 20 * vdToSI, FlagNormal, Assumed, CodeUnitImplausible},
		{"25-hydroxy vitamin D (20 ng/dl)", VitaminD25OH, 20, "ng/dL", "ng/mL", 20, 20 * vdToSI, FlagNormal, Assumed, CodeUnitImplausible},
		{"parathormone (PTH) (35 pg/dl, normal: 11-54 pg/dl)", PTH, 35, "pg/dL", "pg/mL", 35, 35 * pthToSI, FlagNormal, Assumed, CodeUnitImplausible},
		{"PTH 35 pg/dl", PTH, 35, "pg/dL", "pg/mL", 35, 35 * pthToSI, FlagNormal, Assumed, CodeUnitImplausible},
		{"24-hour urinary calcium (122.6mg/24h, normal: 100-300mg mg/dl)", UrineCalcium24h, 122.6, "mg/24h", "mg/24h", 122.6, 122.6 * uCaToSI, FlagNormal, Exact, ""},
		// brief
		{"phosphorus 4.2 mg/dl", Phosphate, 4.2, "mg/dL", "mg/dL", 4.2, 4.2 * pToSI, FlagNormal, Exact, ""},
		// further
		{"Ca 9.1", Calcium, 9.1, "", "mg/dL", 9.1, 9.1 * caToSI, FlagNormal, Assumed, CodeUnitMissing},
		{"calcium 2.3", Calcium, 2.3, "", "mmol/L", 2.3 / caToSI, 2.3, FlagNormal, Assumed, CodeUnitMissing},
		{"calcium 2.3 mmol/L", Calcium, 2.3, "mmol/L", "mmol/L", 2.3 / caToSI, 2.3, FlagNormal, Converted, ""},
		{"calcium 11.2 mg/dL", Calcium, 11.2, "mg/dL", "mg/dL", 11.2, 11.2 * caToSI, FlagHigh, Exact, ""},
		{"S. calcium 7.9 mg%", Calcium, 7.9, "mg/dL", "mg/dL", 7.9, 7.9 * caToSI, FlagLow, Exact, ""},
		{"total calcium: 9.4 mg/dl", Calcium, 9.4, "mg/dL", "mg/dL", 9.4, 9.4 * caToSI, FlagNormal, Exact, ""},
		{"calcium 4.8 mEq/L", Calcium, 4.8, "mEq/L", "mEq/L", 2.4 / caToSI, 2.4, FlagNormal, Converted, ""},
		{"phosphate 1.2 mmol/l", Phosphate, 1.2, "mmol/L", "mmol/L", 1.2 / pToSI, 1.2, FlagNormal, Converted, ""},
		{"phosphate 6.1 mg/dL", Phosphate, 6.1, "mg/dL", "mg/dL", 6.1, 6.1 * pToSI, FlagHigh, Exact, ""},
		{"PO4 2.1 mg/dl", Phosphate, 2.1, "mg/dL", "mg/dL", 2.1, 2.1 * pToSI, FlagLow, Exact, ""},
		{"phosphate 3.5", Phosphate, 3.5, "", "mg/dL", 3.5, 3.5 * pToSI, FlagNormal, Assumed, CodeUnitMissing},
		{"phosphate 1.2", Phosphate, 1.2, "", "mg/dL", 1.2, 1.2 * pToSI, FlagLow, Assumed, CodeUnitMissing},
		{"phosphate 0.3", Phosphate, 0.3, "", "mmol/L", 0.3 / pToSI, 0.3, FlagLow, Assumed, CodeUnitMissing},
		{"25(OH)D 45 nmol/L", VitaminD25OH, 45, "nmol/L", "nmol/L", 45 / vdToSI, 45, FlagLow, Converted, ""},
		{"vitamin D 32 ng/ml", VitaminD25OH, 32, "ng/mL", "ng/mL", 32, 32 * vdToSI, FlagNormal, Exact, ""},
		{"vitamin D3 12 ng/ml", VitaminD25OH, 12, "ng/mL", "ng/mL", 12, 12 * vdToSI, FlagLow, Exact, ""},
		{"25-OH vitamin D 8 ng/mL", VitaminD25OH, 8, "ng/mL", "ng/mL", 8, 8 * vdToSI, FlagLow, Exact, ""},
		{"vit D <5 ng/ml", VitaminD25OH, 5, "ng/mL", "ng/mL", 5, 5 * vdToSI, FlagLow, Assumed, CodeCensored},
		{"25-hydroxyvitamin D 110 µg/L", VitaminD25OH, 110, "µg/L", "µg/L", 110, 110 * vdToSI, FlagHigh, Exact, ""},
		{"PTH 7.2 pmol/L", PTH, 7.2, "pmol/L", "pmol/L", 7.2 / pthToSI, 7.2, FlagHigh, Converted, ""},
		{"iPTH: 450 pg/ml", PTH, 450, "pg/mL", "pg/mL", 450, 450 * pthToSI, FlagHigh, Exact, ""},
		{"intact PTH 35 ng/L", PTH, 35, "ng/L", "ng/L", 35, 35 * pthToSI, FlagNormal, Exact, ""},
		{"parathyroid hormone 5", PTH, 5, "", "pg/mL", 5, 5 * pthToSI, FlagLow, Assumed, CodeUnitMissing},
		{"ALP 120 U/L", ALP, 120, "U/L", "U/L", 120, 2, FlagHigh, Exact, ""},
		{"ALP 80 IU/L", ALP, 80, "U/L", "U/L", 80, 80.0 / 60, FlagNormal, Exact, ""},
		{"alkaline phosphatase 2.1 µkat/L", ALP, 2.1, "µkat/L", "µkat/L", 126, 2.1, FlagHigh, Converted, ""},
		{"alk phos 60", ALP, 60, "", "U/L", 60, 1, FlagNormal, Assumed, CodeUnitMissing},
		{"24h urine calcium 350 mg/dl", UrineCalcium24h, 350, "mg/dL", "mg/24h", 350, 350 * uCaToSI, FlagHigh, Assumed, CodeUnitImplausible},
		{"urinary calcium 5 mmol/24h", UrineCalcium24h, 5, "mmol/24h", "mmol/24h", 5 / uCaToSI, 5, FlagNormal, Converted, ""},
		{"24 hr urine Ca 80 mg/day", UrineCalcium24h, 80, "mg/24h", "mg/24h", 80, 80 * uCaToSI, FlagLow, Exact, ""},
		{"calcium 250 mg/24 hours", UrineCalcium24h, 250, "mg/24h", "mg/24h", 250, 250 * uCaToSI, FlagNormal, Exact, ""},
		{"vitamin D 2000 ng/dl", VitaminD25OH, 2000, "ng/dL", "ng/dL", 20, 20 * vdToSI, FlagNormal, Converted, CodeUnitImplausible},
		{"calcium 95 mg/dL", Calcium, 95, "mg/dL", "mg/dL", 95, 95 * caToSI, FlagHigh, Assumed, CodeImplausible},
		// unknown
		{"ionized calcium 1.1 mmol/L", AnalyteUnknown, 1.1, "mmol/L", "", nan, nan, FlagUnknown, Unknown, CodeAnalyteUnknown},
		{"1,25-dihydroxyvitamin D 40 pg/mL", AnalyteUnknown, 40, "pg/mL", "", nan, nan, FlagUnknown, Unknown, CodeAnalyteUnknown},
		{"hemoglobin 12 g/dL", AnalyteUnknown, 12, "", "", nan, nan, FlagUnknown, Unknown, CodeAnalyteUnknown},
		{"calcium: not done", Calcium, nan, "", "", nan, nan, FlagUnknown, Unknown, CodeUnparsed},
		{"calcium 9 furlongs", Calcium, 9, "furlongs", "", nan, nan, FlagUnknown, Unknown, CodeUnitUnknown},
		{"", AnalyteUnknown, nan, "", "", nan, nan, FlagUnknown, Unknown, CodeUnparsed},
	}
	for _, tc := range tests {
		l := ParseLab(tc.text)
		if l.Analyte != tc.analyte || !near(l.Value, tc.value) || l.Unit != tc.unit || l.ReadUnit != tc.readUnit ||
			!near(l.Conv, tc.conv) || !near(l.SI, tc.si) || l.Flag != tc.flag || l.Status != tc.status {
			t.Errorf("ParseLab(%q) = %v %v %q read %q conv %v si %v %q %v, want %v %v %q %q %v %v %q %v (notes %v)", tc.text,
				l.Analyte, l.Value, l.Unit, l.ReadUnit, l.Conv, l.SI, l.Flag, l.Status,
				tc.analyte, tc.value, tc.unit, tc.readUnit, tc.conv, tc.si, tc.flag, tc.status, l.Notes)
		}
		if tc.code != "" && !hasCode(l.Notes, tc.code) {
			t.Errorf("ParseLab(%q): no %s note in %v", tc.text, tc.code, l.Notes)
		}
	}
}

func TestParseLabStatedRangeAndNotes(t *testing.T) {
	l := ParseLab("serum 25-hydroxy vitamin D (20 ng/dl, normal: 17-54 ng/dl)")
	if l.StatedLow != 17 || l.StatedHigh != 54 {
		t.Errorf("stated range %v-%v", l.StatedLow, l.StatedHigh)
	}
	want := "implausible unit ng/dL for 25-OH vitamin D (25-OH vitamin D is reported in ng/mL or nmol/L): read as ng/mL"
	if len(l.Notes) != 1 || l.Notes[0].Msg != want {
		t.Errorf("notes %v", l.Notes)
	}
	if lo, hi, u, ok := ReferenceRange(Calcium); lo != 8.7 || hi != 10.2 || u != "mg/dL" || !ok {
		t.Errorf("ReferenceRange(Calcium) = %v %v %v %v", lo, hi, u, ok)
	}
	if l.RefLow != 20 || l.RefHigh != 100 {
		t.Errorf("ref range %v-%v", l.RefLow, l.RefHigh)
	}
}

func TestParseLabFor(t *testing.T) {
	tests := []struct {
		a      Analyte
		text   string
		conv   float64
		status Status
	}{
		{Calcium, "8.5", 8.5, Assumed},
		{Calcium, "8.5 mg/dl", 8.5, Exact},
		{VitaminD25OH, "20 ng/dl", 20, Assumed},
		{PTH, "35", 35, Assumed},
		{UrineCalcium24h, "122.6 mg/24 hours", 122.6, Exact},
		{UrineCalcium24h, "122.6 mg", 122.6, Exact},
		{ALP, "2 µkat/L", 120, Converted},
		{Phosphate, "n/a", nan, Unknown},
	}
	for _, tc := range tests {
		l := ParseLabFor(tc.a, tc.text)
		if l.Analyte != tc.a || !near(l.Conv, tc.conv) || l.Status != tc.status {
			t.Errorf("ParseLabFor(%v, %q) = %v %v %v (notes %v)", tc.a, tc.text, l.Analyte, l.Conv, l.Status, l.Notes)
		}
	}
}

func TestLookupAnalyte(t *testing.T) {
	tests := []struct {
		name string
		want Analyte
	}{
		{"serum calcium", Calcium}, {"Ca", Calcium}, {"S. Calcium", Calcium},
		{"phosphorus", Phosphate}, {"Serum phosphate", Phosphate}, {"PO4", Phosphate},
		{"25-hydroxy vitamin D", VitaminD25OH}, {"25(OH)D", VitaminD25OH}, {"Vit D", VitaminD25OH}, {"25-OH vitamin D", VitaminD25OH},
		{"PTH", PTH}, {"parathormone", PTH}, {"intact parathyroid hormone", PTH},
		{"ALP", ALP}, {"alkaline phosphatase", ALP},
		{"24-hour urinary calcium", UrineCalcium24h}, {"24h urine calcium", UrineCalcium24h}, {"urine Ca (24 h)", UrineCalcium24h},
		{"haemoglobin", AnalyteUnknown}, {"", AnalyteUnknown},
	}
	for _, tc := range tests {
		if got := LookupAnalyte(tc.name); got != tc.want {
			t.Errorf("LookupAnalyte(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
