package pipeline

import (
	"math"
	"reflect"
	"strings"
)

// jsonSafe returns v with every non-finite float replaced so that
// encoding/json can write it: NaN becomes null, ±Inf the strings "Inf" and
// "-Inf" (R's spelling). Structs become ordered maps keyed by their json
// tags; encoding/json sorts map keys, so output stays deterministic.
func jsonSafe(v any) any {
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
			out[name] = safeValue(fv)
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
