package vocab

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestReadLines(t *testing.T) {
	f := os.Getenv("READ_FILE")
	if f == "" {
		t.Skip()
	}
	v := Default()
	fh, _ := os.Open(f)
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), "|", 2)
		if len(parts) < 2 {
			continue
		}
		m := v.OutcomeFor(parts[1], []string{parts[0]})
		fmt.Printf("%-14s %-5s %-40s | %s\n", m.Category.String()+"/"+m.Proposed.String(), m.Confidence, m.Evidence.Rule, parts[1])
	}
}
