package synth

import "math/rand/v2"

// textPool draws a free-text column's values the way real tables repeat their wording: a
// Pitman–Yor process, in which the next row writes a new text with probability
// (θ + d·K)/(θ + n) after n rows and K distinct texts, and otherwise repeats text k with
// probability proportional to (count_k − d). The number of distinct texts then grows as
// n^d (Heaps' law, which the vocabularies of real text follow), and their frequencies
// follow a power law: a few wordings are very common, most are rare.
type textPool struct {
	theta, d float64
	write    func() string // writes a new text
	texts    []string
	counts   []float64
	tree     []float64 // Fenwick tree over counts[k] − d, 1-based; len(tree)-1 is its capacity
	n        float64   // values drawn
}

func newTextPool(theta, d float64, write func() string) *textPool {
	return &textPool{theta: theta, d: d, write: write, tree: newTree(1024)}
}

// newTree returns an empty Fenwick tree for capacity texts.
func newTree(capacity int) []float64 { return make([]float64, capacity+1) }

// draw returns the next value.
func (p *textPool) draw(r *rand.Rand) string {
	k := len(p.texts)
	u := r.Float64() * (p.theta + p.n)
	var i int
	if u < p.theta+p.d*float64(k) {
		i = k
		p.texts = append(p.texts, p.write())
		p.counts = append(p.counts, 0)
		if k+1 >= len(p.tree) {
			p.grow()
		}
		p.add(i, 1-p.d)
	} else {
		i = p.find(u - p.theta - p.d*float64(k))
		p.add(i, 1)
	}
	p.counts[i]++
	p.n++
	return p.texts[i]
}

// add adds w to the weight of text i.
func (p *textPool) add(i int, w float64) {
	for j := i + 1; j < len(p.tree); j += j & -j {
		p.tree[j] += w
	}
}

// find returns the text whose cumulative weight interval holds u (0 <= u < total weight).
func (p *textPool) find(u float64) int {
	pos, step := 0, 1
	for step*2 < len(p.tree) {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next < len(p.tree) && p.tree[next] <= u {
			pos = next
			u -= p.tree[next]
		}
	}
	return min(pos, len(p.texts)-1)
}

// grow doubles the tree's capacity and rebuilds it from the counts.
func (p *textPool) grow() {
	p.tree = newTree(2 * (len(p.tree) - 1))
	for i, c := range p.counts {
		if c > 0 {
			p.add(i, c-p.d)
		}
	}
}

// The pools' parameters. With discount 0.5 the pools write about 2·√(θ·n) new texts in n
// rows; some new texts repeat an earlier one by chance, so the distinct counts measured
// with seed 1 are 45,175 doses and 32,621 outcomes at 1 M rows, 128,833 and 82,904 at 10 M:
// more than the 50,000 and 20,000 at 10 M that make memoisation not the whole story of a
// benchmark, growing with the rows as real wording does, not in proportion to them.
const (
	textDiscount = 0.5
	outcomeTheta = 1000
	doseTheta    = 10000
)
