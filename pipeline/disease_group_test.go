package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/config"
)

// TestRatesByDiseaseGroup checks response_rates_by_disease_group.csv against a hand count:
// limited and diffuse cutaneous SSc, CREST and dermatomyositis are one group (connective
// tissue disease); an unknown disease is its own group; the publication tables follow
// analysis.disease_level and analysis.drug_level.
func TestRatesByDiseaseGroup(t *testing.T) {
	in := map[string]string{"cases.csv": "Study,Pt,Disease,Drug,Outcome\n" +
		"A,1,limited cutaneous SSc,diltiazem,complete resolution\n" +
		"A,2,diffuse cutaneous systemic sclerosis,diltiazem,no change\n" +
		"A,3,CREST syndrome,nifedipine,partial improvement\n" +
		"A,4,Dermatomyositis,diltiazem,complete resolution\n" +
		"A,5,Zorb-Halle disease,diltiazem,no change\n"}
	got := rateTable(t, "response_rates_by_disease_group.csv", nil, in)
	expect(t, got, map[string]string{
		"|connective tissue disease|itt":           "3/4",
		"diltiazem|connective tissue disease|itt":  "2/3",
		"nifedipine|connective tissue disease|itt": "1/1",
		"|Zorb-Halle disease|itt":                  "0/1",
		"||itt":                                    "3/5",
		"diltiazem||itt":                           "2/4",
	})
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Inputs = []string{writeFile(t, dir, "cases.csv", in["cases.csv"])}
	cfg.Out = filepath.Join(dir, "out")
	cfg.Tables.Formats = config.TableFormats{"csv"}
	cfg.Analysis.DiseaseLevel, cfg.Analysis.DrugLevel = config.DiseaseLevelGroup, config.DrugLevelClass
	if _, err := Run(context.Background(), cfg, nil); err != nil {
		t.Fatal(err)
	}
	t3, err := os.ReadFile(filepath.Join(cfg.Out, "tables", "table3_response_by_disease.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(t3), "connective tissue disease") || strings.Contains(string(t3), "systemic sclerosis") {
		t.Errorf("table 3 at disease_level group:\n%s", t3)
	}
	t2, err := os.ReadFile(filepath.Join(cfg.Out, "tables", "table2_response_by_drug.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(t2), "calcium channel blocker") || strings.Contains(string(t2), "diltiazem") || !strings.Contains(string(t2), "All") {
		t.Errorf("table 2 at drug_level class:\n%s", t2)
	}
}
