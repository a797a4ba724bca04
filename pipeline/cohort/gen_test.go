package cohort

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
)

// genDrug is a drug of the generated cohorts.
type genDrug struct{ raw, canonical, class string }

var genDrugs = []genDrug{
	{"Prednisolone", "prednisolone", "corticosteroid"},
	{"Methylprednisolone", "methylprednisolone", "corticosteroid"},
	{"Rituximab", "rituximab", "anti-CD20"},
	{"Cyclophosphamide", "cyclophosphamide", "alkylating agent"},
	{"IVIG", "immunoglobulin", ""},
	{"Foo-X", "", ""}, // unknown: named as written
}

var genDiseases = []vocab.Match{
	{Term: "DM", Canonical: "dermatomyositis", Class: "myositis"},
	{Term: "PM", Canonical: "polymyositis", Class: "myositis"},
	{Term: "SSc", Canonical: "systemic sclerosis"},
	{Term: "odd thing", Canonical: ""},
	{Term: ""},
}

// genCohort returns a random cohort of patients in normalise's order (by
// study, case, drug), with outcomes not attributable to patients,
// adjudicated, unclassified and empty outcomes, deaths, late times to
// response, and study-level rows by drug (one or two per drug: some
// reconcile with the patients, some do not) and for all drugs.
func genCohort(seed uint64, patients int) *Cohort {
	n := &Cohort{}
	studies := genPatients(seed, patients, func(cs []*Course) { n.Courses = append(n.Courses, cs...) })
	sort.SliceStable(n.Courses, func(i, j int) bool {
		a, b := n.Courses[i], n.Courses[j]
		if a.Study != b.Study {
			return a.Study < b.Study
		}
		if a.CaseID != b.CaseID {
			return a.CaseID < b.CaseID
		}
		return a.DrugName() < b.DrugName()
	})
	n.Studies = genStudyRows(rand.New(rand.NewPCG(seed, 99)), studies)
	return n
}

// genPatients calls fn with the courses of each of patients random
// patients (sorted by drug; patients in random order, a case possibly
// twice) and returns the study names.
func genPatients(seed uint64, patients int, fn func([]*Course)) []string {
	r := rand.New(rand.NewPCG(seed, seed*7+1))
	nStudies := 2 + r.IntN(5)
	studies := make([]string, nStudies)
	for i := range studies {
		studies[i] = fmt.Sprintf("Author%d A, Other B. A title. %d", i%4, 2001+i%3)
	}
	dur := func(p float64, max int) *units.Duration {
		if r.Float64() < p {
			return &units.Duration{Days: math.NaN(), Text: ""}
		}
		return &units.Duration{Days: float64(r.IntN(max)), Text: []string{"", "ongoing", "3 months"}[r.IntN(3)]}
	}
	for p := 0; p < patients; p++ {
		si := r.IntN(nStudies)
		study := studies[si]
		cas := fmt.Sprintf("Case %d", r.IntN(patients*2))
		if r.IntN(5) == 0 {
			cas = fmt.Sprintf("P%c", 'a'+r.IntN(26))
		}
		age := &units.Age{Years: math.NaN()}
		if r.IntN(4) > 0 {
			age.Years = float64(20 + r.IntN(50))
		}
		dd := dur(0.5, 400)
		sex := units.Sex([]string{"", "F", "M"}[r.IntN(3)])
		dis := genDiseases[r.IntN(len(genDiseases))]
		var subtypes []vocab.Match
		if r.IntN(3) == 0 {
			subtypes = []vocab.Match{{Canonical: []string{"juvenile", "adult"}[r.IntN(2)], Class: "type"}}
		}
		k := 1 + r.IntN(3)
		idx := r.Perm(len(genDrugs))[:k]
		var cs []*Course
		for _, di := range idx {
			for dup := 0; dup < 1+boolInt(r.IntN(8) == 0); dup++ {
				cs = append(cs, genCourse(r, study, cas, genDrugs[di], si, dur))
			}
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].DrugName() < cs[j].DrugName() })
		var reg []string
		for _, c := range cs {
			if len(reg) == 0 || reg[len(reg)-1] != c.DrugName() {
				reg = append(reg, c.DrugName())
			}
		}
		for _, c := range cs {
			c.Age, c.Sex, c.Disease, c.Subtypes, c.DiseaseDu, c.Regimen = age, sex, &dis, subtypes, dd, reg
		}
		fn(cs)
	}
	return studies
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// genCourse returns one course; studies of odd index report outcomes not
// attributable to patients more often.
func genCourse(r *rand.Rand, study, cas string, d genDrug, si int, dur func(float64, int) *units.Duration) *Course {
	c := &Course{Study: study, CaseID: cas, Drug: &vocab.Match{Term: d.raw, Canonical: d.canonical, Class: d.class}, DrugRaw: d.raw,
		Size: &units.Size{}, CondDu: dur(1, 1), TreatDu: dur(0.4, 200), FollowUp: dur(0.3, 700), TimeToRsp: dur(0.5, 300),
		Route: "oral"}
	c.Dose = &units.Dose{Max: math.NaN(), Start: math.NaN()}
	switch r.IntN(5) {
	case 0, 1:
		c.Dose = &units.Dose{Unit: "mg/day", Max: float64(5 + r.IntN(80)), Start: math.NaN()}
	case 2:
		c.Dose = &units.Dose{Unit: "mg/kg/day", Max: float64(1 + r.IntN(3)), Start: 1}
	case 3:
		c.Dose = &units.Dose{Unit: "g/m2", Max: 1, Start: math.NaN()}
	}
	cat := vocab.Category(r.IntN(int(vocab.Complete) + 1))
	c.Outcome = &vocab.OutcomeMatch{Category: cat}
	c.OutcomeText = cat.String()
	switch r.IntN(12) {
	case 0:
		c.OutcomeText = "" // not reported: not evaluable
		c.Outcome.Category = vocab.Unclassified
	case 1:
		c.Outcome.Phrases = []vocab.PhraseMatch{{Phrase: "died", Matched: "died", Category: vocab.NotEvaluable}}
		c.Outcome.Category, c.OutcomeText = vocab.NotEvaluable, "died"
	}
	if r.IntN(6) == 0 || si%2 == 1 && r.IntN(3) == 0 {
		c.Outcome.NotAttributable, c.Outcome.Category = true, vocab.Unclassified
		c.OutcomeText = "3 of 5 patients improved"
	}
	if r.IntN(10) == 0 {
		c.OutcomeAdjudicated, c.Decided = true, vocab.Category(1+r.IntN(int(vocab.Complete)))
	}
	return c
}

// genStudyRows returns study-level rows: per study, maybe rows for some
// drugs (large counts that reconcile, small ones that do not, two rows
// split by disease), maybe an "all" row, and a study without patients.
func genStudyRows(r *rand.Rand, studies []string) []*StudyCount {
	var out []*StudyCount
	row := func(study string, d genDrug, all bool, treated int) *StudyCount {
		resp := r.IntN(treated + 1)
		ne := r.IntN(treated - resp + 1)
		s := &StudyCount{Study: study, Drug: vocab.Match{Term: d.raw, Canonical: d.canonical, Class: d.class}, DrugRaw: d.raw, All: all,
			Disease: genDiseases[r.IntN(len(genDiseases))], Treated: treated, Responders: resp, NotEvaluable: ne}
		if r.IntN(2) == 0 {
			s.ByCategory = map[vocab.Category]int{vocab.Complete: resp / 2, vocab.Partial: resp - resp/2, vocab.None: treated - resp - ne}
		}
		if r.IntN(4) == 0 {
			s.Unclassified = 1
		}
		return s
	}
	for _, study := range append(studies, "Zed Z. Only aggregate. 2020") {
		for _, d := range genDrugs {
			switch r.IntN(6) {
			case 0:
				out = append(out, row(study, d, false, 200+r.IntN(50)))
			case 1:
				out = append(out, row(study, d, false, 1+r.IntN(3)))
			case 2:
				out = append(out, row(study, d, false, 100), row(study, d, false, 120))
			}
		}
		switch r.IntN(4) {
		case 0:
			out = append(out, row(study, genDrug{raw: "all"}, true, 500))
		case 1:
			out = append(out, row(study, genDrug{raw: "all"}, true, 2))
		case 2:
			out = append(out, row(study, genDrug{raw: "all"}, true, 300), row(study, genDrug{raw: "all"}, true, 300))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Study != out[j].Study {
			return out[i].Study < out[j].Study
		}
		return out[i].DrugName() < out[j].DrugName()
	})
	return out
}
