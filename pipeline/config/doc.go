// Package config owns the settings of a tresp run: the Config type and
// its defaults, the typed settings (each a pflag.Value and an
// encoding.TextUnmarshaler whose Names are its legal values), the TOML
// file (Load, Write, the commented Starter file of tresp init and its
// case-table template), and Validate, which a run calls before its first
// stage.
//
// One table, settings in settings.go, lists every key of tresp.toml with
// its place in Config, its comment and its check; the codec, the starter
// file, the validation messages and the test of docs/config.md read it. A
// typed setting takes its legal values from the package that owns them
// (stats.CIMethod, the formats of reports/figure and reports/table), so
// that adding a value there adds it here.
package config
