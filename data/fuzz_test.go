package data

import (
	"strings"
	"testing"
)

// FuzzHeaderMatcher checks that any header row maps without panicking,
// that mapping is insensitive to case and punctuation, and that every
// column is accounted for exactly once (a field, a lab or an extra).
func FuzzHeaderMatcher(f *testing.F) {
	for _, s := range []string{"Study,Pt,Age/Sex,Drug,Outcome", "Case no.,Serum calcium (mg/dL),,x", "Treated,Responders,Study,Drug", "\ufeffÄge,(mg)", "a,A,a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, row string) {
		headers := strings.Split(row, ",")
		m, _, err := NewMapping("f.csv", headers, MapOptions{})
		if err != nil {
			return
		}
		if len(m.Columns) != len(headers) {
			t.Fatalf("%d columns for %d headers", len(m.Columns), len(headers))
		}
		fields, labs := 0, 0
		for _, c := range m.Columns {
			if c.Field != FieldUnknown {
				fields++
			} else if c.Lab != "" {
				labs++
			}
		}
		if fields+labs+len(m.Extra) != len(headers) {
			t.Fatalf("fields %d + labs %d + extra %d != %d", fields, labs, len(m.Extra), len(headers))
		}
		for _, h := range headers {
			a, okA := FieldByName(h)
			b, okB := FieldByName(strings.ToUpper(h) + " .")
			if isASCII(h) && (a != b || okA != okB) {
				t.Fatalf("FieldByName(%q) = %v, but upper-cased with punctuation gives %v", h, a, b)
			}
		}
		// Mapping a row never panics, whatever its length.
		m.Record(2, headers)
		m.Record(3, nil)
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
