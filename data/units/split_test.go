package units

import (
	"reflect"
	"testing"
)

func TestSplitTreatment(t *testing.T) {
	tests := []struct {
		cell string
		want []string
	}{
		{"Diltiazem 60 mg TDS + risedronate 35 mg weekly", []string{"Diltiazem 60 mg TDS", "risedronate 35 mg weekly"}},
		{"methotrexate 15 mg weekly; diltiazem 60 mg tid", []string{"methotrexate 15 mg weekly", "diltiazem 60 mg tid"}},
		{"diltiazem plus risedronate", []string{"diltiazem", "risedronate"}},
		{"diltiazem\nrisedronate 35 mg weekly\r\n", []string{"diltiazem", "risedronate 35 mg weekly"}},
		{"diltiazem 60 mg tid, increased to 90 mg tid and then 120 mg", []string{"diltiazem 60 mg tid, increased to 90 mg tid and then 120 mg"}},
		{"oral steroids, hydroxychloroquine, calcium and risedronate", []string{"oral steroids, hydroxychloroquine, calcium and risedronate"}},
		{"rituximab (375 mg/m2; weekly) + IVIG", []string{"rituximab (375 mg/m2; weekly)", "IVIG"}},
		{"diltiazem 30 mg 1+0+1", []string{"diltiazem 30 mg 1+0+1"}},
		{"STS & diltiazem", []string{"STS", "diltiazem"}},
		{"surplus", []string{"surplus"}},
		{" ; + ", nil},
		{"", nil},
	}
	for _, tc := range tests {
		if got := SplitTreatment(tc.cell); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SplitTreatment(%q) = %q, want %q", tc.cell, got, tc.want)
		}
	}
}
