package vocab

// unreportedPhrase is the phrase an unreported outcome is shown as matching in the evidence.
const unreportedPhrase = "outcome not reported"

// Reaches of the unreported construction, in words: between "no" and its report noun ("no
// post-op outcome stated"), between a report noun and its "not stated" word after "no" ("no
// IVIG response reported" has none, "no response to the course stated" three, none of them
// an outcome word), and between a report noun and "not" or an unstated word
// ("response to the second course not reported", "outcome of pregnancy unknown").
const (
	unreportedLead  = 2
	unreportedAfter = 3
	unreportedGap   = 3
)

// offTopics are the words that make an unreported thing something else than the outcome
// ("no safety data reported", "no information given on adverse events", "no PK data").
var offTopics = map[string]bool{"safety": true, "toxicity": true, "adverse": true, "side": true, "dosing": true,
	"dose": true, "pk": true, "pharmacokinetic": true, "pharmacokinetics": true, "tolerability": true, "cost": true}

// offTopicNear reports whether a word of offTopics stands in toks[from:to] or in the three
// words after to, in the clause.
func offTopicNear(toks []token, from, to int) bool {
	for x := from; x < len(toks) && x < to+3; x++ {
		if x > from && x >= to && toks[x].brk {
			return false
		}
		if offTopics[toks[x].norm] {
			return true
		}
	}
	return false
}

// leadPrepositions before the report noun after "no" make the noun another's complement
// ("no change in status reported").
var leadPrepositions = map[string]bool{"during": true, "on": true, "at": true, "in": true, "after": true,
	"of": true, "for": true, "with": true, "since": true, "from": true}

// copulas stand between a report noun and "not" ("outcome was not reported"); after "no
// response" they make a statement of its own ("no response was reported" may say the
// patient did not respond), so that form is left to the outcome phrases.
var copulas = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "has": true,
	"have": true, "had": true}

// unstatedFollowers may follow an unstated word in its clause ("outcome unknown at discharge");
// any other word makes it an attribute of what follows ("response to unknown allergen").
var unstatedFollowers = map[string]bool{"at": true, "in": true, "after": true, "from": true, "for": true,
	"since": true, "because": true, "due": true, "as": true, "beyond": true, "until": true}

// unreportedTrie returns the trie of the words of an unreported outcome that a cue of role
// r belongs to, or nil for the other cue roles.
func (c *compiled) unreportedTrie(r cueRole) *trieNode {
	switch r {
	case cueReportNoun:
		return c.reportNouns
	case cueFollowUpNoun:
		return c.followUpNouns
	case cueNotStated:
		return c.notStated
	case cueUnstated:
		return c.unstated
	case cueHarm:
		return c.harms // read only as a stop's reason (reasonBefore)
	}
	return nil
}

// unreportedAt returns the length in tokens of a statement, starting at toks[i], that the
// outcome of the course was not reported, or 0, and the id of the outcome entry it reads as:
// c.unreported for a report noun of the outcome itself ("response not assessed": response
// words before it in its clause were not assessed), c.unreportedAside for a follow-up noun
// ("no FU reported": a response stated beside it stands), or c.unreportedWeak when the noun
// after "no" is a response word of its own ("no IVIG response reported" may report that the
// patient did not respond, as "no response reported" in outcomes.tsv: a proposal only, even
// as the whole cell). The words come from cues.tsv (roles report noun, follow-up noun, not
// stated and unstated) and must stand in one clause, in one of three forms:
//   - "no", up to unreportedLead modifiers, a noun, up to unreportedAfter words and a
//     not-stated word: "no FU reported", "no post-op outcome stated", "no response data
//     available"; a modifier that is an outcome word or a preposition ends it ("no relapse
//     during follow-up reported" denies the relapse);
//   - a noun, up to unreportedGap words (copulas not counted), "not" or "never" (and "yet")
//     and a not-stated word: "result not given in abstract", "details of outcome were not
//     provided";
//   - a noun, up to unreportedGap words and an unstated word that ends the clause or is
//     followed by a preposition or a time: "outcome unknown", "response assessment pending",
//     "response pending (wk 4 visit)".
//
// The words between may not start an outcome phrase ("response improved, not reported" is
// read by its phrases) and, after "no", may not be a copula; a word of offTopics in it or
// within three words after it makes it another report ("no safety data reported").
func (c *compiled) unreportedAt(toks []token, i int) (int, int) {
	if c.unreported <= 0 {
		return 0, 0
	}
	var n, id int
	if toks[i].norm == "no" {
		n, id = c.unreportedAfterNo(toks, i)
	} else if nn, nid := c.reportNoun(toks, i); nn > 0 {
		n, id = c.unreportedAfterNoun(toks, i, nn), nid
	}
	if n == 0 || offTopicNear(toks, i, i+n) {
		return 0, 0
	}
	return n, id
}

// reportNoun returns the length of the report noun at toks[i] (0 when there is none) and the
// outcome entry its construction reads as: c.unreported for a noun of the outcome itself
// ("response not assessed"), c.unreportedAside for a follow-up noun ("follow-up", "data"),
// not evaluable without setting aside a response stated beside it ("complete remission with
// no further follow-up reported").
func (c *compiled) reportNoun(toks []token, i int) (int, int) {
	if n, _ := c.reportNouns.longest(toks, i, nil); n > 0 {
		return n, c.unreported
	}
	if _, measure := c.measures[toks[i].norm]; toks[i].upper && (measure || c.scoreTerms[toks[i].norm]) {
		// "PASI not repeated", "no EASI recorded": a score's acronym, the measure of the
		// outcome (not a measure named by a word: "no episodes of fever")
		return 1, c.unreported
	}
	n, _ := c.followUpNouns.longest(toks, i, nil)
	return n, c.unreportedAside
}

// unreportedAfterNoun is unreportedAt's second and third forms, toks[i:i+n] being a report noun.
func (c *compiled) unreportedAfterNoun(toks []token, i, n int) int {
	gap := 0 // the words between, copulas not counted ("outcome of this pregnancy was not described")
	for q := i + n; q < len(toks) && gap <= unreportedGap; q++ {
		if toks[q].brk {
			return 0
		}
		if !copulas[toks[q].norm] {
			gap++
		}
		switch w := toks[q].norm; {
		case w == "not" || w == "never":
			r := q + 1
			if r < len(toks) && toks[r].norm == "yet" && !toks[r].brk {
				r++
			}
			if r < len(toks) && (toks[r].norm == "be" || toks[r].norm == "been") && !toks[r].brk {
				r++ // "response could not be determined"
			}
			if r < len(toks) && !toks[r].brk {
				if m, _ := c.notStated.longest(toks, r, nil); m > 0 {
					return r + m - i
				}
			}
			return 0
		case copulas[w]:
			continue
		}
		if m, _ := c.unstated.longest(toks, q, nil); m > 0 {
			if end := q + m; end == len(toks) || toks[end].brk || unstatedFollowers[toks[end].norm] || timeToken(toks[end]) {
				return end - i
			}
			return 0
		}
		if m, _ := c.outTrie.longest(toks, q, nil); m > 0 {
			return 0
		}
	}
	return 0
}

// aboutClause returns the end of what a missing report is about when toks[q] is a word of
// aboutWords and one to unreportedAbout words follow it to the clause's end or to a copula
// ("on calcinosis response", "about the outcome", "of hair regrowth was made"), else 0.
func aboutClause(toks []token, q int) int {
	if q >= len(toks) || toks[q].brk || !aboutWords[toks[q].norm] {
		return 0
	}
	end := q + 1
	for end < len(toks) && !toks[end].brk && !(copulas[toks[end].norm] && end > q+1) {
		end++ // to the clause's end, or a copula after what it is about ("… of regrowth was made")
	}
	if n := end - q - 1; n < 1 || n > unreportedAbout {
		return 0
	}
	return end
}

// aboutWords after a follow-up noun name what it is about ("no data on response").
var aboutWords = map[string]bool{"on": true, "about": true, "regarding": true, "concerning": true, "of": true}

// unreportedAbout is how many words may name what missing data are about ("no data on
// calcinosis response").
const unreportedAbout = 6

// unreportedAfterNo is unreportedAt's first form (and "no" with a follow-up noun and what it is
// about), toks[i] being "no".
func (c *compiled) unreportedAfterNo(toks []token, i int) (int, int) {
	for k := i + 1; k < len(toks) && k <= i+1+unreportedLead; k++ {
		if toks[k].brk || copulas[toks[k].norm] {
			return 0, 0
		}
		n, id := c.reportNoun(toks, k)
		r, _ := c.outTrie.longest(toks, k, c.notLabel)
		if n == 0 {
			if r > 0 || leadPrepositions[toks[k].norm] {
				return 0, 0 // "no relapse during follow-up reported": the relapse is what is denied
			}
			continue
		}
		if m, _ := c.followUpNouns.longest(toks, k+n, nil); m > 0 && id == c.unreported && !toks[k+n].brk {
			if end := k + n + m; end == len(toks) || toks[end].brk || unstatedFollowers[toks[end].norm] || cellTimeWords[toks[end].norm] {
				// "no efficacy data", "no outcome data at 6 months": the data are what is missing,
				// whatever the noun before them may say alone
				return end - i, c.unreported
			}
		}
		if r > 0 {
			id = c.unreportedWeak // "no IVIG response reported"
		}
		if end := aboutClause(toks, k+n); end > 0 && r == 0 && (id == c.unreportedAside || id == c.unreported) {
			// "no data on calcinosis response", "no information about the outcome", "no
			// assessment of hair regrowth was made": what the data would be about, to the
			// clause's end or a copula, was not reported
			return end - i, c.unreported
		}
		for q := k + n; q < len(toks) && q <= k+n+unreportedAfter; q++ {
			if copulas[toks[q].norm] && r == 0 && !toks[q].brk && q+1 < len(toks) && !toks[q+1].brk {
				// "no outcome is given", "no data were available": the copula and a not-stated
				// word; not after a response word ("no response was reported" reports none)
				if m, _ := c.notStated.longest(toks, q+1, nil); m > 0 {
					return q + 1 + m - i, id
				}
			}
			if toks[q].brk || copulas[toks[q].norm] {
				return 0, 0
			}
			if m, _ := c.notStated.longest(toks, q, nil); m > 0 {
				return q + m - i, id
			}
			if m, _ := c.outTrie.longest(toks, q, nil); m > 0 {
				return 0, 0 // "no response to treatment, improved later": a statement of its own
			}
		}
		return 0, 0
	}
	return 0, 0
}

// notLabel is an accept function of the outcome trie that refuses phrases of role label
// ("resp"), which are outcome words only before a label's separator.
func (c *compiled) notLabel(ids []int, _ []token) []int {
	keep := ids[:0:0]
	for _, id := range ids {
		if c.outcomes[id].role != roleLabel {
			keep = append(keep, id)
		}
	}
	return keep
}
