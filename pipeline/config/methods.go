package config

import "strings"

// unmarshalChoice is UnmarshalText of a choice: Set, or the zero value for
// empty text.
func unmarshalChoice(p interface{ Set(string) error }, b []byte) error {
	if len(b) == 0 {
		return nil
	}
	return p.Set(string(b))
}

// The methods that make each typed setting a pflag.Value (String, Set,
// Type) and an encoding.TextUnmarshaler. Set checks the value against
// Names and its error lists them.

// String returns the value as written in tresp.toml.
func (d Delimiter) String() string { return string(d) }

// Type names the legal values for flag help.
func (Delimiter) Type() string { return strings.Join(Delimiter("").Names(), "|") }

// Set sets the value from s, one of Names.
func (d *Delimiter) Set(s string) error { return setChoice(d, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (d *Delimiter) UnmarshalText(b []byte) error { return unmarshalChoice(d, b) }

// String returns the value as written in tresp.toml.
func (d DecimalComma) String() string { return string(d) }

// Type names the legal values for flag help.
func (DecimalComma) Type() string { return strings.Join(DecimalComma("").Names(), "|") }

// Set sets the value from s, one of Names.
func (d *DecimalComma) Set(s string) error { return setChoice(d, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (d *DecimalComma) UnmarshalText(b []byte) error { return unmarshalChoice(d, b) }

// String returns the value as written in tresp.toml.
func (r Responder) String() string { return string(r) }

// Type names the legal values for flag help.
func (Responder) Type() string { return strings.Join(Responder("").Names(), "|") }

// Set sets the value from s, one of Names.
func (r *Responder) Set(s string) error { return setChoice(r, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (r *Responder) UnmarshalText(b []byte) error { return unmarshalChoice(r, b) }

// String returns the value as written in tresp.toml.
func (a Attribution) String() string { return string(a) }

// Type names the legal values for flag help.
func (Attribution) Type() string { return strings.Join(Attribution("").Names(), "|") }

// Set sets the value from s, one of Names.
func (a *Attribution) Set(s string) error { return setChoice(a, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (a *Attribution) UnmarshalText(b []byte) error { return unmarshalChoice(a, b) }

// String returns the value as written in tresp.toml.
func (p Pooling) String() string { return string(p) }

// Type names the legal values for flag help.
func (Pooling) Type() string { return strings.Join(Pooling("").Names(), "|") }

// Set sets the value from s, one of Names.
func (p *Pooling) Set(s string) error { return setChoice(p, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (p *Pooling) UnmarshalText(b []byte) error { return unmarshalChoice(p, b) }

// String returns the value as written in tresp.toml.
func (t Transform) String() string { return string(t) }

// Type names the legal values for flag help.
func (Transform) Type() string { return strings.Join(Transform("").Names(), "|") }

// Set sets the value from s, one of Names.
func (t *Transform) Set(s string) error { return setChoice(t, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (t *Transform) UnmarshalText(b []byte) error { return unmarshalChoice(t, b) }

// String returns the value as written in tresp.toml.
func (p Population) String() string { return string(p) }

// Type names the legal values for flag help.
func (Population) Type() string { return strings.Join(Population("").Names(), "|") }

// Set sets the value from s, one of Names.
func (p *Population) Set(s string) error { return setChoice(p, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (p *Population) UnmarshalText(b []byte) error { return unmarshalChoice(p, b) }

// String returns the value as written in tresp.toml.
func (t TimeEstimator) String() string { return string(t) }

// Type names the legal values for flag help.
func (TimeEstimator) Type() string { return strings.Join(TimeEstimator("").Names(), "|") }

// Set sets the value from s, one of Names.
func (t *TimeEstimator) Set(s string) error { return setChoice(t, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (t *TimeEstimator) UnmarshalText(b []byte) error { return unmarshalChoice(t, b) }

// String returns the value as written in tresp.toml.
func (d DiseaseLevel) String() string { return string(d) }

// Type names the legal values for flag help.
func (DiseaseLevel) Type() string { return strings.Join(DiseaseLevel("").Names(), "|") }

// Set sets the value from s, one of Names.
func (d *DiseaseLevel) Set(s string) error { return setChoice(d, s) }

// UnmarshalText is Set, except that empty text (a summary.json or
// manifest written before the setting existed) is the default, "disease".
func (d *DiseaseLevel) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = DiseaseLevelDisease
		return nil
	}
	return d.Set(string(b))
}

// String returns the value as written in tresp.toml.
func (d DrugLevel) String() string { return string(d) }

// Type names the legal values for flag help.
func (DrugLevel) Type() string { return strings.Join(DrugLevel("").Names(), "|") }

// Set sets the value from s, one of Names.
func (d *DrugLevel) Set(s string) error { return setChoice(d, s) }

// UnmarshalText is Set, except that empty text (a summary.json or
// manifest written before the setting existed) is the default, "drug".
func (d *DrugLevel) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = DrugLevelDrug
		return nil
	}
	return d.Set(string(b))
}

// String returns the value as written in tresp.toml.
func (t Table1By) String() string { return string(t) }

// Type names the legal values for flag help.
func (Table1By) Type() string { return strings.Join(Table1By("").Names(), "|") }

// Set sets the value from s, one of Names.
func (t *Table1By) Set(s string) error { return setChoice(t, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (t *Table1By) UnmarshalText(b []byte) error { return unmarshalChoice(t, b) }

// String returns the value as written in tresp.toml.
func (f FigureFormat) String() string { return string(f) }

// Type names the legal values for flag help.
func (FigureFormat) Type() string { return strings.Join(FigureFormat("").Names(), "|") }

// Set sets the value from s, one of Names.
func (f *FigureFormat) Set(s string) error { return setChoice(f, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (f *FigureFormat) UnmarshalText(b []byte) error { return unmarshalChoice(f, b) }

// String returns the value as written in tresp.toml.
func (t TableFormat) String() string { return string(t) }

// Type names the legal values for flag help.
func (TableFormat) Type() string { return strings.Join(TableFormat("").Names(), "|") }

// Set sets the value from s, one of Names.
func (t *TableFormat) Set(s string) error { return setChoice(t, s) }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (t *TableFormat) UnmarshalText(b []byte) error { return unmarshalChoice(t, b) }

// String returns the value as written in tresp.toml.
func (f FigureSize) String() string { return string(f) }

// Type names the legal values for flag help.
func (FigureSize) Type() string { return strings.Join(FigureSize("").Names(), "|") }

// UnmarshalText is Set, except that empty text (a manifest of a run
// that never set it) leaves the zero value, which Validate reports.
func (f *FigureSize) UnmarshalText(b []byte) error { return unmarshalChoice(f, b) }

// Names returns the legal values of an element.
func (FigureFormats) Names() []string { return FigureFormat("").Names() }

// Strings returns the elements.
func (l FigureFormats) Strings() []string {
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = string(f)
	}
	return out
}

// Check checks one element.
func (l FigureFormats) Check(s string) error {
	var f FigureFormat
	return f.Set(s)
}

// SetStrings sets the list from ss, every element one of Names.
func (l *FigureFormats) SetStrings(ss []string) error {
	out := make(FigureFormats, 0, len(ss))
	for _, s := range ss {
		var f FigureFormat
		if err := f.Set(s); err != nil {
			return err
		}
		out = append(out, f)
	}
	*l = out
	return nil
}

// Names returns the legal values of an element.
func (TableFormats) Names() []string { return TableFormat("").Names() }

// Strings returns the elements.
func (l TableFormats) Strings() []string {
	out := make([]string, len(l))
	for i, f := range l {
		out[i] = string(f)
	}
	return out
}

// Check checks one element.
func (l TableFormats) Check(s string) error {
	var f TableFormat
	return f.Set(s)
}

// SetStrings sets the list from ss, every element one of Names.
func (l *TableFormats) SetStrings(ss []string) error {
	out := make(TableFormats, 0, len(ss))
	for _, s := range ss {
		var f TableFormat
		if err := f.Set(s); err != nil {
			return err
		}
		out = append(out, f)
	}
	*l = out
	return nil
}
