package vocab

import (
	"strings"
	"testing"
)

func TestDisease(t *testing.T) {
	v := Default()
	tests := []struct {
		term, canonical, code, group string
		status                       MatchStatus
		dist                         int
	}{
		{"dermatomyositis", "dermatomyositis", "M33.1", "connective tissue disease", StatusExact, 0},
		{"DM", "dermatomyositis", "M33.1", "connective tissue disease", StatusSynonym, 0},
		{"JDM", "juvenile dermatomyositis", "M33.0", "connective tissue disease", StatusSynonym, 0},
		{"juvenile dermatomyositis", "juvenile dermatomyositis", "M33.0", "connective tissue disease", StatusExact, 0},
		{"amyopathic dermatomyositis", "amyopathic dermatomyositis", "M33.1", "connective tissue disease", StatusExact, 0},
		{"polymyositis", "polymyositis", "M33.2", "connective tissue disease", StatusExact, 0},
		{"SSc", "systemic sclerosis", "M34.9", "connective tissue disease", StatusSynonym, 0},
		{"scleroderma", "systemic sclerosis", "M34.9", "connective tissue disease", StatusSynonym, 0},
		{"lcSSc", "limited cutaneous systemic sclerosis", "M34.1", "connective tissue disease", StatusSynonym, 0},
		{"dcSSc", "diffuse cutaneous systemic sclerosis", "M34.0", "connective tissue disease", StatusSynonym, 0},
		{"diffuse cutaneous progressive systemic sclerosis", "diffuse cutaneous systemic sclerosis", "M34.0", "connective tissue disease", StatusSynonym, 0}, // seed 000 case 2
		{"diffuse systemic sclerosis", "diffuse cutaneous systemic sclerosis", "M34.0", "connective tissue disease", StatusSynonym, 0},                       // seed 000 case 3
		{"CREST", "CREST syndrome", "M34.1", "connective tissue disease", StatusSynonym, 0},
		{"MCTD", "mixed connective tissue disease", "M35.1", "connective tissue disease", StatusSynonym, 0},
		{"Mixed connective tissue disorder", "mixed connective tissue disease", "M35.1", "connective tissue disease", StatusSynonym, 0}, // seed 000 case 5
		{"SLE", "systemic lupus erythematosus", "M32.9", "connective tissue disease", StatusSynonym, 0},
		{"lupus", "systemic lupus erythematosus", "M32.9", "connective tissue disease", StatusSynonym, 0},
		{"UCTD", "undifferentiated connective tissue disease", "M35.9", "connective tissue disease", StatusSynonym, 0},
		{"RA", "rheumatoid arthritis", "M06.9", "inflammatory arthritis", StatusSynonym, 0},
		{"overlap syndrome", "overlap syndrome", "M35.1", "connective tissue disease", StatusExact, 0},
		{"no underlying disease", "no underlying disease", "", "none", StatusExact, 0},
		{"healthy", "no underlying disease", "", "none", StatusSynonym, 0}, // seed 003
		{"Idiopathic", "no underlying disease", "", "none", StatusSynonym, 0},
		{"CKD", "chronic kidney disease", "N18.9", "kidney disease", StatusSynonym, 0},
		{"ESRD", "end-stage renal disease", "N18.6", "kidney disease", StatusSynonym, 0},
		{"hyperparathyroidism", "hyperparathyroidism", "E21.3", "endocrine and metabolic", StatusExact, 0},
		{"Sjögren's syndrome", "Sjogren syndrome", "M35.0", "connective tissue disease", StatusExact, 0},
		{"dermatomiositis", "dermatomyositis", "M33.1", "connective tissue disease", StatusFuzzy, 1},
		{"sclerodermia", "", "", "", StatusUnknown, 0},                // synonyms are not fuzzy-matched
		{"health", "", "", "", StatusUnknown, 0},                      // 1 from the synonym "healthy": no match
		{"cancer", "cancer", "C80.1", "solid tumour", StatusExact, 0}, // the vocabulary covers all of medicine now
	}
	for _, tt := range tests {
		m := v.Disease(tt.term)
		if m.Canonical != tt.canonical || m.Code != tt.code || m.Class != tt.group || m.Status != tt.status || m.Distance != tt.dist {
			t.Errorf("Disease(%q) = {%q %q %q %v %d}, want {%q %q %q %v %d}", tt.term, m.Canonical, m.Code, m.Class, m.Status, m.Distance, tt.canonical, tt.code, tt.group, tt.status, tt.dist)
		}
	}
}

func TestDiseaseInText(t *testing.T) {
	v := Default()
	tests := []struct {
		text, canonical string
		status          MatchStatus
		others          string
	}{
		{"known case of Dermatomyositis for 10 years", "dermatomyositis", StatusContained, ""},
		// seed 000 case 5: lupus nephritis is a comorbidity note, MCTD the primary disease
		{"Mixed connective tissue disorder with grade 4 lupus nephritis", "mixed connective tissue disease", StatusContained, "lupus nephritis"},
		{"SSc and RA overlap", "systemic sclerosis", StatusContained, "rheumatoid arthritis"}, // first named is the underlying disease
		{"SLE, CKD stage 3, hypertension", "systemic lupus erythematosus", StatusContained, "chronic kidney disease stage 3,hypertension"},
		{"ESRD due to lupus nephritis; diabetes", "lupus nephritis", StatusContained, "end-stage renal disease,diabetes mellitus"},
		{"grade 4 lupus nephritis", "lupus nephritis", StatusSynonym, ""},
		{"erythroderma secondary to dermatomyositis", "dermatomyositis", StatusContained, ""},
		{"nothing known", "", StatusUnknown, ""},
	}
	for _, tt := range tests {
		m := v.Disease(tt.text)
		if m.Canonical != tt.canonical || m.Status != tt.status || (tt.others != "" && strings.Join(m.Candidates, ",") != tt.others) {
			t.Errorf("Disease(%q) = {%q %v %q}, want {%q %v %q}", tt.text, m.Canonical, m.Status, m.Candidates, tt.canonical, tt.status, tt.others)
		}
	}
}

func TestScanDiseases(t *testing.T) {
	v := Default()
	text := "A 24 years female, a known case of MCTD with grade 4 lupus nephritis; DM ruled out; crest of ilium; iliac crest"
	ms := v.ScanDiseases(text)
	want := []string{"MCTD=mixed connective tissue disease", "grade 4 lupus nephritis=lupus nephritis", "DM=dermatomyositis"}
	var got []string
	for _, m := range ms {
		got = append(got, m.Term+"="+m.Canonical)
		if text[m.Start:m.End] != m.Term {
			t.Errorf("span [%d:%d] = %q, want %q", m.Start, m.End, text[m.Start:m.End], m.Term)
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ScanDiseases = %q, want %q (lower-case crest is not CREST)", got, want)
	}
}

func TestSubtype(t *testing.T) {
	v := Default()
	tests := []struct {
		condition, text string
		want            string // axis=canonical/status, joined by |
	}{
		{"", "Idiopathic Calcinosis Cutis Universalis", "type=idiopathic/contained|extent=universalis/contained"}, // seed 003
		{"calcinosis cutis", "dystrophic", "type=dystrophic/exact"},
		{"calcinosis cutis", "dystrophic calcification", "type=dystrophic/exact"},
		{"Calcinosis Cutis", "calciphylaxis", "type=calciphylaxis/exact"},
		{"", "metastatic, dystrophic, idiopathic, iatrogenic calcinosis and calciphylaxis", "type=/ambiguous"},
		{"", "calcinosis circumscripta", "extent=circumscripta/exact"},
		{"gout", "dystrophic", ""}, // another condition: no entries
		{"", "no subtype here", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range v.Subtype(tt.condition, tt.text) {
			got = append(got, m.Class+"="+m.Canonical+"/"+m.Status.String())
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Subtype(%q, %q) = %q, want %q", tt.condition, tt.text, strings.Join(got, "|"), tt.want)
		}
	}
	ms := v.Subtype("", "metastatic, dystrophic, idiopathic, iatrogenic calcinosis and calciphylaxis")
	if len(ms) != 1 || strings.Join(ms[0].Candidates, ",") != "calciphylaxis,dystrophic,iatrogenic,idiopathic,metastatic" {
		t.Errorf("ambiguous subtype candidates = %+v", ms)
	}
}

// Disease cells of the reviewer's haematology, nephrology and neurology sheets (issue 10).
func TestDiseaseReviewerCells(t *testing.T) {
	v := Default()
	tests := []struct {
		text, canonical, parent, group, others string
	}{
		{"LN IV", "lupus nephritis class IV", "lupus nephritis", "connective tissue disease", ""},
		{"class IV LN", "lupus nephritis class IV", "lupus nephritis", "connective tissue disease", ""},
		{"class III + V", "lupus nephritis class III + V", "lupus nephritis", "connective tissue disease", ""},
		{"lupus nephritis (class IV)", "lupus nephritis class IV", "lupus nephritis", "connective tissue disease", ""},
		// HLH is haemophagocytic lymphohistiocytosis; MAS is its rheumatic subtype
		{"HLH", "haemophagocytic lymphohistiocytosis", "", "haematological disease", ""},
		{"MAS", "macrophage activation syndrome", "secondary haemophagocytic lymphohistiocytosis", "other rheumatic disease", ""},
		// the condition before "secondary to" is what the row's treatment treats
		{"sHLH secondary to DLBCL", "secondary haemophagocytic lymphohistiocytosis", "haemophagocytic lymphohistiocytosis", "haematological disease", "diffuse large B-cell lymphoma"},
		// ... unless it is a manifestation of the cause
		{"ESRD due to lupus nephritis; diabetes", "lupus nephritis", "systemic lupus erythematosus", "connective tissue disease", "end-stage renal disease,diabetes mellitus"},
		{"Rhino-orbital mucormycosis, AML", "rhino-orbital mucormycosis", "mucormycosis", "infection", "acute myeloid leukemia"},
		{"Cutaneous mucormycosis after trauma", "cutaneous mucormycosis", "mucormycosis", "infection", "trauma"},
		{"zygomycosis", "mucormycosis", "", "infection", ""},
		// AD does not match inside the hyphenated acronym MOG-AD
		{"NMOSD (MOG-AD)", "neuromyelitis optica spectrum disorder", "", "neurological", "MOG antibody-associated disease"},
		// a risk is not a diagnosis, and "on HD" is a treatment
		{"ANCA vasculitis, AKI; ESRD risk; on HD", "ANCA-associated vasculitis", "vasculitis", "vasculitis", "acute kidney injury"},
		{"ESRD risk; on HD", "", "", "", ""},
		// a parenthesised, more specific form takes the place of the broader name
		{"myositis (IMNM)", "immune-mediated necrotizing myopathy", "inflammatory myopathy", "connective tissue disease", ""},
	}
	for _, tt := range tests {
		m := v.Disease(tt.text)
		if m.Canonical != tt.canonical || m.Parent != tt.parent || m.Class != tt.group || strings.Join(m.Candidates, ",") != tt.others {
			t.Errorf("Disease(%q) = {%q parent %q group %q others %q}, want {%q %q %q %q}", tt.text,
				m.Canonical, m.Parent, m.Class, strings.Join(m.Candidates, ","), tt.canonical, tt.parent, tt.group, tt.others)
		}
	}
}
