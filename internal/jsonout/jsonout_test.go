package jsonout

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// encodingJSON is what encoding/json writes for v with HTML escaping off.
func encodingJSON(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr", "\x00\x01\x1f\x7f",
		"<html> & 'amp'", "µg/m² – “quotes” é", "\u2028\u2029", "bad \xff\xfe utf8 \xc3", "emoji 😀", "\b\f"} {
		if got, want := string(appendString(nil, s)), encodingJSON(t, s); got != want {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.0 / 3, 2.0 / 3 * 100, 1e-6, 9.99e-7, 1e-7, 1.5e-10, 1e20, 1e21, 1.2345e22,
		-1e-7, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64, 0.1 + 0.2} {
		if got, want := string(appendFloat(nil, f, 64)), encodingJSON(t, f); got != want {
			t.Errorf("appendFloat(%v, 64) = %s, want %s", f, got, want)
		}
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		if got, want := string(appendFloat(nil, float64(f32), 32)), encodingJSON(t, f32); got != want {
			t.Errorf("appendFloat(%v, 32) = %s, want %s", f32, got, want)
		}
	}
}

// TestWriteSafeMatchesWriteOfSafe holds the streaming writer to Write(Safe(v)), byte for
// byte, on a value with every kind it writes.
func TestWriteSafeMatchesWriteOfSafe(t *testing.T) {
	type inner struct {
		B     string  `json:"b"`
		A     float64 `json:"a"`
		Skip  string  `json:"-"`
		Empty []int   `json:"empty,omitempty"`
		Zero  int     `json:"zero,omitempty"`
	}
	type level int
	type outer struct {
		Name    string           `json:"name"`
		Count   int              `json:"count"`
		Small   uint8            `json:"small"`
		OK      bool             `json:"ok"`
		Rate    float64          `json:"rate"`
		NaN     float64          `json:"nan"`
		Inf     float64          `json:"inf"`
		Items   []inner          `json:"items"`
		ByKey   map[string]inner `json:"by_key"`
		Ptr     *inner           `json:"ptr"`
		Nil     *inner           `json:"nil"`
		Any     any              `json:"any"`
		Level   level            `json:"level"`
		Float32 float32          `json:"float32"`
		NoTag   string
	}
	v := outer{Name: "a <b> & \"c\"\n", Count: -3, Small: 7, OK: true, Rate: 1e-7, NaN: math.NaN(), Inf: math.Inf(-1),
		Items: []inner{{B: "x", A: 0.1}, {B: "\u2028", A: 1e21, Empty: []int{1}, Zero: 2}},
		ByKey: map[string]inner{"z": {B: "z"}, "a": {B: "a"}}, Ptr: &inner{B: "p"}, Any: []any{1.5, "s", nil, true},
		Level: 4, Float32: 0.1, NoTag: "n"}
	checkWriteSafe(t, v)
}

// zeroer has an IsZero method, which omitzero consults as encoding/json does.
type zeroer struct{ N int }

func (z zeroer) IsZero() bool { return z.N < 0 }

// TestOmitZeroAsEncodingJSON: an omitzero field is left out when encoding/json leaves it
// out — a nil slice but not an empty one, a nil pointer, a zero struct, a value whose
// IsZero says so — by Safe and by WriteSafe. The fields are declared in key order, so
// that encoding/json's order is Safe's.
func TestOmitZeroAsEncodingJSON(t *testing.T) {
	type v struct {
		A []int           `json:"a,omitzero"`
		B *int            `json:"b,omitzero"`
		C struct{ X int } `json:"c,omitzero"`
		D zeroer          `json:"d,omitzero"`
		E map[string]int  `json:"e,omitempty,omitzero"`
		F int             `json:"f,omitzero"`
	}
	one := 1
	tests := []struct {
		name string
		v    v
		want string
	}{
		{"all zero", v{D: zeroer{-1}}, `{}`},
		{"empty slice kept", v{A: []int{}, D: zeroer{-1}}, `{"a":[]}`},
		{"set", v{A: []int{1}, B: &one, C: struct{ X int }{2}, D: zeroer{0}, F: 3},
			`{"a":[1],"b":1,"c":{"X":2},"d":{"N":0},"f":3}`},
		{"omitempty too", v{E: map[string]int{}, D: zeroer{-1}}, `{}`},
	}
	for _, tt := range tests {
		if got := encodingJSON(t, tt.v); got != tt.want {
			t.Fatalf("%s: encoding/json writes %s, the test wants %s", tt.name, got, tt.want)
		}
		b, err := json.Marshal(Safe(tt.v))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.want {
			t.Errorf("%s: Safe gives %s, want %s", tt.name, b, tt.want)
		}
		checkWriteSafe(t, tt.v)
	}
}

// checkWriteSafe fails when WriteSafe(v) differs from Write(Safe(v)).
func checkWriteSafe(t *testing.T, v any) {
	t.Helper()
	var got, want bytes.Buffer
	if err := WriteSafe(&got, v); err != nil {
		t.Fatal(err)
	}
	if err := Write(&want, Safe(v)); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("WriteSafe:\n%s\nWrite(Safe):\n%s", got.String(), want.String())
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\xff", "\u2028", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendString(nil, s)), encodingJSON(t, s); got != want {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

func FuzzAppendFloat(f *testing.F) {
	for _, x := range []float64{0, 1e-7, 1e21, 0.1} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		if got, want := string(appendFloat(nil, x, 64)), encodingJSON(t, x); got != want {
			t.Fatalf("appendFloat(%v) = %s, want %s", x, got, want)
		}
	})
}

func TestWriteSafeJSONNumber(t *testing.T) {
	v := struct {
		N json.Number `json:"n"`
	}{N: "12.5"}
	checkWriteSafe(t, v)
}
