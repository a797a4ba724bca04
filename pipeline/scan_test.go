package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tresp/tresp/pipeline/ingest"
	"github.com/tresp/tresp/pipeline/normalise"
)

// benchTable writes n rows of realistic, repeating cells.
func benchTable(b *testing.B, n int) string {
	var sb strings.Builder
	sb.WriteString("Study,Pt,Age/Sex,Underlying disease,Drug,Dose,Lesion size,Treatment duration,Outcome\n")
	drugs := []string{"diltiazem", "risedronate", "sodium thiosulfate", "methotrexate"}
	doses := []string{"60mg TDS", "60mg thrice a day increased to 90mg thrice a day", "35 mg weekly", "25 g IV 3x/week"}
	outcomes := []string{"marked improvement", "minimal response", "lost to followup", "complete resolution"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "S%d,%d,%d/F,dermatomyositis,%s,%s,1*1cm to 5*5 cm,6 months,%s\n", i%50, i, 20+i%50, drugs[i%4], doses[(i/4)%4], outcomes[(i/16)%4])
	}
	p := filepath.Join(b.TempDir(), "cases.csv")
	os.WriteFile(p, []byte(sb.String()), 0o644)
	return p
}

// BenchmarkScan measures streaming ingest alone and with normalisation,
// per row.
func BenchmarkScan(b *testing.B) {
	for _, norm := range []bool{false, true} {
		b.Run(fmt.Sprintf("normalise=%v", norm), func(b *testing.B) {
			p := benchTable(b, 20000)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				st, err := normalise.Scan(normalise.FileInput(p), ingest.ReadOptions{}, norm)
				if err != nil || st.Account.RowsRead != 20000 {
					b.Fatal(err, st.Account.RowsRead)
				}
			}
			b.ReportMetric(float64(b.N*20000)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
