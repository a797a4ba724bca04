// Package vocab owns tresp's controlled vocabularies: drugs and procedures (generic name,
// ATC code, class), diseases (canonical name, ICD-10 code, group), condition subtypes,
// treatment-outcome phrases and their ordinal categories, plus the routes, body sites and
// text cues used to read free-text cells.
//
// The vocabularies are tab-separated data files embedded from terms/*.tsv; nothing
// disease-specific is hard-coded in Go. Users extend or override them with files of the
// same format through Vocabulary.Extend. Matching is word-based on normalised text (case,
// diacritics, punctuation and whitespace ignored; apostrophes dropped), leftmost-longest,
// and linear in the length of the text. Misspellings are matched by restricted
// Damerau–Levenshtein distance (≤ 1 for terms of up to 6 characters, ≤ 2 for longer
// ones, first letter equal, words of 5 or more letters only; ties between different
// canonical names are rejected as ambiguous). Outcome categories follow a best-overall-
// response rule and map onto CDISC ADRS-style codes (CR, PR, SD, PD, NE).
package vocab
