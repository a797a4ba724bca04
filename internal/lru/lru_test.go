package lru

import (
	"slices"
	"testing"
)

// TestCacheKeepsWhatIsUsed checks the bound and that a key read in every round survives
// while keys read once age out.
func TestCacheKeepsWhatIsUsed(t *testing.T) {
	c := New[int, string](4)
	c.Put(0, "hot")
	for i := 1; i <= 20; i++ {
		if v, ok := c.Get(0); !ok || v != "hot" {
			t.Fatalf("round %d: Get(0) = %q, %v; want the hot entry kept", i, v, ok)
		}
		c.Put(i, "cold")
		if c.Len() > 4 {
			t.Fatalf("round %d: %d entries, capacity 4", i, c.Len())
		}
	}
	if _, ok := c.Get(1); ok {
		t.Errorf("Get(1) found a key put once 19 rounds ago; want it aged out")
	}
	keys := c.Keys()
	slices.Sort(keys)
	if !slices.Contains(keys, 0) || !slices.Contains(keys, 20) || len(keys) != c.Len() {
		t.Errorf("Keys() = %v; want the hot key 0 and the last key 20, %d in all", keys, c.Len())
	}
}

// TestCachePutReplaces checks that a second Put of a key replaces its value without a
// second entry, in either generation.
func TestCachePutReplaces(t *testing.T) {
	c := New[string, int](4)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("c", 3) // "a" and "b" now the older generation
	c.Put("a", 4)
	if v, _ := c.Get("a"); v != 4 || c.Len() != 3 {
		t.Errorf("after a second Put: Get(a) = %d with %d entries; want 4 with 3", v, c.Len())
	}
}
