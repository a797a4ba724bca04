package vocab

import "strings"

// wordFall and wordRise are the change words that beneficialChange reads by the
// direction of benefit of the measure beside them.
var (
	wordFall = map[string]bool{"decreased": true, "decrease": true, "decline": true, "declined": true, "reduced": true,
		"reduction": true, "lowered": true, "lowering": true, "fell": true, "dropped": true, "diminished": true}
	wordRise = map[string]bool{"increased": true, "increase": true, "rose": true, "rise": true, "rising": true, "raised": true, "climbed": true, "climbing": true, "raise": true}
	// treatmentWords near a change word make it a change of the treatment, not of the disease
	treatmentWords = map[string]bool{"mg": true, "dose": true, "doses": true, "dosage": true, "dosing": true, "taper": true,
		"tapered": true, "tapering": true, "steroid": true, "steroids": true, "gc": true, "gcs": true, "prednisone": true,
		"prednisolone": true, "glucocorticoid": true, "glucocorticoids": true, "corticosteroid": true, "corticosteroids": true,
		"requirement": true, "requirements": true, "need": true, "insulin": true}
)

// measureChange reads a weak change word ("decreased", "rose") by a measure of scores.tsv
// within five words before or four after it, with no word of dose or treatment there ("the
// prednisolone dose was reduced"): 1 when the change goes the measure's better direction
// ("the platelet count rose", "decrease of inflammatory markers"), -1 when it goes the
// other way, 0 when there is no such measure. A change in the adverse direction stays weak
// (it may be an adverse effect rather than the disease).
func (c *compiled) measureChange(toks []token, t target) int {
	if !t.entry.weak() || t.j-t.i != 1 {
		return 0
	}
	w := toks[t.i].norm
	var want string
	switch {
	case wordFall[w]:
		want = "lower"
	case wordRise[w]:
		want = "higher"
	default:
		return 0
	}
	lo, hi := max(0, t.i-5), min(len(toks), t.j+4)
	for k := lo; k < hi; k++ {
		if treatmentWords[toks[k].norm] {
			return 0
		}
	}
	for k := lo; k < hi; k++ {
		if k >= t.i && k < t.j {
			continue
		}
		for n := 3; n >= 1; n-- {
			if k+n > hi || (k < t.i && k+n > t.i) {
				continue
			}
			if better, ok := c.measures[joinNorms(toks[k:k+n])]; ok {
				if better != want {
					return -1
				}
				return 1
			}
		}
	}
	return 0
}

// doseChanges returns the token positions of the dose-change cues, in text order.
func doseChanges(cues []cueHit) []int {
	var at []int
	for _, cu := range cues {
		if cu.e.role == cueDoseChange {
			at = append(at, cu.i)
		}
	}
	return at
}

// measureAdjacent reports whether a measure's name stands right beside the change word of t:
// before it with only words of a verb phrase between ("proteinuria did not decrease",
// "the platelet count has not risen") or after it with only an article or possessive
// between ("did not raise the platelet counts"), in its clause.
func (c *compiled) measureAdjacent(toks []token, t target) bool {
	k := t.i // the token after a measure before the change word
	for k > 0 && k > t.i-4 && verbFillers[toks[k-1].norm] && !toks[k].brk {
		k--
	}
	if (k == t.i || !toks[k].brk) && c.measureRightBefore(toks, k) {
		return true
	}
	j := t.j // the first word of a measure after it
	for j < len(toks) && j <= t.j+1 && (determiners[toks[j].norm] || objectArticles[toks[j].norm]) && !toks[j].brk {
		j++
	}
	if j >= len(toks) || toks[j].brk {
		return false
	}
	if _, ok := c.measures[toks[j].norm]; ok {
		return true
	}
	return c.measureAt(toks, j) > 0
}

// verbFillers may stand between a measure and its change word: auxiliaries and negation.
var verbFillers = map[string]bool{"did": true, "does": true, "do": true, "not": true, "has": true, "have": true, "had": true,
	"was": true, "were": true, "is": true, "are": true, "been": true, "never": true, "no": true, "further": true, "significantly": true}

// objectArticles may stand, beside the determiners, between a change word and the measure it
// takes as object ("did not raise any platelet count").
var objectArticles = map[string]bool{"its": true, "a": true, "any": true}

// scoresAtZero returns the tokens of a zero that a measure of scores.tsv, lower being
// better, is given as after the course ("BVAS 0 at 6 months", "SLEDAI-2K 0", "pain VAS
// 0/10"): the floor of the measure, `complete` (rule 5: 100 % is complete). The zero
// must follow the measure's name, directly or after "score", "level", "=", ":" or "of",
// and be a value of its own: not the start of a range or change ("0 to 3", "0 → 2"), nor a
// decimal; a text that names a baseline ("BVAS 0 at baseline") gives none.
func (c *compiled) scoresAtZero(text string, toks []token) []int {
	if !strings.Contains(text, "0") || containsFoldASCII(text, "baseline") {
		return nil
	}
	var out []int
	for k, tk := range toks {
		if tk.norm != "0" || tk.arrow {
			continue
		}
		m := k
		if m > 0 && toks[m-1].norm == "of" && !toks[m].brk {
			m--
		}
		if m == 0 || c.betterRightBefore(toks, m) != "lower" {
			continue // a higher-is-better measure at zero is at its worst
		}
		if sep := strings.TrimSpace(text[toks[m-1].end:toks[m].start]); sep != "" && sep != "=" && sep != ":" && sep != "-" {
			continue
		}
		rest := text[tk.end:]
		if strings.HasPrefix(rest, ".") && len(rest) > 1 && isDigitByte(rest[1]) || strings.HasPrefix(rest, "%") {
			continue
		}
		if k+1 < len(toks) && (toks[k+1].arrow || toks[k+1].norm == "to" || isNumber(toks[k+1].norm) && !strings.HasPrefix(strings.TrimSpace(rest), "/")) {
			continue // "0 to 3", "0 → 2", "0 3": not one value
		}
		out = append(out, k)
	}
	return out
}

// betterRightBefore returns which direction is better ("lower", "higher") for the measure
// of scores.tsv named right before token k, or before "score" or "level" right before it;
// "" when none is.
func (c *compiled) betterRightBefore(toks []token, k int) string {
	for n := 3; n >= 1; n-- {
		if n <= k {
			if b, ok := c.measures[joinNorms(toks[k-n:k])]; ok {
				return b
			}
		}
	}
	if k >= 2 && (toks[k-1].norm == "score" || toks[k-1].norm == "level") {
		return c.betterRightBefore(toks, k-1)
	}
	return ""
}
