package stats_test

import (
	"fmt"

	"github.com/tresp/tresp/stats"
)

// Three responders out of seven patients. R 4.2.2: binom.test(3, 7)$conf.int
// = 0.0990 0.8159; prop.test(3, 7, correct = FALSE)$conf.int = 0.1582 0.7495.
func ExampleBinomialCI() {
	for _, m := range []stats.CIMethod{stats.ClopperPearson, stats.Wilson, stats.Jeffreys} {
		iv := stats.BinomialCI(3, 7, 0.95, m)
		fmt.Printf("%-15s %.4f [%.4f, %.4f]\n", m, iv.Estimate, iv.Low, iv.High)
	}
	empty := stats.BinomialCI(0, 0, 0.95, stats.ClopperPearson)
	fmt.Println(empty.Low, empty.High, empty.Warnings)
	// Output:
	// clopper-pearson 0.4286 [0.0990, 0.8159]
	// wilson          0.4286 [0.1582, 0.7495]
	// jeffreys        0.4286 [0.1389, 0.7655]
	// NaN NaN [n = 0: no observations, so there is no proportion and no confidence interval]
}

func ExampleParseCIMethod() {
	m, err := stats.ParseCIMethod("Wilson")
	fmt.Println(m, err)
	_, err = stats.ParseCIMethod("wald")
	fmt.Println(err)
	// Output:
	// wilson <nil>
	// unknown confidence interval method "wald" (use one of clopper-pearson, wilson, jeffreys)
}

func ExampleCIMethod_String() {
	fmt.Println(stats.ClopperPearson, stats.Jeffreys)
	// Output: clopper-pearson jeffreys
}

func ExampleCIMethodNames() {
	fmt.Println(stats.CIMethodNames())
	// Output: [clopper-pearson wilson jeffreys]
}

// Nine of 30 responders under treatment A against 2 of 30 under B.
// R 4.2.2: fisher.test(matrix(c(9, 21, 2, 28), 2, byrow = TRUE)) gives
// p = 0.0419, odds ratio 5.832 and CI 1.0505–61.07 (uniroot-limited; the
// converged upper bound is 61.03).
func ExampleFisherExact() {
	r := stats.FisherExact(9, 21, 2, 28, 0.95)
	fmt.Printf("p = %.4f, OR = %.3f [%.4f, %.2f]\n", r.PValue, r.OddsRatio, r.ORLow, r.ORHigh)

	// No responder in group A: the conditional MLE is 0.
	r = stats.FisherExact(0, 10, 3, 7, 0.95)
	fmt.Printf("p = %.4f, OR = %g [%g, %.4f]\n", r.PValue, r.OddsRatio, r.ORLow, r.ORHigh)
	// Output:
	// p = 0.0419, OR = 5.832 [1.0505, 61.03]
	// p = 0.2105, OR = 0 [0, 2.2552]
}

// Four p-values, one tied pair after adjustment: 4·0.03/3 = 0.04 and
// min(4·0.01/2, …) = 0.02, as p.adjust(p, "BH") computes them.
func ExampleAdjustBH() {
	for _, q := range stats.AdjustBH([]float64{0.01, 0.04, 0.03, 0.005}) {
		fmt.Printf("%.4f ", q)
	}
	fmt.Println()
	// Output: 0.0200 0.0400 0.0400 0.0200
}
