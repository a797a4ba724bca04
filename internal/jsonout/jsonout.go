// Package jsonout writes the JSON files of tresp: indented, keys sorted,
// HTML characters unescaped, and every non-finite float spelled so that
// encoding/json can write it (NaN as null, ±Inf as "Inf" and "-Inf", R's
// spelling), so that the bytes are deterministic.
package jsonout

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Write writes v as indented JSON (two spaces) without HTML escaping,
// followed by a newline.
func Write(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Safe returns v with every non-finite float replaced so that
// encoding/json can write it: NaN becomes null, ±Inf the strings "Inf" and
// "-Inf" (R's spelling). Structs become ordered maps keyed by their json
// tags; encoding/json sorts map keys, so output stays deterministic.
func Safe(v any) any {
	return safeValue(reflect.ValueOf(v))
}

func safeValue(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return safeValue(v.Elem())
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			return nil
		case math.IsInf(f, 1):
			return "Inf"
		case math.IsInf(f, -1):
			return "-Inf"
		}
		return f
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return []any{}
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = safeValue(v.Index(i))
		}
		return out
	case reflect.Map:
		out := make(map[string]any, v.Len())
		it := v.MapRange()
		for it.Next() {
			out[keyString(it.Key())] = safeValue(it.Value())
		}
		return out
	case reflect.Struct:
		out := map[string]any{}
		for _, f := range structFields(v) {
			out[f.key] = safeValue(f.v)
		}
		return out
	}
	return v.Interface()
}

func keyString(k reflect.Value) string {
	if s, ok := k.Interface().(interface{ String() string }); ok {
		return s.String()
	}
	if k.Kind() == reflect.String {
		return k.String()
	}
	return reflect.ValueOf(k.Interface()).String()
}

// WriteSafe writes v as Write(w, Safe(v)) does, byte for
// byte, without building the copy: structs as objects of their json
// fields in key order, maps in key order, non-finite floats as Safe
// maps them. A summary of a hundred thousand drugs so takes no more
// memory than its own values (the copy and encoding/json's whole-output
// buffer took more than a gigabyte).
func WriteSafe(w io.Writer, v any) error {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
	s.enc = json.NewEncoder(&s.scratch)
	s.enc.SetEscapeHTML(false)
	s.value(reflect.ValueOf(v), 0)
	s.w.WriteByte('\n')
	if err := s.w.Flush(); s.err == nil {
		s.err = err
	}
	return s.err
}

type jsonStream struct {
	w       *bufio.Writer
	scratch bytes.Buffer
	enc     *json.Encoder
	buf     []byte // a scalar written by the fast paths of value
	err     error
}

// scalar writes v as encoding/json writes it.
func (s *jsonStream) scalar(v any) {
	s.scratch.Reset()
	if err := s.enc.Encode(v); err != nil && s.err == nil {
		s.err = err
	}
	s.w.Write(bytes.TrimSuffix(s.scratch.Bytes(), []byte("\n")))
}

func (s *jsonStream) newline(depth int) {
	s.w.WriteByte('\n')
	for i := 0; i < depth; i++ {
		s.w.WriteString("  ")
	}
}

type jsonField struct {
	key string
	v   reflect.Value
}

// structFields lists the fields encoding/json would write for a struct, sorted by key:
// exported, named by their json tag, "-", empty omitempty and zero omitzero fields left
// out.
func structFields(v reflect.Value) []jsonField {
	meta := fieldsOf(v.Type())
	fields := make([]jsonField, 0, len(meta))
	for _, m := range meta {
		fv := v.Field(m.index)
		if m.omitEmpty && (fv.IsZero() || (fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && fv.Len() == 0) {
			continue
		}
		if m.omitZero && isZero(fv) {
			continue
		}
		fields = append(fields, jsonField{m.key, fv})
	}
	return fields
}

// isZero is encoding/json's test of an omitzero field: the value's IsZero method
// where it has one (a nil pointer is zero), else the zero value of its type — so a
// nil slice is zero and an empty one is not.
func isZero(v reflect.Value) bool {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return true
	}
	if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
		return z.IsZero()
	}
	return v.IsZero()
}

// fieldMeta is what structFields needs of one struct field, read once per type.
type fieldMeta struct {
	index     int
	key       string
	omitEmpty bool
	omitZero  bool
}

// typeFields caches fieldsOf per struct type (a reflect.Type → []fieldMeta).
var typeFields sync.Map

// fieldsOf returns the json fields of struct type t, sorted by key.
func fieldsOf(t reflect.Type) []fieldMeta {
	if m, ok := typeFields.Load(t); ok {
		return m.([]fieldMeta)
	}
	var meta []fieldMeta
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m := fieldMeta{index: i, key: name}
		for _, o := range strings.Split(opts, ",") {
			m.omitEmpty = m.omitEmpty || o == "omitempty"
			m.omitZero = m.omitZero || o == "omitzero"
		}
		meta = append(meta, m)
	}
	sort.SliceStable(meta, func(i, j int) bool { return meta[i].key < meta[j].key })
	typeFields.Store(t, meta)
	return meta
}

// object writes fields, sorted by key.
func (s *jsonStream) object(fields []jsonField, depth int) {
	if len(fields) == 0 {
		s.w.WriteString("{}")
		return
	}
	if !sort.SliceIsSorted(fields, func(i, j int) bool { return fields[i].key < fields[j].key }) {
		sort.Slice(fields, func(i, j int) bool { return fields[i].key < fields[j].key })
	}
	s.w.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			s.w.WriteByte(',')
		}
		s.newline(depth + 1)
		s.scalar(f.key)
		s.w.WriteString(": ")
		s.value(f.v, depth+1)
	}
	s.newline(depth)
	s.w.WriteByte('}')
}

func (s *jsonStream) value(v reflect.Value, depth int) {
	if s.err != nil {
		return
	}
	if !v.IsValid() {
		s.w.WriteString("null")
		return
	}
	switch v.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if t := v.Type(); t.Implements(jsonMarshalerType) || t.Implements(textMarshalerType) || t == jsonNumberType {
			s.scalar(v.Interface()) // a type that writes itself, through encoding/json as before
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			s.w.WriteString("null")
			return
		}
		s.value(v.Elem(), depth)
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			s.scalar(safeValue(v))
			return
		}
		s.buf = appendFloat(s.buf[:0], f, 64) // as Safe, which reads every float as a float64
		s.w.Write(s.buf)
	case reflect.String:
		s.buf = appendString(s.buf[:0], v.String())
		s.w.Write(s.buf)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s.buf = strconv.AppendInt(s.buf[:0], v.Int(), 10)
		s.w.Write(s.buf)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s.buf = strconv.AppendUint(s.buf[:0], v.Uint(), 10)
		s.w.Write(s.buf)
	case reflect.Bool:
		s.w.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			s.w.WriteString("[]")
			return
		}
		s.w.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				s.w.WriteByte(',')
			}
			s.newline(depth + 1)
			s.value(v.Index(i), depth+1)
		}
		s.newline(depth)
		s.w.WriteByte(']')
	case reflect.Map:
		fields := make([]jsonField, 0, v.Len())
		it := v.MapRange()
		for it.Next() {
			fields = append(fields, jsonField{keyString(it.Key()), it.Value()})
		}
		s.object(fields, depth)
	case reflect.Struct:
		s.object(structFields(v), depth)
	default:
		s.scalar(v.Interface())
	}
}

// Ordered writes {"key": "value", …} with the keys in the order given
// (encoding/json would sort a map's keys, losing the file's column order).
func Ordered(keys, values []string) string {
	var sb strings.Builder
	sb.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(values[i])
		sb.Write(kb)
		sb.WriteByte(':')
		sb.Write(vb)
	}
	sb.WriteByte('}')
	return sb.String()
}

// jsonMarshalerType and textMarshalerType are checked before the fast paths of value: a
// scalar type with such a method is written through encoding/json, as before.
var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	jsonNumberType    = reflect.TypeFor[json.Number]() // a string that encoding/json writes as a number
)

// appendFloat appends f (finite) as encoding/json writes a float of the given bits:
// the shortest representation, in exponent form below 1e-6 and from 1e21, with a
// one-digit negative exponent written without its leading zero ("1e-7", not "1e-07").
func appendFloat(b []byte, f float64, bits int) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendString appends s quoted as encoding/json quotes it with HTML escaping off:
// quote, backslash and control characters escaped, U+2028 and U+2029 as \u2028 and
// \u2029, invalid UTF-8 as \ufffd.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
