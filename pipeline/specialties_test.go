package pipeline

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// TestSpecialtyTables is issue 10's done-when test: for three specialties other than
// dermatology, a 30-patient case table written the way clinicians write them (mixed
// spelling, abbreviations such as MMF, CYC, IVIG, RTX, pred, CsA, PE, POS, named regimens
// such as R-CHOP and HLH-2004, combination treatments in one cell, comorbidity lists, "LN
// class IV", "class III + V", "sHLH secondary to DLBCL"), read with no vocabulary file of
// its own, gives the drug × disease and drug × disease-group counts of a hand count, and no
// unknown-term (nor fuzzy or ambiguous) warning.
//
// The hand counts below were made from the tables by reading each row (patients per drug
// and disease; a patient counts once per drug), using the canonical names and groups of
// the embedded vocabulary. normalise.Decisions they follow, documented in docs/vocabulary.md: "pred"
// is prednisone; a named regimen counts as its component drugs; "posaconazole salvage
// after L-AmB" is posaconazole, with amphotericin B a prior treatment; in "X secondary to
// Y" the disease is X unless X is a manifestation (CKD, ESRD, ILD, erythroderma).
func TestSpecialtyTables(t *testing.T) {
	for _, tt := range []struct {
		file               string
		byDisease, byGroup string
	}{
		{file: "rheumatology.csv",
			byDisease: `adalimumab × ankylosing spondylitis: 1
anakinra × adult-onset Still disease: 2
azathioprine × Behcet disease: 1
colchicine × Behcet disease: 1
colchicine × gout: 1
cyclophosphamide × anti-MDA5 dermatomyositis: 1
cyclophosphamide × granulomatosis with polyangiitis: 1
cyclophosphamide × polyarteritis nodosa: 1
cyclophosphamide × systemic lupus erythematosus: 1
cyclosporine × adult-onset Still disease: 1
dexamethasone × adult-onset Still disease: 1
folic acid × rheumatoid arthritis: 1
hydroxychloroquine × Sjogren syndrome: 1
hydroxychloroquine × systemic lupus erythematosus: 1
intravenous immunoglobulin × dermatomyositis: 1
intravenous immunoglobulin × immune-mediated necrotizing myopathy: 1
mepolizumab × eosinophilic granulomatosis with polyangiitis: 1
methotrexate × juvenile dermatomyositis: 1
methotrexate × relapsing polychondritis: 1
methotrexate × rheumatoid arthritis: 1
mycophenolate × diffuse cutaneous systemic sclerosis: 1
mycophenolate × systemic lupus erythematosus: 1
mycophenolate × systemic sclerosis: 1
plasma exchange × microscopic polyangiitis: 1
prednisone × Takayasu arteritis: 1
prednisone × anti-MDA5 dermatomyositis: 1
prednisone × giant cell arteritis: 1
prednisone × granulomatosis with polyangiitis: 2
prednisone × immune-mediated necrotizing myopathy: 1
prednisone × juvenile dermatomyositis: 1
prednisone × polyarteritis nodosa: 1
prednisone × polymyalgia rheumatica: 1
prednisone × systemic lupus erythematosus: 2
rituximab × IgG4-related disease: 1
rituximab × granulomatosis with polyangiitis: 1
rituximab × microscopic polyangiitis: 1
rituximab × rheumatoid arthritis: 1
secukinumab × psoriatic arthritis: 1
tacrolimus × anti-MDA5 dermatomyositis: 1
tocilizumab × Takayasu arteritis: 1
tocilizumab × adult-onset Still disease: 1
tocilizumab × rheumatoid arthritis: 1`,
			byGroup: `adalimumab × inflammatory arthritis: 1
anakinra × inflammatory arthritis: 2
azathioprine × connective tissue disease: 1
colchicine × connective tissue disease: 1
colchicine × inflammatory arthritis: 1
cyclophosphamide × connective tissue disease: 2
cyclophosphamide × vasculitis: 2
cyclosporine × inflammatory arthritis: 1
dexamethasone × inflammatory arthritis: 1
folic acid × inflammatory arthritis: 1
hydroxychloroquine × connective tissue disease: 2
intravenous immunoglobulin × connective tissue disease: 2
mepolizumab × vasculitis: 1
methotrexate × connective tissue disease: 2
methotrexate × inflammatory arthritis: 1
mycophenolate × connective tissue disease: 3
plasma exchange × vasculitis: 1
prednisone × connective tissue disease: 6
prednisone × vasculitis: 5
rituximab × connective tissue disease: 1
rituximab × inflammatory arthritis: 1
rituximab × vasculitis: 2
secukinumab × inflammatory arthritis: 1
tacrolimus × connective tissue disease: 1
tocilizumab × inflammatory arthritis: 2
tocilizumab × vasculitis: 1`,
		},
		{file: "nephrology.csv",
			byDisease: `avacopan × ANCA-associated vasculitis: 1
belimumab × lupus nephritis class IV: 1
bortezomib × AL amyloidosis: 1
caplacizumab × thrombotic thrombocytopenic purpura: 1
captopril × scleroderma renal crisis: 1
cyclophosphamide × AL amyloidosis: 1
cyclophosphamide × ANCA-associated vasculitis: 1
cyclophosphamide × anti-GBM disease: 2
cyclophosphamide × lupus nephritis class IV: 2
cyclophosphamide × membranous nephropathy: 1
cyclosporine × focal segmental glomerulosclerosis: 1
dexamethasone × AL amyloidosis: 1
eculizumab × atypical hemolytic uremic syndrome: 1
hydroxychloroquine × lupus nephritis class III: 1
mycophenolate × C3 glomerulopathy: 1
mycophenolate × IgA nephropathy: 2
mycophenolate × lupus nephritis class III: 1
mycophenolate × lupus nephritis class III + V: 1
mycophenolate × lupus nephritis class IV: 3
plasma exchange × ANCA-associated vasculitis: 1
plasma exchange × anti-GBM disease: 2
plasma exchange × thrombotic thrombocytopenic purpura: 1
prednisone × ANCA-associated vasculitis: 2
prednisone × IgA nephropathy: 2
prednisone × IgA vasculitis: 1
prednisone × anti-GBM disease: 1
prednisone × lupus nephritis class III + V: 1
prednisone × lupus nephritis class IV: 3
prednisone × membranous nephropathy: 1
prednisone × minimal change disease: 1
prednisone × thrombotic thrombocytopenic purpura: 1
rituximab × ANCA-associated vasculitis: 2
rituximab × glomerulonephritis: 1
rituximab × lupus nephritis class IV: 1
rituximab × lupus nephritis class V: 1
rituximab × membranous nephropathy: 1
rituximab × minimal change disease: 1
tacrolimus × focal segmental glomerulosclerosis: 1
tacrolimus × lupus nephritis class III + V: 1
tacrolimus × membranous nephropathy: 1
voclosporin × lupus nephritis class IV: 1`,
			byGroup: `avacopan × vasculitis: 1
belimumab × connective tissue disease: 1
bortezomib × haematological disease: 1
caplacizumab × haematological disease: 1
captopril × connective tissue disease: 1
cyclophosphamide × connective tissue disease: 2
cyclophosphamide × haematological disease: 1
cyclophosphamide × kidney disease: 1
cyclophosphamide × vasculitis: 3
cyclosporine × kidney disease: 1
dexamethasone × haematological disease: 1
eculizumab × kidney disease: 1
hydroxychloroquine × connective tissue disease: 1
mycophenolate × connective tissue disease: 5
mycophenolate × kidney disease: 3
plasma exchange × haematological disease: 1
plasma exchange × vasculitis: 3
prednisone × connective tissue disease: 4
prednisone × haematological disease: 1
prednisone × kidney disease: 4
prednisone × vasculitis: 4
rituximab × connective tissue disease: 2
rituximab × kidney disease: 3
rituximab × vasculitis: 2
tacrolimus × connective tissue disease: 1
tacrolimus × kidney disease: 2
voclosporin × connective tissue disease: 1`,
		},
		{file: "haematology.csv",
			byDisease: `amphotericin B × cutaneous mucormycosis: 1
anakinra × macrophage activation syndrome: 1
antithymocyte immunoglobulin × aplastic anemia: 1
arsenic trioxide × acute promyelocytic leukemia: 1
azacitidine × acute myeloid leukemia: 1
bendamustine × Waldenstrom macroglobulinemia: 1
bleomycin × Hodgkin lymphoma: 1
bortezomib × multiple myeloma: 1
caplacizumab × thrombotic thrombocytopenic purpura: 1
cyclophosphamide × diffuse large B-cell lymphoma: 1
cyclophosphamide × secondary haemophagocytic lymphohistiocytosis: 1
cyclosporine × aplastic anemia: 1
cyclosporine × haemophagocytic lymphohistiocytosis: 1
dacarbazine × Hodgkin lymphoma: 1
debridement × cutaneous mucormycosis: 1
dexamethasone × haemophagocytic lymphohistiocytosis: 1
dexamethasone × multiple myeloma: 1
dexamethasone × secondary haemophagocytic lymphohistiocytosis: 1
doxorubicin × Hodgkin lymphoma: 1
doxorubicin × diffuse large B-cell lymphoma: 1
doxorubicin × secondary haemophagocytic lymphohistiocytosis: 1
eculizumab × paroxysmal nocturnal hemoglobinuria: 1
eltrombopag × aplastic anemia: 1
eltrombopag × chronic immune thrombocytopenia: 1
emicizumab × hemophilia A: 1
etoposide × haemophagocytic lymphohistiocytosis: 1
etoposide × secondary haemophagocytic lymphohistiocytosis: 1
hydroxycarbamide × sickle cell disease: 1
ibrutinib × chronic lymphocytic leukemia: 1
imatinib × chronic myeloid leukemia: 1
intravenous immunoglobulin × immune thrombocytopenia: 1
lenalidomide × multiple myeloma: 1
methylprednisolone × macrophage activation syndrome: 1
plasma exchange × thrombotic thrombocytopenic purpura: 2
posaconazole × mucormycosis: 1
posaconazole × rhino-orbital mucormycosis: 1
prednisone × Evans syndrome: 1
prednisone × autoimmune hemolytic anemia: 1
prednisone × diffuse large B-cell lymphoma: 1
prednisone × immune thrombocytopenia: 1
prednisone × secondary haemophagocytic lymphohistiocytosis: 1
prednisone × thrombotic thrombocytopenic purpura: 1
rituximab × Evans syndrome: 1
rituximab × Waldenstrom macroglobulinemia: 1
rituximab × autoimmune hemolytic anemia: 2
rituximab × cold agglutinin disease: 1
rituximab × diffuse large B-cell lymphoma: 1
rituximab × secondary haemophagocytic lymphohistiocytosis: 1
rituximab × thrombotic thrombocytopenic purpura: 1
romiplostim × immune thrombocytopenia: 1
siltuximab × Castleman disease: 1
tretinoin × acute promyelocytic leukemia: 1
venetoclax × acute myeloid leukemia: 1
vinblastine × Hodgkin lymphoma: 1
vincristine × diffuse large B-cell lymphoma: 1
vincristine × secondary haemophagocytic lymphohistiocytosis: 1
voriconazole × aspergillosis: 1`,
			byGroup: `amphotericin B × infection: 1
anakinra × other rheumatic disease: 1
antithymocyte immunoglobulin × haematological disease: 1
arsenic trioxide × haematological malignancy: 1
azacitidine × haematological malignancy: 1
bendamustine × haematological malignancy: 1
bleomycin × haematological malignancy: 1
bortezomib × haematological malignancy: 1
caplacizumab × haematological disease: 1
cyclophosphamide × haematological disease: 1
cyclophosphamide × haematological malignancy: 1
cyclosporine × haematological disease: 2
dacarbazine × haematological malignancy: 1
debridement × infection: 1
dexamethasone × haematological disease: 2
dexamethasone × haematological malignancy: 1
doxorubicin × haematological disease: 1
doxorubicin × haematological malignancy: 2
eculizumab × haematological disease: 1
eltrombopag × haematological disease: 2
emicizumab × haematological disease: 1
etoposide × haematological disease: 2
hydroxycarbamide × haematological disease: 1
ibrutinib × haematological malignancy: 1
imatinib × haematological malignancy: 1
intravenous immunoglobulin × haematological disease: 1
lenalidomide × haematological malignancy: 1
methylprednisolone × other rheumatic disease: 1
plasma exchange × haematological disease: 2
posaconazole × infection: 2
prednisone × haematological disease: 5
prednisone × haematological malignancy: 1
rituximab × haematological disease: 6
rituximab × haematological malignancy: 2
romiplostim × haematological disease: 1
siltuximab × haematological disease: 1
tretinoin × haematological malignancy: 1
venetoclax × haematological malignancy: 1
vinblastine × haematological malignancy: 1
vincristine × haematological disease: 1
vincristine × haematological malignancy: 1
voriconazole × infection: 1`,
		},
	} {
		t.Run(strings.TrimSuffix(tt.file, ".csv"), func(t *testing.T) {
			p := filepath.Join("testdata", "specialties", tt.file)
			ing, err := ingest.Ingest([]ingest.Input{{Name: tt.file, Path: p}}, ingest.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(ing.Cases) != 30 || len(ing.Quarantine) != 0 {
				t.Fatalf("%d rows accepted, %d quarantined; want 30 and 0", len(ing.Cases), len(ing.Quarantine))
			}
			n, probs := normalise.Normalise(ing, vocab.Default(), nil)
			var senses []string
			for _, p := range append(ing.Problems, probs...) {
				switch p.Code {
				case "unknown-term", "fuzzy-match", "ambiguous-term", "unknown-column":
					t.Errorf("%s: %v", p.Code, p.Error())
				case "ambiguous-abbreviation":
					senses = append(senses, p.Value)
				}
			}
			// "MCD" (minimal change disease or multicentric Castleman disease) is read as
			// the first, and flagged; no other term of these tables has two senses
			if want := map[string]string{"nephrology.csv": "MCD"}[tt.file]; strings.Join(senses, ",") != want {
				t.Errorf("ambiguous abbreviations flagged: %q, want %q", senses, want)
			}
			var reviewed []string
			for _, it := range n.Review {
				if it.Rule == "ambiguous abbreviation" {
					reviewed = append(reviewed, it.Original+" → "+it.Proposed+" ("+it.Evidence+")")
				}
			}
			if want := map[string]string{"nephrology.csv": "MCD → minimal change disease (could also be Castleman disease)"}[tt.file]; strings.Join(reviewed, ",") != want {
				t.Errorf("review rows of ambiguous abbreviations: %q, want %q", reviewed, want)
			}
			byDisease, byGroup := map[string]map[string]bool{}, map[string]map[string]bool{}
			count := func(m map[string]map[string]bool, k, patient string) {
				if m[k] == nil {
					m[k] = map[string]bool{}
				}
				m[k][patient] = true
			}
			for _, c := range n.Courses {
				count(byDisease, c.DrugName()+" × "+c.DiseaseName(), c.CaseID)
				count(byGroup, c.DrugName()+" × "+c.Disease.Class, c.CaseID)
			}
			for _, x := range []struct {
				what, want string
				got        map[string]map[string]bool
			}{{"drug × disease", tt.byDisease, byDisease}, {"drug × disease group", tt.byGroup, byGroup}} {
				var lines []string
				for k, ps := range x.got {
					lines = append(lines, fmt.Sprintf("%s: %d", k, len(ps)))
				}
				slices.Sort(lines)
				want := strings.Split(x.want, "\n")
				slices.Sort(want)
				for _, l := range want {
					if !slices.Contains(lines, l) {
						t.Errorf("%s: hand count %q not in the result", x.what, l)
					}
				}
				for _, l := range lines {
					if !slices.Contains(want, l) {
						t.Errorf("%s: result %q not in the hand count", x.what, l)
					}
				}
			}
		})
	}
}
