package vocab

import "testing"

func TestDefaultParses(t *testing.T) {
	v := Default()
	if got := v.Drug("diltiazem", "").Code; got != "C08DB01" {
		t.Fatalf("Drug(diltiazem).Code = %q, want C08DB01", got)
	}
}
