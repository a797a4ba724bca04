package figure

import (
	"bytes"
	"fmt"
	"io"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// Page heights in millimetres: the tallest figure a journal page takes
// with its legend beneath. Nature's figure guide gives 170 mm ("to allow
// space for the figure legend"); Elsevier's text area is about 240 mm;
// a custom width without a height takes DefaultPageHeightMM.
const (
	NaturePageHeightMM   = 170
	ElsevierPageHeightMM = 240
	DefaultPageHeightMM  = 240
)

// PageHeight returns the printed height in millimetres that one page of a
// figure may take at this size: the explicit height when one is given,
// else the preset's page height (Nature 170 mm, Elsevier 240 mm), else
// DefaultPageHeightMM. Paginate splits figures that need more.
func (s Size) PageHeight() float64 {
	switch {
	case s.HeightMM > 0:
		return s.HeightMM
	case s.PageHeightMM > 0:
		return s.PageHeightMM
	}
	return DefaultPageHeightMM
}

// pager is implemented by figures that can split themselves into pages.
type pager interface {
	// paginate returns the pages of the figure, each no taller than
	// limit, or the figure itself when it fits one page.
	paginate(th *theme, limit vg.Length) ([]Figure, error)
}

// Paginate splits fig into pages no taller than size.PageHeight(), each a
// Figure that Render draws on its own: a Forest taller than a page is
// split between drugs (a drug's studies, pooled diamond and heterogeneity
// line stay on one page unless they alone are taller than a page), and
// OutcomeBars whose bars do not fit a page even with tight rows are split
// between bars. Every page repeats the column headers (or legend) and the
// axis and says "Page k of n", and its caption says how the figure is
// split. All pages of one figure have the same printed height (the
// content sits at the top). Figures of other kinds, and figures that fit
// one page, are returned as the only page (Render tightens the rows of a
// figure whose natural height exceeds the page). Paginate fails like
// Render when the figure cannot be laid out.
func Paginate(fig Figure, size Size) ([]Figure, error) {
	if fig == nil {
		return nil, fmt.Errorf("figure: Paginate called with a nil Figure")
	}
	if err := size.check(); err != nil {
		return nil, err
	}
	p, ok := fig.(pager)
	if !ok {
		return []Figure{fig}, nil
	}
	return p.paginate(newTheme(mm(size.WidthMM)), mm(size.PageHeight()))
}

// RenderPages writes the pages returned by Paginate to w as one document.
// Only PDF holds several pages: for PNG and SVG, one page is written as
// Render does and more than one is an error (write each page to a file of
// its own with Render).
func RenderPages(w io.Writer, pages []Figure, size Size, f Format) error {
	switch {
	case len(pages) == 0:
		return fmt.Errorf("%w: RenderPages called with no page", ErrEmpty)
	case len(pages) == 1:
		return Render(w, pages[0], size, f)
	case f != PDF:
		return fmt.Errorf("figure: %s holds one page, not %d: render each page to its own file with Render", f, len(pages))
	}
	lays := make([]layout, len(pages))
	hs := make([]vg.Length, len(pages))
	var top vg.Length
	for i, pg := range pages {
		lay, h, err := prepare(pg, size)
		if err != nil {
			return fmt.Errorf("page %d of %d: %w", i+1, len(pages), err)
		}
		lays[i], hs[i] = lay, h
		top = maxf(top, h)
	}
	c := vgpdf.New(mm(size.WidthMM), top)
	c.EmbedFonts(true)
	sc, err := withSubset(pdfCanvas{c}, lays, hs)
	if err != nil {
		return err
	}
	for i, lay := range lays {
		if i > 0 {
			c.NextPage()
		}
		sc.Push()
		sc.Translate(vg.Point{Y: top - hs[i]}) // shorter pages sit at the top
		lay.draw(sc, hs[i])
		sc.Pop()
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return fmt.Errorf("figure: writing PDF: %w", err)
	}
	fixPDFDates(buf.Bytes())
	_, err = w.Write(buf.Bytes())
	return err
}

// forestPage records where a page sits in a paginated forest plot.
type forestPage struct {
	index, pages int
	// all are the rows of the whole plot in display order (cleaned), so
	// that every page has the same column widths and marker scale.
	all []ForestRow
	// first and last are the 1-based numbers of the drugs (top-level
	// blocks) on the page; drugs is their number in the whole plot.
	first, last, drugs int
	// shadeFirst is whether the page's first block is shaded, so that the
	// zebra stripes continue across pages.
	shadeFirst bool
	// height is the common printed height of all pages; the content of a
	// shorter page sits at its top.
	height vg.Length
	// limit is the page height the plot was split at, for the caption.
	limit vg.Length
	// split names the drugs whose rows alone are taller than a page and
	// continue on the next one.
	split []string
}

// note is the line under the axis: "Page 2 of 4 (drugs 15–28 of 54)."
func (pg *forestPage) note() string {
	what := fmt.Sprintf("drugs %d–%d of %d", pg.first, pg.last, pg.drugs)
	if pg.first == pg.last {
		what = fmt.Sprintf("drug %d of %d", pg.first, pg.drugs)
	}
	return fmt.Sprintf("Page %d of %d (%s).", pg.index+1, pg.pages, what)
}

// forestPiece is a run of rows that stays on one page: a whole block (a
// drug with its studies, pooled row and note), or, for a block taller than
// a page, a part of it.
type forestPiece struct {
	from, to int // rows [from, to) of the whole plot
	block    int // index of the block the rows belong to
	cont     bool
	h        vg.Length
}

func (f Forest) paginate(th *theme, limit vg.Length) ([]Figure, error) {
	lay, err := f.build(th)
	if err != nil {
		return nil, err
	}
	l := lay.(*forestLayout)
	if _, nat := l.heights(); nat <= limit {
		return []Figure{f}, nil
	}
	b := lineH(th.body)
	rowH := func(i int) vg.Length { return vg.Length(l.units[i]+forestNatPad) * b }
	fixed := l.fixedTop + l.fixedBot + forestPageNoteH(th) + 0.5*vg.Millimeter
	avail := limit - fixed
	if avail < 3*b {
		return nil, &SizeError{Msg: fmt.Sprintf("page height %.0f mm too small for a forest plot page: need at least %.0f mm",
			float64(limit/vg.Millimeter), math.Ceil(float64((fixed+3*b)/vg.Millimeter)))}
	}
	// Blocks: a top-level row and the study rows under it.
	var starts []int
	for i, r := range l.rows {
		if !r.Study || i == 0 {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(l.rows))
	var pieces []forestPiece
	var split []string
	for k := 0; k+1 < len(starts); k++ {
		from, to := starts[k], starts[k+1]
		h := vg.Length(0)
		for i := from; i < to; i++ {
			h += rowH(i)
		}
		if h <= avail {
			pieces = append(pieces, forestPiece{from: from, to: to, block: k, h: h})
			continue
		}
		// A block taller than a page: cut between rows (never between a
		// pooled row and the note under it) into parts about equally
		// tall; each further part starts with a "(continued)" heading.
		split = append(split, l.rows[from].Label)
		contH := vg.Length(float64(len(th.wrap(th.body, contLabel(l.rows[from].Label), l.labelW, 3)))+forestNatPad) * b
		var units []int // first row of each unit
		var uh []vg.Length
		for i := from; i < to; i++ {
			if l.rows[i].Note && len(units) > 0 {
				uh[len(uh)-1] += rowH(i)
				continue
			}
			units = append(units, i)
			uh = append(uh, rowH(i))
		}
		units = append(units, to)
		for j, r := range balance(uh, avail-contH) {
			pc := forestPiece{from: units[r[0]], to: units[r[1]], block: k, cont: j > 0}
			for _, v := range uh[r[0]:r[1]] {
				pc.h += v
			}
			if pc.cont {
				pc.h += contH
			}
			pieces = append(pieces, pc)
		}
	}
	hs := make([]vg.Length, len(pieces))
	for i, p := range pieces {
		hs[i] = p.h
	}
	var packed [][]forestPiece
	for _, r := range balance(hs, avail) {
		packed = append(packed, pieces[r[0]:r[1]])
	}
	all := l.rows
	out := make([]Forest, len(packed))
	pgs := make([]*forestPage, len(packed))
	for i, pp := range packed {
		var rows []ForestRow
		for _, p := range pp {
			if p.cont {
				head := all[p.from]
				for j := p.from; j >= 0; j-- {
					if !all[j].Study {
						head = all[j]
						break
					}
				}
				rows = append(rows, ForestRow{Label: contLabel(head.Label), Heading: true})
			}
			rows = append(rows, all[p.from:p.to]...)
		}
		pg := f
		pg.Rows = rows
		pg.Sort = SortNone
		pgs[i] = &forestPage{index: i, pages: len(packed), all: all, first: pp[0].block + 1, last: pp[len(pp)-1].block + 1,
			drugs: len(starts) - 1, shadeFirst: pp[0].block%2 == 0, limit: limit, split: split}
		pg.page = pgs[i]
		out[i] = pg
	}
	// One printed height for every page: the tallest page's.
	var top vg.Length
	for _, pg := range out {
		lay, err := pg.build(th)
		if err != nil {
			return nil, err
		}
		_, nat := lay.heights()
		top = maxf(top, nat)
	}
	figs := make([]Figure, len(out))
	for i := range out {
		pgs[i].height = top
		figs[i] = out[i]
	}
	return figs, nil
}

func contLabel(s string) string { return s + " (continued)" }

// balance packs items of heights hs, in order, onto the fewest pages no
// taller than avail (greedy, which is optimal for items in a fixed order),
// then finds the smallest page height giving as few pages, so that the
// pages are about equally full. It returns each page's items as [from,
// to). An item taller than avail gets a page of its own.
func balance(hs []vg.Length, avail vg.Length) [][2]int {
	pack := func(lim vg.Length) [][2]int {
		var pages [][2]int
		from := 0
		h := vg.Length(0)
		for i, v := range hs {
			if i > from && h+v > lim {
				pages = append(pages, [2]int{from, i})
				from, h = i, 0
			}
			h += v
		}
		return append(pages, [2]int{from, len(hs)})
	}
	n := len(pack(avail))
	lo, hi := vg.Length(0), avail
	for _, v := range hs {
		lo = maxf(lo, v)
	}
	if lo >= hi {
		return pack(avail)
	}
	for i := 0; i < 40 && hi-lo > 0.01; i++ {
		mid := (lo + hi) / 2
		if len(pack(mid)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return pack(hi)
}

// barsPage records where a page sits in paginated outcome bars.
type barsPage struct {
	index, pages int
	// all are the groups of the whole figure, so that every page has the
	// same columns and legend, and the caption counts them all.
	all []OutcomeGroup
	// first and last are the 1-based numbers of the bars on the page;
	// bars is their number in the whole figure.
	first, last, bars int
	height            vg.Length // common printed height of all pages
	limit             vg.Length // page height the bars were split at
}

func (pg *barsPage) note(groupBy string) string {
	return fmt.Sprintf("Page %d of %d (%ss %d–%d of %d).", pg.index+1, pg.pages, groupBy, pg.first, pg.last, pg.bars)
}

func (o OutcomeBars) paginate(th *theme, limit vg.Length) ([]Figure, error) {
	lay, err := o.build(th)
	if err != nil {
		return nil, err
	}
	l := lay.(*barsLayout)
	if minH, nat := l.heights(); nat <= limit || minH <= limit {
		return []Figure{o}, nil // Render tightens the rows to fit a page
	}
	b := lineH(th.body)
	avail := limit - (l.fixedTop + l.fixBot + forestPageNoteH(th) + 0.5*vg.Millimeter)
	if avail < 3*b {
		return nil, &SizeError{Msg: fmt.Sprintf("page height %.0f mm too small for outcome bars", float64(limit/vg.Millimeter))}
	}
	hs := make([]vg.Length, len(l.o.Groups))
	for i := range hs {
		hs[i] = (vg.Length(len(l.labels[i])) + barNatPad) * b
	}
	ranges := balance(hs, avail)
	out := make([]OutcomeBars, len(ranges))
	pgs := make([]*barsPage, len(ranges))
	var top vg.Length
	for i, r := range ranges {
		pg := o
		pg.Groups = l.o.Groups[r[0]:r[1]]
		pgs[i] = &barsPage{index: i, pages: len(ranges), all: o.Groups, first: r[0] + 1, last: r[1], bars: len(l.o.Groups), limit: limit}
		pg.page = pgs[i]
		lay, err := pg.build(th)
		if err != nil {
			return nil, err
		}
		_, nat := lay.heights()
		top = maxf(top, nat)
		out[i] = pg
	}
	figs := make([]Figure, len(out))
	for i := range out {
		pgs[i].height = top
		figs[i] = out[i]
	}
	return figs, nil
}

// forestPageNoteH is the height of the "Page k of n" line under the axis.
func forestPageNoteH(th *theme) vg.Length { return lineH(th.small) * 1.3 }
