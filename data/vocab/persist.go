package vocab

import "strings"

// Words of persistence: what a word such as "remained" or "persisted" says persisted, and
// where its sentence ends (weak words read in context, weak.go).

// persistingState returns the category of the state a word of persistence is followed by in
// its clause, within three words ("remained normal" = complete, "remained improved" =
// partial, "remained stable" = none), or CategoryUnknown when t is not a word of persistence
// or names no such state.
func persistingState(toks []token, t target) Category {
	if !persistenceWords[toks[t.i].norm] && !persistenceWords[toks[t.j-1].norm] {
		return CategoryUnknown
	}
	for k := t.j; k < min(len(toks), t.j+3) && !(k > t.j && toks[k].brk); k++ {
		if c, ok := stateCategories[toks[k].norm]; ok {
			return c
		}
	}
	return CategoryUnknown
}

// stateCategories are the states a word of persistence may name, with their category.
var stateCategories = map[string]Category{"normal": Complete, "asymptomatic": Complete, "free": Complete,
	"negative": Complete, "undetectable": Complete, "healthy": Complete, "afebrile": Complete, "euthymic": Complete,
	"quiescent": Complete, "silent": Complete, "inactive": Complete, "dormant": Complete, "remission": Complete,
	"well": Partial, "improved": Partial, "improving": Partial, "controlled": Partial, "stable": None}

// persistingSubject reports whether a word before a sentence-final word of persistence
// names something bad that persisted ("proteinuria persisted", "symptoms persisted"): not a
// good state or a benefit ("the effect persisted"), and not a pronoun or function word whose
// referent the reader does not know ("it persisted").
func persistingSubject(w string) bool {
	if goodStateWords[w] || benefitWords[w] || functionWords[w] || sequelaWords[w] {
		return false
	}
	return len(w) > 2 || w == "sx" // "sx persisted": symptoms, as extractors abbreviate them
}

var (
	benefitWords = map[string]bool{"effect": true, "effects": true, "benefit": true, "benefits": true, "efficacy": true,
		"result": true, "results": true, "remissions": true, "responses": true, "improvements": true, "recovery": true}
	// sequelaWords name what a healed disease leaves ("a scar remained"): not the disease
	sequelaWords = map[string]bool{"scar": true, "scars": true, "scarring": true, "pigmentation": true,
		"hyperpigmentation": true, "hypopigmentation": true, "atrophy": true, "deformity": true, "sequelae": true}
	functionWords = map[string]bool{"it": true, "this": true, "that": true, "which": true, "these": true, "those": true,
		"they": true, "he": true, "she": true, "has": true, "have": true, "had": true, "was": true, "were": true, "is": true,
		"are": true, "and": true, "or": true, "but": true, "the": true, "a": true, "an": true, "only": true, "also": true}
)

// persistedAtEnd reports whether t is a word of persistence that ends its sentence after
// the thing that persisted ("rash persisted"): read strongly, it is a non-response of that
// thing, which beside a response elsewhere is a disagreement (rule 8).
func persistedAtEnd(text string, toks []token, t target) bool {
	if !persistenceWords[toks[t.i].norm] && !persistenceWords[toks[t.j-1].norm] {
		return false
	}
	return sentenceEndsAfter(text, toks, t.j)
}

// sentenceEndsAfter reports whether the sentence ends before token j, perhaps after a note in
// parentheses ("hives persisted (UAS7 8)").
func sentenceEndsAfter(text string, toks []token, j int) bool {
	if j == len(toks) || strings.ContainsAny(text[toks[j-1].end:toks[j].start], ".;!?") {
		return true
	}
	if strings.TrimSpace(text[toks[j-1].end:toks[j].start]) != "(" {
		return false
	}
	close := strings.IndexByte(text[toks[j].start:], ')')
	if close < 0 {
		return false
	}
	rest := strings.TrimSpace(text[toks[j].start+close+1:])
	return rest == "" || strings.IndexAny(rest[:1], ".;!?") == 0
}
