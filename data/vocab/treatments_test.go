package vocab

import (
	"strings"
	"testing"
)

// TestScanDrugsPriorAndExclusions checks that phrases containing a drug word but naming
// no treatment are exclusions, and that "after X", "previously X", "failed X" mark X as
// a treatment given before the course.
func TestScanDrugsPriorAndExclusions(t *testing.T) {
	v := Default()
	tests := []struct {
		text string
		want string // canonical[/prior|/exclusion] per mention, joined by " ; "
	}{
		{"low-calcium dialysate", "low-calcium dialysate"},
		{"dialysate calcium 1.25 mmol/L", "/exclusion"},
		{"low-calcium diet", "low-calcium diet"},
		{"vitamin D deficiency corrected", "/exclusion"},
		{"serum calcium 2.9 mmol/L", "/exclusion"},
		{"calcium carbonate 500 mg", "calcium carbonate"},
		{"MMF after CYC", "mycophenolate ; cyclophosphamide/prior"},
		{"MMF following 6 pulses of CYC", "mycophenolate ; cyclophosphamide/prior"},
		{"rituximab, previously treated with AZA and MTX", "rituximab ; azathioprine/prior ; methotrexate/prior"},
		{"prior IVIG; now HCQ", "intravenous immunoglobulin/prior ; hydroxychloroquine"},
		{"prednisone prior to surgery", "prednisone ; surgery"},
		{"CsA (failed MTX)", "cyclosporine ; methotrexate/prior"},
		{"surgical excision after failure of colchicine", "surgical excision ; colchicine/prior"},
		{"diltiazem, then surgical excision", "diltiazem ; surgical excision"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range v.ScanDrugs(tt.text) {
			s := m.Canonical
			if m.Prior {
				s += "/prior"
			}
			if m.Kind == "exclusion" {
				s += "/exclusion"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " ; "); g != tt.want {
			t.Errorf("ScanDrugs(%q) = %q, want %q", tt.text, g, tt.want)
		}
	}
}

// TestTreatmentHierarchy checks the parent chain of non-drug treatments.
func TestTreatmentHierarchy(t *testing.T) {
	v := Default()
	tests := []struct{ term, want string }{
		{"en bloc excision", "en bloc excision > surgical excision > surgery"},
		{"en-bloc resection", "en bloc excision > surgical excision > surgery"},
		{"CAPD", "peritoneal dialysis > dialysis"},
		{"haemodialysis", "hemodialysis > dialysis"},
		{"NB-UVB", "narrowband UVB > phototherapy"},
		{"hydrocolloid dressing", "hydrocolloid dressing > dressing > wound care"},
		{"physical therapy", "physiotherapy"},
		{"watchful waiting", "observation"},
		{"supportive care", "symptomatic care"},
		{"low-dose radiation", "low-dose radiotherapy > radiotherapy"},
		// dermatological procedures and agents, several without an ATC code
		{"electrodesiccation", "electrosurgery > surgery"},
		{"long-pulsed Nd:YAG laser", "Nd:YAG laser > laser therapy"},
		{"IPL", "intense pulsed light > phototherapy"},
		{"TSEB", "total skin electron beam therapy > radiotherapy"},
		{"larval therapy", "maggot debridement therapy > wound care"},
		{"lipofilling", "autologous fat grafting > surgery"},
		{"DPCP", "diphencyprone"},
		{"SADBE", "squaric acid dibutylester"},
		{"Candin", "candida antigen"},
		{"Ycanth", "cantharidin"},
		{"intralesional MMR", "measles, mumps and rubella vaccine"},
		{"mechlorethamine gel", "chlormethine"},
		{"onabotulinumtoxinA", "botulinum toxin"},
		{"bleach baths", "sodium hypochlorite"},
	}
	for _, tt := range tests {
		m := v.Drug(tt.term, "")
		if got := strings.Join(v.Lineage(m.Canonical), " > "); got != tt.want {
			t.Errorf("Lineage of Drug(%q) = %q, want %q", tt.term, got, tt.want)
		}
	}
}

// TestDrugAcronymsAndOldNames checks names still met in case reports.
func TestDrugAcronymsAndOldNames(t *testing.T) {
	v := Default()
	tests := []struct{ term, canonical, atc string }{
		{"MMF", "mycophenolate", "L04AA06"},
		{"CsA", "cyclosporine", "L04AD01"},
		{"IVIG", "intravenous immunoglobulin", "J06BA02"},
		{"MTX", "methotrexate", "L01BA01"},
		{"HCQ", "hydroxychloroquine", "P01BA02"},
		{"CYC", "cyclophosphamide", "L01AA01"},
		{"AZA", "azathioprine", "L04AX01"},
		{"Remicade", "infliximab", "L04AB02"},
		{"Humira", "adalimumab", "L04AB04"},
		{"Enbrel", "etanercept", "L04AB01"},
		{"Cimzia", "certolizumab pegol", "L04AB05"},
		{"acetaminophen", "paracetamol", "N02BE01"},
		{"albuterol", "salbutamol", "R03AC02"},
		{"frusemide", "furosemide", "C03CA01"},
		{"lignocaine", "lidocaine", "N01BB02"},
		{"EPO", "erythropoietin", "B03XA01"},
		{"Aranesp", "darbepoetin alfa", "B03XA02"},
		{"sevelamer carbonate", "sevelamer", "V03AE02"},
		{"hydroxyurea", "hydroxycarbamide", "L01XX05"},
		{"ATRA", "tretinoin", "L01XX14"},
		{"co-trimoxazole", "sulfamethoxazole and trimethoprim", "J01EE01"},
		{"gold", "sodium aurothiomalate", "M01CB01"},
		{"Benlysta", "belimumab", "L04AA26"},
		{"rituximib", "rituximab", "L01FA01"},
	}
	for _, tt := range tests {
		m := v.Drug(tt.term, "")
		if m.Canonical != tt.canonical || m.Code != tt.atc {
			t.Errorf("Drug(%q) = {%q %q}, want {%q %q}", tt.term, m.Canonical, m.Code, tt.canonical, tt.atc)
		}
	}
}

// TestDrugVocabularySize guards the coverage promised in docs/vocabulary.md.
func TestDrugVocabularySize(t *testing.T) {
	c := Default().c
	n := 0
	for _, g := range c.generics {
		if g.codes[0].class != "procedure" {
			n++
		}
	}
	if n < 1500 {
		t.Errorf("drug vocabulary has %d substances, want at least 1500", n)
	}
}

// TestDiseaseHierarchy checks subtype → disease → group chains and the size of the
// disease vocabulary promised in docs/vocabulary.md.
func TestDiseaseHierarchy(t *testing.T) {
	v := Default()
	tests := []struct{ term, want string }{
		{"lcSSc", "limited cutaneous systemic sclerosis > systemic sclerosis > connective tissue disease"},
		{"diffuse scleroderma", "diffuse cutaneous systemic sclerosis > systemic sclerosis > connective tissue disease"},
		{"CREST", "CREST syndrome > systemic sclerosis > connective tissue disease"},
		{"CKD stage 3b", "chronic kidney disease stage 3 > chronic kidney disease > kidney disease"},
		{"ESRD", "end-stage renal disease > chronic kidney disease > kidney disease"},
		{"JDM", "juvenile dermatomyositis > dermatomyositis > inflammatory myopathy > connective tissue disease"},
		{"Wegener's granulomatosis", "granulomatosis with polyangiitis > ANCA-associated vasculitis > vasculitis"},
		{"DLBCL", "diffuse large B-cell lymphoma > non-Hodgkin lymphoma > haematological malignancy"},
		{"ITP", "immune thrombocytopenia > haematological disease"},
	}
	for _, tt := range tests {
		m := v.Disease(tt.term)
		if got := strings.Join(v.DiseaseLineage(m.Canonical), " > "); got != tt.want {
			t.Errorf("DiseaseLineage of Disease(%q) = %q, want %q", tt.term, got, tt.want)
		}
	}
	if n := len(v.c.diseases); n < 800 {
		t.Errorf("disease vocabulary has %d conditions, want at least 800", n)
	}
}

// TestCourseIndicationIsNotTheCourse checks that a treatment named in the indication of a
// treatment cell ("… for type B insulin resistance") is another treatment, not the course,
// while a treatment after the indication ("prednisone for 4 weeks, then azathioprine")
// stays the course's.
func TestCourseIndicationIsNotTheCourse(t *testing.T) {
	checkCourseReadings(t, []courseReading{
		{"rituximab plus cyclophosphamide for type B insulin resistance", "Insulin therapy was stopped.", Unclassified, ConfidenceNone},
		{"rituximab plus cyclophosphamide", "Rituximab was stopped.", NotEvaluable, ConfidenceHigh},
		{"prednisone for 4 weeks, then azathioprine", "Azathioprine was stopped.", NotEvaluable, ConfidenceHigh},
		{"IVIG for steroid-refractory myasthenia", "responded to IVIG", Partial, ConfidenceHigh},
	})
	for _, tt := range []struct{ in, want string }{
		{"IVIG for Kawasaki disease + aspirin", "IVIG " + strings.Repeat(" ", len("for Kawasaki disease ")) + "+ aspirin"},
		{"prednisone for 4 weeks, then azathioprine", "prednisone " + strings.Repeat(" ", len("for 4 weeks")) + ", then azathioprine"},
		{"formoterol", "formoterol"},
	} {
		if got := indicationFree(tt.in); got != tt.want {
			t.Errorf("indicationFree(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
