package data

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestScanNumber(t *testing.T) {
	for _, tc := range []struct {
		in     string
		end    int // -1: whole input
		v      float64
		reason string // substring; "" when read
	}{
		{"45", -1, 45, ""},
		{"1,000", -1, 1000, ""},
		{"60,90", 2, 60, ""},
		{"2.5", -1, 2.5, ""},
		{".5", -1, 0.5, ""},
		{"1e3", -1, 1000, ""},
		{"2.5E-1", -1, 0.25, ""},
		{"1e400", -1, 0, "out of range"},
		{"1e13", -1, 0, "out of range"},
		{"99999999999999999999", -1, 0, "out of range"},
		{"0x10", -1, 0, "hexadecimal"},
		{"1_000", -1, 0, "'_'"},
		{"1.000,5", -1, 0, "thousands separator"},
		{"1.000.000", -1, 0, "several decimal points"},
		{"12.03.2015", -1, 0, "several decimal points"},
		{"٤٥", -1, 45, ""},
		{"۴۵", -1, 45, ""},
		{"٤٫٥", -1, 4.5, ""},
		{"４５", -1, 45, ""},
		{"4٥", -1, 0, "mixed scripts"},
		{"٤5", -1, 0, "mixed scripts"},
		{"٤۵", -1, 0, "mixed scripts"},
		{"๔๕", -1, 0, "script tresp does not read"},
		{"10x7", 2, 10, ""},
		{"3each", 1, 3, ""},
		{"5e", 1, 5, ""},
	} {
		end, v, reason := ScanNumber(tc.in, 0)
		wantEnd := tc.end
		if wantEnd < 0 {
			wantEnd = len(tc.in)
		}
		if end != wantEnd || v != tc.v || (tc.reason == "") != (reason == "") || !strings.Contains(reason, tc.reason) {
			t.Errorf("ScanNumber(%q) = %d, %v, %q; want %d, %v, reason containing %q", tc.in, end, v, reason, wantEnd, tc.v, tc.reason)
		}
	}
}

func TestParseCount(t *testing.T) {
	for _, tc := range []struct {
		in  string
		n   int
		err string
	}{
		{"5", 5, ""},
		{" 12 ", 12, ""},
		{"0", 0, ""},
		{"-0", 0, ""},
		{"1,000", 1000, ""},
		{"1000000000", 1000000000, ""},
		{"1000000001", 0, "above 1000000000"},
		{"9223372036854775807", 0, "out of range"},
		{"9223372036854775808", 0, "out of range"},
		{"-3", 0, "negative"},
		{"2.5", 0, "not a whole number"},
		{"1e3", 1000, ""},
		{"1e400", 0, "out of range"},
		{"0x10", 0, "hexadecimal"},
		{"1_000", 0, "'_'"},
		{"5 patients", 0, "follows the number"},
		{"five", 0, "not a number"},
		{"٥", 5, ""},
	} {
		n, err := ParseCount(tc.in)
		if n != tc.n || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParseCount(%q) = %d, %v; want %d, error containing %q", tc.in, n, err, tc.n, tc.err)
		}
	}
}

// TestStudyCountsBounded: counts near 2^63 are a bad-count error at ingest
// (they overflowed into a recovered panic, exit 3, before).
func TestStudyCountsBounded(t *testing.T) {
	r := &Record{}
	var v [NumFields]string
	v[FieldStudy], v[FieldDrug] = "S", "d"
	v[FieldTreated], v[FieldResponders] = "9223372036854775807", "9223372036854775806"
	m := &Mapping{}
	for i := range m.Index {
		m.Index[i] = -1
	}
	probs := m.checkStudyRow(r, &v)
	if len(probs) != 2 || probs[0].Code != "bad-count" || !strings.Contains(probs[0].Reason, "out of range") {
		t.Errorf("problems = %+v", probs)
	}
}

// FuzzScanNumber: any text, any start where a number starts: the number
// is read whole (end moves past the start, within the text) or refused
// with a reason, and a read value is finite, in [0, MaxNumber], and equals
// strconv's reading of a plain ASCII decimal.
func FuzzScanNumber(f *testing.F) {
	for _, s := range []string{"45", "1,000", "1e400", "0x10", "1.000,5", "1_000", "٤٥", "4٥", "2.5E-1", "60,90", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for i := 0; i < len(s); i++ {
			if !IsNumberStart(s, i) {
				continue
			}
			end, v, reason := ScanNumber(s, i)
			if end <= i || end > len(s) {
				t.Fatalf("ScanNumber(%q, %d) end %d", s, i, end)
			}
			if reason != "" {
				if v != 0 {
					t.Fatalf("refused number %q has value %v", s[i:end], v)
				}
				continue
			}
			if math.IsNaN(v) || v < 0 || v > MaxNumber {
				t.Fatalf("ScanNumber(%q, %d) = %v", s, i, v)
			}
			num := s[i:end]
			if strings.Trim(num, "0123456789.") == "" && strings.Count(num, ".") <= 1 {
				want, err := strconv.ParseFloat(num, 64)
				if err == nil && want != v {
					t.Fatalf("ScanNumber(%q) = %v; strconv reads %v", num, v, want)
				}
			}
		}
	})
}
