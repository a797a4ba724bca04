package vocab

// assessmentNouns, right after an outcome word, make it the name of an assessment.
var assessmentNouns = map[string]bool{"assessment": true, "assessments": true, "evaluation": true,
	"evaluations": true, "measurement": true, "measurements": true, "data": true}

// namesAnAssessment reports whether t names an assessment, not its result: an assessment
// noun follows it in its clause ("No HiSCR assessment was made", "response evaluation
// pending").
func namesAnAssessment(toks []token, t target) bool {
	return t.j < len(toks) && !toks[t.j].brk && assessmentNouns[toks[t.j].norm]
}
