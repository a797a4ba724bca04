// Package jsonout writes the JSON files of tresp: indented, keys sorted,
// HTML characters unescaped, and every non-finite float spelled so that
// encoding/json can write it (NaN as null, ±Inf as "Inf" and "-Inf", R's
// spelling), so that the bytes are deterministic.
package jsonout

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"reflect"
	"sort"
	"strings"
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

// structFields lists the fields encoding/json would write for a struct: exported, named
// by their json tag, "-" and empty omitempty fields left out.
func structFields(v reflect.Value) []jsonField {
	var fields []jsonField
	t := v.Type()
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
		fv := v.Field(i)
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		if (fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && strings.Contains(opts, "omitempty") && fv.Len() == 0 {
			continue
		}
		fields = append(fields, jsonField{name, fv})
	}
	return fields
}

// object writes fields, sorted by key.
func (s *jsonStream) object(fields []jsonField, depth int) {
	if len(fields) == 0 {
		s.w.WriteString("{}")
		return
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].key < fields[j].key })
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
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			s.w.WriteString("null")
			return
		}
		s.value(v.Elem(), depth)
	case reflect.Float32, reflect.Float64:
		s.scalar(safeValue(v))
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
