// Package vocab owns tresp's controlled vocabularies: drugs and procedures (generic name,
// ATC code, class), diseases (canonical name, ICD-10 code, group), condition subtypes,
// treatment-outcome phrases with their ordinal categories, and the routes, body sites and
// text cues used to read free-text cells.
//
// # Data files
//
// The vocabularies are tab-separated files embedded from terms/*.tsv; nothing
// disease-specific is hard-coded in Go. Each file has a header line naming its columns
// (any order; unknown columns are errors), one row per term, and # comment lines. User
// files have the same format, tab- or comma-separated (the delimiter is a tab if the header
// contains one), and are loaded with Vocabulary.Extend: a user row with the same key as an
// existing row replaces it, other rows are added; errors are *PositionError values naming
// file:line:column and saying what to do, and a failed Extend changes nothing.
//
//	kind      file          columns (see docs/vocabulary.md for required ones)    key
//	drugs     drugs.tsv     term generic kind class atc route indication note     term+route+indication
//	diseases  diseases.tsv  term canonical kind icd10 group note                  term
//	subtypes  subtypes.tsv  term canonical axis condition note                    condition+term
//	outcomes  outcomes.tsv  phrase category negated role note                     phrase
//	cues      cues.tsv      term role note                                        term
//	routes    routes.tsv    term route position note                              term
//	sites     sites.tsv     term site region note                                 term
//	nofuzzy   nofuzzy.tsv   word note                                             word
//
// Drug kinds are generic, brand, salt, abbreviation, synonym, misspelling and class; only
// generic rows carry class, atc, route and indication, other rows inherit them from their
// generic. Procedures are generic rows of class "procedure" without ATC code. Disease
// kinds are canonical, abbreviation, synonym and misspelling; only canonical rows carry
// icd10 and group. A disease note starting with "comorbidity" marks conditions reported
// alongside the primary disease (lupus nephritis in MCTD).
//
// # Matching
//
// Text is normalised to words: letters and digits, lower-cased, Latin diacritics folded
// (Sjögren → sjogren), apostrophes dropped and a possessive 's removed (Diltiazem's →
// diltiazem); every other character separates words. Terms match whole words,
// leftmost-longest ("calcium channel blockers" before "calcium"), in time linear in the
// text. Single-word terms written in upper case of up to 5 characters (MTX, HCQ, STS, DM,
// RA, CREST, CR) match only upper-case words when scanning free text, so "crest" of the
// ilium is not CREST; whole-cell lookups (Drug, Disease) ignore case.
//
// Misspellings are matched by the restricted Damerau–Levenshtein distance (optimal string
// alignment: insertion, deletion, substitution or adjacent transposition, each 1): at most
// 1 for terms of up to 6 characters, at most 2 for longer terms. Only words of 5 or more
// characters are fuzzy-matched, the first letter must agree, and words that are terms of
// any vocabulary or listed in nofuzzy.tsv are never fuzzy-matched. Candidates are drug
// generic, brand and salt names and canonical disease names; synonyms, abbreviations and
// listed misspellings match exactly only (so "later" is not "laser" and "health" is not
// "healthy"). The nearest candidates win; if they name different canonical terms the
// match is StatusAmbiguous and lists Candidates. Every fuzzy match reports its Distance.
//
// # Route- and indication-aware codes
//
// A generic may have several generic rows with different route and indication columns.
// Vocabulary.Drug(term, route, hints...) picks, among the rows whose route is * or equals
// the route and whose indication is empty or has a keyword contained in a hint, the one
// that is most specific: route and indication (Basis "route+hint"), route only ("route"),
// indication only ("hint"), else the default row ("default"); "only" means the generic has
// a single row. Thus diltiazem is C08DB01, topical diltiazem C05AE03; methotrexate is
// L01BA01 unless a hint such as "weekly", "low dose", "rheumatoid arthritis" or
// "dermatomyositis" selects L04AX03. ScanDrugs takes the route from a route word next to
// the mention ("oral calcium", "diltiazem cream") and uses the scanned text and its hints
// argument as hints.
//
// # Outcomes
//
// Outcome reads a free-text cell. The ordered categories are complete > partial > minimal
// > none > progression; not evaluable lies outside the order. Phrases are matched
// leftmost-longest; the data encode that "resolution" and "complete ..." are complete,
// "marked/significant improvement" without resolution is partial, "minimal/mild/slight
// improvement" is minimal and "poor response" is none. A negation cue (cues.tsv: no, not,
// without, did not, failed to, preventing, ...) within the 3 words before a phrase, in the
// same clause, turns it into the phrase's negated category ("did not show any improvement"
// → none; "no new lesions" → none) and makes it secondary evidence. Clauses end at
// . ; , : ! ? | line breaks and at boundary cues (whereas, while, but, however, and, ...).
//
// Several phrases combine by best overall response: the best ordered category among
// primary phrases; else not evaluable if a primary phrase says so; else the same over
// secondary phrases. OutcomeMatch.Mixed flags disagreeing phrases.
//
// Sites: each body site (sites.tsv) is paired with the outcome phrases of its own clause,
// else of the next clause that has phrases, else of the previous one. With two or more
// sites the patient outcome is rolled up: not-evaluable sites are ignored; all sites
// complete → complete; any site partial or better → partial (a mixed response);
// otherwise the worst site (progression < none < minimal); no evaluable site → not
// evaluable. "thigh: responded well; sacrum: poor response" is thigh partial, sacrum none,
// patient partial.
//
// A "not attributable" marker phrase (patients, cases, response rate, ...) means the text
// reports aggregate results of several patients: NotAttributable is set and Category is
// CategoryUnknown, because no individual outcome can be attributed.
//
// CDISC ADRS-style codes: complete → CR, partial → PR, minimal → SD, none → SD,
// progression → PD, not evaluable → NE. Minimal improvement is neither the substantial
// shrinkage of PR nor the growth of PD, which is RECIST's definition of stable disease,
// so minimal and none share SD; the finer category stays in Category. Death and stopping
// for side effects are not evaluable (no response could be assessed); analyses that count
// them as non-responders (intention to treat) decide so downstream. Responders are
// complete or partial by default (DefaultResponderThreshold); Category.AtLeast takes
// another threshold.
package vocab
