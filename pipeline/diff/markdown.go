package diff

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/tresp/tresp/internal/jsonout"
)

// JSON writes the diff as indented JSON with sorted keys, adding the gate
// settings, the largest rate change, whether it exceeds the threshold (any
// stratum), the gate's checks and whether the gate failed. Undefined
// numbers are null. The bytes depend only on the two runs and g.
func (d *Result) JSON(w io.Writer, g Gate) error {
	m := jsonout.Safe(*d).(map[string]any)
	m["threshold"] = g.Threshold
	m["min_n"] = g.MinN
	m["max_drop"] = g.MaxDrop
	m["max_rate_change"] = d.MaxRateChange()
	m["threshold_exceeded"] = d.Exceeds(g.Threshold)
	checks := d.Checks(g)
	m["gate"] = jsonout.Safe(checks)
	m["gate_failed"] = len(d.Failures(g)) > 0
	bw := bufio.NewWriter(w)
	if err := jsonout.Write(bw, m); err != nil {
		return err
	}
	return bw.Flush()
}

// maxListItems bounds each Markdown list, keeping a pull-request comment
// short; the JSON output has every item.
const maxListItems = 50

// Markdown writes the diff as a report for a pull-request comment or a
// job summary: a headline line, the gate's verdict and checks (Gate), a
// table of changed rates (old → new, Δ in percentage points, bold when
// beyond the threshold in a stratum of at least g.MinN patients, marked
// "small" below that size), then lists of groups added and removed, new
// and resolved warnings, quarantined rows, inputs and settings that
// changed.
func (d *Result) Markdown(w io.Writer, g Gate) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	threshold := g.Threshold
	p("%s\n", d.headline())
	p("%s", gateMarkdown(d.Checks(g)))
	if d.OldVersion != d.NewVersion {
		p("\ntresp version: %s → %s\n", mdCode(d.OldVersion), mdCode(d.NewVersion))
	}
	if len(d.Rates) > 0 {
		p("\n#### Changed response rates\n\n")
		p("| Drug | Disease | Population | n | Responders | Unclassified | Rate | CI | Δ rate |\n")
		p("|---|---|---|---:|---:|---:|---:|---|---:|\n")
		for _, r := range d.Rates {
			delta := fmtPP(r.Delta)
			switch {
			case max(r.Old.N, r.New.N) < g.MinN:
				delta += " (small)"
			case threshold > 0 && math.Abs(r.Delta) > threshold+thresholdTol:
				delta = "**" + delta + "**"
			}
			p("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				mdText(groupDrug(r.Drug)), mdText(groupDisease(r.Disease)), mdText(r.Population),
				arrowInt(r.Old.N, r.New.N), arrowInt(r.Old.Responders, r.New.Responders), arrowInt(r.Old.Unclassified, r.New.Unclassified),
				arrowStr(fmtPct(r.Old.Rate), fmtPct(r.New.Rate)),
				arrowStr(fmtCI(r.Old), fmtCI(r.New)), delta)
		}
	}
	groups := func(title string, gs []RateGroup) {
		items := make([]string, len(gs))
		for i, g := range gs {
			items[i] = fmt.Sprintf("%s, %s, %s: %s (%d/%d)", mdText(groupDrug(g.Drug)), mdText(groupDisease(g.Disease)),
				mdText(g.Population), fmtPct(g.Value.Rate), g.Value.Responders, g.Value.N)
		}
		mdList(bw, title, items)
	}
	groups("Groups added", d.AddedGroups)
	groups("Groups removed", d.RemovedGroups)
	texts := func(title string, ss []string) {
		items := make([]string, len(ss))
		for i, s := range ss {
			items[i] = mdText(s)
		}
		mdList(bw, title, items)
	}
	texts("New warnings", d.NewWarnings)
	texts("Resolved warnings", d.ResolvedWarnings)
	quarantine := func(title string, qs []QuarantineRow) {
		items := make([]string, len(qs))
		for i, q := range qs {
			pos := q.File + ":" + strconv.Itoa(q.Line)
			items[i] = fmt.Sprintf("%s: %s", mdCode(pos), mdText(strings.TrimPrefix(q.Reasons, pos+": ")))
		}
		mdList(bw, title, items)
	}
	quarantine("Quarantined rows added", d.QuarantineAdded)
	quarantine("Rows no longer quarantined", d.QuarantineRemoved)
	inputs := make([]string, len(d.Inputs))
	for i, c := range d.Inputs {
		switch c.Status {
		case "added":
			inputs[i] = fmt.Sprintf("%s added: sha256 %s, %d rows", mdCode(c.File), shortHash(c.NewSHA256), c.NewRows)
		case "removed":
			inputs[i] = fmt.Sprintf("%s removed (was sha256 %s, %d rows)", mdCode(c.File), shortHash(c.OldSHA256), c.OldRows)
		default:
			name := mdCode(c.File)
			if c.OldFile != "" {
				name = mdCode(c.OldFile) + " → " + name
			}
			if c.Status == "renamed" {
				inputs[i] = fmt.Sprintf("%s: same content (sha256 %s)", name, shortHash(c.NewSHA256))
			} else {
				inputs[i] = fmt.Sprintf("%s: sha256 %s → %s, rows %s", name, shortHash(c.OldSHA256), shortHash(c.NewSHA256), arrowInt(c.OldRows, c.NewRows))
			}
		}
	}
	mdList(bw, "Inputs", inputs)
	settings := make([]string, len(d.Config))
	for i, c := range d.Config {
		settings[i] = fmt.Sprintf("%s: %s → %s", mdCode(c.Key), mdCodeOrUnset(c.Old), mdCodeOrUnset(c.New))
	}
	mdList(bw, "Settings changed", settings)
	return bw.Flush()
}

// headline is the report's first line: what changed, counted.
func (d *Result) headline() string {
	if d.Empty() {
		return "**tresp diff:** no changes in response rates, groups, warnings, quarantined rows, inputs or settings."
	}
	var parts []string
	count := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, "1 "+one)
		} else if n > 1 {
			parts = append(parts, strconv.Itoa(n)+" "+many)
		}
	}
	if r, ok := d.LargestRateChange(); ok {
		parts = append(parts, fmt.Sprintf("%s (largest: %s, %s, %s %s)",
			plural(len(d.Rates), "response rate changed", "response rates changed"),
			mdText(groupDrug(r.Drug)), mdText(groupDisease(r.Disease)), mdText(r.Population), fmtPP(r.Delta)))
	} else {
		count(len(d.Rates), "response rate changed", "response rates changed")
	}
	count(len(d.AddedGroups), "group added", "groups added")
	count(len(d.RemovedGroups), "group removed", "groups removed")
	count(len(d.NewWarnings), "new warning", "new warnings")
	count(len(d.ResolvedWarnings), "warning resolved", "warnings resolved")
	count(len(d.QuarantineAdded), "row newly quarantined", "rows newly quarantined")
	count(len(d.QuarantineRemoved), "row no longer quarantined", "rows no longer quarantined")
	renamed := 0
	for _, c := range d.Inputs {
		if c.Status == "renamed" {
			renamed++
		}
	}
	count(len(d.Inputs)-renamed, "input changed", "inputs changed")
	count(renamed, "input renamed", "inputs renamed")
	count(len(d.Config), "setting changed", "settings changed")
	if len(parts) == 0 {
		parts = append(parts, "only the tresp version changed")
	}
	return "**tresp diff:** " + strings.Join(parts, "; ") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func groupDrug(s string) string {
	if s == "" {
		return "all drugs"
	}
	return s
}

func groupDisease(s string) string {
	if s == "" {
		return "all diseases"
	}
	return s
}

// fmtPct writes a proportion as a percentage with one decimal; "—" when
// undefined.
func fmtPct(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return strconv.FormatFloat(100*v, 'f', 1, 64) + "%"
}

// fmtCI writes an interval as "22.3–95.7%".
func fmtCI(v RateValue) string {
	if math.IsNaN(v.Low) || math.IsNaN(v.High) {
		return "—"
	}
	return strconv.FormatFloat(100*v.Low, 'f', 1, 64) + "–" + fmtPct(v.High)
}

// fmtPP writes a signed difference of proportions in percentage points.
func fmtPP(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	s := strconv.FormatFloat(100*v, 'f', 1, 64)
	if s == "-0.0" || s == "0.0" {
		return "0.0 pp"
	}
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	return s + " pp"
}

func fmtPPAbs(v float64) string { return strconv.FormatFloat(100*v, 'f', 1, 64) + " pp" }

func arrowInt(a, b int) string {
	if a == b {
		return strconv.Itoa(a)
	}
	return strconv.Itoa(a) + " → " + strconv.Itoa(b)
}

func arrowStr(a, b string) string {
	if a == b {
		return a
	}
	return a + " → " + b
}

func shortHash(h string) string {
	if len(h) > 12 {
		h = h[:12]
	}
	return mdCode(h)
}

// mdList writes a titled bullet list, at most maxListItems items.
func mdList(w io.Writer, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(w, "\n#### %s (%d)\n\n", title, len(items))
	for i, it := range items {
		if i == maxListItems {
			fmt.Fprintf(w, "- … and %d more (tresp diff --format json lists all)\n", len(items)-i)
			break
		}
		fmt.Fprintf(w, "- %s\n", it)
	}
}

// mdText escapes s for Markdown text and table cells: ASCII punctuation
// that Markdown or HTML would interpret is backslash-escaped and line
// breaks become spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode writes s as a code span, with a fence longer than any backtick
// run inside it.
func mdCode(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || len(fence) > 1 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

func mdCodeOrUnset(s string) string {
	if s == "" {
		return "(unset)"
	}
	return mdCode(s)
}
