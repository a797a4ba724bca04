package pipeline

import (
	"bufio"
	"context"
	"io"
	"sort"
	"strconv"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/internal/csvout"
)

// CountRow is one row of counts/counts.csv (tresp run --emit-counts): the outcome
// counts of one study × drug × disease, in the columns of a study-level table, so that
// tresp run reads the file back as input. Drug "all" rows count every patient of the
// study and disease once, whatever their drugs (the by-disease and overall rates).
// Counts of different partitions of the same study add up, which makes them the
// mergeable intermediate of the distributed path (docs/scale.md).
type CountRow struct {
	Study, Drug, Disease                                string
	Treated, Responders, NotEvaluable                   int
	Complete, Partial, Minimal, NoResponse, Progression int
	Unclassified                                        int
}

// countHeader is the header of counts.csv: study-level field names (docs/schema.md)
// and, last, the unclassified patients, which no count of a rate includes.
var countHeader = []string{"study", "drug", "disease", "treated", "responders", "not_evaluable",
	"complete", "partial", "minimal", "no_response", "progression", "unclassified"}

// countRows sums the analysis units by study × drug × disease; patient units give the
// drug "all" rows.
func countRows(drugUnits, patientUnits []*unit) []CountRow {
	type key struct{ study, drug, disease string }
	acc := map[key]*CountRow{}
	add := func(k key, c Counts) {
		r := acc[k]
		if r == nil {
			r = &CountRow{Study: k.study, Drug: k.drug, Disease: k.disease}
			acc[k] = r
		}
		r.Treated += c.Treated
		r.Responders += c.Responders
		r.NotEvaluable += c.NotEvaluable
		r.Unclassified += c.Unclassified
		r.Complete += c.ByCategory[vocab.Complete]
		r.Partial += c.ByCategory[vocab.Partial]
		r.Minimal += c.ByCategory[vocab.Minimal]
		r.NoResponse += c.ByCategory[vocab.None]
		r.Progression += c.ByCategory[vocab.Progression]
	}
	disease := func(u *unit) string {
		if u.disease == notReported || u.disease == unspecified {
			return ""
		}
		return u.disease
	}
	for _, u := range drugUnits {
		add(key{u.study, u.drug, disease(u)}, u.counts)
	}
	for _, u := range patientUnits {
		add(key{u.study, "all", disease(u)}, u.counts)
	}
	out := make([]CountRow, 0, len(acc))
	for _, r := range acc {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		if a.Drug != b.Drug {
			return a.Drug < b.Drug
		}
		return a.Disease < b.Disease
	})
	return out
}

func (r CountRow) cells() []string {
	it := strconv.Itoa
	return []string{r.Study, r.Drug, r.Disease, it(r.Treated), it(r.Responders), it(r.NotEvaluable),
		it(r.Complete), it(r.Partial), it(r.Minimal), it(r.NoResponse), it(r.Progression), it(r.Unclassified)}
}

func writeCountsCSV(w io.Writer, rows []CountRow) error {
	cw := csvout.NewWriter(w)
	if err := cw.Write(countHeader); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.cells()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeCountsParquet(w io.Writer, rows []CountRow) error {
	cols := make([]parquetio.Column, len(countHeader))
	for i, h := range countHeader {
		cols[i] = parquetio.Column{Name: h, Type: parquetio.Int}
		if i < 3 {
			cols[i].Type = parquetio.String
		}
	}
	pw, err := parquetio.NewWriter(w, cols)
	if err != nil {
		return err
	}
	for _, r := range rows {
		cells := r.cells()
		row := parquetio.Row{Strings: make([]string, len(cols)), Ints: make([]int64, len(cols))}
		for i, c := range cells {
			if i < 3 {
				row.Strings[i] = c
			} else {
				row.Ints[i], _ = strconv.ParseInt(c, 10, 64)
			}
		}
		if err := pw.Write(row); err != nil {
			return err
		}
	}
	return pw.Close()
}

// normalisedHeader are the columns of a normalised partition (tresp normalise): one
// row per course, with the canonical names and the outcome category a GROUP BY needs.
var normalisedHeader = []string{"study", "case_id", "drug", "drug_class", "disease", "disease_group", "outcome", "outcome_confidence", "file", "line"}

// NormaliseStats counts what NormalisePartition wrote.
type NormaliseStats struct {
	Account FileAccount
	Courses int
}

// NormalisePartition is the map step of the distributed path (docs/scale.md): it streams
// one input (a partition of a larger table) through ingest and normalisation and writes
// one Parquet row per course to out, keeping nothing else, so memory is bounded by the
// record batch and the parse caches. vocabFiles extend the embedded vocabulary as in
// tresp run. The same input and vocabulary give the same bytes.
func NormalisePartition(ctx context.Context, in Input, vocabFiles []string, out io.Writer) (NormaliseStats, error) {
	var st NormaliseStats
	voc, err := loadVocabulary(vocabFiles)
	if err != nil {
		return st, err
	}
	cols := make([]parquetio.Column, len(normalisedHeader))
	for i, h := range normalisedHeader {
		cols[i] = parquetio.Column{Name: h, Type: parquetio.String}
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	pw, err := parquetio.NewWriter(bw, cols)
	if err != nil {
		return st, err
	}
	n := newNormaliser(voc, map[string]*data.Mapping{}, nil)
	row := parquetio.Row{Strings: make([]string, len(cols))}
	acct, _, err := ReadInput(in, ReadOptions{Context: ctx}, func(m *data.Mapping, rec *data.Record, cells []string, p []data.Problem) error {
		if hasError(p) || m.Kind != data.CaseTable {
			return nil
		}
		n.maps[m.File] = m
		for _, c := range n.cases(rec, nil) {
			s := row.Strings
			s[0], s[1], s[2], s[3] = c.Study, c.CaseID, c.DrugName(), c.Drug.Class
			s[4], s[5] = diseaseLabel(c), diseaseGroupLabel(c)
			if s[4] == notReported {
				s[4], s[5] = "", ""
			}
			s[6], s[7] = outcomeLabel(c), c.Outcome.Confidence.String()
			s[8], s[9] = rec.File, strconv.Itoa(rec.Line)
			if err := pw.Write(row); err != nil {
				return err
			}
			st.Courses++
		}
		// only counts leave the row: problems and review items are not kept
		n.probs.reset()
		if len(n.vocab) > 10000 {
			n.vocab = map[[2]string]*VocabEntry{}
		}
		if len(n.items) > 10000 {
			n.items = map[decisionKey]*ReviewItem{}
		}
		return nil
	})
	st.Account = acct
	if err != nil {
		return st, err
	}
	if err := pw.Close(); err != nil {
		return st, err
	}
	return st, bw.Flush()
}

// outcomeLabel is the category a course counts under: "unclassified" for an undecided
// unreadable text, "not evaluable" for a missing one.
func outcomeLabel(c *Course) string {
	if c.Unclassified() {
		return vocab.Unclassified.String()
	}
	cat := c.Category()
	if c.Outcome.NotAttributable {
		cat = vocab.NotEvaluable
	}
	return cat.String()
}
