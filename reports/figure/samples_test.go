package figure

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleForest is the realistic small case from the brief: Clopper–Pearson
// 95% intervals computed in R 4.2.2 with binom.test(x, n)$conf.int.
func sampleForest() Forest {
	return Forest{
		Title: "Response rate by drug",
		Rows: []ForestRow{
			{Label: "diltiazem", Events: 3, N: 5, Estimate: 0.6, Low: 0.1466, High: 0.9473},
			{Label: "risedronate", Events: 2, N: 4, Estimate: 0.5, Low: 0.0676, High: 0.9324},
			{Label: "sodium thiosulfate", Events: 7, N: 9, Estimate: 7.0 / 9, Low: 0.3999, High: 0.9719},
			{Label: "methotrexate", Events: 1, N: 1, Estimate: 1, Low: 0.025, High: 1},
			{Label: "rituximab", Events: 4, N: 6, Estimate: 4.0 / 6, Low: 0.2228, High: 0.9567},
			{Label: "Pooled (random effects)", Events: 17, N: 25, Estimate: 0.68, Low: 0.48, High: 0.83, Pooled: true},
		},
		Sort:    SortNone,
		RefLine: 0.68, RefLabel: "the pooled response rate",
		Method: "Clopper–Pearson", Pooling: "random effects, DerSimonian–Laird, logit scale",
		Studies: 14,
	}
}

// stressNames are 30 drugs, some with long names, for the legibility case.
var stressNames = []string{
	"diltiazem", "risedronate", "sodium thiosulfate", "methotrexate", "rituximab",
	"intravenous immunoglobulin (high-dose, 2 g/kg per cycle)", "hydroxychloroquine", "mycophenolate mofetil",
	"cyclophosphamide", "tocilizumab", "abatacept", "anakinra", "colchicine", "pentoxifylline",
	"etidronate disodium", "alendronate", "pamidronate", "zoledronic acid", "sodium thiosulfate + hyperbaric oxygen therapy",
	"topical sodium metabisulfite", "cinacalcet", "vitamin K2 (menaquinone-7)", "warfarin discontinuation",
	"probenecid", "minocycline", "infliximab", "adalimumab", "Supercalifragilisticexpialidociousmab-xyzw", "prednisolone", "tacrolimus",
}

func stressForest() Forest {
	f := Forest{Title: "Stress", Sort: SortEstimate, Method: "Clopper–Pearson", RefLine: 0.5}
	for i, n := range stressNames {
		N := 1 + (i*7)%13
		x := (i * 5) % (N + 1)
		row := ForestRow{Label: n, Events: x, N: N, Estimate: float64(x) / float64(N)}
		row.Low = math.Max(0, row.Estimate-0.3)
		row.High = math.Min(1, row.Estimate+0.25)
		if i == 7 {
			row = ForestRow{Label: n, Estimate: math.NaN(), Low: math.NaN(), High: math.NaN()}
		}
		f.Rows = append(f.Rows, row)
	}
	return f
}

func sampleFigures() map[string]Figure {
	return map[string]Figure{
		"forest":        sampleForest(),
		"forest_stress": stressForest(),
	}
}

// TestWriteSamples writes every sample figure at every preset and format to
// the directory in $FIGURE_SAMPLES, for looking at them; it is skipped
// otherwise.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("FIGURE_SAMPLES")
	if dir == "" {
		t.Skip("set FIGURE_SAMPLES=/tmp/figs to write sample figures")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	only := os.Getenv("FIGURE_ONLY")
	for name, fig := range sampleFigures() {
		if only != "" && !strings.Contains(name, only) {
			continue
		}
		for _, sz := range Presets {
			for _, f := range []Format{PDF, PNG, SVG} {
				var b bytes.Buffer
				if err := Render(&b, fig, sz, f); err != nil {
					t.Fatalf("%s %s %s: %v", name, sz, f, err)
				}
				fn := filepath.Join(dir, fmt.Sprintf("%s_%s%s", name, sz.Name, f.Ext()))
				if err := os.WriteFile(fn, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name+"_caption.md"), []byte(fig.Caption()+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
