package vocab

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestScratch2(t *testing.T) {
	v := Default()
	fs, _ := filepath.Glob("/work/shared/seeds/*.txt")
	for _, f := range fs {
		b, _ := os.ReadFile(f)
		for _, m := range v.ScanDrugs(string(b)) {
			fmt.Printf("%s %q %s %s %s d=%d %v\n", m.Status, m.Term, m.Canonical, m.Code, m.Route, m.Distance, m.Candidates)
		}
		for _, m := range v.ScanDiseases(string(b)) {
			fmt.Printf("DIS %s %q %s %s d=%d\n", m.Status, m.Term, m.Canonical, m.Code, m.Distance)
		}
	}
}
