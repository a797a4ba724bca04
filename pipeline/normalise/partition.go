package normalise

import (
	"bufio"
	"context"
	"io"
	"strconv"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/parquetio"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
	"github.com/tresp/tresp/pipeline/ingest"
)

// normalisedHeader are the columns of a normalised partition (tresp normalise): one
// row per course, with the canonical names and the outcome category a GROUP BY needs.
var normalisedHeader = []string{"study", "case_id", "drug", "drug_class", "disease", "disease_group", "outcome", "outcome_confidence", "file", "line"}

// PartitionStats counts what Partition wrote.
type PartitionStats struct {
	Account ingest.FileAccount
	Courses int
}

// Partition is the map step of the distributed path (docs/scale.md): it streams
// one input (a partition of a larger table) through ingest and normalisation and writes
// one Parquet row per course to out, keeping nothing else, so memory is bounded by the
// record batch and the parse caches. vocabFiles extend the embedded vocabulary as in
// tresp run. The same input and vocabulary give the same bytes.
func Partition(ctx context.Context, in ingest.Input, vocabFiles []string, out io.Writer) (PartitionStats, error) {
	var st PartitionStats
	voc, err := LoadVocabulary(vocabFiles)
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
	n.streaming = true // each record's courses are written before the next is read
	row := parquetio.Row{Strings: make([]string, len(cols))}
	acct, _, err := ingest.ReadInput(in, ingest.ReadOptions{Context: ctx}, func(m *data.Mapping, rec *data.Record, cells []string, p []data.Problem) error {
		if ingest.HasError(p) || m.Kind != data.CaseTable {
			return nil
		}
		n.maps[m.File] = m
		for _, c := range n.cases(rec, nil) {
			s := row.Strings
			s[0], s[1], s[2], s[3] = c.Study, c.CaseID, c.DrugName(), c.Drug.Class
			s[4], s[5] = cohort.DiseaseLabel(c), cohort.DiseaseGroupLabel(c)
			if s[4] == cohort.NotReported {
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
		n.probs.Reset()
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
func outcomeLabel(c *cohort.Course) string {
	if c.Unclassified() {
		return vocab.Unclassified.String()
	}
	cat := c.Category()
	if c.Outcome.NotAttributable {
		cat = vocab.NotEvaluable
	}
	return cat.String()
}
