package normalise

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/tresp/tresp/data"
	"github.com/tresp/tresp/data/units"
	"github.com/tresp/tresp/data/vocab"
	"github.com/tresp/tresp/pipeline/cohort"
)

// cases expands one case row into its courses.
//
// A treatment cell gives one course per drug or procedure it names; a named regimen
// ("R-CHOP", "HLH-2004") gives one course per component drug, with the regimen in
// Protocol, and a component also written out ("HLH-2004 (etoposide + dex + CsA)") is one
// course. Text after a drug that holds no number ("tocilizumab sc", "posaconazole
// salvage") is not a dose: a route word in it is the route. The Dose column applies to
// the only course of the row; with several, to the drugs it names ("MMF 1 g bd; pred 40
// mg/d"), or, when it names none, to no course, with a dose-unattributed warning (unless
// all courses are one regimen's components, which share its schedule).
func (n *normaliser) cases(r *data.Record, extraLabs []data.Lab) []*cohort.Course {
	n.scratchN = 0 // streaming: the previous record's courses are done with
	base := cohort.Course{Rec: r, Study: r.Get(data.FieldStudy), CaseID: r.Get(data.FieldCaseID)}
	src := n.patient(r, &base, extraLabs)
	var out []*cohort.Course
	defer func() { n.readOutcome(r, &base, src, out) }() // every return: the outcome needs the courses' treatments
	drugField := data.FieldDrug
	if r.Get(data.FieldDrug) == "" {
		drugField = data.FieldTreatment
	}
	add := func(name, dose, route, protocol string) {
		c := n.newCourse()
		*c = base
		c.DrugRaw = strings.TrimSpace(name)
		c.Protocol = protocol
		hints := []string{dose, r.Get(data.FieldDisease), r.Get(data.FieldFrequency)}
		c.Drug, c.DrugAdjudicated = n.termDecision(r, c.CaseID, drugField, fieldDrug, n.voc.Drug(c.DrugRaw, route, hints...),
			func(t string) *vocab.Match { return n.voc.Drug(t, route, hints...) })
		c.DoseText = strings.TrimSpace(dose)
		c.Route = route
		out = append(out, c)
	}
	route := r.Get(data.FieldRoute)
	doseCell := strings.TrimSpace(r.Get(data.FieldDose))
	treatment := r.Get(data.FieldTreatment)
	if drug := r.Get(data.FieldDrug); drug != "" {
		if !n.drugCellAsTreatment(r, base.CaseID, drug, route) {
			add(drug, doseCell, route, "")
			n.finishDoses(r, &base, out)
			return out
		}
		treatment = drug // "tacrolimus 0.1% ointment": read as a treatment cell
	}
	var prior []string
	for _, seg := range units.SplitTreatment(treatment) {
		// Dotted abbreviations ("t.i.d.", "b.i.d.", "p.o.") are hidden from
		// the drug scan, so their letters ("i.d") never make a phantom
		// procedure; offsets stay those of seg.
		ms := n.voc.ScanDrugs(maskDotted(seg), r.Get(data.FieldDisease))
		if len(ms) == 0 {
			name, dose := splitNameDose(seg)
			add(name, dose, route, "")
			continue
		}
		for i, m := range ms {
			if m.Kind == "exclusion" {
				continue // "serum calcium", "vitamin D deficiency": not a treatment
			}
			if m.Prior {
				name := m.Canonical
				if name == "" {
					name = strings.ToLower(m.Term)
				}
				if !contains(prior, name) {
					prior = append(prior, name)
				}
				continue
			}
			end := len(seg)
			if i+1 < len(ms) {
				end = ms[i+1].Start
			}
			dose := trimConnectors(seg[m.End:end])
			rt := route
			if rt == "" {
				rt = m.Route
			}
			if dose != "" && !strings.ContainsAny(dose, "0123456789") {
				// "sc", "salvage", ")": no amount, so not a dose; a route word is the route
				if d := n.units.Dose(dose); rt == "" && d.Route != units.RouteUnknown {
					rt = string(d.Route)
				}
				dose = ""
			}
			if len(m.Components) > 0 {
				for _, comp := range m.Components {
					add(comp, dose, rt, m.Canonical)
				}
				continue
			}
			add(seg[m.Start:m.End], dose, rt, "")
		}
	}
	out = mergeComponents(out)
	for _, c := range out {
		c.PriorTreatments = prior
	}
	n.attributeDoseColumn(r, out, doseCell)
	n.finishDoses(r, &base, out)
	return out
}

// drugCellAsTreatment reports whether a Drug cell that the vocabulary does not know as a
// whole names known drugs among other text: a strength, form, dose or schedule
// ("tacrolimus 0.1% ointment", "MTX 15 mg weekly"). Such a cell is read as a Treatment cell
// is: the drug named, the text after it its dose. A cell naming several drugs, and a cell a
// decision settles as a whole, stay one term.
func (n *normaliser) drugCellAsTreatment(r *data.Record, caseID, cell, route string) bool {
	if n.dec != nil && n.dec.byKey[keyOf(r, caseID, fieldDrug, cell)] != nil {
		return false // looked up without decide, which would record the whole cell as present
	}
	if n.voc.Drug(cell, route).Status != vocab.StatusUnknown {
		return false
	}
	named := 0
	for _, m := range n.voc.ScanDrugs(maskDotted(cell)) {
		if m.Kind != "exclusion" {
			named++ // a prior one too: "switched from CsA to dupilumab" names two
			if m.Canonical == "" || len(m.Components) > 0 {
				return false
			}
		}
	}
	// one drug with its strength, form or dose; a cell naming several ("MTX 15 mg + folic
	// acid", "switched from CsA to dupilumab", "anti-TNF (infliximab)") stays one term for a
	// person to settle in review.csv, not courses the sheet may not mean
	return named == 1
}

// mergeComponents keeps one course per drug of a row: a regimen's component that is also
// written out ("HLH-2004 (etoposide + dex + CsA)") is the written course, with the
// regimen as its protocol.
func mergeComponents(out []*cohort.Course) []*cohort.Course {
	if len(out) < 2 {
		return out
	}
	keep := out[:0:0]
	seen := map[string]*cohort.Course{}
	for _, c := range out {
		k := c.DrugName()
		prev := seen[k]
		if prev == nil || c.Drug.Canonical == "" {
			seen[k] = c
			keep = append(keep, c)
			continue
		}
		if prev.Protocol != "" && c.Protocol == "" {
			c.Protocol = prev.Protocol
			*prev = *c // the written mention replaces the component, in the component's place
		} else if prev.Protocol == "" && c.Protocol != "" {
			prev.Protocol = c.Protocol
		}
		if prev.DoseText == "" {
			prev.DoseText = c.DoseText
		}
	}
	return keep
}

// attributeDoseColumn gives the Dose column to the courses of a treatment cell: to the
// only course; with several, to the drugs the cell names; else to none, with a warning.
func (n *normaliser) attributeDoseColumn(r *data.Record, out []*cohort.Course, cell string) {
	if cell == "" || len(out) == 0 {
		return
	}
	if len(out) == 1 {
		if out[0].DoseText == "" {
			out[0].DoseText = cell
		}
		return
	}
	ms := n.voc.ScanDrugs(maskDotted(cell))
	var named []vocab.Mention
	for _, m := range ms {
		if m.Kind != "exclusion" && m.Canonical != "" {
			named = append(named, m)
		}
	}
	if len(named) == 0 {
		protocol := out[0].Protocol
		for _, c := range out {
			if c.Protocol == "" || c.Protocol != protocol {
				protocol = ""
			}
		}
		if protocol != "" { // "R-CHOP" with "x 6 cycles": the regimen's schedule
			for _, c := range out {
				if c.DoseText == "" {
					c.DoseText = cell
				}
			}
			return
		}
		names := make([]string, len(out))
		for i, c := range out {
			names[i] = c.DrugName()
		}
		n.warn(r, data.FieldDose, cell, "dose-unattributed",
			fmt.Sprintf("the dose names no drug and the row has %d treatments (%s): not attributed to any of them", len(out), strings.Join(names, ", ")),
			"write the drug before each dose (\"MMF 1 g bd; pred 40 mg/d\"), or give each treatment its own row")
		return
	}
	for i, m := range named {
		end := len(cell)
		if i+1 < len(named) {
			end = named[i+1].Start
		}
		piece := trimConnectors(cell[m.End:end])
		var to *cohort.Course
		for _, c := range out {
			if c.Drug.Canonical == m.Canonical && c.DoseText == "" {
				to = c
				break
			}
		}
		if to == nil {
			n.warn(r, data.FieldDose, cell, "dose-unattributed",
				fmt.Sprintf("the dose of %q names a drug that is not a treatment of the row (or already has a dose): not attributed", m.Term),
				"check the treatment and dose cells of the row")
			continue
		}
		to.DoseText = piece
	}
}

// finishDoses parses every course's dose text (with the frequency column), with the row's
// weight, body surface area and treatment duration, and fills the route.
func (n *normaliser) finishDoses(r *data.Record, base *cohort.Course, out []*cohort.Course) {
	opt := units.DoseOptions{WeightKg: weightKg(r.Get(data.FieldWeight)), BSA: bsaM2(r.Get(data.FieldBSA), r.Get(data.FieldHeight), r.Get(data.FieldWeight))}
	if d := base.TreatDu.Days; d > 0 && !math.IsInf(d, 0) {
		opt.CourseDays = d
	}
	for _, c := range out {
		if freq := r.Get(data.FieldFrequency); freq != "" {
			c.DoseText = strings.TrimSpace(c.DoseText + " " + freq)
		}
		if c.DoseText != "" {
			c.Dose = n.units.SharedDoseWith(c.DoseText, opt)
			n.notes(r, data.FieldDose, c.DoseText, c.Dose.Notes)
		} else {
			c.Dose = n.units.SharedDoseWith("", units.DoseOptions{})
		}
		if c.Route == "" {
			c.Route = c.Drug.Route
		}
		if c.Route == "" && c.Dose.Route != units.RouteUnknown {
			c.Route = string(c.Dose.Route)
			n.repickDrugCode(r, c)
		}
		if note, ok := units.CheckDrugDose(c.Drug.Canonical, c.Drug.Code, c.Route, *c.Dose); ok {
			n.notes(r, data.FieldDose, c.DoseText, []units.Note{note})
		}
	}
}

// repickDrugCode chooses the drug code again once the dose text has given the route: a
// code chosen by default, with no route ("tacrolimus" L04AD02), gives way to the code of
// that route ("tacrolimus 0.1% ointment": D11AH01). A decided drug keeps its decision.
func (n *normaliser) repickDrugCode(r *data.Record, c *cohort.Course) {
	if c.DrugAdjudicated || c.Drug == nil || c.Drug.Canonical == "" || c.Drug.Basis != "default" {
		return
	}
	m := n.voc.Drug(c.DrugRaw, c.Route, c.DoseText, r.Get(data.FieldDisease), r.Get(data.FieldFrequency))
	if m.Canonical == c.Drug.Canonical && m.Basis != "none" && m.Code != c.Drug.Code {
		c.Drug = m
	}
}

// readOutcome reads the row's outcome text once, knowing the row's treatments (so that a
// statement naming another treatment is history), and gives the reading to every course
// of the row.
func (n *normaliser) readOutcome(r *data.Record, base *cohort.Course, text string, out []*cohort.Course) {
	var buf [4]string
	treatments := buf[:0]
	for _, c := range out {
		treatments = append(treatments, c.DrugRaw)
		if c.Drug.Canonical != "" {
			treatments = append(treatments, c.Drug.Canonical)
		}
	}
	first := base
	if len(out) > 0 {
		first = out[0]
	}
	// a count of doses or a single dose in the row's cells ("IVIG 2 g/kg x1", "3 pulses")
	// says the course ended soon after it began (rule 3)
	finite := n.voc.FiniteCourse(r.Get(data.FieldTreatment), r.Get(data.FieldDrug), r.Get(data.FieldDose), r.Get(data.FieldFrequency))
	first.Outcome = n.voc.OutcomeFor(text, treatments, finite)
	if vocab.BareAnswer(text) {
		// "Yes", "N" in a column headed "Response (Y/N)": the header is the question
		if h := n.header(r, data.FieldOutcome); h != data.FieldOutcome.String() {
			first.Outcome = n.voc.OutcomeUnder(h, strings.TrimSpace(text))
		}
	}
	n.outcome(r, first, strings.TrimSpace(text))
	for _, c := range out[min(1, len(out)):] {
		c.Outcome, c.OutcomeAdjudicated, c.Decided = first.Outcome, first.OutcomeAdjudicated, first.Decided
	}
}

// maskDotted returns s with every dotted abbreviation of two or more
// single letters ("t.i.d.", "b.i.d", "q.d.", "p.o.", "i.v.") replaced by as
// many spaces, so a scan of the result gives offsets valid in s.
func maskDotted(s string) string {
	isLetter := func(i int) bool {
		return i >= 0 && i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z')
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if !isLetter(i) || isLetter(i-1) || (i > 0 && s[i-1] == '.') {
			continue
		}
		j, n := i, 0
		for isLetter(j) && !isLetter(j+1) && j+1 < len(s) && s[j+1] == '.' {
			j += 2
			n++
		}
		if n >= 1 && isLetter(j) && !isLetter(j+1) {
			j++ // "b.i.d" without its final dot
			n++
		}
		if n < 2 {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for k := i; k < j; k++ {
			b[k] = ' '
		}
		i = j - 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

// splitNameDose splits an unrecognised treatment phrase at its first digit:
// "Zorbazumab 5 mg daily" is drug "Zorbazumab", dose "5 mg daily", so the
// same unknown drug at two doses stays one group.
func splitNameDose(seg string) (name, dose string) {
	i := strings.IndexAny(seg, "0123456789")
	if i <= 0 {
		return strings.TrimSpace(seg), ""
	}
	return strings.TrimSpace(seg[:i]), strings.TrimSpace(seg[i:])
}

// trimConnectors removes punctuation and joining words around the dose
// text between two drug mentions ("diltiazem and risedronate" leaves no
// dose "and").
func trimConnectors(s string) string {
	words := []string{"and", "with", "plus", "or", "then", "after", "following", "failed", "prior", "previously"}
	for {
		t := strings.Trim(s, " ,;:-+/&")
		for _, w := range words {
			low := strings.ToLower(t)
			if low == w {
				return ""
			}
			if strings.HasSuffix(low, " "+w) {
				t = t[:len(t)-len(w)-1]
			} else if strings.HasPrefix(low, w+" ") {
				t = t[len(w)+1:]
			}
		}
		if t == s {
			return t
		}
		s = t
	}
}

// setRegimens records, for every course, the canonical drugs of its patient.
// Courses with the same regimen share one slice (most patients of a large
// table have one of a few hundred regimens).
func setRegimens(cs []*cohort.Course) {
	by := map[[2]string]map[string]bool{}
	for _, c := range cs {
		k := [2]string{c.Study, c.CaseID}
		if by[k] == nil {
			by[k] = map[string]bool{}
		}
		by[k][c.DrugName()] = true
	}
	shared := map[string][]string{}
	var reg []string
	for _, c := range cs {
		set := by[[2]string{c.Study, c.CaseID}]
		reg = reg[:0]
		for d := range set {
			reg = append(reg, d)
		}
		sort.Strings(reg)
		k := strings.Join(reg, "\x00")
		if shared[k] == nil {
			shared[k] = slices.Clone(reg)
		}
		c.Regimen = shared[k]
	}
}

func (n *normaliser) study(r *data.Record) *cohort.StudyCount {
	v := r.Get
	s := &cohort.StudyCount{Rec: r, Study: v(data.FieldStudy), DrugRaw: v(data.FieldDrug), Definition: v(data.FieldResponseDefinition)}
	if strings.EqualFold(strings.TrimSpace(s.DrugRaw), "all") {
		s.All = true
	} else {
		m, adj := n.termDecision(r, "", data.FieldDrug, fieldDrug, n.voc.Drug(s.DrugRaw, ""),
			func(t string) *vocab.Match { return n.voc.Drug(t, "") })
		s.Drug, s.DrugAdjudicated = *m, adj
	}
	if strings.EqualFold(strings.TrimSpace(v(data.FieldDisease)), cohort.NotReported) {
		s.Disease = vocab.Match{Term: cohort.NotReported} // patients without a disease (--emit-counts): no term to look up
	} else if v(data.FieldDisease) != "" {
		m, adj := n.termDecision(r, "", data.FieldDisease, fieldDisease, n.voc.Disease(v(data.FieldDisease)), n.voc.Disease)
		s.Disease, s.DiseaseAdjudicated = *m, adj
	}
	atoi := func(f data.Field) (int, bool) {
		if v(f) == "" {
			return 0, false
		}
		x, _ := data.ParseCount(v(f)) // checked at ingest (checkStudyRow)
		return x, true
	}
	s.Treated, _ = atoi(data.FieldTreated)
	s.Responders, _ = atoi(data.FieldResponders)
	s.NotEvaluable, _ = atoi(data.FieldNotEvaluable)
	s.Unclassified, _ = atoi(data.FieldUnclassified)
	for f, cat := range map[data.Field]vocab.Category{data.FieldComplete: vocab.Complete, data.FieldPartial: vocab.Partial,
		data.FieldMinimal: vocab.Minimal, data.FieldNone: vocab.None, data.FieldProgression: vocab.Progression} {
		if x, ok := atoi(f); ok {
			if s.ByCategory == nil {
				s.ByCategory = map[vocab.Category]int{}
			}
			s.ByCategory[cat] = x
		}
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// groupUnknownDiseases gives every spelling of one unknown disease the same display form:
// terms equal after folding case, accents, punctuation and spacing ("Foo-Bar disease",
// "foo bar  Disease") are shown as their most frequent spelling (the first met on a tie),
// so one disease is one row in every table.
func groupUnknownDiseases(cs []*cohort.Course) {
	type tally struct {
		count map[string]int
		order []string
	}
	by := map[string]*tally{}
	for _, c := range cs {
		t := strings.TrimSpace(c.Disease.Term)
		if c.Disease.Canonical != "" || t == "" {
			continue
		}
		k := vocab.Normalize(t)
		g := by[k]
		if g == nil {
			g = &tally{count: map[string]int{}}
			by[k] = g
		}
		if g.count[t] == 0 {
			g.order = append(g.order, t)
		}
		g.count[t]++
	}
	// A course's disease reading is shared (cohort.Course): the display form
	// goes into a copy, one per distinct reading.
	shown := map[*vocab.Match]*vocab.Match{}
	for _, c := range cs {
		t := strings.TrimSpace(c.Disease.Term)
		if c.Disease.Canonical != "" || t == "" {
			continue
		}
		if m, ok := shown[c.Disease]; ok {
			c.Disease = m
			continue
		}
		g := by[vocab.Normalize(t)]
		best := g.order[0]
		for _, s := range g.order[1:] {
			if g.count[s] > g.count[best] {
				best = s
			}
		}
		m := c.Disease
		if m.Term != best {
			cp := *m
			cp.Term = best
			m = &cp
		}
		shown[c.Disease], c.Disease = m, m
	}
}
