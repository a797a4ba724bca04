package html

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
)

// ErrSVG is wrapped by the errors Write returns for a figure whose SVG
// cannot be inlined.
var ErrSVG = errors.New("html: unusable SVG")

// forbidden lists markup a figure's SVG must not contain: the page needs no
// script and loads nothing from outside.
var forbidden = []*regexp.Regexp{
	regexp.MustCompile(`(?i)<\s*script`),
	regexp.MustCompile(`(?i)<\s*foreignObject`),
	regexp.MustCompile(`(?i)(?:href|src)\s*=\s*["']?\s*javascript:`),
	regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`),
	regexp.MustCompile(`(?i)href\s*=\s*["']?\s*(?:https?:|//|file:)`),
	regexp.MustCompile(`(?i)url\(\s*["']?\s*(?:https?:|//|file:)`),
	regexp.MustCompile(`(?i)@import\s*(?:url|["'])`),
}

var (
	prologRE  = regexp.MustCompile(`^(?s:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>))`)
	svgOpenRE = regexp.MustCompile(`^<svg[\s>]`)
	idRE      = regexp.MustCompile(`\sid\s*=\s*"([^"]+)"`)
	// refRE matches an id definition or reference as three groups: the
	// text before the id, the id, the text after.
	refRE = regexp.MustCompile(`(\sid\s*=\s*")([^"]+)(")|(url\(\s*#)([^)\s]+)(\s*\))|(href\s*=\s*"#)([^"]+)(")`)
)

// InlineSVG returns svg ready to be placed inside an HTML page: a byte-order
// mark, the XML declaration and any processing instruction, comment or
// DOCTYPE before the root element are removed, and every id is prefixed
// with prefix (references through url(#id) and href="#id" follow), so that
// several figures on one page cannot capture each other's clip paths or
// gradients. It fails, wrapping ErrSVG, if the root is not <svg> or the
// markup holds a script, an event handler, a foreignObject or a reference
// to anything outside the page.
func InlineSVG(svg []byte, prefix string) ([]byte, error) {
	s := bytes.TrimPrefix(svg, []byte("\xef\xbb\xbf"))
	for {
		m := prologRE.Find(s)
		if m == nil {
			break
		}
		s = s[len(m):]
	}
	s = bytes.TrimSpace(s)
	if !svgOpenRE.Match(s) {
		head := s[:min(len(s), 40)]
		return nil, fmt.Errorf("%w: it does not start with an <svg> element (starts %q)", ErrSVG, head)
	}
	if !bytes.HasSuffix(s, []byte("</svg>")) {
		return nil, fmt.Errorf("%w: it does not end with </svg> (truncated?)", ErrSVG)
	}
	markup := withoutDataPayloads(s)
	for _, re := range forbidden {
		if loc := re.FindIndex(markup); loc != nil {
			return nil, fmt.Errorf("%w: it contains %q, which a self-contained, script-free page cannot hold", ErrSVG, markup[loc[0]:loc[1]])
		}
	}
	ids := map[string]bool{}
	for _, m := range idRE.FindAllSubmatch(markup, -1) {
		ids[string(m[1])] = true
	}
	if len(ids) == 0 {
		return s, nil
	}
	return refRE.ReplaceAllFunc(s, func(b []byte) []byte {
		sm := refRE.FindSubmatch(b)
		for i := 1; i+2 < len(sm); i += 3 {
			if sm[i] != nil {
				if !ids[string(sm[i+1])] {
					return b
				}
				return []byte(string(sm[i]) + prefix + string(sm[i+1]) + string(sm[i+2]))
			}
		}
		return b
	}), nil
}

// withoutDataPayloads returns s with the payload of every base64 data URI
// (embedded fonts and images: most of a figure's bytes) cut out, so the
// markup checks scan only markup. A payload cannot hold markup: base64 has
// no '<', quote or parenthesis.
func withoutDataPayloads(s []byte) []byte {
	marker := []byte(";base64,")
	if !bytes.Contains(s, marker) {
		return s
	}
	out := make([]byte, 0, len(s)/4)
	for {
		i := bytes.Index(s, marker)
		if i < 0 {
			return append(out, s...)
		}
		i += len(marker)
		out = append(out, s[:i]...)
		j := i
		for j < len(s) && isBase64(s[j]) {
			j++
		}
		s = s[j:]
	}
}

func isBase64(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r'
}
