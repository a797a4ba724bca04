package vocab

// Function regained: a patient doing again what the disease had stopped ("can hold a pen
// again", "walks again", "kneels at church again", "able to return to her previous
// occupation"). Case reports and sheets often give a response this way, above all in
// rheumatology, neurology and the skin's chronic diseases. It is read as partial (a clear
// gain that says nothing of the lesions) and secondary: any outcome stated beside it decides.
// Not when denied in its clause ("still can't walk again", "unable to return to work").

// ruleFunction names the rule of a function regained in the evidence.
const ruleFunction = "function regained"

// activities are the forms of everyday activities a disease may stop.
var activities = map[string]bool{"ate": true, "bathe": true, "bathed": true, "bathes": true, "bathing": true, "bend": true, "bending": true, "bends": true, "bent": true, "carried": true, "carries": true, "carry": true, "carrying": true, "chew": true, "chewed": true, "chewing": true, "chews": true, "climb": true, "climbed": true, "climbing": true, "climbs": true, "cook": true, "cooked": true, "cooking": true, "cooks": true, "dance": true, "danced": true, "dances": true, "dancing": true, "drive": true, "drives": true, "driving": true, "drove": true, "eat": true, "eating": true, "eats": true, "garden": true, "gardened": true, "gardening": true, "gardens": true, "grip": true, "gripped": true, "gripping": true, "grips": true, "hike": true, "hiked": true, "hikes": true, "hiking": true, "jog": true, "jogged": true, "jogging": true, "jogs": true, "kneel": true, "kneeling": true, "kneels": true, "knelt": true, "knit": true, "knits": true, "knitted": true, "knitting": true, "lift": true, "lifted": true, "lifting": true, "lifts": true, "play": true, "played": true, "playing": true, "plays": true, "running": true, "sang": true, "sat": true, "sew": true, "sewed": true, "sewing": true, "sews": true, "shower": true, "showered": true, "showering": true, "showers": true, "sing": true, "singing": true, "sings": true, "sit": true, "sits": true, "sitting": true, "ski": true, "skied": true, "skiing": true, "skis": true, "sleep": true, "sleeping": true, "sleeps": true, "slept": true, "speak": true, "speaking": true, "speaks": true, "spoke": true, "squat": true, "squats": true, "squatted": true, "squatting": true, "stand": true, "standing": true, "stands": true, "stood": true, "swallow": true, "swallowed": true, "swallowing": true, "swallows": true, "swam": true, "swim": true, "swimming": true, "swims": true, "talk": true, "talked": true, "talking": true, "talks": true, "travel": true, "traveled": true, "traveling": true, "travelled": true, "travelling": true, "travels": true, "type": true, "typed": true, "types": true, "typing": true, "walk": true, "walked": true, "walking": true, "walks": true, "wear": true, "wearing": true, "wears": true, "wore": true, "work": true, "worked": true, "working": true, "works": true, "write": true, "writes": true, "writing": true, "wrote": true}

// functionDenials in a clause before the activity deny it.
var functionDenials = map[string]bool{"not": true, "unable": true, "cant": true, "cannot": true, "couldnt": true,
	"never": true, "no": true, "nor": true, "tried": true, "attempted": true, "trying": true, "impossible": true, "difficult": true}

// functionTargets returns the statements of function regained in toks that no phrase or cue
// already holds (used).
func functionTargets(toks []token, used []bool) []target {
	var out []target
	for k, tk := range toks {
		if tk.norm != "again" || used[k] {
			continue
		}
		start := k
		for start > 0 && !toks[start].brk && k-start < 6 {
			start--
		}
		act := -1
		for x := start; x < k; x++ {
			if activities[toks[x].norm] && !used[x] {
				act = x
				break
			}
		}
		if act < 0 || deniedFunction(toks, act) || despiteBefore(toks, act) {
			continue
		}
		out = append(out, target{i: act, j: k + 1, entry: outcomeEntry{phrase: ruleFunction, category: Partial, negated: None,
			secondary: true, role: roleSecondary}, category: Partial, rule: ruleFunction})
	}
	return out
}

// deniedFunction reports whether a denial stands before the activity at token act in its
// clause ("still can't squat again").
func deniedFunction(toks []token, act int) bool {
	for x := act - 1; x >= 0 && act-x <= 4; x-- {
		if functionDenials[toks[x].norm] {
			return true
		}
		if toks[x].brk {
			break
		}
	}
	return false
}

// despiteBefore reports whether "despite" stands before token k in the text: "despite
// treatment, … she walked again" sets the gain against the course.
func despiteBefore(toks []token, k int) bool {
	for x := 0; x < k; x++ {
		if toks[x].norm == "despite" {
			return true
		}
	}
	return false
}

// wellBeing are the patient's sleep, mood and daily life, which a course may improve while the
// disease's own signs do not change: a statement said of them ("sleep better", "improved
// sleep", "improvement in quality of life", "mood unchanged") is secondary, as a function
// regained is, so that the disease's own statement beside it decides.
var wellBeing = map[string]bool{"sleep": true, "sleeping": true, "mood": true, "appetite": true, "energy": true,
	"qol": true, "wellbeing": true, "well-being": true, "life": true}

// wellBeingBesideMeasure makes the statements said of the patient's well-being secondary when
// a number of the disease's own measure stands beside them ("sleep better, itch NRS 7→5",
// "NRS 3 (from 7) but sleep unchanged"): the measure decides. Alone, or beside words only,
// they keep their reading: in a disease of sleep or mood they are the disease's own.
func wellBeingBesideMeasure(toks []token, targets []target) {
	measured := false
	for _, t := range targets {
		measured = measured || t.quantity && !t.negated && !t.history && !wellBeingOf(toks, t)
	}
	if !measured {
		return
	}
	for k := range targets {
		if t := &targets[k]; !t.quantity && !t.entry.marker && wellBeingOf(toks, *t) {
			t.entry.secondary = true
		}
	}
}

// wellBeingOf reports whether the statement t is a plain change said of the patient's
// well-being alone: a plain word of change ("better", "improved", "unchanged"; not "much
// improved") right after a well-being word that no other noun is listed with ("sleep better";
// not "itch and sleep better"), or followed by "in" or "of" and one ("improvement in sleep";
// not "improvement in sleep and itch").
func wellBeingOf(toks []token, t target) bool {
	if !plainChanges[t.entry.normPhrase()] || t.i > 0 && plainDegreeBefore[toks[t.i-1].norm] {
		return false
	}
	if t.i > 0 && !toks[t.i].brk && wellBeing[toks[t.i-1].norm] && toks[t.i-1].norm != "life" {
		k := t.i - 1
		return k == 0 || toks[k].brk || !listLinks[toks[k-1].norm]
	}
	k := t.j
	if k+1 >= len(toks) || toks[k].brk || toks[k+1].brk || toks[k].norm != "in" && toks[k].norm != "of" {
		return false
	}
	k++
	end := k + 1
	if toks[k].norm == "quality" && k+2 < len(toks) && toks[k+1].norm == "of" && toks[k+2].norm == "life" {
		end = k + 3
	} else if !wellBeing[toks[k].norm] || toks[k].norm == "life" {
		return false
	}
	return end >= len(toks) || toks[end].brk || !listLinks[toks[end].norm]
}

// plainChanges are the words of change without a degree that wellBeingOf reads.
var plainChanges = map[string]bool{"better": true, "improved": true, "improvement": true, "unchanged": true,
	"same": true, "no change": true, "not changed": true, "worse": true, "stable": true}

// plainDegreeBefore are the words of degree that make a change more than plain ("much better").
var plainDegreeBefore = map[string]bool{"much": true, "greatly": true, "markedly": true, "significantly": true,
	"dramatically": true, "marked": true, "significant": true, "dramatic": true, "substantial": true,
	"substantially": true, "considerably": true, "considerable": true, "remarkable": true, "remarkably": true,
	"very": true, "far": true, "great": true}
