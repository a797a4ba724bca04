package cohort

import "sort"

// boundedSlot returns the index at which e goes in s, a list kept sorted by before
// and at most max long (after every element e does not come before, so that an
// element added later loses ties), and whether e is kept there.
func boundedSlot[T any](s []T, e *T, max int, before func(a, b *T) bool) (int, bool) {
	if len(s) == max && max > 0 && !before(e, &s[len(s)-1]) {
		return len(s), false // the common case once the list is full: no search
	}
	i := sort.Search(len(s), func(i int) bool { return before(e, &s[i]) })
	return i, i < max
}

// insertBounded puts e at index i of s (from boundedSlot), dropping the last element
// when s already holds max.
func insertBounded[T any](s []T, i int, e T, max int) []T {
	if len(s) < max {
		var zero T
		s = append(s, zero)
	}
	copy(s[i+1:], s[i:len(s)-1])
	s[i] = e
	return s
}
