package normalise

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/internal/csvout"
	"github.com/tresp/tresp/internal/jsonout"
	"github.com/tresp/tresp/pipeline/cohort"
)

// courseColumn is one column of normalised/cases.*: a name, a type and how
// to get the value from a course. Text columns keep the original cell;
// value columns hold the normalised number; status columns say how it was
// obtained (exact, converted, assumed, fuzzy, unknown).
type courseColumn struct {
	name string
	typ  parquetio.ColumnType
	str  func(c *cohort.Course) string
	num  func(c *cohort.Course) float64
	// display formats the number in cases.csv; nil is the shortest exact form. The
	// Parquet file always keeps the full precision.
	display func(v float64) string
}

// freeText reports whether a cases column holds the input's free text (the *_text
// columns, the outcome's evidence and phrase, the site outcomes, the sites, concomitant
// treatments, notes, labs, earlier treatments, comorbidities and subtypes), written
// without a dictionary (parquetio.Column.Plain): their values are mostly distinct.
func freeText(name string) bool {
	switch name {
	case "outcome_evidence", "outcome_phrase", "site_outcomes", "sites", "concomitant", "notes", "labs",
		"prior_treatments", "comorbidities", "subtype":
		return true
	}
	return strings.HasSuffix(name, "_text")
}

func textCol(name string, f func(c *cohort.Course) string) courseColumn {
	return courseColumn{name: name, typ: parquetio.String, str: f}
}

func numCol(name string, f func(c *cohort.Course) float64) courseColumn {
	col := courseColumn{name: name, typ: parquetio.Float, num: f}
	if strings.HasPrefix(name, "dose_") {
		col.display = formatDose
	}
	return col
}

// formatDose writes a computed dose for reading: 4 significant digits (53.57, 0.1071),
// whole numbers from 1,000 up (1500, 12346), and from 10⁷ up as read (an implausible
// amount is shown exactly); NaN is an empty cell. 375/7 is not
// printed as 53.57142857142857.
func formatDose(v float64) string {
	switch {
	case math.IsNaN(v):
		return ""
	case math.Abs(v) >= 1e7 || math.IsInf(v, 0):
		return formatFloat(v) // implausible amounts are shown as read
	case math.Abs(v) >= 1000:
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

func field(f data.Field) func(c *cohort.Course) string {
	return func(c *cohort.Course) string { return c.Rec.Get(f) }
}

func durationCols(name string, f data.Field, get func(c *cohort.Course) *units.Duration) []courseColumn {
	return []courseColumn{
		textCol(name+"_text", field(f)),
		numCol(name+"_days", func(c *cohort.Course) float64 { return get(c).Days }),
		textCol(name+"_status", func(c *cohort.Course) string { return statusOf(c.Rec.Get(f), get(c).Status) }),
	}
}

// statusOf names a parse status, or "" for an empty cell.
func statusOf(text string, s units.Status) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return s.String()
}

func matchStatus(text string, status string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return status
}

// courseColumns are the columns of cases.csv in order: the case and its
// parsed cells, the durations, the outcome.
var courseColumns = slices.Concat(caseColumns(), durationColumns(), outcomeColumns())

// caseColumns are the source, drug, dose, patient, disease and lesion columns.
func caseColumns() []courseColumn {
	return []courseColumn{
		textCol("source_file", func(c *cohort.Course) string { return c.Rec.File }),
		numCol("source_line", func(c *cohort.Course) float64 { return float64(c.Rec.Line) }),
		textCol("study", func(c *cohort.Course) string { return c.Study }),
		textCol("case_id", func(c *cohort.Course) string { return c.CaseID }),
		textCol("drug", (*cohort.Course).DrugName),
		textCol("drug_text", func(c *cohort.Course) string { return c.DrugRaw }),
		textCol("drug_status", func(c *cohort.Course) string {
			if c.DrugAdjudicated {
				return "adjudicated"
			}
			return c.Drug.Status.String()
		}),
		textCol("drug_class", func(c *cohort.Course) string { return c.Drug.Class }),
		textCol("atc", func(c *cohort.Course) string { return c.Drug.Code }),
		textCol("regimen", func(c *cohort.Course) string { return strings.Join(c.Regimen, " + ") }),
		textCol("protocol", func(c *cohort.Course) string { return c.Protocol }),
		textCol("prior_treatments", func(c *cohort.Course) string { return strings.Join(c.PriorTreatments, "; ") }),
		textCol("route", func(c *cohort.Course) string { return c.Route }),
		textCol("dose_text", func(c *cohort.Course) string { return c.DoseText }),
		numCol("dose_start_per_day", func(c *cohort.Course) float64 { return c.Dose.Start }),
		numCol("dose_max_per_day", func(c *cohort.Course) float64 { return c.Dose.Max }),
		numCol("dose_final_per_day", func(c *cohort.Course) float64 { return c.Dose.Final }),
		numCol("dose_max_per_week", func(c *cohort.Course) float64 { return c.Dose.MaxWeek }),
		numCol("dose_mean_per_day", func(c *cohort.Course) float64 { return c.Dose.Mean }),
		numCol("dose_course_total", func(c *cohort.Course) float64 { return c.Dose.Total }),
		textCol("dose_unit", func(c *cohort.Course) string {
			if math.IsNaN(c.Dose.Max) && math.IsNaN(c.Dose.Total) {
				return ""
			}
			return c.Dose.Unit
		}),
		textCol("dose_status", func(c *cohort.Course) string { return statusOf(c.DoseText, c.Dose.Status) }),
		textCol("dose_schedule", func(c *cohort.Course) string { return c.Dose.Schedule }),
		textCol("age_text", field(data.FieldAge)),
		numCol("age_years", func(c *cohort.Course) float64 { return c.Age.Years }),
		textCol("age_status", func(c *cohort.Course) string { return statusOf(c.Rec.Get(data.FieldAge), c.Age.Status) }),
		textCol("sex", func(c *cohort.Course) string { return string(c.Sex) }),
		textCol("disease_text", field(data.FieldDisease)),
		textCol("disease", (*cohort.Course).DiseaseName),
		textCol("disease_status", func(c *cohort.Course) string {
			if c.DiseaseAdjudicated {
				return "adjudicated"
			}
			return matchStatus(c.Rec.Get(data.FieldDisease), c.Disease.Status.String())
		}),
		textCol("disease_group", func(c *cohort.Course) string { return c.Disease.Class }),
		textCol("disease_parent", func(c *cohort.Course) string { return c.Disease.Parent }),
		textCol("comorbidities", func(c *cohort.Course) string {
			if c.Disease.Status != vocab.StatusContained {
				return ""
			}
			return strings.Join(c.Disease.Candidates, "; ")
		}),
		textCol("icd10", func(c *cohort.Course) string { return c.Disease.Code }),
		textCol("subtype_text", field(data.FieldSubtype)),
		textCol("subtype", func(c *cohort.Course) string {
			var s []string
			for _, m := range c.Subtypes {
				if m.Canonical != "" {
					s = append(s, m.Class+"="+m.Canonical)
				}
			}
			return strings.Join(s, "; ")
		}),
		textCol("sites", field(data.FieldSites)),
		textCol("lesion_size_text", field(data.FieldLesionSize)),
		numCol("lesion_min_diameter_cm", func(c *cohort.Course) float64 { return c.Size.MinDiameterCm }),
		numCol("lesion_max_diameter_cm", func(c *cohort.Course) float64 { return c.Size.MaxDiameterCm }),
		numCol("lesion_min_area_cm2", func(c *cohort.Course) float64 { return c.Size.MinAreaCm2 }),
		numCol("lesion_max_area_cm2", func(c *cohort.Course) float64 { return c.Size.MaxAreaCm2 }),
		textCol("lesion_size_status", func(c *cohort.Course) string { return statusOf(c.Rec.Get(data.FieldLesionSize), c.Size.Status) }),
	}
}

// durationColumns are the text, value and status columns of each duration.
func durationColumns() []courseColumn {
	var cols []courseColumn
	cols = append(cols, durationCols("disease_duration", data.FieldDiseaseDuration, func(c *cohort.Course) *units.Duration { return c.DiseaseDu })...)
	cols = append(cols, durationCols("condition_duration", data.FieldConditionDuration, func(c *cohort.Course) *units.Duration { return c.CondDu })...)
	cols = append(cols, durationCols("treatment_duration", data.FieldTreatmentDuration, func(c *cohort.Course) *units.Duration { return c.TreatDu })...)
	cols = append(cols, durationCols("time_to_response", data.FieldTimeToResponse, func(c *cohort.Course) *units.Duration { return c.TimeToRsp })...)
	cols = append(cols, durationCols("follow_up", data.FieldFollowUp, func(c *cohort.Course) *units.Duration { return c.FollowUp })...)
	return cols
}

// outcomeColumns are the outcome columns (category, confidence, evidence,
// site outcomes) and the columns carried through after them.
func outcomeColumns() []courseColumn {
	return []courseColumn{
		textCol("outcome_text", func(c *cohort.Course) string { return c.OutcomeText }),
		textCol("site_outcome_text", field(data.FieldSiteOutcome)),
		textCol("outcome", func(c *cohort.Course) string {
			if c.Outcome.NotAttributable {
				return "not attributable"
			}
			return c.Category().String()
		}),
		textCol("outcome_code", func(c *cohort.Course) string { return c.Category().Code() }),
		textCol("outcome_status", func(c *cohort.Course) string {
			switch {
			case c.OutcomeAdjudicated:
				return "adjudicated"
			case c.OutcomeInput() == "":
				return ""
			}
			return "read"
		}),
		textCol("outcome_confidence", func(c *cohort.Course) string { return matchStatus(c.OutcomeInput(), c.Outcome.Confidence.String()) }),
		textCol("outcome_proposed", func(c *cohort.Course) string {
			if c.Outcome.Confidence == vocab.ConfidenceLow && !c.OutcomeAdjudicated {
				return c.Outcome.Proposed.String()
			}
			return ""
		}),
		textCol("outcome_rule", func(c *cohort.Course) string {
			if c.Outcome.Evidence.Rule != "" {
				return c.Outcome.Evidence.Rule
			}
			return c.Outcome.Rule
		}),
		textCol("outcome_cue", func(c *cohort.Course) string { return c.Outcome.Evidence.Cue }),
		textCol("outcome_evidence", func(c *cohort.Course) string { return c.Outcome.Evidence.Phrase }),
		textCol("outcome_span", func(c *cohort.Course) string {
			if e := c.Outcome.Evidence; e.End > e.Start {
				return strconv.Itoa(e.Start) + "-" + strconv.Itoa(e.End)
			}
			return ""
		}),
		textCol("outcome_phrase", func(c *cohort.Course) string { return c.Outcome.Phrase }),
		textCol("site_outcomes", func(c *cohort.Course) string {
			var s []string
			for _, so := range c.Outcome.Sites {
				s = append(s, so.Site+": "+so.Category.String())
			}
			return strings.Join(s, "; ")
		}),
		textCol("concomitant", field(data.FieldConcomitant)),
		textCol("labs", labsJSON),
		textCol("notes", field(data.FieldNotes)),
	}
}

// labJSON is how one lab value appears in the labs column.
type labJSON struct {
	Analyte  string   `json:"analyte"`
	Text     string   `json:"text"`
	Value    *float64 `json:"value"`
	Unit     string   `json:"unit"`
	ReadUnit string   `json:"read_unit"`
	Conv     *float64 `json:"conventional"`
	ConvUnit string   `json:"conventional_unit"`
	SI       *float64 `json:"si"`
	SIUnit   string   `json:"si_unit"`
	Flag     string   `json:"flag"`
	Status   string   `json:"status"`
}

func fptr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func labsJSON(c *cohort.Course) string {
	if len(c.Labs) == 0 {
		return ""
	}
	out := make([]labJSON, len(c.Labs))
	for i, l := range c.Labs {
		out[i] = labJSON{Analyte: l.Analyte.String(), Text: l.Text, Value: fptr(l.Value), Unit: l.Unit, ReadUnit: l.ReadUnit,
			Conv: fptr(l.Conv), ConvUnit: l.ConvUnit, SI: fptr(l.SI), SIUnit: l.SIUnit, Flag: string(l.Flag), Status: l.Status.String()}
	}
	b, _ := json.Marshal(out)
	return string(b)
}

// extraJSON renders a record's extra columns as a JSON object, keys in file
// order, so no input cell is lost from the normalised table.
func extraJSON(m *data.Mapping, r *data.Record) string {
	if len(r.Extra) == 0 || m == nil {
		return ""
	}
	return jsonout.Ordered(m.ExtraHeaders(), r.Extra)
}

// formatFloat writes a number in the shortest form that round-trips; NaN
// is an empty cell.
func formatFloat(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// casesHeader is the header of normalised/cases.csv and .parquet: the
// course columns and "extra".
func casesHeader() []string {
	header := make([]string, 0, len(courseColumns)+1)
	for _, c := range courseColumns {
		header = append(header, c.name)
	}
	return append(header, "extra")
}

// WriteCasesCSV writes normalised/cases.csv: one row per course, in the
// columns of courseColumns, and the unmapped cells of its row as JSON
// (extra); maps are the tables' mappings by file.
func WriteCasesCSV(w io.Writer, courses []*cohort.Course, maps map[string]*data.Mapping) error {
	cw := NewCasesWriter(w, nil, func(f string) *data.Mapping { return maps[f] })
	if err := cw.Write(courses); err != nil {
		return err
	}
	return cw.Close()
}

// WriteCasesParquet writes normalised/cases.parquet, the columns of
// WriteCasesCSV with numbers as doubles, and closes the Parquet writer.
func WriteCasesParquet(w io.Writer, courses []*cohort.Course, maps map[string]*data.Mapping) error {
	cw := NewCasesWriter(nil, w, func(f string) *data.Mapping { return maps[f] })
	if err := cw.Write(courses); err != nil {
		return err
	}
	return cw.Close()
}

// CasesWriter writes normalised/cases.csv and cases.parquet course by course, so
// that a streaming run writes them as it goes (the Parquet file in row groups).
type CasesWriter struct {
	mapping func(file string) *data.Mapping
	csv     *csvout.Writer
	pq      *parquetio.Writer
	row     []string
	prow    parquetio.Row
	err     error
}

// NewCasesWriter returns a writer of cases.csv to csvW and of cases.parquet to pqW
// (either may be nil); mapping returns a table's mapping by file.
func NewCasesWriter(csvW, pqW io.Writer, mapping func(file string) *data.Mapping) *CasesWriter {
	header := casesHeader()
	cw := &CasesWriter{mapping: mapping, row: make([]string, len(header))}
	if csvW != nil {
		cw.csv = csvout.NewWriter(csvW)
		cw.csv.Write(header)
	}
	if pqW != nil {
		pcols := make([]parquetio.Column, len(header))
		for i, c := range courseColumns {
			pcols[i] = parquetio.Column{Name: c.name, Type: c.typ, Plain: freeText(c.name)}
		}
		pcols[len(pcols)-1] = parquetio.Column{Name: "extra", Type: parquetio.String, Plain: true}
		cw.pq, cw.err = parquetio.NewWriter(pqW, pcols)
		cw.prow = parquetio.Row{Strings: make([]string, len(header)), Floats: make([]float64, len(header))}
	}
	return cw
}

// Write writes a row per course. Each column's value is got once and
// given to both files.
func (cw *CasesWriter) Write(courses []*cohort.Course) error {
	if cw.err != nil {
		return cw.err
	}
	row, last := cw.row, len(cw.row)-1
	strs, floats := cw.prow.Strings, cw.prow.Floats
	if strs == nil { // no Parquet file: the values still have a place
		strs, floats = make([]string, len(row)), make([]float64, len(row))
		cw.prow = parquetio.Row{Strings: strs, Floats: floats}
	}
	for _, c := range courses {
		for i, col := range courseColumns {
			if col.typ == parquetio.String {
				strs[i] = col.str(c)
			} else {
				floats[i] = col.num(c)
			}
		}
		strs[last] = extraJSON(cw.mapping(c.Rec.File), c.Rec)
		if cw.csv != nil {
			for i, col := range courseColumns {
				switch {
				case col.typ == parquetio.String:
					row[i] = strs[i]
				case col.display != nil:
					row[i] = col.display(floats[i])
				default:
					row[i] = formatFloat(floats[i])
				}
			}
			row[last] = strs[last]
			cw.csv.Write(row)
		}
		if cw.pq != nil {
			if err := cw.pq.Write(cw.prow); err != nil {
				cw.err = err
				return err
			}
		}
	}
	return nil
}

// Close flushes the CSV and closes the Parquet writer.
func (cw *CasesWriter) Close() error {
	if cw.err != nil {
		return cw.err
	}
	if cw.csv != nil {
		cw.csv.Flush()
		if err := cw.csv.Error(); err != nil {
			return err
		}
	}
	if cw.pq != nil {
		return cw.pq.Close()
	}
	return nil
}

// WriteVocabReport writes vocabulary_report.csv: a line per term, then
// a line per field and status whose terms past VocabCap are not listed,
// with status "not-listed (STATUS)", no term and the count of their rows.
func WriteVocabReport(w *bufio.Writer, entries []VocabEntry, unlisted []VocabUnlisted) error {
	cw := csvout.NewWriter(w)
	cw.Write([]string{"term", "field", "status", "matched", "count", "example_rows"})
	for _, e := range entries {
		cw.Write([]string{e.Term, e.Field, e.Status, e.Matched, strconv.Itoa(e.Count), strings.Join(e.Rows, " ")})
	}
	for _, u := range unlisted {
		cw.Write([]string{"", u.Field, "not-listed (" + u.Status + ")", "", strconv.Itoa(u.Rows), ""})
	}
	cw.Flush()
	return cw.Error()
}
