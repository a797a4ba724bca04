// Package stablehash hashes identifiers to numbers that are the same on every run,
// platform and input order: FNV-1a 64 of the parts (separated by NUL), finished by the
// SplitMix64 mixer, because FNV's high bits barely change with the last bytes
// ("case-01", "case-11"). Figures jitter points and the analysis samples courses with it.
package stablehash

import "hash/fnv"

// Of returns the hash of parts.
func Of(parts ...string) uint64 {
	h := fnv.New64a()
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{0})
		}
		h.Write([]byte(p))
	}
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Unit returns Of(parts...) as a number in [0, 1).
func Unit(parts ...string) float64 { return float64(Of(parts...)>>11) / float64(uint64(1)<<53) }
