package vocab_test

import (
	"fmt"

	"github.com/tresp/tresp/data/vocab"
)

func ExampleVocabulary_Drug() {
	v := vocab.Default()
	for _, q := range []struct{ term, route, hint string }{
		{"Cardizem", "", ""},
		{"diltiazem", "topical", ""},
		{"methotrexate", "oral", "weekly"},
		{"risodronate", "", ""},
	} {
		m := v.Drug(q.term, q.route, q.hint)
		fmt.Printf("%s: %s %s (%s, %v, distance %d, code by %s)\n", q.term, m.Canonical, m.Code, m.Class, m.Status, m.Distance, m.Basis)
	}
	// Output:
	// Cardizem: diltiazem C08DB01 (calcium channel blocker, synonym, distance 0, code by default)
	// diltiazem: diltiazem C05AE03 (calcium channel blocker, exact, distance 0, code by route)
	// methotrexate: methotrexate L04AX03 (immunosuppressant, exact, distance 0, code by hint)
	// risodronate: risedronate M05BA07 (bisphosphonate, fuzzy, distance 1, code by only)
}

func ExampleVocabulary_ScanDrugs() {
	text := "oral steroids and azathioprine for Dermatomyositis and oral calcium and risodronate"
	for _, m := range vocab.Default().ScanDrugs(text) {
		fmt.Printf("[%d:%d] %s → %s %s route=%q %v\n", m.Start, m.End, m.Term, m.Canonical, m.Code, m.Route, m.Status)
	}
	// Output:
	// [5:13] steroids → corticosteroid H02AB route="oral" synonym
	// [18:30] azathioprine → azathioprine L04AX01 route="" exact
	// [60:67] calcium → calcium A12AA route="oral" exact
	// [72:83] risodronate → risedronate M05BA07 route="" fuzzy
}

func ExampleVocabulary_Outcome() {
	o := vocab.Default().Outcome("The lesions over thigh responded well whereas the lesions over sacrum showed poor response")
	for _, s := range o.Sites {
		fmt.Printf("%s: %v (%s) from %q\n", s.Site, s.Category, s.Code, s.Phrase)
	}
	fmt.Printf("patient: %v (%s) by %s, responder %v\n", o.Category, o.Code, o.Rule, o.Category.Responder())
	// Output:
	// thigh: partial (PR) from "responded well"
	// sacrum: none (SD) from "poor response"
	// patient: partial (PR) by site roll-up, responder true
}
