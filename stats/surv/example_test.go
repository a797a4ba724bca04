package surv_test

import (
	"fmt"

	"github.com/tresp/tresp/stats/surv"
)

// Days to response for seven patients; false marks a patient censored
// without response. The values agree with R 4.2.2, survival 3.5-3:
// survfit(Surv(time, status) ~ 1) (km.csv, data set last_event).
func ExampleKaplanMeier() {
	days := []float64{2, 4, 4, 6, 9, 9, 12}
	responded := []bool{true, false, true, true, true, false, true}
	c := surv.KaplanMeier(days, responded, surv.DefaultLevel)
	fmt.Println("time n.risk n.event n.censor   surv std.err  lower  upper")
	for _, p := range c.Points {
		fmt.Printf("%4g %6d %7d %8d %6.4f %7.4f %6.4f %6.4f\n",
			p.Time, p.NRisk, p.NEvent, p.NCensor, p.Surv, p.StdErr, p.Lower, p.Upper)
	}
	fmt.Println(c.Warnings)
	// Output:
	// time n.risk n.event n.censor   surv std.err  lower  upper
	//    2      7       1        0 0.8571  0.1543 0.6334 1.0000
	//    4      6       1        1 0.7143  0.2390 0.4471 1.0000
	//    6      4       1        0 0.5357  0.3748 0.2570 1.0000
	//    9      3       1        1 0.3571  0.5542 0.1205 1.0000
	//   12      1       1        0 0.0000    +Inf    NaN    NaN
	// [survival reaches 0 at time 12 (every subject still at risk had the event): the standard error is Inf and the confidence bounds are undefined (NaN) there]
}

// The same curve as cumulative response with the flipped interval.
func ExampleCurve_Cumulative() {
	days := []float64{2, 4, 4, 6, 9, 9, 12}
	responded := []bool{true, false, true, true, true, false, true}
	for _, p := range surv.KaplanMeier(days, responded, 0.95).Cumulative() {
		fmt.Printf("day %2g: %.4f [%.4f, %.4f]\n", p.Time, p.Cum, p.Low, p.High)
	}
	// Output:
	// day  2: 0.1429 [0.0000, 0.3666]
	// day  4: 0.2857 [0.0000, 0.5529]
	// day  6: 0.4643 [0.0000, 0.7430]
	// day  9: 0.6429 [0.0000, 0.8795]
	// day 12: 1.0000 [NaN, NaN]
}

// Days to first response for ten patients, two of whom died before any
// response (surv.Competing). The values agree with R 4.2.2, survival 3.5-3:
// survfit(Surv(time, state) ~ 1) with a factor state (aj.csv, no_ties).
func ExampleAalenJohansen() {
	days := []float64{2, 3, 4, 5, 6, 7, 8, 9, 10, 12}
	st := []surv.Status{surv.Event, surv.Competing, surv.Censored, surv.Event, surv.Event,
		surv.Censored, surv.Competing, surv.Event, surv.Censored, surv.Event}
	c := surv.AalenJohansen(days, st, surv.DefaultLevel)
	fmt.Println("time n.risk resp death  free   resp std.err  lower  upper  death")
	for _, p := range c.Points {
		fmt.Printf("%4g %6d %4d %5d %5.3f %6.4f %7.4f %6.4f %6.4f %6.4f\n",
			p.Time, p.NRisk, p.NEvent, p.NCompeting, p.EventFree, p.Cum, p.StdErr, p.Lower, p.Upper, p.CumCompeting)
	}
	// Output:
	// time n.risk resp death  free   resp std.err  lower  upper  death
	//    2     10    1     0 0.900 0.1000  0.0949 0.0156 0.6420 0.0000
	//    3      9    0     1 0.800 0.1000  0.0949 0.0156 0.6420 0.1000
	//    4      8    0     0 0.800 0.1000  0.0949 0.0156 0.6420 0.1000
	//    5      7    1     0 0.686 0.2143  0.1350 0.0623 0.7369 0.1000
	//    6      6    1     0 0.571 0.3286  0.1562 0.1294 0.8341 0.1000
	//    7      5    0     0 0.571 0.3286  0.1562 0.1294 0.8341 0.1000
	//    8      4    0     1 0.429 0.3286  0.1562 0.1294 0.8341 0.2429
	//    9      3    1     0 0.286 0.4714  0.1756 0.2272 0.9782 0.2429
	//   10      2    0     0 0.286 0.4714  0.1756 0.2272 0.9782 0.2429
	//   12      1    1     0 0.000 0.7571  0.1521 0.5108 1.0000 0.2429
}
