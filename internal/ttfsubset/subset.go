// Package ttfsubset makes a subset of a TrueType font: the outlines of the
// glyphs a document draws, nothing else, so that a PDF or SVG embeds a few
// kilobytes instead of the whole font.
//
// Glyph IDs are retained (like pyftsubset --retain-gids): every glyph keeps
// its index and advance width, and the glyphs not kept become empty. So the
// cmap, hmtx and kern tables, text measurement and the PDF writer's glyph
// widths are unchanged, and the result is a valid font for every reader
// (browsers' font sanitiser included). The tables a renderer of the kept
// glyphs needs are kept (cmap, cvt, fpgm, glyf, head, hhea, hmtx, kern,
// loca, maxp, name, OS/2, prep); post is rewritten as version 3 (no glyph
// names); layout tables (GPOS, GSUB, GDEF) and hinting caches (hdmx, LTSH,
// VDMX) are dropped. Output is deterministic.
package ttfsubset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// keep lists the tables copied into a subset (glyf, loca and post are
// rebuilt).
var keep = map[string]bool{
	"OS/2": true, "cmap": true, "cvt ": true, "fpgm": true, "gasp": true, "glyf": true, "head": true,
	"hhea": true, "hmtx": true, "kern": true, "loca": true, "maxp": true, "name": true, "post": true, "prep": true,
}

type table struct {
	tag  string
	data []byte
}

// Subset returns font with the outlines of glyph 0 (.notdef), of the glyphs
// listed and of the components of composite glyphs among them; every other
// glyph is empty. glyphs are glyph indices (from the font's cmap). The
// PostScript name becomes "TAG+name", the PDF convention for a subset, and
// the family name "family TAG", with TAG six capital letters derived from
// the kept glyphs.
func Subset(font []byte, glyphs []uint16) ([]byte, error) {
	tabs, err := parse(font)
	if err != nil {
		return nil, err
	}
	get := func(tag string) []byte {
		for _, t := range tabs {
			if t.tag == tag {
				return t.data
			}
		}
		return nil
	}
	head, loca, glyf, maxp := get("head"), get("loca"), get("glyf"), get("maxp")
	if len(head) < 54 || loca == nil || glyf == nil || len(maxp) < 6 {
		return nil, errors.New("ttfsubset: not a TrueType-outline font (head, loca, glyf or maxp missing)")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	gt := glyphTable{loca: loca, glyf: glyf, long: long}
	kept, err := keptGlyphs(gt, glyphs, numGlyphs)
	if err != nil {
		return nil, err
	}
	// New glyf and (long) loca.
	var nglyf []byte
	nloca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		binary.BigEndian.PutUint32(nloca[4*g:], uint32(len(nglyf)))
		if !kept[g] {
			continue
		}
		d, err := gt.glyph(g)
		if err != nil {
			return nil, err
		}
		nglyf = append(nglyf, d...)
		for len(nglyf)%4 != 0 {
			nglyf = append(nglyf, 0)
		}
	}
	binary.BigEndian.PutUint32(nloca[4*numGlyphs:], uint32(len(nglyf)))
	nhead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(nhead[50:], 1) // long loca
	binary.BigEndian.PutUint32(nhead[8:], 0)  // checkSumAdjustment, set below
	var out []table
	for _, t := range tabs {
		if !keep[t.tag] {
			continue
		}
		switch t.tag {
		case "glyf":
			t.data = nglyf
		case "loca":
			t.data = nloca
		case "head":
			t.data = nhead
		case "name":
			t.data = renamed(t.data, subsetTag(kept))
		case "post":
			if len(t.data) >= 32 {
				p := append([]byte(nil), t.data[:32]...)
				binary.BigEndian.PutUint32(p[0:], 0x00030000) // version 3: no glyph names
				t.data = p
			}
		}
		out = append(out, t)
	}
	return write(font[:4], out), nil
}

// glyphTable reads glyph outlines through the loca table, whose offsets
// are 32-bit when long and 16-bit halves otherwise.
type glyphTable struct {
	loca, glyf []byte
	long       bool
}

// offset returns the glyf offset of glyph i.
func (gt glyphTable) offset(i int) (int, error) {
	var o int
	if gt.long {
		if 4*i+4 > len(gt.loca) {
			return 0, errors.New("ttfsubset: loca table too short")
		}
		o = int(binary.BigEndian.Uint32(gt.loca[4*i:]))
	} else {
		if 2*i+2 > len(gt.loca) {
			return 0, errors.New("ttfsubset: loca table too short")
		}
		o = 2 * int(binary.BigEndian.Uint16(gt.loca[2*i:]))
	}
	if o > len(gt.glyf) {
		return 0, errors.New("ttfsubset: loca offset beyond glyf")
	}
	return o, nil
}

// glyph returns the outline bytes of glyph g.
func (gt glyphTable) glyph(g int) ([]byte, error) {
	a, err := gt.offset(g)
	if err != nil {
		return nil, err
	}
	b, err := gt.offset(g + 1)
	if err != nil {
		return nil, err
	}
	if b < a {
		return nil, errors.New("ttfsubset: loca offsets not increasing")
	}
	return gt.glyf[a:b], nil
}

// keptGlyphs returns the kept set: .notdef, the requested glyphs below
// numGlyphs and, transitively, the components of composite glyphs among them.
func keptGlyphs(gt glyphTable, glyphs []uint16, numGlyphs int) (map[int]bool, error) {
	kept := map[int]bool{0: true}
	work := []int{0}
	for _, g := range glyphs {
		if int(g) < numGlyphs && !kept[int(g)] {
			kept[int(g)] = true
			work = append(work, int(g))
		}
	}
	for len(work) > 0 {
		g := work[len(work)-1]
		work = work[:len(work)-1]
		d, err := gt.glyph(g)
		if err != nil {
			return nil, err
		}
		comps, err := components(d)
		if err != nil {
			return nil, fmt.Errorf("ttfsubset: glyph %d: %w", g, err)
		}
		for _, c := range comps {
			if c < numGlyphs && !kept[c] {
				kept[c] = true
				work = append(work, c)
			}
		}
	}
	return kept, nil
}

// components returns the glyph indices a composite glyph refers to.
func components(d []byte) ([]int, error) {
	if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 {
		return nil, nil // empty or simple glyph
	}
	const (
		argWords   = 0x0001
		haveScale  = 0x0008
		more       = 0x0020
		haveXY     = 0x0040
		haveTwoTwo = 0x0080
	)
	var out []int
	p := 10
	for {
		if p+4 > len(d) {
			return nil, errors.New("composite glyph truncated")
		}
		flags := binary.BigEndian.Uint16(d[p:])
		out = append(out, int(binary.BigEndian.Uint16(d[p+2:])))
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXY != 0:
			p += 4
		case flags&haveTwoTwo != 0:
			p += 8
		}
		if flags&more == 0 {
			return out, nil
		}
	}
}

// parse reads the table directory.
func parse(b []byte) ([]table, error) {
	if len(b) < 12 {
		return nil, errors.New("ttfsubset: not a font (too short)")
	}
	switch v := binary.BigEndian.Uint32(b); v {
	case 0x00010000, 0x74727565: // TrueType, 'true'
	default:
		return nil, fmt.Errorf("ttfsubset: not a TrueType font (version %#08x)", v)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if 12+16*n > len(b) {
		return nil, errors.New("ttfsubset: table directory truncated")
	}
	var tabs []table
	for i := 0; i < n; i++ {
		r := b[12+16*i:]
		off, ln := int(binary.BigEndian.Uint32(r[8:])), int(binary.BigEndian.Uint32(r[12:]))
		if off < 0 || ln < 0 || off+ln > len(b) {
			return nil, fmt.Errorf("ttfsubset: table %q beyond the end of the file", r[:4])
		}
		tabs = append(tabs, table{tag: string(r[:4]), data: b[off : off+ln]})
	}
	return tabs, nil
}

// write assembles a font file from tables, sorted by tag as the format
// requires, each 4-byte aligned, with checksums and head's
// checkSumAdjustment.
func write(version []byte, tabs []table) []byte {
	sort.Slice(tabs, func(i, j int) bool { return tabs[i].tag < tabs[j].tag })
	n := len(tabs)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := 16 << es
	hdr := make([]byte, 12+16*n)
	copy(hdr, version)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	binary.BigEndian.PutUint16(hdr[6:], uint16(sr))
	binary.BigEndian.PutUint16(hdr[8:], uint16(es))
	binary.BigEndian.PutUint16(hdr[10:], uint16(16*n-sr))
	off := len(hdr)
	headAt := -1
	for i, t := range tabs {
		r := hdr[12+16*i:]
		copy(r, t.tag)
		binary.BigEndian.PutUint32(r[4:], checksum(t.data))
		binary.BigEndian.PutUint32(r[8:], uint32(off))
		binary.BigEndian.PutUint32(r[12:], uint32(len(t.data)))
		if t.tag == "head" {
			headAt = off
		}
		off += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 0, off)
	out = append(out, hdr...)
	for _, t := range tabs {
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// subsetTag is six capital letters derived (FNV-1a) from the kept glyphs.
func subsetTag(kept map[int]bool) string {
	var gs []int
	for g := range kept {
		gs = append(gs, g)
	}
	sort.Ints(gs)
	h := uint32(2166136261)
	for _, g := range gs {
		h = (h ^ uint32(g)) * 16777619
	}
	var b [6]byte
	for i := range b {
		b[i] = 'A' + byte(h%26)
		h /= 26
	}
	return string(b[:])
}

// renamed returns a name table whose PostScript names (name ID 6) start
// with tag+"+" and whose family names (IDs 1 and 16) end in " "+tag, so
// that two subsets on one page (SVG figures inlined in report.html) are
// two font families, not one whose glyphs the last @font-face rule
// decides; a table it cannot read is returned unchanged.
func renamed(t []byte, tag string) []byte {
	if len(t) < 6 || binary.BigEndian.Uint16(t) != 0 {
		return t
	}
	n := int(binary.BigEndian.Uint16(t[2:]))
	store := int(binary.BigEndian.Uint16(t[4:]))
	if 6+12*n > len(t) || store > len(t) {
		return t
	}
	recs := make([]byte, 12*n)
	copy(recs, t[6:6+12*n])
	var strs []byte
	for i := 0; i < n; i++ {
		r := recs[12*i:]
		platform, id := binary.BigEndian.Uint16(r), binary.BigEndian.Uint16(r[6:])
		ln, off := int(binary.BigEndian.Uint16(r[8:])), int(binary.BigEndian.Uint16(r[10:]))
		if store+off+ln > len(t) {
			return t
		}
		str := t[store+off : store+off+ln]
		enc := func(s string) []byte {
			if platform == 0 || platform == 3 { // UTF-16BE
				var u []byte
				for _, c := range []byte(s) {
					u = append(u, 0, c)
				}
				return u
			}
			return []byte(s)
		}
		switch id {
		case 6:
			str = append(enc(tag+"+"), str...)
		case 1, 16:
			str = append(append([]byte(nil), str...), enc(" "+tag)...)
		}
		binary.BigEndian.PutUint16(r[8:], uint16(len(str)))
		binary.BigEndian.PutUint16(r[10:], uint16(len(strs)))
		strs = append(strs, str...)
	}
	out := make([]byte, 6, 6+len(recs)+len(strs))
	binary.BigEndian.PutUint16(out[2:], uint16(n))
	binary.BigEndian.PutUint16(out[4:], uint16(6+len(recs)))
	out = append(out, recs...)
	return append(out, strs...)
}
