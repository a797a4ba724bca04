package vocab

// Fuzzy matching: restricted Damerau–Levenshtein distance (optimal string alignment:
// insertions, deletions, substitutions and transpositions of adjacent characters, each
// costing 1) between the normalised query and a normalised term, bounded by
// maxDistance(term). Candidates are found with a deletion index (SymSpell): every string
// obtained by deleting up to maxDistance(term) characters from a term is indexed, and a
// query looks up its own deletions (up to 2). Any pair within distance d shares such a
// deletion, so no candidate is missed, and a lookup costs O(L²) map probes for a query of
// L bytes, independent of the vocabulary size.

const (
	// minFuzzyLen is the shortest query (in bytes of normalised ASCII) that is fuzzy-matched.
	minFuzzyLen = 5
	// maxQueryDeletes bounds the deletions generated from a query.
	maxQueryDeletes = 2
	// maxFuzzyTermLen is the longest term (in bytes) that is fuzzy-matched; longer terms
	// (multi-word names such as "methoxy polyethylene glycol-epoetin beta") match exactly
	// only, which keeps the deletion index, quadratic in term length, small.
	maxFuzzyTermLen = 24
)

// maxDistance is the largest edit distance accepted for a term of n characters:
// 1 for terms of up to 6 characters, 2 for longer terms.
func maxDistance(n int) int {
	if n <= 6 {
		return 1
	}
	return 2
}

type fuzzyTerm struct {
	norm    string
	id      int  // entry id in the owning index
	oneWord bool // the term is a single word
}

type fuzzyIndex struct {
	terms []fuzzyTerm
	// The deletion variants are kept as a hash → linked list of postings, all without
	// pointers, so that the garbage collector never scans them (the index of a vocabulary
	// of all of medicine has about a million variants). A hash collision only adds a
	// candidate, which the distance check then rejects.
	head   map[uint64]int32 // variant hash → first posting
	next   []int32          // posting → next posting of the same hash, or -1
	term   []int32          // posting → index into terms
	maxLen int
}

// variantHash is FNV-1a of a deletion variant.
func variantHash(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func newFuzzyIndex() *fuzzyIndex {
	return &fuzzyIndex{head: make(map[uint64]int32)}
}

// add indexes a normalised term. Non-ASCII terms are not fuzzy-matched.
func (f *fuzzyIndex) add(norm string, id int) {
	if !isASCII(norm) || len(norm) < minFuzzyLen-1 || len(norm) > maxFuzzyTermLen {
		return
	}
	ti := int32(len(f.terms))
	f.terms = append(f.terms, fuzzyTerm{norm: norm, id: id, oneWord: !containsByte(norm, ' ')})
	if len(norm) > f.maxLen {
		f.maxLen = len(norm)
	}
	seen := make(map[string]bool)
	var rec func(s string, d int)
	rec = func(s string, d int) {
		if seen[s] {
			return
		}
		seen[s] = true
		h := variantHash([]byte(s))
		first, ok := f.head[h]
		if !ok {
			first = -1
		}
		f.head[h] = int32(len(f.term))
		f.next = append(f.next, first)
		f.term = append(f.term, ti)
		if d == 0 {
			return
		}
		for i := 0; i < len(s); i++ {
			rec(s[:i]+s[i+1:], d-1)
		}
	}
	rec(norm, maxDistance(len(norm)))
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// fuzzyHit is one term within its distance bound of a query.
type fuzzyHit struct {
	id, dist int
	norm     string
}

// search returns the terms nearest to q (all at the same, smallest distance), in index order.
// Only terms whose first byte equals q's first byte are considered; oneWord restricts the
// search to single-word terms.
func (f *fuzzyIndex) search(q string, oneWord bool) []fuzzyHit {
	if f == nil || len(q) < minFuzzyLen || len(q) > f.maxLen+maxQueryDeletes || !isASCII(q) {
		return nil
	}
	var cand []int32
	buf := make([]byte, 0, len(q))
	look := func(b []byte) {
		p, ok := f.head[variantHash(b)]
		if !ok {
			return
		}
		for ; p >= 0; p = f.next[p] {
			ti := f.term[p]
			dup := false
			for _, c := range cand {
				if c == ti {
					dup = true
					break
				}
			}
			if !dup {
				cand = append(cand, ti)
			}
		}
	}
	look([]byte(q))
	for i := 0; i < len(q); i++ {
		buf = append(buf[:0], q[:i]...)
		buf = append(buf, q[i+1:]...)
		look(buf)
		for j := i; j < len(q)-1; j++ {
			// delete q[i] and q[j+1]
			buf = buf[:0]
			buf = append(buf, q[:i]...)
			buf = append(buf, q[i+1:j+1]...)
			buf = append(buf, q[j+2:]...)
			look(buf)
		}
	}
	best := -1
	var hits []fuzzyHit
	for _, ti := range sortedInt32(cand) {
		t := f.terms[ti]
		if oneWord && !t.oneWord || t.norm[0] != q[0] || t.norm == q {
			continue
		}
		maxD := maxDistance(len(t.norm))
		d := osaDistance(q, t.norm, maxD)
		if d > maxD {
			continue
		}
		switch {
		case best < 0 || d < best:
			best = d
			hits = append(hits[:0], fuzzyHit{id: t.id, dist: d, norm: t.norm})
		case d == best:
			hits = append(hits, fuzzyHit{id: t.id, dist: d, norm: t.norm})
		}
	}
	return hits
}

func sortedInt32(s []int32) []int32 {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}

// osaDistance returns the optimal-string-alignment distance between a and b, or max+1 as
// soon as the distance is known to exceed max.
func osaDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	n := len(b)
	prev2 := make([]int, n+1)
	prev := make([]int, n+1)
	cur := make([]int, n+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[n] > max {
		return max + 1
	}
	return prev[n]
}
