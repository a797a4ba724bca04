package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
)

// TestDrugCellWithStrength checks that a Drug cell holding more than a drug name is read as a
// treatment cell: the drug is found, the rest is its dose, and a dosage form in it gives the
// route and so the code of that route (topical tacrolimus D11AH01, not the systemic
// L04AD02). A name the vocabulary knows as a whole stays whole, an unknown name with a dose
// stays unknown and whole (and in review.csv), a cell of two drugs stays one term for review (it may be a switch or a co-medication, not two courses), a brand of one form takes that form's code (Protopic: topical), and a disease named in the singular ("wart") is found
// under its plural.
func TestDrugCellWithStrength(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "cases.csv", "Study,Case,Disease,Drug,Outcome\n"+
		"S,1,atopic dermatitis,tacrolimus 0.1% ointment,cleared\n"+
		"S,2,psoriasis,methotrexate 15 mg weekly,PASI 75\n"+
		"S,3,androgenetic alopecia,Rogaine 5% foam,regrowth\n"+
		"S,4,wart,cryotherapy x3,cleared\n"+
		"S,5,keloids,Zorbazumab 5 mg,flattened\n"+
		"S,6,psoriasis,NB-UVB,cleared\n"+
		"S,7,heart failure,tacrolimus,improved\n"+
		"S,8,atopic dermatitis,Protopic,cleared\n"+
		"S,9,psoriasis,methotrexate 15 mg + folic acid 5 mg,PASI 75\n")
	cfg := config.Default()
	cfg.Out, cfg.Inputs = filepath.Join(dir, "out"), []string{in}
	cfg.Tables.Formats = config.TableFormats{"csv"}
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	type want struct{ drug, atc, dose, route, disease string }
	wants := map[string]want{
		"1": {"tacrolimus", "D11AH01", "0.1% ointment", "topical", "atopic dermatitis"},
		"2": {"methotrexate", "L04AX03", "15 mg weekly", "", "psoriasis"},
		"3": {"minoxidil", "D11AX01", "5% foam", "topical", "androgenetic alopecia"},
		"4": {"cryotherapy", "", "x3", "", "viral warts"},
		"5": {"zorbazumab 5 mg", "", "", "", "keloid"},
		"6": {"narrowband UVB", "", "", "", "psoriasis"},
		"7": {"tacrolimus", "L04AD02", "", "", "heart failure"},
		"8": {"tacrolimus", "D11AH01", "", "topical", "atopic dermatitis"},
		"9": {"methotrexate 15 mg + folic acid 5 mg", "", "", "", "psoriasis"},
	}
	rows := readRows(t, filepath.Join(cfg.Out, "normalised", "cases.csv"))
	if len(rows) != len(wants) {
		t.Fatalf("%d courses, want %d", len(rows), len(wants))
	}
	for _, r := range rows {
		w := wants[r["case_id"]]
		got := want{r["drug"], r["atc"], r["dose_text"], r["route"], r["disease"]}
		if got != w {
			t.Errorf("case %s (drug cell %q): got %+v, want %+v", r["case_id"], r["drug_text"], got, w)
		}
	}
	unknown := 0
	for _, r := range readRows(t, filepath.Join(cfg.Out, "review.csv")) {
		if r["field"] == "drug" {
			unknown++
			if r["original_text"] != "Zorbazumab 5 mg" && r["original_text"] != "methotrexate 15 mg + folic acid 5 mg" {
				t.Errorf("review.csv lists drug %q; only the unknown Zorbazumab and the cell of two drugs should be there", r["original_text"])
			}
		}
	}
	if unknown != 2 {
		t.Errorf("review.csv lists %d drug terms, want 2 (the unknown drug, the cell of two drugs)", unknown)
	}
}
