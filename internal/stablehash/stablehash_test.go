package stablehash

import (
	"hash/fnv"
	"testing"
)

func TestOf(t *testing.T) {
	// the parts are separated: "a"+"b" is not "ab"
	if Of("a", "b") == Of("ab") {
		t.Error(`Of("a", "b") == Of("ab")`)
	}
	// FNV-1a of "S\x001" finished by SplitMix64, computed by hand here
	h := fnv.New64a()
	h.Write([]byte("S\x001"))
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	if got := Of("S", "1"); got != x {
		t.Errorf("Of(S, 1) = %#x, want %#x", got, x)
	}
	for _, s := range []string{"", "case-01", "case-11"} {
		if u := Unit(s); u < 0 || u >= 1 {
			t.Errorf("Unit(%q) = %v, not in [0, 1)", s, u)
		}
	}
}
