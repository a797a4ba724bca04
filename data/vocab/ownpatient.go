package vocab

// severalPatients reports whether the text is about several patients (a marker target, in a
// clause about another treatment too) and not also about the row's own patient in a statement
// of its own; it returns the live targets to read, which are those of that statement when
// there is one ("Both underwent plasma exchange; our patient improved markedly").
func severalPatients(toks []token, ends []bool, targets, live []target) (bool, []target) {
	for _, t := range targets {
		if t.entry.marker {
			if own := ownPatientStatements(toks, ends, targets, live); len(own) > 0 {
				return false, own
			}
			return true, live
		}
	}
	return false, live
}

// ownPatientStatements returns the live targets of the statements (sentences, or clauses
// after a semicolon) that name the row's own patient ("our patient", "this patient", "in our
// case") and hold no marker of several patients, when a text otherwise reports several
// patients (rule 6: a sentence about several patients is not the row's outcome unless it names
// this patient).
func ownPatientStatements(toks []token, ends []bool, targets, live []target) []target {
	stmt := statements(toks, ends, nil) // sentences; a semicolon ends one too (sentenceEnds)
	marked := map[int]bool{}
	for _, t := range targets {
		if t.entry.marker {
			marked[stmt[t.i]] = true
		}
	}
	named := map[int]bool{}
	for k := 0; k+1 < len(toks); k++ {
		if ownPatientWords[toks[k].norm] && (toks[k+1].norm == "patient" || toks[k+1].norm == "case") && !toks[k+1].brk && !marked[stmt[k]] {
			named[stmt[k]] = true
		}
	}
	var own []target
	for _, t := range live {
		if named[stmt[t.i]] && !t.entry.marker {
			own = append(own, t)
		}
	}
	return own
}

// ownPatientWords, before "patient" or "case", name the row's own patient: "our patient",
// "this patient", "the present case", "the index patient".
var ownPatientWords = map[string]bool{"our": true, "this": true, "present": true, "index": true}

// patientsWork reports whether the phrase at tokens [i, i+n) is about the patient's work, not
// the treatment's: a denial ending in "work" right after a word naming the patient ("she did
// not work for six months", not "steroids did not work" nor "he returned to work").
func patientsWork(toks []token, i, n int) bool {
	if n < 2 || toks[i+n-1].norm != "work" || !workDenials[toks[i].norm] || i == 0 || toks[i].brk {
		return false
	}
	w := toks[i-1].norm
	return patientWords[w] || w == "i"
}

// workDenials open the phrases that deny work ("did not work", "failed to work").
var workDenials = map[string]bool{"did": true, "didnt": true, "does": true, "doesnt": true, "do": true, "dont": true, "failed": true}
