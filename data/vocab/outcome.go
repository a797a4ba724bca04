package vocab

import (
	"fmt"
	"strings"
)

// Category is an ordinal treatment-response category. The ordered categories are
// Complete > Partial > Minimal > None > Progression; NotEvaluable and CategoryUnknown are
// outside the order.
type Category int

// The outcome categories.
const (
	CategoryUnknown Category = iota // no confident reading: the text is unclassified (see Unclassified)
	NotEvaluable                    // response could not be assessed (lost to follow-up, died, stopped early)
	Progression                     // worsening, new lesions, recurrence
	None                            // no change, poor response, stable
	Minimal                         // minimal, mild or slight improvement
	Partial                         // improvement short of resolution
	Complete                        // complete resolution
)

// Unclassified is the reader's explicit abstention: the text does not allow a confident
// reading. It is never silently turned into NotEvaluable; an unclassified course is left
// out of numerator and denominator until a person decides it (review.csv).
const Unclassified = CategoryUnknown

// Confidence says how sure the outcome reader is of a reading.
type Confidence int

// The confidence levels.
const (
	ConfidenceNone Confidence = iota // no reading: the category is Unclassified
	ConfidenceLow                    // a proposed reading a person must confirm (hedged, conflicting, or only weakly cued); not counted until then
	ConfidenceHigh                   // a reading decided by an unambiguous rule
)

var confidenceStrings = [...]string{"none", "low", "high"}

// String returns "none", "low" or "high".
func (c Confidence) String() string {
	if c < 0 || int(c) >= len(confidenceStrings) {
		return fmt.Sprintf("Confidence(%d)", int(c))
	}
	return confidenceStrings[c]
}

// Evidence is what decided an outcome reading: the rule, the context cue that changed the
// phrase (if any), and the decisive phrase with its byte span in the text.
type Evidence struct {
	Rule       string // the deciding rule, e.g. "phrase", "negation", "history", "relapse on course", "percent change", "score threshold"
	Cue        string // the context cue as written ("did not", "refractory to"), if one applied
	Phrase     string // the decisive phrase as written
	Start, End int    // byte span of Phrase in the text
}

// DefaultResponderThreshold is the least category counted as a response by default:
// a responder is a patient with a complete or partial response.
const DefaultResponderThreshold = Partial

var categoryStrings = [...]string{"unclassified", "not evaluable", "progression", "none", "minimal", "partial", "complete"}

// CDISC ADRS-style response codes (RECIST vocabulary): minimal improvement and no change
// both fall short of a partial response and of progression, so both map to SD.
var categoryCodes = [...]string{"", "NE", "PD", "SD", "SD", "PR", "CR"}

// String returns the category name ("complete", "partial", ..., "not evaluable", "unclassified").
func (c Category) String() string {
	if c < 0 || int(c) >= len(categoryStrings) {
		return fmt.Sprintf("Category(%d)", int(c))
	}
	return categoryStrings[c]
}

// Code returns the CDISC ADRS-style code: complete→CR, partial→PR, minimal→SD, none→SD,
// progression→PD, not evaluable→NE, unknown→"".
func (c Category) Code() string {
	if c < 0 || int(c) >= len(categoryCodes) {
		return ""
	}
	return categoryCodes[c]
}

// Ordered reports whether c is one of the ordered categories (Progression to Complete).
func (c Category) Ordered() bool { return c >= Progression && c <= Complete }

// AtLeast reports whether c is an ordered category at least as good as threshold.
// It is false whenever either category is outside the order.
func (c Category) AtLeast(threshold Category) bool {
	return c.Ordered() && threshold.Ordered() && c >= threshold
}

// Responder reports whether c counts as a response at DefaultResponderThreshold.
func (c Category) Responder() bool { return c.AtLeast(DefaultResponderThreshold) }

// ParseCategory parses a category name ("complete", "partial", "minimal", "none",
// "progression", "not evaluable", "unclassified" (or "unknown"); case-insensitive, "-" or "_" for spaces) or
// one of the unambiguous codes CR, PR, PD, NE. SD is rejected because it covers both
// minimal and none.
func ParseCategory(s string) (Category, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.NewReplacer("-", " ", "_", " ").Replace(t)
	for i, n := range categoryStrings {
		if t == n {
			return Category(i), nil
		}
	}
	switch t {
	case "unknown":
		return Unclassified, nil
	case "cr":
		return Complete, nil
	case "pr":
		return Partial, nil
	case "pd":
		return Progression, nil
	case "ne":
		return NotEvaluable, nil
	case "sd":
		return CategoryUnknown, fmt.Errorf("category code %q is ambiguous: SD covers both minimal and none (write minimal or none)", s)
	}
	return CategoryUnknown, fmt.Errorf("unknown outcome category %q (use one of: complete, partial, minimal, none, progression, not evaluable)", s)
}

// PhraseMatch is one outcome phrase found in text.
type PhraseMatch struct {
	Phrase     string   // the phrase as written in the text
	Matched    string   // the vocabulary phrase
	Category   Category // after negation
	Negated    bool     // a negation cue preceded the phrase and changed its category
	Secondary  bool     // secondary evidence (role secondary)
	Marker     bool     // a "not attributable" marker, not an outcome
	Start, End int      // byte offsets into the text
	seg        int
}

// SiteOutcome is the outcome reported for one body site.
type SiteOutcome struct {
	Site       string   // canonical site ("thigh")
	Region     string   // body region ("lower limb")
	Term       string   // the site as first written in the text
	Category   Category // best overall response over the phrases paired with the site
	Code       string   // CDISC code of Category
	Phrase     string   // the decisive phrase as written
	Start, End int      // byte offsets of the first mention of the site
}

// OutcomeMatch is the outcome read from a free-text cell.
type OutcomeMatch struct {
	Category        Category      // patient-level outcome; CategoryUnknown if none found or NotAttributable
	Code            string        // CDISC ADRS-style code of Category (CR, PR, SD, PD, NE; "" if unknown)
	Status          MatchStatus   // StatusExact (the whole text is one phrase), StatusContained, or StatusUnknown
	Phrase          string        // decisive phrase as written ("" for a site roll-up or unknown)
	Rule            string        // "phrase", "best overall response", "site roll-up", "not attributable", or ""
	Phrases         []PhraseMatch // every phrase found, in text order
	Sites           []SiteOutcome // per-site outcomes, in order of first mention
	Mixed           bool          // the phrases (or sites) disagree on the ordered category
	NotAttributable bool          // the text reports aggregate outcomes of several patients
	Confidence      Confidence    // how sure the reading is; Category is Unclassified unless it is ConfidenceHigh
	// Proposed is the reading of a low-confidence text (Confidence is ConfidenceLow,
	// Category is Unclassified): what a reviewer is offered in review.csv. It is never
	// counted until a person confirms or corrects it. CategoryUnknown otherwise.
	Proposed  Category
	Evidence  Evidence // what decided the reading
	Truncated bool     // the text was longer than 64 KiB and only its start was read
	// Spelling lists the words read as outcome words they are slips of ("improvment" as
	// "improvement"); Evidence.Rule names them too.
	Spelling []SpellingFix
}

// bestOverall applies the best-overall-response rule to the phrases idx: the best ordered
// category among primary phrases; else not evaluable if a primary phrase says so; else the
// best ordered category among secondary phrases; else not evaluable if a secondary phrase
// says so. It returns the category and the index of the first phrase that decided it.
func bestOverall(ps []PhraseMatch, idx []int) (Category, int) {
	for _, secondary := range []bool{false, true} {
		best, bk, ne := CategoryUnknown, -1, -1
		for _, k := range idx {
			p := ps[k]
			if p.Secondary != secondary {
				continue
			}
			if p.Category.Ordered() && (bk < 0 || p.Category > best) {
				best, bk = p.Category, k
			}
			if p.Category == NotEvaluable && ne < 0 {
				ne = k
			}
		}
		if bk >= 0 {
			return best, bk
		}
		if ne >= 0 {
			return NotEvaluable, ne
		}
	}
	return CategoryUnknown, -1
}

// rollUp combines site outcomes, and the findings stated apart from any site (the categories
// of primary statements in clauses no site took: "muscle strength normalised"), into one
// patient outcome: those that are not evaluable are ignored; all complete → complete; any
// partial or better → partial (a mixed response); otherwise the worst (progression < none <
// minimal). With no evaluable site or finding the result is not evaluable.
func rollUp(sites []SiteOutcome, findings []Category) Category {
	allComplete, anyResp := true, false
	worst := CategoryUnknown
	n := 0
	add := func(cat Category) {
		if !cat.Ordered() {
			return
		}
		n++
		if cat != Complete {
			allComplete = false
		}
		if cat.AtLeast(Partial) {
			anyResp = true
		}
		if worst == CategoryUnknown || cat < worst {
			worst = cat
		}
	}
	for _, s := range sites {
		add(s.Category)
	}
	for _, f := range findings {
		add(f)
	}
	switch {
	case n == 0:
		return NotEvaluable
	case allComplete:
		return Complete
	case anyResp:
		return Partial
	}
	return worst
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
